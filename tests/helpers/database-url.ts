/** Tests run on PostgreSQL when a URL is given, else on PGlite. */
export function testDatabaseUrl() {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

export function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
