import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { fieldMessage } from "@/lib/field-messages";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import { fieldIssue, parseInput } from "@/lib/validation";
import { invalid } from "@/lib/errors";
import { readStatements, type StatementOfReasons } from "./statement-of-reasons";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage("dateInvalid"));

/** A range of days, both included, in the portal's time zone: `from` and `to` written YYYY-MM-DD. */
export const statementRangeInput = z.object({ from: day, to: day });
export type StatementRangeInput = z.input<typeof statementRangeInput>;

const isRealDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

/**
 * Every statement of reasons of a decision taken in the range (the exclusions opened, and each
 * extension and reinstatement decided, on those days of the portal's time zone), oldest first:
 * the batch an administrator sends to the DSA Transparency Database. Administrators only.
 */
export async function listStatementsInRange(params: {
  actor: UserActor;
  input: StatementRangeInput;
}): Promise<StatementOfReasons[]> {
  assertCan(params.actor, "statements:export");
  const { from, to } = parseInput(statementRangeInput, params.input);
  for (const [path, value] of [
    ["from", from],
    ["to", to],
  ] as const)
    if (!isRealDay(value)) throw invalid(`${path}: not a day of the calendar`, [fieldIssue(path, { key: "dateInvalid" })]);
  if (from > to) throw invalid("to: the range ends before it starts", [fieldIssue("to", { key: "invalid" })]);
  const zone = env.PORTAL_TIME_ZONE;
  const inRange = (column: ReturnType<typeof sql.raw>) =>
    sql`(${column} at time zone ${zone})::date between ${from}::date and ${to}::date`;
  const policy = await getPolicyInForce(db);
  return readStatements(
    db,
    { cases: inRange(sql.raw("c.excluded_at")), decisions: inRange(sql.raw("d.decided_at")) },
    policy.appeals.periodMonths,
  );
}
