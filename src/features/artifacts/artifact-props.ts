import type { Artifact } from '@/api/artifacts'

/** What each section of the artifact page is drawn from. */
export interface ArtifactSectionProps {
  org: string
  flow: string
  artifact: Artifact
}
