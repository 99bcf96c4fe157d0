/**
 * Command-line options of `npm run bench`. Unknown options are an error so a typo never
 * silently measures the wrong thing.
 */

/** Every measurement the harness knows, in the order it runs and prints them. */
export const CASE_IDS = /** @type {const} */ ([
  'snapshot',
  'diff',
  'artifact',
  'flows',
  'flow',
  'environment',
  'overview',
  'history',
  'typing',
  'scroll',
  'heap',
  'bytes',
  'bundle',
  'lighthouse',
])

export const USAGE = `Usage: npm run bench -- [options]

  --runs N          runs per case (default 5)
  --quick           1 run per case and no Lighthouse (what CI runs)
  --build           always run \`vite build\` first (otherwise only when dist/ is missing)
  --dist DIR        the build to serve (default $SHIPLOG_DIST or dist)
  --port-base N     first port to try for the servers (default 4900)
  --only a,b        run only these cases: ${CASE_IDS.join(', ')}
  --skip a,b        run all but these cases
  --no-lighthouse   skip Lighthouse in a full run
  --artifact ORG/FLOW[/FINGERPRINT]
                    the artifact with a long history (default acme/busy-service)
  --check           exit 1 when a target is missed or a case fails (default: always exit 0)
  --help            this text
`

/**
 * @typedef {object} BenchOptions
 * @property {number} runs
 * @property {boolean} quick
 * @property {boolean} build
 * @property {string} dist
 * @property {number} portBase
 * @property {Set<string>} cases
 * @property {{ org: string, flow: string, fingerprint: string | undefined }} artifact
 * @property {boolean} check
 * @property {boolean} help
 */

/**
 * @param {string} raw
 * @returns {string[]}
 */
function caseList(raw) {
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  for (const id of ids) {
    if (!CASE_IDS.includes(/** @type {(typeof CASE_IDS)[number]} */ (id))) {
      throw new Error(`unknown case "${id}" (known: ${CASE_IDS.join(', ')})`)
    }
  }
  return ids
}

/**
 * @param {string[]} argv process.argv without node and the script
 * @param {NodeJS.ProcessEnv} env
 * @returns {BenchOptions}
 */
export function parseArgs(argv, env = process.env) {
  let runs = 5
  let runsGiven = false
  let quick = false
  let build = false
  let dist = env.SHIPLOG_DIST || 'dist'
  let portBase = 4900
  /** @type {string[] | undefined} */
  let only
  /** @type {string[]} */
  let skip = []
  let lighthouse = true
  let artifact = 'acme/busy-service'
  let check = false
  let help = false

  const args = [...argv]
  /** @param {string} name */
  const value = (name) => {
    const next = args.shift()
    if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`)
    return next
  }
  while (args.length) {
    const arg = /** @type {string} */ (args.shift())
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    if (inline !== undefined) args.unshift(inline)
    switch (name) {
      case '--runs': {
        runs = Number(value(name))
        runsGiven = true
        if (!Number.isInteger(runs) || runs < 1)
          throw new Error('--runs must be a positive integer')
        break
      }
      case '--quick':
        quick = true
        break
      case '--build':
        build = true
        break
      case '--dist':
        dist = value(name)
        break
      case '--port-base':
        portBase = Number(value(name))
        if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 65000) {
          throw new Error('--port-base must be a port number between 1024 and 65000')
        }
        break
      case '--only':
        only = caseList(value(name))
        break
      case '--skip':
        skip = caseList(value(name))
        break
      case '--no-lighthouse':
        lighthouse = false
        break
      case '--artifact':
        artifact = value(name)
        break
      case '--check':
        check = true
        break
      case '--help':
      case '-h':
        help = true
        break
      default:
        throw new Error(`unknown option ${arg}`)
    }
  }
  if (quick && !runsGiven) runs = 1
  const cases = new Set(only ?? CASE_IDS)
  for (const id of skip) cases.delete(id)
  // Lighthouse takes minutes; quick mode is for CI and for a fast look.
  if (quick || !lighthouse) {
    if (!only?.includes('lighthouse')) cases.delete('lighthouse')
  }
  const [org, flow, fingerprint] = artifact.split('/')
  if (!org || !flow) throw new Error('--artifact must look like ORG/FLOW or ORG/FLOW/FINGERPRINT')
  return {
    runs,
    quick,
    build,
    dist,
    portBase,
    cases,
    artifact: { org, flow, fingerprint: fingerprint || undefined },
    check,
    help,
  }
}
