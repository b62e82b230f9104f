import type { Messages } from "~/i18n/catalogue";

export const admin: Messages["admin"] = {};
