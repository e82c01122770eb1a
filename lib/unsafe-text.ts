import type { FieldIssue } from "@/lib/errors";
import type { FieldMessage } from "@/lib/field-messages";

/** A NUL character, or half of a UTF-16 surrogate pair without its other half. */
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NUL_MESSAGE = "must not contain a NUL character (\\u0000)";
const LONE_SURROGATE_MESSAGE = "must not contain a broken character (half of a UTF-16 surrogate pair)";

/** Why a text cannot be stored (PostgreSQL's text refuses NUL; a lone surrogate is not Unicode), or null. */
export function unsafeTextReason(text: string): string | null {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return null;
  return match[0] === "\u0000" ? NUL_MESSAGE : LONE_SURROGATE_MESSAGE;
}

/** The same refusal in the reader's language, for a form (the API keeps the English message). */
function catalogOf(reason: string): FieldMessage {
  return { key: reason === NUL_MESSAGE ? "textHasNul" : "textHasBrokenCharacter" };
}

/** The field a message names: `data.text` is text, `sellerIds.3` is sellerIds. */
function fieldName(segments: readonly (string | number)[]): string {
  const name = segments.findLast((segment) => typeof segment === "string");
  return name ?? "the text";
}

/**
 * Every string in a parsed input (object keys included) that holds a NUL or a lone surrogate, by
 * its path (`data.text`, `notes.2`). Checked before any schema, so every input refuses them the
 * same way, whatever its schema says, instead of failing in the database.
 */
export function findUnsafeText(value: unknown, path: readonly (string | number)[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (segments: readonly (string | number)[]) => segments.map(String).join(".") || "(input)";
  const visit = (node: unknown, segments: readonly (string | number)[]) => {
    if (typeof node === "string") {
      const reason = unsafeTextReason(node);
      if (reason) issues.push({ path: at(segments), message: `${fieldName(segments)} ${reason}`, catalog: catalogOf(reason) });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...segments, index]));
    } else if (node !== null && typeof node === "object" && !(node instanceof Date)) {
      for (const [key, item] of Object.entries(node)) {
        const reason = unsafeTextReason(key);
        if (reason) issues.push({ path: at(segments), message: `a field name ${reason}`, catalog: catalogOf(reason) });
        else visit(item, [...segments, key]);
      }
    }
  };
  visit(value, path);
  return issues;
}
