// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { configMetaTags, readShiplogConfig } from './config.ts'
import { createKosliProxy } from './proxy.ts'

const SECRET = 'tok_config-secret-value'

describe('readShiplogConfig: the API token', () => {
  it.each([
    ['\x07', 'a control character (U+0007)'],
    ['\x1b[0m', 'an escape (ESC) (U+001B)'],
    ['\r\nX-Injected: 1', 'a carriage return (CR) (U+000D)'],
    ['\t2', 'a tab (U+0009)'],
    [' two', 'a space'],
    ['\x7f', 'DEL (U+007F)'],
    ['\u201d', 'the character U+201D'],
  ])('refuses a token containing %j at start-up, saying what and where', (bad, what) => {
    const token = `${SECRET}${bad}end`
    let message = ''
    try {
      readShiplogConfig({ KOSLI_HOST: 'https://app.kosli.com', KOSLI_API_TOKEN: token })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('KOSLI_API_TOKEN contains')
    expect(message).toContain(what)
    expect(message).toContain(`at position ${SECRET.length + 1} of ${token.length}`)
    expect(message).toContain('HTTP header')
    expect(message).not.toContain(SECRET)
  })

  it('accepts visible ASCII and trims surrounding white space', () => {
    const config = readShiplogConfig({
      KOSLI_HOST: 'https://app.kosli.com',
      KOSLI_API_TOKEN: `  ${SECRET}~!#$%&'*+-.^_|=/  \n`,
    })
    expect(config.token).toBe(`${SECRET}~!#$%&'*+-.^_|=/`)
  })

  it('never builds a proxy that would fail every request on its token', () => {
    expect(() =>
      createKosliProxy({ kosliHost: 'https://app.kosli.com', token: `${SECRET}\x00` }),
    ).toThrow(/KOSLI_API_TOKEN contains NUL \(U\+0000\)/)
  })
})

describe('readShiplogConfig: upstream time limits', () => {
  it('has an idle timeout and an overall deadline, each configurable', () => {
    expect(readShiplogConfig({})).toMatchObject({
      upstreamTimeoutMs: 30_000,
      upstreamDeadlineMs: 60_000,
    })
    expect(
      readShiplogConfig({
        SHIPLOG_UPSTREAM_TIMEOUT_MS: '500',
        SHIPLOG_UPSTREAM_DEADLINE_MS: '900',
      }),
    ).toMatchObject({ upstreamTimeoutMs: 500, upstreamDeadlineMs: 900 })
    expect(readShiplogConfig({ SHIPLOG_UPSTREAM_DEADLINE_MS: 'soon' }).upstreamDeadlineMs).toBe(
      60_000,
    )
  })
})

describe('readShiplogConfig: live refresh', () => {
  it('polls every 15 s by default; SHIPLOG_POLL_SECONDS sets it and 0 turns it off', () => {
    expect(readShiplogConfig({}).pollSeconds).toBe(15)
    expect(readShiplogConfig({ SHIPLOG_POLL_SECONDS: '5' }).pollSeconds).toBe(5)
    expect(readShiplogConfig({ SHIPLOG_POLL_SECONDS: '0' }).pollSeconds).toBe(0)
    expect(readShiplogConfig({ SHIPLOG_POLL_SECONDS: 'often' }).pollSeconds).toBe(15)
    expect(readShiplogConfig({ SHIPLOG_POLL_SECONDS: '-3' }).pollSeconds).toBe(15)
  })

  it('tells the page in a meta tag beside the mode and the org', () => {
    const tags = configMetaTags(readShiplogConfig({ SHIPLOG_POLL_SECONDS: '7' }))
    expect(tags).toContain('<meta name="shiplog-poll-seconds" content="7" />')
    expect(tags).toContain('<meta name="shiplog-mode" content="demo" />')
  })
})
