"""The English language pack (code ``en``)."""

from __future__ import annotations

from mailflow.core.languages.en.knowledge import KNOWLEDGE
from mailflow.core.languages.labels import Labels
from mailflow.core.languages.pack import LanguagePack
from mailflow.core.languages.wording import Wording

__all__ = ["PACK"]

PACK = LanguagePack(code="en", name="English", knows=KNOWLEDGE, says=Wording(),
                    labels=Labels())
