/**
 * Runs at most `concurrency` tasks at a time, the rest in the order they were asked for, so
 * twenty environments do not open twenty requests at once. A task holds its slot until it
 * settles, or until it calls the `release` it is given: a request that has its body frees the
 * slot before parsing it, so the next one downloads while this one is read.
 */
export function createLimiter(concurrency: number) {
  const max = Math.max(1, Math.floor(concurrency))
  let running = 0
  const waiting: Array<() => void> = []
  return function run<T>(task: (release: () => void) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1
        let held = true
        const release = () => {
          if (!held) return
          held = false
          running -= 1
          waiting.shift()?.()
        }
        task(release).then(resolve, reject).finally(release)
      }
      if (running < max) start()
      else waiting.push(start)
    })
  }
}
