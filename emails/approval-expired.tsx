import { notice, type NoticeProps } from "./notice";

export type ApprovalExpiredProps = NoticeProps;

/** Sent when an approval has run out and must be renewed. */
export const approvalExpired = notice("approvalExpired");
