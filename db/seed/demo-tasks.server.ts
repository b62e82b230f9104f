import { count, eq } from "drizzle-orm";
import { associationTasks, youths } from "#db/schema";
import type { TaskInput } from "~/modules/associations/schemas";
import { answerParticipation, proposeParticipation } from "~/modules/associations/participation.server";
import { memberAssociation } from "~/modules/associations/registration.server";
import { approveTask, createTask, submitTask, type TaskDeps } from "~/modules/associations/tasks.server";
import { addDays, copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { demoActor } from "./demo.server";
import { expectOk } from "../../tests/factories/results";

type Stage = "draft" | "awaiting_approval" | "open";

/**
 * Demo mode only: tasks of the demo association (Grindsted Idrætsforening, made by `ensureDemoAssociations`),
 * so the public list, a task's page, the association's own list and the coordinators' approval have something
 * to show: three open ones (one with children under 15, one a single Saturday, one whenever suits), one
 * waiting for a coordinator and one draft. Made through the module's commands, so the audit trail and the
 * emails are what the portal would make. Does nothing until the association exists, or once it has tasks.
 */
export async function ensureDemoTasks(deps: TaskDeps) {
  const { db } = deps;
  const fie = await demoActor(db, "forening@demo.mentorbro.dk");
  const association = await memberAssociation(db, fie);
  if (!association) return;
  const [existing] = await db.select({ value: count() }).from(associationTasks).where(eq(associationTasks.associationId, association.id));
  if (Number(existing?.value ?? 0) > 0) return;
  const coordinator = await demoActor(db, "koordinator@demo.mentorbro.dk");
  const today = copenhagenToday();
  // A Saturday one to two weeks ahead (getUTCDay: 0 is Sunday, 6 Saturday).
  const saturday = addDays(today, ((6 - new Date(`${today}T12:00:00Z`).getUTCDay() + 7) % 7) + 7);

  const common = {
    town: "Grindsted",
    address: "Stadionvej 2, 7200 Grindsted",
    contactName: "Bent Sørensen, ungdomstræner",
    contactPhone: "+45 20 30 40 50",
    contactEmail: "ungdom@grindsted-if.demo.mentorbro.dk",
    expiresOn: addDays(today, 75),
  };
  const tasks: { stage: Stage; input: TaskInput }[] = [
    {
      stage: "open",
      input: {
        ...common,
        title: "Hjælp til ungdomsholdets træning tirsdag aften",
        description:
          "Vær med, når vores U12-hold træner fodbold. Du hjælper trænerne med at sætte øvelser op, holder styr på bolde og veste og giver en hånd, hvor der er brug for det. Du behøver ikke at kunne spille fodbold selv – det vigtigste er, at du møder op og er god til at opmuntre.\n\nTag gerne sportstøj og indendørssko med, hvis vi er i hallen.",
        category: "sport",
        schedule: "recurring",
        recurrence: "Tirsdage kl. 17–19",
        evening: true,
        places: 3,
        minutesPerOccasion: 120,
        minimumAge: 15,
        tags: ["no_experience", "bring_someone", "evenings"],
        involvesChildren: true,
      },
    },
    {
      stage: "open",
      input: {
        ...common,
        title: "Genbrugsboden søger en hjælper lørdag formiddag",
        description:
          "Klubben sælger brugt sportstøj og udstyr fra en bod på torvet, og overskuddet går til ungdomsholdene. Du hjælper med at stille boden op, sortere tøj og tale med kunderne. Der er altid en fra klubben med, og vi slutter af med rundstykker.",
        category: "shop",
        address: "Torvet, 7200 Grindsted",
        schedule: "one_off",
        startsAt: copenhagenDateTime(saturday, "09:30"),
        endsAt: copenhagenDateTime(saturday, "12:30"),
        places: 2,
        minutesPerOccasion: 180,
        minimumAge: 14,
        tags: ["no_experience", "bring_someone", "weekends", "short"],
      },
    },
    {
      stage: "open",
      input: {
        ...common,
        title: "Naturpleje langs klubbens løbespor i Grindsted Å-dal",
        description:
          "Vores løbespor går langs Grindsted Å. Sporet skal holdes fri for grene, og skiltene skal tjekkes. Du kan gøre det i dit eget tempo, når det passer dig – alene eller sammen med din mentor. Vi låner dig en havesaks og handsker.",
        category: "nature",
        address: "Løbesporet ved Grindsted Å, P-pladsen ved Vestergade",
        schedule: "flexible",
        daytime: true,
        places: 4,
        minutesPerOccasion: 90,
        minimumAge: 13,
        tags: ["outdoor", "quiet", "bring_someone"],
      },
    },
    {
      stage: "awaiting_approval",
      input: {
        ...common,
        title: "Kioskhjælper til håndboldstævne i hallen",
        description:
          "Til vores årlige håndboldstævne har vi brug for hjælp i kiosken: sælge kaffe, kage og sodavand, fylde op og holde orden. Du står sammen med en af klubbens frivillige hele tiden.",
        category: "practical",
        address: "Grindsted Hallen, Stadionvej 2, 7200 Grindsted",
        schedule: "one_off",
        startsAt: copenhagenDateTime(addDays(saturday, 14), "10:00"),
        endsAt: copenhagenDateTime(addDays(saturday, 14), "14:00"),
        places: 2,
        minutesPerOccasion: 240,
        minimumAge: 15,
        tags: ["weekends", "no_experience"],
      },
    },
    {
      stage: "draft",
      input: {
        ...common,
        title: "Banemaling og opsætning af mål før sæsonstart",
        description: "Inden udendørssæsonen starter, skal banerne kridtes op og målene sættes på plads. Vi mangler stadig at finde en dato.",
        category: "practical",
        schedule: "flexible",
        daytime: true,
        places: 3,
        minutesPerOccasion: 180,
        minimumAge: 15,
        tags: ["outdoor"],
      },
    },
  ];

  const ids: string[] = [];
  for (const { stage, input } of tasks) {
    const created = await createTask(db, fie, input);
    expectOk(created, "task");
    ids.push(created.taskId);
    if (stage === "draft") continue;
    expectOk(await submitTask(db, fie, created.taskId), "task submitted");
    if (stage === "open") expectOk(await approveTask(deps, coordinator, created.taskId), "task approved");
  }

  // Young people in them: Maja proposed Emil for the nature work and the club said yes; Ahmad's proposal for the
  // Saturday shop waits for an answer. Sara is left free to be proposed.
  const youthId = async (firstName: string) => (await db.select({ id: youths.id }).from(youths).where(eq(youths.firstName, firstName)))[0]?.id;
  const [emil, ahmad] = [await youthId("Emil"), await youthId("Ahmad")];
  const maja = await demoActor(db, "mentor@demo.mentorbro.dk");
  if (emil) {
    const proposed = await proposeParticipation(deps, maja, ids[2]!, emil, {
      note: "Emil er glad for at være ude og vil gerne prøve noget praktisk sammen med andre.",
      contactArrangement: "Kontakt går gennem mig, hans mentor Maja.",
    });
    expectOk(proposed, "participation");
    expectOk(await answerParticipation(deps, fie, proposed.participationId, { accept: true }), "participation accepted");
  }
  if (ahmad) {
    const proposed = await proposeParticipation(deps, coordinator, ids[1]!, ahmad, {
      note: "Ahmad vil gerne have erfaring fra en butik og er god til at tale med folk.",
      contactArrangement: "Kontakt går gennem koordinator Karin Koordinator i Ungeafdelingen.",
    });
    expectOk(proposed, "participation");
  }
}
