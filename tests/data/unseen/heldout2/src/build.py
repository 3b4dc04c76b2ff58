#!/usr/bin/env python3
"""Rebuild the corpus in the parent folder, byte for byte, and check it.
Usage: python3 src/build.py"""
import os, sys, json, random, re, glob, email
from email import policy
from email.utils import parsedate_to_datetime, getaddresses
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import lib, mails_fi, mails_sv, mails_en

SEED = 8813
START = datetime(2026, 11, 1, 0, 0, tzinfo=lib.FI)
END = datetime(2026, 12, 5, 23, 59, tzinfo=lib.FI)
INVITED = datetime(2026, 11, 16, 10, 30, tzinfo=lib.FI)


def main():
    mails = mails_fi.M + mails_sv.M + mails_en.M
    rng = random.Random(SEED)
    order = list(range(len(mails)))
    rng.shuffle(order)
    for f in glob.glob(os.path.join(OUT, '[0-9][0-9][0-9]_*.eml')) + glob.glob(os.path.join(OUT, '[0-9][0-9][0-9]_*.expected.json')):
        os.remove(f)
    drng = random.Random(SEED + 1)
    problems = []
    for n, idx in enumerate(order, 1):
        m = mails[idx]
        if m.get('date'):
            d = datetime.strptime(m['date'], '%Y-%m-%d %H:%M').replace(tzinfo=lib.FI, second=drng.randrange(60))
        else:
            lo = INVITED if m.get('reply') else START
            span = int((END - lo).total_seconds())
            while True:
                d = lo + timedelta(seconds=drng.randrange(span))
                if 7 <= d.hour <= 22:
                    break
        raw = lib.build(n, m, d)
        label = m['label']
        exp = {}
        exp['robot'] = label if label in ('bounce', 'autoreply') else None
        exp['intent'] = None if exp['robot'] else label
        exp['language'] = m['lang']
        for k in ('day', 'people', 'acts_for', 'also', 'bounced'):
            if k in m.get('exp', {}):
                exp[k] = m['exp'][k]
        base = f'{n:03d}_{m["lang"]}_{label}'
        with open(os.path.join(OUT, base + '.eml'), 'w', encoding='utf-8', newline='\n') as fh:
            fh.write(raw)
        with open(os.path.join(OUT, base + '.expected.json'), 'w', encoding='utf-8', newline='\n') as fh:
            json.dump(exp, fh, ensure_ascii=False, indent=2)
            fh.write('\n')
        problems += check(base)
    if problems:
        print('\n'.join(problems))
        sys.exit(1)
    print(f'{len(order)} mails written to {OUT}, all checks passed')


ADDR = re.compile(r'[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})')


def okdom(dom):
    dom = dom.lower().rstrip('.')
    return dom.endswith('.test') or dom in ('example.org', 'example.com') or dom.endswith('.example.org') or dom.endswith('.example.com')


def check(base):
    p = []
    with open(os.path.join(OUT, base + '.eml'), 'rb') as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)
    for hname in ('From', 'To', 'Subject', 'Date', 'Message-ID'):
        if not msg[hname]:
            p.append(f'{base}: missing {hname}')
    d = parsedate_to_datetime(str(msg['Date'])).astimezone(lib.FI)
    if not (START <= d <= END.replace(second=59)):
        p.append(f'{base}: date {d} out of range')
    texts = [str(v) for k, v in msg.items()]
    for part in msg.walk():
        if part.get_content_maintype() == 'multipart':
            continue
        try:
            c = part.get_content()
        except Exception:
            c = part.get_payload(decode=True) or b''
        texts.append(c if isinstance(c, str) else c.decode('utf-8', 'replace') if isinstance(c, bytes) else str(c))
    for t in texts:
        for dom in ADDR.findall(t):
            if not okdom(dom):
                p.append(f'{base}: address domain {dom}')
    for hname in ('From', 'To', 'Cc', 'Reply-To'):
        if msg[hname]:
            for _, a in getaddresses([str(msg[hname])]):
                if not okdom(a.split('@')[-1]):
                    p.append(f'{base}: {hname} {a}')
    with open(os.path.join(OUT, base + '.expected.json'), encoding='utf-8') as fh:
        json.load(fh)
    return p


if __name__ == '__main__':
    main()
