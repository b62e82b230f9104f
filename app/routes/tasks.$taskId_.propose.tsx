import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors } from "~/components/course-admin/fields";
import { ChosenYouth, MentorYouthPicker, NoActivePairing, ProposalFields, TaskSummary, YouthSearch } from "~/components/participation/ProposeForms";
import { Alert, BackLink, ErrorSummary } from "~/components/ui";
import { VettingForm, type FailedForm } from "~/components/vetting/forms";
import { addModuleIssues, errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { proposeParticipation } from "~/modules/associations/participation.server";
import { getProposableTask, getYouthToPropose, listMentorYouthsToPropose, proposableYouthStatuses } from "~/modules/associations/proposing.server";
import { participationProposalInput } from "~/modules/associations/schemas";
import { forbidden, requireUser, type RequestArgs } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { ageOf } from "~/modules/youths/age";
import { listYouths } from "~/modules/youths/records.server";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "participation.propose.pageTitle", { task: data.task.title }) : pageTitle(matches, "errors.notFound.title");

/** How many youths a search shows: the coordinator narrows the name rather than pages through a list. */
const searchSize = 25;

/**
 * Who proposes: a coordinator proposes any youth whose course is open, a mentor the youth of their own active
 * pairing. A volunteer who is not a mentor, and an association, have no business here.
 */
async function proposer(args: RequestArgs) {
  const user = await requireUser(args);
  if (can(user.role, "create:participation:any")) return { user, mentorYouths: null };
  if (!can(user.role, "update:pairing:own")) forbidden();
  const mentorYouths = await listMentorYouthsToPropose(args.context.db, actorOf(args, user));
  if (!mentorYouths) forbidden();
  return { user, mentorYouths };
}

async function taskOf(args: RequestArgs & { params: LoaderFunctionArgs["params"] }) {
  const task = await getProposableTask(args.context.db, args.params.taskId ?? "");
  if (!task) throw refusal("not_found");
  return task;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, mentorYouths } = await proposer(args);
  const task = await taskOf(args);
  const me = { name: user.name, email: user.email };
  if (mentorYouths) return { task, me, mentor: { youths: mentorYouths }, coordinator: null };
  return { task, me, mentor: null, coordinator: await coordinatorView(args, user, task) };
}

/** The coordinator's step: the search and its results, or the youth picked from them. */
async function coordinatorView(args: LoaderFunctionArgs, user: SessionUser, task: Awaited<ReturnType<typeof taskOf>>) {
  const actor = actorOf(args, user);
  const url = new URL(args.request.url);
  const picked = url.searchParams.get("youth");
  if (picked) {
    // Read and audited (`youth.viewed`) inside the module.
    const youth = await getYouthToPropose(args.context.db, actor, picked, task.id);
    if (!youth) throw refusal("not_found");
    return { youth, search: null };
  }
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  if (!q) return { youth: null, search: null };
  // The search and its terms are audited inside the module (`youth.searched`).
  const found = await listYouths(args.context.db, actor, { q, sort: "name", dir: "asc", size: searchSize });
  if (!found) forbidden();
  const now = new Date();
  const rows = found.rows.map((row) => {
    const age = ageOf(row.birthYear, now);
    const open = (proposableYouthStatuses as readonly string[]).includes(row.status);
    return { id: row.id, name: `${row.firstName} ${row.lastName}`, age, status: row.status, blocked: !open ? ("closed" as const) : age < task.minimumAge ? ("tooYoung" as const) : null };
  });
  return { youth: null, search: { q, rows, more: found.total > rows.length } };
}

export type ProposeLoaderData = Awaited<ReturnType<typeof loader>>;

/**
 * The posted proposal. The note and the contact arrangement are the module's input, checked by its schema here
 * too so the messages land on their fields; the youth is the one picked on the page.
 */
const proposalForm = z
  .object({ youthId: z.string().default(""), note: z.string().default(""), contactArrangement: z.string().default("") })
  .superRefine((form, ctx) => {
    if (!z.string().uuid().safeParse(form.youthId).success) ctx.addIssue({ code: "custom", path: ["youthId"], message: "participation.errors.youth" });
    const parsed = participationProposalInput.safeParse(form);
    if (!parsed.success) {
      addModuleIssues(ctx, parsed.error.issues, (path) => String(path[0]), {
        required: { note: "participation.errors.note", contactArrangement: "participation.errors.contactArrangement" },
        invalid: { note: "participation.errors.noteTooLong", contactArrangement: "participation.errors.contactArrangementTooLong" },
      });
    }
  });

/** The page's fields in page order, for the error summary. */
export const proposalFields = ["youthId", "note", "contactArrangement"] as const;

export type ProposeActionResult = { failed: FailedForm | null; problem: MessageKey | null };

const refusals = ["task_closed", "task_full", "youth_closed", "too_young", "already_proposed"] as const;

export async function action(args: ActionFunctionArgs) {
  const { user, mentorYouths } = await proposer(args);
  const task = await taskOf(args);
  const form = validateForm(await args.request.formData(), proposalForm);
  if (!form.ok) return data<ProposeActionResult>({ failed: { key: "proposal", errors: form.errors, values: form.values }, problem: null }, { status: 400 });
  const { youthId, note, contactArrangement } = form.data;
  // A mentor picks among their own pairings' youths; any other youth does not exist for them.
  const pairing = mentorYouths ? mentorYouths.find((own) => own.youthId === youthId) : null;
  if (mentorYouths && !pairing) throw refusal("not_found");

  const result = await proposeParticipation(youthDeps(args), actorOf(args, user), task.id, youthId, { note, contactArrangement });
  if (!result.ok) {
    const known = refusals.find((reason) => reason === result.reason);
    if (!known) throw refusal(result.reason);
    return data<ProposeActionResult>({ failed: null, problem: `participation.problems.${known}` }, { status: 409 });
  }
  const back = pairing ? `/pairings/${pairing.pairingId}#tasks` : `/coordinator/youths/${youthId}#tasks`;
  return redirectWithToast(back, { key: "participation.toasts.proposed", variant: "success" });
}

export default function ProposeForTask() {
  const t = useT();
  const { task, me, mentor, coordinator } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.failed ?? null;
  const here = `/tasks/${task.id}/propose`;
  const chosen = coordinator?.youth ?? null;
  // A youth the module would refuse is said at once, before a note is written for nothing.
  const blocked = !chosen ? null : chosen.status === "closed" ? "youth_closed" : chosen.age < task.minimumAge ? "too_young" : null;
  const canPropose = (chosen !== null && !blocked) || (mentor !== null && mentor.youths.length > 0);
  const contactArrangement = mentor ? t("participation.propose.viaMentor", { name: me.name }) : t("participation.propose.viaCoordinator", { name: me.name, email: me.email });

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <BackLink to={`/tasks/${task.id}`}>{t("participation.propose.back")}</BackLink>
        <h1>{t("participation.propose.heading", { task: task.title })}</h1>
        <ErrorSummary errors={errorList(failedFieldErrors(failed), proposalFields.map((field) => `proposal-${field}`), t)} />
        {result?.problem ? (
          <Alert variant="error" focus>
            <p>{t(result.problem)}</p>
          </Alert>
        ) : null}
        <TaskSummary task={task} />

        {coordinator && !chosen ? <YouthSearch action={here} search={coordinator.search} /> : null}
        {mentor && mentor.youths.length === 0 ? <NoActivePairing /> : null}
        {blocked ? (
          <Alert variant="warning" className="mt-8">
            <p className="mt-0">{t(`participation.problems.${blocked}`)}</p>
            <Link to={here}>{t("participation.propose.chosen.other")}</Link>
          </Alert>
        ) : null}

        {canPropose ? (
          <section aria-labelledby="proposal" className="mt-8">
            <h2 id="proposal">{t("participation.propose.chosen.heading")}</h2>
            <p>{t("participation.propose.whatTheySee")}</p>
            <VettingForm
              intent="propose"
              fields={chosen ? { youthId: chosen.id } : {}}
              submitLabel={t("participation.propose.submit")}
            >
              {chosen ? <ChosenYouth youth={chosen} changeTo={here} /> : null}
              {mentor ? <MentorYouthPicker youths={mentor.youths} failed={failed} /> : null}
              <ProposalFields failed={failed} contactArrangement={contactArrangement} />
            </VettingForm>
          </section>
        ) : null}
      </div>
    </div>
  );
}
