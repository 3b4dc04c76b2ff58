"""Turns the mail specs into raw bytes, imitating the clients' layouts."""
from common import *

NET_TO = addr(NETN, NETA)


def _to_hdr(spec):
    to = spec.get('to')
    if to is None:
        return NET_TO, f'{NETN} <{NETA}>'
    if isinstance(to, str):
        return to, to
    hs = ', '.join(addr(n, a) for n, a in to)
    return hs, '; '.join(plainaddr(p) for p in to)


def _cc_hdr(spec):
    cc = spec.get('cc')
    if not cc:
        return None
    return ', '.join(addr(n, a) for n, a in cc)


def _thread(spec, hs):
    q = spec.get('quote')
    irt = spec.get('irt') or (q and q.get('mid'))
    if irt:
        hs.append(('References', irt))
        hs.append(('In-Reply-To', irt))


def build_normal(spec, rng):
    lang = spec['lang']
    client = spec.get('client', 'outlook')
    qlang = spec.get('qlang') or lang
    name, a = spec['frm']
    dom = a.split('@')[1]
    d = dt(spec['date'])
    body = spec['body'].strip('\n')
    q = spec.get('quote')
    charset = spec.get('charset', 'utf-8')
    cte = spec.get('cte')
    to_hdr, to_disp = _to_hdr(spec)
    me_disp = plainaddr(spec['frm'])
    qto = spec.get('qto') or me_disp      # recipient shown in the quoted header
    cc = _cc_hdr(spec)
    subj = spec['subj']
    extra = list(spec.get('headers', ()))
    crlf = spec.get('crlf', client not in ('tb', 'webmail'))
    hcs = spec.get('hcharset', charset if charset != 'us-ascii' else 'utf-8')

    if client in ('outlook', 'outlook_html', 'owa', 'android'):
        under = client in ('owa', 'android')
        text = body
        if q:
            text += '\n\n' + outlook_quote_text(qlang, q, qto, underscores=under)
        if client == 'android':
            html = android_html(body, android_quote_html(qlang, q, qto) if q else '')
        else:
            frag = spec.get('html') or outlook_p(body)
            if q:
                frag += '\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' + outlook_quote_html(qlang, q, qto)
            html = outlook_doc(frag, lang, charset)
        mid = spec.get('mid') or msgid('outlook', rng, dom)
        hs = [('From', addr(name, a, hcs)), ('To', to_hdr)]
        if cc:
            hs.append(('CC', cc))
        tt = subj
        for pre in ('VS: ', 'Vs: ', 'SV: ', 'RE: ', 'Re: ', 'VL: ', 'VB: ', 'FW: ', 'Fwd: '):
            if tt.startswith(pre):
                tt = tt[len(pre):]
        hs += [('Subject', enc(subj, hcs, 'Subject')), ('Thread-Topic', enc(tt, hcs, 'Thread-Topic')),
               ('Thread-Index', rng.b64(22)),
               ('Date', rfcdate(d, utc=client != 'owa', sec=rng.sec())), ('Message-ID', mid)]
        _thread(spec, hs)
        cl = {'fi': 'fi-FI', 'sv': 'sv-SE' if 'prakticum' not in dom else 'sv-FI', 'en': 'en-US'}[lang]
        hs += [('Accept-Language', cl if cl == 'en-US' else f'{cl}, en-US'), ('Content-Language', cl),
               ('X-MS-Has-Attach', ''), ('X-MS-TNEF-Correlator', '')]
        if client == 'android':
            hs.append(('X-MS-Exchange-Organization-SCL', '-1'))
        hs += extra
        c = cte or 'qp'
        if client == 'outlook_html':
            part = leaf(html, 'html', charset, c)
        else:
            b = f'_000_{rng.hex(28, True)}_'
            part = multi('alternative', [leaf(text, 'plain', charset, c), leaf(html, 'html', charset, c)], b)
        return finish(hs, part, crlf)

    if client in ('gmail', 'gmail_html'):
        text = body
        html = gmail_html(body)
        if q:
            at = attribution('gmail', qlang, dt(q['date']), q.get('frm', (NETN, NETA)))
            text += '\n\n' + at + '\n\n' + gt(q['text'])
            html += gmail_quote_html(at, q['text'])
        html = spec.get('html') or html
        hs = [('MIME-Version', '1.0')]
        _thread(spec, hs)
        hs += [('From', addr(name, a)), ('Date', rfcdate(d, sec=rng.sec())),
               ('Message-ID', spec.get('mid') or msgid('gmail', rng, dom)), ('Subject', enc(subj, 'utf-8', 'Subject')),
               ('To', to_hdr)]
        if cc:
            hs.append(('Cc', cc))
        hs += extra
        b = '000000000000' + rng.hex(12)
        tp = leaf(text, 'plain', 'UTF-8', 'qp' if not text.isascii() else None)
        hp = leaf(html, 'html', 'UTF-8', 'qp' if not html.isascii() else None)
        if client == 'gmail_html':
            part = hp
        else:
            part = multi('alternative', [tp, hp], b, params=' ')
            part = ([('Content-Type', f'multipart/alternative; boundary="{b}"')], part[1])
        return finish(hs, part, crlf, mime_version=None)

    if client in ('iphone', 'apple'):
        text = body
        at = None
        if q:
            at = attribution('apple', qlang, dt(q['date']), q.get('frm', (NETN, NETA)))
            text += '\n\n' + at + '\n\n' + gt(q['text'])
        mid = spec.get('mid') or msgid('apple', rng, dom)
        if client == 'iphone':
            part = leaf(text, 'plain', 'utf-8', cte or 'qp', quote_charset=False)
            hs = list(part[0])
            part = ([], part[1])
            hs += [('From', addr(name, a)), ('Mime-Version', '1.0 (1.0)'), ('Subject', enc(subj, 'utf-8', 'Subject')),
                   ('Date', rfcdate(d, sec=rng.sec())), ('Message-Id', mid)]
            _thread(spec, hs)
            hs += [('Cc', cc)] if cc else []
            hs += [('To', to_hdr), ('X-Mailer', spec.get('xmailer', 'iPhone Mail (22B91)'))] + extra
            return finish(hs, part, crlf, mime_version=None)
        html = apple_html(body, at, q['text'] if q else None)
        b = f'Apple-Mail={rng.uuid().upper()}'
        part = multi('alternative', [leaf(text, 'plain', 'utf-8', 'qp', quote_charset=False),
                                     leaf(html, 'html', 'utf-8', 'qp', quote_charset=False)], b)
        hs = [('From', addr(name, a)), ('Content-Type', part[0][0][1])]
        hs += [('Mime-Version', '1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))'),
               ('Subject', enc(subj, 'utf-8', 'Subject')), ('Date', rfcdate(d, sec=rng.sec()))]
        _thread(spec, hs)
        hs += [('To', to_hdr)] + ([('Cc', cc)] if cc else [])
        hs += [('Message-Id', mid), ('X-Mailer', 'Apple Mail (2.3826.200.121)')] + extra
        return finish(hs, ([], part[1]), crlf, mime_version=None)

    if client == 'tb':
        text = body
        if q:
            at = attribution('tb', qlang, dt(q['date']), q.get('frm', (NETN, NETA)))
            text = text + '\n\n' + at + '\n' + gt(q['text'])
        hs = [('Message-ID', spec.get('mid') or msgid('tb', rng, dom)), ('Date', rfcdate(d, sec=rng.sec())),
              ('MIME-Version', '1.0'), ('User-Agent', 'Mozilla Thunderbird'),
              ('Content-Language', {'fi': 'fi', 'sv': 'sv-FI', 'en': 'en-GB'}[lang])]
        _thread(spec, hs)
        hs += [('To', to_hdr)] + ([('Cc', cc)] if cc else [])
        hs += [('From', addr(name, a, hcs)), ('Subject', enc(subj, hcs, 'Subject'))] + extra
        part = leaf(flow(text), 'plain', charset.upper(), cte or '8bit', ctparams='; format=flowed', quote_charset=False)
        return finish(hs, part, crlf, mime_version=None)

    if client == 'webmail':
        text = body
        if q:
            at = attribution('webmail', qlang, dt(q['date']), q.get('frm', (NETN, NETA)))
            text += '\n\n' + at + '\n' + gt(q['text'])
        hs = [('MIME-Version', '1.0'), ('Date', rfcdate(d, sec=rng.sec())),
              ('From', addr(name, a, hcs)), ('To', to_hdr)]
        hs += [('Cc', cc)] if cc else []
        hs += [('Subject', enc(subj, hcs, 'Subject'))]
        _thread(spec, hs)
        hs += [('Message-ID', spec.get('mid') or msgid('web', rng, dom)), ('X-Sender', a),
               ('User-Agent', spec.get('ua', 'Roundcube Webmail/1.6.6'))] + extra
        flowed = spec.get('flowed', True)
        part = leaf(flow(text, 76) if flowed else text, 'plain', charset.upper() if charset != 'utf-8' else 'UTF-8',
                    cte or '8bit', ctparams='; format=flowed' if flowed else '', quote_charset=False)
        return finish(hs, part, crlf, mime_version=None)

    if client == 'form':
        hs = [('Date', rfcdate(d, sec=rng.sec())), ('To', to_hdr), ('From', addr(name, a))]
        if spec.get('reply_to'):
            hs.append(('Reply-To', spec['reply_to']))
        hs += [('Subject', enc(subj, 'utf-8', 'Subject')),
               ('Message-ID', spec.get('mid') or f'<{rng.alnum(32)}@example.org>'),
               ('X-Mailer', spec.get('xmailer', 'PHPMailer 6.9.1'))] + extra
        if spec.get('html') and spec.get('html_only'):
            part = leaf(spec['html'], 'html', 'utf-8', cte or 'qp')
        elif spec.get('html'):
            b = f'b1_{rng.alnum(40)}'
            part = multi('alternative', [leaf(body, 'plain', 'utf-8', cte or 'qp'),
                                         leaf(spec['html'], 'html', 'utf-8', cte or 'qp')], b)
        else:
            part = leaf(body, 'plain', 'utf-8', cte or '8bit')
        return finish(hs, part, crlf)

    if client == 'raw':   # body is the complete text/plain body, headers given in full
        hs = [('From', addr(name, a, hcs)), ('To', to_hdr), ('Subject', enc(subj, hcs, 'Subject')),
              ('Date', rfcdate(d, sec=rng.sec())), ('Message-ID', spec.get('mid') or msgid('web', rng, dom))]
        _thread(spec, hs)
        hs += extra
        part = leaf(body, 'plain', charset, cte or '8bit')
        return finish(hs, part, crlf)

    raise ValueError(client)


# ---------------------------------------------------------------- calendar

DAYS = {
    '2026-12-09': dict(summary='Verkostopäivä 9.12.2026', uid='verkosto-2026-12-09@example.org',
                       loc='20261209T', z='20261209T'),
    '2027-02-10': dict(summary='Jatkopäivä 10.2.2027', uid='verkosto-2027-02-10@example.org',
                       loc='20270210T', z='20270210T'),
}
LOCATION = 'Kuntatalo\\, Toinen linja 14\\, Helsinki'

OUTLOOK_PREFIX = {
    'fi': {'ACCEPTED': 'Hyväksytty', 'DECLINED': 'Hylätty', 'TENTATIVE': 'Alustavasti hyväksytty'},
    'sv': {'ACCEPTED': 'Accepterat', 'DECLINED': 'Avböjt', 'TENTATIVE': 'Preliminärt'},
    'en': {'ACCEPTED': 'Accepted', 'DECLINED': 'Declined', 'TENTATIVE': 'Tentative'},
}


def fold_ics(lines):
    out = []
    for line in lines:
        b = line.encode('utf-8')
        first = True
        while len(b) > 75:
            cut = 75 if first else 74
            while (b[cut] & 0xC0) == 0x80:
                cut -= 1
            out.append((b'' if first else b' ') + b[:cut])
            b = b[cut:]
            first = False
        out.append((b'' if first else b' ') + b)
    return b'\r\n'.join(out) + b'\r\n'


def ics_escape(s):
    return s.replace('\\', '\\\\').replace(';', '\\;').replace(',', '\\,').replace('\n', '\\n')


def build_cal(spec, rng):
    lang = spec['lang']
    name, a = spec['frm']
    dom = a.split('@')[1]
    d = dt(spec['date'])
    day = DAYS[spec['day']]
    ps = spec['partstat']
    comment = spec.get('comment', '')
    stamp = d.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')
    if spec.get('app', 'outlook') == 'outlook':
        pre = OUTLOOK_PREFIX[lang][ps]
        subj = f'{pre}: {day["summary"]}'
        ll = {'fi': 'fi-FI', 'sv': 'sv-SE', 'en': 'en-US'}[lang]
        lines = ['BEGIN:VCALENDAR', 'METHOD:REPLY', 'PRODID:Microsoft Exchange Server 2010', 'VERSION:2.0',
                 'BEGIN:VTIMEZONE', 'TZID:FLE Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T040000',
                 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
                 'END:STANDARD', 'BEGIN:DAYLIGHT', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200',
                 'TZOFFSETTO:+0300', 'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
                 'END:VTIMEZONE', 'BEGIN:VEVENT',
                 f'ATTENDEE;PARTSTAT={ps};CN={name}:mailto:{a}']
        if comment:
            lines.append(f'COMMENT;LANGUAGE={ll}:{ics_escape(comment)}\\n')
        lines += [f'SUMMARY;LANGUAGE={ll}:{pre}: {day["summary"]}',
                  f'DTSTART;TZID=FLE Standard Time:{day["loc"]}100000',
                  f'DTEND;TZID=FLE Standard Time:{day["loc"]}160000',
                  f'UID:{day["uid"]}', 'CLASS:PUBLIC', 'PRIORITY:5', f'DTSTAMP:{stamp}', 'TRANSP:OPAQUE',
                  'STATUS:CONFIRMED', 'SEQUENCE:0', f'LOCATION;LANGUAGE={ll}:{LOCATION}',
                  'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
                  f'X-MICROSOFT-CDO-OWNERAPPTID:{rng.randint(-2000000000, 2000000000)}',
                  'X-MICROSOFT-CDO-BUSYSTATUS:' + ('FREE' if ps == 'DECLINED' else 'TENTATIVE' if ps == 'TENTATIVE' else 'BUSY'),
                  'X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY', 'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE',
                  'X-MICROSOFT-CDO-IMPORTANCE:1', 'X-MICROSOFT-CDO-INSTTYPE:0',
                  'X-MICROSOFT-DONOTFORWARDMEETING:FALSE', 'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
                  'X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT', 'X-MICROSOFT-ISRESPONSEREQUESTED:TRUE',
                  'END:VEVENT', 'END:VCALENDAR']
        ics = fold_ics(lines)
        text = comment
        html = outlook_doc(outlook_p(comment) if comment else '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>', lang)
        b = f'_000_{rng.hex(28, True)}_'
        parts = [leaf(text, 'plain', 'utf-8', 'qp' if text and not text.isascii() else None) if text
                 else ([('Content-Type', 'text/plain; charset="utf-8"')], b''),
                 leaf(html, 'html', 'utf-8', 'qp'),
                 rawpart('text/calendar; charset="utf-8"; method=REPLY', base64.encodebytes(ics), 'b64')]
        part = multi('alternative', parts, b)
        hs = [('From', addr(name, a)), ('To', NET_TO), ('Subject', enc(subj, 'utf-8', 'Subject')),
              ('Thread-Topic', enc(day['summary'], 'utf-8')), ('Thread-Index', rng.b64(22)),
              ('Date', rfcdate(d, utc=True, sec=rng.sec())), ('Message-ID', msgid('outlook', rng, dom)),
              ('References', f'<{day["uid"].split("@")[0]}.invite@example.org>'),
              ('In-Reply-To', f'<{day["uid"].split("@")[0]}.invite@example.org>'),
              ('Accept-Language', ll if ll == 'en-US' else f'{ll}, en-US'), ('Content-Language', ll), ('X-MS-Has-Attach', ''),
              ('X-MS-TNEF-Correlator', ''), ('Content-Class', 'urn:content-classes:calendarmessage')]
        return finish(hs, part, True)

    # Google Calendar
    g = GOOGLE[lang]
    verb = g[ps]
    subj = f'{verb}: {day["summary"]} @ {g["when"][spec["day"]]} ({NETA})'
    lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0',
             'CALSCALE:GREGORIAN', 'METHOD:REPLY', 'BEGIN:VEVENT',
             f'DTSTART:{day["z"]}080000Z', f'DTEND:{day["z"]}140000Z', f'DTSTAMP:{stamp}',
             f'ORGANIZER;CN={NETN}:mailto:{NETA}', f'UID:{day["uid"]}',
             f'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={ps};CN={name};X-NUM-GUESTS=0:mailto:{a}']
    if comment:
        lines.append(f'COMMENT:{ics_escape(comment)}')
    lines += ['CREATED:20261110T080300Z', f'LAST-MODIFIED:{stamp}', f'LOCATION:{LOCATION}', 'SEQUENCE:0',
              'STATUS:CONFIRMED', f'SUMMARY:{day["summary"]}', 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR']
    ics = fold_ics(lines)
    text = g['body'](name, ps, day['summary'], spec['day'], comment)
    html = ('<div style="font-family:Roboto,sans-serif">' + '<br>'.join(esc(l) for l in text.split('\n')) + '</div>')
    ba = '000000000000' + rng.hex(12)
    bm = '000000000000' + rng.hex(12)
    alt = multi('alternative', [leaf(text, 'plain', 'UTF-8', 'qp' if not text.isascii() else None),
                                leaf(html, 'html', 'UTF-8', 'qp' if not html.isascii() else None),
                                rawpart('text/calendar; charset="UTF-8"; method=REPLY', ics, '7bit'
                                        if ics.isascii() else '8bit')], ba)
    att = rawpart('application/ics; name="invite.ics"', base64.encodebytes(ics), 'b64',
                  [('Content-Disposition', 'attachment; filename="invite.ics"')])
    part = multi('mixed', [alt, att], bm)
    hs = [('MIME-Version', '1.0'), ('Reply-To', addr(name, a)), ('Sender', f'Google Calendar <calendar-notification@google.test>'),
          ('Date', rfcdate(d, sec=rng.sec())), ('Message-ID', f'<calendar-{rng.uuid()}@google.test>'),
          ('Subject', enc(subj, 'utf-8', 'Subject')), ('From', addr(name, a)), ('To', NETA)]
    return finish(hs, part, True, mime_version=None)


def _g_when_fi(day):
    return {'2026-12-09': 'ke 9.12.2026 10.00 - 16.00 (UTC+2)', '2027-02-10': 'ke 10.2.2027 10.00 - 16.00 (UTC+2)'}[day]


GOOGLE = {
    'fi': {'ACCEPTED': 'Hyväksytty kutsu', 'DECLINED': 'Hylätty kutsu', 'TENTATIVE': 'Alustavasti hyväksytty kutsu',
           'when': {'2026-12-09': 'ke 9.12.2026 10.00 - 16.00 (UTC+2)',
                    '2027-02-10': 'ke 10.2.2027 10.00 - 16.00 (UTC+2)'},
           'body': lambda n, ps, s, day, c: (
               f'{n} on {"hyväksynyt" if ps == "ACCEPTED" else "hylännyt" if ps == "DECLINED" else "alustavasti hyväksynyt"} tämän kutsun.'
               + (f'\n\n"{c}"' if c else '') + f'\n\n{s}\n'
               + {'2026-12-09': 'keskiviikko 9. joulukuuta 2026 ⋅ 10.00–16.00', '2027-02-10': 'keskiviikko 10. helmikuuta 2027 ⋅ 10.00–16.00'}[day]
               + '\nItä-Euroopan normaaliaika - Helsinki\n\nSijainti\nKuntatalo, Toinen linja 14, Helsinki\n\n'
               f'Järjestäjä\n{NETN}\n{NETA}\n\nKutsu: Google Kalenteri\n\nSait tämän sähköpostin, koska olet tämän tapahtuman järjestäjä.')},
    'sv': {'ACCEPTED': 'Accepterad inbjudan', 'DECLINED': 'Avböjd inbjudan', 'TENTATIVE': 'Preliminärt accepterad inbjudan',
           'when': {'2026-12-09': 'ons 9 dec. 2026 10:00 - 16:00 (EET)',
                    '2027-02-10': 'ons 10 feb. 2027 10:00 - 16:00 (EET)'},
           'body': lambda n, ps, s, day, c: (
               f'{n} har {"accepterat" if ps == "ACCEPTED" else "avböjt" if ps == "DECLINED" else "preliminärt accepterat"} inbjudan.'
               + (f'\n\n"{c}"' if c else '') + f'\n\n{s}\n'
               + {'2026-12-09': 'onsdag 9 december 2026 ⋅ 10:00–16:00', '2027-02-10': 'onsdag 10 februari 2027 ⋅ 10:00–16:00'}[day]
               + '\nÖsteuropeisk normaltid - Helsingfors\n\nPlats\nKuntatalo, Toinen linja 14, Helsinki\n\n'
               f'Organisatör\n{NETN}\n{NETA}\n\nInbjudan från Google Kalender\n\nDu får det här e-postmeddelandet eftersom du är organisatör för händelsen.')},
    'en': {'ACCEPTED': 'Accepted', 'DECLINED': 'Declined', 'TENTATIVE': 'Tentatively Accepted',
           'when': {'2026-12-09': 'Wed 9 Dec 2026 10:00 - 16:00 (EET)',
                    '2027-02-10': 'Wed 10 Feb 2027 10:00 - 16:00 (EET)'},
           'body': lambda n, ps, s, day, c: (
               f'{n} has {"accepted" if ps == "ACCEPTED" else "declined" if ps == "DECLINED" else "tentatively accepted"} this invitation.'
               + (f'\n\n"{c}"' if c else '') + f'\n\n{s}\n'
               + {'2026-12-09': 'Wednesday 9 Dec 2026 ⋅ 10:00 – 16:00', '2027-02-10': 'Wednesday 10 Feb 2027 ⋅ 10:00 – 16:00'}[day]
               + '\nEastern European Standard Time - Helsinki\n\nLocation\nKuntatalo, Toinen linja 14, Helsinki\n\n'
               f'Organiser\n{NETN}\n{NETA}\n\nInvitation from Google Calendar\n\nYou are receiving this email because you are the organiser of this event.')},
}


# ---------------------------------------------------------------- bounces

def orig_message(q, rcpt, rng, headers_only=False):
    d = dt(q['date'])
    hs = [('Received', f'from mail.example.org (mail.example.org [192.0.2.10])\n\tby relay.example.org with ESMTPS id {rng.hex(10, True)}\n\tfor <{rcpt}>; {rfcdate(d, sec=3)}'),
          ('From', NET_TO), ('To', rcpt), ('Subject', enc(q['subj'], 'utf-8', 'Subject')),
          ('Date', rfcdate(d, sec=1)), ('Message-ID', q['mid']), ('MIME-Version', '1.0'),
          ('Content-Type', 'text/plain; charset="utf-8"'), ('Content-Transfer-Encoding', 'quoted-printable')]
    if headers_only:
        return render_headers(hs)
    return render_headers(hs) + b'\n' + quopri.encodestring(q['text'].encode('utf-8'))


def build_bounce(spec, rng):
    name, a = spec['frm']
    d = dt(spec['date'])
    q = spec['orig']
    rcpts = [f['addr'] for f in spec['failed']]
    hs = [('From', addr(name, a)), ('To', spec.get('to', NETA)), ('Subject', enc(spec['subj'], 'utf-8', 'Subject')),
          ('Date', rfcdate(d, utc=spec.get('utc', False), sec=rng.sec())),
          ('Message-ID', spec.get('mid') or f'<{rng.hex(24)}@{spec.get("mta", a.split("@")[1])}>')]
    if spec.get('auto_submitted', True):
        hs.append(('Auto-Submitted', spec.get('auto_submitted_value', 'auto-replied')))
    if spec.get('irt', True):
        hs.append(('In-Reply-To', q['mid']))
        hs.append(('References', q['mid']))
    hs += list(spec.get('headers', ()))
    human = spec['human'].strip('\n') + '\n'
    style = spec.get('style', 'dsn')

    if style == 'plain':      # exim / qmail / old sendmail style: everything in one text/plain part
        text = human
        if spec.get('append_orig', True):
            text += spec.get('orig_sep', '') + orig_message(q, rcpts[0], rng, spec.get('headers_only', False)).decode('utf-8', 'replace')
        part = leaf(text, 'plain', spec.get('charset', 'us-ascii' if text.isascii() else 'utf-8'),
                    '7bit' if text.isascii() else '8bit')
        return finish(hs, part, spec.get('crlf', False))

    if spec.get('human_html'):
        hb = f'_000_{rng.hex(20, True)}_' if 'b' not in spec else spec['b']
        hpart = multi('alternative', [leaf(human, 'plain', 'utf-8', spec.get('cte', 'qp')),
                                      leaf(spec['human_html'], 'html', 'utf-8', spec.get('cte', 'qp'))], hb)
    else:
        hpart = leaf(human, 'plain', spec.get('charset', 'utf-8'), spec.get('cte', 'qp' if not human.isascii() else '7bit'))
    ds = f'Reporting-MTA: dns;{spec.get("reporting_mta", "mx.example.org")}\n'
    for k, v in spec.get('ds_extra', []):
        ds += f'{k}: {v}\n'
    ds += f'Arrival-Date: {rfcdate(dt(q["date"]), sec=4)}\n'
    for f in spec['failed']:
        ds += f'\nFinal-Recipient: rfc822;{f["addr"]}\nAction: failed\nStatus: {f["status"]}\n'
        if f.get('remote'):
            ds += f'Remote-MTA: dns;{f["remote"]}\n'
        if f.get('diag'):
            ds += f'Diagnostic-Code: smtp;{f["diag"]}\n'
        for k, v in f.get('extra', []):
            ds += f'{k}: {v}\n'
    dsp = rawpart('message/delivery-status', ds.encode(), spec.get('ds_cte'))
    inc = spec.get('include', 'rfc822')
    parts = [hpart, dsp]
    if inc == 'rfc822':
        parts.append(rawpart('message/rfc822', orig_message(q, rcpts[0], rng)))
    elif inc == 'headers':
        parts.append(rawpart('text/rfc822-headers', orig_message(q, rcpts[0], rng, True)))
    b = spec.get('boundary') or f'{rng.hex(8, True)}.{rng.randint(1000000000, 1999999999)}/{spec.get("mta", "mx.example.org")}'
    part = multi('report', parts, b, params=' report-type=delivery-status;', preamble=spec.get('preamble'))
    return finish(hs, part, spec.get('crlf', True))


def build_mdn(spec, rng):
    name, a = spec['frm']
    d = dt(spec['date'])
    q = spec['orig']
    hs = [('From', addr(name, a)), ('To', NET_TO), ('Subject', enc(spec['subj'], 'utf-8', 'Subject')),
          ('Date', rfcdate(d, utc=spec.get('utc', False), sec=rng.sec())),
          ('Message-ID', msgid(spec.get('idstyle', 'outlook'), rng, a.split('@')[1])),
          ('References', q['mid']), ('In-Reply-To', q['mid'])]
    hs += list(spec.get('headers', ()))
    human = spec['human'].strip('\n') + '\n'
    hpart = leaf(human, 'plain', 'utf-8', 'qp' if not human.isascii() else '7bit')
    mdn = (f'Reporting-UA: {spec.get("ua", a.split("@")[1] + "; Microsoft Outlook 16.0")}\n'
           f'Original-Recipient: rfc822;{a}\nFinal-Recipient: rfc822;{a}\n'
           f'Original-Message-ID: {q["mid"]}\n'
           f'Disposition: {spec.get("disposition", "manual-action/MDN-sent-manually; displayed")}\n')
    parts = [hpart, rawpart('message/disposition-notification', mdn.encode(), '7bit')]
    if spec.get('include_headers', True):
        parts.append(rawpart('text/rfc822-headers', orig_message(q, a, rng, True)))
    b = spec.get('boundary') or f'----=_NextPart_{rng.hex(3, True)}_{rng.hex(4, True)}_{rng.hex(8, True)}.{rng.hex(8, True)}'
    part = multi('report', parts, b, params=' report-type=disposition-notification;')
    return finish(hs, part, True)


def build(spec, key):
    rng = Rng(key)
    k = spec['kind']
    if k == 'normal':
        return build_normal(spec, rng)
    if k == 'cal':
        return build_cal(spec, rng)
    if k == 'bounce':
        return build_bounce(spec, rng)
    if k == 'mdn':
        return build_mdn(spec, rng)
    raise ValueError(k)
