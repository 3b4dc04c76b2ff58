"""Bounces, auto-replies and read receipts in fi / sv / en."""
from common import M, BOUNCE, MDN, P
from origs import *

AS = ('Auto-Submitted', 'auto-replied')
XARS = ('X-Auto-Response-Suppress', 'All')

# ====================================================================== BOUNCES (fi)

BOUNCE('fi', ('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@omnia.test'),
       'Toimittamaton: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-10 10:04',
       [dict(addr='heikki.toivonen@omnia.test', status='5.1.10',
             diag='550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient heikki.toivonen@omnia.test not found by SMTP address lookup',
             remote='AM9PR07MB7123.eurprd07.prod.omnia.test')],
       orig=INV_FI, utc=True, mta='AM9PR07MB7123.eurprd07.prod.omnia.test',
       reporting_mta='AM9PR07MB7123.eurprd07.prod.omnia.test', include='headers',
       ds_extra=[('Received-From-MTA', 'dns;mail.example.org')],
       headers=[('X-MS-Exchange-Message-Is-Ndr', ''), ('Content-Language', 'fi-FI')],
       human='''
Viestiäsi ei voitu toimittaa

Viestiäsi ei voitu toimittaa osoitteeseen heikki.toivonen@omnia.test, koska vastaanottajan sähköpostiosoitetta ei löytynyt. Osoite saattaa olla kirjoitettu väärin tai sitä ei ole olemassa.

Miten korjaan ongelman?
Tarkista vastaanottajan sähköpostiosoite ja lähetä viesti uudelleen. Jos ongelma jatkuu, ota yhteys vastaanottajaan jotain muuta kautta (esimerkiksi puhelimitse) ja pyydä häntä kertomaan järjestelmänvalvojalleen, että hänen sähköpostiosoitteensa hylkää viestejä.

Lisätietoja järjestelmänvalvojille
Palvelimen AM9PR07MB7123.eurprd07.prod.omnia.test palauttama virhe:
Poistettu vastaanottaja
550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient heikki.toivonen@omnia.test not found by SMTP address lookup

Alkuperäisen viestin otsikot:
''', human_html='''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table width="100%" border="0" cellspacing="0" cellpadding="0" style="max-width:548px;font-family:'Segoe UI',Frutiger,Arial,sans-serif">
<tr><td style="font-size:16px;color:#000000;padding-bottom:10px">Viestiäsi ei voitu toimittaa osoitteeseen <a href="mailto:heikki.toivonen@omnia.test">heikki.toivonen@omnia.test</a>, koska vastaanottajan sähköpostiosoitetta ei löytynyt.</td></tr>
<tr><td style="font-size:21px;color:#c00000;padding:10px 0"><b>Toimitus epäonnistui</b></td></tr>
<tr><td style="font-size:14px">Tarkista vastaanottajan sähköpostiosoite ja lähetä viesti uudelleen.</td></tr>
<tr><td style="font-size:11px;color:#666;padding-top:20px">Lisätietoja järjestelmänvalvojille:<br>550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient heikki.toivonen@omnia.test not found by SMTP address lookup</td></tr>
</table></body></html>''')

BOUNCE('fi', ('Järjestelmänvalvoja', 'postmaster@keuda.test'),
       'Toimitus epäonnistui: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 09:01',
       [dict(addr='tiina.nieminen@keuda.test', status='5.1.1',
             diag='550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
             remote='EXCH02.keuda.test')],
       orig=REM_FI, mta='EXCH01.keuda.test', reporting_mta='EXCH01.keuda.test', include='rfc822',
       human='''
Toimitus seuraaville vastaanottajille tai ryhmille epäonnistui:

tiina.nieminen@keuda.test
Vastaanottajan sähköpostiosoitetta ei löytynyt vastaanottajan sähköpostijärjestelmästä. Sähköpostiosoite on ehkä kirjoitettu väärin tai sitä ei ole olemassa. Tarkista osoite ja yritä uudelleen.

Diagnostiikkatiedot järjestelmänvalvojille:

Luova palvelin: EXCH01.keuda.test

tiina.nieminen@keuda.test
Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'

Alkuperäisen viestin otsikot:

Received: from mail.example.org (192.0.2.10) by EXCH01.keuda.test (10.20.1.5)
 with Microsoft SMTP Server id 15.2.1544.4; Tue, 1 Dec 2026 09:00:58 +0200
From: Kehittämisverkosto <verkosto@example.org>
To: <tiina.nieminen@keuda.test>
Subject: Muistutus: Verkostopäivä ke 9.12. klo 10–16
Date: Tue, 1 Dec 2026 09:00:01 +0200
Message-ID: <muistutus-20261209-fi.a81c@example.org>
''')

BOUNCE('fi', ('Mail Delivery Subsystem', 'mailer-daemon@googlemail.test'),
       'Delivery Status Notification (Failure)', '2026-11-18 15:40',
       [dict(addr='s.koivisto@stadi.test', status='5.1.1',
             diag="550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
             remote='aspmx.l.google.test')],
       orig=conf_fi('Sanna Koivisto', 'Stadi', 'opettaja', 'laktoositon', date='2026-11-18 15:39'),
       mta='mx.google.test', reporting_mta='mx.google.test', include='rfc822',
       ds_extra=[('X-Google-Original-From', 'verkosto@example.org')],
       human='''
** Osoitetta ei löytynyt **

Viestiäsi ei toimitettu osoitteeseen s.koivisto@stadi.test, koska osoitetta ei löytynyt tai se ei voi vastaanottaa viestejä.

Lisätietoja osoitteessa https://support.google.test/mail/?p=NoSuchUser

Vastaus oli:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.test/mail/?p=NoSuchUser
''', human_html='''<html><head></head><body><div style="font-family:Roboto,Helvetica,Arial,sans-serif;max-width:560px">
<h2 style="color:#d93025;font-size:20px">Osoitetta ei löytynyt</h2>
<p>Viestiäsi ei toimitettu osoitteeseen <b>s.koivisto@stadi.test</b>, koska osoitetta ei löytynyt tai se ei voi vastaanottaa viestejä.</p>
<p style="color:#5f6368">Vastaus oli:</p>
<p style="font-family:monospace">550 5.1.1 The email account that you tried to reach does not exist.</p>
</div></body></html>''', b='000000000000a1f3c90613f0a2b1')

BOUNCE('fi', ('Microsoft Outlook', 'postmaster@omnia.test'),
       'Toimittamaton: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 09:02',
       [dict(addr='pekka.lehtonen@omnia.test', status='5.2.2',
             diag='554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
             remote='HE1PR0701MB2291.eurprd07.prod.omnia.test')],
       orig=REM_FI, utc=True, mta='HE1PR0701MB2291.eurprd07.prod.omnia.test',
       reporting_mta='HE1PR0701MB2291.eurprd07.prod.omnia.test', include='headers',
       human='''
Vastaanottajan postilaatikko on täynnä eikä se voi tällä hetkellä vastaanottaa viestejä.

pekka.lehtonen@omnia.test

Yritä lähettää viesti myöhemmin uudelleen tai ota yhteys vastaanottajaan suoraan.

Lisätietoja järjestelmänvalvojille
Palvelin: HE1PR0701MB2291.eurprd07.prod.omnia.test
554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded
''')

BOUNCE('fi', ('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@keuda.test'),
       'Toimittamaton: Jatkopäivä 10.2.2027 ja jatkotyöskentelyyn sitoutuminen', '2026-11-20 13:31',
       [dict(addr='leena.virta@keuda.test', status='5.1.10',
             diag='550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
             remote='DB9PR05MB8841.eurprd05.prod.keuda.test'),
        dict(addr='petri.mustonen@keuda.test', status='5.1.10',
             diag='550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
             remote='DB9PR05MB8841.eurprd05.prod.keuda.test')],
       orig=JATKO_FI, utc=True, mta='DB9PR05MB8841.eurprd05.prod.keuda.test',
       reporting_mta='DB9PR05MB8841.eurprd05.prod.keuda.test', include='headers',
       human='''
Viestiäsi ei voitu toimittaa seuraaville vastaanottajille:

leena.virta@keuda.test
petri.mustonen@keuda.test

Vastaanottajien sähköpostiosoitteita ei löytynyt. Tarkista osoitteet ja lähetä viesti uudelleen.

Lisätietoja järjestelmänvalvojille
Palvelin: DB9PR05MB8841.eurprd05.prod.keuda.test
550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
''')

# ====================================================================== BOUNCES (sv)

BOUNCE('sv', ('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@prakticum.test'),
       'Olevererbart: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-10 10:06',
       [dict(addr='l.ekholm@prakticum.test', status='5.1.10',
             diag='550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient l.ekholm@prakticum.test not found by SMTP address lookup',
             remote='GV1PR03MB4412.eurprd03.prod.prakticum.test')],
       orig=INV_SV, utc=True, mta='GV1PR03MB4412.eurprd03.prod.prakticum.test',
       reporting_mta='GV1PR03MB4412.eurprd03.prod.prakticum.test', include='headers',
       headers=[('Content-Language', 'sv-SE')],
       human='''
Det gick inte att leverera ditt meddelande till l.ekholm@prakticum.test eftersom e-postadressen inte hittades eller är ogiltig.

Hur åtgärdar jag det?
Kontrollera mottagarens e-postadress och försök skicka meddelandet igen. Om problemet kvarstår kan du kontakta mottagaren på annat sätt och be hen meddela sin e-postadministratör att adressen avvisar meddelanden.

Mer information för e-postadministratörer
Fel som returnerades från GV1PR03MB4412.eurprd03.prod.prakticum.test:
550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient l.ekholm@prakticum.test not found by SMTP address lookup
''', human_html='''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table style="max-width:548px;font-family:'Segoe UI',Frutiger,Arial,sans-serif">
<tr><td style="font-size:16px">Det gick inte att leverera ditt meddelande till <a href="mailto:l.ekholm@prakticum.test">l.ekholm@prakticum.test</a> eftersom e-postadressen inte hittades eller är ogiltig.</td></tr>
<tr><td style="font-size:21px;color:#c00000"><b>Leveransen misslyckades</b></td></tr>
<tr><td style="font-size:11px;color:#666">550 5.1.10 RESOLVER.ADR.RecipientNotFound</td></tr>
</table></body></html>''')

BOUNCE('sv', ('Systemadministratör', 'postmaster@yrkesakademin.test'),
       'Det gick inte att leverera: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-01 09:03',
       [dict(addr='tobias.bak@yrkesakademin.test', status='5.1.1',
             diag='550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', remote='MAIL02.yrkesakademin.test')],
       orig=REM_SV, mta='MAIL01.yrkesakademin.test', reporting_mta='MAIL01.yrkesakademin.test', include='rfc822',
       human='''
Leveransen misslyckades till följande mottagare eller grupper:

tobias.bak@yrkesakademin.test
E-postadressen du angav kunde inte hittas. Kontrollera mottagarens e-postadress och försök skicka meddelandet igen. Om problemet kvarstår kontaktar du supportavdelningen.

Diagnostikinformation för administratörer:

Genererande server: MAIL01.yrkesakademin.test

tobias.bak@yrkesakademin.test
Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
''')

BOUNCE('sv', ('Mail Delivery Subsystem', 'mailer-daemon@googlemail.test'),
       'Delivery Status Notification (Failure)', '2026-12-04 10:53',
       [dict(addr='karin.eek@prakticum.test', status='5.1.1',
             diag="550-5.1.1 The email account that you tried to reach does not exist.",
             remote='aspmx.l.google.test')],
       orig=dict(subj='Välkommen till uppföljningsdagen 10.2.2027', date='2026-12-04 10:52',
                 mid='<valkommen-karin-ek.4d1@example.org>', text='''Hej Karin,

Henrik Wikström meddelade att du deltar i uppföljningsdagen den 10.2.2027 i hans ställe. Välkommen!

Kehittämisverkosto / Utvecklingsnätverket'''),
       mta='mx.google.test', reporting_mta='mx.google.test', include='rfc822',
       human='''
** Adressen hittades inte **

Ditt meddelande levererades inte till karin.eek@prakticum.test eftersom adressen inte hittades eller inte kan ta emot e-post.

Läs mer på https://support.google.test/mail/?p=NoSuchUser

Svaret var:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.
''', human_html='''<html><head></head><body><div style="font-family:Roboto,Helvetica,Arial,sans-serif;max-width:560px">
<h2 style="color:#d93025;font-size:20px">Adressen hittades inte</h2>
<p>Ditt meddelande levererades inte till <b>karin.eek@prakticum.test</b> eftersom adressen inte hittades eller inte kan ta emot e-post.</p>
<p style="font-family:monospace">550 5.1.1 The email account that you tried to reach does not exist.</p>
</div></body></html>''', b='000000000000c3d5e70614a1b2c3')

BOUNCE('sv', ('Microsoft Outlook', 'postmaster@optima.test'),
       'Olevererbart: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-02 13:05',
       [dict(addr='anders.holm@optima.test', status='5.2.2',
             diag='554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
             remote='AS8PR04MB7702.eurprd04.prod.optima.test')],
       orig=dict(REM_SV, mid='<muistutus-20261209-sv-anders.a82a@example.org>', date='2026-12-02 13:04'),
       utc=True, mta='AS8PR04MB7702.eurprd04.prod.optima.test',
       reporting_mta='AS8PR04MB7702.eurprd04.prod.optima.test', include='headers',
       human='''
Mottagarens postlåda är full och kan inte ta emot meddelanden just nu. Försök att skicka meddelandet senare eller kontakta mottagaren direkt.

anders.holm@optima.test

Mer information för e-postadministratörer
Server: AS8PR04MB7702.eurprd04.prod.optima.test
554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded
''')

BOUNCE('sv', ('Postmaster', 'postmaster@axxell.test'),
       'Meddelandet kunde inte levereras: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-10 10:09',
       [dict(addr='emma.lindberg@axxell.test', status='5.7.1',
             diag='550 5.7.1 RESOLVER.RST.AuthRequired; authentication required; sender not allowed to send to this group',
             remote='EX2019.axxell.test')],
       orig=INV_SV, mta='EX2019.axxell.test', reporting_mta='EX2019.axxell.test', include='headers',
       human='''
Meddelandet avvisades av mottagarens e-postsystem.

emma.lindberg@axxell.test
Mottagaren tar bara emot meddelanden från avsändare inom organisationen eller från godkända avsändare. Din organisation har inte behörighet att skicka till den här mottagaren.

Diagnostikinformation för administratörer:
Genererande server: EX2019.axxell.test
emma.lindberg@axxell.test
#550 5.7.1 RESOLVER.RST.AuthRequired; authentication required ##
''')

# ====================================================================== BOUNCES (en)

BOUNCE('en', ('Mail Delivery System', 'MAILER-DAEMON@example.org'),
       'Undelivered Mail Returned to Sender', '2026-11-10 10:08',
       [dict(addr='t.nowak@keuda.test', status='5.1.1',
             diag='550 5.1.1 <t.nowak@keuda.test>: Recipient address rejected: User unknown in virtual mailbox table',
             remote='mx1.keuda.test',
             extra=[('Original-Recipient', 'rfc822;t.nowak@keuda.test')])],
       orig=INV_EN, mta='mail.example.org', reporting_mta='mail.example.org', include='rfc822',
       mid='<20261110080812.4NkR2x1T9Gz9vBk@example.org>',
       auto_submitted_value='auto-replied', irt=False,
       ds_extra=[('X-Postfix-Queue-ID', '4NkR2x1T9Gz9vBk'), ('X-Postfix-Sender', 'rfc822; verkosto@example.org')],
       boundary='4NkR2x1T9Gz9vBk.1762761960/mail.example.org',
       preamble='This is a MIME-encapsulated message.',
       human='''
This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<t.nowak@keuda.test>: host mx1.keuda.test[192.0.2.51] said: 550 5.1.1
    <t.nowak@keuda.test>: Recipient address rejected: User unknown in virtual
    mailbox table (in reply to RCPT TO command)
''', cte='7bit')

BOUNCE('en', ('Mail Delivery System', 'Mailer-Daemon@mail.optima.test'),
       'Mail delivery failed: returning message to sender', '2026-11-10 10:07',
       [dict(addr='j.nyberg@optima.test', status='5.1.1', diag='550 Unrouteable address')],
       orig=INV_SV, mta='mail.optima.test', style='plain', irt=False,
       headers=[('X-Failed-Recipients', 'j.nyberg@optima.test')],
       orig_sep='\n------ This is a copy of the message, including all the headers. ------\n\n',
       human='''
This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  j.nyberg@optima.test
    Unrouteable address
''')

BOUNCE('en', (None, 'MAILER-DAEMON@mail.axxell.test'), 'failure notice', '2026-11-02 12:05',
       [dict(addr='info@axxell.test', status='5.1.1', diag='Sorry, no mailbox here by that name.')],
       orig=INFO_SV, mta='mail.axxell.test', style='plain', irt=False, auto_submitted=False,
       orig_sep='\n--- Below this line is a copy of the message.\n\n',
       human='''
Hi. This is the qmail-send program at mail.axxell.test.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<info@axxell.test>:
Sorry, no mailbox here by that name. (#5.1.1)
''')

BOUNCE('en', ('Mail Delivery Subsystem', 'mailer-daemon@googlemail.test'),
       'Delivery Status Notification (Failure)', '2026-11-12 16:01',
       [dict(addr='d.okafor@stadi.test', status='5.1.1',
             diag="550-5.1.1 The email account that you tried to reach does not exist.",
             remote='aspmx.l.google.test')],
       orig=conf_en('Daniel Okafur', 'Stadi', 'international coordinator', date='2026-11-12 16:00',
                    mid='<vahvistus-en-okafor-first@example.org>'),
       mta='mx.google.test', reporting_mta='mx.google.test', include='rfc822',
       human='''
** Address not found **

Your message wasn't delivered to d.okafor@stadi.test because the address couldn't be found, or is unable to receive mail.

Learn more here: https://support.google.test/mail/?p=NoSuchUser

The response was:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.
''', human_html='''<html><head></head><body><div style="font-family:Roboto,Helvetica,Arial,sans-serif;max-width:560px">
<h2 style="color:#d93025;font-size:20px">Address not found</h2>
<p>Your message wasn't delivered to <b>d.okafor@stadi.test</b> because the address couldn't be found, or is unable to receive mail.</p>
<p style="font-family:monospace">550 5.1.1 The email account that you tried to reach does not exist.</p>
</div></body></html>''', b='000000000000f0e1d2c30614b5a6')

BOUNCE('en', ('Microsoft Outlook', 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@keuda.test'),
       'Undeliverable: Invitation: Network day (Verkostopäivä) 9 December 2026', '2026-11-10 10:09',
       [dict(addr='tomasz.novak@keuda.test', status='5.4.1',
             diag='550 5.4.1 Recipient address rejected: Access denied. For more information see https://example.com/EXOSmtpErrors [DB9PR05MB8841.eurprd05.prod.keuda.test]',
             remote='DB9PR05MB8841.eurprd05.prod.keuda.test')],
       orig=INV_EN, utc=True, mta='DB9PR05MB8841.eurprd05.prod.keuda.test',
       reporting_mta='DB9PR05MB8841.eurprd05.prod.keuda.test', include='headers',
       human='''
Your message to tomasz.novak@keuda.test couldn't be delivered.

tomasz.novak wasn't found at keuda.test.

Action Required
Recipient

Unknown To address

How to Fix It
The address may be misspelled or may not exist. Try one or more of the following:
- Retype the recipient's address, then resend the message.
- If you're using a saved address, delete it and type the address again.

More Info for Email Admins
Status code: 550 5.4.1
Original Message Headers follow.
''', human_html='''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table style="max-width:548px;font-family:'Segoe UI',Frutiger,Arial,sans-serif">
<tr><td style="font-size:16px">Your message to <a href="mailto:tomasz.novak@keuda.test">tomasz.novak@keuda.test</a> couldn't be delivered.</td></tr>
<tr><td style="font-size:24px;color:#c00000"><b>tomasz.novak</b> wasn't found at <b>keuda.test</b>.</td></tr>
<tr><td style="font-size:11px;color:#666">Status code: 550 5.4.1</td></tr>
</table></body></html>''')

BOUNCE('en', ('Mail Delivery Subsystem', 'MAILER-DAEMON@smtp.nordiclogistics.test'),
       'Returned mail: see transcript for details', '2026-12-04 08:15',
       [dict(addr='ahmed.hassan@nordiclogistics.test', status='5.1.1',
             diag='550 5.1.1 <ahmed.hassan@nordiclogistics.test>... User unknown',
             remote='smtp.nordiclogistics.test')],
       orig=dict(subj='Your guest registration for the follow-up day 10 February 2027', date='2026-12-04 08:14',
                 mid='<vieras-hassan.99e@example.org>', text='''Dear Ahmed Hassan,

Priya Raman from Omnia has registered you as a guest for the follow-up day of the development network on Wednesday 10 February 2027, 10:00-16:00, at Kuntatalo, Helsinki.

Kind regards,
Kehittämisverkosto'''),
       mta='smtp.nordiclogistics.test', reporting_mta='smtp.nordiclogistics.test', include='rfc822',
       auto_submitted_value='auto-generated (failure)',
       human='''
The original message was received at Fri, 4 Dec 2026 08:14:58 +0200
from mail.example.org [192.0.2.10]

   ----- The following addresses had permanent fatal errors -----
<ahmed.hassan@nordiclogistics.test>
    (reason: 550 5.1.1 <ahmed.hassan@nordiclogistics.test>... User unknown)

   ----- Transcript of session follows -----
... while talking to smtp.nordiclogistics.test.:
>>> DATA
<<< 550 5.1.1 <ahmed.hassan@nordiclogistics.test>... User unknown
550 5.1.1 <ahmed.hassan@nordiclogistics.test>... User unknown
<<< 503 5.0.0 Need RCPT (recipient)
''', cte='7bit')

# ====================================================================== AUTO-REPLIES (fi)

M('fi', 'autoreply', ('Maija Mallikas', 'maija.mallikas@omnia.test'),
  'Automaattinen vastaus: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo', '2026-11-10 10:04', client='outlook',
  irt=INV_FI['mid'], headers=[AS, XARS], body='''
Hei,

olen lomalla 9.–13.11.2026 enkä lue sähköpostiani tänä aikana. Vastaan viestiisi palattuani maanantaina 16.11.

Kiireellisissä asioissa voit olla yhteydessä Omnian asiakaspalveluun, p. 09 8165 0000.

Ystävällisin terveisin
Maija Mallikas
''')

M('fi', 'autoreply', ('Pekka Lehtonen', 'pekka.lehtonen@omnia.test'), 'Poissa toimistosta', '2026-11-24 08:12',
  client='outlook', body='''
Olen koulutuksessa 24.–26.11. ja luen sähköpostia satunnaisesti. Kiireellisissä oppisopimusasioissa soita numeroon 040 558 1234.

Pekka Lehtonen
tiiminvetäjä, oppisopimustoiminta
Omnia
''')

MDN('fi', ('Sari Heikkinen', 'sari.heikkinen@keuda.test'), 'Luettu: Muistutus: Verkostopäivä ke 9.12. klo 10–16',
    '2026-12-01 11:27', orig=REM_FI, utc=True, human='''
Viestisi

 Vastaanottaja: Sari Heikkinen
 Aihe: Muistutus: Verkostopäivä ke 9.12. klo 10–16
 Lähetetty: tiistai 1. joulukuuta 2026 9.00.01 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna

luettiin tiistai 1. joulukuuta 2026 11.27.09 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna.
''')

M('fi', 'autoreply', ('Hanna Niemi', 'hanna.niemi@keuda.test'), 'Lomalla', '2026-11-20 13:31', client='gmail',
  headers=[AS, ('Precedence', 'bulk')], irt=JATKO_FI['mid'], body='''
Hei! Olen lomalla 20.–29.11. Palaan töihin maanantaina 30.11. ja vastaan viestiisi silloin.

t. Hanna
''')

M('fi', 'autoreply', ('Kari Nurmi', 'kari.nurmi@omnia.test'),
  'Automaattinen vastaus: Muistutus: Verkostopäivä ke 9.12. klo 10–16', '2026-12-01 09:00', client='outlook',
  irt=REM_FI['mid'], headers=[XARS], body='''
Olen poissa 30.11.–4.12. enkä pääse lukemaan sähköpostiani. Sijaisenani toimii koulutuspäällikkö Tiina Saarinen, tiina.saarinen@omnia.test, p. 040 123 9876.

Kari Nurmi
koulutusjohtaja
Omnia
''')

M('fi', 'autoreply', ('Jukka Ojala', 'jukka.ojala@stadi.test'), 'Luettu: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo',
  '2026-11-10 15:02', client='raw', irt=INV_FI['mid'], charset='utf-8', cte='qp', body='''
Viestisi

  Vastaanottaja: jukka.ojala@stadi.test
  Aihe: Kutsu: Verkostopäivä 9.12.2026, Kuntatalo
  Lähetetty: 10.11.2026 10:03

luettiin 10.11.2026 15:02.
''')

# ====================================================================== AUTO-REPLIES (sv)

M('sv', 'autoreply', ('Anna Lindqvist', 'anna.lindqvist@prakticum.test'),
  'Automatiskt svar: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-10 10:05', client='outlook',
  irt=INV_SV['mid'], headers=[AS, XARS], body='''
Hej,

tack för ditt meddelande. Jag är på tjänsteresa 9–11.11.2026 och har begränsad tillgång till e-post. Jag svarar så snart som möjligt efter att jag kommit tillbaka.

I brådskande ärenden kan du kontakta Prakticums kansli, tfn 020 792 2000.

Med vänlig hälsning
Anna Lindqvist
rektor, Prakticum
''')

M('sv', 'autoreply', ('Johan Nyberg', 'johan.nyberg@optima.test'), 'Frånvaromeddelande', '2026-11-23 07:02',
  client='outlook', body='''
Hej!

Jag är på studieresa 23–27.11 och läser min e-post sporadiskt. Jag återkommer veckan därpå.

Johan Nyberg
lärare, Optima
''')

M('sv', 'autoreply', ('Sofia Björklund', 'sofia.bjorklund@yrkesakademin.test'),
  'Ej på kontoret / Poissa toimistosta: Re: Uppföljningsdag 10.2.2027 och det fortsatta arbetet', '2026-11-20 13:33',
  client='gmail', irt=JATKO_SV['mid'], headers=[AS], body='''
Hej! Jag är inte på kontoret 20.11–25.11. I brådskande läroavtalsärenden, kontakta läroavtalsbyrån på 044 700 1122.

Hei! Olen poissa toimistolta 20.–25.11. Kiireellisissä oppisopimusasioissa ota yhteyttä numeroon 044 700 1122.

Sofia Björklund
Läroavtalschef / Oppisopimuspäällikkö
Yrkesakademin i Österbotten
''')

MDN('sv', ('Camilla Sundström', 'camilla.sundstrom@prakticum.test'),
    'Läst: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026', '2026-11-11 08:03', orig=INV_SV, utc=True, human='''
Ditt meddelande

 Till: Camilla Sundström
 Ämne: Inbjudan: Nätverksdag / Verkostopäivä 9.12.2026
 Skickat: den 10 november 2026 10:05:01 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius

lästes den 11 november 2026 08:03:44 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius.
''')

M('sv', 'autoreply', ('Optima Kundtjänst', 'kundtjanst@optima.test'), '[Ärende #48213] Tack för ditt meddelande',
  '2026-11-20 13:33', client='raw', irt=JATKO_SV['mid'],
  headers=[('Auto-Submitted', 'auto-generated'), ('Precedence', 'bulk'), ('X-Mailer', 'Zammad Mail Service')],
  charset='utf-8', cte='qp', body='''
Hej,

tack för ditt meddelande "Uppföljningsdag 10.2.2027 och det fortsatta arbetet". Vi har tagit emot det och registrerat det som ärende #48213.

Vi besvarar ärenden i den ordning de kommer in, vanligtvis inom tre arbetsdagar. Svara inte på detta meddelande – det har skickats automatiskt.

Optima Kundtjänst
''')

M('sv', 'autoreply', ('Henrik Wikström', 'henrik.wikstrom@prakticum.test'),
  'Automatiskt svar: Påminnelse: Nätverksdagen ons 9.12 kl. 10–16', '2026-12-01 09:03', client='owa',
  irt=REM_SV['mid'], body='''
Hej,

jag är sjukledig och kan tyvärr inte delta i möten denna vecka. Mina ärenden sköts av Lotta Ekholm, lotta.ekholm@prakticum.test.

Henrik Wikström
''')

# ====================================================================== AUTO-REPLIES (en)

M('en', 'autoreply', ('Liisa Laine', 'liisa.laine@keuda.test'),
  'Automatic reply: Follow-up day 10 February 2027 and commitment to the follow-up work', '2026-11-20 13:36',
  client='outlook', irt=JATKO_EN['mid'], headers=[AS, XARS], body='''
Thank you for your email. I am attending a conference until Tuesday 24 November and will reply after my return.

Best regards,
Liisa Laine
Keuda
''')

M('en', 'autoreply', ('Priya Raman', 'priya.raman@omnia.test'), 'Out of Office', '2026-11-10 10:08', client='outlook',
  body='''
Hello,

I am out of the office until 16 November with limited access to email. For urgent matters please contact international@omnia.test.

Priya Raman
Head of International Services, Omnia
''')

MDN('en', ('Tomasz Nowak', 'tomasz.nowak@keuda.test'), 'Read: Reminder: Network day on Wednesday 9 December',
    '2026-12-01 18:44', orig=REM_EN, idstyle='tb', ua='keuda.test; Mozilla Thunderbird',
    disposition='manual-action/MDN-sent-manually; displayed', include_headers=False, human='''
This is a Return Receipt for the mail that you sent to tomasz.nowak@keuda.test.

Note: This Return Receipt only acknowledges that the message was displayed on the recipient's computer. There is no guarantee that the recipient has read or understood the message contents.
''')

M('en', 'autoreply', ('Daniel Okafor', 'daniel.okafor@stadi.test'), 'Away until 7 December', '2026-12-01 09:05',
  client='gmail', headers=[AS], irt=REM_EN['mid'], body='''
Hi,

I'm travelling with a student group until 7 December and have only limited access to email. I'll get back to you as soon as I can.

Daniel
''')

M('en', 'autoreply', ('Ravi Kumar', 'ravi.kumar@optima.test'),
  'Out of office: Re: Follow-up day 10 February 2027 and commitment to the follow-up work', '2026-11-20 13:36',
  client='outlook', irt=JATKO_EN['mid'], headers=[XARS], body='''
Hello,

I'm on a study visit abroad until 25 November and will not be able to attend any meetings this week. For urgent matters please contact Olga Ivanova (olga.ivanova@optima.test).

Ravi Kumar
''')
