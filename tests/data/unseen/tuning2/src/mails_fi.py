# -*- coding: utf-8 -*-
# Finnish mails, each written by hand.
from common import *
from lib import ics_reply, dsn, mdn

Q1 = dict(style="outlook", lang="fi", when="maanantai 2. marraskuuta 2026 14.05", subj="Verkostopäivä 9.12.2026", text=INV_FI)
Q1g = dict(style="gmail", lang="fi", when="ma 2.11.2026 klo 14.05", subj="Verkostopäivä 9.12.2026", text=INV_FI)
Q2 = dict(style="outlook", lang="fi", when="maanantai 16. marraskuuta 2026 10.12", subj="Jatkopäivä 10.2.2027", text=INV2_FI)
Q2g = dict(style="gmail", lang="fi", when="ma 16.11.2026 klo 10.12", subj="Jatkopäivä 10.2.2027", text=INV2_FI)

MAILS = [
# --- signup
M("fi", "signup", {"people": [P("Pirjo Heikkinen", "pirjo.heikkinen@keuda.test", "supervisor", "Keuda")]},
  frm=("Heikkinen Pirjo", "pirjo.heikkinen@keuda.test"), subj="Ilmoittautuminen verkostoon", date="2026-11-03 08:47:12",
  body="""Hei,

ilmoittaudun Asiakaslähtöisyys oppilaitoksissa -verkostoon. Toimin Keudassa oppisopimustoiminnan esihenkilönä ja vastaan työpaikkayhteistyöstä Keravan ja Järvenpään toimipisteissä.

Erityisruokavalio: laktoositon.

Ystävällisin terveisin
Pirjo Heikkinen
oppisopimustoiminnan esihenkilö
Keuda
puh. 040 123 4567
"""),

M("fi", "signup", {"people": [P("Kaisa Rantanen", "kaisa.rantanen@stadi.test", "management", "Stadi"),
                              P("Timo Virtanen", "timo.virtanen@stadi.test", "staff", "Stadi"),
                              P("Heli Koskinen", "heli.koskinen@stadi.test", "supervisor", "Stadi")]},
  frm=("Jukka Ahonen", "jukka.ahonen@stadi.test"), subj="Stadin osallistujat verkostoon", date="2026-11-04 13:22:40",
  client="gmail",
  body="""Hei!

Ilmoitan Stadin ammatti- ja aikuisopistosta seuraavat henkilöt kehittämisverkostoon:

Nimi: Kaisa Rantanen
Titteli: koulutuspäällikkö
Sähköposti: kaisa.rantanen@stadi.test
Erityisruokavalio: -

Nimi: Timo Virtanen
Titteli: opettaja, rakennusala
Sähköposti: timo.virtanen@stadi.test
Erityisruokavalio: gluteeniton

Nimi: Heli Koskinen
Titteli: tiiminvetäjä, oppisopimuspalvelut
Sähköposti: heli.koskinen@stadi.test
Erityisruokavalio: kasvis

Itse en valitettavasti pysty osallistumaan, mutta nämä kolme edustavat meitä.

t. Jukka Ahonen
apulaisrehtori, Stadin ammatti- ja aikuisopisto
"""),

M("fi", "signup", {"people": [P("Sanna Aaltonen", "sanna.aaltonen@optima.test", "staff", "Optima")]},
  frm=("Sanna Aaltonen", "sanna.aaltonen@optima.test"), subj="ilmottautuminen", date="2026-11-05 21:03:55",
  client="iphone",
  body="""moi, ilmottaudun mukaan verkostoon. Sanna Aaltonen, Optimasta, opettaja (lähihoitajakoulutus). ei erikoisruokavaliota

Lähetetty iPhonesta"""),

M("fi", "signup", {"people": [P("Mikko Salo", "mikko.salo@gradia.test", "management", "Gradia"),
                              P("Riikka Lehtonen", "riikka.lehtonen@gradia.test", "staff", "Gradia")]},
  frm=("Salo Mikko", "mikko.salo@gradia.test"), subj="Gradia mukaan verkostoon?", date="2026-11-09 10:31:07",
  body="""Hei,

kuulimme verkostosta Omnian kollegoilta ja haluaisimme lähteä mukaan. Gradiasta tulisi meitä kaksi: minä (koulutusjohtaja, työelämäpalvelut) sekä oppisopimuskoordinaattorimme Riikka Lehtonen, riikka.lehtonen@gradia.test.

Riikalla on keliakia, eli gluteeniton ruokavalio hänelle.

Terveisin
Mikko Salo
koulutusjohtaja
Koulutuskuntayhtymä Gradia
p. 050 765 4321
"""),

M("fi", "signup", {"people": [P("Petri Nurmi", "petri.nurmi@nurmirakennus.test", "guest")]},
  frm=("Mallikas Maija", "maija.mallikas@omnia.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-18 15:40:19",
  quote=dict(Q1, to="Mallikas Maija"),
  body="""Hei,

otan mukaan 9.12. myös yhteistyöyrityksemme edustajan, jos se sopii. Tiedot:

Petri Nurmi
toimitusjohtaja, Nurmi Rakennus Oy
petri.nurmi@nurmirakennus.test
ei erityisruokavaliota

Hän on ollut meillä oppisopimuskouluttajana jo vuosia ja kiinnostunut kehittämään yhteistyötä.

Maija
"""),

# --- interest_join
M("fi", "interest_join", {"acts_for": "tuomas.hakala@keuda.test"},
  frm=("Verkkolomake", "lomake@example.org"), reply_to="tuomas.hakala@keuda.test",
  subj="Verkkolomake: Jätä yhteystietosi", date="2026-11-06 11:17:33", client="form",
  body="""Sivulta "Asiakaslähtöisyys oppilaitoksissa" on lähetetty lomake.

Jätä yhteystietosi, niin kuulet lisää
Sähköposti: tuomas.hakala@keuda.test

Valinta: LÄHETÄ

Lähetetty: 6.11.2026 11:17
--
Tämä viesti on lähetetty automaattisesti. Älä vastaa tähän osoitteeseen.
"""),

M("fi", "interest_join", {},
  frm=("Elina Mustonen", "elina.mustonen@prakticum.test"), subj="Lisätietoja verkostosta", date="2026-11-10 09:02:41",
  client="owa",
  body="""Moi,

kollega vinkkasi tästä verkostosta. Laittakaa mut sähköpostilistalle, niin kuulen lisää tulevista tapaamisista. En vielä osaa sanoa tulenko päiville mutta asia kiinnostaa kovasti.

Elina Mustonen
työelämäkoordinaattori, Prakticum
"""),

M("fi", "interest_join", {"acts_for": "kari.lindholm@omnia.test"},
  frm="noreply@example.org", subj="Uusi yhteydenotto: Asiakaslähtöisyys oppilaitoksissa", date="2026-11-21 19:44:02",
  client="form", charset="iso-8859-1",
  body="""Uusi lomakevastaus

Lomake: Jätä yhteystietosi, niin kuulet lisää
Kieli: suomi
Sähköpostiosoite: kari.lindholm@omnia.test
Painike: LÄHETÄ
"""),

# --- interest_leave
M("fi", "interest_leave", {"acts_for": "sari.pitkanen@stadi.test"},
  frm=("Verkkolomake", "lomake@example.org"), reply_to="sari.pitkanen@stadi.test",
  subj="Verkkolomake: Jätä yhteystietosi", date="2026-11-12 14:25:50", client="form",
  body="""Sivulta "Asiakaslähtöisyys oppilaitoksissa" on lähetetty lomake.

Jätä yhteystietosi, niin kuulet lisää
Sähköposti: sari.pitkanen@stadi.test

Valinta: EI KIITOS

Lähetetty: 12.11.2026 14:25
--
Tämä viesti on lähetetty automaattisesti. Älä vastaa tähän osoitteeseen.
"""),

M("fi", "interest_leave", {},
  frm=("Jorma Kettunen", "jorma.kettunen@optima.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-03 07:58:14",
  quote=dict(Q1, to="Kettunen Jorma"),
  body="""Hei,

poistakaa minut postituslistalta. Siirryin toisiin tehtäviin syksyllä eikä oppisopimusasiat kuulu enää minulle.

Jorma Kettunen
"""),

# --- rsvp_yes
M("fi", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Meikäläinen Matti", "matti.meikalainen@stadi.test"), subj="Hyväksytty: Verkostopäivä", date="2026-11-02 15:11:08",
  client="ics_outlook", body="", ics=ics_reply("2026-12-09", "ACCEPTED", "Meikäläinen Matti", "matti.meikalainen@stadi.test", stamp="20261102T131108Z")),

M("fi", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Hanna Laaksonen", "hanna.laaksonen@keuda.test"), subj="Re: Verkostopäivä 9.12.2026", date="2026-11-02 18:30:21",
  client="iphone", quote=Q1g,
  body="""Kyllä, tulen 9.12. Ruokavalio: ei sianlihaa kiitos.

Hanna

Lähetetty iPhonesta"""),

M("fi", "rsvp_yes", {"day": "2027-02-10"},
  frm=("Rautio Outi", "outi.rautio@omnia.test"), subj="VS: Jatkopäivä 10.2.2027", date="2026-11-17 12:04:44",
  quote=dict(Q2, to="Rautio Outi"),
  body="""Hei,

osallistun jatkopäivään 10.2. Kiitos kutsusta!

Ystävällisin terveisin

Outi Rautio
koulutustarkastaja | Omnia
p. 044 222 1188
"""),

M("fi", "rsvp_yes", {"day": "2027-02-10"},
  frm=("Ville Heinonen", "ville.heinonen@prakticum.test"),
  subj="Hyväksytty: Jatkopäivä @ ke 10.2.2027 10–16 (EET) (verkosto@example.org)", date="2026-11-16 10:40:00",
  client="ics_google",
  body="""Ville Heinonen on hyväksynyt tämän kutsun.

Jatkopäivä
Milloin: ke 10.2.2027 10–16 (Itä-Euroopan normaaliaika - Helsinki)
Missä: Kuntatalo, Helsinki
Kutsun lähetti Google-kalenteri.
""", ics=ics_reply("2027-02-10", "ACCEPTED", "Ville Heinonen", "ville.heinonen@prakticum.test", google=True, stamp="20261116T084000Z")),

M("fi", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Tiina Leppänen", "tiina.leppanen@optima.test"), subj="RE: Verkostopäivä 9.12.2026", date="2026-11-05 16:52:37",
  client="android", quote=dict(Q1, to="Tiina Leppänen"),
  body="""mä tuun joulukuun päivään 👍 nähdään kuntatalolla

Hanki Outlook for Android"""),

# --- rsvp_no
M("fi", "rsvp_no", {"day": "2026-12-09"},
  frm=("Kallio Jari", "jari.kallio@keuda.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-04 09:45:03",
  quote=dict(Q1, to="Kallio Jari"),
  body="""Hei,

en valitettavasti pääse 9.12. paikalle, samana päivänä on meidän oma henkilöstöpäivä. Seuraan mielelläni verkoston kuulumisia jatkossakin.

Jari Kallio
tiiminvetäjä, oppisopimus
Keuda
"""),

M("fi", "rsvp_no", {"day": "2027-02-10"},
  frm=("Niemi Leena", "leena.niemi@stadi.test"), subj="Hylätty: Jatkopäivä", date="2026-11-19 08:12:30",
  client="ics_outlook", body="Valitettavasti olen helmikuussa virkavapaalla.\n",
  ics=ics_reply("2027-02-10", "DECLINED", "Niemi Leena", "leena.niemi@stadi.test", comment="Valitettavasti olen helmikuussa virkavapaalla.", stamp="20261119T061230Z")),

M("fi", "rsvp_no", {"day": "2027-02-10"},
  frm=("Antti Huttunen", "antti.huttunen@omnia.test"), subj="Re: Jatkopäivä 10.2.2027", date="2026-11-22 20:14:09",
  client="iphone", quote=Q2g,
  body="""ei paase 10.2 sori, oon silloin tyopaikkakaynneilla lapissa

Lähetetty iPhonesta"""),

M("fi", "rsvp_no", {"day": "2026-12-09"},
  frm=("Seppälä Marjatta", "marjatta.seppala@prakticum.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-11 13:36:27",
  html_only=True, charset="windows-1252", cte="quoted-printable", quote=dict(Q1, to="Seppälä Marjatta"),
  body="""Hyvä vastaanottaja,

kiitos kutsusta. Valitettavasti en pysty osallistumaan verkostopäivään keskiviikkona 9.12., sillä minulla on samaan aikaan hallituksen kokous.

Toivotan antoisaa päivää!

Marjatta Seppälä
vararehtori
Prakticum
"""),

# --- cancel
M("fi", "cancel", {},
  frm=("Lehto Raimo", "raimo.lehto@optima.test"), subj="Ilmoittautumisen peruminen", date="2026-11-24 10:05:51",
  body="""Hei,

peruutan ilmoittautumiseni kehittämisverkostoon. Organisaatiomme resurssit eivät tänä lukuvuonna riitä verkostotyöhön, joten en osallistu kumpaankaan päivään.

Kiitos ja hyvää jatkoa!

Raimo Lehto
koulutuspäällikkö, Optima
"""),

M("fi", "cancel", {"day": "2027-02-10"},
  frm=("Virtanen Timo", "timo.virtanen@stadi.test"), subj="Jatkopäivä peruutus", date="2026-12-01 07:41:16",
  client="android",
  body="""Moi, joudun perumaan osallistumiseni jatkopäivään 10.2. koska meillä alkaa uusi ryhmä samalla viikolla. Joulukuun päivään tulen kyllä normaalisti.

t. Timo"""),

M("fi", "cancel", {"day": "2026-12-09", "also": ["rsvp_yes"]},
  frm=("Koskinen Heli", "heli.koskinen@stadi.test"), subj="Muutos osallistumiseen", date="2026-11-27 12:19:45",
  body="""Hei,

valitettavasti en pääsekään 9.12. verkostopäivään, joten perun sen. Sen sijaan ilmoittaudun mielelläni jatkopäivään 10.2.2027.

Ruokavalio edelleen kasvis.

Terveisin
Heli Koskinen
tiiminvetäjä, oppisopimuspalvelut
Stadin ammatti- ja aikuisopisto
"""),

# --- substitute
M("fi", "substitute", {"day": "2026-12-09", "people": [P("Marko Lahtinen", "marko.lahtinen@omnia.test", organisation="Omnia")]},
  frm=("Rautio Outi", "outi.rautio@omnia.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-30 09:27:02",
  quote=dict(Q1, to="Rautio Outi"),
  body="""Hei,

minulle tuli este joulukuun päivään. Laitan Marko Lahtisen tilalleni (marko.lahtinen@omnia.test), hän on tiimissämme oppisopimusneuvojana. Markolla ei ole erityisruokavaliota.

Outi
"""),

M("fi", "substitute", {"day": "2027-02-10", "people": [P("Paula Kivimäki", role="staff", organisation="Stadi")]},
  frm=("Matti Meikäläinen", "matti.meikalainen@stadi.test"), subj="Re: Jatkopäivä 10.2.2027", date="2026-11-25 17:58:33",
  client="gmail", quote=Q2g,
  body="""Moi,

en itse pääse helmikuussa, mutta Paulalla on aikaa, joten hän tulee mun tilalle jatkopäivään. Paula Kivimäki, opettaja meiltä Stadista. Sähköpostin laitan myöhemmin kun tarkistan sen.

Matti
"""),

M("fi", "substitute", {"day": "2026-12-09", "people": [P("Eeva Korhonen", "eeva.korhonen@keuda.test", "staff", "Keuda")]},
  frm=("Laaksonen Hanna", "hanna.laaksonen@keuda.test"), subj="Sijainen 9.12. verkostopäivään", date="2026-12-03 14:02:18",
  body="""Hei,

sairastuin ja joudun olemaan poissa vielä ensi viikon. Sijaiseni 9.12. verkostopäivässä on koulutustarkastaja Eeva Korhonen, eeva.korhonen@keuda.test. Eevalle sopii tavallinen ruoka.

Pahoittelut muutoksesta!

Hanna Laaksonen
Keuda
"""),

# --- commit
M("fi", "commit", {},
  frm=("Mallikas Maija", "maija.mallikas@omnia.test"), subj="Omnian sitoutuminen jatkotyöskentelyyn", date="2026-11-26 11:48:09",
  body="""Hei,

Omnia sitoutuu verkoston jatkotyöskentelyyn. Asia käsiteltiin johtoryhmässä tiistaina ja olemme valmiita osallistumaan myös jatkopäivän kustannuksiin sovitun jakoperusteen mukaisesti.

Laskutusosoite tulee erikseen taloushallinnosta.

Ystävällisin terveisin
Maija Mallikas
johtaja, työelämäpalvelut
Omnia
"""),

M("fi", "commit", {"also": ["signup"], "people": [P("Satu Hämäläinen", "satu.hamalainen@keuda.test", "management", "Keuda")]},
  frm=("Kallio Jari", "jari.kallio@keuda.test"), subj="Keuda jatkoon + uusi osallistuja", date="2026-12-02 15:31:40",
  body="""Hei,

Keuda lähtee mukaan jatkotyöhön, eli sitoudumme jatkoon ja kustannusten jakoon. Päätös syntyi eilen.

Ilmoitan samalla uuden osallistujan verkostoon: koulutuspäällikkö Satu Hämäläinen, satu.hamalainen@keuda.test. Hän vastaa meillä jatkossa oppisopimustoiminnasta.

Jari Kallio
Keuda
"""),

# --- correction
M("fi", "correction", {"people": [P("Jaana Hyvärinen", "jaana.hyvarinen@prakticum.test")]},
  frm=("Jaana Hyvärinen", "jaana.hyvarinen@prakticum.test"), subj="Nimi väärin osallistujalistassa", date="2026-11-13 08:20:56",
  client="thunderbird",
  body="""Hei,

huomasin että nimeni on osallistujalistassa muodossa "Jaana Hyvarinen". Oikea kirjoitusasu on Jaana Hyvärinen (ä-kirjaimella). Voisitteko korjata, niin nimikylttikin menee oikein :)

Kiitos!
Jaana Hyvärinen
Prakticum
"""),

M("fi", "correction", {"people": [P("Matti Meikäläinen", "matti.meikalainen@stadi.test", "supervisor", "Stadi")]},
  frm=("Meikäläinen Matti", "matti.meikalainen@stadi.test"), subj="Tittelin päivitys", date="2026-11-20 13:13:13",
  body="""Hei,

tehtävänimikkeeni on muuttunut marraskuun alusta: olen nykyään oppisopimustiimin tiiminvetäjä (aiemmin opettaja). Päivittäisittekö tiedot rekisteriin.

Matti Meikäläinen
tiiminvetäjä
Stadin ammatti- ja aikuisopisto
"""),

# --- export_request
M("fi", "export_request", {},
  frm=("Kinnunen Arja", "arja.kinnunen@omnia.test"), subj="Tietopyyntö", date="2026-11-14 10:09:29", html_only=True, cte="base64",
  body="""Hei,

pyydän EU:n tietosuoja-asetuksen 15 artiklan mukaisesti kopion kaikista minusta verkoston rekisteriin tallennetuista tiedoista.

Ystävällisin terveisin
Arja Kinnunen
suunnittelija
Omnia
"""),

M("fi", "export_request", {},
  frm=("Jussi Karjalainen", "jussi.karjalainen@optima.test"), subj="tiedot", date="2026-11-28 22:36:47",
  client="iphone",
  body="""Moi voitteko lähettää mulle mitä tietoja musta on teidän rekisterissä? haluun tarkistaa et ne on ajantasalla

-Jussi

Lähetetty iPhonesta"""),

# --- forget_request
M("fi", "forget_request", {},
  frm=("Pitkänen Sari", "sari.pitkanen@stadi.test"), subj="Tietojen poisto", date="2026-11-15 09:51:38",
  body="""Hei,

pyydän, että poistatte kaikki tietoni verkoston rekisteristä. En halua, että minusta säilytetään mitään tietoja.

Sari Pitkänen
"""),

M("fi", "forget_request", {},
  frm=("Aaltonen Sanna", "sanna.aaltonen@optima.test"), subj="Re: Verkostopäivä 9.12.2026", date="2026-12-04 19:02:10",
  client="gmail", quote=Q1g,
  body="""Hei

vaihdan työpaikkaa vuodenvaihteessa. Poistakaa kaikki tietoni teidän järjestelmästä, myös nimi ja sähköposti, kiitos.

Sanna
"""),

# --- attention
M("fi", "attention", {},
  frm=("Hämäläinen Satu", "satu.hamalainen@keuda.test"), subj="Jatkopäivän kustannukset?", date="2026-11-23 11:27:04",
  body="""Hei,

ennen kuin teemme päätöksen jatkoon sitoutumisesta, haluaisin tietää suunnilleen paljonko jatkopäivä maksaa organisaatiota kohden. Onko arviota asiantuntijapalkkioista ja tilavuokrasta? Ja tuleeko hintaan alv?

Satu Hämäläinen
koulutuspäällikkö, Keuda
"""),

M("fi", "attention", {},
  frm=("Elina Mustonen", "elina.mustonen@prakticum.test"), subj="VS: Verkostopäivä 9.12.2026", date="2026-11-16 08:03:58",
  client="owa", quote=dict(Q1, to="Mustonen Elina"),
  body="""Hei,

toivottavasti pääsen tulemaan, mutta kalenterissa on vielä yksi auki oleva asia. Vahvistan ensi viikolla!

Elina
"""),

M("fi", "attention", {},
  frm=("Pekka Räsänen", "pekka.rasanen@omnia.test"), subj="Re: Verkostopäivä 9.12.2026", date="2026-11-02 22:48:31",
  client="iphone", quote=Q1g,
  body="""

Lähetetty iPhonesta"""),

M("fi", "attention", {},
  frm=("Leppänen Tiina", "tiina.leppanen@optima.test"), subj="RE: Jatkopäivä 10.2.2027", date="2026-11-29 10:10:10",
  quote=dict(Q2, to="Leppänen Tiina"),
  body="""Hei,

en itse pääse helmikuussa, mutta meiltä tulee joku muu. Kerron nimen myöhemmin kun työvuorot on selvillä.

Tiina
"""),

M("fi", "attention", {},
  frm=("Mallikas Maija", "maija.mallikas@omnia.test"), subj="VL: Verkoston esittely johtoryhmälle", date="2026-11-08 16:20:12",
  quote=dict(style="outlook", lang="fi", who="Rehtori Omnia <rehtori@omnia.test>", when="perjantai 6. marraskuuta 2026 12.44",
             to="Mallikas Maija", subj="Verkoston esittely johtoryhmälle",
             text="""Hei Maija,

voisitko pyytää verkoston vetäjältä lyhyen esittelyn (1-2 diaa) tammikuun johtoryhmään? Päätämme jatkosta tammikuussa.

t. Rehtori"""),
  body="""Hei,

välitän alla olevan rehtorimme pyynnön. Olisiko teillä valmista materiaalia, jota voisin käyttää? Päätämme Omnian osalta jatkosta tammikuussa, ennen sitä en voi luvata mitään.

Maija
"""),

M("fi", "attention", {},
  frm=("Heinonen Ville", "ville.heinonen@prakticum.test"), subj="Alustava: Verkostopäivä", date="2026-11-03 12:00:45",
  client="ics_outlook", body="Yritän järjestää, mutta päällekkäinen tapaaminen.\n",
  ics=ics_reply("2026-12-09", "TENTATIVE", "Heinonen Ville", "ville.heinonen@prakticum.test", comment="Yritän järjestää\\, mutta päällekkäinen tapaaminen.", stamp="20261103T100045Z")),
]

# --- robots
_ct, _c = dsn("""Toimitus seuraaville vastaanottajille epäonnistui:

matti.virtala@stadi.test
Vastaanottajan sähköpostiosoitetta ei löytynyt vastaanottajan sähköpostijärjestelmästä. Tarkista osoite ja yritä uudelleen.

Diagnostiikkatiedot järjestelmänvalvojille:

Lähettävä palvelin: EX01.example.org
matti.virtala@stadi.test
Etäpalvelin palautti viestin: 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found
""", "AM0PR07MB4321.eurprd07.prod.outlook.com",
    [("matti.virtala@stadi.test", "failed", "5.1.1", "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found")],
    "matti.virtala@stadi.test", "Verkostopäivä 9.12.2026", "2026-11-02 14:05:00", full_original=False,
    html="<html><body><p><b>Viestiäsi ei voitu toimittaa osoitteeseen matti.virtala@stadi.test</b></p><p>Sähköpostiosoitetta ei löytynyt.</p></body></html>")
MAILS.append(M("fi", "bounce", {"bounced": ["matti.virtala@stadi.test"]},
  frm=("Microsoft Outlook", "postmaster@stadi.test"), to="verkosto@example.org",
  subj="Toimitus epäonnistui: Verkostopäivä 9.12.2026", date="2026-11-02 14:05:07",
  client="raw", raw=_c, ctype_hdrs=_ct + [("Auto-Submitted", "auto-replied"), ("Content-Language", "fi-FI")]))

_ct, _c = dsn("""Tämä on postijärjestelmä palvelimella mail.keuda.test.

Valitettavasti viestiäsi ei voitu toimittaa yhdelle tai useammalle
vastaanottajalle. Alla on lisätietoja.

Jos tarvitset apua, ota yhteyttä postimestariin (postmaster).

<kalle.honkanen@keuda.test>: host mx.keuda.test[192.0.2.10] said: 550 5.1.1
    <kalle.honkanen@keuda.test>: Recipient address rejected: User unknown in
    virtual mailbox table (in reply to RCPT TO command)

<mervi.ojala@keuda.test>: host mx.keuda.test[192.0.2.10] said: 552 5.2.2
    <mervi.ojala@keuda.test>: Mailbox full (in reply to RCPT TO command)
""", "mail.keuda.test",
    [("kalle.honkanen@keuda.test", "failed", "5.1.1", "550 5.1.1 <kalle.honkanen@keuda.test>: Recipient address rejected: User unknown"),
     ("mervi.ojala@keuda.test", "failed", "5.2.2", "552 5.2.2 <mervi.ojala@keuda.test>: Mailbox full")],
    "kalle.honkanen@keuda.test, mervi.ojala@keuda.test", "Jatkopäivä 10.2.2027", "2026-11-16 10:12:00",
    text_cte="8bit", orig_body="Hei,\n\nVerkoston jatkopäivä pidetään ke 10.2.2027.\n")
MAILS.append(M("fi", "bounce", {"bounced": ["kalle.honkanen@keuda.test", "mervi.ojala@keuda.test"]},
  frm=("Mail Delivery System", "MAILER-DAEMON@mail.keuda.test"), to="verkosto@example.org",
  subj="Palautettu viesti: toimitus epäonnistui", date="2026-11-16 10:12:44",
  client="raw", raw=_c, ctype_hdrs=_ct + [("Auto-Submitted", "auto-replied")]))

MAILS.append(M("fi", "bounce", {"bounced": ["hannu.kurki@optima.test"]},
  frm=("System Administrator", "postmaster@optima.test"), to="verkosto@example.org",
  subj="Ei toimitettu: Verkostopäivä 9.12.2026", date="2026-11-02 14:06:31",
  client="raw", ctype_hdrs=[("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=\"iso-8859-1\""), ("Content-Transfer-Encoding", "quoted-printable"), ("X-MS-Exchange-Message-Is-Ndr", "")],
  raw=__import__("quopri").encodestring("""Viestisi

  Vastaanottaja: hannu.kurki@optima.test
  Aihe: Verkostopäivä 9.12.2026
  Lähetetty: 2.11.2026 14:05

ei saavuttanut kaikkia vastaanottajia.

Seuraavia vastaanottajia ei tavoitettu:

      hannu.kurki@optima.test 2.11.2026 14:06
            Sähköpostitili on poistettu käytöstä.
            <ex02.optima.test #5.2.1 smtp;550 5.2.1 Mailbox disabled>
""".encode("iso-8859-1")).decode()))

_ct, _c = mdn("""Viesti

  Vastaanottaja: Laine Liisa
  Aihe: Verkostopäivä 9.12.2026
  Lähetetty: 2.11.2026 14.05 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna

luettiin 3.11.2026 8.02 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna.
""", "outi.rautio@omnia.test", "Verkostopäivä 9.12.2026", "2026-11-02 14:05:00")
MAILS.append(M("fi", "autoreply", {},
  frm=("Rautio Outi", "outi.rautio@omnia.test"), subj="Luettu: Verkostopäivä 9.12.2026", date="2026-11-03 08:02:19",
  client="raw", raw=_c, ctype_hdrs=_ct))

MAILS.append(M("fi", "autoreply", {},
  frm=("Karvonen Mirja", "mirja.karvonen@stadi.test"), subj="Automaattinen vastaus: Verkostopäivä 9.12.2026", date="2026-11-02 14:05:33",
  headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
  body="""Hei,

olen lomalla 2.–13.11.2026 enkä lue sähköpostiani. Vastaan viestiisi palattuani.

Ystävällisin terveisin
Mirja Karvonen
"""))

MAILS.append(M("fi", "autoreply", {},
  frm=("Kivelä Jouni", "jouni.kivela@keuda.test"), subj="Poissa toimistosta: Jatkopäivä 10.2.2027", date="2026-11-16 10:13:02",
  headers=[("X-Auto-Response-Suppress", "All")], client="owa",
  body="""Olen poissa toimistosta 16.–20.11. koulutusmatkalla.
Kiireellisissä oppisopimusasioissa ota yhteyttä Tuula Mäkiseen, tuula.makinen@keuda.test, p. 040 987 6543.

Jouni Kivelä
oppisopimustoiminnan esimies, Keuda
"""))
