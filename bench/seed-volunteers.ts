/**
 * Volunteers for the coordinators' pipeline and the volunteer page, in SQL like the users: one plan row per
 * volunteer (status, kind, town, dates, how far vetting got), then the volunteers, their checklist rows,
 * references and messages from the plan. The checklist columns are filled by the app's own
 * `refreshChecklist`, so they agree with the checks exactly as they would in production. A sample of
 * volunteers (`rich`, ~5 %) also gets the audit history their record page shows as a timeline.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import { sql as dsql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "#db/client.server";
import * as schema from "#db/schema";
import { decryptText, encryptText, type EncryptionKey } from "~/modules/crypto/encryption.server";
import { refreshChecklist } from "~/modules/volunteers/context.server";
import { interestTags } from "~/modules/volunteers/schemas";
import { CODE_OF_CONDUCT_VERSION } from "~/modules/volunteers/types";
import { seconds } from "./elapsed";
import { firstNames, lastNames } from "./names";

/** Submissions spread over this many days back (the expired ones lie further back: their approval lapsed). */
const SUBMITTED_WITHIN_DAYS = 300;

// Towns and villages of Billund Kommune, repeated roughly by population so Grindsted and Billund dominate.
const towns = [
  ...Array<string>(9).fill("Grindsted"),
  ...Array<string>(6).fill("Billund"),
  "Vorbasse", "Vorbasse", "Sønder Omme", "Sønder Omme", "Hejnsvig", "Filskov", "Stenderup-Krogager", "Vesterhede",
];

const motivations = [
  "Jeg vil gerne give noget tilbage til lokalsamfundet og hjælpe en ung med at finde fodfæste.",
  "Jeg havde selv en mentor som ung og ved, hvor meget det betyder at have en voksen at spejle sig i.",
  "Mine egne børn er flyttet hjemmefra, og jeg har tid og lyst til at være der for en ung, der har brug for det.",
  "Jeg arbejder med unge til daglig og vil gerne bruge min erfaring i fritiden.",
  "Jeg tror på, at en stabil voksen kan gøre en forskel for en ung i en svær periode.",
  "Som pensionist har jeg god tid, og jeg savner kontakten med unge mennesker.",
];
const experiences = [
  "Træner for U13-holdet i den lokale fodboldklub gennem seks år.",
  "Spejderleder i ti år og med på mange lejrture.",
  "Har arbejdet som pædagogmedhjælper og været kontaktperson for unge i et opholdssted.",
  "Lektiehjælper på biblioteket hver onsdag.",
  "Besøgsven i Røde Kors og frivillig i den lokale genbrugsbutik.",
  "Ingen formel erfaring, men store børn og mange nevøer og niecer.",
];
const occupations = [
  "Pædagog", "Lagermedarbejder", "Sygeplejerske", "Tømrer", "Folkeskolelærer", "Pensionist",
  "Ingeniør", "Butiksassistent", "Landmand", "Kontorfuldmægtig", "Studerende", "Selvstændig",
];
const employers = ["LEGO System A/S", "Billund Lufthavn", "LEGOLAND Billund", "Lalandia Billund", "Grindsted Tømrer og Snedker ApS", "Vorbasse Autoservice"];
// Language codes as the application form stores them (app/forms/application.ts), as text[] literals.
const languageSets = ["{da}", "{da}", "{da,en}", "{da,en,de}", "{da,ar}", "{da,uk}", "{da,en,pl}", "{da,so}"];
// Weekly availability cells (availabilitySlots), as text[] literals.
const slotSets = [
  "{mon:evening,wed:evening}",
  "{tue:daytime,thu:daytime,weekend:daytime}",
  "{weekend:daytime,weekend:evening}",
  "{mon:evening,tue:evening,thu:evening,weekend:daytime}",
  "{fri:daytime,weekend:daytime}",
  "{wed:evening,thu:night,weekend:evening}",
  "{mon:daytime,tue:daytime,wed:daytime}",
];
const ownGenders = ["female", "female", "male", "male", "male", "other", "unspecified"];
const relations = ["Tidligere leder", "Kollega", "Formand i idrætsforeningen", "Nabo", "Spejderleder", "Lærer", "Præst", "Ven af familien"];
const waiverReason = "Har gennemført tilsvarende mentoruddannelse i Vejle Kommune.";

const interviewNotes = [
  { motivation: "Klar og gennemtænkt motivation; vil gerne forpligte sig i et år.", boundaries: "Forstår rollen: ikke forælder, ikke behandler.", availability: "To aftener om ugen.", concerns: "" },
  { motivation: "Har selv haft svære teenageår og vil gerne give videre.", boundaries: "Talte godt om tavshedspligt og hvornår man går videre til koordinator.", availability: "Weekender og enkelte hverdagsaftener.", concerns: "Skal have lidt hjælp til at sætte grænser for kontakt sent om aftenen." },
  { motivation: "Motiveret af erfaring som træner.", boundaries: "Kender til underretningspligt fra klubarbejdet.", availability: "Fleksibel, arbejder på skiftehold.", concerns: "Skifteholdet kan gøre faste aftaler svære." },
  { motivation: "Ønsker at bruge sin tid som pensionist meningsfuldt.", boundaries: "God forståelse for, at den unge bestemmer tempoet.", availability: "Hverdage i dagtimerne.", concerns: "" },
];
const referenceNotes = [
  "Meget pålidelig og god til at lytte. Anbefales varmt.",
  "Har kendt ansøger i otte år som frivillig i klubben; stabil og tålmodig.",
  "Positiv, men kender ikke ansøger fra arbejde med børn og unge.",
  "Kunne ikke træffes på telefon efter tre forsøg.",
  "Ansøger har været en tryg voksen for vores børn i mange år.",
];
const decisionNotes = [
  "Ansøger er ikke fyldt 18 år endnu; kan søge igen efter fødselsdagen.",
  "Referencerne var ikke tilstrækkelige; ansøger er informeret om muligheden for at søge igen.",
  "Vi har flere mentorer end unge i området lige nu.",
];
const messageBodies = [
  "Hej! Vi mangler din anden reference. Kan du tilføje en person, der kender dig fra arbejde med børn eller unge?",
  "Tak for en god samtale i går. Vi vender tilbage, når referencerne er tjekket.",
  "Husk at bestille din børneattest via virk.dk; du får besked, når vi har modtaget den.",
  "Kurset for nye mentorer ligger tirsdag d. 14. kl. 17-20 på rådhuset i Grindsted. Kan du deltage?",
  "Vi har forsøgt at ringe til din reference uden held. Har du et andet telefonnummer?",
];

export interface VolunteerSeed {
  volunteers: number;
  submitted: number;
  historyEvents: number;
}

/** The staff the seeded vetting work is spread over: a couple of dozen coordinators plus the bench's own. */
async function coordinatorPool(sql: postgres.Sql, benchCoordinatorEmail: string) {
  const rows = await sql<{ id: string }[]>`
    (select id from users where email = ${benchCoordinatorEmail})
    union all
    (select id from users where role = 'coordinator' and disabled_at is null and email <> ${benchCoordinatorEmail}
     order by created_at, email limit 24)`;
  if (rows.length < 2) throw new Error("the bench seed needs at least two coordinators to spread the vetting over");
  return rows.map((row) => row.id);
}

/**
 * Replaces every volunteer (and their checks, references and messages) with `total` new ones, one per
 * volunteer-role user in creation order, exactly `mentors` of them approved (trained, with free places).
 * The users must exist: seed.ts makes enough of them.
 */
export async function seedVolunteers(
  sql: postgres.Sql,
  options: { total: number; mentors: number; key: EncryptionKey; benchCoordinatorEmail: string },
): Promise<VolunteerSeed> {
  const started = performance.now();
  const steps: string[] = [];
  let lap = started;
  const step = (name: string) => {
    steps.push(`${name} ${seconds(lap)}`);
    lap = performance.now();
  };
  const { total, mentors, key } = options;
  const pool = await coordinatorPool(sql, options.benchCoordinatorEmail);
  // A small pool of ciphertexts, each reused by many rows: the page decrypts real notes with the bench key,
  // and the seed does not pay for 100 000 encryptions.
  const encrypted = (texts: string[]) => texts.map((text) => encryptText(key, text));
  const interviewPool = encrypted(interviewNotes.map((notes) => JSON.stringify(notes)));
  const referencePool = encrypted(referenceNotes);
  const decisionPool = encrypted(decisionNotes);

  await sql`truncate volunteers restart identity cascade`;
  await sql`drop table if exists bench_plan`;
  await sql`
    create temporary table bench_plan as
    with numbered as (
      select row_number() over (order by created_at, email)::int as n, id as user_id
      from users where role = 'volunteer'
      order by created_at, email
      limit ${total}
    ), hashed as (
      -- hashint4extended spreads each property independently of the others and of n.
      -- The approved are the \`mentors\` lowest by one hash; the rest share the other statuses by another.
      select n, user_id,
        row_number() over (order by hashint4extended(n, 1), n) <= ${mentors} as approved,
        abs(hashint4extended(n, 8) % 65)::int as h_status,
        abs(hashint4extended(n, 2) % 10)::int as h_kind,
        abs(hashint4extended(n, 3) % 1000003)::int as h_town,
        abs(hashint4extended(n, 4) % ${SUBMITTED_WITHIN_DAYS * 86400})::int as h_offset,
        abs(hashint4extended(n, 5) % 100)::int as h_progress,
        abs(hashint4extended(n, 6) % 1000)::int as h_a,
        abs(hashint4extended(n, 7) % 1000)::int as h_b
      from numbered
    ), kinds as (
      select h.*,
        (case when approved then 'approved' when h_status < 30 then 'submitted' when h_status < 35 then 'paused'
              when h_status < 45 then 'rejected' when h_status < 55 then 'withdrawn' else 'expired' end)::volunteer_status as status,
        (case when h_kind < 5 then 'civil_society' when h_kind < 8 then 'business' else 'company' end)::mentor_kind as kind,
        (${sql.array(towns)}::text[])[1 + h_town % ${towns.length}] as town,
        7 + h_a % 50 as vet_days,
        h_b % 20 = 0 as rich
      from hashed h
    ), timed as (
      select k.*,
        case when status = 'rejected'
          then (array['interview', 'references', 'criminal_record', 'not_eligible', 'capacity', 'other'])[1 + h_a % 6]::rejection_reason
        end as rejection_reason,
        status = 'withdrawn' and h_a % 2 = 0 as from_draft,
        case
          when status = 'withdrawn' and h_a % 2 = 0 then null
          when status = 'expired' then now() - (800 + h_offset % 300) * interval '1 day' - (h_offset % 86400) * interval '1 second'
          else now() - h_offset * interval '1 second'
        end as submitted_at
      from kinds k
    ), progressed as (
      select t.*,
        case
          when from_draft then now() - h_offset * interval '1 second'
          when status = 'submitted' then now()
          when status = 'withdrawn' then least(now(), submitted_at + vet_days * interval '12 hours')
          else least(now(), submitted_at + vet_days * interval '1 day')
        end as end_at,
        -- How many of interview, references, criminal record, training (in that order) are done.
        case status
          when 'submitted' then least(
            case when h_progress < 30 then 0 when h_progress < 55 then 1 when h_progress < 75 then 2 when h_progress < 90 then 3 else 4 end,
            (extract(epoch from now() - submitted_at) / (5 * 86400))::int)
          when 'rejected' then case rejection_reason when 'interview' then 0 when 'references' then 1 when 'criminal_record' then 2 else h_progress % 3 end
          when 'withdrawn' then case when from_draft then 0 else h_progress % 3 end
          else 4
        end as q
      from timed t
    )
    select gen_random_uuid() as id, p.*,
      case
        when status = 'rejected' and rejection_reason in ('interview', 'references', 'criminal_record') then q + 1
        when status = 'submitted' and q < 3 and h_b % 20 = 7 then q + 1 -- training is never failed, only left pending
        else 0
      end as fail_at,
      status in ('approved', 'paused', 'expired') or (not from_draft and h_b % 13 <> 0) as coc_passed,
      h_a % 10 = 3 as training_waived,
      (${sql.array(pool)}::uuid[])[1 + h_b % ${pool.length}] as interviewer,
      (${sql.array(pool)}::uuid[])[1 + (h_b + 1) % ${pool.length}] as decider,
      case when not from_draft and h_b % 10 < 7 then (${sql.array(pool)}::uuid[])[1 + h_a % ${pool.length}] end as responsible,
      case when from_draft then 0 when rich then 3 when h_a % 10 = 1 then 1 else 0 end as messages,
      case when status in ('approved', 'paused', 'expired', 'rejected') then end_at end as decided_at,
      -- The criminal-record check is the third step: it is assessed three fifths into the vetting.
      ((submitted_at + (end_at - submitted_at) * 3 / 5) at time zone 'Europe/Copenhagen')::date as attest_on
    from progressed p`;
  const [{ planned }] = (await sql`select count(*)::int as planned from bench_plan`) as unknown as [{ planned: number }];
  if (planned < total) throw new Error(`only ${planned} volunteer-role users for ${total} volunteers`);
  step("plan");

  await sql`
    insert into volunteers (id, user_id, kind, status, answers, town, after_hours_reachable, capacity,
      interests, languages, availability, age_min, age_max, gender, youth_gender_preference, submitted_at, decided_at,
      decided_by, rejection_reason, decision_note_encrypted, approved_until, responsible_coordinator_id, created_at, updated_at)
    select p.id, p.user_id, p.kind, p.status,
      jsonb_strip_nulls(jsonb_build_object(
        'about', jsonb_strip_nulls(jsonb_build_object(
          'motivation', (${sql.array(motivations)}::text[])[1 + p.h_a % ${motivations.length}],
          'experience', (${sql.array(experiences)}::text[])[1 + p.h_b % ${experiences.length}],
          'occupation', (${sql.array(occupations)}::text[])[1 + (p.h_a + p.h_b) % ${occupations.length}],
          'employer', case when p.kind = 'company' then (${sql.array(employers)}::text[])[1 + p.h_b % ${employers.length}] end)),
        'interests', jsonb_build_object('interests', to_jsonb(m.interests), 'languages', to_jsonb(m.languages)),
        'availability', case when not p.from_draft then jsonb_build_object(
          'town', p.town,
          'slots', to_jsonb(m.slots),
          'afterHoursReachable', p.h_a % 4 = 0) end,
        'preferences', case when not p.from_draft then jsonb_build_object(
          'capacity', 1 + p.h_a % 3, 'ageMin', m.age_min, 'ageMax', m.age_max,
          'genderPreference', m.youth_gender_preference, 'ownGender', m.gender) end,
        'consents', case when not p.from_draft then jsonb_build_object(
          'criminalRecordConsent', true,
          'codeOfConductVersion', case when p.coc_passed then ${CODE_OF_CONDUCT_VERSION} else '2025-1' end,
          'privacyAcknowledged', true,
          'codeOfConductSignedAt', to_jsonb(p.submitted_at - interval '1 hour')) end)),
      case when p.from_draft then null else p.town end,
      not p.from_draft and p.h_a % 4 = 0,
      case when p.from_draft then null else 1 + p.h_a % 3 end,
      -- The columns matching reads, copied from the answers as saving a step does (columnsFrom).
      m.interests, m.languages,
      case when p.from_draft then '{}' else m.slots end,
      case when not p.from_draft then m.age_min end,
      case when not p.from_draft then m.age_max end,
      case when p.from_draft then 'unspecified' else m.gender end::gender,
      case when p.from_draft then 'any' else m.youth_gender_preference end::gender_preference,
      p.submitted_at, p.decided_at,
      case when p.decided_at is not null then p.decider end,
      p.rejection_reason,
      case when p.status = 'rejected' and p.h_b % 2 = 0 then (${sql.array(decisionPool)}::text[])[1 + p.h_a % ${decisionPool.length}] end,
      case when p.status in ('approved', 'paused', 'expired') then (p.attest_on + interval '24 months')::date end,
      p.responsible,
      coalesce(p.submitted_at, p.end_at) - (1 + p.h_b % 14) * interval '1 day',
      p.end_at
    from bench_plan p
    cross join lateral (select
      -- Three different tags of the twelve: the offsets 0, 5 and 9 differ modulo 12.
      array[t.tags[1 + p.h_b % 12], t.tags[1 + (p.h_b + 5) % 12], t.tags[1 + (p.h_b + 9) % 12]] as interests,
      (${sql.array(languageSets)}::text[])[1 + p.h_a % ${languageSets.length}]::text[] as languages,
      (${sql.array(slotSets)}::text[])[1 + p.h_b % ${slotSets.length}]::text[] as slots,
      15 + p.h_b % 4 as age_min,
      19 + p.h_a % 12 as age_max,
      (array['any', 'any', 'any', 'female', 'male'])[1 + p.h_b % 5] as youth_gender_preference,
      (${sql.array(ownGenders)}::text[])[1 + (p.h_a / 10) % ${ownGenders.length}] as gender
      from (select ${sql.array([...interestTags])}::text[] as tags) as t) as m`;
  step("volunteers");

  // The whole checklist opens on submission (submitApplication): a row per step, the code of conduct passed
  // when the current version was signed.
  await sql`
    insert into vetting_checks (volunteer_id, step, state, done_by, done_at, note_encrypted, waiver_reason, details)
    select p.id, s.step, st.state,
      case when st.state = 'pending' or s.rank = 0 then null when s.rank = 1 then p.interviewer else coalesce(p.responsible, p.interviewer) end,
      case when st.state = 'pending' then null when s.rank = 0 then p.submitted_at - interval '1 hour'
           else p.submitted_at + (p.end_at - p.submitted_at) * s.rank / 5 end,
      case when s.rank = 1 and st.state <> 'pending' then (${sql.array(interviewPool)}::text[])[1 + p.h_a % ${interviewPool.length}] end,
      case when st.state = 'waived' then ${waiverReason} end,
      case
        when s.rank = 1 and st.state <> 'pending' then jsonb_build_object('outcome', st.state)
        when s.rank = 3 and st.state = 'passed' then jsonb_build_object(
          'attestResult', 'ok', 'assessedOn', p.attest_on, 'renewalDate', (p.attest_on + interval '24 months')::date)
        when s.rank = 3 and st.state = 'failed' then jsonb_build_object('attestResult', 'not_ok', 'assessedOn', p.attest_on)
        else '{}'::jsonb
      end
    from bench_plan p
    cross join (values ('interview'::vetting_step, 1), ('references', 2), ('criminal_record', 3), ('code_of_conduct', 0), ('training', 4)) as s (step, rank)
    cross join lateral (select (case
      when s.rank = 0 then case when p.coc_passed then 'passed' else 'pending' end
      when s.rank <= p.q then case when s.rank = 4 and p.training_waived then 'waived' else 'passed' end
      when s.rank = p.fail_at then 'failed'
      else 'pending' end)::check_state as state) as st
    where p.submitted_at is not null`;
  step("checks");

  // Two references each (the default policy's number), checked as far as the references step got.
  await sql`
    insert into volunteer_references (volunteer_id, position, name, relation, phone, email, outcome, note_encrypted, checked_by, checked_at)
    select p.id, r.position,
      (${sql.array(firstNames.map((name) => name[0]))}::text[])[1 + (p.h_a + r.position * 7) % ${firstNames.length}] || ' ' ||
        (${sql.array(lastNames.map((name) => name[0]))}::text[])[1 + (p.h_b + r.position * 11) % ${lastNames.length}],
      (${sql.array(relations)}::text[])[1 + (p.h_a + r.position) % ${relations.length}],
      '+45 ' || (20000000 + abs(hashint4extended(p.n, 10 + r.position) % 79999999))::text,
      case when r.position = 2 then 'reference' || p.n || '@example.dk' end,
      o.outcome,
      case when o.outcome is not null then (${sql.array(referencePool)}::text[])[1 + (p.h_b + r.position) % ${referencePool.length}] end,
      case when o.outcome is not null then coalesce(p.responsible, p.interviewer) end,
      case when o.outcome is not null then greatest(p.submitted_at,
        coalesce(c.done_at, p.submitted_at + (p.end_at - p.submitted_at) * 2 / 5) - (2 - r.position) * interval '1 day') end
    from bench_plan p
    cross join (values (1), (2)) as r (position)
    left join vetting_checks c on c.volunteer_id = p.id and c.step = 'references'
    cross join lateral (select (case
      when c.state = 'passed' then 'positive'
      when c.state = 'failed' then case when r.position = 1 then 'negative' else 'unreachable' end
      when c.state = 'pending' and p.q >= 1 and r.position = 1 and p.h_a % 2 = 0 then 'positive'
      end)::reference_outcome as outcome) as o`;
  step("references");

  await sql`
    insert into volunteer_messages (volunteer_id, author_id, body, created_at, read_at)
    select p.id, coalesce(p.responsible, p.interviewer), (${sql.array(messageBodies)}::text[])[1 + (p.h_a + k) % ${messageBodies.length}], m.at,
      case when k < p.messages then least(now(), m.at + interval '20 hours') end
    from bench_plan p
    cross join lateral generate_series(1, p.messages) as k
    cross join lateral (select p.submitted_at + (p.end_at - p.submitted_at) * k / (p.messages + 1) as at) as m
    where p.messages > 0`;
  step("messages");

  // The app's own recount, so passed/required/next step are exactly what production would show.
  const db = drizzle(sql, { schema }) as unknown as Database;
  await refreshChecklist(db, dsql`${schema.volunteers.submittedAt} is not null`);
  step("checklist");
  const [{ submitted }] = (await sql`select count(*)::int as submitted from bench_plan where status = 'submitted'`) as unknown as [{ submitted: number }];
  console.log(`volunteers: inserted ${total} with checks, references and messages in ${seconds(started)} (${steps.join(", ")})`);

  const historyEvents = await seedVolunteerHistory(sql);
  await sql`drop table bench_plan`;
  return { volunteers: total, submitted, historyEvents };
}

/**
 * The audit trail of the `rich` volunteers, as the app would have written it: the application, the vetting
 * steps, messages, decisions and a few views. Needs the plan table, so it runs inside `seedVolunteers`.
 */
async function seedVolunteerHistory(sql: postgres.Sql) {
  const started = performance.now();
  const inserted = await sql`
    insert into audit_events (occurred_at, actor_id, action, subject_type, subject_id, request_id, details)
    select e.at, e.actor, e.action, 'volunteer', e.volunteer_id::text, 'bench-history', e.details
    from (
      select v.created_at as at, p.user_id as actor, 'application.started' as action, jsonb_build_object('kind', p.kind) as details, p.id as volunteer_id
      from bench_plan p join volunteers v on v.id = p.id where p.rich
      union all
      select v.created_at + s.i * interval '7 minutes', p.user_id, 'application.step_saved', jsonb_build_object('step', s.step), p.id
      from bench_plan p join volunteers v on v.id = p.id
      cross join (values (1, 'kind'), (2, 'about'), (3, 'interests'), (4, 'availability'), (5, 'preferences'), (6, 'references'), (7, 'consents')) as s (i, step)
      where p.rich and (not p.from_draft or s.i <= 3)
      union all
      select p.submitted_at, p.user_id, 'application.submitted',
        jsonb_build_object('kind', p.kind, 'codeOfConductVersion', v.answers #>> '{consents,codeOfConductVersion}'), p.id
      from bench_plan p join volunteers v on v.id = p.id where p.rich and p.submitted_at is not null
      union all
      select least(p.end_at, p.submitted_at + interval '1 day'), p.decider, 'vetting.coordinator_assigned',
        jsonb_build_object('from', null, 'to', p.responsible), p.id
      from bench_plan p where p.rich and p.responsible is not null
      union all
      select c.done_at, c.done_by,
        case when c.state = 'waived' then 'vetting.check_waived' when c.step = 'interview' then 'vetting.interview_recorded'
             when c.step = 'criminal_record' then 'vetting.attest_recorded' else 'vetting.training_recorded' end,
        case when c.state = 'waived' then jsonb_build_object('step', c.step) when c.step = 'interview' then jsonb_build_object('outcome', c.state)
             when c.step = 'criminal_record' then c.details else jsonb_build_object('passed', true) end,
        p.id
      from bench_plan p join vetting_checks c on c.volunteer_id = p.id
      where p.rich and c.state <> 'pending' and c.step not in ('code_of_conduct', 'references')
      union all
      select r.checked_at, r.checked_by, 'vetting.reference_recorded',
        jsonb_build_object('position', r.position, 'outcome', r.outcome, 'step', case when r.position = 2 then c.state::text else 'pending' end), p.id
      from bench_plan p join volunteer_references r on r.volunteer_id = p.id
      join vetting_checks c on c.volunteer_id = p.id and c.step = 'references'
      where p.rich and r.outcome is not null
      union all
      select m.created_at, m.author_id, 'vetting.message_sent', '{}'::jsonb, p.id
      from bench_plan p join volunteer_messages m on m.volunteer_id = p.id where p.rich
      union all
      select p.decided_at, p.decider, 'vetting.approved', jsonb_build_object('from', 'submitted', 'approvedUntil', v.approved_until), p.id
      from bench_plan p join volunteers v on v.id = p.id where p.rich and p.status in ('approved', 'paused', 'expired')
      union all
      select p.decided_at + (now() - p.decided_at) / 2, p.decider, 'vetting.paused', '{}'::jsonb, p.id
      from bench_plan p where p.rich and p.status = 'paused'
      union all
      select ((v.approved_until + 1) + time '02:00') at time zone 'Europe/Copenhagen', null, 'vetting.expired', '{}'::jsonb, p.id
      from bench_plan p join volunteers v on v.id = p.id where p.rich and p.status = 'expired'
      union all
      select p.decided_at, p.decider, 'vetting.rejected', jsonb_build_object('from', 'submitted', 'reason', p.rejection_reason), p.id
      from bench_plan p where p.rich and p.status = 'rejected'
      union all
      select p.end_at, p.user_id, 'application.withdrawn', jsonb_build_object('from', case when p.from_draft then 'draft' else 'submitted' end), p.id
      from bench_plan p where p.rich and p.status = 'withdrawn'
      union all
      select p.submitted_at + (p.end_at - p.submitted_at) * k / 6, coalesce(p.responsible, p.interviewer), 'vetting.viewed', '{}'::jsonb, p.id
      from bench_plan p cross join lateral generate_series(1, 2 + p.h_b % 4) as k
      where p.rich and p.submitted_at is not null
    ) as e
    order by e.at`;
  console.log(`volunteer audit history: inserted ${inserted.count} events in ${seconds(started)}`);
  return inserted.count;
}

/** False when the seeded notes were encrypted with another key (say, .cache/bench was cleared). */
export async function notesReadable(sql: postgres.Sql, key: EncryptionKey) {
  const [row] = await sql<{ note: string }[]>`select note_encrypted as note from vetting_checks where note_encrypted is not null limit 1`;
  if (!row) return false;
  try {
    decryptText(key, row.note);
    return true;
  } catch {
    return false;
  }
}

/**
 * The volunteer whose page the bench opens: submitted, half-way through vetting (passed and pending checks),
 * with checked references, messages and a history. Every view adds an audit event for it, so each run takes
 * the candidate with the fewest events, and earlier runs' views do not pile up on one record.
 */
export async function volunteerForPage(sql: postgres.Sql): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    select v.id from volunteers v
    where v.status = 'submitted' and v.checks_passed between 2 and v.checks_required - 2
      and v.responsible_coordinator_id is not null
      and (select count(*) from volunteer_messages m where m.volunteer_id = v.id) >= 2
      and exists (select 1 from volunteer_references r where r.volunteer_id = v.id and r.outcome is not null)
      and exists (select 1 from audit_events a where a.subject_type = 'volunteer' and a.subject_id = v.id::text and a.action = 'vetting.interview_recorded')
    order by (select count(*) from audit_events a where a.subject_type = 'volunteer' and a.subject_id = v.id::text), v.id
    limit 1`;
  return row?.id ?? null;
}
