import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findOwnCase } from "@/lib/cases/seller-case-access";
import { notFound } from "@/lib/errors";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import { parseStatementKey, readStatements, type StatementOfReasons } from "./statement-of-reasons";

async function readOne(caseId: number, rawKey: string): Promise<StatementOfReasons> {
  const key = parseStatementKey(rawKey);
  if (!key) throw notFound(`Statement ${rawKey}`);
  const decisionId = key === "exclusion" ? null : Number(key.slice("decision-".length));
  const policy = await getPolicyInForce(db);
  const [statement] = await readStatements(
    db,
    decisionId == null
      ? { cases: sql`c.id = ${caseId}`, decisions: sql`false` }
      : { cases: sql`false`, decisions: sql`d.id = ${decisionId} and d.case_id = ${caseId}` },
    policy.appeals.periodMonths,
  );
  if (!statement) throw notFound(`Statement ${rawKey} of case ${caseId}`);
  return statement;
}

/** A statement of reasons on the seller's own case (another seller's case, or a key of no decision on it: not found). */
export async function getStatementForSeller(params: {
  actor: UserActor;
  caseId: number;
  key: string;
}): Promise<StatementOfReasons> {
  const theCase = await findOwnCase(db, params.actor, params.caseId);
  return readOne(theCase.id, params.key);
}

/** A statement of reasons on any case, for the moderators' desk (and its JSON export). */
export async function getStatementForModerator(params: {
  actor: UserActor;
  caseId: number;
  key: string;
}): Promise<StatementOfReasons> {
  assertCan(params.actor, "cases:view-all");
  return readOne(params.caseId, params.key);
}
