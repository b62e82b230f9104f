import type { Messages } from "~/i18n/catalogue";

export const validation: Messages["validation"] = {
  required: "Fill in this field.",
  invalid: "This value is not valid.",
  emailRequired: "Enter your email address.",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  passwordRequired: "Enter your password.",
  passwordTooShort: "The password must have at least 12 characters.",
  passwordTooLong: "The password can have at most 256 characters.",
  passwordWeak: "The password is too easy to guess. Try several unrelated words.",
  nameRequired: "Enter your name.",
  nameTooLong: "The name can have at most 120 characters.",
  localeRequired: "Choose a language.",
  roleRequired: "Choose a role.",
};
