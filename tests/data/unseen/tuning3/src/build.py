#!/usr/bin/env python3
"""Rebuilds /work/unseen4 mails byte for byte. Python 3 stdlib only."""
import os, sys, json, random, email, re
from email import policy
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone, timedelta
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mailkit import mail, text, multipart, raw_part, dsn

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
V = "Kehittämisverkosto <verkosto@example.org>"
VA = "verkosto@example.org"
S_FI = "Kutsu: Verkostopäivä ke 9.12.2026 Kuntatalolla"
S_FI2 = "Jatkopäivä 10.2.2027 – ilmoittautuminen"
S_SV = "Inbjudan: Nätverksdag ons 9.12.2026, Kommunernas hus"
S_SV2 = "Uppföljningsdag 10.2.2027"
S_EN = "Invitation: Network day 9 December 2026"
S_EN2 = "Follow-up day 10 February 2027"

MAILS = []
def add(lang, label, robot, intent, raw, bounced=(), day=None):
    MAILS.append(dict(lang=lang, label=label, exp={"robot": robot, "intent": intent, "language": lang,
                      "bounced": list(bounced), "day": day}, raw=raw))

def orig_headers(to, subj, date, mid):
    return (f"From: {V}\nTo: {to}\nSubject: {subj}\nDate: {date}\nMessage-ID: <{mid}@example.org>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\n")

def rfc822_headers(to, subj, date, mid):
    from email.header import Header
    try: subj.encode('ascii'); s = subj
    except UnicodeEncodeError: s = Header(subj, 'utf-8').encode()
    return raw_part("text/rfc822-headers", orig_headers(to, s, date, mid))

# ============================ BOUNCES (18) ============================
# b1 M365 en, single recipient
add("en", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@omnia.test>"),
 ("To", VA), ("Subject", "Undeliverable: " + S_EN),
 ("Date", "Mon, 16 Nov 2026 09:14:02 +0000"), ("Message-ID", "<b1a7c2e0-4f1d-4c7e-9a51-2b0d4e7f1c11@omnia.test>"),
 ("Auto-Submitted", "auto-replied"), ("X-MS-Exchange-Message-Is-Ndr", "")],
 multipart("report", [
  text("""Your message to heikki.vuorinen@omnia.test couldn't be delivered.

heikki.vuorinen wasn't found at omnia.test.

Action Required                                Recipient
Unknown To address                             heikki.vuorinen@omnia.test

How to Fix It
The address may be misspelled or may not exist. Try one or more of the following:
  - Send the message again following these steps: In Outlook, open this non-delivery
    report (NDR) and choose Send Again from the Report ribbon.
  - Contact the recipient by some other means (by phone, for example) to confirm you're
    using the right address.

More Info for Email Admins
Status code: 550 5.1.10
This error occurs because the sender sent a message to an email address hosted by Office 365
but the address is incorrect or doesn't exist at the destination domain.

Original Message Details
Created Date:   16.11.2026 9.13.51
Sender Address: verkosto@example.org
Recipient Address: heikki.vuorinen@omnia.test
Subject:        Invitation: Network day 9 December 2026
"""),
  dsn("AM9PR07MB7201.eurprd07.prod.outlook.test", [("heikki.vuorinen@omnia.test", "5.1.10",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")],
      "Mon, 16 Nov 2026 09:13:58 +0000"),
  rfc822_headers("heikki.vuorinen@omnia.test", S_EN, "Mon, 16 Nov 2026 11:13:51 +0200", "inv-0912-en-0031")],
  "_000_b1a7c2e04f1d4c7e", '; report-type=delivery-status')), bounced=["heikki.vuorinen@omnia.test"])

# b2 M365 fi
add("fi", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <postmaster@stadi.test>"), ("To", VA),
 ("Subject", "Tilaa ei voitu toimittaa: " + S_FI),
 ("Date", "Tue, 17 Nov 2026 08:02:44 +0000"), ("Message-ID", "<0c3e9d21-77aa-4f0b-8e3b-5d3a9c2b6f02@stadi.test>"),
 ("Auto-Submitted", "auto-replied")],
 multipart("report", [
  text("""Viestiäsi osoitteeseen tuomas.kettunen@stadi.test ei voitu toimittaa.

Vastaanottajaa tuomas.kettunen ei löytynyt toimialueesta stadi.test.

Vaadittu toiminto                         Vastaanottaja
Tuntematon vastaanottajan osoite          tuomas.kettunen@stadi.test

Näin korjaat ongelman
Osoite voi olla kirjoitettu väärin tai sitä ei ehkä ole olemassa. Kokeile yhtä tai useampaa seuraavista:
  - Lähetä viesti uudelleen. Avaa tämä toimittamattomuusraportti Outlookissa ja valitse Raportti-valintanauhasta Lähetä uudelleen.
  - Ota yhteyttä vastaanottajaan jollakin muulla tavalla (esimerkiksi puhelimitse) ja varmista, että käytät oikeaa osoitetta.

Lisätietoja sähköpostin järjestelmänvalvojille
Tilakoodi: 550 5.1.10
""", cte='base64'),
  dsn("HE1PR0901MB2214.eurprd09.prod.outlook.test", [("tuomas.kettunen@stadi.test", "5.1.10",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")]),
  rfc822_headers("tuomas.kettunen@stadi.test", S_FI, "Tue, 17 Nov 2026 10:02:31 +0200", "inv-0912-fi-0107")],
  "_002_0c3e9d2177aa4f0b", '; report-type=delivery-status')), bounced=["tuomas.kettunen@stadi.test"])

# b3 M365 sv
add("sv", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@yrkesakademin.test>"),
 ("To", VA), ("Subject", "Det gick inte att leverera: " + S_SV),
 ("Date", "Wed, 18 Nov 2026 12:40:19 +0000"), ("Message-ID", "<5f2b8a10-3c44-4e9a-b6d7-91e0aa4c3d17@yrkesakademin.test>")],
 multipart("report", [
  text("""Det gick inte att leverera meddelandet till mikaela.holmstrom@yrkesakademin.test.

Det gick inte att hitta mikaela.holmstrom på yrkesakademin.test.

Åtgärd krävs                                  Mottagare
Okänd mottagaradress                          mikaela.holmstrom@yrkesakademin.test

Så här åtgärdar du problemet
Adressen kan vara felstavad eller så finns den inte. Prova något av följande:
  - Skicka meddelandet igen. Öppna rapporten om utebliven leverans i Outlook och välj Skicka igen i menyfliksområdet Rapport.
  - Kontakta mottagaren på något annat sätt (till exempel per telefon) och bekräfta att du använder rätt adress.

Mer information för e-postadministratörer
Statuskod: 550 5.1.10
""", cte='quoted-printable'),
  dsn("DB8PR03MB5899.eurprd03.prod.outlook.test", [("mikaela.holmstrom@yrkesakademin.test", "5.1.10",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")]),
  rfc822_headers("mikaela.holmstrom@yrkesakademin.test", S_SV, "Wed, 18 Nov 2026 14:40:05 +0200", "inv-0912-sv-0044")],
  "_003_5f2b8a103c444e9a", '; report-type=delivery-status')), bounced=["mikaela.holmstrom@yrkesakademin.test"])

# b4 Exchange on-prem en plain text, two recipients
add("en", "bounce", "bounce", None, mail([
 ("From", "System Administrator <postmaster@prakticum.test>"), ("To", VA),
 ("Subject", "Undeliverable: " + S_EN2),
 ("Date", "Thu, 26 Nov 2026 15:21:07 +0200"), ("Message-ID", "<A1D4C9F0E5B3414A9E0F7C1B2D3E4F50@EXCH01.prakticum.test>")],
 text("""Your message did not reach some or all of the intended recipients.

      Subject:  Follow-up day 10 February 2027
      Sent:     26.11.2026 15:20

The following recipient(s) cannot be reached:

      'Greta Sjöholm' on 26.11.2026 15:21
            550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found

      jari.lehtonen@prakticum.test on 26.11.2026 15:21
            550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found

Diagnostic information for administrators:
Generating server: EXCH01.prakticum.test

greta.sjoholm@prakticum.test
#550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found ##
jari.lehtonen@prakticum.test
#550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found ##
""", charset='windows-1252', cte='quoted-printable')),
 bounced=["greta.sjoholm@prakticum.test", "jari.lehtonen@prakticum.test"])

# b5 Gmail address not found (en)
add("en", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.test>"), ("To", VA),
 ("Subject", "Delivery Status Notification (Failure)"),
 ("Date", "Fri, 06 Nov 2026 02:47:33 -0800"), ("Message-ID", "<6361d2a5.0a2b3c4d.9f1e.ab12SMTPIN_ADDED_MISSING@mx.googlemail.test>"),
 ("Auto-Submitted", "auto-replied")],
 multipart("report", [
  multipart("related", [multipart("alternative", [
   text("""
** Address not found **

Your message wasn't delivered to toni.saarela77@gmail.test because the address couldn't be found, or is unable to receive mail.

Learn more here: https://support.google.test/mail/?p=NoSuchUser

The response was:

The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.
"""),
   text("<html><head></head><body><h2>Address not found</h2><p>Your message wasn't delivered to <a style='color:#212121;text-decoration:none'><b>toni.saarela77@gmail.test</b></a> because the address couldn't be found, or is unable to receive mail.</p><p>The response was:</p><p>The email account that you tried to reach does not exist.</p></body></html>", subtype='html', cte='quoted-printable')],
   "000000000000a9c1d205f3e1b2c4")], "000000000000a9c1c905f3e1b2c3"),
  dsn("googlemail.test", [("toni.saarela77@gmail.test", "5.1.1",
      "550-5.1.1 The email account that you tried to reach does not exist. https://support.google.test/mail/?p=NoSuchUser")]),
  rfc822_headers("toni.saarela77@gmail.test", S_EN, "Fri, 06 Nov 2026 12:47:20 +0200", "interest-en-0009")],
  "000000000000a9c1b305f3e1b2c2", '; report-type=delivery-status')), bounced=["toni.saarela77@gmail.test"])

# b6 Postfix en, two recipients (one unknown, one quota)
add("en", "bounce", "bounce", None, mail([
 ("From", "MAILER-DAEMON@mx1.keuda.test (Mail Delivery System)"), ("To", VA),
 ("Subject", "Undelivered Mail Returned to Sender"),
 ("Date", "Mon, 23 Nov 2026 10:05:41 +0200 (EET)"), ("Message-ID", "<20261123080541.7F2A41C04B2@mx1.keuda.test>"),
 ("Auto-Submitted", "auto-replied")],
 multipart("report", [
  text("""This is the mail system at host mx1.keuda.test.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<kaisa.peltonen@keuda.test>: host mail.keuda.test[10.20.1.5] said: 550 5.1.1
    <kaisa.peltonen@keuda.test>: Recipient address rejected: User unknown in
    local recipient table (in reply to RCPT TO command)

<ari.hakala@keuda.test>: host mail.keuda.test[10.20.1.5] said: 552 5.2.2
    <ari.hakala@keuda.test>: Mailbox full (in reply to RCPT TO command)
"""),
  dsn("mx1.keuda.test", [("kaisa.peltonen@keuda.test", "5.1.1", "550 5.1.1 <kaisa.peltonen@keuda.test>: Recipient address rejected: User unknown in local recipient table"),
                         ("ari.hakala@keuda.test", "5.2.2", "552 5.2.2 <ari.hakala@keuda.test>: Mailbox full")],
      "Mon, 23 Nov 2026 10:05:40 +0200 (EET)"),
  raw_part("message/rfc822", orig_headers("kaisa.peltonen@keuda.test, ari.hakala@keuda.test", "=?utf-8?q?Jatkop=C3=A4iv=C3=A4_10=2E2=2E2027?=", "Mon, 23 Nov 2026 10:05:32 +0200", "followup-fi-0210") + "\nHei,\n\nmuistutus jatkopäivästä 10.2.2027.\n")],
  "7F2A41C04B2.1795939541/mx1.keuda.test", '; report-type=delivery-status')),
 bounced=["kaisa.peltonen@keuda.test", "ari.hakala@keuda.test"])

# b7 Exim en
add("en", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery System <Mailer-Daemon@smtp.konepaja-virtanen.test>"), ("To", VA),
 ("Subject", "Mail delivery failed: returning message to sender"),
 ("Date", "Wed, 11 Nov 2026 13:30:12 +0200"), ("Message-ID", "<E1tK7xQ-0004Zp-3b@smtp.konepaja-virtanen.test>"),
 ("X-Failed-Recipients", "pekka@konepaja-virtanen.test"), ("Auto-Submitted", "auto-replied")],
 text("""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  pekka@konepaja-virtanen.test
    retry timeout exceeded

------ This is a copy of the message, including all the headers. ------

Return-path: <verkosto@example.org>
Received: from mail.example.org ([192.0.2.15])
	by smtp.konepaja-virtanen.test with esmtp (Exim 4.96)
	id 1tK1aa-0002Lm-0F
	for pekka@konepaja-virtanen.test; Wed, 07 Nov 2026 13:29:58 +0200
From: Kehittämisverkosto <verkosto@example.org>
To: pekka@konepaja-virtanen.test
Subject: Tervetuloa vieraaksi verkostopäivään 9.12.
Date: Sat, 07 Nov 2026 13:29:50 +0200

Hei Pekka,

Omnia on kutsunut sinut vieraaksi verkostopäivään ...
""")), bounced=["pekka@konepaja-virtanen.test"])

# b8 qmail en
add("en", "bounce", "bounce", None, mail([
 ("From", "MAILER-DAEMON@mail.axxell.test"), ("To", VA),
 ("Subject", "failure notice"),
 ("Date", "04 Dec 2026 07:58:03 +0000"), ("Message-ID", "<20261204075803.48211.qmail@mail.axxell.test>")],
 text("""Hi. This is the qmail-send program at mail.axxell.test.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<linnea.forsman@axxell.test>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <verkosto@example.org>
Received: (qmail 48209 invoked from network); 4 Dec 2026 07:58:02 -0000
From: Kehittamisverkosto <verkosto@example.org>
To: linnea.forsman@axxell.test
Subject: Påminnelse: Nätverksdag 9.12.2026
""")), bounced=["linnea.forsman@axxell.test"])

# b9 Sendmail en
add("en", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery Subsystem <MAILER-DAEMON@relay.optima.test>"), ("To", VA),
 ("Subject", "Returned mail: see transcript for details"),
 ("Date", "Thu, 19 Nov 2026 16:44:09 +0200"), ("Message-ID", "<202611191444.4AJEi9Xq021177@relay.optima.test>"),
 ("Auto-Submitted", "auto-generated (failure)")],
 multipart("report", [
  text("""The original message was received at Thu, 19 Nov 2026 16:44:02 +0200
from mail.example.org [192.0.2.15]

   ----- The following addresses had permanent fatal errors -----
<kristian.ahlqvist@optima.test>
    (reason: 550 5.1.1 User unknown)

   ----- Transcript of session follows -----
... while talking to mailhost.optima.test.:
>>> RCPT To:<kristian.ahlqvist@optima.test>
<<< 550 5.1.1 User unknown
550 5.1.1 <kristian.ahlqvist@optima.test>... User unknown
"""),
  dsn("relay.optima.test", [("kristian.ahlqvist@optima.test", "5.1.1", "550 5.1.1 User unknown")]),
  rfc822_headers("kristian.ahlqvist@optima.test", S_SV2, "Thu, 19 Nov 2026 16:43:55 +0200", "followup-sv-0033")],
  "4AJEi9Xq021177.1795617849/relay.optima.test", '; report-type=delivery-status')),
 bounced=["kristian.ahlqvist@optima.test"])

# b10 Postfix en, domain not found
add("en", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery System <MAILER-DAEMON@mail.example.org>"), ("To", VA),
 ("Subject", "Undelivered Mail Returned to Sender"),
 ("Date", "Tue, 01 Dec 2026 11:12:50 +0200 (EET)"), ("Message-ID", "<20261201091250.C4D1E2A0077@mail.example.org>")],
 text("""This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

                   The mail system

<hanna.korpela@gradia-edu.test>: Host or domain name not found. Name service
    error for name=gradia-edu.test type=MX: Host not found, try again
""")), bounced=["hanna.korpela@gradia-edu.test"])

# b11 Exim en, multiple
add("en", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery System <Mailer-Daemon@mx.rakennus-aalto.test>"), ("To", VA),
 ("Subject", "Mail delivery failed: returning message to sender"),
 ("Date", "Fri, 27 Nov 2026 09:03:27 +0200"), ("Message-ID", "<E1tGh2p-0007kS-Ab@mx.rakennus-aalto.test>"),
 ("X-Failed-Recipients", "sanna.aalto@rakennus-aalto.test, info@rakennus-aalto.test")],
 text("""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  sanna.aalto@rakennus-aalto.test
    Unrouteable address
  info@rakennus-aalto.test
    Unrouteable address

------ This is a copy of the message's headers. ------

From: Kehittämisverkosto <verkosto@example.org>
To: sanna.aalto@rakennus-aalto.test
Cc: info@rakennus-aalto.test
Subject: Verkostopäivä 9.12. – vieraskutsu
""")), bounced=["sanna.aalto@rakennus-aalto.test", "info@rakennus-aalto.test"])

# b12 M365 fi, two recipients, mailbox full
add("fi", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@keuda.test>"), ("To", VA),
 ("Subject", "Tilaa ei voitu toimittaa: " + S_FI2),
 ("Date", "Wed, 02 Dec 2026 07:31:15 +0000"), ("Message-ID", "<e83b0a6c-1d9f-4b22-a0c5-6e7f8d9a0b14@keuda.test>"),
 ("X-MS-Exchange-Message-Is-Ndr", "")],
 multipart("report", [
  text("""Viestiäsi ei voitu toimittaa seuraaville vastaanottajille:

minna.rautio@keuda.test
Vastaanottajan postilaatikko on täynnä, eikä se voi vastaanottaa viestejä juuri nyt. Yritä lähettää viesti myöhemmin uudelleen tai ota yhteyttä vastaanottajaan suoraan.

eero.kangas@keuda.test
Vastaanottajaa ei löytynyt. Tarkista osoite.

Diagnostiikkatiedot järjestelmänvalvojille:
Luova palvelin: HE1PR0602MB3121.eurprd06.prod.outlook.test
minna.rautio@keuda.test
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'
eero.kangas@keuda.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'
""", cte='base64'),
  dsn("HE1PR0602MB3121.eurprd06.prod.outlook.test", [
      ("minna.rautio@keuda.test", "5.2.2", "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException"),
      ("eero.kangas@keuda.test", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound")]),
  rfc822_headers("minna.rautio@keuda.test, eero.kangas@keuda.test", S_FI2, "Wed, 02 Dec 2026 09:31:02 +0200", "followup-fi-0412")],
  "_004_e83b0a6c1d9f4b22", '; report-type=delivery-status')),
 bounced=["minna.rautio@keuda.test", "eero.kangas@keuda.test"])

# b13 Exchange fi, plain text only, windows-1252
add("fi", "bounce", "bounce", None, mail([
 ("From", "Järjestelmänvalvoja <postmaster@omnia.test>"), ("To", VA),
 ("Subject", "Toimitus epäonnistui: " + S_FI),
 ("Date", "Thu, 12 Nov 2026 14:55:38 +0200"), ("Message-ID", "<3F9E0C7A21B84D5C8E6A1B2C3D4E5F60@EXCHMB02.omnia.test>")],
 text("""Viesti ei saavuttanut kaikkia vastaanottajia.

      Aihe:     Kutsu: Verkostopäivä ke 9.12.2026 Kuntatalolla
      Lähetetty:  12.11.2026 14:55

Seuraaviin vastaanottajiin ei saatu yhteyttä:

      ville.karkkainen@omnia.test 12.11.2026 14:55
            Sähköpostiosoitetta ei löydy tai se on kirjoitettu väärin.
            <EXCHMB02.omnia.test #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found>
""", charset='windows-1252', cte='8bit')), bounced=["ville.karkkainen@omnia.test"])

# b14 M365 fi, message size / rejected by policy
add("fi", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <postmaster@optima.test>"), ("To", VA),
 ("Subject", "Tilaa ei voitu toimittaa: Verkostopäivän materiaalit"),
 ("Date", "Fri, 04 Dec 2026 13:08:00 +0000"), ("Message-ID", "<71c0de55-8a2b-4c9d-b3e1-0f4a5b6c7d18@optima.test>"),
 ("Auto-Submitted", "auto-replied")],
 multipart("report", [
  text("""Viestiäsi osoitteeseen outi.lampinen@optima.test ei voitu toimittaa.

Vastaanottajan organisaatio ei hyväksy ulkopuolisilta lähettäjiltä tätä kokoa olevia viestejä.

Vaadittu toiminto                         Vastaanottaja
Viesti on liian suuri                      outi.lampinen@optima.test

Tilakoodi: 550 5.3.4
""", cte='quoted-printable'),
  dsn("VI1PR02MB6655.eurprd02.prod.outlook.test", [("outi.lampinen@optima.test", "5.3.4",
      "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route")]),
  rfc822_headers("outi.lampinen@optima.test", "Verkostopäivän materiaalit", "Fri, 04 Dec 2026 15:07:48 +0200", "materials-0912-022")],
  "_005_71c0de558a2b4c9d", '; report-type=delivery-status')), bounced=["outi.lampinen@optima.test"])

# b15 Exchange sv plain "Ej levererat"
add("sv", "bounce", "bounce", None, mail([
 ("From", "Systemadministratör <postmaster@axxell.test>"), ("To", VA),
 ("Subject", "Ej levererat: " + S_SV),
 ("Date", "Tue, 10 Nov 2026 10:19:52 +0200"), ("Message-ID", "<9B2D7E15C0A94F3B8D6E2A1C0F9E8D7C@MBX03.axxell.test>")],
 text("""Ditt meddelande nådde inte alla mottagare.

      Ämne:     Inbjudan: Nätverksdag ons 9.12.2026, Kommunernas hus
      Skickat:  10.11.2026 10:19

Det gick inte att nå följande mottagare:

      patrik.blomqvist@axxell.test 10.11.2026 10:19
            Mottagarens e-postadress hittades inte i mottagarens e-postsystem.
            <MBX03.axxell.test #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipientNotFound; not found>
""", charset='iso-8859-1', cte='quoted-printable')), bounced=["patrik.blomqvist@axxell.test"])

# b16 M365 sv, quota + disabled
add("sv", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@prakticum.test>"), ("To", VA),
 ("Subject", "Det gick inte att leverera: " + S_SV2),
 ("Date", "Mon, 30 Nov 2026 06:50:09 +0000"), ("Message-ID", "<c4e5f6a7-0b1c-4d2e-9f30-a1b2c3d4e519@prakticum.test>")],
 multipart("report", [
  text("""Det gick inte att leverera meddelandet till följande mottagare:

camilla.westerlund@prakticum.test
Mottagarens postlåda är full och kan inte ta emot meddelanden just nu. Försök skicka meddelandet igen senare eller kontakta mottagaren direkt.

Diagnostikinformation för administratörer:
Genererande server: AM6PR10MB2470.eurprd10.prod.outlook.test
camilla.westerlund@prakticum.test
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'
"""),
  dsn("AM6PR10MB2470.eurprd10.prod.outlook.test", [("camilla.westerlund@prakticum.test", "5.2.2",
      "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException")]),
  rfc822_headers("camilla.westerlund@prakticum.test", S_SV2, "Mon, 30 Nov 2026 08:49:58 +0200", "followup-sv-0101")],
  "_006_c4e5f6a70b1c4d2e", '; report-type=delivery-status')), bounced=["camilla.westerlund@prakticum.test"])

# b17 Gmail localized sv
add("sv", "bounce", "bounce", None, mail([
 ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.test>"), ("To", VA),
 ("Subject", "Delivery Status Notification (Failure)"),
 ("Date", "Sun, 22 Nov 2026 20:11:45 -0800"), ("Message-ID", "<637e9b41.1a2b3c4d.5e6f.0071SMTPIN_ADDED_MISSING@mx.googlemail.test>"),
 ("Auto-Submitted", "auto-replied")],
 multipart("report", [
  text("""
** Adressen hittades inte **

Ditt meddelande levererades inte till ebba.nordling@gmail.test eftersom adressen inte kunde hittas eller inte kan ta emot e-post.

Läs mer här: https://support.google.test/mail/?p=NoSuchUser

Svaret var:

The email account that you tried to reach does not exist.
"""),
  dsn("googlemail.test", [("ebba.nordling@gmail.test", "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist.")]),
  rfc822_headers("ebba.nordling@gmail.test", "Tack för din anmälan – Nätverksdag 9.12.2026", "Mon, 23 Nov 2026 06:11:30 +0200", "ack-sv-0057")],
  "000000000000c1d2e305f4a1b2d7", '; report-type=delivery-status')), bounced=["ebba.nordling@gmail.test"])

# b18 sv: Swedish-language Postfix-ish message from a municipal relay? -> Exchange sv rejected by transport rule
add("sv", "bounce", "bounce", None, mail([
 ("From", "Microsoft Outlook <postmaster@yrkesakademin.test>"), ("To", VA),
 ("Subject", "Ej levererat: VB: Nätverksdag 9.12 – program"),
 ("Date", "Thu, 03 Dec 2026 11:47:26 +0000"), ("Message-ID", "<aa71b2c3-d4e5-4f60-8172-93a4b5c6d720@yrkesakademin.test>")],
 multipart("report", [
  text("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<p><b><font color="#000066" size="3" face="Arial">Leveransen misslyckades till de här mottagarna eller grupperna:</font></b></p>
<p><a href="mailto:jonas.ostman@yrkesakademin.test">jonas.ostman@yrkesakademin.test</a><br>
Postlådan som du försökte nå är inaktiverad. Kontakta mottagaren på något annat sätt.</p>
<p>Rapportera det här felet: 550 5.2.1 Mailbox disabled</p>
<p><b>Diagnostikinformation för administratörer:</b><br>Genererande server: VI1PR08MB3390.eurprd08.prod.outlook.test</p>
</body></html>
""", subtype='html', cte='quoted-printable'),
  dsn("VI1PR08MB3390.eurprd08.prod.outlook.test", [("jonas.ostman@yrkesakademin.test", "5.2.1", "550 5.2.1 Mailbox disabled, not accepting messages")]),
  rfc822_headers("jonas.ostman@yrkesakademin.test", "VB: Nätverksdag 9.12 – program", "Thu, 03 Dec 2026 13:47:12 +0200", "prog-sv-0912-08")],
  "_007_aa71b2c3d4e54f60", '; report-type=delivery-status')), bounced=["jonas.ostman@yrkesakademin.test"])

# ============================ AUTOREPLIES (22) ============================
def ar(lang, frm, to, subj, date, mid, extra, part):
    add(lang, "autoreply", "autoreply", None, mail([("From", frm), ("To", to), ("Subject", subj), ("Date", date),
        ("Message-ID", mid)] + extra, part))

# a1 fi Outlook desktop, full markers
ar("fi", "Mallikas Maija <maija.mallikas@omnia.test>", V, "Automaattinen vastaus: " + S_FI2,
   "Mon, 30 Nov 2026 08:50:12 +0200", "<HE1PR07MB4411C2A3B4D5E6F7@HE1PR07MB4411.eurprd07.prod.outlook.test>",
   [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"), ("In-Reply-To", "<followup-fi-0103@example.org>")],
   multipart("alternative", [
    text("""Hei,

olen lomalla 30.11.–4.12.2026 enkä lue sähköpostiani tänä aikana. Palaan toimistolle maanantaina 7.12.

Kiireellisissä asioissa ota yhteyttä koulutuspäällikkö Jari Halmeeseen, jari.halme@omnia.test, p. 040 123 4567.

Ystävällisin terveisin
Maija Mallikas
"""),
    text("""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="FI"><div class="WordSection1"><p class="MsoNormal">Hei,</p><p class="MsoNormal">olen lomalla 30.11.–4.12.2026 enkä lue sähköpostiani tänä aikana. Palaan toimistolle maanantaina 7.12.</p><p class="MsoNormal">Kiireellisissä asioissa ota yhteyttä koulutuspäällikkö Jari Halmeeseen, jari.halme@omnia.test, p. 040 123 4567.</p><p class="MsoNormal">Ystävällisin terveisin<br>Maija Mallikas</p></div></body></html>""", subtype='html', cte='quoted-printable')],
    "_000_HE1PR07MB4411C2A3B4D5E6F7_"))

# a2 fi OWA "Poissa toimistosta", only X-Auto-Response-Suppress
ar("fi", "Riikka Salminen <riikka.salminen@stadi.test>", VA, "Poissa toimistosta: " + S_FI,
   "Tue, 10 Nov 2026 13:02:55 +0200", "<AM0PR09MB27718E1F2@AM0PR09MB2771.eurprd09.prod.outlook.test>",
   [("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "riikka.salminen@stadi.test")],
   text("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>P {margin-top:0;margin-bottom:0;}</style></head><body dir="ltr"><div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt;">Olen koulutuksessa 10.–13.11. ja luen sähköpostia satunnaisesti. Vastaan viestiisi viimeistään ensi viikolla.<br><br>Riikka Salminen<br>opinto-ohjaaja, Stadin ammatti- ja aikuisopisto</div></body></html>""", subtype='html', cte='base64'))

# a3 fi Gmail vacation responder "Lomalla"
ar("fi", "Jussi Heinonen <jussi.heinonen.73@gmail.test>", VA, "Lomalla",
   "Sat, 21 Nov 2026 17:40:03 +0200", "<CAJ8x7rV3kP2q0Lm+YzQ1wN9e@mail.gmail.test>",
   [("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"), ("In-Reply-To", "<interest-fi-0211@example.org>")],
   multipart("alternative", [
    text("Moi! Oon lomalla 29.11. asti ja ilman nettiä, joten vastailen viesteihin kun palaan. -Jussi\n"),
    text('<div dir="ltr">Moi! Oon lomalla 29.11. asti ja ilman nettiä, joten vastailen viesteihin kun palaan. -Jussi</div>\n', subtype='html')],
    "000000000000e4f5a605f4b2c3d8"))

# a4 fi Exchange rule, no marker header, keeps subject
ar("fi", "Päivi Nurmi <paivi.nurmi@keuda.test>", VA, "RE: " + S_FI,
   "Wed, 11 Nov 2026 07:05:17 +0200", "<DB7PR05MB5123A9F0@DB7PR05MB5123.eurprd05.prod.outlook.test>",
   [("In-Reply-To", "<inv-0912-fi-0119@example.org>")],
   text("""Kiitos viestistäsi.

Olen sairauslomalla toistaiseksi. Viestejäni ei välitetä eteenpäin. Oppisopimusasioissa voit olla yhteydessä osoitteeseen oppisopimus@keuda.test.

Päivi Nurmi
Oppisopimustoiminnan esihenkilö | Keuda
""", cte='quoted-printable'))

# a5 fi read receipt "Luettu:" (Outlook, MDN)
ar("fi", "Kalle Virtanen <kalle.virtanen@prakticum.test>", VA, "Luettu: " + S_FI,
   "Thu, 12 Nov 2026 09:33:40 +0200", "<VI1PR10MB3344F2E1@VI1PR10MB3344.eurprd10.prod.outlook.test>",
   [("In-Reply-To", "<inv-0912-fi-0122@example.org>")],
   multipart("report", [
    text("""Viestisi

  Vastaanottaja: Kalle Virtanen
  Aihe: Kutsu: Verkostopäivä ke 9.12.2026 Kuntatalolla
  Lähetetty: 12. marraskuuta 2026 9.01.22 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna

luettiin 12. marraskuuta 2026 9.33.38 (UTC+02:00) Helsinki, Kiova, Riika, Sofia, Tallinna, Vilna.
"""),
    raw_part("message/disposition-notification", """Reporting-UA: VI1PR10MB3344.eurprd10.prod.outlook.test; Microsoft Outlook 16.0
Final-Recipient: rfc822;kalle.virtanen@prakticum.test
Original-Message-ID: <inv-0912-fi-0122@example.org>
Disposition: manual-action/MDN-sent-manually; displayed
""")], "_000_VI1PR10MB3344F2E1_", '; report-type=disposition-notification'))

# a6 fi helpdesk ticket acknowledgement
ar("fi", "Gradia Palvelupiste <palvelupiste@gradia.test>", VA, "[Tiketti #GR-58213] Vastaanotettu: Jatkopäivä 10.2.2027",
   "Thu, 26 Nov 2026 12:00:41 +0200", "<ticket-GR-58213-1@helpdesk.gradia.test>",
   [("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"), ("Reply-To", "palvelupiste@gradia.test")],
   text("""Hei,

tämä on automaattinen vahvistus. Yhteydenottosi on vastaanotettu ja sille on annettu tunnus GR-58213.
Käsittelemme pyynnöt saapumisjärjestyksessä, tavallisesti kahden arkipäivän kuluessa.

Jos haluat täydentää pyyntöä, vastaa tähän viestiin ja säilytä tunnus aiheessa.

Älä vastaa tähän viestiin, jos asiasi on jo ratkennut.

Gradian palvelupiste
p. 014 444 0000 (ma–pe 8–16)
"""))

# a7 fi "this address is no longer in use", no marker header
ar("fi", "Timo Lehtinen <timo.lehtinen@omnia.test>", VA, "Automaattinen vastaus: Verkostopäivä 9.12.",
   "Tue, 24 Nov 2026 15:15:15 +0200", "<AM8PR07MB7788B0C1@AM8PR07MB7788.eurprd07.prod.outlook.test>",
   [],
   text("""Tämä sähköpostiosoite ei ole enää käytössä. Timo Lehtinen on siirtynyt toisen työnantajan palvelukseen 31.10.2026.

Viestiäsi ei ole välitetty eteenpäin. Omnian oppisopimuspalveluita koskevissa asioissa ota yhteyttä: oppisopimus@omnia.test

Denna adress används inte längre. / This address is no longer in use.
""", charset='iso-8859-1', cte='quoted-printable'))

# a8 fi bilingual fi+sv (first fi), Keuda-ish municipal
ar("fi", "Helena Grönroos <helena.gronroos@keuda.test>", VA, "Automaattinen vastaus: " + S_FI2 + " / Automatiskt svar",
   "Fri, 27 Nov 2026 16:20:30 +0200", "<HE1PR04MB2210DD01@HE1PR04MB2210.eurprd04.prod.outlook.test>",
   [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "DR, OOF, AutoReply")],
   text("""Olen poissa 27.11.–8.12. Palaan töihin 9.12. – tosin silloin olen koko päivän verkostopäivässä Kuntatalolla, joten vastaan viesteihin 10.12. alkaen.

Jag är borta 27.11–8.12. Jag svarar på e-post från och med 10.12.

Helena Grönroos
koulutuskoordinaattori / utbildningskoordinator
Keuda
"""))

# a9 sv Outlook desktop "Automatiskt svar:"
ar("sv", "Anna Lindqvist <anna.lindqvist@prakticum.test>", V, "Automatiskt svar: " + S_SV2,
   "Mon, 30 Nov 2026 09:12:48 +0200", "<DB9PR10MB6601A1B2@DB9PR10MB6601.eurprd10.prod.outlook.test>",
   [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")],
   multipart("alternative", [
    text("""Hej,

Jag är på tjänsteresa 30.11–3.12 och har begränsad tillgång till e-post. I brådskande ärenden kan du kontakta vår läroavtalschef Stefan Holm, stefan.holm@prakticum.test.

Med vänlig hälsning
Anna Lindqvist
Utbildningschef, Prakticum
"""),
    text("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="SV"><div class="WordSection1"><p class="MsoNormal">Hej,</p><p class="MsoNormal">Jag är på tjänsteresa 30.11–3.12 och har begränsad tillgång till e-post. I brådskande ärenden kan du kontakta vår läroavtalschef Stefan Holm, stefan.holm@prakticum.test.</p><p class="MsoNormal">Med vänlig hälsning<br>Anna Lindqvist<br>Utbildningschef, Prakticum</p></div></body></html>""", subtype='html', cte='base64')],
    "_000_DB9PR10MB6601A1B2_"))

# a10 sv OWA "Frånvaro", Precedence only
ar("sv", "Mats Sundqvist <mats.sundqvist@axxell.test>", VA, "Frånvaro",
   "Wed, 18 Nov 2026 11:48:02 +0200", "<AS8PR01MB9012C3D4@AS8PR01MB9012.eurprd01.prod.outlook.test>",
   [("Precedence", "auto_reply")],
   text("""Tack för ditt meddelande. Jag är ledig fram till måndagen den 23 november och läser inte min e-post under den tiden.

/Mats Sundqvist
studiehandledare, Axxell Brusaby
"""))

# a11 sv Gmail vacation "Autosvar"
ar("sv", "Frida Åkerman <frida.akerman@gmail.test>", VA, "Autosvar: Re: Anmälan till nätverket",
   "Sun, 08 Nov 2026 10:01:19 +0200", "<CAFg2kq0Zb9Wm+QsR4n7TyXoL@mail.gmail.test>",
   [("Auto-Submitted", "auto-replied"), ("Precedence", "bulk")],
   text("Hej! Jag är föräldraledig till och med januari 2027. Mejlen läses inte regelbundet. Kram, Frida\n"))

# a12 sv Läst: read receipt in Swedish
ar("sv", "Sofia Björklund <sofia.bjorklund@yrkesakademin.test>", VA, "Läst: " + S_SV,
   "Fri, 13 Nov 2026 14:27:05 +0200", "<VI1PR08MB5123E5F6@VI1PR08MB5123.eurprd08.prod.outlook.test>",
   [],
   multipart("report", [
    text("""Ditt meddelande

  Till: Sofia Björklund
  Ämne: Inbjudan: Nätverksdag ons 9.12.2026, Kommunernas hus
  Skickat: den 13 november 2026 13:50:10 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius

lästes den 13 november 2026 14:27:02 (UTC+02:00) Helsingfors, Kiev, Riga, Sofia, Tallinn, Vilnius.
""", cte='quoted-printable'),
    raw_part("message/disposition-notification", """Reporting-UA: VI1PR08MB5123.eurprd08.prod.outlook.test; Microsoft Outlook 16.0
Final-Recipient: rfc822;sofia.bjorklund@yrkesakademin.test
Original-Message-ID: <inv-0912-sv-0050@example.org>
Disposition: manual-action/MDN-sent-manually; displayed
""")], "_000_VI1PR08MB5123E5F6_", '; report-type=disposition-notification'))

# a13 sv bilingual sv+fi (first sv), YA
ar("sv", "Kent Rönnqvist <kent.ronnqvist@yrkesakademin.test>", VA, "Automatiskt svar: Re: Nätverksdag 9.12",
   "Thu, 03 Dec 2026 08:00:07 +0200", "<DB8PR03MB7777F7A8@DB8PR03MB7777.eurprd03.prod.outlook.test>",
   [("X-Auto-Response-Suppress", "All")],
   text("""Hej!
Jag är på semester 3.12–14.12.2026. Meddelanden vidarebefordras inte. Kontakta vid behov kansliet, kansli@yrkesakademin.test.

Hei!
Olen lomalla 3.12.–14.12.2026. Viestejä ei välitetä eteenpäin. Tarvittaessa ota yhteyttä kansliaan, kansli@yrkesakademin.test.

Kent Rönnqvist
Prorektor / Vararehtori
Yrkesakademin i Österbotten
""", cte='base64'))

# a14 sv Exchange rule, no marker, keeps subject "SV:"
ar("sv", "Jenny Lindholm <jenny.lindholm@axxell.test>", VA, "SV: " + S_SV2,
   "Tue, 01 Dec 2026 18:33:51 +0200", "<AS2PR01MB8080B1C2@AS2PR01MB8080.eurprd01.prod.outlook.test>",
   [("In-Reply-To", "<followup-sv-0077@example.org>"), ("Thread-Topic", S_SV2)],
   text("""Hej,

jag har slutat på Axxell och den här adressen stängs vid årsskiftet. Ärenden som gäller läroavtal sköts från och med nu av Tobias Ek (tobias.ek@axxell.test).

Detta är ett automatiskt meddelande.
""", charset='iso-8859-1', cte='quoted-printable'))

# a15 sv CRM auto-acknowledgement
ar("sv", "Kundtjänst Optima <kundtjanst@optima.test>", VA, "Vi har tagit emot ditt meddelande [Ärende 2026-11-4471]",
   "Mon, 16 Nov 2026 10:10:10 +0200", "<crm.2026-11-4471.ack@crm.optima.test>",
   [("Auto-Submitted", "auto-generated"), ("Precedence", "bulk"), ("X-Autoreply", "yes")],
   multipart("alternative", [
    text("""Tack för ditt meddelande!

Vi har registrerat ditt ärende med numret 2026-11-4471. Vi återkommer så snart som möjligt, senast inom tre arbetsdagar.
Vänligen svara inte på detta meddelande.

Optima – Kundtjänst
"""),
    text("<html><body><p>Tack för ditt meddelande!</p><p>Vi har registrerat ditt ärende med numret <b>2026-11-4471</b>. Vi återkommer så snart som möjligt, senast inom tre arbetsdagar.<br>Vänligen svara inte på detta meddelande.</p><p>Optima – Kundtjänst</p></body></html>", subtype='html', cte='quoted-printable')],
    "=_crm_4471_alt"))

# a16 sv iPhone / Android? -> Android Outlook app auto reply with only Precedence: list? use none
ar("sv", "Ulrika Häggblom <ulrika.haggblom@prakticum.test>", VA, "Autosvar: " + S_SV,
   "Sat, 14 Nov 2026 12:44:29 +0200", "<MW4PR10MB5555C0DE@MW4PR10MB5555.namprd10.prod.outlook.test>",
   [("X-Auto-Response-Suppress", "All"), ("Auto-Submitted", "auto-replied")],
   text("""Hej! Tack för mejlet.
Jag är tjänstledig hösten 2026 och återkommer i januari. Frågor om läroavtal: laroavtal@prakticum.test

Ulrika
"""))

# a17 en Outlook "Automatic reply:" full markers
ar("en", "Liisa Laine <liisa.laine@keuda.test>", V, "Automatic reply: " + S_EN2,
   "Mon, 30 Nov 2026 10:00:55 +0200", "<HE1PR06MB3030A0B1@HE1PR06MB3030.eurprd06.prod.outlook.test>",
   [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")],
   text("""Thank you for your email. I am out of the office until Thursday 3 December with limited access to email.
For urgent apprenticeship matters please contact oppisopimus@keuda.test.

Kind regards,
Liisa Laine
Team Leader, Apprenticeship Training | Keuda
"""))

# a18 en "Out of Office:" with no marker headers
ar("en", "Rahul Mehta <rahul.mehta@stadi.test>", VA, "Out of Office: " + S_EN,
   "Thu, 19 Nov 2026 21:07:14 +0200", "<BN0PR12MB4411AB@BN0PR12MB4411.namprd12.prod.outlook.test>",
   [],
   text("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><div class="WordSection1"><p class="MsoNormal">Dear sender,</p><p class="MsoNormal">I am currently attending a conference abroad and will be back on 25 November 2026. I will respond to your message as soon as possible upon my return.</p><p class="MsoNormal">Best regards,<br>Rahul Mehta<br>Senior Lecturer, International Affairs<br>Stadin ammatti- ja aikuisopisto</p></div></body></html>""", subtype='html', charset='windows-1252', cte='quoted-printable'))

# a19 en Thunderbird return receipt
ar("en", "Oskar Wikström <oskar.wikstrom@optima.test>", VA, "Return Receipt (displayed) - " + S_EN,
   "Mon, 16 Nov 2026 08:22:19 +0200", "<5e2a1c3b-7f8d-4a90-b1c2-d3e4f5a6b7c8@optima.test>",
   [("User-Agent", "Mozilla Thunderbird")],
   multipart("report", [
    text("""This is a Return Receipt for the mail that you sent to oskar.wikstrom@optima.test.

Note: This Return Receipt only acknowledges that the message was displayed on the recipient's computer. There is no guarantee that the recipient has read or understood the message contents.
"""),
    raw_part("message/disposition-notification", """Reporting-UA: optima.test; Mozilla Thunderbird
Final-Recipient: rfc822;oskar.wikstrom@optima.test
Original-Message-ID: <inv-0912-en-0066@example.org>
Disposition: manual-action/MDN-sent-manually; displayed
"""),
    rfc822_headers("oskar.wikstrom@optima.test", S_EN, "Mon, 16 Nov 2026 08:10:00 +0200", "inv-0912-en-0066")],
    "------------A1B2C3D4E5F6071829304A5B", '; report-type=disposition-notification'))

# a20 en mailing-list auto-acknowledgement (moderation)
ar("en", "edu-partners-owner@lists.omnia.test", VA, "Your message to Edu-partners awaits moderator approval",
   "Fri, 20 Nov 2026 14:14:14 +0200", "<mailman.17.1795700054.1234.edu-partners@lists.omnia.test>",
   [("Precedence", "bulk"), ("X-Mailman-Version", "3.3.9"), ("Auto-Submitted", "auto-replied")],
   text("""Your mail to 'Edu-partners' with the subject

    Invitation: Network day 9 December 2026

Is being held until the list moderator can review it for approval.

The message is being held because:

    The message is not from a list member

Either the message will get posted to the list, or you will receive
notification of the moderator's decision.
""", charset='us-ascii', cte='7bit'))

# a21 en iPhone-ish vacation with X-Autoreply only, "Re:" subject
ar("en", "Daniel Okafor <daniel.okafor@prakticum.test>", VA, "Re: " + S_EN,
   "Sun, 29 Nov 2026 19:55:02 +0200", "<A7F3E2D1-0C9B-4A8E-9D7F-6E5C4B3A2918@prakticum.test>",
   [("X-Autoreply", "yes"), ("In-Reply-To", "<inv-0912-en-0071@example.org>")],
   text("""Hi, I'm on annual leave 30 Nov - 11 Dec with no access to email. Your message will not be forwarded. For anything urgent please call the Prakticum office on +358 20 123 4000.

This is an automated reply.
"""))

# a22 en helpdesk ticket acknowledgement, no marker header
ar("en", "IT Service Desk <servicedesk@axxell.test>", VA, "[SD-20931] Request received: Follow-up day 10 February 2027",
   "Thu, 26 Nov 2026 09:41:30 +0200", "<sd-20931.ack.0@servicedesk.axxell.test>",
   [],
   text("""Hello,

Thank you for contacting the Axxell IT Service Desk. This message confirms that we have received your request and logged it as SD-20931.

Summary: Follow-up day 10 February 2027
Status:  New
Queue:   General enquiries

An agent will review the request during office hours (Mon-Fri 8:00-16:00). If this message was sent to us by mistake, no action is needed.

-- 
This is an automatically generated message. Replies to this address are added to the ticket.
"""))

# ============================ PEOPLE (8) ============================
def person(lang, intent, frm, to, subj, date, mid, extra, part, day=None):
    add(lang, intent, None, intent, mail([("From", frm), ("To", to), ("Subject", subj), ("Date", date),
        ("Message-ID", mid)] + extra, part), day=day)

# p1 fi rsvp_no 9.12, subject looks like an OOO
person("fi", "rsvp_no", "Kaija Hämäläinen <kaija.hamalainen@stadi.test>", VA, "Poissa 9.12.",
   "Tue, 17 Nov 2026 20:14:37 +0200", "<6F2C1B0A-9E8D-4C7B-A6F5-E4D3C2B1A0F9@stadi.test>",
   [("In-Reply-To", "<inv-0912-fi-0131@example.org>")],
   text("""Moi,

huomasin vasta nyt et oon lomalla just sillä viikolla kun verkostopäivä on, eli en paase 9.12 valitettavasti. Laittakaa mulle ne materiaalit jälkikäteen jos mahdollista!

-Kaija

Lähetetty iPhonesta
"""), day="2026-12-09")

# p2 fi correction: mail bounced, new address
person("fi", "correction", "Antti Mäkelä <antti.makela@gradia.test>", VA, "VL: Tilaa ei voitu toimittaa: Kutsu: Verkostopäivä",
   "Wed, 25 Nov 2026 10:47:03 +0200", "<GV0P278MB0911E1F2@GV0P278MB0911.CHEP278.PROD.OUTLOOK.test>",
   [],
   text("""Hei,

kollega välitti minulle tämän palautusviestin. Vanha osoitteeni @jyvaskyla-edu.test lakkasi toimimasta, kun siirryimme Gradian yhteiseen postiin. Voisitteko päivittää osoitteekseni antti.makela@gradia.test ? Muut tiedot pysyy ennallaan.

Kiitos!

Antti Mäkelä
koulutustarkastaja, Gradia
p. 050 987 6543

Lähettäjä: Microsoft Outlook <postmaster@jyvaskyla-edu.test>
Lähetetty: tiistai 24. marraskuuta 2026 15.02
Vastaanottaja: verkosto@example.org
Aihe: Tilaa ei voitu toimittaa: Kutsu: Verkostopäivä ke 9.12.2026 Kuntatalolla

Viestiäsi osoitteeseen antti.makela@jyvaskyla-edu.test ei voitu toimittaa.
"""))

# p3 fi attention: got an error message, did my sign-up go through?
person("fi", "attention", "Sari Koskinen <sari.koskinen@keuda.test>", VA, "Re: Automaattinen vastaus",
   "Thu, 05 Nov 2026 14:03:59 +0200", "<CAHs7kd9qLp2=Xr4m0vZ1bN8w@mail.gmail.test>",
   [],
   text("""Hei

sain teiltä jonkun automaattisen viestin kun ilmottauduin lomakkeella, en ihan ymmärtänyt mikä se oli. Menikö mun ilmottautuminen perille vai pitääkö täyttää uudestaan? En ainakaan saanut mitään vahvistusta.

t. Sari Koskinen, Keuda
""", cte='quoted-printable'))

# p4 sv rsvp_no follow-up day
person("sv", "rsvp_no", "Malin Eriksson <malin.eriksson@yrkesakademin.test>", VA, "SV: " + S_SV2,
   "Mon, 30 Nov 2026 12:31:18 +0200", "<DB6PR03MB2288A1@DB6PR03MB2288.eurprd03.prod.outlook.test>",
   [("In-Reply-To", "<followup-sv-0091@example.org>")],
   text("""Hej,

tyvärr kan jag inte delta på uppföljningsdagen den 10.2. Jag har semester hela den veckan (sportlovet) så det blir inte av den här gången. Hoppas det finns material att ta del av efteråt.

Hälsningar
Malin Eriksson
teamledare, läroavtal
Yrkesakademin i Österbotten

Från: Kehittämisverkosto <verkosto@example.org>
Skickat: den 30 november 2026 09:00
Till: Malin Eriksson <malin.eriksson@yrkesakademin.test>
Ämne: Uppföljningsdag 10.2.2027
"""), day="2027-02-10")

# p5 sv correction new address after bounce
person("sv", "correction", "Elin Sjöberg <elin.sjoberg@gmail.test>", VA, "Ny e-postadress",
   "Sat, 28 Nov 2026 09:15:44 +0200", "<CABx3r+0mQv7Y8Wk2nPz5Lq@mail.gmail.test>",
   [],
   multipart("alternative", [
    text("""Hej!

Min kollega sa att era mejl till mig studsar. Jag har bytt jobb inom Axxell och min gamla adress elin.sjoberg@axxell-brusaby.test är stängd. Skicka gärna allt till elin.sjoberg@axxell.test i stället (den här gmail-adressen läser jag bara hemifrån).

Tack på förhand!
Elin Sjöberg
planerare, Axxell
"""),
    text('<div dir="ltr">Hej!<div><br></div><div>Min kollega sa att era mejl till mig studsar. Jag har bytt jobb inom Axxell och min gamla adress elin.sjoberg@axxell-brusaby.test är stängd. Skicka gärna allt till <a href="mailto:elin.sjoberg@axxell.test">elin.sjoberg@axxell.test</a> i stället (den här gmail-adressen läser jag bara hemifrån).</div><div><br></div><div>Tack på förhand!</div><div>Elin Sjöberg<br>planerare, Axxell</div></div>\n', subtype='html', cte='quoted-printable')],
    "000000000000f1e2d305f4c3b2a1"))

# p6 sv attention: forwards an auto-reply she got, asks what to do
person("sv", "attention", "Anna Lindqvist <anna.lindqvist@omnia.test>", VA, "VB: Automatiskt svar: Anmälan",
   "Wed, 02 Dec 2026 15:58:21 +0200", "<AM7PR07MB6161C4D5@AM7PR07MB6161.eurprd07.prod.outlook.test>",
   [],
   text("""Hej,

jag anmälde min kollega Karin via formuläret men fick bara det här frånvaromeddelandet tillbaka från hennes adress. Räcker det att hon står på listan, eller behöver hon själv bekräfta? Hon är tillbaka först i januari.

/Anna

Från: Karin Fagerström <karin.fagerstrom@omnia.test>
Skickat: onsdag 2 december 2026 15:40
Till: Anna Lindqvist <anna.lindqvist@omnia.test>
Ämne: Automatiskt svar: Anmälan

Jag är tjänstledig till 7.1.2027.
""", charset='windows-1252', cte='quoted-printable'))

# p7 en rsvp_no 9.12 on holiday
person("en", "rsvp_no", "Margaret O'Neill <margaret.oneill@omnia.test>", VA, "RE: " + S_EN,
   "Mon, 23 Nov 2026 08:07:26 +0200", "<PR3PR07MB6868D0E1@PR3PR07MB6868.eurprd07.prod.outlook.test>",
   [("In-Reply-To", "<inv-0912-en-0039@example.org>")],
   text("""Dear colleagues,

Thank you for the invitation. Unfortunately I will be on holiday in Ireland during the week of 7 December, so I am unable to attend the network day on 9 December. Please keep me informed about the follow-up day.

With kind regards,
Margaret O'Neill
International Coordinator
Omnia

From: Kehittämisverkosto <verkosto@example.org>
Sent: Friday, November 20, 2026 10:00 AM
To: Margaret O'Neill <margaret.oneill@omnia.test>
Subject: Invitation: Network day 9 December 2026
"""), day="2026-12-09")

# p8 en correction: your mail bounced, here is my new address
person("en", "correction", "Lukas Becker <lukas.becker@optima.test>", VA, "Your mail bounced - new address",
   "Fri, 04 Dec 2026 11:29:09 +0200", "<0A9B8C7D-6E5F-4031-9283-74A5B6C7D8E9@optima.test>",
   [],
   text("""Hello,

I heard from Johan Nyberg that the invitation you sent me came back as undeliverable. My old address lukas.becker@optima-edu.test was closed when I moved to Optima's new domain. Could you please update my details to lukas.becker@optima.test.

Thanks,
Lukas Becker
Specialist, Work-based Learning, Optima

Sent from my iPhone
"""))

# ============================ WRITE & CHECK ============================
def main():
    assert len(MAILS) == 48, len(MAILS)
    order = list(range(len(MAILS)))
    random.Random(20261206).shuffle(order)
    for f in os.listdir(OUT):
        if re.match(r"\d{3}_", f):
            os.remove(os.path.join(OUT, f))
    allowed = re.compile(r"@([A-Za-z0-9.-]+)")
    lo = datetime(2026, 11, 1, tzinfo=timezone(timedelta(hours=2)))
    hi = datetime(2026, 12, 6, tzinfo=timezone(timedelta(hours=2)))
    for n, i in enumerate(order, 1):
        m = MAILS[i]
        base = f"{n:03d}_{m['lang']}_{m['label']}"
        data = m["raw"].encode("utf-8") if "windows-1252" not in m["raw"] else None
        raw = m["raw"]
        # 8bit parts declared windows-1252/iso-8859-1 are stored in that charset
        b = encode_raw(raw)
        with open(os.path.join(OUT, base + ".eml"), "wb") as f:
            f.write(b)
        with open(os.path.join(OUT, base + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(m["exp"], f, ensure_ascii=False, indent=2); f.write("\n")
        msg = email.message_from_bytes(b, policy=policy.default)
        for k in ("From", "To", "Subject", "Date", "Message-ID"):
            assert msg[k], (base, k)
        d = parsedate_to_datetime(str(msg["Date"]))
        assert lo <= d < hi, (base, d)
        alltext = b.decode("utf-8", "replace").replace("=\n", "")
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                alltext += part.get_content()
        for dom in allowed.findall(alltext):
            dom = dom.lower().rstrip(".")
            assert dom.endswith(".test") or dom in ("example.org", "example.com") or dom.endswith(".example.org"), (base, dom)
        json.load(open(os.path.join(OUT, base + ".expected.json"), encoding="utf-8"))
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                part.get_content()
    print("built", len(MAILS), "mails into", OUT)

def encode_raw(raw):
    """Encode 8bit text parts declared as a legacy charset in that charset; everything else UTF-8."""
    out = []
    chunks = re.split(r'(?m)(?=^Content-Type: )', raw)
    for c in chunks:
        mm = re.match(r'Content-Type: text/\w+; charset="(windows-1252|iso-8859-1)"\nContent-Transfer-Encoding: 8bit\n', c)
        out.append(c.encode(mm.group(1)) if mm else c.encode("utf-8"))
    return b"".join(out)

if __name__ == "__main__":
    main()
