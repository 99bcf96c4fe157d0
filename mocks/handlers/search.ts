import type { Json } from '../world/model'
import { renderSearchArtifact } from '../world/render'
import { reportedUrls, reportingsOf } from '../world/reportings'
import { fail, json, orgGet } from './common'

export const searchHandlers = [
  orgGet('*/api/v2/search/:org/sha/:value', ({ org, path: [, value = ''] }) => {
    const needle = value.toLowerCase()
    if (!/^[0-9a-f]{5,64}$/.test(needle)) {
      return fail(
        400,
        `Invalid search value '${value}': it must be at least 5 hexadecimal characters (a commit or fingerprint prefix)`,
      )
    }
    const fps = new Set<string>()
    const commits = new Set<string>()
    const arts = []
    for (const art of org.artifacts.values()) {
      const fpMatch = art.fingerprint.startsWith(needle)
      const commitMatch = art.gitCommit?.startsWith(needle) ?? false
      if (fpMatch) fps.add(art.fingerprint)
      if (commitMatch && art.gitCommit) commits.add(art.gitCommit)
      if (fpMatch || commitMatch) arts.push(art)
    }
    if (arts.length === 0) return fail(404, `No matches for '${value}'.`)
    const group = (type: string, set: Set<string>): Json =>
      set.size === 0 ? null : { type, count: set.size, matches: [...set].sort() }
    const type =
      fps.size === 1 && commits.size === 0
        ? 'fingerprint'
        : commits.size === 1 && fps.size === 0
          ? 'commit'
          : 'multiple'
    const fullMatch =
      type === 'fingerprint' ? [...fps][0] : type === 'commit' ? [...commits][0] : null
    arts.sort((a, b) => b.createdAt - a.createdAt)
    return json({
      resolved_to: {
        type,
        full_match: fullMatch ?? null,
        fingerprints: group('fingerprint', fps),
        commits: group('commit', commits),
      },
      // One entry per flow that reported the artifact, each naming its own flow and trail.
      artifacts: arts.flatMap((a) => {
        const body = renderSearchArtifact(org, a)
        const [, ...others] = reportingsOf(a)
        return [
          body,
          ...others.map((r) => ({
            ...body,
            flow: r.flow,
            pipeline: r.flow,
            trail: r.trail,
            template_reference_name: r.templateRef,
            ...reportedUrls(org.name, r.flow, a.fingerprint),
          })),
        ]
      }),
    })
  }),
]
