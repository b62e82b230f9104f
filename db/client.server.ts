import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type modules take; a transaction is one too, so module functions compose inside it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Row = Record<string, unknown>;

export interface DatabaseHandle {
  kind: "postgres" | "pglite";
  db: Database;
  /** Raw, parameterised SQL for libraries that bring their own queries (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "mentorbro" },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    kind: "postgres",
    db,
    async executeSql(text, values = []) {
      if (values.length === 0) {
        // A parameterless script may hold its own BEGIN … COMMIT (pg-boss's installer): it needs one connection.
        const connection = await client.reserve();
        try {
          return { rows: [...(await connection.unsafe(text))] as Row[] };
        } finally {
          connection.release();
        }
      }
      const rows = await client.unsafe(text, values.map(asParameter) as postgres.ParameterOrJSON<never>[]);
      return { rows: [...rows] as Row[] };
    },
    close: () => client.end({ timeout: 5 }),
  };
}

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob | File } = {},
): Promise<DatabaseHandle & { pglite: PGlite }> {
  const pglite = await PGlite.create({ ...options, extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    pglite,
    async executeSql(text, values) {
      // PGlite runs a parameterless script with exec (several statements), a parameterised one with query.
      if (values && values.length > 0) return pglite.query<Row>(text, values);
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Row[] };
    },
    close: () => pglite.close(),
  };
}

/**
 * Runs numbered-parameter SQL ($1, $2 …) through a drizzle database or transaction, so that a library's
 * query (pg-boss's job insert) can join the transaction of the write it belongs to.
 */
export async function executeInDatabase(db: Database, text: string, values: unknown[] = []) {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${asParameter(values[Number(part) - 1] ?? null)}`);
  });
  const result = await db.execute(sql.join(chunks, sql.raw("")));
  return { rows: rowsOf(result) };
}

/** node-postgres, which pg-boss is written for, sends plain objects as JSON; postgres.js wants a string. */
function asParameter(value: unknown) {
  if (value === null || typeof value !== "object" || value instanceof Date || Array.isArray(value) || ArrayBuffer.isView(value)) {
    return value;
  }
  return JSON.stringify(value);
}

/** `db.execute` returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T = Row>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
