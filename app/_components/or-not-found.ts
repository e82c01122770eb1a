import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/** A page's id from the URL: anything but a positive whole number is a plain 404. */
export function idFromUrl(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

/** Loads a page's object; a NOT_FOUND from lib/ becomes the plain 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
