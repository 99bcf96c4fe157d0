import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseImageReference, shortImageReference } from './image-reference'

const DIGEST = 'f3cdc22a599ddb789e7791389a5a58b43fd9c30d3af079aec392d5962d181096'

describe('parseImageReference', () => {
  it.each([
    ['cyberdojo/runner:16d9990', 'cyberdojo/runner', 'runner', '16d9990', null],
    [
      '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
      '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner',
      'runner',
      '16d9990',
      null,
    ],
    [
      `244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:85cac88@sha256:${DIGEST}`,
      '244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner',
      'runner',
      '85cac88',
      DIGEST,
    ],
    [`ghcr.io/org/app@sha256:${DIGEST.toUpperCase()}`, 'ghcr.io/org/app', 'app', null, DIGEST],
    ['localhost:5000/team/web:v1.2.3', 'localhost:5000/team/web', 'web', 'v1.2.3', null],
    ['localhost:5000/team/web', 'localhost:5000/team/web', 'web', null, null],
    [`runner@sha256:${DIGEST}`, 'runner', 'runner', null, DIGEST],
  ])('reads %s', (text, repository, name, tag, digest) => {
    expect(parseImageReference(text)).toEqual({
      ok: true,
      value: { repository, name, tag, digest },
    })
  })

  it.each([
    ['runner:16d9990', /registry path/],
    ['cyberdojo/runner@sha256:abc', /64 hexadecimal/],
    ['/runner:16d9990', /not an image repository/],
    ['cyberdojo//runner:1', /not an image repository/],
    ['cyberdojo/runner:-bad', /not an image tag/],
  ])('rejects %s', (text, reason) => {
    const parsed = parseImageReference(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(reason)
  })

  it('never throws and keeps what it reads inside the input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '1', '/', ':', '@', '.', '-', 'f') }),
        (text) => {
          const parsed = parseImageReference(text)
          if (parsed.ok) {
            expect(text).toContain(parsed.value.repository)
            if (parsed.value.tag !== null) expect(text).toContain(`:${parsed.value.tag}`)
          }
        },
      ),
    )
  })
})

describe('shortImageReference', () => {
  const DIGEST = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'

  it('elides the registry host and all but 7 characters of the digest', () => {
    expect(
      shortImageReference(
        `244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990@sha256:${DIGEST}`,
      ),
    ).toBe('…/runner:16d9990@sha256:9af401c…')
    expect(shortImageReference('localhost/web:1')).toBe('…/web:1')
    expect(shortImageReference('registry:5000/team/web:1')).toBe('…/team/web:1')
  })

  it('keeps names without a registry host or digest as they are', () => {
    for (const name of ['cyberdojo/runner:16d9990', 'runner', 'a/b/c:tag', 'not an image']) {
      expect(shortImageReference(name)).toBe(name)
    }
  })

  it('never makes a name longer than it was', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(shortImageReference(name).length).toBeLessThanOrEqual(name.trim().length)
      }),
    )
  })
})
