import type { Messages } from "~/i18n/catalogue";

export const layout: Messages["layout"] = {
  skipToContent: "Skip to content",
  tagline: "Volunteer mentors for young people",
  switchLanguage: "Dansk",
  logout: "Log out",
  nav: {
    label: "Main menu",
    home: "Home",
    login: "Log in",
    signup: "Create account",
    dashboard: "My page",
    users: "Users",
    mailbox: "Mailbox",
    audit: "Audit log",
    account: "My account",
  },
  footer: {
    address: "The Youth Unit helps young people under 30 on their way to work and education.",
    about: "Mentorbro connects young people with volunteer mentors and associations.",
    accessibility: "Accessibility statement",
    privacy: "Privacy notice",
  },
};
