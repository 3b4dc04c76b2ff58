"""The Suomi language pack (code ``fi``)."""

from __future__ import annotations

from mailflow.core.languages.fi.knowledge import KNOWLEDGE
from mailflow.core.languages.labels import Labels
from mailflow.core.languages.pack import LanguagePack
from mailflow.core.languages.wording import Wording

__all__ = ["PACK"]

PACK = LanguagePack(code="fi", name="Suomi", knows=KNOWLEDGE, says=Wording(),
                    labels=Labels())
