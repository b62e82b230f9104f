/**
 * The bench database: migrated like production, filled in SQL (INSERT … SELECT generate_series), so 100 000
 * users take seconds instead of the minutes row-by-row inserts (and argon2 per user) would.
 */
import postgres from "postgres";
import { migratePostgresDatabase } from "#db/migrate.server";
import { hashPassword } from "~/modules/auth/password.server";

/** The account the bench logs in with. Every seeded user shares its password hash (hashed once). */
export const BENCH_ADMIN = {
  email: "bench-admin@example.dk",
  password: "bench-Løvetand-kaffekop-2931",
  name: "Bench Administrator",
} as const;

export const MAX_AUDIT_EVENTS = 1_000_000;

// Paired Danish spellings and their ASCII forms for email addresses; combined by index, not at random,
// so a seed is reproducible.
const firstNames = [
  ["Anders", "anders"], ["Anne", "anne"], ["Mette", "mette"], ["Lars", "lars"], ["Søren", "soeren"],
  ["Kirsten", "kirsten"], ["Jens", "jens"], ["Hanne", "hanne"], ["Peter", "peter"], ["Louise", "louise"],
  ["Mikkel", "mikkel"], ["Freja", "freja"], ["Rasmus", "rasmus"], ["Ida", "ida"], ["Frederik", "frederik"],
  ["Sofie", "sofie"], ["Mads", "mads"], ["Emma", "emma"], ["Niels", "niels"], ["Maja", "maja"],
  ["Thomas", "thomas"], ["Camilla", "camilla"], ["Jørgen", "joergen"], ["Birgitte", "birgitte"],
  ["Christian", "christian"], ["Line", "line"], ["Kasper", "kasper"], ["Julie", "julie"], ["Henrik", "henrik"],
  ["Signe", "signe"], ["Morten", "morten"], ["Karen", "karen"], ["Bjørn", "bjoern"], ["Astrid", "astrid"],
  ["Oliver", "oliver"], ["Clara", "clara"], ["Emil", "emil"], ["Ane", "ane"], ["Villads", "villads"],
  ["Åse", "aase"],
] as const;
const lastNames = [
  ["Nielsen", "nielsen"], ["Jensen", "jensen"], ["Hansen", "hansen"], ["Pedersen", "pedersen"],
  ["Andersen", "andersen"], ["Christensen", "christensen"], ["Larsen", "larsen"], ["Sørensen", "soerensen"],
  ["Rasmussen", "rasmussen"], ["Jørgensen", "joergensen"], ["Petersen", "petersen"], ["Madsen", "madsen"],
  ["Kristensen", "kristensen"], ["Olsen", "olsen"], ["Thomsen", "thomsen"], ["Christiansen", "christiansen"],
  ["Poulsen", "poulsen"], ["Johansen", "johansen"], ["Møller", "moeller"], ["Mortensen", "mortensen"],
  ["Østergaard", "oestergaard"], ["Knudsen", "knudsen"], ["Jakobsen", "jakobsen"], ["Frandsen", "frandsen"],
  ["Lund", "lund"], ["Holm", "holm"], ["Kjær", "kjaer"], ["Bach", "bach"], ["Dam", "dam"], ["Friis", "friis"],
  ["Brøndum", "broendum"], ["Skov", "skov"],
] as const;

const auditActions = [
  "auth.login", "auth.login", "auth.login", "auth.login", "auth.logout", "auth.logout",
  "auth.login_failed", "auth.signup", "auth.email_verified", "account.password_changed",
  "admin.role_changed", "admin.account_disabled",
];

const THREE_YEARS_SECONDS = 3 * 365 * 24 * 60 * 60;

function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Creates the bench database when it is missing (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!name) throw new Error(`BENCH_DATABASE_URL needs a database name: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.href, { max: 1, onnotice: () => {} });
  try {
    const [found] = await sql`select 1 as one from pg_database where datname = ${name}`;
    if (!found) {
      await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export interface SeedResult {
  users: number;
  auditEvents: number;
  seeded: boolean;
  seconds: number;
}

export async function seedBenchDatabase(url: string, options: { users: number; audit: boolean; skipSeed: boolean }): Promise<SeedResult> {
  const started = performance.now();
  await ensureDatabase(url);
  await migratePostgresDatabase(url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const auditTarget = options.audit ? Math.min(options.users * 10, MAX_AUDIT_EVENTS) : 0;
    const [{ users: userCount }] = (await sql`select count(*)::int as users from users`) as unknown as [{ users: number }];
    const [admin] = await sql`select 1 from users where email = ${BENCH_ADMIN.email} and role = 'admin'`;
    const usersMatch = userCount === options.users && Boolean(admin);
    if (options.skipSeed && !usersMatch) {
      console.log(`--skip-seed: database has ${userCount} users, wanted ${options.users}; seeding anyway`);
    }

    let seeded = false;
    if (!usersMatch) {
      await seedUsers(sql, options.users);
      seeded = true;
    } else {
      console.log(`reusing ${userCount} seeded users`);
    }

    if (auditTarget > 0) {
      // Logging in appends events, so "enough" rather than "exactly" means the seed is still there.
      const [{ events }] = (await sql`select count(*)::int as events from audit_events`) as unknown as [{ events: number }];
      if (seeded || events < auditTarget) {
        await seedAuditEvents(sql, auditTarget);
        seeded = true;
      } else {
        console.log(`reusing ${events} audit events`);
      }
    }

    // A clean slate for the bench's own login: earlier runs' sessions and rate-limit counters.
    await sql`delete from sessions where user_id in (select id from users where email = ${BENCH_ADMIN.email})`;
    await sql`delete from rate_limits where key like 'login:%'`;

    if (seeded) {
      const vacuum = performance.now();
      await sql`vacuum analyze`;
      console.log(`vacuum analyze: ${seconds(vacuum)}`);
    }
    const [{ events }] = (await sql`select count(*)::int as events from audit_events`) as unknown as [{ events: number }];
    const took = (performance.now() - started) / 1000;
    console.log(`${seeded ? "seeding" : "checking the seed"} took ${took.toFixed(1)} s (${options.users} users, ${events} audit events)`);
    return { users: options.users, auditEvents: events, seeded, seconds: took };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Runs a bulk insert without the table's secondary indexes and rebuilds them after, exactly as the migrations
 * defined them (building an index once beats updating it row by row, the trigram index most of all).
 */
async function withoutSecondaryIndexes(sql: postgres.Sql, table: string, insert: () => Promise<void>) {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = 'public' and tablename = ${table}
      and indexname not in (select conname from pg_constraint where conrelid = ${`public.${table}`}::regclass)`;
  for (const index of indexes) await sql.unsafe(`drop index "public"."${index.name.replace(/"/g, '""')}"`);
  try {
    await insert();
  } finally {
    const started = performance.now();
    for (const index of indexes) {
      await sql.unsafe(index.definition.replace(/^CREATE (UNIQUE )?INDEX /i, (_, unique = "") => `CREATE ${unique}INDEX IF NOT EXISTS `));
    }
    console.log(`${table}: rebuilt ${indexes.length} indexes in ${seconds(started)}`);
  }
}

async function seedUsers(sql: postgres.Sql, total: number) {
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_ADMIN.password);
  const generated = total - 1; // plus the bench admin
  await sql`truncate users, sessions, auth_tokens, rate_limits, mailbox_messages, audit_events restart identity cascade`;

  await withoutSecondaryIndexes(sql, "users", async () => {
    // Batches, each its own transaction: row triggers that bump one counter row (user_counts) grow an
    // update chain per transaction, which makes a single 100 000-row statement quadratic.
    const batch = 5_000;
    for (let from = 1; from <= generated; from += batch) {
      const to = Math.min(generated, from + batch - 1);
      await sql`
        insert into users (id, email, name, role, locale, password_hash, email_verified_at, disabled_at, last_login_at, created_at, updated_at)
        select gen_random_uuid(),
          n.first_ascii[1 + g % cardinality(n.first)] || '.' || n.last_ascii[1 + (g / cardinality(n.first)) % cardinality(n.last)] || g || '@example.dk',
          n.first[1 + g % cardinality(n.first)] || ' ' || n.last[1 + (g / cardinality(n.first)) % cardinality(n.last)],
          (case
            when g % 1000 = 999 then 'admin'
            when g % 100 between 95 and 98 then 'coordinator'
            when g % 100 between 90 and 94 then 'association'
            else 'volunteer' end)::role,
          (case when g % 10 = 4 then 'en' else 'da' end)::locale,
          ${passwordHash},
          case when g % 20 = 3 then null else c + interval '2 hours' end,
          case when g % 50 = 7 then c + (now() - c) / 2 end,
          case when g % 20 = 3 or g % 7 = 0 then null else c + (now() - c) * ((g * 31 % 100) / 100.0) end,
          c,
          c + (now() - c) * ((g * 17 % 100) / 100.0)
        from (
          select g, now() - ((g::bigint * 2654435761) % ${THREE_YEARS_SECONDS}) * interval '1 second' as c
          from generate_series(${from}::int, ${to}::int) as g
        ) as s,
        (select ${sql.array(firstNames.map((name) => name[0]))}::text[] as first,
                ${sql.array(firstNames.map((name) => name[1]))}::text[] as first_ascii,
                ${sql.array(lastNames.map((name) => name[0]))}::text[] as last,
                ${sql.array(lastNames.map((name) => name[1]))}::text[] as last_ascii) as n`;
    }
    console.log(`users: inserted ${generated} in ${seconds(started)}`);
  });
  // Last, so an interrupted seed never looks complete to the next run (it checks for this account).
  await sql`
    insert into users (email, name, role, locale, password_hash, email_verified_at, created_at)
    values (${BENCH_ADMIN.email}, ${BENCH_ADMIN.name}, 'admin', 'da', ${passwordHash}, now(), now() - interval '3 years')`;
}

async function seedAuditEvents(sql: postgres.Sql, total: number) {
  const started = performance.now();
  const batch = 100_000;
  await sql`truncate audit_events restart identity`;
  // Append-only in real life: ids and times rise together, spread over three years.
  await withoutSecondaryIndexes(sql, "audit_events", async () => {
    for (let from = 1; from <= total; from += batch) {
      const to = Math.min(total, from + batch - 1);
      await sql`
        insert into audit_events (occurred_at, actor_id, action, subject_type, subject_id, request_id, ip, details)
        select now() - ((${total}::int - g)::float8 * ${THREE_YEARS_SECONDS / total}::float8) * interval '1 second',
          u.ids[1 + (g::bigint * 7919) % u.n],
          a.actions[1 + g % cardinality(a.actions)],
          'user',
          u.ids[1 + (g::bigint * 104729) % u.n]::text,
          'bench-' || g,
          '10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256,
          jsonb_build_object('seq', g)
        from generate_series(${from}::int, ${to}::int) as g,
          (select array_agg(id) as ids, count(*)::int as n from users) as u,
          (select ${sql.array(auditActions)}::text[] as actions) as a`;
    }
  });
  console.log(`audit events: inserted ${total} in ${seconds(started)}`);
}
