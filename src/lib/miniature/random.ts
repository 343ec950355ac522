// A small seeded pseudo-random generator, so the synthetic shop is the same on every machine
// and every engine. Math.random cannot be seeded; mulberry32 is tiny and good enough for
// test data (it is not for anything security-related).

/** Seeded source of pseudo-random numbers with the helpers the generator needs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, picked by relative weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** One item, picked uniformly. */
  pick<T>(items: ReadonlyArray<T>): T;
  /** A log-normally distributed value (median `median`, spread `sigma`). */
  logNormal(median: number, sigma: number): number;
}

/** Create a mulberry32 generator from an integer seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted(items) {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    pick: (items) => items[Math.floor(next() * items.length)]!,
    logNormal(median, sigma) {
      // Box–Muller; 1 - next() keeps the logarithm away from zero.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * z);
    },
  };
  return random;
}
