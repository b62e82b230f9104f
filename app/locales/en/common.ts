import type { Messages } from "~/i18n/catalogue";

export const common: Messages["common"] = {
  portalName: "Mentorbro",
  municipality: "Billund Municipality",
  unit: "Youth Unit",
  save: "Save",
  cancel: "Cancel",
  back: "Back",
  continue: "Continue",
  yes: "Yes",
  no: "No",
  roles: {
    admin: "Administrator",
    coordinator: "Coordinator",
    volunteer: "Volunteer",
    association: "Association",
  },
};
