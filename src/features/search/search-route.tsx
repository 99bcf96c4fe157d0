import type { QueryClient } from '@tanstack/react-query'
import { Link, replace, useLoaderData, useParams, type LoaderFunctionArgs } from 'react-router'
import type { Artifact } from '@/api/artifacts'
import { requireParam } from '@/app/params'
import { ArtifactCandidates } from '@/features/artifacts/artifact-candidates'
import { artifactPath, flowPath, flowsPath } from '@/features/artifacts/paths'
import { resolveCommit } from '@/features/artifacts/resolve-commit'
import { parseArtifactExpression } from '@/lib/artifact-expression'

/**
 * Minimal resolver until the full search page lands: `flow:commit` opens the artifact (one match)
 * or lists them (several); `flow@fingerprint` goes to the artifact page, which resolves prefixes.
 */
type SearchData =
  | { kind: 'empty' }
  | { kind: 'unsupported'; query: string; reason: string }
  | { kind: 'many'; query: string; flow: string; artifacts: Artifact[] }
  | { kind: 'none'; query: string; flow: string }

export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<SearchData | Response> => {
    const org = requireParam(params, 'org')
    const query = (new URL(request.url).searchParams.get('q') ?? '').trim()
    if (!query) return { kind: 'empty' }
    const parsed = parseArtifactExpression(query)
    if (!parsed.ok) return { kind: 'unsupported', query, reason: parsed.error }
    const expression = parsed.value
    if (expression.kind === 'fingerprint') {
      return replace(artifactPath(org, expression.flow, expression.fingerprint))
    }
    const result = await resolveCommit(queryClient, org, expression.flow, expression.commit)
    if (result.kind === 'one') return replace(result.path)
    if (result.kind === 'many') {
      return { kind: 'many', query, flow: expression.flow, artifacts: result.artifacts }
    }
    return { kind: 'none', query, flow: expression.flow }
  }
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const data = useLoaderData() as SearchData
  return (
    <section aria-labelledby="search-heading" className="space-y-3">
      <h1 id="search-heading" className="text-xl font-semibold break-all">
        {data.kind === 'empty' ? 'Search' : `Search: ${data.query}`}
      </h1>
      {data.kind === 'empty' ? (
        <p className="text-muted">
          Type an artifact expression in the search box, e.g. <code>runner:16d9990</code>.
        </p>
      ) : null}
      {data.kind === 'unsupported' ? (
        <div role="alert" className="space-y-1 rounded border border-line bg-surface p-4">
          <p>{data.reason}.</p>
          <p className="text-muted">
            This search understands <code>flow:commit</code> and <code>flow@fingerprint</code> for
            now.
          </p>
        </div>
      ) : null}
      {data.kind === 'none' ? (
        <div role="alert" className="space-y-2 rounded border border-line bg-surface p-4">
          <p>
            No artifact in flow &apos;{data.flow}&apos; was built from commit &apos;
            {data.query.slice(data.query.indexOf(':') + 1)}&apos;.
          </p>
          <p className="flex gap-4">
            <Link className="text-accent hover:underline" to={flowPath(org, data.flow)}>
              Go to the artifacts of {data.flow}
            </Link>
            <Link className="text-accent hover:underline" to={flowsPath(org)}>
              Go to flows
            </Link>
          </p>
        </div>
      ) : null}
      {data.kind === 'many' ? (
        <>
          <p>
            {data.artifacts.length} artifacts in {data.flow} were built from this commit:
          </p>
          <ArtifactCandidates
            org={org}
            candidates={data.artifacts}
            caption={`Artifacts built from ${data.query}`}
          />
        </>
      ) : null}
    </section>
  )
}
