"""A person's own preferences: the language mail to them is written in.

A language change applies at once whoever sent it: it changes only the language of the
mail the address gets, and the confirmation goes to that address, in the new language,
so a forged change is seen at once and undone with one reply.
"""

from __future__ import annotations

from mailflow.core.model import Person, Reason
from mailflow.core.rules.work import Work, language_of

__all__ = ["change_language", "remember_language"]


def change_language(w: Work) -> None:
    """"Kirjoittakaa minulle jatkossa ruotsiksi": remember it, and say so in Swedish."""
    language = language_of(w.intent.wants_language, w.rules)
    person = w.people.get(w.sender)
    subscription = w.state.interest.get(w.sender)
    if person is None and (subscription is None or not subscription.subscribed):
        w.problem(Reason.of("language_nobody"))
        return
    remember_language(w)
    known = person or Person(address=w.sender, name="", org="")  # on the interest list only
    context = {"person": known, "address": w.sender}
    w.mail(f"language:{w.intent.answer_to}:{w.sender}", w.sender, "language_confirmation",
           context, language=language)
    w.done.append(f"{w.sender} is written to in {language} from now on")


def remember_language(w: Work) -> None:
    """The language the mail asked for (``Intent.wants_language``), kept on the person's
    record and their interest-list subscription."""
    if not w.intent.wants_language:
        return
    language = language_of(w.intent.wants_language, w.rules)
    person = w.people.get(w.sender)
    if person is not None and person.language != language:
        w.put(person.replace(language=language))
    subscription = w.records.get(("InterestSubscription", w.sender)) or (
        w.state.interest.get(w.sender))
    if subscription is not None and subscription.language != language:
        w.put(subscription.replace(language=language))
