/**
 * The mock Kosli API the bench starts: the demo world plus the bench's scale org, on
 * MOCK_PORT/MOCK_HOST.
 */
import { createMockApiServer } from '../../mocks/server'
import { registerOrg } from '../../mocks/world/world'
import { SCALE_ORG, buildScaleOrg } from './scale-org'

registerOrg(SCALE_ORG, buildScaleOrg)
const port = Number(process.env.MOCK_PORT ?? 8181)
const host = process.env.MOCK_HOST ?? '127.0.0.1'
const server = createMockApiServer({ quiet: process.env.MOCK_QUIET === '1' })
server.listen(port, host)
const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
