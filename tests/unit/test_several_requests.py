"""Several requests in one mail (``Intent.also``): each read from its own part of the
text, then carried out in turn, or the whole mail handed to the facilitator.

The mails are written here by class ("cancel one day, sign up for another", "commit,
and a new participant"), in Finnish, Swedish and English; none is a corpus mail's text.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from mailflow.core.model import AttentionItem, PendingAction, Person
from mailflow.core.rules.decide import decide
from mailflow.core.state import apply_decision
from mailflow.core.values import Intent, NetworkState
from tests.unit.test_decide import RULES
from tests.unit.test_intents import DAY1, DAY2, MAIJA, NOVEMBER, STATE, intent_of

#: Maija is registered for both days; Olli only for December's.
OLLI = Person("olli.oja@omnia.test", "Olli Oja", "omnia", "staff", days=(DAY1.id,),
              registered_at=NOVEMBER)
BOTH = replace(STATE, people={MAIJA.address: replace(MAIJA, registered_at=NOVEMBER),
                              OLLI.address: OLLI})


@pytest.mark.parametrize("text", [
    "Joudun perumaan osallistumiseni 9.12. päivään, mutta ilmoittaudun jatkopäivään 10.2.",
    "Jag måste tyvärr avboka min anmälan till den 9.12, men anmäler mig till "
    "uppföljningsdagen 10.2.",
    "Please cancel my place on 9 December, and sign me up for 10 February instead.",
    # the second day named by its month alone
    "Please cancel me for 9 December but sign me up for the February day.",
])
def test_cancel_one_day_and_sign_up_for_another(text: str) -> None:
    intent = intent_of(text, subject="Muutos", from_addr="uusi@omnia.test")
    assert (intent.kind, intent.day) == ("cancel", DAY1.id)
    (signup,) = intent.also
    assert (signup.kind, signup.days) == ("signup", (DAY2.id,))
    assert signup.people[0].address == "uusi@omnia.test"


def test_a_commitment_and_a_new_participant_named_beside_it() -> None:
    text = ("Omnia sitoutuu jatkotyöskentelyyn. Samalla ilmoitan uudeksi osallistujaksi "
            "opettaja Pekka Puron (pekka.puro@omnia.test).")
    intent = intent_of(text, subject="Sitoutuminen", from_addr=MAIJA.address)
    assert intent.kind == "commit"
    assert [a.kind for a in intent.also] == ["signup"]


@pytest.mark.parametrize("text", [
    # a yes and a no for the same day cannot both be carried out
    "Perun osallistumiseni 9.12. Tulen kuitenkin 9.12.",
    # three things at once are more than the rules carry together
    "Osallistun 9.12., perun helmikuun päivän ja poistakaa minut postituslistalta.",
])
def test_requests_that_cannot_be_told_apart_go_to_the_facilitator(text: str) -> None:
    intent = intent_of(text, subject="Muutos", from_addr=MAIJA.address)
    assert intent.kind == "attention"
    assert intent.also == ()


def _decided(intent: Intent, state: NetworkState = BOTH) -> tuple[NetworkState, list[str]]:
    decision = decide(intent, state, NOVEMBER, RULES)
    return apply_decision(state, decision), [m.template for m in decision.mails]


def test_both_requests_are_carried_out_each_with_its_answer() -> None:
    """Registered for both days: the day's cancellation is that day's no (the place is
    kept), and a yes for the other day follows, each confirmed in its own mail."""
    intent = intent_of("Perun osallistumiseni 9.12. Tulen kyllä 10.2. päivään.",
                       subject="Muutos", from_addr=MAIJA.address, state=BOTH)
    assert [intent.kind, *(a.kind for a in intent.also)] == ["cancel", "rsvp_yes"]
    after, templates = _decided(intent)
    assert after.rsvps[(DAY1.id, MAIJA.address)].answer == "no"
    assert after.rsvps[(DAY2.id, MAIJA.address)].answer == "yes"
    assert after.people[MAIJA.address].status == "registered"
    assert templates == ["rsvp_confirmation", "rsvp_confirmation"]
    assert not [r for r in after.attention.values()]
    assert len({m.key for m in decide(intent, BOTH, NOVEMBER, RULES).mails}) == 2
    again = decide(intent, BOTH, NOVEMBER, RULES)  # decided twice: the same keys
    assert [m.key for m in again.mails] == [m.key for m in decide(intent, BOTH, NOVEMBER,
                                                                  RULES).mails]


def test_a_second_request_that_cannot_be_carried_sends_the_whole_mail_to_the_facilitator() -> None:
    """A stranger's "cancel 9.12., and cancel my colleague": the second cancel is nobody's
    registration; neither is done, and the facilitator sees both kinds."""
    first = Intent("rsvp_no", sender=MAIJA.address, day=DAY1.id, answer_to="<x1@omnia.test>")
    second = Intent("cancel", sender="nobody@omnia.test", answer_to="<x1@omnia.test>")
    decision = decide(replace(first, also=(second,)), BOTH, NOVEMBER, RULES)
    after = apply_decision(BOTH, decision)
    assert (DAY1.id, MAIJA.address) not in after.rsvps
    (item,) = [r for r in decision.records if isinstance(r, AttentionItem)]
    assert [r.code for r in item.reasons][:2] == ["several_intents", "cancel_not_registered"]
    assert [m.template for m in decision.mails] == ["attention_ack"]


def test_a_token_is_asked_only_for_the_last_request() -> None:
    """Olli, registered for December only, cancels it: that is his registration's end and
    needs his token; a sign-up after it would build on a change not yet made."""
    cancel = Intent("cancel", sender=OLLI.address, day=DAY1.id, answer_to="<x2@omnia.test>")
    signup = Intent("signup", sender=OLLI.address, days=(DAY2.id,), answer_to="<x2@omnia.test>")
    decision = decide(replace(cancel, also=(signup,)), BOTH, NOVEMBER, RULES)
    assert [m.template for m in decision.mails] == ["attention_ack"]
    assert not [r for r in decision.records if isinstance(r, PendingAction)]
    # the other way round the token comes last, and the yes before it is carried out
    yes = Intent("rsvp_yes", sender=OLLI.address, day=DAY1.id, answer_to="<x3@omnia.test>")
    later = Intent("cancel", sender=OLLI.address, answer_to="<x3@omnia.test>")
    decision = decide(replace(yes, also=(later,)), BOTH, NOVEMBER, RULES)
    assert [m.template for m in decision.mails] == ["rsvp_confirmation", "confirm_request"]


def test_a_sign_up_naming_no_day_beside_a_days_cancellation_is_left_open() -> None:
    """"Cancel 9.12., sign me up" leaves open which days: for the facilitator."""
    intent = intent_of("Perun osallistumiseni 9.12., mutta ilmoittaudun kyllä mukaan "
                       "verkostoon.", subject="Muutos", from_addr="uusi@omnia.test")
    assert intent.kind == "attention"


def test_cancelling_oneself_and_signing_up_a_colleague_are_two_peoples_requests() -> None:
    text = ("Peruutan oman ilmoittautumiseni. Ilmoitan lisäksi uutena osallistujana "
            "opettaja Pekka Puron (pekka.puro@omnia.test).")
    intent = intent_of(text, subject="Muutos", from_addr=MAIJA.address)
    assert [intent.kind, *(a.kind for a in intent.also)] == ["cancel", "signup"]
    assert [p.address for p in intent.also[0].people] == ["pekka.puro@omnia.test"]
