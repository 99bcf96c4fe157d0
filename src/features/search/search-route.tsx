import type { QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, replace, useLoaderData, useParams, type LoaderFunctionArgs } from 'react-router'
import type { LoaderData } from '@/lib/route-module'
import { requireParam } from '@/app/params'
import { Table } from '@/components/table'
import { ArtifactCandidates } from '@/features/artifacts/artifact-candidates'
import { ACCEPTED_FORMS, classifyQuery } from './classify-query'
import { resolveQuery, type Resolution } from './resolve-query'
import { useSearchNavigation } from './use-search-navigation'

type SearchData = { query: string; result: Exclude<Resolution, { kind: 'go' }> }

/** `?q=` is free text; anything missing or odd is just an empty search. */
function parseQuery(url: string): string {
  const value = new URL(url).searchParams.get('q')
  return typeof value === 'string' ? value.trim().slice(0, 2000) : ''
}

/**
 * One unambiguous match replaces the search URL with the page it names, so a shared or reloaded
 * search link opens the page and Back skips the search. In-app searches resolve before
 * navigating (useSearchNavigation), so this redirect only runs for links and reloads.
 */
export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<SearchData> => {
    const org = requireParam(params, 'org')
    const query = parseQuery(request.url)
    const result = await resolveQuery(queryClient, org, query)
    if (result.kind === 'go') throw replace(result.path)
    return { query, result }
  }
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const { query, result } = useLoaderData<LoaderData<typeof loader>>()
  return (
    <section aria-labelledby="search-heading" className="space-y-4">
      <h1 id="search-heading" className="text-xl font-semibold">
        Search
      </h1>
      <SearchForm key={query} org={org} initial={query} />
      {result.kind === 'message' ? (
        <SearchMessage tone={result.tone} message={result.message} />
      ) : (
        <section aria-labelledby="search-results-heading" className="space-y-2">
          <h2 id="search-results-heading" className="font-semibold break-words">
            {result.heading}
          </h2>
          {result.kind === 'artifacts' ? (
            <ArtifactCandidates
              org={org}
              candidates={result.artifacts}
              caption={result.heading}
              showRunningIn
              showCount
            />
          ) : (
            <NameResults matches={result.matches} caption={result.heading} />
          )}
        </section>
      )}
    </section>
  )
}

function SearchForm({ org, initial }: { org: string; initial: string }) {
  const [text, setText] = useState(initial)
  const { submit, pending } = useSearchNavigation(org)
  const intent = classifyQuery(text, { org })
  return (
    <form
      role="search"
      aria-label="Search this organization"
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault()
        void submit(text, intent)
      }}
    >
      <label htmlFor="search-page-input" className="block text-sm font-medium">
        Flow or environment name, expression, commit, fingerprint or Kosli link
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="search-page-input"
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="search-page-hint"
          className="w-full max-w-xl rounded border border-line bg-surface px-2 py-1.5 font-mono text-sm"
          autoComplete="off"
          spellCheck={false}
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          {pending ? 'Searching…' : 'Search'}
        </button>
      </div>
      <p id="search-page-hint" className="text-sm text-muted">
        Enter will: {intent.description}
      </p>
    </form>
  )
}

function SearchMessage({ tone, message }: { tone: 'empty' | 'invalid' | 'none'; message: string }) {
  return (
    <div
      role={tone === 'empty' ? undefined : 'alert'}
      className={`space-y-3 rounded border p-4 ${
        tone === 'empty' ? 'border-line bg-surface' : 'border-warn/40 bg-warn-soft'
      }`}
    >
      {tone === 'empty' ? (
        <p className="font-medium">Type what you are looking for.</p>
      ) : (
        <p className="font-medium break-words text-ink">
          <span aria-hidden="true" className="mr-1 text-warn">
            {tone === 'invalid' ? '!' : '∅'}
          </span>
          {tone === 'invalid' ? 'Not understood: ' : 'Nothing found: '}
          {message}
        </p>
      )}
      <div>
        <p className="text-sm text-ink">The search understands:</p>
        <ul className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {ACCEPTED_FORMS.map((form) => (
            <li key={form.example} className="contents">
              <code className="font-mono text-ink">{form.example}</code>
              <span className="text-ink">{form.meaning}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

function NameResults({
  matches,
  caption,
}: {
  matches: ReadonlyArray<{ name: string; type: string; path: string }>
  caption: string
}) {
  return (
    <Table caption={caption} columns={['Name', 'Type']}>
      {matches.map((match) => (
        <tr key={`${match.type}:${match.name}`}>
          <th scope="row" className="px-3 py-2 font-medium break-all">
            <Link className="text-accent underline-offset-2 hover:underline" to={match.path}>
              {match.name}
            </Link>
          </th>
          <td className="px-3 py-2">{match.type === 'flow' ? 'Flow' : 'Environment'}</td>
        </tr>
      ))}
    </Table>
  )
}
