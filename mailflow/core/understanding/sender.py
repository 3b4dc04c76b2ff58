"""Who the sender is: an introduction ("olen Omnian rehtori ..."), the signature, the
display name (Outlook's "Sukunimi Etunimi" turned round when signed with the first name),
a forwarded mail's author, and the organisation by mail domain.

And whose request a mail is (:func:`acting_for`, :func:`on_behalf`): a web form mails from
the site's own address with the person's address in Reply-To or in the body; an assistant
writes for her boss, whose address is the one other address in the mail or its Cc; a
forward carries the person's own mail. The request is then that person's: the rules act
for them and answer them (the assistant or the forwarder gets a copy, a form nothing),
and the mail is not ``authenticated`` for them, so a change to a registration still
needs the registered address's confirmation: a form cannot cancel anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from mailflow.core.languages.knowledge import Knowledge
from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import Screened, fold
from mailflow.core.organisations import OrgDirectory
from mailflow.core.understanding.people import classify_cells, is_name, labelled_diet
from mailflow.core.understanding.roles import role_from_title
from mailflow.core.understanding.text import (
    ADDRESS,
    CAP_WORD,
    Reading,
    addresses_in,
    own_part,
    signature_lines,
)
from mailflow.core.values import (
    ActingVia,
    Intent,
    NetworkState,
    ParsedMessage,
    PersonDetails,
    Reason,
)

__all__ = [
    "Acting", "acting_as", "acting_for", "as_form_sent_it", "on_behalf",
    "organisation_of_sender", "self_details", "unnamed_others",
    "without_page_wording",
]

#: The local part of a web site's own sending address (WordPress' default "wordpress@",
#: the web server's user, a no-reply box): such a From is a form, never a person.
_SITE_SENDER = re.compile(
    r"^(?:wordpress|wp|www-?data|apache|nginx|php|webmaster|web|site|website|forms?|"
    r"webforms?|lomake|no-?reply|do-?not-?reply|noreply-\w+)(?:[._+-][\w.+-]*)?@", re.I)
#: What a form plugin or a site's mailer writes in X-Mailer (product names, no language).
_FORM_MAILER = re.compile(
    r"wordpress|phpmailer|wp ?mail ?smtp|contact form 7|gravity ?forms|wpforms|ninja forms|"
    r"formidable|drupal|webform", re.I)


def _intro(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Name, title and organisation from "olen Omnian koulutuspäällikkö Maija Mallikas"."""
    lexicon = known()
    out: dict[str, str] = {}
    for match in lexicon.introduction.finditer(text):
        words = re.findall(r"[\w'’-]+", match.group(1))
        run: list[str] = []
        for i, word in enumerate([*words, ""]):
            if CAP_WORD.match(word) and orgs.resolve(word) is None and (
                    role_from_title(word) == "unknown"):
                run.append(word)
                continue
            if len(run) >= 2 and "name" not in out:
                out["name"] = " ".join(run[:4])
            run = []
            if word and "title" not in out and role_from_title(word) != "unknown":
                out["title"] = _title_at(words, i, lexicon)
        org = orgs.find_in(match.group(1))
        if org is not None and "organisation" not in out:
            out["organisation"] = org.name
    return out


def _title_at(words: list[str], i: int, lexicon: Lexicon) -> str:
    """The title whose word is ``words[i]``: "head of studies", "oppisopimustoiminnan
    esimies", or the word alone."""
    if fold(words[i]) in lexicon.title_heads and i + 2 < len(words):
        return " ".join(words[i:i + 3])
    before = words[i - 1] if i else ""
    genitive = lexicon.title_genitives
    return f"{before} {words[i]}" if genitive and before.endswith(genitive) else words[i]


def _forwarded_author(text: str) -> tuple[str, str]:
    """(name, address) from the first "Lähettäjä:/From:" line of forwarded history."""
    match = known().forward_from.search(text)
    if not match:
        return "", ""
    value = match.group(1)
    found = ADDRESS.search(value)
    if not found:
        return "", ""
    name = value[: found.start()].strip(' "<[(')
    return name, found.group(0).lower()


def self_details(
    msg: ParsedMessage, reading: Reading, orgs: OrgDirectory
) -> dict[str, str]:
    """The sender's own details from intro sentence, signature, display name and domain."""
    name, address = msg.from_name, msg.from_addr
    if reading.forwarded:
        fw_name, fw_address = _forwarded_author(msg.text)
        if fw_address:
            name, address = fw_name, fw_address
    row = _intro(reading.text, orgs)
    signature = signature_lines(reading.lines)
    if not signature and msg.text and not reading.forwarded:
        signature = signature_lines(tuple(own_part(msg.text).splitlines()))
    for line in signature:
        cells = [c for c in re.split(r"\s*[,|/]\s*", line) if c]
        for key, value in classify_cells(cells, orgs).items():
            row.setdefault(key, value)
    if name and is_name(name, orgs) and (reading.forwarded or not row.get("name")):
        row["name"] = _display_name_order(name, signature, reading.lines)
    row["address"] = address
    if not row.get("organisation"):
        org = orgs.for_address(address)
        if org is not None:
            row["organisation"] = org.name
    diet = labelled_diet(reading.text)
    if diet and not row.get("diet"):
        row["diet"] = diet
    return row


def _signed_first_name(lines: tuple[str, ...]) -> list[str]:
    """The lone name a mail is signed with ("Ville", "t. Ville", "BR, Ville"), if any."""
    last = [line.strip() for line in lines if line.strip()][-3:]
    sign_off = known().sign_off
    found = []
    for line in last:
        rest = sign_off.sub("", line)
        if ((rest != line or len(last) == 1 or line == last[-1])
                and CAP_WORD.fullmatch(rest.strip(" ,.!"))):
            found.append(rest.strip(" ,.!"))
    return found


def _display_name_order(name: str, signature: list[str], lines: tuple[str, ...]) -> str:
    """"Mallikas Maija" (Outlook's "Sukunimi Etunimi") as "Maija Mallikas" when the mail is
    signed with the first name alone ("Maija", "t. Maija"); otherwise as written.
    """
    words = name.split()
    if len(words) != 2:
        return name
    signed = {fold(w) for line in signature for w in re.findall(r"[\w'’-]+", line)
              if len(line.split()) <= 2}
    signed |= {fold(w) for w in _signed_first_name(lines)}
    if fold(words[1]) in signed and fold(words[0]) not in signed:
        return f"{words[1]} {words[0]}"
    return name


def organisation_of_sender(
    msg: ParsedMessage, reading: Reading, state: NetworkState, orgs: OrgDirectory
) -> str:
    """The sender's organisation: as registered, named in the text, or by mail domain."""
    person = state.people.get(msg.from_addr)
    if person is not None and person.org in state.organisations:
        return state.organisations[person.org].name
    org = orgs.find_in(reading.text) or orgs.for_address(msg.from_addr)
    return org.name if org is not None else ""



@dataclass(frozen=True)
class Acting:
    """Whose request a mail is, and the evidence.

    acts_for: the person's address ("" when the mail is the sender's own); via: how the
    mail came to be about them; copy_to: who else gets a copy of the answer; signals: what
    pointed there, one line each (``mailflow inspect`` shows them).
    """

    acts_for: str = ""
    via: ActingVia = ""
    copy_to: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()


def acting_for(msg: ParsedMessage, reading: Reading, own_address: str) -> Acting:
    """Whose request ``msg`` is: a web form's, an assistant's or a forwarder's person."""
    ours = {msg.from_addr, own_address.strip().lower()}
    form = _form_signals(msg, reading.folded)
    if form:
        person = next((a for a in (msg.reply_to.lower(), *addresses_in(msg.text))
                       if a and a not in ours), "")
        where = "Reply-To" if person and person == msg.reply_to.lower() else "the body"
        found = (f"the person's address {person} in {where}",) if person else (
            "no person's address in Reply-To or the body",)
        return Acting(person, "form", (), (*form, *found))
    if reading.forwarded:
        _, author = _forwarded_author(msg.text)
        if author and author not in ours:
            return Acting(author, "forward", (msg.from_addr,),
                          (f"a forward; the forwarded mail is from {author}",))
    return _assistant(msg, reading, ours)


def as_form_sent_it(msg: ParsedMessage) -> ParsedMessage:
    """A web form's mail with all its text as what was written now: it quotes no history,
    and its layout (rules of dashes, a footer) is no reply's."""
    maybe = _SITE_SENDER.match(msg.from_addr) or _FORM_MAILER.search(
        msg.headers.get("x-mailer", ""))  # cheap first: most mail is neither
    if not maybe or not _form_signals(msg, fold(msg.text)):
        return msg
    if msg.new_text.strip() == msg.text.strip():
        return msg
    return replace(msg, new_text=msg.text.strip())


def without_page_wording(reading: Reading) -> Reading:
    """A web form's ``reading`` without the lines of the page's own wording ("Leave your
    contact details and you will hear more"): the site's words, not the person's; the
    button and the fields say what the person asked for."""
    notes = _patterns(known().knows)[1]
    folded = "\n".join(line for line in reading.folded.splitlines() if not _found(notes, line))
    return replace(reading, folded=folded)


def _form_signals(msg: ParsedMessage, folded: str) -> tuple[str, ...]:
    """Why ``msg`` looks like a web form's mail (nothing when it does not)."""
    site = _SITE_SENDER.match(msg.from_addr)
    mailer = msg.headers.get("x-mailer", "")
    by_mailer = _FORM_MAILER.search(mailer)
    if not site and not by_mailer:
        return ()
    note = _found(_patterns(known().knows)[1], folded)
    if not site and not (by_mailer and note):
        return ()
    return tuple(line for line, seen in (
        (f"From {msg.from_addr} is a web site's own address", site),
        (f"X-Mailer {mailer!r} is a web site's mailer", by_mailer),
        (f"form wording {note.group(0)!r}" if note else "", note),
    ) if seen)


def _assistant(msg: ParsedMessage, reading: Reading, ours: set[str]) -> Acting:
    """An assistant writing for one other person, named with an address in the text or Cc."""
    phrase = _found(_patterns(known().knows)[0], reading.folded)
    if not phrase:
        return Acting()
    in_text = [a for a in addresses_in(reading.text) if a not in ours]
    others = list(dict.fromkeys([*in_text, *(a for a in msg.cc if a not in ours)]))
    if len(others) != 1:
        return Acting(signals=(f"writes for someone ({phrase.group(0)!r}) but names "
                               f"{len(others)} other addresses: the sender's own request",))
    where = "the text" if others[0] in in_text else "Cc"
    return Acting(others[0], "assistant", (msg.from_addr,), (
        f"writes for someone ({phrase.group(0)!r}); the one other address, in {where}, "
        f"is {others[0]}",))


@cache
def _patterns(knows: tuple[Knowledge, ...]) -> tuple[Screened, Screened]:
    """(writing for another, a web form's wording) of the packs ``knows``: screened by
    their literal words first, so most mail costs a few substring tests."""
    def joined(name: str) -> Screened:
        return Screened(*(a for k in knows for a in getattr(k, name)))
    return joined("on_behalf"), joined("form_notes")


def _found(screened: Screened, text: str) -> re.Match[str] | None:
    return screened.pattern.search(text) if screened.search(text) else None


def acting_as(base: Intent, acting: Acting) -> Intent:
    """``base`` about the person ``acting`` found (before the words are read, so that
    "is this person registered?" asks about them); never authenticated for them."""
    if not acting.acts_for:
        return base
    return replace(base, acts_for=acting.acts_for, acting_via=acting.via,
                   copy_to=acting.copy_to, authenticated=False)


def on_behalf(
    intent: Intent, acting: Acting, msg: ParsedMessage, reading: Reading, orgs: OrgDirectory,
) -> Intent:
    """``intent`` (read from ``acting_as(base, acting)``) made wholly the person's: the
    people it names with the helper's own address or details given the person's."""
    if acting.via == "form" and not acting.acts_for:
        return replace(intent, kind="attention", people=(), acting_via="form",
                       authenticated=False, reason=Reason.of(
                           "form_without_address", address=msg.from_addr),
                       notes=(*intent.notes, *acting.signals))
    if not acting.acts_for:
        return intent
    if _both_named(intent, msg.from_addr, acting.acts_for):
        return replace(intent, acts_for="", acting_via="", copy_to=(),
                       authenticated=msg.authenticated)
    helper = self_details(msg, reading, orgs) if acting.via == "assistant" else {}
    people = tuple(_theirs(p, msg.from_addr, acting.acts_for, helper) for p in intent.people)
    return replace(intent, people=people,
                   notes=(*intent.notes, f"acts for {acting.acts_for} ({acting.via})"))


def _both_named(intent: Intent, sender: str, other: str) -> bool:
    """The sender and the other person each named with their address ("I sign up myself
    and our supervisor X"): a list of people, the sender's own request."""
    addresses = {p.address for p in intent.people}
    return sender in addresses and other in addresses


def _theirs(
    person: PersonDetails, sender: str, address: str, helper: dict[str, str]
) -> PersonDetails:
    """A person the mail describes, with the helper's own address and details taken off:
    an assistant's name, title and role are not her boss's."""
    if person.address not in ("", sender, address):
        return person
    if not helper:
        return replace(person, address=address)
    mine = person.name and person.name == helper.get("name")
    name = _name_from_address(address) if mine or not person.name else person.name
    sentence = bool(name) and fold(name) in fold(person.title)  # "I sign up my boss X"
    helpers = person.title and person.title == helper.get("title")
    title = "" if helpers or sentence else person.title
    role = person.role if title or not mine else "unknown"
    return replace(person, address=address, name=name, title=title, role=role)


def _name_from_address(address: str) -> str:
    """"Paula Virtanen" from paula.virtanen@...; "" when the local part is no name."""
    parts = re.split(r"[._]", address.split("@", 1)[0])
    words = [p for p in parts if p.isalpha()]
    return " ".join(w.capitalize() for w in words) if len(words) >= 2 else ""


def unnamed_others(intent: Intent, reading: Reading) -> Intent:
    """A cancellation of someone else's registration ("cancel the registration of our
    teacher", "hennes anmälan") that gives no address of theirs goes to attention: it is
    not the sender's own to cancel, and nobody else's can be found."""
    if (intent.kind != "cancel" or intent.acts_for or intent.people
            or not known().others_registration.search(reading.folded)):
        return intent
    return replace(intent, kind="attention", reason=Reason.of("cancel_for_unnamed"))
