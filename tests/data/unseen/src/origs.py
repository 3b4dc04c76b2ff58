"""Messages the network itself sent; people quote these in their replies."""
import hashlib


def _h(s):
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16) % 100000


INV_FI = dict(subj='Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', date='2026-11-10 10:03',
              mid='<kutsu-20261209-fi.7f3a@example.org>', text='''Hei,

Asiakaslähtöisyys oppilaitoksissa -kehittämisverkosto kokoontuu ensimmäiseen verkostopäiväänsä keskiviikkona 9.12.2026 klo 10–16 Kuntatalolle (Toinen linja 14, Helsinki). Päivän kustannuksista vastaa verkoston rahoittaja, joten osallistuminen on organisaatioille maksutonta.

Toivomme jokaisesta organisaatiosta mukaan 3–4 henkilöä: johdon edustajan, oppisopimustoiminnan esihenkilön sekä henkilöstön edustajia.

Vastaathan tähän viestiin 27.11. mennessä ja kerrot samalla mahdollisen erityisruokavalion.

Ystävällisin terveisin
Kehittämisverkosto
verkosto@example.org''')

INV_SV = dict(subj='Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', date='2026-11-10 10:05',
              mid='<kutsu-20261209-sv.7f3b@example.org>', text='''Hej,

Utvecklingsnätverket Kundorientering i läroanstalter (Asiakaslähtöisyys oppilaitoksissa) samlas till sin första nätverksdag onsdagen den 9 december 2026 kl. 10–16 i Kuntatalo (Andra linjen 14, Helsingfors). Dagen bekostas av nätverkets finansiär och är avgiftsfri för organisationerna.

Vi hoppas att varje organisation deltar med 3–4 personer: en representant för ledningen, en förman för läroavtalsverksamheten och representanter för personalen.

Vänligen svara på detta meddelande senast den 27 november och meddela samtidigt eventuell specialdiet.

Med vänlig hälsning
Kehittämisverkosto / Utvecklingsnätverket
verkosto@example.org''')

INV_EN = dict(subj='Invitation: Network day (Verkostopäivä) 9 December 2026', date='2026-11-10 10:07',
              mid='<kutsu-20261209-en.7f3c@example.org>', text='''Dear colleague,

The development network "Customer orientation in educational institutions" (Asiakaslähtöisyys oppilaitoksissa) will hold its first network day on Wednesday 9 December 2026, 10:00–16:00, at Kuntatalo (Toinen linja 14, Helsinki). The day is funded by the network's sponsor and is free of charge for the participating organisations.

We hope each organisation will send 3–4 people: someone from management, an apprenticeship supervisor and staff representatives.

Please reply to this message by 27 November and let us know about any dietary requirements.

Kind regards,
Kehittämisverkosto
verkosto@example.org''')

REM_FI = dict(subj='Muistutus: Verkostopäivä ke 9.12. klo 10–16', date='2026-12-01 09:00',
              mid='<muistutus-20261209-fi.a81c@example.org>', text='''Hei,

muistutamme, että verkostopäivä pidetään ensi keskiviikkona 9.12. klo 10–16 Kuntatalolla, Toinen linja 14, Helsinki. Ilmoittautuminen ja aamukahvi alakerran aulassa klo 9.30 alkaen. Päivän ohjelma on liitteenä.

Jos et pääse paikalle, ilmoitathan siitä vastaamalla tähän viestiin.

Tervetuloa!
Kehittämisverkosto''')

REM_SV = dict(subj='Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', date='2026-12-01 09:02',
              mid='<muistutus-20261209-sv.a81d@example.org>', text='''Hej,

vi påminner om att nätverksdagen hålls nästa onsdag den 9.12 kl. 10–16 i Kuntatalo, Andra linjen 14, Helsingfors. Registrering och morgonkaffe i entréhallen från kl. 9.30. Programmet finns som bilaga.

Om du inte har möjlighet att komma, meddela oss genom att svara på detta meddelande.

Välkommen!
Kehittämisverkosto / Utvecklingsnätverket''')

REM_EN = dict(subj='Reminder: Network day on Wednesday 9 December', date='2026-12-01 09:04',
              mid='<muistutus-20261209-en.a81e@example.org>', text='''Hello,

This is a reminder that the network day takes place next Wednesday, 9 December, 10:00–16:00 at Kuntatalo, Toinen linja 14, Helsinki. Registration and morning coffee in the lobby from 9:30. The programme is attached.

If you cannot attend, please let us know by replying to this message.

Welcome!
Kehittämisverkosto''')

JATKO_FI = dict(subj='Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', date='2026-11-20 13:30',
                mid='<jatko-20270210-fi.c112@example.org>', text='''Hei,

verkoston työ jatkuu joulukuun verkostopäivän jälkeen. Jatkopäivä pidetään keskiviikkona 10.2.2027 klo 10–16 Kuntatalolla.

Rahoittaja kustantaa ensimmäiset verkostopäivät. Jatkopäivien kustannukset jaetaan niiden organisaatioiden kesken, jotka sitoutuvat jatkotyöskentelyyn. Pyydämme organisaatioita ilmoittamaan 4.12. mennessä, sitoutuvatko ne jatkotyöskentelyyn.

Jatkopäivään voi ilmoittautua vastaamalla tähän viestiin. Halutessanne voitte kutsua mukaan myös asiakkaidenne tai sidosryhmienne edustajia vieraiksi.

Terveisin
Kehittämisverkosto''')

JATKO_SV = dict(subj='Uppföljningsdag 10.2.2027 och det fortsatta arbetet', date='2026-11-20 13:32',
                mid='<jatko-20270210-sv.c113@example.org>', text='''Hej,

nätverkets arbete fortsätter efter nätverksdagen i december. Uppföljningsdagen (jatkopäivä) hålls onsdagen den 10.2.2027 kl. 10–16 i Kuntatalo.

Finansiären bekostar de första nätverksdagarna. Kostnaderna för uppföljningsdagarna delas mellan de organisationer som förbinder sig till det fortsatta arbetet. Vi ber organisationerna meddela senast 4.12 om de förbinder sig till det fortsatta arbetet.

Du kan anmäla dig till uppföljningsdagen genom att svara på detta meddelande. Ni kan också bjuda in representanter för era kunder eller samarbetspartner som gäster.

Med vänlig hälsning
Kehittämisverkosto / Utvecklingsnätverket''')

JATKO_EN = dict(subj='Follow-up day 10 February 2027 and commitment to the follow-up work', date='2026-11-20 13:35',
                mid='<jatko-20270210-en.c114@example.org>', text='''Hello,

The network's work continues after the December network day. The follow-up day (jatkopäivä) will be held on Wednesday 10 February 2027, 10:00–16:00 at Kuntatalo.

The sponsor pays for the first network days. The costs of the follow-up days are shared between the organisations that commit to the follow-up work. We kindly ask each organisation to let us know by 4 December whether it commits to the follow-up work.

You can register for the follow-up day by replying to this message. You are also welcome to invite representatives of your customers or stakeholders as guests.

Best regards,
Kehittämisverkosto''')

INFO_FI = dict(subj='Uusi kehittämisverkosto: Asiakaslähtöisyys oppilaitoksissa', date='2026-11-02 12:00',
               mid='<info-fi.0b21@example.org>', text='''Hei,

käynnistämme ammatillisen koulutuksen järjestäjille kehittämisverkoston, jonka teemana on asiakaslähtöisyys oppilaitoksissa. Jos haluat kuulla verkostosta lisää, jätä osoitteesi verkkosivullamme https://www.example.org/verkosto ja paina LÄHETÄ – tai vastaa tähän viestiin.

Jos et halua saada lisää viestejä, voit painaa sivulla EI KIITOS tai kertoa siitä vastaamalla.

Kehittämisverkosto''')

INFO_SV = dict(subj='Nytt utvecklingsnätverk: Kundorientering i läroanstalter', date='2026-11-02 12:02',
               mid='<info-sv.0b22@example.org>', text='''Hej,

vi startar ett utvecklingsnätverk för anordnare av yrkesutbildning med temat kundorientering i läroanstalter. Om du vill höra mer om nätverket kan du lämna din adress på vår webbplats https://www.example.org/verkosto/sv och trycka på SKICKA – eller svara på detta meddelande.

Om du inte vill få fler meddelanden kan du trycka på NEJ TACK på sidan eller meddela oss genom att svara.

Kehittämisverkosto / Utvecklingsnätverket''')

INFO_EN = dict(subj='New development network: Customer orientation in educational institutions', date='2026-11-02 12:04',
               mid='<info-en.0b23@example.org>', text='''Hello,

We are launching a development network for vocational education providers on the theme of customer orientation in educational institutions. If you would like to hear more, leave your address on our website https://www.example.org/verkosto/en and press SEND - or simply reply to this message.

If you do not wish to receive further messages, press NO THANKS on the page or let us know by replying.

Kehittämisverkosto''')


def conf_fi(name, org, role, diet='-', date='2026-11-12 08:15', mid=None):
    return dict(subj='Vahvistus: ilmoittautumisesi kehittämisverkostoon', date=date,
                mid=mid or f'<vahvistus-{_h(name)}@example.org>', text=f'''Hei,

kiitos ilmoittautumisesta Asiakaslähtöisyys oppilaitoksissa -kehittämisverkostoon! Olemme kirjanneet seuraavat tiedot:

Nimi: {name}
Organisaatio: {org}
Tehtävä: {role}
Erityisruokavalio: {diet}

Jos tiedoissa on korjattavaa, vastaa tähän viestiin.

Kehittämisverkosto''')


def conf_sv(name, org, role, diet='-', date='2026-11-12 08:20', mid=None):
    return dict(subj='Bekräftelse: din anmälan till utvecklingsnätverket', date=date,
                mid=mid or f'<vahvistus-sv-{_h(name)}@example.org>', text=f'''Hej,

tack för din anmälan till utvecklingsnätverket Kundorientering i läroanstalter! Vi har registrerat följande uppgifter:

Namn: {name}
Organisation: {org}
Befattning: {role}
Specialdiet: {diet}

Om något behöver rättas, svara på detta meddelande.

Kehittämisverkosto / Utvecklingsnätverket''')


def conf_en(name, org, role, diet='-', date='2026-11-12 08:25', mid=None):
    return dict(subj='Confirmation: your registration for the development network', date=date,
                mid=mid or f'<vahvistus-en-{_h(name)}@example.org>', text=f'''Hello,

Thank you for registering for the development network "Customer orientation in educational institutions". We have recorded the following details:

Name: {name}
Organisation: {org}
Role: {role}
Dietary requirements: {diet}

If anything needs to be corrected, please reply to this message.

Kehittämisverkosto''')
