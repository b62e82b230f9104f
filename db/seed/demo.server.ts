import fs from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courses, users, volunteers, type MentorKind, type Role } from "#db/schema";
import type { Env } from "~/env.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import { book } from "~/modules/courses/booking.server";
import { createCourse, createSession } from "~/modules/courses/manage.server";
import type { CourseInput } from "~/modules/courses/schemas";
import { addMonths, addDays, copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { submitApplication } from "~/modules/volunteers/application.server";
import { approve, recordAttest, recordInterview, recordReference, recordTraining, sendMessage } from "~/modules/volunteers/vetting.server";
import { createUser, randomPassword } from "../../tests/factories/users";
import { actorOf, createSubmittedVolunteer, fillApplication } from "../../tests/factories/volunteers";

const demoMentorEmail = "mentor@demo.mentorbro.dk";

const demoAccounts: { role: Role; name: string; email: string }[] = [
  { role: "admin", name: "Anne Administrator", email: "admin@demo.mentorbro.dk" },
  { role: "coordinator", name: "Karin Koordinator", email: "koordinator@demo.mentorbro.dk" },
  { role: "volunteer", name: "Frederik Frivillig", email: "frivillig@demo.mentorbro.dk" },
  { role: "association", name: "Fie Forening", email: "forening@demo.mentorbro.dk" },
  // An approved mentor with a young person (ensureDemoApplicants vets her): the mentor's side of a pairing.
  { role: "volunteer", name: "Maja Mentor", email: demoMentorEmail },
];

type Credentials = { role: Role; email: string; password: string }[];

/**
 * Demo mode only: on an empty database, creates one account per role with a fresh random password,
 * kept in the git-ignored data folder so every start can print them again.
 */
export async function ensureDemoData(db: Database, env: Env) {
  const file = path.resolve(env.DATA_DIR, "demo-accounts.json");
  const [existing] = await db.select({ value: count() }).from(users);
  let credentials: Credentials | null = null;
  if (Number(existing?.value ?? 0) === 0) {
    credentials = [];
    for (const account of demoAccounts) {
      const password = randomPassword();
      await createUser(db, { ...account, password });
      credentials.push({ role: account.role, email: account.email, password });
    }
    await fs.mkdir(env.DATA_DIR, { recursive: true });
    await fs.writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  } else {
    credentials = await fs
      .readFile(file, "utf8")
      .then((text) => JSON.parse(text) as Credentials)
      .catch(() => null);
  }
  if (credentials) printCredentials(credentials, env);
}

function printCredentials(credentials: Credentials, env: Env) {
  const lines = credentials.map((c) => `  ${c.role.padEnd(12)} ${c.email.padEnd(32)} ${c.password}`);
  console.log(
    [
      "",
      `Demo accounts (password / adgangskode) for ${env.APP_URL}:`,
      ...lines,
      "Emails land in the mailbox at /admin/mailbox (log in as admin).",
      "",
    ].join("\n"),
  );
}

/** A demo account as the actor of a module command. */
export async function demoActor(db: Database, email: string) {
  const [row] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`demo account ${email} is missing`);
  return actorOf(row);
}

type Stage = "new" | "interviewed" | "ready" | "approved";
const demoApplicants: { name: string; email: string; kind: MentorKind; town: string; stage: Stage }[] = [
  { name: "Mette Hansen", email: "mette.hansen@demo.mentorbro.dk", kind: "business", town: "Billund", stage: "new" },
  { name: "Jonas Kristensen", email: "jonas.kristensen@demo.mentorbro.dk", kind: "civil_society", town: "Grindsted", stage: "interviewed" },
  { name: "Lise Mortensen", email: "lise.mortensen@demo.mentorbro.dk", kind: "company", town: "Vorbasse", stage: "ready" },
  { name: "Henrik Poulsen", email: "henrik.poulsen@demo.mentorbro.dk", kind: "business", town: "Hejnsvig", stage: "approved" },
];

/**
 * Demo mode only: a few applicants at different points of the vetting, so the coordinators' pipeline and a
 * volunteer's page have something to show. The demo coordinator did the checks; the demo admin, a second
 * pair of eyes, approved the one mentor, whose certificate is up for renewal within the month. These people
 * cannot log in (nobody knows their passwords); the demo volunteer account is left to apply itself.
 */
export async function ensureDemoApplicants(deps: VolunteerDeps) {
  const { db } = deps;
  const [existing] = await db.select({ value: count() }).from(volunteers);
  if (Number(existing?.value ?? 0) > 0) return;
  const coordinator = await demoActor(db, "koordinator@demo.mentorbro.dk");
  const admin = await demoActor(db, "admin@demo.mentorbro.dk");
  const today = copenhagenToday();
  const notes = {
    motivation: "Vil gerne give sin erfaring videre; realistiske forventninger til rollen.",
    boundaries: "Kender tavshedspligten og ved, hvornår koordinatoren skal inddrages.",
    availability: "En aften om ugen og enkelte weekender.",
    concerns: "Ingen.",
  };

  const vet = async (volunteerId: string, stage: Exclude<Stage, "new">, attestOn?: string) => {
    await recordInterview(deps, coordinator, volunteerId, { outcome: "passed", notes });
    await recordReference(deps, coordinator, volunteerId, { position: 1, outcome: "positive", note: "Meget positiv; kender personen fra arbejdet." });
    if (stage === "interviewed") {
      await sendMessage(deps, coordinator, volunteerId, { body: "Tak for en god samtale. Vi mangler at tale med din anden reference og vender tilbage." });
      return;
    }
    await recordReference(deps, coordinator, volunteerId, { position: 2, outcome: "positive" });
    const assessedOn = attestOn ?? (stage === "approved" ? addDays(addMonths(today, -24), 20) : today);
    await recordAttest(deps, coordinator, volunteerId, { result: "ok", assessedOn });
    await recordTraining(deps, coordinator, volunteerId, { passed: true, note: "Deltog i introkurset." });
    if (stage === "approved") await approve(deps, admin, volunteerId);
  };

  for (const applicant of demoApplicants) {
    const availability = { town: applicant.town, slots: ["tue:evening", "thu:evening", "weekend:daytime"], afterHoursReachable: applicant.stage !== "new" };
    const { volunteerId } = await createSubmittedVolunteer(deps, {
      kind: applicant.kind,
      user: { name: applicant.name, email: applicant.email, password: randomPassword() },
      overrides: { availability },
    });
    if (applicant.stage !== "new") await vet(volunteerId, applicant.stage);
  }

  // The demo mentor applies through the same commands and is approved, with room for two young people.
  const mentor = await demoActor(db, demoMentorEmail);
  await fillApplication(db, mentor, {
    kind: "civil_society",
    overrides: {
      about: { motivation: "Jeg har selv haft svært ved at finde vej efter folkeskolen og vil gerne være den voksne, jeg manglede.", experience: "Pædagogmedhjælper i ti år; spejderleder.", occupation: "Pensionist" },
      interests: { interests: ["sport", "music", "outdoor"], languages: ["da", "en"] },
      availability: { town: "Grindsted", slots: ["tue:evening", "thu:evening", "weekend:daytime"], afterHoursReachable: true },
      preferences: { capacity: 2, ageMin: 15, ageMax: 25, genderPreference: "any", ownGender: "female" },
    },
  });
  const submitted = await submitApplication(deps, mentor);
  if (!submitted.ok) throw new Error(`demo mentor: ${JSON.stringify(submitted)}`);
  const [record] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, mentor.id));
  await vet(record!.id, "approved", addMonths(today, -2));
}

type DemoSession = { inDays: number; from: string; to: string; town?: string; address?: string; capacity: number };
const demoCourses: (CourseInput & { sessions: DemoSession[] })[] = [
  {
    title: "Introduktion til mentorrollen",
    description:
      "En aften om at være frivillig mentor: hvad rollen er og ikke er, tavshedspligt og grænser, de unges hverdag, og hvornår du skal kontakte din koordinator. Kurset skal være taget, før du kan få en ung.",
    kind: "introduction",
    trainingMinutes: 180,
    requiredBeforeMatching: true,
    sessions: [
      { inDays: 10, from: "17:00", to: "20:00", town: "Billund", address: "Billund Rådhus, Jorden Rundt 1, 7190 Billund", capacity: 20 },
      { inDays: 24, from: "17:00", to: "20:00", town: "Grindsted", address: "Grindsted Bibliotek, Torvet 4, 7200 Grindsted", capacity: 2 },
    ],
  },
  {
    title: "Jobcentrets mentorkursus",
    description: "To halve dage med jobcentrets mentorkonsulenter om uddannelse, job og de ordninger, de unge møder.",
    kind: "jobcenter",
    audience: ["business", "company"],
    trainingMinutes: 420,
    sessions: [{ inDays: 17, from: "09:00", to: "16:00", town: "Grindsted", address: "Jobcenter Billund, Hedegade 4, 7200 Grindsted", capacity: 16 }],
  },
  {
    title: "Netværksmøde for virksomhedsmentorer",
    description: "Virksomhedsmentorer og kontaktpersoner mødes, deler erfaringer og hører om nye forløb. Åbent for alle virksomheder i netværket.",
    kind: "network_meeting",
    audience: ["company"],
    openToAll: true,
    trainingMinutes: 120,
    sessions: [{ inDays: 31, from: "08:00", to: "10:00", town: "Vorbasse", address: "Vorbasse Forsamlingshus, Søndergade 2, 6623 Vorbasse", capacity: 40 }],
  },
];

/**
 * Demo mode only: a few courses with sessions in the coming weeks, booked by demo applicants, so the catalogue,
 * a session's participant list and "My courses" have something to show. One small session is full.
 */
export async function ensureDemoCourses(deps: VolunteerDeps) {
  const { db } = deps;
  const [existing] = await db.select({ value: count() }).from(courses);
  if (Number(existing?.value ?? 0) > 0) return;
  const coordinator = await demoActor(db, "koordinator@demo.mentorbro.dk");
  const today = copenhagenToday();
  const sessionIds: string[] = [];
  for (const { sessions, ...course } of demoCourses) {
    const created = await createCourse(db, coordinator, course);
    if (!created.ok) throw new Error(`demo course: ${created.reason}`);
    for (const session of sessions) {
      const day = addDays(today, session.inDays);
      const made = await createSession(db, coordinator, created.courseId, {
        startsAt: copenhagenDateTime(day, session.from),
        endsAt: copenhagenDateTime(day, session.to),
        town: session.town,
        address: session.address,
        capacity: session.capacity,
      });
      if (!made.ok) throw new Error(`demo session: ${made.reason}`);
      sessionIds.push(made.sessionId);
    }
  }
  // Mette and Jonas take the introduction in Grindsted; it has two seats, so Henrik waits in line.
  for (const email of ["mette.hansen@demo.mentorbro.dk", "jonas.kristensen@demo.mentorbro.dk", "henrik.poulsen@demo.mentorbro.dk"]) {
    await book(deps, await demoActor(db, email), sessionIds[1]!);
  }
}
