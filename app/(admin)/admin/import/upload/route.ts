import { currentTime } from "@/lib/clock";
import { importUploadedCsv } from "@/lib/ingest/import-uploaded-csv";

export const dynamic = "force-dynamic";

/** POST /admin/import/upload — the import form's file (multipart, field "file"); answers an ImportEventsCsvResult. */
export async function POST(request: Request): Promise<Response> {
  const { httpStatus, result } = await importUploadedCsv(request, currentTime());
  return Response.json(result, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
