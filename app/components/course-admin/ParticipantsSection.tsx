import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { BookingEndReason, BookingStatus, CourseSession } from "#db/schema";
import { Alert, Button, Select, Table } from "~/components/ui";
import { Disclosure, useFieldProps } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { Attendance } from "~/modules/courses/types";
import { ConfirmedAction } from "./confirm";
import type { SessionActionResult } from "./session-actions";

type Participant = {
  bookingId: string;
  name: string;
  email: string;
  status: BookingStatus;
  offerExpiresAt: Date | null;
  endReason: BookingEndReason | null;
  attendance: Attendance | null;
  createdAt: Date;
};
type Groups = {
  confirmed: Participant[];
  offered: Participant[];
  waitlisted: (Participant & { position: number })[];
  ended: Participant[];
};
type OtherSession = { id: string; startsAt: Date; town: string | null; online: boolean };

type SectionProps = {
  session: CourseSession;
  groups: Groups;
  otherSessions: OtherSession[];
  result: SessionActionResult | null;
};

/** Everyone booked on the session, by where they stand, with moving and removing; the ended bookings below. */
export function ParticipantsSection({ session, groups, otherSessions, result }: SectionProps) {
  const t = useT();
  const format = useFormat();
  const open = session.status === "scheduled";
  const ended = (
    <ParticipantTable
      caption={t("courseAdmin.participants.endedHeading", { count: format.number(groups.ended.length) })}
      rows={groups.ended}
      empty={t("courseAdmin.participants.confirmedEmpty")}
      extra={{
        header: t("courseAdmin.participants.columns.ended"),
        cell: (row) => (row.endReason ? t(`courseAdmin.endReasons.${row.endReason}`) : t(`courseAdmin.bookingStatuses.${row.status}`)),
      }}
    />
  );

  return (
    <section aria-labelledby="participants" className="mt-8">
      <h2 id="participants">{t("courseAdmin.participants.heading")}</h2>
      {open ? (
        <>
          <ActiveParticipants session={session} groups={groups} otherSessions={otherSessions} result={result} />
          {groups.ended.length > 0 ? (
            <Disclosure summary={t("courseAdmin.participants.endedHeading", { count: format.number(groups.ended.length) })} open={false}>
              {ended}
            </Disclosure>
          ) : null}
        </>
      ) : (
        <>
          <p>{t("courseAdmin.participants.cancelledIntro")}</p>
          {ended}
        </>
      )}

      <p className="mt-7">
        {/* A document, not a route change: reloadDocument lets the browser download it. */}
        <Link to={`/coordinator/sessions/${session.id}/csv`} reloadDocument>
          {t("courseAdmin.participants.export")}
        </Link>
        <br />
        <span className="form-hint">{t("courseAdmin.participants.exportHint")}</span>
      </p>
    </section>
  );
}

/** The seats, the offers and the line of a scheduled session, each person with their actions. */
function ActiveParticipants({ session, groups, otherSessions, result }: SectionProps) {
  const t = useT();
  const format = useFormat();
  const actions = (participant: Participant) => (
    <ParticipantActions sessionId={session.id} participant={participant} otherSessions={otherSessions} result={result} />
  );
  const confirmedHeading = t("courseAdmin.participants.confirmedHeading", { count: format.number(groups.confirmed.length) });
  const offeredHeading = t("courseAdmin.participants.offeredHeading", { count: format.number(groups.offered.length) });
  const waitlistHeading = t("courseAdmin.participants.waitlistHeading", { count: format.number(groups.waitlisted.length) });
  return (
    <>
      <p>
        {t("courseAdmin.participants.summary", {
          confirmed: format.number(groups.confirmed.length),
          offered: format.number(groups.offered.length),
          waiting: format.number(groups.waitlisted.length),
        })}
      </p>

      <h3>{confirmedHeading}</h3>
      <ParticipantTable
        caption={confirmedHeading}
        rows={groups.confirmed}
        empty={t("courseAdmin.participants.confirmedEmpty")}
        extra={{ header: t("courseAdmin.participants.columns.attendance"), cell: (row) => t(`courseAdmin.attendance.${row.attendance ?? "unmarked"}`) }}
        actions={actions}
      />

      {groups.offered.length > 0 ? (
        <>
          <h3>{offeredHeading}</h3>
          <p>{t("courseAdmin.participants.offeredIntro")}</p>
          <ParticipantTable
            caption={offeredHeading}
            rows={groups.offered}
            empty={null}
            extra={{
              header: t("courseAdmin.participants.columns.expires"),
              cell: (row) => (row.offerExpiresAt ? format.dateTime(row.offerExpiresAt) : null),
            }}
            actions={actions}
          />
        </>
      ) : null}

      <h3>{waitlistHeading}</h3>
      {session.waitlistEnabled ? null : <p>{t("courseAdmin.session.waitlistOff")}</p>}
      <ParticipantTable
        caption={waitlistHeading}
        rows={groups.waitlisted}
        empty={t("courseAdmin.participants.waitlistEmpty")}
        extra={{ header: t("courseAdmin.participants.columns.position"), cell: (row) => format.number(row.position) }}
        actions={actions}
      />
    </>
  );
}

type TableProps<T extends Participant> = {
  caption: string;
  rows: T[];
  empty: ReactNode;
  extra: { header: string; cell: (row: T) => ReactNode };
  actions?: (row: T) => ReactNode;
};

function ParticipantTable<T extends Participant>({ caption, rows, empty, extra, actions }: TableProps<T>) {
  const t = useT();
  const format = useFormat();
  if (rows.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t("courseAdmin.participants.columns.name")}</th>
          <th scope="col">{t("courseAdmin.participants.columns.email")}</th>
          <th scope="col">{extra.header}</th>
          <th scope="col">{t("courseAdmin.participants.columns.booked")}</th>
          {actions ? <th scope="col">{t("courseAdmin.participants.columns.actions")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.bookingId} id={`booking-${row.bookingId}`}>
            <th scope="row">{row.name}</th>
            <td>{row.email}</td>
            <td>{extra.cell(row)}</td>
            <td>{format.dateTime(row.createdAt)}</td>
            {actions ? <td>{actions(row)}</td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

type ActionsProps = { sessionId: string; participant: Participant; otherSessions: OtherSession[]; result: SessionActionResult | null };

/** Move to another session of the course, or remove (asked first). */
function ParticipantActions({ sessionId, participant, otherSessions, result }: ActionsProps) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const key = `move-${participant.bookingId}`;
  const field = useFieldProps(result?.form ?? null, key);
  const here = `/coordinator/sessions/${sessionId}`;
  const action = `${here}#booking-${participant.bookingId}`;
  const problem = result?.problem?.bookingId === participant.bookingId ? result.problem : null;
  const asking = result?.confirm?.intent === "remove" && result.confirm.bookingId === participant.bookingId;
  const moving = navigation.state === "submitting" && navigation.formData?.get("intent") === "move" && navigation.formData.get("bookingId") === participant.bookingId;
  return (
    <div className="participant-actions">
      {problem ? (
        <Alert variant="error" focus>
          {t(problem.key, problem.values)}
        </Alert>
      ) : null}
      {otherSessions.length > 0 ? (
        <Form method="post" action={action} preventScrollReset noValidate>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="bookingId" value={participant.bookingId} />
          <Select
            {...field("target")}
            label={t("courseAdmin.participants.moveTo", { name: participant.name })}
            placeholder={t("courseAdmin.participants.chooseSession")}
            options={otherSessions.map((other) => ({
              value: other.id,
              label: [format.dateTime(other.startsAt), other.online ? t("courseAdmin.session.places.online") : other.town]
                .filter(Boolean)
                .join(" · "),
            }))}
          />
          <Button variant="secondary" pending={moving}>
            {t("courseAdmin.participants.move")}
          </Button>
        </Form>
      ) : null}
      <ConfirmedAction
        action={action}
        fields={{ intent: "remove", bookingId: participant.bookingId }}
        label={t("courseAdmin.participants.remove")}
        title={t("courseAdmin.participants.removeTitle", { name: participant.name })}
        asking={asking}
        cancelTo={here}
        variant="secondary"
      >
        <p>{t("courseAdmin.participants.removeBody")}</p>
      </ConfirmedAction>
    </div>
  );
}
