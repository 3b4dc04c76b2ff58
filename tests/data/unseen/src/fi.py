"""Finnish-language mails written by people (robots are in robots.py)."""
from common import M, CAL, P
from origs import *

MAIJA = ('Maija Mallikas', 'maija.mallikas@omnia.test')
MATTI = ('Matti Meikäläinen', 'matti.meikalainen@stadi.test')
PAULA = ('Paula Kivimäki', 'paula.kivimaki@omnia.test')
PEKKA = ('Pekka Lehtonen', 'pekka.lehtonen@omnia.test')
TUOMAS = ('Tuomas Korhonen', 'tuomas.korhonen@stadi.test')
JARI = ('Jari Virtanen', 'jari.virtanen@stadi.test')
JUKKA = ('Jukka Ojala', 'jukka.ojala@stadi.test')
HANNA = ('Hanna Niemi', 'hanna.niemi@keuda.test')
KARI = ('Kari Nurmi', 'kari.nurmi@omnia.test')
MINNA = ('Minna Hämäläinen', 'minna.hamalainen@omnia.test')
RIIKKA = ('Riikka Salonen', 'riikka.salonen@gradia.test')
VILLE = ('Ville Koskinen', 'ville.koskinen@gradia.test')
ANU = ('Anu Peltonen', 'anu.peltonen@gradia.test')
SANNA = ('Sanna Koivisto', 'sanna.koivisto@stadi.test')
KAISA = ('Kaisa Mäkinen', 'kaisa.makinen@keuda.test')
SARI = ('Sari Heikkinen', 'sari.heikkinen@keuda.test')
HEIDI = ('Heidi Lind', 'heidi.lind@omnia.test')

# ------------------------------------------------------------------ signup

M('fi', 'signup', MAIJA, 'VS: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-11 08:42',
  client='outlook', quote=INV_FI, body='''
Hei,

kiitos kutsusta! Olen itse jo ilmoittautunut, mutta ilmoitan Omniasta mukaan vielä kaksi kollegaa:

- Paula Kivimäki, opettaja, paula.kivimaki@omnia.test (gluteeniton ruokavalio)
- Pekka Lehtonen, oppisopimustoiminnan tiiminvetäjä, pekka.lehtonen@omnia.test

Molemmat ovat jo varanneet päivän kalenteristaan.

Ystävällisin terveisin
Maija

Maija Mallikas
koulutuspäällikkö | Omnia
puh. 040 712 3345
maija.mallikas@omnia.test
''', x=dict(people=[P('Paula Kivimäki', 'paula.kivimaki@omnia.test', 'staff', 'Omnia'),
                    P('Pekka Lehtonen', 'pekka.lehtonen@omnia.test', 'supervisor', 'Omnia')]))

M('fi', 'signup', TUOMAS, 'Ilmoittautuminen verkostopäivään / Stadi', '2026-11-12 14:05',
  client='outlook', body='''
Hei!

Ilmoitan Stadin osallistujat 9.12. verkostopäivään:

Nimi\tTehtävä\tSähköposti\tErityisruokavalio
Tuomas Korhonen\trehtori\ttuomas.korhonen@stadi.test\t-
Jari Virtanen\toppisopimustoiminnan esimies\tjari.virtanen@stadi.test\tkasvis
Jukka Ojala\tasiantuntija, asiakkuudet\tjukka.ojala@stadi.test\t-

Matti Meikäläinen on ilmoittautunut jo aiemmin itse, joten häntä ei ole listalla.

Terveisin
Tuomas Korhonen
rehtori
Stadin ammatti- ja aikuisopisto
p. 09 310 88123
''', html='''<p class="MsoNormal">Hei!<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Ilmoitan Stadin osallistujat 9.12. verkostopäivään:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr><td width="160" valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Nimi<o:p></o:p></b></p></td>
<td width="200" valign="top" style="border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Tehtävä<o:p></o:p></b></p></td>
<td width="220" valign="top" style="border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Sähköposti<o:p></o:p></b></p></td>
<td width="120" valign="top" style="border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>Erityisruokavalio<o:p></o:p></b></p></td></tr>
<tr><td style="border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">Tuomas Korhonen<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">rehtori<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><a href="mailto:tuomas.korhonen@stadi.test">tuomas.korhonen@stadi.test</a><o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">-<o:p></o:p></p></td></tr>
<tr><td style="border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">Jari Virtanen<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">oppisopimustoiminnan esimies<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><a href="mailto:jari.virtanen@stadi.test">jari.virtanen@stadi.test</a><o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">kasvis<o:p></o:p></p></td></tr>
<tr><td style="border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">Jukka Ojala<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">asiantuntija, asiakkuudet<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><a href="mailto:jukka.ojala@stadi.test">jukka.ojala@stadi.test</a><o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">-<o:p></o:p></p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Matti Meikäläinen on ilmoittautunut jo aiemmin itse, joten häntä ei ole listalla.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Terveisin<o:p></o:p></p>
<p class="MsoNormal"><b>Tuomas Korhonen</b><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:10.0pt;color:#595959">rehtori<br>Stadin ammatti- ja aikuisopisto<br>p. 09 310 88123</span><o:p></o:p></p>''',
  x=dict(people=[P('Tuomas Korhonen', 'tuomas.korhonen@stadi.test', 'management', 'Stadi'),
                 P('Jari Virtanen', 'jari.virtanen@stadi.test', 'supervisor', 'Stadi'),
                 P('Jukka Ojala', 'jukka.ojala@stadi.test', 'staff', 'Stadi')]))

M('fi', 'signup', HANNA, 'Ilmottautuminen', '2026-11-13 21:47', client='iphone', body='''
Moi, ilmottaudun verkostopäivään 9.12. 

Hanna Niemi
koordinaattori, Keuda
hanna.niemi@keuda.test
Ruokavalio: vegaani

Lähetetty iPhonesta
''', x=dict(people=[P('Hanna Niemi', 'hanna.niemi@keuda.test', 'staff', 'Keuda')]))

M('fi', 'signup', MINNA, 'Ilmoittautuminen: Kari Nurmi, Omnia', '2026-11-16 10:20', client='outlook',
  cc=[KARI], body='''
Hei,

ilmoitan koulutusjohtaja Kari Nurmen Omnian edustajaksi verkostopäivään 9.12.2026.

Kari Nurmi
koulutusjohtaja, Omnia
kari.nurmi@omnia.test
ei erityisruokavaliota

Kalenterikutsun voi lähettää suoraan Karille, minä olen kopiona.

Ystävällisin terveisin
Minna Hämäläinen
johdon assistentti
Omnia
puh. 050 441 2290
''', x=dict(acts_for='kari.nurmi@omnia.test',
            people=[P('Kari Nurmi', 'kari.nurmi@omnia.test', 'management', 'Omnia')]))

M('fi', 'signup', RIIKKA, 'Gradiasta mukaan verkostoon', '2026-11-17 13:12', client='gmail', body='''
Hei,

kuulin verkostostanne Omnian Maija Mallikkaalta ja kiinnostuin kovasti. Meillä Gradiassa asiakaslähtöisyys on ensi vuoden painopiste, joten haluaisimme tulla mukaan.

Ilmoitan Gradiasta seuraavat henkilöt:
Riikka Salonen, koulutuspäällikkö (riikka.salonen@gradia.test)
Ville Koskinen, opettaja (ville.koskinen@gradia.test)
Anu Peltonen, oppisopimustoiminnan esihenkilö (anu.peltonen@gradia.test) – laktoositon

Tulemme Jyväskylästä aamujunalla, joten ehdimme hyvin kymmeneksi.

Ystävällisin terveisin
Riikka Salonen
koulutuspäällikkö
Koulutuskuntayhtymä Gradia
p. 040 556 1120
''', x=dict(people=[P('Riikka Salonen', 'riikka.salonen@gradia.test', 'management', 'Gradia'),
                   P('Ville Koskinen', 'ville.koskinen@gradia.test', 'staff', 'Gradia'),
                   P('Anu Peltonen', 'anu.peltonen@gradia.test', 'supervisor', 'Gradia')]))

M('fi', 'signup', MATTI, 'Re: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-18 15:31',
  client='gmail', quote=INV_FI, body='''
Moi,

ilmoittaisin vielä meidän tiimistä Sanna Koiviston mukaan, hän on opettaja ja tosi innostunut tästä aiheesta. Sannalla on laktoositon ruokavalio. Sähköposti on sanna.koivisto@stadi.test

t. Matti
''', x=dict(people=[P('Sanna Koivisto', 'sanna.koivisto@stadi.test', 'staff', 'Stadi')]))

M('fi', 'signup', KAISA, 'Keudan ilmoittautumiset', '2026-11-19 09:03', client='webmail',
  charset='iso-8859-1', cte='8bit', body='''
Hyvä vastaanottaja

Keudasta verkostopäivään 9.12. osallistuvat:
johtaja Kaisa Mäkinen, kaisa.makinen@keuda.test;
koulutustarkastaja Sari Heikkinen, sari.heikkinen@keuda.test (kala ei käy).

Lisäksi Hanna Niemi on jo ilmoittautunut omatoimisesti. Esihenkilömme Liisa Laine vastaa teille erikseen.

Parhain terveisin
Kaisa Mäkinen
johtaja, ammatillinen koulutus
Keski-Uudenmaan koulutuskuntayhtymä Keuda
''', x=dict(people=[P('Kaisa Mäkinen', 'kaisa.makinen@keuda.test', 'management', 'Keuda'),
                   P('Sari Heikkinen', 'sari.heikkinen@keuda.test', 'staff', 'Keuda')]))

M('fi', 'signup', PEKKA, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-25 12:44',
  client='outlook', quote=JATKO_FI, body='''
Hei,

kutsussa mainittiin, että jatkopäivään voi tuoda mukaan asiakkaita vieraiksi. Ilmoitan mukaan yhden oppisopimusyrityksemme edustajan:

Timo Aaltonen
toimitusjohtaja, Rakennusliike Aaltonen Oy
timo.aaltonen@aaltonen.test
p. 044 218 7730

Timo on toiminut meillä työpaikkaohjaajana useamman vuoden, ja hänellä on paljon sanottavaa siitä, miltä yhteistyö näyttää yrityksen puolelta. Hän on lupautunut tulemaan 10.2.

Terveisin
Pekka Lehtonen
tiiminvetäjä, oppisopimustoiminta
Omnia
''', x=dict(people=[P('Timo Aaltonen', 'timo.aaltonen@aaltonen.test', 'guest', 'Rakennusliike Aaltonen Oy')]))

M('fi', 'signup', HEIDI, 'verkosto', '2026-11-20 16:58', client='android', body='''
Moi!

Kuulin Maijalta et tää verkosto on alkamassa ja mä tulisin tosi mielelläni mukaan. Oon Omnialla liiketalouden opettajana ja vedän meidän asiakaspalvelun opintoja.

Heidi Lind
heidi.lind@omnia.test

Hanki Outlook for Android
''', x=dict(people=[P('Heidi Lind', 'heidi.lind@omnia.test', 'staff', 'Omnia')]))

# ------------------------------------------------------------------ interest_join

M('fi', 'interest_join', ('Kehittämisverkosto – verkkosivut', 'lomake@example.org'),
  'Uusi lomakevastaus: Kiinnostuksen ilmaisu – Kehittämisverkosto', '2026-11-03 14:22', client='form',
  reply_to='outi.rantanen@sedu.test', body='''
Verkkosivun lomakkeelta on lähetetty uusi vastaus.

Lomake: Kiinnostuksen ilmaisu
Sähköpostiosoite: outi.rantanen@sedu.test
Valinta: LÄHETÄ
Lähetetty: 3.11.2026 14:22
Sivu: https://www.example.org/verkosto

--
Tämä viesti on lähetetty automaattisesti verkkosivun lomakkeelta.
''', x=dict(acts_for='outi.rantanen@sedu.test'))

M('fi', 'interest_join', (None, 'noreply@example.org'), '[Kehittämisverkosto] Pysy ajan tasalla -lomake',
  '2026-11-06 08:15', client='form', html_only=True, xmailer='WordPress/6.6.2', html='''<html><body style="font-family:Arial,sans-serif;font-size:14px">
<h2 style="color:#1b4f72">Pysy ajan tasalla</h2>
<p>Sivustolla <a href="https://www.example.org/verkosto">Kehittämisverkosto</a> on täytetty lomake.</p>
<table cellpadding="6" style="border-collapse:collapse">
<tr><td style="background:#eef"><strong>Sähköposti</strong></td><td>kirsi.vaananen@luovi.test</td></tr>
<tr><td style="background:#eef"><strong>Vastaus</strong></td><td>LÄHETÄ</td></tr>
<tr><td style="background:#eef"><strong>Aika</strong></td><td>06.11.2026 08:15:43</td></tr>
</table>
<p style="color:#888;font-size:11px">Tämä viesti lähetettiin WPForms-lisäosalla.</p>
</body></html>''', x=dict(acts_for='kirsi.vaananen@luovi.test'))

M('fi', 'interest_join', ('Jussi Hakala', 'jussi.hakala@careeria.test'),
  'VS: Uusi kehittämisverkosto: Asiakaslähtöisyys oppilaitoksissa', '2026-11-04 11:40', client='outlook',
  quote=INFO_FI, body='''
Hei,

laittaisitteko minut postituslistalle? Haluaisin kuulla verkoston etenemisestä, vaikka emme Careeriasta ehkä heti ensimmäisiin päiviin ehdikään.

Terveisin
Jussi Hakala
kehittämispäällikkö
Careeria
''')

M('fi', 'interest_join', ('Marjut Lehto', 'marjut.lehto@winnova.test'), 'Tietoa verkostosta', '2026-11-09 13:05',
  client='tb', body='''
Hei!

Kollegani vinkkasi teidän kehittämisverkostosta. Toimin oppisopimustoiminnan esihenkilönä WinNovassa ja aihe kiinnostaa kovasti. Voisitteko lisätä minut jakeluun, niin saisin jatkossa tiedon tulevista tapahtumista? Osallistumisesta en osaa vielä sanoa, mutta tietoa haluaisin.

--
Marjut Lehto
Länsirannikon Koulutus Oy WinNova
''')

# ------------------------------------------------------------------ interest_leave

M('fi', 'interest_leave', ('Kehittämisverkosto – verkkosivut', 'lomake@example.org'),
  'Uusi lomakevastaus: Kiinnostuksen ilmaisu – Kehittämisverkosto', '2026-11-05 09:51', client='form',
  reply_to='tapio.seppala@stadi.test', body='''
Lomakkeen tiedot
----------------
Sähköposti: tapio.seppala@stadi.test
Painike: EI KIITOS

Lähetetty osoitteesta https://www.example.org/verkosto/kiinnostus 5.11.2026 klo 9.51
''', x=dict(acts_for='tapio.seppala@stadi.test'))

M('fi', 'interest_leave', ('Leena Virta', 'leena.virta@keuda.test'),
  'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-23 10:10', client='outlook',
  quote=JATKO_FI, body='''
Hei,

voisitteko poistaa minut tämän verkoston postituslistalta? Siirryin lokakuussa toisiin tehtäviin, eikä asia enää kuulu minulle. Keudasta asiaa hoitavat jatkossa Kaisa Mäkinen ja Hanna Niemi.

Kiitos!
Leena Virta
''')

M('fi', 'interest_leave', ('Jouni Kettunen', 'jouni.kettunen@omnia.test'),
  'Re: Uusi kehittämisverkosto: Asiakaslähtöisyys oppilaitoksissa', '2026-11-04 07:12', client='iphone',
  quote=INFO_FI, body='''
Ei kiitos, ei oo meidän tiimille ajankohtanen just nyt.

Lähetetty iPhonesta
''')

M('fi', 'interest_leave', ('Sirpa Honkanen', 'sirpa.honkanen@gradia.test'),
  'Re: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-26 19:30', client='gmail',
  quote=JATKO_FI, body='''
Hei, en halua enää saada näitä viestejä. Voitteko ottaa osoitteeni pois jakelusta.

Sirpa
''')

# ------------------------------------------------------------------ rsvp_yes

CAL('fi', 'rsvp_yes', MAIJA, '2026-11-11 08:30', '2026-12-09', 'ACCEPTED', app='outlook',
    x=dict(day='2026-12-09'))
CAL('fi', 'rsvp_yes', MATTI, '2026-11-12 07:55', '2026-12-09', 'ACCEPTED', app='google',
    x=dict(day='2026-12-09'))

M('fi', 'rsvp_yes', PEKKA, 'Re: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-11 12:02',
  client='iphone', quote=INV_FI, body='''
Kiitos kutsusta, tulen paikalle! 

Pekka

Lähetetty iPhonesta
''', x=dict(day='2026-12-09'))

M('fi', 'rsvp_yes', HANNA, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 12:16',
  client='android', quote=REM_FI, body='''
Joo tuun! Nähään ensi viikolla 

Hanki Outlook for Android
''', x=dict(day='2026-12-09'))

M('fi', 'rsvp_yes', SARI, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-23 14:18',
  client='outlook', quote=JATKO_FI, body='''
Hei,

osallistun mielelläni myös jatkopäivään 10.2.2027. Ruokavalio on sama kuin aiemmin ilmoitettu.

Terveisin
Sari Heikkinen
koulutustarkastaja
Keuda
''', x=dict(day='2027-02-10'))

CAL('fi', 'rsvp_yes', TUOMAS, '2026-11-24 09:10', '2027-02-10', 'ACCEPTED', app='outlook',
    comment='Nähdään helmikuussa!', x=dict(day='2027-02-10'))

M('fi', 'rsvp_yes', JARI, 'VS: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-13 08:05',
  client='outlook', quote=INV_FI, body='''
Hei,

pääsen paikalle 9.12. Ruokavaliona kasvis, kuten Tuomas taisi jo ilmoittaakin.

t. Jari Virtanen
oppisopimustoiminnan esimies, Stadi
''', x=dict(day='2026-12-09'))

M('fi', 'rsvp_yes', JUKKA, 'Re: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-13 16:40',
  client='gmail', quote=INV_FI, body='''
Paasen tulemaan 9.12., kiitos kutsusta.

-Jukka
''', x=dict(day='2026-12-09'))

# ------------------------------------------------------------------ rsvp_no

M('fi', 'rsvp_no', ANU, 'VS: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-20 11:11',
  client='outlook', quote=INV_FI, qto='Anu Peltonen <anu.peltonen@gradia.test>', body='''
Hei,

valitettavasti en pääse 9.12. verkostopäivään, koska meillä on samana päivänä oppisopimuskoulutusten auditointi. Toivottavasti pääsen mukaan myöhemmin.

Ystävällisin terveisin
Anu Peltonen
oppisopimustoiminnan esihenkilö
Gradia
''', x=dict(day='2026-12-09'))

CAL('fi', 'rsvp_no', PAULA, '2026-11-14 15:20', '2026-12-09', 'DECLINED', app='outlook',
    comment='Päällekkäistä opetusta, valitettavasti.', x=dict(day='2026-12-09'))

M('fi', 'rsvp_no', HEIDI, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-02 07:48',
  client='android', quote=REM_FI, body='''
Moi, mä en pääse ensi keskiviikkona, oon sairaslomalla vielä koko ensi viikon. Sori!
-Heidi

Hanki Outlook for Android
''', x=dict(day='2026-12-09'))

M('fi', 'rsvp_no', KAISA, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-27 10:32',
  client='outlook', quote=JATKO_FI, body='''
Hei,

en itse pääse jatkopäivään 10.2., koska minulla on samaan aikaan johtoryhmän strategiapäivät. Sari ja Hanna osallistuvat Keudasta normaalisti.

Terveisin
Kaisa
''', x=dict(day='2027-02-10'))

CAL('fi', 'rsvp_no', MATTI, '2026-11-25 20:05', '2027-02-10', 'DECLINED', app='google',
    x=dict(day='2027-02-10'))

M('fi', 'rsvp_no', VILLE, 'Re: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-21 09:30',
  client='iphone', quote=INV_FI, body='''
Hei, ei valitettavasti onnistu multa 9.12., on päällekkäin näyttöjä. 

Ville

Lähetetty iPhonesta
''', x=dict(day='2026-12-09'))

# ------------------------------------------------------------------ cancel

M('fi', 'cancel', VILLE, 'Ilmoittautumisen peruminen', '2026-12-03 13:20', client='outlook', cte='b64', body='''
Hei,

perun ilmoittautumiseni kehittämisverkostoon kokonaan. Tehtäväni muuttuvat vuodenvaihteessa, enkä enää työskentele asiakaspalvelun koulutusten parissa.

Kiitos ja hyvää joulun odotusta!

Ville Koskinen
opettaja, Gradia
''')

M('fi', 'cancel', SANNA, 'Peruutus 9.12.', '2026-12-02 08:12', client='gmail', quote=REM_FI, body='''
Hei,

joudun valitettavasti perumaan ilmoittautumiseni 9.12. verkostopäivään. Meille tuli äkillinen sijaistarve juuri samalle päivälle.

Sanna Koivisto
Stadi
''', x=dict(day='2026-12-09'))

M('fi', 'cancel', MINNA, 'Kari Nurmen osallistuminen 9.12.', '2026-12-04 09:02', client='outlook', cc=[KARI],
  body='''
Hei,

koulutusjohtaja Kari Nurmi joutuu valitettavasti perumaan osallistumisensa verkostopäivään 9.12.2026. Hänelle tuli samalle päivälle päällekkäinen hallituksen kokous.

Omnian muut osallistujat tulevat normaalisti.

Ystävällisin terveisin
Minna Hämäläinen
johdon assistentti, Omnia
''', x=dict(day='2026-12-09', acts_for='kari.nurmi@omnia.test'))

M('fi', 'cancel', JARI, 'Muutos osallistumiseen', '2026-12-04 16:30', client='tb', body='''
Hei,

perun valitettavasti osallistumiseni 9.12. verkostopäivään – meille tuli yllättäen oppisopimustarkastus samalle päivälle. Ilmoittaudun kuitenkin jatkopäivään 10.2.2027, sinne pääsen varmasti.

Jari Virtanen
oppisopimustoiminnan esimies
Stadi
''', x=dict(day='2026-12-09', also=['signup']))

# ------------------------------------------------------------------ substitute

M('fi', 'substitute', MAIJA, 'VS: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-02 11:45',
  client='outlook', quote=REM_FI, body='''
Hei,

en valitettavasti pääse 9.12. paikalle. Tilalleni tulee Omniasta koulutuspäällikkö Tiina Saarinen (tiina.saarinen@omnia.test). Olen välittänyt hänelle ohjelman ja muistutusviestin.

Tiinalla ei ole erityisruokavaliota.

Ystävällisin terveisin
Maija Mallikas
''', x=dict(day='2026-12-09', people=[P('Tiina Saarinen', 'tiina.saarinen@omnia.test', 'management', 'Omnia')]))

M('fi', 'substitute', MATTI, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-03 17:20',
  client='gmail_html', quote=REM_FI, body='''
moi

mä en pääse keskiviikkona kun pitää olla näyttöjen arvioinnissa, mut Janne Harju meidän tiimistä tulee mun tilalle. Jannen osoite on janne.harju@stadi.test, se on myös opettaja.

t. Matti
''', x=dict(day='2026-12-09', people=[P('Janne Harju', 'janne.harju@stadi.test', 'staff', 'Stadi')]))

M('fi', 'substitute', HANNA, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-12-01 13:00',
  client='outlook', quote=JATKO_FI, body='''
Hei,

minulle on tullut helmikuulle opintovapaa, joten jatkopäivään 10.2. osallistuu sijastani oppisopimustoiminnan esihenkilö Mervi Kallio (mervi.kallio@keuda.test). Joulukuun päivään tulen itse normaalisti.

Terveisin
Hanna Niemi
koordinaattori, Keuda
''', x=dict(day='2027-02-10', people=[P('Mervi Kallio', 'mervi.kallio@keuda.test', 'supervisor', 'Keuda')]))

M('fi', 'substitute', TUOMAS, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-04 18:55',
  client='iphone', quote=REM_FI, body='''
Hei, olen valitettavasti estynyt 9.12. Tilalleni tulee vararehtori Eeva Laakso, eeva.laakso@stadi.test. Eevalle on jo valitetty ohjelma.

Tuomas

Lähetetty iPhonesta
''', x=dict(day='2026-12-09', people=[P('Eeva Laakso', 'eeva.laakso@stadi.test', 'management', 'Stadi')]))

# ------------------------------------------------------------------ commit

M('fi', 'commit', MAIJA, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-26 15:02',
  client='outlook', quote=JATKO_FI, body='''
Hei,

Omnia sitoutuu verkoston jatkotyöskentelyyn ja osallistuu jatkopäivien kustannuksiin sovitun jakoperusteen mukaisesti. Asia hyväksyttiin johtoryhmässämme 24.11.

Laskutustiedot toimitetaan erikseen talouspalveluistamme.

Ystävällisin terveisin
Maija Mallikas
koulutuspäällikkö
Omnia
''')

M('fi', 'commit', TUOMAS, 'Stadi ja jatkotyöskentely', '2026-12-03 09:40', client='outlook_html', body='''
Hei,

vahvistan, että Stadi on mukana jatkotyöskentelyssä ja vastaa omasta osuudestaan jatkopäivien kustannuksista.

Laskutus: Helsingin kaupunki / Stadin ammatti- ja aikuisopisto, viite 4471-VERKOSTO.

Tuomas Korhonen
rehtori
''')

M('fi', 'commit', KAISA, 'Re: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-12-01 08:20',
  client='webmail', charset='windows-1252', cte='qp', quote=JATKO_FI, body='''
Hei,

johtoryhmä käsitteli asian eilen ja Keuda lähtee mukaan jatkotyöskentelyyn. Sitoudumme myös kustannusten jakoon.

Kaisa Mäkinen
''')

M('fi', 'commit', RIIKKA, 'Gradia: sitoutuminen jatkotyöskentelyyn', '2026-12-04 11:00', client='gmail', body='''
Hei,

Gradia sitoutuu verkoston jatkotyöskentelyyn ja siihen liittyviin kustannuksiin. Päätös tehtiin tänään koulutusjohdon palaverissa.

Samalla ilmoitan jatkopäivään uutena osallistujana opettaja Marko Lahtisen (marko.lahtinen@gradia.test).

Ystävällisin terveisin
Riikka Salonen
koulutuspäällikkö, Gradia
''', x=dict(also=['signup'], people=[P('Marko Lahtinen', 'marko.lahtinen@gradia.test', 'staff', 'Gradia')]))

# ------------------------------------------------------------------ correction

M('fi', 'correction', JARI, 'VS: Vahvistus: ilmoittautumisesi kehittämisverkostoon', '2026-11-14 10:10',
  client='outlook', quote=conf_fi('Jari Virtanen', 'Stadi', 'opettaja', 'kasvis', date='2026-11-13 08:30'), body='''
Hei,

vahvistuksessa tehtäväkseni on merkitty opettaja, mutta olen oppisopimustoiminnan esimies. Voisitteko korjata?

Kiitos,
Jari
''', x=dict(people=[P('Jari Virtanen', 'jari.virtanen@stadi.test', 'supervisor', 'Stadi')]))

M('fi', 'correction', SARI, 'Ruokavaliotieto', '2026-11-20 12:30', client='outlook', charset='windows-1252', body='''
Hei,

Kaisa ilmoitti ruokavaliokseni "kala ei käy", mutta se meni väärin: minulla on kananmuna-allergia. Kala käy oikein hyvin.

Terveisin
Sari Heikkinen
''')

M('fi', 'correction', MATTI, 'Re: Vahvistus: ilmoittautumisesi kehittämisverkostoon', '2026-11-16 09:12',
  client='gmail', quote=conf_fi('Matti Meikalainen', 'Stadi', 'opettaja', date='2026-11-12 08:15'), body='''
Hei,

pieni korjaus: vahvistuksessa nimeni oli muodossa Meikalainen, oikein se on Meikäläinen (ä:t mukaan). Olisi kiva että nimilapussakin lukisi oikein :)

Matti
''', x=dict(people=[P('Matti Meikäläinen', 'matti.meikalainen@stadi.test', 'staff', 'Stadi')]))

M('fi', 'correction', MAIJA, 'Tietojeni päivitys', '2026-11-30 14:00', client='outlook', body='''
Hei,

päivitättekö tietoihini uuden tehtävänimikkeeni: aloitin 1.11. Omnian koulutusjohtajana (aiemmin koulutuspäällikkö). Muut tiedot pysyvät ennallaan.

Ystävällisin terveisin
Maija Mallikas
koulutusjohtaja | Omnia
''', x=dict(people=[P('Maija Mallikas', 'maija.mallikas@omnia.test', 'management', 'Omnia')]))

# ------------------------------------------------------------------ export_request

M('fi', 'export_request', JUKKA, 'Tietopyyntö (GDPR 15 art.)', '2026-11-18 13:33', client='outlook_html', body='''
Hei,

pyydän EU:n yleisen tietosuoja-asetuksen 15 artiklan nojalla tiedot siitä, mitä minua koskevia henkilötietoja kehittämisverkoston rekisteriin on tallennettu, sekä kopion näistä tiedoista.

Ystävällisin terveisin
Jukka Ojala
asiantuntija, Stadi
''')

M('fi', 'export_request', HEIDI, 'mun tiedot', '2026-11-28 18:21', client='android', body='''
Moi, mitä tietoja teillä on musta tallessa? Voisitko laittaa ne mulle sähköpostilla

Heidi

Hanki Outlook for Android
''')

M('fi', 'export_request', PEKKA, 'Omat tiedot', '2026-11-29 20:04', client='iphone', body='''
Hei

Haluaisin nähdä, mitä tietoja minusta on tallennettu ilmoittautumisen yhteydessä. Voitteko lähettää ne minulle?

Pekka Lehtonen

Lähetetty iPhonesta
''')

# ------------------------------------------------------------------ forget_request

M('fi', 'forget_request', ('Jouni Kettunen', 'jouni.kettunen@omnia.test'), 'Henkilötietojen poistaminen',
  '2026-11-10 10:45', client='outlook', charset='iso-8859-1', body='''
Hei,

pyydän poistamaan kaikki minua koskevat henkilötiedot rekisteristänne (EU:n tietosuoja-asetus, 17 artikla). Pelkkä postituslistalta poistaminen ei riitä.

Pyydän vahvistusta, kun poisto on tehty.

Jouni Kettunen
''')

M('fi', 'forget_request', ('Tapio Seppälä', 'tapio.seppala@stadi.test'), 'tietojen poisto', '2026-11-12 22:10',
  client='gmail', body='''
Moi

Poistakaa mun tiedot kokonaan teidän järjestelmästä. Ei riitä et lopetatte postituksen, en halua et mun osoitetta tai muita tietoja säilytetään missään.

-Tapio
''')

M('fi', 'forget_request', ('Outi Rantanen', 'outi.rantanen@sedu.test'), 'Pyyntö: tietojeni poisto', '2026-11-05 08:02',
  client='tb', body='''
Hei,

ilmaisin eilen verkkosivullanne kiinnostukseni verkostoa kohtaan, mutta se tapahtui vahingossa kollegan koneelta. Pyydän poistamaan sähköpostiosoitteeni ja kaikki muut minusta tallennetut tiedot rekisteristä kokonaan.

Ystävällisin terveisin
Outi Rantanen
Seinäjoen koulutuskuntayhtymä Sedu
''')

# ------------------------------------------------------------------ attention

M('fi', 'attention', KARI, 'Re: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-20 06:50', client='iphone',
  quote=INV_FI, body='''
Yritän ehtiä ainakin iltapäiväksi, riippuu miten aamun kokous venyy. Katsotaan.

Kari

Lähetetty iPhonesta
''')

M('fi', 'attention', JARI, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 09:37', client='gmail',
  quote=REM_FI, body='''
Kiitos tiedosta!
''')

M('fi', 'attention', JUKKA, 'VS: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-24 15:15',
  client='outlook', quote=JATKO_FI, body='''
Hei,

Stadin osalta päätös jatkotyöskentelyyn sitoutumisesta tehdään johtoryhmässä vasta tammikuussa, kun ensi vuoden talousarvio on vahvistettu. Ilmoitamme heti, kun päätös on tehty.

Ystävällisin terveisin
Jukka Ojala
''')

M('fi', 'attention', RIIKKA, 'Jatkopäivien kustannukset?', '2026-11-23 10:05', client='gmail', body='''
Hei,

mitä jatkopäivien kustannukset ovat suunnilleen per organisaatio? Tarvitsen summan budjettia varten ennen kuin voimme sitoutua mihinkään. Riippuuko osuus siitä, montako organisaatiota lähtee mukaan?

Riikka
''')

CAL('fi', 'attention', KAISA, '2026-11-12 16:02', '2026-12-09', 'TENTATIVE', app='outlook',
    comment='Yritän järjestää aikatauluni, vahvistan myöhemmin.')

M('fi', 'attention', PAULA, 'Opiskelija mukaan verkostopäivään?', '2026-11-17 12:26', client='outlook', body='''
Hei,

voiko verkostopäivään ottaa mukaan opiskelijan? Meillä on opiskelijakunnan puheenjohtaja, joka olisi kiinnostunut asiakaslähtöisyydestä ja voisi tuoda opiskelijan näkökulman keskusteluun.

Terveisin
Paula Kivimäki
opettaja, Omnia
''')

M('fi', 'attention', SARI, 'Kysymys Kuntatalon tiloista', '2026-12-02 10:44', client='outlook', body='''
Hei,

onko Kuntatalon kokoustilassa induktiosilmukka? Käytän kuulolaitetta, ja ryhmäkeskusteluissa se on minulle aika tärkeä.

Kiitos etukäteen!
Sari Heikkinen
''')

M('fi', 'attention', MATTI, 'sannan paikka', '2026-11-30 14:58', client='gmail', body='''
moi

perukaa Sannan ilmoittautuminen ja laittakaa tilalle joku toinen meiltä, kerron nimen myöhemmin kun tiedän kuka pääsee.

t. Matti
''')

M('fi', 'attention', HEIDI, 'kutsu?', '2026-11-27 08:03', client='android', body='''
Moi, en oo saanu mitään kutsua tai vahvistusta vaikka ilmottauduin viime viikolla. Oonks mä varmasti listalla?

Heidi

Hanki Outlook for Android
''')

M('fi', 'attention', PEKKA, 'Re: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 22:41', client='iphone',
  quote=REM_FI, body='''
Lähetetty iPhonesta
''')

M('fi', 'attention', ANU, 'Etäosallistuminen jatkopäivään', '2026-11-28 09:14', client='outlook', body='''
Hei,

onko jatkopäivään 10.2. tulossa etäyhteysmahdollisuutta? Jos on, osallistuisin mieluiten Teamsin kautta, koska matka Jyväskylästä vie koko päivän.

Terveisin
Anu Peltonen
Gradia
''')

M('fi', 'attention', MAIJA, 'VL: Verkostopäivä', '2026-11-24 13:07', client='outlook', body='''
Hei,

välitän alla olevan viestin. Voiko Tero vielä ilmoittautua 9.12. päivään, vai onko paikat jo täynnä? Hän aloitti meillä juuri oppisopimustoiminnan tiiminvetäjänä.

Maija

Lähettäjä: Tero Kallio <tero.kallio@omnia.test>
Lähetetty: tiistai 24. marraskuuta 2026 12.51
Vastaanottaja: Maija Mallikas <maija.mallikas@omnia.test>
Aihe: Verkostopäivä

Moi Maija,

kuulin tuosta asiakaslähtöisyysverkostosta. Mahtuisinko vielä mukaan joulukuun päivään?

Tero
''')
