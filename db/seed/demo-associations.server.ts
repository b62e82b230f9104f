import { eq } from "drizzle-orm";
import { associationMembers, associations } from "#db/schema";
import { decideAssociation } from "~/modules/associations/review.server";
import type { AssociationDeps } from "~/modules/associations/registration.server";
import { audit } from "~/modules/audit/audit.server";
import { demoActor } from "./demo.server";

const demoAssociationEmail = "forening@demo.mentorbro.dk";

/**
 * Demo mode only: the demo association account (Fie Forening) is the contact person of Grindsted
 * Idrætsforening, registered and approved by the demo coordinator, so the association's pages, the
 * coordinators' list and the task pages have an association to work with. Its tasks still need approval.
 */
export async function ensureDemoAssociations(deps: AssociationDeps) {
  const { db } = deps;
  const fie = await demoActor(db, demoAssociationEmail);
  const [member] = await db.select({ id: associationMembers.associationId }).from(associationMembers).where(eq(associationMembers.userId, fie.id));
  if (member) return;
  const coordinator = await demoActor(db, "koordinator@demo.mentorbro.dk");

  // The account exists already, so the registration's own account step is skipped: the rows it makes are written here.
  const associationId = await db.transaction(async (tx) => {
    const [association] = await tx
      .insert(associations)
      .values({
        name: "Grindsted Idrætsforening",
        kind: "sports",
        town: "Grindsted",
        address: "Stadionvej 2, 7200 Grindsted",
        description:
          "Fodbold, håndbold og gymnastik for alle aldre. Vi har altid brug for en hånd til træning, kampdage og stævner – og der er plads til dem, der ikke har prøvet det før.",
        publishesDirectly: false,
        createdBy: fie.id,
      })
      .returning({ id: associations.id });
    await tx.insert(associationMembers).values({ associationId: association!.id, userId: fie.id });
    await audit(tx, { actorId: fie.id }, { action: "association.registered", subjectType: "association", subjectId: association!.id });
    return association!.id;
  });
  const approved = await decideAssociation(deps, coordinator, associationId, { decision: "approve", note: "Velkommen i Ungenetværket!" });
  if (!approved.ok) throw new Error(`demo association: ${approved.reason}`);
}
