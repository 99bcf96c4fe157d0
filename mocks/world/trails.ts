import { APP } from './artifacts'
import { capturedSnykAttestations, trailEvents } from './captures'
import { runsOf } from './derive'
import { isObject, num, str } from './json'
import type { ArtifactRec, AttestationRec, Json, JsonObject, OrgRec, TrailRec } from './model'
import { materialize, trailKey } from './model'
import { hex, kosliId } from './random'
import { reportedTrail, reportingIn, reportingsOf } from './reportings'

/**
 * Trails and attestations. Captured trails are served as captured; every other modern artifact
 * gets a trail (named after its commit) whose events include its runs, and a standard set of
 * attestations, all generated on first use.
 */

export interface AttestationSpec {
  name: string
  type: string
  /** null = a trail-level attestation */
  onArtifact: boolean
  compliant: boolean
  /** type-specific payload fields */
  payload: JsonObject
  offset: number
}

/** What a trail's attestations report; every artifact's trail gets the same set of names. */
export interface TrailResults {
  /** The pull request attestation's payload; `null` when the trail never got one. */
  pullRequest: JsonObject | null
  tests: { total: number; passed: number; failed: number; skipped: number }
  vulnerabilities: { high: number; medium: number; low: number }
  /** The test-metrics attestation's user data besides the test counts. */
  metrics: JsonObject
}

/** The attestations of an artifact's trail; failed tests or high vulnerabilities fail theirs. */
export function trailAttestations(results: TrailResults): AttestationSpec[] {
  const { pullRequest, tests, vulnerabilities } = results
  return [
    ...(pullRequest
      ? [
          {
            name: 'pull-request',
            type: 'pull_request',
            onArtifact: false,
            compliant: true,
            offset: 20,
            payload: pullRequest,
          },
        ]
      : []),
    {
      name: 'unit-test',
      type: 'junit',
      onArtifact: true,
      compliant: tests.failed === 0,
      offset: 140,
      payload: junitPayload(tests.total, tests.failed, 0, tests.skipped),
    },
    {
      name: 'snyk-container-scan',
      type: 'snyk',
      onArtifact: true,
      compliant: vulnerabilities.high === 0,
      offset: 170,
      payload: snykPayload(vulnerabilities.high, vulnerabilities.medium, vulnerabilities.low),
    },
    {
      name: 'sbom',
      type: 'generic',
      onArtifact: true,
      compliant: true,
      offset: 150,
      payload: { description: 'Software bill of materials (CycloneDX)' },
    },
    {
      name: 'unit-test-metrics',
      type: 'custom:test-metrics',
      onArtifact: true,
      compliant: true,
      offset: 145,
      payload: { user_data: { tests, ...results.metrics } },
    },
  ]
}

/** Attestations of an ordinary, compliant modern artifact. */
export function standardAttestations(art: ArtifactRec): AttestationSpec[] {
  const seed = parseInt(hex(`tests:${art.fingerprint}`, 4), 16)
  const tests = 180 + (seed % 400)
  const prNumber = 100 + (seed % 300)
  return trailAttestations({
    pullRequest: pullRequestPayload(art, prNumber, ['sandrojagger']),
    tests: { total: tests, passed: tests, failed: 0, skipped: 3 },
    vulnerabilities: { high: 0, medium: 0, low: seed % 3 },
    metrics: {
      coverage: { lines: 97.4, branches: 93.1 },
      durations: {
        total_seconds: 41.7,
        slowest: [{ name: 'test_run_cyber_dojo_sh', seconds: 4.2 }],
      },
    },
  })
}

export function junitPayload(
  tests: number,
  failures: number,
  errors: number,
  skipped: number,
): JsonObject {
  return {
    junit_results: [
      {
        name: 'test-suite',
        tests,
        failures,
        errors,
        skipped,
        duration: Math.round(tests * 0.11 * 100) / 100,
      },
    ],
    user_data: { totals: { tests, failures, errors, skipped } },
  }
}

export function snykPayload(high: number, medium: number, low: number): JsonObject {
  return {
    processed_snyk_results: {
      schema_version: 1,
      tool: { name: 'Snyk Container', version: '1.1296.2' },
      results: [{ low_count: low, medium_count: medium, high_count: high }],
    },
  }
}

export function pullRequestPayload(
  art: ArtifactRec,
  number: number,
  approvers: string[],
): JsonObject {
  const repo = art.repoUrl ?? 'https://github.com/cyber-dojo/unknown'
  return {
    git_provider: 'github',
    pull_requests: [
      {
        url: `${repo}/pull/${number}`,
        state: 'MERGED',
        author: 'JonJagger',
        title: art.gitCommitInfo?.message.split('\n')[0] ?? `Pull request #${number}`,
        merge_commit: art.gitCommit,
        created_at: Math.floor(art.createdAt) - 7200,
        approvers: approvers.map((username) => ({
          username,
          state: 'APPROVED',
          approved_at: Math.floor(art.createdAt) - 1200,
        })),
        commits: [
          {
            sha1: art.gitCommit,
            message: art.gitCommitInfo?.message ?? '',
            author: 'Jon Jagger <jon@kosli.com>',
            timestamp: art.gitCommitInfo?.timestamp ?? Math.floor(art.createdAt),
          },
        ],
      },
    ],
  }
}

const specsOverride = new Map<string, AttestationSpec[]>()

/** Use these attestations (and trail compliance) for an artifact instead of the standard set. */
export function setAttestations(fp: string, specs: AttestationSpec[]): void {
  specsOverride.set(fp, specs)
}

function specsFor(art: ArtifactRec): AttestationSpec[] {
  return specsOverride.get(art.fingerprint) ?? standardAttestations(art)
}

export function attestationJson(
  org: OrgRec,
  art: ArtifactRec,
  spec: AttestationSpec,
  id: string,
  createdAt: number,
): JsonObject {
  const flow = art.flow ?? ''
  const trail = art.trail ?? ''
  const evidencePath = `${hex(`org:${org.name}`, 8)}-${hex(`o2:${org.name}`, 4)}/${spec.onArtifact ? 'artifact' : 'trail'}_attestation/${id}/evidence.tgz`
  const json: JsonObject = {
    schema_version: 2,
    attestation_type: spec.type,
    attestation_name: spec.name,
    is_compliant: spec.compliant,
    origin_url: art.buildUrl,
  }
  if (spec.onArtifact) json['artifact_fingerprint'] = art.fingerprint
  Object.assign(json, {
    target_artifacts: spec.onArtifact ? [art.templateRef ?? art.service] : [],
    git_commit_info: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
    evidence_archive_path: evidencePath,
    evidence_archive_fingerprint: hex(`evidence:${id}`, 64),
    user_data: {},
    created_at: createdAt,
  })
  for (const [k, v] of Object.entries(spec.payload)) json[k] = v
  const base = `${APP}/api/v2/attestations/${org.name}/${flow}`
  Object.assign(json, {
    attestation_id: id,
    html_url: `${APP}/${org.name}/flows/${flow}/trails/${trail}?attestation_id=${id}`,
    flow_name: flow,
    trail_name: trail,
    reported_by: 'ci-pipelines',
    has_audit_package: true,
    _links: {
      self: {
        href: spec.onArtifact
          ? `${base}/artifact/${art.fingerprint}/${spec.name}`
          : `${base}/trail/${trail}/${spec.name}`,
      },
      evidence: { href: `${base}/trail/${trail}/attestation/${id}/evidence` },
    },
  })
  return json
}

export function attestationId(art: ArtifactRec, name: string): string {
  return kosliId(`att:${art.org}/${art.flow ?? ''}/${art.trail ?? ''}/${name}`)
}

const capturedByTrail = new WeakMap<OrgRec, Map<string, AttestationRec[]>>()

function captured(org: OrgRec): Map<string, AttestationRec[]> {
  let map = capturedByTrail.get(org)
  if (!map) {
    map = new Map()
    capturedByTrail.set(org, map)
  }
  return map
}

/** The attestations of one artifact's trail, registered in the org on first use. */
export function attestationsOf(org: OrgRec, art: ArtifactRec): AttestationRec[] {
  if (!art.flow || !art.trail || art.era !== 'modern') return []
  const known = captured(org).get(trailKey(art.flow, art.trail)) ?? []
  if (known.length > 0 && capturedTrailKeys.has(trailKey(art.flow, art.trail))) return known
  const out: AttestationRec[] = [...known]
  for (const spec of specsFor(art)) {
    if (known.some((k) => k.name === spec.name)) continue
    const id = attestationId(art, spec.name)
    const existing = org.attestations.get(id)
    if (existing) {
      out.push(existing)
      continue
    }
    const createdAt = art.createdAt + spec.offset + (spec.onArtifact ? 0 : -120)
    const rec: AttestationRec = {
      org: org.name,
      flow: art.flow,
      trail: art.trail,
      id,
      name: spec.name,
      fingerprint: spec.onArtifact ? art.fingerprint : null,
      createdAt,
      json: attestationJson(org, art, spec, id, createdAt),
    }
    org.attestations.set(id, rec)
    out.push(rec)
  }
  return out
}

/** History rows for an artifact's attestations (modern wording). */
export function attestationHistory(
  org: OrgRec,
  art: ArtifactRec,
): { event: string; type: string; timestamp: number }[] {
  const ref = art.templateRef ?? art.service
  return attestationsOf(org, art)
    .filter((a) => a.fingerprint === art.fingerprint)
    .map((a) => ({
      event: `${ref}.${a.name} attested (${String(a.json['attestation_type'])})`,
      type: 'artifact_attestation_reported',
      timestamp: a.createdAt,
    }))
}

const ORG_ID = 'org-id'

function trailEvent(
  org: OrgRec,
  art: ArtifactRec,
  type: string,
  timestamp: number,
  extra: JsonObject,
): JsonObject {
  return {
    org_id: kosliId(`${ORG_ID}:${org.name}`),
    flow_id: kosliId(`flow:${org.name}/${art.flow ?? ''}`),
    trail_id: kosliId(`trail:${art.flow ?? ''}/${art.trail ?? ''}`),
    timestamp,
    type,
    git_commit_info: null,
    repo_info: null,
    ...extra,
  }
}

/** A synthetic trail for a modern artifact, its runtime events derived from the runs. */
export function syntheticTrail(org: OrgRec, art: ArtifactRec): TrailRec | null {
  if (!art.flow || !art.trail || art.era !== 'modern') return null
  const flow = org.flows.get(art.flow)
  const atts = attestationsOf(org, art)
  const ref = art.templateRef ?? art.service
  const info = art.gitCommitInfo
    ? { ...art.gitCommitInfo, author_username: null, parents: null }
    : null
  // As captured: events reported from CI carry the commit and the repository, runtime ones not.
  const repoInfo: Json =
    art.repoUrl && art.repoName
      ? {
          inner_id: kosliId(`repo:${art.repoName}`),
          org_id: kosliId(`${ORG_ID}:${org.name}`),
          name: art.repoName,
          url: art.repoUrl,
          provider: 'github',
          description: null,
        }
      : null
  const events: JsonObject[] = []
  const createdAt = art.createdAt - 180
  events.push(
    trailEvent(org, art, 'trail_reported', createdAt, {
      git_commit_info: info,
      repo_info: repoInfo,
      trail_data_json: {
        org_id: kosliId(`${ORG_ID}:${org.name}`),
        flow_id: kosliId(`flow:${org.name}/${art.flow}`),
        name: art.trail,
        description: '',
        git_commit_info: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
        template_id: kosliId(`template:${art.flow}`),
        origin_url: art.buildUrl,
        user_data: '{}',
        repo_ids: [kosliId(`repo:${art.repoName ?? ''}`)],
      },
    }),
  )
  for (const a of atts) {
    const common: JsonObject = {
      git_commit_info: info,
      repo_info: repoInfo,
      attestation_type: String(a.json['attestation_type']),
      is_compliant: a.json['is_compliant'] ?? null,
      attestation_id: a.id,
      template_reference_name: a.name,
    }
    if (a.fingerprint) {
      events.push(
        trailEvent(org, art, 'artifact_attestation_reported', a.createdAt, {
          ...common,
          artifact_fingerprint: art.fingerprint,
          artifact_name: art.filename,
          target_artifact: ref,
        }),
      )
    } else {
      events.push(
        trailEvent(org, art, 'trail_attestation_reported', a.createdAt, {
          ...common,
          is_reattestation: false,
        }),
      )
    }
  }
  events.push(
    trailEvent(org, art, 'artifact_creation_reported', art.createdAt, {
      git_commit_info: info,
      repo_info: repoInfo,
      artifact_fingerprint: art.fingerprint,
      artifact_name: art.filename,
      artifact_id: art.id,
      template_reference_name: ref,
      git_commit: art.gitCommit,
    }),
  )
  for (const run of runsOf(org, art.fingerprint)) {
    const env = org.envs.get(run.env)
    if (!env) continue
    const base = {
      artifact_fingerprint: art.fingerprint,
      environment_id: kosliId(`env:${org.name}/${env.name}`),
      environment_name: env.name,
      template_reference_name: ref,
    }
    events.push(
      trailEvent(org, art, 'artifact_started_running', env.timestamps[run.start] ?? 0, {
        ...base,
        snapshot_index: run.start,
        replica_number: run.steps[0]?.count ?? 1,
      }),
    )
    if (run.end !== null) {
      events.push(
        trailEvent(org, art, 'artifact_stopped_running', env.timestamps[run.end] ?? 0, {
          ...base,
          snapshot_index: run.end,
        }),
      )
    }
  }
  events.sort((a, b) => Number(a['timestamp']) - Number(b['timestamp']))
  const trailAtts = atts.filter((a) => a.fingerprint === null)
  const artAtts = atts.filter((a) => a.fingerprint !== null)
  const status = (a: AttestationRec): JsonObject => ({
    attestation_name: a.name,
    attestation_type: String(a.json['attestation_type']),
    attestation_id: a.id,
    overridden_attestation_id: null,
    status: 'COMPLETE',
    is_compliant: a.json['is_compliant'] ?? null,
    unexpected: false,
  })
  const missing = missingOf(art)
  const missingStatus = (name: string, type: string): JsonObject => ({
    attestation_name: name,
    attestation_type: type,
    attestation_id: null,
    overridden_attestation_id: null,
    status: 'MISSING',
    is_compliant: null,
    unexpected: false,
  })
  const compliant = art.state === 'COMPLIANT'
  const state = art.state
  const lastModified = Number(events[events.length - 1]?.['timestamp'] ?? createdAt)
  const templateTrail = [
    ...trailAtts.map((a) => ({ name: a.name, type: String(a.json['attestation_type']) })),
    ...missing.filter((m) => !m.onArtifact).map((m) => ({ name: m.name, type: m.type })),
  ]
  const templateArtifact = [
    ...artAtts.map((a) => ({ name: a.name, type: String(a.json['attestation_type']) })),
    ...missing.filter((m) => m.onArtifact).map((m) => ({ name: m.name, type: m.type })),
  ]
  const yaml =
    'version: 1\n\ntrail:\n  attestations:\n' +
    templateTrail.map((t) => `    - name: ${t.name}\n      type: ${t.type}\n`).join('') +
    `  artifacts:\n    - name: ${ref}\n      attestations:\n` +
    templateArtifact.map((t) => `        - name: ${t.name}\n          type: ${t.type}\n`).join('')
  const json: JsonObject = {
    name: art.trail,
    description: '',
    git_commit_info: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
    origin_url: art.buildUrl,
    user_data: {},
    repo_ids: [kosliId(`repo:${art.repoName ?? ''}`)],
    last_modified_at: lastModified,
    created_at: createdAt,
    compliance_status: {
      status: state,
      is_compliant: compliant,
      attestations_statuses: [
        ...trailAtts.map(status),
        ...missing.filter((m) => !m.onArtifact).map((m) => missingStatus(m.name, m.type)),
      ],
      artifacts_statuses: {
        [ref]: {
          artifact_fingerprint: art.fingerprint,
          artifact_id: art.id,
          status: state,
          is_compliant: compliant,
          attestations_statuses: [
            ...artAtts.map(status),
            ...missing.filter((m) => m.onArtifact).map((m) => missingStatus(m.name, m.type)),
          ],
          unexpected: false,
          evaluated_at: lastModified,
          flow_template_id: kosliId(`template:${art.flow}`),
        },
      },
      evaluated_at: lastModified,
      flow_template_id: kosliId(`template:${art.flow}`),
    },
    template: {
      version: 1,
      trail: {
        attestations: templateTrail,
        artifacts: [{ name: ref, attestations: templateArtifact }],
      },
      content: yaml,
    },
    compliance_state: state,
    is_compliant: compliant,
    events,
    created_by: 'ci-pipelines',
    flow: { name: art.flow, tags: flowTags(flow?.json ?? null) },
    external_urls: null,
    html_url: `${APP}/${org.name}/flows/${art.flow}/trails/${art.trail}`,
  }
  return { org: org.name, flow: art.flow, name: art.trail, json }
}

const missingOverride = new Map<string, { name: string; type: string; onArtifact: boolean }[]>()

/** Attestations the template expects but the trail never got. */
export function setMissing(
  fp: string,
  missing: { name: string; type: string; onArtifact: boolean }[],
): void {
  missingOverride.set(fp, missing)
}

function missingOf(art: ArtifactRec): { name: string; type: string; onArtifact: boolean }[] {
  return missingOverride.get(art.fingerprint) ?? []
}

function flowTags(flow: JsonObject | null): Json {
  const tags = flow?.['tags']
  return isObject(tags) ? { ...tags } : {}
}

/** Get a trail: captured, or synthesised from the artifacts that name it. */
export function findTrail(org: OrgRec, flow: string, name: string): TrailRec | null {
  const key = trailKey(flow, name)
  const known = org.trails.get(key)
  if (known) return known
  const arts = artifactsOfFlow(org, flow)
  for (const art of arts) {
    if (art.flow === flow && art.trail === name) {
      const trail = syntheticTrail(org, art)
      if (trail) {
        org.trails.set(key, trail)
        return trail
      }
    }
  }
  // A trail of a flow that reported artifacts it did not build.
  const reported = reportedTrail(
    org,
    flow,
    name,
    arts.filter((art) => art.flow !== flow),
  )
  if (reported) org.trails.set(key, reported)
  return reported
}

const flowIndex = new WeakMap<OrgRec, { generation: number; map: Map<string, ArtifactRec[]> }>()

/** A flow's artifacts, newest first: those it built and those it reported (`reportingsOf`). */
export function artifactsOfFlow(org: OrgRec, flow: string): ArtifactRec[] {
  materialize(org, { flow })
  let map = flowIndex.get(org)?.map
  if (!map || flowIndex.get(org)?.generation !== org.generation) {
    map = new Map()
    for (const art of org.artifacts.values()) {
      for (const reporting of reportingsOf(art)) {
        const list = map.get(reporting.flow) ?? []
        list.push(art)
        map.set(reporting.flow, list)
      }
    }
    for (const list of map.values()) list.sort((a, b) => b.createdAt - a.createdAt)
    flowIndex.set(org, { generation: org.generation, map })
  }
  return map.get(flow) ?? []
}

/** All trails of a flow, newest first (captured and synthetic). */
export function trailsOfFlow(org: OrgRec, flow: string): TrailRec[] {
  const seen = new Set<string>()
  const out: TrailRec[] = []
  for (const art of artifactsOfFlow(org, flow)) {
    const name = reportingIn(art, flow)?.trail
    if (!name || seen.has(name)) continue
    seen.add(name)
    const trail = findTrail(org, flow, name)
    if (trail) out.push(trail)
  }
  for (const trail of org.trails.values()) {
    if (trail.flow === flow && !seen.has(trail.name)) {
      seen.add(trail.name)
      out.push(trail)
    }
  }
  return out.sort((a, b) => Number(b.json['created_at'] ?? 0) - Number(a.json['created_at'] ?? 0))
}

const capturedTrailKeys = new Set<string>()

function keep(org: OrgRec, rec: AttestationRec): void {
  org.attestations.set(rec.id, rec)
  const key = trailKey(rec.flow, rec.trail)
  const list = captured(org).get(key) ?? []
  list.push(rec)
  captured(org).set(key, list)
}

/** Attestation records from the captured trails and the snyk capture. */
export function registerCapturedAttestations(org: OrgRec): void {
  for (const trail of org.trails.values()) {
    capturedTrailKeys.add(trailKey(trail.flow, trail.name))
    if (!trailEvents(trail.json).some((e) => typeof e['attestation_id'] === 'string')) continue
    for (const e of trailEvents(trail.json)) {
      const id = e['attestation_id']
      const type = e['attestation_type']
      if (typeof id !== 'string' || typeof type !== 'string') continue
      const fp = typeof e['artifact_fingerprint'] === 'string' ? e['artifact_fingerprint'] : null
      const art = fp ? org.artifacts.get(fp) : undefined
      const name = str(e, 'template_reference_name')
      const spec: AttestationSpec = {
        name,
        type,
        onArtifact: fp !== null,
        compliant: e['is_compliant'] === true,
        offset: 0,
        payload: payloadFor(type, art ?? null, name),
      }
      const host: ArtifactRec | undefined =
        art ??
        [...org.artifacts.values()].find((a) => a.flow === trail.flow && a.trail === trail.name)
      if (!host) continue
      const json = attestationJson(
        org,
        { ...host, trail: trail.name },
        spec,
        id,
        num(e, 'timestamp'),
      )
      if (!fp) delete json['artifact_fingerprint']
      keep(org, {
        org: org.name,
        flow: trail.flow,
        trail: trail.name,
        id,
        name,
        fingerprint: fp,
        createdAt: num(e, 'timestamp'),
        json,
      })
    }
  }
  for (const json of capturedSnykAttestations) {
    const id = str(json, 'attestation_id')
    keep(org, {
      org: org.name,
      flow: str(json, 'flow_name'),
      trail: str(json, 'trail_name'),
      id,
      name: str(json, 'attestation_name'),
      fingerprint: str(json, 'artifact_fingerprint'),
      createdAt: num(json, 'created_at'),
      json,
    })
  }
}

function payloadFor(type: string, art: ArtifactRec | null, name: string): JsonObject {
  if (type === 'junit') return junitPayload(name.includes('integration') ? 64 : 412, 0, 0, 2)
  if (type === 'snyk') return snykPayload(0, 0, 1)
  if (type === 'pull_request' && art) return pullRequestPayload(art, 200, ['sandrojagger'])
  if (type.startsWith('custom:')) return { user_data: { name, passed: true } }
  return {}
}
