import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors } from "~/components/course-admin/fields";
import { CloseTaskSection } from "~/components/tasks/CloseTaskSection";
import { TaskDetails } from "~/components/tasks/TaskDetails";
import { TaskForm, taskFieldIds, taskFormKey, type TaskFormButton } from "~/components/tasks/TaskForm";
import { TaskStatusBadge } from "~/components/tasks/task-text";
import { Alert, BackLink, ErrorSummary } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { taskForm, taskFormLists, taskFormValues } from "~/forms/task";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { closeTask, getOwnTask, submitTask, updateTask } from "~/modules/associations/tasks.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "tasks.page.pageTitle", { title: data.task.title }) : pageTitle(matches, "errors.notFound.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:own");
  const found = await getOwnTask(args.context.db, actorOf(args, user), args.params.taskId ?? "");
  if (!found) throw refusal("not_found");
  const { association, task, returned } = found;
  return { association, task, returned, values: taskFormValues(task) };
}

const change = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save") }),
  z.object({ intent: z.literal("submit") }),
  // "yes" once the person has confirmed; the first submit without JavaScript only asks.
  z.object({ intent: z.literal("close"), confirmed: z.string().optional() }),
]);

type ActionData = { form: FailedForm | null; confirm: "close" | null };

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:association:own");
  const taskId = args.params.taskId ?? "";
  const here = `/association/tasks/${taskId}`;
  const formData = await args.request.formData();
  const parsed = change.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw refusal("invalid");
  const actor = actorOf(args, user);
  const { db } = args.context;
  const failed = (errors: FailedForm["errors"], values: FailedForm["values"]) =>
    data<ActionData>({ form: { key: taskFormKey, errors, values }, confirm: null }, { status: 400 });
  const problem = (key: MessageKey) => redirectWithToast(here, { key, variant: "error" });

  if (parsed.data.intent === "close") {
    if (parsed.data.confirmed !== "yes") return data<ActionData>({ form: null, confirm: "close" });
    const closed = await closeTask({ db, jobs: args.context.jobs, env: args.context.env }, actor, taskId);
    if (!closed.ok) {
      if (closed.reason === "illegal_state") return problem("tasks.errors.illegalState");
      throw refusal(closed.reason);
    }
    return redirectWithToast(here, { key: "tasks.form.closed", variant: "success" });
  }

  const form = validateForm(formData, taskForm, { lists: taskFormLists });
  if (!form.ok) return failed(form.errors, form.values);
  const values = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const updated = await updateTask(db, actor, taskId, form.data);
  if (!updated.ok) {
    if (updated.reason === "places_below_taken") return failed({ places: "tasks.errors.placesBelowTaken" }, { ...values, tags: formData.getAll("tags").join(","), partsOfDay: formData.getAll("partsOfDay").join(",") });
    if (updated.reason === "illegal_state") return problem("tasks.errors.illegalState");
    if (updated.reason === "association_inactive") return problem("tasks.errors.inactive");
    throw refusal(updated.reason);
  }
  if (parsed.data.intent === "save") return redirectWithToast(here, { key: "tasks.form.saved", variant: "success" });
  const submitted = await submitTask(db, actor, taskId);
  if (!submitted.ok) {
    if (submitted.reason === "expired") return problem("tasks.errors.expired");
    if (submitted.reason === "association_inactive") return problem("tasks.errors.inactive");
    if (submitted.reason === "illegal_state") return problem("tasks.errors.illegalState");
    throw refusal(submitted.reason);
  }
  return redirectWithToast(here, { key: submitted.status === "open" ? "tasks.form.published" : "tasks.form.submitted", variant: "success" });
}

export default function OwnTask() {
  const t = useT();
  const format = useFormat();
  const { association, task, returned, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const here = `/association/tasks/${task.id}`;
  const direct = association.status === "approved" && association.publishesDirectly;
  const inactive = association.status === "rejected" || association.status === "suspended";
  const editable = !inactive && ["draft", "awaiting_approval", "open", "filled"].includes(task.status);
  const banner: MessageKey =
    task.status === "draft"
      ? direct
        ? "tasks.banner.draftDirect"
        : "tasks.banner.draft"
      : task.status === "awaiting_approval" && association.status === "pending"
        ? "tasks.banner.awaitingPending"
        : `tasks.banner.${task.status}`;
  const buttons: TaskFormButton[] =
    task.status === "draft"
      ? [
          { intent: "submit", label: t(direct ? "tasks.form.publish" : "tasks.form.submit") },
          { intent: "save", label: t("tasks.form.saveDraft"), variant: "secondary" },
        ]
      : [{ intent: "save", label: t("tasks.form.save") }];

  return (
    <>
      <BackLink to="/association/tasks">{t("tasks.form.back")}</BackLink>
      <h1>{task.title}</h1>
      <p className="font-lead">
        <TaskStatusBadge status={task.status} />
      </p>
      {returned ? (
        <Alert variant="warning" heading={t("tasks.banner.returned")}>
          <p className="preformatted">{returned.note}</p>
          <p className="form-hint">{format.dateTime(returned.at)}</p>
        </Alert>
      ) : null}
      <Alert variant="info">
        <p>{t(banner)}</p>
        {task.status === "open" || task.status === "filled" ? (
          <p>
            <Link to={`/tasks/${task.id}`}>{t("tasks.form.publicLink")}</Link>
          </p>
        ) : null}
      </Alert>
      {inactive ? (
        <Alert variant="warning">
          <p>{t("tasks.own.inactive")}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errorList(failedFieldErrors(failed), taskFieldIds, t)} />
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          {editable ? (
            <section aria-labelledby="edit">
              <h2 id="edit">{t("tasks.form.editHeading")}</h2>
              {/* Keyed by the saved time, so the fields show the saved task again after a change. */}
              <TaskForm key={String(task.updatedAt)} failed={failed} saved={values} buttons={buttons} />
            </section>
          ) : (
            <TaskDetails task={task} />
          )}
          {editable ? (
            <CloseTaskSection here={here} asking={result?.confirm === "close"} intro={t("tasks.close.intro")} />
          ) : null}
        </div>
      </div>
    </>
  );
}
