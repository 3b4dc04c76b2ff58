"""How well mailflow understands mail: figures over labelled corpora, not a pass/fail test.

Every mail goes through ``parse_message`` and the understanding entry, against a network
state holding what its writer was told, and is compared with its .expected.json. Default
corpora, reported apart: "own" (tests/data/*.eml, with tests/unit/test_corpus.py's state),
the independent writer's tests/data/unseen/tuning and .../heldout, a second writer's
.../tuning2 (written after the first round of rules and measured before any rule saw it,
then tuned to) and a third writer's .../heldout2 (written after the second round; that state plus
Prakticum, Optima, Yrkesakademin i Österbotten, Axxell and three Swedish speakers; with
--registered also the senders of replies that presume a registration). The held-out part
is measured, never tuned to.

A mail's label is its intent, or its robot kind. Printed per corpus: label accuracy per
language (own corpus: the JSON's language, else "en" if the file name says so, else "fi"),
per-label precision and recall, robots (persons' mails taken for robots should be none),
the confusion matrix, mails asking a second thing ("also": carried in ``Intent.also``, to
attention, or lost), people fields (of the request that names people: a commitment's
new participant is the sign-up's in ``also``), whether a mail written for someone else reached them
("acts_for": the intent's sender or people), and erasure requests read as anything else.

The held-out part's mails are never named in what is printed (figures only; its
per-mail results go only into --json), so measuring it cannot turn into tuning to it; the
same holds for "heldout2", which is held out whole.

Usage: python bench/understanding.py [FOLDER ...] [--only own tuning] [--registered] [--json FILE]
       [--compare BEFORE [AFTER]]  (one file: compared with this run; two: with each other)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailflow.core.languages.reasons import reason_text  # noqa: E402
from mailflow.core.model import Organisation, Person, Role  # noqa: E402
from mailflow.core.organisations import OrgDirectory  # noqa: E402
from mailflow.core.reading.parse import parse_message  # noqa: E402
from mailflow.core.settings import OrganisationAlias  # noqa: E402
from mailflow.core.values import INTENT_KINDS, Intent, NetworkState  # noqa: E402

# ``understand`` comes through tests/unit/test_corpus.py: wherever that test finds it.
from tests.unit import test_corpus  # noqa: E402
from tests.unit.test_corpus import ALIASES, DOMAIN, OWN  # noqa: E402

UNSEEN = ROOT / "tests" / "data" / "unseen"
LANGUAGES = ("fi", "sv", "en")
#: The corpus measured and never tuned to: its mails are never named in print.
UNSEEN_PARTS = ("tuning", "tuning2", "tuning3", "heldout", "heldout2")
HELD_OUT = frozenset({"heldout", "heldout2"})  # measured, never tuned to: never named
LABELS = (*INTENT_KINDS, "bounce", "autoreply", "loop")
PEOPLE_FIELDS = ("name", "address", "role", "organisation")
PRESUME_REGISTRATION = {"rsvp_yes", "rsvp_no", "cancel", "substitute", "correction"}
REGISTERED_AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)

UNSEEN_ALIASES = (
    *ALIASES,
    OrganisationAlias("Prakticum", (), ("prakticum.test",)),
    OrganisationAlias("Optima", (), ("optima.test",)),
    OrganisationAlias("Yrkesakademin i Österbotten", ("YA",), ("yrkesakademin.test",)),
    OrganisationAlias("Axxell", (), ("axxell.test",)),
)
SWEDISH_SPEAKERS: tuple[tuple[str, str, str, Role], ...] = (
    ("anna.lindqvist@prakticum.test", "Anna Lindqvist", "prakticum", "management"),
    ("johan.nyberg@optima.test", "Johan Nyberg", "optima", "staff"),
    ("sofia.bjorklund@yrkesakademin.test", "Sofia Björklund", "yrkesakademin i österbotten",
     "supervisor"),
)


def unseen_state() -> NetworkState:
    """What the unseen corpus's writer was told: test_corpus's state and the Swedish side."""
    base = test_corpus.network_state()
    orgs = [Organisation(a.name.lower(), a.name, (*a.aliases, *a.domains))
            for a in UNSEEN_ALIASES[len(ALIASES):]]
    people = [Person(address, name, org, role, language="sv", registered_at=REGISTERED_AT)
              for address, name, org, role in SWEDISH_SPEAKERS]
    return replace(
        base,
        organisations={**base.organisations, **{o.key: o for o in orgs}},
        people={**base.people, **{p.address: p for p in people}},
    )


@dataclass(frozen=True)
class Corpus:
    """A labelled folder and the state and organisation names its writer was told."""
    name: str
    files: tuple[Path, ...]
    state: NetworkState
    aliases: tuple[OrganisationAlias, ...]


def default_corpora(registered: bool) -> list[Corpus]:
    return [Corpus("own", tuple(test_corpus.CASES), test_corpus.network_state(), ALIASES),
            *(folder_corpus(UNSEEN / part, registered) for part in UNSEEN_PARTS
              if (UNSEEN / part).is_dir())]


def folder_corpus(folder: Path, registered: bool) -> Corpus:
    files = tuple(sorted(folder.glob("*.eml")))
    corpus = Corpus(folder.name, files, unseen_state(), UNSEEN_ALIASES)
    return senders_registered(corpus) if registered else corpus


def senders_registered(corpus: Corpus) -> Corpus:
    """``corpus`` with the senders registered whose mail presumes it (RSVP, cancellation,
    substitute, correction), though the writer was told only of ``unseen_state``'s people."""
    orgs = OrgDirectory.from_settings(corpus.aliases, corpus.state.organisations)
    people = dict(corpus.state.people)
    for path in corpus.files:
        if _expected(path).get("intent") in PRESUME_REGISTRATION:
            msg = parse_message(path.read_bytes(), own_address=OWN)
            org = orgs.for_address(msg.from_addr)
            people.setdefault(msg.from_addr, Person(
                msg.from_addr, msg.from_name, org.key if org else "", registered_at=REGISTERED_AT))
    return replace(corpus, state=replace(corpus.state, people=people))


def _expected(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8")))


def evaluate(path: Path, state: NetworkState, orgs: OrgDirectory) -> dict[str, Any]:
    """What was expected of the mail at ``path`` and what mailflow made of it."""
    expected = _expected(path)
    msg = parse_message(path.read_bytes(), own_address=OWN)
    intent: Intent | None = None if msg.robot else test_corpus.understand(
        msg, state, orgs, own_address=OWN, network_domain=DOMAIN)
    return {
        "mail": path.stem,
        "language": expected.get("language") or ("en" if "_en" in path.stem else "fi"),
        "expected": expected.get("intent") or expected.get("robot"),
        "got": msg.robot or (intent.kind if intent else None),
        "reason": reason_text(intent.reason, "en") if intent and intent.reason else "",
        "answer_language": _same(expected, "language", intent and intent.language),
        "day": _same(expected, "day", intent and intent.day),
        "bounced": sorted(a.lower() for a in msg.bounced) == sorted(
            a.lower() for a in expected["bounced"]) if "bounced" in expected else None,
        "people": _people(expected.get("people"), intent, orgs),
        "also": _also(expected, intent),
        "acts_for": _acts_for(expected.get("acts_for"), intent),
    }


def _same(expected: dict[str, Any], key: str, got: Any) -> bool | None:
    if key not in expected or expected.get("robot"):
        return None
    return bool(got == expected[key])


def _people(want: list[dict[str, str]] | None, intent: Intent | None,
            orgs: OrgDirectory) -> dict[str, Any] | None:
    """Per field, how many of the expected people have it right (matched by address, else
    by place), and whether the number of people is right."""
    if not want:
        return None
    got = list(_people_part(intent).people) if intent else []
    by_address = {p.address.lower(): p for p in got if p.address}
    right = dict.fromkeys(PEOPLE_FIELDS, 0)
    for place, person in enumerate(want):
        match = by_address.get(person.get("address", "").lower())
        if match is None and place < len(got):
            match = got[place]
        for field in PEOPLE_FIELDS:
            if field in person and match is not None:
                right[field] += _field_right(field, person[field], getattr(match, field), orgs)
    counted = {field: sum(field in p for p in want) for field in PEOPLE_FIELDS}
    return {"right": right, "counted": counted, "count_right": len(got) == len(want)}


#: The kinds whose ``people`` are the persons a mail's "people" describe.
PEOPLE_KINDS = ("signup", "substitute", "correction")


def _people_part(intent: Intent) -> Intent:
    """The request of a mail asking several things whose people are described: "commit,
    and here is our new participant" describes the sign-up's people."""
    if intent.kind in PEOPLE_KINDS:
        return intent
    return next((a for a in intent.also if a.kind in PEOPLE_KINDS), intent)


def _field_right(field: str, want: str, got: str, orgs: OrgDirectory) -> bool:
    if field == "organisation":
        return bool(got) and orgs.canonical(got)[0] == orgs.canonical(want)[0]
    if field == "address":
        return got.lower() == want.lower()
    return " ".join(got.split()) == " ".join(want.split())


def _also(expected: dict[str, Any], intent: Intent | None) -> str | None:
    """"carried", "attention" or "lost" for a mail asking a second thing besides its intent."""
    if not expected.get("also"):
        return None
    if intent is None:
        return "lost"
    parts = (intent, *intent.also)
    carried = {a.kind for a in parts} | {"rsvp_yes" for a in parts if _own_day_signup(a)}
    if carried >= {expected["intent"], *expected["also"]}:
        return "carried"
    return "attention" if intent.kind == "attention" else "lost"


def _own_day_signup(intent: Intent) -> bool:
    """A sign-up of the sender alone for a named day: the first writer labels "ilmoittaudun
    jatkopäivään" beside a cancellation a sign-up, the second a yes to that day, and the
    rules carry out either (a registered person's sign-up for a day keeps or renews the
    place for it)."""
    return intent.kind == "signup" and bool(intent.day or intent.days) and all(
        p.address in ("", intent.person) for p in intent.people)


def _acts_for(address: str | None, intent: Intent | None) -> bool | None:
    if not address:
        return None
    reached = {intent.sender.lower(), str(getattr(intent, "acts_for", "")).lower(),
               *(p.address.lower() for p in intent.people)} if intent else set()
    return address.lower() in reached


def figures(mails: list[dict[str, Any]]) -> dict[str, Any]:
    """The corpus's figures from its mails' results (JSON-ready)."""
    pairs = Counter(f"{m['expected']} -> {m['got']}" for m in mails)
    return {
        "mails": len(mails),
        "accuracy": _ratio(mails, lambda m: m["got"] == m["expected"]),
        "accuracy_by_language": {
            lang: _ratio([m for m in mails if m["language"] == lang],
                         lambda m: m["got"] == m["expected"])
            for lang in _languages({m["language"] for m in mails})},
        "labels": _label_figures(mails),
        "robots": _robot_figures(mails),
        "confusion": dict(sorted(pairs.items())),
        "confusions": [[p, n] for p, n in pairs.most_common() if len(set(p.split(" -> "))) == 2],
        "answer_language": _checked(mails, "answer_language"),
        "day": _checked(mails, "day"),
        "bounced": _checked(mails, "bounced"),
        "acts_for": _checked(mails, "acts_for"),
        "also": dict(Counter(m["also"] for m in mails if m["also"])),
        "people": _people_figures(mails),
        "erasure_misread": [[m["mail"], m["got"], m["reason"]] for m in mails
                            if m["expected"] == "forget_request" and m["got"] != "forget_request"],
    }


def _languages(present: set[str]) -> list[str]:
    return [lang for lang in LANGUAGES if lang in present] + sorted(present - set(LANGUAGES))


def _ratio(mails: Iterable[dict[str, Any]], right: Callable[[dict[str, Any]], bool]) -> list[int]:
    mails = list(mails)
    return [sum(1 for m in mails if right(m)), len(mails)]


def _checked(mails: list[dict[str, Any]], key: str) -> list[int]:
    return _ratio((m for m in mails if m[key] is not None), lambda m: bool(m[key]))


def _label_figures(mails: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    expected, got = Counter(m["expected"] for m in mails), Counter(m["got"] for m in mails)
    right = Counter(m["got"] for m in mails if m["got"] == m["expected"])
    seen = set(expected) | set(got)
    order = [label for label in LABELS if label in seen] + sorted(seen - set(LABELS), key=str)
    return {str(k): {"expected": expected[k], "got": got[k], "right": right[k]} for k in order}


def _robot_figures(mails: list[dict[str, Any]]) -> dict[str, Any]:
    robot = set(LABELS[len(INTENT_KINDS):])
    flags = [(m["expected"] in robot, m["got"] in robot, m["mail"]) for m in mails]
    return {"expected": sum(e for e, _, _ in flags), "got": sum(g for _, g, _ in flags),
            "right": sum(e and g for e, g, _ in flags),
            "persons_taken_for_robots": [mail for e, g, mail in flags if g and not e]}


def _people_figures(mails: list[dict[str, Any]]) -> dict[str, Any]:
    given = [m["people"] for m in mails if m["people"]]
    fields = {f: [sum(p["right"][f] for p in given), sum(p["counted"][f] for p in given)]
              for f in PEOPLE_FIELDS}
    whole = sum(1 for p in given if p["count_right"] and p["right"] == p["counted"])
    return {"mails": len(given), "fields": fields, "all_right": [whole, len(given)]}


def pct(pair: list[int]) -> str:
    right, n = pair
    return f"{right}/{n} ({100 * right / n:.1f} %)" if n else "-"


def show(name: str, fig: dict[str, Any]) -> None:
    named = name not in HELD_OUT
    by_lang = "   ".join(f"{lang} {pct(r)}" for lang, r in fig["accuracy_by_language"].items())
    print(f"\n== {name}: {fig['mails']} mails ==")
    print(f"label accuracy {pct(fig['accuracy'])}   {by_lang}")
    rob = fig["robots"]
    print(f"robots: precision {pct([rob['right'], rob['got']])}, recall "
          f"{pct([rob['right'], rob['expected']])}; persons' mails taken for robots: "
          f"{len(rob['persons_taken_for_robots'])} "
          + (" ".join(rob["persons_taken_for_robots"]) if named else ""))
    print(f"bounced addresses right {pct(fig['bounced'])}; day right {pct(fig['day'])}; "
          f"answer language right {pct(fig['answer_language'])}; "
          f"acts_for reached {pct(fig['acts_for'])}")
    _show_labels(fig["labels"])
    print("most common confusions (expected -> got): "
          + ", ".join(f"{pair} {n}" for pair, n in fig["confusions"][:5]))
    _show_matrix(fig)
    also = fig["also"]
    print(f"second request (also): {sum(also.values())} mails: carried {also.get('carried', 0)}, "
          f"to attention {also.get('attention', 0)}, lost {also.get('lost', 0)}")
    ppl = fig["people"]
    print(f"people ({ppl['mails']} mails): " + ", ".join(
        f"{f} {pct(r)}" for f, r in ppl["fields"].items()) + f"; all right {pct(ppl['all_right'])}")
    print(f"erasure requests read as something else: {len(fig['erasure_misread'])}")
    for mail, got, reason in fig["erasure_misread"] if named else ():
        print(f"  {mail}: {got}" + (f" ({reason})" if reason else ""))


def _show_labels(labels: dict[str, dict[str, int]]) -> None:
    print(f"{'label':<16}{'expected':>9}{'got':>6}{'right':>7}{'precision':>11}{'recall':>9}")
    for label, c in labels.items():
        precision = f"{100 * c['right'] / c['got']:.0f} %" if c["got"] else "-"
        recall = f"{100 * c['right'] / c['expected']:.0f} %" if c["expected"] else "-"
        print(f"{label:<16}{c['expected']:>9}{c['got']:>6}{c['right']:>7}{precision:>11}{recall:>9}")


def _show_matrix(fig: dict[str, Any]) -> None:
    labels = list(fig["labels"])
    print("confusion matrix (rows expected, columns got):")
    print(" " * 8 + "".join(f"{_short(lbl):>7}" for lbl in labels))
    for row in (label for label in labels if fig["labels"][label]["expected"]):
        cells = (fig["confusion"].get(f"{row} -> {col}", 0) for col in labels)
        print(f"{_short(row):<8}" + "".join(f"{n or '.':>7}" for n in cells))


def _short(label: str) -> str:
    return label.removesuffix("_request").split("_")[-1][:6]


def compare(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Print the headline figures of two runs side by side, and the mails that changed."""
    print(f"{'':<34}{'before':>22}{'after':>22}")
    for key in ("revision", "state"):
        print(f"{key:<34}{before.get(key, '-'):>22}{after.get(key, '-'):>22}")
    for name in [n for n in after["corpora"] if n in before["corpora"]]:
        old, new = (run["corpora"][name] for run in (before, after))
        print(f"\n{name}")
        for title, get in _HEADLINES:
            print(f"  {title:<32}{get(old['figures']):>22}{get(new['figures']):>22}")
        if name not in HELD_OUT:
            _show_changed({m["mail"]: m for m in old["results"]}, new["results"])


_HEADLINES: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("label accuracy", lambda f: pct(f["accuracy"])),
    *((f"  {lang}", (lambda f, lang=lang: pct(f["accuracy_by_language"].get(lang, [0, 0]))))
      for lang in LANGUAGES),
    ("robot precision", lambda f: pct([f["robots"]["right"], f["robots"]["got"]])),
    ("robot recall", lambda f: pct([f["robots"]["right"], f["robots"]["expected"]])),
    ("persons taken for robots", lambda f: str(len(f["robots"]["persons_taken_for_robots"]))),
    ("erasure requests misread", lambda f: str(len(f["erasure_misread"]))),
    ("also: carried/attention/lost", lambda f: "/".join(
        str(f["also"].get(k, 0)) for k in ("carried", "attention", "lost"))),
    ("people all right", lambda f: pct(f["people"]["all_right"])),
    *((title, (lambda f, key=key: pct(f[key]))) for title, key in (
        ("day right", "day"), ("answer language right", "answer_language"),
        ("acts_for reached", "acts_for"))),
]


def _show_changed(old: dict[str, dict[str, Any]], results: list[dict[str, Any]]) -> None:
    for mail in results:
        was = old.get(mail["mail"])
        if was is None or was["got"] == mail["got"]:
            continue
        mark = ("fixed" if mail["got"] == mail["expected"] else
                "broken" if was["got"] == mail["expected"] else "changed")
        print(f"    {mark:<8}{mail['mail']}: {was['got']} -> {mail['got']} "
              f"(expected {mail['expected']})")


def revision() -> str:
    """The commit measured, "+changes" when mailflow/ differs from it."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    changed = subprocess.run([*git, "diff", "--quiet", "HEAD", "--", "mailflow"]).returncode
    return head.stdout.strip() + ("+changes" if changed else "")


def run(corpora: list[Corpus], registered: bool) -> dict[str, Any]:
    state = "senders registered" if registered else "as the writer was told"
    out: dict[str, Any] = {"revision": revision(), "state": state, "corpora": {}}
    for corpus in corpora:
        orgs = OrgDirectory.from_settings(corpus.aliases, corpus.state.organisations)
        results = [evaluate(path, corpus.state, orgs) for path in corpus.files]
        out["corpora"][corpus.name] = {"figures": figures(results), "results": results}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="labelled folders (default: all)")
    parser.add_argument("--json", type=Path, help="save the figures and per-mail results here")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=("own", *UNSEEN_PARTS),
                        help="of the default corpora only these (e.g. --only own tuning)")
    parser.add_argument("--compare", nargs="+", type=Path, metavar="FILE",
                        help="a saved run to compare with this one (or two saved runs)")
    parser.add_argument("--registered", action="store_true",
                        help="register the senders of RSVPs, cancellations, substitutes and "
                        "corrections (unseen corpora), to tell the state's part from reading's")
    args = parser.parse_args()
    if args.compare and len(args.compare) > 2:
        parser.error("--compare takes one or two files")
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in args.compare or ()]
    if len(runs) == 2:
        compare(*runs)
        return 0
    corpora = [folder_corpus(f, args.registered) for f in args.folders]
    corpora = corpora or [c for c in default_corpora(args.registered)
                          if not args.only or c.name in args.only]
    current = run(corpora, args.registered)
    if args.json:
        args.json.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    if runs:
        compare(runs[0], current)
    else:
        for name, corpus in current["corpora"].items():
            show(name, corpus["figures"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
