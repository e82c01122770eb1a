import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * The messages client components of a part of the app translate with, and nothing else: the
 * catalog travels with every page in React's payload, and the whole of it was most of a page's
 * bytes (and of the server's time to render it). Paths are namespaces ("users") or parts of one
 * ("cases.case"). Everything rendered on the server reads the whole catalog as before.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, paths)}>{children}</NextIntlClientProvider>;
}

type Tree = { [key: string]: string | Tree };

export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    for (const key of keys) source = (source as Record<string, unknown> | undefined)?.[key];
    if (source === undefined) throw new Error(`messages: no "${path}" in the catalog`);
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Tree;
    target[keys.at(-1)!] = source as Tree;
  }
  return picked;
}
