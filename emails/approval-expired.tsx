import { applicationNotice, type ApplicationNoticeProps } from "./application-notice";

export type ApprovalExpiredProps = ApplicationNoticeProps;

/** Sent when an approval has run out and must be renewed. */
export const approvalExpired = applicationNotice("approvalExpired");
