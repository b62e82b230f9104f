import { count, eq } from "drizzle-orm";
import { pairings, volunteers, youths } from "#db/schema";
import { closePairing, logContact, recordCheckIn, type FollowUpDeps } from "~/modules/pairings/follow-up.server";
import { answerProposal, confirmAgreement, propose, setAgreement } from "~/modules/pairings/pairings.server";
import { addDays, copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { createYouth, markReady } from "~/modules/youths/records.server";
import type { YouthInput } from "~/modules/youths/schemas";
import type { Actor } from "~/modules/pairings/types";
import { demoActor } from "./demo.server";
import { expectOk } from "../../tests/factories/results";

const DAY = 86_400_000;

const intake = (youth: Partial<YouthInput> & Pick<YouthInput, "firstName" | "lastName" | "birthYear" | "town">): YouthInput => ({
  gender: "unspecified",
  referralSource: "job_centre",
  consentDate: "2026-09-01",
  consentScope: "Samtykke til, at Ungeafdelingen registrerer oplysningerne og deler resuméet med en mentor.",
  interests: [],
  goals: [],
  languages: ["da"],
  availability: [],
  afterHoursSupport: false,
  preferredMentorGender: "any",
  preferredMentorKind: null,
  sharedSummary: "",
  sensitiveNotes: { diagnoses: "", substanceUse: "", other: "" },
  ...youth,
});

/**
 * Demo mode only: young people at each point of their course, so the youth list, the suggestions, a pairing's
 * follow-up, the start page's alerts and the report have something to show. Sara waits for a mentor; Ahmad
 * is in intake; Emil has had Maja (the demo mentor) for six weeks, with contacts, one evening, and a check-in
 * that is now late; Nanna's pairing with Henrik ended when she started on EUD. Made through the module
 * commands on a moved clock, so the records, the audit trail and the emails are what the portal would make.
 */
export async function ensureDemoYouths(deps: FollowUpDeps) {
  const { db } = deps;
  const [existing] = await db.select({ value: count() }).from(youths);
  if (Number(existing?.value ?? 0) > 0) return;
  const coordinator = await demoActor(db, "koordinator@demo.mentorbro.dk");
  const maja = await demoActor(db, "mentor@demo.mentorbro.dk");
  const henrik = await demoActor(db, "henrik.poulsen@demo.mentorbro.dk");
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const responsible = { responsibleCoordinatorId: coordinator.id };

  const create = async (youth: YouthInput, readyDaysAgo?: number) => {
    const created = await createYouth(deps, coordinator, youth);
    expectOk(created, "youth");
    if (readyDaysAgo !== undefined) expectOk(await markReady(deps, coordinator, created.youthId, { now: ago(readyDaysAgo) }), "ready");
    return created.youthId;
  };

  await create(
    intake({
      ...responsible,
      firstName: "Sara",
      lastName: "Nielsen",
      birthYear: 2007,
      gender: "female",
      town: "Grindsted",
      interests: ["sport", "music"],
      goals: ["job", "everyday_life"],
      goalsOwnWords: "Vil gerne i praktik i en butik og komme op om morgenen.",
      availability: ["tue:evening", "thu:evening"],
      afterHoursSupport: true,
      sharedSummary: "Sara er 19 og vil gerne i praktik i en butik. Hun har brug for en voksen at ringe til, når hun bliver nervøs aftenen før.",
      sensitiveNotes: { diagnoses: "ADHD (oplyst af Sara)", substanceUse: "", other: "" },
    }),
    12,
  );
  await create(intake({ ...responsible, firstName: "Ahmad", lastName: "Rahimi", birthYear: 2005, gender: "male", town: "Billund", goals: ["social", "job"], languages: ["da", "fa"], referralSource: "youth_unit" }));

  // Emil and Maja: started six weeks ago; the first check-in was held, the second is late.
  const emil = await create(
    intake({
      ...responsible,
      firstName: "Emil",
      lastName: "Sørensen",
      birthYear: 2006,
      gender: "male",
      town: "Grindsted",
      interests: ["outdoor", "sport"],
      goals: ["education"],
      availability: ["tue:evening", "weekend:daytime"],
      afterHoursSupport: true,
      sharedSummary: "Emil er 20 og overvejer at starte på en EUD. Han vil gerne have hjælp til at få styr på ansøgningen.",
    }),
    50,
  );
  const [majaVolunteer] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, maja.id));
  const emilPairing = await startPairing(deps, coordinator, maja, emil, majaVolunteer!.id, ago(45));
  const logged = [
    { daysAgo: 40, time: "18:00", minutes: 60, channel: "meeting", note: "Første møde på biblioteket." },
    { daysAgo: 33, time: "21:30", minutes: 15, channel: "phone", note: "Nervøs for samtalen i morgen; vi gennemgik, hvad han vil sige." },
    { daysAgo: 26, time: "10:00", minutes: 90, channel: "meeting", note: "Besøgte erhvervsskolen sammen." },
    { daysAgo: 9, time: "19:15", minutes: 20, channel: "message", note: "" },
  ] as const;
  for (const contact of logged) {
    const occurredAt = copenhagenDateTime(copenhagenToday(ago(contact.daysAgo)), contact.time);
    expectOk(await logContact(deps, maja, emilPairing, { occurredAt, durationMinutes: contact.minutes, channel: contact.channel, note: contact.note }, { now: occurredAt }), "contact");
  }
  expectOk(
    await recordCheckIn(
      deps,
      coordinator,
      emilPairing,
      {
        heldOn: addDays(copenhagenToday(ago(45)), 14),
        spokeWith: "both",
        mood: "well",
        progress: "Emil har besøgt erhvervsskolen og vil søge ind på tømrer.",
        safetyConcern: false,
        nextStep: "Maja hjælper med ansøgningen inden fristen.",
        goodFit: "yes",
      },
      { now: ago(30) },
    ),
    "check-in",
  );

  // Nanna and Henrik: a planned ending three weeks ago, when she started on EUD.
  const nanna = await create(
    intake({ ...responsible, firstName: "Nanna", lastName: "Jakobsen", birthYear: 2004, gender: "female", town: "Hejnsvig", goals: ["education"], sharedSummary: "Nanna vil gerne i gang med en uddannelse." }),
    200,
  );
  const [henrikVolunteer] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, henrik.id));
  const nannaPairing = await startPairing(deps, coordinator, henrik, nanna, henrikVolunteer!.id, ago(180));
  const call = copenhagenDateTime(copenhagenToday(ago(60)), "17:45");
  expectOk(await logContact(deps, henrik, nannaPairing, { occurredAt: call, durationMinutes: 45, channel: "phone" }, { now: call }), "contact");
  expectOk(
    await closePairing(deps, coordinator, nannaPairing, { kind: "planned", reason: "goal_reached", exitNote: "Nanna er startet på EUD og har det godt.", rematch: false, outcome: "education_eud" }, { now: ago(21) }),
    "close",
  );
}

/** Proposal, yes, agreement and confirmation through the commands, then dated back to `startedAt`. */
async function startPairing(deps: FollowUpDeps, coordinator: Actor, mentor: Actor, youthId: string, volunteerId: string, startedAt: Date) {
  const proposal = await propose(deps, coordinator, youthId, volunteerId, { note: "I deler interesser og bor tæt på hinanden." });
  expectOk(proposal, "proposal");
  expectOk(await answerProposal(deps, mentor, proposal.pairingId, { accept: true }), "accept");
  expectOk(
    await setAgreement(deps, coordinator, proposal.pairingId, {
      kickoffAt: new Date(startedAt.getTime() - 2 * DAY),
      meetingFrequency: "Hver uge, gerne tirsdag aften",
      durationMonths: 6,
      contactArrangement: "SMS og telefon; møder på biblioteket eller en gåtur.",
      afterHoursArrangement: "Må ringe eller skrive til kl. 21 på hverdage.",
    }),
    "agreement",
  );
  expectOk(await confirmAgreement(deps, mentor, proposal.pairingId), "confirm");
  await deps.db
    .update(pairings)
    .set({ proposedAt: new Date(startedAt.getTime() - 5 * DAY), respondedAt: new Date(startedAt.getTime() - 4 * DAY), agreementSetAt: new Date(startedAt.getTime() - 3 * DAY), agreementConfirmedAt: startedAt, startedAt })
    .where(eq(pairings.id, proposal.pairingId));
  return proposal.pairingId;
}
