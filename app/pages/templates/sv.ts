import type { DemoCopy } from '#app/pages/templates/demo'
import type { QuoteCopy } from '#app/pages/templates/quote'
import type { WebinarCopy } from '#app/pages/templates/webinar'
import type { WhitepaperCopy } from '#app/pages/templates/whitepaper'

// The Swedish templates' copy, written for Swedish B2B buyers rather than translated: du to the reader, "ni" for
// their company, Swedish number style (18 %, 4,9/5, 1 200 with a no-break space), prices "exkl. moms", and a
// line on personuppgifter beside every form, which Swedish visitors expect since GDPR.

const FOOTER = '© Ditt företag AB. Alla rättigheter förbehållna.'

export const DEMO_SV: DemoCopy = {
  hero: {
    eyebrow: 'Plattform för intäktsstyrning',
    headline: 'Pipeline, prognoser och förnyelser – äntligen på ett ställe',
    subheadline: 'Sälj, ekonomi och kundansvariga jobbar med samma siffror i realtid. Boka en demo på 30 minuter så visar vi hur det ser ut med er egen data.',
    ctaLabel: 'Boka en demo',
    imageAlt: 'Produktens översikt med diagram över intäkter',
  },
  logos: 'Används av säljteam på bland andra',
  features: {
    heading: 'Byggt för hur B2B-försäljning faktiskt fungerar',
    intro: 'Slipp kalkylarken mellan CRM, fakturering och support.',
    items: [
      { icon: '🎯', title: 'Prognoser som håller', text: 'Varje säljares siffror summeras automatiskt, med historiken bakom varje ändring.' },
      { icon: '🔗', title: 'Igång på en dag', text: 'Färdiga kopplingar till ert CRM, Fortnox, Visma och ert datalager.' },
      { icon: '🔔', title: 'Förnyelser i tid', text: 'Varningar 90 dagar i förväg, baserade på användning och supportärenden.' },
      { icon: '🧾', title: 'Siffror som ekonomi litar på', text: 'Orderingång, ARR och kundtapp som stämmer mot huvudboken.' },
      { icon: '🛡️', title: 'Säkerhet och GDPR', text: 'Inloggning med SSO, behörighetsstyrning, loggning och all data lagrad inom EU.' },
      { icon: '🤝', title: 'En kontaktperson som stannar', text: 'Samma kundansvarig från uppstart till förnyelse – på svenska.' },
    ],
  },
  stats: {
    heading: 'Det här mäter våra kunder',
    items: [
      { value: '+18 %', label: 'träffsäkrare prognoser' },
      { value: '9 tim', label: 'sparad tid per chef och vecka' },
      { value: '−23 %', label: 'lägre intäktsbortfall första året' },
      { value: '30 dagar', label: 'i snitt till driftstart' },
    ],
  },
  testimonials: {
    heading: 'Därför bytte de',
    items: [
      {
        quote: 'Prognosmötet gick från en timmes diskussion om vems siffror som stämmer till en kvart om vad vi ska göra.',
        name: 'Karin Lindqvist',
        role: 'Försäljningschef, Nordvik Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      { quote: 'Ekonomi och sälj är äntligen överens om ARR. Bara det betalade plattformen.', name: 'Johan Ekström', role: 'Ekonomichef, Solberga Vård', avatar: '/images/templates/avatar-2.svg' },
      {
        quote: 'Vi upptäckte tre förnyelser i farozonen redan första månaden. Uppstarten var klockren.',
        name: 'Sara Nyberg',
        role: 'Kundansvarig chef, Contoso Sverige',
        avatar: '/images/templates/avatar-3.svg',
      },
    ],
  },
  inTheDemo:
    '<h2>Så går demon till</h2><ul><li>30 minuter med en produktspecialist – inget säljmanus</li><li>Vi utgår från din pipeline, dina prognoser och dina förnyelser</li><li>Du får en tydlig uppskattning av tid och kostnad för att komma igång</li></ul><p>Helt utan förpliktelser. De flesta team bestämmer sig inom två veckor.</p>',
  form: {
    heading: 'Boka din demo',
    text: 'Berätta kort om ditt team så kontaktar en produktspecialist dig för att hitta en tid. Vi använder dina personuppgifter bara för att svara på din förfrågan.',
  },
  faq: {
    heading: 'Vanliga frågor',
    items: [
      { question: 'Hur lång tid tar införandet?', answer: 'De flesta kunder är igång inom 30 dagar. Att koppla CRM och ekonomisystem tar oftast en dag.' },
      { question: 'Fungerar det med vårt CRM?', answer: 'Ja. Vi har färdiga kopplingar till de vanligaste CRM- och ekonomisystemen, och ett öppet API för resten.' },
      { question: 'Vad kostar det?', answer: 'Ett årsabonnemang per användare, utan startavgift. Alla priser är exkl. moms, och du får en offert efter demon.' },
      { question: 'Var lagras vår data?', answer: 'I datacenter i Sverige och övriga EU, krypterad vid överföring och lagring. Vi tecknar personuppgiftsbiträdesavtal enligt GDPR.' },
    ],
  },
  cta: { label: 'Boka en demo', note: '30 minuter. Helt utan förpliktelser.' },
  footer: FOOTER,
}

export const WEBINAR_SV: WebinarCopy = {
  hero: {
    eyebrow: 'Kostnadsfritt webbinarium · 45 minuter',
    headline: 'Stäng månaden på 3 dagar i stället för 10',
    subheadline: 'Två ekonomichefer visar hur de kortade månadsbokslutet med 70 % – utan att anställa fler. Med frågestund i realtid.',
    ctaLabel: 'Säkra din plats',
    imageAlt: 'Ett videomöte där två talare visar ett diagram',
  },
  countdown: { label: 'Webbinariet börjar om', expiredText: 'Webbinariet har börjat. Anmäl dig så får du inspelningen.' },
  logos: 'Ekonomiteam från de här företagen har deltagit',
  features: {
    heading: 'Det här får du med dig',
    intro: 'Ett praktiskt pass utan bildspelsfluff: varje steg kommer med mallen vi själva använder.',
    items: [
      { icon: '🗓️', title: 'En bokslutskalender på 3 dagar', text: 'Vilka moment du flyttar före månadsskiftet och vilka du stryker helt.' },
      { icon: '🔁', title: 'Avstämningar på autopilot', text: 'Så matchar du 95 % av transaktionerna automatiskt och granskar bara avvikelserna.' },
      { icon: '📊', title: 'Rapporter som ledningen litar på', text: 'En enda version av siffrorna, spårbar från varje belopp till dess källa.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '70 %', label: 'kortare månadsbokslut' },
      { value: '12 tim', label: 'sparad tid per redovisningsekonom och månad' },
      { value: '4 800+', label: 'ekonomer har deltagit' },
    ],
  },
  testimonials: {
    heading: 'Det här säger tidigare deltagare',
    items: [
      {
        quote: 'Bokslutskalendern var värd timmen i sig. Vi införde den månaden efter och stängde två dagar tidigare.',
        name: 'Emma Sjöberg',
        role: 'Controller, Nordvik Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      {
        quote: 'Konkret, ärligt och ingen säljpitch. Jag skickade inspelningen till hela teamet.',
        name: 'Johan Ekström',
        role: 'Ekonomichef, Solberga Vård',
        avatar: '/images/templates/avatar-2.svg',
      },
    ],
  },
  form: {
    heading: 'Säkra din kostnadsfria plats',
    text: 'Kan du inte delta live? Anmäl dig ändå, så skickar vi inspelningen och mallarna. Vi använder dina personuppgifter bara för webbinariet.',
  },
  faq: {
    heading: 'Frågor om webbinariet',
    items: [
      { question: 'Kostar det något?', answer: 'Nej. Webbinariet är kostnadsfritt och helt utan förpliktelser.' },
      { question: 'Blir det en inspelning?', answer: 'Ja. Alla som anmäler sig får inspelningen och bilderna via mejl dagen efter.' },
      { question: 'Vem passar webbinariet för?', answer: 'Controllers, redovisningschefer och CFO:er på företag med 50 till 5 000 anställda.' },
      { question: 'Hur lång tid tar det?', answer: '30 minuters genomgång och 15 minuters frågestund.' },
    ],
  },
  cta: { label: 'Anmäl dig kostnadsfritt', note: 'Tar 20 sekunder. Inga kortuppgifter.' },
  footer: FOOTER,
}

export const WHITEPAPER_SV: WhitepaperCopy = {
  hero: {
    eyebrow: 'Kostnadsfri rapport',
    headline: 'Kundonboarding i B2B – så gör de bästa',
    subheadline: 'Vi har kartlagt hur 1 200 mjukvarubolag gör signerade avtal till aktiva kunder – och vad de 10 % bästa gör annorlunda.',
    ctaLabel: 'Ladda ner rapporten',
    imageAlt: 'Rapportens omslag med diagram',
  },
  stats: {
    heading: 'De viktigaste resultaten',
    items: [
      { value: '63 %', label: 'av kundtappet sker under de första 90 dagarna' },
      { value: '2,4×', label: 'snabbare till värde för de 10 % bästa' },
      { value: '18 dagar', label: 'är mediantiden för onboarding' },
    ],
  },
  features: {
    heading: 'Det här innehåller rapporten',
    intro: '42 sidor data och beprövade arbetssätt, skrivna för dig som leder kundframgång eller verksamhetsutveckling.',
    items: [
      { icon: '📐', title: 'Jämförelser per segment', text: 'Onboardingtid, aktivering och tidigt kundtapp för små, medelstora och stora kunder.' },
      { icon: '🧭', title: 'Så gör de 10 % bästa', text: 'De sju arbetssätten som skiljer de snabbaste teamen från resten.' },
      { icon: '🧮', title: 'Mall för ett affärscase', text: 'Räkna hem snabbare onboarding inför din egen ledningsgrupp.' },
      { icon: '✅', title: 'En handlingsplan för 30 dagar', text: 'Var du börjar på måndag, med ansvariga och delmål.' },
    ],
  },
  whoShouldRead:
    '<h2>Vem rapporten är för</h2><p>Rapporten är skriven för dig som äger kundens första månader:</p><ul><li>Chefer för kundframgång och onboarding</li><li>Ansvariga för sälj- och intäktsprocesser</li><li>Grundare av växande mjukvarubolag</li></ul><p>Inget fluff: varje diagram kommer med frågan det besvarar och vad du kan göra åt saken.</p>',
  form: {
    heading: 'Få ditt kostnadsfria exemplar',
    text: 'Fyll i dina uppgifter så skickar vi rapporten. Vi behandlar dina personuppgifter enligt GDPR och säljer dem aldrig vidare.',
  },
  logos: 'Läses av team på',
  testimonials: {
    heading: 'Det här säger läsarna',
    items: [
      {
        quote: 'Jämförelserna per segment gav oss äntligen ett rimligt mål. Vi kortade onboardingen med en vecka på ett kvartal.',
        name: 'Sara Nyberg',
        role: 'Kundansvarig chef, Contoso Sverige',
        avatar: '/images/templates/avatar-3.svg',
      },
      { quote: 'Jag använde mallen för affärscase i styrelseunderlaget samma vecka.', name: 'Erik Holmberg', role: 'Vd, Fabrikam Norden', avatar: '/images/templates/avatar-2.svg' },
    ],
  },
  faq: {
    heading: 'Frågor',
    items: [
      { question: 'Är rapporten verkligen gratis?', answer: 'Ja. Vi ber bara om några uppgifter så att vi kan skicka den till dig.' },
      { question: 'Var kommer siffrorna ifrån?', answer: 'Från en anonym enkät bland 1 200 företag och sammanställd produktdata från de senaste 12 månaderna.' },
      { question: 'Delar ni mina uppgifter?', answer: 'Nej. Vi säljer eller lämnar aldrig ut dina personuppgifter, och du kan när som helst be oss radera dem.' },
    ],
  },
  footer: FOOTER,
}

export const QUOTE_SV: QuoteCopy = {
  hero: {
    eyebrow: 'IT-drift för växande företag',
    headline: 'Fast månadspris för IT som bara fungerar',
    subheadline: 'Berätta om ert företag så skickar vi en skräddarsydd offert med allt inkluderat inom en arbetsdag.',
    ctaLabel: 'Begär offert',
    secondaryLabel: 'Så fungerar det',
    imageAlt: 'En offert med ingående tjänster och totalpris',
  },
  logos: 'Vi tar hand om 400+ företag, bland andra',
  howItWorks: {
    heading: 'Så fungerar det',
    intro: 'Från förfrågan till påskriven offert i tre steg.',
    items: [
      { icon: '1️⃣', title: 'Berätta om ert företag', text: 'Antal anställda, kontor och vilka system ni använder. Det tar två minuter.' },
      { icon: '2️⃣', title: 'Få din offert', text: 'Ett fast månadspris inom en arbetsdag, med allt specificerat.' },
      { icon: '3️⃣', title: 'Byt utan driftstopp', text: 'Vi tar över från er nuvarande leverantör under en helg.' },
    ],
  },
  included: {
    heading: 'Det här ingår alltid',
    items: [
      { icon: '🎧', title: 'Obegränsad support', text: 'Telefon, chatt och mejl, med svar inom 15 minuter.' },
      { icon: '💻', title: 'Datorer som sköts åt er', text: 'Installerade, uppdaterade och skyddade – var medarbetarna än jobbar.' },
      { icon: '🔐', title: 'Säkerhet och backup', text: 'Skydd för alla enheter, utbildning mot nätfiske och dagliga, testade säkerhetskopior.' },
      { icon: '📋', title: 'Kvartalsmöten', text: 'Ett planeringsmöte med din kundansvarige varje kvartal.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '15 minuter', label: 'svarstid i snitt' },
      { value: '99,9 %', label: 'tillgänglighet för system vi driftar' },
      { value: '4,9/5', label: 'i kundnöjdhet' },
    ],
  },
  testimonials: {
    heading: 'Kunderna om bytet',
    items: [
      {
        quote: 'Offerten var tydlig ända ner till sista raden, och bytet gjordes under en helg. Ingen märkte något – precis som det ska vara.',
        name: 'Maria Andersson',
        role: 'Kontorschef, Nordvik Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      { quote: 'Vi betalar samma belopp varje månad och våra IT-ärenden löses samma dag.', name: 'Erik Holmberg', role: 'Vd, Fabrikam Norden', avatar: '/images/templates/avatar-2.svg' },
    ],
  },
  form: {
    heading: 'Begär din offert',
    text: 'Helt utan förpliktelser: en specialist svarar inom en arbetsdag. Vi använder dina personuppgifter bara för att ta fram offerten.',
  },
  faq: {
    heading: 'Vanliga frågor',
    items: [
      { question: 'Vad ingår i månadspriset?', answer: 'Support, datorhantering, säkerhet, backup och kvartalsmöten. Behöver ni hårdvara offererar vi den separat.' },
      { question: 'Vad kostar det?', answer: 'Från 695 kr per användare och månad, exkl. moms. Offerten visar exakt pris för just ert företag.' },
      { question: 'Finns det en bindningstid?', answer: 'Tolv månader, därefter löpande månad för månad. Du kan lägga till eller ta bort användare varje månad.' },
      { question: 'Kan ni samarbeta med vår nuvarande leverantör?', answer: 'Ja. Vi samordnar överlämningen med dem så att inget faller mellan stolarna.' },
      { question: 'Hur snabbt kan vi komma igång?', answer: 'Normalt två veckor efter att du har godkänt offerten.' },
    ],
  },
  cta: { label: 'Begär offert', note: 'Kostnadsfritt och utan förpliktelser.' },
  footer: FOOTER,
}
