import { applicationNotice, type ApplicationNoticeProps } from "./application-notice";

export type ApplicationReceivedProps = ApplicationNoticeProps;

/** Sent when a volunteer has sent the application. */
export const applicationReceived = applicationNotice("applicationReceived");
