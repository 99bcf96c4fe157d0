/** The shared "why" components other pages drop in; see each file's header for props. */
export { AppliedPolicies, type AppliedPoliciesProps } from './applied-policies'
export { ComplianceChecklist, type ComplianceChecklistProps } from './compliance-checklist'
export { ComplianceRollup, type ComplianceRollupProps } from './compliance-rollup-view'
export { ComplianceWhy, type ComplianceWhyProps } from './compliance-why'
export { PolicyDecisions, type PolicyDecisionsProps } from './policy-decisions'
export { ArtifactComplianceWhy, ArtifactExplanation } from './artifact-why'
export { EnvironmentComplianceWhy, EnvironmentExplanation } from './environment-why'
export { FlowComplianceWhy, FlowExplanation } from './flow-why'
export { RECENT_TRAILS } from './recent-trails'
export {
  SnapshotArtifactExplanation,
  SnapshotArtifactWhy,
  SnapshotComplianceWhy,
  SnapshotExplanation,
} from './snapshot-why'
export { TrailChecklistLoader, TrailComplianceWhy } from './trail-why'
export { complianceRollup, rollupSentence, type Rollup } from './compliance-rollup'
export { failureReasons, resolutionSentence } from './policy-text'
export { checklistItems, checklistProblems } from './checklist-items'
