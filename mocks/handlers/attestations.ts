import { HttpResponse } from 'msw'
import type { AttestationRec, Json, OrgRec } from '../world/model'
import { artifactsOfFlow, attestationsOf } from '../world/trails'
import {
  artifactNotFound,
  dataPage,
  fail,
  flowGet,
  intParam,
  isResponse,
  json,
  orgGet,
  pageParams,
  trailOrFail,
} from './common'

/** Every attestation of a flow (generating the synthetic ones on first use). */
function attestationsOfFlow(org: OrgRec, flow: string): AttestationRec[] {
  const seen = new Map<string, AttestationRec>()
  for (const art of artifactsOfFlow(org, flow))
    for (const a of attestationsOf(org, art)) seen.set(a.id, a)
  for (const a of org.attestations.values()) if (a.flow === flow) seen.set(a.id, a)
  return [...seen.values()].sort((a, b) => b.createdAt - a.createdAt)
}

const allBuilt = new WeakSet<OrgRec>()

function ensureAll(org: OrgRec): void {
  if (allBuilt.has(org)) return
  for (const art of org.artifacts.values()) attestationsOf(org, art)
  allBuilt.add(org)
}

function attestationNotFound(org: OrgRec, id: string): Response {
  return fail(404, `Attestation with id '${id}' does not exist for organization '${org.name}'`)
}

/** The attestation with `id` (generating every synthetic one if it is not built yet), or a 404. */
function attestationOrFail(org: OrgRec, id: string): AttestationRec | Response {
  if (!org.attestations.has(id)) ensureAll(org)
  return org.attestations.get(id) ?? attestationNotFound(org, id)
}

function bodies(attestations: readonly AttestationRec[]): Json[] {
  return attestations.map((a) => ({ ...a.json }))
}

const KNOWN_TYPES = [
  'generic',
  'junit',
  'snyk',
  'sonar',
  'jira',
  'pull_request',
  'override',
  'decision',
  'system:decision',
]

/** A one-file tar archive (ustar), so the evidence download is a real archive. */
function tar(name: string, content: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(512)
  const put = (text: string, offset: number) => header.set(new TextEncoder().encode(text), offset)
  const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0'
  put(name, 0)
  put(octal(0o644, 8), 100)
  put(octal(0, 8), 108)
  put(octal(0, 8), 116)
  put(octal(content.length, 12), 124)
  put(octal(0, 12), 136)
  put('        ', 148)
  put('0', 156)
  put('ustar\u000000', 257)
  let sum = 0
  for (const byte of header) sum += byte
  put(octal(sum, 7) + ' ', 148)
  const padded = Math.ceil(content.length / 512) * 512
  const out = new Uint8Array(512 + padded + 1024)
  out.set(header, 0)
  out.set(content, 512)
  return out
}

async function gzip(
  data: Uint8Array<ArrayBuffer>,
): Promise<{ body: Uint8Array<ArrayBuffer>; type: string }> {
  if (typeof CompressionStream === 'undefined') return { body: data, type: 'application/x-tar' }
  const source = new Response(data).body
  if (!source) return { body: data, type: 'application/x-tar' }
  const stream = source.pipeThrough(new CompressionStream('gzip'))
  return {
    body: new Uint8Array(await new Response(stream).arrayBuffer()),
    type: 'application/gzip',
  }
}

export const attestationHandlers = [
  orgGet('*/api/v2/attestations/:org/list_attestations_for_criteria', ({ url, org }) => {
    const commits = url.searchParams.getAll('commit_list')
    if (commits.length === 0) return fail(400, "'commit_list' is a required query parameter")
    const bad = commits.find((c) => !/^[0-9a-f]{40}$/.test(c))
    if (bad) return fail(400, `Invalid commit '${bad}': a commit must be 40 hexadecimal characters`)
    const type = url.searchParams.get('attestation_type')
    if (type && !KNOWN_TYPES.includes(type) && !/^custom:[\w.-]+$/.test(type)) {
      return json(
        {
          detail: [
            {
              loc: ['query', 'attestation_type'],
              msg: `Unknown attestation type '${type}'`,
              type: 'value_error',
              input: type,
            },
          ],
        },
        { status: 422 },
      )
    }
    const flow = url.searchParams.get('flow_name')
    const name = url.searchParams.get('attestation_name')
    ensureAll(org)
    const out: Record<string, Json> = {}
    for (const commit of commits) {
      out[commit] = [...org.attestations.values()]
        .filter((a) => {
          const info = a.json['git_commit_info']
          const sha = info && typeof info === 'object' && !Array.isArray(info) ? info['sha1'] : null
          return (
            sha === commit &&
            (!flow || a.flow === flow) &&
            (!name || a.name === name) &&
            (!type || a.json['attestation_type'] === type)
          )
        })
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((a) => ({ ...a.json }))
    }
    return json(out)
  }),

  orgGet(
    '*/api/v2/attestations/:org/:flow/trail/:trail/attestation/:id/evidence',
    async ({ org, path: [flow = '', , trailName = '', , id = ''] }) => {
      const found = attestationOrFail(org, id)
      if (isResponse(found)) return found
      if (found.flow !== flow || found.trail !== trailName) return attestationNotFound(org, id)
      const archive = tar(
        'evidence.json',
        new TextEncoder().encode(JSON.stringify(found.json, null, 2)),
      )
      const { body, type } = await gzip(archive)
      return new HttpResponse(body, {
        headers: {
          'Content-Type': type,
          'Content-Disposition': `attachment; filename="${id}-evidence.tgz"`,
        },
      })
    },
  ),

  orgGet('*/api/v2/attestations/:org', ({ url, org }) => {
    const id = url.searchParams.get('attestation_id')
    if (id) {
      const found = attestationOrFail(org, id)
      return isResponse(found) ? found : json({ data: [{ ...found.json }] })
    }
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    ensureAll(org)
    const all = [...org.attestations.values()].sort((a, b) => b.createdAt - a.createdAt)
    return json(dataPage(bodies(all), params.page, params.perPage))
  }),

  flowGet('*/api/v2/attestations/:org/:flow', ({ url, org, flow }) => {
    const params = pageParams(url, 20)
    if (isResponse(params)) return params
    const from = intParam(url, 'from_timestamp', 0)
    if (isResponse(from)) return from
    const to = intParam(url, 'to_timestamp', Number.MAX_SAFE_INTEGER)
    if (isResponse(to)) return to
    const all = attestationsOfFlow(org, flow).filter(
      (a) => a.createdAt >= from && a.createdAt <= to,
    )
    return json(dataPage(bodies(all), params.page, params.perPage, false))
  }),

  orgGet(
    '*/api/v2/attestations/:org/:flow/trail/:trail/:name',
    ({ org, path: [flow = '', , trailName = '', name = ''] }) => {
      const trail = trailOrFail(org, flow, trailName)
      if (isResponse(trail)) return trail
      const found = attestationsOfFlow(org, flow).filter(
        (a) => a.trail === trailName && a.name === name,
      )
      if (found.length === 0) {
        return fail(
          404,
          `Attestation named '${name}' does not exist in trail '${trailName}' of flow '${flow}'`,
        )
      }
      return json(bodies(found))
    },
  ),

  flowGet(
    '*/api/v2/attestations/:org/:flow/artifact/:fp/:name',
    ({ org, flow, path: [, fp = '', name = ''] }) => {
      if (!/^[0-9a-f]{5,64}$/.test(fp)) {
        return json(
          {
            detail: [
              {
                loc: ['path', 'fingerprint'],
                msg: "String should match pattern '^[a-f0-9]{5,64}$'",
                type: 'string_pattern_mismatch',
                input: fp,
              },
            ],
          },
          { status: 422 },
        )
      }
      const arts = artifactsOfFlow(org, flow).filter((a) => a.fingerprint.startsWith(fp))
      if (arts.length === 0) return artifactNotFound(org, flow, `fingerprint '${fp}'`)
      const found = arts.flatMap((art) => {
        const own = attestationsOf(org, art)
        const extra = [...org.attestations.values()].filter(
          (a) => a.fingerprint === art.fingerprint && !own.includes(a),
        )
        return [...own, ...extra].filter(
          (a) => a.fingerprint === art.fingerprint && a.name === name,
        )
      })
      if (found.length === 0) {
        return fail(
          404,
          `Attestation named '${name}' does not exist for artifact '${fp}' in flow '${flow}'`,
        )
      }
      return json(bodies(found))
    },
  ),
]
