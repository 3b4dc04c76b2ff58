"""Needs-attention reasons in the facilitator's language: every reason code has wording in
every language pack, older stores' English reasons read back as the same values, the digest
and ``mailflow attention`` show them, and the Finnish digest and cost summary count their
nouns right."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.store.store import Store
from mailflow.cli.main import main
from mailflow.core.languages.reasons import legacy_reasons, reason_text
from mailflow.core.languages.registry import packs
from mailflow.core.model import (
    REASON_CODES,
    AttentionItem,
    CostItem,
    NetworkDay,
    Organisation,
    Person,
    Reason,
    ReasonCode,
)
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.schedule.costs import split_costs
from mailflow.core.schedule.digest import Digest, build_digest
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest, NetworkState
from mailflow.core.writing.render import Renderer
from tests.mailgen import deliver
from tests.unit.test_corpus import CASES
from tests.unit.test_corpus import network_state as corpus_state
from tests.unit.test_corpus import run as understand_corpus

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
DATA = ROOT / "tests" / "data"
TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=TZ)
SAMPLE = "987"  # stands in for each parameter of a reason
PARAMS = ("kind", "who", "day", "status", "address", "robot", "partstat", "kinds", "size", "cap",
          "text", "to", "subject", "days", "error")
ENGLISH = {"the", "a", "an", "of", "for", "from", "with", "without", "not", "no", "is", "and",
           "address", "day", "registered", "sign-up", "rsvp", "message", "mail", "bytes"}


def fi(english: str) -> str:
    """The Finnish of a reason given as the log words it (read back as older stores are)."""
    return reason_text(legacy_reasons(english), "fi")


# --- every reason code has wording in every language ---------------------------------------


@pytest.mark.parametrize("code", REASON_CODES)
@pytest.mark.parametrize("language", [p.code for p in packs()])
def test_every_reason_code_has_wording_in_every_language(code: ReasonCode, language: str) -> None:
    reason = Reason.of(code, **dict.fromkeys(PARAMS, SAMPLE))
    worded = reason_text(reason, language)
    assert worded.strip(), f"{code} has no wording in {language}"
    english = reason_text(reason, "en")
    if SAMPLE in english:
        assert SAMPLE in worded  # the variable part carries over
    if language == "fi" and code != "legacy":
        assert worded != english
        words = set(re.findall(r"[\w'-]+", worded.replace(SAMPLE, "").lower()))
        assert not words & ENGLISH, f"English left in {worded!r}"


def test_a_reason_is_worded_from_its_values_not_from_english() -> None:
    reason = Reason.of("rsvp_unknown_day", day="2026-12-09")
    assert reason_text(reason, "en") == "RSVP for an unknown network day (2026-12-09)"
    assert reason_text(reason, "fi") == "vastaus kutsuun koskee tuntematonta verkostopäivää (9.12.2026)"
    assert reason_text([reason, Reason.of("question")], "fi") == (
        "vastaus kutsuun koskee tuntematonta verkostopäivää (9.12.2026); kysymys verkoston vetäjälle")
    assert reason_text(None, "fi") == ""


def test_an_older_store_s_english_reasons_are_read_back_as_values(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    old = {"id": "att:1", "message_key": "m1", "sender": "x@omnia.test", "subject": "RSVP",
           "reason": "RSVP for an unknown network day (2026-12-09); something else",
           "excerpt": "", "at": NOW.isoformat(), "handled": False}
    path.write_text(json.dumps({"meta": {"1": {"schema_version": 1}},
                                "attention": {"1": old}}))
    with Store(path) as store:
        (item,) = store.all(AttentionItem)
        store.commit()
    assert item.reasons == (Reason.of("rsvp_unknown_day", day="2026-12-09"),
                            Reason.of("legacy", text="something else"))
    assert reason_text(item.reasons, "fi") == (
        "vastaus kutsuun koskee tuntematonta verkostopäivää (9.12.2026); something else")
    stored = json.loads(path.read_text())["attention"]["1"]
    assert stored["reasons"][0] == {"code": "rsvp_unknown_day", "params": {"day": "2026-12-09"}}


def test_every_attention_reason_from_the_mail_corpus_is_worded_in_finnish() -> None:
    """Real mail: each corpus message that needs the facilitator, through parse, understand
    and decide; each reason stored on the attention item has Finnish wording."""
    rules = Rules(max_per_org=4, network_address="verkosto@example.org",
                  facilitator="vetaja@example.org", secret="s" * 32)
    reasons: set[Reason] = set()
    for path in CASES:
        _, intent = understand_corpus(path)
        if intent is None:
            continue
        decision = decide(intent, corpus_state(), NOW, rules)
        reasons |= {r for a in decision.records if isinstance(a, AttentionItem) for r in a.reasons}
    assert len(reasons) >= 5
    untranslated = [r for r in reasons
                    if r.code == "legacy" or reason_text(r, "fi") == reason_text(r, "en")]
    assert untranslated == []


# --- the wording --------------------------------------------------------------------------


@pytest.mark.parametrize(("reason", "finnish"), [
    ("a question for the facilitator", "kysymys verkoston vetäjälle"),
    ("no intent recognised", "viestistä ei tunnistettu pyyntöä"),
    ("RSVP from an address that is not registered",
     "vastaus kutsuun lähettäjältä, joka ei ole ilmoittautunut"),
    ("confirmation token from the wrong address", "vahvistuskoodi tuli väärästä osoitteesta"),
    ("several intents: signup and cancel", "useita pyyntöjä: ilmoittautuminen ja peruutus"),
    ("several intents: rsvp_yes and rsvp_no and commit",
     "useita pyyntöjä: osallistuminen, poissaolo ja sitoutuminen jatkotyöskentelyyn"),
    ("message of 31457280 bytes is over the size cap of 10485760 bytes; not parsed",
     "viestin koko 31\u00a0457\u00a0280\u00a0tavua ylittää enimmäiskoon "
     "10\u00a0485\u00a0760\u00a0tavua, joten sitä ei luettu"),
    ("RSVP for an unknown network day (2026-12-09)",
     "vastaus kutsuun koskee tuntematonta verkostopäivää (9.12.2026)"),
    ("RSVP for a cancelled network day (kevat-1)",
     "vastaus kutsuun koskee peruttua verkostopäivää (kevat-1)"),
    ("RSVP from a person who is waitlisted, not registered",
     "vastaus kutsuun henkilöltä, joka on vielä jonossa eikä ole saanut paikkaa"),
    ("the substitute sami.salo@omnia.test is already registered",
     "sijaiseksi nimetty sami.salo@omnia.test on jo ilmoittautunut"),
    ("sign-up for Aino Laine without an organisation",
     "ilmoittautuminen ilman organisaatiota: Aino Laine"),
    ("sign-up for a person without an address", "ilmoittautuminen ilman sähköpostiosoitetta"),
    ("robot mail (autoreply) reached intent rules",
     "koneen lähettämä viesti (automaattinen vastaus) päätyi tulkittavaksi"),
    ("calendar answer TENTATIVE for day 2026-12-09: neither yes nor no",
     "kalenterivastaus verkostopäivän 9.12.2026 kutsuun ei ole kyllä eikä ei (alustava, "
     "TENTATIVE)"),
])
def test_finnish_wording(reason: str, finnish: str) -> None:
    """Each reason as the log words it, read back as an older store's is: the same value
    worded in Finnish, and in English as it was written."""
    (value,) = legacy_reasons(reason)
    assert value.code != "legacy"
    assert reason_text(value, "fi") == finnish
    assert reason_text(value, "en") == reason


def test_several_problems_are_worded_one_by_one() -> None:
    joined = ("sign-up for a person without an address; sign-up for Aino; Laine without an "
              "organisation; something only the log knows")
    assert fi(joined) == (
        "ilmoittautuminen ilman sähköpostiosoitetta; ilmoittautuminen ilman organisaatiota: "
        "Aino; Laine; something only the log knows")


@pytest.mark.parametrize("reason", ["", "not understood", "several", "Syy; toinen syy"])
def test_an_unknown_reason_comes_back_unchanged(reason: str) -> None:
    assert fi(reason) == reason
    assert all(r.code == "legacy" for r in legacy_reasons(reason))


# --- where reasons are shown ----------------------------------------------------------------


def _state(*reasons: Reason) -> NetworkState:
    item = AttentionItem(id="att:1", message_key="m1", sender="rehtori@stadi.test",
                         subject="Kysymys verkostosta", reasons=reasons, excerpt="Hei,\nmitä?",
                         at=NOW - timedelta(hours=2))
    return NetworkState(attention={item.id: item})


def _render(lang: str, digest: Digest) -> tuple[str, str, str]:
    network = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                              name="Asiakaslähtöisyys oppilaitoksissa")
    mail = Renderer(TEMPLATES, network, TZ).render(
        MailRequest(key="digest:x", to="vetaja@example.org", template="digest", language=lang,
                    context={"digest": digest}, auto="auto-generated"),
        now=NOW,
    )
    return mail.subject, mail.text, mail.html


@pytest.mark.parametrize(("lang", "line", "shown"), [
    ("fi", "Syy: ", "useita pyyntöjä: ilmoittautuminen ja peruutus"),
    ("en", "Reason: ", "several intents: signup and cancel"),
])
def test_the_digest_shows_reasons_in_its_language(lang: str, line: str, shown: str) -> None:
    digest = build_digest(_state(Reason.of("several_intents", kinds="signup cancel")), NOW, None,
                          failed_mails=[], max_per_org=4, tz=TZ, language=lang)
    assert digest.attention[0].reason == shown
    _, text, html = _render(lang, digest)
    assert f"{line}{shown}\n" in text
    assert shown in html


@pytest.mark.parametrize(("lang", "shown"), [("fi", "kysymys verkoston vetäjälle"),
                                             ("en", "a question for the facilitator")])
def test_the_scheduled_digest_is_worded_in_the_network_language(lang: str, shown: str) -> None:
    rules = ScheduleRules(facilitator="vetaja@example.org", tz=TZ, language=lang)
    (mail,) = due_mails(_state(Reason.of("question")), NOW, rules,
                        last_digest_at=NOW - timedelta(days=1), failed_mails=[])
    digest = mail.context["digest"]
    assert isinstance(digest, Digest)
    assert mail.language == lang
    assert digest.attention[0].reason == shown


CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
language = "{lang}"

[mailbox]
path = "{root}/mail"
handle_since = "2020-01-01T00:00:00+00:00"

[outbox]
path = "{root}/outbox"

[store]
path = "{root}/mailflow.json"
"""


@pytest.mark.parametrize(("lang", "shown"), [("fi", "kysymys verkoston vetäjälle"),
                                             ("en", "a question for the facilitator")])
def test_mailflow_attention_and_digest_show_the_reason_in_the_network_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, shown: str) -> None:
    config = tmp_path / "mailflow.toml"
    config.write_text(CONFIG.format(lang=lang, root=tmp_path))
    deliver(str(tmp_path / "mail"), [(DATA / "human_question_fi.eml").read_bytes()])
    assert main(["--config", str(config), "tick", "--now", "2026-11-20T10:00+02:00"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "attention"]) == 0
    assert f"  reason:  {shown}\n" in capsys.readouterr().out
    assert main(["--config", str(config), "digest", "--now", "2026-11-20T11:00+02:00",
                 "--html", str(tmp_path / "digest.html")]) == 0
    assert shown in capsys.readouterr().out


# --- counted nouns in the Finnish digest and cost summary ----------------------------------


def _digest_with(new: int, waiting: int) -> Digest:
    people = {f"p{i}@omnia.test": Person(address=f"p{i}@omnia.test", name=f"Aino Laine {i}",
                                         org="omnia", role="staff",
                                         registered_at=NOW - timedelta(hours=1))
              for i in range(new)}
    attention = {f"a{i}": AttentionItem(id=f"a{i}", message_key=f"m{i}", sender="x@omnia.test",
                                        subject="Kysymys", reasons=(Reason.of("no_intent"),),
                                        excerpt="", at=NOW - timedelta(hours=1))
                 for i in range(waiting)}
    state = NetworkState(organisations={"omnia": Organisation("omnia", "Omnia")},
                         people=people, attention=attention)
    return build_digest(state, NOW, NOW - timedelta(days=1), failed_mails=[], max_per_org=4,
                        tz=TZ, language="fi")


@pytest.mark.parametrize(("new", "waiting", "subject_end"), [
    (0, 0, "ei uusia ilmoittautumisia, ei odottavia viestejä"),
    (1, 1, "1 uusi ilmoittautuminen, 1 viesti odottaa sinua"),
    (3, 2, "3 uutta ilmoittautumista, 2 viestiä odottaa sinua"),
])
def test_the_finnish_digest_subject_counts_its_nouns(new: int, waiting: int,
                                                     subject_end: str) -> None:
    subject, text, _ = _render("fi", _digest_with(new, waiting))
    assert subject == f"Verkoston kooste 20.11.2026: {subject_end}"
    assert "klo 8.00" in text  # Kielitoimisto: no leading zero in the hour
    if waiting:
        assert "Syy: viestistä ei tunnistettu pyyntöä" in text
    assert "\n\n\n" not in text


def _cost_summary(lang: str, attendees: list[int]) -> str:
    network = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                              name="Asiakaslähtöisyys oppilaitoksissa")
    day = NetworkDay(id="2027-01-20", date=date(2027, 1, 20), start=time(10), end=time(15),
                     place="Omnia, Espoo", follow_up=True,
                     cost_items=(CostItem("Asiantuntijapalkkio", Decimal("900")),))
    shares = split_costs(Decimal("900.00"), [(f"o{i}", f"Organisaatio {i}")
                                             for i in range(len(attendees))],
                         {f"o{i}": n for i, n in enumerate(attendees)})
    mail = Renderer(TEMPLATES, network, TZ).render(
        MailRequest(key="costs:x", to="vetaja@example.org", template="cost_summary",
                    language=lang, day=day.id,
                    context={"day": day, "shares": shares, "total": Decimal("900.00")},
                    auto="auto-generated"),
        now=NOW,
    )
    return mail.text


@pytest.mark.parametrize(("lang", "one", "many"), [("fi", "osallistuja", "osallistujaa"),
                                                   ("en", "attendee", "attendees")])
def test_the_cost_summary_says_one_attendee_in_the_singular(lang: str, one: str,
                                                            many: str) -> None:
    lines = _cost_summary(lang, [1, 4, 0]).splitlines()
    rows = {line.split()[1]: line for line in lines if line.startswith("Organisaatio ")}
    assert f" 1 {one} " in rows["0"]
    assert f" 1 {many}" not in rows["0"]
    assert f" 4 {many} " in rows["1"]
    assert f" 0 {many} " in rows["2"]
    assert len({line.index("€") for line in rows.values()}) == 1  # the sums stay in a column
