import { Link } from 'react-router'
import { flowPath } from '@/lib/app-paths'

/** The flow that reported an artifact, as a link, or "no provenance" when no flow did. */
export function ProvenanceLink({ org, flow }: { org: string; flow: string | null }) {
  return flow ? (
    <Link to={flowPath(org, flow)} className="text-accent hover:underline">
      {flow}
    </Link>
  ) : (
    <span className="text-muted">no provenance</span>
  )
}
