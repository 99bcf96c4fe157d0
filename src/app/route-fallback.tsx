import { Skeleton } from '@/components/skeleton'

export function RouteFallback() {
  return (
    <div className="mx-auto max-w-6xl p-6">
      <Skeleton label="Loading Shiplog" />
    </div>
  )
}
