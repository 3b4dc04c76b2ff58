"""What mailflow looks for in English mail (data for :class:`Knowledge`; no logic).

Patterns match folded text (lower case) unless the field says otherwise. The subject
prefixes of German and French mail clients (``AW:``, ``WG:``, ``TR:``) are here too:
they come with international mail, and mailflow has no pack for those languages.
"""

from __future__ import annotations

from mailflow.core.languages.knowledge import Knowledge

__all__ = ["KNOWLEDGE"]

_INTENTS: dict[str, tuple[str, ...]] = {
    "forget_request": (
        r"\b(?:delete|erase|remove)\s+(?:all\s+)?(?:of\s+)?my\s+(?:personal\s+)?(?:data|information|details)\b",
        r"\bforget\s+me\b",
        r"\bright\s+to\s+be\s+forgotten\b",
    ),
    "export_request": (
        r"\bsend\s+me\s+(?:a\s+copy\s+of\s+)?(?:all\s+)?my\s+(?:personal\s+)?data\b",
        r"\bwhat\s+(?:personal\s+)?(?:data|information|details)\s+(?:do\s+)?you\s+(?:have|hold|keep|store|save|process)\b",
        r"\bcopy\s+of\s+my\s+(?:personal\s+)?data\b",
        r"\bgdpr\b",
        r"\bsubject\s+access\b",
    ),
    "substitute": (
        r"\bin\s+my\s+(?:place|stead)\b",
        r"\binstead\s+of\s+me\b",
        r"\bmy\s+substitute\b",
        r"\bwill\s+replace\s+me\b",
        r"\bsubstitute\s+for\s+me\b",
    ),
    "cancel": (
        r"\bcancel\w*\s+(?:my\s+|our\s+|the\s+)?(?:registration|sign-?up|participation)\b",
        r"\bcancel(?:l?ing)?\b",
        r"\bwithdraw(?:ing)?\b",
    ),
    "commit": (
        r"\bwe\s+(?:hereby\s+|will\s+|are\s+)?commit(?:ting)?\b",
        r"\b(?:we|\w+)\s+(?:has|have)\s+(?:decided|agreed)\s+to\s+commit\b",
        r"\b(?:we|\w+)\s+(?:is|are)\s+committed\s+to\s+(?:the\s+)?(?:network'?s?\s+)?follow",
        r"\b\w+\s+commits\s+to\s+(?:the\s+)?(?:network'?s?\s+)?follow",
        r"\bconfirms?\s+(?:our|its|their|\w+'s)\s+commitment\b",
        r"\bcommit(?:ted)?\s+to\s+the\s+follow",
        r"\b(?:join|take\s+part\s+in|participate\s+in)\s+the\s+follow-?up\s+work\b",
    ),
    "correction": (
        r"\bcorrection\b",
        r"\bplease\s+correct\b",
        r"\bmy\s+name\s+is\s+actually\b",
        r"\bchange\s+my\s+(?:role|title|name|diet|organisation|organization)\b",
        r"\bupdate\s+my\s+(?:role|title|name|diet|details)\b",
        r"\bmisspel\w*",
        r"\bspelt?\s+(?:wrong|incorrectly)",
        r"\b(?:registered|listed|put|signed)\s+(?:me\s+)?(?:down\s+)?as\s+\w+,?\s+but\b",
    ),
    "signup": (
        r"\bregist(?:er|ering|ration)\b",
        r"\bsign(?:ing)?\s+(?:me\s+|us\s+)?up\b",
        r"\b(?:i|we)\s+would\s+like\s+to\s+(?:join|participate|attend|register|take\s+part)\b",
        r"\b(?:i|we)\s+(?:want|wish)\s+to\s+(?:join|participate|attend|register)\b",
        r"\b(?:would\s+like|want|wish)\s+to\s+(?:join|take\s+part\s+in|participate\s+in)\s+(?:the\s+|your\s+)?(?:development\s+)?network\b",
        r"\benrol",
        r"\bplease\s+(?:register|sign\s+up|add)\s+(?:the\s+following|these|our|my|\w+\s+and)\b",
        r"\bthe\s+following\s+(?:people|persons|colleagues|staff|participants)\s+"
        r"(?:from\s+[\w -]+\s+)?(?:will|would\s+like\s+to|wish\s+to)\s+"
        r"(?:attend|join|participate|take\s+part)\b",
        r"\bthe\s+following\s+colleagues\s+from\b[^\n?]{0,60}\b(?:will|would)\b",
        r"(?m:^)\W*(?:our\s+)?participants(?:\s+from\s+[\w -]+)?\s*:",
    ),
    "interest_leave": (
        r"\bunsubscribe\b",
        r"\bremove\s+me\b",
        r"\bno\s+thanks?\b",
        r"\bno\s+more\s+e?-?mails?\b",
        r"\bstop\s+sending\b",
    ),
    "interest_join": (
        r"\b(?<!un)subscribe\b",
        r"\bkeep\s+me\s+(?:posted|informed|updated)\b",
        r"\badd\s+me\s+to\b",
        r"\btell\s+me\s+more\b",
    ),
    "rsvp_no": (
        r"\bcan'?not\s+(?:make\s+it|attend|come)\b",
        r"\bcan'?t\s+(?:make\s+it|attend|come)\b",
        r"\bwon'?t\s+(?:be\s+able|make\s+it|attend|come)\b",
        r"\bunable\s+to\s+(?:attend|come)\b",
        r"\bwill\s+not\s+(?:attend|come|be\s+able)\b",
        r"\bnot\s+able\s+to\s+(?:attend|come)\b",
        r"\b(?:have|need|got)\s+to\s+decline\b",
        r"\b(?:i|we)\s+(?:must|will|'ll|shall)\s+(?:have\s+to\s+)?decline\b",
    ),
    "rsvp_yes": (
        r"\bi'?ll\s+be\s+there\b",
        r"\bi\s+will\s+be\s+there\b",
        r"\bwe'?ll\s+be\s+there\b",
        r"\b(?:i|we)\s+(?:will|shall|'ll)\s+(?:attend|come|join)\b",
        r"\bcount\s+me\s+in\b",
        r"\bsee\s+you\s+there\b",
        r"\bi\s+can\s+(?:make\s+it|come|attend)\b",
    ),
}

_LABELS = {
    "name": "name", "full name": "name", "participant": "name",
    "organisation": "organisation", "organization": "organisation",
    "employer": "organisation", "institution": "organisation",
    "role": "title", "title": "title", "job title": "title", "position": "title",
    "email": "address", "e-mail": "address", "email address": "address",
    "diet": "diet", "special diet": "diet", "dietary requirements": "diet",
}

_ROLE_WORDS = {
    "management": ("director", "principal", "manager", "ceo", "dean", "head of"),
    "supervisor": ("supervisor", "team leader", "teamleader", "foreman"),
    "staff": ("teacher", "lecturer", "coordinator", "specialist", "advisor", "adviser",
              "planner", "instructor", "trainer", "counsellor", "counselor", "assistant",
              "secretary", "expert", "officer"),
    "guest": ("customer", "stakeholder", "guest", "entrepreneur", "employer"),
}

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

_COMMON_WORDS = frozenset({
    "the", "and", "i", "i'm", "i'll", "you", "my", "me", "we", "our", "will", "would",
    "be", "to", "of", "for", "please", "like", "can't", "cannot", "thanks", "thank",
    "regards", "hello", "hi", "dear", "yes", "is", "are", "am", "with", "there", "this",
    "that", "in", "on", "from", "best", "kind", "register", "attend", "it", "a",
})

#: The facilitator's commands (the first word of each is shown in help and links).
_COMMANDS = {
    "help": ("HELP",),
    "days": ("DAYS",),
    "people": ("PEOPLE", "PARTICIPANTS"),
    "costs": ("COSTS",),
    "announce": ("ANNOUNCE", "ANNOUNCEMENT"),
    "invite": ("INVITE",),
    "handled": ("HANDLED", "DONE"),
    "offer": ("OFFER",),
    "retry": ("RETRY",),
    "remove": ("REMOVE",),
    "cancel_day": ("CANCEL",),
}

KNOWLEDGE = Knowledge(
    join_keywords=("SEND",),
    intents=_INTENTS,
    weak_yes=("yes", "yep", "sure", "ok"),
    weak_no=("no", "nope"),
    polite_requests=(r"\b(?:could|can|would|will)\s+you\b", r"\bplease\b", r"\bkindly\b"),
    questions=(r"\bcould\s+you\b", r"\bcan\s+you\b", r"\bwould\s+you\b"),
    whole_registration=("registration", r"\bnetwork\b", "altogether", "entirely", "sign-?up"),
    commitment_words=(r"\bcommitment\b", r"\bcommitted\b"),
    conditions=("if", "whether", "unless", "provided", r"in\s+case"),
    negations=(r"\b(?:not|never|cannot|no)\b", r"n't\b"),
    all_days=(r"\bboth\s+(?:network\s+)?days\b", r"\ball\s+(?:the\s+)?(?:network\s+)?days\b"),
    months=_MONTHS,
    month_joiners=("of",),
    ordinal_endings=("st", "nd", "rd", "th"),
    reply_prefixes=("re",),
    forward_prefixes=("fw", "fwd"),
    labels=_LABELS,
    role_words=_ROLE_WORDS,
    diets=("vegan", "vegetarian", "gluten[- ]free", "lactose[- ]free", "dairy[- ]free",
           "halal", "kosher"),
    diet_mentions=(r"\bdiet\b",),
    diet_statements=(r"(?:special\s+)?diet(?:ary\s+requirements?)?\s*(?::|is|-)",),
    no_diet=("no", "none", "n/?a"),
    closings=(r"best(?:\s+regards|\s+wishes)?", r"kind\s+regards", "regards", "cheers", "br",
              "thanks", r"thank\s+you", "sincerely", "yours"),
    signed_closings=("regards", "best regards"),
    phone_signatures=("sent from my", "get outlook"),
    phone_labels=("tel", "mob", "gsm", "phone"),
    from_headers=("from",),
    other_headers=("sent", "date", "to", "cc", "bcc", "subject", "reply-to"),
    introductions=(r"i\s+am", "i'm", r"i\s+work\s+as", r"my\s+name\s+is", r"this\s+is"),
    title_heads=("head",),
    sign_offs=("br", "regards", "cheers", "thanks"),
    correction_markers=("correction", "corrected"),
    correction_phrases={
        "name": (r"my\s+name\s+is\s+actually", r"my\s+(?:correct\s+)?name\s+is"),
        "title": (r"(?:role|title)\s+to",
                  r"(?:as|down\s+as)\s+an?\s+\w+,?\s+but\s+i\s*(?:'m|am)\s+(?:actually\s+)?an?"),
        "organisation": (r"organi[sz]ation\s+to",),
    },
    field_words={
        "diet": (r"(?:my\s+)?(?:special\s+)?diet(?:ary\s+requirements?)?",),
        "name": (r"(?:my\s+)?(?:correct\s+)?(?:full\s+)?name",),
        "title": (r"(?:my\s+)?(?:job\s+)?(?:title|role|position)",),
        "organisation": (r"(?:my\s+)?organi[sz]ation", "employer"),
    },
    copulas=("is", r"should\s+be", "to"),
    insistences=("actually",),
    thanks=("thanks", r"thank\s+you"),
    old_value_after_comma=(r"not\b", r"instead\b"),
    old_value_after_space=("not", r"instead\s+of"),
    subject_headers=("subject",),
    original_separators=("original message", "reply message"),
    forward_lines=(r"-{2,}\s*forwarded message\s*-{2,}", r"begin forwarded message:?"),
    attribution_verbs=("wrote", "writes"),
    attribution_openers=("on",),
    phone_signature_lines=(
        r"sent from (?:my )?(?:iphone|ipad|android|samsung|mobile|outlook|mail for windows).*",
        r"get \[?outlook (?:for|para|-sovellus) ?(?:android|ios).*",
        r"[(<]*sent (?:from|via|with|by) (?:my |a |the )?\S.{0,80}?[)>]*",
        r"\w+ from (?:my )?mobile", r"from my mobile.{0,20}", r"from my iphone.{0,20}",
r"from my android.{0,20}", r"from my samsung.{0,20}",
    ),
    bounce_subjects=(
        "undeliverable", "undelivered mail", "delivery status notification",
        r"mail delivery (?:failed|failure|system)", "failure notice", "returned mail",
        "delivery failure", r"non[- ]?delivery", "unzustellbar", "message not delivered",
        "undeliverable mail", "delivery has failed", "mail system error",
    ),
    bounce_phrases=(
        "this is the qmail-send program", "could not be delivered to one or more",
        r"following address(?:es)? failed", "delivery to the following recipient",
        r"your message (?:to .{1,200} )?(?:couldn't|could not|wasn't|was not) (?:be )?delivered",
        "address not found", "user unknown", "mailbox unavailable",
        "recipient address rejected", "no such user", "does not exist", "permanent error",
    ),
    delay_phrases=("delayed", "still being retried", r"will (?:continue to )?retry",
                   "not yet been delivered"),
    returned_titles=("original message", "copy of the message", "below this line"),
    returned_headings=("original message headers:",),
    auto_reply_subjects=("automatic reply", r"auto(?:matic)?[- ]?reply", r"out of (?:the )?office",
                         "abwesenheitsnotiz", "réponse automatique"),
    away_words=(r"out of (?:the )?office", "vacation", "away from", "ooo", "autoreply"),
    for_others=("on behalf", "colleague", "following"),
    organisation_words=("college", "school", "university", "institute"),
    commands=_COMMANDS,
    common_words=_COMMON_WORDS,
)
