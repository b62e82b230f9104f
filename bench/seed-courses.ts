/**
 * Mentor courses for the catalogue and the booking storm, in SQL like the rest of the seed: 200 courses of the
 * four kinds and `--sessions` sessions, nine in ten over the coming twelve months and the rest in the six months
 * before, in Billund Kommune's towns and online. Each session is booked as its announcement would have left it:
 * soon and past sessions fuller than far ones, some full with a line, some seats held by an offer after a
 * cancellation, some people gone again, attendance and training credits on the past ones. The bookings are
 * planned first, so each session is inserted with counters that agree with its rows (ADR 0011).
 */
import type postgres from "postgres";
import { seconds } from "./elapsed";

export const BENCH_COURSES = 200;
/** The share of the sessions that lie in the past (the last six months). */
const PAST_SHARE = 0.1;

interface CourseTemplate {
  title: string;
  description: string;
  kind: "introduction" | "jobcenter" | "network_meeting" | "other";
  audience: ("business" | "civil_society" | "company")[];
  openToAll?: boolean;
  trainingMinutes: number;
  /** Only the first course made from the template is required: two required courses per kind of mentor. */
  required?: boolean;
}

const templates: CourseTemplate[] = [
  {
    title: "Introduktion til mentorrollen",
    description: "En aften om at være frivillig mentor: hvad rollen er og ikke er, tavshedspligt og grænser, de unges hverdag, og hvornår du skal kontakte din koordinator.",
    kind: "introduction",
    audience: [],
    trainingMinutes: 180,
    required: true,
  },
  {
    title: "Introduktion for virksomhedsmentorer",
    description: "Om at tage en ung ind på arbejdspladsen: introduktion, daglig kontakt, fravær, og hvordan du taler med kolleger om forløbet.",
    kind: "introduction",
    audience: ["business", "company"],
    trainingMinutes: 150,
    required: true,
  },
  {
    title: "Introduktion for foreningsmentorer",
    description: "Om at tage en ung med ind i foreningslivet: den første træning, fællesskabet, og hvad du gør, når den unge ikke kommer.",
    kind: "introduction",
    audience: ["civil_society"],
    trainingMinutes: 150,
    required: true,
  },
  {
    title: "Ny som mentor: de første samtaler",
    description: "Hvordan du skaber tillid de første uger, aftaler rammerne med den unge og holder kontakten, når det går stærkt.",
    kind: "introduction",
    audience: [],
    trainingMinutes: 120,
  },
  {
    title: "Jobcentrets mentorkursus",
    description: "To halve dage med jobcentrets mentorkonsulenter om uddannelse, job og de ordninger, de unge møder.",
    kind: "jobcenter",
    audience: ["business", "company"],
    trainingMinutes: 420,
  },
  {
    title: "Uddannelsesvejledning for mentorer",
    description: "Ungdomsuddannelser, FGU og optagelse: hvad den unge kan vælge, og hvem der vejleder.",
    kind: "jobcenter",
    audience: [],
    trainingMinutes: 180,
  },
  {
    title: "Fra ydelse til job: ordningerne de unge møder",
    description: "Uddannelseshjælp, praktik, løntilskud og fleksjob forklaret af jobcentrets sagsbehandlere.",
    kind: "jobcenter",
    audience: [],
    trainingMinutes: 240,
  },
  {
    title: "Netværksmøde for virksomhedsmentorer",
    description: "Virksomhedsmentorer og kontaktpersoner mødes, deler erfaringer og hører om nye forløb. Åbent for alle virksomheder i netværket.",
    kind: "network_meeting",
    audience: ["company"],
    openToAll: true,
    trainingMinutes: 120,
  },
  {
    title: "Netværksmøde for foreningsmentorer",
    description: "Foreningernes mentorer mødes over kaffe og deler, hvad der virker. Åbent for alle.",
    kind: "network_meeting",
    audience: ["civil_society"],
    openToAll: true,
    trainingMinutes: 120,
  },
  {
    title: "Mentorcafé",
    description: "Uformelt møde for alle mentorer med en kort oplæg fra en koordinator. Tag gerne en kollega med.",
    kind: "network_meeting",
    audience: [],
    openToAll: true,
    trainingMinutes: 90,
  },
  {
    title: "Førstehjælp til psykisk sundhed",
    description: "Et certificeret kursus i at spotte og støtte et menneske i psykisk krise, indtil professionel hjælp overtager.",
    kind: "other",
    audience: [],
    trainingMinutes: 720,
  },
  {
    title: "Samtaler om svære emner",
    description: "Selvskade, vold i hjemmet, misbrug: hvordan du lytter, hvad du siger, og hvornår du skal gå videre.",
    kind: "other",
    audience: [],
    trainingMinutes: 180,
  },
  {
    title: "Tavshedspligt og underretningspligt",
    description: "Hvad du må fortælle, hvad du skal fortælle, og til hvem. Med eksempler fra virkelige forløb.",
    kind: "other",
    audience: [],
    trainingMinutes: 120,
  },
  {
    title: "Unge og sociale medier",
    description: "Hvor de unge er online, hvad de møder der, og hvordan du holder kontakten uden at krydse grænser.",
    kind: "other",
    audience: [],
    trainingMinutes: 120,
  },
];

// Billund Kommune's towns and villages, with a meeting place each, repeated roughly by population.
const venues: [town: string, address: string, weight: number][] = [
  ["Grindsted", "Grindsted Bibliotek, Torvet 4, 7200 Grindsted", 4],
  ["Grindsted", "Jobcenter Billund, Hedegade 4, 7200 Grindsted", 3],
  ["Grindsted", "Grindsted Kulturhus, Torvegade 2, 7200 Grindsted", 2],
  ["Billund", "Billund Bibliotek, Jorden Rundt 1, 7190 Billund", 4],
  ["Billund", "Billund Centret, Hans Jensensvej 2, 7190 Billund", 2],
  ["Vorbasse", "Vorbasse Forsamlingshus, Søndergade 2, 6623 Vorbasse", 2],
  ["Sønder Omme", "Sønder Omme Borgerhus, Torvegade 5, 7260 Sønder Omme", 2],
  ["Hejnsvig", "Hejnsvig Kulturcenter, Skolevej 9, 7250 Hejnsvig", 1],
  ["Filskov", "Filskov Forsamlingshus, Kirkevej 3, 7200 Grindsted", 1],
  ["Stenderup-Krogager", "Krogager Forsamlingshus, Hovedvejen 12, 7200 Grindsted", 1],
  ["Vesterhede", "Vesterhede Forsamlingshus, Vesterhedevej 30, 7200 Grindsted", 1],
];
const weighted = venues.flatMap(([town, address, weight]) => Array.from({ length: weight }, () => ({ town, address })));

export interface CourseSeedOptions {
  sessions: number;
  /** Seed afresh even when the counts match: the users or volunteers the bookings point at were just replaced. */
  reseed: boolean;
  benchCoordinatorEmail: string;
  benchVolunteerEmail: string;
  benchVolunteerName: string;
}

export interface CourseSeed {
  courses: number;
  sessions: number;
  /** Scheduled sessions ahead of current courses: the catalogue's length. */
  upcomingSessions: number;
  bookings: number;
  /** Whether the bench volunteer (a seeded volunteer with an application) exists to view the catalogue as. */
  benchVolunteer: boolean;
  seeded: boolean;
  seconds: number;
}

async function count(query: PromiseLike<readonly postgres.Row[]>) {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

export async function seedCourses(sql: postgres.Sql, options: CourseSeedOptions): Promise<CourseSeed> {
  const started = performance.now();
  const benchVolunteer = await ensureBenchVolunteer(sql, options);
  const courses = await count(sql`select count(*)::int as n from courses`);
  const sessions = await count(sql`select count(*)::int as n from course_sessions`);
  const matches = courses === BENCH_COURSES && sessions === options.sessions;
  let seeded = false;
  if (options.reseed || !matches) {
    if (!options.reseed) console.log(`courses: database has ${courses} courses and ${sessions} sessions, wanted ${BENCH_COURSES} and ${options.sessions}; seeding them`);
    await insertCourses(sql, options.benchCoordinatorEmail);
    await insertSessions(sql, options.sessions, options.benchCoordinatorEmail);
    const vacuum = performance.now();
    await sql`vacuum analyze courses, course_sessions, course_bookings, training_credits`;
    console.log(`courses: vacuum analyze ${seconds(vacuum)}`);
    seeded = true;
  } else {
    console.log(`reusing ${courses} seeded courses with ${sessions} sessions`);
  }
  const upcomingSessions = await count(sql`
    select count(*)::int as n from course_sessions s join courses c on c.id = s.course_id
    where s.status = 'scheduled' and s.starts_at > now() and c.archived_at is null`);
  const bookings = await count(sql`select count(*)::int as n from course_bookings`);
  const took = (performance.now() - started) / 1000;
  if (seeded) console.log(`courses: seeded in ${took.toFixed(1)} s (${BENCH_COURSES} courses, ${options.sessions} sessions, ${bookings} bookings)`);
  return { courses: BENCH_COURSES, sessions: options.sessions, upcomingSessions, bookings, benchVolunteer, seeded, seconds: took };
}

/**
 * The bench's logged-in volunteer is a seeded volunteer with an application still in vetting, renamed to the
 * bench address: their catalogue then shows the courses they still need and their own bookings, and neither
 * the user nor the volunteer counts change (which would make the next run reseed them). Seeded users share
 * the bench password.
 */
async function ensureBenchVolunteer(sql: postgres.Sql, options: CourseSeedOptions) {
  const email = options.benchVolunteerEmail;
  const [current] = await sql<{ id: string; applied: boolean }[]>`
    select u.id, exists (select 1 from volunteers v where v.user_id = u.id) as applied from users u where u.email = ${email}`;
  if (current?.applied) return true;
  const anyVolunteers = await count(sql`select count(*)::int as n from (select 1 from volunteers limit 1) as v`);
  if (current && !anyVolunteers) return true;
  // The volunteers were reseeded without this one: give the address back and take another.
  if (current) await sql`update users set email = ${`former-bench-volunteer-${current.id}@example.dk`} where id = ${current.id}`;
  const [candidate] = await sql<{ id: string }[]>`
    select u.id from users u left join volunteers v on v.user_id = u.id
    where u.role = 'volunteer' and u.disabled_at is null and u.email_verified_at is not null and u.email like '%@example.dk'
    -- An applicant early in vetting (not the coordinators' volunteer page, which is further along).
    order by (v.status = 'submitted' and v.checks_passed < 2) is not true, v.id is null, v.id, u.id
    limit 1`;
  if (!candidate) return false;
  await sql`update users set email = ${email}, name = ${options.benchVolunteerName}, locale = 'da' where id = ${candidate.id}`;
  return true;
}

async function insertCourses(sql: postgres.Sql, coordinatorEmail: string) {
  const started = performance.now();
  await sql`truncate courses, course_sessions, course_bookings, training_credits`;
  const rows = Array.from({ length: BENCH_COURSES }, (_, index) => {
    const template = templates[index % templates.length]!;
    const round = Math.floor(index / templates.length);
    return {
      n: index + 1,
      title: round === 0 ? template.title : `${template.title} (hold ${round + 1})`,
      description: template.description,
      kind: template.kind,
      audience: template.audience,
      open_to_all: template.openToAll ?? false,
      training_minutes: template.trainingMinutes,
      required: round === 0 && (template.required ?? false),
      // One in twenty-five is archived: run for a while, then replaced.
      archived: round > 0 && index % 25 === 7,
    };
  });
  await sql`
    insert into courses (title, description, kind, audience, open_to_all, training_minutes, required_before_matching, archived_at, created_by, created_at, updated_at)
    select r.title, r.description, r.kind::course_kind, r.audience::mentor_kind[], r.open_to_all, r.training_minutes, r.required,
      case when r.archived then now() - (20 + r.n) * interval '1 day' end,
      (select id from users where email = ${coordinatorEmail}),
      now() - (400 + 3 * r.n) * interval '1 day',
      now() - (r.n % 90) * interval '1 day'
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as r(n int, title text, description text, kind text, audience text[], open_to_all boolean, training_minutes int, required boolean, archived boolean)`;
  console.log(`courses: inserted ${rows.length} in ${seconds(started)}`);
}

/**
 * Plans the sessions (course, time, place, capacity, how many people came) and each session's bookings in
 * temporary tables, then inserts the sessions with the counters their bookings add up to, the bookings, and the
 * training credits of the attended ones.
 */
async function insertSessions(sql: postgres.Sql, total: number, coordinatorEmail: string) {
  if (total === 0) return;
  const started = performance.now();
  const past = Math.round(total * PAST_SHARE);
  await sql`drop table if exists bench_session_plan, bench_booking_plan, bench_bookers`;
  // Who books: volunteer-role accounts that can receive email, numbered; each session takes a run of them
  // from its own starting point, so nobody books one session twice. (A table, not an array: a large array
  // in a table row is read whole again for every element taken from it.)
  await sql`
    create temporary table bench_bookers as
    select (row_number() over (order by id) - 1)::int as n, id from users where role = 'volunteer' and disabled_at is null`;
  await sql`alter table bench_bookers add primary key (n)`;
  await sql`analyze bench_bookers`;
  const bookers = await count(sql`select count(*)::int as n from bench_bookers`);
  await sql`
    create temporary table bench_session_plan as
    with params as (
      select (now() at time zone 'Europe/Copenhagen')::date as today,
        (select id from users where email = ${coordinatorEmail}) as coordinator
    ), c as (
      select array_agg(id order by created_at, id) filter (where archived_at is null) as current, array_agg(id order by created_at, id) as every from courses
    ), s as (
      select g, g <= ${past}::int as past,
        abs(hashint4extended(g, 11) % 1000003)::int as h1,
        abs(hashint4extended(g, 12) % 1000003)::int as h2,
        abs(hashint4extended(g, 13) % 1000003)::int as h3,
        abs(hashint4extended(g, 14) % 1000003)::int as h4,
        abs(hashint4extended(g, 15) % 1000003)::int as h5,
        abs(hashint4extended(g, 16) % 1000003)::int as h6
      from generate_series(1, ${total}::int) as g
    ), dated as (
      -- Archived courses only have sessions in the past.
      select s.*, p.coordinator,
        case when s.past then c.every[1 + h1 % cardinality(c.every)] else c.current[1 + h1 % cardinality(c.current)] end as course_id,
        case when s.past then p.today - 1 - h2 % 182 else p.today + 1 + h2 % 365 end as day
      from s, c, params p
    ), timed as (
      select d.*, co.kind,
        (d.day + case co.kind
          when 'introduction' then time '17:00'
          when 'jobcenter' then time '09:00'
          when 'network_meeting' then (case when h3 % 2 = 0 then time '08:00' else time '16:30' end)
          else time '18:00' end)::timestamp at time zone 'Europe/Copenhagen' as starts_at,
        -- Courses longer than a working day run over several; the session is the first day.
        least(greatest(co.training_minutes, 90), 420) as minutes
      from dated d join courses co on co.id = d.course_id
    ), placed as (
      select t.*, h4 % 5 = 0 as online, 10 + h5 % 31 as capacity, h6 % 10 <> 0 as waitlist_enabled, h6 % 50 = 1 as cancelled,
        least(now() - interval '1 hour', t.starts_at - (60 + h2 % 60) * interval '1 day') as created_at,
        case when not t.past and t.starts_at > now() + interval '60 days' and h3 % 20 = 1 then t.starts_at - interval '45 days' end as booking_opens_at,
        case when h3 % 10 = 3 then t.starts_at - interval '1 day' end as booking_closes_at
      from timed t
    )
    select gen_random_uuid() as id, p.*,
      p.starts_at + p.minutes * interval '1 minute' as ends_at,
      case when p.cancelled then least(now() - interval '1 hour', p.starts_at - interval '3 days') end as cancelled_at,
      -- How many came, as a share of the seats: the past and the coming month fill up, the far future less so.
      least(${Math.max(bookers - 1, 0)}::int, (p.capacity * case
        when p.booking_opens_at is not null then 0
        when p.past then 40 + p.h4 % 91
        when p.starts_at < now() + interval '30 days' then 30 + p.h4 % 121
        when p.starts_at < now() + interval '90 days' then 10 + p.h4 % 91
        else p.h4 % 51 end) / 100) as demand
    from placed p`;
  await sql`analyze bench_session_plan`;

  await sql`
    create temporary table bench_booking_plan as
    with arrivals as (
      select p.id as session_id, p.capacity, p.waitlist_enabled, p.past, p.cancelled, p.cancelled_at, p.starts_at, p.ends_at, p.coordinator, p.demand, k,
        p.created_at + ((case when p.cancelled then p.cancelled_at else least(now(), p.starts_at) end) - p.created_at) * (k::float8 / (p.demand + 1)) as booked_at,
        abs(hashint8extended(p.g::bigint * 1000 + k, 21) % 100)::int as h,
        abs(hashint4extended(p.g, 22) % greatest(${bookers}::int, 1))::int as base
      from bench_session_plan p cross join lateral generate_series(1, p.demand) as k
    ), ranked as (
      -- One in fourteen gave up their booking again; the seats go to the earliest of the others.
      select a.*, h < 7 as gave_up,
        count(*) filter (where h >= 7) over (partition by session_id order by k rows unbounded preceding) as place
      from arrivals a
    ), kept as (
      -- Without a waitlist, nobody after the seats ran out got a booking.
      select r.*, row_number() over (partition by session_id order by k)::int as seq
      from ranked r where r.waitlist_enabled or r.place <= r.capacity
    ), decided as (
      select k.*, (case
        when gave_up and h < 2 and waitlist_enabled and seq > capacity then 'expired'
        when gave_up or cancelled then 'cancelled'
        when place > capacity then 'waitlisted'
        -- Came after the seats had gone, got one freed by a cancellation: still an open offer, or accepted.
        when seq > capacity and waitlist_enabled and not past and h % 3 = 0 then 'offered'
        else 'confirmed' end)::course_booking_status as status
      from kept k
    )
    select gen_random_uuid() as id, d.session_id, b.id as user_id, d.status, d.seq,
      case when d.status = 'confirmed' then d.booked_at end as confirmed_at,
      case when d.status = 'offered' then greatest(d.booked_at, now() - (d.h % 12) * interval '1 hour') end as offered_at,
      case when d.status = 'offered' then least(now() + (1 + d.h % 20) * interval '1 hour', d.starts_at) end as offer_expires_at,
      case
        when d.gave_up then d.booked_at + ((case when d.cancelled then d.cancelled_at else least(now(), d.starts_at) end) - d.booked_at) / 2
        when d.cancelled then d.cancelled_at end as ended_at,
      case when d.status = 'expired' then 'offer_expired' when d.gave_up then 'by_you' when d.cancelled then 'session_cancelled' end::course_booking_end_reason as end_reason,
      case when d.status = 'expired' then null when d.gave_up then b.id when d.cancelled then d.coordinator end as ended_by,
      case when d.status = 'confirmed' and d.past then (case when d.h < 85 then 'attended' when d.h < 95 then 'no_show' end) end::course_attendance as attendance,
      d.booked_at, d.past, d.starts_at, d.ends_at, d.coordinator
    from decided d join bench_bookers b on b.n = (d.base + d.k) % ${Math.max(bookers, 1)}::int`;
  await sql`analyze bench_booking_plan`;
  const planned = performance.now();

  await sql`
    insert into course_sessions (id, course_id, starts_at, ends_at, town, address, online, online_url, capacity, booking_opens_at, booking_closes_at,
      cancellation_hours, waitlist_enabled, status, cancelled_at, cancelled_by, confirmed_count, offered_count, waitlist_count, last_seq, created_by, created_at, updated_at)
    select p.id, p.course_id, p.starts_at, p.ends_at,
      case when not p.online then v.towns[1 + p.h5 % cardinality(v.towns)] end,
      case when not p.online then v.addresses[1 + p.h5 % cardinality(v.addresses)] end,
      p.online,
      case when p.online then 'https://moede.example.dk/mentorkursus/' || substr(md5(p.id::text), 1, 12) end,
      p.capacity, p.booking_opens_at, p.booking_closes_at, (array[24, 24, 48, 72])[1 + p.h6 % 4], p.waitlist_enabled,
      (case when p.cancelled then 'cancelled' else 'scheduled' end)::course_session_status, p.cancelled_at, case when p.cancelled then p.coordinator end,
      coalesce(b.confirmed, 0), coalesce(b.offered, 0), coalesce(b.waitlisted, 0), coalesce(b.last_seq, 0),
      p.coordinator, p.created_at, coalesce(p.cancelled_at, b.last_booked, p.created_at)
    from bench_session_plan p
    left join (
      select session_id,
        count(*) filter (where status = 'confirmed')::int as confirmed,
        count(*) filter (where status = 'offered')::int as offered,
        count(*) filter (where status = 'waitlisted')::int as waitlisted,
        max(seq) as last_seq, max(booked_at) as last_booked
      from bench_booking_plan group by session_id
    ) b on b.session_id = p.id,
    (select ${sql.array(weighted.map((venue) => venue.town))}::text[] as towns, ${sql.array(weighted.map((venue) => venue.address))}::text[] as addresses) as v`;
  const sessionsDone = performance.now();

  await sql`
    insert into course_bookings (id, session_id, user_id, status, seq, confirmed_at, offered_at, offer_expires_at, ended_at, end_reason, ended_by,
      attendance, attendance_by, attendance_at, reminded_soon_at, reminded_today_at, created_at, updated_at)
    select b.id, b.session_id, b.user_id, b.status, b.seq, b.confirmed_at, b.offered_at, b.offer_expires_at, b.ended_at, b.end_reason, b.ended_by,
      b.attendance,
      case when b.attendance is not null then b.coordinator end,
      case when b.attendance is not null then b.ends_at + interval '1 hour' end,
      case when b.status = 'confirmed' and b.past and b.booked_at < b.starts_at - interval '2 days' then b.starts_at - interval '2 days' end,
      case when b.status = 'confirmed' and b.past and b.booked_at < b.starts_at - interval '10 hours' then b.starts_at - interval '10 hours' end,
      b.booked_at,
      coalesce(b.ends_at + case when b.attendance is not null then interval '1 hour' end, b.ended_at, b.offered_at, b.booked_at)
    from bench_booking_plan b`;
  const bookingsDone = performance.now();

  await sql`
    insert into training_credits (user_id, booking_id, course_id, minutes, credited_by, credited_at)
    select b.user_id, b.id, s.course_id, c.training_minutes, b.attendance_by, b.attendance_at
    from course_bookings b join course_sessions s on s.id = b.session_id join courses c on c.id = s.course_id
    where b.attendance = 'attended'`;
  const [{ bookings, credits }] = (await sql`
    select (select count(*)::int from course_bookings) as bookings, (select count(*)::int from training_credits) as credits`) as unknown as [{ bookings: number; credits: number }];
  await sql`drop table bench_session_plan, bench_booking_plan, bench_bookers`;
  console.log(
    `courses: ${total} sessions, ${bookings} bookings, ${credits} training credits in ${seconds(started)} ` +
      `(plan ${((planned - started) / 1000).toFixed(1)} s, sessions ${((sessionsDone - planned) / 1000).toFixed(1)} s, bookings ${((bookingsDone - sessionsDone) / 1000).toFixed(1)} s)`,
  );
}
