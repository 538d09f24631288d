import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Finnish: sinä-form as Finnish B2B sites use it, ”” quotes.
export const fi: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Kiitos: {form}',
    confirmationHeading: 'Kiitos, olemme vastaanottaneet tietosi',
    confirmationBody: 'Lähetit lomakkeen ”{form}”. Olemme sinuun yhteydessä.',
    download: 'Lataa',
    downloadHint: 'Latauslinkki on voimassa 7 päivää.',
    optInSubject: 'Vahvista tilauksesi',
    optInHeading: 'Vahvista tilauksesi',
    optInBody:
      'Tilasit viestejämme lomakkeella ”{form}”. Vahvista sähköpostiosoitteesi, niin alat saada viestejä. Jos et tehnyt tilausta, voit jättää tämän viestin huomiotta – emme lähetä sinulle enempää.',
    confirm: 'Vahvista osoitteeni',
    footer: 'Saat tämän viestin, koska tämä osoite annettiin lomakkeella.',
    unsubscribe: 'Peru tilaus',
  },
  pages: {
    confirmedTitle: 'Kiitos, osoitteesi on vahvistettu',
    confirmedText: 'Tilauksesi on voimassa. Voit sulkea tämän sivun.',
    alreadyConfirmedTitle: 'Osoitteesi on jo vahvistettu',
    alreadyConfirmedText: 'Sinun ei tarvitse tehdä mitään: tilauksesi on voimassa. Voit sulkea tämän sivun.',
    goneTitle: 'Tätä tilausta ei enää ole',
    goneText: 'Linkkiin liittyvät tiedot on poistettu. Voit halutessasi tilata uudelleen.',
    invalidConfirmTitle: 'Vahvistuslinkki ei kelpaa',
    invalidConfirmText: 'Tarkista, että kopioit viestistä koko linkin.',
    expiredTitle: 'Vahvistuslinkki on vanhentunut',
    expiredText: 'Vahvistuslinkit ovat voimassa 30 päivää. Tilaa uudelleen, niin saat uuden linkin.',
    unsubscribeTitle: 'Peru tilaus',
    unsubscribeText: 'Lopeta tämän lähettäjän viestit tähän osoitteeseen.',
    unsubscribeButton: 'Peru tilaus',
    invalidUnsubscribeTitle: 'Peruutuslinkki ei kelpaa',
    invalidUnsubscribeText: 'Tarkista, että kopioit viestistä koko linkin.',
    unsubscribedTitle: 'Tilauksesi on peruttu',
    unsubscribedText: 'Tähän osoitteeseen ei enää lähetetä viestejä tämän lähettäjän lomakkeilta.',
  },
}
