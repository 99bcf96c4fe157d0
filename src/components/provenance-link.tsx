import { flowPath } from '@/lib/app-paths'

/**
 * The flow that reported an artifact, as a link, or "no provenance" when no flow did. A plain
 * anchor, for rows of long tables: the table navigates in the app with `useInAppAnchors`.
 */
export function ProvenanceLink({ org, flow }: { org: string; flow: string | null }) {
  return flow ? (
    <a href={flowPath(org, flow)} className="text-accent hover:underline">
      {flow}
    </a>
  ) : (
    <span className="text-muted">no provenance</span>
  )
}
