# -*- coding: utf-8 -*-
# English mails, each written by hand.
from common import *
from lib import ics_reply, dsn, mdn

Q1 = dict(style="outlook", lang="en", when="Monday, November 2, 2026 2:05 PM", subj="Network day 9 December 2026", text=INV_EN)
Q1g = dict(style="gmail", lang="en", when="Mon, 2 Nov 2026 at 14:05", subj="Network day 9 December 2026", text=INV_EN)
Q2 = dict(style="outlook", lang="en", when="Monday, November 16, 2026 10:12 AM", subj="Follow-up day 10 February 2027", text=INV2_EN)
Q2g = dict(style="gmail", lang="en", when="Mon, 16 Nov 2026 at 10:12", subj="Follow-up day 10 February 2027", text=INV2_EN)

MAILS = [
# --- signup
M("en", "signup", {"people": [P("Rajesh Kumar", "rajesh.kumar@omnia.test", "staff", "Omnia")]},
  frm=("Kumar Rajesh", "rajesh.kumar@omnia.test"), subj="Registration for the development network", date="2026-11-04 10:18:37", cte="base64",
  body="""Dear Facilitator,

I would like to register for the development network "Customer orientation in vocational institutions". I work as an international coordinator at Omnia and I am responsible for apprenticeship cooperation with employers in the Espoo region.

Special diet: vegetarian (no eggs).

Kind regards,
Rajesh Kumar
International Coordinator
Omnia
+358 40 555 0101
"""),

M("en", "signup", {"people": [P("Emily Carter", "emily.carter@keuda.test", "staff", "Keuda"),
                              P("Tuomo Järvinen", "tuomo.jarvinen@keuda.test", "management", "Keuda")]},
  frm=("Laine Liisa", "liisa.laine@keuda.test"), subj="RE: Network day 9 December 2026", date="2026-11-06 13:57:20",
  quote=dict(Q1, to="Laine Liisa"),
  body="""Hello,

In addition to myself, please register two colleagues from Keuda:

Name: Emily Carter
Title: Specialist, work-based learning
Email: emily.carter@keuda.test
Diet: none

Name: Tuomo Järvinen
Title: Head of Apprenticeship Services
Email: tuomo.jarvinen@keuda.test
Diet: gluten-free

Thanks!
Liisa Laine
Team Leader, Keuda
"""),

M("en", "signup", {"people": [P("Ana Ferreira", "ana.ferreira@gradia.test", "staff", "Gradia")]},
  frm=("Ana Ferreira", "ana.ferreira@gradia.test"), subj="sign up", date="2026-11-10 22:05:44",
  client="iphone",
  body="""Hi, pls sign me up for the network. Ana Ferreira, Gradia, teacher in the culinary programme. Im lactose intolerant

Sent from my iPhone"""),

M("en", "signup", {"people": [P("Daniel Okafor", "daniel.okafor@logistix.test", "guest")]},
  frm=("Sjöberg Mikael", "mikael.sjoberg@axxell.test"), subj="Guest participant for 9 December", date="2026-11-20 09:09:02",
  body="""Hello,

Axxell would like to bring a guest from one of our partner companies to the network day on 9 December:

Daniel Okafor, HR Manager, Logistix Finland Oy
daniel.okafor@logistix.test

He doesn't speak Finnish or Swedish, so an English-speaking table group would be appreciated. No dietary restrictions.

Best,
Mikael Sjöberg
Head of Education, Axxell
"""),

# --- interest_join
M("en", "interest_join", {"acts_for": "marta.nowak@stadi.test"},
  frm=("Web form", "lomake@example.org"), reply_to="marta.nowak@stadi.test",
  subj="Web form: Leave your contact details", date="2026-11-08 17:33:29", client="form",
  body="""A form was submitted on the page "Customer orientation in vocational institutions" (English).

Leave your contact details and you will hear more
Email: marta.nowak@stadi.test

Choice: SEND

Submitted: 8.11.2026 17:33
--
This message was sent automatically. Please do not reply to this address.
"""),

M("en", "interest_join", {},
  frm=("Tom Becker", "tom.becker@prakticum.test"), subj="Interest in the network", date="2026-11-12 11:40:55",
  client="gmail",
  body="""Hello,

I'm a new teacher at Prakticum and my colleague told me about your network. Could you add me to your mailing list so I get information about future events?

Thanks a lot,
Tom Becker
"""),

# --- interest_leave
M("en", "interest_leave", {"acts_for": "john.smith@optima.test"},
  frm="noreply@example.org", reply_to="john.smith@optima.test",
  subj="New form submission", date="2026-11-19 08:05:12", client="form",
  body="""New form submission

Form: Leave your contact details and you will hear more
Language: English
Email address: john.smith@optima.test
Button: NO THANKS
"""),

M("en", "interest_leave", {},
  frm=("Becker Tom", "tom.becker@prakticum.test"), subj="Unsubscribe", date="2026-12-03 12:48:09",
  client="gmail",
  body="""Hi,

please unsubscribe me from the network mailing list. Turns out apprenticeships aren't really part of my job after all. Sorry for the trouble!

Tom
"""),

# --- rsvp_yes
M("en", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Laine Liisa", "liisa.laine@keuda.test"), subj="Accepted: Network day", date="2026-11-02 14:31:06",
  client="ics_outlook", body="Looking forward to it!\n",
  ics=ics_reply("2026-12-09", "ACCEPTED", "Laine Liisa", "liisa.laine@keuda.test", comment="Looking forward to it!", stamp="20261102T123106Z")),

M("en", "rsvp_yes", {"day": "2026-12-09"},
  frm=("Kumar Rajesh", "rajesh.kumar@omnia.test"), subj="RE: Network day 9 December 2026", date="2026-11-05 09:02:47",
  quote=dict(Q1, to="Kumar Rajesh"),
  body="""Dear Facilitator,

Thank you for the invitation. I am pleased to confirm that I will attend the network day on 9 December at Kuntatalo.

Kind regards,
Rajesh Kumar
"""),

M("en", "rsvp_yes", {"day": "2027-02-10"},
  frm=("Emily Carter", "emily.carter@keuda.test"),
  subj="Accepted: Follow-up day @ Wed 10 Feb 2027 10am - 4pm (EET) (verkosto@example.org)", date="2026-11-16 13:15:00",
  client="ics_google",
  body="""Emily Carter has accepted this invitation.

Follow-up day
When: Wed 10 Feb 2027 10am - 4pm Eastern European Time - Helsinki
Where: Kuntatalo, Helsinki
Invitation from Google Calendar
""", ics=ics_reply("2027-02-10", "ACCEPTED", "Emily Carter", "emily.carter@keuda.test", google=True, stamp="20261116T111500Z")),

# --- rsvp_no
M("en", "rsvp_no", {"day": "2026-12-09"},
  frm=("Ferreira Ana", "ana.ferreira@gradia.test"), subj="Re: Network day 9 December 2026", date="2026-11-22 07:26:51",
  client="iphone", quote=Q1g,
  body="""Sorry, can't make it on the 9th, I have students' skills demonstrations that day.

Ana

Sent from my iPhone"""),

M("en", "rsvp_no", {"day": "2027-02-10"},
  frm=("Laine Liisa", "liisa.laine@keuda.test"), subj="Declined: Follow-up day", date="2026-11-16 15:44:18",
  client="ics_outlook", body="",
  ics=ics_reply("2027-02-10", "DECLINED", "Laine Liisa", "liisa.laine@keuda.test", stamp="20261116T134418Z")),

M("en", "rsvp_no", {"day": "2027-02-10"},
  frm=("Okafor Daniel", "daniel.okafor@logistix.test"), subj="RE: Follow-up day 10 February 2027", date="2026-11-26 16:03:33",
  quote=dict(Q2, to="Okafor Daniel"),
  body="""Hello,

Thank you for including me. Unfortunately I won't be able to join the follow-up day in February due to our annual planning week.

Best regards,
Daniel Okafor
HR Manager | Logistix Finland Oy
"""),

# --- cancel
M("en", "cancel", {},
  frm=("Nowak Marta", "marta.nowak@stadi.test"), subj="Cancelling my registration", date="2026-11-25 10:41:19",
  client="owa",
  body="""Hello,

I'm afraid I have to cancel my registration to the network altogether. My contract at Stadi ends in December.

Thank you for everything,
Marta Nowak
"""),

M("en", "cancel", {"day": "2026-12-09", "also": ["interest_leave"]},
  frm=("Järvinen Tuomo", "tuomo.jarvinen@keuda.test"), subj="RE: Network day 9 December 2026", date="2026-12-04 08:55:02",
  quote=dict(Q1, to="Järvinen Tuomo"),
  body="""Hi,

Liisa registered me for the 9th but I need to cancel, something came up. Also, please take me off the mailing list - Liisa keeps me updated anyway.

Regards,
Tuomo Järvinen
"""),

# --- substitute
M("en", "substitute", {"day": "2026-12-09", "people": [P("Mika Honkanen", "mika.honkanen@keuda.test", "staff", "Keuda")]},
  frm=("Carter Emily", "emily.carter@keuda.test"), subj="Substitute for 9 December", date="2026-12-02 11:22:13",
  body="""Hi,

I'm unable to attend on 9 December after all. My colleague Mika Honkanen (mika.honkanen@keuda.test), who is a coordinator in our apprenticeship team, will come in my place.

Thanks,
Emily Carter
Keuda
"""),

M("en", "substitute", {"day": "2027-02-10", "people": [P("Sofia Virtanen", organisation="Omnia")]},
  frm=("Kumar Rajesh", "rajesh.kumar@omnia.test"), subj="RE: Follow-up day 10 February 2027", date="2026-11-30 14:16:40",
  client="android", quote=dict(Q2, to="Kumar Rajesh"),
  body="""Hi, I will be abroad in February, Sofia Virtanen from our team will attend the follow-up day instead of me. She'll contact you about her diet.

Rajesh

Get Outlook for Android"""),

# --- commit
M("en", "commit", {},
  frm=("Laine Liisa", "liisa.laine@keuda.test"), subj="Follow-up work", date="2026-11-27 13:30:48",
  body="""Hello,

I'm happy to confirm that Keuda commits to the follow-up work of the network, including our share of the follow-up day costs.

Best regards,
Liisa Laine
Team Leader, Apprenticeship Services
Keuda
"""),

M("en", "commit", {"also": ["signup"], "people": [P("Olga Petrova", "olga.petrova@gradia.test", "staff", "Gradia")]},
  frm=("Mikko Salo", "mikko.salo@gradia.test"), subj="Gradia joins the follow-up work", date="2026-12-04 15:02:39",
  client="gmail",
  body="""Hello,

Writing in English so that our new colleague can follow (she's in cc). Gradia has decided to commit to the follow-up work and share the costs of the follow-up day.

Please also add Olga Petrova, our apprenticeship specialist, to the network: olga.petrova@gradia.test. No special diet.

Best regards,
Mikko Salo
Director of Education, Gradia
""", cc=("Olga Petrova", "olga.petrova@gradia.test")),

# --- correction
M("en", "correction", {"people": [P("Rajesh Kumar", "rajesh.kumar@omnia.test", "management", "Omnia")]},
  frm=("Kumar Rajesh", "rajesh.kumar@omnia.test"), subj="Update to my details", date="2026-11-24 09:37:15",
  html_only=True, charset="windows-1252",
  body="""Dear Facilitator,

Please note that my title has changed: as of 1 December I am Head of International Services at Omnia. Could you please update your records accordingly?

Kind regards,
Rajesh Kumar
"""),

M("en", "correction", {"people": [P("Daniel Okafor", "daniel.okafor@logistix.test")]},
  frm=("Okafor Daniel", "daniel.okafor@logistix.test"), subj="Name spelling", date="2026-11-21 10:00:31",
  body="""Hello,

A small thing: in the confirmation my surname was written "Okafur". The correct spelling is Okafor. Thanks for fixing it!

Daniel
"""),

# --- export_request
M("en", "export_request", {},
  frm=("Emily Carter", "emily.carter@keuda.test"), subj="Subject access request", date="2026-11-18 14:49:27",
  client="thunderbird",
  body="""Hello,

Under Article 15 of the GDPR, I would like to request a copy of all personal data you hold about me, in a commonly used electronic format.

Best regards,
Emily Carter
"""),

# --- forget_request
M("en", "forget_request", {},
  frm=("Smith John", "john.smith@optima.test"), subj="Request for erasure", date="2026-11-28 11:12:58",
  body="""Hello,

Please erase me completely from your records, including my name, e-mail address and any registration history. I do not wish to be contacted again.

Regards,
John Smith
"""),

M("en", "forget_request", {},
  frm=("Marta Nowak", "marta.nowak@stadi.test"), subj="Re: Cancelling my registration", date="2026-12-05 09:58:04",
  client="gmail",
  quote=dict(style="gmail", lang="en", when="Wed, 25 Nov 2026 at 10:41", who="Marta Nowak <marta.nowak@stadi.test>", subj="",
             text="Hello,\n\nI'm afraid I have to cancel my registration to the network altogether."),
  body="""Hi again,

One more thing - since I'm leaving Stadi, could you delete all my personal data from the network's register? Thank you.

Marta
"""),

# --- attention
M("en", "attention", {},
  frm=("Tuomo Järvinen", "tuomo.jarvinen@keuda.test"), subj="Costs of the follow-up day", date="2026-11-18 10:25:44",
  body="""Hello,

Before we can decide on the follow-up work, could you give an estimate of the follow-up day price per organisation? Our budget for spring is being finalised next week.

Regards,
Tuomo Järvinen
Head of Apprenticeship Services, Keuda
"""),

M("en", "attention", {},
  frm=("Ferreira Ana", "ana.ferreira@gradia.test"), subj="Re: Follow-up day 10 February 2027", date="2026-11-17 21:11:36",
  client="iphone", quote=Q2g,
  body="""Hopefully I can come, depends on my teaching schedule for spring which we get in January. I'll let you know!

Sent from my iPhone"""),

M("en", "attention", {},
  frm=("Okafor Daniel", "daniel.okafor@logistix.test"), subj="Tentative: Network day", date="2026-11-21 10:04:12",
  client="ics_outlook", body="I will try to rearrange another meeting.\n",
  ics=ics_reply("2026-12-09", "TENTATIVE", "Okafor Daniel", "daniel.okafor@logistix.test", comment="I will try to rearrange another meeting.", stamp="20261121T080412Z")),

M("en", "attention", {},
  frm=("Carter Emily", "emily.carter@keuda.test"), subj="RE: Follow-up day 10 February 2027", date="2026-11-19 12:33:08",
  quote=dict(Q2, to="Carter Emily"),
  body="""Hi,

I can't come on 10 February myself, but someone else from our team will. I'll tell you the name later once we've sorted out the schedules.

Emily
"""),

M("en", "attention", {},
  frm=("Laine Liisa", "liisa.laine@keuda.test"), subj="Thank you + materials", date="2026-11-10 16:50:21",
  body="""Hello,

Many thanks for the pre-reading materials, they were really useful for our team meeting. Will the slides from the network day also be shared afterwards? Some colleagues who can't attend would like to see them.

Best,
Liisa
"""),
]

# --- robots
_ct, _c = dsn("""Delivery has failed to these recipients or groups:

sarah.jones@gradia.test
The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.

Diagnostic information for administrators:

Generating server: DB8PR02MB5555.eurprd02.prod.outlook.com
sarah.jones@gradia.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
""", "DB8PR02MB5555.eurprd02.prod.outlook.com",
    [("sarah.jones@gradia.test", "failed", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")],
    "sarah.jones@gradia.test", "Network day 9 December 2026", "2026-11-02 14:05:00", full_original=False,
    html="<html><body><p><b>Your message to sarah.jones@gradia.test couldn't be delivered.</b></p></body></html>")
MAILS.append(M("en", "bounce", {"bounced": ["sarah.jones@gradia.test"]},
  frm=("Microsoft Outlook", "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@gradia.test"), to="verkosto@example.org",
  subj="Undeliverable: Network day 9 December 2026", date="2026-11-02 14:05:12",
  client="raw", raw=_c, ctype_hdrs=_ct + [("Content-Language", "en-US"), ("X-MS-Exchange-Message-Is-Ndr", "")]))

MAILS.append(M("en", "bounce", {"bounced": ["paul.miller@techparts.test"]},
  frm=("MAILER-DAEMON", "MAILER-DAEMON@mail.techparts.test"), to="verkosto@example.org",
  subj="failure notice", date="2026-11-16 10:13:27",
  client="raw", ctype_hdrs=[("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=us-ascii")],
  raw="""Hi. This is the qmail-send program at mail.techparts.test.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<paul.miller@techparts.test>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <verkosto@example.org>
From: verkosto@example.org
To: paul.miller@techparts.test
Subject: Follow-up day 10 February 2027
Date: Mon, 16 Nov 2026 10:12:00 +0200

Dear network member,

The follow-up day will be held on Wednesday 10 February 2027.
"""))

MAILS.append(M("en", "bounce", {"bounced": ["liam.oconnor@stadi.test", "noora.salmi@stadi.test"]},
  frm=("Mail Delivery System", "Mailer-Daemon@mx1.stadi.test"), to="verkosto@example.org",
  subj="Mail delivery failed: returning message to sender", date="2026-11-09 12:01:55",
  client="raw", ctype_hdrs=[("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit"), ("Auto-Submitted", "auto-replied"), ("X-Failed-Recipients", "liam.oconnor@stadi.test, noora.salmi@stadi.test")],
  raw="""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  liam.oconnor@stadi.test
    host mx1.stadi.test [192.0.2.25]
    SMTP error from remote mail server after RCPT TO:<liam.oconnor@stadi.test>:
    550 5.1.1 No such user here
  noora.salmi@stadi.test
    host mx1.stadi.test [192.0.2.25]
    SMTP error from remote mail server after RCPT TO:<noora.salmi@stadi.test>:
    550 5.1.1 No such user here

------ This is a copy of the message, including all the headers. ------

From: =?utf-8?q?Kehitt=C3=A4misverkosto?= <verkosto@example.org>
To: liam.oconnor@stadi.test, noora.salmi@stadi.test
Subject: Network day 9 December 2026
Date: Mon, 9 Nov 2026 12:01:50 +0200

Dear network member,

The next network day takes place on Wednesday 9 December 2026.
"""))

MAILS.append(M("en", "autoreply", {},
  frm=("Smith John", "john.smith@optima.test"), subj="Automatic reply: Network day 9 December 2026", date="2026-11-02 14:05:29",
  headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
  body="""Thank you for your email. I am out of the office until 9 November with limited access to email. For urgent matters, please contact our student services.

Best regards,
John Smith
"""))

_ct, _c = mdn("""This is a receipt for the mail you sent to
<tom.becker@prakticum.test> at 16.11.2026 10:12

This receipt verifies that the message has been displayed on the recipient's computer at 16.11.2026 10:40
""", "tom.becker@prakticum.test", "Follow-up day 10 February 2027", "2026-11-16 10:12:00", ua="Mozilla Thunderbird; MDN")
MAILS.append(M("en", "autoreply", {},
  frm=("Tom Becker", "tom.becker@prakticum.test"), subj="Return Receipt (displayed) - Follow-up day 10 February 2027", date="2026-11-16 10:40:03",
  client="raw", raw=_c, ctype_hdrs=_ct))
