import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * Instants and spans for the evaluation's SQL, written as literals rather than parameters: the
 * planner then knows the windows (and their selectivity) when it plans. They are made from a Date
 * or a number, never from user text, so there is nothing to escape.
 */

export const DAY_SECONDS = 86_400;

export const instant = (date: Date): SQL => sql.raw(`'${date.toISOString()}'::timestamptz`);

export const secondsInterval = (value: number): SQL => sql.raw(`interval '${Number(value)} seconds'`);
