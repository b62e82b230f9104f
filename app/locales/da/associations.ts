/** Ungenetværket: associations, their tasks, and young people taking part. */
export const associations = {
  errors: {
    cvr: "Skriv et gyldigt CVR-nummer på 8 cifre, eller lad feltet stå tomt.",
    website: "Skriv en gyldig webadresse, fx www.klubben.dk.",
    kind: "Vælg, hvilken slags forening I er.",
    category: "Vælg en kategori.",
    schedule: "Vælg, hvornår opgaven foregår.",
    places: "Skriv et helt antal pladser fra 1 til 500.",
    minutes: "Skriv, hvor mange minutter en gang varer – et helt tal fra 5 til 1.440.",
    minimumAge: "Skriv en mindstealder fra 13 til 30 år.",
    expiresOn: "Skriv en gyldig dato for, hvornår opslaget udløber.",
    startsAt: "Skriv en gyldig dato og et tidspunkt for, hvornår opgaven begynder.",
    endsAt: "Skriv et sluttidspunkt, der ligger efter starttidspunktet.",
    recurrence: "Skriv, hvornår opgaven gentages, fx »tirsdage kl. 17–19«.",
    hours: "Skriv antal timer som et tal, fx 6 eller 7,5.",
  },
};
