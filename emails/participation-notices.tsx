import { notice, type NoticeProps } from "./notice";

export type ParticipationNoticeProps = NoticeProps;

/** To an association's contact people: a young person is proposed for one of their tasks. */
export const taskProposalReceived = notice("taskProposalReceived");
/** To the proposer: the association said yes; how to reach its contact person is in the portal. */
export const taskProposalAccepted = notice("taskProposalAccepted");
/** To the proposer: the association said no, with a reason in the portal. */
export const taskProposalDeclined = notice("taskProposalDeclined");
/** To the proposer: the association confirmed the hours and completed the participation. */
export const taskParticipationCompleted = notice("taskParticipationCompleted");
/** To the other side: a participation stopped before it was completed. */
export const taskParticipationCancelled = notice("taskParticipationCancelled");
