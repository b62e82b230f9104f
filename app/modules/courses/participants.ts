import type { BookingStatus } from "#db/schema";

type Booking = { status: BookingStatus; seq: number };

/**
 * A session's bookings as its coordinator reads them: the seats, the offers, the line in order with each
 * person's place in it (as `waitlistPosition` counts it), and the bookings that ended.
 */
export function groupParticipants<T extends Booking>(participants: readonly T[]) {
  const bySeq = [...participants].sort((a, b) => a.seq - b.seq);
  return {
    confirmed: bySeq.filter((booking) => booking.status === "confirmed"),
    offered: bySeq.filter((booking) => booking.status === "offered"),
    waitlisted: bySeq.filter((booking) => booking.status === "waitlisted").map((booking, index) => ({ ...booking, position: index + 1 })),
    ended: bySeq.filter((booking) => booking.status === "cancelled" || booking.status === "expired"),
  };
}
