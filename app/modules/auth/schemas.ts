import { z } from "zod";
import { locales } from "~/i18n/locales";

// Messages are catalogue keys; validateForm turns them into the user's language.
const email = z
  .string({ required_error: "validation.emailRequired" })
  .trim()
  .min(1, "validation.emailRequired")
  .max(254, "validation.emailInvalid")
  .email("validation.emailInvalid");
const password = z.string({ required_error: "validation.passwordRequired" }).min(1, "validation.passwordRequired");
const name = z
  .string({ required_error: "validation.nameRequired" })
  .trim()
  .min(1, "validation.nameRequired")
  .max(120, "validation.nameTooLong");
const locale = z.enum(locales, { errorMap: () => ({ message: "validation.localeRequired" }) });
const token = z.string({ required_error: "validation.invalid" }).min(10, "validation.invalid").max(200, "validation.invalid");

export const loginSchema = z.object({ email, password, redirectTo: z.string().optional() });
export const signupSchema = z.object({ name, email, password, locale });
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z.object({ token, password });
export const tokenSchema = z.object({ token });
export const profileSchema = z.object({ name, locale });
export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password });
export const changeEmailSchema = z.object({ newEmail: email, password });
export const languageSchema = z.object({ locale, redirectTo: z.string().optional() });
