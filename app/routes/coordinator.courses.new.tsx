import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CourseFields, courseFieldIds, failedFieldErrors } from "~/components/course-admin/fields";
import { BackLink, ErrorSummary } from "~/components/ui";
import { VettingForm, type FailedForm } from "~/components/vetting/forms";
import { courseForm, courseFormLists, emptyCourse } from "~/forms/course-admin";
import { errorList, validateForm } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { createCourse } from "~/modules/courses/manage.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";
import { refusal } from "~/http-refusal";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courseAdmin.course.newTitle");

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "update:course:any");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:course:any");
  const form = validateForm(await args.request.formData(), courseForm, { lists: courseFormLists });
  if (!form.ok) return data<{ form: FailedForm }>({ form: { key: "course", errors: form.errors, values: form.values } }, { status: 400 });
  const result = await createCourse(args.context.db, actorOf(args, user), form.data);
  if (!result.ok) throw refusal(result.reason);
  return redirectWithToast(`/coordinator/courses/${result.courseId}`, { key: "courseAdmin.course.created", variant: "success" });
}

export default function NewCourse() {
  const t = useT();
  const failed = useActionData<typeof action>()?.form ?? null;
  return (
    <>
      <BackLink to="/coordinator/courses">{t("courseAdmin.course.back")}</BackLink>
      <h1>{t("courseAdmin.course.newTitle")}</h1>
      <p className="font-lead">{t("courseAdmin.course.newIntro")}</p>
      <ErrorSummary errors={errorList(failedFieldErrors(failed), courseFieldIds("course"), t)} />
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <VettingForm intent="course" submitLabel={t("courseAdmin.course.create")}>
            <CourseFields failed={failed} formKey="course" saved={emptyCourse} />
          </VettingForm>
        </div>
      </div>
    </>
  );
}
