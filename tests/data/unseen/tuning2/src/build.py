#!/usr/bin/env python3
"""Rebuilds the corpus in the parent folder byte for byte and checks it.
Python 3 standard library only.  Usage: python3 src/build.py"""
import os, sys, re, json, random, glob, datetime, email
sys.dont_write_bytecode = True
from email import policy
from email.utils import parsedate_to_datetime, getaddresses

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import lib, mails_fi, mails_sv, mails_en

ROBOT = {"bounce": "bounce", "autoreply": "autoreply"}
OK_DOM = re.compile(r"(\.test|(^|\.)example\.org|(^|\.)example\.com)$", re.I)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
TZ = datetime.timezone(datetime.timedelta(hours=2))
LO = datetime.datetime(2026, 11, 1, 0, 0, 0, tzinfo=TZ)
HI = datetime.datetime(2026, 12, 5, 23, 59, 59, tzinfo=TZ)


def expected(m):
    robot = ROBOT.get(m["label"])
    e = {"robot": robot, "intent": None if robot else m["label"], "language": m["lang"]}
    for k in ("day", "people", "acts_for", "also", "bounced"):
        if k in m["exp"]:
            e[k] = m["exp"][k]
    return e


def main():
    allm = mails_fi.MAILS + mails_sv.MAILS + mails_en.MAILS
    raws = [lib.build(m, i) for i, m in enumerate(allm)]
    order = list(range(len(allm)))
    random.Random(20261206).shuffle(order)
    for f in glob.glob(os.path.join(OUT, "[0-9][0-9][0-9]_*.eml")) + glob.glob(os.path.join(OUT, "[0-9][0-9][0-9]_*.expected.json")):
        os.remove(f)
    errors = []
    counts = {}
    for n, i in enumerate(order, 1):
        m = allm[i]
        base = "%03d_%s_%s" % (n, m["lang"], m["label"])
        data = raws[i].encode("utf-8")
        with open(os.path.join(OUT, base + ".eml"), "wb") as f:
            f.write(data)
        exp = expected(m)
        with open(os.path.join(OUT, base + ".expected.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
        counts[(m["lang"], m["label"])] = counts.get((m["lang"], m["label"]), 0) + 1
        # --- checks
        msg = email.message_from_bytes(data, policy=policy.default)
        for hname in ("From", "To", "Subject", "Date", "Message-ID"):
            if not msg[hname]:
                errors.append("%s: missing %s" % (base, hname))
        d = parsedate_to_datetime(str(msg["Date"]))
        if not (LO <= d <= HI):
            errors.append("%s: date out of range %s" % (base, d))
        for hname in ("From", "To", "Cc", "Reply-To"):
            for _, a in getaddresses(msg.get_all(hname, [])):
                if a and not OK_DOM.search(a.split("@")[-1]):
                    errors.append("%s: bad header address %s" % (base, a))
        text = data.decode("utf-8").replace("=\n", "")
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    text += "\n" + part.get_content()
                except Exception as ex:
                    errors.append("%s: cannot decode part %s (%s)" % (base, part.get_content_type(), ex))
        for dom in EMAIL_RE.findall(text):
            if not OK_DOM.search(dom):
                errors.append("%s: bad address domain %s" % (base, dom))
        for p in msg.walk():
            _ = p.get_payload(decode=True)
        json.load(open(os.path.join(OUT, base + ".expected.json"), encoding="utf-8"))
        if m["label"] in ("rsvp_yes", "rsvp_no", "substitute") and "day" not in exp:
            errors.append("%s: day missing" % base)
        if m["label"] == "bounce" and not exp.get("bounced"):
            errors.append("%s: bounced missing" % base)
    labels = ["signup", "interest_join", "interest_leave", "rsvp_yes", "rsvp_no", "cancel", "substitute", "commit",
              "correction", "export_request", "forget_request", "attention", "bounce", "autoreply"]
    print("%-16s %4s %4s %4s %5s" % ("label", "fi", "sv", "en", "total"))
    for lb in labels:
        r = [counts.get((lg, lb), 0) for lg in ("fi", "sv", "en")]
        print("%-16s %4d %4d %4d %5d" % (lb, r[0], r[1], r[2], sum(r)))
    tot = [sum(v for (lg, _), v in counts.items() if lg == x) for x in ("fi", "sv", "en")]
    print("%-16s %4d %4d %4d %5d" % ("total", tot[0], tot[1], tot[2], sum(tot)))
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("all %d mails written and checked" % len(allm))


if __name__ == "__main__":
    main()
