export const layout = {
  skipToContent: "Gå til sidens indhold",
  tagline: "Frivillige mentorer for unge",
  switchLanguage: "English",
  logout: "Log ud",
  nav: {
    label: "Hovedmenu",
    home: "Forside",
    login: "Log ind",
    signup: "Opret bruger",
    dashboard: "Min side",
    users: "Brugere",
    mailbox: "Postkasse",
    audit: "Revisionslog",
    account: "Min konto",
  },
  footer: {
    address: "Ungeafdelingen hjælper unge under 30 på vej mod job og uddannelse.",
    about: "Mentorbro forbinder unge med frivillige mentorer og foreninger.",
    accessibility: "Tilgængelighedserklæring",
    privacy: "Privatlivspolitik",
  },
};
