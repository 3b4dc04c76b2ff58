"""Preparing messages ahead of their turn: parse them, and understand them against a view
of the state that may be out of date, noting what of the state each understanding read.

A pass decides on messages one at a time, each against the state every earlier decision
left. Understanding a message reads little of that state: the network days, the
organisations, and the people it looks up by address (the sender, mostly). So a message
can be understood early, against a *view* of the state as it was a batch or two ago,
and used at its turn if what it read is still the same (:func:`still_holds`); otherwise
the pass understands it again. What it read of the organisations is noted too, each
lookup with its answer (by key, or through the directory by name, alias or address), so
a new organisation elsewhere (every sign-up from one not yet known adds one) leaves the
messages that never asked about it as they were. The result is exactly what
understanding at its turn gives, whatever the view was.

Pure: data in, data out. :mod:`mailflow.intake.backlog_worker` runs it in a worker process;
:class:`~mailflow.intake.preparer.Preparer` does the same at a message's turn, in the
pass. The reading and
understanding stages are imported at the first message, never by a pass with nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.organisations import DirectoryCache, OrgDirectory
from mailflow.core.settings import OrganisationAlias
from mailflow.core.tables import PeopleTable, Table
from mailflow.core.values import Intent, NetworkState, ParsedMessage
from mailflow.intake.preparer import Reader, parse_for

__all__ = ["Prepared", "StateView", "Understand", "ViewChanges", "prepare_all", "still_holds"]

#: ``understand(parsed, state, directory, *, own_address, network_domain)`` of
#: :mod:`mailflow.core.understanding.intents`
Understand = Callable[..., Intent]


@dataclass(frozen=True)
class Prepared:
    """One message parsed and, unless it is a robot's, understood against a view.

    serial: the version of the view's days and organisations it was understood against;
    seen: each person looked up, as the view had them (None: not there);
    intent is None when the message was not understood ahead (a robot's, or one whose
    understanding read more of the state than a view can vouch for).
    """

    parsed: ParsedMessage
    intent: Intent | None = None
    serial: int = 0
    seen: tuple[tuple[str, Person | None], ...] = ()
    #: each organisation lookup: ("key", key) of the table, or (method, argument) of the
    #: directory (resolve, find_in, for_address), with what it found
    orgs_seen: tuple[tuple[str, str, Organisation | None], ...] = ()


@dataclass(frozen=True)
class ViewChanges:
    """What changed in the state since the view was last brought up to date.

    serial: set with new ``days`` and ``organisations`` (whole tables) when either
    changed; people: the people added or changed by address, None for one removed.
    """

    serial: int | None = None
    days: Mapping[str, NetworkDay] | None = None
    organisations: Mapping[str, Organisation] | None = None
    people: Mapping[str, Person | None] = field(default_factory=dict)


class StateView:
    """The part of the state understanding reads, as of the changes applied so far."""

    def __init__(self) -> None:
        self.serial = 0
        self.days: dict[str, NetworkDay] = {}
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self._directory: DirectoryCache | None = None

    def apply(self, changes: ViewChanges) -> None:
        if changes.serial is not None:
            self.serial = changes.serial
            self.days = dict(changes.days or {})
            self.organisations = dict(changes.organisations or {})
        for address, person in changes.people.items():
            if person is None:
                self.people.pop(address, None)
            else:
                self.people[address] = person

    def directory(self, aliases: tuple[OrganisationAlias, ...]) -> OrgDirectory:
        """The organisation directory of this view (built again when the serial moves:
        the organisations are then another dict)."""
        if self._directory is None:
            self._directory = DirectoryCache(aliases)
        return self._directory.of(self.organisations)


class _Reads:
    """What one understanding read of a view: people by address, or more than that."""

    def __init__(self) -> None:
        self.seen: dict[str, Person | None] = {}
        self.orgs: dict[tuple[str, str], Organisation | None] = {}
        self.broad = False


class _Noting(Table[str, Any]):
    """A view's table whose lookups by key are each noted (:meth:`_note`) with what they
    found; anything wider (listing the table, an index over it) marks the understanding
    as not vouched for."""

    __slots__ = ()
    _reads: _Reads

    def _note(self, key: str, value: Any) -> None:
        raise NotImplementedError

    def current(self) -> dict[str, Any]:
        self._reads.broad = True
        return super().current()

    def get(self, key: str, default: Any = None) -> Any:
        value = self._data.get(key)
        self._note(key, value)
        return value if value is not None else default

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None


class _WatchedPeople(_Noting, PeopleTable):
    """The view's people, each looked up by address noted in ``seen``."""

    __slots__ = ("_reads",)

    def __init__(self, data: dict[str, Person], reads: _Reads) -> None:
        super().__init__(data)
        self._reads = reads

    def _note(self, key: str, value: Any) -> None:
        self._reads.seen[key] = value


class _WatchedOrganisations(_Noting):
    """The view's organisations, each looked up by key noted in ``orgs``."""

    __slots__ = ("_reads",)

    def __init__(self, data: dict[str, Organisation], reads: _Reads) -> None:
        super().__init__(data)
        self._reads = reads

    def _note(self, key: str, value: Any) -> None:
        self._reads.orgs["key", key] = value


@dataclass(frozen=True)
class _WatchedDirectory(OrgDirectory):
    """The view's organisation directory: each lookup is noted with what it found."""

    reads: _Reads = field(default_factory=_Reads, compare=False)

    def for_address(self, address: str) -> Organisation | None:
        org = super().for_address(address)
        self.reads.orgs["for_address", address] = org
        return org

    def resolve(self, name_or_domain: str) -> Organisation | None:
        org = super().resolve(name_or_domain)
        self.reads.orgs["resolve", name_or_domain] = org
        return org

    def find_in(self, text: str) -> Organisation | None:
        org = super().find_in(text)
        self.reads.orgs["find_in", text] = org
        return org


class _Unseen(Table[Any, Any]):
    """A table the view does not hold: reading it marks the understanding as not vouched for."""

    __slots__ = ("_reads",)

    def __init__(self, reads: _Reads) -> None:
        super().__init__({})
        self._reads = reads

    def current(self) -> dict[Any, Any]:
        self._reads.broad = True
        return super().current()


def prepare_all(raws: list[bytes | None], view: StateView, reader: Reader,
                understand: Understand | None = None) -> list[Prepared | None]:
    """Each raw message parsed and understood against ``view`` (None stays None: a
    message over the size cap is never read). ``understand``: the understanding stage's
    (the default), or a stand-in."""
    return [None if raw is None else _prepare(raw, view, reader, understand) for raw in raws]


def _understanding() -> Understand:
    from mailflow.core.understanding.intents import understand

    return understand


def _prepare(raw: bytes, view: StateView, reader: Reader,
             understand: Understand | None) -> Prepared:
    parsed = parse_for(raw, reader)
    if parsed.robot is not None:
        return Prepared(parsed)
    reads = _Reads()
    unseen = _Unseen(reads)
    state = NetworkState(
        organisations=_WatchedOrganisations(view.organisations, reads),
        people=_WatchedPeople(view.people, reads),
        days=Table(view.days), rsvps=unseen, interest=unseen, attention=unseen,
        pending=unseen,
    )
    directory = view.directory(reader.aliases)
    watched = _WatchedDirectory(names=directory.names, domains=directory.domains, reads=reads)
    intent = (understand or _understanding())(
        parsed, state, watched, own_address=reader.own_address,
        network_domain=reader.network_domain)
    if reads.broad:
        return Prepared(parsed)
    return Prepared(parsed, intent, view.serial, tuple(reads.seen.items()),
                    tuple((how, what, org) for (how, what), org in reads.orgs.items()))


def still_holds(prepared: Prepared, state: NetworkState, view_tables: tuple[Any, Any],
                directory: Callable[[Mapping[str, Organisation]], OrgDirectory]) -> bool:
    """Whether ``prepared.intent`` is what understanding at this turn would give:
    ``view_tables`` are the state's days and organisations tables the view's serial was
    made from; every person it looked up is as it was and, if the organisations changed
    since, every organisation lookup finds what it found (``directory``: the directory
    of a table of organisations)."""
    days, organisations = view_tables
    if prepared.intent is None or state.days is not days:
        return False
    people = state.people
    if not all(people.get(address) == person for address, person in prepared.seen):
        return False
    if state.organisations is organisations:
        return True
    now = directory(state.organisations)
    table = state.organisations
    for how, what, found in prepared.orgs_seen:
        org = table.get(what) if how == "key" else getattr(now, how)(what)
        if org != found:
            return False
    return True
