import { render } from "@react-email/render";
import { createElement } from "react";
import { translator } from "~/i18n/catalogue";
import type { Locale } from "~/i18n/locales";
import { applicationReceived, type ApplicationReceivedProps } from "./application-received";
import { actionNeeded, type ActionNeededProps } from "./action-needed";
import { volunteerApproved, type VolunteerApprovedProps } from "./volunteer-approved";
import { volunteerRejected, type VolunteerRejectedProps } from "./volunteer-rejected";
import { renewalDue, type RenewalDueProps } from "./renewal-due";
import { approvalExpired, type ApprovalExpiredProps } from "./approval-expired";
import { pairingAccepted, pairingAgreement, pairingClosed, pairingDeclined, pairingHelpRequested, pairingProposed, type PairingNoticeProps } from "./pairing-notices";
import {
  taskParticipationCancelled,
  taskParticipationCompleted,
  taskProposalAccepted,
  taskProposalDeclined,
  taskProposalReceived,
  type ParticipationNoticeProps,
} from "./participation-notices";
import { taskApproved, taskClosed, taskExpired, taskReturned, type TaskNoticeProps } from "./task-notices";
import { accountExists, type AccountExistsProps } from "./account-exists";
import {
  associationDecision,
  associationInvite,
  associationRegistered,
  type AssociationDecisionProps,
  type AssociationInviteProps,
  type AssociationRegisteredProps,
} from "./association-notices";
import { courseBooked, type CourseBookedProps } from "./course-booked";
import { courseCancelled, type CourseCancelledProps } from "./course-cancelled";
import { courseOfferExpired, type CourseOfferExpiredProps } from "./course-offer-expired";
import { courseOffered, type CourseOfferedProps } from "./course-offered";
import { courseReminder, type CourseReminderProps } from "./course-reminder";
import { courseWaitlisted, type CourseWaitlistedProps } from "./course-waitlisted";
import { followUpDigest, type FollowUpDigestProps } from "./follow-up-digest";
import { confirmNewEmail, type ConfirmNewEmailProps } from "./confirm-new-email";
import { emailChangeRequested, type EmailChangeRequestedProps } from "./email-change-requested";
import { passwordChanged, type PasswordChangedProps } from "./password-changed";
import { resetPassword, type ResetPasswordProps } from "./reset-password";
import type { EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";
import { verifyEmail, type VerifyEmailProps } from "./verify-email";

interface TemplateProps {
  verifyEmail: VerifyEmailProps;
  accountExists: AccountExistsProps;
  resetPassword: ResetPasswordProps;
  passwordChanged: PasswordChangedProps;
  confirmNewEmail: ConfirmNewEmailProps;
  emailChangeRequested: EmailChangeRequestedProps;
  applicationReceived: ApplicationReceivedProps;
  actionNeeded: ActionNeededProps;
  volunteerApproved: VolunteerApprovedProps;
  volunteerRejected: VolunteerRejectedProps;
  renewalDue: RenewalDueProps;
  approvalExpired: ApprovalExpiredProps;
  pairingProposed: PairingNoticeProps;
  pairingAgreement: PairingNoticeProps;
  pairingAccepted: PairingNoticeProps;
  pairingDeclined: PairingNoticeProps;
  pairingHelpRequested: PairingNoticeProps;
  pairingClosed: PairingNoticeProps;
  taskProposalReceived: ParticipationNoticeProps;
  taskProposalAccepted: ParticipationNoticeProps;
  taskProposalDeclined: ParticipationNoticeProps;
  taskParticipationCompleted: ParticipationNoticeProps;
  taskParticipationCancelled: ParticipationNoticeProps;
  taskApproved: TaskNoticeProps;
  taskReturned: TaskNoticeProps;
  taskClosed: TaskNoticeProps;
  taskExpired: TaskNoticeProps;
  associationRegistered: AssociationRegisteredProps;
  associationInvite: AssociationInviteProps;
  associationDecision: AssociationDecisionProps;
  courseBooked: CourseBookedProps;
  courseWaitlisted: CourseWaitlistedProps;
  courseOffered: CourseOfferedProps;
  courseOfferExpired: CourseOfferExpiredProps;
  courseCancelled: CourseCancelledProps;
  courseReminder: CourseReminderProps;
  followUpDigest: FollowUpDigestProps;
}

export type EmailTemplateName = keyof TemplateProps;
/** The props a caller passes for template T (the renderer adds `t`, `locale` and the portal link). */
export type EmailProps<T extends EmailTemplateName> = TemplateProps[T];
export type { EmailTemplate } from "./template";

export const emailTemplates: { [T in EmailTemplateName]: EmailTemplate<TemplateProps[T]> } = {
  verifyEmail,
  accountExists,
  resetPassword,
  passwordChanged,
  confirmNewEmail,
  emailChangeRequested,
  applicationReceived,
  actionNeeded,
  volunteerApproved,
  volunteerRejected,
  renewalDue,
  approvalExpired,
  pairingProposed,
  pairingAgreement,
  pairingAccepted,
  pairingDeclined,
  pairingHelpRequested,
  pairingClosed,
  taskProposalReceived,
  taskProposalAccepted,
  taskProposalDeclined,
  taskParticipationCompleted,
  taskParticipationCancelled,
  taskApproved,
  taskReturned,
  taskClosed,
  taskExpired,
  associationRegistered,
  associationInvite,
  associationDecision,
  courseBooked,
  courseWaitlisted,
  courseOffered,
  courseOfferExpired,
  courseCancelled,
  courseReminder,
  followUpDigest,
};

/** Template names arrive through the job queue as JSON, so they are checked before use. */
export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && Object.hasOwn(emailTemplates, value);
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<T extends EmailTemplateName>(
  template: T,
  props: EmailProps<T>,
  locale: Locale,
  options: { portalUrl?: string } = {},
): Promise<RenderedEmail> {
  const t = translator(locale);
  return renderDefinition(emailTemplates[template], props, { t, locale, portalUrl: options.portalUrl });
}

async function renderDefinition<P extends object>(
  definition: EmailTemplate<P>,
  props: P,
  base: EmailBaseProps,
): Promise<RenderedEmail> {
  const element = createElement(definition.Component, { ...props, ...base });
  // Both renders start from the same element; plain text is for clients (and people) who do not show HTML.
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const subject = definition.subject(base.t, props, base.locale);
  // Buttons are skipped in plain text and leave runs of blank lines behind.
  return { subject, html, text: text.replace(/\n{3,}/g, "\n\n").trim() };
}
