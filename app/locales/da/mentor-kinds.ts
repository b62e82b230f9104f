export const mentorKinds = {
  common: {
    time: { title: "Tid" },
    hard: {
      title: "Det kan være svært",
      intro: "Vi vil gerne give dig et ærligt billede. Det giver meget at være mentor, men det er ikke altid let.",
      item1: "Den unge melder afbud eller kommer ikke, som I havde aftalt. Det handler sjældent om dig. Bliv ved med at række ud.",
      item2: "Fremskridt tager tid, og der kommer tilbageslag. En praktik kan slutte før tid. Små skridt tæller også.",
      item3: "Mange af de unge har haft en svær skolegang. Nogle har en diagnose, lavt selvværd eller er meget alene. Det tager tid at opbygge tillid.",
      item4: "Du skal kende dine grænser. Du kan ikke løse alt, og det skal du heller ikke. Du er ikke behandler eller sagsbehandler, og du må gerne sige fra.",
      outro: "Bliver du bekymret for den unge, så tal med din koordinator. Er der akut fare, så ring 112.",
    },
    support: {
      title: "Det får du",
      intro: "Du står ikke alene med opgaven.",
      item1: "Et introduktionskursus for mentorer, før du starter. Her lærer du om de unge, om rollen som mentor og om at passe på dig selv.",
      item2: "En fast koordinator i Ungeafdelingen, der følger op på jer – to gange den første måned og derefter hver måned.",
      item3: "Netværksmøder, hvor du møder andre mentorer, deler erfaringer og lærer nye redskaber.",
      item4: "En at ringe til. Når du er i tvivl, eller noget går skævt, kan du kontakte din koordinator.",
    },
    eligibility: {
      title: "Hvem kan søge",
      listIntro: "Det kræver vi af alle mentorer:",
      item1: "Du er fyldt 18 år.",
      item2: "Du har en ren privat straffeattest. Med dit samtykke indhenter vi den. Vi gemmer ikke selve attesten, kun at vi har vurderet den.",
      item3: "Du deltager i en samtale med Ungeafdelingen og giver os to referencer, som vi må kontakte.",
      item4: "Du skriver under på vores retningslinjer for mentorer.",
      item5: "Du deltager i et mentorkursus, før du bliver matchet med en ung.",
    },
    apply: {
      title: "Sådan søger du",
      step1: {
        title: "Du søger.",
        text: "Udfyld ansøgningen. Fortæl om dig selv, hvorfor du vil være mentor, og hvornår du har tid.",
      },
      step2: {
        title: "Samtale.",
        text: "Vi mødes og taler om dine og vores forventninger. Vi kontakter dine to referencer.",
      },
      step3: {
        title: "Straffeattest.",
        text: "Med dit samtykke indhenter vi din private straffeattest.",
      },
      step4: {
        title: "Godkendelse.",
        text: "To medarbejdere i Ungeafdelingen ser din ansøgning igennem. Du får besked om afgørelsen og om, hvorfor vi har besluttet det.",
      },
      step5: {
        title: "Kursus.",
        text: "Du deltager i mentorkurset og skriver under på retningslinjerne for mentorer.",
      },
      step6: {
        title: "Match.",
        text: "Vi foreslår en ung, der passer til dig. Du siger selv ja eller nej. Derefter holder I et første møde og aftaler, hvor tit I ses, og hvordan I holder kontakten.",
      },
    },
    others: {
      title: "Andre måder at være mentor på",
      intro: "Passer rollen ikke helt til dig? Der er tre måder at være mentor på.",
    },
  },
  business: {
    title: "Bliv erhvervsmentor",
    name: "Erhvervsmentor",
    summary: "Du er eller har været leder eller selvstændig og guider en ung i din fritid.",
    lead: "Som erhvervsmentor bruger du din erfaring fra arbejdslivet til at hjælpe en ung på vej mod job eller uddannelse. Du er frivillig, og I mødes i din fritid.",
    role: {
      title: "Hvad er en erhvervsmentor?",
      p1: "En erhvervsmentor er en nuværende eller tidligere leder eller selvstændig, som er frivillig mentor for en ung. Den unge er under 30 år og har svært ved at få fodfæste i job eller uddannelse.",
      p2: "Du kender arbejdslivet indefra. Du ved, hvad en arbejdsgiver forventer, og hvordan en arbejdsplads fungerer. Den viden kan du give videre. Du kan forberede den unge på en praktik, tale om, hvordan den første uge gik, og hjælpe med at forstå de uskrevne regler.",
      p3: "Du er ikke den unges chef. Du er en voksen, der tror på den unge og bliver ved. Nogle gange kan dit netværk også åbne en dør – til en praktik, et job eller en snak med en virksomhed.",
    },
    time: {
      p1: "Regn med at mødes med den unge jævnligt i mange måneder. Unge med store udfordringer har brug for tid. Det, der virker, er en voksen, der bliver.",
      p2: "I aftaler selv, hvor tit og hvor længe I ses – for eksempel en gang om ugen eller hver anden uge. I kan mødes på en café, gå en tur eller tale i telefon.",
      p3: "Dertil kommer et mentorkursus, før du starter, og netværksmøder med andre mentorer undervejs.",
    },
    hard: {
      kind1: "Du er måske vant til, at tingene går stærkt. Her handler det mere om at lytte og vente end om at løse problemer for den unge.",
      kind2: "De svære øjeblikke kommer tit efter kl. 17. Morgendagens vagt fylder, eller en udbetaling er ikke kommet. Kan du tage et opkald om aftenen, kan det være en livline for den unge. Du aftaler selv, hvornår du kan kontaktes.",
    },
    support: {
      text: "Ungeafdelingen kender den unge og har kontakten til jobcentret. Du skal ikke selv finde rundt i reglerne om praktik og ydelser.",
    },
    eligibility: {
      intro: "Vi søger dig, der er eller har været leder eller selvstændig – i en stor eller lille virksomhed.",
      requirement: "Du har erfaring som leder eller selvstændig, nu eller tidligere.",
    },
    apply: {
      intro: "Skriv gerne om din erfaring og din branche. Det hjælper os med at finde en ung, der kan have glæde af netop dig.",
      action: "Søg som erhvervsmentor",
    },
  },
  civilSociety: {
    title: "Bliv civilsamfundsmentor",
    name: "Civilsamfundsmentor",
    summary: "Du er frivillig – måske pensionist, studerende eller selv ung – og en fast person i den unges hverdag.",
    lead: "Som civilsamfundsmentor er du en fast person i en ung persons hverdag. Du er frivillig og bruger noget af din fritid på at hjælpe den unge på vej mod job eller uddannelse.",
    role: {
      title: "Hvad er en civilsamfundsmentor?",
      p1: "En civilsamfundsmentor er en frivillig fra lokalsamfundet. Du kan være pensionist, studerende, aktiv i en forening eller selv ung. Du behøver ikke en bestemt uddannelse.",
      p2: "Du er en, den unge kan tale med og regne med. I kan gå en tur, drikke en kop kaffe eller tage til en aktivitet i en forening sammen. Du kan hjælpe med det praktiske – at forstå et brev, at komme af sted til tiden eller at forberede sig til en samtale.",
      p3: "Mange af de unge har ikke en voksen i deres netværk, der kan støtte dem. Den plads kan du være med til at udfylde. Du skal ikke være ekspert – du skal være der.",
    },
    time: {
      p1: "Regn med at mødes med den unge jævnligt i mange måneder. Det er tiden og stabiliteten, der gør forskellen.",
      p2: "I aftaler selv, hvor tit og hvor længe I ses – for eksempel en gang om ugen eller hver anden uge. Møderne kan ligge om eftermiddagen, om aftenen eller i weekenden, når det passer jer.",
      p3: "Dertil kommer et mentorkursus, før du starter, og netværksmøder med andre mentorer undervejs.",
    },
    hard: {
      kind1: "Du kommer tæt på et andet menneskes liv. Det kan være svært at lægge fra sig, når I har sagt farvel for i dag. Tal med din koordinator om det, der fylder.",
      kind2: "De svære øjeblikke kommer tit efter kl. 17. Morgendagens vagt fylder, eller en udbetaling er ikke kommet. Kan du tage et opkald om aftenen, kan det være en livline for den unge. Du aftaler selv, hvornår du kan kontaktes.",
    },
    support: {
      text: "Du behøver ingen erfaring som mentor. Kurset og din koordinator klæder dig på. Gennem Ungenetværket kan I også finde opgaver og fællesskaber i lokale foreninger.",
    },
    eligibility: {
      intro: "Alle kan søge. Pensionister, studerende og andre unge er meget velkomne. Det vigtigste er, at du har lyst til at være der for en ung – og tid til at blive ved.",
      requirement: "Du har tid til at mødes med den unge i din fritid, over flere måneder.",
    },
    apply: {
      intro: "Du behøver ikke at have prøvet det før. Skriv gerne, hvad du er god til, og hvad du kan lide at lave. Det hjælper os med at finde den rigtige unge til dig.",
      action: "Søg som civilsamfundsmentor",
    },
  },
  company: {
    title: "Bliv virksomhedsmentor",
    name: "Virksomhedsmentor",
    summary: "Du har en ung i praktik på din arbejdsplads og er mentor i arbejdstiden.",
    lead: "Som virksomhedsmentor tager du imod en ung i praktik på din arbejdsplads. Du er den unges faste kontakt i arbejdstiden og hjælper den unge med at lære arbejdet og kollegerne at kende.",
    role: {
      title: "Hvad er en virksomhedsmentor?",
      p1: "En virksomhedsmentor er en medarbejder, der har en ung i praktik i sin egen virksomhed. Du er den unges mentor i arbejdstiden.",
      p2: "Du viser den unge til rette, lærer fra dig og er den, den unge kan gå til med spørgsmål. Du hjælper den unge med at blive en del af fællesskabet på arbejdspladsen og med at få de første succeser med et arbejde.",
      p3: "Du skal ikke klare alt det, der ligger uden for arbejdet. Ungeafdelingen har kontakten til den unge om resten, og en frivillig mentor kan støtte den unge efter arbejdstid.",
    },
    time: {
      p1: "Du er mentor i arbejdstiden, så længe praktikken varer. Den kan være kort eller lang, og den kan begynde med en kort snusepraktik, så I kan mærke, om det passer.",
      p2: "Regn med at bruge tid hver dag i starten: at tage imod den unge, vise opgaverne og tale om, hvordan det går. Det bliver ofte mindre, når den unge finder sig til rette.",
      p3: "Dertil kommer opfølgning med Ungeafdelingen, et mentorkursus og netværksmøder med andre mentorer og virksomheder.",
    },
    hard: {
      kind1: "Den unge har måske aldrig haft et arbejde før. Det, der er selvfølgeligt for dig, skal måske læres – for eksempel at ringe, hvis man bliver syg.",
      kind2: "Praktikken tager tid fra dine egne opgaver. Dine kolleger skal også tage godt imod den unge, så tal om det på arbejdspladsen, før I starter.",
    },
    support: {
      text: "Virksomheden står ikke alene. Din koordinator hjælper med at finde det rigtige match og aftale rammerne for praktikken og følger op hos både dig og den unge. Du kan også tage jobcentrets mentorkursus.",
    },
    eligibility: {
      intro: "Du er ansat i en virksomhed – som leder eller medarbejder – og vil gerne tage imod en ung i praktik.",
      requirement: "Din arbejdsgiver siger ja til, at virksomheden tager en ung i praktik, og at du er mentor i arbejdstiden.",
    },
    apply: {
      intro: "Tal med din leder, før du søger. Virksomheden skal være med på at tage en ung i praktik.",
      action: "Søg som virksomhedsmentor",
    },
  },
};
