import { describe, expect, it } from "vitest";
import { errorList, validateForm } from "~/forms/validate";
import { translator, type MessageKey } from "~/i18n/catalogue";
import { formatDateTime } from "~/i18n/format";
import { da } from "~/locales/da";
import { en } from "~/locales/en";
import { safeRedirectPath } from "~/modules/auth/guards.server";
import { passwordProblem } from "~/modules/auth/password.server";
import { signupSchema } from "~/modules/auth/schemas";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe("form validation", () => {
  it("returns one catalogue message per field and keeps what was typed, except passwords", () => {
    const result = validateForm(form({ name: "  ", email: "not-an-email", password: "secret", locale: "fr" }), signupSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: "validation.nameRequired",
      email: "validation.emailInvalid",
      locale: "validation.localeRequired",
    });
    expect(result.values).toEqual({ name: "  ", email: "not-an-email", locale: "fr" });
    const t = translator("da");
    expect(errorList(result.errors, ["name", "email", "password", "locale"], t)).toEqual([
      { field: "name", message: "Skriv dit navn." },
      { field: "email", message: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk." },
      { field: "locale", message: "Vælg et sprog." },
    ]);
  });

  it("treats a missing field as required rather than as a crash", () => {
    const result = validateForm(form({}), signupSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.email).toBe("validation.emailRequired");
  });
});

describe("the catalogue", () => {
  it("has the same keys in Danish and English, and no empty texts", () => {
    expect(keys(en).sort()).toEqual(keys(da).sort());
    for (const key of keys(da)) {
      expect(translator("da")(key as MessageKey).trim(), key).not.toBe("");
      expect(translator("en")(key as MessageKey).trim(), key).not.toBe("");
    }
  });

  it("fills placeholders", () => {
    expect(translator("en")("auth.dashboard.welcome", { name: "Mette" })).toBe("Welcome, Mette");
    expect(translator("da")("auth.dashboard.welcome", { name: "Mette" })).toBe("Velkommen, Mette");
  });

  it("shows times in Copenhagen time, whatever the server's zone", () => {
    // 23:30 UTC on 30 June is 01:30 the next day in Danish summer time.
    expect(formatDateTime("da", "2026-06-30T23:30:00Z")).toMatch(/1\. jul\. 2026.*01[.:]30/);
  });
});

describe("password policy", () => {
  it("asks for length, not composition, and refuses what is easy to guess", () => {
    expect(passwordProblem("kort")).toBe("validation.passwordTooShort");
    expect(passwordProblem("password1234")).toBe("validation.passwordWeak");
    expect(passwordProblem("qwertyuiopasdf")).toBe("validation.passwordWeak");
    expect(passwordProblem("mette.hansen2026", ["mette.hansen@example.dk", "Mette Hansen"])).toBe("validation.passwordWeak");
    expect(passwordProblem("æbleskiver på tagterrassen")).toBeNull();
    expect(passwordProblem("🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊")).not.toBe("validation.passwordTooShort");
    expect(passwordProblem("x".repeat(257))).toBe("validation.passwordTooLong");
  });
});

describe("redirects after login", () => {
  it("only follows paths on this site", () => {
    expect(safeRedirectPath("/account/email")).toBe("/account/email");
    expect(safeRedirectPath("https://evil.example/")).toBe("/dashboard");
    expect(safeRedirectPath("//evil.example/")).toBe("/dashboard");
    expect(safeRedirectPath("/\\evil.example")).toBe("/dashboard");
    expect(safeRedirectPath(undefined)).toBe("/dashboard");
  });
});
