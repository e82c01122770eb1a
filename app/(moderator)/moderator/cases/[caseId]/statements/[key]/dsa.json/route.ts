import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { downloadRefusal, jsonDownload } from "@/lib/statements/download-response";
import { toDsaStatement } from "@/lib/statements/dsa-statement";
import { getStatementForModerator } from "@/lib/statements/get-statement";

export const dynamic = "force-dynamic";

/** GET /moderator/cases/{caseId}/statements/{key}/dsa.json — one statement of reasons in the DSA Transparency Database's shape. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ caseId: string; key: string }> },
): Promise<Response> {
  try {
    const actor = await getActor();
    if (!actor) throw notFound("Page");
    const { caseId, key } = await params;
    const id = Number(caseId);
    if (!Number.isSafeInteger(id) || id <= 0) throw notFound(`Case ${caseId}`);
    const statement = await getStatementForModerator({ actor, caseId: id, key });
    return jsonDownload(toDsaStatement(statement, env.PORTAL_TIME_ZONE), `${statement.puid}.json`);
  } catch (error) {
    return downloadRefusal(error);
  }
}
