import "server-only";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** A JSON file to download: the statement(s) in the Transparency Database's shape. */
export function jsonDownload(body: unknown, filename: string): Response {
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * A refused download: anyone without the permission, or a statement that is not there, gets a plain
 * 404 (nothing leaks that it exists); bad input a 400 naming each field; anything else a logged 500.
 */
export function downloadRefusal(error: unknown): Response {
  if (isDomainError(error)) {
    if (error.code === "INVALID")
      return Response.json(
        { error: "INVALID", message: error.message, issues: error.issues.map(({ path, message }) => ({ path, message })) },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    return new Response("Not found", { status: 404 });
  }
  logger.error({ err: error }, "statement download failed");
  return new Response("Something went wrong", { status: 500 });
}
