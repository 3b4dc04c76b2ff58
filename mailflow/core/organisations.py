"""Organisation names and mail domains -> one organisation (pure, no I/O).

"Omnia", "OMNIA", "Espoon seudun koulutuskuntayhtymä Omnia", "Omnian" and an address at
``edu.omnia.test`` all mean the same organisation. Names are compared after cleaning:
lower case, punctuation and extra whitespace removed, the common legal and school-type
words ("oy", "ammattiopisto", "koulutuskuntayhtymä", ...) dropped, and a light Finnish
case ending ("Omnian", "Omniasta", "Keudalta") taken off a word when that finds a match.
Generic mail providers (gmail.com, luukku.com, ...) never imply an organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mailflow.core.model import Organisation
from mailflow.core.settings import OrganisationAlias

__all__ = ["GENERIC_DOMAINS", "DirectoryCache", "OrgDirectory", "clean_name"]

GENERIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.fi", "live.com",
    "live.fi", "msn.com", "icloud.com", "me.com", "mac.com", "yahoo.com", "yahoo.co.uk",
    "ymail.com", "aol.com", "gmx.com", "gmx.net", "proton.me", "protonmail.com",
    "luukku.com", "kolumbus.fi", "suomi24.fi", "elisanet.fi", "saunalahti.fi", "welho.com",
    "dnainternet.net", "netti.fi", "pp.inet.fi", "inet.fi", "mail.com", "zoho.com",
})

#: Words that say what kind of body an organisation is, not which one.
_GENERIC_WORDS = frozenset({
    "oy", "oyj", "ab", "ky", "ry", "tmi", "ltd", "inc", "gmbh", "koulutuskuntayhtymä",
    "kuntayhtymä", "ammattiopisto", "ammattiopiston", "ammattikoulu", "aikuisopisto",
    "oppilaitos", "säätiö", "sr", "the", "of",
})
_GENERIC_PHRASES = ("ammatti ja aikuisopisto",)
#: Finnish case endings tried, longest first, on a word that found no match as written.
_CASE_ENDINGS = (
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "han", "hin", "ksi",
    "na", "nä", "n",
)
_MIN_WORD_KEY = 4  # a single word shorter than this is too ambiguous to match alone
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def clean_name(name: str) -> str:
    """Lower case, punctuation turned to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFC", name).casefold()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def _strip_generic(cleaned: str) -> str:
    for phrase in _GENERIC_PHRASES:
        cleaned = f" {cleaned} ".replace(f" {phrase} ", " ").strip()
    words = [w for w in cleaned.split() if w not in _GENERIC_WORDS]
    return " ".join(words)


def _stems(word: str) -> list[str]:
    """The word and its forms without a Finnish case ending."""
    forms = [word]
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_WORD_KEY:
            forms.append(word[: -len(ending)])
    return forms


def _domain_of(value: str) -> str:
    value = value.strip().lower().rstrip(">").strip()
    if "@" in value:
        value = value.rsplit("@", 1)[1]
    return value.strip(". ")


def _looks_like_domain(value: str) -> bool:
    value = value.strip()
    return (
        "." in value
        and " " not in value
        and bool(re.fullmatch(r"@?[a-z0-9.-]+\.[a-z]{2,}", value.lower()))
    )


@dataclass(frozen=True)
class OrgDirectory:
    """Look up organisations by name, alias or mail domain.

    names: cleaned (and generic-word-stripped) names -> organisation; domains: mail
    domain -> organisation.
    """

    names: Mapping[str, Organisation] = field(default_factory=dict)
    domains: Mapping[str, Organisation] = field(default_factory=dict)

    @classmethod
    def from_settings(
        cls,
        aliases: tuple[OrganisationAlias, ...],
        known: Mapping[str, Organisation],
    ) -> OrgDirectory:
        """Build from the configured aliases and the organisations already in the store.

        A configured organisation already known (by key or by name) keeps the stored
        record; otherwise its key is its name lower-cased.
        """
        by_name = {clean_name(o.name): o for o in known.values()}
        names: dict[str, Organisation] = {}
        domains: dict[str, Organisation] = {}
        for org in known.values():
            _index(org, (org.name, *org.aliases), names, domains)
        for alias in aliases:
            key = alias.name.strip().lower()
            stored = known.get(key) or by_name.get(clean_name(alias.name))
            configured = stored or Organisation(
                key=key, name=alias.name.strip(), aliases=(*alias.aliases, *alias.domains)
            )
            _index(configured, (alias.name, *alias.aliases), names, domains)
            for domain in alias.domains:
                domains.setdefault(_domain_of(domain), configured)
        return cls(names=names, domains=domains)

    def for_address(self, address: str) -> Organisation | None:
        """The organisation a mail address belongs to (subdomains included), if any."""
        domain = _domain_of(address)
        if not domain or domain in GENERIC_DOMAINS:
            return None
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            candidate = ".".join(parts[start:])
            if candidate in GENERIC_DOMAINS:
                return None
            if candidate in self.domains:
                return self.domains[candidate]
        return None

    def resolve(self, name_or_domain: str) -> Organisation | None:
        """The organisation a name, alias, domain or address means, if it is known."""
        value = name_or_domain.strip()
        if not value:
            return None
        if "@" in value or _looks_like_domain(value):
            return self.for_address(value)
        cleaned = clean_name(value)
        for candidate in (cleaned, _strip_generic(cleaned)):
            if candidate and candidate in self.names:
                return self.names[candidate]
        return self._by_words(_strip_generic(cleaned).split())

    def find_in(self, text: str) -> Organisation | None:
        """The first known organisation named anywhere in free text (inflected or not)."""
        return self._by_words(clean_name(text).split())

    def canonical(self, name: str) -> tuple[str, str]:
        """(key, display name): the known organisation's, or derived from the name as written."""
        org = self.resolve(name)
        if org is not None:
            return org.key, org.name
        written = " ".join(name.split())
        cleaned = clean_name(written)
        return (_strip_generic(cleaned) or cleaned), written

    def _by_words(self, words: Iterable[str]) -> Organisation | None:
        words = list(words)
        # Two-word names first ("stadin ao"), then single distinctive words.
        for i in range(len(words) - 1):
            for first in _stems(words[i]):
                pair = f"{first} {words[i + 1]}"
                for form in (pair, *(f"{first} {s}" for s in _stems(words[i + 1]))):
                    if form in self.names:
                        return self.names[form]
        for word in words:
            if len(word) < _MIN_WORD_KEY or word in _GENERIC_WORDS:
                continue
            for form in _stems(word):
                if form in self.names:
                    return self.names[form]
        return None


class DirectoryCache:
    """The directory of the organisations of the moment, for given aliases: built again
    only when asked about another table of organisations (a state's table stays the same
    object until a decision changes the organisations), not for every message."""

    def __init__(self, aliases: tuple[OrganisationAlias, ...]) -> None:
        self.aliases = aliases
        self._built: tuple[Mapping[str, Organisation], OrgDirectory] | None = None

    def of(self, organisations: Mapping[str, Organisation]) -> OrgDirectory:
        if self._built is None or self._built[0] is not organisations:
            self._built = (organisations, OrgDirectory.from_settings(self.aliases,
                                                                     organisations))
        return self._built[1]


def _index(
    org: Organisation,
    labels: Iterable[str],
    names: dict[str, Organisation],
    domains: dict[str, Organisation],
) -> None:
    for label in labels:
        if _looks_like_domain(label):
            domains.setdefault(_domain_of(label), org)
            continue
        cleaned = clean_name(label)
        stripped = _strip_generic(cleaned)
        for key in (cleaned, stripped):
            if key and (" " in key or len(key) >= _MIN_WORD_KEY):
                names.setdefault(key, org)
