export const courseKinds = ["introduction", "jobcenter", "network_meeting", "other"] as const;
export const activeBookingStatuses = ["confirmed", "waitlisted", "offered"] as const;
export const attendanceValues = ["attended", "no_show"] as const;

export type CourseKind = (typeof courseKinds)[number];
export type ActiveBookingStatus = (typeof activeBookingStatuses)[number];
export type Attendance = (typeof attendanceValues)[number];

export type { Actor, Refusal, Result } from "~/modules/volunteers/types";
