"""Tiny envelope helper: builds raw RFC 5322 text deterministically (fixed boundaries)."""
import base64, quopri
from email.header import Header

def h(name, value):
    try:
        value.encode('ascii')
        return f"{name}: {value}"
    except UnicodeEncodeError:
        return f"{name}: " + Header(value, 'utf-8', header_name=name).encode()

def headers(pairs):
    return "\n".join(h(k, v) for k, v in pairs if v is not None)

def text(body, subtype='plain', charset='utf-8', cte='8bit'):
    if cte == 'base64':
        data = base64.encodebytes(body.encode(charset)).decode('ascii')
    elif cte == 'quoted-printable':
        data = quopri.encodestring(body.encode(charset)).decode('ascii')
        if not data.endswith('\n'):
            data += '\n'
    else:
        data = body if body.endswith('\n') else body + '\n'
    return (f"Content-Type: text/{subtype}; charset=\"{charset}\"\n"
            f"Content-Transfer-Encoding: {cte}\n\n{data}")

def multipart(subtype, parts, boundary, params=''):
    out = [f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"{params}\n\n"]
    for p in parts:
        out.append(f"--{boundary}\n{p}\n")
    out.append(f"--{boundary}--\n")
    return "".join(out)

def raw_part(ctype, body):
    return f"Content-Type: {ctype}\n\n{body if body.endswith(chr(10)) else body + chr(10)}"

def mail(hdrs, body_part):
    """hdrs: list of (name, value); body_part: a string starting with Content-Type."""
    return headers(hdrs) + "\nMIME-Version: 1.0\n" + body_part

def dsn(reporting_mta, recips, arrival=None):
    lines = [f"Reporting-MTA: dns;{reporting_mta}"]
    if arrival:
        lines.append(f"Arrival-Date: {arrival}")
    blocks = ["\n".join(lines)]
    for addr, status, diag in recips:
        blocks.append(f"Final-Recipient: rfc822;{addr}\nAction: failed\nStatus: {status}\n"
                      f"Diagnostic-Code: smtp;{diag}")
    return raw_part("message/delivery-status", "\n\n".join(blocks) + "\n")
