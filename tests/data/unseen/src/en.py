"""English-language mails written by people (mostly non-native writers)."""
from common import M, CAL, P
from origs import *

LIISA = ('Liisa Laine', 'liisa.laine@keuda.test')
TOMASZ = ('Tomasz Nowak', 'tomasz.nowak@keuda.test')
AINO = ('Aino Lehto', 'aino.lehto@keuda.test')
DANIEL = ('Daniel Okafor', 'daniel.okafor@stadi.test')
PRIYA = ('Priya Raman', 'priya.raman@omnia.test')
LUCAS = ('Lucas Schmidt', 'lucas.schmidt@omnia.test')
EMILY = ('Emily Clarke', 'emily.clarke@stadi.test')
HELENA = ('Helena Mäkelä', 'helena.makela@stadi.test')
ELENA = ('Elena Petrova', 'elena.petrova@axxell.test')
JONAS = ('Jonas Berg', 'jonas.berg@axxell.test')
SAM = ('Sam Virtanen', 'sam.virtanen@omnia.test')
RAVI = ('Ravi Kumar', 'ravi.kumar@optima.test')
AHMED = ('Ahmed Hassan', 'ahmed.hassan@nordiclogistics.test')
MICHAEL = ('Michael Brown', 'michael.brown@example.com')
PETER = ('Peter Novak', 'peter.novak@stadi.test')
OLIVER = ('Oliver Grant', 'oliver.grant@optima.test')

# ------------------------------------------------------------------ signup

M('en', 'signup', LIISA, 'RE: Invitation: Network day (Verkostopäivä) 9 December 2026', '2026-11-11 13:40',
  client='outlook', quote=INV_EN, body='''
Hello,

Thank you for the invitation. I am already registered myself, but I would like to sign up two colleagues from Keuda as well:

1) Tomasz Nowak, teacher (vehicle technology), tomasz.nowak@keuda.test
2) Aino Lehto, specialist, customer services, aino.lehto@keuda.test - she is vegetarian

Both of them have marked the day in their calendars.

Best regards,
Liisa

Liisa Laine
Esihenkilö / Supervisor, apprenticeship training
Keuda
+358 40 771 2093
''', x=dict(people=[P('Tomasz Nowak', 'tomasz.nowak@keuda.test', 'staff', 'Keuda'),
                    P('Aino Lehto', 'aino.lehto@keuda.test', 'staff', 'Keuda')]))

M('en', 'signup', DANIEL, 'Registration for the network day', '2026-11-12 09:20', client='gmail', body='''
Hi,

I'd like to register for the network day on 9 December. I work as an international coordinator at Stadi and customer orientation is a big topic in our international student services right now.

Daniel Okafor
International Coordinator
Stadi – Helsinki Vocational College
daniel.okafor@stadi.test
No special diet.
''', x=dict(people=[P('Daniel Okafor', 'daniel.okafor@stadi.test', 'staff', 'Stadi')]))

M('en', 'signup', PRIYA, 'Omnia participants', '2026-11-13 10:02', client='outlook', body='''
Dear network team,

Omnia would like to register the following participants for the network (in addition to Maija Mallikas, who has already signed up):

- Priya Raman, Head of International Services (myself), priya.raman@omnia.test
- Lucas Schmidt, teacher, lucas.schmidt@omnia.test - vegan

Kind regards,
Priya Raman
Head of International Services
Omnia
''', x=dict(people=[P('Priya Raman', 'priya.raman@omnia.test', 'management', 'Omnia'),
                    P('Lucas Schmidt', 'lucas.schmidt@omnia.test', 'staff', 'Omnia')]))

M('en', 'signup', EMILY, 'Registration: Vice Principal Helena Mäkelä', '2026-11-16 08:31', client='outlook',
  cc=[HELENA], body='''
Good morning,

On behalf of Vice Principal Helena Mäkelä I would like to register her for the network day on 9 December 2026 at Kuntatalo.

Name: Helena Mäkelä
Title: Vice Principal, Stadi
Email: helena.makela@stadi.test
Dietary requirements: none

Please send the calendar invitation directly to Helena and copy me.

Many thanks,
Emily Clarke
Executive Assistant to the Principal
Stadi
''', x=dict(acts_for='helena.makela@stadi.test',
            people=[P('Helena Mäkelä', 'helena.makela@stadi.test', 'management', 'Stadi')]))

M('en', 'signup', PRIYA, 'RE: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-25 14:15', client='outlook', quote=JATKO_EN, body='''
Hi,

For the follow-up day on 10 February we would like to bring one of our workplace partners as a guest:

Ahmed Hassan, Training Manager, Nordic Logistics Ltd
ahmed.hassan@nordiclogistics.test

Ahmed has supervised many of our apprentices and can give the employer's view on customer orientation.

Best,
Priya
''', x=dict(people=[P('Ahmed Hassan', 'ahmed.hassan@nordiclogistics.test', 'guest', 'Nordic Logistics Ltd')]))

M('en', 'signup', ELENA, 'registration 9.12', '2026-11-17 15:48', client='webmail', body='''
Hello!

I want to register to the network day 9.12. Also my colleague come with me. Here is our informations:

Name            | Title                          | Email                        | Diet
Elena Petrova   | teacher                        | elena.petrova@axxell.test    | halal
Jonas Berg      | team leader (apprenticeships)  | jonas.berg@axxell.test       | -

Thank you and have a nice day,
Elena Petrova
Axxell
''', x=dict(people=[P('Elena Petrova', 'elena.petrova@axxell.test', 'staff', 'Axxell'),
                    P('Jonas Berg', 'jonas.berg@axxell.test', 'supervisor', 'Axxell')]))

M('en', 'signup', SAM, 'Network registration', '2026-11-19 07:41', client='android', body='''
Hi, please register me for the network. Sam Virtanen, specialist, Omnia (sam.virtanen@omnia.test). No allergies.

Sent from Outlook for Android
''', x=dict(people=[P('Sam Virtanen', 'sam.virtanen@omnia.test', 'staff', 'Omnia')]))

# ------------------------------------------------------------------ interest_join

M('en', 'interest_join', ('Kehittämisverkosto website', 'noreply@example.org'),
  'New form submission: Stay informed (EN)', '2026-11-04 16:37', client='form',
  reply_to='michael.brown@example.com', body='''
New form submission received.

Form: Stay informed (English)
Email: michael.brown@example.com
Choice: SEND
Submitted: 04/11/2026 16:37
Page: https://www.example.org/verkosto/en

--
This is an automatic message from the website form.
''', x=dict(acts_for='michael.brown@example.com'))

M('en', 'interest_join', ('Sara Rossi', 'sara.rossi@gradia.test'), 'Mailing list', '2026-11-06 11:14', client='gmail',
  body='''
Hello,

Could you add me to your mailing list? I'm an international coordinator at Gradia and I'd like to follow the network's work, even though I'm not sure yet if we can join the days.

Best wishes,
Sara Rossi
''')

M('en', 'interest_join', ('Mark Evans', 'mark.evans@keuda.test'), 'Keep me posted', '2026-11-18 12:55',
  client='outlook', body='''
Hi there,

I heard about the network from Liisa Laine. Please keep me posted about future events - I'm not ready to commit to anything yet, but I'd like to receive the news.

Cheers,
Mark Evans
Keuda
''')

M('en', 'interest_join', ('Kehittämisverkosto – verkkosivut', 'lomake@example.org'),
  'Form: Stay informed', '2026-11-08 19:02', client='form', reply_to='wei.zhang@omnia.test',
  xmailer='WordPress/6.6.2', body='''
Stay informed

Email: wei.zhang@omnia.test
Answer: SEND
Time: 08.11.2026 19:02:26
''', html='''<html><body style="font-family:Arial,sans-serif;font-size:14px">
<h2 style="color:#1b4f72">Stay informed</h2>
<table cellpadding="6" style="border-collapse:collapse">
<tr><td style="background:#eef"><strong>Email</strong></td><td>wei.zhang@omnia.test</td></tr>
<tr><td style="background:#eef"><strong>Answer</strong></td><td>SEND</td></tr>
<tr><td style="background:#eef"><strong>Time</strong></td><td>08.11.2026 19:02:26</td></tr>
</table>
</body></html>''', x=dict(acts_for='wei.zhang@omnia.test'))

# ------------------------------------------------------------------ interest_leave

M('en', 'interest_leave', ('Kehittämisverkosto website', 'noreply@example.org'),
  'New form submission: Stay informed (EN)', '2026-11-05 10:20', client='form',
  reply_to='peter.novak@stadi.test', body='''
New form submission received.

Form: Stay informed (English)
Email: peter.novak@stadi.test
Choice: NO THANKS
Submitted: 05/11/2026 10:20
Page: https://www.example.org/verkosto/en

--
This is an automatic message from the website form.
''', x=dict(acts_for='peter.novak@stadi.test'))

M('en', 'interest_leave', OLIVER, 'RE: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-24 08:12', client='outlook', quote=JATKO_EN, body='''
Hi,

Please remove me from your mailing list - this topic is not part of my work anymore.

Thanks,
Oliver Grant
''')

M('en', 'interest_leave', MICHAEL, 'Re: New development network: Customer orientation in educational institutions',
  '2026-11-21 23:05', client='iphone', quote=INFO_EN, body='''
Unsubscribe

Sent from my iPhone
''')

# ------------------------------------------------------------------ rsvp_yes

CAL('en', 'rsvp_yes', LIISA, '2026-11-11 13:45', '2026-12-09', 'ACCEPTED', app='outlook', x=dict(day='2026-12-09'))
CAL('en', 'rsvp_yes', DANIEL, '2026-11-13 08:02', '2026-12-09', 'ACCEPTED', app='google', x=dict(day='2026-12-09'))

M('en', 'rsvp_yes', TOMASZ, 'Re: Invitation: Network day (Verkostopäivä) 9 December 2026', '2026-11-12 06:58',
  client='iphone', quote=INV_EN, body='''
Thanks for the invitation, I'll be there!

Tomasz

Sent from my iPhone
''', x=dict(day='2026-12-09'))

M('en', 'rsvp_yes', PRIYA, 'RE: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-23 09:30', client='outlook', quote=JATKO_EN, body='''
Count me in for 10 February as well.

Priya
''', x=dict(day='2027-02-10'))

M('en', 'rsvp_yes', ELENA, 'Re: Reminder: Network day on Wednesday 9 December', '2026-12-01 10:17', client='webmail',
  quote=REM_EN, body='''
Hello,

yes I will come. My diet is halal like I told before.

Elena
''', x=dict(day='2026-12-09'))

CAL('en', 'rsvp_yes', LIISA, '2026-11-24 10:05', '2027-02-10', 'ACCEPTED', app='outlook',
    comment='Looking forward to it!', x=dict(day='2027-02-10'))

# ------------------------------------------------------------------ rsvp_no

M('en', 'rsvp_no', LUCAS, 'RE: Reminder: Network day on Wednesday 9 December', '2026-12-01 13:22', client='outlook_html',
  quote=REM_EN, body='''
Hi,

Unfortunately I can't make it on 9 December - I'm supervising skills demonstrations that day.

Best regards,
Lucas Schmidt
''', x=dict(day='2026-12-09'))

CAL('en', 'rsvp_no', SAM, '2026-11-20 12:10', '2026-12-09', 'DECLINED', app='outlook',
    comment="Sorry, I'm on a training course that week.", x=dict(day='2026-12-09'))

CAL('en', 'rsvp_no', DANIEL, '2026-11-26 17:44', '2027-02-10', 'DECLINED', app='google', x=dict(day='2027-02-10'))

M('en', 'rsvp_no', TOMASZ, 'Re: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-27 21:09', client='iphone', quote=JATKO_EN, body='''
Sorry, I won't be able to attend the follow-up day in February because of teaching.

Tomasz

Sent from my iPhone
''', x=dict(day='2027-02-10'))

M('en', 'rsvp_no', AINO, 'RE: Invitation: Network day (Verkostopäivä) 9 December 2026', '2026-11-16 14:03',
  client='outlook', quote=INV_EN, body='''
Hello,

I'm afraid I have to decline - we have our own staff development day on 9.12. and I'm one of the organisers.

Best,
Aino Lehto
Specialist, customer services
Keuda
''', x=dict(day='2026-12-09'))

# ------------------------------------------------------------------ cancel

M('en', 'cancel', JONAS, 'Cancelling my registration', '2026-12-01 11:38', client='outlook', cte='b64', charset='windows-1252', body='''
Hello,

I'd like to cancel my registration for the network altogether - I'm leaving Axxell at the end of the year, so it doesn't make sense for me to continue.

Thank you for understanding,
Jonas Berg
''')

M('en', 'cancel', ELENA, 'cancel 9 December', '2026-12-03 07:26', client='webmail', body='''
Hello,

please cancel my registration for 9 December, I have to travel to my home country unexpectedly. I am very sorry.

Best regards
Elena Petrova
''', x=dict(day='2026-12-09'))

M('en', 'cancel', EMILY, "Helena Mäkelä - network day 9 December", '2026-12-04 12:12', client='outlook',
  cc=[HELENA], body='''
Hello,

Unfortunately Vice Principal Helena Mäkelä has to cancel her participation in the network day on 9 December, as the city board has moved a meeting to that date.

Kind regards,
Emily Clarke
Executive Assistant to the Principal
Stadi
''', x=dict(day='2026-12-09', acts_for='helena.makela@stadi.test'))

M('en', 'cancel', SAM, 'Change of plans', '2026-11-28 16:20', client='android', body='''
Hi, please cancel me for the 9 December day, but sign me up for the February follow-up day instead. Thanks!

Sam

Sent from Outlook for Android
''', x=dict(day='2026-12-09', also=['signup']))

# ------------------------------------------------------------------ substitute

M('en', 'substitute', LIISA, 'RE: Reminder: Network day on Wednesday 9 December', '2026-12-02 08:55',
  client='outlook', quote=REM_EN, body='''
Hi,

I can't attend on 9 Dec after all. My colleague Noora Lindholm, team leader for apprenticeships, will come instead (noora.lindholm@keuda.test). She has no dietary restrictions.

Best regards,
Liisa
''', x=dict(day='2026-12-09', people=[P('Noora Lindholm', 'noora.lindholm@keuda.test', 'supervisor', 'Keuda')]))

M('en', 'substitute', DANIEL, 'Re: Reminder: Network day on Wednesday 9 December', '2026-12-03 15:03',
  client='gmail_html', quote=REM_EN, body='''
Hi,

Something came up and I can't make it next Wednesday. Juha from our team will replace me: Juha Salmi, teacher, juha.salmi@stadi.test.

Thanks,
Daniel
''', x=dict(day='2026-12-09', people=[P('Juha Salmi', 'juha.salmi@stadi.test', 'staff', 'Stadi')]))

M('en', 'substitute', PRIYA, 'Follow-up day 10 Feb - change of participant', '2026-12-04 10:18', client='outlook',
  body='''
Hello,

I won't be able to make it to the follow-up day on 10 February after all. Katja Mäki (teacher, katja.maki@omnia.test) will attend in my place.

Best regards,
Priya Raman
Head of International Services, Omnia
''', x=dict(day='2027-02-10', people=[P('Katja Mäki', 'katja.maki@omnia.test', 'staff', 'Omnia')]))

M('en', 'substitute', RAVI, 'Re: Reminder: Network day on Wednesday 9 December', '2026-12-04 13:40', client='gmail',
  quote=REM_EN, body='''
Hello,

I have a small surgery on that day so instead of me comes Olga Ivanova, she is coordinator in our school (Optima). Her email is olga.ivanova@optima.test

Regards
Ravi Kumar
''', x=dict(day='2026-12-09', people=[P('Olga Ivanova', 'olga.ivanova@optima.test', 'staff', 'Optima')]))

# ------------------------------------------------------------------ commit

M('en', 'commit', LIISA, 'Keuda - commitment to follow-up work', '2026-12-02 09:48', client='outlook', body='''
Hello,

I'm happy to confirm on behalf of Keuda that we commit to the follow-up work and will share the costs of the follow-up days as agreed. Our director Kaisa Mäkinen has approved this.

Best regards,
Liisa Laine
''')

M('en', 'commit', PRIYA, 'RE: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-27 08:40', client='outlook', quote=JATKO_EN, body='''
Hello,

Omnia's management team approved yesterday that Omnia will continue in the follow-up work and cover its share of the costs.

Kind regards,
Priya Raman
''')

M('en', 'commit', HELENA, 'Stadi and the follow-up work', '2026-12-04 14:25', client='outlook_html', body='''
Dear Kehittämisverkosto,

Stadi confirms its commitment to the network's follow-up work, including our share of the costs of the follow-up days.

Best regards,
Helena Mäkelä
Vice Principal
Stadi
''')

# ------------------------------------------------------------------ correction

M('en', 'correction', DANIEL, 'Re: Confirmation: your registration for the development network', '2026-11-13 08:10',
  client='gmail', quote=conf_en('Daniel Okafur', 'Stadi', 'international coordinator', date='2026-11-12 16:00'),
  body='''
Hi,

My surname is misspelled in the confirmation: it's Okafor, not Okafur.

Thanks!
Daniel
''', x=dict(people=[P('Daniel Okafor', 'daniel.okafor@stadi.test', 'staff', 'Stadi')]))

M('en', 'correction', JONAS, 'Title correction', '2026-11-19 13:10', client='outlook', body='''
Hello,

Could you please change my title? I'm a team leader (apprenticeships), not a teacher as it says in your list.

Regards,
Jonas Berg
Axxell
''', x=dict(people=[P('Jonas Berg', 'jonas.berg@axxell.test', 'supervisor', 'Axxell')]))

M('en', 'correction', LUCAS, 'Diet', '2026-11-15 20:31', client='apple', body='''
Hi,

Priya registered me as vegan, but actually I'm only vegetarian - dairy and eggs are fine. Sorry for the confusion!

Lucas
''')

# ------------------------------------------------------------------ export_request

M('en', 'export_request', OLIVER, 'Subject access request', '2026-11-26 09:05', client='outlook', cte='b64', body='''
Hello,

Under Article 15 of the GDPR I request access to the personal data you hold about me, including the source of the data and the purposes of processing.

Regards,
Oliver Grant
''')

M('en', 'export_request', TOMASZ, 'my data', '2026-11-20 19:40', client='iphone', body='''
Hi, what information do you store about me? Can you send me a copy?

Tomasz

Sent from my iPhone
''')

M('en', 'export_request', ELENA, 'my data', '2026-11-22 11:11', client='webmail', body='''
Hello,

please send me my data what you have collected about me for the network.

Thank you
Elena Petrova
''')

# ------------------------------------------------------------------ forget_request

M('en', 'forget_request', MICHAEL, 'Data deletion request', '2026-11-22 09:30', client='apple', body='''
Hello,

Following my unsubscribe yesterday, please also delete all my personal data from your records (right to erasure, Art. 17 GDPR) and confirm when done.

Michael Brown
''')

M('en', 'forget_request', PETER, 'Erase my data', '2026-11-09 14:48', client='gmail', body='''
Hi,

I want to be completely erased from your register, not only unsubscribed. Please don't keep my email address anywhere.

Peter
''')

M('en', 'forget_request', JONAS, 'Please remove my data', '2026-12-03 10:26', client='outlook', body='''
Hello again,

Please remove all of my data from your system, including my registration details. I don't want anything stored after I leave.

Regards,
Jonas Berg
''')

# ------------------------------------------------------------------ attention

M('en', 'attention', HELENA, 'RE: Invitation: Network day (Verkostopäivä) 9 December 2026', '2026-11-18 17:02',
  client='outlook', quote=INV_EN, body='''
Thank you. I'm hoping to make it, but a board meeting is being scheduled for that week - I'll confirm next week.

Helena
''')

M('en', 'attention', PRIYA, 'RE: Confirmation: your registration for the development network', '2026-11-14 09:12',
  client='outlook', quote=conf_en('Priya Raman', 'Omnia', 'Head of International Services', date='2026-11-13 15:30'),
  body='''
Thank you!
''')

M('en', 'attention', RAVI, 'Re: Follow-up day 10 February 2027 and commitment to the follow-up work',
  '2026-11-30 12:20', client='gmail', quote=JATKO_EN, body='''
Hello,

Our management will decide about joining the follow-up work in January, after the budget is confirmed. I will let you know then.

Regards
Ravi
''')

M('en', 'attention', ELENA, 'language of the day?', '2026-11-18 09:44', client='webmail', body='''
Hello,

Will the network day be in Finnish? My Finnish is not so good. Is there some translation or English material?

Elena
''')

M('en', 'attention', DANIEL, 'Remote participation?', '2026-11-20 10:10', client='gmail', body='''
Hi,

Is there a possibility to join the network day remotely? If yes, I would prefer that, since I have classes in the afternoon.

Daniel
''')

CAL('en', 'attention', JONAS, '2026-11-18 15:27', '2026-12-09', 'TENTATIVE', app='outlook')

M('en', 'attention', AHMED, 'Directions to Kuntatalo', '2026-12-01 18:30', client='apple', body='''
Hello,

What's the best way to get to Kuntatalo from the airport? I'll be flying in from Oulu on the morning of 10 February. Also, is there somewhere to leave luggage?

Kind regards,
Ahmed Hassan
Training Manager, Nordic Logistics Ltd
''')

M('en', 'attention', LIISA, 'Cancel a registration?', '2026-11-30 15:02', client='outlook', body='''
Hi,

Could you cancel the registration of our teacher who signed up last week? I don't remember her name or which email she used, she works in our hospitality team. Sorry!

Liisa
''')

M('en', 'attention', TOMASZ, 'Two invitations', '2026-11-15 18:11', client='iphone', body='''
Hi, I got two invitations, one in Finnish and one in English. Which one is correct? Do I need to answer both?

Tomasz

Sent from my iPhone
''')

M('en', 'attention', ('Chris Walker', 'chris.walker@keuda.test'), 'Re: Reminder: Network day on Wednesday 9 December',
  '2026-12-01 14:48', client='gmail_html', quote=REM_EN, body='''
Hi,

I don't think I signed up for anything - why am I getting these reminders? Is this meant for someone else?

Chris
''')
