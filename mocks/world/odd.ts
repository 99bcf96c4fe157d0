import { makeArtifact } from './artifacts'
import { emptyEnv } from './envs'
import { modernFlow } from './flows'
import { newOrg } from './model'
import type { ArtifactRec, OrgRec } from './model'
import { hex, rng } from './random'
import { TimelineBuilder, buildTimestamps } from './timeline'
import { utc } from './time'

/**
 * Hostile and odd text for robustness tests, kept in its own org (`odd-org`), flow (`odd-data`)
 * and environment (`odd-env`) so the cyber-dojo story is undisturbed. Everything here must
 * render as inert text.
 */
export const ODD_ORG = 'odd-org'
export const ODD_FLOW = 'odd-data'
export const ODD_ENV = 'odd-env'
export const ODD_DESCRIPTION =
  '<script>alert(1)</script> & "quotes" \'single\' <b>bold</b> — ünïcödé 🚀 שלום עולם مرحبا'

export const ODD = {
  script: hex('odd:script', 64),
  emoji: hex('odd:emoji', 64),
  long: hex('odd:long', 64),
  dataUrl: hex('odd:data-url', 64),
}

export const LONG_NAME = `registry.example.com/${'very-long-path-segment/'.repeat(12)}${'a'.repeat(300)}:${'b'.repeat(64)}`

/** The org of hostile data: one flow and one environment. */
export function buildOddOrg(): OrgRec {
  const org = newOrg(ODD_ORG, utc(2026, 6, 1, 12, 0, 0))
  addOddData(org)
  return org
}

function addOddData(org: OrgRec): void {
  const created = utc(2026, 7, 1, 12, 0, 0)
  org.flows.set(
    ODD_FLOW,
    modernFlow(org.name, ODD_FLOW, ODD_DESCRIPTION, created - 86400, {
      repo_url: 'javascript:alert("repo")',
      tags: {
        '<img src=x onerror=alert(1)>': '"><svg onload=alert(2)>',
        kind: 'build',
        emoji: '🧪🔥',
      },
    }),
  )
  const base = {
    org: org.name,
    era: 'modern' as const,
    flow: ODD_FLOW,
  }
  const arts: ArtifactRec[] = [
    makeArtifact({
      ...base,
      service: 'script',
      fingerprint: ODD.script,
      commit: hex('odd:c1', 40),
      createdAt: created,
      filename: '<img src=x onerror=alert(1)>',
      runtimeName: '<script>alert("name")</script>:latest',
      commitUrl: 'javascript:alert(1)',
      buildUrl: 'javascript:alert(document.cookie)',
      repoUrl: 'javascript:alert("repo")',
      repoName: '"><script>alert(3)</script>',
      trail: '<script>alert("trail")</script>',
      templateRef: 'x" onmouseover="alert(1)',
      gitCommitInfo: {
        sha1: hex('odd:c1', 40),
        message: '<script>alert("commit")</script>\n\n<a href="javascript:alert(1)">click</a>',
        author: '<img src=x onerror=alert(1)> <evil@example.com>',
        branch: '<b>main</b>',
        timestamp: created - 600,
        url: 'javascript:alert("commit-url")',
      },
    }),
    makeArtifact({
      ...base,
      service: 'emoji',
      fingerprint: ODD.emoji,
      commit: hex('odd:c2', 40),
      createdAt: created + 3600,
      filename: '🚀🔥 rocket-service ‮gpj.exe שלום',
      runtimeName: 'ghcr.io/odd/🚀-rocket:مرحبا',
      commitUrl: 'https://github.com/odd/emoji/commit/' + hex('odd:c2', 40),
      gitCommitInfo: {
        sha1: hex('odd:c2', 40),
        message: 'שלום עולם — تحديث الخدمة 🚀\u200f right-to-left \u202e override',
        author: 'Zoë Łukasiewicz-Ñúñez <zoe@example.com>',
        branch: 'feature/ünïcödé-🚀',
        timestamp: created + 3000,
        url: 'https://github.com/odd/emoji/commit/' + hex('odd:c2', 40),
      },
    }),
    makeArtifact({
      ...base,
      service: 'long',
      fingerprint: ODD.long,
      commit: hex('odd:c3', 40),
      createdAt: created + 7200,
      filename: LONG_NAME,
      runtimeName: LONG_NAME,
      commitUrl: 'https://github.com/odd/long/commit/' + hex('odd:c3', 40),
    }),
    makeArtifact({
      ...base,
      service: 'data-url',
      fingerprint: ODD.dataUrl,
      commit: hex('odd:c4', 40),
      createdAt: created + 10800,
      filename: 'data-url-artifact',
      commitUrl: 'data:text/html,<script>alert(1)</script>',
      buildUrl: 'vbscript:msgbox(1)',
      repoUrl: '//evil.example.com/protocol-relative',
    }),
  ]
  for (const art of arts) org.artifacts.set(art.fingerprint, art)
  const random = rng('odd-env')
  const timestamps = buildTimestamps(4, new Map([[1, created + 14400]]), random)
  const builder = new TimelineBuilder(ODD_ENV)
  arts.forEach((art, i) =>
    builder.start(art.fingerprint, 1, 1 + (i % 2), [
      Math.floor(created + 14000),
      Math.floor(created + 14100),
    ]),
  )
  builder.touch(ODD.script, 2)
  builder.scale(ODD.emoji, 3, 1)
  builder.exit(ODD.dataUrl, 4)
  org.envs.set(ODD_ENV, {
    ...emptyEnv(
      org.name,
      ODD_ENV,
      'docker',
      '<i>odd</i> environment: "quotes" & <script>alert(1)</script>',
      created,
      {
        policies: [],
        tags: { note: '<b>not bold</b>' },
      },
    ),
    count: 4,
    timestamps,
    runs: builder.runs,
  })
}
