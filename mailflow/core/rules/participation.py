"""RSVPs to network days, the interest list and an organisation's commitment.

An answer to a day applies at once whoever sent it (its confirmation goes to the registered
address and says how to undo it with one word); an organisation's commitment waits for the
registered address's token unless our server vouched for the sender
(:mod:`mailflow.core.rules.confirming`)."""

from __future__ import annotations

from mailflow.core.model import (
    InterestSubscription,
    Reason,
    Rsvp,
    RsvpAnswer,
)
from mailflow.core.rules.confirming import ask_confirmation
from mailflow.core.rules.work import (
    Work,
    describe,
)

__all__ = ["commitment", "interest", "rsvp"]


def interest(w: Work, subscribed: bool) -> None:
    w.put(InterestSubscription(
        address=w.sender, subscribed=subscribed, at=w.now, language=w.language
    ))
    template = "interest_welcome" if subscribed else "interest_goodbye"
    w.mail(f"interest:{w.intent.answer_to}", w.sender, template, {"address": w.sender},
           list_mail=True)
    w.done.append(f"{w.sender} {'joined' if subscribed else 'left'} the interest list")


def rsvp(w: Work, answer: RsvpAnswer) -> None:
    day_id = w.intent.day
    day = w.state.days.get(day_id)
    person = w.people.get(w.sender)
    if not day_id:
        w.problem(Reason.of("rsvp_no_day"))
    elif day is None:
        w.problem(Reason.of("rsvp_unknown_day", day=day_id))
    elif day.cancelled:
        w.problem(Reason.of("rsvp_cancelled_day", day=day_id))
    elif person is None:
        w.problem(Reason.of("rsvp_not_registered"))
    elif person.status not in ("registered", "invited"):
        w.problem(Reason.of("rsvp_status", status=person.status))
    else:
        w.put(Rsvp(day_id=day.id, address=person.address, answer=answer, at=w.now))
        diet = next((p.diet for p in w.intent.people if p.diet), "")
        if answer == "yes" and diet and diet != person.diet:
            # "Osallistun, olen keliaakikko": the invitation asks for diets; keep it
            person = person.replace(diet=diet)
            w.put(person)
        w.mail(f"rsvp:{w.intent.answer_to}", person.address, "rsvp_confirmation",
               {"person": person, "day": day, "answer": answer}, day=day.id)
        w.done.append(f"{describe(w, person)} answered {answer} for {day.id}")


def commitment(w: Work) -> None:
    person = w.people.get(w.sender)
    if person is None or person.status != "registered" or not person.org:
        w.problem(Reason.of("commit_not_registered"))
        return
    org = w.org(person.org)
    if not org.committed:
        # it binds the organisation (and its share of costs) and no reply undoes it
        if ask_confirmation(w, person.address, w.intent, org.name):
            return
        org = org.replace(committed=True, committed_at=w.now)
        w.put(org)
    w.mail(f"commit:{w.intent.answer_to}", person.address, "commit_confirmation",
           {"person": person, "organisation": org})
    w.done.append(f"{org.name} committed to the follow-up work")

