/**
 * The statistics behind the flags: the normal quantile, the Wilson score interval, the one-sided
 * two-proportion z-test and the median. Pure functions, no database: the SQL evaluation computes the
 * same formulas over many rows and must agree with these to the last reported digit.
 */

export type Proportion = { successes: number; trials: number };
export type Interval = { low: number; high: number };

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

// Acklam's rational approximation of the inverse normal CDF (relative error below 1.15e-9 before
// refinement). Central region P_LOW ≤ p ≤ 0.5, lower tail below it.
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Horner's rule, coefficients from the highest power down. */
function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, c) => sum * x + c, 0);
}

/**
 * erfc(x) for x ≥ 0, to about 1e-15 relative: a series with only positive terms for small x (no
 * cancellation), and the Laplace continued fraction (modified Lentz) where that converges quickly.
 */
function erfcNonNegative(x: number): number {
  if (x < 2) {
    // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const TINY = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? TINY : 1 / d;
    c = x + a / c;
    if (c === 0) c = TINY;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** The standard normal CDF Φ(x). */
function normalCdf(x: number): number {
  const tail = 0.5 * erfcNonNegative(Math.abs(x) / Math.SQRT2);
  return x < 0 ? tail : 1 - tail;
}

/**
 * The inverse standard normal CDF: the x with Φ(x) = p. Acklam's approximation refined by one
 * Halley step, which brings it to about machine precision. normalQuantile(0.975) ≈ 1.959963985.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must lie between 0 and 1, got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;

  // Φ⁻¹(p) = −Φ⁻¹(1 − p), and 1 − p is exact for p ≥ 0.5: working in the lower half keeps the upper
  // tail as accurate as the lower one and makes the function exactly symmetric.
  if (p > 0.5) return -normalQuantile(1 - p);

  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
  }

  // One Halley step on Φ(x) − p = 0.
  const error = normalCdf(x) - p;
  const u = error * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** The z of a two-sided interval at this confidence: 0.95 → 1.959964. */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`a confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

function assertProportion({ successes, trials }: Proportion): void {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || successes < 0 || trials < 0) {
    throw new RangeError(`successes and trials must be finite and not negative, got ${successes}/${trials}`);
  }
  if (successes > trials) throw new RangeError(`successes (${successes}) cannot exceed trials (${trials})`);
}

const clampToUnit = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The Wilson score interval of a proportion; null when there were no trials (no rate to bound).
 * Unlike p̂ ± z·se it stays inside [0, 1] and is not zero-width at 0 or n successes, which is why a
 * seller with 3 negative reviews out of 3 is not "certainly 100% negative".
 */
export function wilsonInterval(successes: number, trials: number, z: number): Interval | null {
  assertProportion({ successes, trials });
  if (!(z >= 0) || !Number.isFinite(z)) throw new RangeError(`z must be finite and not negative, got ${z}`);
  if (trials === 0) return null;

  const rate = successes / trials;
  const zz = z * z;
  const denominator = 1 + zz / trials;
  const center = (rate + zz / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / trials + zz / (4 * trials * trials));
  return { low: clampToUnit(center - halfWidth), high: clampToUnit(center + halfWidth) };
}

/**
 * The pooled two-proportion z statistic, signed so that a positive z means the recent rate is above
 * the baseline rate (the one-sided test of "it got worse"). Null when either side has no trials or the
 * pooled proportion is 0 or 1: without variance there is nothing to test.
 */
export function twoProportionZ(recent: Proportion, baseline: Proportion): number | null {
  assertProportion(recent);
  assertProportion(baseline);
  if (recent.trials === 0 || baseline.trials === 0) return null;

  const pooled = (recent.successes + baseline.successes) / (recent.trials + baseline.trials);
  if (pooled === 0 || pooled === 1) return null;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / recent.trials + 1 / baseline.trials));
  return (recent.successes / recent.trials - baseline.successes / baseline.trials) / standardError;
}

/**
 * The median; null for no values. For an even count it interpolates the two middle values the way
 * PostgreSQL's percentile_cont(0.5) does (lo + 0.5 × (hi − lo)), so both sides round alike.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(middle)]!;
  const hi = sorted[Math.ceil(middle)]!;
  return lo === hi ? lo : lo + 0.5 * (hi - lo);
}

/** LOW_YEAR's bar: a seller must be both relatively (× multiplier) and absolutely (+ margin) worse. */
export function lowYearThreshold(portalValue: number, multiplier: number, margin: number): number {
  return Math.max(multiplier * portalValue, portalValue + margin);
}
