from common import *
from lib import ics, dsn_raw, mdn_raw, orig_headers

NET = ('Kehittämisverkosto', 'verkosto@example.org')
M = []
def add(**k):
    k['lang'] = 'sv'
    M.append(k)

# ---------- signup ----------
add(label='signup', date='2026-11-02 14:30', client='outlook', frm=('Camilla Holmström', 'camilla.holmstrom@yrkesakademin.test'),
    subject='Anmälan till nätverket',
    body="""Hej!

Jag vill gärna anmäla mig till utvecklingsnätverket. Jag jobbar som studiehandledare vid Yrkesakademin i Österbotten i Vasa och har hand om läroavtalsstuderande inom vård och omsorg.

Camilla Holmström
Studiehandledare
Yrkesakademin i Österbotten
Rådhusgatan 8, 65100 Vasa
Specialdiet: vegetarisk

Med vänliga hälsningar
Camilla""",
    exp=dict(people=[dict(name='Camilla Holmström', address='camilla.holmstrom@yrkesakademin.test', role='staff', organisation='YA')]))

add(label='signup', date='2026-11-09 11:00', client='owa', frm=('Jessica Lund', 'jessica.lund@axxell.test'),
    cc=[('Fredrik Sundqvist', 'fredrik.sundqvist@axxell.test')],
    subject='Anmälan – Fredrik Sundqvist',
    body="""Hej,

på uppdrag av min chef anmäler jag honom till nätverket:

Namn: Fredrik Sundqvist
Organisation: Axxell
Titel: läroavtalschef
E-post: fredrik.sundqvist@axxell.test
Adress: Strandgatan 5, 10600 Ekenäs
Specialdiet: –

Med vänlig hälsning
Jessica Lund
Ledningens assistent
Axxell Utbildning Ab
tfn 044 555 0213""",
    exp=dict(acts_for='fredrik.sundqvist@axxell.test', people=[dict(name='Fredrik Sundqvist', address='fredrik.sundqvist@axxell.test', role='supervisor', organisation='Axxell')]))

add(label='signup', date='2026-11-06 10:05', client='outlook', frm=('Anna Lindqvist', 'anna.lindqvist@prakticum.test'),
    subject='Prakticums deltagare i nätverket',
    body="""Hej,

jag anmäler härmed två av mina kolleger till nätverket:

- Jonas Ek, teamledare för läroavtalsteamet, jonas.ek@prakticum.test (ingen specialdiet)
- Maria Grönroos, lärare inom handel, maria.gronroos@prakticum.test (laktosfri kost)

Båda kommer också till nätverksdagen i december.

Vänligen,
Anna Lindqvist
Rektor, Prakticum""",
    exp=dict(people=[dict(name='Jonas Ek', address='jonas.ek@prakticum.test', role='supervisor', organisation='Prakticum'),
                     dict(name='Maria Grönroos', address='maria.gronroos@prakticum.test', role='staff', organisation='Prakticum')]))

add(label='signup', date='2026-11-03 19:55', client='iphone', frm=('Linnea Åberg', 'linnea.aberg@optima.test'),
    subject='Anmalan',
    body="""Hej! Anmäler mej till natverket. Linnea Åberg, planerare pa Optima i Jakobstad. Glutenfri kost tack

Skickat från min iPhone""",
    exp=dict(people=[dict(name='Linnea Åberg', address='linnea.aberg@optima.test', role='staff', organisation='Optima')]))

add(label='signup', client='owa', frm=('Sofia Björklund', 'sofia.bjorklund@yrkesakademin.test'),
    subject='Anmälan av gäst från företag',
    body="""Hej,

vi vill gärna ta med en av våra arbetsplatshandledare som gäst till nätverket. Det gäller Peter Backlund från Backlunds Bil Ab (peter.backlund@backlundsbil.test). Han har haft läroavtalsstuderande hos oss i flera år och har många tankar om hur vi kunde bli bättre på kundsidan.

Han äter allt.

Sofia Björklund
Förman, läroavtalsbyrån
Yrkesakademin i Österbotten""",
    exp=dict(people=[dict(name='Peter Backlund', address='peter.backlund@backlundsbil.test', role='guest')]))

# ---------- interest_join ----------
add(label='interest_join', date='2026-11-05 11:24', client='plain', frm=('Nätverkets webbplats', 'lomake@example.org'),
    reply_to=('', 'tove.nylund@axxell.test'),
    subject='Formulär: Lämna dina kontaktuppgifter så hör du mer',
    body="""Nytt formulärsvar från sidan "Kundorientering i läroanstalter"

E-post: tove.nylund@axxell.test
Val: SKICKA

Skickat: 05.11.2026 11:24
--
Detta meddelande har skickats automatiskt från webbformuläret.""",
    exp=dict(acts_for='tove.nylund@axxell.test'))

add(label='interest_join', date='2026-11-02 16:25', client='thunderbird', frm=('Henrik Wikström', 'henrik.wikstrom@prakticum.test'),
    subject='Mera information om nätverket?',
    body="""Hej,

jag såg er sida och skulle gärna få mera information om nätverket och kommande träffar. Sätt gärna upp mig på er lista.

Hälsningar
Henrik Wikström
lärare, Prakticum""")

# ---------- interest_leave ----------
add(label='interest_leave', date='2026-11-10 13:20', charset='windows-1252', client='outlook', frm=('Gunilla Sjöberg', 'gunilla.sjoberg@optima.test'),
    subject='SV: Nyhetsbrev från nätverket',
    body="""Hej,

ta bort mig från listan, tack. Jag har bytt arbetsuppgifter och följer inte längre läroavtalsfrågorna.

Gunilla Sjöberg""")

add(label='interest_leave', client='plain', frm=('', 'noreply@example.org'),
    subject='Kontaktformulär',
    body="""Formulär: Lämna dina kontaktuppgifter så hör du mer
Knapp: NEJ TACK
E-postadress: jesper.kronqvist@yrkesakademin.test

Svara inte på detta meddelande.""",
    exp=dict(acts_for='jesper.kronqvist@yrkesakademin.test'))

# ---------- rsvp_yes ----------
add(label='rsvp_yes', client='iphone', reply=1, frm=('Sofia Björklund', 'sofia.bjorklund@yrkesakademin.test'),
    subject='SV: Inbjudan till nätverksdagen 9.12.2026',
    body="""Jag kommer! Tar tåget från Vasa på morgonen.

Skickat från min iPhone

> 16 nov. 2026 kl. 10:00 skrev Kehittämisverkosto <verkosto@example.org>:
>
""" + q(INV_SV),
    exp=dict(day='2026-12-09'))

add(label='rsvp_yes', client='calendar', reply=1, frm=('Jonas Ek', 'jonas.ek@prakticum.test'),
    subject='Godkänt: Nätverksdag',
    body='',
    ics=ics('2026-12-09', 'jonas.ek@prakticum.test', 'ACCEPTED', name='Jonas Ek'),
    exp=dict(day='2026-12-09'))

add(label='rsvp_yes', client='outlook', reply=2, frm=('Anna Lindqvist', 'anna.lindqvist@omnia.test'),
    subject='SV: Uppföljningsdag 10.2.2027',
    body="""Hej,

tack för inbjudan – jag deltar gärna i uppföljningsdagen den 10 februari.

Med vänlig hälsning
Anna Lindqvist
Omnia

Från: Kehittämisverkosto <verkosto@example.org>
Skickat: den 16 november 2026 10:00
Till: Anna Lindqvist <anna.lindqvist@omnia.test>
Ämne: Uppföljningsdag 10.2.2027

""" + INV2_SV,
    exp=dict(day='2027-02-10'))

add(label='rsvp_yes', date='2026-11-19 07:48', client='gmail', reply=2, frm=('Linnea Åberg', 'linnea.aberg@optima.test'),
    subject='Re: Uppföljningsdag 10.2.2027',
    body="""Hej!

Jo, jag är med i februari också. Samma diet som förra gången (glutenfri).

/Linnea

ons 18 nov. 2026 kl 09:12 skrev Kehittämisverkosto <verkosto@example.org>:

""" + q(INV2_SV),
    exp=dict(day='2027-02-10'))

# ---------- rsvp_no ----------
add(label='rsvp_no', client='outlook', reply=1, frm=('Johan Nyberg', 'johan.nyberg@optima.test'),
    subject='SV: Inbjudan till nätverksdagen 9.12.2026',
    body="""Hej,

tyvärr har jag inte möjlighet att delta den 9 december, vi har examinationer hela veckan.

Hälsningar
Johan Nyberg
Optima""",
    exp=dict(day='2026-12-09'))

add(label='rsvp_no', client='calendar', cal_client='google', reply=2, frm=('Tove Nylund', 'tove.nylund@axxell.test'),
    subject='Avböjd inbjudan: Uppföljningsdag ons 10 feb. 2027 10:00–16:00 (EET)',
    body="""Tove Nylund har avböjt denna inbjudan.

Uppföljningsdag
ons 10 feb. 2027 10:00–16:00 (östeuropeisk normaltid)

Inbjudan från Google Kalender""",
    ics=ics('2027-02-10', 'tove.nylund@axxell.test', 'DECLINED', prodid='-//Google Inc//Google Calendar 70.9054//EN', name='Tove Nylund'),
    exp=dict(day='2027-02-10'))

add(label='rsvp_no', client='android', reply=2, frm=('Fredrik Sundqvist', 'fredrik.sundqvist@axxell.test'),
    subject='SV: Uppföljningsdag 10.2.2027',
    body="""Hinner int tyvärr i februari, har redan en resa inbokad. Hoppas det går bra!

Skaffa Outlook för Android""",
    exp=dict(day='2027-02-10'))

# ---------- cancel ----------
add(label='cancel', date='2026-11-26 14:15', client='outlook', frm=('Maria Grönroos', 'maria.gronroos@prakticum.test'),
    subject='Återkallar anmälan',
    body="""Hej,

jag vill återkalla min anmälan till nätverket. Jag har fått en ny tjänst från årsskiftet och kommer inte att ha tid.

Vänliga hälsningar
Maria Grönroos""")

add(label='cancel', date='2026-11-28 07:52', client='iphone', frm=('Camilla Holmström', 'camilla.holmstrom@yrkesakademin.test'),
    subject='Avbokning 9.12',
    body="""Hej, jag måste tyvärr avboka min plats på nätverksdagen 9.12, vi har personalbrist på avdelningen. Uppföljningsdagen i februari ska jag försöka komma på.

Skickat från min iPhone""",
    exp=dict(day='2026-12-09'))

# ---------- substitute ----------
add(label='substitute', client='outlook', reply=1, frm=('Anna Lindqvist', 'anna.lindqvist@prakticum.test'),
    subject='SV: Inbjudan till nätverksdagen 9.12.2026',
    body="""Hej,

jag kan själv inte komma den 9.12 men prorektor Kristian Lindholm kommer i mitt ställe (kristian.lindholm@prakticum.test).

Hälsningar
Anna""",
    exp=dict(day='2026-12-09', people=[dict(name='Kristian Lindholm', address='kristian.lindholm@prakticum.test', role='management', organisation='Prakticum')]))

add(label='substitute', client='gmail', reply=2, frm=('Henrik Wikström', 'henrik.wikstrom@prakticum.test'),
    subject='Re: Uppföljningsdag 10.2.2027',
    body="""Hej,

i februari kommer Emma Strandberg i stället för mig, hon är lärare hos oss på Prakticum. Hon meddelar själv sin e-post senare.

Henrik""",
    exp=dict(day='2027-02-10', people=[dict(name='Emma Strandberg', role='staff', organisation='Prakticum')]))

# ---------- commit ----------
add(label='commit', client='outlook', frm=('Kristian Lindholm', 'kristian.lindholm@prakticum.test'),
    subject='Prakticum förbinder sig till uppföljningsarbetet',
    body="""Bästa nätverkskoordinator,

ledningsgruppen vid Prakticum har beslutat att vi förbinder oss till uppföljningsarbetet och står för vår andel av kostnaderna för uppföljningsdagen.

Kontaktperson är fortsättningsvis rektor Anna Lindqvist.

Med vänlig hälsning
Kristian Lindholm
prorektor, Prakticum""")

add(label='commit', date='2026-11-20 13:00', client='outlook_html', frm=('Birgitta Fagerström', 'birgitta.fagerstrom@yrkesakademin.test'),
    subject='YA med i uppföljningsarbetet',
    body="""Hej!

Vi på Yrkesakademin är med i uppföljningsarbetet, och ni kan räkna med oss i kostnadsfördelningen för uppföljningsdagen.

Samtidigt vill jag anmäla vår nya teamledare Mikaela Rönnqvist (mikaela.ronnqvist@yrkesakademin.test) till nätverket.

Birgitta Fagerström
Utbildningschef
Yrkesakademin i Österbotten""",
    exp=dict(also=['signup'], people=[dict(name='Mikaela Rönnqvist', address='mikaela.ronnqvist@yrkesakademin.test', role='supervisor', organisation='YA')]))

# ---------- correction ----------
add(label='correction', date='2026-11-24 10:40', client='outlook', frm=('Jonas Ek', 'jonas.ek@prakticum.test'),
    subject='Rättelse av titel',
    body="""Hej,

i deltagarlistan står jag som lärare, men min titel är teamledare (läroavtal). Kunde ni rätta det?

Tack,
Jonas Ek""",
    exp=dict(people=[dict(name='Jonas Ek', address='jonas.ek@prakticum.test', role='supervisor', organisation='Prakticum')]))

add(label='correction', date='2026-11-27 08:00', client='iphone', frm=('Mikaela Rönnqvist', 'mikaela.ronnqvist@yrkesakademin.test'),
    subject='Fel namn',
    body="""Hej! Mitt efternamn har blivit fel i ert register, det står Rönkvist men rätt är Rönnqvist. Tack!

Mikaela

Skickat från min iPhone""",
    exp=dict(people=[dict(name='Mikaela Rönnqvist', address='mikaela.ronnqvist@yrkesakademin.test', organisation='YA')]))

# ---------- export_request ----------
add(label='export_request', client='outlook', frm=('Ulla Storbacka', 'ulla.storbacka@axxell.test'),
    subject='Begäran om registerutdrag',
    body="""Hej,

med stöd av dataskyddsförordningen ber jag om ett utdrag av alla uppgifter om mig som finns i nätverkets register.

Med vänlig hälsning
Ulla Storbacka
Axxell""")

add(label='export_request', client='thunderbird', frm=('Mats Forsman', 'mats.forsman@yrkesakademin.test'),
    subject='Vilka uppgifter har ni om mig?',
    body="""Hej,

kan ni skicka mig en kopia av de personuppgifter ni har sparat om mig? Jag vill bara kontrollera att de stämmer.

Mats Forsman""")

# ---------- forget_request ----------
add(label='forget_request', date='2026-11-30 15:41', client='outlook', frm=('Gunilla Sjöberg', 'gunilla.sjoberg@optima.test'),
    subject='Radera mina uppgifter',
    body="""Hej igen,

utöver att ni tog bort mig från listan vill jag nu att ni raderar mig ur registret helt och hållet – alla uppgifter om mig.

Gunilla Sjöberg""")

add(label='forget_request', date='2026-12-04 16:20', client='gmail', frm=('Patrik Lindberg', 'patrik.lindberg@axxell.test'),
    subject='Begäran om radering',
    body="""Hej,

jag begär att alla mina personuppgifter raderas från era system i enlighet med artikel 17 i dataskyddsförordningen.

Patrik Lindberg""")

# ---------- attention ----------
add(label='attention', client='outlook', reply=2, frm=('Annika Söderlund', 'annika.soderlund@axxell.test'),
    subject='SV: Uppföljningsdag 10.2.2027',
    body="""Hej,

vi beslutar om uppföljningsarbetet först i januari när budgeten för nästa år är klar. Kan ni ge en uppskattning av hur stor vår andel av kostnaderna kunde bli?

Annika Söderlund
utbildningschef, Axxell""")

add(label='attention', client='iphone', reply=1, frm=('Mats Forsman', 'mats.forsman@yrkesakademin.test'),
    subject='SV: Inbjudan till nätverksdagen 9.12.2026',
    body="""Förhoppningsvis kan jag komma, men det beror på hur det går med vikarien. Återkommer!

Skickat från min iPhone""")

add(label='attention', date='2026-11-25 14:02', client='outlook', frm=('Ulla Storbacka', 'ulla.storbacka@axxell.test'),
    subject='VB: Program för nätverksdagen',
    body="""Hej,

vidarebefordrar detta – finns programmet också på svenska? Våra arbetsplatshandledare skulle ha nytta av det.

Ulla

Från: Tove Nylund <tove.nylund@axxell.test>
Skickat: den 25 november 2026 13:40
Till: Ulla Storbacka <ulla.storbacka@axxell.test>
Ämne: Program för nätverksdagen

Hej Ulla, programmet var bara på finska, kan du fråga dem?
/Tove""")

add(label='attention', date='2026-11-17 09:30', client='calendar', reply=1, frm=('Patrik Lindberg', 'patrik.lindberg@axxell.test'),
    subject='Preliminärt: Nätverksdag',
    body='',
    ics=ics('2026-12-09', 'patrik.lindberg@axxell.test', 'TENTATIVE', name='Patrik Lindberg'))

add(label='attention', cte='base64', client='gmail', frm=('Emma Strandberg', 'emma.strandberg@prakticum.test'),
    subject='Tack!',
    body="""Hej!

Ville bara tacka för att jag fick vara med på ert webbinarium om arbetsgivarsamarbete förra veckan. Det var fint att höra hur de andra skolorna jobbar med arbetsgivarna – ser fram emot nätverksdagen!

Hälsningar
Emma""")

# ---------- bounce ----------
add(label='bounce', client='raw', frm=('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org'),
    date='2026-11-16 10:01', subject='Ej levererbart: Inbjudan till nätverksdagen 9.12.2026',
    headers=[('Auto-Submitted', 'auto-replied'), ('X-MS-Exchange-Message-Is-Ndr', ''), ('Content-Language', 'sv-SE')],
    raw=dsn_raw('sv0', """Det gick inte att leverera meddelandet till de här mottagarna:

kaj.osterlund@axxell.test
Mottagarens e-postadress hittades inte i mottagarens e-postsystem. Kontrollera mottagarens adress och försök skicka igen.

Diagnostisk information för administratörer:
Genererande server: AM6PR02MB4455.eurprd02.prod.outlook.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'""",
        'AM6PR02MB4455.eurprd02.prod.outlook.test',
        [('kaj.osterlund@axxell.test', '5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup')],
        orig_headers('kaj.osterlund@axxell.test', 'Inbjudan till nätverksdagen 9.12.2026'), human_html=True),
    exp=dict(bounced=['kaj.osterlund@axxell.test']))

add(label='bounce', client='plain', frm=('', 'MAILER-DAEMON@mail.optima.test'),
    date='2026-11-16 10:01', subject='Meddelandet kunde inte levereras',
    headers=[('Auto-Submitted', 'auto-replied')], charset='iso-8859-1',
    body="""Detta är ett automatiskt meddelande från e-postsystemet på mail.optima.test.

Ditt meddelande kunde inte levereras till följande mottagare.
Felet är permanent.

  karin.hagelberg@optima.test
    SMTP error from remote mail server after RCPT TO:<karin.hagelberg@optima.test>:
    550 5.1.1 Användaren finns inte / No such user

  stig.bergman@optima.test
    SMTP error from remote mail server after RCPT TO:<stig.bergman@optima.test>:
    550 5.1.1 Användaren finns inte / No such user

------ Det ursprungliga meddelandets rubriker ------

From: verkosto@example.org
Subject: =?utf-8?q?Uppf=C3=B6ljningsdag_10=2E2=2E2027?=
Date: Mon, 16 Nov 2026 10:00:00 +0200""",
    exp=dict(bounced=['karin.hagelberg@optima.test', 'stig.bergman@optima.test']))

add(label='bounce', client='raw', frm=('Systemadministratör', 'postmaster@yrkesakademin.test'),
    subject='Ej levererat: SV: Anmälan',
    headers=[('X-MS-Exchange-Message-Is-Ndr', '')],
    raw=dsn_raw('sv2', """Leveransen till följande mottagare misslyckades eftersom mottagarens postlåda är full:

       lars.holm@yrkesakademin.test

Kvoten för postlådan har överskridits. Mottagaren måste rensa sin postlåda innan den kan ta emot nya meddelanden.""",
        'mail.yrkesakademin.test',
        [('lars.holm@yrkesakademin.test', '5.2.2', '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException')],
        orig_headers('lars.holm@yrkesakademin.test', 'SV: Anmälan'), human_cs='windows-1252'),
    exp=dict(bounced=['lars.holm@yrkesakademin.test']))

# ---------- autoreply ----------
add(label='autoreply', date='2026-11-16 10:01', client='outlook', frm=('Kristian Lindholm', 'kristian.lindholm@prakticum.test'),
    subject='Autosvar: Inbjudan till nätverksdagen 9.12.2026',
    headers=[('Auto-Submitted', 'auto-replied'), ('X-Auto-Response-Suppress', 'All')],
    body="""Tack för ditt meddelande. Jag är på tjänsteresa 16–20.11 och läser e-posten sporadiskt. I brådskande ärenden kontakta rektor Anna Lindqvist, anna.lindqvist@prakticum.test.

Kristian Lindholm
Prorektor, Prakticum""")

add(label='autoreply', date='2026-11-16 10:02', client='plain', frm=('Johan Nyberg', 'johan.nyberg@optima.test'),
    subject='Frånvaro: Uppföljningsdag 10.2.2027',
    body="""Hej,

jag är på semester till och med 29.11 och har inte tillgång till e-post. Ditt meddelande blir inte vidarebefordrat.

Hälsningar
Johan Nyberg""")

add(label='autoreply', date='2026-11-17 08:12', client='raw', frm=('Tove Nylund', 'tove.nylund@axxell.test'),
    subject='Läst: Inbjudan till nätverksdagen 9.12.2026',
    raw=mdn_raw('sv3', """Ditt meddelande

    Till: Tove Nylund
    Ämne: Inbjudan till nätverksdagen 9.12.2026
    Skickat: den 16 november 2026 10:00:00 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius

lästes den 17 november 2026 08:12:40 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius.""",
        'tove.nylund@axxell.test', '<kutsu-20261116@example.org>'))

add(label='autoreply', date='2026-11-16 10:03', client='owa', frm=('Rasmus Kull', 'rasmus.kull@axxell.test'),
    subject='Automatiskt svar: Inbjudan till nätverksdagen 9.12.2026',
    headers=[('X-Auto-Response-Suppress', 'DR, RN, NRN, OOF, AutoReply')],
    body="""Hej,

jag är föräldraledig fram till 31.1.2027. Under min ledighet sköts mina uppgifter av Henrika Mäkelä, henrika.makela@axxell.test.

Rasmus Kull / Axxell""")
