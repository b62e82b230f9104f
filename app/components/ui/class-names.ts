/** Joins the class names that are set; `false`, `null`, `undefined` and "" are left out. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
