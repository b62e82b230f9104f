/**
 * The bench database: migrated like production, filled in SQL (INSERT … SELECT generate_series), so 100 000
 * users take seconds instead of the minutes row-by-row inserts (and argon2 per user) would. Volunteers, their
 * checklists and histories come from seed-volunteers.ts.
 */
import postgres from "postgres";
import { migratePostgresDatabase } from "#db/migrate.server";
import { hashPassword } from "~/modules/auth/password.server";
import { mentorKinds } from "~/modules/volunteers/types";
import { seconds } from "./elapsed";
import { benchEncryptionKey } from "./encryption-key";
import { firstNames, lastNames } from "./names";
import { seedCourses, type CourseSeed } from "./seed-courses";
import { notesReadable, seedVolunteers, volunteerForPage } from "./seed-volunteers";
import { seedTasks, type TaskSeed } from "./seed-tasks";
import { seedYouths, type YouthSeed } from "./seed-youths";

const BENCH_PASSWORD = "bench-Løvetand-kaffekop-2931";

/** The accounts the bench logs in with. Every seeded user shares their password hash (hashed once). */
export const BENCH_ACCOUNTS = {
  admin: { email: "bench-admin@example.dk", password: BENCH_PASSWORD, name: "Bench Administrator", role: "admin" },
  coordinator: { email: "bench-coordinator@example.dk", password: BENCH_PASSWORD, name: "Bench Koordinator", role: "coordinator" },
  // A seeded volunteer with an application, given this address by the course seed (seed-courses.ts).
  volunteer: { email: "bench-volunteer@example.dk", password: BENCH_PASSWORD, name: "Bench Frivillig", role: "volunteer" },
  // An approved mentor with pairings, given this address by the youth seed (seed-youths.ts).
  mentor: { email: "bench-mentor@example.dk", password: BENCH_PASSWORD, name: "Bench Mentor", role: "volunteer" },
} as const;
export type BenchAccount = keyof typeof BENCH_ACCOUNTS;
/** The accounts the users seed adds (and looks for to reuse a seed); the volunteer and mentor come later. */
const USERS_SEED_ACCOUNTS = [BENCH_ACCOUNTS.admin, BENCH_ACCOUNTS.coordinator];

export const MAX_AUDIT_EVENTS = 1_000_000;

/**
 * Accounts made only because there are more volunteers than the `--users` mix has volunteer-role users;
 * their own domain keeps them out of the `--users` count that decides whether a seed can be reused.
 */
const VOLUNTEER_ACCOUNT_DOMAIN = "frivillig.example.dk";

const auditActions = [
  "auth.login", "auth.login", "auth.login", "auth.login", "auth.logout", "auth.logout",
  "auth.login_failed", "auth.signup", "auth.email_verified", "account.password_changed",
  "admin.role_changed", "admin.account_disabled",
];

const THREE_YEARS_SECONDS = 3 * 365 * 24 * 60 * 60;

function databaseName(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`BENCH_DATABASE_URL needs a database name: ${url}`);
  return name;
}

/** Runs `run` on the server's `postgres` database, to create or drop the bench database. */
async function withServer<T>(url: string, run: (sql: postgres.Sql, quoted: string, name: string) => Promise<T>) {
  const name = databaseName(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.href, { max: 1, onnotice: () => {} });
  try {
    return await run(sql, `"${name.replace(/"/g, '""')}"`, name);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates the bench database when it is missing; true when it did. */
export function ensureDatabase(url: string) {
  return withServer(url, async (sql, quoted, name) => {
    const [found] = await sql`select 1 as one from pg_database where datname = ${name}`;
    if (found) return false;
    await sql.unsafe(`create database ${quoted}`);
    console.log(`created database ${name}`);
    return true;
  });
}

/**
 * A full seed starts from a freshly migrated database. Truncating `users` instead would cascade into every
 * table that references it, including the rows the migrations seed (vetting policies, app settings).
 */
async function recreateDatabase(url: string) {
  await withServer(url, async (sql, quoted, name) => {
    try {
      await sql.unsafe(`drop database if exists ${quoted}`);
    } catch (error) {
      throw new Error(`could not drop ${name} to seed it afresh (is a server still connected to it?): ${(error as Error).message}`);
    }
    await sql.unsafe(`create database ${quoted}`);
    console.log(`recreated database ${name}`);
  });
  await migratePostgresDatabase(url);
}

export interface SeedOptions {
  users: number;
  volunteers: number;
  audit: boolean;
  skipSeed: boolean;
  /** Course sessions (seed-courses.ts). */
  sessions: number;
  /** Approved volunteers, all eligible for matching. */
  mentors: number;
  /** Young people's records with their pairings (seed-youths.ts). */
  youths: number;
  /** Associations' volunteer tasks (seed-tasks.ts). */
  tasks: number;
}

export interface SeedResult {
  /** `--users`: the generated mix of roles, the bench accounts included. */
  users: number;
  /** Every account: the users plus the volunteers' own accounts made beyond them. */
  accounts: number;
  volunteers: number;
  submittedVolunteers: number;
  /** The volunteer whose record page the bench opens (see `volunteerForPage`). */
  volunteerPageId: string | null;
  auditEvents: number;
  courses: CourseSeed;
  mentors: number;
  youths: YouthSeed;
  tasks: TaskSeed;
  seeded: boolean;
  seconds: number;
}

/** The `n` of a `select count(*)::int as n …`. */
async function count(query: PromiseLike<readonly postgres.Row[]>) {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

export async function seedBenchDatabase(url: string, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const created = await ensureDatabase(url);
  await migratePostgresDatabase(url);
  const { key } = benchEncryptionKey();
  let sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const auditTarget = options.audit ? Math.min(options.users * 10, MAX_AUDIT_EVENTS) : 0;
    const userCount = await count(sql`select count(*)::int as n from users where email not like ${`%@${VOLUNTEER_ACCOUNT_DOMAIN}`}`);
    const benchAccounts = await count(sql`select count(*)::int as n from users where email in ${sql(USERS_SEED_ACCOUNTS.map((account) => account.email))}`);
    const policies = await count(sql`select count(*)::int as n from vetting_policies`);
    const usersMatch = userCount === options.users && benchAccounts === USERS_SEED_ACCOUNTS.length && policies === mentorKinds.length;
    if (options.skipSeed && !usersMatch) {
      console.log(`--skip-seed: database has ${userCount} users, wanted ${options.users}; seeding anyway`);
    }

    let seeded = false;
    if (!usersMatch) {
      if (!created) {
        await sql.end({ timeout: 5 });
        await recreateDatabase(url);
        sql = postgres(url, { max: 1, onnotice: () => {} });
      }
      await seedUsers(sql, options.users);
      seeded = true;
    } else {
      console.log(`reusing ${userCount} seeded users`);
    }

    if (auditTarget > 0) {
      // Logging in appends events, so "enough" rather than "exactly" means the seed is still there.
      const events = await count(sql`select count(*)::int as n from audit_events`);
      if (seeded || events < auditTarget) {
        await seedAuditEvents(sql, auditTarget);
        seeded = true;
      } else {
        console.log(`reusing ${events} audit events`);
      }
    }

    // After the audit events: those are truncated when reseeded, and the volunteers' history is among them.
    const volunteerCount = await count(sql`select count(*)::int as n from volunteers`);
    // Approved with the matching columns filled: a seed from before those columns is made again.
    const mentorCount = await count(sql`select count(*)::int as n from volunteers where status = 'approved' and cardinality(availability) > 0`);
    const volunteersMatch =
      volunteerCount === options.volunteers && mentorCount === options.mentors && (options.volunteers === 0 || (await notesReadable(sql, key)));
    if (seeded || !volunteersMatch) {
      if (options.volunteers > 0) {
        await ensureVolunteerAccounts(sql, options.volunteers);
        await withoutSecondaryIndexes(sql, "volunteers", async () => {
          await seedVolunteers(sql, { total: options.volunteers, mentors: options.mentors, key, benchCoordinatorEmail: BENCH_ACCOUNTS.coordinator.email });
          // The checklist recount rewrote every row: compact the table before its indexes are built.
          const compact = performance.now();
          await sql`vacuum full volunteers`;
          console.log(`volunteers: compacted in ${seconds(compact)}`);
        });
      } else {
        await sql`truncate volunteers cascade`;
      }
      seeded = true;
    } else {
      console.log(`reusing ${volunteerCount} seeded volunteers (${mentorCount} approved)`);
    }

    // After the volunteers: the bookings are theirs, and the bench volunteer is one of them.
    const courses = await seedCourses(sql, {
      sessions: options.sessions,
      reseed: seeded,
      benchCoordinatorEmail: BENCH_ACCOUNTS.coordinator.email,
      benchVolunteerEmail: BENCH_ACCOUNTS.volunteer.email,
      benchVolunteerName: BENCH_ACCOUNTS.volunteer.name,
    });

    // After the volunteers: the pairings take the approved ones' places, and the bench mentor is one of them.
    const youths = await seedYouths(sql, {
      youths: options.youths,
      reseed: seeded,
      benchCoordinatorEmail: BENCH_ACCOUNTS.coordinator.email,
      benchMentorEmail: BENCH_ACCOUNTS.mentor.email,
      benchMentorName: BENCH_ACCOUNTS.mentor.name,
      key,
    });

    const tasks = await seedTasks(sql, { tasks: options.tasks, reseed: seeded });

    // A clean slate for the bench's own logins: earlier runs' sessions and rate-limit counters.
    await sql`delete from sessions where user_id in (select id from users where email in ${sql(Object.values(BENCH_ACCOUNTS).map((account) => account.email))})`;
    await sql`delete from rate_limits where key like 'login:%'`;

    if (seeded) {
      const vacuum = performance.now();
      await sql`vacuum analyze`;
      console.log(`vacuum analyze: ${seconds(vacuum)}`);
    }
    const events = await count(sql`select count(*)::int as n from audit_events`);
    const accounts = await count(sql`select count(*)::int as n from users`);
    const submittedVolunteers = await count(sql`select count(*)::int as n from volunteers where status = 'submitted'`);
    const volunteerPageId = options.volunteers > 0 ? await volunteerForPage(sql) : null;
    const took = (performance.now() - started) / 1000;
    console.log(
      `${seeded ? "seeding" : "checking the seed"} took ${took.toFixed(1)} s ` +
        `(${accounts} accounts, ${options.volunteers} volunteers of which ${submittedVolunteers} submitted and ${youths.eligibleMentors} eligible mentors, ` +
        `${youths.youths} youths with ${youths.pairings} pairings, ${events} audit events)`,
    );
    return {
      users: options.users,
      accounts,
      volunteers: options.volunteers,
      submittedVolunteers,
      volunteerPageId,
      auditEvents: events,
      courses,
      mentors: options.mentors,
      youths,
      tasks,
      seeded,
      seconds: took,
    };
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

/**
 * Inserts generated users numbered `from`..`to` in batches, each its own transaction (the user_counts trigger
 * then moves each counter once per batch). `role` forces one role; otherwise the number decides the mix.
 */
async function insertUsers(sql: postgres.Sql, range: { from: number; to: number; passwordHash: string; role?: "volunteer"; domain: string }) {
  const batch = 5_000;
  for (let from = range.from; from <= range.to; from += batch) {
    const to = Math.min(range.to, from + batch - 1);
    await sql`
      insert into users (id, email, name, role, locale, password_hash, email_verified_at, disabled_at, last_login_at, created_at, updated_at)
      select gen_random_uuid(),
        n.first_ascii[1 + g % cardinality(n.first)] || '.' || n.last_ascii[1 + (g / cardinality(n.first)) % cardinality(n.last)] || g || ${`@${range.domain}`},
        n.first[1 + g % cardinality(n.first)] || ' ' || n.last[1 + (g / cardinality(n.first)) % cardinality(n.last)],
        (case
          when ${range.role ?? null}::text is not null then ${range.role ?? null}::text
          when g % 1000 = 999 then 'admin'
          when g % 100 between 95 and 98 then 'coordinator'
          when g % 100 between 90 and 94 then 'association'
          else 'volunteer' end)::role,
        (case when g % 10 = 4 then 'en' else 'da' end)::locale,
        ${range.passwordHash},
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
}

/** Into a freshly migrated database: the `--users` mix, then the bench accounts. */
async function seedUsers(sql: postgres.Sql, total: number) {
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const generated = total - USERS_SEED_ACCOUNTS.length;
  await withoutSecondaryIndexes(sql, "users", async () => {
    await insertUsers(sql, { from: 1, to: generated, passwordHash, domain: "example.dk" });
    console.log(`users: inserted ${generated} in ${seconds(started)}`);
  });
  // Last, so an interrupted seed never looks complete to the next run (it checks for these accounts).
  for (const account of USERS_SEED_ACCOUNTS) {
    await sql`
      insert into users (email, name, role, locale, password_hash, email_verified_at, created_at)
      values (${account.email}, ${account.name}, ${account.role}, 'da', ${passwordHash}, now(), now() - interval '3 years')`;
  }
}

/** Every volunteer has an account of their own: adds volunteer-role accounts when the mix has too few. */
async function ensureVolunteerAccounts(sql: postgres.Sql, volunteers: number) {
  const existing = await count(sql`select count(*)::int as n from users where role = 'volunteer'`);
  if (existing >= volunteers) return;
  const started = performance.now();
  const [admin] = await sql<{ passwordHash: string }[]>`
    select password_hash as "passwordHash" from users where email = ${BENCH_ACCOUNTS.admin.email}`;
  if (!admin) throw new Error("the bench accounts must exist before the volunteers' accounts");
  const numbered = await count(sql`select count(*)::int as n from users where email like ${`%@${VOLUNTEER_ACCOUNT_DOMAIN}`}`);
  const missing = volunteers - existing;
  await insertUsers(sql, { from: numbered + 1, to: numbered + missing, passwordHash: admin.passwordHash, role: "volunteer", domain: VOLUNTEER_ACCOUNT_DOMAIN });
  console.log(`users: added ${missing} volunteer accounts in ${seconds(started)}`);
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
