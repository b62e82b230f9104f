import { associationMembers, associations, associationTasks, type AssociationTask } from "#db/schema";
import type { Database } from "#db/client.server";
import { addDays, copenhagenToday } from "~/modules/volunteers/dates";
import { createUser } from "./users";
import { actorOf } from "./volunteers";

/**
 * An association with one contact person, written straight to the tables: the registration and review commands
 * have tests of their own, and these factories serve the tests of what comes after.
 */
export async function createAssociation(db: Database, spec: { status?: "pending" | "approved" | "rejected" | "suspended"; name?: string; publishesDirectly?: boolean } = {}) {
  const user = await createUser(db, { role: "association" });
  const [association] = await db
    .insert(associations)
    .values({
      name: spec.name ?? "Grindsted Idrætsforening",
      kind: "sports",
      town: "Grindsted",
      address: "Stadionvej 2, 7200 Grindsted",
      description: "Fodbold, håndbold og gymnastik for alle aldre.",
      status: spec.status ?? "approved",
      publishesDirectly: spec.publishesDirectly ?? false,
      createdBy: user.id,
    })
    .returning();
  await db.insert(associationMembers).values({ associationId: association!.id, userId: user.id });
  return { associationId: association!.id, user, actor: actorOf(user) };
}

/** An open task of the association, published today, expiring in two months. */
export async function createOpenTask(db: Database, associationId: string, overrides: Partial<typeof associationTasks.$inferInsert> = {}): Promise<AssociationTask> {
  const [task] = await db
    .insert(associationTasks)
    .values({
      associationId,
      title: "Hjælp til ungdomsholdets træning",
      description: "Vær med, når U13 træner: sæt kegler op, hjælp trænerne og hold styr på boldene.",
      category: "sport",
      town: "Grindsted",
      address: "Stadionvej 2, 7200 Grindsted",
      schedule: "recurring",
      recurrence: "tirsdage kl. 17–19",
      evening: true,
      places: 3,
      minutesPerOccasion: 120,
      minimumAge: 15,
      contactName: "Bent Træner",
      contactPhone: "+45 20 30 40 50",
      expiresOn: addDays(copenhagenToday(), 60),
      tags: ["no_experience", "evenings"],
      status: "open",
      publishedAt: new Date(),
      ...overrides,
    })
    .returning();
  return task!;
}
