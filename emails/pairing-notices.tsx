import { notice, type NoticeProps } from "./notice";

export type PairingNoticeProps = NoticeProps;

/** To a mentor: a coordinator proposes a young person; the proposal waits in the portal. */
export const pairingProposed = notice("pairingProposed");
/** To a mentor: the kick-off and the agreement are set; the mentor confirms them in the portal. */
export const pairingAgreement = notice("pairingAgreement");
/** To the coordinator who proposed: the mentor said yes. */
export const pairingAccepted = notice("pairingAccepted");
/** To the coordinator who proposed: the mentor said no; the young person is back among the suggestions. */
export const pairingDeclined = notice("pairingDeclined");
/** To the responsible coordinator: a mentor asks for help with a pairing; the words wait in the portal. */
export const pairingHelpRequested = notice("pairingHelpRequested");
/** To a mentor: the coordinator has closed the pairing; the mentor may write their own exit note in the portal. */
export const pairingClosed = notice("pairingClosed");
