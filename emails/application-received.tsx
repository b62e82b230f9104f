import { notice, type NoticeProps } from "./notice";

export type ApplicationReceivedProps = NoticeProps;

/** Sent when a volunteer has sent the application. */
export const applicationReceived = notice("applicationReceived");
