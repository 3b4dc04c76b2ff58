"""Envelope helpers: turn a hand-written mail spec into raw RFC 5322 text.
Standard library only. Everything deterministic (boundaries, ids derived from the mail number)."""
import base64, quopri, hashlib, html
from email.utils import formataddr, format_datetime
from email.header import Header
from datetime import datetime, timezone, timedelta

FI = timezone(timedelta(hours=2))
NET = ('Kehittämisverkosto', 'verkosto@example.org')


def addr(pair):
    name, a = pair
    if not name:
        return a
    return formataddr((name, a), charset='utf-8')


def hdr(s):
    try:
        s.encode('ascii')
        return s
    except UnicodeEncodeError:
        return Header(s, 'utf-8').encode()


def h(key, n):
    return hashlib.sha1(f'{key}-{n}'.encode()).hexdigest()


def enc(text, charset='utf-8', cte='quoted-printable'):
    raw = text.encode(charset)
    if cte == 'base64':
        b = base64.encodebytes(raw).decode('ascii')
        return b
    if cte == 'quoted-printable':
        return quopri.encodestring(raw).decode('ascii')
    return raw.decode(charset)  # 8bit / 7bit


def part(ctype, text, charset='utf-8', cte='quoted-printable', params=''):
    head = f'Content-Type: {ctype}; charset="{charset}"{params}\nContent-Transfer-Encoding: {cte}\n'
    body = enc(text, charset, cte)
    if not body.endswith('\n'):
        body += '\n'
    return head + '\n' + body


def multipart(sub, parts, boundary, extra=''):
    out = f'Content-Type: multipart/{sub};{extra}\n\tboundary="{boundary}"\n\n'
    for p in parts:
        out += f'--{boundary}\n{p}\n'
    out += f'--{boundary}--\n'
    return out


def outlook_html(text, lang='fi'):
    paras = []
    for line in text.split('\n'):
        if line.strip():
            paras.append(f'<p class="MsoNormal">{html.escape(line)}<o:p></o:p></p>')
        else:
            paras.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    body = '\n'.join(paras)
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
            '/* Font Definitions */\n@font-face\n\t{font-family:Aptos;}\np.MsoNormal, li.MsoNormal, div.MsoNormal\n'
            '\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Aptos",sans-serif;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;}\n'
            'div.WordSection1\n\t{page:WordSection1;}\n--></style>\n</head>\n'
            f'<body lang="{lang.upper()}" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
            f'<div class="WordSection1">\n{body}\n</div>\n</body>\n</html>\n')


def div_html(text, gmail=True):
    lines = []
    for line in text.split('\n'):
        lines.append(html.escape(line) + '<br>' if line.strip() else '<br>')
    inner = '\n'.join(lines)
    if gmail:
        return f'<div dir="ltr">{inner}</div>\n'
    return f'<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n</head>\n<body>\n<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\n{inner}\n</div>\n</body>\n</html>\n'


LANGTAG = {'fi': 'fi-FI', 'sv': 'sv-FI', 'en': 'en-US'}


def build(n, m, date):
    """m: spec dict. returns raw message text."""
    client = m.get('client', 'iphone')
    frm = m['frm']
    to = m.get('to', NET)
    dom = frm[1].split('@')[1]
    mid = m.get('mid') or f'<{h("m", n)[:24]}@{dom}>'
    lang = m['lang']
    H = []
    H.append(('From', addr(frm)))
    if isinstance(to, list):
        H.append(('To', ', '.join(addr(t) for t in to)))
    else:
        H.append(('To', addr(to)))
    if m.get('cc'):
        H.append(('Cc', ', '.join(addr(t) for t in m['cc'])))
    if m.get('reply_to'):
        H.append(('Reply-To', addr(m['reply_to'])))
    H.append(('Subject', hdr(m['subject'])))
    H.append(('Date', format_datetime(date)))
    H.append(('Message-ID', mid))
    if m.get('reply'):
        ref = f'<{h("inv", m.get("reply"))[:20]}@example.org>'
        H.append(('In-Reply-To', ref))
        H.append(('References', ref))
    for k, v in m.get('headers', []):
        H.append((k, v))
    text = m.get('body', '')
    cs = m.get('charset', 'utf-8')
    cte = m.get('cte', 'quoted-printable')
    b = 'b' + h('bd', n)[:28]
    if client == 'outlook':
        H += [('Thread-Topic', hdr(m['subject'].split(': ', 1)[-1])),
              ('Thread-Index', base64.b64encode(bytes.fromhex(h('ti', n)[:32])).decode()),
              ('Accept-Language', f'{LANGTAG[lang]}, en-US'), ('Content-Language', LANGTAG[lang]),
              ('X-MS-Has-Attach', ''), ('X-MS-TNEF-Correlator', '')]
        body = multipart('alternative', [part('text/plain', text, cs, cte),
                                         part('text/html', outlook_html(text, lang), 'utf-8', 'quoted-printable')], '_000_' + b + '_')
    elif client == 'outlook_html':
        H += [('Thread-Topic', hdr(m['subject'].split(': ', 1)[-1])),
              ('Thread-Index', base64.b64encode(bytes.fromhex(h('ti', n)[:32])).decode()),
              ('Content-Language', LANGTAG[lang]), ('X-MS-Has-Attach', '')]
        body = part('text/html', outlook_html(text, lang), 'utf-8', m.get('cte', 'base64'))
    elif client in ('owa', 'android'):
        H += [('Thread-Topic', hdr(m['subject'].split(': ', 1)[-1])),
              ('Thread-Index', base64.b64encode(bytes.fromhex(h('ti', n)[:32])).decode()),
              ('Content-Language', LANGTAG[lang]), ('X-MS-Has-Attach', '')]
        if client == 'android':
            H.append(('X-Mailer', 'Outlook for Android'))
        body = multipart('alternative', [part('text/plain', text, cs, cte),
                                         part('text/html', div_html(text, gmail=False), 'utf-8', 'quoted-printable')], '_000_' + b + '_')
    elif client == 'gmail':
        body = multipart('alternative', [part('text/plain', text, cs, cte),
                                         part('text/html', div_html(text), 'utf-8', 'quoted-printable')], '000000000000' + h('g', n)[:12])
    elif client == 'iphone':
        H += [('X-Mailer', 'iPhone Mail (22B91)')]
        body = part('text/plain', text, cs, m.get('cte', 'quoted-printable'))
    elif client == 'thunderbird':
        H += [('User-Agent', 'Mozilla Thunderbird'), ('Content-Language', LANGTAG[lang])]
        body = part('text/plain', text, cs, m.get('cte', '8bit'), params='; format=flowed')
    elif client == 'plain':
        body = part('text/plain', text, cs, cte)
    elif client == 'calendar':
        body = multipart('alternative', [part('text/plain', text, 'utf-8', 'quoted-printable'),
                                         part('text/calendar', m['ics'], 'utf-8', 'base64', params='; method=REPLY')], b)
        if m.get('cal_client') == 'google':
            H.append(('Sender', 'Google Calendar <calendar-notification@google.test>'))
    elif client == 'raw':
        body = m['raw']
    else:
        raise ValueError(client)
    out = ''.join(f'{k}: {v}\n' if v != '' else f'{k}: \n' for k, v in H)
    out += 'MIME-Version: 1.0\n' + body
    return out


def ics(day, who, partstat, prodid='Microsoft Exchange Server 2010', name=None, comment=None):
    d = {'2026-12-09': ('20261209', 'Verkostopäivä'), '2027-02-10': ('20270210', 'Jatkopäivä')}[day]
    ymd, summ = d
    cn = f';CN="{name}"' if name else ''
    lines = ['BEGIN:VCALENDAR', 'METHOD:REPLY', f'PRODID:{prodid}', 'VERSION:2.0', 'BEGIN:VEVENT',
             f'ATTENDEE;PARTSTAT={partstat}{cn}:mailto:{who}',
             'ORGANIZER;CN=Kehittämisverkosto:mailto:verkosto@example.org',
             f'DTSTART;TZID=FLE Standard Time:{ymd}T100000', f'DTEND;TZID=FLE Standard Time:{ymd}T160000',
             f'SUMMARY:{summ}', f'UID:verkosto-{day}@example.org', 'SEQUENCE:0', 'DTSTAMP:20261120T080000Z']
    if comment:
        lines.append(f'COMMENT:{comment}')
    lines += ['LOCATION:Kuntatalo\\, Helsinki', 'END:VEVENT', 'END:VCALENDAR']
    return '\r\n'.join(lines) + '\r\n'


def dsn_raw(n, human, reporting, failed, orig, human_cs='utf-8', human_cte='quoted-printable', human_html=False):
    """multipart/report delivery-status. failed: list of (rcpt, status, diag). orig: text of returned headers."""
    b = 'dsn' + h('dsn', n)[:24]
    fields = f'Reporting-MTA: dns;{reporting}\nArrival-Date: Mon, 16 Nov 2026 08:00:00 +0000\n'
    for rcpt, status, diag in failed:
        fields += (f'\nFinal-Recipient: rfc822;{rcpt}\nAction: failed\nStatus: {status}\n'
                   f'Diagnostic-Code: smtp;{diag}\n')
    parts = []
    if human_html:
        parts.append(multipart('alternative', [part('text/plain', human, human_cs, human_cte),
                                               part('text/html', div_html(human, gmail=False), 'utf-8', 'quoted-printable')], 'alt' + b))
    else:
        parts.append(part('text/plain', human, human_cs, human_cte))
    parts.append('Content-Type: message/delivery-status\n\n' + fields)
    parts.append('Content-Type: text/rfc822-headers\n\n' + orig)
    return multipart('report', parts, b, extra=' report-type=delivery-status;')


def mdn_raw(n, human, final, orig_mid, disposition='manual-action/MDN-sent-manually; displayed', ua='Microsoft Outlook 16.0'):
    b = 'mdn' + h('mdn', n)[:24]
    fields = (f'Reporting-UA: {ua}\nFinal-Recipient: rfc822;{final}\n'
              f'Original-Message-ID: {orig_mid}\nDisposition: {disposition}\n')
    parts = [part('text/plain', human, 'utf-8', 'quoted-printable'),
             'Content-Type: message/disposition-notification\n\n' + fields]
    return multipart('report', parts, b, extra=' report-type=disposition-notification;')


def orig_headers(to, subject, when='Mon, 16 Nov 2026 10:00:00 +0200', mid='<kutsu-20261116@example.org>'):
    return (f'From: =?utf-8?q?Kehitt=C3=A4misverkosto?= <verkosto@example.org>\nTo: {to}\n'
            f'Subject: {hdr(subject)}\nDate: {when}\nMessage-ID: {mid}\n')
