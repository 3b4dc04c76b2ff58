"""Low-level helpers to write raw RFC 5322 / MIME messages the way real
clients do.  The texts themselves live in fi.py, sv.py, en.py, robots.py.
"""
import base64
import hashlib
import html as H
import quopri
import random
import uuid
from datetime import datetime, timezone, timedelta
from email.header import Header

EET = timezone(timedelta(hours=2))
UTC = timezone.utc
NETA = 'verkosto@example.org'
NETN = 'Kehittämisverkosto'

MAILS = []          # every mail spec is appended here


def dt(s):
    return datetime.strptime(s, '%Y-%m-%d %H:%M').replace(tzinfo=EET)


EN_WD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
EN_WDL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
EN_MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
EN_MONL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December']
FI_WD = ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai']
FI_WDA = ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su']
FI_MON = ['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta',
          'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta']
SV_WD = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']
SV_WDA = ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön']
SV_MON = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
          'september', 'oktober', 'november', 'december']
SV_MONA = ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.',
           'nov.', 'dec.']


def rfcdate(d, utc=False, sec=0, zero_pad=False, tzname=None):
    if utc:
        d = d.astimezone(UTC)
    d = d.replace(second=sec)
    day = f'{d.day:02d}' if zero_pad else str(d.day)
    s = f"{EN_WD[d.weekday()]}, {day} {EN_MON[d.month-1]} {d.year} {d:%H:%M:%S} {d:%z}"
    if tzname:
        s += f' ({tzname})'
    return s


# ---------------------------------------------------------------- headers

def enc(s, charset='utf-8', name=None):
    if s.isascii():
        return s
    return Header(s, charset, header_name=name).encode(linesep='\n')


def addr(name, a, charset='utf-8', quote=False):
    if not name:
        return a
    if name.isascii():
        if quote or any(c in name for c in '(),.:;<>@[]"'):
            return f'"{name}" <{a}>'
        return f'{name} <{a}>'
    return f'{Header(name, charset).encode()} <{a}>'


def plainaddr(p):
    """display form used inside quoted headers"""
    name, a = p
    return f'{name} <{a}>' if name else a


# ---------------------------------------------------------------- MIME parts

CTE = {'qp': 'quoted-printable', 'b64': 'base64', '8bit': '8bit', '7bit': '7bit', None: None}


def encode_body(data, cte):
    if cte == 'qp':
        return quopri.encodestring(data)
    if cte == 'b64':
        return base64.encodebytes(data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n'))
    return data


def leaf(text, subtype='plain', charset='utf-8', cte='qp', ctparams='', extra=(),
         quote_charset=True):
    if cte in ('7bit', None) and not text.isascii():
        cte = 'qp'
    data = text.encode(charset)
    cs = f'"{charset}"' if quote_charset else charset
    headers = [('Content-Type', f'text/{subtype}; charset={cs}{ctparams}')]
    if cte:
        headers.append(('Content-Transfer-Encoding', CTE[cte]))
    headers += list(extra)
    return (headers, encode_body(data, cte))


def rawpart(ctype, body_bytes, cte=None, extra=()):
    headers = [('Content-Type', ctype)]
    if cte:
        headers.append(('Content-Transfer-Encoding', CTE.get(cte, cte)))
    headers += list(extra)
    return (headers, body_bytes)


def render_headers(hs):
    out = b''
    for k, v in hs:
        if isinstance(v, str):
            v = v.encode('utf-8')
        out += k.encode() + b': ' + v + b'\n'
    return out


def multi(subtype, parts, boundary, params='', preamble=None, extra=()):
    body = b''
    if preamble:
        body += preamble.encode() + b'\n'
    for h, b in parts:
        body += b'\n--' + boundary.encode() + b'\n' if body else b'--' + boundary.encode() + b'\n'
        body += render_headers(h) + b'\n' + b.rstrip(b'\n') + b'\n'
    body += b'\n--' + boundary.encode() + b'--\n'
    hs = [('Content-Type', f'multipart/{subtype};{params}\n\tboundary="{boundary}"')]
    return (hs + list(extra), body)


def finish(headers, part, crlf=True, mime_version='1.0'):
    ph, pb = part
    hs = list(headers)
    if mime_version:
        hs.append(('MIME-Version', mime_version))
    data = render_headers(hs + ph) + b'\n' + pb
    if not data.endswith(b'\n'):
        data += b'\n'
    data = data.replace(b'\r\n', b'\n')
    if crlf:
        data = data.replace(b'\n', b'\r\n')
    return data


# ---------------------------------------------------------------- ids

class Rng:
    def __init__(self, key):
        self.r = random.Random(hashlib.sha256(key.encode()).hexdigest())

    def hex(self, n, upper=False):
        s = ''.join(self.r.choice('0123456789abcdef') for _ in range(n))
        return s.upper() if upper else s

    def alnum(self, n):
        return ''.join(self.r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
                       for _ in range(n))

    def uuid(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def b64(self, n):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(n))).decode()

    def sec(self):
        return self.r.randint(0, 59)

    def choice(self, seq):
        return self.r.choice(seq)

    def randint(self, a, b):
        return self.r.randint(a, b)


def ms_server(rng, dom):
    pre = rng.choice(['AM9PR07MB', 'HE1PR0701MB', 'DB9PR05MB', 'GV1PR03MB', 'PAXPR07MB', 'AS8PR04MB'])
    srv = f'{pre}{rng.randint(1000, 9999)}'
    return srv, f'{srv}.eurprd0{rng.randint(1, 9)}.prod.{dom}'


def msgid(style, rng, dom):
    if style == 'outlook':
        srv, fq = ms_server(rng, dom)
        return f'<{srv}{rng.hex(28, True)}@{fq}>'
    if style == 'gmail':
        return f'<CA{rng.alnum(1)}{rng.alnum(44)}@mail.gmail.test>'
    if style == 'apple':
        return f'<{rng.uuid().upper()}@{dom}>'
    if style == 'tb':
        return f'<{rng.uuid()}@{dom}>'
    return f'<{rng.hex(32)}@{dom}>'


# ---------------------------------------------------------------- quoting

QHDR = {'fi': ('Lähettäjä', 'Lähetetty', 'Vastaanottaja', 'Aihe', 'Kopio'),
        'sv': ('Från', 'Skickat', 'Till', 'Ämne', 'Kopia'),
        'en': ('From', 'Sent', 'To', 'Subject', 'Cc')}


def outlook_sent(d, lang):
    if lang == 'fi':
        return f'{FI_WD[d.weekday()]} {d.day}. {FI_MON[d.month-1]} {d.year} {d.hour}.{d.minute:02d}'
    if lang == 'sv':
        return f'den {d.day} {SV_MON[d.month-1]} {d.year} {d.hour:02d}:{d.minute:02d}'
    h = d.hour % 12 or 12
    ap = 'AM' if d.hour < 12 else 'PM'
    return f'{EN_WDL[d.weekday()]}, {EN_MONL[d.month-1]} {d.day}, {d.year} {h}:{d.minute:02d} {ap}'


def attribution(style, lang, d, frm):
    name, a = frm
    if style == 'gmail':
        if lang == 'fi':
            return f'{FI_WDA[d.weekday()]} {d.day}.{d.month}.{d.year} klo {d.hour}.{d.minute:02d} {name} <{a}> kirjoitti:'
        if lang == 'sv':
            return f'Den {SV_WDA[d.weekday()]} {d.day} {SV_MONA[d.month-1]} {d.year} kl {d.hour:02d}:{d.minute:02d} skrev {name} <{a}>:'
        return f'On {EN_WD[d.weekday()]}, {d.day} {EN_MON[d.month-1]} {d.year} at {d.hour:02d}:{d.minute:02d}, {name} <{a}> wrote:'
    if style == 'apple':
        if lang == 'fi':
            return f'{d.day}.{d.month}.{d.year} kello {d.hour}.{d.minute:02d}, {name} <{a}> kirjoitti:'
        if lang == 'sv':
            return f'{d.day} {SV_MONA[d.month-1]} {d.year} kl. {d.hour:02d}:{d.minute:02d} skrev {name} <{a}>:'
        return f'On {d.day} {EN_MON[d.month-1]} {d.year}, at {d.hour:02d}:{d.minute:02d}, {name} <{a}> wrote:'
    if style == 'tb':
        if lang == 'fi':
            return f'{name} kirjoitti {d.day}.{d.month}.{d.year} klo {d.hour}.{d.minute:02d}:'
        if lang == 'sv':
            return f'Den {d:%Y-%m-%d} kl. {d:%H:%M}, skrev {name}:'
        return f'On {d:%d/%m/%Y} {d:%H:%M}, {name} wrote:'
    if style == 'webmail':
        if lang == 'fi':
            return f'{name} kirjoitti {d.day}.{d.month}.{d.year} {d:%H:%M}:'
        if lang == 'sv':
            return f'{name} skrev {d:%Y-%m-%d %H:%M}:'
        return f'On {d:%Y-%m-%d %H:%M}, {name} wrote:'
    raise ValueError(style)


def gt(lines):
    return '\n'.join(('> ' + l) if l else '>' for l in lines.split('\n'))


# ---------------------------------------------------------------- HTML

def esc(s):
    return H.escape(s, quote=False)


def outlook_p(text):
    out = []
    for line in text.split('\n'):
        if line.strip():
            out.append(f'<p class="MsoNormal">{esc(line)}<o:p></o:p></p>')
        else:
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    return '\n'.join(out)


def outlook_doc(inner, lang, charset='utf-8'):
    la = {'fi': 'FI', 'sv': 'SV', 'en': 'EN-US'}[lang]
    return f'''<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
\t{{font-family:Aptos;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tfont-size:12.0pt;
\tfont-family:"Aptos",sans-serif;
\tmso-ligatures:standardcontextual;}}
a:link, span.MsoHyperlink
\t{{mso-style-priority:99;
\tcolor:#467886;
\ttext-decoration:underline;}}
span.EmailStyle19
\t{{mso-style-type:personal-reply;
\tfont-family:"Aptos",sans-serif;
\tcolor:windowtext;}}
.MsoChpDefault
\t{{mso-style-type:export-only;
\tfont-size:10.0pt;
\tmso-ligatures:none;}}
@page WordSection1
\t{{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1
\t{{page:WordSection1;}}
--></style>
</head>
<body lang="{la}" link="#467886" vlink="#96607D" style="word-wrap:break-word">
<div class="WordSection1">
{inner}
</div>
</body>
</html>
'''


def outlook_quote_html(lang, q, to):
    f, s, t, a, _ = QHDR[lang]
    d = dt(q['date'])
    frm = q.get('frm', (NETN, NETA))
    return (f'<div>\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
            f'<p class="MsoNormal"><b><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">{f}:</span></b>'
            f'<span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif"> {esc(plainaddr(frm))}<br>\n'
            f'<b>{s}:</b> {esc(outlook_sent(d, lang))}<br>\n<b>{t}:</b> {esc(to)}<br>\n'
            f'<b>{a}:</b> {esc(q["subj"])}<o:p></o:p></span></p>\n</div>\n</div>\n'
            f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' + outlook_p(q['text']))


def outlook_quote_text(lang, q, to, underscores=False):
    f, s, t, a, _ = QHDR[lang]
    d = dt(q['date'])
    frm = q.get('frm', (NETN, NETA))
    head = '________________________________\n' if underscores else ''
    return (f'{head}{f}: {plainaddr(frm)}\n{s}: {outlook_sent(d, lang)}\n{t}: {to}\n{a}: {q["subj"]}\n\n'
            + q['text'])


def gmail_html(text):
    out = []
    for line in text.split('\n'):
        out.append(f'<div>{esc(line)}</div>' if line.strip() else '<div><br></div>')
    return '<div dir="ltr">' + ''.join(out) + '</div>'


def gmail_quote_html(attr, qtext):
    body = '<br>'.join(esc(l) for l in qtext.split('\n'))
    return ('<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
            + esc(attr) + '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            'border-left:1px solid rgb(204,204,204);padding-left:1ex">' + body + '</blockquote></div>')


def apple_html(text, attr=None, qtext=None):
    parts = []
    for line in text.split('\n'):
        parts.append(f'<div>{esc(line)}</div>' if line.strip() else '<div><br></div>')
    inner = ''.join(parts)
    if attr:
        qb = '<br>'.join(esc(l) for l in qtext.split('\n'))
        inner += (f'<div><br><blockquote type="cite"><div>{esc(attr)}</div><br class="Apple-interchange-newline">'
                  f'<div><div>{qb}</div></div></blockquote></div>')
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + inner + '</body></html>')


def android_html(text, qhtml=''):
    parts = []
    for line in text.split('\n'):
        parts.append(f'<div dir="auto">{esc(line)}</div>' if line.strip() else '<div dir="auto"><br></div>')
    return ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            '<body>\n' + '\n'.join(parts) + '\n' + qhtml + '\n</body>\n</html>')


def android_quote_html(lang, q, to):
    f, s, t, a, _ = QHDR[lang]
    d = dt(q['date'])
    frm = q.get('frm', (NETN, NETA))
    body = '<br>\n'.join(esc(l) for l in q['text'].split('\n'))
    return ('<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr">'
            '<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
            f'<b>{f}:</b> {esc(plainaddr(frm))}<br>\n<b>{s}:</b> {esc(outlook_sent(d, lang))}<br>\n'
            f'<b>{t}:</b> {esc(to)}<br>\n<b>{a}:</b> {esc(q["subj"])}</font>\n<div>&nbsp;</div></div>\n'
            f'<div><div dir="ltr">{body}</div></div>')


# ---------------------------------------------------------------- mail spec

def P(name, address, role, org):
    return {'name': name, 'address': address, 'role': role, 'organisation': org}


def M(lang, label, frm, subj, date, body='', **kw):
    spec = dict(kind='normal', lang=lang, label=label, frm=frm, subj=subj, date=date, body=body)
    spec.update(kw)
    MAILS.append(spec)
    return spec


def CAL(lang, label, frm, date, day, partstat, app='outlook', comment='', **kw):
    spec = dict(kind='cal', lang=lang, label=label, frm=frm, date=date, day=day,
                partstat=partstat, app=app, comment=comment)
    spec.update(kw)
    MAILS.append(spec)
    return spec


def BOUNCE(lang, frm, subj, date, failed, **kw):
    spec = dict(kind='bounce', lang=lang, label='bounce', frm=frm, subj=subj, date=date,
                failed=failed)
    spec.update(kw)
    MAILS.append(spec)
    return spec


def MDN(lang, frm, subj, date, **kw):
    spec = dict(kind='mdn', lang=lang, label='autoreply', frm=frm, subj=subj, date=date)
    spec.update(kw)
    MAILS.append(spec)
    return spec


def flow(text, width=72):
    """RFC 3676 format=flowed: soft line breaks end with a space."""
    out = []
    for line in text.split('\n'):
        m = len(line) - len(line.lstrip('>'))
        prefix = line[:m]
        rest = line[m:]
        if prefix and rest.startswith(' '):
            prefix += ' '
            rest = rest[1:]
        if line == '-- ':
            out.append(line)
            continue
        rest = rest.rstrip(' ')
        if rest.startswith(' ') or rest.startswith('From ') and not prefix:
            rest = ' ' + rest
        avail = max(20, width - len(prefix))
        if len(rest) <= avail:
            out.append(prefix + rest)
            continue
        words = rest.split(' ')
        cur = ''
        segs = []
        for w in words:
            if cur and len(cur) + 1 + len(w) > avail:
                segs.append(cur + ' ')
                cur = w
            else:
                cur = (cur + ' ' + w) if cur else w
        segs.append(cur)
        out.extend(prefix + s for s in segs)
    return '\n'.join(out)
