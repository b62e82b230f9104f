import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StepFields } from "~/components/application/StepFields";
import { Button, ErrorSummary } from "~/components/ui";
import { fieldErrorsOf, fieldOrder, inputOf, postedValues, savedValues, type FormValues } from "~/forms/application";
import { errorList, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { getApplication, updateProfile } from "~/modules/volunteers/application.server";
import { applicationSteps, profileSections, type ProfileSection } from "~/modules/volunteers/schemas";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `application.edit.title.${data.section}` : "application.mine.title");

function sectionOf(value: string | undefined): ProfileSection {
  const section = profileSections.find((name) => name === value);
  if (!section) throw new Response("Not found", { status: 404 });
  return section;
}

/**
 * After submitting, a volunteer keeps one section of their matching answers up to date with the application
 * form's own fields. A draft is still edited in the form; a closed application is not edited at all.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "update:application:own");
  const section = sectionOf(args.params.section);
  const application = await getApplication(args.context.db, actorOf(args, user));
  if (application?.status === "draft") throw redirect(`/apply/${section}`);
  if (!application?.allowed.editProfile) throw redirect("/application");
  return { section, values: savedValues(section, application) };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:application:own");
  const section = sectionOf(args.params.section);
  const form = await args.request.formData();
  const input = inputOf(section, form);
  const parsed = applicationSteps[section].safeParse(input);
  if (!parsed.success) {
    return data({ errors: fieldErrorsOf(section, parsed.error, form), values: postedValues(form) }, { status: 400 });
  }

  const result = await updateProfile(args.context.db, actorOf(args, user), { [section]: parsed.data });
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    if (result.reason === "invalid") return data({ errors: { form: "validation.invalid" } as FieldErrors, values: postedValues(form) }, { status: 400 });
    // Withdrawn, rejected or never sent in the meantime: the overview says what the volunteer can do instead.
    throw redirect("/application");
  }
  const saved = result.changed.length > 0;
  return redirectWithToast("/application#profile", { key: saved ? "application.edit.saved" : "application.edit.unchanged", variant: saved ? "success" : "info" });
}

export default function EditProfileSection() {
  const t = useT();
  const { section, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values: FormValues = actionData?.values ?? saved;

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p>
          <Link to="/application" className="back-link">
            {t("application.edit.back")}
          </Link>
        </p>
        <h1>{t(`application.edit.title.${section}`)}</h1>
        <p>{t("application.edit.intro")}</p>
        <ErrorSummary errors={errorList(errors, ["form", ...fieldOrder[section]], t)} />
        <Form method="post" noValidate>
          <StepFields step={section} values={values} errors={errors ?? {}} />
          <div className="button-group mt-7">
            <Button pending={pending}>{t("application.edit.save")}</Button>
            <Link to="/application" className="ml-5">
              {t("application.edit.back")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
