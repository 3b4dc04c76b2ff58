"""The English language pack (code ``en``)."""

from __future__ import annotations

from mailflow.core.languages.en.knowledge import KNOWLEDGE
from mailflow.core.languages.en.labels import LABELS
from mailflow.core.languages.en.wording import WORDING
from mailflow.core.languages.pack import LanguagePack

__all__ = ["PACK"]

PACK = LanguagePack(code="en", name="English", knows=KNOWLEDGE, says=WORDING, labels=LABELS)
