import type { DemoCopy } from '#app/pages/templates/demo'
import type { QuoteCopy } from '#app/pages/templates/quote'
import type { WebinarCopy } from '#app/pages/templates/webinar'
import type { WhitepaperCopy } from '#app/pages/templates/whitepaper'

// The Danish templates' copy, written for Danish B2B buyers rather than translated: du to the reader, "I/jeres"
// for their company, Danish number style (18 %, 4,9/5, 1.200), prices "ekskl. moms", "Book en demo", and a line on
// persondata beside every form, which Danish visitors expect since GDPR.

const FOOTER = '© Din virksomhed ApS. Alle rettigheder forbeholdes.'

export const DEMO_DA: DemoCopy = {
  hero: {
    eyebrow: 'Én platform til salg, økonomi og kundesucces',
    headline: 'Alle aftaler, prognoser og fornyelser samlet ét sted',
    subheadline: 'Giv salg, økonomi og kundeansvarlige de samme tal i realtid. Book en demo på 30 minutter, og se det med jeres egne data.',
    ctaLabel: 'Book en demo',
    imageAlt: 'Produktets overblik med grafer over omsætningen',
  },
  logos: 'Bruges af salgsteams hos blandt andre',
  features: {
    heading: 'Bygget til den måde, B2B-salg fungerer på',
    intro: 'Slip for regnearkene mellem CRM, fakturering og support.',
    items: [
      { icon: '🎯', title: 'Prognoser, der holder', text: 'Tal fra hver sælger samles automatisk – med historikken bag hver ændring.' },
      { icon: '🔗', title: 'Koblet på på én dag', text: 'Færdige integrationer til jeres CRM, e-conomic, Dynamics og datavarehus.' },
      { icon: '🔔', title: 'Fornyelser til tiden', text: 'Advarsler 90 dage før, baseret på brug og supportsager.' },
      { icon: '🧾', title: 'Tal, økonomi kan stole på', text: 'Ordreindgang, ARR og kundefrafald, der stemmer med bogføringen.' },
      { icon: '🛡️', title: 'Sikkerhed og GDPR', text: 'Log-ind med SSO, rollestyring, logning og data, der bliver i EU.' },
      { icon: '🤝', title: 'Én fast kontaktperson', text: 'Den samme kundeansvarlige fra opstart til fornyelse – på dansk.' },
    ],
  },
  stats: {
    heading: 'Det måler vores kunder',
    items: [
      { value: '+18 %', label: 'mere præcise prognoser' },
      { value: '9 t', label: 'sparet pr. leder om ugen' },
      { value: '−23 %', label: 'mindre omsætningsfrafald første år' },
      { value: '30 dage', label: 'i gennemsnit til idriftsættelse' },
    ],
  },
  testimonials: {
    heading: 'Derfor skiftede de',
    items: [
      {
        quote: 'Vores prognosemøde gik fra en times diskussion om tallene til et kvarter om, hvad vi skal gøre.',
        name: 'Mette Kjær',
        role: 'Salgsdirektør, Nordlys Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      {
        quote: 'Økonomi og salg er endelig enige om ARR. Alene det har tjent platformen hjem.',
        name: 'Anders Holm',
        role: 'Økonomidirektør, Adatum Sundhed',
        avatar: '/images/templates/avatar-2.svg',
      },
      {
        quote: 'Vi fangede tre truede fornyelser den første måned. Opstarten var helt i top.',
        name: 'Sofie Lund',
        role: 'Kundechef, Contoso Danmark',
        avatar: '/images/templates/avatar-3.svg',
      },
    ],
  },
  inTheDemo:
    '<h2>Sådan foregår demoen</h2><ul><li>30 minutter med en produktspecialist – ikke et salgsmanuskript</li><li>Vi tager udgangspunkt i jeres pipeline, prognoser og fornyelser</li><li>I får et klart overslag over tid og pris for at komme i gang</li></ul><p>Helt uforpligtende. De fleste teams beslutter sig inden for to uger.</p>',
  form: {
    heading: 'Book din demo',
    text: 'Fortæl kort om jeres team, så kontakter en produktspecialist dig for at finde et tidspunkt. Vi bruger kun dine persondata til at besvare din henvendelse.',
  },
  faq: {
    heading: 'Ofte stillede spørgsmål',
    items: [
      { question: 'Hvor lang tid tager implementeringen?', answer: 'De fleste kunder er i gang inden for 30 dage. Det tager typisk en dag at koble CRM og økonomisystem på.' },
      { question: 'Kan det integreres med vores CRM?', answer: 'Ja. Vi har færdige integrationer til de udbredte CRM- og økonomisystemer og et åbent API til resten.' },
      { question: 'Hvad koster det?', answer: 'Et årsabonnement pr. bruger uden etableringsgebyr. Alle priser er ekskl. moms, og I får et tilbud efter demoen.' },
      { question: 'Hvor opbevares vores data?', answer: 'I datacentre i Danmark og resten af EU, krypteret under overførsel og lagring. Vi indgår databehandleraftale efter GDPR.' },
    ],
  },
  cta: { label: 'Book en demo', note: '30 minutter. Helt uforpligtende.' },
  footer: FOOTER,
}

export const WEBINAR_DA: WebinarCopy = {
  hero: {
    eyebrow: 'Gratis live-webinar · 45 minutter',
    headline: 'Luk måneden på 3 dage i stedet for 10',
    subheadline: 'To økonomichefer viser, hvordan de skar 70 % af tiden til månedsafslutningen – uden at ansætte flere. Med spørgsmål og svar undervejs.',
    ctaLabel: 'Sikr din plads',
    imageAlt: 'Et videomøde, hvor to oplægsholdere viser en graf',
  },
  countdown: { label: 'Webinaret starter om', expiredText: 'Webinaret er gået i gang. Tilmeld dig, så får du optagelsen.' },
  logos: 'Økonomiteams fra disse virksomheder har deltaget',
  features: {
    heading: 'Det lærer du',
    intro: 'Et praktisk webinar uden fyld: hvert trin kommer med den skabelon, vi selv bruger.',
    items: [
      { icon: '🗓️', title: 'En lukkekalender på 3 dage', text: 'Hvilke opgaver du rykker før månedsskiftet, og hvilke du dropper helt.' },
      { icon: '🔁', title: 'Afstemninger på autopilot', text: 'Sådan matcher du 95 % af posteringerne automatisk og gennemgår kun afvigelserne.' },
      { icon: '📊', title: 'Rapportering, ledelsen stoler på', text: 'Ét sæt tal, der kan spores fra hvert beløb til kilden.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '70 %', label: 'kortere månedsafslutning' },
      { value: '12 t', label: 'sparet pr. bogholder om måneden' },
      { value: '4.800+', label: 'økonomifolk har deltaget' },
    ],
  },
  testimonials: {
    heading: 'Det siger tidligere deltagere',
    items: [
      {
        quote: 'Lukkekalenderen alene var timen værd. Vi tog den i brug måneden efter og lukkede to dage tidligere.',
        name: 'Line Møller',
        role: 'Controller, Nordlys Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      {
        quote: 'Konkret, ærligt og uden salgstale. Jeg sendte optagelsen videre til hele teamet.',
        name: 'Anders Holm',
        role: 'Økonomidirektør, Adatum Sundhed',
        avatar: '/images/templates/avatar-2.svg',
      },
    ],
  },
  form: {
    heading: 'Sikr din gratis plads',
    text: 'Kan du ikke deltage live? Tilmeld dig alligevel, så sender vi optagelsen og skabelonerne. Vi bruger kun dine persondata til webinaret.',
  },
  faq: {
    heading: 'Spørgsmål om webinaret',
    items: [
      { question: 'Er webinaret gratis?', answer: 'Ja. Det koster ikke noget og er helt uforpligtende.' },
      { question: 'Bliver det optaget?', answer: 'Ja. Alle tilmeldte får optagelsen og slides på mail dagen efter.' },
      { question: 'Hvem er webinaret for?', answer: 'Controllere, økonomichefer og CFO’er i virksomheder med 50 til 5.000 medarbejdere.' },
      { question: 'Hvor lang tid varer det?', answer: '30 minutters oplæg og 15 minutters spørgsmål og svar.' },
    ],
  },
  cta: { label: 'Tilmeld dig gratis', note: 'Det tager 20 sekunder. Intet betalingskort.' },
  footer: FOOTER,
}

export const WHITEPAPER_DA: WhitepaperCopy = {
  hero: {
    eyebrow: 'Gratis rapport',
    headline: 'Kundeonboarding i B2B – sådan gør de bedste',
    subheadline: 'Vi har kortlagt, hvordan 1.200 softwarevirksomheder gør underskrevne aftaler til aktive kunder – og hvad de bedste 10 % gør anderledes.',
    ctaLabel: 'Hent rapporten',
    imageAlt: 'Rapportens forside med grafer',
  },
  stats: {
    heading: 'De vigtigste resultater',
    items: [
      { value: '63 %', label: 'af kundefrafaldet sker i de første 90 dage' },
      { value: '2,4×', label: 'hurtigere til værdi for de bedste 10 %' },
      { value: '18 dage', label: 'er mediantiden for onboarding' },
    ],
  },
  features: {
    heading: 'Det får du i rapporten',
    intro: '42 sider med data og afprøvede arbejdsgange, skrevet til dig, der leder kundesucces eller drift.',
    items: [
      { icon: '📐', title: 'Sammenligninger pr. segment', text: 'Onboardingtid, aktivering og tidligt frafald for små, mellemstore og store kunder.' },
      { icon: '🧭', title: 'Sådan gør de bedste 10 %', text: 'De syv arbejdsgange, der adskiller de hurtigste teams fra resten.' },
      { icon: '🧮', title: 'Skabelon til en business case', text: 'Sæt tal på hurtigere onboarding over for din egen ledelse.' },
      { icon: '✅', title: 'En handlingsplan for 30 dage', text: 'Hvor du starter på mandag, med ansvarlige og milepæle.' },
    ],
  },
  whoShouldRead:
    '<h2>Hvem rapporten er til</h2><p>Rapporten er skrevet til dig, der har ansvaret for kundens første måneder:</p><ul><li>Chefer for kundesucces og onboarding</li><li>Ledere af salgs- og forretningsprocesser</li><li>Stiftere af softwarevirksomheder i vækst</li></ul><p>Ingen fyld: hver graf kommer med det spørgsmål, den besvarer, og hvad du kan gøre ved det.</p>',
  form: {
    heading: 'Hent dit gratis eksemplar',
    text: 'Udfyld dine oplysninger, så sender vi dig rapporten. Vi behandler dine persondata efter GDPR og sælger dem aldrig videre.',
  },
  logos: 'Læses af teams hos',
  testimonials: {
    heading: 'Det siger læserne',
    items: [
      {
        quote: 'Sammenligningerne pr. segment gav os endelig et fair mål. Vi kortede onboardingen ned med en uge på et kvartal.',
        name: 'Sofie Lund',
        role: 'Kundechef, Contoso Danmark',
        avatar: '/images/templates/avatar-3.svg',
      },
      {
        quote: 'Jeg brugte skabelonen til business casen i bestyrelsesmaterialet samme uge.',
        name: 'Rasmus Vestergaard',
        role: 'Adm. direktør, Fabrikam Norden',
        avatar: '/images/templates/avatar-2.svg',
      },
    ],
  },
  faq: {
    heading: 'Spørgsmål',
    items: [
      { question: 'Er rapporten virkelig gratis?', answer: 'Ja. Vi beder kun om nogle få oplysninger, så vi kan sende den til dig.' },
      { question: 'Hvor kommer tallene fra?', answer: 'Fra en anonym undersøgelse blandt 1.200 virksomheder og samlede produktdata fra de seneste 12 måneder.' },
      { question: 'Deler I mine oplysninger?', answer: 'Nej. Vi sælger eller videregiver aldrig dine persondata, og du kan til enhver tid bede os slette dem.' },
    ],
  },
  footer: FOOTER,
}

export const QUOTE_DA: QuoteCopy = {
  hero: {
    eyebrow: 'IT-drift til virksomheder i vækst',
    headline: 'Fast månedspris på IT, der bare virker',
    subheadline: 'Fortæl os om jeres virksomhed, så sender vi et skræddersyet tilbud med alt inkluderet inden for én arbejdsdag.',
    ctaLabel: 'Få et tilbud',
    secondaryLabel: 'Sådan fungerer det',
    imageAlt: 'Et tilbud med inkluderede ydelser og en samlet pris',
  },
  logos: 'Vi passer på over 400 virksomheder, blandt andre',
  howItWorks: {
    heading: 'Sådan fungerer det',
    intro: 'Fra forespørgsel til underskrevet tilbud i tre trin.',
    items: [
      { icon: '1️⃣', title: 'Fortæl om jeres virksomhed', text: 'Antal medarbejdere, adresser og de systemer, I bruger. Det tager to minutter.' },
      { icon: '2️⃣', title: 'Få jeres tilbud', text: 'En fast månedspris inden for én arbejdsdag, med alt specificeret.' },
      { icon: '3️⃣', title: 'Skift uden nedetid', text: 'Vi overtager fra jeres nuværende leverandør hen over en weekend.' },
    ],
  },
  included: {
    heading: 'Det er altid med',
    items: [
      { icon: '🎧', title: 'Ubegrænset support', text: 'Telefon, chat og mail med svar inden for 15 minutter.' },
      { icon: '💻', title: 'Styring af computere', text: 'Sat op, opdateret og beskyttet – uanset hvor medarbejderne arbejder.' },
      { icon: '🔐', title: 'Sikkerhed og backup', text: 'Beskyttelse af alle enheder, træning mod phishing og daglige, testede backups.' },
      { icon: '📋', title: 'Kvartalsmøder', text: 'Et planlægningsmøde med jeres kundeansvarlige hvert kvartal.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '15 min.', label: 'gennemsnitlig svartid' },
      { value: '99,9 %', label: 'oppetid på de systemer, vi drifter' },
      { value: '4,9/5', label: 'i kundetilfredshed' },
    ],
  },
  testimonials: {
    heading: 'Kunderne om skiftet',
    items: [
      {
        quote: 'Tilbuddet var klart helt ned til sidste linje, og skiftet skete på en weekend. Ingen opdagede noget – og sådan skal det være.',
        name: 'Pernille Nielsen',
        role: 'Kontorchef, Nordlys Logistik',
        avatar: '/images/templates/avatar-1.svg',
      },
      {
        quote: 'Vi betaler det samme hver måned, og vores IT-sager bliver løst samme dag.',
        name: 'Rasmus Vestergaard',
        role: 'Adm. direktør, Fabrikam Norden',
        avatar: '/images/templates/avatar-2.svg',
      },
    ],
  },
  form: {
    heading: 'Få dit tilbud',
    text: 'Helt uforpligtende: en specialist svarer inden for én arbejdsdag. Vi bruger kun dine persondata til at udarbejde tilbuddet.',
  },
  faq: {
    heading: 'Ofte stillede spørgsmål',
    items: [
      { question: 'Hvad er med i månedsprisen?', answer: 'Support, styring af computere, sikkerhed, backup og kvartalsmøder. Har I brug for hardware, giver vi et separat tilbud.' },
      { question: 'Hvad koster det?', answer: 'Fra 495 kr. pr. bruger om måneden, ekskl. moms. Tilbuddet viser den præcise pris for jeres virksomhed.' },
      { question: 'Er der en bindingsperiode?', answer: 'Tolv måneder, derefter løbende måned for måned. I kan tilføje eller fjerne brugere hver måned.' },
      { question: 'Kan I samarbejde med vores nuværende leverandør?', answer: 'Ja. Vi koordinerer overdragelsen med dem, så intet går tabt undervejs.' },
      { question: 'Hvor hurtigt kan vi komme i gang?', answer: 'Typisk to uger efter, at I har accepteret tilbuddet.' },
    ],
  },
  cta: { label: 'Få et tilbud', note: 'Gratis og uforpligtende.' },
  footer: FOOTER,
}
