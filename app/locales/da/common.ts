export const common = {
  portalName: "Mentorbro",
  municipality: "Billund Kommune",
  unit: "Ungeafdelingen",
  save: "Gem",
  cancel: "Annuller",
  back: "Tilbage",
  continue: "Fortsæt",
  yes: "Ja",
  no: "Nej",
  roles: {
    admin: "Administrator",
    coordinator: "Koordinator",
    volunteer: "Frivillig",
    association: "Forening",
  },
};
