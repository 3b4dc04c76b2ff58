"""The registered language packs: the built-in ones, and any added at run time.

``pack(code)`` finds one (unknown codes fall back to the default, Finnish); ``packs()``
lists them all, in registration order (the built-in ones first), e.g. to score a mail
against every language. A new language needs one ``register(PACK)`` call, nothing else.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mailflow.core.languages.pack import LanguagePack

__all__ = ["BUILT_IN", "DEFAULT", "codes", "pack", "packs", "register", "unregister"]

DEFAULT = "fi"
#: the packs that ship with mailflow (one folder each beside this module)
BUILT_IN = ("fi", "en")
_ADDED: dict[str, LanguagePack] = {}
#: The current tuple of packs, computed once after each change (packs() runs per message).
_CURRENT: list[tuple[LanguagePack, ...]] = []


@cache
def _builtin() -> tuple[LanguagePack, ...]:
    from importlib import import_module

    return tuple(import_module(f"mailflow.core.languages.{code}").PACK for code in BUILT_IN)


def register(language: LanguagePack) -> None:
    """Add (or replace) a pack; from then on mail may be read and answered in it."""
    _ADDED[language.code] = language
    _CURRENT.clear()


def unregister(code: str) -> None:
    """Remove a pack added with :func:`register` (a built-in one comes back as it was)."""
    _ADDED.pop(code, None)
    _CURRENT.clear()


def packs() -> tuple[LanguagePack, ...]:
    """Every registered pack."""
    if not _CURRENT:
        merged = {p.code: p for p in _builtin()}
        merged.update(_ADDED)
        _CURRENT.append(tuple(merged.values()))
    return _CURRENT[0]


def codes() -> tuple[str, ...]:
    """The codes of every registered pack, without loading the built-in ones."""
    return (*BUILT_IN, *(code for code in _ADDED if code not in BUILT_IN))


def pack(code: str) -> LanguagePack:
    """The pack for ``code``; the default language's when none is registered under it."""
    for language in packs():
        if language.code == code:
            return language
    return next(p for p in packs() if p.code == DEFAULT)
