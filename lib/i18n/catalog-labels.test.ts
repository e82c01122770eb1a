/**
 * Every code a person can read has words in every catalog: audit actions (found in the source, so
 * a new one without a label fails here), what they are about, complaint reasons, checklist items,
 * extension reasons, root causes, review steps, fake-review signals, flag rules.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import { COMPLAINT_REASONS, EXTEND_REASONS, FAKE_SIGNAL_KINDS, FLAG_CODES, OUTBOX_EVENT_TYPES, ROOT_CAUSES } from "@/db/enums";
import { AUDIT_ACTION_FAMILIES, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/audit/audit-actions";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The actions the code writes: every "x.y" string on a line that sets an audit entry's `action`. */
function auditActionsInSource(): Set<string> {
  const found = new Set<string>();
  for (const dir of ["lib", "app", "db", "scripts"]) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!/\baction: /.test(line)) continue;
        for (const match of line.matchAll(/"([a-z-]+\.[a-z_]+)"/g)) found.add(match[1]!);
      }
    }
  }
  return found;
}

/** A label at a dotted path of the catalog (`auditActions.case.opened`), or undefined. */
function label(locale: (typeof LOCALES)[number], key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[locale]);
}

describe("codes have words in every catalog", () => {
  test("every audit action the code writes is declared", () => {
    const found = auditActionsInSource();
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  const tables: [string, readonly string[]][] = [
    ["auditActions", AUDIT_ACTIONS],
    ["auditActionFamilies", AUDIT_ACTION_FAMILIES],
    ["auditEntities", AUDIT_ENTITY_TYPES],
    ["quality.complaintReasons", COMPLAINT_REASONS],
    ["cases.checklistItems", CHECKLIST_ITEMS],
    ["notifications.extendReasons", EXTEND_REASONS],
    ["notifications.rootCauses", ROOT_CAUSES],
    ["quality.signalKinds", FAKE_SIGNAL_KINDS],
    ["quality.flagCodes", FLAG_CODES],
    ["outbox.types", OUTBOX_EVENT_TYPES],
  ];
  test.each(LOCALES)("%s: every code of every table has a label", (locale) => {
    const missing = tables.flatMap(([table, codes]) =>
      codes.filter((code) => typeof label(locale, `${table}.${code}`) !== "string").map((code) => `${table}.${code}`),
    );
    expect(missing).toEqual([]);
  });

  const TREND_OF_ONE: Record<(typeof LOCALES)[number], string> = {
    en: "The seller's value beside the portal's in the latest evaluation.",
    uk: "Значення продавця поруч зі значенням порталу в останньому оцінюванні.",
    pl: "Wartość sprzedawcy obok wartości portalu w ostatniej ewaluacji.",
  };
  test.each(LOCALES)("%s: a trend of one evaluation reads in the singular", (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "sellerView" });
    expect(t("trendIntro", { count: 1 })).toBe(TREND_OF_ONE[locale]);
    expect(t("trendIntro", { count: 5 })).toContain("5");
  });

  test("pl: a count takes the Polish form of 1, of 2 to 4 (not 12 to 14), and of 5 and more", () => {
    const t = createTranslator({ locale: "pl", messages: MESSAGES.pl, namespace: "inbox" });
    expect([1, 2, 5, 12, 22, 25].map((count) => t("unreadCount", { count }))).toEqual([
      "1 nieprzeczytana wiadomość",
      "2 nieprzeczytane wiadomości",
      "5 nieprzeczytanych wiadomości",
      "12 nieprzeczytanych wiadomości",
      "22 nieprzeczytane wiadomości",
      "25 nieprzeczytanych wiadomości",
    ]);
  });
});
