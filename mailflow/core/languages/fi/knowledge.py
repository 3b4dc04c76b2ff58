"""What mailflow looks for in Finnish mail (data for :class:`Knowledge`; no logic).

Patterns match folded text (lower case, ä/ö/å as a/o/a) unless the field says otherwise.
The wording of Swedish-language mail clients (``SV:``, ``Från:``) is the Swedish pack's.
"""

from __future__ import annotations

from mailflow.core.languages.knowledge import Knowledge

__all__ = ["KNOWLEDGE"]

_INTENTS: dict[str, tuple[str, ...]] = {
    "forget_request": (
        r"\bpoista(?:kaa|isitteko|tkaa)?\s+(?:kaikki\s+)?(?:minun\s+|mun\s+)?tie(?:to|do)(?:ni|jani)\b",
        r"\bunohta(?:kaa|isitteko)\s+minut\b",
        r"\btietojeni\s+poist",
    ),
    "export_request": (
        r"\blahet(?:takaa|tamaan|taisitteko|atko|akaa)\s+(?:minulle\s+)?(?:kaikki\s+)?tie(?:to|do)(?:ni|jani)\b",
        r"\bmita\s+tietoja\s+(?:teilla\s+on\s+)?minusta\b",
        r"\brekisteriote\b",
        r"\btarkastusoikeu",
    ),
    "substitute": (
        r"\btilalle(?:ni|mme)\b",
        r"\btilallani\b",
        r"\bsijai(?:se|ks)(?:ni|kseni)\b",
        r"\bsijaisena(?:ni)?\b",
        r"\bminun\s+sijastani\b",
    ),
    "cancel": (
        r"\bperu\w*\s+(?:\w+\s+)?(?:ilmoittautumi|osallistumi|registration)\w*",
        r"\bperu(?:u?t\w*|a\w*|m\w*|n|kaa|isin|isimme)?\b",
        r"\ben\s+(?:valitettavasti\s+)?(?:paase|paasekaan|pysty\s+osallistumaan)\s+mukaan\s+verkostoon\b",
        r"\b(?:eroan|eroamme|jaan\s+pois|jaamme\s+pois)\s+verkost",
    ),
    "commit": (
        r"\bsitoudu(?:mme|n)?\b",
        r"\bsitoutu(?:u|vat)\b",
        r"\bon\s+sitoutunut\b",
        r"\bole\s+(?:\w+\s+)?sitoutuneet\b",
        r"\b(?:olemme|ovat|on)\s+(?:\w+\s+)?sitoutuneet\s+(?:\w+\s+)?(?:jatko|verkosto)",
        r"\b(?:olemme\s+)?(?:paattaneet|paatimme|haluamme|aiomme)\s+sitoutua\b",
        r"\bvahvista(?:mme|n)\s+(?:\w+\s+)?sitoutumise",
        r"\bolemme\s+mukana\s+jatko",
        r"\bmukana\s+jatkotyoskentely",
        r"\b(?:osallistumme|lahdemme\s+mukaan|tulemme\s+mukaan)\s+(?:\w+\s+)?jatkotyoskentely",
        r"\bjatkamme\s+mukana\b",
    ),
    "correction": (
        r"\bkorjaus\b",
        r"\bkorja(?:tkaa|isitteko|takaa|kaa|isin)\b",
        r"\bnimeni\s+on\s+oikeasti\b",
        r"\boikea\s+nimeni\b",
        r"\bvaihta(?:kaa|isitteko)\b",
        r"\bvaihda\b",
        r"\brooliksi\b",
        r"\btittelikseni\b",
        r"\bpaivit(?:takaa|taisitteko)\b",
        r"\bmuutta(?:kaa|isitteko)\b",
    ),
    "signup": (
        r"\bilmoittau(?:dun|dumme|dutaan|tua|tuisin|tuisimme|tuminen|tumisen|tumiseni|tumiset|tuvat)\b",
        r"\bilmoita(?:n|mme)\s+(?:[\w-]+\s+){0,3}(?:seuraav|alla\s+olev|osallistuj|henkilo|verkost|mukaan|ilmoittau|\w+\s+osallistuj)",
        r"\b(?:verkostoon\s+)?(?:ilmoitettavat|ilmoittautujat)\b",
        r"(?m:^)\W*(?:(?:alla|tassa|seuraavassa)\s+)?(?:meidan\s+|[\w-]+n\s+)?osallistuja(?:t|mme)\b[^\n?]{0,80}:",
        r"\b(?:alla|tassa|seuraavassa)\s+(?:ovat\s+)?(?:meidan\s+|[\w-]+n\s+)?osallistuja(?:t|mme)\b",
        r"\bmeilta\s+(?:osallistuvat|tulevat)\b[^\n?]{0,80}:",
        r"\b(?:voisitteko|voitteko|voisitko|pyytaisin|pyydan)\s+(?:\w+\s+){0,2}(?:ilmoittaa|lisata|rekisteroida|kirjata)\s+(?:\w+\s+){0,3}(?:seuraav|alla|nama|osallistuj|henkilo|verkost|mukaan)",
        r"\b(?:ilmoittakaa|lisatkaa|kirjatkaa|rekisteroikaa)\s+(?:\w+\s+){0,3}(?:seuraav|alla|osallistuj|henkilo|verkost|mukaan|meidat)",
        r"\bosallistujiksi\b",
        r"\bhaluai?s?i?(?:n|mme|simme)\s+osallistua\b",
        r"\bhaluamme\s+mukaan\b",
        r"\bhaluan\s+mukaan\b",
        r"\bliittya\s+verkostoon\b",
    ),
    "interest_leave": (
        r"\bei\s+kiitos\b",
        r"\bpoista(?:kaa)?\s+minut\b",
        r"\ben\s+halua\s+enaa\b",
    ),
    "interest_join": (
        r"\bhaluai?s?i?n\s+kuulla\s+lisaa\b",
        r"\bkuulla\s+lisaa\b",
        r"\blisaa(?:kaa)?\s+minut\s+(?:\w+\s+)?(?:listalle|postituslistalle|jakelu)",
        r"\bpitakaa\s+minut\s+ajan\s+tasalla\b",
    ),
    "rsvp_no": (
        r"\ben\s+(?:\w+\s+){0,2}(?:paase|osallistu|tule|ehdi|pysty)\b",
        r"\bemme\s+(?:\w+\s+){0,2}(?:paase|osallistu|tule|ehdi|pysty)\b",
        r"\bestynyt\b",
        r"\bestyneita\b",
        r"\btuli\s+este\b",
        r"\bon\s+este\b",
    ),
    "rsvp_yes": (
        r"\bosallistun\b",
        r"\bosallistumme\b",
        r"\btulen\b",
        r"\btulemme\b",
        r"\bpaasen\b",
        r"\bpaasemme\b",
        r"\bolen\s+tulossa\b",
        r"\bolemme\s+tulossa\b",
        r"\bnahdaan\b",
    ),
}

_LABELS = {
    "nimi": "name", "koko nimi": "name", "osallistuja": "name", "osallistujan nimi": "name",
    "organisaatio": "organisation", "oppilaitos": "organisation",
    "koulutuksen jarjestaja": "organisation", "tyonantaja": "organisation",
    "rooli": "title", "tehtava": "title", "tehtavanimike": "title", "titteli": "title",
    "asema": "title", "nimike": "title",
    "sahkoposti": "address", "sahkopostiosoite": "address", "s-posti": "address",
    "sposti": "address",
    "erityisruokavalio": "diet", "ruokavalio": "diet", "erityisruokavaliot": "diet",
    "allergiat": "diet",
}

_ROLE_WORDS = {
    "management": ("rehtori", "johtaja", "paallikko"),
    "supervisor": ("esimies", "esimiehe", "esihenkilo", "tiiminvetaja", "lahijohtaja"),
    "staff": ("opettaja", "lehtori", "koulutustarkastaja", "koordinaattori", "koordinaatori",
              "asiantuntija", "suunnittelija", "ohjaaja", "kouluttaja", "sihteeri",
              "assistentti", "neuvoja"),
    "guest": ("asiakas", "sidosryhma", "yrittaja", "tyonantaja"),
}

_MONTHS = {
    "tammikuu": 1, "helmikuu": 2, "maaliskuu": 3, "huhtikuu": 4, "toukokuu": 5,
    "kesakuu": 6, "heinakuu": 7, "elokuu": 8, "syyskuu": 9, "lokakuu": 10,
    "marraskuu": 11, "joulukuu": 12,
}

_COMMON_WORDS = frozenset({
    "ja", "on", "olen", "ei", "en", "minä", "mina", "että", "etta", "kiitos", "terveisin",
    "hei", "moi", "tulen", "osallistun", "ilmoittaudun", "päivä", "paiva", "myös", "myos",
    "kanssa", "meiltä", "meilta", "tilalleni", "peruutan", "kyllä", "kylla", "pääse",
    "paase", "voisitteko", "olemme", "mukaan", "minut", "tietoni", "lähetä", "lahe",
    "valitettavasti", "ystävällisin", "ystavallisin", "sekä", "seka", "vain", "ole", "se",
    "nimi", "rooli", "organisaatio", "sähköposti", "sahkoposti", "tervehdys",
})

#: The facilitator's commands (the first word of each is shown in help and links).
_COMMANDS = {
    "help": ("APUA", "OHJE", "OHJEET"),
    "days": ("PÄIVÄT",),
    "people": ("OSALLISTUJAT", "OSALLISTUJALISTA"),
    "costs": ("KUSTANNUKSET",),
    "announce": ("TIEDOTE",),
    "invite": ("KUTSU",),
    "handled": ("KÄSITELTY",),
    "offer": ("TARJOA",),
    "retry": ("UUDELLEEN",),
    "remove": ("POISTA",),
    "cancel_day": ("PERU",),
}

KNOWLEDGE = Knowledge(
    intents=_INTENTS,
    join_keywords=("LÄHETÄ",),
    weak_yes=("kylla", "joo", "jep"),
    weak_no=("ei",),
    questions=(r"\bvoisit(?:teko|ko)\b", r"\bvoit(?:teko|ko)\b", r"\bsaako\b", r"\bonko\b",
               r"\bkuinka\b", r"\bpaljonko\b"),
    whole_registration=("ilmoittautumi", "verkostosta", "verkostoon", r"verkoston\b",
                        "kokonaan"),
    commitment_words=("sitoutumi", "sitoumu"),
    conditions=("jos", "mikali", "ellei", "ellemme", "kunhan", "edellyttaen"),
    negations=(r"\b(?:en|emme|ei|eivat|et|ette)\b", r"\bvoi(?:simme|simmeko)\b"),
    all_days=(r"\b(?:molemp|kumpaan|kumpana|kaikki)\w*\s+(?:verkosto)?paiv",),
    months=_MONTHS,
    reply_prefixes=("vs", "vast"),
    forward_prefixes=("vl", "välitä"),
    labels=_LABELS,
    role_words=_ROLE_WORDS,
    title_case_endings=("na", "ksi"),
    diets=("gluteeniton", "laktoositon", "maidoton", r"vegaani(?:nen)?", r"kasvis\w*",
           r"vegetaari\w*", "keliaakikko", r"\w*allergi\w*"),
    diet_mentions=("ruokavalio",),
    diet_statements=(r"(?:erityis)?ruokavalio(?:ni)?\s*(?::|on|-)",),
    no_diet=("ei", "ei ole", "ei erityisruokavaliota"),
    closings=(r"(?:ystavallisin|parhain|hyvin|kiittaen|kiitos\s+ja)?\s*terv(?:eisin|eiset|\.)?",
              r"t\.", "t:", "kiittaen"),
    signed_closings=("terveisin", "ystävällisin terveisin"),
    closing_adjectives=("ystävällisin", "parhain"),
    phone_signatures=("lähetetty", "lahetetty", "hanki outlook"),
    phone_labels=("puh", "p"),
    from_headers=("lähettäjä",),
    other_headers=("lähetetty", "päivämäärä", "päiväys", "vastaanottaja", "kopio", "aihe",
                   "vastausosoite"),
    introductions=("olen", "toimin", "työskentelen", r"nimeni\s+on"),
    title_genitives=("toiminnan",),
    sign_offs=(r"t\.", "t:", r"terv\.?", "terveisin", "kiitos"),
    correction_markers=("korjaus", "korjauksena", "oikaisu"),
    correction_phrases={
        "name": (r"nimeni\s+on\s+oikeasti", r"oikea\s+nimeni\s+on", r"nimeni\s+on"),
        "title": ("rooliksi", "tittelikseni", "titteliksi", "tehtävänimikkeeksi"),
        "organisation": ("organisaatioksi",),
    },
    field_words={
        "diet": (r"(?:erityis)?ruokavalio(?:ni)?", r"allergia(?:ni|t)?"),
        "name": (r"(?:oikea\s+)?nime(?:ni|ksi)", "nimi"),
        "title": (r"titteli(?:ni|ksi)?", r"rooli(?:ni|ksi)?", r"tehtava(?:ni|nimike|nimikkeeni)?",
                  r"nimike(?:ni)?"),
        "organisation": (r"organisaatio(?:ni|ksi)?", "oppilaitos"),
    },
    copulas=("on",),
    insistences=("oikeasti",),
    thanks=("kiitos",),
    old_value_after_comma=(r"ei\b", r"eik[aä]\b"),
    old_value_after_space=(r"eik[aä]",),
    subject_headers=("aihe",),
    original_separators=("alkuperäinen viesti",),
    forward_lines=(r"-{2,}\s*välitetty viesti\s*-{2,}",
                   r"välitetty viesti alkaa:?", r"aloita välitetty viesti:?",
                   r"alku välitetty viesti:?", r"-{2,}\s*välitetty viesti\s*:?.*"),
    attribution_verbs=("kirjoitti",),
    weekday_abbreviations=("ma", "ti", "ke", "to", "pe", "la", "su"),
    phone_signature_lines=(
        r"lähetetty (?:iphonesta|ipadista|android-puhelimesta|mobiililaitteesta"
        r"|samsung galaxy -älypuhelimesta|.{0,40}(?:puhelimesta|älypuhelimesta|tabletista))",
        r"hanki outlook (?:for|para|-sovellus) ?(?:android|ios).*",
        r"lähetetty windowsin sähköposti.*",
    ),
    bounce_subjects=("toimittamaton", "toimitus epäonnistui", "viestiä ei voitu toimittaa"),
    bounce_phrases=("viestiäsi ei voitu toimittaa", r"viestin toimitus .{0,40}epäonnistui"),
    delay_phrases=("viivästy",),
    returned_titles=("alkuperäinen viesti",),
    returned_headings=("alkuperäisen viestin otsikot:",),
    auto_reply_subjects=("automaattinen vastaus", "poissa toimistosta"),
    away_words=("poissa", "lomalla", "loma"),
    for_others=("kollega", "puolesta", "seuraavat", "osallistujiksi"),
    organisation_words=("opisto", "oppilaitos", "kuntayhtym", "koulutus", "yliopisto",
                        "korkeakoulu", r"\boy\b", r"\bry\b", "säätiö", "saatio"),
    commands=_COMMANDS,
    meeting_costs=("kustannukset", "kulut", "hinta"),
    meeting_sponsor=("maksaja", "maksajana", "rahoittaja", "kustantaja"),
    follow_up_words=(r"jatkotyoskentel", r"jatkopaiv", r"jatkotapaami"),
    common_words=_COMMON_WORDS,
    common_endings=("ssa", "ssä"),
)
