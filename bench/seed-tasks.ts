/**
 * Ungenetværket at scale, in SQL like the rest of the seed: 400 associations (a few pending or suspended) and
 * `--tasks` volunteer tasks, most of them open, in Billund Kommune's towns and some twenty others, with every
 * category, schedule and tag, some full, some closed or expired, some still drafts. The public task list reads
 * only open and full tasks of approved associations within their expiry date.
 */
import type postgres from "postgres";
import { taskCategories, taskTags } from "~/modules/associations/types";
import { seconds } from "./elapsed";

export const BENCH_ASSOCIATIONS = 400;

/** Billund Kommune's towns first (the most tasks), then towns further away. */
export const TASK_TOWNS = [
  "Grindsted",
  "Billund",
  "Vorbasse",
  "Hejnsvig",
  "Filskov",
  "Sønder Omme",
  "Stenderup-Krogager",
  "Vejle",
  "Kolding",
  "Esbjerg",
  "Herning",
  "Horsens",
  "Fredericia",
  "Varde",
  "Ribe",
  "Give",
  "Brande",
  "Ikast",
  "Silkeborg",
  "Skjern",
  "Tarm",
  "Vejen",
  "Haderslev",
  "Aabenraa",
  "Sønderborg",
  "Middelfart",
  "Odense",
  "Aarhus",
];

const titles = [
  "Hjælp til ungdomsholdets træning",
  "Genbrugsbutikken søger en hjælper",
  "Naturpleje langs åen",
  "Kaffe og kage til klubaften",
  "Opsætning til loppemarkedet",
  "Hjælpetræner til børnegymnastik",
  "Lektiecafé for de mindste",
  "Spejderlejrens køkken",
  "Billetsalg til koncerten",
  "Sortering af tøjindsamlingen",
];

export interface TaskSeedOptions {
  tasks: number;
  /** Seed afresh even when the count matches: the accounts the associations point at were just replaced. */
  reseed: boolean;
}

export interface TaskSeed {
  tasks: number;
  publicTasks: number;
  seeded: boolean;
}

export async function seedTasks(sql: postgres.Sql, options: TaskSeedOptions): Promise<TaskSeed> {
  const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from association_tasks`;
  let seeded = false;
  if (options.reseed || existing?.n !== options.tasks) {
    const started = performance.now();
    await sql`truncate associations cascade`;
    await sql`
      insert into associations (name, kind, cvr, town, address, website, description, status, publishes_directly, created_at, updated_at)
      select
        (array['Idrætsforening', 'Spejdergruppe', 'Røde Kors', 'Kulturhus', 'Menighedsråd', 'Naturfredningsforening', 'Musikforening', 'Ungdomsklub'])[1 + n % 8] || ' ' || (${sql.array(TASK_TOWNS)}::text[])[1 + n % ${TASK_TOWNS.length}] || ' ' || n,
        (array['sports', 'scouting', 'humanitarian', 'culture', 'church', 'other', 'culture', 'other'])[1 + n % 8]::association_kind,
        null,
        (${sql.array(TASK_TOWNS)}::text[])[1 + n % ${TASK_TOWNS.length}],
        'Foreningsvej ' || n,
        null,
        'En forening i Ungenetværket.',
        (case when n % 40 = 0 then 'pending' when n % 53 = 0 then 'suspended' else 'approved' end)::association_status,
        n % 5 = 0,
        now() - (n || ' days')::interval,
        now()
      from generate_series(1, ${BENCH_ASSOCIATIONS}) as n`;
    // Three in four tasks in Billund Kommune's seven towns; every status, category, schedule and tag.
    await sql`
      insert into association_tasks (association_id, title, description, category, town, address, schedule, starts_at, ends_at, recurrence,
        daytime, evening, places, places_taken, minutes_per_occasion, minimum_age, contact_name, expires_on, tags, involves_children,
        status, submitted_at, published_at, created_at, updated_at)
      select aa.ids[1 + x.h % ${BENCH_ASSOCIATIONS}], t.title, 'En opgave i foreningen, hvor en ung kan være med.', t.category, t.town, 'Foreningsvej 1',
        t.schedule,
        case when t.schedule = 'one_off' then now() + (n % 60 || ' days')::interval end,
        case when t.schedule = 'one_off' then now() + (n % 60 || ' days')::interval + interval '3 hours' end,
        case when t.schedule = 'recurring' then 'tirsdage kl. 17–19' end,
        n % 3 <> 1, n % 3 <> 0,
        1 + n % 6,
        case when t.status = 'filled' then 1 + n % 6 else 0 end,
        60 + 30 * (n % 4), 15 + n % 4, 'Kontaktperson ' || n,
        case when t.status = 'expired' then (now() - interval '5 days')::date else (now() + (30 + n % 300 || ' days')::interval)::date end,
        t.tags, n % 9 = 0, t.status,
        now() - (n % 400 || ' days')::interval,
        case when t.status in ('open', 'filled', 'closed', 'expired') then now() - (n % 400 || ' days')::interval - (n % 997 || ' seconds')::interval end,
        now() - (n % 400 || ' days')::interval, now()
      from generate_series(1, ${options.tasks}) as n
      cross join lateral (select hashint4(n) & 2147483647 as h) as x
      cross join (select array_agg(id order by id) as ids from associations) as aa
      cross join lateral (select
        (${sql.array(titles)}::text[])[1 + x.h % ${titles.length}] as title,
        (${sql.array([...taskCategories])}::text[])[1 + (x.h / 7) % ${taskCategories.length}]::task_category as category,
        case when x.h % 4 < 3 then (${sql.array(TASK_TOWNS)}::text[])[1 + (x.h / 11) % 7] else (${sql.array(TASK_TOWNS)}::text[])[8 + (x.h / 11) % ${TASK_TOWNS.length - 7}] end as town,
        (array['recurring', 'recurring', 'flexible', 'one_off'])[1 + (x.h / 13) % 4]::task_schedule as schedule,
        array(select tag from unnest(${sql.array([...taskTags])}::text[]) with ordinality as u(tag, i) where (x.h >> (i::int + 3)) % 3 = 0) as tags,
        (case when x.h % 100 < 80 then 'open' when x.h % 100 < 85 then 'filled' when x.h % 100 < 90 then 'closed'
              when x.h % 100 < 94 then 'expired' when x.h % 100 < 97 then 'awaiting_approval' else 'draft' end)::task_status as status) as t`;
    await sql`vacuum analyze associations, association_tasks`;
    console.log(`tasks: inserted ${BENCH_ASSOCIATIONS} associations and ${options.tasks} tasks in ${seconds(started)}`);
    seeded = true;
  } else {
    console.log(`reusing ${existing.n} seeded tasks`);
  }
  const [visible] = await sql<{ n: number }[]>`
    select count(*)::int as n from association_tasks t join associations a on a.id = t.association_id
    where t.status in ('open', 'filled') and a.status = 'approved' and t.expires_on >= current_date`;
  return { tasks: options.tasks, publicTasks: visible?.n ?? 0, seeded };
}
