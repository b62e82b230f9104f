import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { BackLink, ErrorSummary } from "~/components/ui";
import { VettingForm, type FailedForm } from "~/components/vetting/forms";
import { YouthFields } from "~/components/youths/YouthFields";
import { errorList, validateForm } from "~/forms/validate";
import { newYouthValues, postedYouthValues, youthForm, youthFormFields, youthFormLists } from "~/forms/youth";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listResponsibleStaff } from "~/modules/volunteers/record.server";
import { createYouth } from "~/modules/youths/records.server";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "youths.form.newTitle");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "update:youth:any");
  const staff = await listResponsibleStaff(args.context.db);
  return { staff, values: newYouthValues(user.id), me: user.name };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:youth:any");
  const formData = await args.request.formData();
  const form = validateForm(formData, youthForm, { lists: youthFormLists });
  const failed = (errors: FailedForm["errors"], values: FailedForm["values"]) => data<{ form: FailedForm }>({ form: { key: "youth", errors, values } }, { status: 400 });
  if (!form.ok) return failed(form.errors, form.values);
  const result = await createYouth(youthDeps(args), actorOf(args, user), form.data);
  if (!result.ok) {
    // The coordinator chosen was disabled or lost the role while the form was open.
    if (result.reason === "invalid_coordinator") return failed({ responsibleCoordinatorId: "youths.errors.coordinator" }, postedYouthValues(formData));
    throw refusal(result.reason);
  }
  return redirectWithToast(`/coordinator/youths/${result.youthId}`, { key: "youths.form.created", variant: "success" });
}

export default function NewYouth() {
  const t = useT();
  const { staff, values, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.form ?? null;
  return (
    <>
      <BackLink to="/coordinator/youths">{t("youths.form.back")}</BackLink>
      <h1>{t("youths.form.newTitle")}</h1>
      <p className="font-lead">{t("youths.form.newIntro")}</p>
      <ErrorSummary errors={errorList(failedFieldErrors(failed), fieldIds("youth", youthFormFields), t)} />
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <VettingForm intent="youth" submitLabel={t("youths.form.create")}>
            <YouthFields failed={failed} formKey="youth" saved={values} staff={staff} consentRecordedBy={me} />
          </VettingForm>
        </div>
      </div>
    </>
  );
}
