/**
 * Young people and their pairings for the youth list, the mentor suggestions and the mentor's pages, in SQL
 * like the rest of the seed. One plan row per youth decides status, dates and the pairing the youth has (an
 * open proposal, an accepted or running pairing, an ended one, or one the mentor said no to); the open
 * pairings take free places of approved mentors, always leaving each mentor room for one more, so every
 * approved mentor stays a candidate for the suggestions. The bench mentor (a seeded approved volunteer given
 * the bench address) gets a running pairing, a proposal and a few ended ones of the first youths.
 */
import type postgres from "postgres";
import { encryptText, type EncryptionKey } from "~/modules/crypto/encryption.server";
import { interestTags } from "~/modules/volunteers/schemas";
import { youthOutcomes } from "~/modules/youths/types";
import { seconds } from "./elapsed";
import { firstNames, lastNames } from "./names";

// Billund Kommune's towns, roughly by population, and a few young people living just outside it.
const towns = [
  ...Array<string>(9).fill("Grindsted"),
  ...Array<string>(6).fill("Billund"),
  "Vorbasse", "Vorbasse", "Sønder Omme", "Hejnsvig", "Filskov", "Stenderup-Krogager", "Grene", "Give", "Vejle",
];
const languageSets = ["{da}", "{da}", "{da}", "{da,en}", "{da,ar}", "{da,uk}", "{uk,en}", "{da,so}", "{ar}", "{da,tr}"];
const slotSets = [
  "{tue:evening,thu:evening}",
  "{mon:daytime,wed:daytime,fri:daytime}",
  "{weekend:daytime}",
  "{mon:evening,wed:evening,weekend:evening}",
  "{tue:daytime,thu:daytime,weekend:daytime}",
  "{wed:evening,fri:evening,weekend:night}",
  "{}",
];
const summaries = [
  "Vil gerne i praktik i en butik og har brug for hjælp til at komme op om morgenen.",
  "Går på FGU og drømmer om at blive mekaniker. Har svært ved at finde ro til lektierne.",
  "Er ny i Billund og vil gerne finde en fritidsaktivitet og nogle at være sammen med.",
  "Har droppet ud af gymnasiet og vil gerne finde ud af, hvad der skal ske nu.",
  "Søger studiejob og vil gerne øve sig i jobsamtaler.",
  "Vil gerne blive bedre til dansk og lære området at kende.",
  "Har brug for en voksen at tale med, når det hele bliver for meget.",
];
const ownWords = [
  "Jeg vil gerne have et arbejde, så jeg kan flytte hjemmefra.",
  "Jeg vil gerne tage en uddannelse, men ved ikke hvilken.",
  "Jeg vil gerne have nogle venner her.",
  "Komme ud af huset noget mere.",
];
const consentScope = "Samtykke til at Ungeafdelingen registrerer oplysningerne og deler resuméet med en mentor.";
const frequencies = ["Hver uge", "Hver anden uge", "To gange om måneden", "Hver uge de første tre måneder, derefter hver anden"];
const contactArrangements = [
  "Sms og telefon på hverdage mellem 9 og 20.",
  "Vi mødes på biblioteket; kontakt via sms.",
  "Opkald søndag aften om ugens aftaler.",
];
const afterHoursArrangements = ["Må ringe til kl. 22 ved behov.", "Sms efter kl. 17; svar senest næste morgen.", "Ved akut behov: ring til vagttelefonen."];
const declineReasons = ["Har ikke tid lige nu på grund af arbejde.", "Jeg kender familien privat.", "Passer ikke med mine tider."];
const contactNotes = ["Kaffe og en snak om ugen, der gik.", "Øvede jobsamtalen.", "Kort sms om i morgen.", "Gåtur; hun var glad for praktikken.", ""];
/** Match reasons kept with a proposal, as scoreMatch would have given them. */
const reasonSets = [
  [
    { factor: "shared_interests", points: 12, detail: { interests: ["sport", "music"] } },
    { factor: "same_town", points: 15, detail: { town: "Grindsted" } },
    { factor: "free_capacity", points: 6, detail: { free: 2, capacity: 2 } },
  ],
  [
    { factor: "nearby_town", points: 6, detail: { town: "Billund" } },
    { factor: "overlapping_availability", points: 9, detail: { slots: ["tue:evening", "thu:evening"] } },
    { factor: "kind_fits_goals", points: 10, detail: { goals: ["job"] } },
  ],
  [
    { factor: "shared_language", points: 8, detail: { languages: ["da", "ar"] } },
    { factor: "after_hours", points: 12 },
    { factor: "free_capacity", points: 4, detail: { free: 2, capacity: 3 } },
  ],
];

/** The first youths, reserved for the bench mentor: what each is, and the pairing the mentor has with them. */
const BENCH_MENTOR_YOUTHS = 7;

export interface YouthSeedOptions {
  youths: number;
  /** Seed afresh even when the counts match: the volunteers the pairings point at were just replaced. */
  reseed: boolean;
  benchCoordinatorEmail: string;
  benchMentorEmail: string;
  benchMentorName: string;
  /** The bench server's encryption key, for the contacts' notes. */
  key: EncryptionKey;
}

export interface YouthSeed {
  youths: number;
  ready: number;
  pairings: number;
  openPairings: number;
  /** Approved mentors with room for one more: whom the suggestions rank. */
  eligibleMentors: number;
  /** The ready youth without a proposal whose suggestions the bench opens; null without one. */
  suggestionsYouthId: string | null;
  /** The bench mentor's running pairing; null without youths. */
  mentorPairingId: string | null;
  seeded: boolean;
  seconds: number;
}

async function count(query: PromiseLike<readonly postgres.Row[]>) {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

export async function seedYouths(sql: postgres.Sql, options: YouthSeedOptions): Promise<YouthSeed> {
  const started = performance.now();
  const mentor = await ensureBenchMentor(sql, options);
  const youths = await count(sql`select count(*)::int as n from youths`);
  const benchPairings = mentor
    ? await count(sql`select count(*)::int as n from pairings where mentor_user_id = ${mentor.userId} and status = 'active'`)
    : 0;
  const matches = youths === options.youths && (options.youths === 0 || benchPairings > 0);
  let seeded = false;
  if (options.reseed || !matches) {
    if (!options.reseed) console.log(`youths: database has ${youths} youths, wanted ${options.youths}; seeding them`);
    await insertYouths(sql, options, mentor);
    seeded = true;
  } else {
    console.log(`reusing ${youths} seeded youths`);
  }
  const [summary] = await sql<{ ready: number; pairings: number; open: number; eligible: number }[]>`
    select (select count(*)::int from youths where status = 'ready') as ready,
      (select count(*)::int from pairings) as pairings,
      (select count(*)::int from pairings where status in ('proposed', 'accepted', 'active')) as open,
      (select count(*)::int from volunteers v where v.status = 'approved' and v.open_pairings < coalesce(v.capacity, 0)
        and exists (select 1 from vetting_checks c where c.volunteer_id = v.id and c.step = 'training' and c.state in ('passed', 'waived'))) as eligible`;
  const [youth] = await sql<{ id: string }[]>`
    select y.id from youths y
    where y.status = 'ready'
      and not exists (select 1 from pairings p where p.youth_id = y.id and p.status in ('proposed', 'accepted', 'active'))
    order by y.ready_since, y.id
    limit 1`;
  const [pairing] = mentor
    ? await sql<{ id: string }[]>`
        select id from pairings where mentor_user_id = ${mentor.userId} and status = 'active' order by started_at desc, id limit 1`
    : [];
  const took = (performance.now() - started) / 1000;
  if (seeded) console.log(`youths: seeded in ${took.toFixed(1)} s (${options.youths} youths, ${summary!.pairings} pairings of which ${summary!.open} open)`);
  return {
    youths: options.youths,
    ready: summary!.ready,
    pairings: summary!.pairings,
    openPairings: summary!.open,
    eligibleMentors: summary!.eligible,
    suggestionsYouthId: youth?.id ?? null,
    mentorPairingId: pairing?.id ?? null,
    seeded,
    seconds: took,
  };
}

interface BenchMentor {
  userId: string;
  volunteerId: string;
}

/**
 * The bench's mentor is a seeded approved volunteer with three places, renamed to the bench address (seeded
 * users share the bench password), so neither the user nor the volunteer counts change.
 */
async function ensureBenchMentor(sql: postgres.Sql, options: YouthSeedOptions): Promise<BenchMentor | null> {
  const email = options.benchMentorEmail;
  const [current] = await sql<{ userId: string; volunteerId: string | null; fits: boolean }[]>`
    select u.id as "userId", v.id as "volunteerId", coalesce(v.status = 'approved' and v.capacity = 3, false) as fits
    from users u left join volunteers v on v.user_id = u.id where u.email = ${email}`;
  if (current?.fits) return { userId: current.userId, volunteerId: current.volunteerId! };
  // The volunteers were reseeded and this one is no longer an approved mentor: give the address back.
  if (current) await sql`update users set email = ${`former-bench-mentor-${current.userId}@example.dk`} where id = ${current.userId}`;
  const [candidate] = await sql<{ userId: string; volunteerId: string }[]>`
    select u.id as "userId", v.id as "volunteerId" from volunteers v join users u on u.id = v.user_id
    where v.status = 'approved' and v.capacity = 3 and u.disabled_at is null and u.email_verified_at is not null and u.email like '%@example.dk'
      and exists (select 1 from vetting_checks c where c.volunteer_id = v.id and c.step = 'training' and c.state in ('passed', 'waived'))
    order by v.id
    limit 1`;
  if (!candidate) return null;
  await sql`update users set email = ${email}, name = ${options.benchMentorName}, locale = 'da' where id = ${candidate.userId}`;
  return candidate;
}

async function insertYouths(sql: postgres.Sql, options: YouthSeedOptions, mentor: BenchMentor | null) {
  const started = performance.now();
  const steps: string[] = [];
  let lap = started;
  const step = (name: string) => {
    steps.push(`${name} ${seconds(lap)}`);
    lap = performance.now();
  };
  await sql`update volunteers set open_pairings = 0 where open_pairings <> 0`;
  await sql`truncate youths cascade`;
  const total = options.youths;
  if (total === 0) return;
  const pool = (
    await sql<{ id: string }[]>`
      (select id from users where email = ${options.benchCoordinatorEmail})
      union all
      (select id from users where role = 'coordinator' and disabled_at is null and email <> ${options.benchCoordinatorEmail}
       order by created_at, email limit 24)`
  ).map((row) => row.id);
  const benchMentorYouths = mentor ? BENCH_MENTOR_YOUTHS : 0;

  await sql`drop table if exists bench_youth_plan, bench_mentor_slots, bench_mentor_pool`;
  // Free places of approved mentors, all but each mentor's last: the first place of every mentor (in a
  // scattered order) before anybody's second.
  await sql`
    create temporary table bench_mentor_slots as
    select row_number() over (order by s.place, hashint4extended(hashtext(v.id::text), 31), v.id)::int as slot, v.id as volunteer_id, v.user_id
    from volunteers v cross join lateral generate_series(1, coalesce(v.capacity, 0) - 1) as s (place)
    where v.status = 'approved' and v.id is distinct from ${mentor?.volunteerId ?? null}::uuid`;
  await sql`alter table bench_mentor_slots add primary key (slot)`;
  // Any mentor, for pairings that ended or never started.
  await sql`
    create temporary table bench_mentor_pool as
    select (row_number() over (order by v.id) - 1)::int as n, v.id as volunteer_id, v.user_id
    from volunteers v where v.status in ('approved', 'paused', 'expired') and v.id is distinct from ${mentor?.volunteerId ?? null}::uuid`;
  await sql`alter table bench_mentor_pool add primary key (n)`;
  const slots = await count(sql`select count(*)::int as n from bench_mentor_slots`);
  const mentors = await count(sql`select count(*)::int as n from bench_mentor_pool`);
  if (mentors === 0 && total > benchMentorYouths) throw new Error("the youth seed needs approved volunteers to pair the youths with; raise --mentors");
  step("mentor slots");

  await sql`
    create temporary table bench_youth_plan as
    with s as (
      select g as n,
        abs(hashint4extended(g, 41) % 100)::int as h_status,
        abs(hashint4extended(g, 42) % 1000003)::int as h1,
        abs(hashint4extended(g, 43) % 1000003)::int as h2,
        abs(hashint4extended(g, 44) % 1000003)::int as h3,
        abs(hashint4extended(g, 45) % 1000003)::int as h4,
        abs(hashint4extended(g, 46) % 100)::int as h_pairing
      from generate_series(1, ${total}::int) as g
    ), planned as (
      -- Most records are old and closed; a tenth are in intake, a good tenth wait for a mentor.
      select s.*,
        (case
          when n <= ${benchMentorYouths} then (array['matched', 'ready', 'closed', 'closed', 'closed', 'closed', 'ready'])[n]
          when h_status < 10 then 'intake' when h_status < 23 then 'ready' when h_status < 50 then 'matched' else 'closed' end)::youth_status as status,
        now() - (20 + h1 % 1080) * interval '1 day' - (h2 % 86400) * interval '1 second' as created_at
      from s
    )
    select gen_random_uuid() as id, p.*,
      -- The pairing the youth has: the running one of the matched, mostly an ended one of the closed, an open
      -- proposal or accepted pairing of some who are ready; a no from a mentor before, for a few.
      (case
        when n <= ${benchMentorYouths} then (array['active', 'proposed', 'closed', 'closed', 'closed', 'closed', 'declined'])[n]
        when status = 'matched' then 'active'
        when status = 'closed' then case when h_pairing < 80 then 'closed' when h_pairing < 85 then 'withdrawn' end
        when status = 'ready' then case when h_pairing < 10 then 'proposed' when h_pairing < 18 then 'accepted' when h_pairing < 28 then 'declined' end
      end)::pairing_status as pairing,
      n <= ${benchMentorYouths} as bench_mentor,
      null::int as slot
    from planned p`;
  // The open pairings take the mentors' free places in turn; those beyond the places wait for a mentor instead.
  await sql`
    update bench_youth_plan y set slot = o.k
    from (select id, row_number() over (order by h3, n)::int as k from bench_youth_plan where pairing in ('proposed', 'accepted', 'active') and not bench_mentor) as o
    where o.id = y.id`;
  const unplaced = await sql`
    update bench_youth_plan set status = 'ready', pairing = null, slot = null
    where slot > ${slots}::int`;
  if (unplaced.count > 0) console.log(`youths: ${unplaced.count} would-be pairings found no mentor with a free place; those youths wait`);
  await sql`alter table bench_youth_plan add primary key (id)`;
  await sql`analyze bench_youth_plan`;
  step("plan");

  await sql`
    insert into youths (id, first_name, last_name, birth_year, gender, town, phone, email, referral_source, responsible_coordinator_id,
      consent_date, consent_scope, consent_recorded_by, interests, goals, goals_own_words, languages, availability, after_hours_support,
      preferred_mentor_gender, preferred_mentor_kind, shared_summary, status, ready_since, outcome, closed_at, created_by, created_at, updated_at)
    select y.id,
      n.first[1 + y.h1 % cardinality(n.first)],
      n.last[1 + y.h2 % cardinality(n.last)],
      extract(year from now())::int - 15 - y.h3 % 14,
      (array['female', 'female', 'female', 'male', 'male', 'male', 'other', 'unspecified'])[1 + y.h4 % 8]::gender,
      (${sql.array(towns)}::text[])[1 + (y.h1 / 7) % ${towns.length}],
      case when y.h2 % 10 <> 0 then '+45 ' || (20000000 + y.h1 * 37 % 79999999)::text end,
      case when y.h3 % 2 = 0 then 'ung' || y.n || '@example.dk' end,
      (array['job_centre', 'job_centre', 'youth_unit', 'youth_unit', 'self', 'other'])[1 + (y.h4 / 8) % 6]::referral_source,
      case when y.h4 % 10 <> 9 then (${sql.array(pool)}::uuid[])[1 + (y.h2 / 3) % ${pool.length}] end,
      (y.created_at at time zone 'Europe/Copenhagen')::date,
      ${consentScope},
      (${sql.array(pool)}::uuid[])[1 + (y.h3 / 5) % ${pool.length}],
      (array[t.tags[1 + y.h1 % 12], t.tags[1 + (y.h1 + 4) % 12], t.tags[1 + (y.h1 + 7) % 12]])[1:1 + y.h2 % 3],
      (case y.h3 % 6
        when 0 then array['job'] when 1 then array['education'] when 2 then array['job', 'education']
        when 3 then array['everyday_life'] when 4 then array['social', 'everyday_life'] else array['education', 'social'] end)::youth_goal[],
      case when y.h4 % 3 = 0 then (${sql.array(ownWords)}::text[])[1 + y.h1 % ${ownWords.length}] end,
      (${sql.array(languageSets)}::text[])[1 + (y.h2 / 11) % ${languageSets.length}]::text[],
      (${sql.array(slotSets)}::text[])[1 + (y.h3 / 13) % ${slotSets.length}]::text[],
      y.h4 % 10 < 3,
      (array['any', 'any', 'any', 'any', 'any', 'female', 'male'])[1 + (y.h1 / 17) % 7]::gender_preference,
      (array[null, null, null, null, 'business', 'civil_society', 'company'])[1 + (y.h2 / 19) % 7]::mentor_kind,
      (${sql.array(summaries)}::text[])[1 + (y.h3 / 23) % ${summaries.length}],
      y.status,
      case when y.status = 'ready' then y.created_at + (now() - y.created_at) * (0.1 + (y.h4 % 40) / 100.0) end,
      case when y.status = 'closed' then (${sql.array([...youthOutcomes])}::text[])[1 + (y.h1 / 29) % ${youthOutcomes.length}]::youth_outcome end,
      case when y.status = 'closed' then y.created_at + (now() - y.created_at) * 0.9 end,
      (${sql.array(pool)}::uuid[])[1 + (y.h3 / 5) % ${pool.length}],
      y.created_at,
      y.created_at + (now() - y.created_at) * (case y.status when 'intake' then 0.05 when 'ready' then 0.6 else 0.9 end)
    from bench_youth_plan y,
      (select ${sql.array(firstNames.map((name) => name[0]))}::text[] as first, ${sql.array(lastNames.map((name) => name[0]))}::text[] as last) as n,
      (select ${sql.array([...interestTags])}::text[] as tags) as t`;
  step("youths");

  // Pairing times as shares of the youth's time since intake: proposed, answered, agreed, started, ended.
  const inserted = await sql`
    insert into pairings (youth_id, volunteer_id, mentor_user_id, status, proposed_by, proposed_at, coordinator_note, score, reasons,
      responded_at, decline_reason, kickoff_at, meeting_frequency, duration_months, contact_arrangement, after_hours_arrangement,
      agreement_set_at, agreement_confirmed_at, started_at, closed_at, close_kind, close_reason, rematch_wanted, created_at, updated_at)
    select y.id, m.volunteer_id, m.user_id, y.pairing, yo.responsible_coordinator_id,
      t.proposed_at,
      case when y.h1 % 3 = 0 then 'Jeg tror, I to vil passe godt sammen. Ring til mig, hvis du har spørgsmål.' else '' end,
      r.score, r.reasons,
      case when y.pairing <> 'proposed' and y.pairing <> 'withdrawn' then t.proposed_at + (now() - t.proposed_at) * 0.05 end,
      case when y.pairing = 'declined' then (${sql.array(declineReasons)}::text[])[1 + y.h2 % ${declineReasons.length}] end,
      case when a.agreed then t.proposed_at + (now() - t.proposed_at) * 0.1 end,
      case when a.agreed then (${sql.array(frequencies)}::text[])[1 + y.h3 % ${frequencies.length}] end,
      case when a.agreed then (array[6, 6, 9, 12])[1 + y.h4 % 4] end,
      case when a.agreed then (${sql.array(contactArrangements)}::text[])[1 + y.h1 % ${contactArrangements.length}] end,
      case when a.agreed and yo.after_hours_support then (${sql.array(afterHoursArrangements)}::text[])[1 + y.h2 % ${afterHoursArrangements.length}] end,
      case when a.agreed then t.proposed_at + (now() - t.proposed_at) * 0.08 end,
      case when a.started then t.proposed_at + (now() - t.proposed_at) * 0.12 end,
      case when a.started then t.proposed_at + (now() - t.proposed_at) * 0.12 end,
      case when y.pairing = 'closed' then yo.closed_at - interval '1 day' end,
      case when y.pairing = 'closed' then (case when y.h3 % 3 = 0 then 'unplanned' else 'planned' end)::pairing_close_kind end,
      case when y.pairing = 'closed' then (array['goal_reached', 'goal_reached', 'goal_reached', 'youth_moved', 'youth_withdrew', 'mentor_withdrew', 'poor_fit', 'other'])[1 + y.h4 % 8]::pairing_close_reason end,
      case when y.pairing = 'closed' then y.h2 % 5 = 0 end,
      t.proposed_at,
      coalesce(case when y.pairing = 'closed' then yo.closed_at - interval '1 day' end, t.proposed_at + (now() - t.proposed_at) * 0.12)
    from bench_youth_plan y
    join youths yo on yo.id = y.id
    left join bench_mentor_slots s on s.slot = y.slot
    left join bench_mentor_pool p on p.n = y.h2 % ${Math.max(mentors, 1)}::int and y.slot is null and not y.bench_mentor
    cross join lateral (select
      coalesce(case when y.bench_mentor then ${mentor?.volunteerId ?? null}::uuid end, s.volunteer_id, p.volunteer_id) as volunteer_id,
      coalesce(case when y.bench_mentor then ${mentor?.userId ?? null}::uuid end, s.user_id, p.user_id) as user_id) as m
    cross join lateral (select
      y.pairing in ('active', 'closed') or (y.pairing = 'accepted' and y.h4 % 2 = 0) as agreed,
      y.pairing in ('active', 'closed') as started) as a
    cross join lateral (select
      -- A closed youth's pairing ended before the record did; the others' lie in the time since intake.
      case when y.pairing = 'closed' then yo.created_at + (yo.closed_at - yo.created_at) * 0.2
           when yo.status = 'ready' then greatest(yo.ready_since, yo.created_at + (now() - yo.created_at) * 0.5)
           else yo.created_at + (now() - yo.created_at) * 0.3 end as proposed_at) as t
    cross join lateral (select rs.reasons, (select sum((e ->> 'points')::int)::int from jsonb_array_elements(rs.reasons) as e) as score
      from (select (${sql.array(reasonSets.map((set) => JSON.stringify(set)))}::jsonb[])[1 + y.h3 % ${reasonSets.length}] as reasons) as rs) as r
    where y.pairing is not null and m.volunteer_id is not null`;
  step("pairings");

  // Contacts the mentors logged: one a week or so through each started pairing, every fourth after hours.
  // The notes are encrypted with the bench server's key, as the app would store them.
  const notes = contactNotes.map((note) => (note ? encryptText(options.key, note) : null));
  const contacts = await sql`
    insert into pairing_contacts (pairing_id, logged_by, occurred_at, duration_minutes, channel, note_encrypted, after_hours, created_at)
    select p.id, p.mentor_user_id, c.at, (array[15, 30, 45, 60, 90])[1 + k % 5], (array['meeting', 'phone', 'message', 'video', 'meeting'])[1 + k % 5]::contact_channel,
      (${sql.array(notes)}::text[])[1 + k % ${notes.length}], k % 4 = 0, c.at
    from pairings p
    cross join lateral generate_series(0, least(40, greatest(0, extract(day from coalesce(p.closed_at, now()) - p.started_at)::int / 7))) as k
    cross join lateral (select p.started_at + k * interval '7 days' + (case when k % 4 = 0 then interval '11 hours' else interval '2 hours' end) as at) as c
    where p.started_at is not null and c.at < coalesce(p.closed_at, now())`;
  step("contacts");

  // The open count each mentor's row keeps (the pairing commands keep it under a row lock).
  await sql`
    update volunteers v set open_pairings = o.open
    from (select volunteer_id, count(*)::int as open from pairings where status in ('proposed', 'accepted', 'active') group by volunteer_id) as o
    where o.volunteer_id = v.id`;
  step("open places");
  await sql`drop table bench_youth_plan, bench_mentor_slots, bench_mentor_pool`;
  // A full reseed ends with seed.ts's own vacuum of everything; the matching index needs the visibility map.
  if (!options.reseed) {
    await sql`vacuum analyze youths, pairings, pairing_contacts, volunteers, vetting_checks`;
    step("vacuum");
  }
  console.log(`youths: inserted ${total} with ${inserted.count} pairings and ${contacts.count} contacts in ${seconds(started)} (${steps.join(", ")})`);
}
