export const errors = {
  home: "Gå til forsiden",
  notFound: { title: "Siden findes ikke", body: "Vi kan ikke finde den side, du leder efter. Måske er linket forældet." },
  forbidden: { title: "Ingen adgang", body: "Du har ikke adgang til denne side. Kontakt Ungeafdelingen, hvis du mener, det er en fejl." },
  tooMany: { title: "For mange forsøg", body: "Vent lidt, og prøv igen." },
  server: { title: "Der skete en fejl", body: "Noget gik galt hos os. Prøv igen om lidt. Fejlen er registreret." },
};
