from common import *
from lib import ics, dsn_raw, mdn_raw, orig_headers

NET = ('Kehittämisverkosto', 'verkosto@example.org')
M = []
def add(**k):
    k['lang'] = 'fi'
    M.append(k)

# ---------- signup ----------
add(label='signup', date='2026-11-03 13:40', client='outlook', frm=('Tuula Hyvönen', 'tuula.hyvonen@gradia.test'),
    subject='Ilmoittautuminen kehittämisverkostoon',
    body="""Hei,

kuulin verkostostanne Keudan kollegalta ja haluaisin ilmoittautua mukaan. Toimin Gradiassa koulutuspäällikkönä ja vastuullani on mm. oppisopimuskoulutuksen kehittäminen Jyväskylän seudulla.

Yhteystietoni:
Tuula Hyvönen, koulutuspäällikkö
Koulutuskuntayhtymä Gradia
Viitaniementie 1, 40720 Jyväskylä

Erityisruokavaliota minulla ei ole.

Ystävällisin terveisin
Tuula Hyvönen
Koulutuspäällikkö | Gradia
p. 040 555 0182""",
    exp=dict(people=[dict(name='Tuula Hyvönen', address='tuula.hyvonen@gradia.test', role='management', organisation='Gradia')]))

add(label='signup', client='gmail', frm=('Kalle Nurmi', 'kalle.nurmi@keuda.test'),
    subject='ilmoittautuminen',
    body="""Nimi: Kalle Nurmi
Organisaatio: Keuda
Tehtävänimike: opettaja, oppisopimus
Sähköposti: kalle.nurmi@keuda.test
Postiosoite: Sarvikalliontie 4, 04200 Kerava
Erityisruokavalio: laktoositon

t. Kalle""",
    exp=dict(people=[dict(name='Kalle Nurmi', address='kalle.nurmi@keuda.test', role='staff', organisation='Keuda')]))

add(label='signup', date='2026-11-04 09:12', client='outlook_html', frm=('Maija Mallikas', 'maija.mallikas@omnia.test'),
    subject='Omnian osallistujat verkostoon',
    body="""Hei!

Ilmoitan Omniasta verkostoon mukaan seuraavat kolme henkilöä (itse olen jo listoillanne):

1) Pekka Virtanen, oppisopimustoiminnan esimies, pekka.virtanen@omnia.test – ei erityisruokavaliota
2) Sanna Koskinen, koulutussuunnittelija, sanna.koskinen@omnia.test – gluteeniton
3) Jari Lehtonen, opettaja, jari.lehtonen@omnia.test – kasvis

Osoite kaikilla sama: Omnia, Kirkkokatu 16, 02770 Espoo.

Terveisin
Maija

Maija Mallikas
Vararehtori
Espoon seudun koulutuskuntayhtymä Omnia
puh. 050 555 0140""",
    exp=dict(people=[dict(name='Pekka Virtanen', address='pekka.virtanen@omnia.test', role='supervisor', organisation='Omnia'),
                     dict(name='Sanna Koskinen', address='sanna.koskinen@omnia.test', role='staff', organisation='Omnia'),
                     dict(name='Jari Lehtonen', address='jari.lehtonen@omnia.test', role='staff', organisation='Omnia')]))

add(label='signup', date='2026-11-05 21:17', client='iphone', frm=('Jonna Aaltonen', 'jonna.aaltonen@stadi.test'),
    subject='Ilmottautuminen',
    body="""Moi, ilmottaudun verkostoon. Jonna Aaltonen, Stadin ammatti- ja aikuisopisto, opettaja (logistiikka). Ei ruokarajotteita.

Lähetetty iPhonesta""",
    exp=dict(people=[dict(name='Jonna Aaltonen', address='jonna.aaltonen@stadi.test', role='staff', organisation='Stadi')]))

add(label='signup', client='owa', frm=('Riikka Salminen', 'riikka.salminen@keuda.test'),
    subject='Ilmoittautuminen: tiiminvetäjä + yritysvieras',
    body="""Hei,

ilmoittaudun verkostoon Keudan oppisopimustiimin tiiminvetäjänä. Lisäksi ilmoitan vieraaksi yhteistyöyrityksemme edustajan Timo Rantasen (timo.rantanen@rakennuskivi.test, Rakennuskivi Oy, työnjohtaja), joka on ollut meillä pitkään oppisopimustyönantajana.

Ruokavaliot: minä kasvis, Timolla ei rajoitteita.

Riikka Salminen
tiiminvetäjä, oppisopimuspalvelut
Keski-Uudenmaan koulutuskuntayhtymä Keuda
040 555 0671""",
    exp=dict(people=[dict(name='Riikka Salminen', address='riikka.salminen@keuda.test', role='supervisor', organisation='Keuda'),
                     dict(name='Timo Rantanen', address='timo.rantanen@rakennuskivi.test', role='guest')]))

# ---------- interest_join ----------
add(label='interest_join', date='2026-11-12 14:07', client='plain', frm=('Verkoston sivut', 'lomake@example.org'),
    reply_to=('', 'heikki.laaksonen@gradia.test'),
    headers=[('X-Form-Id', 'yhteystiedot-fi')],
    subject='Lomake: Jätä yhteystietosi, niin kuulet lisää',
    body="""Uusi lomakevastaus sivulta "Asiakaslähtöisyys oppilaitoksissa"

Sähköposti: heikki.laaksonen@gradia.test
Valinta: LÄHETÄ

Lähetetty: 12.11.2026 14:07
--
Tämä viesti on lähetetty automaattisesti verkkolomakkeelta.""",
    exp=dict(acts_for='heikki.laaksonen@gradia.test'))

add(label='interest_join', date='2026-11-03 08:44', client='gmail', frm=('Sari Heino', 'sari.heino@stadi.test'),
    subject='lisätietoa verkostosta',
    body="""Hei

Laittakaa mut listalle, haluaisin kuulla lisää verkoston toiminnasta ja tulevista päivistä. En osaa vielä sanoa osallistunko, mutta kiinnostaa kovasti.

Sari Heino
opinto-ohjaaja, Stadi""")

add(label='interest_join', client='plain', frm=('', 'noreply@example.org'),
    subject='Yhteydenottopyyntö verkkosivuilta',
    body="""Hei,

verkkosivun lomakkeella on jätetty yhteystiedot.

Lomake: Jätä yhteystietosi, niin kuulet lisää
Painike: LÄHETÄ
Sähköpostiosoite: ville.karjalainen@omnia.test

Älä vastaa tähän viestiin.""",
    exp=dict(acts_for='ville.karjalainen@omnia.test'))

# ---------- interest_leave ----------
add(label='interest_leave', client='outlook', frm=('Eija Koivisto', 'eija.koivisto@keuda.test'),
    subject='Postituslista',
    body="""Hei,

poistakaa minut postituslistalta, en työskentele enää oppisopimusasioiden parissa.

Kiitos ja hyvää loppuvuotta!
Eija Koivisto""")

add(label='interest_leave', date='2026-11-27 09:51', client='plain', frm=('Verkoston sivut', 'lomake@example.org'),
    reply_to=('', 'mikko.hamalainen@stadi.test'),
    subject='Lomake: Jätä yhteystietosi, niin kuulet lisää',
    body="""Uusi lomakevastaus sivulta "Asiakaslähtöisyys oppilaitoksissa"

Sähköposti: mikko.hamalainen@stadi.test
Valinta: EI KIITOS

Lähetetty: 27.11.2026 09:51
--
Tämä viesti on lähetetty automaattisesti verkkolomakkeelta.""",
    exp=dict(acts_for='mikko.hamalainen@stadi.test'))

# ---------- rsvp_yes ----------
add(label='rsvp_yes', date='2026-11-16 12:22', client='iphone', reply=1, frm=('Matti Meikäläinen', 'matti.meikalainen@stadi.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""Tulen. Kasvisruoka kiitos

Lähetetty iPhonesta

> Kehittämisverkosto <verkosto@example.org> kirjoitti 16.11.2026 kello 10.00:
>
""" + q(INV_FI),
    exp=dict(day='2026-12-09'))

add(label='rsvp_yes', date='2026-11-16 11:31', client='calendar', reply=1, frm=('Pekka Virtanen', 'pekka.virtanen@omnia.test'),
    subject='Hyväksytty: Verkostopäivä',
    body='',
    ics=ics('2026-12-09', 'pekka.virtanen@omnia.test', 'ACCEPTED', name='Pekka Virtanen'),
    exp=dict(day='2026-12-09'))

add(label='rsvp_yes', client='android', reply=2, frm=('Tiina Lindroos', 'tiina.lindroos@keuda.test'),
    subject='VS: Jatkopäivä 10.2.2027',
    body="""mä tuun helmikuun jatkopäivään, kiitti kutsusta!

Hanki Outlook for Android

________________________________
Lähettäjä: Kehittämisverkosto <verkosto@example.org>
Lähetetty: maanantai 16. marraskuuta 2026 10.00
Vastaanottaja: Tiina Lindroos <tiina.lindroos@keuda.test>
Aihe: Jatkopäivä 10.2.2027

""" + INV2_FI,
    exp=dict(day='2027-02-10'))

add(label='rsvp_yes', date='2026-11-28 10:02', client='calendar', cal_client='google', reply=2, frm=('Jussi Heikkinen', 'jussi.heikkinen@stadi.test'),
    subject='Hyväksytty kutsu: Jatkopäivä ke 10.2.2027 10–16 (EET) (verkosto@example.org)',
    body="""Jussi Heikkinen on hyväksynyt tämän kutsun.

Jatkopäivä
ke 10.2.2027 10–16 (Itä-Euroopan normaaliaika)
Kuntatalo, Helsinki

Kutsu Google-kalenterista""",
    ics=ics('2027-02-10', 'jussi.heikkinen@stadi.test', 'ACCEPTED', prodid='-//Google Inc//Google Calendar 70.9054//EN', name='Jussi Heikkinen'),
    exp=dict(day='2027-02-10'))

add(label='rsvp_yes', client='outlook', reply=1, frm=('Anu Peltonen', 'anu.peltonen@gradia.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""Hei,

kiitos kutsusta, osallistun mielelläni joulukuun verkostopäivään. Tulen junalla Jyväskylästä, joten saatan olla paikalla vasta noin 10.15.

Ruokavalio: ei erityistä.

Terveisin
Anu Peltonen
oppisopimuskoordinaattori, Gradia

Lähettäjä: Kehittämisverkosto <verkosto@example.org>
Lähetetty: maanantai 16. marraskuuta 2026 10.00
Vastaanottaja: Anu Peltonen <anu.peltonen@gradia.test>
Aihe: Kutsu verkostopäivään 9.12.2026

""" + INV_FI,
    exp=dict(day='2026-12-09'))

# ---------- rsvp_no ----------
add(label='rsvp_no', charset='windows-1252', client='outlook', reply=1, frm=('Hannu Mattila', 'hannu.mattila@keuda.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""Hei,

en valitettavasti pääse 9.12. verkostopäivään, koska meillä on samana päivänä johtoryhmän kehittämispäivä.

Hannu Mattila
koulutusjohtaja, Keuda""",
    exp=dict(day='2026-12-09'))

add(label='rsvp_no', client='calendar', reply=2, frm=('Sanna Koskinen', 'sanna.koskinen@omnia.test'),
    subject='Hylätty: Jatkopäivä',
    body="""En pääse, päällekkäinen koulutus.""",
    ics=ics('2027-02-10', 'sanna.koskinen@omnia.test', 'DECLINED', name='Sanna Koskinen', comment='En pääse\\, päällekkäinen koulutus.'),
    exp=dict(day='2027-02-10'))

add(label='rsvp_no', client='iphone', reply=2, frm=('Jari Lehtonen', 'jari.lehtonen@omnia.test'),
    subject='Re: Jatkopäivä 10.2.2027',
    body="""ei paase helmikuussa, sori. oon silloin lomalla

Lähetetty iPhonesta""",
    exp=dict(day='2027-02-10'))

add(label='rsvp_no', client='outlook', reply=1, frm=('Maija Mallikas', 'maija.mallikas@omnia.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""Hei,

joudun valitettavasti jättämään joulukuun päivän väliin – hallituksen kokous osui juuri samalle keskiviikolle. Pekka ja Sanna ovat Omniasta paikalla.

Helmikuussa nähdään!

Maija""",
    exp=dict(day='2026-12-09'))

# ---------- cancel ----------
add(label='cancel', cte='base64', client='gmail', frm=('Kaisa Räsänen', 'kaisa.rasanen@stadi.test'),
    subject='Ilmoittautumisen peruminen',
    body="""Hei,

perun ilmoittautumiseni kehittämisverkostoon. Tilanne työpaikalla muuttui eikä minulla ole resursseja osallistua verkoston toimintaan tänä lukuvuonna.

Pahoittelut vaivasta,
Kaisa Räsänen""")

add(label='cancel', client='outlook', frm=('Petri Hakala', 'petri.hakala@gradia.test'),
    subject='Jatkopäivän peruutus',
    body="""Hei,

perun osallistumiseni helmikuun jatkopäivään (10.2.). Ilmoittauduin siihen jo aiemmin, mutta en pääsekään matkustamaan Helsinkiin silloin.

Joulukuun päivään tulen normaalisti.

t. Petri Hakala
Gradia""",
    exp=dict(day='2027-02-10'))

add(label='cancel', client='thunderbird', frm=('Leena Turunen', 'leena.turunen@keuda.test'),
    subject='Perun osallistumiseni',
    body="""Hei,

jäin eläkkeelle marraskuun lopussa, joten perun ilmoittautumiseni verkostoon. Voitte samalla poistaa minut myös postituslistalta, en tarvitse enää tiedotteita.

Kiitos näistä vuosista ja antoisista keskusteluista!

Leena Turunen""",
    exp=dict(also=['interest_leave']))

# ---------- substitute ----------
add(label='substitute', client='outlook', reply=1, frm=('Mervi Ojala', 'mervi.ojala@keuda.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""Hei,

en itse pääse 9.12., mutta tilalleni tulee kollegani Paula Kivimäki (paula.kivimaki@keuda.test). Paulalla on gluteeniton ruokavalio.

Terveisin
Mervi Ojala
oppisopimustoiminnan esihenkilö, Keuda""",
    exp=dict(day='2026-12-09', people=[dict(name='Paula Kivimäki', address='paula.kivimaki@keuda.test', organisation='Keuda')]))

add(label='substitute', date='2026-11-27 18:40', client='iphone', reply=2, frm=('Matti Meikäläinen', 'matti.meikalainen@stadi.test'),
    subject='VS: Jatkopäivä 10.2.2027',
    body="""Mun sijasta helmikuussa tulee Jussi Heikkinen meiltä Stadista, mä oon koulutuksessa sen viikon.

-Matti

Lähetetty iPhonesta""",
    exp=dict(day='2027-02-10', people=[dict(name='Jussi Heikkinen', organisation='Stadi')]))

add(label='substitute', date='2026-12-01 15:30', client='owa', frm=('Tuula Hyvönen', 'tuula.hyvonen@gradia.test'),
    subject='Sijainen joulukuun verkostopäivään',
    body="""Hei,

en pääse itse joulukuun verkostopäivään, joten lähetän tilalleni Outi Rädyn. Outi toimii Gradiassa oppisopimustiimin tiiminvetäjänä ja hänen osoitteensa on outi.raty@gradia.test.

Kiitos,
Tuula""",
    exp=dict(day='2026-12-09', people=[dict(name='Outi Räty', address='outi.raty@gradia.test', role='supervisor', organisation='Gradia')]))

# ---------- commit ----------
add(label='commit', date='2026-11-25 11:02', client='outlook', frm=('Seppo Nieminen', 'seppo.nieminen@omnia.test'),
    subject='Omnian sitoutuminen jatkotyöskentelyyn',
    body="""Hyvä verkoston koordinaattori,

Omnian johtoryhmä käsitteli kokouksessaan 24.11.2026 verkoston jatkotyöskentelyä ja päätti, että Omnia sitoutuu jatkotyöskentelyyn sekä osallistuu jatkopäivän kustannuksiin sovitun jakoperusteen mukaisesti.

Yhteyshenkilönä jatkossa toimii vararehtori Maija Mallikas.

Ystävällisin terveisin

Seppo Nieminen
rehtori
Espoon seudun koulutuskuntayhtymä Omnia""")

add(label='commit', date='2026-11-17 15:20', client='gmail', frm=('Hannu Mattila', 'hannu.mattila@keuda.test'),
    subject='Keuda mukaan jatkoon + uusi osallistuja',
    body="""Moi,

Keuda on mukana jatkotyöskentelyssä, eli voitte laskea meidät kustannusjakoon jatkopäivän osalta.

Samalla ilmoitan verkostoon uuden osallistujan: Hanna Salo, koulutussuunnittelija, hanna.salo@keuda.test. Hän tulee myös helmikuun jatkopäivään.

Hannu""",
    exp=dict(also=['signup'], people=[dict(name='Hanna Salo', address='hanna.salo@keuda.test', role='staff', organisation='Keuda')]))

# ---------- correction ----------
add(label='correction', client='iphone', frm=('Minna Mäkelä', 'minna.makela@stadi.test'),
    subject='Nimi väärin',
    body="""Hei, osallistujalistalla nimeni on "Minna Makela" – oikein on Minna Mäkelä (ä:llä). Voisitteko korjata ennen kuin nimilaput tulostetaan :)

Minna

Lähetetty iPhonesta""",
    exp=dict(people=[dict(name='Minna Mäkelä', address='minna.makela@stadi.test', organisation='Stadi')]))

add(label='correction', date='2026-12-01 08:15', client='outlook', frm=('Pekka Virtanen', 'pekka.virtanen@omnia.test'),
    subject='Tietojen päivitys',
    body="""Hei,

tehtävänimikkeeni on muuttunut 1.12. alkaen: olen nykyään Omnian koulutusjohtaja (aiemmin oppisopimustoiminnan esimies). Päivittäisittekö tiedot rekisteriinne.

Pekka Virtanen
koulutusjohtaja
Omnia""",
    exp=dict(people=[dict(name='Pekka Virtanen', address='pekka.virtanen@omnia.test', role='management', organisation='Omnia')]))

# ---------- export_request ----------
add(label='export_request', client='outlook', frm=('Arja Korhonen', 'arja.korhonen@gradia.test'),
    subject='Tietopyyntö (EU:n tietosuoja-asetus, 15 artikla)',
    body="""Hei,

pyydän EU:n tietosuoja-asetuksen 15 artiklan nojalla kopion kaikista minusta verkoston rekisteriin tallennetuista henkilötiedoista.

Toivon saavani tiedot sähköpostitse tähän osoitteeseen.

Ystävällisin terveisin
Arja Korhonen
Gradia""")

add(label='export_request', date='2026-11-29 22:03', client='iphone', frm=('Jonna Aaltonen', 'jonna.aaltonen@stadi.test'),
    subject='Mun tiedot',
    body="""Moi! Voisitteko lähettää mulle kopion siitä mitä tietoja teillä on musta tallessa? Kiitti

Lähetetty iPhonesta""")

# ---------- forget_request ----------
add(label='forget_request', charset='iso-8859-1', client='outlook', frm=('Raimo Lahtinen', 'raimo.lahtinen@keuda.test'),
    subject='Tietojeni poistaminen',
    body="""Hei,

pyydän, että poistatte kaikki tietoni rekisteristänne ja kaikista listoistanne. En halua, että minusta säilytetään mitään tietoja verkoston järjestelmissä.

Raimo Lahtinen""")

add(label='forget_request', client='gmail', frm=('Katja Väisänen', 'katja.vaisanen@stadi.test'),
    subject='tietojen poisto',
    body="""Hei,

lopetin Stadissa lokakuun lopussa. Poistakaa kaikki tietoni teidän järjestelmistä – myös osallistujahistoria ja yhteystiedot.

kiitos,
Katja Väisänen""")

# ---------- attention ----------
add(label='attention', client='outlook', reply=2, frm=('Jukka Hirvonen', 'jukka.hirvonen@gradia.test'),
    subject='VS: Jatkopäivä 10.2.2027 – kustannukset?',
    body="""Hei,

ennen kuin viemme asiaa johtoryhmään: minkä suuruisia kustannuksia jatkopäivästä on odotettavissa per organisaatio? Ja jaetaanko kulut tasan vai osallistujamäärän mukaan?

Jukka Hirvonen
talouspäällikkö, Gradia""")

add(label='attention', client='iphone', reply=1, frm=('Sari Heino', 'sari.heino@stadi.test'),
    subject='Re: Kutsu verkostopäivään 9.12.2026',
    body="""Toivottavasti pääsen, mutta riippuu vielä sijaisjärjestelyistä. Kerron viimeistään ensi viikolla

Lähetetty iPhonesta""")

add(label='attention', client='iphone', reply=1, frm=('Jari Lehtonen', 'jari.lehtonen@omnia.test'),
    subject='VS: Kutsu verkostopäivään 9.12.2026',
    body="""

Lähetetty iPhonesta

> Kehittämisverkosto <verkosto@example.org> kirjoitti 16.11.2026 kello 10.00:
>
""" + q(INV_FI))

add(label='attention', date='2026-12-03 16:05', client='outlook', frm=('Sanna Koskinen', 'sanna.koskinen@omnia.test'),
    subject='VL: Verkostopäivän materiaalit',
    body="""Hei,

välitän tämän teillekin – saako yrityskumppaneille jakaa näitä esityksiä vai ovatko ne vain verkoston sisäiseen käyttöön?

Sanna

Lähettäjä: Jari Lehtonen <jari.lehtonen@omnia.test>
Lähetetty: torstai 3. joulukuuta 2026 15.12
Vastaanottaja: Sanna Koskinen <sanna.koskinen@omnia.test>
Aihe: Verkostopäivän materiaalit

Moi, voisko näitä näyttää meidän työnantajaillassa? Kysytkö verkostolta?
J""")

add(label='attention', date='2026-11-23 12:06', client='calendar', reply=1, frm=('Hanna Salo', 'hanna.salo@keuda.test'),
    subject='Alustava: Verkostopäivä',
    body="""Yritän järjestää, vielä epävarmaa.""",
    ics=ics('2026-12-09', 'hanna.salo@keuda.test', 'TENTATIVE', name='Hanna Salo', comment='Yritän järjestää\\, vielä epävarmaa.'))

add(label='attention', client='gmail', reply=1, frm=('Mikael Aho', 'mikael.aho@keuda.test'),
    subject='Re: Kutsu verkostopäivään 9.12.2026',
    body="""Hei,

en pääse itse 9.12., mutta joku meidän tiimistä tulee tilalleni. Ilmoitan nimen myöhemmin, kun saadaan työvuorot sovittua.

Mikael""")

# ---------- bounce ----------
add(label='bounce', client='raw', frm=('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org'),
    date='2026-11-16 10:01', subject='Toimitus epäonnistui: Kutsu verkostopäivään 9.12.2026',
    headers=[('Auto-Submitted', 'auto-replied'), ('X-MS-Exchange-Message-Is-Ndr', ''), ('Content-Language', 'fi-FI')],
    raw=dsn_raw(0, """Viestiäsi ei voitu toimittaa seuraaville vastaanottajille:

olli.pesonen@omnia.test
Vastaanottajan sähköpostiosoitetta ei löytynyt vastaanottajan sähköpostijärjestelmästä. Tarkista osoite ja yritä uudelleen.

tiia.kallio@omnia.test
Vastaanottajan sähköpostiosoitetta ei löytynyt vastaanottajan sähköpostijärjestelmästä.

Diagnostiikkatiedot järjestelmänvalvojille:
Luova palvelin: HE1PR0701MB2345.eurprd07.prod.outlook.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'""",
        'HE1PR0701MB2345.eurprd07.prod.outlook.test',
        [('olli.pesonen@omnia.test', '5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'),
         ('tiia.kallio@omnia.test', '5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup')],
        orig_headers('olli.pesonen@omnia.test, tiia.kallio@omnia.test', 'Kutsu verkostopäivään 9.12.2026'), human_html=True),
    exp=dict(bounced=['olli.pesonen@omnia.test', 'tiia.kallio@omnia.test']))

add(label='bounce', client='plain', frm=('Järjestelmänvalvoja', 'postmaster@keuda.test'),
    date='2026-11-16 10:01', to=NET, subject='Ei voitu toimittaa: Jatkopäivä 10.2.2027',
    headers=[('Auto-Submitted', 'auto-generated'), ('X-MS-Exchange-Message-Is-Ndr', '')],
    charset='iso-8859-1',
    body="""Viestiä ei voitu toimittaa kaikille tai joillekin vastaanottajille.

      Aihe:     Jatkopäivä 10.2.2027
      Lähetetty:        16.11.2026 10:00

Seuraavia vastaanottajia ei voitu tavoittaa:

      'seija.hakkarainen@keuda.test' 16.11.2026 10:01
            Postilaatikko on täynnä.
            <mail.keuda.test #5.2.2 smtp;552 5.2.2 Mailbox full>""",
    exp=dict(bounced=['seija.hakkarainen@keuda.test']))

add(label='bounce', client='raw', frm=('Mail Delivery System', 'MAILER-DAEMON@mx.stadi.test'),
    subject='Palautunut viesti: VS: Verkostopäivän ohjelma',
    headers=[('Auto-Submitted', 'auto-replied')],
    raw=dsn_raw(2, """Tämä on postijärjestelmän automaattinen ilmoitus palvelimelta mx.stadi.test.

Valitettavasti viestiäsi ei voitu toimittaa yhdelle tai useammalle
vastaanottajalle. Lisätietoja saat järjestelmän ylläpidolta.
Liitteenä on palautunut viesti ilman sisältöä.

                   Postijärjestelmä

<ari.koponen@stadi.test>: host mailstore2.stadi.test[10.2.1.14] said: 550
    5.1.1 <ari.koponen@stadi.test>: Recipient address rejected: User unknown
    in virtual mailbox table (in reply to RCPT TO command)""",
        'mx.stadi.test',
        [('ari.koponen@stadi.test', '5.1.1', '550 5.1.1 <ari.koponen@stadi.test>: Recipient address rejected: User unknown in virtual mailbox table')],
        orig_headers('ari.koponen@stadi.test', 'VS: Verkostopäivän ohjelma')),
    exp=dict(bounced=['ari.koponen@stadi.test']))

# ---------- autoreply ----------
add(label='autoreply', date='2026-11-24 08:30', client='outlook', frm=('Marjut Laitinen', 'marjut.laitinen@gradia.test'),
    subject='Automaattinen vastaus: Muistutus: verkostopäivä 9.12.',
    headers=[('Auto-Submitted', 'auto-replied'), ('X-Auto-Response-Suppress', 'All'), ('X-MS-Exchange-Inbox-Rules-Loop', 'marjut.laitinen@gradia.test')],
    body="""Olen lomalla 23.11.–4.12.2026 enkä lue sähköpostiani. Vastaan viestiisi palattuani.

Kiireellisissä asioissa ota yhteyttä oppisopimuspalveluihin, p. 014 555 0100.

Marjut Laitinen
Gradia""")

add(label='autoreply', date='2026-12-01 12:15', client='owa', frm=('Vesa Rautio', 'vesa.rautio@omnia.test'),
    subject='Poissa: Jatkopäivä 10.2.2027',
    headers=[('X-Auto-Response-Suppress', 'All')],
    body="""Hei,

olen poissa toimistolta 30.11.–11.12. Sinä aikana minua sijaistaa koulutuspäällikkö Heli Nykänen, heli.nykanen@omnia.test, puh. 050 555 0139.

Ystävällisin terveisin
Vesa Rautio""")

add(label='autoreply', date='2026-11-16 13:47', client='raw', frm=('Liisa Mäkinen', 'liisa.makinen@keuda.test'),
    subject='Luettu: Kutsu verkostopäivään 9.12.2026',
    raw=mdn_raw(4, """Viesti

    Vastaanottaja: Liisa Mäkinen
    Aihe:  Kutsu verkostopäivään 9.12.2026
    Lähetetty:  maanantai 16. marraskuuta 2026 10.00.00 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna

luettiin maanantai 16. marraskuuta 2026 13.47.22 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna.""",
        'liisa.makinen@keuda.test', '<kutsu-20261116@example.org>'))
