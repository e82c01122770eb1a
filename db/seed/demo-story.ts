/**
 * The demo's story in numbers, shared by the pure generator (db/seed/generate.ts) and the history
 * it replays (db/seed/demo-history.ts).
 */

/** Weeks of evaluations before this week's: a quarter of trend. */
export const DEMO_HISTORY_WEEKS = 12;

/**
 * The demo seller's case is due: opened a day past the minimum exclusion ago. Its products have
 * been hidden since, so the generator gives that seller no orders in those days.
 */
export const DEMO_CASE_AGE_DAYS = 15;
