import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import { instant } from "@/lib/quality/sql-literals";
import { addDays } from "./case-machine";
import type { CaseHolder } from "./list-cases";
import { countMatches, queuePaging, toQueuePage, type QueuePage } from "./list-queue-page";

export type AwaitingLetterRow = {
  letterId: number;
  version: number;
  caseId: number;
  sellerExternalId: string;
  sellerName: string;
  submittedAt: Date;
  /** A moderator must answer within the policy's days of receiving the letter (14 by default). */
  answerDueAt: Date;
  isOverdue: boolean;
  holder: string | null;
  items: number;
};

type Row = {
  id: string | number;
  version: number;
  case_id: string | number;
  external_id: string;
  name: string;
  submitted_at: string | Date;
  holder: string | null;
  items: number;
};

export const LETTER_SORTS = ["oldest", "newest"] as const;
export type LetterSort = (typeof LETTER_SORTS)[number];

/**
 * Submitted letters nobody has answered yet; by default the longest-waiting (so the overdue) first.
 * Filters: only the overdue ones, only those of cases the moderator holds (or nobody holds).
 */
export async function listLettersAwaitingAnswer(params: {
  actor: UserActor;
  filters?: { isOverdueOnly?: boolean; holder?: CaseHolder };
  sort?: LetterSort;
  page?: number;
  now: Date;
}): Promise<QueuePage<AwaitingLetterRow> & { answerDays: number }> {
  assertCan(params.actor, "letters:answer");
  const { page, limit, offset } = queuePaging(params.page ?? 1);
  const answerDays = (await getPolicyInForce(db)).exclusion.letterAnswerDays;
  const conditions = [sql`l.status = 'submitted' and not exists (select 1 from letter_replies lr where lr.letter_id = l.id)`];
  if (params.filters?.isOverdueOnly) conditions.push(sql`l.submitted_at < ${instant(addDays(params.now, -answerDays))}`);
  if (params.filters?.holder === "me") conditions.push(sql`c.assigned_to = ${params.actor.userId}`);
  if (params.filters?.holder === "unassigned") conditions.push(sql`c.assigned_to is null`);
  const awaiting = sql.join(conditions, sql` and `);
  const [rows, total] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select l.id, l.version, l.case_id, s.external_id, s.name, l.submitted_at, u.email as holder,
                 (select count(*)::int from letter_items li where li.letter_id = l.id) as items
          from letters l
          join cases c on c.id = l.case_id
          join sellers s on s.id = l.seller_id
          left join users u on u.id = c.assigned_to
          where ${awaiting}
          order by ${params.sort === "newest" ? sql`l.submitted_at desc, l.id desc` : sql`l.submitted_at asc, l.id asc`}
          limit ${limit} offset ${offset}`,
    ),
    countMatches(sql`select count(*)::int as n from letters l join cases c on c.id = l.case_id where ${awaiting}`),
  ]);
  const letters = toQueuePage(
    rows.map((row) => {
      const submittedAt = new Date(row.submitted_at);
      const answerDueAt = addDays(submittedAt, answerDays);
      return {
        letterId: Number(row.id),
        version: row.version,
        caseId: Number(row.case_id),
        sellerExternalId: row.external_id,
        sellerName: row.name,
        submittedAt,
        answerDueAt,
        isOverdue: answerDueAt < params.now,
        holder: row.holder,
        items: row.items,
      };
    }),
    total,
    page,
  );
  return { ...letters, answerDays };
}
