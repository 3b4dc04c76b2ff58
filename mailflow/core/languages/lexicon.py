"""Finnish and English words and patterns the intent rules look for (data, no logic).

Patterns match *folded* text (see :func:`fold`): lower case with ä, ö and å written as
a, o and a, so a message typed without Finnish letters ("lahetan", "en paase") reads
the same as one with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

__all__ = [
    "CLOSINGS",
    "DIET_WORDS",
    "ENGLISH_WORDS",
    "FINNISH_WORDS",
    "FORWARD_SUBJECT",
    "INTENT_PATTERNS",
    "INTENT_RULES",
    "LABELS",
    "MONTHS",
    "QUESTION",
    "REPLY_SUBJECT",
    "ROLE_WORDS",
    "WEAK_NO",
    "WEAK_YES",
    "WHOLE_REGISTRATION",
    "Screened",
    "fold",
]

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def fold(text: str) -> str:
    """Lower case, Finnish letters folded to ASCII look-alikes (same length as the input)."""
    return text.lower().translate(_FOLD)


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


Clauses = tuple[tuple[str, ...], ...]


def needles(alternative: str) -> Clauses:
    """Literals every match of the regex ``alternative`` contains, as clauses: a match
    holds one literal of each clause. () when nothing is known.

    Read outside groups and classes only: each run of 3 or more plain letters (a letter
    followed by ``?``, ``*`` or ``{`` is optional and ends the run without it) is a
    clause of one; a group ``(?:aaa...|bbb...)`` that is not optional, whose every
    branch starts with 3 or more plain letters, is a clause of those starts. Nothing is
    known of an alternative with a ``|`` of its own outside groups.
    """
    clauses: list[tuple[str, ...]] = []
    run = ""
    depth = 0
    at = 0
    while at < len(alternative):
        char = alternative[at]
        step = 2 if char == "\\" else 1
        if char == "\\" or depth or char in "()[.^$|":
            if char == "|" and not depth:
                return ()
            if char == "[":
                step = alternative.index("]", at + 2) + 1 - at
            if char == "(" and not depth:
                clauses.append(_group_starts(alternative, at))
            depth += {"(": 1, ")": -1}.get(char, 0)
            clauses.append((run,))
            run = ""
        elif char in "?*{":
            clauses.append((run[:-1],))
            run = ""
        elif char.isalpha() or char == "'":
            run += char
        elif char != "+":  # "+" repeats the last letter: the run holds anyway
            clauses.append((run,))
            run = ""
        at += step
    clauses.append((run,))
    kept = dict.fromkeys(c for c in clauses if c and all(len(n) >= 3 for n in c))
    # the most telling first: one long literal rules a text out fastest
    return tuple(sorted(kept, key=lambda c: (len(c), -min(len(n) for n in c))))


_LEADING = re.compile(r"[a-z']*")


def _group_starts(pattern: str, at: int) -> tuple[str, ...]:
    """The leading plain letters of each branch of the non-optional group at ``at``."""
    if not pattern.startswith("(?:", at):
        return ()
    depth, branches, start = 0, [], at + 3
    for end in range(at, len(pattern)):
        char = pattern[end]
        if pattern[end - 1] == "\\":
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 1:
            branches.append(pattern[start:end])
            start = end + 1
        elif depth == 0:
            branches.append(pattern[start:end])
            if end + 1 < len(pattern) and pattern[end + 1] in "?*{":
                return ()
            break
    starts = []
    for branch in branches:
        lead = _LEADING.match(branch)
        letters = lead.group(0) if lead else ""
        if lead and branch[lead.end():lead.end() + 1] in ("?", "*", "{"):
            letters = letters[:-1]
        starts.append(letters)
    return tuple(starts)


def _holds(clauses: Clauses, text: str) -> bool:
    for clause in clauses:  # plain loops: this runs ~150 times per message
        for literal in clause:
            if literal in text:
                break
        else:
            return False
    return True


class Screened:
    """A regex of alternatives that looks for cheap literals before it runs.

    ``search`` and ``sub`` answer as ``pattern.search`` and ``pattern.sub`` would, but
    leave out the alternatives that cannot match: those with needles none of which is in
    the text (alternatives without needles always count). ``pattern`` is the whole regex.
    """

    def __init__(self, *alternatives: str) -> None:
        self.alternatives = alternatives
        self.pattern = _any(*alternatives)
        self._clauses = tuple(needles(a) for a in alternatives)
        grouped: dict[Clauses, list[str]] = {}
        for alternative, clauses in zip(alternatives, self._clauses, strict=True):
            grouped.setdefault(clauses, []).append(alternative)
        self._screen = tuple((clauses, _any(*alts)) for clauses, alts in grouped.items())

    def search(self, text: str) -> bool:
        """True when ``pattern.search(text)`` finds a match."""
        for clauses, regex in self._screen:
            if _holds(clauses, text) and regex.search(text) is not None:
                return True
        return False

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """``pattern.sub(repl, text)``."""
        chosen = tuple(i for i, clauses in enumerate(self._clauses) if _holds(clauses, text))
        return self._subset(chosen).sub(repl, text) if chosen else text

    @lru_cache(maxsize=256)  # noqa: B019 (a handful of Screened objects, all module-level)
    def _subset(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        return _any(*(self.alternatives[i] for i in chosen))


#: Checked in this order; a match is blanked out before later kinds are checked, so
#: "peru ilmoittautumiseni" is a cancel, not also a sign-up.
INTENT_RULES: tuple[tuple[str, Screened], ...] = (
    ("forget_request", Screened(
        r"\bpoista(?:kaa|isitteko|tkaa)?\s+(?:kaikki\s+)?(?:minun\s+|mun\s+)?tie(?:to|do)(?:ni|jani)\b",
        r"\bunohta(?:kaa|isitteko)\s+minut\b", r"\btietojeni\s+poist",
        r"\b(?:delete|erase|remove)\s+(?:all\s+)?(?:of\s+)?my\s+(?:personal\s+)?(?:data|information|details)\b",
        r"\bforget\s+me\b", r"\bright\s+to\s+be\s+forgotten\b",
    )),
    ("export_request", Screened(
        r"\blahet(?:takaa|tamaan|taisitteko|atko|akaa)\s+(?:minulle\s+)?(?:kaikki\s+)?tie(?:to|do)(?:ni|jani)\b",
        r"\bmita\s+tietoja\s+(?:teilla\s+on\s+)?minusta\b", r"\brekisteriote\b",
        r"\btarkastusoikeu",
        r"\bsend\s+me\s+(?:a\s+copy\s+of\s+)?(?:all\s+)?my\s+(?:personal\s+)?data\b",
        r"\bwhat\s+(?:personal\s+)?(?:data|information)\s+(?:do\s+)?you\s+(?:have|hold|keep)\b",
        r"\bcopy\s+of\s+my\s+(?:personal\s+)?data\b", r"\bgdpr\b", r"\bsubject\s+access\b",
    )),
    ("substitute", Screened(
        r"\btilalle(?:ni|mme)\b", r"\btilallani\b", r"\bsijai(?:se|ks)(?:ni|kseni)\b",
        r"\bsijaisena(?:ni)?\b", r"\bminun\s+sijastani\b",
        r"\bin\s+my\s+(?:place|stead)\b", r"\binstead\s+of\s+me\b", r"\bmy\s+substitute\b",
        r"\bwill\s+replace\s+me\b", r"\bsubstitute\s+for\s+me\b",
    )),
    ("cancel", Screened(
        r"\bperu\w*\s+(?:\w+\s+)?(?:ilmoittautumi|osallistumi|registration)\w*",
        r"\bcancel\w*\s+(?:my\s+|our\s+|the\s+)?(?:registration|sign-?up|participation)\b",
        r"\bperu(?:u?t\w*|a\w*|m\w*|n|kaa|isin|isimme)?\b",
        r"\ben\s+(?:valitettavasti\s+)?(?:paase|paasekaan|pysty\s+osallistumaan)\s+mukaan\s+verkostoon\b",
        r"\b(?:eroan|eroamme|jaan\s+pois|jaamme\s+pois)\s+verkost",
        r"\bcancel(?:l?ing)?\b", r"\bwithdraw(?:ing)?\b",
    )),
    ("commit", Screened(
        r"\bsitoudu(?:mme|n)?\b", r"\bsitoutu(?:u|vat)\b", r"\bon\s+sitoutunut\b",
        r"\bole\s+(?:\w+\s+)?sitoutuneet\b",
        r"\b(?:olemme|ovat|on)\s+(?:\w+\s+)?sitoutuneet\s+(?:\w+\s+)?(?:jatko|verkosto)",
        r"\b(?:olemme\s+)?(?:paattaneet|paatimme|haluamme|aiomme)\s+sitoutua\b",
        r"\bvahvista(?:mme|n)\s+(?:\w+\s+)?sitoutumise",
        r"\bolemme\s+mukana\s+jatko", r"\bmukana\s+jatkotyoskentely",
        r"\b(?:osallistumme|lahdemme\s+mukaan|tulemme\s+mukaan)\s+(?:\w+\s+)?jatkotyoskentely",
        r"\bjatkamme\s+mukana\b",
        r"\bwe\s+(?:hereby\s+|will\s+|are\s+)?commit(?:ting)?\b",
        r"\b(?:we|\w+)\s+(?:has|have)\s+(?:decided|agreed)\s+to\s+commit\b",
        r"\b(?:we|\w+)\s+(?:is|are)\s+committed\s+to\s+(?:the\s+)?(?:network'?s?\s+)?follow",
        r"\b\w+\s+commits\s+to\s+(?:the\s+)?(?:network'?s?\s+)?follow",
        r"\bconfirm\s+(?:our|\w+'s)\s+commitment\b",
        r"\bcommit(?:ted)?\s+to\s+the\s+follow",
        r"\b(?:join|take\s+part\s+in|participate\s+in)\s+the\s+follow-?up\s+work\b",
    )),
    ("correction", Screened(
        r"\bkorjaus\b", r"\bkorja(?:tkaa|isitteko|takaa|kaa|isin)\b", r"\bnimeni\s+on\s+oikeasti\b",
        r"\boikea\s+nimeni\b", r"\bvaihta(?:kaa|isitteko)\b", r"\bvaihda\b", r"\brooliksi\b",
        r"\btittelikseni\b", r"\bpaivit(?:takaa|taisitteko)\b", r"\bmuutta(?:kaa|isitteko)\b",
        r"\bcorrection\b", r"\bplease\s+correct\b", r"\bmy\s+name\s+is\s+actually\b",
        r"\bchange\s+my\s+(?:role|title|name|diet|organisation|organization)\b",
        r"\bupdate\s+my\s+(?:role|title|name|diet|details)\b",
    )),
    ("signup", Screened(
        r"\bilmoittau(?:dun|dumme|dutaan|tua|tuisin|tuisimme|tuminen|tumisen|tumiseni|tumiset|tuvat)\b",
        r"\bilmoita(?:n|mme)\s+(?:[\w-]+\s+){0,3}"
        r"(?:seuraav|alla\s+olev|osallistuj|henkilo|verkost|mukaan|ilmoittau|\w+\s+osallistuj)",
        r"\b(?:verkostoon\s+)?(?:ilmoitettavat|ilmoittautujat)\b",
        r"(?m:^)\W*(?:(?:alla|tassa|seuraavassa)\s+)?(?:meidan\s+|[\w-]+n\s+)?osallistuja(?:t|mme)\b"
        r"[^\n?]{0,80}:",
        r"\b(?:alla|tassa|seuraavassa)\s+(?:ovat\s+)?(?:meidan\s+|[\w-]+n\s+)?osallistuja(?:t|mme)\b",
        r"\bmeilta\s+(?:osallistuvat|tulevat)\b[^\n?]{0,80}:",
        r"\b(?:voisitteko|voitteko|voisitko|pyytaisin|pyydan)\s+(?:\w+\s+){0,2}"
        r"(?:ilmoittaa|lisata|rekisteroida|kirjata)\s+(?:\w+\s+){0,3}"
        r"(?:seuraav|alla|nama|osallistuj|henkilo|verkost|mukaan)",
        r"\b(?:ilmoittakaa|lisatkaa|kirjatkaa|rekisteroikaa)\s+(?:\w+\s+){0,3}"
        r"(?:seuraav|alla|osallistuj|henkilo|verkost|mukaan|meidat)",
        r"\bosallistujiksi\b", r"\bhaluai?s?i?(?:n|mme|simme)\s+osallistua\b",
        r"\bhaluamme\s+mukaan\b", r"\bhaluan\s+mukaan\b", r"\bliittya\s+verkostoon\b",
        r"\bregist(?:er|ering|ration)\b", r"\bsign(?:ing)?\s+(?:me\s+|us\s+)?up\b",
        r"\b(?:i|we)\s+would\s+like\s+to\s+(?:join|participate|attend|register|take\s+part)\b",
        r"\b(?:i|we)\s+(?:want|wish)\s+to\s+(?:join|participate|attend|register)\b",
        r"\b(?:would\s+like|want|wish)\s+to\s+(?:join|take\s+part\s+in|participate\s+in)\s+"
        r"(?:the\s+|your\s+)?(?:development\s+)?network\b",
        r"\benrol",
        r"\bplease\s+(?:register|sign\s+up|add)\s+(?:the\s+following|these|our|my|\w+\s+and)\b",
        r"\bthe\s+following\s+(?:people|persons|colleagues|staff|participants)\s+"
        r"(?:from\s+[\w -]+\s+)?(?:will|would\s+like\s+to|wish\s+to)\s+"
        r"(?:attend|join|participate|take\s+part)\b",
        r"\bthe\s+following\s+colleagues\s+from\b[^\n?]{0,60}\b(?:will|would)\b",
        r"(?m:^)\W*(?:our\s+)?participants(?:\s+from\s+[\w -]+)?\s*:",
    )),
    ("interest_leave", Screened(
        r"\bei\s+kiitos\b", r"\bpoista(?:kaa)?\s+minut\b", r"\ben\s+halua\s+enaa\b",
        r"\bunsubscribe\b", r"\bremove\s+me\b", r"\bno\s+thanks?\b", r"\bno\s+more\s+e?-?mails?\b",
        r"\bstop\s+sending\b",
    )),
    ("interest_join", Screened(
        r"\bhaluai?s?i?n\s+kuulla\s+lisaa\b", r"\bkuulla\s+lisaa\b",
        r"\blisaa(?:kaa)?\s+minut\s+(?:\w+\s+)?(?:listalle|postituslistalle|jakelu)",
        r"\bpitakaa\s+minut\s+ajan\s+tasalla\b", r"\b(?<!un)subscribe\b",
        r"\bkeep\s+me\s+(?:posted|informed|updated)\b", r"\badd\s+me\s+to\b",
        r"\btell\s+me\s+more\b",
    )),
    ("rsvp_no", Screened(
        r"\ben\s+(?:\w+\s+){0,2}(?:paase|osallistu|tule|ehdi|pysty)\b",
        r"\bemme\s+(?:\w+\s+){0,2}(?:paase|osallistu|tule|ehdi|pysty)\b",
        r"\bestynyt\b", r"\bestyneita\b", r"\btuli\s+este\b", r"\bon\s+este\b",
        r"\bcan'?not\s+(?:make\s+it|attend|come)\b", r"\bcan'?t\s+(?:make\s+it|attend|come)\b",
        r"\bwon'?t\s+(?:be\s+able|make\s+it|attend|come)\b", r"\bunable\s+to\s+(?:attend|come)\b",
        r"\bwill\s+not\s+(?:attend|come|be\s+able)\b", r"\bnot\s+able\s+to\s+(?:attend|come)\b",
    )),
    ("rsvp_yes", Screened(
        r"\bosallistun\b", r"\bosallistumme\b", r"\btulen\b", r"\btulemme\b", r"\bpaasen\b",
        r"\bpaasemme\b", r"\bolen\s+tulossa\b", r"\bolemme\s+tulossa\b", r"\bnahdaan\b",
        r"\bi'?ll\s+be\s+there\b", r"\bi\s+will\s+be\s+there\b", r"\bwe'?ll\s+be\s+there\b",
        r"\b(?:i|we)\s+(?:will|shall|'ll)\s+(?:attend|come|join)\b", r"\bcount\s+me\s+in\b",
        r"\bsee\s+you\s+there\b", r"\bi\s+can\s+(?:make\s+it|come|attend)\b",
    )),
)
INTENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, rule.pattern) for kind, rule in INTENT_RULES
)
#: A first word that answers yes or no on its own ("Kyllä!", "Ei valitettavasti").
WEAK_YES = re.compile(r"^\W*(?:kylla|joo|jep|yes|yep|sure|ok)\b")
WEAK_NO = re.compile(r"^\W*(?:ei|no|nope)\b")
#: Words that show a cancellation is of the whole registration, not of one day.
WHOLE_REGISTRATION = re.compile(
    r"ilmoittautumi|registration|verkostosta|verkostoon|verkoston\b|\bnetwork\b|kokonaan"
    r"|altogether|entirely|sign-?up"
)
QUESTION = Screened(
    r"\?", r"\bvoisit(?:teko|ko)\b", r"\bvoit(?:teko|ko)\b", r"\bsaako\b", r"\bonko\b",
    r"\bkuinka\b", r"\bpaljonko\b", r"\bcould\s+you\b", r"\bcan\s+you\b", r"\bwould\s+you\b",
)
REPLY_SUBJECT = re.compile(r"^\s*(?:(?:re|vs|sv|aw|vast|ang)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
FORWARD_SUBJECT = re.compile(r"^\s*(?:(?:re|vs)\s*:\s*)*(?:fw|fwd|vl|wg|tr|välitä)\s*:", re.I)

#: "Label: value" lines in a sign-up, folded label -> PersonDetails field.
LABELS: dict[str, str] = {
    "nimi": "name", "koko nimi": "name", "name": "name", "full name": "name",
    "osallistuja": "name", "participant": "name", "osallistujan nimi": "name",
    "organisaatio": "organisation", "oppilaitos": "organisation", "organisation": "organisation",
    "organization": "organisation", "koulutuksen jarjestaja": "organisation",
    "tyonantaja": "organisation", "employer": "organisation", "institution": "organisation",
    "rooli": "title", "tehtava": "title", "tehtavanimike": "title", "titteli": "title",
    "asema": "title", "nimike": "title", "role": "title", "title": "title",
    "job title": "title", "position": "title",
    "sahkoposti": "address", "sahkopostiosoite": "address", "s-posti": "address",
    "sposti": "address", "email": "address", "e-mail": "address", "email address": "address",
    "erityisruokavalio": "diet", "ruokavalio": "diet", "erityisruokavaliot": "diet",
    "allergiat": "diet", "diet": "diet", "special diet": "diet", "dietary requirements": "diet",
}

DIET_WORDS = re.compile(
    r"\b(?:gluteeniton|laktoositon|maidoton|vegaani(?:nen)?|kasvis\w*|vegetaari\w*|"
    r"keliaakikko|vegan|vegetarian|gluten[- ]free|lactose[- ]free|dairy[- ]free|halal|"
    r"kosher|\w*allergi\w*)\b"
)

#: Word endings that give a role; a compound ending in one has that role.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "management": ("rehtori", "johtaja", "paallikko", "director", "principal", "manager",
                   "ceo", "dean", "head of"),
    "supervisor": ("esimies", "esimiehe", "esihenkilo", "tiiminvetaja", "lahijohtaja", "supervisor",
                   "team leader", "teamleader", "foreman"),
    "staff": ("opettaja", "lehtori", "koulutustarkastaja", "koordinaattori", "koordinaatori",
              "asiantuntija", "suunnittelija", "ohjaaja", "kouluttaja", "sihteeri",
              "assistentti", "neuvoja", "teacher", "lecturer", "coordinator", "specialist",
              "advisor", "adviser", "planner", "instructor", "trainer", "counsellor",
              "counselor", "assistant", "secretary", "expert", "officer"),
    "guest": ("asiakas", "sidosryhma", "yrittaja", "tyonantaja", "customer", "stakeholder",
              "guest", "entrepreneur", "employer"),
}

#: Closings after which the signature block (name, title, organisation) begins.
CLOSINGS = re.compile(
    r"^\W*(?:(?:ystavallisin|parhain|hyvin|kiittaen|kiitos\s+ja)?\s*terv(?:eisin|eiset|\.)?|"
    r"t\.|t:|kiittaen|best(?:\s+regards|\s+wishes)?|kind\s+regards|regards|cheers|"
    r"br|thanks|thank\s+you|sincerely|yours)\W*$"
)

MONTHS: dict[str, int] = {
    "tammikuu": 1, "helmikuu": 2, "maaliskuu": 3, "huhtikuu": 4, "toukokuu": 5,
    "kesakuu": 6, "heinakuu": 7, "elokuu": 8, "syyskuu": 9, "lokakuu": 10,
    "marraskuu": 11, "joulukuu": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

ENGLISH_WORDS = frozenset({
    "the", "and", "i", "i'm", "i'll", "you", "my", "me", "we", "our", "will", "would",
    "be", "to", "of", "for", "please", "like", "can't", "cannot", "thanks", "thank",
    "regards", "hello", "hi", "dear", "yes", "is", "are", "am", "with", "there", "this",
    "that", "in", "on", "from", "best", "kind", "register", "attend", "it", "a",
})
FINNISH_WORDS = frozenset({
    "ja", "on", "olen", "ei", "en", "minä", "mina", "että", "etta", "kiitos", "terveisin",
    "hei", "moi", "tulen", "osallistun", "ilmoittaudun", "päivä", "paiva", "myös", "myos",
    "kanssa", "meiltä", "meilta", "tilalleni", "peruutan", "kyllä", "kylla", "pääse",
    "paase", "voisitteko", "olemme", "mukaan", "minut", "tietoni", "lähetä", "lahe",
    "valitettavasti", "ystävällisin", "ystavallisin", "sekä", "seka", "vain", "ole", "se",
    "nimi", "rooli", "organisaatio", "sähköposti", "sahkoposti", "tervehdys",
})
