import { APP, commitInfo, makeArtifact } from './artifacts'
import { isObject } from './json'
import type { ComplianceState, Json, JsonObject, OrgRec } from './model'
import { trailKey } from './model'
import { hex, kosliId, rng } from './random'
import type { AttestationSpec } from './trails'
import { attestationJson, junitPayload, pullRequestPayload, setAttestations } from './trails'

/**
 * Trails of the captured flows that build nothing aws-beta or aws-prod runs: the base image, the
 * monorepo builds, production server access, the secrets check, the per-vulnerability scans and
 * the terraform plans. Kosli lists each with a recent `latest_activity_at` and a `latest_state`;
 * here each gets a few trails, the newest last modified exactly then and judged as that state.
 */

const DAY = 86_400

interface Captured {
  latest: number
  state: ComplianceState
  template: string
  tags: Json
}

function capturedOf(org: OrgRec, flow: string): Captured | null {
  const rec = org.flows.get(flow)
  const latest = rec?.captured?.latest_activity_at
  const state = rec?.captured?.latest_state
  if (!rec || typeof latest !== 'number' || typeof state !== 'string') return null
  return {
    latest,
    state: state === 'NON-COMPLIANT' || state === 'INCOMPLETE' ? state : 'COMPLIANT',
    template: typeof rec.json['template'] === 'string' ? rec.json['template'] : '',
    tags: isObject(rec.json['tags']) ? { ...rec.json['tags'] } : {},
  }
}

/** When run `k` (0 = newest) ended: the newest at `latest`, older ones about `step` apart. */
function endsOf(flow: string, latest: number, count: number, step: number): number[] {
  const random = rng(`run-trails:${flow}`)
  const out = [latest]
  for (let k = 1; k < count; k++) out.push((out[k - 1] ?? latest) - step + random.int(-900, 900))
  return out
}

function runUrl(repo: string, seed: string): string {
  return `https://github.com/cyber-dojo/${repo}/actions/runs/${25_000_000_000 + (parseInt(hex(seed, 6), 16) % 900_000_000)}`
}

/* ---------- flows whose template names an artifact: built artifacts, trails from them ---------- */

interface BuildFlow {
  flow: string
  repo: string
  /** the template's artifact name */
  slot: string
  count: number
  step: number
  pullRequest: boolean
  attestations: { name: string; type: string; payload: JsonObject }[]
  message: (k: number) => string
}

const MONOREPO_MESSAGES = [
  'Co-deploy creator, dashboard and web from one commit',
  'Share the nginx config between the monorepo services',
  'Move the web assets build into the monorepo',
  'Bump the base image of every monorepo service',
]

const BUILD_FLOWS: BuildFlow[] = [
  {
    flow: 'docker-base-ci',
    repo: 'docker-base',
    slot: 'docker-base',
    count: 5,
    step: 21 * DAY,
    pullRequest: false,
    attestations: [
      { name: 'snyk-container-scan', type: 'decision', payload: { decision: 'pass' } },
    ],
    message: (k) =>
      k === 0 ? 'Upgrade to Alpine 3.22' : `Rebuild for upstream security fixes (#${40 - k})`,
  },
  {
    flow: 'monorepo-creator',
    repo: 'monorepo',
    slot: 'creator',
    count: 4,
    step: 9 * DAY,
    pullRequest: true,
    attestations: [{ name: 'unit-test', type: 'junit', payload: junitPayload(212, 0, 0, 1) }],
    message: (k) => MONOREPO_MESSAGES[k] ?? 'Monorepo change',
  },
  {
    flow: 'monorepo-dashboard',
    repo: 'monorepo',
    slot: 'dashboard',
    count: 4,
    step: 9 * DAY,
    pullRequest: true,
    attestations: [
      { name: 'rubocop', type: 'junit', payload: junitPayload(38, 0, 0, 0) },
      { name: 'snyk-container-scan', type: 'generic', payload: { user_data: { high_count: 0 } } },
    ],
    message: (k) => MONOREPO_MESSAGES[k] ?? 'Monorepo change',
  },
  {
    flow: 'monorepo-web',
    repo: 'monorepo',
    slot: 'web',
    count: 4,
    step: 9 * DAY,
    pullRequest: true,
    attestations: [
      { name: 'lint', type: 'generic', payload: { user_data: { warnings: 0, errors: 0 } } },
      { name: 'unit-test', type: 'junit', payload: junitPayload(356, 0, 0, 4) },
    ],
    message: (k) => MONOREPO_MESSAGES[k] ?? 'Monorepo change',
  },
]

/** The monorepo's commit `k` (0 = newest): every monorepo flow built it. */
function commitOf(repo: string, k: number): string {
  return hex(`run-trails:commit:${repo}:${k}`, 40)
}

function addBuildFlow(org: OrgRec, spec: BuildFlow): void {
  const captured = capturedOf(org, spec.flow)
  if (!captured) return
  // The newest event of a built trail is its last artifact attestation.
  const last = 30 * spec.attestations.length
  const repoUrl = `https://github.com/cyber-dojo/${spec.repo}`
  endsOf(spec.flow, captured.latest, spec.count, spec.step).forEach((end, k) => {
    const commit = commitOf(spec.repo, k)
    const createdAt = end - last
    const art = makeArtifact({
      org: org.name,
      service: spec.slot,
      fingerprint: hex(`run-trails:fp:${spec.flow}:${k}`, 64),
      commit,
      createdAt,
      era: 'modern',
      flow: spec.flow,
      filename: `cyberdojo/${spec.slot}:${commit.slice(0, 7)}`,
      repoUrl,
      repoName: `cyber-dojo/${spec.repo}`,
      buildUrl: runUrl(spec.repo, `${spec.flow}:${k}`),
      gitCommitInfo: commitInfo(spec.repo, commit, createdAt - 600, spec.message(k), repoUrl),
    })
    org.artifacts.set(art.fingerprint, art)
    const specs: AttestationSpec[] = spec.attestations.map((a, i) => ({
      ...a,
      onArtifact: true,
      compliant: true,
      offset: 30 * (i + 1),
    }))
    if (spec.pullRequest) {
      specs.unshift({
        name: 'pull-request',
        type: 'pull_request',
        onArtifact: false,
        compliant: true,
        offset: 60,
        payload: pullRequestPayload(art, 480 - k, ['sandrojagger']),
      })
    }
    setAttestations(art.fingerprint, specs)
  })
}

/* ---------- flows with trail attestations only: trails and attestations built here ---------- */

interface Reported {
  name: string
  type: string
  compliant: boolean
  payload: JsonObject
}

interface RunFlow {
  flow: string
  count: number
  step: number
  /** the trail attestations the flow's template names */
  template: string[]
  name: (end: number, k: number) => string
  /** the commit run `k` reports, when it reports one */
  commit: { repo: string; sha: (k: number) => string; message: (k: number) => string } | null
  attestations: (end: number, k: number, latest: number) => Reported[]
}

function isoDay(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10)
}

const SECRETS_THRESHOLD_DAYS = 14

/** The AWS token expires 9 days after the newest run, so the last six runs warned about it. */
function secretsAttestations(end: number, k: number, latest: number): Reported[] {
  const expiresAt = Math.floor(latest) + 9 * DAY
  const daysLeft = Math.ceil((expiresAt - end) / DAY)
  const expiring = daysLeft <= SECRETS_THRESHOLD_DAYS
  return [
    {
      name: 'new-secrets',
      type: 'generic',
      compliant: true,
      payload: { user_data: { new_secrets: [], checked: 7 } },
    },
    {
      name: 'expiring-secrets',
      type: 'generic',
      compliant: !expiring,
      payload: {
        user_data: {
          threshold_days: SECRETS_THRESHOLD_DAYS,
          expiring: expiring
            ? [{ name: 'AWS_ACCESS_KEY_CI', expires_at: expiresAt, days_left: daysLeft }]
            : [],
          ...(k === 0 ? { message: `Secret AWS_ACCESS_KEY_CI expires in ${daysLeft} days` } : {}),
        },
      },
    },
  ]
}

const VULNS = ['OPENSSL-10321817', 'MUSL-9412270', 'ZLIB-8799163', 'EXPAT-10286743', 'CURL-9727815']

function vulnFlow(flow: string, env: string): RunFlow {
  return {
    flow,
    count: VULNS.length,
    step: 4 * DAY,
    template: [],
    name: (_end, k) => `SNYK-ALPINE322-${VULNS[k] ?? String(k)}`,
    commit: {
      repo: 'snyk-scanning',
      sha: (k) => hex(`run-trails:commit:${flow}:${k}`, 40),
      message: () => 'Scan every running artifact once a day',
    },
    attestations: (_end, k) => [
      {
        name: 'snyk-vuln',
        type: 'generic',
        compliant: true,
        payload: {
          user_data: {
            id: `SNYK-ALPINE322-${VULNS[k] ?? String(k)}`,
            environment: env,
            severity: k % 2 === 0 ? 'low' : 'medium',
            status: k === 0 ? 'open, within its fix window' : 'fixed',
          },
        },
      },
    ],
  }
}

function planFlow(flow: string, env: string): RunFlow {
  return {
    flow,
    count: 6,
    step: 6 * DAY,
    template: ['terraform-plan'],
    name: (_end, k) => hex(`run-trails:commit:${flow}:${k}`, 40),
    commit: {
      repo: 'terraform-base-infra',
      sha: (k) => hex(`run-trails:commit:${flow}:${k}`, 40),
      message: (k) =>
        k === 0 ? `Tighten the ${env} VPC flow logs` : `Terraform change #${90 - k}`,
    },
    attestations: (_end, k) => [
      {
        name: 'terraform-plan',
        type: 'generic',
        compliant: true,
        payload: { user_data: { environment: env, add: k % 3, change: 1 + (k % 2), destroy: 0 } },
      },
    ],
  }
}

const SERVER_ACCESS = ['command-logs', 'user-identity', 'service-identity', 'sso-session-data']

const RUN_FLOWS: RunFlow[] = [
  {
    flow: 'secrets',
    count: 8,
    step: DAY,
    template: [],
    name: (end) => `secrets-check-${isoDay(end)}`,
    commit: {
      repo: 'secrets',
      sha: (k) => hex(`run-trails:commit:secrets:${k}`, 40),
      message: () => 'Check for new and expiring secrets every day',
    },
    attestations: secretsAttestations,
  },
  {
    flow: 'production-server-access',
    count: 5,
    step: 8 * DAY,
    template: SERVER_ACCESS,
    name: (end) => `access-${new Date(end * 1000).toISOString().slice(0, 16).replace(':', '')}`,
    commit: null,
    attestations: (end, k) =>
      SERVER_ACCESS.map((name) => ({
        name,
        type: 'generic',
        compliant: true,
        payload: { user_data: serverAccessData(name, end, k) },
      })),
  },
  {
    flow: 'monorepo-co-deployment',
    count: 4,
    step: 9 * DAY,
    template: [],
    name: (_end, k) => commitOf('monorepo', k),
    commit: {
      repo: 'monorepo',
      sha: (k) => commitOf('monorepo', k),
      message: (k) => MONOREPO_MESSAGES[k] ?? 'Monorepo change',
    },
    attestations: () => [
      {
        name: 'co-deployment',
        type: 'generic',
        compliant: true,
        payload: {
          user_data: { flows: ['monorepo-creator', 'monorepo-dashboard', 'monorepo-web'] },
        },
      },
    ],
  },
  vulnFlow('snyk-aws-beta-per-vuln', 'aws-beta'),
  vulnFlow('snyk-aws-prod-per-vuln', 'aws-prod'),
  planFlow('terraform-plan-beta-terraform-base-infra', 'aws-beta'),
  planFlow('terraform-plan-prod-terraform-base-infra', 'aws-prod'),
]

function serverAccessData(name: string, end: number, k: number): JsonObject {
  const session = hex(`run-trails:session:${k}`, 12)
  if (name === 'command-logs')
    return { commands: 6 + k, log: `s3://cyber-dojo-access-logs/${session}.log` }
  if (name === 'user-identity') return { user: 'jon@kosli.com', provider: 'aws-sso' }
  if (name === 'service-identity') return { cluster: 'aws-prod', service: 'saver' }
  return { session_id: session, started_at: Math.floor(end) - 1500, duration_seconds: 1500 }
}

function addRunFlow(org: OrgRec, spec: RunFlow): void {
  const captured = capturedOf(org, spec.flow)
  if (!captured) return
  endsOf(spec.flow, captured.latest, spec.count, spec.step).forEach((end, k) => {
    const name = spec.name(end, k)
    const reported = spec.attestations(end, k, captured.latest)
    const createdAt = end - 30 * reported.length
    const ci = spec.commit
    const sha = ci ? ci.sha(k) : null
    const commit = ci && sha ? commitInfo(ci.repo, sha, createdAt - 600, ci.message(k)) : null
    const origin = ci ? runUrl(ci.repo, `${spec.flow}:${k}`) : null
    const host = makeArtifact({
      org: org.name,
      service: spec.flow,
      fingerprint: '',
      commit: sha,
      createdAt,
      era: 'modern',
      flow: spec.flow,
      trail: name,
      buildUrl: origin,
      gitCommitInfo: commit,
    })
    const records = reported.map((a, i) => {
      const id = kosliId(`att:${org.name}/${spec.flow}/${name}/${a.name}`)
      // The last attestation is the trail's last change, exactly the flow's latest activity.
      const at = i === reported.length - 1 ? end : createdAt + 30 * (i + 1)
      const json = attestationJson(org, host, { ...a, onArtifact: false, offset: 0 }, id, at)
      org.attestations.set(id, {
        org: org.name,
        flow: spec.flow,
        trail: name,
        id,
        name: a.name,
        fingerprint: null,
        createdAt: at,
        json,
      })
      return { ...a, id, at }
    })
    const state: ComplianceState = records.every((r) => r.compliant) ? 'COMPLIANT' : 'NON-COMPLIANT'
    const trailId = kosliId(`trail:${spec.flow}/${name}`)
    const event = (type: string, timestamp: number, extra: JsonObject): JsonObject => ({
      org_id: kosliId(`org-id:${org.name}`),
      flow_id: kosliId(`flow:${org.name}/${spec.flow}`),
      trail_id: trailId,
      timestamp,
      type,
      git_commit_info: commit ? { ...commit, author_username: null, parents: null } : null,
      repo_info: null,
      ...extra,
    })
    const templateId = kosliId(`template:${spec.flow}`)
    org.trails.set(trailKey(spec.flow, name), {
      org: org.name,
      flow: spec.flow,
      name,
      json: {
        name,
        description: '',
        git_commit_info: commit ? { ...commit } : null,
        origin_url: origin,
        user_data: {},
        repo_ids: [],
        last_modified_at: end,
        created_at: createdAt,
        compliance_status: {
          status: state,
          is_compliant: state === 'COMPLIANT',
          attestations_statuses: records.map((r) => ({
            attestation_name: r.name,
            attestation_type: r.type,
            attestation_id: r.id,
            overridden_attestation_id: null,
            status: 'COMPLETE',
            is_compliant: r.compliant,
            unexpected: !spec.template.includes(r.name),
          })),
          artifacts_statuses: {},
          evaluated_at: end,
          flow_template_id: templateId,
        },
        template: {
          version: 1,
          trail: {
            attestations: records
              .filter((r) => spec.template.includes(r.name))
              .map((r) => ({ name: r.name, type: r.type })),
            artifacts: [],
          },
          content: captured.template,
        },
        compliance_state: state,
        is_compliant: state === 'COMPLIANT',
        events: [
          event('trail_reported', createdAt, {
            trail_data_json: {
              name,
              description: '',
              git_commit_info: commit ? { ...commit } : null,
              template_id: templateId,
              origin_url: origin,
              user_data: '{}',
            },
          }),
          ...records.map((r) =>
            event('trail_attestation_reported', r.at, {
              attestation_type: r.type,
              is_compliant: r.compliant,
              attestation_id: r.id,
              template_reference_name: r.name,
              is_reattestation: false,
            }),
          ),
        ],
        created_by: 'ci-pipelines',
        flow: { name: spec.flow, tags: captured.tags },
        external_urls: null,
        html_url: `${APP}/${org.name}/flows/${spec.flow}/trails/${name}`,
      },
    })
  })
}

/** Give each of these captured flows its trails (and, where the template names one, artifacts). */
export function addRunTrails(org: OrgRec): void {
  for (const spec of BUILD_FLOWS) addBuildFlow(org, spec)
  for (const spec of RUN_FLOWS) addRunFlow(org, spec)
}
