import "server-only";
import { after } from "next/server";
import { logger } from "@/lib/logger";

/**
 * Runs `task` once the response has been sent (Next's `after`), so the caller's answer does not wait
 * for it. Outside a request (a route handler called directly, as the API tests do) there is no
 * response to wait for: the task runs in line, before this returns. A failure is logged, never thrown.
 */
export async function afterResponse(name: string, task: () => Promise<unknown>): Promise<void> {
  const guarded = () =>
    task().then(
      () => undefined,
      (error: unknown) => logger.error({ err: error, task: name }, "work after the response failed"),
    );
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}
