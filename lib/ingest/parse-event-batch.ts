import { invalid, type FieldIssue } from "@/lib/errors";
import { findUnsafeText } from "@/lib/unsafe-text";
import { eventBatchSchema, eventSchema, type IncomingEvent } from "./event-schemas";

/** An event as validated: its place in the batch, and its instant as a Date. */
export type ParsedEvent = IncomingEvent & { index: number; at: Date };

/** Clocks differ; an event more than this far in the future is a sender's bug, not news. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Enough to fix a batch; a batch of 5,000 broken events does not need 5,000 messages. */
export const MAX_REPORTED_ISSUES = 100;

export const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/**
 * Validates a whole batch (`{ events: [...] }`) and returns every event parsed, or throws INVALID
 * with the index and path of each problem. Nothing is written before this has passed.
 */
export function parseEventBatch(body: unknown, now: Date): ParsedEvent[] {
  const batch = eventBatchSchema.safeParse(body);
  if (!batch.success) {
    const issues = batch.error.issues.map((issue) => ({ path: joinPath(issue.path) || "(body)", message: issue.message }));
    throw invalid(describe(issues), issues);
  }

  const issues: FieldIssue[] = [];
  const events: ParsedEvent[] = [];
  const latest = now.getTime() + MAX_CLOCK_SKEW_MS;
  batch.data.events.forEach((raw, index) => {
    if (issues.length >= MAX_REPORTED_ISSUES) return;
    const unsafe = findUnsafeText(raw);
    if (unsafe.length > 0) {
      for (const issue of unsafe) issues.push({ index, ...issue });
      return;
    }
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ index, path: joinPath(issue.path) || "(event)", message: issue.message });
      return;
    }
    const event = parsed.data;
    const at = new Date(event.occurredAt);
    if (at.getTime() > latest) {
      issues.push({ index, path: "occurredAt", message: "occurredAt lies in the future" });
      return;
    }
    if (event.type === "refund.issued" && new Date(event.data.requestedAt) > at) {
      issues.push({ index, path: "data.requestedAt", message: "requestedAt must not be after the refund (occurredAt)" });
      return;
    }
    events.push({ ...event, index, at });
  });

  if (issues.length > 0) throw invalid(describe(issues), issues.slice(0, MAX_REPORTED_ISSUES));
  return events;
}

function describe(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return "The batch is invalid";
  const where = first.index === undefined ? first.path : `events[${first.index}].${first.path}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${where}: ${first.message}${more}`;
}
