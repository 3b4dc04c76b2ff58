"""The Svenska language pack (code ``sv``): Finland-Swedish, as the Swedish-speaking
vocational schools of the network write it."""

from __future__ import annotations

from mailflow.core.languages.pack import LanguagePack
from mailflow.core.languages.sv.knowledge import KNOWLEDGE
from mailflow.core.languages.sv.labels import LABELS
from mailflow.core.languages.sv.wording import WORDING

__all__ = ["PACK"]

PACK = LanguagePack(code="sv", name="Svenska", knows=KNOWLEDGE, says=WORDING, labels=LABELS)
