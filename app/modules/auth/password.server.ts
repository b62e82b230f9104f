import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { MessageKey } from "~/i18n/catalogue";

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const argon2Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string) {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let zxcvbn: ZxcvbnFactory | undefined;
function strengthChecker() {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return zxcvbn;
}

/**
 * NIST 800-63B: a length floor, no composition rules, and a refusal of passwords that are common or easy
 * to guess from the person's own name or address. Checked offline; returns the message to show, or null.
 */
export function passwordProblem(password: string, personal: string[] = []): MessageKey | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "validation.passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "validation.passwordTooLong";
  const personalWords = personal.flatMap(words);
  if (mostlyPersonal(password, personalWords)) return "validation.passwordWeak";
  // Scoring cost grows with length; the first 100 characters decide whether it is guessable.
  const result = strengthChecker().check(password.slice(0, 100), personalWords);
  return result.score < 3 ? "validation.passwordWeak" : null;
}

/** "mettehansen123" for Mette Hansen: once her own name is taken out, too little is left to guess. */
function mostlyPersonal(password: string, personalWords: string[]) {
  const lower = password.toLowerCase();
  const found = personalWords.filter((word) => lower.includes(word));
  if (found.length === 0) return false;
  let rest = lower;
  for (const word of found) rest = rest.split(word).join("");
  return [...rest.replace(/[\p{P}\s]/gu, "")].length < 8;
}

function words(value: string) {
  return value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3);
}
