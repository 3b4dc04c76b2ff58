# -*- coding: utf-8 -*-
# Swedish (Finland-Swedish) mails, each written by hand.
from common import *
from lib import ics_reply, dsn, mdn

Q1 = dict(style="outlook", lang="sv", when="den 2 november 2026 14:05", subj="Nätverksdag 9.12.2026", text=INV_SV)
Q1g = dict(style="gmail", lang="sv", when="mån 2 nov. 2026 kl. 14:05", subj="Nätverksdag 9.12.2026", text=INV_SV)
Q2 = dict(style="outlook", lang="sv", when="den 16 november 2026 10:12", subj="Uppföljningsdag 10.2.2027", text=INV2_SV)
Q2g = dict(style="gmail", lang="sv", when="mån 16 nov. 2026 kl. 10:12", subj="Uppföljningsdag 10.2.2027", text=INV2_SV)

MAILS = [
# --- signup
M("sv", "signup", {"people": [P("Camilla Holmström", "camilla.holmstrom@yrkesakademin.test", "supervisor", "YA")]},
  frm=("Holmström Camilla", "camilla.holmstrom@yrkesakademin.test"), subj="Anmälan till nätverket", date="2026-11-03 09:12:44", cte="base64",
  body="""Hej,

jag vill gärna anmäla mig till nätverket Asiakaslähtöisyys oppilaitoksissa. Jag jobbar som läroavtalschef på Yrkesakademin i Österbotten och ansvarar för kontakterna till arbetsplatserna i Vasaregionen.

Specialdiet: vegetarisk.

Med vänlig hälsning
Camilla Holmström
läroavtalschef
Yrkesakademin i Österbotten
tfn 050 311 2244
"""),

M("sv", "signup", {"people": [P("Mikael Sjöberg", "mikael.sjoberg@axxell.test", "management", "Axxell"),
                              P("Jessica Lindroos", "jessica.lindroos@axxell.test", "staff", "Axxell"),
                              P("Patrik Granqvist", "patrik.granqvist@axxell.test", "supervisor", "Axxell")]},
  frm=("Åsa Westerlund", "asa.westerlund@axxell.test"), subj="Anmälan från Axxell", date="2026-11-05 14:48:02",
  body="""Hej!

Här kommer Axxells deltagare till nätverksdagen:

Namn: Mikael Sjöberg
Titel: utbildningschef
E-post: mikael.sjoberg@axxell.test
Specialdiet: laktosfri

Namn: Jessica Lindroos
Titel: studiehandledare
E-post: jessica.lindroos@axxell.test
Specialdiet: –

Namn: Patrik Granqvist
Titel: teamledare, läroavtal
E-post: patrik.granqvist@axxell.test
Specialdiet: ingen fisk

Jag sköter bara anmälningarna, själv deltar jag inte.

Hälsningar
Åsa Westerlund
assistent, Axxell
"""),

M("sv", "signup", {"people": [P("Linnea Forsman", "linnea.forsman@prakticum.test", "staff", "Prakticum")]},
  frm=("Linnea Forsman", "linnea.forsman@prakticum.test"), subj="anmälan", date="2026-11-06 20:31:17",
  client="iphone",
  body="""Hej! Jag anmäler mej till nätverket. Linnea Forsman, lärare på Prakticum (handel). Ingen specialdiet.

Skickat från min iPhone"""),

M("sv", "signup", {"people": [P("Henrik Nyman", "henrik.nyman@yrkesakademin.test", "staff", "YA")]},
  frm=("Björklund Sofia", "sofia.bjorklund@yrkesakademin.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-09 11:05:39",
  quote=dict(Q1, to="Björklund Sofia"),
  body="""Hej,

jag kommer som tidigare anmält, men nu vill vi också ta med vår planerare Henrik Nyman (henrik.nyman@yrkesakademin.test). Kan ni lägga till honom? Han äter glutenfritt.

Sofia Björklund
förman, läroavtalsbyrån
Yrkesakademin i Österbotten
"""),

M("sv", "signup", {"people": [P("Tove Sandberg", "tove.sandberg@bygg-sandberg.test", "guest")]},
  frm=("Lindqvist Anna", "anna.lindqvist@prakticum.test"), subj="Gäst till nätverksdagen", date="2026-11-19 10:22:51",
  client="thunderbird",
  body="""Hej,

Prakticum vill ta med en gäst från arbetslivet till nätverksdagen 9.12. Hon heter Tove Sandberg och är VD för Bygg Sandberg Ab, som har haft flera läroavtalsstuderande hos oss. Hennes e-post är tove.sandberg@bygg-sandberg.test.

Går det bra?

Hälsningar
Anna Lindqvist
prorektor, Prakticum
"""),

# --- interest_join
M("sv", "interest_join", {"acts_for": "oskar.wikstrom@axxell.test"},
  frm=("Webbformulär", "lomake@example.org"), reply_to="oskar.wikstrom@axxell.test",
  subj="Webbformulär: Lämna dina kontaktuppgifter", date="2026-11-07 09:44:10", client="form",
  body="""Ett formulär har skickats från sidan "Asiakaslähtöisyys oppilaitoksissa" (svenska).

Lämna dina kontaktuppgifter så hör du mer
E-post: oskar.wikstrom@axxell.test

Val: SKICKA

Skickat: 7.11.2026 09:44
--
Detta meddelande har skickats automatiskt.
"""),

M("sv", "interest_join", {},
  frm=("Frida Ekholm", "frida.ekholm@optima.test"), subj="Mer information om nätverket", date="2026-11-13 15:15:15",
  client="gmail",
  body="""Hej,

jag hörde om ert nätverk på ett seminarium i Jakobstad. Skulle ni kunna sätta upp mig på sändlistan så att jag får mer information? Jag är studiehandledare på Optima.

Tack på förhand!
Frida Ekholm
"""),

# --- interest_leave
M("sv", "interest_leave", {"acts_for": "ronny.back@yrkesakademin.test"},
  frm="noreply@example.org", reply_to="ronny.back@yrkesakademin.test",
  subj="Nytt formulärsvar", date="2026-11-18 12:02:03", client="form",
  body="""Nytt formulärsvar

Formulär: Lämna dina kontaktuppgifter så hör du mer
Språk: svenska
E-postadress: ronny.back@yrkesakademin.test
Knapp: NEJ TACK
"""),

M("sv", "interest_leave", {},
  frm=("Lars Öhman", "lars.ohman@axxell.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-04 08:33:25",
  quote=dict(Q1, to="Öhman Lars"),
  body="""Hej,

vänligen ta bort mig från listan. Jag går i pension vid årsskiftet.

Lars Öhman
"""),

# --- rsvp_yes
M("sv", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Björklund Sofia", "sofia.bjorklund@yrkesakademin.test"), subj="Accepterat: Nätverksdag", date="2026-11-02 16:01:49",
  client="ics_outlook", body="",
  ics=ics_reply("2026-12-09", "ACCEPTED", "Björklund Sofia", "sofia.bjorklund@yrkesakademin.test", stamp="20261102T140149Z")),

M("sv", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Lindqvist Anna", "anna.lindqvist@omnia.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-03 10:47:12",
  quote=dict(Q1, to="Lindqvist Anna"),
  body="""Hej,

tack för inbjudan, jag deltar gärna den 9.12. Ingen specialdiet.

Hälsningar
Anna Lindqvist
koordinator, Omnia
"""),

M("sv", "rsvp_yes", {"day": "2027-02-10"},
  frm=("Nyberg Johan", "johan.nyberg@optima.test"), subj="Re: Uppföljningsdag 10.2.2027", date="2026-11-17 07:55:30",
  client="iphone", quote=Q2g,
  body="""Jo, jag kommer på uppföljningsdagen. Vi ses!

/Johan

Skickat från min iPhone"""),

M("sv", "rsvp_yes", {"day": "2027-02-10"},
  frm=("Granqvist Patrik", "patrik.granqvist@axxell.test"), subj="SV: Uppföljningsdag 10.2.2027", date="2026-11-24 13:29:58",
  client="android",
  body="""Hej, jag hinner nog med. Räkna med mig den 10 februari. Patrik

Skaffa Outlook för Android"""),

# --- rsvp_no
M("sv", "rsvp_no", {"day": "2026-12-09"},
  frm=("Ekström Maria", "maria.ekstrom@yrkesakademin.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-06 12:12:41",
  quote=dict(Q1, to="Ekström Maria"),
  body="""Hej,

tyvärr har jag inte möjlighet att delta den 9 december, vi har examinationer hela veckan. Hoppas det ordnas fler träffar!

Mvh
Maria Ekström
lärare, Yrkesakademin i Österbotten
"""),

M("sv", "rsvp_no", {"day": "2027-02-10"},
  frm=("Jessica Lindroos", "jessica.lindroos@axxell.test"),
  subj="Avböjt: Uppföljningsdag @ ons 10 feb. 2027 10:00 - 16:00 (EET) (verkosto@example.org)", date="2026-11-18 09:20:11",
  client="ics_google",
  body="""Jessica Lindroos har tackat nej till den här inbjudan.

Uppföljningsdag
När: ons 10 feb. 2027 10:00 – 16:00 Östeuropeisk normaltid - Helsingfors
Var: Kuntatalo, Helsinki
Inbjudan från Google Kalender
""", ics=ics_reply("2027-02-10", "DECLINED", "Jessica Lindroos", "jessica.lindroos@axxell.test", google=True, stamp="20261118T072011Z")),

M("sv", "rsvp_no", {"day": "2026-12-09"},
  frm=("Forsman Linnea", "linnea.forsman@prakticum.test"), subj="Re: Nätverksdag 9.12.2026", date="2026-11-25 21:40:06",
  client="gmail", quote=Q1g,
  body="""Hej!
Jag kan tyvärr int komma 9.12, har fått vikariat på annan ort den veckan. Sorry!
Linnea
"""),

# --- cancel
M("sv", "cancel", {},
  frm=("Sjöberg Mikael", "mikael.sjoberg@axxell.test"), subj="Annullering av anmälan", date="2026-11-27 08:14:36",
  body="""Hej,

jag måste tyvärr annullera min anmälan till nätverket helt och hållet. Jag har fått nya uppgifter inom Axxell och har inte tid för nätverksarbetet.

Mina kolleger Jessica och Patrik fortsätter som tidigare.

Med vänliga hälsningar
Mikael Sjöberg
"""),

M("sv", "cancel", {"day": "2026-12-09"},
  frm=("Nyman Henrik", "henrik.nyman@yrkesakademin.test"), subj="Avbokning 9.12", date="2026-12-02 16:47:22",
  client="thunderbird", charset="iso-8859-1", cte="quoted-printable",
  body="""Hej,

jag avbokar mitt deltagande i nätverksdagen den 9.12. Det har kommit upp en intern utbildning som jag måste delta i. Ta gärna bort min lunch också.

Hälsningar,
Henrik Nyman
planerare, YA
"""),

# --- substitute
M("sv", "substitute", {"day": "2026-12-09", "people": [P("Kim Lindholm", "kim.lindholm@optima.test", "staff", "Optima")]},
  frm=("Nyberg Johan", "johan.nyberg@optima.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-30 11:11:54",
  quote=dict(Q1, to="Nyberg Johan"),
  body="""Hej,

jag är förhindrad den 9.12, men Kim Lindholm kommer i mitt ställe. Kim är lärare hos oss och jobbar med läroavtalsstuderande inom metallbranschen. E-post kim.lindholm@optima.test.

Hälsningar
Johan Nyberg
Optima
"""),

M("sv", "substitute", {"day": "2027-02-10", "people": [P("Malin Strand", organisation="YA")]},
  frm=("Holmström Camilla", "camilla.holmstrom@yrkesakademin.test"), subj="Ersättare till uppföljningsdagen", date="2026-12-03 09:38:27",
  client="owa",
  body="""Hej!

Jag kan inte delta på uppföljningsdagen 10.2 eftersom jag är på tjänstledighet i februari. Malin Strand från vårt team ersätter mig. Jag ber henne själv skicka sina kontaktuppgifter.

Camilla
"""),

# --- commit
M("sv", "commit", {},
  frm=("Lindqvist Anna", "anna.lindqvist@prakticum.test"), subj="Prakticum förbinder sig till uppföljningsarbetet", date="2026-11-26 14:09:03",
  html_only=True, cte="base64",
  body="""Hej,

Prakticums ledningsgrupp har beslutat att vi förbinder oss till uppföljningsarbetet i nätverket. Vi står för vår andel av kostnaderna för uppföljningsdagen enligt den modell som presenterades.

Med vänliga hälsningar
Anna Lindqvist
prorektor
Prakticum
"""),

M("sv", "commit", {},
  frm=("Björklund Sofia", "sofia.bjorklund@yrkesakademin.test"), subj="Re: Uppföljningsdag 10.2.2027", date="2026-12-01 10:52:17",
  client="gmail", quote=Q2g,
  body="""Hej!

Jag fick klartecken från vår rektor igår: YA är med i uppföljningsarbetet och vi delar på kostnaderna. Fakturan kan skickas till vår ekonomiavdelning, jag mejlar adressen senare.

Sofia
"""),

# --- correction
M("sv", "correction", {"people": [P("Jessica Lindroos", "jessica.lindroos@axxell.test", "supervisor", "Axxell")]},
  frm=("Lindroos Jessica", "jessica.lindroos@axxell.test"), subj="Ändrad titel", date="2026-11-20 15:03:45",
  body="""Hej,

kan ni uppdatera mina uppgifter? Från och med december är jag teamledare för läroavtalsteamet, inte längre studiehandledare.

Tack!
Jessica Lindroos
teamledare, Axxell
"""),

M("sv", "correction", {"people": [P("Frida Ekholm", "frida.ekholm@optima.test", organisation="Optima")]},
  frm=("Frida Ekholm", "frida.ekholm@optima.test"), subj="Fel organisation", date="2026-11-21 09:27:33",
  client="gmail",
  body="""Hej igen,

jag märkte att jag står på listan som "Frida Ekholm, Axxell". Jag jobbar på Optima, inte Axxell. Kunde ni rätta det?

Mvh Frida
"""),

# --- export_request
M("sv", "export_request", {},
  frm=("Westerlund Åsa", "asa.westerlund@axxell.test"), subj="Begäran om registerutdrag", date="2026-11-23 13:44:20",
  body="""Hej,

med stöd av dataskyddsförordningen (GDPR) begär jag ett utdrag av alla uppgifter om mig som finns i nätverkets register.

Med vänlig hälsning
Åsa Westerlund
"""),

M("sv", "export_request", {},
  frm=("Back Ronny", "ronny.back@yrkesakademin.test"), subj="Mina uppgifter?", date="2026-11-29 18:09:56",
  client="android",
  body="""Hej, vad har ni för uppgifter om mej? Skicka en kopia åt mej är ni snälla.
Ronny

Skaffa Outlook för Android"""),

# --- forget_request
M("sv", "forget_request", {},
  frm=("Öhman Lars", "lars.ohman@axxell.test"), subj="Radera mina uppgifter", date="2026-12-04 10:30:00",
  body="""Hej,

som jag skrev tidigare går jag i pension. Jag ber er nu radera mig ur registret helt, alla uppgifter om mig.

Lars Öhman
"""),

M("sv", "forget_request", {},
  frm=("Sara Nordling", "sara.nordling@prakticum.test"), subj="GDPR – radering", date="2026-11-14 11:56:48",
  client="thunderbird",
  body="""Hej,

jag begär att alla personuppgifter som ni har om mig raderas i enlighet med artikel 17 i dataskyddsförordningen. Vänligen bekräfta när det är gjort.

Sara Nordling
Prakticum
"""),

# --- attention
M("sv", "attention", {},
  frm=("Sandberg Tove", "tove.sandberg@bygg-sandberg.test"), subj="Fråga om parkering", date="2026-12-01 19:22:18",
  client="gmail",
  body="""Hej,

Anna Lindqvist från Prakticum bjöd in mig till nätverksdagen. Finns det parkering vid Kuntatalo eller ska jag ta tåget? Och hur dags serveras lunch?

Tove Sandberg
VD, Bygg Sandberg Ab
"""),

M("sv", "attention", {},
  frm=("Granqvist Patrik", "patrik.granqvist@axxell.test"), subj="SV: Nätverksdag 9.12.2026", date="2026-11-04 15:01:27",
  quote=dict(Q1, to="Granqvist Patrik"),
  body="""Hej,

förhoppningsvis kan jag komma, men det beror på om vi får en vikarie för min grupp. Jag återkommer!

Patrik
"""),

M("sv", "attention", {},
  frm=("Ekström Maria", "maria.ekstrom@yrkesakademin.test"), subj="Re: Uppföljningsdag 10.2.2027", date="2026-11-17 06:48:40",
  client="iphone", quote=Q2g,
  body="""

Skickat från min iPhone"""),

M("sv", "attention", {},
  frm=("Sjöberg Mikael", "mikael.sjoberg@axxell.test"), subj="Uppföljningsarbetet", date="2026-11-20 12:17:05",
  body="""Hej,

vi på Axxell är intresserade av uppföljningsarbetet, men vi beslutar om det först i januari när budgeten för nästa år är klar. Vad blir kostnaden ungefär om t.ex. fem organisationer deltar?

Hälsningar
Mikael Sjöberg
utbildningschef, Axxell
"""),

M("sv", "attention", {},
  frm=("Bäckman Gunilla", "gunilla.backman@yrkesakademin.test"), subj="Preliminärt: Nätverksdag", date="2026-11-05 08:40:31",
  client="ics_outlook", body="",
  ics=ics_reply("2026-12-09", "TENTATIVE", "Bäckman Gunilla", "gunilla.backman@yrkesakademin.test", stamp="20261105T064031Z")),
]

# --- robots
_ct, _c = dsn("""Det gick inte att leverera meddelandet till följande mottagare:

ulf.karlsson@axxell.test
Det gick inte att hitta mottagarens e-postadress i mottagarens e-postsystem. Kontrollera adressen och försök igen.

Diagnostisk information för administratörer:

Genererande server: HE1PR05MB3321.eurprd05.prod.outlook.com
ulf.karlsson@axxell.test
Fjärrservern returnerade '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
""", "HE1PR05MB3321.eurprd05.prod.outlook.com",
    [("ulf.karlsson@axxell.test", "failed", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")],
    "ulf.karlsson@axxell.test", "Nätverksdag 9.12.2026", "2026-11-02 14:05:00", full_original=False,
    html="<html><body><p><b>Det gick inte att leverera meddelandet till ulf.karlsson@axxell.test</b></p></body></html>")
MAILS.append(M("sv", "bounce", {"bounced": ["ulf.karlsson@axxell.test"]},
  frm=("Microsoft Outlook", "postmaster@axxell.test"), to="verkosto@example.org",
  subj="Olevererbart: Nätverksdag 9.12.2026", date="2026-11-02 14:05:19",
  client="raw", raw=_c, ctype_hdrs=_ct + [("Content-Language", "sv-SE")]))

_ct, _c = dsn("""Ditt meddelande nådde inte alla mottagare.

Följande mottagare kunde inte nås:

      stina.mattsson@yrkesakademin.test den 16.11.2026 10:12
            Postlådan är full.
            <mail.yrkesakademin.test #5.2.2 smtp;552 5.2.2 Mailbox quota exceeded>

      peter.holm@yrkesakademin.test den 16.11.2026 10:12
            Okänd mottagare.
            <mail.yrkesakademin.test #5.1.1 smtp;550 5.1.1 User unknown>
""", "mail.yrkesakademin.test",
    [("stina.mattsson@yrkesakademin.test", "failed", "5.2.2", "552 5.2.2 Mailbox quota exceeded"),
     ("peter.holm@yrkesakademin.test", "failed", "5.1.1", "550 5.1.1 User unknown")],
    "stina.mattsson@yrkesakademin.test, peter.holm@yrkesakademin.test", "Uppföljningsdag 10.2.2027", "2026-11-16 10:12:00",
    text_charset="iso-8859-1", orig_body="Hej,\n\nUppföljningsdagen hålls ons 10.2.2027.\n")
MAILS.append(M("sv", "bounce", {"bounced": ["stina.mattsson@yrkesakademin.test", "peter.holm@yrkesakademin.test"]},
  frm=("Systemadministratör", "postmaster@yrkesakademin.test"), to="verkosto@example.org",
  subj="Ej levererat: Uppföljningsdag 10.2.2027", date="2026-11-16 10:12:41",
  client="raw", raw=_c, ctype_hdrs=_ct))

MAILS.append(M("sv", "bounce", {"bounced": ["bengt.aspholm@prakticum.test"]},
  frm=("Mail Delivery Subsystem", "MAILER-DAEMON@mx.prakticum.test"), to="verkosto@example.org",
  subj="Returnerat e-postmeddelande: se transkript för detaljer", date="2026-11-03 11:20:09",
  client="raw", ctype_hdrs=[("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit"), ("Auto-Submitted", "auto-generated (failure)")],
  raw="""Meddelandet kunde inte levereras till en eller flera mottagare.

   ----- Följande adresser hade permanenta fel -----
<bengt.aspholm@prakticum.test>
    (orsak: 550 5.1.1 <bengt.aspholm@prakticum.test>... Användaren finns inte)

   ----- Transkript av sessionen följer -----
... while talking to mail.prakticum.test.:
>>> DATA
<<< 550 5.1.1 <bengt.aspholm@prakticum.test>... User unknown
550 5.1.1 <bengt.aspholm@prakticum.test>... User unknown
<<< 503 5.0.0 Need RCPT (recipient)

   ----- Originalmeddelandets huvud -----
From: verkosto@example.org
To: bengt.aspholm@prakticum.test
Subject: SV: Anmälan
Date: Tue, 3 Nov 2026 11:19:58 +0200
"""))

MAILS.append(M("sv", "autoreply", {},
  frm=("Lönnqvist Carina", "carina.lonnqvist@axxell.test"), subj="Automatiskt svar: Nätverksdag 9.12.2026", date="2026-11-02 14:05:41",
  headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
  body="""Hej,

jag är på semester till och med 15.11 och läser inte min e-post. I brådskande ärenden kan du kontakta vår studiebyrå.

Med vänliga hälsningar
Carina Lönnqvist
"""))

MAILS.append(M("sv", "autoreply", {},
  frm=("Bäckman Gunilla", "gunilla.backman@yrkesakademin.test"), subj="Frånvarande: Uppföljningsdag 10.2.2027", date="2026-11-16 10:12:58",
  headers=[("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply")], client="owa",
  body="""Tack för ditt meddelande. Jag är tjänstledig 16.11–4.12.2026.
Under min frånvaro sköts mina ärenden av Henrik Nyman, henrik.nyman@yrkesakademin.test.

Gunilla Bäckman
teamledare, YA
"""))

MAILS.append(M("sv", "autoreply", {},
  frm=("Jonas Hägg", "jonas.hagg@prakticum.test"), subj="Re: Nätverksdag 9.12.2026", date="2026-11-02 14:06:02",
  client="thunderbird",
  body="""Hej! Jag är på tjänsteresa 2–6.11 och har begränsad tillgång till e-post. Jag svarar när jag är tillbaka.

Detta är ett automatiskt svar.

Jonas Hägg, Prakticum
"""))

_ct, _c = mdn("""Ditt meddelande

  Till: Lindroos Jessica
  Ämne: Uppföljningsdag 10.2.2027
  Skickat: den 16 november 2026 10:12:00 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius

lästes den 17 november 2026 08:31:40 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius.
""", "jessica.lindroos@axxell.test", "Uppföljningsdag 10.2.2027", "2026-11-16 10:12:00")
MAILS.append(M("sv", "autoreply", {},
  frm=("Lindroos Jessica", "jessica.lindroos@axxell.test"), subj="Läst: Uppföljningsdag 10.2.2027", date="2026-11-17 08:31:45",
  client="raw", raw=_c, ctype_hdrs=_ct))
