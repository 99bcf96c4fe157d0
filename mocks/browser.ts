import { setupWorker } from 'msw/browser'
import { handlers } from './handlers/index.ts'
import { advanceWorld, startReplay } from './world/advance.ts'

export const worker = setupWorker(...handlers)

/**
 * Demo mode's `?replay=1`: aws-prod starts again at #64 and one recorded snapshot follows
 * every `everySeconds`, so the seed's rollout of runner:16d9990 plays out in the open pages.
 */
export function startDemoReplay(everySeconds: number): void {
  startReplay()
  setInterval(() => advanceWorld(), Math.max(2, everySeconds) * 1000)
}
