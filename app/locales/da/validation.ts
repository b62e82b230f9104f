export const validation = {
  required: "Udfyld feltet.",
  invalid: "Værdien er ikke gyldig.",
  emailRequired: "Skriv din e-mailadresse.",
  emailInvalid: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
  passwordRequired: "Skriv din adgangskode.",
  passwordTooShort: "Adgangskoden skal have mindst 12 tegn.",
  passwordTooLong: "Adgangskoden må højst have 256 tegn.",
  passwordWeak: "Adgangskoden er for nem at gætte. Brug fx flere ord, der ikke hænger sammen.",
  nameRequired: "Skriv dit navn.",
  nameTooLong: "Navnet må højst have 120 tegn.",
  localeRequired: "Vælg et sprog.",
  roleRequired: "Vælg en rolle.",
};
