/** PostgreSQL errors the domain turns into answers; drizzle wraps the driver's error in `cause`. */

/** A unique index refused the row; with `constraint`, only that index counts. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, constraint_name: name } = current as { code?: unknown; constraint_name?: unknown };
    if (code === "23505") return constraint === undefined || name === constraint;
  }
  return false;
}
