import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderUi } from '@/test/render-ui'
import type { AuditContent } from './audit-content'
import { AuditReportView } from './audit-report-view'
import { expectLink } from '@/test/expect-link'

// URLs that came from CI data: each looks in-app or harmless to a naive `startsWith('/')` check.
const HOSTILE = {
  build: '//github.com@evil.example/x',
  html: '/\\evil.example/h',
  commit: '/api/v2/artifacts/cyber-dojo/runner/abc/audit_package',
}

function content(): AuditContent {
  return {
    kind: 'artifact',
    subject: 'runner@abc',
    compliance: { state: 'COMPLIANT', reasons: [] },
    sections: [
      {
        heading: 'Artifact runner',
        source: null,
        facts: [
          { label: 'Name', text: 'runner', path: '/cyber-dojo/flows/runner/artifacts/abc' },
          { label: 'Build URL', text: HOSTILE.build, href: HOSTILE.build },
          { label: 'Kosli URL', text: HOSTILE.html, href: HOSTILE.html },
          { label: 'Commit URL', text: HOSTILE.commit, href: HOSTILE.commit },
          { label: 'CI run', text: 'the run', href: 'https://ci.example/run/1' },
        ],
        tables: [
          {
            caption: 'Running in',
            columns: ['Snapshot'],
            rows: [[{ text: HOSTILE.build, href: HOSTILE.build }]],
          },
        ],
        notes: [],
      },
    ],
  }
}

function renderReport() {
  return renderUi(
    <AuditReportView
      content={content()}
      question="Artifact runner@abc"
      params={{ artifact: 'runner@abc' }}
      org="cyber-dojo"
      mode="live"
      generatedAt={0}
      packages={[]}
    />,
  )
}

describe('audit report view', () => {
  it('links only to its own pages and to safe outside URLs', () => {
    renderReport()
    const facts = screen.getByRole('region', { name: 'Artifact runner' })
    expectLink('runner', '/cyber-dojo/flows/runner/artifacts/abc', facts)
    expectLink('the run', 'https://ci.example/run/1', facts)
    for (const url of Object.values(HOSTILE)) {
      expect(within(facts).queryByRole('link', { name: url })).toBeNull()
      expect(within(facts).getAllByText(url).length).toBeGreaterThan(0)
    }
    expect(within(facts).getAllByRole('link')).toHaveLength(2)
  })
})
