import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { CourseFields, courseFieldIds, failedFieldErrors, SessionFields, sessionFieldIds } from "~/components/course-admin/fields";
import { SessionStatus, useSessionPlace } from "~/components/course-admin/session-text";
import { DataTable } from "~/components/data-table";
import { BackLink, ErrorSummary, PageContents } from "~/components/ui";
import { Disclosure, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { courseForm, courseFormLists, courseFormValues, emptySession, hoursOf, sessionForm, sessionFormValues, type SessionFormValues } from "~/forms/course-admin";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getCourse } from "~/modules/courses/catalogue.server";
import { createSession, updateCourse } from "~/modules/courses/manage.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "courseAdmin.course.pageTitle", { title: data.course.title }) : pageTitle(matches, "courseAdmin.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:course:any");
  const found = await getCourse(args.context.db, actorOf(args, user), args.params.courseId ?? "");
  if (!found) throw refusal("not_found");
  return { ...found, now: new Date().toISOString() };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:course:any");
  const courseId = args.params.courseId ?? "";
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  const actor = actorOf(args, user);
  const failed = (key: string, form: { errors: FailedForm["errors"]; values: FailedForm["values"] }) =>
    data<{ form: FailedForm }>({ form: { key, errors: form.errors, values: form.values } }, { status: 400 });

  if (intent === "course") {
    const form = validateForm(formData, courseForm, { lists: courseFormLists });
    if (!form.ok) return failed("course", form);
    const result = await updateCourse(args.context.db, actor, courseId, form.data);
    if (!result.ok) throw refusal(result.reason);
    return redirectWithToast(`/coordinator/courses/${courseId}`, { key: "courseAdmin.course.saved", variant: "success" });
  }
  if (intent === "session") {
    const form = validateForm(formData, sessionForm);
    if (!form.ok) return failed("session", form);
    const result = await createSession(args.context.db, actor, courseId, form.data);
    if (!result.ok) throw refusal(result.reason);
    return redirectWithToast(`/coordinator/sessions/${result.sessionId}`, { key: "courseAdmin.sessions.created", variant: "success" });
  }
  throw refusal("invalid");
}

type SessionRow = Awaited<ReturnType<typeof loader>>["sessions"][number];

/** A new session starts from the course's latest one: same place, times, seats and rules, on a day still to pick. */
function newSessionValues(latest: SessionRow | undefined): SessionFormValues {
  if (!latest) return emptySession;
  return { ...sessionFormValues({ ...latest, bookingOpensAt: null, bookingClosesAt: null }), date: "" };
}

export default function CoordinatorCourse() {
  const t = useT();
  const format = useFormat();
  const { course, sessions, now } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.form ?? null;
  const place = useSessionPlace();

  const columns = useMemo<ColumnDef<SessionRow>[]>(
    () => [
      {
        id: "when",
        header: t("courseAdmin.sessions.columns.when"),
        cell: ({ row }) => <Link to={`/coordinator/sessions/${row.original.id}`}>{format.longDateTimeRange(row.original.startsAt, row.original.endsAt)}</Link>,
        meta: { rowHeader: true },
      },
      { id: "place", header: t("courseAdmin.sessions.columns.place"), cell: ({ row }) => place(row.original) },
      {
        id: "seats",
        header: t("courseAdmin.sessions.columns.seats"),
        cell: ({ row }) =>
          t("courseAdmin.sessions.seats", {
            booked: format.number(row.original.confirmedCount + row.original.offeredCount),
            capacity: format.number(row.original.capacity),
          }),
      },
      {
        id: "waitlist",
        header: t("courseAdmin.sessions.columns.waitlist"),
        cell: ({ row }) => (row.original.waitlistEnabled ? format.number(row.original.waitlistCount) : t("courseAdmin.sessions.noWaitlist")),
      },
      { id: "status", header: t("courseAdmin.sessions.columns.status"), cell: ({ row }) => <SessionStatus session={row.original} now={now} /> },
    ],
    [t, format, place, now],
  );

  const latest = sessions.at(-1);
  const summary = errorList(failedFieldErrors(failed), [...sessionFieldIds("session"), ...courseFieldIds("course")], t);

  return (
    <>
      <BackLink to="/coordinator/courses">{t("courseAdmin.course.back")}</BackLink>
      <h1>{course.title}</h1>
      <p className="font-lead">
        {t(`courseAdmin.kinds.${course.kind}`)} · {t("courseAdmin.course.hours", { hours: format.number(hoursOf(course.trainingMinutes)) })}
        {course.requiredBeforeMatching ? ` · ${t("courseAdmin.course.requiredShort")}` : null}
      </p>
      <PageContents
        label={t("courseAdmin.onThisPage")}
        sections={[
          { id: "sessions", label: t("courseAdmin.sessions.heading") },
          { id: "course", label: t("courseAdmin.course.editHeading") },
        ]}
      />
      <ErrorSummary errors={summary} />

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t("courseAdmin.sessions.heading")}</h2>
        <DataTable
          columns={columns}
          data={sessions}
          getRowId={(row) => row.id}
          caption={t("courseAdmin.sessions.caption", { title: course.title })}
          captionHidden
          empty={t("courseAdmin.sessions.empty")}
        />
        <div className="row">
          <div className="col-12 col-md-10 col-lg-8">
            <Disclosure summary={t("courseAdmin.sessions.new")} open={sessions.length === 0 || failed?.key === "session"}>
              <p>{t(latest ? "courseAdmin.sessions.newFromLatest" : "courseAdmin.sessions.newIntro")}</p>
              <VettingForm intent="session" submitLabel={t("courseAdmin.sessions.create")}>
                <SessionFields failed={failed} formKey="session" saved={newSessionValues(latest)} />
              </VettingForm>
            </Disclosure>
          </div>
        </div>
      </section>

      <section aria-labelledby="course" className="mt-8">
        <h2 id="course">{t("courseAdmin.course.editHeading")}</h2>
        <div className="row">
          <div className="col-12 col-md-10 col-lg-8">
            {/* Keyed by the saved time, so the fields show the saved course again after a change. */}
            <VettingForm key={String(course.updatedAt)} intent="course" submitLabel={t("courseAdmin.course.save")}>
              <CourseFields failed={failed} formKey="course" saved={courseFormValues(course, format.number)} />
            </VettingForm>
          </div>
        </div>
      </section>
    </>
  );
}
