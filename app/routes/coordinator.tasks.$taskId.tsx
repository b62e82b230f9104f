import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors } from "~/components/course-admin/fields";
import { CloseTaskSection } from "~/components/tasks/CloseTaskSection";
import { TaskDetails } from "~/components/tasks/TaskDetails";
import { TaskStatusBadge } from "~/components/tasks/task-text";
import { Alert, BackLink, ErrorSummary, TextArea } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { returnTaskForm } from "~/forms/task";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { approveTask, closeTask, getTaskForCoordinator, publicTask, returnTask } from "~/modules/associations/tasks.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "tasks.page.pageTitle", { title: data.task.title }) : pageTitle(matches, "errors.notFound.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:any");
  const found = await getTaskForCoordinator(args.context.db, actorOf(args, user), args.params.taskId ?? "");
  if (!found) throw refusal("not_found");
  return { task: publicTask(found.task, true), association: found.association, associationStatus: found.associationStatus, returned: found.returned };
}

const change = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("return") }),
  z.object({ intent: z.literal("close"), confirmed: z.string().optional() }),
]);

type ActionData = { form: FailedForm | null; confirm: "close" | null };

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:association:any");
  const taskId = args.params.taskId ?? "";
  const here = `/coordinator/tasks/${taskId}`;
  const formData = await args.request.formData();
  const parsed = change.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw refusal("invalid");
  const actor = actorOf(args, user);
  const { db, jobs, env } = args.context;
  const deps = { db, jobs, env };
  const problem = (key: MessageKey) => redirectWithToast(here, { key, variant: "error" });

  if (parsed.data.intent === "approve") {
    const result = await approveTask(deps, actor, taskId);
    if (!result.ok) {
      if (result.reason === "association_not_approved") return problem("tasks.coordinator.cannotApprove");
      if (result.reason === "expired") return problem("tasks.errors.expired");
      if (result.reason === "illegal_state") return problem("tasks.errors.illegalState");
      throw refusal(result.reason);
    }
    return redirectWithToast("/coordinator/tasks", { key: "tasks.coordinator.approved", variant: "success" });
  }
  if (parsed.data.intent === "return") {
    const form = validateForm(formData, returnTaskForm);
    if (!form.ok) return data<ActionData>({ form: { key: "return", errors: form.errors, values: form.values }, confirm: null }, { status: 400 });
    const result = await returnTask(deps, actor, taskId, form.data.note);
    if (!result.ok) {
      if (result.reason === "illegal_state") return problem("tasks.errors.illegalState");
      throw refusal(result.reason);
    }
    return redirectWithToast("/coordinator/tasks", { key: "tasks.coordinator.returned", variant: "success" });
  }
  if (parsed.data.confirmed !== "yes") return data<ActionData>({ form: null, confirm: "close" });
  const result = await closeTask(deps, actor, taskId);
  if (!result.ok) {
    if (result.reason === "illegal_state") return problem("tasks.errors.illegalState");
    throw refusal(result.reason);
  }
  return redirectWithToast(here, { key: "tasks.form.closed", variant: "success" });
}

export default function CoordinatorTask() {
  const t = useT();
  const format = useFormat();
  const { task, association, associationStatus, returned } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const field = useFieldProps(failed, "return");
  const here = `/coordinator/tasks/${task.id}`;
  const awaiting = task.status === "awaiting_approval";
  const closable = ["draft", "awaiting_approval", "open", "filled"].includes(task.status);

  return (
    <>
      <BackLink to="/coordinator/tasks">{t("tasks.coordinator.back")}</BackLink>
      <h1>{task.title}</h1>
      <p className="font-lead">
        <Link to={`/coordinator/associations/${association.id}`}>{association.name}</Link> · <TaskStatusBadge status={task.status} />
      </p>
      {awaiting && associationStatus !== "approved" ? (
        <Alert variant="warning">
          <p>{t("tasks.coordinator.cannotApprove")}</p>
        </Alert>
      ) : null}
      {returned ? (
        <Alert variant="info" heading={t("tasks.banner.returned")}>
          <p className="preformatted">{returned.note}</p>
          <p className="form-hint">{format.dateTime(returned.at)}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errorList(failedFieldErrors(failed), ["return-note"], t)} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <TaskDetails task={task} />
          {awaiting && associationStatus === "approved" ? (
            <section className="mt-8" aria-labelledby="approve">
              <h2 id="approve">{t("tasks.coordinator.approveHeading")}</h2>
              <p>{t("tasks.coordinator.approveIntro")}</p>
              <VettingForm intent="approve" submitLabel={t("tasks.coordinator.approve")} />
            </section>
          ) : null}
          {awaiting ? (
            <section className="mt-8" aria-labelledby="return">
              <h2 id="return">{t("tasks.coordinator.returnHeading")}</h2>
              <VettingForm intent="return" submitLabel={t("tasks.coordinator.return")} variant="secondary">
                <TextArea {...field("note")} label={t("tasks.coordinator.note")} hint={t("tasks.coordinator.noteHint")} rows={4} maxLength={2000} />
              </VettingForm>
            </section>
          ) : null}
          {closable ? (
            <CloseTaskSection here={here} asking={result?.confirm === "close"} intro={t("tasks.coordinator.closeIntro")} />
          ) : null}
        </div>
      </div>
    </>
  );
}
