import { can } from "@/lib/auth/permissions";
import { getActiveActor } from "@/lib/auth/session";
import { EXAMPLE_EVENTS_CSV } from "@/lib/ingest/csv-events-example";

export const dynamic = "force-dynamic";

/** GET /admin/import/example.csv — the example file of the import page; like the page, 404 for anyone else. */
export async function GET(): Promise<Response> {
  const actor = await getActiveActor();
  if (!actor || !can(actor.role, "imports:run")) return new Response("Not found", { status: 404 });
  return new Response(EXAMPLE_EVENTS_CSV, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="catalog-guard-events-example.csv"',
      "Cache-Control": "no-store",
    },
  });
}
