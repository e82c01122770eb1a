/**
 * A seeded pseudo-random generator and the few draws the seed needs. Everything random in the
 * seed goes through one `Rng`, so the same seed gives the same portal, byte for byte.
 */
export type Rng = () => number;

/** mulberry32 over a splitmix-scrambled seed: tiny, fast, and good enough for demo data. */
export function createRng(seed: number): Rng {
  let state = scrambleSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scrambleSeed(seed: number): number {
  let z = (Math.trunc(seed) + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export function randomBetween(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** An integer in [min, max], both included. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return Math.floor(randomBetween(rng, min, max + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pickOne: no items to pick from");
  return item;
}

/** Picks a value with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = rng() * total;
  for (const [value, weight] of options) {
    remaining -= weight;
    if (remaining < 0) return value;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error("pickWeighted: no options to pick from");
  return last[0];
}

/** A standard normal draw (Box–Muller). */
function randomNormal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A skewed positive amount around `median`: most near it, a long tail above (delays, prices). */
export function randomLogNormal(rng: Rng, median: number, spread: number): number {
  return median * Math.exp(spread * randomNormal(rng));
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
