import { Fragment, type ReactNode } from "react";
import type { MessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";

/** A titled part of a text page; the heading names the section for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A bulleted list of catalogue texts. */
export function Items({ keys }: { keys: readonly MessageKey[] }) {
  const t = useT();
  return (
    <ul>
      {keys.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

/** A catalogue text whose `{email}` placeholder becomes a mail link. */
export function WithEmail({ text, email }: { text: string; email: string }) {
  return (
    <>
      {text.split("{email}").map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <a href={`mailto:${email}`}>{email}</a>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
