import { useFetcher } from "@remix-run/react";
import { Alert, Button, type ButtonVariant } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { Attendance } from "~/modules/courses/types";
import type { SessionActionResult, SessionProblem } from "./session-actions";

type Person = { bookingId: string; name: string; attendance: Attendance | null };
type Mark = Attendance | "clear";
type CheckInListProps = {
  sessionId: string;
  /** From when attendance can be marked (`checkInOpens`): people arrive before the start. */
  opensAt: Date;
  confirmed: Person[];
  now: Date;
  problem: SessionProblem | null;
};

const badges: Record<Attendance | "unmarked", string> = { attended: "badge badge-success", no_show: "badge badge-warning", unmarked: "badge" };
const buttons: { mark: Mark; variant: ButtonVariant }[] = [
  { mark: "attended", variant: "primary" },
  { mark: "no_show", variant: "secondary" },
  { mark: "clear", variant: "tertiary" },
];

/**
 * The door list: one form per person with big buttons, made for a phone. From check-in's opening each mark
 * is saved at once; with JavaScript without leaving the page, without it the page comes back at the person.
 */
export function CheckInList({ sessionId, opensAt, confirmed, now, problem }: CheckInListProps) {
  const t = useT();
  const format = useFormat();
  const started = now >= opensAt;
  const attended = confirmed.filter((person) => person.attendance === "attended").length;
  const noShows = confirmed.filter((person) => person.attendance === "no_show").length;
  return (
    <section aria-labelledby="checkin" className="mt-8">
      <h2 id="checkin">{t("courseAdmin.checkin.heading")}</h2>
      <p>{started ? t("courseAdmin.checkin.intro") : t("courseAdmin.checkin.notYet", { date: format.dateTime(opensAt) })}</p>
      {confirmed.length === 0 ? (
        <p>{t("courseAdmin.checkin.empty")}</p>
      ) : (
        <>
          <p>
            {t("courseAdmin.checkin.counts", {
              attended: format.number(attended),
              noShows: format.number(noShows),
              total: format.number(confirmed.length),
            })}
          </p>
          <ul className="checkin-list nobullet-list">
            {confirmed.map((person) => (
              <CheckInPerson
                key={person.bookingId}
                sessionId={sessionId}
                person={person}
                started={started}
                problem={problem?.bookingId === person.bookingId ? problem : null}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CheckInPerson({ sessionId, person, started, problem }: { sessionId: string; person: Person; started: boolean; problem: SessionProblem | null }) {
  const t = useT();
  // A fetcher per person: marks sent in quick succession do not cancel each other.
  const fetcher = useFetcher<SessionActionResult>();
  const sending = fetcher.state !== "idle" ? fetcher.formData?.get("attendance") : null;
  const shown = fetcher.data?.problem ?? problem;
  const id = `checkin-${person.bookingId}`;
  return (
    <li className="checkin-person" id={id}>
      <p className="checkin-name">
        <strong>{person.name}</strong> <span className={badges[person.attendance ?? "unmarked"]}>{t(`courseAdmin.attendance.${person.attendance ?? "unmarked"}`)}</span>
      </p>
      {shown ? (
        <Alert variant="error" focus>
          {t(shown.key, shown.values)}
        </Alert>
      ) : null}
      {started ? (
        <fetcher.Form method="post" action={`/coordinator/sessions/${sessionId}#${id}`} preventScrollReset className="checkin-actions">
          <input type="hidden" name="intent" value="attendance" />
          <input type="hidden" name="bookingId" value={person.bookingId} />
          {buttons
            // The mark the person has is not offered again; "clear" only once there is one.
            .filter(({ mark }) => mark !== person.attendance && (mark !== "clear" || person.attendance))
            .map(({ mark, variant }) => (
              <Button key={mark} name="attendance" value={mark} variant={variant} pending={sending === mark} disabled={Boolean(sending)}>
                <span className="sr-only">{person.name}: </span>
                {t(`courseAdmin.checkin.mark.${mark}`)}
              </Button>
            ))}
        </fetcher.Form>
      ) : null}
    </li>
  );
}
