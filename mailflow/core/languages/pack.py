"""A language pack: everything mailflow knows of one language and everything it says in it.

A pack has three parts, each owned by the stage that uses it:

- ``knows`` (:class:`~mailflow.core.languages.knowledge.Knowledge`): what reading and
  understanding look for - intent phrases, labels, titles and roles, diets, month and
  weekday names, quote and forward headers, phone signatures, robot wording, negations;
- ``says`` (:class:`~mailflow.core.languages.wording.Wording`): what mailflow says outside
  the templates - reasons, role names, intent kinds, dates and money;
- ``labels`` (:class:`~mailflow.core.languages.labels.Labels`): the facilitator's CLI
  labels, CSV headers and file names.

Templates for the language live in ``templates/<code>/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from mailflow.core.languages.knowledge import Knowledge
from mailflow.core.languages.labels import Labels
from mailflow.core.languages.wording import Wording

__all__ = ["LanguagePack"]


@dataclass(frozen=True)
class LanguagePack:
    """One language: its code (``fi``, ``sv``, ``en``: also the templates folder), its name."""

    code: str
    name: str
    knows: Knowledge
    says: Wording
    labels: Labels
