import { getTranslations } from "next-intl/server";
import { readParam } from "@/app/_components/search-params";
import { AUDIT_FILTER_FIELDS, type AuditFilterInput } from "@/lib/audit/audit-filters";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not found", { status: 404 });

/**
 * GET /admin/audit/export.csv?<the audit page's filters> — the matching entries as CSV, streamed
 * from a database cursor. Like the page, 404 for anyone but an admin (lib checks again).
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "audit:read")) return NOT_FOUND();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filters: AuditFilterInput = Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, readParam(query, field)]));

  let result: Awaited<ReturnType<typeof exportAuditCsv>>;
  try {
    result = await exportAuditCsv({ actor, filters, timeZone: env.PORTAL_TIME_ZONE });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return NOT_FOUND();
    throw error;
  }
  if (result.status === "invalid") {
    const [tFields, tErrors] = await Promise.all([getTranslations("audit.filters"), getTranslations("audit.filterErrors")]);
    const lines = Object.entries(result.errors).map(([field, error]) => `${tFields(field as never)}: ${tErrors(error)}`);
    return new Response(`${lines.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const day = currentTime().toISOString().slice(0, 10);
  return new Response(result.stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="catalog-guard-audit-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
