"""Knowledge: what reading and understanding look for in one language (data, no logic).

A pack's :class:`Knowledge` is plain strings: words, and regex alternatives that code
frames and joins with every other registered pack's (``mailflow.core.languages.lexicon``
compiles them on first use, never when a pack is imported). Unless a field says
otherwise, patterns match *folded* text (:func:`~mailflow.core.languages.screen.fold`:
lower case, ä/ö/å as a/o/a), so write them in ASCII.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Knowledge"]


def _none() -> tuple[str, ...]:
    return ()


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, so caches can key on it
class Knowledge:
    """What reading and understanding look for in one language.

    Every field has an empty default: a new pack fills in what it knows, and reading
    and understanding look for the union of all registered packs.
    """

    #: Intent kind ("signup", "cancel", "rsvp_yes", ...) -> regex alternatives naming it.
    intents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Words that answer yes on their own as the first word ("kylla", "yes").
    weak_yes: tuple[str, ...] = field(default_factory=_none)
    #: Words that answer no on their own as the first word ("ei", "no").
    weak_no: tuple[str, ...] = field(default_factory=_none)
    #: A word that, written in capitals or alone, asks to join the interest list ("LÄHETÄ").
    join_keywords: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives that make a sentence a question ("?" is known to every pack).
    questions: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a polite request put as a question ("voisitteko", "could you"):
    #: an intent named in such a question is asked for; in any other question it is not.
    polite_requests: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives showing a cancellation is of the whole registration, not one day.
    whole_registration: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives naming the commitment to the follow-up work (not declaring it).
    commitment_words: tuple[str, ...] = field(default_factory=_none)
    #: Hedges that leave an answer open ("toivottavasti", "vi vet inte än", "not sure yet";
    #: regex alternatives): a sentence with one signs nobody up and answers no day.
    hedges: tuple[str, ...] = field(default_factory=_none)
    #: Words naming a day relative to the mail's date (folded regex -> days after it):
    #: "huomenna" 1, "imorgon" 1, "tomorrow" 1.
    relative_days: Mapping[str, int] = field(default_factory=dict)
    #: Regex alternatives meaning the week after the mail's ("ensi viikolla", "next week").
    next_week: tuple[str, ...] = field(default_factory=_none)
    #: Hedges: words that make a sentence a condition ("jos", "if").
    conditions: tuple[str, ...] = field(default_factory=_none)
    #: Negations: regex alternatives that deny what follows ("emme", "not", "n't\\b").
    negations: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives meaning every network day ("molempiin paiviin", "both days").
    all_days: tuple[str, ...] = field(default_factory=_none)
    #: Month names as read (folded), to month numbers; short forms included.
    months: Mapping[str, int] = field(default_factory=dict)
    #: Words between a day's number and its month ("of" in "9th of December").
    month_joiners: tuple[str, ...] = field(default_factory=_none)
    #: Endings after a day's number before its month ("st", "nd", "rd", "th").
    ordinal_endings: tuple[str, ...] = field(default_factory=_none)
    #: Subject prefixes of a reply ("re", "vs"; regex, any case).
    reply_prefixes: tuple[str, ...] = field(default_factory=_none)
    #: Subject prefixes of a forward ("fw", "vl"; regex, any case).
    forward_prefixes: tuple[str, ...] = field(default_factory=_none)
    #: "Label: value" lines of a sign-up: folded label -> PersonDetails field.
    labels: Mapping[str, str] = field(default_factory=dict)
    #: Network role -> title words; a word ending in one has that role ("head of" is a phrase).
    role_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Case endings of a name in running text, folded ("n", "lla", "lle"; "s" in Swedish).
    name_endings: tuple[str, ...] = field(default_factory=_none)
    #: Case endings dropped from a title word before its ending is read ("na", "ksi").
    title_case_endings: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives naming a special diet ("gluteeniton", "vegan", "\\w*allergi\\w*").
    diets: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives mentioning a diet at all ("ruokavalio", "\\bdiet\\b").
    diet_mentions: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives that introduce a diet ("ruokavalioni on", "diet:"; any case).
    diet_statements: tuple[str, ...] = field(default_factory=_none)
    #: Answers that mean "no special diet" (as written, any case).
    no_diet: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a closing line after which the signature starts (whole line).
    closings: tuple[str, ...] = field(default_factory=_none)
    #: Closings that may have the name after them on the same line ("Terveisin, Maija";
    #: as written, any case).
    signed_closings: tuple[str, ...] = field(default_factory=_none)
    #: Words before a closing ("ystävällisin" terveisin; as written, any case).
    closing_adjectives: tuple[str, ...] = field(default_factory=_none)
    #: What a phone or a mail app adds under a mail ("Lähetetty iPhonesta"; any case).
    phone_signatures: tuple[str, ...] = field(default_factory=_none)
    #: Labels of a phone number in a signature ("puh", "tel"; any case).
    phone_labels: tuple[str, ...] = field(default_factory=_none)
    #: Names of the "From:" line of a quoted or forwarded header block (any case).
    from_headers: tuple[str, ...] = field(default_factory=_none)
    #: Names of the other lines of such a block ("Sent:", "Aihe:"; any case).
    other_headers: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives before a self-introduction ("olen", "my name is"; any case).
    introductions: tuple[str, ...] = field(default_factory=_none)
    #: Title words that take the next two words with them ("head" of studies).
    title_heads: tuple[str, ...] = field(default_factory=_none)
    #: Endings of a word before a title that belongs to it ("oppisopimustoiminnan" esimies).
    title_genitives: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives before a first name signed alone ("t.", "BR"; any case).
    sign_offs: tuple[str, ...] = field(default_factory=_none)
    #: Words that start a "Korjaus: ..." line (as written, any case).
    correction_markers: tuple[str, ...] = field(default_factory=_none)
    #: Field -> regex alternatives before its corrected value ("nimeni on"; any case).
    correction_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Regex alternatives before a corrected value whose look decides its field ("vaan",
    #: "pitäisi olla", "should be"; any case): "en ole opettaja vaan tiiminvetäjä".
    correction_values: tuple[str, ...] = field(default_factory=_none)
    #: Field -> regex alternatives naming it on a correction line ("titteli", "my role").
    field_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Words between a field word and its value ("on", "is", "should\\s+be").
    copulas: tuple[str, ...] = field(default_factory=_none)
    #: Words between those and the value that are no part of it ("oikeasti", "actually").
    insistences: tuple[str, ...] = field(default_factory=_none)
    #: Thanks that end a corrected value after a comma ("kiitos"; any case).
    thanks: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives after a comma that start the old value ("ei\\b", "not\\b").
    old_value_after_comma: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives after a space that start the old value ("eikä", "instead\\s+of").
    old_value_after_space: tuple[str, ...] = field(default_factory=_none)
    #: Subject lines of a quoted header block ("Subject:", "Aihe:"; any case).
    subject_headers: tuple[str, ...] = field(default_factory=_none)
    #: Titles of an "-----Original Message-----" separator (as written, any case).
    original_separators: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a whole line that starts a forwarded mail (any case).
    forward_lines: tuple[str, ...] = field(default_factory=_none)
    #: Verbs ending an attribution ("On ... wrote:"; plain words, any case).
    attribution_verbs: tuple[str, ...] = field(default_factory=_none)
    #: First words of an attribution that a client wrapped over two lines ("On", "Den").
    attribution_openers: tuple[str, ...] = field(default_factory=_none)
    #: Weekdays as short forms before a date ("ma 3.10.2016 klo ..."; any case).
    weekday_abbreviations: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a whole line a phone or mail app adds ("Sent from my iPhone").
    phone_signature_lines: tuple[str, ...] = field(default_factory=_none)
    #: Subjects of a bounce, at the subject's start (regex alternatives, any case).
    bounce_subjects: tuple[str, ...] = field(default_factory=_none)
    #: Phrases of a bounce's text (regex alternatives, any case).
    bounce_phrases: tuple[str, ...] = field(default_factory=_none)
    #: Phrases of a delay warning, which is no failure yet (regex alternatives, any case).
    delay_phrases: tuple[str, ...] = field(default_factory=_none)
    #: Titles in a dashed line where a bounce's returned message starts (any case).
    returned_titles: tuple[str, ...] = field(default_factory=_none)
    #: Headings at a line's start where a bounce's returned message starts (any case).
    returned_headings: tuple[str, ...] = field(default_factory=_none)
    #: Subjects of an automatic answer, before a colon (regex alternatives, any case).
    auto_reply_subjects: tuple[str, ...] = field(default_factory=_none)
    #: Phrases of a text that says it is an automatic answer (regex alternatives, any case).
    auto_reply_phrases: tuple[str, ...] = field(default_factory=_none)
    #: Phrases of a text saying its writer is away (regex alternatives, any case); with an
    #: urgent referral they make an automatic answer.
    away_phrases: tuple[str, ...] = field(default_factory=_none)
    #: Phrases sending urgent matters elsewhere ("kiireellisissä asioissa"; any case).
    urgent_referrals: tuple[str, ...] = field(default_factory=_none)
    #: Words of an away subject, which count with X-Auto-Response-Suppress (any case).
    away_words: tuple[str, ...] = field(default_factory=_none)
    #: A person not named yet ("joku muu", "someone else", "name later"; folded): a
    #: substitute so announced waits for the facilitator.
    someone_unnamed: tuple[str, ...] = field(default_factory=_none)
    #: Words that show a sign-up is for others ("kollega", "on behalf").
    for_others: tuple[str, ...] = field(default_factory=_none)
    #: A registration that is someone else's ("hänen ilmoittautumisensa", "hennes
    #: anmälan", "the registration of our teacher"; folded).
    others_registration: tuple[str, ...] = field(default_factory=_none)
    #: Words that bring someone as a guest, outside the organisations' places
    #: ("vieraaksi", "en gäst", "as a guest"; folded).
    guest_words: tuple[str, ...] = field(default_factory=_none)
    #: Words of an organisation's name ("opisto", "college"; as written, any case).
    organisation_words: tuple[str, ...] = field(default_factory=_none)
    #: The facilitator's command verbs (:data:`mailflow.core.commands.VERBS`) -> the words
    #: that name each, as written in capitals in a subject or a first line; the first word
    #: is the one shown in help and in the digest's links (matched folded, any case).
    commands: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Regex alternatives of one person writing for one other ("esimieheni", "on behalf of
    #: my"): with exactly one other address in the mail, the request is that person's.
    on_behalf: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of what a web form writes into its mail ("lahetettiin
    #: lomakkeelta", "sent from a contact form").
    form_notes: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives asking to be written to in some language ("kirjoittakaa",
    #: "write to me"); the language itself is one of ``language_names``.
    language_requests: tuple[str, ...] = field(default_factory=_none)
    #: Pack code -> regex alternatives naming that language as the one to write in
    #: ("sv": "ruotsiksi"; "en": "in english").
    language_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Labels of the cost line in a meeting's description ("kustannukset"; regex
    #: alternatives before a colon at a line's start).
    meeting_costs: tuple[str, ...] = field(default_factory=_none)
    #: Labels of who pays, in a meeting's description ("maksaja", "paid\\s+by"; as above).
    meeting_sponsor: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives that make a meeting a follow-up day ("jatkotyoskentely").
    follow_up_words: tuple[str, ...] = field(default_factory=_none)
    #: Common words, lower case (as written and folded): detecting a mail's language.
    common_words: frozenset[str] = field(default_factory=frozenset)
    #: Word endings that count as common words ("ssa").
    common_endings: tuple[str, ...] = field(default_factory=_none)
