import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { failedFieldErrors } from "~/components/course-admin/fields";
import { TaskForm, taskFieldIds, taskFormKey } from "~/components/tasks/TaskForm";
import { Alert, BackLink, ErrorSummary } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { emptyTask, taskForm, taskFormLists } from "~/forms/task";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { memberAssociation } from "~/modules/associations/registration.server";
import { createTask, submitTask } from "~/modules/associations/tasks.server";
import { addDays, copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tasks.form.newTitle");

async function activeAssociation(args: LoaderFunctionArgs | ActionFunctionArgs, permission: "read:association:own" | "update:association:own") {
  const user = await requirePermission(args, permission);
  const association = await memberAssociation(args.context.db, actorOf(args, user));
  // No association to write for, or one that may not write tasks.
  if (!association) throw refusal("not_found");
  if (association.status === "rejected" || association.status === "suspended") throw refusal("forbidden");
  return { user, association };
}

export async function loader(args: LoaderFunctionArgs) {
  const { association } = await activeAssociation(args, "read:association:own");
  return {
    pending: association.status === "pending",
    direct: association.status === "approved" && association.publishesDirectly,
    // A new task stays listed for two months unless the association says otherwise.
    saved: emptyTask({ minimumAge: "15", places: "1", expiresOn: addDays(copenhagenToday(), 60) }),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await activeAssociation(args, "update:association:own");
  const formData = await args.request.formData();
  const intent = formData.get("intent") === "submit" ? "submit" : "save";
  const form = validateForm(formData, taskForm, { lists: taskFormLists });
  if (!form.ok) return data<{ form: FailedForm }>({ form: { key: taskFormKey, errors: form.errors, values: form.values } }, { status: 400 });
  const actor = actorOf(args, user);
  const created = await createTask(args.context.db, actor, form.data);
  if (!created.ok) throw refusal(created.reason === "invalid" ? "invalid" : "forbidden");
  const here = `/association/tasks/${created.taskId}`;
  if (intent === "save") return redirectWithToast(here, { key: "tasks.form.created", variant: "success" });
  const submitted = await submitTask(args.context.db, actor, created.taskId);
  // Saved as a draft either way; the task's page says why it was not sent.
  if (!submitted.ok) return redirectWithToast(here, { key: submitted.reason === "expired" ? "tasks.errors.expired" : "tasks.errors.illegalState", variant: "error" });
  return redirectWithToast(here, { key: submitted.status === "open" ? "tasks.form.published" : "tasks.form.submitted", variant: "success" });
}

export default function NewTask() {
  const t = useT();
  const { pending, direct, saved } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.form ?? null;
  return (
    <>
      <BackLink to="/association/tasks">{t("tasks.form.back")}</BackLink>
      <h1>{t("tasks.form.newTitle")}</h1>
      <p className="font-lead">{t("tasks.form.newIntro")}</p>
      {pending ? (
        <Alert variant="info">
          <p>{t("tasks.own.pending")}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errorList(failedFieldErrors(failed), taskFieldIds, t)} />
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <TaskForm
            failed={failed}
            saved={saved}
            buttons={[
              { intent: "submit", label: t(direct ? "tasks.form.publish" : "tasks.form.submit") },
              { intent: "save", label: t("tasks.form.saveDraft"), variant: "secondary" },
            ]}
          />
        </div>
      </div>
    </>
  );
}
