/**
 * A small seeded pseudo-random generator for demonstration data, so that the same seed
 * always yields the same citizens and organizations.
 */

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** `count` decimal digits as a string (leading zeros kept). */
  digits(count: number): string;
}

/**
 * Creates a mulberry32 generator (Tommy Ettinger's 32-bit mixer; period 2^32), fast and
 * good enough for test data, not for anything secret.
 *
 * @example createPrng(42).int(10) // always the same number for seed 42
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      // Index is in [0, length), so the element exists.
      return items[int(items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    digits(count: number): string {
      // One draw covers up to 9 digits (10^9 < 2^32, the generator's resolution); this keeps
      // bulk generation light on short-lived strings.
      if (count <= 9) return String(int(10 ** count)).padStart(count, '0');
      let s = '';
      for (let i = 0; i < count; i++) s += String(int(10));
      return s;
    },
  };
}
