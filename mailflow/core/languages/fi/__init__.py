"""The Suomi language pack (code ``fi``)."""

from __future__ import annotations

from mailflow.core.languages.fi.knowledge import KNOWLEDGE
from mailflow.core.languages.fi.labels import LABELS
from mailflow.core.languages.fi.wording import WORDING
from mailflow.core.languages.pack import LanguagePack

__all__ = ["PACK"]

PACK = LanguagePack(code="fi", name="Suomi", knows=KNOWLEDGE, says=WORDING, labels=LABELS)
