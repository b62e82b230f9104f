import { notice, type NoticeProps } from "./notice";

export type TaskNoticeProps = NoticeProps;

/** To an association's contact people: a coordinator approved their task, and it is now in the public list. */
export const taskApproved = notice("taskApproved");
/** To an association's contact people: a coordinator sent their task back with a note, which waits in the portal. */
export const taskReturned = notice("taskReturned");
/** To an association's contact people: a coordinator closed their task. */
export const taskClosed = notice("taskClosed");
/** To an association's contact people: their task passed its expiry date and left the list. */
export const taskExpired = notice("taskExpired");
