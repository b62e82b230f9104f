/** The age a youth reaches this year, from the birth year: the age the matching and the mentors' age ranges use. */
export function ageOf(birthYear: number, now = new Date()) {
  return now.getUTCFullYear() - birthYear;
}
