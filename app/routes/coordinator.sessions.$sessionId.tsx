import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CancelSession } from "~/components/course-admin/CancelSession";
import { CheckInList } from "~/components/course-admin/CheckInList";
import { failedFieldErrors, SessionFields, sessionFieldIds } from "~/components/course-admin/fields";
import { ParticipantsSection } from "~/components/course-admin/ParticipantsSection";
import { SessionDetails } from "~/components/course-admin/SessionDetails";
import type { SessionActionResult } from "~/components/course-admin/session-actions";
import { sessionState } from "~/components/course-admin/session-text";
import { Alert, BackLink, ErrorSummary, PageContents } from "~/components/ui";
import { Disclosure, VettingForm } from "~/components/vetting/forms";
import { sessionForm, sessionFormValues } from "~/forms/course-admin";
import { errorList, validateForm } from "~/forms/validate";
import { refusal, unexplained } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listParticipants } from "~/modules/courses/catalogue.server";
import { cancelSession, checkInOpens, markAttendance, moveBooking, removeBooking, updateSession } from "~/modules/courses/manage.server";
import { groupParticipants } from "~/modules/courses/participants";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "courseAdmin.session.pageTitle", { title: data.course.title }) : pageTitle(matches, "courseAdmin.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:course:any");
  const list = await listParticipants(args.context.db, actorOf(args, user), args.params.sessionId ?? "");
  if (!list) throw refusal("not_found");
  const { session, course, participants, otherSessions } = list;
  return { session, course, groups: groupParticipants(participants), otherSessions, checkInOpensAt: checkInOpens(session), now: new Date() };
}

const bookingId = z.string().uuid();
/** "yes" once the person has confirmed on the page; the first submit of a confirmed action only asks. */
const confirmed = z.string().optional();

const participantAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel"), confirmed }),
  z.object({ intent: z.literal("remove"), bookingId, confirmed }),
  z.object({ intent: z.literal("move"), bookingId, target: z.string().uuid("courseAdmin.errors.targetRequired") }),
  z.object({ intent: z.literal("attendance"), bookingId, attendance: z.enum(["attended", "no_show", "clear"]) }),
]);

const successes = {
  session: "courseAdmin.session.saved",
  cancel: "courseAdmin.session.cancelled",
  remove: "courseAdmin.participants.removed",
  move: "courseAdmin.participants.moved",
  attendance: "courseAdmin.checkin.saved",
} as const satisfies Record<string, MessageKey>;

function answer(result: Partial<SessionActionResult>, status = 200) {
  return data<SessionActionResult>({ form: null, problem: null, confirm: null, ...result }, { status });
}

async function saveSession(args: ActionFunctionArgs, actor: ReturnType<typeof actorOf>, formData: FormData, sessionId: string) {
  const form = validateForm(formData, sessionForm);
  if (!form.ok) return answer({ form: { key: "session", errors: form.errors, values: form.values } }, 400);
  const { db, jobs, env } = args.context;
  const result = await updateSession({ db, jobs, env }, actor, sessionId, form.data);
  if (result.ok) return null;
  if (unexplained(result.reason)) throw refusal(result.reason);
  if (result.reason === "capacity_below_booked") {
    // The form comes back as typed, with the capacity marked and the number of seats taken said above it.
    const values = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return answer(
      {
        form: { key: "session", errors: { capacity: "courseAdmin.errors.capacityBelowBooked" }, values },
        problem: { key: "courseAdmin.problems.session.capacity_below_booked", values: { booked: result.booked } },
      },
      409,
    );
  }
  return answer({ problem: { key: `courseAdmin.problems.session.${result.reason}` } }, 409);
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:course:any");
  const actor = actorOf(args, user);
  const sessionId = args.params.sessionId ?? "";
  const formData = await args.request.formData();
  const back = `/coordinator/sessions/${sessionId}`;

  if (formData.get("intent") === "session") {
    return (await saveSession(args, actor, formData, sessionId)) ?? redirectWithToast(back, { key: successes.session, variant: "success" });
  }

  const form = validateForm(formData, participantAction);
  if (!form.ok) {
    // Only the move form has a field to fill in; anything else wrong was not typed by a person.
    if (form.values.intent !== "move" || !form.errors.target || form.errors.bookingId) throw refusal("invalid");
    return answer({ form: { key: `move-${form.values.bookingId}`, errors: form.errors, values: form.values } }, 400);
  }
  const change = form.data;
  // Cancelling a session and removing a participant are asked about on the page first, with or without JavaScript.
  if ((change.intent === "cancel" || change.intent === "remove") && change.confirmed !== "yes") {
    return answer({ confirm: change.intent === "cancel" ? { intent: "cancel" } : { intent: "remove", bookingId: change.bookingId } });
  }

  const { db, jobs, env } = args.context;
  const deps = { db, jobs, env };
  // A problem with one participant is shown beside them as well: without JavaScript the page opens at their row.
  const problem = (key: MessageKey) => answer({ problem: { key, bookingId: "bookingId" in change ? change.bookingId : undefined } }, 409);
  switch (change.intent) {
    case "cancel": {
      const result = await cancelSession(deps, actor, sessionId);
      if (result.ok) break;
      if (unexplained(result.reason)) throw refusal(result.reason);
      return problem(`courseAdmin.problems.cancel.${result.reason}`);
    }
    case "remove": {
      const result = await removeBooking(deps, actor, change.bookingId);
      if (result.ok) break;
      if (unexplained(result.reason)) throw refusal(result.reason);
      return problem(`courseAdmin.problems.remove.${result.reason}`);
    }
    case "move": {
      const result = await moveBooking(deps, actor, change.bookingId, change.target);
      if (!result.ok) {
        if (unexplained(result.reason)) throw refusal(result.reason);
        return problem(`courseAdmin.problems.move.${result.reason}`);
      }
      if (result.status === "waitlisted") return redirectWithToast(back, { key: "courseAdmin.participants.movedToWaitlist", variant: "success" });
      break;
    }
    case "attendance": {
      const result = await markAttendance(deps, actor, change.bookingId, change.attendance === "clear" ? null : change.attendance);
      if (result.ok) break;
      if (unexplained(result.reason)) throw refusal(result.reason);
      return problem(`courseAdmin.problems.attendance.${result.reason}`);
    }
  }
  return redirectWithToast(back, { key: successes[change.intent], variant: "success" });
}

/** The page's sections, linked at the top: on a phone at the door, the check-in list is one tap away. */
const sections = [
  ["details", "courseAdmin.session.detailsHeading"],
  ["checkin", "courseAdmin.checkin.heading"],
  ["participants", "courseAdmin.participants.heading"],
  ["edit", "courseAdmin.session.editHeading"],
] as const satisfies [string, MessageKey][];

export default function CoordinatorSession() {
  const t = useT();
  const format = useFormat();
  const { session, course, groups, otherSessions, checkInOpensAt, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const problem = result?.problem ?? null;
  const state = sessionState(session, now);
  const open = state !== "cancelled";
  const moveIds = [...groups.confirmed, ...groups.offered, ...groups.waitlisted].map((booking) => `move-${booking.bookingId}-target`);
  const summary = errorList(failedFieldErrors(failed), [...moveIds, ...sessionFieldIds("session")], t);

  return (
    <>
      <BackLink to={`/coordinator/courses/${course.id}`}>{t("courseAdmin.session.back", { title: course.title })}</BackLink>
      <h1>
        <span className="h3 d-block mb-2">{course.title}</span>
        {format.longDateTimeRange(session.startsAt, session.endsAt)}
      </h1>
      <PageContents
        label={t("courseAdmin.onThisPage")}
        sections={sections.filter(([id]) => open || (id !== "checkin" && id !== "edit")).map(([id, label]) => ({ id, label: t(label) }))}
      />

      <ErrorSummary errors={summary} />
      {problem && !problem.bookingId ? (
        <Alert variant="error" focus>
          {t(problem.key, problem.values)}
        </Alert>
      ) : null}

      <SessionDetails session={session} now={now} />
      {open ? <CheckInList sessionId={session.id} opensAt={checkInOpensAt} confirmed={groups.confirmed} now={now} problem={problem} /> : null}
      <ParticipantsSection session={session} groups={groups} otherSessions={otherSessions} result={result ?? null} />

      {open ? (
        <section aria-labelledby="edit" className="mt-8">
          <h2 id="edit">{t("courseAdmin.session.editHeading")}</h2>
          <div className="row">
            <div className="col-12 col-md-10 col-lg-8">
              <Disclosure summary={t("courseAdmin.session.edit")} open={failed?.key === "session"}>
                <VettingForm key={String(session.updatedAt)} intent="session" submitLabel={t("courseAdmin.session.save")}>
                  <SessionFields failed={failed} formKey="session" saved={sessionFormValues(session)} />
                </VettingForm>
              </Disclosure>
              <CancelSession session={session} asking={result?.confirm?.intent === "cancel"} />
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
