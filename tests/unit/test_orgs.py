"""OrgDirectory: names, aliases, inflected forms and mail domains mean one organisation."""

from __future__ import annotations

import pytest

from mailflow.core.model import Organisation
from mailflow.core.organisations import DirectoryCache, OrgDirectory, clean_name
from mailflow.core.settings import OrganisationAlias

ALIASES = (
    OrganisationAlias("Omnia", ("Espoon seudun koulutuskuntayhtymä Omnia", "Omnian ammattiopisto"),
                      ("omnia.test",)),
    OrganisationAlias("Stadin ammatti- ja aikuisopisto",
                      ("Stadin AO", "Stadin ammattiopisto", "Stadi"), ("stadi.test",)),
    OrganisationAlias("Keuda", ("Keski-Uudenmaan koulutuskuntayhtymä Keuda",), ("keuda.test",)),
)


@pytest.fixture
def orgs() -> OrgDirectory:
    return OrgDirectory.from_settings(ALIASES, {})


@pytest.mark.parametrize("written", [
    "Omnia", "OMNIA", "  omnia ", "Espoon seudun koulutuskuntayhtymä Omnia",
    "espoon seudun koulutuskuntayhtymä omnia.", "Omnian ammattiopisto", "Omnian", "Omniasta",
    "omnia.test", "@omnia.test", "edu.omnia.test", "maija.mallikas@edu.omnia.test",
])
def test_the_ways_of_writing_omnia_are_one_organisation(orgs: OrgDirectory, written: str) -> None:
    org = orgs.resolve(written)
    assert org is not None
    assert org.key == "omnia"
    assert org.name == "Omnia"


@pytest.mark.parametrize("written", ["Stadi", "Stadin AO", "Stadista", "stadin ammattiopisto",
                                     "Stadin ammatti- ja aikuisopisto"])
def test_stadi_aliases(orgs: OrgDirectory, written: str) -> None:
    assert orgs.canonical(written) == ("stadin ammatti- ja aikuisopisto",
                                       "Stadin ammatti- ja aikuisopisto")


def test_keuda_inflected(orgs: OrgDirectory) -> None:
    assert orgs.canonical("Keudalta")[0] == "keuda"
    assert orgs.canonical("Keudan")[0] == "keuda"


@pytest.mark.parametrize("address", [
    "someone@gmail.com", "someone@outlook.com", "someone@hotmail.com", "someone@icloud.com",
    "someone@yahoo.com", "someone@luukku.com", "someone@kolumbus.fi",
])
def test_generic_mail_domains_imply_no_organisation(orgs: OrgDirectory, address: str) -> None:
    assert orgs.for_address(address) is None
    assert orgs.resolve(address) is None


def test_an_unknown_domain_is_no_organisation(orgs: OrgDirectory) -> None:
    assert orgs.for_address("x@unknown-school.test") is None
    assert orgs.for_address("not an address") is None


def test_a_lookalike_domain_is_not_the_organisation(orgs: OrgDirectory) -> None:
    assert orgs.for_address("x@notomnia.test") is None
    assert orgs.for_address("x@omnia.test.evil.test") is None


def test_unknown_organisation_keeps_its_written_name_and_gets_a_cleaned_key(
    orgs: OrgDirectory,
) -> None:
    assert orgs.resolve("Testiopisto Oy") is None
    assert orgs.canonical("  Testiopisto   Oy ") == ("testiopisto", "Testiopisto Oy")
    assert orgs.canonical("TESTIOPISTO")[0] == orgs.canonical("Testiopisto Oy")[0]


def test_suffix_only_name_keeps_a_key(orgs: OrgDirectory) -> None:
    key, name = orgs.canonical("Ammattiopisto")
    assert key == "ammattiopisto"
    assert name == "Ammattiopisto"


def test_empty_name_resolves_to_nothing(orgs: OrgDirectory) -> None:
    assert orgs.resolve("") is None
    assert orgs.resolve("   ") is None


def test_stored_organisation_wins_over_configured_one() -> None:
    stored = Organisation("omnia", "Omnia", ("omnia.test",), committed=True)
    orgs = OrgDirectory.from_settings(ALIASES, {"omnia": stored})
    assert orgs.resolve("Omniasta") == stored
    assert orgs.for_address("a@omnia.test") == stored


def test_stored_aliases_and_domains_count_without_config() -> None:
    stored = Organisation("testiopisto", "Testiopisto", ("Testin opisto", "testi.test"))
    orgs = OrgDirectory.from_settings((), {"testiopisto": stored})
    assert orgs.resolve("testin opisto") == stored
    assert orgs.for_address("a@mail.testi.test") == stored


def test_find_in_free_text(orgs: OrgDirectory) -> None:
    found = orgs.find_in("Hei, olen Omnian koulutuspäällikkö")
    assert found is not None
    assert found.key == "omnia"
    assert orgs.find_in("Hei, olen koulutuspäällikkö") is None


def test_clean_name() -> None:
    assert clean_name("  Stadin  AO, (Helsinki)! ") == "stadin ao helsinki"


def test_the_directory_is_built_again_only_for_another_table_of_organisations() -> None:
    cache = DirectoryCache((OrganisationAlias("Omnia", (), ("omnia.test",)),))
    known = {"keuda": Organisation("keuda", "Keuda")}
    first = cache.of(known)
    assert cache.of(known) is first  # the same table: not built again per message
    grown = {**known, "varia": Organisation("varia", "Varia")}
    again = cache.of(grown)
    assert again is not first
    found = again.resolve("Varia")
    assert found is not None
    assert found.key == "varia"
    omnia = again.for_address("maija@omnia.test")
    assert omnia is not None
    assert omnia.name == "Omnia"
