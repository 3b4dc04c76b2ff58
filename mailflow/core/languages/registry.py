"""The registered language packs: the built-in ones, and any added at run time.

``pack(code)`` finds one (unknown codes fall back to the default, Finnish); ``packs()``
lists them all, in registration order, e.g. to score a mail against every language.
"""

from __future__ import annotations

from mailflow.core.languages.pack import LanguagePack

__all__ = ["DEFAULT", "pack", "packs", "register"]

DEFAULT = "fi"
_PACKS: dict[str, LanguagePack] = {}


def register(language: LanguagePack) -> None:
    """Add (or replace) a pack; from then on mail may be read and answered in it."""
    _PACKS[language.code] = language


def _ensure_builtin() -> None:
    if not _PACKS:
        from mailflow.core.languages import en, fi

        register(fi.PACK)
        register(en.PACK)


def pack(code: str) -> LanguagePack:
    """The pack for ``code``; the default language's when none is registered under it."""
    _ensure_builtin()
    return _PACKS.get(code) or _PACKS[DEFAULT]


def packs() -> tuple[LanguagePack, ...]:
    """Every registered pack."""
    _ensure_builtin()
    return tuple(_PACKS.values())
