import { BETA_COUNT, PROD, PROD_COUNT, SERVICES } from './cyber-dojo-moments'
import type { ArtifactRec, OrgRec } from './model'
import type { Rng } from './random'
import { indexAtTime } from './timeline'

/**
 * Pins: an artifact placed at a fixed snapshot of aws-prod or aws-beta (the story and the
 * captures). Synthetic versions fill the gaps between pins.
 */
export interface Pin {
  env: string
  service: string
  fp: string
  index: number
  count: number
  creation: number[]
  blueGreen: boolean
}

/** A pin placed at about a time, at a free snapshot near it, once all fixed pins are known. */
interface FloatingPin {
  env: string
  service: string
  fp: string
  at: number
  count: number
  blueGreen: boolean
}

/** The snapshot times of aws-prod and aws-beta. */
export interface Clock {
  prodTs: Float64Array
  betaTs: Float64Array
  tsOf: (env: string, index: number) => number
}

export function makeClock(prodTs: Float64Array, betaTs: Float64Array): Clock {
  return { prodTs, betaTs, tsOf: (env, i) => (env === PROD ? prodTs : betaTs)[i] ?? 0 }
}

export function countOf(env: string): number {
  return env === PROD ? PROD_COUNT : BETA_COUNT
}

export class PinBoard {
  readonly pins: Pin[] = []
  private readonly floating: FloatingPin[] = []

  constructor(
    readonly org: OrgRec,
    readonly clock: Clock,
    private readonly random: Rng,
  ) {}

  /** Run `art` from snapshot `index`, its replicas created just before unless given. */
  pin(
    env: string,
    art: ArtifactRec,
    index: number,
    count: number,
    blueGreen = true,
    creation?: number[],
  ): void {
    this.pins.push({
      env,
      service: art.service,
      fp: art.fingerprint,
      index,
      count,
      creation: creation ?? creationBefore(this.clock.tsOf(env, index), count, this.random),
      blueGreen,
    })
  }

  float(pin: FloatingPin): void {
    this.floating.push(pin)
  }

  /** Place the floating pins, each at the last snapshot before its time clear of other pins. */
  placeFloating(): void {
    const pinIndexes = (env: string) =>
      new Set(this.pins.filter((p) => p.env === env).map((p) => p.index))
    for (const f of this.floating) {
      const taken = pinIndexes(f.env)
      const ts = f.env === PROD ? this.clock.prodTs : this.clock.betaTs
      let index = indexAtTime(ts, countOf(f.env), f.at)
      while ([-2, -1, 0, 1, 2].some((d) => taken.has(index + d))) index--
      this.pin(f.env, requireArtifact(this.org, f.fp), index, f.count, f.blueGreen)
    }
  }
}

export function creationBefore(ts: number, count: number, random: Rng): number[] {
  const last = Math.floor(ts) - random.int(4, 40)
  const out: number[] = []
  for (let i = count - 1; i >= 0; i--) out.push(last - i * random.int(2, 6))
  return out
}

export function rankOf(service: string): number {
  const i = (SERVICES as readonly string[]).indexOf(service)
  return i < 0 ? 100 : i
}

export function addArtifact(org: OrgRec, art: ArtifactRec): ArtifactRec {
  org.artifacts.set(art.fingerprint, art)
  return art
}

export function requireArtifact(org: OrgRec, fp: string): ArtifactRec {
  const art = org.artifacts.get(fp)
  if (!art) throw new Error(`world: unknown artifact ${fp}`)
  return art
}
