import { APP, htmlUrl, sortHistory } from './artifacts'
import {
  envEventCount,
  envEventSlice,
  placements,
  runningEntries,
  runsOf,
  snapshotCompliance,
  snapshotEntries,
} from './derive'
import type { Entry } from './derive'
import { hex } from './random'
import { attestationHistory } from './trails'
import type {
  ArtifactRec,
  EnvRec,
  HistoryRow,
  Json,
  JsonObject,
  OrgRec,
  Run,
  Verdict,
} from './model'
import { WORLD_NOW } from './time'

/**
 * Wire-format renderers: raw JSON exactly as the Kosli server sends it, field names, order and
 * value shapes as in the captures under fixtures/kosli/.
 */

const API = `${APP}/api/v2`

function plural(n: number): string {
  return n === 1 ? '1 instance' : `${n} instances`
}

/** The server's event description for a change of instance count. */
export function describe(entry: Pick<Entry, 'was' | 'now' | 'type'>): string {
  const { was, now } = entry
  if (entry.type === 'exited') return `${plural(was)} stopped running (from ${was} to 0)`
  if (now > was) return `${plural(now - was)} started running (from ${was} to ${now})`
  if (now < was) return `${plural(was - now)} stopped running (from ${was} to ${now})`
  return `${plural(now)} changed`
}

function flowHtmlUrl(art: ArtifactRec): string | null {
  return art.flow ? `${APP}/${art.org}/flows/${art.flow}` : null
}

/**
 * Policy decisions for an artifact, evaluated against the snapshot's applied policies, as it
 * was judged then (`verdict`; its current one by default).
 */
export function policyDecisions(art: ArtifactRec, applied: Json[], verdict: Verdict = art): Json[] {
  const context = (status: string | null): JsonObject => ({
    flow_name: art.flow,
    trail_name: art.trail,
    artifact_status: status,
  })
  const out: Json[] = []
  for (const policy of applied) {
    if (!policy || typeof policy !== 'object' || Array.isArray(policy)) continue
    const dump = policy['policy_dump']
    const artifacts =
      dump && typeof dump === 'object' && !Array.isArray(dump) ? dump['artifacts'] : null
    if (!artifacts || typeof artifacts !== 'object' || Array.isArray(artifacts)) continue
    const policyName = typeof policy['name'] === 'string' ? policy['name'] : ''
    const failure = verdict.policyFailures[policyName]
    let failed = false
    const evaluations: Json[] = []
    for (const [key, type] of [
      ['provenance', 'provenance'],
      ['trail_compliance', 'trail-compliance'],
    ] as const) {
      const rule = artifacts[key]
      const required =
        !!rule && typeof rule === 'object' && !Array.isArray(rule) && rule['required'] === true
      const fails =
        (type === 'provenance' && required && art.flow === null) ||
        (type === 'trail-compliance' && failure === 'non_compliant_in_trail')
      failed ||= fails
      evaluations.push({
        rule: { type, definition: { required: required || fails, exceptions: [] } },
        satisfied: fails ? false : required ? true : null,
        ignored: !required && !fails,
        resolutions: [
          {
            type: fails
              ? type === 'provenance'
                ? 'no_provenance'
                : 'non_compliant_in_trail'
              : required
                ? 'rule_satisfied'
                : 'rule_not_applicable',
            context: context(type === 'trail-compliance' ? verdict.state : null),
          },
        ],
      })
    }
    const attestations = artifacts['attestations']
    for (const a of Array.isArray(attestations) ? attestations : []) {
      if (!a || typeof a !== 'object' || Array.isArray(a)) continue
      const { if_condition: ifCondition, ...rest } = a
      const fails =
        !failed && (failure === 'missing_attestation' || failure === 'non_compliant_attestation')
      failed ||= fails
      const applicable = art.flow !== null
      evaluations.push({
        rule: { type: 'attestation', definition: { if: ifCondition ?? null, ...rest } },
        satisfied: fails ? false : applicable ? true : null,
        ignored: !applicable,
        resolutions: [
          {
            type: fails ? (failure ?? '') : applicable ? 'rule_satisfied' : 'rule_not_applicable',
            context: context(null),
          },
        ],
      })
    }
    out.push({
      policy_version: typeof policy['version'] === 'number' ? policy['version'] : 1,
      status: failed ? 'NON-COMPLIANT' : 'COMPLIANT',
      rule_evaluations: evaluations,
      policy_name: typeof policy['name'] === 'string' ? policy['name'] : '',
    })
  }
  return out
}

function deploymentDiff(org: OrgRec, art: ArtifactRec): Json {
  const prev = art.previous ? org.artifacts.get(art.previous) : undefined
  if (!prev || !art.repoUrl) return null
  return {
    diff_url: `${art.repoUrl}/compare/${prev.gitCommit ?? ''}...${art.gitCommit ?? ''}`,
    previous_git_commit: prev.gitCommit,
    previous_fingerprint: prev.fingerprint,
    previous_artifact_name: prev.runtimeName,
    previous_artifact_compliance_state: prev.state,
    previous_running: false,
    previous_git_commit_url: prev.commitUrl,
    previous_trail_name: prev.trail,
    previous_template_reference_name: prev.templateRef,
  }
}

interface PodMeta {
  namespace: string
  names: string[]
  owners: Json
}

const podMetas = new WeakMap<ArtifactRec, PodMeta>()

/** Pod names and owner refs of a K8S artifact (stable per fingerprint and replica). */
function podMeta(art: ArtifactRec, replicas: number): PodMeta | null {
  const k8s = art.k8s
  if (!k8s) return null
  let meta = podMetas.get(art)
  if (!meta || meta.names.length < replicas) {
    const rs = `${k8s.owner}-${hex(`rs:${art.fingerprint}`, 10)}`
    const uid = hex(`uid:${rs}`, 32)
    const names: string[] = []
    for (let i = 0; i < Math.max(replicas, 3); i++) {
      names.push(`${rs}-${hex(`pod:${art.fingerprint}:${i}`, 5)}`)
    }
    meta = {
      namespace: k8s.namespace,
      names,
      owners: [
        {
          apiVersion: 'apps/v1',
          kind: k8s.kind,
          name: rs,
          uid: `${uid.slice(0, 8)}-${uid.slice(8, 12)}-4${uid.slice(13, 16)}-8${uid.slice(17, 20)}-${uid.slice(20, 32)}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    }
    podMetas.set(art, meta)
  }
  return meta
}

function pods(entry: Entry, env: EnvRec): Json {
  if (env.type !== 'K8S') return null
  const meta = podMeta(entry.art, entry.creation.length)
  if (!meta) return null
  const out: JsonObject = {}
  entry.creation.forEach((created, i) => {
    out[meta.names[i] ?? `pod-${i}`] = {
      namespace: meta.namespace,
      creationTimestamp: created,
      owners: meta.owners,
    }
  })
  return out
}

const ownerTexts = new WeakMap<PodMeta, string>()

/** Same JSON as `JSON.stringify(pods(entry, env))`, without building the objects. */
function podsText(entry: Entry, env: EnvRec): string {
  if (env.type !== 'K8S') return 'null'
  const meta = podMeta(entry.art, entry.creation.length)
  if (!meta) return 'null'
  let owners = ownerTexts.get(meta)
  if (owners === undefined) {
    owners = `,"owners":${JSON.stringify(meta.owners)}}`
    ownerTexts.set(meta, owners)
  }
  const namespace = JSON.stringify(meta.namespace)
  const parts: string[] = []
  entry.creation.forEach((created, i) => {
    parts.push(
      `${JSON.stringify(meta.names[i] ?? `pod-${i}`)}:{"namespace":${namespace},"creationTimestamp":${created}${owners}`,
    )
  })
  return `{${parts.join(',')}}`
}

function podNames(entry: Entry): string[] {
  return podMeta(entry.art, entry.creation.length)?.names.slice(0, entry.creation.length) ?? []
}

/** Fields of a snapshot artifact that depend only on the artifact and the policies. */
const heads = new WeakMap<Json[], Map<string, JsonObject>>()
/** Fields that depend on the run (lead time, ECS task). */
const tails = new WeakMap<Run, JsonObject>()

function headFields(art: ArtifactRec, applied: Json[], verdict: Verdict): JsonObject {
  return {
    name: art.runtimeName,
    compliant: verdict.state === 'COMPLIANT',
    deployments: [],
    policy_decisions: policyDecisions(art, applied, verdict),
    reasons_for_incompliance: verdict.reasons,
    fingerprint: art.fingerprint,
  }
}

/** Cached for the artifact's current verdict; an earlier one is rare and built each time. */
function headOf(art: ArtifactRec, applied: Json[], verdict: Verdict): JsonObject {
  if (verdict !== art) return headFields(art, applied, verdict)
  let map = heads.get(applied)
  if (!map) {
    map = new Map()
    heads.set(applied, map)
  }
  let head = map.get(art.fingerprint)
  if (!head) {
    head = headFields(art, applied, verdict)
    map.set(art.fingerprint, head)
  }
  return head
}

/** Cached per run for the artifact's current verdict, like `headOf`. */
function tailOf(
  org: OrgRec,
  env: EnvRec,
  art: ArtifactRec,
  run: Run,
  verdict: Verdict,
): JsonObject {
  const current = verdict === art
  let tail = current ? tails.get(run) : undefined
  if (tail) return tail
  tail = {}
  if (art.flow) {
    const leadTime = art.gitCommitInfo
      ? Math.round(env.timestamps[run.start] ?? 0) - art.gitCommitInfo.timestamp
      : null
    const dd = deploymentDiff(org, art)
    tail['flow_name'] = art.flow
    tail['git_commit'] = art.gitCommit
    tail['commit_url'] = art.commitUrl
    tail['html_url'] = htmlUrl(art)
    tail['flow_html_url'] = flowHtmlUrl(art)
    tail['deployment_diff'] = dd
    tail['commit_lead_time'] = leadTime
    tail['flows'] = [
      {
        flow_name: art.flow,
        trail_name: art.trail,
        template_reference_name: art.templateRef,
        git_commit: art.gitCommit,
        commit_url: art.commitUrl,
        git_commit_info: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
        html_url: htmlUrl(art),
        flow_html_url: flowHtmlUrl(art),
        deployment_diff: dd,
        commit_lead_time: leadTime,
        artifact_compliance_in_flow: verdict.state === 'COMPLIANT',
        flow_reasons_for_non_compliance: verdict.state === 'COMPLIANT' ? [] : verdict.reasons,
      },
    ]
  } else {
    tail['flows'] = []
  }
  if (env.type === 'ECS') {
    tail['ecs_context'] = {
      task_arn: `arn:aws:ecs:eu-central-1:244531986313:task/app/${hex(`task:${art.fingerprint}:${run.start}`, 32)}`,
      cluster_name: null,
      service_name: null,
    }
  }
  if (current) tails.set(run, tail)
  return tail
}

/** One artifact as a snapshot lists it. */
export function renderSnapshotArtifact(
  org: OrgRec,
  env: EnvRec,
  entry: Entry,
  applied: Json[],
): JsonObject {
  const { art, verdict } = entry
  const annotation = { type: entry.type, was: entry.was, now: entry.now }
  const template = art.snapshotTemplate
  if (template) {
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(template)) {
      out[key] =
        key === 'annotation' ? annotation : key === 'creationTimestamp' ? entry.creation : value
    }
    if (verdict !== art) judgedEarlier(out, art, applied, verdict)
    return out
  }
  if (art.era === 'legacy') {
    return {
      name: art.runtimeName,
      fingerprint: art.fingerprint,
      compliant: verdict.state === 'COMPLIANT',
      deployments: art.deployments[env.name] === undefined ? [] : [art.deployments[env.name] ?? 0],
      annotation,
      creationTimestamp: entry.creation,
      pods: null,
      flow_name: art.flow ?? '',
      git_commit: art.gitCommit,
      commit_url: art.commitUrl,
      html_url: htmlUrl(art),
    }
  }
  return {
    ...headOf(art, applied, verdict),
    creationTimestamp: entry.creation,
    pods: pods(entry, env),
    annotation,
    ...tailOf(org, env, art, entry.run, verdict),
  }
}

/** A captured entry as it read before the artifact's verdict changed. */
function judgedEarlier(out: JsonObject, art: ArtifactRec, applied: Json[], verdict: Verdict): void {
  const compliant = verdict.state === 'COMPLIANT'
  out['compliant'] = compliant
  out['policy_decisions'] = policyDecisions(art, applied, verdict)
  out['reasons_for_incompliance'] = verdict.reasons
  const flows = out['flows']
  if (!Array.isArray(flows)) return
  out['flows'] = flows.map((flow): Json =>
    flow && typeof flow === 'object' && !Array.isArray(flow) && flow['flow_name'] === art.flow
      ? {
          ...flow,
          artifact_compliance_in_flow: compliant,
          flow_reasons_for_non_compliance: compliant ? [] : verdict.reasons,
        }
      : flow,
  )
}

/*
 * Large snapshots and diffs are written as JSON text from cached fragments: the parts that
 * depend only on the artifact or the run are serialised once, so a 5,000-artifact snapshot
 * costs string joins, not 5,000 object graphs.
 */
const headTexts = new WeakMap<Json[], Map<string, string>>()
const tailTexts = new WeakMap<Run, string>()
const podTexts = new WeakMap<Run, Map<number, string>>()
const appliedTexts = new WeakMap<Json[], string>()

/** `{"a":1}` → `{"a":1` (to be continued) */
function open(json: string): string {
  return json.slice(0, -1)
}

function snapshotArtifactText(org: OrgRec, env: EnvRec, entry: Entry, applied: Json[]): string {
  const { art, run } = entry
  if (art.snapshotTemplate || art.era === 'legacy' || entry.verdict !== art) {
    return JSON.stringify(renderSnapshotArtifact(org, env, entry, applied))
  }
  let heads = headTexts.get(applied)
  if (!heads) {
    heads = new Map()
    headTexts.set(applied, heads)
  }
  let head = heads.get(art.fingerprint)
  if (head === undefined) {
    head = open(JSON.stringify(headOf(art, applied, art)))
    heads.set(art.fingerprint, head)
  }
  let tail = tailTexts.get(run)
  if (tail === undefined) {
    const json = JSON.stringify(tailOf(org, env, art, run, art))
    tail = json === '{}' ? '}' : `,${json.slice(1)}`
    tailTexts.set(run, tail)
  }
  let podMap = podTexts.get(run)
  if (!podMap) {
    podMap = new Map()
    podTexts.set(run, podMap)
  }
  let podText = podMap.get(entry.creation.length)
  if (podText === undefined) {
    podText = podsText(entry, env)
    podMap.set(entry.creation.length, podText)
  }
  return (
    `${head},"creationTimestamp":[${entry.creation.join(',')}],"pods":${podText}` +
    `,"annotation":{"type":"${entry.type}","was":${entry.was},"now":${entry.now}}${tail}`
  )
}

export function snapshotTimestamp(env: EnvRec, index: number): number {
  return env.timestamps[index] ?? 0
}

export function isSnapshotCompliant(org: OrgRec, env: EnvRec, index: number): boolean {
  return snapshotCompliance(snapshotEntries(org, env, index)).false === 0
}

/** `GET /snapshots/{org}/{env}/{expr}` for a resolved index, as JSON text. */
export function renderSnapshotText(org: OrgRec, env: EnvRec, index: number): string {
  const isLatest = index === env.count
  const captured = env.captured.get(index)
  if (captured) {
    return JSON.stringify({
      ...captured,
      is_latest: isLatest,
      next_snapshot_timestamp: isLatest ? null : snapshotTimestamp(env, index + 1),
    })
  }
  const entries = snapshotEntries(org, env, index)
  const applied = env.appliedPolicies(index)
  const counts = snapshotCompliance(entries)
  const envelope = JSON.stringify({
    index,
    is_latest: isLatest,
    next_snapshot_timestamp: isLatest ? null : snapshotTimestamp(env, index + 1),
    artifact_compliance_count: { true: counts.true, false: counts.false, null: counts.null },
    timestamp: snapshotTimestamp(env, index),
    type: env.type,
    compliant: counts.false === 0,
    html_url: `${APP}/${org.name}/environments/${env.name}/snapshots/${index}`,
  })
  let appliedText = appliedTexts.get(applied)
  if (appliedText === undefined) {
    appliedText = JSON.stringify(applied)
    appliedTexts.set(applied, appliedText)
  }
  const items: string[] = []
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]
    if (entry) items.push(snapshotArtifactText(org, env, entry, applied))
  }
  return `${open(envelope)},"artifacts":[${items.join(',')}],"applied_policies":${appliedText}}`
}

/** `GET /snapshots/{org}/{env}/{expr}` for a resolved index. */
export function renderSnapshot(org: OrgRec, env: EnvRec, index: number): JsonObject {
  return JSON.parse(renderSnapshotText(org, env, index)) as JsonObject
}

/** `GET /env-diff/{org}`. */
export function renderDiff(
  org: OrgRec,
  env1: EnvRec,
  index1: number,
  env2: EnvRec,
  index2: number,
): JsonObject {
  return JSON.parse(renderDiffText(org, env1, index1, env2, index2)) as JsonObject
}

/** `GET /snapshots/{org}/{env}` list item. */
export function renderSnapshotListItem(org: OrgRec, env: EnvRec, index: number): JsonObject {
  const from = snapshotTimestamp(env, index)
  const isLatest = index === env.count
  const to = isLatest ? 0 : snapshotTimestamp(env, index + 1)
  return {
    index,
    from,
    to,
    compliant: isSnapshotCompliant(org, env, index),
    // A snapshot added while the mock runs (world/advance.ts) is later than the world's clock.
    duration:
      (isLatest ? (from > WORLD_NOW ? Math.max(from, Date.now() / 1000) : WORLD_NOW) : to) - from,
  }
}

/** A page of `GET /environments/{org}/{env}/events`, newest first unless reversed. */
export function renderEventsPage(
  org: OrgRec,
  env: EnvRec,
  offset: number,
  limit: number,
  reverse: boolean,
): JsonObject[] {
  const total = envEventCount(org, env)
  const from = reverse ? Math.max(0, total - offset - limit) : offset
  const to = reverse ? total - offset : offset + limit
  const slice = envEventSlice(org, env, from, Math.min(to, total))
  if (reverse) slice.reverse()
  const compliance = new Map<number, boolean>()
  return slice.map(({ index, entry }) => {
    let snapshotCompliant = compliance.get(index)
    if (snapshotCompliant === undefined) {
      snapshotCompliant = isSnapshotCompliant(org, env, index)
      compliance.set(index, snapshotCompliant)
    }
    return renderEvent(org, env, index, entry, snapshotCompliant)
  })
}

function templateFlows(art: ArtifactRec): string[] {
  const flows = art.snapshotTemplate?.['flows']
  if (!Array.isArray(flows)) return art.flow ? [art.flow] : []
  return flows.flatMap((f) =>
    f && typeof f === 'object' && !Array.isArray(f) && typeof f['flow_name'] === 'string'
      ? [f['flow_name']]
      : [],
  )
}

export function renderEvent(
  org: OrgRec,
  env: EnvRec,
  index: number,
  entry: Entry,
  snapshotCompliant: boolean,
): JsonObject {
  const { art } = entry
  const captured = env.eventOverrides.get(`${index}/${art.fingerprint}`)
  if (captured) return captured
  const diff = art.snapshotTemplate
    ? art.snapshotTemplate['deployment_diff']
    : deploymentDiff(org, art)
  const codeDiff =
    diff && typeof diff === 'object' && !Array.isArray(diff) ? (diff['diff_url'] ?? null) : null
  const links: JsonObject = {}
  if (art.flow) {
    links['artifact'] = {
      self: `${API}/artifacts/${org.name}/${art.flow}/fingerprint/${art.fingerprint}`,
      html: htmlUrl(art),
    }
  }
  links['snapshot'] = {
    self: `${API}/snapshots/${org.name}/${env.name}/${index}`,
    html: `${APP}/${org.name}/environments/${env.name}/snapshots/${index}`,
  }
  return {
    environment_name: env.name,
    snapshot_index: index,
    artifact_name: art.runtimeName,
    sha256: art.fingerprint,
    description: describe(entry),
    reported_at: snapshotTimestamp(env, index),
    pipeline: art.flow ?? '',
    deployments: [],
    flows: templateFlows(art).map((flow) => ({ flow_name: flow, deployments: null })),
    artifact_compliance: entry.verdict.state === 'COMPLIANT',
    snapshot_compliance: snapshotCompliant,
    type: entry.type,
    code_diff: codeDiff,
    _links: links,
  }
}

/**
 * One side of an env-diff: the running entries by fingerprint. A fingerprint may be listed more
 * than once (as in a blue-green deploy); the server then lists each entry.
 */
export function diffSide(org: OrgRec, env: EnvRec, index: number): Map<string, Entry[]> {
  const side = new Map<string, Entry[]>()
  for (const entry of runningEntries(org, env, index)) {
    const list = side.get(entry.art.fingerprint)
    if (list) list.push(entry)
    else side.set(entry.art.fingerprint, [entry])
  }
  return side
}

const diffTexts = new WeakMap<Run, Map<number, string>>()

/** A diff entry without its closing brace (instance counts follow). */
function diffArtifactText(entry: Entry, env: EnvRec): string {
  let map = diffTexts.get(entry.run)
  if (!map) {
    map = new Map()
    diffTexts.set(entry.run, map)
  }
  let text = map.get(entry.now)
  if (text === undefined) {
    const out: JsonObject = {
      fingerprint: entry.art.fingerprint,
      name: entry.art.runtimeName,
      most_recent_timestamp: Math.max(...entry.creation),
      flow: entry.art.flow ?? '',
      commit_url: entry.art.commitUrl,
    }
    if (env.type === 'K8S') out['pods'] = podNames(entry)
    text = open(JSON.stringify(out))
    map.set(entry.now, text)
  }
  return text
}

/** `GET /env-diff/{org}` as JSON text, computed from the two snapshots' running artifacts. */
export function renderDiffText(
  org: OrgRec,
  env1: EnvRec,
  index1: number,
  env2: EnvRec,
  index2: number,
): string {
  const a = diffSide(org, env1, index1)
  const b = diffSide(org, env2, index2)
  const only1: [string, string][] = []
  const only2: [string, string][] = []
  const changed: [string, string][] = []
  const same: [string, string][] = []
  // Entries of one fingerprint pair up in order; the ones left over are only on their side.
  for (const [fp, list1] of a) {
    const list2 = b.get(fp) ?? []
    list1.forEach((e1, i) => {
      const e2 = list2[i]
      if (!e2) {
        only1.push([fp, `${diffArtifactText(e1, env1)},"instance_count":${e1.now}}`])
      } else if (e1.now !== e2.now) {
        changed.push([
          fp,
          `${diffArtifactText(e2, env2)},"s1_instance_count":${e1.now},"s2_instance_count":${e2.now}}`,
        ])
      } else {
        same.push([fp, `${diffArtifactText(e2, env2)},"instance_count":${e2.now}}`])
      }
    })
  }
  for (const [fp, list2] of b) {
    for (const e2 of list2.slice(a.get(fp)?.length ?? 0))
      only2.push([fp, `${diffArtifactText(e2, env2)},"instance_count":${e2.now}}`])
  }
  const list = (items: [string, string][]) =>
    `[${items
      .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .map((x) => x[1])
      .join(',')}]`
  return (
    `{"snappish1":{"snapshot_id":${JSON.stringify(`${env1.name}#${index1}`)},"artifacts":${list(only1)}},` +
    `"snappish2":{"snapshot_id":${JSON.stringify(`${env2.name}#${index2}`)},"artifacts":${list(only2)}},` +
    `"changed":{"artifacts":${list(changed)}},"not-changed":{"artifacts":${list(same)}}}`
  )
}

/** History rows derived from runs: started, scaled, stopped. */
export function runtimeHistory(org: OrgRec, art: ArtifactRec): HistoryRow[] {
  const rows: HistoryRow[] = []
  const ref = art.templateRef ?? art.service
  for (const run of runsOf(org, art.fingerprint)) {
    const env = org.envs.get(run.env)
    if (!env) continue
    const at = (i: number) => snapshotTimestamp(env, i)
    if (art.era === 'legacy') {
      rows.push({
        event: `Started running in ${env.name}#${run.start} environment`,
        timestamp: at(run.start),
      })
      for (let s = 1; s < run.steps.length; s++) {
        const prev = run.steps[s - 1]
        const step = run.steps[s]
        if (!prev || !step) continue
        const dir = step.count > prev.count ? 'up' : 'down'
        rows.push({
          event: `Scaled ${dir} from ${prev.count} to ${step.count} in ${env.name}#${step.at} environment`,
          timestamp: at(step.at),
        })
      }
      if (run.end !== null) {
        rows.push({
          event: `No longer running in ${env.name}#${run.end} environment`,
          timestamp: at(run.end),
        })
      }
    } else {
      rows.push({
        event: `Artifact ${ref} started running in ${env.name}#${run.start}`,
        type: 'artifact_started_running',
        timestamp: at(run.start),
      })
      if (run.end !== null) {
        rows.push({
          event: `Artifact ${ref} exited from ${env.name}#${run.end}`,
          type: 'artifact_stopped_running',
          timestamp: at(run.end),
        })
      }
    }
  }
  return rows
}

function buildHistory(org: OrgRec, art: ArtifactRec): HistoryRow[] {
  if (art.era === 'legacy' || art.preHistory.length > 0 || !art.flow) return art.preHistory
  const ref = art.templateRef ?? art.service
  return [
    { event: `${ref} reported`, type: 'artifact_creation_reported', timestamp: art.createdAt },
    ...attestationHistory(org, art),
  ]
}

export function artifactHistory(org: OrgRec, art: ArtifactRec): Json[] {
  return sortHistory([...buildHistory(org, art), ...runtimeHistory(org, art)]).map((row): Json =>
    row.type === undefined
      ? { event: row.event, timestamp: row.timestamp }
      : { event: row.event, type: row.type, timestamp: row.timestamp },
  )
}

function numericString(ts: number): string {
  return Number.isInteger(ts) ? `${ts}.0` : String(ts)
}

/** `ArtifactListItem`. */
export function renderArtifactListItem(art: ArtifactRec): JsonObject {
  return {
    id: art.id,
    fingerprint: art.fingerprint,
    filename: art.filename,
    trail_name: art.trail,
    template_reference_name: art.templateRef,
    git_commit: art.gitCommit,
    git_commit_info: art.gitCommitInfo ? { ...art.gitCommitInfo } : null,
    repo_info:
      art.repoUrl && art.repoName
        ? { name: art.repoName, url: art.repoUrl, provider: 'github' }
        : null,
    commit_url: art.commitUrl,
    build_url: art.buildUrl,
    repo_url: art.repoUrl,
    html_url: htmlUrl(art),
    api_url: art.flow
      ? `${API}/artifacts/${art.org}/${art.flow}/fingerprint/${art.fingerprint}`
      : null,
    created_at: numericString(art.createdAt),
    last_modified_at: numericString(art.createdAt),
    state: art.state,
    user_data: {},
    annotations: null,
    external_urls: null,
    evidence: art.evidence,
    deployments: Object.values(art.deployments),
    releases: [],
  }
}

/** `Artifact` (get by fingerprint / commit). */
export function renderArtifact(org: OrgRec, art: ArtifactRec): JsonObject {
  const { running, exited } = placements(org, art.fingerprint)
  const item = renderArtifactListItem(art)
  return {
    ...item,
    flow_name: art.flow ?? '',
    state_info: art.state === 'COMPLIANT' ? null : art.reasons.join('; '),
    running: running.map((p) => ({ ...p })),
    exited: exited.map((p) => ({ ...p })),
    history: artifactHistory(org, art),
    template: art.era === 'legacy' ? ['artifact', 'branch-coverage'] : null,
    commit_lead_times: {},
    build_lead_times: {},
  }
}

/** `SearchArtifact`. */
export function renderSearchArtifact(org: OrgRec, art: ArtifactRec): JsonObject {
  const { running, exited } = placements(org, art.fingerprint)
  const hasProvenance = art.flow !== null
  return {
    fingerprint: art.fingerprint,
    name: art.flow ? art.filename : art.runtimeName,
    has_provenance: hasProvenance,
    git_commit: art.gitCommit,
    pipeline: art.flow,
    flow: art.flow,
    trail: art.trail,
    template_reference_name: art.templateRef,
    build_url: art.buildUrl,
    commit_url: art.commitUrl,
    html_url: htmlUrl(art),
    api_url: art.flow
      ? `${API}/artifacts/${org.name}/${art.flow}/fingerprint/${art.fingerprint}`
      : null,
    compliance_state: art.state,
    running_in: running.map((p) => p.environment_name),
    exited_from: exited.map((p) => p.environment_name),
    history: artifactHistory(org, art),
  }
}
