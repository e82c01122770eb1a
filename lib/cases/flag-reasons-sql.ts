import { sql, type SQL } from "drizzle-orm";

/**
 * One flag reason as the JSON every case view reads (FlagReasonView), from `flag_reasons` under the
 * alias `fr`. Shared by the queue, the triage page and the evidence frozen on a case.
 */
export const FLAG_REASON_JSON: SQL = sql`json_build_object(
  'code', fr.code, 'metric', fr.metric, 'window', fr."window", 'value', fr.value,
  'intervalLow', fr.interval_low, 'intervalHigh', fr.interval_high, 'portalValue', fr.portal_value,
  'rule', fr.rule, 'threshold', fr.threshold, 'details', fr.details)`;
