import { shortImageReference } from '@/lib/image-reference'
import { CopyButton } from './copy-button'

/** An image name on one line: shortened (registry and digest elided), in full on hover and copy. */
export function ImageName({ name, className = '' }: { name: string; className?: string }) {
  const short = shortImageReference(name)
  return (
    <span className={`flex min-w-0 items-center gap-1 text-xs text-muted ${className}`}>
      <span className="truncate" title={name}>
        {short}
      </span>
      {short === name ? null : <CopyButton value={name} label={`Copy full image name ${name}`} />}
    </span>
  )
}
