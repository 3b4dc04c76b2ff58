from common import *
from lib import ics, dsn_raw, mdn_raw, orig_headers

NET = ('Kehittämisverkosto', 'verkosto@example.org')
M = []
def add(**k):
    k['lang'] = 'en'
    M.append(k)

# ---------- signup ----------
add(label='signup', date='2026-11-02 10:11', client='outlook', frm=('Ahmed Hassan', 'ahmed.hassan@stadi.test'),
    subject='Registration for the development network',
    body="""Dear facilitator,

I would like to register for the development network "Customer orientation in vocational institutions". I work as an international coordinator at Stadin ammatti- ja aikuisopisto (Stadi) and coordinate our apprenticeship cooperation with employers in the Helsinki area.

My details:
Name: Ahmed Hassan
Title: International Coordinator
Organisation: Stadi
Address: Hattulantie 2, 00550 Helsinki
Dietary requirements: halal

With kind regards,
Ahmed Hassan""",
    exp=dict(people=[dict(name='Ahmed Hassan', address='ahmed.hassan@stadi.test', role='staff', organisation='Stadi')]))

add(label='signup', date='2026-11-05 08:20', client='gmail', frm=('Liisa Laine', 'liisa.laine@keuda.test'),
    subject='Two more participants from Keuda',
    body="""Hi,

Please add two of my colleagues to the network:

Olga Petrova, apprenticeship advisor, olga.petrova@keuda.test (vegan)
Markus Järvinen, head of vocational adult education, markus.jarvinen@keuda.test (no restrictions)

They'll both join the December day.

Thanks!
Liisa

Liisa Laine
Team Leader, Apprenticeship Services
Keuda | +358 40 555 0190""",
    exp=dict(people=[dict(name='Olga Petrova', address='olga.petrova@keuda.test', role='staff', organisation='Keuda'),
                     dict(name='Markus Järvinen', address='markus.jarvinen@keuda.test', role='management', organisation='Keuda')]))

add(label='signup', date='2026-11-04 20:02', client='iphone', frm=('Daniel Okafor', 'daniel.okafor@gradia.test'),
    subject='sign up',
    body="""Hi, I'd like to sign up for the network. Daniel Okafor, teacher (ICT) at Gradia, Jyvaskyla. No special diet.

Sent from my iPhone""",
    exp=dict(people=[dict(name='Daniel Okafor', address='daniel.okafor@gradia.test', role='staff', organisation='Gradia')]))

add(label='signup', date='2026-11-10 14:00', client='outlook', frm=('Maija Mallikas', 'maija.mallikas@omnia.test'),
    cc=[('Claire Dubois', 'claire.dubois@nordicfacility.test')],
    subject='Guest registration – Nordic Facility Services',
    body="""Hello,

Omnia would like to bring a customer representative as a guest to the network: Ms Claire Dubois, HR Manager at Nordic Facility Services (claire.dubois@nordicfacility.test). She recruits several apprentices through us every year and speaks English only.

Diet: pescatarian.

Best regards,
Maija Mallikas
Vice Principal, Omnia""",
    exp=dict(people=[dict(name='Claire Dubois', address='claire.dubois@nordicfacility.test', role='guest')]))

# ---------- interest_join ----------
add(label='interest_join', date='2026-11-21 16:02', client='plain', frm=('Network website', 'lomake@example.org'),
    reply_to=('', 'lucas.moreau@omnia.test'),
    subject='Form: Leave your contact details and you will hear more',
    body="""New form submission from the page "Customer orientation in vocational institutions"

Email: lucas.moreau@omnia.test
Choice: SEND

Submitted: 21.11.2026 16:02
--
This message was sent automatically by the web form.""",
    exp=dict(acts_for='lucas.moreau@omnia.test'))

add(label='interest_join', date='2026-11-03 12:00', client='thunderbird', frm=('Thomas Becker', 'thomas.becker@axxell.test'),
    subject='Information about the network',
    body="""Hello,

I am a German colleague working at Axxell since August. Could you please send me more information about the network and keep me informed about future meetings?

Best regards
Thomas Becker""")

# ---------- interest_leave ----------
add(label='interest_leave', client='outlook', frm=('Priya Nair', 'priya.nair@stadi.test'),
    subject='RE: Network newsletter',
    body="""Hello,

Please unsubscribe me from this mailing list. Thank you.

Priya Nair""")

add(label='interest_leave', date='2026-12-02 08:45', client='plain', frm=('Network website', 'lomake@example.org'),
    reply_to=('', 'james.miller@gradia.test'),
    subject='Form: Leave your contact details and you will hear more',
    body="""New form submission from the page "Customer orientation in vocational institutions"

Email: james.miller@gradia.test
Choice: NO THANKS

Submitted: 02.12.2026 08:45
--
This message was sent automatically by the web form.""",
    exp=dict(acts_for='james.miller@gradia.test'))

# ---------- rsvp_yes ----------
add(label='rsvp_yes', date='2026-11-16 14:10', client='gmail', reply=1, frm=('Liisa Laine', 'liisa.laine@keuda.test'),
    subject='Re: Invitation to the network day 9 December 2026',
    body="""Hi,

Yes, I'll be there on the 9th. Looking forward to it!

Liisa

On Mon, 16 Nov 2026 at 10:00, Kehittämisverkosto <verkosto@example.org> wrote:

""" + q(INV_EN),
    exp=dict(day='2026-12-09'))

add(label='rsvp_yes', date='2026-11-17 12:00', client='calendar', reply=2, frm=('Ahmed Hassan', 'ahmed.hassan@stadi.test'),
    subject='Accepted: Follow-up day',
    body="""See you there.""",
    ics=ics('2027-02-10', 'ahmed.hassan@stadi.test', 'ACCEPTED', name='Ahmed Hassan', comment='See you there.'),
    exp=dict(day='2027-02-10'))

add(label='rsvp_yes', date='2026-11-17 09:45', client='outlook', reply=1, frm=('Olga Petrova', 'olga.petrova@keuda.test'),
    subject='RE: Invitation to the network day 9 December 2026',
    body="""Dear organiser,

Thank you for the invitation. I confirm my participation in the network day on 9 December. As mentioned, I follow a vegan diet.

Kind regards,
Olga Petrova
Apprenticeship Advisor, Keuda

From: Kehittämisverkosto <verkosto@example.org>
Sent: Monday, November 16, 2026 10:00 AM
To: Olga Petrova <olga.petrova@keuda.test>
Subject: Invitation to the network day 9 December 2026

""" + INV_EN,
    exp=dict(day='2026-12-09'))

# ---------- rsvp_no ----------
add(label='rsvp_no', client='iphone', reply=1, frm=('Daniel Okafor', 'daniel.okafor@gradia.test'),
    subject='Re: Invitation to the network day 9 December 2026',
    body="""Unfortunately I can't make it in December, teaching all day. Sorry!

Sent from my iPhone""",
    exp=dict(day='2026-12-09'))

add(label='rsvp_no', date='2026-11-18 08:05', client='calendar', reply=1, frm=('Claire Dubois', 'claire.dubois@nordicfacility.test'),
    subject='Declined: Network day',
    body="""I'm afraid I have a board meeting that day.""",
    ics=ics('2026-12-09', 'claire.dubois@nordicfacility.test', 'DECLINED', name='Claire Dubois'),
    exp=dict(day='2026-12-09'))

add(label='rsvp_no', client='owa', reply=2, frm=('Markus Järvinen', 'markus.jarvinen@keuda.test'),
    subject='RE: Follow-up day 10 February 2027',
    body="""Hi,

I won't be able to attend the follow-up day on 10 February – we have our annual strategy seminar that week. Liisa will keep me posted.

Best,
Markus""",
    exp=dict(day='2027-02-10'))

# ---------- cancel ----------
add(label='cancel', date='2026-12-01 10:20', client='outlook', frm=('Thomas Becker', 'thomas.becker@axxell.test'),
    subject='Cancellation of my registration',
    body="""Dear facilitator,

I regret to inform you that I must cancel my registration for the network altogether, as my contract at Axxell ends in December.

Best regards
Thomas Becker""")

add(label='cancel', date='2026-11-30 12:44', client='gmail', frm=('Elena Rossi', 'elena.rossi@omnia.test'),
    subject='Cancelling December – but signing up for February',
    body="""Hi,

I need to cancel my place at the network day on 9 December (clash with our open house). However, please sign me up for the follow-up day on 10 February instead.

Thanks a lot,
Elena Rossi
Omnia""",
    exp=dict(day='2026-12-09', also=['rsvp_yes']))

# ---------- substitute ----------
add(label='substitute', date='2026-12-02 17:45', client='outlook', reply=1, frm=('Liisa Laine', 'liisa.laine@keuda.test'),
    subject='RE: Invitation to the network day 9 December 2026',
    body="""Hi,

Something came up and I can't attend on 9 December after all. My colleague Ville Kettunen (ville.kettunen@keuda.test), apprenticeship coordinator, will come in my place.

Regards,
Liisa""",
    exp=dict(day='2026-12-09', people=[dict(name='Ville Kettunen', address='ville.kettunen@keuda.test', role='staff', organisation='Keuda')]))

add(label='substitute', date='2026-11-30 07:35', client='android', reply=2, frm=('Ahmed Hassan', 'ahmed.hassan@stadi.test'),
    subject='RE: Follow-up day 10 February 2027',
    body="""Change of plans: Noora Salonen from Stadi will attend on 10 Feb instead of me. Her email is noora.salonen@stadi.test

Get Outlook for Android""",
    exp=dict(day='2027-02-10', people=[dict(name='Noora Salonen', address='noora.salonen@stadi.test', organisation='Stadi')]))

# ---------- commit ----------
add(label='commit', client='outlook', frm=('Markus Järvinen', 'markus.jarvinen@keuda.test'),
    subject='Keuda – commitment to the follow-up work',
    body="""Dear facilitator,

I am pleased to confirm that Keuda commits to the network's follow-up work and will share the costs of the follow-up day together with the other committed organisations.

Please send the invoice to our e-invoicing address, which our finance office will provide separately.

Yours sincerely,
Markus Järvinen
Head of Vocational Adult Education, Keuda""")

add(label='commit', client='gmail', frm=('Mark Thompson', 'mark.thompson@gradia.test'),
    subject='Gradia is in',
    body="""Hi,

Quick note: Gradia's management team agreed yesterday that we're committed to the follow-up work. Count us in for the cost sharing.

Cheers,
Mark Thompson
Director of Education, Gradia""")

# ---------- correction ----------
add(label='correction', date='2026-11-19 13:05', client='outlook', frm=('Olga Petrova', 'olga.petrova@keuda.test'),
    subject='Correction to my details',
    body="""Hello,

My surname is spelled "Petrowa" on the participant list – it should be Petrova, with a v. Also, my title is now Apprenticeship Team Leader.

Kind regards,
Olga Petrova""",
    exp=dict(people=[dict(name='Olga Petrova', address='olga.petrova@keuda.test', role='supervisor', organisation='Keuda')]))

add(label='correction', date='2026-11-06 07:58', client='thunderbird', frm=('Daniel Okafor', 'daniel.okafor@gradia.test'),
    subject='Wrong organisation in my record',
    body="""Hello,

I noticed in the confirmation that I'm listed under Omnia, but I work at Gradia. Could you please correct this?

Thanks,
Daniel Okafor""",
    exp=dict(people=[dict(name='Daniel Okafor', address='daniel.okafor@gradia.test', organisation='Gradia')]))

# ---------- export_request ----------
add(label='export_request', cte='base64', client='outlook', frm=('Priya Nair', 'priya.nair@stadi.test'),
    subject='Subject access request',
    body="""Dear data controller,

Under Article 15 of the GDPR, I would like to receive a copy of all personal data you hold about me, in a commonly used electronic format.

Kind regards,
Priya Nair""")

# ---------- forget_request ----------
add(label='forget_request', date='2026-12-02 09:10', client='gmail', frm=('James Miller', 'james.miller@gradia.test'),
    subject='Please erase my data',
    body="""Hi,

Not just unsubscribing – please erase me completely from your register, including any attendance records.

Thanks,
James""")

add(label='forget_request', date='2026-12-04 09:30', client='outlook', frm=('Claire Dubois', 'claire.dubois@nordicfacility.test'),
    subject='Request for deletion of personal data',
    body="""Dear Sir or Madam,

I am no longer involved in the cooperation with Omnia. I hereby request that all personal data concerning me be deleted from your systems without undue delay, in accordance with Article 17 GDPR.

Please confirm once this has been done.

Regards,
Claire Dubois
HR Manager, Nordic Facility Services""")

# ---------- attention ----------
add(label='attention', client='outlook', frm=('Mark Thompson', 'mark.thompson@gradia.test'),
    subject='Question about the network day',
    body="""Hello,

Is there parking available at Kuntatalo, and will the presentations be recorded for those who cannot travel to Helsinki?

Best,
Mark""")

add(label='attention', date='2026-12-03 20:11', client='iphone', reply=2, frm=('Noora Salonen', 'noora.salonen@stadi.test'),
    subject='Re: Follow-up day 10 February 2027',
    body="""Hopefully I can come, we decide about travel budgets in January.

Sent from my iPhone""")

add(label='attention', date='2026-11-20 09:10', client='calendar', cal_client='google', reply=2, frm=('Elena Rossi', 'elena.rossi@omnia.test'),
    subject='Tentatively accepted invitation: Follow-up day Wed 10 Feb 2027 10:00 – 16:00 (EET)',
    body="""Elena Rossi has tentatively accepted this invitation.

Follow-up day
Wed 10 Feb 2027 10:00 – 16:00 (Eastern European Time - Helsinki)

Invitation from Google Calendar""",
    ics=ics('2027-02-10', 'elena.rossi@omnia.test', 'TENTATIVE', prodid='-//Google Inc//Google Calendar 70.9054//EN', name='Elena Rossi'))

add(label='attention', client='gmail', frm=('Thomas Becker', 'thomas.becker@axxell.test'),
    date='2026-11-26 08:40', subject='Fwd: Network day programme',
    body="""Hi, forwarding Kaj's question below – could one of our employer partners give a short talk at the network day? Who should we contact about the programme?

Thomas

---------- Forwarded message ---------
From: Kaj Östman <kaj.ostman@axxell.test>
Date: Wed, 25 Nov 2026 at 17:20
Subject: Network day programme
To: Thomas Becker <thomas.becker@axxell.test>

Hi Thomas, Backlunds Bil would be happy to tell about their apprentices at the network day. Can you ask the network if there's room in the programme?
Kaj""")

add(label='attention', client='owa', reply=1, frm=('Markus Järvinen', 'markus.jarvinen@keuda.test'),
    subject='RE: Invitation to the network day 9 December 2026',
    body="""Hi,

I can't come on the 9th, but someone from my unit will attend in my place. I'll let you know the name later this week.

Markus""")

# ---------- bounce ----------
add(label='bounce', client='raw', frm=('Mail Delivery Subsystem', 'mailer-daemon@googlemail.test'),
    date='2026-11-16 10:01', subject='Delivery Status Notification (Failure)',
    headers=[('Auto-Submitted', 'auto-replied')],
    raw=dsn_raw('en0', """** Address not found **

Your message wasn't delivered to sarah.evans@nordicfacility.test because the address couldn't be found, or is unable to receive mail.

Learn more at https://support.google.test/mail/?p=NoSuchUser

The response was:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.""",
        'mx.google.test',
        [('sarah.evans@nordicfacility.test', '5.1.1', '550-5.1.1 The email account that you tried to reach does not exist.')],
        orig_headers('sarah.evans@nordicfacility.test', 'Invitation to the network day 9 December 2026'), human_html=True),
    exp=dict(bounced=['sarah.evans@nordicfacility.test']))

add(label='bounce', client='plain', frm=('', 'MAILER-DAEMON@mail.gradia.test'),
    date='2026-11-16 10:01', subject='failure notice',
    body="""Hi. This is the qmail-send program at mail.gradia.test.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<robert.king@gradia.test>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <verkosto@example.org>
From: verkosto@example.org
To: robert.king@gradia.test
Subject: Follow-up day 10 February 2027""",
    cte='7bit',
    exp=dict(bounced=['robert.king@gradia.test']))

add(label='bounce', client='raw', frm=('Mail Delivery Subsystem', 'MAILER-DAEMON@smtp.keuda.test'),
    date='2026-11-16 10:01', subject='Returned mail: see transcript for details',
    headers=[('Auto-Submitted', 'auto-generated (failure)')],
    raw=dsn_raw('en2', """The original message was received at Mon, 16 Nov 2026 10:00:41 +0200
from mail.example.org [192.0.2.10]

   ----- The following addresses had permanent fatal errors -----
<anna.virtanen@keuda.test>
    (reason: 550 5.1.1 User unknown)
<peter.hall@keuda.test>
    (reason: 550 5.1.1 User unknown)

   ----- Transcript of session follows -----
... while talking to mx1.keuda.test.:
>>> RCPT To:<anna.virtanen@keuda.test>
<<< 550 5.1.1 <anna.virtanen@keuda.test>... User unknown
550 5.1.1 <anna.virtanen@keuda.test>... User unknown
>>> RCPT To:<peter.hall@keuda.test>
<<< 550 5.1.1 <peter.hall@keuda.test>... User unknown
550 5.1.1 <peter.hall@keuda.test>... User unknown""",
        'smtp.keuda.test',
        [('anna.virtanen@keuda.test', '5.1.1', '550 5.1.1 User unknown'),
         ('peter.hall@keuda.test', '5.1.1', '550 5.1.1 User unknown')],
        orig_headers('anna.virtanen@keuda.test, peter.hall@keuda.test', 'Invitation to the network day 9 December 2026')),
    exp=dict(bounced=['anna.virtanen@keuda.test', 'peter.hall@keuda.test']))

# ---------- autoreply ----------
add(label='autoreply', date='2026-12-03 09:00', client='plain', frm=('Priya Nair', 'priya.nair@stadi.test'),
    subject='Out of Office: Invitation to the network day 9 December 2026',
    body="""Thank you for your email. I am out of the office until 7 December with limited access to email. For urgent matters, please contact Matti Meikäläinen (matti.meikalainen@stadi.test).

Best regards,
Priya Nair""")

add(label='autoreply', date='2026-11-16 11:03', client='raw', frm=('Mark Thompson', 'mark.thompson@gradia.test'),
    subject='Read: Follow-up day 10 February 2027',
    raw=mdn_raw('en3', """Your message

    To: Mark Thompson
    Subject: Follow-up day 10 February 2027
    Sent: Monday, November 16, 2026 10:00:00 AM (UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius

was read on Monday, November 16, 2026 11:03:15 AM (UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius.""",
        'mark.thompson@gradia.test', '<kutsu2-20261116@example.org>'))
