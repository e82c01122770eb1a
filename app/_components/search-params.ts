import { unsafeTextReason } from "@/lib/unsafe-text";

/** Next passes each query parameter as a string, a list (when repeated) or nothing. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; undefined when absent, blank or not storable text. */
export function readParam(params: SearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  // Text no query can hold (a NUL: `?q=%00`) is no filter at all, like an empty one.
  return value && !unsafeTextReason(value) ? value : undefined;
}

/** A 1-based page number from ?page=; anything else is page 1. */
export function readPage(params: SearchParams): number {
  const page = Number(readParam(params, "page"));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** A query parameter that must be one of `values`; anything else is `fallback`. */
export function readChoice<T extends string>(params: SearchParams, name: string, values: readonly T[]): T | undefined;
export function readChoice<T extends string>(params: SearchParams, name: string, values: readonly T[], fallback: T): T;
export function readChoice<T extends string>(
  params: SearchParams,
  name: string,
  values: readonly T[],
  fallback?: T,
): T | undefined {
  const value = readParam(params, name);
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}
