"""Build the corpus: number the mails, write .eml + .expected.json, split
into tuning/heldout, verify, and write README counts.

    python3 build.py
"""
import collections
import email
import json
import os
import random
import re
import shutil
import sys
from email import policy

sys.path.insert(0, os.path.dirname(__file__))
import common
import mailbuild
import fi, sv, en, robots  # noqa: F401  (they fill common.MAILS)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUMBER_SEED = 20261209      # order in which mails get their NNN numbers
SPLIT_SEED = 20270210       # tuning / heldout split

LABELS = ['signup', 'interest_join', 'interest_leave', 'rsvp_yes', 'rsvp_no', 'cancel', 'substitute',
          'commit', 'correction', 'export_request', 'forget_request', 'attention', 'bounce', 'autoreply']
LANGS = ['fi', 'sv', 'en']


def expected(spec):
    label = spec['label']
    robot = label if label in ('bounce', 'autoreply') else None
    exp = {'robot': robot, 'intent': None if robot else label, 'language': spec['lang']}
    if robot == 'bounce':
        exp['bounced'] = [f['addr'] for f in spec['failed']]
    x = spec.get('x') or {}
    for k in ('also', 'day', 'people', 'acts_for'):
        if k in x:
            exp[k] = x[k]
    return exp


def main():
    mails = list(common.MAILS)
    rnd = random.Random(NUMBER_SEED)
    rnd.shuffle(mails)
    items = []
    for i, spec in enumerate(mails, 1):
        name = f'{i:03d}_{spec["lang"]}_{spec["label"]}'
        key = f'{spec["lang"]}|{spec["label"]}|{spec["frm"][1]}|{spec["date"]}'
        raw = mailbuild.build(spec, key)
        items.append((name, spec, raw, expected(spec)))

    # stratified split
    groups = collections.defaultdict(list)
    for it in items:
        groups[(it[1]['lang'], it[1]['label'])].append(it[0])
    # each (language, label) cell gives floor(n/3) mails to heldout; the remaining
    # heldout places (up to round(N/3)) go to the cells with the largest remainders,
    # ties broken by the seeded generator
    srnd = random.Random(SPLIT_SEED)
    cells = sorted(groups)
    quota = {g: len(groups[g]) // 3 for g in cells}
    target = round(len(items) / 3)
    order = sorted(cells, key=lambda g: (-(len(groups[g]) % 3), srnd.random()))
    for g in order[:target - sum(quota.values())]:
        quota[g] += 1
    held = set()
    for g in cells:
        names = sorted(groups[g])
        srnd.shuffle(names)
        held.update(names[:quota[g]])

    for d in ('tuning', 'heldout'):
        p = os.path.join(ROOT, d)
        if os.path.isdir(p):
            shutil.rmtree(p)
        os.makedirs(p)
    split = {'number_seed': NUMBER_SEED, 'split_seed': SPLIT_SEED, 'tuning': [], 'heldout': []}
    for name, spec, raw, exp in items:
        d = 'heldout' if name in held else 'tuning'
        split[d].append(name)
        with open(os.path.join(ROOT, d, name + '.eml'), 'wb') as f:
            f.write(raw)
        with open(os.path.join(ROOT, d, name + '.expected.json'), 'w', encoding='utf-8') as f:
            json.dump(exp, f, ensure_ascii=False, indent=2)
            f.write('\n')
    with open(os.path.join(ROOT, 'split.json'), 'w') as f:
        json.dump(split, f, indent=1)
        f.write('\n')
    verify()
    readme(items, held)


ADDR_RE = re.compile(r'[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})')


def ok_domain(dom):
    dom = dom.lower().rstrip('.')
    return dom.endswith('.test') or dom in ('example.org', 'example.com')


def verify():
    n = 0
    for d in ('tuning', 'heldout'):
        p = os.path.join(ROOT, d)
        for fn in sorted(os.listdir(p)):
            if not fn.endswith('.eml'):
                continue
            n += 1
            raw = open(os.path.join(p, fn), 'rb').read()
            msg = email.message_from_bytes(raw, policy=policy.default)
            for h in ('From', 'To', 'Subject', 'Date', 'Message-ID'):
                assert msg[h], (fn, h)
            assert msg['Date'].datetime, fn
            dtm = msg['Date'].datetime
            assert (dtm.year, dtm.month) in ((2026, 11), (2026, 12)), (fn, dtm)
            assert not (dtm.month == 12 and dtm.astimezone(common.EET).day > 5), (fn, dtm)
            for part in msg.walk():
                if part.get_content_maintype() == 'text':
                    part.get_content()
            # every address-like token in the decoded headers uses a reserved domain
            for h in ('From', 'To', 'Cc', 'Reply-To', 'Message-ID', 'In-Reply-To', 'References', 'Sender'):
                for v in msg.get_all(h) or []:
                    for dom in ADDR_RE.findall(str(v)):
                        assert ok_domain(dom), (fn, h, v)
            text = raw.decode('utf-8', 'replace').split('\n\n')[0].split('\r\n\r\n')[0]
            for part in msg.walk():
                if part.get_content_type() == 'text/calendar':
                    text += part.get_content().replace('\r\n ', '').replace('\n ', '')
                elif part.get_content_maintype() == 'text':
                    text += part.get_content()
                elif not part.is_multipart():
                    text += str(part.get_payload())
            for dom in ADDR_RE.findall(text):
                assert ok_domain(dom), (fn, dom)
            with open(os.path.join(p, fn[:-4] + '.expected.json'), encoding='utf-8') as f:
                exp = json.load(f)
            assert exp['language'] in LANGS
    print('verified', n, 'messages')


def table(items, names):
    c = collections.Counter((s['lang'], s['label']) for n, s, _, _ in items if n in names)
    lines = ['| label | fi | sv | en | total |', '|---|---:|---:|---:|---:|']
    for lab in LABELS:
        row = [c[(l, lab)] for l in LANGS]
        lines.append(f'| {lab} | ' + ' | '.join(map(str, row)) + f' | {sum(row)} |')
    tot = [sum(c[(l, lab)] for lab in LABELS) for l in LANGS]
    lines.append('| **total** | ' + ' | '.join(map(str, tot)) + f' | {sum(tot)} |')
    return '\n'.join(lines)


def readme(items, held):
    allnames = {n for n, *_ in items}
    tuning = allnames - held
    tmpl = open(os.path.join(os.path.dirname(__file__), 'README.template.md'), encoding='utf-8').read()
    out = (tmpl.replace('{{ALL}}', table(items, allnames))
               .replace('{{TUNING}}', table(items, tuning))
               .replace('{{HELDOUT}}', table(items, held))
               .replace('{{NUMBER_SEED}}', str(NUMBER_SEED))
               .replace('{{SPLIT_SEED}}', str(SPLIT_SEED))
               .replace('{{N}}', str(len(items)))
               .replace('{{NT}}', str(len(tuning)))
               .replace('{{NH}}', str(len(held))))
    with open(os.path.join(ROOT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(out)
    print(table(items, allnames))
    print('tuning', len(tuning), 'heldout', len(held))


if __name__ == '__main__':
    main()
