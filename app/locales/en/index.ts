import type { Messages } from "~/i18n/catalogue";
import { account } from "./account";
import { admin } from "./admin";
import { application } from "./application";
import { auth } from "./auth";
import { common } from "./common";
import { courseAdmin } from "./courseAdmin";
import { courses } from "./courses";
import { email } from "./email";
import { errors } from "./errors";
import { landing } from "./landing";
import { layout } from "./layout";
import { legal } from "./legal";
import { mentorKinds } from "./mentor-kinds";
import { ui } from "./ui";
import { validation } from "./validation";
import { vetting } from "./vetting";

export const en: Messages = { common, layout, ui, validation, errors, auth, account, admin, landing, legal, email, mentorKinds, application, vetting, courses, courseAdmin };
