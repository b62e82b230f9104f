import type { Messages } from "~/i18n/catalogue";

export const account: Messages["account"] = {
  title: "My account",
  tabs: { label: "Account settings", profile: "Profile", password: "Password", email: "Email" },
  profile: {
    title: "Profile",
    email: "Email",
    since: "User since {date}",
    name: "Full name",
    saved: "Your details are saved.",
  },
  password: {
    title: "Change password",
    intro: "When you change your password, you are logged out everywhere else.",
    current: "Current password",
    new: "New password",
    submit: "Change password",
    wrong: "The current password is wrong.",
    changed: "Your password is changed. You are logged out everywhere else.",
  },
  email: {
    title: "Change email address",
    current: "Current email",
    intro: "We send a link to the new address. The old address stays in use until you click the link.",
    new: "New email address",
    password: "Your password",
    submit: "Send confirmation link",
    wrongPassword: "The password is wrong.",
    taken: "The address is already used by another account.",
    same: "That is your current address.",
    sent: "We have sent a link to the new address. Click it to make the change.",
  },
};
