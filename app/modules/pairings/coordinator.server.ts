import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import { pairings, users, volunteers } from "#db/schema";
import { can } from "~/modules/auth/permissions";
import { isUuid } from "~/modules/volunteers/context.server";
import type { Actor } from "./types";

const mentor = alias(users, "mentor");
const proposer = alias(users, "proposer");

/**
 * A youth's latest proposal or pairing as the coordinator follows it: the mentor's name and kind, the
 * proposal as it was made (note, score, reasons), the mentor's answer and the agreement. A youth has at most
 * one open proposal or pairing, and a new one can only be made once it has ended, so the latest is the open
 * one whenever there is one. Null without the permission, or when the youth has never had a proposal.
 *
 * Not audited on its own: it is read with the youth's record (`youth.viewed`) or the mentor suggestions
 * (`youth.suggestions_viewed`), which are.
 */
export async function getLatestPairing(db: Database, actor: Actor, youthId: string) {
  if (!can(actor.role, "read:youth:any") || !isUuid(youthId)) return null;
  const [row] = await db
    .select({ pairing: pairings, mentorName: mentor.name, mentorKind: volunteers.kind, proposedByName: proposer.name })
    .from(pairings)
    .innerJoin(volunteers, eq(volunteers.id, pairings.volunteerId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorUserId))
    .leftJoin(proposer, eq(proposer.id, pairings.proposedBy))
    .where(eq(pairings.youthId, youthId))
    .orderBy(desc(pairings.createdAt), desc(pairings.proposedAt))
    .limit(1);
  if (!row) return null;
  // The coordinator's exit note stays encrypted and out of this read: it belongs to closing a pairing.
  const { coordinatorExitNoteEncrypted: _exitNote, ...pairing } = row.pairing;
  return { ...pairing, mentorName: row.mentorName, mentorKind: row.mentorKind, proposedByName: row.proposedByName };
}

export type CoordinatorPairing = NonNullable<Awaited<ReturnType<typeof getLatestPairing>>>;
