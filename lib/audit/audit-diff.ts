/**
 * What an audit entry changed, as a reader wants it: only the keys whose value differs between
 * `before` and `after`, each by its path into nested objects (`params.windows.short`), old → new.
 * A value missing on one side (or a whole side null: a creation, a removal) is `undefined` there.
 * Arrays are compared whole: a list of reasons reads better as the list than as its positions.
 * Pure and client-safe.
 */
export type AuditChange = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffAuditValues(before: unknown, after: unknown, path = ""): AuditChange[] {
  const beforeValue = before ?? undefined;
  const afterValue = after ?? undefined;
  if (isPlainObject(beforeValue) || isPlainObject(afterValue)) {
    const from = isPlainObject(beforeValue) ? beforeValue : undefined;
    const to = isPlainObject(afterValue) ? afterValue : undefined;
    // An object replaced by a plain value (or the reverse) at a path below the top: one change.
    if (path && ((beforeValue !== undefined && !from) || (afterValue !== undefined && !to))) {
      return isSame(beforeValue, afterValue) ? [] : [{ path, before: beforeValue, after: afterValue }];
    }
    const keys = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].sort();
    return keys.flatMap((key) => diffAuditValues(from?.[key], to?.[key], path ? `${path}.${key}` : key));
  }
  if (isSame(beforeValue, afterValue)) return [];
  return [{ path: path || "(value)", before: beforeValue, after: afterValue }];
}

/** A changed value as text: strings as they are, anything else as JSON; absent as an empty string. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
