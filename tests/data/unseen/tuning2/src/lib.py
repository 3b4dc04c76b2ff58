"""Envelope helper: turns a hand-written mail spec into raw RFC 5322 bytes
the way a given client would have sent it. Deterministic (no random boundaries)."""
import base64, hashlib, quopri, datetime
from email.header import Header
from email.utils import formataddr

NET = ("Kehittämisverkosto", "verkosto@example.org")
WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MO = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfcdate(s):
    d = datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
    return "%s, %d %s %d %02d:%02d:%02d +0200" % (WD[d.weekday()], d.day, MO[d.month - 1], d.year, d.hour, d.minute, d.second)


def h(s):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8", maxlinelen=76).encode()


def addr(a):
    if isinstance(a, str):
        return a
    name, ad = a
    if not name:
        return ad
    return formataddr((name, ad), charset="utf-8")


def addrs(lst):
    if isinstance(lst, tuple) or isinstance(lst, str):
        lst = [lst]
    return ", ".join(addr(a) for a in lst)


def mid(key, dom):
    return "<%s@%s>" % (hashlib.sha1(key.encode()).hexdigest()[:24].upper(), dom)


def bnd(key, n=0):
    return "----=_Part_%s_%d" % (hashlib.md5(key.encode()).hexdigest()[:16], n)


def enc_part(text, ctype="text/plain", charset="utf-8", cte="quoted-printable", extra=""):
    raw = text.replace("\n", "\r\n").encode(charset) if cte == "base64" else text.encode(charset)
    if cte == "base64":
        body = base64.encodebytes(raw).decode().rstrip("\n")
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw).decode()
    elif cte == "8bit":
        body = raw.decode(charset) if charset.lower() in ("utf-8",) else raw.decode(charset)
    else:  # 7bit
        body = text
    return "Content-Type: %s; charset=\"%s\"%s\nContent-Transfer-Encoding: %s\n\n%s\n" % (
        ctype, charset, extra, cte, body.rstrip("\n"))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outlook_html(text, charset="utf-8"):
    out = []
    for line in text.split("\n"):
        if line.strip() == "":
            out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
        else:
            out.append("<p class=MsoNormal>%s<o:p></o:p></p>" % esc(line))
    return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">"
            "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">" % charset +
            "<meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">"
            "<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;} "
            "div.WordSection1 {page:WordSection1;} --></style></head>\n"
            "<body lang=FI link=\"#0563C1\" vlink=\"#954F72\"><div class=WordSection1>\n"
            + "\n".join(out) + "\n</div></body></html>")


def gmail_html(text):
    parts = []
    for line in text.split("\n"):
        parts.append("<div>%s</div>" % (esc(line) if line.strip() else "<br>"))
    return "<div dir=\"ltr\">" + "".join(parts) + "</div>"


# ---- quoted history -------------------------------------------------------
QH = {
    "fi": ("Lähettäjä", "Lähetetty", "Vastaanottaja", "Aihe"),
    "sv": ("Från", "Skickat", "Till", "Ämne"),
    "en": ("From", "Sent", "To", "Subject"),
}
WROTE = {"fi": "%s kirjoitti:", "sv": "%s skrev:", "en": "On %s wrote:"}


def quote(q):
    """q: dict(style='outlook'|'gmail', lang, who, when, subj, text, to)"""
    if q["style"] == "outlook":
        L = QH[q["lang"]]
        who = q.get("who", "Kehittämisverkosto <verkosto@example.org>")
        s = "\n\n" + "_" * 32 + "\n"
        s += "%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n" % (L[0], who, L[1], q["when"], L[2], q.get("to", ""), L[3], q["subj"])
        return s + q["text"].rstrip("\n") + "\n"
    else:
        who = q.get("who", "Kehittämisverkosto <verkosto@example.org>")
        if q["lang"] == "en":
            line = "On %s %s wrote:" % (q["when"], who)
        else:
            line = "%s %s" % (q["when"], WROTE[q["lang"]] % who)
        return "\n\n" + line + "\n\n" + "\n".join(("> " + l if l else ">") for l in q["text"].rstrip("\n").split("\n")) + "\n"


# ---- the mail ----------------------------------------------------------------
def build(m, idx):
    """m: spec dict. Returns raw message text."""
    frm = m["frm"]
    fromaddr = frm[1] if isinstance(frm, tuple) else frm
    dom = fromaddr.split("@")[1]
    key = "%d|%s|%s|%s" % (idx, fromaddr, m["subj"], m["date"])
    client = m.get("client", "outlook")
    hd = []
    hd.append(("From", addrs(frm)))
    hd.append(("To", addrs(m.get("to", NET))))
    if m.get("cc"):
        hd.append(("Cc", addrs(m["cc"])))
    if m.get("reply_to"):
        hd.append(("Reply-To", addrs(m["reply_to"])))
    hd.append(("Subject", h(m["subj"])))
    hd.append(("Date", rfcdate(m["date"])))
    hd.append(("Message-ID", m.get("msgid") or mid(key, dom if client not in ("owa", "android", "outlook") else dom)))
    if m.get("quote") and "who" not in m["quote"] and not m.get("in_reply_to"):
        m = dict(m, in_reply_to="<inv-%s@example.org>" % hashlib.md5(m["quote"]["subj"].encode()).hexdigest()[:16])
    if m.get("in_reply_to"):
        hd.append(("In-Reply-To", m["in_reply_to"]))
        hd.append(("References", m["in_reply_to"]))
    for k, v in m.get("headers", []):
        hd.append((k, v))
    body = m.get("body", "")
    if m.get("quote"):
        body = body.rstrip("\n") + quote(m["quote"])
    lang = m.get("lang", "fi")
    langtag = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-US"}[lang]
    b = bnd(key)
    charset = m.get("charset", "utf-8")
    cte = m.get("cte", "quoted-printable")
    if client == "raw":
        content = m["raw"]
        ctype_hdrs = m.get("ctype_hdrs", [])
        hd.extend(ctype_hdrs)
    elif client in ("outlook", "owa", "android"):
        if client == "outlook":
            hd.append(("X-Mailer", "Microsoft Outlook 16.0"))
            hd.append(("Thread-Index", "AQH" + hashlib.md5(key.encode()).hexdigest()[:20]))
        elif client == "android":
            hd.append(("X-Mailer", "Outlook for Android"))
        hd.append(("Content-Language", langtag))
        html = outlook_html(body, charset)
        if m.get("html_only"):
            hd.append(("Content-Type", "text/html; charset=\"%s\"" % charset))
            hd.append(("Content-Transfer-Encoding", cte))
            raw = html.encode(charset, "xmlcharrefreplace")
            content = base64.encodebytes(raw).decode() if cte == "base64" else quopri.encodestring(raw).decode()
        else:
            hd.append(("Content-Type", "multipart/alternative;\n\tboundary=\"%s\"" % b))
            content = "--%s\n%s\n--%s\n%s\n--%s--\n" % (
                b, enc_part(body, "text/plain", charset, cte), b,
                enc_part(html, "text/html", charset, cte), b)
    elif client == "gmail":
        hd.append(("Content-Type", "multipart/alternative; boundary=\"%s\"" % b))
        content = "--%s\n%s\n--%s\n%s\n--%s--\n" % (
            b, enc_part(body, "text/plain", "UTF-8", cte), b,
            enc_part(gmail_html(body), "text/html", "UTF-8", cte), b)
    elif client == "iphone":
        hd.append(("X-Mailer", "iPhone Mail (22B91)"))
        hd.append(("Content-Type", "text/plain; charset=%s" % charset))
        hd.append(("Content-Transfer-Encoding", cte))
        raw = body.encode(charset)
        content = base64.encodebytes(raw).decode() if cte == "base64" else (quopri.encodestring(raw).decode() if cte == "quoted-printable" else body)
    elif client == "thunderbird":
        hd.append(("User-Agent", "Mozilla Thunderbird"))
        hd.append(("Content-Language", langtag.split("-")[0] + "-" + langtag.split("-")[1]))
        hd.append(("Content-Type", "text/plain; charset=%s; format=flowed" % charset.upper()))
        hd.append(("Content-Transfer-Encoding", "8bit" if charset.lower() == "utf-8" else cte))
        if charset.lower() == "utf-8":
            content = body
        else:
            content = quopri.encodestring(body.encode(charset)).decode()
    elif client == "form":
        hd.append(("X-Mailer", "Verkkolomake 2.3"))
        hd.append(("Content-Type", "text/plain; charset=%s" % charset))
        hd.append(("Content-Transfer-Encoding", cte))
        raw = body.encode(charset)
        content = quopri.encodestring(raw).decode() if cte == "quoted-printable" else (base64.encodebytes(raw).decode() if cte == "base64" else body)
    elif client in ("ics_outlook", "ics_google"):
        ics = m["ics"]
        if client == "ics_outlook":
            hd.append(("X-Mailer", "Microsoft Outlook 16.0"))
            hd.append(("Content-Language", langtag))
            hd.append(("Content-Type", "multipart/alternative;\n\tboundary=\"%s\"" % b))
            content = "--%s\n%s\n--%s\n%s\n--%s--\n" % (
                b, enc_part(body, "text/plain", "utf-8", "quoted-printable"), b,
                enc_part(ics, "text/calendar", "utf-8", "base64", "; method=REPLY"), b)
        else:
            b2 = bnd(key, 1)
            hd.append(("Content-Type", "multipart/mixed; boundary=\"%s\"" % b))
            content = ("--%s\nContent-Type: multipart/alternative; boundary=\"%s\"\n\n"
                       "--%s\n%s\n--%s\n%s\n--%s--\n\n--%s\n"
                       "Content-Type: application/ics; name=\"invite.ics\"\n"
                       "Content-Disposition: attachment; filename=\"invite.ics\"\n"
                       "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n") % (
                b, b2, b2, enc_part(body, "text/plain", "UTF-8", "7bit" if body.isascii() else "quoted-printable"), b2,
                enc_part(ics, "text/calendar", "UTF-8", "7bit", "; method=REPLY"), b2, b,
                base64.encodebytes(ics.replace("\n", "\r\n").encode()).decode().rstrip("\n"), b)
    else:
        raise ValueError(client)
    hd.append(("MIME-Version", "1.0")) if not any(k == "MIME-Version" for k, _ in hd) else None
    out = "".join("%s: %s\n" % (k, v) for k, v in hd)
    return out + "\n" + content


def ics_reply(day, partstat, who_name, who_addr, comment=None, google=False, stamp="20261115T081500Z"):
    d = day.replace("-", "")
    summ = "Verkostopäivä" if day == "2026-12-09" else "Jatkopäivä"
    lines = ["BEGIN:VCALENDAR",
             "PRODID:-//Google Inc//Google Calendar 70.9054//EN" if google else "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
             "VERSION:2.0", "CALSCALE:GREGORIAN" if google else "X-MS-OLK-FORCEINSPECTOROPEN:TRUE",
             "METHOD:REPLY", "BEGIN:VEVENT",
             "DTSTART;TZID=Europe/Helsinki:%sT100000" % d,
             "DTEND;TZID=Europe/Helsinki:%sT160000" % d,
             "DTSTAMP:%s" % stamp,
             "ORGANIZER;CN=Kehittämisverkosto:mailto:verkosto@example.org",
             "UID:verkosto-%s@example.org" % day,
             "ATTENDEE;CN=%s;PARTSTAT=%s:mailto:%s" % (who_name, partstat, who_addr)]
    if comment:
        lines.append("COMMENT:%s" % comment)
    lines += ["SEQUENCE:0", "SUMMARY:%s" % summ, "LOCATION:Kuntatalo\\, Helsinki", "STATUS:CONFIRMED",
              "END:VEVENT", "END:VCALENDAR"]
    return "\n".join(lines) + "\n"


def orig_headers(to, subj, date, key):
    return ("From: =?utf-8?q?Kehitt=C3=A4misverkosto?= <verkosto@example.org>\n"
            "To: %s\nSubject: %s\nDate: %s\nMessage-ID: %s\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=\"utf-8\"\n" % (to, h(subj), rfcdate(date), mid(key, "example.org")))


def dsn(text, reporting_mta, recips, orig_to, orig_subj, orig_date, text_charset="utf-8",
        text_cte="quoted-printable", full_original=True, orig_body="Hei,\n\ntervetuloa verkostopäivään.\n", html=None):
    """recips: list of (addr, action, status, diag). Returns (ctype_hdrs, content)."""
    key = "dsn|" + ",".join(r[0] for r in recips) + orig_date
    b = bnd(key)
    per = "Reporting-MTA: dns; %s\n" % reporting_mta
    per += "Arrival-Date: %s\n" % rfcdate(orig_date)
    for a, action, status, diag in recips:
        per += "\nFinal-Recipient: rfc822; %s\nAction: %s\nStatus: %s\n" % (a, action, status)
        if diag:
            per += "Diagnostic-Code: smtp; %s\n" % diag
    oh = orig_headers(orig_to, orig_subj, orig_date, key)
    if html:
        b3 = bnd(key, 3)
        first = ("Content-Type: multipart/alternative; differences=Content-Type;\n\tboundary=\"%s\"\n\n"
                 "--%s\n%s\n--%s\n%s\n--%s--\n") % (b3, b3, enc_part(text, "text/plain", text_charset, text_cte), b3,
                                                  enc_part(html, "text/html", text_charset, text_cte), b3)
    else:
        first = enc_part(text, "text/plain", text_charset, text_cte)
    if full_original:
        last = "Content-Type: message/rfc822\n\n%s\n%s" % (oh, quopri.encodestring(orig_body.encode()).decode() if False else orig_body)
        last = "Content-Type: message/rfc822\n\n" + oh.replace("charset=\"utf-8\"\n", "charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n") + "\n" + orig_body
    else:
        last = "Content-Type: text/rfc822-headers\n\n" + oh
    content = "--%s\n%s\n--%s\nContent-Type: message/delivery-status\n\n%s\n--%s\n%s\n--%s--\n" % (
        b, first, b, per, b, last, b)
    return [("MIME-Version", "1.0"), ("Content-Type", "multipart/report; report-type=delivery-status;\n\tboundary=\"%s\"" % b)], content


def mdn(text, reader, orig_subj, orig_date, ua="Microsoft Outlook 16.0", charset="utf-8"):
    key = "mdn|" + reader + orig_date
    b = bnd(key)
    st = ("Reporting-UA: %s\nOriginal-Recipient: rfc822;%s\nFinal-Recipient: rfc822;%s\n"
          "Original-Message-ID: %s\nDisposition: manual-action/MDN-sent-manually; displayed\n") % (
        ua, reader, reader, mid(key, "example.org"))
    content = "--%s\n%s\n--%s\nContent-Type: message/disposition-notification\n\n%s\n--%s--\n" % (
        b, enc_part(text, "text/plain", charset, "quoted-printable"), b, st, b)
    return [("MIME-Version", "1.0"), ("Content-Type", "multipart/report; report-type=disposition-notification;\n\tboundary=\"%s\"" % b)], content
