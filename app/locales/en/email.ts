import type { Messages } from "~/i18n/catalogue";

export const email: Messages["email"] = {
  layout: {
    greeting: "Hi {name},",
    copyLink: "You can also copy the link into your browser:",
    signOff: "Kind regards",
    sender: "Mentorbro, the Youth Unit of Billund Municipality",
    automatic: "This email was sent automatically, so you cannot reply to it.",
    noSensitive:
      "We never put sensitive information in our emails. Log in to the portal to see your information.",
    portalLink: "Go to Mentorbro",
  },
  verifyEmail: {
    subject: "Confirm your email address",
    preview: "Confirm your email address to get started with Mentorbro.",
    body: "Thank you for signing up to Mentorbro. Confirm your email address by pressing the button below.",
    action: "Confirm email address",
    expiry: "The link works for 24 hours.",
    ignore: "If you did not sign up, you can simply ignore this email.",
  },
  accountExists: {
    subject: "Someone tried to create an account with your email address",
    preview: "You already have an account in Mentorbro.",
    body: "Someone tried to create a new account in Mentorbro with your email address. You already have an account, so no new one was created.",
    ifYou: "If it was you, just log in. If you have forgotten your password, you can choose a new one.",
    login: "Log in",
    reset: "Reset password",
    loginLink: "Link to log in:",
    resetLink: "Link to reset your password:",
    ignore: "If it was not you, you can ignore this email. Nothing has changed on your account.",
  },
  resetPassword: {
    subject: "Reset your password",
    preview: "Choose a new password for Mentorbro.",
    body: "We received a request to reset the password for your Mentorbro account. Press the button to choose a new password.",
    action: "Choose a new password",
    expiry: "The link works for 1 hour.",
    ignore: "If you did not ask for this, you can ignore this email. Your password stays the same.",
  },
  passwordChanged: {
    subject: "Your password has been changed",
    preview: "The password for your Mentorbro account has been changed.",
    body: "The password for your Mentorbro account has just been changed.",
    sessions: "For your security, you have been logged out on all devices. Log in again with your new password.",
    notYou: "If you did not change your password, contact the Youth Unit of Billund Municipality straight away.",
  },
  confirmNewEmail: {
    subject: "Confirm your new email address",
    preview: "Confirm your new email address for Mentorbro.",
    body: "You asked to change the email address of your Mentorbro account to this address. Confirm the change by pressing the button below.",
    action: "Confirm new email address",
    expiry: "The link works for 24 hours.",
    ignore: "If it was not you, you can ignore this email. Your email address will then not be changed.",
  },
  emailChangeRequested: {
    subject: "A change of your email address was requested",
    preview: "Someone asked to change the email address of your Mentorbro account.",
    body: "Someone asked to change the email address of your Mentorbro account to {newEmail}.",
    pending: "The change only takes effect once the new address has been confirmed. Until then, we keep using this address.",
    notYou: "If it was not you, contact the Youth Unit of Billund Municipality straight away and change your password.",
  },
};
