"""What the registered language packs know, together, compiled on first use.

Reading and understanding call :func:`known` and get a :class:`Lexicon`: the union of
every registered pack's :class:`~mailflow.core.languages.knowledge.Knowledge`, framed
into regexes here (the packs hold only strings). Each pattern is compiled the first time
it is asked for and kept with the set of packs it was made from, so importing a pack
compiles nothing, and registering one more pack makes a new lexicon. Patterns match
folded text (:func:`~mailflow.core.languages.screen.fold`) unless a name says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from typing import cast

from mailflow.core.languages.clients import CLIENT_FIELDS, client_wording
from mailflow.core.languages.knowledge import Knowledge
from mailflow.core.languages.pack import LanguagePack
from mailflow.core.languages.registry import packs
from mailflow.core.languages.screen import Screened, fold
from mailflow.core.model import Role

__all__ = ["INTENT_ORDER", "Lexicon", "each_known", "fold", "known"]

#: Intent kinds in the order they are looked for; a match is blanked out before later
#: kinds are checked, so "peru ilmoittautumiseni" is a cancel, not also a sign-up.
INTENT_ORDER = (
    "forget_request", "export_request", "substitute", "cancel", "commit", "correction",
    "signup", "interest_leave", "interest_join", "rsvp_no", "rsvp_yes",
)
_NEVER = "(?!)"  # what an empty union of alternatives matches: nothing


#: (the packs, their lexicon) last asked for: known() runs dozens of times per message.
_LAST: list[tuple[tuple[LanguagePack, ...], Lexicon]] = []


def known() -> Lexicon:
    """The lexicon of the packs registered now."""
    current = packs()
    if _LAST and _LAST[0][0] is current:
        return _LAST[0][1]
    lexicon = _lexicon(tuple(p.knows for p in current))
    _LAST[:] = [(current, lexicon)]
    return lexicon


def each_known() -> tuple[Lexicon, ...]:
    """One lexicon per pack registered now: what one language knows on its own (the
    negation of the language a word is in: "en" denies in Finnish, not in Swedish)."""
    return tuple(_lexicon((p.knows,)) for p in packs())


@cache
def _lexicon(knows: tuple[Knowledge, ...]) -> Lexicon:
    return Lexicon(knows)


def _join(alternatives: tuple[str, ...]) -> str:
    return "|".join(f"(?:{a})" for a in alternatives) or _NEVER


def _folded(field: str) -> cached_property[re.Pattern[str]]:
    """A lexicon property: the union of every pack's ``field`` alternatives, compiled on
    first use (matching folded text)."""

    def union(self: Lexicon) -> re.Pattern[str]:
        return re.compile(_join(self._all(field)))

    return cached_property(union)


class Lexicon:
    """The union of some packs' knowledge; each attribute is built on first use."""

    def __init__(self, knows: tuple[Knowledge, ...]) -> None:
        self.knows = knows

    def alternatives(self, name: str) -> tuple[str, ...]:
        """The field ``name`` of every pack, in pack order, each alternative once; for
        the wording of mail clients (``clients.CLIENT_FIELDS``), then that of every
        client language."""
        found: dict[str, None] = {}
        for knowledge in self.knows:
            found.update(dict.fromkeys(getattr(knowledge, name)))
        if name in CLIENT_FIELDS:
            found.update(dict.fromkeys(client_wording(name)))
        return tuple(found)

    _all = alternatives

    def _merged(self, name: str) -> dict[str, object]:
        merged: dict[str, object] = {}
        for knowledge in self.knows:
            merged.update(cast(Mapping[str, object], getattr(knowledge, name)))
        return merged

    def _phrases(self, kind: str) -> Iterator[str]:
        for knowledge in self.knows:
            yield from knowledge.intents.get(kind, ())

    @cached_property
    def intent_rules(self) -> tuple[tuple[str, Screened], ...]:
        """(kind, rule) in :data:`INTENT_ORDER`, for the kinds some pack has phrases for."""
        rules = []
        for kind in INTENT_ORDER:
            phrases = tuple(dict.fromkeys(self._phrases(kind)))
            if phrases:
                rules.append((kind, Screened(*phrases)))
        return tuple(rules)

    @cached_property
    def intent_patterns(self) -> dict[str, re.Pattern[str]]:
        """Kind -> the whole regex of its phrases."""
        return {kind: rule.pattern for kind, rule in self.intent_rules}

    @cached_property
    def join_keyword(self) -> re.Pattern[str]:
        """A join keyword in capitals, as a word of its own ("LÄHETÄ")."""
        words = "|".join(re.escape(w) for w in self._all("join_keywords")) or _NEVER
        return re.compile(rf"(?<!\w)(?:{words})(?!\w)")

    @cached_property
    def join_keywords_folded(self) -> frozenset[str]:
        """The join keywords folded ("laheta"): a mail of that word alone."""
        return frozenset(fold(w) for w in self._all("join_keywords"))

    @cached_property
    def weak_yes(self) -> re.Pattern[str]:
        """A first word that answers yes on its own ("Kyllä!")."""
        return re.compile(rf"^\W*(?:{_join(self._all('weak_yes'))})\b")

    @cached_property
    def weak_no(self) -> re.Pattern[str]:
        """A first word that answers no on its own ("Ei valitettavasti")."""
        return re.compile(rf"^\W*(?:{_join(self._all('weak_no'))})\b")

    @cached_property
    def question(self) -> Screened:
        """A question mark or a question's words."""
        return Screened(r"\?", *self._all("questions"))

    @cached_property
    def name_endings(self) -> frozenset[str]:
        """Case endings of a name in running text (folded)."""
        return frozenset(self._all("name_endings"))

    #: A hedge that leaves an answer open ("toivottavasti", "not sure yet").
    hedge = _folded("hedges")

    @cached_property
    def relative_days(self) -> tuple[tuple[re.Pattern[str], int], ...]:
        """(a word naming a day relative to the mail's date, days after it)."""
        merged = cast(dict[str, int], self._merged("relative_days"))
        return tuple((re.compile(rf"\b(?:{word})\b"), days) for word, days in merged.items())

    #: Words meaning the week after the mail's.
    next_week = _folded("next_week")

    #: A polite request put as a question ("voisitteko", "could you").
    polite_request = _folded("polite_requests")

    #: Words showing a cancellation is of the whole registration, not of one day.
    whole_registration = _folded("whole_registration")

    #: The commitment to the follow-up work named.
    commitment_words = _folded("commitment_words")

    @cached_property
    def condition(self) -> re.Pattern[str]:
        """A hedge ("jos", "if") as a whole word."""
        return re.compile(rf"\b(?:{_join(self._all('conditions'))})\b")

    #: A negation ("emme", "not", "n't").
    negation = _folded("negations")

    #: Words meaning every network day ("molempiin päiviin", "both days").
    all_days = _folded("all_days")

    @cached_property
    def months(self) -> dict[str, int]:
        """Month names as read (folded) -> month numbers."""
        return cast(dict[str, int], self._merged("months"))

    @cached_property
    def _month_words(self) -> str:
        return "|".join(sorted(self.months, key=len, reverse=True)) or _NEVER

    @cached_property
    def day_month(self) -> re.Pattern[str]:
        """"9. joulukuuta", "9 December", "9th of December": (day, month word)."""
        joiners = self._all("month_joiners")
        joiner = rf"(?:(?:{_join(joiners)})\s+)?" if joiners else ""
        return re.compile(rf"\b(\d{{1,2}})\.?\s+{joiner}({self._month_words})\w*")

    @cached_property
    def month_day(self) -> re.Pattern[str]:
        """"December 9th": (month word, day)."""
        endings = self._all("ordinal_endings")
        ending = f"(?:{'|'.join(endings)})?" if endings else ""
        return re.compile(rf"\b({self._month_words})\w*\s+(\d{{1,2}}){ending}\b")

    @cached_property
    def reply_subject(self) -> re.Pattern[str]:
        """The "Re: " / "VS: " prefixes of a reply's subject (raw subject, any case)."""
        prefixes = "|".join(self._all("reply_prefixes")) or _NEVER
        return re.compile(rf"^\s*(?:(?:{prefixes})\s*(?:\[\d+\])?\s*:\s*)+", re.I)

    @cached_property
    def forward_subject(self) -> re.Pattern[str]:
        """The "Fw: " / "VL: " prefix of a forward's subject, after any reply prefixes."""
        replies = "|".join(self._all("reply_prefixes")) or _NEVER
        forwards = "|".join(self._all("forward_prefixes")) or _NEVER
        return re.compile(rf"^\s*(?:(?:{replies})\s*:\s*)*(?:{forwards})\s*:", re.I)

    @cached_property
    def labels(self) -> dict[str, str]:
        """Folded "Label:" of a sign-up line -> PersonDetails field."""
        return cast(dict[str, str], self._merged("labels"))

    @cached_property
    def role_words(self) -> dict[Role, tuple[str, ...]]:
        """Role -> the title words that give it, from every pack."""
        merged: dict[Role, tuple[str, ...]] = {}
        for knowledge in self.knows:
            for role, words in knowledge.role_words.items():
                key = cast(Role, role)
                merged[key] = (*merged.get(key, ()), *words)
        return merged

    @cached_property
    def title_case(self) -> re.Pattern[str]:
        """A case ending to drop from a title word of 5+ letters ("rehtorina")."""
        return re.compile(rf"(?<=\w{{5}})(?:{_join(self._all('title_case_endings'))})$")

    @cached_property
    def diet_words(self) -> re.Pattern[str]:
        """A special diet named ("gluteeniton", "vegan")."""
        return re.compile(rf"\b(?:{_join(self._all('diets'))})\b")

    #: A diet mentioned at all ("ruokavalio", "diet").
    diet_mention = _folded("diet_mentions")

    @cached_property
    def diet_statement(self) -> re.Pattern[str]:
        """A diet introduced ("ruokavalioni on gluteeniton"): (the diet,) (any case)."""
        return re.compile(rf"(?:{_join(self._all('diet_statements'))})\s*([^\n.;]{{1,60}})", re.I)

    @cached_property
    def header_line(self) -> re.Pattern[str]:
        """A line of a quoted header block ("From:", "Aihe:"; any case)."""
        names = _join((*self._all("from_headers"), *self._all("other_headers")))
        return re.compile(rf"^\s*\**(?:{names})\s*:", re.I)

    @cached_property
    def forward_from(self) -> re.Pattern[str]:
        """The "From:" line of a forwarded header block: (its value,) (any case)."""
        return re.compile(rf"^\s*\**(?:{_join(self._all('from_headers'))})\s*:\**\s*(.+)$",
                          re.I | re.M)

    @cached_property
    def no_diet(self) -> re.Pattern[str]:
        """An answer meaning "no special diet" (as written, any case; empty counts)."""
        return re.compile(rf"^(?:-|{_join(self._all('no_diet'))})?$", re.I)

    @cached_property
    def closings(self) -> re.Pattern[str]:
        """A closing line ("Terveisin", "Best regards"), folded, alone on its line."""
        return re.compile(rf"^\W*(?:{_join(self._all('closings'))})\W*$")

    @cached_property
    def signed_closing(self) -> re.Pattern[str]:
        """A closing with the name after it on the same line ("Terveisin, Maija")."""
        return re.compile(rf"^\W*(?:{_join(self._all('signed_closings'))})[,\s]+\S", re.I)

    @cached_property
    def closing_start(self) -> re.Pattern[str]:
        """The closing words at the start of a closing line, and what separates them."""
        adjectives = "".join(rf"{a}\s+|" for a in self._all("closing_adjectives"))
        return re.compile(
            rf"^\W*(?:{adjectives[:-1]})?(?:{_join(self._all('signed_closings'))})[,\s]*", re.I)

    @cached_property
    def phone_signature(self) -> re.Pattern[str]:
        """What a phone or mail app adds under a mail (as written, any case)."""
        return re.compile(_join(self._all("phone_signatures")), re.I)

    @cached_property
    def phone_line(self) -> re.Pattern[str]:
        """A signature line with a phone number."""
        labels = _join(self._all("phone_labels"))
        return re.compile(rf"^[+()\d\s-]{{6,}}$|^(?:{labels})\b", re.I)

    @cached_property
    def introduction(self) -> re.Pattern[str]:
        """"olen ...", "my name is ...": (what follows,) (any case)."""
        return re.compile(rf"\b(?:{_join(self._all('introductions'))})\s+([^\n.!?]{{2,120}})",
                          re.I)

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """Title words that take the next two words with them ("head")."""
        return frozenset(self._all("title_heads"))

    @cached_property
    def title_genitives(self) -> tuple[str, ...]:
        """Endings of a word before a title that belongs to it ("toiminnan")."""
        return self._all("title_genitives")

    @cached_property
    def sign_off(self) -> re.Pattern[str]:
        """"t. ", "BR, " before a first name signed alone (any case)."""
        return re.compile(rf"^(?:{_join(self._all('sign_offs'))}|-+)[,\s]*", re.I)

    def _by_field(self, name: str) -> dict[str, tuple[str, ...]]:
        merged: dict[str, tuple[str, ...]] = {}
        for knowledge in self.knows:
            for key, alternatives in getattr(knowledge, name).items():
                merged[key] = (*merged.get(key, ()), *alternatives)
        return merged

    @cached_property
    def correction_line(self) -> re.Pattern[str]:
        """A "Korjaus: ..." line: (what follows,) (any case)."""
        markers = _join(self._all("correction_markers"))
        return re.compile(rf"^\W*(?:{markers})\s*[:-]\s*(.+)$", re.I | re.M)

    @cached_property
    def correction_phrases(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(field, "nimeni on X": (X,)) for name, title and organisation (any case)."""
        phrases = self._by_field("correction_phrases")
        return tuple(
            (key, re.compile(rf"(?:{_join(phrases[key])})\s+([^\n,.;!]+)", re.I))
            for key in ("name", "title", "organisation") if key in phrases
        )

    @cached_property
    def correction_value(self) -> re.Pattern[str]:
        """A phrase before a corrected value ("vaan X", "should be X"): (X,) (any case)."""
        return re.compile(rf"(?:{_join(self._all('correction_values'))})\s+([^\n,.;!?()]+)", re.I)

    @cached_property
    def field_words(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(field, its word and what joins it to the value) for diet, name, title and
        organisation, in that order (folded; ``match`` at a value's start)."""
        words = self._by_field("field_words")
        copulas = "".join(rf"|\b(?:{c})\b" for c in self._all("copulas"))
        insist = "".join(rf"{w}\s+|" for w in self._all("insistences"))[:-1]
        return tuple(
            (key, re.compile(rf"(?:{_join(words[key])})\b\s*(?:[:=–-]{copulas})?\s*(?:{insist})?"))
            for key in ("diet", "name", "title", "organisation") if key in words
        )

    @cached_property
    def value_end(self) -> re.Pattern[str]:
        """Where a corrected value ends: a stop, thanks, or the old value (any case)."""
        after_comma = _join((*self._all("thanks"), *self._all("old_value_after_comma")))
        after_space = _join(self._all("old_value_after_space"))
        return re.compile(
            rf"\s*(?:[;!]|\.\s|\.$|,\s*(?:{after_comma})|\s+(?:{after_space})\b).*$", re.I)

    @cached_property
    def history_start(self) -> re.Pattern[str]:
        """A line that starts quoted history: "> ", "-----Original Message", "From:",
        "... wrote:" (any case)."""
        separators = _join(self._all("original_separators"))
        senders = _join(self._all("from_headers"))
        verbs = _join(self._all("attribution_verbs"))
        return re.compile(rf"^(?:>|-{{2,}}\s*(?:{separators})|(?:{senders}):|.*(?:{verbs}):)",
                          re.I | re.M)

    #: A person not named yet ("joku muu", "someone else", "name later").
    someone_unnamed = _folded("someone_unnamed")

    #: Words showing a sign-up is for others ("kollega", "on behalf").
    for_others = _folded("for_others")

    #: A registration that is someone else's ("hennes anmälan"; folded).
    others_registration = _folded("others_registration")

    #: Words bringing someone as a guest ("vieraaksi", "en gäst"; folded).
    guest_words = _folded("guest_words")

    @cached_property
    def organisation_words(self) -> re.Pattern[str]:
        """A word of an organisation's name (as written, any case)."""
        return re.compile(_join(self._all("organisation_words")), re.I)

    @cached_property
    def common_words(self) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
        """(common words, common endings) of each pack, in pack order."""
        return tuple((k.common_words, k.common_endings) for k in self.knows)
