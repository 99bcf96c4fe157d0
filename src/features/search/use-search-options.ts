import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { environmentQueries } from '@/api/environments'
import { flowQueries } from '@/api/flows'
import { searchQueries } from '@/api/search'
import { artifactPath } from '@/lib/app-paths'
import { shortSha } from '@/lib/format'
import { classifyQuery, type QueryIntent } from './classify-query'
import type { PickOption } from './pick-option'
import { rememberSearch } from './recent-store'
import { useDebounced } from './use-debounced'
import { useSearchNavigation } from './use-search-navigation'

const SUGGESTIONS = 6
const DEBOUNCE_MS = 250

/**
 * What a search box offers for `text`: first the classifier's verdict (what Enter does), then
 * names and, for hex input, the artifacts it matches. Classification is pure and runs on every
 * keystroke; the only requests are the two name lists (once, cached) and a debounced search for
 * hex input.
 */
export function useSearchOptions(
  org: string,
  text: string,
  { enabled, onDone }: { enabled: boolean; onDone?: () => void },
): { intent: QueryIntent; options: PickOption[]; pending: boolean; submit: () => void } {
  const navigation = useSearchNavigation(org)
  const flows = useQuery({ ...flowQueries.list(org), enabled })
  const environments = useQuery({ ...environmentQueries.list(org), enabled })
  const flowNames = useMemo(() => flows.data?.map((flow) => flow.name), [flows.data])
  const envNames = useMemo(() => environments.data?.map((env) => env.name), [environments.data])

  const intent = useMemo(
    () => classifyQuery(text, { org, flows: flowNames, environments: envNames }),
    [text, org, flowNames, envNames],
  )
  const settled = useDebounced(text, DEBOUNCE_MS)
  const settledIntent = classifyQuery(settled, { org })
  const shaValue =
    settledIntent.kind === 'sha' && intent.kind === 'sha' ? settledIntent.value : undefined
  const sha = useQuery({
    ...searchQueries.sha(org, shaValue ?? ''),
    enabled: enabled && shaValue !== undefined,
    retry: false,
  })

  const { submit: submitText, open, pending } = navigation
  const options = useMemo(() => {
    if (intent.kind === 'empty') return []
    const finish = () => onDone?.()
    const list: PickOption[] = [
      {
        key: 'intent',
        group: 'Enter will',
        label: pending ? 'Searching…' : intent.description,
        ...(intent.kind === 'invalid' ||
        (intent.kind === 'name' && intent.matches !== undefined && intent.matches.length === 0)
          ? { tone: 'warn' as const }
          : {}),
        onPick: () => {
          void submitText(text, intent).then(finish)
        },
      },
    ]
    const names = intent.kind === 'name' ? (intent.matches ?? []) : []
    for (const match of names.slice(0, SUGGESTIONS)) {
      list.push({
        key: `${match.type}:${match.name}`,
        group: 'Flows and environments',
        label: match.name,
        tag: match.type,
        onPick: () => {
          rememberSearch(org, match.name)
          void open(match.path)
          finish()
        },
      })
    }
    if (shaValue !== undefined) {
      if (sha.isError) {
        list.push({
          key: 'sha-none',
          group: 'Artifacts',
          label: `No artifact or commit starts with '${shaValue}'`,
          tone: 'warn',
          onPick: () => {
            void submitText(text, intent).then(finish)
          },
        })
      }
      for (const artifact of (sha.data?.artifacts ?? []).slice(0, SUGGESTIONS)) {
        const flow = artifact.flow
        const where = artifact.runningIn.length
          ? `runs in ${[...new Set(artifact.runningIn)].join(', ')}`
          : 'not running'
        list.push({
          key: `sha:${flow ?? ''}/${artifact.fingerprint}`,
          group: 'Artifacts',
          label: artifact.name || artifact.fingerprint,
          tag: flow ?? 'no flow',
          detail: `commit ${shortSha(artifact.gitCommit) || 'unknown'} · ${where}`,
          onPick: () => {
            rememberSearch(org, text)
            if (flow) void open(artifactPath(org, flow, artifact.fingerprint))
            finish()
          },
        })
      }
    }
    return list
  }, [intent, pending, submitText, text, open, onDone, org, shaValue, sha.isError, sha.data])

  return {
    intent,
    options,
    pending,
    submit: () => {
      void submitText(text, intent).then(() => onDone?.())
    },
  }
}
