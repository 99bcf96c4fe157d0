/**
 * Runs at most `concurrency` tasks at a time, the rest in the order they were asked for, so
 * twenty environments do not open twenty requests at once.
 */
export function createLimiter(concurrency: number) {
  const max = Math.max(1, Math.floor(concurrency))
  let running = 0
  const waiting: Array<() => void> = []
  const next = () => {
    running -= 1
    waiting.shift()?.()
  }
  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1
        task().then(resolve, reject).finally(next)
      }
      if (running < max) start()
      else waiting.push(start)
    })
  }
}
