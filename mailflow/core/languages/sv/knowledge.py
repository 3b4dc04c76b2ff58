"""What mailflow looks for in Swedish mail (data for :class:`Knowledge`; no logic).

Finland-Swedish as the network's Swedish-speaking schools write it: "anmälan",
"nätverksdag", "läroavtal", "förhinder", "reservplats", and colloquial forms ("int" for
"inte", "Jo, nog kommer jag"). Patterns match folded text (lower case, ä/ö/å as a/o/a)
unless the field says otherwise. The wording of Swedish-language mail clients (``SV:``,
``VB:``, ``Från:``, "Ursprungligt meddelande", "Skickat från min iPhone") is here too:
Finnish organisations use Swedish-language clients as well.
"""

from __future__ import annotations

from mailflow.core.languages.knowledge import Knowledge

__all__ = ["KNOWLEDGE"]

#: A pronoun (or a name) and a little between it and the verb: "jag", "vi", "Anna".
_I = r"(?:jag|vi|\w+)\s+(?:\w+\s+)?"
#: "inte" and its colloquial and written forms.
_NOT = r"(?:inte|int|ej|icke)"
#: The mailing list as people name it.
_LIST = r"(?:e-?post|mejl|mail|sand|utskicks|distributions|adress)?listan|utskick(?:en)?"
_DATA = r"(?:person)?uppgifter(?:na)?|data"
#: "... ur ert register", "i nätverkets register": the register named after the data (so
#: the English pack's "register" does not read it as a sign-up).
_REGISTER = (r"(?:\s+(?:som\s+(?:finns|ni\s+har)\s+)?(?:om\s+mig\s+)?(?:ur|i|fran)\s+"
             r"(?:\w+\s+)?register\w*)?")

_INTENTS: dict[str, tuple[str, ...]] = {
    "forget_request": (
        rf"\brader(?:a|ar|as|ing)\s+(?:\w+\s+){{0,3}}(?:{_DATA})\b{_REGISTER}",
        r"\brader(?:a|ar)\s+(?:mig|min\s+information)\b",
        rf"\bta(?:r|ga)?\s+bort\s+(?:alla\s+)?(?:mina\s+)?(?:{_DATA})\b",
        r"\b(?:ta|tar|stryk|radera)\s+(?:bort\s+)?mig\s+(?:helt\s+)?(?:ur|fran)\s+(?:\w+\s+)?registr",
        r"\bglom\s+mig\b",
        # "..., inte bara ta bort mig från listan": more than leaving the list
        rf"\binte\s+bara\s+(?:\w+\s+){{0,4}}(?:fran|ur|pa)\s+(?:\w+\s+)?(?:{_LIST})\b",
        r"\bbli\s+bortglomd\b",
        r"\b(?:mina\s+)?(?:person)?uppgifter(?:na)?\s+(?:\w+\s+){0,3}(?:raderas|tas\s+bort|stryks)\b",
        r"\bbli\s+raderad\b",
        r"\bta\s+bort\s+mig\s+helt\b",
        r"\bradera\w*\s+mig\b",
        r"\bglomd\b",
    ),
    "export_request": (
        rf"\bvilka\s+(?:{_DATA})\s+(?:om\s+mig\s+)?(?:har|finns|sparar|lagrar)",
        r"\bvad\s+(?:har\s+ni\s+)?(?:for\s+)?(?:person)?uppgifter\s+(?:har\s+ni\s+)?om\s+mig\b",
        rf"\bregisterutdrag\b(?:\s+(?:over|av|pa)\s+(?:\w+\s+){{0,3}}(?:{_DATA})\b{_REGISTER})?",
        rf"\b(?:skicka|sand)\s+(?:mig\s+)?(?:garna\s+)?(?:en\s+kopia\s+(?:av|pa)\s+)?(?:alla\s+)?mina\s+(?:{_DATA})\b",
        rf"\bkopia\s+(?:av|pa)\s+(?:alla\s+)?(?:mina\s+)?(?:{_DATA})\b",
        r"\binsynsratt\b",
        r"\bratt\s+till\s+(?:insyn|tillgang)\b",
        r"\bvad\s+(?:ni\s+)?(?:har\s+)?(?:sparat|lagrat|registrerat)\s+om\s+mig\b",
        r"\bvilka\s+(?:\w+\s+)?(?:uppgifter|data)\s+(?:\w+\s+){0,3}(?:sparat|lagrat|registrerat)",
    ),
    "substitute": (
        r"\bi\s+mitt\s+stalle\b",
        r"\bi\s+stallet\s+for\s+mig\b",
        r"\bmin\s+ersattare\b",
        r"\bsom\s+(?:min\s+)?ersattare\b",
        r"\bersatter\s+mig\b",
        r"\bvikarierar\s+for\s+mig\b",
        r"\b(?:kommer|deltar|gar|aker)\s+(?:\w+\s+){0,2}i\s+stallet\b",
        r"\bi\s+stallet\s+(?:kommer|deltar|gar|aker)\b",
        r"\b(?:kommer|deltar|gar|aker)\s+(?:\w+\s+){0,2}istallet\b",
        r"\bistallet\s+for\s+mig\b",
        r"\bistallet\s+(?:kommer|deltar|gar|aker)\b",
        r"\bfor\s+min\s+rakning\b",
        r"\btar\s+min\s+plats\b",
        r"\bersatt(?:er|a)\s+mig\b",
    ),
    "cancel": (
        r"\b(?:aterkall|annuller|avbok|stryk|dra\w*\s+tillbaka)\w*\s+(?:\w+\s+){0,2}anmalan",
        r"\banmalan\s+(?:\w+\s+){0,6}(?:annulleras|aterkallas|stryks|avbokas|dras\s+tillbaka)\b",
        r"\bavanmal\w*",
        r"\bavboka\w*",
        r"\bdrar\s+(?:oss|mig)\s+(?:ur|ut\s+ur|tillbaka\s+fran)\s+natverket\b",
    ),
    "commit": (
        r"\bforbinder\s+(?:oss|sig|mig)\b",
        r"\b(?:vi|\w+)\s+(?:ar|blir)\s+med\s+i\s+det\s+fortsatta\s+arbetet\b",
        r"\b(?:vi|\w+)\s+deltar\s+i\s+det\s+fortsatta\s+arbetet\b",
        r"\bhar\s+(?:beslutat|bestamt)\s+(?:oss\s+)?(?:att|for\s+att)\s+(?:forbinda|delta\s+i\s+det\s+fortsatta|vara\s+med\s+i\s+det\s+fortsatta)",
        r"\bbekraftar\s+(?:\w+\s+)?(?:forbindelse|atagande|deltagande\s+i\s+det\s+fortsatta)",
        r"\bforbind(?:a|er)\s+(?:oss|sig)\b",
        r"\b(?:vi|\w+)\s+(?:fortsatter|stannar)\s+(?:med\s+)?i\s+(?:natverket|det\s+fortsatta)",
        r"\b(?:vi|\w+)\s+(?:ar|blir)\s+med\s+(?:\w+\s+){0,2}(?:fortsattningen|uppfoljningsarbetet|det\s+fortsatta)",
        r"\bstar\s+for\s+(?:var|sin)\s+(?:andel|del)\s+av\s+kostnaderna\b",
    ),
    "correction": (
        r"\brattelse\b",
        r"\bkorrigering\b",
        r"\b(?:ratta|korrigera|andra|uppdatera)\s+(?:garna\s+)?(?:mitt|min|mina)\s+(?:namn|titel|roll|kost|specialdiet|diet|uppgifter|organisation)",
        r"\bmitt\s+(?:\w+\s+)?namn\s+ar\s+(?:egentligen|felstavat)\b",
        r"\bfelstavat\b",
        r"\b(?:efternamnet|fornamnet|namnet|titeln|rollen|organisationen)\s+ar\s+\w+,?\s+inte\b",
        r"\bglomde\s+(?:att\s+)?(?:namna|saga|meddela|uppge|skriva)\b",
        r"\b(?:ska|borde)\s+vara\b",
        r"\bstammer\s+(?:inte|int|ej)\b",
        r"\bar\s+(?:inte|int)\s+\w+\s+utan\b",
        r"\bfel\s+(?:namn|titel|stavning|kost|organisation)\b",
        r"\b(?:felaktig|felaktigt|felaktiga)\b",
        r"\bny\s+(?:titel|befattning|roll)\b",
    ),
    "signup": (
        # the verb in every form (anmäl, anmäla, anmäler, anmälde), not "anmälan" (the noun)
        # nor "anmäld" (already registered), nor "anmäla förhinder" (an absence)
        r"\banmal(?:a|er|de)?\b(?!\s+(?:\w+\s+)?(?:forhinder|franvaro))",
        r"\bfoljande\s+(?:personer|deltagare|kollegor)\s+(?:\w+\s+){0,3}(?:deltar|kommer|vill)\b",
        r"\bdeltar\s+foljande\b",
        r"(?m:^)\W*(?:vara\s+)?deltagare(?:\s+fran\s+[\w -]+)?\s*:",
        r"\b(?:kommer|vill|ville)\s+(?:garna\s+)?(?:ga\s+|vara\s+)?(?:med|delta)\s+i\s+(?:\w+\s+)?(?:utvecklings)?natverket\b",
        r"\bskulle\s+(?:garna\s+)?vilja\s+(?:ga\s+|vara\s+)?(?:med|delta)\s+i\s+(?:\w+\s+)?(?:utvecklings)?natverket\b",
    ),
    "interest_leave": (
        r"\bnej\s+tack\b",
        rf"\bta\s+bort\s+(?:mig|min\s+(?:e-?post|adress|e-?postadress))\s+(?:fran|ur|pa)\s+(?:\w+\s+)?(?:{_LIST})\b",
        r"\bavsluta\s+(?:min\s+)?prenumeration",
        r"\bavprenumerera\b",
        r"\bavregistrera\s+mig\b",
        r"\bvill\s+(?:inte|int|ej)\s+(?:langre\s+)?(?:ha|fa)\s+(?:fler|mer|flera|nagra)\s+(?:e-?post|mejl|mail|meddelanden|utskick)",
        r"\bsluta\s+skicka\b",
    ),
    "interest_join": (
        r"\bhall\s+mig\s+(?:garna\s+)?(?:informerad|uppdaterad|underrattad)\b",
        rf"\b(?:satt|satta|lagg|lagga|skriv|skriva)\s+(?:upp|till|in)\s+mig\s+(?:\w+\s+)?(?:pa|i)\s+(?:\w+\s+)?(?:{_LIST})\b",
        r"\bberatta\s+(?:garna\s+)?mer\b",
        r"\b(?:vill|skulle\s+vilja)\s+(?:garna\s+)?(?:veta|hora|fa\s+veta)\s+mer\b",
        r"\bfa\s+(?:mer\s+)?(?:information|info)\s+om\s+(?:\w+\s+)?natverk",
        r"\bprenumerera\b",
        r"\b(?:jag|vi)\s+ar\s+(?:mycket\s+)?intresserad\w*\b",
        r"\bskicka\s+(?:garna\s+)?(?:mig\s+)?(?:mer\s+)?information\b",
        r"\bvill\s+(?:garna\s+)?(?:ha|fa)\s+(?:mer\s+)?(?:information|info|nyhetsbrev\w*)\b",
    ),
    "rsvp_no": (
        rf"\b(?:kan|kunde|hinner|kommer)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:\w+\s+){{0,3}}(?:delta|komma|narvara|vara\s+med)\b",
        rf"\bhinner\s+(?:tyvarr\s+)?{_NOT}\b",
        rf"\bhar\s+(?:tyvarr\s+)?{_NOT}\s+mojlighet\b",
        r"\b(?:ar|blev|blir)\s+(?:tyvarr\s+)?forhindrad\b",
        r"\bhar\s+(?:tyvarr\s+)?(?:fatt\s+)?forhinder\b",
        r"\btackar\s+nej\b",
        r"\banmal(?:a|er|de)?\s+(?:\w+\s+)?(?:forhinder|franvaro)\b",
        r"\bmaste\s+(?:tyvarr\s+)?(?:avsta|stanna\s+borta|utebli)\b",
        r"\bjag\s+uteblir\b",
        r"\bkan\s+(?:tyvarr\s+)?(?:inte|int|ej)\s+(?:\w+\s+){0,2}(?:delta|komma|vara\s+med|narvara)\b",
        r"\b(?:kommer|blir)\s+(?:tyvarr\s+)?(?:inte|int|ej)\s+(?:att\s+)?(?:kunna\s+)?(?:delta|komma|vara\s+med)\b",
    ),
    "rsvp_yes": (
        r"\b(?:jag|vi)\s+deltar\b",
        r"\bdeltar\s+garna\b",
        r"\b(?:jag|vi)\s+kommer\s+garna\b",
        r"\b(?:nog|sjalvklart|absolut|forstas|javisst|garna)\s+kommer\s+(?:jag|vi)\b",
        r"\b(?:jag|vi)\s+kommer(?:\s+(?:nog|absolut|sjalvklart|forstas))?\s*(?:[.!]|$|\s+pa\s+natverksdag|\s+den\s+\d)",
        r"\bvi\s+ses\b",
        r"\brakna\s+med\s+(?:mig|oss)\b",
        r"\btackar\s+ja\b",
    ),
}

_LABELS = {
    "namn": "name", "fullstandigt namn": "name", "deltagare": "name",
    "deltagarens namn": "name", "for- och efternamn": "name",
    "organisation": "organisation", "laroanstalt": "organisation", "skola": "organisation",
    "arbetsgivare": "organisation", "utbildningsanordnare": "organisation",
    "titel": "title", "befattning": "title", "roll": "title", "uppgift": "title",
    "tjanstebeteckning": "title", "yrkesbeteckning": "title",
    "e-post": "address", "epost": "address", "e-postadress": "address", "mejl": "address",
    "specialdiet": "diet", "specialkost": "diet", "kost": "diet", "allergier": "diet",
    "matallergier": "diet",
}

_ROLE_WORDS = {
    "management": ("rektor", "prorektor", "direktor", "chef", "ledning"),
    "supervisor": ("forman", "teamledare", "laroavtalschef", "arbetsplatshandledare",
                   "handledare", "arbetsledare"),
    "staff": ("larare", "lektor", "koordinator", "planerare", "sakkunnig", "specialist",
              "radgivare", "studiehandledare", "studievagledare", "kurator", "assistent",
              "sekreterare", "expert", "utbildare", "instruktor", "handlaggare"),
    "guest": ("kund", "foretagare", "intressent", "gast"),
}

_MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}

#: Words only Swedish writes (as written and folded); "en", "i", "for" and "se" are left
#: out, since Finnish or English write them too.
_COMMON_WORDS = frozenset({
    "och", "jag", "att", "det", "är", "inte", "int", "med", "på", "till", "mig", "vi", "ni",
    "har", "kan", "vill", "tack", "hej", "hälsningar", "halsningar", "hälsning", "halsning",
    "vänliga", "vanliga", "vänlig", "vanlig", "gärna", "garna", "mitt", "mina", "vår",
    "vårt", "våra", "som", "om", "av", "ett", "från", "fran", "tyvärr", "tyvarr", "kommer",
    "deltar", "anmälan", "anmalan", "anmäler", "anmaler", "nätverket", "natverket",
    "nätverksdagen", "natverksdagen", "också", "ocksa", "eller", "men", "mvh", "dig", "oss",
    "ska", "skulle", "ej", "nej", "jo", "nog", "hon", "han", "hos", "mycket", "bara",
    "uppgifter", "själv", "sjalv", "redan", "inbjudan", "eftersom", "därför",
    "darfor", "kollega", "ersättare", "ersattare", "min", "skicka", "rättelse",
    "rattelse", "specialdiet", "radera", "ses", "dagen",
})

#: The facilitator's commands (the first word of each is shown in help and links).
_COMMANDS = {
    "help": ("HJÄLP",),
    "days": ("DAGAR",),
    "people": ("DELTAGARE",),
    "costs": ("KOSTNADER",),
    "announce": ("MEDDELANDE",),
    "invite": ("BJUD IN", "INBJUD"),
    "handled": ("KLART", "HANTERAD"),
    "offer": ("ERBJUD",),
    "retry": ("FÖRSÖK IGEN",),
    "remove": ("TA BORT",),
    "cancel_day": ("STÄLL IN",),
}

KNOWLEDGE = Knowledge(
    intents=_INTENTS,
    join_keywords=("SKICKA",),
    weak_yes=("ja", "jo", "javisst", "absolut"),
    weak_no=("nej",),
    hedges=(r"\bhoppas\b", r"\bkanske\b", r"\bvet\s+(?:inte|int|ej)\s+(?:an|annu)\b",
            r"\bosaker\w*\b",
            r"\bpreliminart\b", r"\beventuellt\b", r"\bmojligen\b"),
    relative_days={"imorgon": 1, r"i\s+morgon": 1, r"i\s+overmorgon": 2, "idag": 0, r"i\s+dag": 0},
    next_week=(r"\bnasta\s+vecka\b", r"\bi\s+nasta\s+vecka\b"),
    polite_requests=(r"\b(?:kan|kunde|skulle|vill|ville)\s+(?:ni|du)\b", r"\bvanligen\b",
                     r"\bsnalla\b"),
    questions=(r"\bkan\s+ni\b", r"\bkunde\s+ni\b", r"\bskulle\s+ni\b", r"\bhur\s+mycket\b",
               r"\bvad\s+kostar\b", r"\bfinns\s+det\b"),
    name_endings=("s",),
    whole_registration=(r"\banmalan\b", r"natverket\b", r"\bhelt\b", r"\bhelt\s+och\s+hallet\b",
                        r"\butvecklingsnatverk"),
    commitment_words=(r"fortsatta\s+arbete", "forbind", r"binda\s+oss", "atagande"),
    conditions=("ifall", "forutsatt", "savida", r"om\s+(?:jag|vi|det|budgeten)",
                r"beror\s+pa", r"hoppas\s+(?:att\s+)?(?:jag\s+|vi\s+)?(?:kunna|kan)",
                "kanske", "eventuellt", "preliminart"),
    negations=(rf"\b(?:{_NOT}|aldrig|ingen|inget|inga)\b",),
    all_days=(r"\bbada\s+(?:natverks)?dag", r"\balla\s+(?:natverks)?dag"),
    months=_MONTHS,
    reply_prefixes=("sv", "ang"),
    forward_prefixes=("vb",),
    labels=_LABELS,
    role_words=_ROLE_WORDS,
    diets=(r"glutenfri\w*", r"laktosfri\w*", r"mjolkfri\w*", r"vegan(?:sk|skt)?",
           r"vegetarisk\w*", "celiaki", "laktosintolerans", r"fiskfri\w*"),
    diet_mentions=("specialdiet", "specialkost", r"\bkost\b"),
    diet_statements=(r"(?:special)?(?:diet|kost)(?:en)?\s*(?::|ar|-)",),
    no_diet=("nej", "ingen", "inga", "ingen specialdiet", "ingen specialkost"),
    closings=(r"(?:med\s+)?(?:vanlig|vanliga|basta|varma)\s+hals(?:ning|ningar)",
              r"hals(?:ning|ningar|n\.?|\.)", "mvh", r"tack\s+pa\s+forhand"),
    signed_closings=("hälsningar", "hälsning", "mvh", "med vänlig hälsning",
                     "med vänliga hälsningar", "vänliga hälsningar"),
    closing_adjectives=("med vänliga", "med vänlig", "vänliga", "vänlig", "bästa", "varma"),
    phone_signatures=("skickat från", "hämta outlook"),
    phone_labels=("tfn", "mobil"),
    from_headers=("från",),
    other_headers=("skickat", "datum", "till", "kopia", "ämne"),
    introductions=(r"jag\s+är", r"jag\s+arbetar\s+som", r"jag\s+jobbar\s+som",
                   r"mitt\s+namn\s+är", r"jag\s+heter"),
    sign_offs=("mvh", "hälsningar", r"häls\.?", "/"),
    correction_markers=("rättelse", "korrigering"),
    correction_values=(r"\butan", r"(?:ska|borde)\s+vara", r"det\s+rätta\s+är",
                       r"jag\s+är\s+numera",
                       r"jag\s+är\s+nu"),
    correction_phrases={
        "name": (r"mitt\s+namn\s+är\s+egentligen", r"mitt\s+rätta\s+namn\s+är",
                 r"mitt\s+namn\s+är(?!\s+(?:felstavat|fel|inte)\b)"),
        "title": (r"titeln\s+till", r"min\s+titel\s+till",
                  r"(?:angett|antecknat|skrivit)\s+\w+,?\s+men\s+jag\s+är"),
        "organisation": (r"organisationen\s+till",),
    },
    field_words={
        "diet": (r"(?:min\s+)?(?:special)?(?:diet|kost)(?:en)?",),
        "name": (r"(?:mitt\s+)?(?:efter|for)?namn(?:et)?",),
        "title": (r"(?:min\s+)?(?:titel|titeln|befattning|roll|rollen|tjanstebeteckning)",),
        "organisation": (r"(?:min\s+)?organisation(?:en)?", "arbetsgivare"),
    },
    copulas=("ar", r"ska\s+vara"),
    insistences=("egentligen",),
    thanks=("tack",),
    old_value_after_comma=(r"inte\b", r"i\s+st[aä]llet\s+f[oö]r\b"),
    old_value_after_space=("inte", r"i\s+st[aä]llet\s+f[oö]r"),
    subject_headers=("ämne",),
    original_separators=("ursprungligt meddelande", "originalmeddelande"),
    forward_lines=(r"-{2,}\s*vidarebefordrat meddelande\s*-{2,}",
                   r"början på vidarebefordrat meddelande:?",
                   r"vidarebefordrat meddelande:?"),
    attribution_verbs=("skrev",),
    attribution_openers=("den",),
    weekday_abbreviations=("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    phone_signature_lines=(r"skickat från min .*", r"skickat från (?:outlook|e-post).*",
                           r"hämta outlook för (?:android|ios).*"),
    bounce_subjects=("olevererbart", "onlevererbart", r"meddelandet kunde inte levereras",
                     "leveransfel", "returnerat meddelande", "kan inte levereras"),
    bounce_phrases=("ditt meddelande levererades inte", "meddelandet kunde inte levereras",
                    "adressen hittades inte", "mottagarens postlåda är full",
                    "meddelandet avvisades",
                    r"kunde inte levereras till (?:en eller flera|följande)"),
    delay_phrases=("försenad", "fördröjd", "har ännu inte levererats"),
    returned_titles=("ursprungligt meddelande", "originalmeddelande"),
    auto_reply_subjects=("automatiskt svar", "automatisk svar", "autosvar",
                         "frånvaromeddelande", r"ej på kontoret", r"inte på kontoret",
                         "frånvarande", "läst"),
    auto_reply_phrases=(r"detta är ett automatiskt svar",
                        r"ditt ärende (?:har|är) "
                        r"(?:registrerats|registrerat|mottaget|tagits emot)"),
    away_phrases=(r"jag är (?:på semester|ledig|tjänstledig|föräldraledig|bortrest|frånvarande)",
                  r"jag är borta från kontoret", r"tillbaka (?:på kontoret|i tjänst)"),
    urgent_referrals=(r"brådskande",),
    away_words=("frånvarande", "frånvaro", "semester", "ledig", "tjänsteresa",
                "ej på kontoret", "inte på kontoret"),
    for_others=("kollega", "kollegor", "foljande", "vagnar", r"pa\s+uppdrag\s+av"),
    organisation_words=("institut", "akademi", "gymnasium", "skola", "högskola", "universitet",
                        r"\bab\b", r"\brf\b", r"\bsr\b", "stiftelse", "utbildning"),
    commands=_COMMANDS,
    common_words=_COMMON_WORDS,
)
