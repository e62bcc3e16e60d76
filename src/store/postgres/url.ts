// Kept apart from database.ts, which loads the PostgreSQL client: every command asks whether a
// store is a database, and only those that use one should pay for loading pg.

/** Is this URL a PostgreSQL store rather than a SQLite file? */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL as messages show it: never the password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
