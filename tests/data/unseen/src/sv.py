"""Swedish-language mails written by people (Finland-Swedish mostly)."""
from common import M, CAL, P
from origs import *

ANNA = ('Anna Lindqvist', 'anna.lindqvist@prakticum.test')
JOHAN = ('Johan Nyberg', 'johan.nyberg@optima.test')
SOFIA = ('Sofia Björklund', 'sofia.bjorklund@yrkesakademin.test')
CAMILLA = ('Camilla Sundström', 'camilla.sundstrom@prakticum.test')
HENRIK = ('Henrik Wikström', 'henrik.wikstrom@prakticum.test')
MIKAEL = ('Mikael Holmström', 'mikael.holmstrom@axxell.test')
LINDA = ('Linda Grönqvist', 'linda.gronqvist@axxell.test')
ERIK = ('Erik Sjöberg', 'erik.sjoberg@axxell.test')
MARIA = ('Maria Storbacka', 'maria.storbacka@optima.test')
JENNY = ('Jenny Åkerlund', 'jenny.akerlund@yrkesakademin.test')
TOBIAS = ('Tobias Back', 'tobias.back@yrkesakademin.test')
BARBRO = ('Barbro Nylund', 'barbro.nylund@yrkesakademin.test')
GUNILLA = ('Gunilla Holm', 'gunilla.holm@yrkesakademin.test')
PATRIK = ('Patrik Lindroos', 'patrik.lindroos@optima.test')
LOTTA = ('Lotta Ekholm', 'lotta.ekholm@prakticum.test')
KRISTIAN = ('Kristian Eklund', 'kristian.eklund@axxell.test')
GORAN = ('Göran Strömberg', 'goran.stromberg@optima.test')
MARIANNE = ('Marianne Lindholm', 'marianne.lindholm@yrkesakademin.test')
KIM = ('Kim Österlund', 'kim.osterlund@prakticum.test')

# ------------------------------------------------------------------ signup

M('sv', 'signup', ANNA, 'SV: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-11 09:15',
  client='outlook', quote=INV_SV, body='''
Hej,

tack för inbjudan! Jag är själv redan anmäld, men anmäler härmed ytterligare två personer från Prakticum:

Camilla Sundström, utbildningskoordinator, camilla.sundstrom@prakticum.test
Henrik Wikström, förman för läroavtalsenheten, henrik.wikstrom@prakticum.test (glutenfri kost)

Med vänliga hälsningar
Anna Lindqvist
rektor
Yrkesinstitutet Prakticum
tfn 050 338 2145
''', x=dict(people=[P('Camilla Sundström', 'camilla.sundstrom@prakticum.test', 'staff', 'Prakticum'),
                    P('Henrik Wikström', 'henrik.wikstrom@prakticum.test', 'supervisor', 'Prakticum')]))

_td = 'style="border:solid #BFBFBF 1.0pt;padding:2.0pt 5.0pt 2.0pt 5.0pt"'
M('sv', 'signup', MIKAEL, 'Anmälan till nätverksdagen 9.12 – Axxell', '2026-11-13 13:30', client='outlook',
  body='''
Hej!

Från Axxell deltar följande personer i nätverksdagen den 9 december:

Namn\tTitel\tE-post\tSpecialdiet
Mikael Holmström\tutbildningsdirektör\tmikael.holmstrom@axxell.test\t–
Linda Grönqvist\tteamledare, läroavtal\tlinda.gronqvist@axxell.test\tvegetarisk
Erik Sjöberg\tlärare\terik.sjoberg@axxell.test\tlaktosfri

Vi ser fram emot dagen!

Mikael Holmström
Utbildningsdirektör
Axxell Utbildning Ab
''', html=f'''<p class="MsoNormal">Hej!<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Från Axxell deltar följande personer i nätverksdagen den 9 december:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
<tr><td {_td}><p class="MsoNormal"><b>Namn</b><o:p></o:p></p></td><td {_td}><p class="MsoNormal"><b>Titel</b><o:p></o:p></p></td><td {_td}><p class="MsoNormal"><b>E-post</b><o:p></o:p></p></td><td {_td}><p class="MsoNormal"><b>Specialdiet</b><o:p></o:p></p></td></tr>
<tr><td {_td}><p class="MsoNormal">Mikael Holmström<o:p></o:p></p></td><td {_td}><p class="MsoNormal">utbildningsdirektör<o:p></o:p></p></td><td {_td}><p class="MsoNormal"><a href="mailto:mikael.holmstrom@axxell.test">mikael.holmstrom@axxell.test</a><o:p></o:p></p></td><td {_td}><p class="MsoNormal">–<o:p></o:p></p></td></tr>
<tr><td {_td}><p class="MsoNormal">Linda Grönqvist<o:p></o:p></p></td><td {_td}><p class="MsoNormal">teamledare, läroavtal<o:p></o:p></p></td><td {_td}><p class="MsoNormal"><a href="mailto:linda.gronqvist@axxell.test">linda.gronqvist@axxell.test</a><o:p></o:p></p></td><td {_td}><p class="MsoNormal">vegetarisk<o:p></o:p></p></td></tr>
<tr><td {_td}><p class="MsoNormal">Erik Sjöberg<o:p></o:p></p></td><td {_td}><p class="MsoNormal">lärare<o:p></o:p></p></td><td {_td}><p class="MsoNormal"><a href="mailto:erik.sjoberg@axxell.test">erik.sjoberg@axxell.test</a><o:p></o:p></p></td><td {_td}><p class="MsoNormal">laktosfri<o:p></o:p></p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Vi ser fram emot dagen!<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><b><span style="color:#1F3864">Mikael Holmström</span></b><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:10.0pt;color:#1F3864">Utbildningsdirektör<br>Axxell Utbildning Ab</span><o:p></o:p></p>''',
  x=dict(people=[P('Mikael Holmström', 'mikael.holmstrom@axxell.test', 'management', 'Axxell'),
                 P('Linda Grönqvist', 'linda.gronqvist@axxell.test', 'supervisor', 'Axxell'),
                 P('Erik Sjöberg', 'erik.sjoberg@axxell.test', 'staff', 'Axxell')]))

M('sv', 'signup', JOHAN, 'Re: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-12 19:22', client='iphone',
  quote=INV_SV, body='''
Hej! Jag anmäler också vår utbildningschef Maria Storbacka, maria.storbacka@optima.test. Hon äter laktosfritt. 

Hälsningar Johan

Skickat från min iPhone
''', x=dict(people=[P('Maria Storbacka', 'maria.storbacka@optima.test', 'management', 'Optima')]))

M('sv', 'signup', SOFIA, 'Anmälningar från YA', '2026-11-16 10:45', client='gmail', body='''
Hej,

här kommer YA:s anmälningar till nätverksdagen utöver mig själv:

- Jenny Åkerlund, lärare (jenny.akerlund@yrkesakademin.test)
- Tobias Back, studiehandledare (tobias.back@yrkesakademin.test), äter inte fläskkött

Vi kommer med tåget från Vasa, så vi hinner säkert till kl. 10.

Hälsningar,
Sofia Björklund
Läroavtalschef
Yrkesakademin i Österbotten
''', x=dict(people=[P('Jenny Åkerlund', 'jenny.akerlund@yrkesakademin.test', 'staff', 'YA'),
                    P('Tobias Back', 'tobias.back@yrkesakademin.test', 'staff', 'YA')]))

M('sv', 'signup', GUNILLA, 'Anmälan: rektor Barbro Nylund', '2026-11-17 08:58', client='outlook', cc=[BARBRO],
  body='''
Hej,

jag anmäler vår rektor Barbro Nylund (barbro.nylund@yrkesakademin.test) till nätverksdagen den 9.12.2026 i Helsingfors. Hon har ingen specialdiet.

Vänligen skicka kallelse och eventuellt material direkt till Barbro, med mig i kopia.

Vänliga hälsningar
Gunilla Holm
ledningsassistent
Yrkesakademin i Österbotten
''', x=dict(acts_for='barbro.nylund@yrkesakademin.test',
            people=[P('Barbro Nylund', 'barbro.nylund@yrkesakademin.test', 'management', 'YA')]))

M('sv', 'signup', PATRIK, 'Anmälan', '2026-11-18 14:02', client='tb', body='''
Hej!

Jag vill anmäla mig till nätverket.

Patrik Lindroos
planerare, Optima
patrik.lindroos@optima.test
''', x=dict(people=[P('Patrik Lindroos', 'patrik.lindroos@optima.test', 'staff', 'Optima')]))

M('sv', 'signup', CAMILLA, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-26 11:20',
  client='outlook', quote=JATKO_SV, body='''
Hej,

vi vill gärna anmäla en gäst till uppföljningsdagen den 10 februari. Susanne Fagerström är HR-chef på Fagerströms Bygg Ab, ett av våra största läroavtalsföretag, och hon har lovat att berätta om kundperspektivet från arbetsplatsens håll.

Susanne Fagerström, HR-chef, Fagerströms Bygg Ab
susanne.fagerstrom@fagerstrom.test, tfn 040 552 9184

Hälsningar
Camilla Sundström
utbildningskoordinator, Prakticum
''', x=dict(people=[P('Susanne Fagerström', 'susanne.fagerstrom@fagerstrom.test', 'guest', 'Fagerströms Bygg Ab')]))

M('sv', 'signup', LOTTA, 'Nätverket', '2026-11-19 21:10', client='iphone', body='''
Hej! Jag kommer gärna med i nätverket, har pratat med Anna om saken och hon tyckte det var en bra idé. Lotta Ekholm, lärare på Prakticum. lotta.ekholm@prakticum.test

Skickat från min iPhone
''', x=dict(people=[P('Lotta Ekholm', 'lotta.ekholm@prakticum.test', 'staff', 'Prakticum')]))

# ------------------------------------------------------------------ interest_join

M('sv', 'interest_join', ('Kehittämisverkosto – webbplatsen', 'lomake@example.org'),
  'Nytt formulärsvar: Intresseanmälan – Utvecklingsnätverket', '2026-11-03 10:40', client='form',
  reply_to='elin.mattsson@optima.test', body='''
Nytt formulärsvar från webbplatsen.

Formulär: Intresseanmälan (svenska)
E-postadress: elin.mattsson@optima.test
Val: SKICKA
Tidpunkt: 3.11.2026 kl. 10.40
Sida: https://www.example.org/verkosto/sv

--
Detta meddelande har skickats automatiskt från webbplatsens formulär.
''', x=dict(acts_for='elin.mattsson@optima.test'))

M('sv', 'interest_join', KRISTIAN, 'SV: Nytt utvecklingsnätverk: Kundorientering i läroanstalter', '2026-11-04 08:33',
  client='outlook', quote=INFO_SV, body='''
Hej,

jag skulle gärna vilja få information om nätverkets kommande träffar. Kan ni sätta upp mig på e-postlistan?

Med vänlig hälsning
Kristian Eklund
utvecklingschef, Axxell
''')

M('sv', 'interest_join', ('Nina Forsblom', 'nina.forsblom@kyi.test'), 'Nätverket för kundorientering',
  '2026-11-09 15:15', client='gmail', body='''
Hej!

En kollega på Optima tipsade om ert nätverk. Håll mig gärna informerad om vad som är på gång – vi funderar på att haka på längre fram.

Hälsningar
Nina Forsblom
Kristinestads yrkesinstitut
''')

M('sv', 'interest_join', (None, 'noreply@example.org'), '[Utvecklingsnätverket] Håll mig informerad',
  '2026-11-07 22:04', client='form', html_only=True, xmailer='WordPress/6.6.2', html='''<html><body style="font-family:Arial,sans-serif;font-size:14px">
<h2 style="color:#1b4f72">Håll mig informerad</h2>
<p>Ett formulär har fyllts i på <a href="https://www.example.org/verkosto/sv">Utvecklingsnätverket</a>.</p>
<table cellpadding="6" style="border-collapse:collapse">
<tr><td style="background:#eef"><strong>E-post</strong></td><td>ulrika.sjoholm@prakticum.test</td></tr>
<tr><td style="background:#eef"><strong>Svar</strong></td><td>SKICKA</td></tr>
<tr><td style="background:#eef"><strong>Tid</strong></td><td>07.11.2026 22:04:11</td></tr>
</table>
<p style="color:#888;font-size:11px">Skickat med WPForms.</p>
</body></html>''', x=dict(acts_for='ulrika.sjoholm@prakticum.test'))

# ------------------------------------------------------------------ interest_leave

M('sv', 'interest_leave', ('Kehittämisverkosto – webbplatsen', 'lomake@example.org'),
  'Nytt formulärsvar: Intresseanmälan – Utvecklingsnätverket', '2026-11-05 13:01', client='form',
  reply_to='Bengt Mattfolk <bengt.mattfolk@axxell.test>', body='''
Nytt formulärsvar från webbplatsen.

Formulär: Intresseanmälan (svenska)
E-postadress: bengt.mattfolk@axxell.test
Val: NEJ TACK
Tidpunkt: 5.11.2026 kl. 13.01
Sida: https://www.example.org/verkosto/sv

--
Detta meddelande har skickats automatiskt från webbplatsens formulär.
''', x=dict(acts_for='bengt.mattfolk@axxell.test'))

M('sv', 'interest_leave', GORAN, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-24 09:47',
  client='outlook', quote=JATKO_SV, body='''
Hej,

vänligen ta bort mig från utskickslistan. Jag har gått i pension från och med november och läser inte längre den här adressen regelbundet.

Vänliga hälsningar
Göran Strömberg
''')

M('sv', 'interest_leave', MARIANNE, 'Re: Nytt utvecklingsnätverk: Kundorientering i läroanstalter', '2026-11-03 07:20',
  client='iphone', quote=INFO_SV, body='''
Nej tack, inte aktuellt för oss just nu.

Marianne

Skickat från min iPhone
''')

M('sv', 'interest_leave', KIM, 'utskick', '2026-11-27 16:12', client='webmail', charset='iso-8859-1', cte='8bit',
  body='''
hej

jag vill inte ha fler mejl om nätverket, tack. ta bort min epost från listan

/Kim
''')

# ------------------------------------------------------------------ rsvp_yes

CAL('sv', 'rsvp_yes', ANNA, '2026-11-11 09:20', '2026-12-09', 'ACCEPTED', app='outlook', x=dict(day='2026-12-09'))
CAL('sv', 'rsvp_yes', JOHAN, '2026-11-12 07:30', '2026-12-09', 'ACCEPTED', app='google', x=dict(day='2026-12-09'))

M('sv', 'rsvp_yes', SOFIA, 'Re: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-11 07:58',
  client='iphone', quote=INV_SV, body='''
Tack för inbjudan, jag kommer!

Sofia

Skickat från min iPhone
''', x=dict(day='2026-12-09'))

M('sv', 'rsvp_yes', CAMILLA, 'SV: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-13 12:01',
  client='outlook', quote=INV_SV, body='''
Hej,

jag deltar gärna. Specialdiet: vegetarisk.

Hälsningar
Camilla Sundström
utbildningskoordinator
Yrkesinstitutet Prakticum
''', x=dict(day='2026-12-09'))

M('sv', 'rsvp_yes', HENRIK, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-23 08:44',
  client='outlook', quote=JATKO_SV, body='''
Hej,

jag kommer också på uppföljningsdagen den 10 februari.

Henrik Wikström
förman, läroavtalsenheten
Prakticum
''', x=dict(day='2027-02-10'))

M('sv', 'rsvp_yes', TOBIAS, 'Re: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-01 11:05', client='iphone',
  quote=REM_SV, body='''
Jo, nog kommer jag! Ses den 9:e.

/Tobias

Skickat från min iPhone
''', x=dict(day='2026-12-09'))

CAL('sv', 'rsvp_yes', MIKAEL, '2026-11-24 14:40', '2027-02-10', 'ACCEPTED', app='outlook',
    comment='Vi ses i februari.', x=dict(day='2027-02-10'))

# ------------------------------------------------------------------ rsvp_no

M('sv', 'rsvp_no', LOTTA, 'Re: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-01 15:26', client='tb',
  quote=REM_SV, body='''
Hej,

tyvärr har jag förhinder den 9 december – vi har yrkesprov hela veckan. Jag hoppas kunna vara med nästa gång.

Mvh
Lotta Ekholm
''', x=dict(day='2026-12-09'))

CAL('sv', 'rsvp_no', ERIK, '2026-11-14 10:12', '2026-12-09', 'DECLINED', app='outlook',
    comment='Tyvärr krockar det med undervisning.', x=dict(day='2026-12-09'))

M('sv', 'rsvp_no', JENNY, 'Re: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-18 17:50', client='gmail',
  quote=INV_SV, body='''
Hej,

jag kan tyvärr inte delta på nätverksdagen, vi har examinationer just den veckan.

Hälsningar
Jenny Åkerlund
''', x=dict(day='2026-12-09'))

M('sv', 'rsvp_no', ANNA, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-25 13:05',
  client='outlook_html', quote=JATKO_SV, body='''
Hej,

jag har tyvärr inte möjlighet att delta den 10.2 eftersom jag är på tjänsteresa. Henrik och Camilla representerar Prakticum.

Med vänliga hälsningar
Anna Lindqvist
''', x=dict(day='2027-02-10'))

CAL('sv', 'rsvp_no', TOBIAS, '2026-11-26 19:41', '2027-02-10', 'DECLINED', app='google', x=dict(day='2027-02-10'))

M('sv', 'rsvp_no', PATRIK, 'Re: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-02 08:15', client='tb',
  quote=REM_SV, body='''
Hinner int komma den här gången, har ett annat möte som int går att flytta.

/Patrik
''', x=dict(day='2026-12-09'))

# ------------------------------------------------------------------ cancel

M('sv', 'cancel', MARIA, 'Återkallande av anmälan', '2026-12-01 10:30', client='outlook', charset='windows-1252', body='''
Hej,

jag måste tyvärr återkalla min anmälan till nätverket helt – jag byter tjänst vid årsskiftet och kommer inte att kunna delta i arbetet.

Tack för en intressant start!

Maria Storbacka
utbildningschef, Optima
''')

M('sv', 'cancel', LINDA, 'Avanmälan 9.12', '2026-12-03 14:16', client='outlook', body='''
Hej,

jag återkallar min anmälan till nätverksdagen den 9.12. Det har tyvärr kommit något emellan.

Vänliga hälsningar
Linda Grönqvist
teamledare, läroavtal
Axxell
''', x=dict(day='2026-12-09'))

M('sv', 'cancel', GUNILLA, 'Barbro Nylund – nätverksdagen 9.12', '2026-12-04 09:33', client='outlook', cc=[BARBRO],
  body='''
Hej,

rektor Barbro Nylunds anmälan till nätverksdagen den 9 december annulleras, eftersom hon har blivit kallad till ett möte med ministeriet samma dag.

Vänliga hälsningar
Gunilla Holm
ledningsassistent
Yrkesakademin i Österbotten
''', x=dict(day='2026-12-09', acts_for='barbro.nylund@yrkesakademin.test'))

M('sv', 'cancel', JENNY, 'avanmälan', '2026-12-02 20:02', client='gmail', body='''
Hej

Avanmäl mig från nätverket och ta bort mig från e-postlistan också, jag har helt enkelt inte tid med det här just nu.

Jenny
''', x=dict(also=['interest_leave']))

# ------------------------------------------------------------------ substitute

M('sv', 'substitute', JOHAN, 'Re: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-02 12:47', client='gmail',
  quote=REM_SV, body='''
Hej,

jag kan inte komma den 9.12, men i stället kommer min kollega Anders Holm (anders.holm@optima.test), lärare i fordonsteknik. Han har ingen specialdiet.

Hälsningar
Johan Nyberg
lärare, Optima
''', x=dict(day='2026-12-09', people=[P('Anders Holm', 'anders.holm@optima.test', 'staff', 'Optima')]))

M('sv', 'substitute', SOFIA, 'Ersättare till nätverksdagen', '2026-12-03 08:09', client='gmail', body='''
Hej!

Jag har tyvärr fått förhinder till nätverksdagen på onsdag nästa vecka. I mitt ställe kommer Pia Grönlund, som är förman för läroavtalsverksamheten hos oss: pia.gronlund@yrkesakademin.test.

Hälsningar,
Sofia Björklund
Läroavtalschef
Yrkesakademin i Österbotten
''', x=dict(day='2026-12-09', people=[P('Pia Grönlund', 'pia.gronlund@yrkesakademin.test', 'supervisor', 'YA')]))

M('sv', 'substitute', HENRIK, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-12-04 10:51',
  client='outlook', quote=JATKO_SV, body='''
Hej,

jag kan ändå inte delta på uppföljningsdagen den 10.2. I mitt ställe deltar vår prorektor Karin Ek (karin.ek@prakticum.test).

Hälsningar
Henrik Wikström
''', x=dict(day='2027-02-10', people=[P('Karin Ek', 'karin.ek@prakticum.test', 'management', 'Prakticum')]))

M('sv', 'substitute', MIKAEL, 'SV: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-04 15:37',
  client='outlook', quote=REM_SV, body='''
Hej,

jag blev tyvärr förhindrad den 9.12. Emma Lindberg från vårt lärarteam kommer i stället, emma.lindberg@axxell.test.

Mvh
Mikael Holmström
Utbildningsdirektör, Axxell
''', x=dict(day='2026-12-09', people=[P('Emma Lindberg', 'emma.lindberg@axxell.test', 'staff', 'Axxell')]))

# ------------------------------------------------------------------ commit

M('sv', 'commit', ANNA, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-27 11:02',
  client='outlook', quote=JATKO_SV, body='''
Hej,

Prakticum förbinder sig till det fortsatta arbetet och står för sin andel av kostnaderna för uppföljningsdagarna.

Med vänliga hälsningar
Anna Lindqvist
rektor, Prakticum
''')

M('sv', 'commit', MIKAEL, 'Axxell och det fortsatta arbetet', '2026-12-02 13:18', client='outlook', body='''
Hej,

Axxell är med i det fortsatta arbetet (jatkotyöskentely) och deltar i kostnaderna enligt den modell ni föreslagit.

Faktureringsuppgifter:
Axxell Utbildning Ab
Referens: 3310 / Mikael Holmström
E-faktura: 003712345678

Med vänlig hälsning
Mikael Holmström
''')

M('sv', 'commit', SOFIA, 'Re: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-12-01 16:40',
  client='gmail_html', quote=JATKO_SV, body='''
Hej,

ledningsgruppen beslöt igår att YA deltar i uppföljningsarbetet och tar sin del av kostnaderna.

Hälsningar,
Sofia Björklund
Yrkesakademin i Österbotten
''')

# ------------------------------------------------------------------ correction

M('sv', 'correction', SOFIA, 'Re: Bekräftelse: din anmälan till utvecklingsnätverket', '2026-11-12 12:10',
  client='gmail', quote=conf_sv('Sofia Bjorklund', 'YA', 'läroavtalschef', date='2026-11-12 08:20'), body='''
Hej,

mitt namn är felstavat i bekräftelsen – det ska vara Björklund med ö, inte Bjorklund.

Tack!
Sofia
''', x=dict(people=[P('Sofia Björklund', 'sofia.bjorklund@yrkesakademin.test', 'supervisor', 'YA')]))

M('sv', 'correction', CAMILLA, 'SV: Bekräftelse: din anmälan till utvecklingsnätverket', '2026-11-14 09:26',
  client='outlook', quote=conf_sv('Camilla Sundström', 'Prakticum', 'lärare', 'vegetarisk', date='2026-11-13 15:00'),
  body='''
Hej,

min titel är utbildningskoordinator, inte lärare som det står i bekräftelsen. Kan ni rätta det?

Hälsningar
Camilla
''', x=dict(people=[P('Camilla Sundström', 'camilla.sundstrom@prakticum.test', 'staff', 'Prakticum')]))

M('sv', 'correction', TOBIAS, 'Specialdiet', '2026-11-19 18:31', client='iphone', body='''
Hej! Jag glömde nämna att jag har celiaki, så glutenfri kost tack. Fläskkött går fortfarande inte.

Tobias Back, YA

Skickat från min iPhone
''')

M('sv', 'correction', LOTTA, 'Re: Bekräftelse: din anmälan till utvecklingsnätverket', '2026-11-21 10:02',
  client='tb', quote=conf_sv('Lotta Ekström', 'Prakticum', 'lärare', date='2026-11-20 08:20'), body='''
Hej,

efternamnet är Ekholm, inte Ekström. Annars stämmer uppgifterna.

Lotta
''', x=dict(people=[P('Lotta Ekholm', 'lotta.ekholm@prakticum.test', 'staff', 'Prakticum')]))

# ------------------------------------------------------------------ export_request

M('sv', 'export_request', KRISTIAN, 'Begäran om tillgång till personuppgifter', '2026-11-10 14:22', client='outlook', cte='b64',
  body='''
Hej,

jag begär enligt artikel 15 i dataskyddsförordningen (GDPR) att få ta del av de personuppgifter som ni behandlar om mig, samt uppgift om varifrån de har samlats in.

Med vänlig hälsning
Kristian Eklund
''')

M('sv', 'export_request', JOHAN, 'Mina uppgifter', '2026-11-28 09:58', client='iphone', body='''
Hej, vilka uppgifter om mig har ni sparat? Skicka gärna en kopia.

Johan

Skickat från min iPhone
''')

M('sv', 'export_request', HENRIK, 'Registerutdrag', '2026-11-30 08:03', client='outlook', body='''
Hej,

kan jag få ett registerutdrag över de uppgifter som finns om mig i nätverkets register? Tack på förhand.

Henrik Wikström
''')

# ------------------------------------------------------------------ forget_request

M('sv', 'forget_request', GORAN, 'Radering av personuppgifter', '2026-11-26 10:14', client='outlook', charset='iso-8859-1', body='''
Hej,

som komplettering till mitt tidigare meddelande: jag vill att ni raderar alla mina personuppgifter ur ert register, inte bara tar bort mig från utskicken.

Vänliga hälsningar
Göran Strömberg
''')

M('sv', 'forget_request', KIM, 'GDPR', '2026-11-29 12:40', client='webmail', charset='iso-8859-1', cte='qp', body='''
Hej

Enligt GDPR begär jag att mina uppgifter raderas helt ur era system. Det räcker inte att ta bort mig från listan.

Kim Österlund
''')

M('sv', 'forget_request', MARIANNE, 'Radera', '2026-11-06 06:55', client='iphone', body='''
Radera mig ur registret, tack. Alla uppgifter.

Marianne Lindholm

Skickat från min iPhone
''')

# ------------------------------------------------------------------ attention

M('sv', 'attention', PATRIK, 'Re: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-20 13:37', client='tb',
  quote=INV_SV, body='''
Hej,

jag hoppas kunna komma, men det beror på om jag får vikarie för mina grupper. Jag återkommer.

Patrik
''')

M('sv', 'attention', HENRIK, 'SV: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-01 09:41', client='outlook',
  quote=REM_SV, body='''
Tack för informationen!

Henrik
''')

M('sv', 'attention', MARIA, 'SV: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-25 15:08',
  client='outlook', quote=JATKO_SV, body='''
Hej,

vi återkommer i januari angående det fortsatta arbetet – budgeten för nästa år är inte fastställd ännu. Intresset finns nog, men vi kan inte binda oss innan dess.

Med vänlig hälsning
Maria Storbacka
utbildningschef, Optima
''')

M('sv', 'attention', SOFIA, 'Språk under nätverksdagen', '2026-11-17 11:11', client='gmail', body='''
Hej,

blir det tolkning till svenska under dagen, eller material på svenska? Alla i vår grupp talar inte så bra finska och vi vill gärna att alla kan delta i diskussionerna.

Hälsningar,
Sofia
''')

M('sv', 'attention', MIKAEL, 'Parkering vid Kuntatalo?', '2026-11-30 10:22', client='outlook_html', body='''
Hej,

finns det parkering vid Kuntatalo, eller rekommenderar ni kollektivtrafik? Vi kör från Ekenäs.

Mvh
Mikael
''')

CAL('sv', 'attention', LINDA, '2026-11-14 11:48', '2026-12-09', 'TENTATIVE', app='outlook',
    comment='Försöker ordna vikarie, återkommer.')

M('sv', 'attention', MIKAEL, 'Kostnader för uppföljningsdagarna', '2026-11-23 16:05', client='outlook', body='''
Hej,

vad kostar uppföljningsdagarna ungefär per organisation? Vi behöver en siffra till budgeten innan vi kan binda oss till något.

Mvh
Mikael Holmström
''')

M('sv', 'attention', SOFIA, 'Tobias', '2026-11-27 13:29', client='gmail', body='''
Hej,

avanmäl Tobias och anmäl någon annan i hans ställe – jag återkommer med namnet när jag vet vem som kan.

/Sofia
''')

M('sv', 'attention', CAMILLA, 'VB: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-21 08:36',
  client='outlook', to=[ANNA], cc=[('Kehittämisverkosto', 'verkosto@example.org')], body='''
Anna, se nedan – vad ska jag svara? Ska vi förbinda oss redan nu eller vänta på budgeten?

/C

Från: Kehittämisverkosto <verkosto@example.org>
Skickat: den 20 november 2026 13:32
Till: Camilla Sundström <camilla.sundstrom@prakticum.test>
Ämne: Uppföljningsdag 10.2.2027 och det fortsatta arbetet

Hej,

nätverkets arbete fortsätter efter nätverksdagen i december. Uppföljningsdagen (jatkopäivä) hålls onsdagen den 10.2.2027 kl. 10–16 i Kuntatalo.

Finansiären bekostar de första nätverksdagarna. Kostnaderna för uppföljningsdagarna delas mellan de organisationer som förbinder sig till det fortsatta arbetet. Vi ber organisationerna meddela senast 4.12 om de förbinder sig till det fortsatta arbetet.
''')

M('sv', 'attention', LOTTA, 'Studerande som gäst?', '2026-11-22 19:45', client='iphone', body='''
Hej! Kan vi ta med en studerande som gäst till nätverksdagen? Hon sitter i studerandekåren och är jätteintresserad av temat.

Lotta

Skickat från min iPhone
''')
