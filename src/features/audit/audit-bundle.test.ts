// @vitest-environment node
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditFilename, buildAuditBundle, sha256Hex } from './audit-bundle'

describe('buildAuditBundle', () => {
  it('lists a SHA-256 of the content that anyone can verify from the file', async () => {
    const content = {
      kind: 'artifact',
      subject: 'runner@9af401c4',
      note: 'ünïcødé — “quotes” & <tags>',
      ts: 1661161200.123456,
    }
    const bundle = await buildAuditBundle({
      generatedAt: Date.UTC(2026, 4, 1, 10, 0, 0),
      org: 'cyber-dojo',
      mode: 'demo',
      api: 'Demo world',
      query: { description: 'Artifact runner@9af401c4', params: { artifact: 'runner@9af401c4' } },
      content,
    })
    expect(bundle.manifest).toMatchObject({
      generated_at: '2026-05-01T10:00:00.000Z',
      org: 'cyber-dojo',
      mode: 'demo',
      sha256_of: 'UTF-8 bytes of JSON.stringify(content)',
    })
    // Verify the way an auditor would: parse the downloaded file, re-hash its content.
    const file = JSON.parse(JSON.stringify(bundle, null, 2)) as typeof bundle
    const expected = createHash('sha256').update(JSON.stringify(file.content), 'utf8').digest('hex')
    expect(file.manifest.sha256).toBe(expected)
    expect(file.manifest.sha256).toMatch(/^[0-9a-f]{64}$/)
    // Tampering changes the hash.
    const tampered = createHash('sha256')
      .update(JSON.stringify({ ...file.content, subject: 'runner@0000' }), 'utf8')
      .digest('hex')
    expect(tampered).not.toBe(file.manifest.sha256)
  })

  it('hashes like sha256sum', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('names files safely', () => {
    expect(auditFilename('trail', 'runner-ci/a2ffba5', Date.UTC(2026, 4, 1, 10, 0, 0))).toBe(
      'shiplog-audit-trail-runner-ci-a2ffba5-2026-05-01T10-00-00Z.json',
    )
    expect(auditFilename('snapshot', '../../etc', 0)).toBe(
      'shiplog-audit-snapshot-..-..-etc-1970-01-01T00-00-00Z.json',
    )
  })
})
