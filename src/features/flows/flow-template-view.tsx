import { useMemo } from 'react'
import { parseFlowTemplate, type TemplateAttestation } from './flow-template'

function AttestationList({ items }: { items: ReadonlyArray<TemplateAttestation> }) {
  if (!items.length) return <p className="text-sm text-muted">No attestations required</p>
  return (
    <ul className="space-y-1">
      {items.map((item, index) => (
        <li key={`${item.name}-${index}`} className="flex flex-wrap items-baseline gap-2">
          <span className="font-mono break-all">{item.name}</span>
          <span className="rounded bg-raised px-1.5 text-xs text-muted">
            {item.type ?? 'any type'}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The flow template as what a trail must carry; text it cannot read is shown as it is. */
export function FlowTemplateView({ text }: { text: string | null }) {
  const template = useMemo(() => parseFlowTemplate(text), [text])
  if (!text) return <p className="text-muted">This flow has no template.</p>
  if (!template) {
    return (
      <pre className="overflow-x-auto rounded border border-line bg-surface p-3 font-mono text-sm">
        {text}
      </pre>
    )
  }
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded border border-line bg-surface p-3">
          <h3 className="mb-2 font-semibold">Trail attestations</h3>
          <AttestationList items={template.trailAttestations} />
        </div>
        {template.artifacts.map((artifact, index) => (
          <div
            key={`${artifact.name}-${index}`}
            className="rounded border border-line bg-surface p-3"
          >
            <h3 className="mb-2 font-semibold">
              Artifact <span className="font-mono break-all">{artifact.name}</span>
            </h3>
            <AttestationList items={artifact.attestations} />
          </div>
        ))}
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-muted">Template YAML</summary>
        <pre className="mt-2 overflow-x-auto rounded border border-line bg-surface p-3 font-mono text-sm">
          {text}
        </pre>
      </details>
    </div>
  )
}
