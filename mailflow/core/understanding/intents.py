"""Parsed message -> what the person asked for (pure: no I/O, no clock).

Only what the person wrote now (``ParsedMessage.new_text``, and the subject when the
mail is not a reply) is read for intent words: quoted history never counts, so an
"EI KIITOS" quoted from an earlier mail unsubscribes nobody. Whatever cannot be
understood with confidence becomes kind "attention" with a specific reason.

Rules worth knowing:

* A reply carrying a ``VAHVISTA-XXXXXXXX`` token is a "confirm", whatever else it says.
* An iTIP REPLY to one of mailflow's day invitations decides an RSVP by its PARTSTAT.
* A cancellation is a "cancel" with the day it names, if any (a date, a ``[day-ID]``
  tag, a reply to that day's mail): what the person wrote, as an independent writer
  labels it. The rules decide what it does by the registration, as the person and the
  facilitator expect: a no for that day when registered for more days (the place is
  kept, at once), the registration's end (after the token) when registered for that day
  only. "I can't come" without a cancel word stays an "rsvp_no".
* Someone else's cancellation that gives no address of theirs ("cancel the
  registration of our teacher") goes to attention (``sender.unnamed_others``).
* "Osallistun" from an address that is not registered, not answering a day mail, is
  read as a sign-up.
* A substitute message ("en pääse, tilalleni tulee ...") is a substitute, not a no.
* Two requests at once ("perun 9.12., ilmoittaudun 10.2.") are each read from their own
  part of the text and carried together (``Intent.also``, :mod:`.several`); two that
  cannot be told apart, or contradict each other, go to attention.
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
* An intent named only in a question that asks about it ("Voiko X ilmoittautua?"), or in
  a hedged or conditional sentence ("toivottavasti pääsen", "jos on, osallistuisin"), is
  not asked for; a polite request put as a question ("voisitteko ...") is, and so is
  one with a courtesy ("jos se sopii", "if that's OK", "om det går bra").
* Bringing someone along ("otan mukaan", "ta med en gäst", "bring a guest") signs them up;
  an unregistered coordinator's own "I can't come" beside the people she signs up
  answers nothing. "Someone else will come, name later" is a substitute without a name,
  which waits for the facilitator.
* Erasure wins over leaving the list, cancelling and an export; a data request's mention
  of the registration is no sign-up.
* A reply to the network's own domain whose subject names one day answers that day,
  whoever made the invitation; an unregistered sender's yes there is an RSVP.
* A forward to someone else with the network only in Cc asks the network nothing.
* A person in labelled lines (name and organisation or title) with nothing else asked
  is a sign-up, at the sender's address when no address line is given.

Measured on mail written by someone who never saw these rules: ``bench/understanding.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import partial
from typing import cast

from mailflow.core.languages.lexicon import known
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reason import Reason
from mailflow.core.understanding.calendar import calendar_intent
from mailflow.core.understanding.commitment import declares_commitment
from mailflow.core.understanding.corrections import correction_intent
from mailflow.core.understanding.days import (
    answers_day,
    coming_days,
    day_from_references,
    rsvp_day,
)
from mailflow.core.understanding.language import detect_language
from mailflow.core.understanding.negation import NEGATABLE, negated
from mailflow.core.understanding.people import (
    diet_word,
    labelled_blocks,
    labelled_diet,
    lists_people,
)
from mailflow.core.understanding.roles import role_from_title
from mailflow.core.understanding.sender import (
    acting_as,
    acting_for,
    as_form_sent_it,
    on_behalf,
    organisation_of_sender,
    unnamed_others,
    without_page_wording,
)
from mailflow.core.understanding.several import several_intent
from mailflow.core.understanding.signup import signup_intent, substitute_intent
from mailflow.core.understanding.text import Reading, addresses_in, one_line, reading_of
from mailflow.core.understanding.wishes import with_language_wish
from mailflow.core.values import (
    Intent,
    IntentKind,
    NetworkState,
    ParsedMessage,
    PersonDetails,
)

__all__ = ["day_from_references", "role_from_title", "understand"]

_TOKEN = re.compile(r"\bVAHVISTA-([A-Z2-9]{8})\b", re.I)


def understand(
    msg: ParsedMessage,
    state: NetworkState,
    orgs: OrgDirectory,
    *,
    own_address: str,
    network_domain: str,
) -> Intent:
    """What ``msg`` asks for, in the light of the network's ``state``."""
    msg = as_form_sent_it(msg)  # a web form's whole text is the request (sender.py)
    reading = reading_of(msg)
    base = Intent(
        kind="attention",
        sender=msg.from_addr,
        language=detect_language(reading.text),
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
    calendar = calendar_intent(msg, state, network_domain, base)
    if calendar is not None:
        return calendar
    if reading.forwarded and _only_copied(msg, own_address):
        return replace(base, reason=Reason.of("no_intent"),
                       notes=("a forward to someone else; the network only in Cc",))
    acting = acting_for(msg, reading, own_address)  # whose request it is (sender.py)
    intent = _by_words(msg, reading, state, orgs, network_domain, acting_as(base, acting))
    intent = unnamed_others(on_behalf(intent, acting, msg, reading, orgs), reading)
    also = tuple(on_behalf(a, acting, msg, reading, orgs) for a in intent.also)
    # "write to me in Swedish" (wishes.py)
    return with_language_wish(replace(intent, also=also), reading.folded)


def _detect(folded: str) -> list[str]:
    """Intent kinds named in ``folded``, strongest first (matches are blanked as found).

    A kind named only inside questions that ask about something ("Voiko Tero vielä
    ilmoittautua?", "Ska vi förbinda oss?") or sentences that leave it open
    ("toivottavasti pääsen", "vi vet inte än", "hopefully I can come") is not asked for;
    a polite request put as a question ("Voisitteko poistaa minut listalta?") still is;
    words a negation takes back ("en peru", "I am not cancelling") ask for nothing.
    """
    found: list[str] = []
    sentences = _Sentences(folded)
    for kind, rule in known().intent_rules:
        if rule.search(folded):
            spans: list[tuple[int, int]] = []
            folded = rule.sub(partial(_blank, spans=spans), folded)
            meant = [s for s in spans
                     if not (kind in NEGATABLE and negated(sentences.folded, kind, s))]
            if kind not in found and meant and not (
                    kind not in _ASKED_ANYWAY and all(sentences.not_meant(s) for s in meant)):
                found.append(kind)
    return found


#: Kinds that are asked for even in a plain question ("what data do you hold on me?"),
#: and the commitment, whose questions and conditions declares_commitment judges.
_ASKED_ANYWAY = frozenset({"forget_request", "export_request", "interest_join", "interest_leave",
                           "commit"})


def _blank(match: re.Match[str], spans: list[tuple[int, int]]) -> str:
    spans.append(match.span())
    return " " * len(match.group(0))


#: A sentence's end: "!", "?", a line's end, or a stop not after a digit ("9.12." is a date).
_SENTENCE_END = re.compile(r"[!?\n]|(?<!\d)\.(?=\s|$)")


class _Sentences:
    """The sentences of a folded text, found once."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.ends = [(m.start(), m.group(0)) for m in _SENTENCE_END.finditer(folded)]
        self.starts = [at + 1 for at, _ in self.ends]

    def not_meant(self, span: tuple[int, int]) -> bool:
        """True when the match at ``span`` lies in a hedged or conditional sentence ("jos
        on, osallistuisin"), or in a question that is no polite request."""
        before = bisect_right(self.starts, span[0])
        start = self.starts[before - 1] if before else 0
        after = bisect_left(self.ends, (span[1], ""))
        end, mark = self.ends[after] if after < len(self.ends) else (len(self.folded), "")
        sentence = self.folded[start:end]
        lexicon = known()
        if lexicon.hedge.search(sentence) or lexicon.condition.search(sentence):
            return True
        return mark == "?" and not lexicon.polite_request.search(sentence)


def _kinds_named(msg: ParsedMessage, reading: Reading, registered: bool) -> list[str]:
    """The intent kinds the words name, before overlaps are settled."""
    lexicon = known()
    folded = reading.folded
    kinds = _detect(folded)
    first = reading.folded_text.strip()
    if (lexicon.join_keyword.search(reading.text + "\n" + msg.subject)
            or first.strip(" .!") in lexicon.join_keywords_folded):
        kinds.append("interest_join")
    if not kinds and lexicon.weak_yes.match(first):
        kinds.append("rsvp_yes")
    if not kinds and lexicon.weak_no.match(first):
        kinds.append("rsvp_no")
    if not kinds and registered and (
            lexicon.diet_mention.search(folded) or lexicon.diet_words.search(folded)):
        kinds.append("correction")
    return kinds


def _by_words(
    msg: ParsedMessage,
    reading: Reading,
    state: NetworkState,
    orgs: OrgDirectory,
    network_domain: str,
    base: Intent,
) -> Intent:
    if base.acting_via == "form":
        reading = without_page_wording(reading)
    folded = reading.folded
    sender = state.people.get(base.person)  # the person a form or an assistant wrote for
    registered = sender is not None and sender.status != "cancelled"
    kinds = _kinds_named(msg, reading, registered)
    if "cancel" in kinds and known().commitment_words.search(folded):
        return replace(base, reason=Reason.of("commitment_withdrawn"))
    kinds = _resolve(kinds, msg, reading, state, network_domain, registered)
    question = bool(known().question.search(folded))
    notes: tuple[str, ...] = ("also asks a question",) if question else ()
    undeclared = "commit" in kinds and not declares_commitment(folded)
    if undeclared:
        kinds = [k for k in kinds if k != "commit"]
    if kinds == ["commit"] and _names_others(msg, reading):
        kinds = ["commit", "signup"]  # a new participant named beside the commitment
    if not registered and kinds == ["rsvp_no"] and lists_people(reading, orgs):
        kinds = []  # a coordinator's own "I don't come myself" beside her list of people
    if not kinds and not question and lists_people(reading, orgs):
        kinds, notes = ["signup"], ("a list of people with addresses",)
    if not kinds and not question and _labelled_person(reading):
        kinds, notes = ["signup"], ("a person in labelled lines",)
    if not kinds:
        reason = Reason.of("question") if question else (
            Reason.of("commitment_not_declared")
            if undeclared else Reason.of("no_intent"))
        return replace(base, reason=reason)
    if len(kinds) > 1:
        complete = partial(_complete_part, msg=msg, state=state, orgs=orgs,
                           network_domain=network_domain)
        several = several_intent(kinds, replace(base, notes=notes), reading, state, complete)
        return several or replace(
            base, reason=Reason.of("several_intents", kinds=" ".join(kinds)), notes=notes)
    kind = kinds[0]
    intent = replace(base, kind=cast(IntentKind, kind), notes=notes)
    return _complete(intent, msg, reading, state, orgs, network_domain)


def _complete_part(intent: Intent, reading: Reading, *, msg: ParsedMessage,
                   state: NetworkState, orgs: OrgDirectory, network_domain: str) -> Intent:
    return _complete(intent, msg, reading, state, orgs, network_domain)


def _labelled_person(reading: Reading) -> bool:
    """True when the mail gives a person in labelled lines: a name and an organisation
    or a title ("Nimi: ...", "Organisaatio: ..."); the address may be left out."""
    return any(block.get("name") and (block.get("organisation") or block.get("title"))
               for block in labelled_blocks(reading.body))


def _names_others(msg: ParsedMessage, reading: Reading) -> bool:
    """True when the mail's own text gives someone else's mail address."""
    return any(a != msg.from_addr.lower() for a in addresses_in("\n".join(reading.body)))


def _only_copied(msg: ParsedMessage, own_address: str) -> bool:
    """True when ``own_address`` is among the mail's Cc but not its To."""
    own = own_address.strip().lower()
    return own in {a.lower() for a in msg.cc} and own not in {a.lower() for a in msg.to}


def _resolve(
    kinds: list[str],
    msg: ParsedMessage,
    reading: Reading,
    state: NetworkState,
    network_domain: str,
    registered: bool,
) -> list[str]:
    """Settle the overlaps between intent kinds found together."""
    k = list(dict.fromkeys(kinds))
    if "forget_request" in k:
        return ["forget_request"]  # erasing is more than leaving, cancelling or an export
    if "export_request" in k:  # "my registration", "register": what the data is about
        k = [x for x in k if x not in ("signup", "interest_join", "correction")]
    if "substitute" in k:
        k = [x for x in k if x not in ("cancel", "rsvp_no", "rsvp_yes")]
    if "cancel" in k:
        k = [x for x in k if x != "rsvp_no"]
    if "signup" in k:
        k = [x for x in k if x not in ("rsvp_yes", "interest_join", "correction")]
        if not registered:  # "I can't come myself" beside the people one signs up
            k = [x for x in k if x != "rsvp_no"]
    if "rsvp_yes" in k and not registered and not answers_day(msg, state, network_domain):
        k = ["signup" if x == "rsvp_yes" else x for x in k]
    if "commit" in k:
        k = [x for x in k if x not in ("rsvp_yes", "signup")] if "signup" not in kinds else k
    if "correction" in k and len(k) > 1:
        k = [x for x in k if x != "correction"]
    if "rsvp_no" in k and "interest_leave" in k:
        k = [x for x in k if x != "interest_leave"]
    return list(dict.fromkeys(k))


def _complete(
    intent: Intent,
    msg: ParsedMessage,
    reading: Reading,
    state: NetworkState,
    orgs: OrgDirectory,
    network_domain: str,
) -> Intent:
    """Fill in the people and the day the intent's kind needs."""
    kind = intent.kind
    if kind in ("rsvp_yes", "rsvp_no"):
        day = rsvp_day(msg, reading, state, network_domain)
        if not day:
            coming = coming_days(state, msg.date.date() if msg.date else None)
            if len(coming) == 1:
                return _with_diet(replace(intent, day=coming[0], notes=(
                    *intent.notes, "the only coming day")), msg, reading)
            return replace(intent, kind="attention",
                           reason=Reason.of("rsvp_day_undetermined"))
        return _with_diet(replace(intent, day=day), msg, reading)
    if kind == "signup":
        return signup_intent(intent, msg, reading, state, orgs)
    if kind == "substitute":
        day = rsvp_day(msg, reading, state, network_domain)
        return replace(substitute_intent(intent, msg, reading, state, orgs), day=day)
    if kind == "correction":
        person = state.people.get(msg.from_addr)
        return correction_intent(intent, msg, reading, orgs, person.name if person else "")
    if kind == "commit":
        org = organisation_of_sender(msg, reading, state, orgs)
        return replace(intent, people=(PersonDetails(address=msg.from_addr, organisation=org),))
    if kind == "cancel":
        others = [a for a in addresses_in(reading.text) if a != msg.from_addr]
        people = tuple(PersonDetails(address=a) for a in others)
        # the day it names, if any: the rules turn "I cancel day X" into a no for X when
        # the person is registered for more days than X
        return replace(intent, people=people, day=rsvp_day(msg, reading, state, network_domain))
    return intent


def _with_diet(intent: Intent, msg: ParsedMessage, reading: Reading) -> Intent:
    """A yes that also names a special diet (the invitation asks for it) carries it."""
    if intent.kind != "rsvp_yes":
        return intent
    diet = labelled_diet(reading.text) or diet_word(reading.text)
    if not diet:
        return intent
    person = PersonDetails(address=msg.from_addr, diet=one_line(diet))
    return replace(intent, people=(person,), notes=(*intent.notes, f"diet: {person.diet}"))

