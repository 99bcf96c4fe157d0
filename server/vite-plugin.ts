/**
 * The dev-server half of Shiplog's server: injects the mode/org meta tags into index.html and, in
 * live mode, mounts the Kosli `/api/v2` proxy. Only applies to `vite` (serve); a production build
 * keeps the `<!--shiplog-config-->` placeholder so serve.ts can fill it in at run time.
 */
import type { Plugin } from 'vite'
import { describeMode, injectConfig, readShiplogConfig } from './config.ts'
import type { ShiplogConfig } from './config.ts'
import { createApiHandler } from './proxy.ts'

const API_PATH = /^\/api(?:[/?%\\]|$)/i

export function shiplogDevServer(): Plugin {
  let config: ShiplogConfig | undefined
  // Read lazily so that `vite build` never trips over a bad KOSLI_HOST it does not use.
  const getConfig = (): ShiplogConfig => (config ??= readShiplogConfig())

  return {
    name: 'shiplog-dev-server',
    apply: 'serve',
    configureServer(server) {
      const current = getConfig()
      const answerApi = createApiHandler(current, {
        allowedHosts: server.config.server.allowedHosts,
      })
      // Added before Vite's own middlewares, so its SPA fallback never answers /api with HTML.
      server.middlewares.use((req, res, next) => {
        if (!API_PATH.test(req.url ?? '')) {
          next()
          return
        }
        answerApi(req, res)
      })
      server.httpServer?.once('listening', () => {
        server.config.logger.info(`  ➜  Shiplog: ${describeMode(current)}`)
      })
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => injectConfig(html, getConfig()),
    },
  }
}
