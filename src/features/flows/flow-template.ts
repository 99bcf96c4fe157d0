/** The parts of a Kosli flow template (YAML, `version: 1`) a reader cares about. */
export interface TemplateAttestation {
  name: string
  type: string | null
}

export interface TemplateArtifact {
  name: string
  attestations: TemplateAttestation[]
}

export interface FlowTemplate {
  version: string | null
  trailAttestations: TemplateAttestation[]
  artifacts: TemplateArtifact[]
}

interface Line {
  indent: number
  text: string
}

const KEY_VALUE = /^([A-Za-z_][\w-]*):\s*(.*)$/

function unquote(value: string): string {
  const trimmed = value.replace(/\s+#.*$/, '').trim()
  const quoted = /^(['"])(.*)\1$/.exec(trimmed)
  return quoted?.[2] ?? trimmed
}

function parseInlineMap(body: string): Map<string, string> | null {
  const inner = /^\{(.*)\}$/.exec(body)?.[1]
  if (inner === undefined) return null
  const map = new Map<string, string>()
  for (const part of inner.split(',')) {
    if (!part.trim()) continue
    const match = KEY_VALUE.exec(part.trim())
    if (!match?.[1]) return null
    map.set(match[1], unquote(match[2] ?? ''))
  }
  return map
}

/**
 * Reads the simple block-style YAML Kosli templates use (trail → attestations/artifacts → name,
 * type, attestations). Returns null for anything else (flow style, anchors, unknown keys at the
 * top), so the page can show the text as it is instead of guessing.
 */
export function parseFlowTemplate(text: string | null | undefined): FlowTemplate | null {
  if (typeof text !== 'string' || !text.trim()) return null
  const lines: Line[] = []
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue
    if (raw.includes('\t')) return null
    lines.push({ indent: raw.length - raw.trimStart().length, text: raw.trim() })
  }

  const template: FlowTemplate = { version: null, trailAttestations: [], artifacts: [] }
  // Where we are: the section, and the item being filled.
  let section: 'none' | 'trail' | 'trail-attestations' | 'artifacts' = 'none'
  let artifact: TemplateArtifact | null = null
  let inArtifactAttestations = false
  let attestation: TemplateAttestation | null = null
  let itemIndent = -1

  for (const line of lines) {
    const isItem = line.text.startsWith('- ')
    const body = isItem ? line.text.slice(2).trim() : line.text
    // `- { name: unit-test, type: junit }`: a one-line map, as some cyber-dojo flows write them.
    const inline = isItem ? parseInlineMap(body) : null
    if (inline) {
      const name = inline.get('name')
      if (!name) return null
      const item = { name, type: inline.get('type') ?? null }
      if (section === 'trail-attestations') template.trailAttestations.push(item)
      else if (
        section === 'artifacts' &&
        artifact &&
        inArtifactAttestations &&
        line.indent > itemIndent
      )
        artifact.attestations.push(item)
      else return null
      attestation = item
      continue
    }
    const match = KEY_VALUE.exec(body)
    if (!match) return null
    const key = match[1] ?? ''
    const value = unquote(match[2] ?? '')

    if (line.indent === 0) {
      if (isItem) return null
      attestation = null
      artifact = null
      if (key === 'version') template.version = value || null
      else if (key === 'trail' && !value) section = 'trail'
      else return null
      continue
    }
    if (section === 'none') return null

    if (!isItem && !value && (key === 'attestations' || key === 'artifacts')) {
      if (artifact && key === 'attestations' && line.indent > itemIndent) {
        inArtifactAttestations = true
        attestation = null
        continue
      }
      section = key === 'attestations' ? 'trail-attestations' : 'artifacts'
      artifact = null
      attestation = null
      inArtifactAttestations = false
      itemIndent = -1
      continue
    }

    if (isItem) {
      if (key !== 'name') return null
      if (
        section === 'artifacts' &&
        (!artifact || line.indent <= itemIndent || !inArtifactAttestations)
      ) {
        artifact = { name: value, attestations: [] }
        template.artifacts.push(artifact)
        itemIndent = line.indent
        inArtifactAttestations = false
        attestation = null
        continue
      }
      attestation = { name: value, type: null }
      if (section === 'trail-attestations') template.trailAttestations.push(attestation)
      else if (artifact && inArtifactAttestations) artifact.attestations.push(attestation)
      else return null
      continue
    }

    // A continuation key of the current item.
    if (key === 'type' && attestation) attestation.type = value || null
    else if (key === 'name') return null
    // Other keys (description, if, …) do not change what a reader needs.
  }

  if (!template.trailAttestations.length && !template.artifacts.length) return null
  return template
}
