import { da } from "~/locales/da";
import { en } from "~/locales/en";
import type { Locale } from "./locales";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill: Danish is the source, other languages mirror its keys. */
export type Messages = Widen<typeof da>;

type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<Messages>;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const catalogues: Record<Locale, Messages> = { da, en };

function flatten(tree: object, prefix: string, into: Map<string, string>) {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") into.set(prefix + key, value);
    else flatten(value as object, `${prefix}${key}.`, into);
  }
  return into;
}

// Flattened once per language; a translation is then one map lookup.
const flat: Record<Locale, Map<string, string>> = {
  da: flatten(catalogues.da, "", new Map()),
  en: flatten(catalogues.en, "", new Map()),
};

const placeholder = /\{(\w+)\}/g;

/** A message split at its placeholders: text, name, text, name, …, text (so always an odd length). */
type Template = string[];
const templates: Record<Locale, Map<string, Template>> = { da: new Map(), en: new Map() };

// Lists translate the same few messages with values on every row: each is split once, then joined per call.
function templateOf(locale: Locale, key: string, text: string): Template {
  let template = templates[locale].get(key);
  if (!template) {
    template = text.split(placeholder);
    templates[locale].set(key, template);
  }
  return template;
}

export function translator(locale: Locale): Translate {
  const messages = flat[locale];
  return (key, values) => {
    const own = messages.get(key);
    const text = own ?? flat.da.get(key) ?? key;
    if (!values) return text;
    const template = templateOf(own === undefined ? "da" : locale, key, text);
    let result = template[0]!;
    for (let i = 1; i < template.length; i += 2) {
      const name = template[i]!;
      result += (name in values ? String(values[name]) : `{${name}}`) + template[i + 1]!;
    }
    return result;
  };
}

/** True when `key` names a message; used to accept message keys that travel through cookies or URLs. */
export function isMessageKey(key: string): key is MessageKey {
  return flat.da.has(key);
}
