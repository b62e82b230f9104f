import type { Database } from "#db/client.server";
import type { Translate } from "~/i18n/catalogue";
import { copenhagenWallClock } from "~/modules/volunteers/dates";
import { csvCell } from "~/modules/volunteers/export.server";
import { exportParticipants } from "./catalogue.server";
import { groupParticipants } from "./participants";
import type { Actor } from "./types";

const columns = ["name", "email", "status", "position", "offerExpiresAt", "attendance", "endReason", "bookedAt"] as const;

/** A moment as a spreadsheet sorts it: "2027-03-10 17:00", Copenhagen time. */
function localMoment(value: Date | null) {
  if (!value) return null;
  const { date, time } = copenhagenWallClock(value);
  return `${date} ${time}`;
}

/**
 * A session's participants as CSV (BOM, `;`, CRLF, formula-safe cells) with a header in the reader's language:
 * the seats first, then the offers, the line in order and the bookings that ended. The export is audited by
 * `exportParticipants` (`course.participants_exported`).
 */
export async function exportParticipantsCsv(db: Database, actor: Actor, sessionId: string, options: { t: Translate }) {
  const list = await exportParticipants(db, actor, sessionId);
  if (!list) return null;
  const { t } = options;
  const groups = groupParticipants(list.participants);
  const rows = [...groups.confirmed, ...groups.offered, ...groups.waitlisted, ...groups.ended];
  const positions = new Map(groups.waitlisted.map((row) => [row.bookingId, row.position]));
  const lines = [columns.map((column) => csvCell(t(`courseAdmin.csv.columns.${column}`))).join(";")];
  for (const row of rows) {
    const cells = {
      name: row.name,
      email: row.email,
      status: t(`courseAdmin.bookingStatuses.${row.status}`),
      position: positions.get(row.bookingId) ?? null,
      offerExpiresAt: localMoment(row.offerExpiresAt),
      attendance: row.status === "confirmed" ? t(`courseAdmin.attendance.${row.attendance ?? "unmarked"}`) : null,
      endReason: row.endReason ? t(`courseAdmin.endReasons.${row.endReason}`) : null,
      bookedAt: localMoment(row.createdAt),
    } satisfies Record<(typeof columns)[number], string | number | null>;
    lines.push(columns.map((column) => csvCell(cells[column])).join(";"));
  }
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: rows.length, session: list.session, course: list.course };
}
