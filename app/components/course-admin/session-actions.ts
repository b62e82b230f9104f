import type { FailedForm } from "~/components/vetting/forms";
import type { MessageKey, MessageValues } from "~/i18n/catalogue";

/** A refusal the session page explains; `bookingId` when it concerns one participant. */
export type SessionProblem = { key: MessageKey; values?: MessageValues; bookingId?: string };

/** A cancellation or removal waiting for its confirmation on the page. */
export type SessionConfirmation = { intent: "cancel" } | { intent: "remove"; bookingId: string };

/** What the session page's action answers when it does not redirect. */
export type SessionActionResult = { form: FailedForm | null; problem: SessionProblem | null; confirm: SessionConfirmation | null };
