"""Lemmatisers measured for names (issue 14): none, simplemma, libvoikko, and mailflow's own
reading of a name against its mail address (mailflow/core/understanding/names.py).

The forms: every part of an expected person's name in tests/data/*.expected.json and
tests/data/unseen/tuning/*.expected.json (never the held-out part), as it is written in
its mail (base forms, and inflected forms sharing the stem: "Lahtisen" for "Lahtinen"),
plus the issue's examples. A lemmatiser must turn the inflected ones back and leave the
base forms alone. Printed: inflected forms right, base forms kept, µs per word uncached,
and the time to load the lemmatiser's data (once per process).

simplemma and libvoikko are not mailflow's dependencies: install them to measure
(``pip install simplemma libvoikko``; libvoikko also needs ``apt-get install libvoikko1
voikko-fi``). A missing one is reported as such.

Usage: python bench/lemmatiser.py
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailflow.core.reading.parse import parse_message  # noqa: E402
from mailflow.core.understanding.names import base_name  # noqa: E402

OWN = "verkosto@example.org"
FOLDERS = (ROOT / "tests" / "data", ROOT / "tests" / "data" / "unseen" / "tuning")
#: (language, as written, base form, the person's address): the issue's own examples.
ISSUE_EXAMPLES = (
    ("fi", "Paulalla", "Paula", "paula.virta@omnia.test"),
    ("fi", "Kivimäen", "Kivimäki", "jari.kivimaki@keuda.test"),
    ("fi", "Ilkalle", "Ilkka", "ilkka.salo@stadi.test"),
    ("fi", "Lahtisen", "Lahtinen", "marko.lahtinen@gradia.test"),
    ("sv", "Nylunds", "Nylund", "barbro.nylund@yrkesakademin.test"),
)
Form = tuple[str, str, str, str]


def forms() -> list[Form]:
    """(language, as written, base form, address) of the name parts in the corpora."""
    found: set[Form] = set(ISSUE_EXAMPLES)
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.eml")):
            expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
            language = expected.get("language") or "fi"
            words = set(re.findall(r"\b[A-ZÅÄÖ][\w'-]+", parse_message(
                path.read_bytes(), own_address=OWN).text))
            for person in expected.get("people") or ():
                for part in (person.get("name") or "").split():
                    found.update(_written(language, part, words, person.get("address", "")))
    return sorted(found)


def _written(language: str, part: str, words: set[str], address: str) -> list[Form]:
    stem = part[:max(4, len(part) - 3)]
    return [(language, w, part, address) for w in words
            if w == part or (w.startswith(stem) and 0 < len(w) - len(stem) <= 5)]


def _simplemma() -> Callable[[str, str, str], str] | None:
    try:
        simplemma = importlib.import_module("simplemma")  # not a dependency: measured only
    except ImportError:
        return None

    def lemma(language: str, word: str, _address: str) -> str:
        found = str(simplemma.lemmatize(word, lang=language))
        return found[:1].upper() + found[1:] if word[:1].isupper() else found
    return lemma


def _voikko() -> Callable[[str, str, str], str] | None:
    try:
        voikko = importlib.import_module("libvoikko").Voikko("fi")
    except (ImportError, OSError):
        return None

    def lemma(language: str, word: str, _address: str) -> str:
        if language != "fi":
            return word
        analyses = voikko.analyze(word)
        if not analyses:
            return word
        found = str(analyses[0]["BASEFORM"])
        return found[:1].upper() + found[1:] if word[:1].isupper() else found
    return lemma


def measure(name: str, load: Callable[[], Callable[[str, str, str], str] | None],
            cases: list[Form]) -> None:
    start = time.perf_counter()
    lemma = load()
    if lemma is None:
        print(f"{name:<26} not installed")
        return
    lemma("fi", "Paulalla", "")
    lemma("sv", "anmälda", "")  # each language's data is loaded on its first word
    loaded = time.perf_counter() - start
    inflected = [c for c in cases if c[1] != c[2]]
    base = [c for c in cases if c[1] == c[2]]
    right = sum(lemma(lang, w, a) == b for lang, w, b, a in inflected)
    kept = sum(lemma(lang, w, a) == b for lang, w, b, a in base)
    start = time.perf_counter()
    for lang, w, _, a in cases * 20:
        lemma(lang, w, a)
    each = (time.perf_counter() - start) / (len(cases) * 20) * 1e6
    wrong = [f"{w}->{lemma(lang, w, a)}" for lang, w, b, a in cases if lemma(lang, w, a) != b]
    print(f"{name:<26} {right:>3}/{len(inflected):<3} {kept:>4}/{len(base):<4} {each:>8.1f} "
          f"{loaded:>8.2f}  {' '.join(wrong[:6])}")


def main() -> int:
    cases = forms()
    print(f"{len(cases)} name forms ({sum(c[1] != c[2] for c in cases)} inflected)")
    print(f"{'':<26} {'inflected':>7} {'kept':>9} {'µs/word':>8} {'load s':>8}  wrong")
    measure("none", lambda: (lambda lang, w, a: w), cases)
    measure("address (names.py)", lambda: (lambda lang, w, a: base_name(w, a)), cases)
    measure("simplemma (fi, sv)", _simplemma, cases)
    measure("libvoikko (fi only)", _voikko, cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
