import { APP } from './artifacts'
import { isObject } from './json'
import type { ArtifactRec, Json, JsonObject, OrgRec, TrailRec } from './model'
import { kosliId } from './random'

/**
 * One flow that reported an artifact, on one trail. Kosli lists every such flow on a snapshot
 * entry (`flows[]`); in the captures each aws-prod artifact has four: its CI flow, the
 * promotion flow and two snyk flows. The artifact answers under each of them.
 */
export interface Reporting {
  flow: string
  trail: string | null
  templateRef: string | null
  gitCommitInfo: Json
}

/** Every flow that reported `art`, its own (`art.flow`) first. */
export function reportingsOf(art: ArtifactRec): Reporting[] {
  if (!art.flow) return []
  const own: Reporting = {
    flow: art.flow,
    trail: art.trail,
    templateRef: art.templateRef,
    gitCommitInfo: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
  }
  const listed = art.snapshotTemplate?.['flows']
  if (!Array.isArray(listed)) return [own]
  const others = listed.flatMap((item): Reporting[] =>
    isObject(item) && typeof item['flow_name'] === 'string' && item['flow_name'] !== art.flow
      ? [
          {
            flow: item['flow_name'],
            trail: typeof item['trail_name'] === 'string' ? item['trail_name'] : null,
            templateRef:
              typeof item['template_reference_name'] === 'string'
                ? item['template_reference_name']
                : art.templateRef,
            gitCommitInfo: item['git_commit_info'] ?? null,
          },
        ]
      : [],
  )
  return [own, ...others]
}

export function reportingIn(art: ArtifactRec, flow: string): Reporting | null {
  return reportingsOf(art).find((reporting) => reporting.flow === flow) ?? null
}

/** Where Kosli shows and serves `fingerprint` as `flow` reported it. */
export function reportedUrls(org: string, flow: string, fingerprint: string): JsonObject {
  return {
    html_url: `${APP}/${org}/flows/${flow}/artifacts/${fingerprint}?artifact_id=${kosliId(`${flow}/${fingerprint}`)}`,
    api_url: `${APP}/api/v2/artifacts/${org}/${flow}/fingerprint/${fingerprint}`,
  }
}

/** An artifact's list or get body as the flow `reporting` serves it. */
export function asReportedIn(body: JsonObject, art: ArtifactRec, reporting: Reporting): JsonObject {
  if (reporting.flow === art.flow) return body
  const out: JsonObject = {
    ...body,
    id: kosliId(`${reporting.flow}/${art.fingerprint}`),
    trail_name: reporting.trail,
    template_reference_name: reporting.templateRef,
    git_commit_info: reporting.gitCommitInfo,
    ...reportedUrls(art.org, reporting.flow, art.fingerprint),
  }
  if ('flow_name' in body) out['flow_name'] = reporting.flow
  return out
}

/**
 * A trail of a flow that reported artifacts it did not build (promotion, scans): one creation
 * event per artifact, each judged as the artifact is.
 */
export function reportedTrail(
  org: OrgRec,
  flow: string,
  name: string,
  arts: ReadonlyArray<ArtifactRec>,
): TrailRec | null {
  const entries = arts.flatMap((art) => {
    const reporting = reportingIn(art, flow)
    return reporting && reporting.trail === name ? [{ art, reporting }] : []
  })
  const [first] = entries
  if (!first) return null
  // Promotion and scans come after the newest artifact they report was built.
  const createdAt = Math.max(...entries.map(({ art }) => art.createdAt)) + 600
  const compliant = entries.every(({ art }) => art.state === 'COMPLIANT')
  const state = compliant ? 'COMPLIANT' : 'NON-COMPLIANT'
  const events = entries.map(({ art, reporting }, n): JsonObject => ({
    org_id: kosliId(`org-id:${org.name}`),
    flow_id: kosliId(`flow:${org.name}/${flow}`),
    trail_id: kosliId(`trail:${flow}/${name}`),
    timestamp: createdAt + n,
    type: 'artifact_creation_reported',
    git_commit_info: reporting.gitCommitInfo,
    repo_info: null,
    artifact_fingerprint: art.fingerprint,
    artifact_name: art.filename,
    artifact_id: kosliId(`${flow}/${art.fingerprint}`),
    template_reference_name: reporting.templateRef ?? art.service,
    git_commit: art.gitCommit,
  }))
  const artifactsStatuses: JsonObject = {}
  for (const { art, reporting } of entries) {
    artifactsStatuses[reporting.templateRef ?? art.service] = {
      artifact_fingerprint: art.fingerprint,
      artifact_id: kosliId(`${flow}/${art.fingerprint}`),
      status: art.state,
      is_compliant: art.state === 'COMPLIANT',
      attestations_statuses: [],
      unexpected: false,
      evaluated_at: createdAt,
      flow_template_id: kosliId(`template:${flow}`),
    }
  }
  const flowJson = org.flows.get(flow)?.json
  const json: JsonObject = {
    name,
    description: '',
    git_commit_info: first.reporting.gitCommitInfo,
    origin_url: null,
    user_data: {},
    repo_ids: [],
    last_modified_at: createdAt + entries.length,
    created_at: createdAt,
    compliance_status: {
      status: state,
      is_compliant: compliant,
      attestations_statuses: [],
      artifacts_statuses: artifactsStatuses,
      evaluated_at: createdAt,
      flow_template_id: kosliId(`template:${flow}`),
    },
    template: null,
    compliance_state: state,
    is_compliant: compliant,
    events,
    created_by: 'ci-pipelines',
    flow: { name: flow, tags: isObject(flowJson?.['tags']) ? { ...flowJson['tags'] } : {} },
    external_urls: null,
    html_url: `${APP}/${org.name}/flows/${flow}/trails/${name}`,
  }
  return { org: org.name, flow, name, json }
}
