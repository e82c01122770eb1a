/** Marketplace ids the seed hands out: a prefix and a zero-padded number, assigned in time order. */
export function formatExternalId(prefix: string, index: number, width: number): string {
  return `${prefix}${String(index + 1).padStart(width, "0")}`;
}

/** A copy sorted by time; ties keep their generated order (Array.prototype.sort is stable). */
export function sortByTime<T>(items: readonly T[], getTime: (item: T) => number): T[] {
  return [...items].sort((a, b) => getTime(a) - getTime(b));
}
