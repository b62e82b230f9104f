export const landing = {
  title: "Frivillige mentorer for unge i Billund Kommune",
  hero: {
    title: "Mentorbro – en bro mellem unge og voksne, der vil hjælpe",
    lead: "Mentorbro er Billund Kommunes portal for frivillige mentorer og foreninger. Her finder voksne, der gerne vil gøre en forskel, vej til unge, som har brug for en at støtte sig til på vejen mod job eller uddannelse.",
    needTitle: "Hvorfor der er brug for dig",
    need1: "Nogle unge har svært ved at få fodfæste i job eller uddannelse. Nogle har haft en svær skolegang. Andre kæmper med ensomhed, lavt selvværd eller en diagnose. Mange har mistet troen på, at noget kan lykkes.",
    need2: "Det, der hjælper, er tid, tålmodighed og en voksen, der bliver ved. En, der tror på den unge og går med hele vejen.",
    need3: "De svære øjeblikke kommer tit efter kl. 17. Den unge ligger vågen over morgendagens vagt, eller en udbetaling er ikke kommet. Så er der brug for en livline – en voksen, man kan ringe til. Kommunens rådgivere kan ikke være der døgnet rundt. Det kan en frivillig mentor og et fællesskab i en forening være med til.",
    primaryAction: "Bliv mentor",
    secondaryAction: "Se, hvordan det foregår",
  },
  mentor: {
    title: "Bliv mentor",
    intro: "Du behøver ikke at være ekspert. Du skal have lyst til at bruge noget af din tid på et ungt menneske – og til at blive ved, også når det går op og ned. Der er tre måder at være mentor på.",
    business: {
      title: "Erhvervsmentor",
      text: "Du er eller har været leder eller selvstændig. Du bruger din erfaring fra arbejdslivet til at guide en ung, for eksempel mens den unge er i praktik.",
    },
    civilSociety: {
      title: "Civilsamfundsmentor",
      text: "Du er frivillig – måske pensionist, studerende eller selv ung. Du er en fast person, den unge kan tale med i hverdagen, også efter arbejdstid.",
    },
    company: {
      title: "Virksomhedsmentor",
      text: "Du har en ung i praktik på din arbejdsplads og er den unges mentor i arbejdstiden. Du får de samme kurser og bliver en del af netværket.",
    },
    requirementsTitle: "Det kræver det",
    requirement1: "Tid til at mødes med den unge jævnligt over en længere periode.",
    requirement2: "En samtale med Ungeafdelingen og referencer, som vi må kontakte.",
    requirement3: "Dit samtykke til, at vi indhenter din straffeattest.",
    requirement4: "At du deltager i et mentorkursus, før du får en ung.",
    requirement5: "At du siger ja til vores fælles retningslinjer for mentorer.",
    honest: "Det er ikke altid let. Aftaler bliver aflyst, og fremskridt kan tage tid. Men du står ikke alene: Ungeafdelingen følger jer tæt, og du kan altid få sparring.",
    action: "Søg om at blive mentor",
  },
  associations: {
    title: "For foreninger",
    text1: "Er I en idrætsforening, en spejdergruppe, en genbrugsbutik eller en anden forening med opgaver, hvor en ung kan give en hånd? Gennem Ungenetværket kan I slå frivillige opgaver op for unge.",
    text2: "For mange unge er et fællesskab det første skridt. Hos jer kan de øve sig i at møde op, løse en opgave og høre til. Opgaverne må gerne være små, og de behøver ikke at kræve erfaring. Den unge kan tage en ven eller sin mentor med.",
    text3: "Ungeafdelingen godkender foreningen og foreslår unge, der passer til opgaven. I siger selv ja eller nej.",
    action: "Opret jeres forening",
  },
  staff: {
    title: "For medarbejdere",
    text: "Er du medarbejder i Ungeafdelingen? Log ind for at arbejde med frivillige, kurser, unge og forløb.",
    action: "Log ind på Mentorbro",
  },
  steps: {
    title: "Sådan foregår det",
    intro: "Fra du søger, til du er mentor for en ung, går der nogle trin. Sådan ser vejen ud.",
    step1: {
      title: "Du søger.",
      text: "Fortæl os om dig selv, hvorfor du vil være mentor, og hvornår du har tid – også om aftenen og i weekenden.",
    },
    step2: {
      title: "Samtale og godkendelse.",
      text: "Vi mødes til en samtale og kontakter dine referencer. Med dit samtykke indhenter vi din straffeattest. To medarbejdere godkender dig, og du får besked om afgørelsen.",
    },
    step3: {
      title: "Kursus.",
      text: "Du deltager i et mentorkursus. Her bliver du klædt på til opgaven og møder andre mentorer.",
    },
    step4: {
      title: "Match.",
      text: "Vi finder en ung, der passer til dig – for eksempel ud fra interesser, hvor I bor, og hvornår I begge har tid. Du siger selv ja. Derefter holder I et første møde og aftaler, hvordan I holder kontakten.",
    },
    step5: {
      title: "Opfølgning.",
      text: "Ungeafdelingen følger op på jer – to gange den første måned og derefter hver måned. Er noget svært, kan du altid række ud til os.",
    },
  },
};
