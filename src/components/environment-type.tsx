// A glyph per platform so the type reads at a glance; the word is always shown beside it.
const ICONS: Record<string, string> = {
  K8S: '☸',
  ECS: '▣',
  S3: '◫',
  lambda: 'λ',
  server: '▤',
  docker: '◈',
  'azure-apps': '△',
  'cloud-run': '▷',
  logical: '⊕',
}

export function EnvironmentType({ type }: { type: string }) {
  const word = type || 'unknown'
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span aria-hidden="true" className="inline-block w-4 text-center text-muted">
        {ICONS[type] ?? '•'}
      </span>
      {word}
    </span>
  )
}
