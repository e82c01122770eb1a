import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { AppealStatus, AppealSubject } from "@/db/enums";
import { appeals } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { countMatches, queuePaging, toQueuePage, type QueuePage } from "@/lib/cases/list-queue-page";

export type AppealQueueRow = {
  appealId: number;
  caseId: number;
  sellerExternalId: string;
  sellerName: string;
  subject: AppealSubject;
  status: AppealStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
};

type Row = {
  id: string | number;
  case_id: string | number;
  external_id: string;
  name: string;
  subject: AppealSubject;
  status: AppealStatus;
  submitted_at: string | Date;
  decided_at: string | Date | null;
  decided_by: string | null;
};

/**
 * The moderators' appeal queue: the waiting ones first, the longest-waiting first; then the decided
 * ones, the latest decision first. Two queries a page.
 */
export async function listAppeals(params: { actor: UserActor; page?: number }): Promise<QueuePage<AppealQueueRow>> {
  assertCan(params.actor, "cases:decide");
  const { page, limit, offset } = queuePaging(params.page ?? 1);
  const [rows, total] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select a.id, a.case_id, s.external_id, s.name, a.subject, a.status, a.submitted_at, a.decided_at, u.email as decided_by
          from appeals a
          join sellers s on s.id = a.seller_id
          left join users u on u.id = a.decided_by
          order by (a.status = 'waiting') desc,
                   case when a.status = 'waiting' then a.submitted_at end asc,
                   a.decided_at desc, a.id asc
          limit ${limit} offset ${offset}`,
    ),
    countMatches(sql`select count(*)::int as n from appeals`),
  ]);
  return toQueuePage(
    rows.map((row) => ({
      appealId: Number(row.id),
      caseId: Number(row.case_id),
      sellerExternalId: row.external_id,
      sellerName: row.name,
      subject: row.subject,
      status: row.status,
      submittedAt: new Date(row.submitted_at),
      decidedAt: row.decided_at ? new Date(row.decided_at) : null,
      decidedBy: row.decided_by,
    })),
    total,
    page,
  );
}

/** Appeals waiting for a moderator: the number beside "Appeals" in the header (the partial index answers it). */
export async function countWaitingAppeals(params: { actor: UserActor }): Promise<number> {
  assertCan(params.actor, "cases:decide");
  return db.$count(appeals, eq(appeals.status, "waiting"));
}
