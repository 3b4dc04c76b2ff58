"""Persistent keyed tables for NetworkState: an update costs what it changes, not the table.

A pass applies thousands of decisions to a state of thousands of people; copying each
table per decision made every decision cost more as the network grew. A :class:`Table`
is one version of a table. ``updated(changes)`` returns the next version and keeps the
old one readable: the newest version owns the dict (reads are plain dict reads), an older
version keeps the few old values it needs and rebuilds its own dict when it is read
again (rare: a pass only reads the newest state). Same contents as copying, so the core
stays pure: a state never changes once made.

:class:`PeopleTable` also indexes people by (organisation, status), kept up to date by
the newest version only (an older version rebuilds its index when asked).
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Generic, TypeVar

from mailflow.core.model import Person

__all__ = ["GONE", "PeopleTable", "Table"]

K = TypeVar("K")
V = TypeVar("V")


class _Gone:
    def __repr__(self) -> str:
        return "GONE"


#: The value that removes a key in ``Table.updated``.
GONE = _Gone()


class Table(Mapping[K, V], Generic[K, V]):
    """One version of a keyed table; read like a dict, never changed once made."""

    __slots__ = ("_data", "_newer", "_owned", "_undo")

    def __init__(self, data: Mapping[K, V] | None = None, *, owned: bool = False) -> None:
        """``data`` is used as it is when ``owned`` (nobody else holds it), else copied on
        the first update."""
        self._data: dict[K, V] = data if isinstance(data, dict) else dict(data or {})
        self._owned = owned or not isinstance(data, dict)
        self._newer: Table[K, V] | None = None
        self._undo: dict[K, V | _Gone] = {}

    # -- reading ---------------------------------------------------------------------
    def current(self) -> dict[K, V]:
        """This version's contents as a dict (do not change it)."""
        if self._newer is None:
            return self._data
        chain: list[dict[K, V | _Gone]] = []
        node: Table[K, V] = self
        while node._newer is not None:
            chain.append(node._undo)
            node = node._newer
        data = dict(node._data)
        for undo in reversed(chain):
            for key, old in undo.items():
                if isinstance(old, _Gone):
                    data.pop(key, None)
                else:
                    data[key] = old
        self._data, self._newer, self._undo, self._owned = data, None, {}, True
        return data

    def __getitem__(self, key: K) -> V:
        return self.current()[key]

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        return self.current().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.current()

    def __iter__(self) -> Iterator[K]:
        return iter(self.current())

    def __len__(self) -> int:
        return len(self.current())

    def keys(self) -> KeysView[K]:
        return self.current().keys()

    def values(self) -> ValuesView[V]:
        return self.current().values()

    def items(self) -> ItemsView[K, V]:
        return self.current().items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self.current() == other.current()
        return self.current() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.current()!r})"

    # -- updating --------------------------------------------------------------------
    def updated(self, changes: Mapping[K, V | _Gone]) -> Table[K, V]:
        """The next version: ``changes`` set (``GONE`` removes a key). Costs len(changes)."""
        if not changes:
            return self
        data = self._take()
        undo: dict[K, V | _Gone] = {}
        for key, new in changes.items():
            if key not in undo:
                undo[key] = data.get(key, GONE)
            if isinstance(new, _Gone):
                data.pop(key, None)
            else:
                data[key] = new
        newer = self._make(data)
        self._newer, self._undo = newer, undo
        return newer

    def _take(self) -> dict[K, V]:
        """This version's dict, for the next version to own."""
        data = self.current()
        if not self._owned:
            data = dict(data)
        return data

    def _make(self, data: dict[K, V]) -> Table[K, V]:
        return Table(data, owned=True)


class PeopleTable(Table[str, Person]):
    """People by address, with an index by (organisation, status) for the newest version."""

    __slots__ = ("_index", "_tails")

    def __init__(self, data: Mapping[str, Person] | None = None, *, owned: bool = False):
        super().__init__(data, owned=owned)
        self._index: dict[tuple[str, str], dict[str, Person]] | None = None
        self._tails: dict[str, int] = {}  # org -> last waitlist position, when known

    def members(self, org: str, status: str) -> Mapping[str, Person]:
        """The people of ``org`` with ``status``, by address (do not change it)."""
        return self._built().get((org, status), {})

    def last_position(self, org: str) -> int:
        """The highest waitlist position in ``org`` (0 when nobody waits)."""
        if org not in self._tails:
            waiting = self.members(org, "waitlisted").values()
            self._tails[org] = max((p.waitlist_position or 0 for p in waiting), default=0)
        return self._tails[org]

    def _built(self) -> dict[tuple[str, str], dict[str, Person]]:
        data = self.current()
        if self._index is None:
            index: dict[tuple[str, str], dict[str, Person]] = {}
            for person in data.values():
                index.setdefault((person.org, person.status), {})[person.address] = person
            self._index, self._tails = index, {}
        return self._index

    def updated(self, changes: Mapping[str, Person | _Gone]) -> PeopleTable:
        if not changes:
            return self
        index, tails = self._index, self._tails
        old = {a: self.current().get(a) for a in changes}
        newer = super().updated(changes)
        assert isinstance(newer, PeopleTable)
        self._index, self._tails = None, {}  # this version rebuilds its own when asked
        if index is not None:
            for address, before in old.items():
                after = newer.current().get(address)
                if before is not None:
                    index.get((before.org, before.status), {}).pop(address, None)
                    if before.status == "waitlisted" and (
                            tails.get(before.org) == (before.waitlist_position or 0)):
                        tails.pop(before.org, None)
                if after is not None:
                    index.setdefault((after.org, after.status), {})[address] = after
                    if after.status == "waitlisted" and after.org in tails:
                        tails[after.org] = max(tails[after.org], after.waitlist_position or 0)
            newer._index, newer._tails = index, tails
        return newer

    def _make(self, data: dict[str, Person]) -> PeopleTable:
        return PeopleTable(data, owned=True)
