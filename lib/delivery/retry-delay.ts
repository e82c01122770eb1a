/**
 * How long to wait before the next try of a delivery that failed `attempts` times: doubling from
 * `baseMs`, capped at `capMs`, spread by ±20% so that many failures at one moment (the receiver was
 * down) do not all come back at the same instant. `random` is a number in [0, 1), for tests.
 */
export function retryDelayMs(params: { attempts: number; baseMs: number; capMs: number; random?: number }): number {
  const doublings = Math.max(0, params.attempts - 1);
  // 2^doublings overflows to Infinity long before it matters; the cap takes it back.
  const delay = Math.min(params.capMs, params.baseMs * 2 ** doublings);
  const jitter = 0.8 + 0.4 * (params.random ?? Math.random());
  return Math.round(Math.min(params.capMs, delay * jitter));
}
