"""Parsed message -> what the person asked for (pure: no I/O, no clock).

Only what the person wrote now (``ParsedMessage.new_text``, and the subject when the
mail is not a reply) is read for intent words: quoted history never counts, so an
"EI KIITOS" quoted from an earlier mail unsubscribes nobody. Whatever cannot be
understood with confidence becomes kind "attention" with a specific reason.

Rules worth knowing:

* A reply carrying a ``VAHVISTA-XXXXXXXX`` token is a "confirm", whatever else it says.
* An iTIP REPLY to one of mailflow's day invitations decides an RSVP by its PARTSTAT.
* A cancellation that names one day (a date, a ``[day-ID]`` tag, a reply to that day's
  mail) and not the registration as a whole is an "rsvp_no" for that day.
* "Osallistun" from an address that is not registered, not answering a day mail, is
  read as a sign-up.
* A substitute message ("en pääse, tilalleni tulee ...") is a substitute, not a no.
* Two actionable intents at once ("ilmoittaudun ... peruutan") go to attention.
* The days a sign-up names go into ``Intent.days`` (and ``Intent.day`` when there is
  exactly one) and into ``notes`` as ``"days: ID, ID"``; "molempiin päiviin" names none,
  which means all days (``"days: all"``).
* A commitment counts only when stated: a question, a condition ("jos sitoudumme") or a
  negation ("emme vielä sitoudu") goes to attention.
* A coordinator's list of people (lines, bullets, numbers, tabs, ";" or a table) is a
  sign-up of everyone on it; so is a bare list of two or more names with addresses.
* "Korjaus: ..." / "Correction: ..." sets the field it names ("erityisruokavalio
  gluteeniton", "my title is X, not Y"); without a field word the value's look decides.
* A yes that names a special diet carries it in ``people``; a diet word alone from a
  registered person is a diet correction. Withdrawing a commitment goes to attention.
* Outlook's "Sukunimi Etunimi" display name is turned round only when the mail is signed
  with the first name alone; a ``Nimi:`` line or a full-name signature wins anyway.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import cast

from mailflow.core.languages import lexicon as lx
from mailflow.core.model import Role
from mailflow.core.organisations import OrgDirectory
from mailflow.core.values import (
    Intent,
    IntentKind,
    NetworkState,
    ParsedMessage,
    PersonDetails,
    Reason,
)

__all__ = ["day_from_references", "role_from_title", "understand"]

_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
_TOKEN = re.compile(r"\bVAHVISTA-([A-Z2-9]{8})\b", re.I)
_DAY_TAG = re.compile(r"\[day-(\d{4}-\d{2}-\d{2})\]", re.I)
_FI_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?(?![\d])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_WORDS = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.?\s+(?:of\s+)?({_MONTH_WORDS})\w*")
_MONTH_DAY = re.compile(rf"\b({_MONTH_WORDS})\w*\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")
_ALL_DAYS = re.compile(
    r"\b(?:molemp|kumpaan|kumpana|kaikki)\w*\s+(?:verkosto)?paiv|\bboth\s+(?:network\s+)?days\b"
    r"|\ball\s+(?:the\s+)?(?:network\s+)?days\b"
)
_NAME = re.compile(r"^[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3}$")
_CAP_WORD = re.compile(r"^[A-ZÅÄÖ][\w'’-]+$")
_PHONE = re.compile(r"^[+()\d\s-]{6,}$|^(?:puh|p|tel|mob|gsm|phone)\b", re.I)
_INTRO = re.compile(
    r"\b(?:olen|toimin|työskentelen|nimeni\s+on|i\s+am|i'm|i\s+work\s+as|my\s+name\s+is"
    r"|this\s+is)\s+([^\n.!?]{2,120})", re.I
)
_SENT_FROM = re.compile(r"lähetetty|lahetetty|sent from my|hanki outlook|get outlook", re.I)
_FORWARD_FROM = re.compile(r"^\s*\**(?:lähettäjä|from|från|lähettäjä)\s*:\**\s*(.+)$", re.I | re.M)
_OTHERS = re.compile(r"kollega|puolesta|on behalf|colleague|seuraavat|following|osallistujiksi")
_HEADER_LINE = re.compile(
    r"^\s*\**(?:from|to|cc|sent|date|subject|lähettäjä|vastaanottaja|kopio|lähetetty|aihe"
    r"|päivämäärä)\s*:", re.I
)
_ORGISH = re.compile(
    r"opisto|oppilaitos|kuntayhtym|koulutus|yliopisto|korkeakoulu|\boy\b|\bry\b|college|school"
    r"|university|institute|säätiö|saatio", re.I
)
_NO_DIET = re.compile(r"^(?:-|ei|no|none|ei ole|ei erityisruokavaliota|n/?a)?$", re.I)
_ACTIONABLE_WEAK = frozenset({"correction"})
_ROLE_RANK: tuple[Role, ...] = ("management", "supervisor", "staff", "guest")


def day_from_references(refs: tuple[str, ...] | list[str], network_domain: str) -> str:
    """The network-day id named by mailflow's own Message-IDs among ``refs``, or "".

    mailflow makes the Message-IDs of mail about one day as
    ``<{hash}.day-{day_id}@{network_domain}>``; a reference matches when it contains
    ``.day-<ID>.`` or ends ``day-<ID>@<network_domain>>``. The last such reference (the
    nearest ancestor, as References lists oldest first) wins.
    """
    domain = re.escape(network_domain.strip().lower())
    pattern = re.compile(rf"\.day-([0-9a-z][0-9a-z_-]*?)(?:\.|@{domain}>?$)")
    found = ""
    for ref in refs:
        for part in ref.split():
            match = pattern.search(part.strip().lower())
            if match:
                found = match.group(1)
    return found


def role_from_title(title: str) -> Role:
    """The network role a job title means.

    Each word is matched by its ending, so Finnish compounds count ("koulutuspäällikkö"
    ends with "päällikkö"); the longest matching ending decides a word
    ("lähijohtaja" is a supervisor, not a "johtaja"). When several words match, the most
    senior role wins: management, supervisor, staff, guest. "johtava asiantuntija" is
    staff: "johtava" (leading) is an adjective, not "johtaja" (director).
    """
    return _role_of_folded(lx.fold(title))


@lru_cache(maxsize=4096)
def _role_of_folded(folded: str) -> Role:
    found: set[str] = set()
    for role, words in _ROLE_PHRASES:
        if any(w in folded for w in words):
            found.add(role)
    for written in _WORD.findall(folded):
        word = _ROLE_CASE.sub("", written)
        ending = _ROLE_ENDING.match(word[::-1])
        if ending:
            found.add(_ROLE_OF_ENDING[ending.group(0)[::-1]])
    for role in _ROLE_RANK:
        if role in found:
            return role
    return "unknown"


_WORD = re.compile(r"[\w'-]+")
_ROLE_CASE = re.compile(r"(?<=\w{5})(?:na|ksi)$")
_ROLE_PHRASES = tuple(
    (role, tuple(w for w in words if " " in w)) for role, words in lx.ROLE_WORDS.items()
)
_ROLE_OF_ENDING = {w: role for role, words in lx.ROLE_WORDS.items() for w in words if " " not in w}
#: The endings reversed, longest first: a match on the reversed word is its longest ending.
_ROLE_ENDING = re.compile("|".join(
    re.escape(w[::-1]) for w in sorted(_ROLE_OF_ENDING, key=len, reverse=True)
))


@dataclass(frozen=True)
class _Reading:
    """The text intent words are looked for in, and where it came from."""

    text: str  # as written
    folded: str  # lexicon.fold(text + subject when the subject counts)
    lines: tuple[str, ...]
    forwarded: bool

    @cached_property
    def folded_text(self) -> str:
        """lexicon.fold(text), without the subject."""
        return lx.fold(self.text)

    @cached_property
    def body(self) -> tuple[str, ...]:
        """The lines above the closing ("Terveisin"), or all lines when there is none."""
        return self.lines[: _closing_index(self.lines)]


def understand(
    msg: ParsedMessage,
    state: NetworkState,
    orgs: OrgDirectory,
    *,
    own_address: str,
    network_domain: str,
) -> Intent:
    """What ``msg`` asks for, in the light of the network's ``state``."""
    reading = _reading(msg)
    base = Intent(
        kind="attention",
        sender=msg.from_addr,
        language=_language(reading.text),
        answer_to=msg.message_id,
        subject=msg.subject,
        authenticated=msg.authenticated,
    )
    if msg.robot:
        return replace(base, reason=Reason.of("robot", robot=str(msg.robot)))
    if msg.from_addr.strip().lower() == own_address.strip().lower():
        return replace(base, reason=Reason.of("own_address"))
    token = _TOKEN.search(f"{msg.subject}\n{reading.text}")
    if token:
        return replace(base, kind="confirm", token=f"VAHVISTA-{token.group(1).upper()}")
    calendar = _calendar_intent(msg, state, network_domain, base)
    if calendar is not None:
        return calendar
    return _by_words(msg, reading, state, orgs, network_domain, base)


def _reading(msg: ParsedMessage) -> _Reading:
    forwarded = bool(lx.FORWARD_SUBJECT.match(msg.subject))
    text = msg.new_text.strip() or msg.text
    if forwarded and msg.text.strip():
        # the forwarded mail is the request; only its own ">" history is left out
        text = "\n".join(line for line in msg.text.splitlines() if not line.startswith(">"))
    folded = lx.fold(text)
    if forwarded:
        folded = f"{lx.fold(lx.FORWARD_SUBJECT.sub('', msg.subject))}\n{folded}"
    elif not lx.REPLY_SUBJECT.match(msg.subject):
        folded = f"{lx.fold(msg.subject)}\n{folded}"
    lines = tuple(line.rstrip() for line in text.splitlines())
    return _Reading(text=text, folded=folded, lines=lines, forwarded=forwarded)


def _language(text: str) -> str:
    words = re.findall(r"[\w']+", text.lower())
    english = sum(1 for w in words if w in lx.ENGLISH_WORDS)
    finnish = sum(1 for w in words if w in lx.FINNISH_WORDS or w.endswith(("ssa", "ssä")))
    return "en" if english >= 1 and english > 2 * finnish else "fi"


def _calendar_intent(
    msg: ParsedMessage, state: NetworkState, network_domain: str, base: Intent
) -> Intent | None:
    cal = msg.calendar
    if cal is None or cal.method.upper() != "REPLY":
        return None
    match = re.fullmatch(rf"day-(.+)@{re.escape(network_domain.lower())}", cal.uid.strip().lower())
    if not match or match.group(1) not in state.days:
        return None
    day = match.group(1)
    partstat = cal.partstat.upper()
    if partstat == "ACCEPTED":
        return replace(base, kind="rsvp_yes", day=day, notes=("calendar reply",))
    if partstat == "DECLINED":
        return replace(base, kind="rsvp_no", day=day, notes=("calendar reply",))
    return replace(base, day=day, reason=Reason.of("calendar_neither", partstat=partstat,
                                                   day=day))


def _detect(folded: str) -> list[str]:
    """Intent kinds named in ``folded``, strongest first (matches are blanked as found)."""
    found: list[str] = []
    for kind, rule in lx.INTENT_RULES:
        if rule.search(folded):
            if kind not in found:
                found.append(kind)
            folded = rule.sub(_blank, folded)
    return found


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _by_words(
    msg: ParsedMessage,
    reading: _Reading,
    state: NetworkState,
    orgs: OrgDirectory,
    network_domain: str,
    base: Intent,
) -> Intent:
    folded = reading.folded
    kinds = _detect(folded)
    first = reading.folded_text.strip()
    if _upper_word(reading.text + "\n" + msg.subject, "LÄHETÄ") or first.strip(" .!") == "laheta":
        kinds.append("interest_join")
    if not kinds and lx.WEAK_YES.match(first):
        kinds.append("rsvp_yes")
    if not kinds and lx.WEAK_NO.match(first):
        kinds.append("rsvp_no")
    sender = state.people.get(msg.from_addr)
    registered = sender is not None and sender.status != "cancelled"
    if not kinds and registered and (
            re.search(r"ruokavalio|\bdiet\b", folded) or lx.DIET_WORDS.search(folded)):
        kinds.append("correction")
    if "cancel" in kinds and _COMMITMENT_WORDS.search(folded):
        return replace(base, reason=Reason.of("commitment_withdrawn"))
    kinds = _resolve(kinds, msg, reading, state, network_domain, registered)
    question = bool(lx.QUESTION.search(folded))
    notes: tuple[str, ...] = ("also asks a question",) if question else ()
    undeclared = "commit" in kinds and not _declares_commitment(folded)
    if undeclared:
        kinds = [k for k in kinds if k != "commit"]
    if not kinds and not question and _lists_people(reading, orgs):
        kinds, notes = ["signup"], ("a list of people with addresses",)
    if not kinds:
        reason = Reason.of("question") if question else (
            Reason.of("commitment_not_declared")
            if undeclared else Reason.of("no_intent"))
        return replace(base, reason=reason)
    if len(kinds) > 1:
        return replace(base, reason=Reason.of("several_intents", kinds=" ".join(kinds)),
                       notes=notes)
    kind = kinds[0]
    intent = replace(base, kind=cast(IntentKind, kind), notes=notes)
    return _complete(intent, msg, reading, state, orgs, network_domain)


_COMMIT = dict(lx.INTENT_PATTERNS)["commit"]
_COMMITMENT_WORDS = re.compile(r"sitoutumi|sitoumu|\bcommitment\b|\bcommitted\b")
_SENTENCE_END = re.compile(r"[.!?\n]")
_CONDITION = re.compile(
    r"\b(?:jos|mikali|ellei|ellemme|kunhan|edellyttaen|if|whether|unless|provided|in\s+case)\b"
)
_NEGATION = re.compile(
    r"\b(?:en|emme|ei|eivat|et|ette|not|never|cannot|no)\b|n't\b|\bvoi(?:simme|simmeko)\b"
)


def _declares_commitment(folded: str) -> bool:
    """True when a sentence states the commitment: not asked, not conditional, not denied.

    "Sitoudumme jatkoon." and "Omnia sitoutuu" count; "Jos sitoudumme, ...",
    "Emme vielä sitoudu" (or "... sitoutuneet"), "We cannot commit ..." and any
    sentence that is a question do not.
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    for match in _COMMIT.finditer(folded):
        at = bisect_right(ends, match.start())
        start = ends[at - 1] if at else 0
        later = bisect_left(ends, match.end() + 1)
        end = ends[later] if later < len(ends) else len(folded)
        sentence = folded[start:end]
        before = folded[start:match.end()]
        if lx.QUESTION.search(sentence) or _CONDITION.search(sentence):
            continue
        if _NEGATION.search(before):
            continue
        return True
    return False


def _lists_people(reading: _Reading, orgs: OrgDirectory) -> bool:
    """Two or more people, each with a name and a mail address, listed in the body."""
    body = list(reading.body)
    rows = [r for r in _listed(body, orgs) if r.get("name") and r.get("address")]
    return len({r["address"] for r in rows}) >= 2


def _upper_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){word}(?!\w)", text) is not None


def _resolve(
    kinds: list[str],
    msg: ParsedMessage,
    reading: _Reading,
    state: NetworkState,
    network_domain: str,
    registered: bool,
) -> list[str]:
    """Settle the overlaps between intent kinds found together."""
    k = list(dict.fromkeys(kinds))
    if "substitute" in k:
        k = [x for x in k if x not in ("cancel", "rsvp_no", "rsvp_yes", "signup")]
    if "cancel" in k and not lx.WHOLE_REGISTRATION.search(reading.folded):
        if _rsvp_day(msg, reading, state, network_domain):
            k = ["rsvp_no" if x == "cancel" else x for x in k]
    if "cancel" in k:
        k = [x for x in k if x != "rsvp_no"]
    if "interest_leave" in k and "cancel" in k:
        k = [x for x in k if x != "interest_leave"]
    if "signup" in k:
        k = [x for x in k if x not in ("rsvp_yes", "interest_join", "correction")]
    if "rsvp_yes" in k and not registered and not _day_reply(msg, state, network_domain):
        k = ["signup" if x == "rsvp_yes" else x for x in k]
    if "commit" in k:
        k = [x for x in k if x not in ("rsvp_yes", "signup")] if "signup" not in kinds else k
    if "correction" in k and len(k) > 1:
        k = [x for x in k if x != "correction"]
    if "rsvp_no" in k and "interest_leave" in k:
        k = [x for x in k if x != "interest_leave"]
    return list(dict.fromkeys(k))


def _day_reply(msg: ParsedMessage, state: NetworkState, network_domain: str) -> str:
    day = day_from_references((msg.in_reply_to, *msg.references), network_domain)
    if day in state.days:
        return day
    tag = _DAY_TAG.search(msg.subject)
    return tag.group(1) if tag and tag.group(1) in state.days else ""


def _rsvp_day(
    msg: ParsedMessage, reading: _Reading, state: NetworkState, network_domain: str
) -> str:
    """The day an RSVP is about: named in the text, replied to, tagged, or the only one."""
    named = _named_days(reading.folded_text, state)
    if len(named) == 1:
        return named[0]
    replied = _day_reply(msg, state, network_domain)
    if replied:
        return replied
    in_subject = _named_days(lx.fold(msg.subject), state)
    if len(in_subject) == 1:
        return in_subject[0]
    return ""


def _coming_days(state: NetworkState, today: date | None) -> list[str]:
    return sorted(
        d.id for d in state.days.values()
        if not d.cancelled and (today is None or d.date >= today)
    )


def _named_days(folded: str, state: NetworkState) -> list[str]:
    """Ids of the network days whose date the text names, in date order."""
    wanted: set[tuple[int, int, int | None]] = set()
    for d, m, y in _FI_DATE.findall(folded):
        year = int(y) + (2000 if len(y) == 2 else 0) if y else None
        wanted.add((int(d), int(m), year))
    for y, m, d in _ISO_DATE.findall(folded):
        wanted.add((int(d), int(m), int(y)))
    for d, month in _DAY_MONTH.findall(folded):
        wanted.add((int(d), lx.MONTHS[month], None))
    for month, d in _MONTH_DAY.findall(folded):
        wanted.add((int(d), lx.MONTHS[month], None))
    for tag in _DAY_TAG.findall(folded):
        y, m, d = tag.split("-")
        wanted.add((int(d), int(m), int(y)))
    days = []
    for day in state.days.values():
        for d, m, y in wanted:
            if day.date.day == d and day.date.month == m and y in (None, day.date.year):
                days.append((day.date, day.id))
                break
    return [day_id for _, day_id in sorted(days)]


def _complete(
    intent: Intent,
    msg: ParsedMessage,
    reading: _Reading,
    state: NetworkState,
    orgs: OrgDirectory,
    network_domain: str,
) -> Intent:
    """Fill in the people and the day the intent's kind needs."""
    kind = intent.kind
    if kind in ("rsvp_yes", "rsvp_no"):
        day = _rsvp_day(msg, reading, state, network_domain)
        if not day:
            coming = _coming_days(state, msg.date.date() if msg.date else None)
            if len(coming) == 1:
                return _with_diet(replace(intent, day=coming[0], notes=(
                    *intent.notes, "the only coming day")), msg, reading)
            return replace(intent, kind="attention",
                           reason=Reason.of("rsvp_day_undetermined"))
        return _with_diet(replace(intent, day=day), msg, reading)
    if kind == "signup":
        return _signup(intent, msg, reading, state, orgs)
    if kind == "substitute":
        day = _rsvp_day(msg, reading, state, network_domain)
        return replace(_substitute(intent, msg, reading, state, orgs), day=day)
    if kind == "correction":
        return _correction(intent, msg, reading, orgs)
    if kind == "commit":
        org = _sender_org(msg, reading, state, orgs)
        return replace(intent, people=(PersonDetails(address=msg.from_addr, organisation=org),))
    if kind == "cancel":
        others = [a for a in _addresses(reading.text) if a != msg.from_addr]
        people = tuple(PersonDetails(address=a) for a in others)
        return replace(intent, people=people)
    return intent


def _with_diet(intent: Intent, msg: ParsedMessage, reading: _Reading) -> Intent:
    """A yes that also names a special diet (the invitation asks for it) carries it."""
    if intent.kind != "rsvp_yes":
        return intent
    diet = _diet(reading.text) or _diet_word(reading.text)
    if not diet:
        return intent
    person = PersonDetails(address=msg.from_addr, diet=_one_line(diet))
    return replace(intent, people=(person,), notes=(*intent.notes, f"diet: {person.diet}"))


# --- people ------------------------------------------------------------------------


def _addresses(text: str) -> list[str]:
    return list(dict.fromkeys(a.lower().rstrip(".") for a in _ADDRESS.findall(text)))


def _closing_index(lines: tuple[str, ...]) -> int:
    """Index of the closing line ("Terveisin"), or len(lines) when there is none."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 14), -1):
        if _is_closing(lines[i]):
            return i
    return len(lines)


@lru_cache(maxsize=4096)
def _is_closing(line: str) -> bool:
    line = line.strip()
    return bool(lx.CLOSINGS.match(lx.fold(line)) or _CLOSING_INLINE.match(line))


_CLOSING_INLINE = re.compile(
    r"^\W*(?:terveisin|regards|best regards|ystävällisin terveisin)[,\s]+\S", re.I
)


@lru_cache(maxsize=4096)
def _label_field(label: str) -> str | None:
    """The PersonDetails field a "Label:" names ("Sähköposti" -> "address"), if any."""
    return lx.LABELS.get(lx.fold(label).strip(" -*•\t").strip())


def _signature(lines: tuple[str, ...]) -> list[str]:
    """The lines under the closing: name, title, organisation (phones and links dropped).

    Without a closing, a short last paragraph that starts with a name counts.
    """
    at = _closing_index(lines)
    if at < len(lines):
        inline = re.sub(
            r"^\W*(?:ystävällisin\s+|parhain\s+)?(?:terveisin|regards|best regards)[,\s]*",
            "", lines[at].strip(), flags=re.I)
        rest = [inline] if inline and inline != lines[at].strip() else []
        rest += [line.strip() for line in lines[at + 1:]]
    else:
        blank = max((i for i, line in enumerate(lines) if not line.strip()), default=-1)
        rest = [line.strip() for line in lines[blank + 1:]]
        if not (1 < len(rest) <= 5 and _NAME.match(rest[0])):
            return []
    return [
        line for line in rest
        if line and not _SENT_FROM.search(line) and not _PHONE.search(line)
        and "@" not in line and "http" not in line and not line.startswith(("--", "__"))
    ][:6]


def _is_name(text: str, orgs: OrgDirectory) -> bool:
    text = text.strip()
    return (
        bool(_NAME.fullmatch(text)) and role_from_title(text) == "unknown"
        and orgs.resolve(text) is None and not _ORGISH.search(text)
    )


def _org_text(text: str, orgs: OrgDirectory) -> str:
    """The organisation as written, or its canonical name when an alias matched."""
    org = orgs.resolve(text) or orgs.find_in(text)
    return org.name if org is not None else " ".join(text.split())


def _classify(fields: list[str], orgs: OrgDirectory) -> dict[str, str]:
    """Cells of a person line -> PersonDetails field values."""
    out: dict[str, str] = {}
    for raw in fields:
        cell = raw.strip(" -*•<>()\t")
        address = _ADDRESS.search(cell)
        if address:
            out.setdefault("address", address.group(0).lower())
            cell = (cell[: address.start()] + " " + cell[address.end():]).strip(" <>()[],;")
        for part in _name_first(cell, orgs):
            _classify_cell(part, out, orgs)
    return out


def _name_first(cell: str, orgs: OrgDirectory) -> list[str]:
    """"Kalle Kivinen rehtori" (table cells joined by spaces) -> ["Kalle Kivinen", "rehtori"]."""
    words = cell.split()
    if len(words) <= 2 or _is_name(cell, orgs):
        return [cell] if cell else []
    run = 0
    while run < len(words) and run < 4 and _CAP_WORD.match(words[run]):
        run += 1
    if run >= 2 and _is_name(" ".join(words[:run]), orgs):
        return [" ".join(words[:run]), " ".join(words[run:])]
    return [cell]


def _classify_cell(cell: str, out: dict[str, str], orgs: OrgDirectory) -> None:
    if not cell:
        return
    folded = lx.fold(cell)
    if "diet" not in out and lx.DIET_WORDS.search(folded):
        out["diet"] = cell
    elif "name" not in out and _is_name(cell, orgs):
        out["name"] = cell
    elif "title" not in out and role_from_title(cell) != "unknown":
        out["title"] = cell
    elif "organisation" not in out and (orgs.resolve(cell) or _ORGISH.search(cell)):
        out["organisation"] = _org_text(cell, orgs)


def _split_cells(line: str) -> list[str]:
    """A person line's cells; "|", tab or ";" (a table, a spreadsheet paste) outrank commas."""
    line = _BULLET.sub("", line)
    split = _STRONG_SPLIT if _STRONG.search(line) else _WEAK_SPLIT
    return [c for c in split.split(line) if c.strip()]


_BULLET = re.compile(r"^\s*(?:[-*•–—·▪◦‣>]|\(?\d{1,3}[.)])\s*")
_STRONG = re.compile(r"\s\|\s|\t|;")
_STRONG_SPLIT = re.compile(r"\s*[|;\t]\s*")
_WEAK_SPLIT = re.compile(r"\s*,\s*|\s{2,}|\s+[–-]\s+")
#: Found in every line that _split_cells splits in two or more cells (a cheap first look).
_ANY_SEPARATOR = re.compile(r"[|;\t,]|\s\s|\s[–-]\s")


def _labelled(lines: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """Blocks of "Nimi: ..." / "Sähköposti: ..." lines; a repeated label starts a new person."""
    people: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in lines:
        label, sep, value = line.partition(":")
        field = _label_field(label) if sep else None
        if field is None:
            continue
        value = value.strip()
        if field in current:
            people.append(current)
            current = {}
        if field == "address":
            found = _ADDRESS.search(value)
            value = found.group(0).lower() if found else ""
        current[field] = value
    if current:
        people.append(current)
    return [p for p in people if p.get("name") or p.get("address")]


def _table(lines: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """A header row of labels ("Nimi | Organisaatio | ...") and the rows under it."""
    people: list[dict[str, str]] = []
    header: list[str | None] = []
    for line in lines:
        if not _ANY_SEPARATOR.search(line):
            continue  # one cell: neither a header nor a row
        cells = _split_cells(line)
        labels = [lx.LABELS.get(lx.fold(c).strip(" :")) for c in cells]
        if sum(1 for x in labels if x) >= 2:
            header = labels
            continue
        if header and len(cells) >= 2:
            row = {f: c.strip() for f, c in zip(header, cells, strict=False) if f and c.strip()}
            if "address" in row:
                found = _ADDRESS.search(row["address"])
                row["address"] = found.group(0).lower() if found else ""
            if row.get("name") or row.get("address"):
                people.append(row)
        elif header and not line.strip():
            continue
    return people


def _listed(lines: list[str], orgs: OrgDirectory) -> list[dict[str, str]]:
    """People named in the body: labelled blocks, a table, or one person per line."""
    for found in (_table(lines), _labelled(lines)):
        if found:
            return found
    people = []
    for line in lines:
        if _HEADER_LINE.match(line):
            continue
        cells = _split_cells(line)
        if not cells or any(len(c.split()) > 6 for c in cells):
            continue
        row = _classify(cells, orgs)
        has_address = "address" in row and len(_addresses(line)) == 1
        if has_address or ("name" in row and ("title" in row or "organisation" in row)):
            people.append(row)
    return people


def _details(row: dict[str, str], orgs: OrgDirectory) -> PersonDetails:
    title = row.get("title", "").strip()
    organisation = row.get("organisation", "").strip()
    if organisation:
        organisation = _org_text(organisation, orgs)
    diet = row.get("diet", "").strip()
    return PersonDetails(
        name=_one_line(row.get("name", "")),
        organisation=_one_line(organisation),
        role=role_from_title(title) if title else "unknown",
        address=_one_line(row.get("address", "")).lower(),
        diet="" if _NO_DIET.match(diet) else _one_line(diet),
        title=_one_line(title),
    )


def _one_line(value: str, limit: int = 200) -> str:
    """Whitespace (CR/LF included) collapsed, length capped: safe for headers and logs."""
    return " ".join(value.split())[:limit]


def _intro(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Name, title and organisation from "olen Omnian koulutuspäällikkö Maija Mallikas"."""
    out: dict[str, str] = {}
    for match in _INTRO.finditer(text):
        words = re.findall(r"[\w'’-]+", match.group(1))
        run: list[str] = []
        for i, word in enumerate([*words, ""]):
            if _CAP_WORD.match(word) and orgs.resolve(word) is None and (
                    role_from_title(word) == "unknown"):
                run.append(word)
                continue
            if len(run) >= 2 and "name" not in out:
                out["name"] = " ".join(run[:4])
            run = []
            if word and "title" not in out and role_from_title(word) != "unknown":
                before = words[i - 1] if i else ""
                head = lx.fold(word) == "head" and i + 2 < len(words)
                out["title"] = " ".join(words[i:i + 3]) if head else (
                    f"{before} {word}" if before.endswith("toiminnan") else word)
        org = orgs.find_in(match.group(1))
        if org is not None and "organisation" not in out:
            out["organisation"] = org.name
    return out


def _forwarded_author(text: str) -> tuple[str, str]:
    """(name, address) from the first "Lähettäjä:/From:" line of forwarded history."""
    match = _FORWARD_FROM.search(text)
    if not match:
        return "", ""
    value = match.group(1)
    found = _ADDRESS.search(value)
    if not found:
        return "", ""
    name = value[: found.start()].strip(' "<[(')
    return name, found.group(0).lower()


def _self_details(
    msg: ParsedMessage, reading: _Reading, orgs: OrgDirectory
) -> dict[str, str]:
    """The sender's own details from intro sentence, signature, display name and domain."""
    name, address = msg.from_name, msg.from_addr
    if reading.forwarded:
        fw_name, fw_address = _forwarded_author(msg.text)
        if fw_address:
            name, address = fw_name, fw_address
    row = _intro(reading.text, orgs)
    signature = _signature(reading.lines)
    if not signature and msg.text and not reading.forwarded:
        signature = _signature(tuple(_own_part(msg.text).splitlines()))
    for line in signature:
        cells = [c for c in re.split(r"\s*[,|/]\s*", line) if c]
        for key, value in _classify(cells, orgs).items():
            row.setdefault(key, value)
    if name and _is_name(name, orgs) and (reading.forwarded or not row.get("name")):
        row["name"] = _display_name_order(name, signature, reading.lines)
    row["address"] = address
    if not row.get("organisation"):
        org = orgs.for_address(address)
        if org is not None:
            row["organisation"] = org.name
    diet = _diet(reading.text)
    if diet and not row.get("diet"):
        row["diet"] = diet
    return row


def _signed_first_name(lines: tuple[str, ...]) -> list[str]:
    """The lone name a mail is signed with ("Ville", "t. Ville", "BR, Ville"), if any."""
    last = [line.strip() for line in lines if line.strip()][-3:]
    found = []
    for line in last:
        rest = re.sub(r"^(?:t\.|t:|terv\.?|terveisin|br|regards|cheers|thanks|kiitos|-+)[,\s]*",
                      "", line, flags=re.I)
        if rest != line or len(last) == 1 or line == last[-1]:
            if _CAP_WORD.fullmatch(rest.strip(" ,.!")):
                found.append(rest.strip(" ,.!"))
    return found


def _display_name_order(name: str, signature: list[str], lines: tuple[str, ...]) -> str:
    """"Mallikas Maija" (Outlook's "Sukunimi Etunimi") as "Maija Mallikas" when the mail is
    signed with the first name alone ("Maija", "t. Maija"); otherwise as written.
    """
    words = name.split()
    if len(words) != 2:
        return name
    signed = {lx.fold(w) for line in signature for w in re.findall(r"[\w'’-]+", line)
              if len(line.split()) <= 2}
    signed |= {lx.fold(w) for w in _signed_first_name(lines)}
    if lx.fold(words[1]) in signed and lx.fold(words[0]) not in signed:
        return f"{words[1]} {words[0]}"
    return name


def _own_part(text: str) -> str:
    """The text above the first line that starts quoted history."""
    cut = re.search(
        r"^(?:>|-{2,}\s*(?:original|alkuperäinen)|lähettäjä:|from:|.*kirjoitti:|.*wrote:)",
        text, re.I | re.M,
    )
    return text[: cut.start()] if cut else text


def _diet_word(text: str) -> str:
    """A diet named without a label ("olen vegaani", "I am vegetarian"), as written."""
    found = lx.DIET_WORDS.search(lx.fold(text))
    return text[found.start():found.end()] if found else ""


def _diet(text: str) -> str:
    match = re.search(
        r"(?:erityis)?ruokavalio(?:ni)?\s*(?::|on|-)\s*([^\n.;]{1,60})"
        r"|(?:special\s+)?diet(?:ary\s+requirements?)?\s*(?::|is|-)\s*([^\n.;]{1,60})",
        text, re.I,
    )
    if not match:
        return ""
    value = (match.group(1) or match.group(2) or "").strip()
    return "" if _NO_DIET.match(value) else value


def _signup(
    intent: Intent, msg: ParsedMessage, reading: _Reading, state: NetworkState,
    orgs: OrgDirectory,
) -> Intent:
    body = list(reading.body)
    rows = _listed(body, orgs)
    self_row = _self_details(msg, reading, orgs)
    notes = list(intent.notes)
    lone = len(rows) == 1 and not rows[0].get("address")
    if lone and not _OTHERS.search(reading.folded):
        rows[0]["address"] = self_row["address"]
    if not rows:
        rows = [self_row]
    sender_org = self_row.get("organisation", "")
    people = []
    for row in rows:
        if not row.get("name") and row.get("address") == self_row["address"]:
            row["name"] = self_row.get("name", "")
        if not row.get("organisation"):
            org = orgs.for_address(row.get("address", ""))
            row["organisation"] = org.name if org is not None else sender_org
        people.append(_details(row, orgs))
    missing = [p.name or "?" for p in people if not p.address]
    if missing:
        notes.append(f"no address for: {', '.join(missing)}")
    if people and all(not p.address for p in people):
        return replace(intent, kind="attention", people=tuple(people), notes=tuple(notes),
                       reason=Reason.of("signup_no_addresses"))
    day = ""
    days: tuple[str, ...] = ()
    if _ALL_DAYS.search(reading.folded):
        notes.append("days: all")
    else:
        named = _named_days(reading.folded, state)
        if named:
            notes.append(f"days: {', '.join(named)}")
            day = named[0] if len(named) == 1 else ""
            days = tuple(named)
    return replace(intent, people=tuple(people), day=day, days=days, notes=tuple(notes))


def _sender_org(
    msg: ParsedMessage, reading: _Reading, state: NetworkState, orgs: OrgDirectory
) -> str:
    person = state.people.get(msg.from_addr)
    if person is not None and person.org in state.organisations:
        return state.organisations[person.org].name
    org = orgs.find_in(reading.text) or orgs.for_address(msg.from_addr)
    return org.name if org is not None else ""


def _substitute(
    intent: Intent, msg: ParsedMessage, reading: _Reading, state: NetworkState,
    orgs: OrgDirectory,
) -> Intent:
    body = reading.body
    text = "\n".join(body)
    start = lx.INTENT_PATTERNS[2][1].search(lx.fold(text))
    span = text[start.start():] if start else text
    row: dict[str, str] = {}
    others = [a for a in _addresses(span) if a != msg.from_addr]
    if others:
        row["address"] = others[0]
    for line in span.splitlines():
        for key, value in _classify(_split_cells(line), orgs).items():
            row.setdefault(key, value)
    if "name" not in row:
        words = re.findall(r"[\w'’-]+", span)
        for i in range(len(words) - 1):
            pair = f"{words[i]} {words[i + 1]}"
            if _is_name(pair, orgs):
                row["name"] = pair
                break
    row.pop("diet", None)
    if not row.get("organisation"):
        org = orgs.for_address(row.get("address", ""))
        row["organisation"] = org.name if org is not None else _sender_org(
            msg, reading, state, orgs)
    person = _details(row, orgs)
    if not person.address:
        return replace(intent, kind="attention", people=(person,),
                       reason=Reason.of("substitute_without_address"))
    return replace(intent, people=(person,))


_CORRECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("name", re.compile(r"(?:nimeni\s+on\s+oikeasti|oikea\s+nimeni\s+on|nimeni\s+on"
                        r"|my\s+name\s+is\s+actually|my\s+(?:correct\s+)?name\s+is)\s+"
                        r"([^\n,.;!]+)", re.I)),
    ("title", re.compile(r"(?:rooliksi|tittelikseni|titteliksi|tehtävänimikkeeksi"
                         r"|(?:role|title)\s+to)\s+([^\n,.;!]+)", re.I)),
    ("organisation", re.compile(r"(?:organisaatioksi|organi[sz]ation\s+to)\s+([^\n,.;!]+)",
                                re.I)),
)


_CORRECTION_LINE = re.compile(
    r"^\W*(?:korjaus|korjauksena|oikaisu|correction|corrected)\s*[:-]\s*(.+)$", re.I | re.M
)
_CORRECTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("diet", r"(?:erityis)?ruokavalio(?:ni)?|(?:my\s+)?(?:special\s+)?diet(?:ary\s+requirements?)?"
             r"|allergia(?:ni|t)?"),
    ("name", r"(?:oikea\s+)?nime(?:ni|ksi)|nimi|(?:my\s+)?(?:correct\s+)?(?:full\s+)?name"),
    ("title", r"titteli(?:ni|ksi)?|rooli(?:ni|ksi)?|tehtava(?:ni|nimike|nimikkeeni)?|nimike(?:ni)?"
              r"|(?:my\s+)?(?:job\s+)?(?:title|role|position)"),
    ("organisation", r"organisaatio(?:ni|ksi)?|oppilaitos|(?:my\s+)?organi[sz]ation|employer"),
)
_VALUE_END = re.compile(
    r"\s*(?:[;!]|\.\s|\.$|,\s*(?:kiitos|thanks|thank\s+you|ei\b|eik[aä]\b|not\b|instead\b)"
    r"|\s+(?:eik[aä]|not|instead\s+of)\b).*$", re.I
)


def _correction_line(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Fields from "Korjaus: erityisruokavalio gluteeniton" / "Correction: my title is X".

    A field word (nimi, titteli, erityisruokavalio, name, title, diet, ...) says which
    field; without one, the value's look decides (a diet word, a job title, a name, an
    organisation). Whatever follows "ei ..." / "not ..." is the old value and is dropped.
    """
    out: dict[str, str] = {}
    for match in _CORRECTION_LINE.finditer(text):
        value = match.group(1).strip()
        folded = lx.fold(value)
        for key, words in _CORRECTION_FIELDS:
            field = re.match(rf"(?:{words})\b\s*(?:[:=–-]|\bon\b|\bis\b|\bshould\s+be\b"
                             rf"|\bto\b)?\s*(?:oikeasti\s+|actually\s+)?", folded)
            if field and field.end() < len(value):
                found = _VALUE_END.sub("", value[field.end():]).strip(" .,\"'")
                if found:
                    out.setdefault(key, found)
                break
        else:
            value = _VALUE_END.sub("", value).strip(" .,\"'")
            probe: dict[str, str] = {}
            _classify_cell(value, probe, orgs)
            for key, found in probe.items():
                out.setdefault(key, found)
    return out


def _correction(
    intent: Intent, msg: ParsedMessage, reading: _Reading, orgs: OrgDirectory
) -> Intent:
    body = reading.body
    text = "\n".join(body)
    row: dict[str, str] = _correction_line(text, orgs)
    labelled = _labelled(body)
    for block in labelled[:1]:
        row.update({k: v for k, v in block.items() if v and k not in row})
    for key, pattern in _CORRECTIONS:
        match = pattern.search(text)
        if match and key not in row:
            row[key] = match.group(1).strip()
    for line in body:
        label, sep, value = line.partition(":")
        field = _label_field(label) if sep else None
        if field and field != "address" and value.strip():
            row.setdefault(field, value.strip())
    diet = _diet(text) or _diet_word(text)
    if diet:
        row.setdefault("diet", diet)
    row["address"] = msg.from_addr
    person = _details(row, orgs)
    if (person.name, person.organisation, person.title, person.diet) == ("", "", "", ""):
        return replace(intent, kind="attention",
                       reason=Reason.of("correction_nothing_found"))
    return replace(intent, people=(person,))
