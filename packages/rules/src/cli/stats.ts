/**
 * The 95% intervals every figure of the simulator, the pooling CLI and the
 * development benches is given with: normal approximations over games.
 */

/** Mean ± 1.96 standard errors, from the sample standard deviation. */
export interface MeanInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Mean over its standard error (0 when there is no spread). */
  readonly z: number;
}

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = Math.max(1, values.length);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length - 1);
  const se = Math.sqrt(variance / n);
  return { mean, low: mean - 1.96 * se, high: mean + 1.96 * se, z: se > 0 ? mean / se : 0 };
}

/** p ± 1.96 sqrt(p(1-p)/n), for a rate of `successes` in `trials` (a shared win counts for each winner). */
export function rateInterval(successes: number, trials: number): { readonly rate: number; readonly low: number; readonly high: number } {
  const rate = successes / trials;
  const half = 1.96 * Math.sqrt((rate * (1 - rate)) / trials);
  return { rate, low: rate - half, high: rate + half };
}
