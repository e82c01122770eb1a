import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { downloadRefusal, jsonDownload } from "@/lib/statements/download-response";
import { toDsaStatement } from "@/lib/statements/dsa-statement";
import { listStatementsInRange } from "@/lib/statements/list-statements";

export const dynamic = "force-dynamic";

/**
 * GET /admin/statements/export?from=YYYY-MM-DD&to=YYYY-MM-DD — every statement of reasons of a
 * decision on those days (both included, the portal's time zone), a JSON array in the DSA
 * Transparency Database's statement shape. Administrators only (404 for anyone else).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw notFound("Page");
    const url = new URL(request.url);
    const input = { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
    const statements = await listStatementsInRange({ actor, input });
    return jsonDownload(
      statements.map((statement) => toDsaStatement(statement, env.PORTAL_TIME_ZONE)),
      `statements-of-reasons-${input.from}-${input.to}.json`,
    );
  } catch (error) {
    return downloadRefusal(error);
  }
}
