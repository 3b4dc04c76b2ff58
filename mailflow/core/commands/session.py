"""One facilitator's mail being decided on: the rules, what to answer her, what to record
and the command log's entry; and the confirmation a command may wait for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Literal
from zoneinfo import ZoneInfo

from mailflow.core.commands import VERBS
from mailflow.core.commands.parse import Command, arguments
from mailflow.core.languages.registry import DEFAULT, pack
from mailflow.core.model import CommandEntry, NetworkDay, PendingAction, normalise_address
from mailflow.core.rules.confirm import make_token
from mailflow.core.rules.text import bracketed, clean
from mailflow.core.rules.work import Rules, Work, language_of
from mailflow.core.schedule.costs import CostMode
from mailflow.core.values import Decision, Intent, MailRequest, NetworkState, ParsedMessage

__all__ = ["ALWAYS_CONFIRMED", "COMMAND_MAILS", "MAX_CONFIRMATIONS_PER_DAY", "CommandRules",
           "Session", "command_of_doc", "command_to_doc", "day_named"]

#: Commands that reach many people or cannot be undone: always one confirming reply.
ALWAYS_CONFIRMED = frozenset({"announce", "remove", "cancel_day"})

#: At most this many confirmation requests for mail our server did not vouch for go to
#: one facilitator address in any 24 hours: a forger can make the network mail her (he
#: receives nothing himself), but not flood her. A command over it is logged, listed in
#: the digest and not answered.
MAX_CONFIRMATIONS_PER_DAY = 10

#: The mails a command answers with: template name -> its context keys (each also gets
#: ``command``, the command line as she wrote it). Templates under templates/<lang>/.
COMMAND_MAILS: dict[str, tuple[str, ...]] = {
    "command_help": ("reason", "params", "words"),  # reason: a code ("" none), worded there
    "command_confirm": ("verb", "token", "preview", "authenticated"),
    "command_days": ("days",),  # [{"day": NetworkDay, "coming": int}]
    "command_people": ("organisation", "people", "columns"),  # rows as the CSV has them
    "command_costs": ("day", "shares", "total"),  # as cost_summary; the CSV attached
    "command_done": ("verb", "result"),  # what a change did: result's keys by verb
}


@dataclass(frozen=True)
class CommandRules:
    """The rules a facilitator's mail is decided by: the network's ``rules`` (places,
    tokens, the network's address), the facilitators' addresses, the network's language
    (for a mail whose command word says none), how costs are shared and the network's
    zone (a meeting's times are read in it)."""

    rules: Rules
    facilitators: tuple[str, ...]
    language: str = DEFAULT
    cost_split: CostMode = "participating"
    tz: tzinfo = field(default_factory=lambda: ZoneInfo("Europe/Helsinki"))
    max_confirmations_per_day: int = MAX_CONFIRMATIONS_PER_DAY

    def is_facilitator(self, address: str) -> bool:
        """Is ``address`` one of the configured facilitators?"""
        wanted = normalise_address(address)
        return any(normalise_address(a) == wanted for a in self.facilitators)


def command_to_doc(command: Command) -> dict[str, Any]:
    """A command as a JSON-safe dict (kept in a PendingAction until she confirms)."""
    return dataclasses.asdict(command)


def command_of_doc(doc: Any) -> Command | None:
    """The command :func:`command_to_doc` kept, or None when ``doc`` is not one."""
    try:
        values = {f.name: str(doc[f.name]) for f in dataclasses.fields(Command)}
    except (TypeError, KeyError):
        return None
    written = values.pop("verb")
    verb = next((v for v in VERBS if v == written), None)
    return None if verb is None else Command(verb=verb, **values)


def day_named(state: NetworkState, args: str, today: date) -> NetworkDay | None:
    """The network day ``args`` names: by its id, else by a date (9.12. / 9.12.2026 /
    2026-12-09), a coming uncancelled day on that date first."""
    for word in args.replace(",", " ").split():
        if word in state.days:
            return state.days[word]
    dates = arguments(args).dates
    if not dates:
        return None
    year, month, day = dates[0]
    found = [d for d in state.days.values()
             if (d.date.month, d.date.day) == (month, day) and year in (0, d.date.year)]
    found.sort(key=lambda d: (d.cancelled, d.date < today, abs((d.date - today).days)))
    return found[0] if found else None


class Session:
    """The decision on one mail from a facilitator, being built."""

    def __init__(self, parsed: ParsedMessage, state: NetworkState, now: datetime,
                 rules: CommandRules) -> None:
        self.parsed = parsed
        self.state = state
        self.now = now
        self.rules = rules
        self.sender = normalise_address(parsed.from_addr)
        self.language = language_of(rules.language, rules.rules)
        self.confirmed = False  # a token she sent back vouches for the command
        self.pending: PendingAction | None = None  # the command's kept form, once confirmed
        self.work = Work(Intent(kind="attention", sender=self.sender, language=self.language,
                                answer_to=parsed.message_id, subject=parsed.subject,
                                authenticated=parsed.authenticated), state, now, rules.rules)
        self.mails: list[MailRequest] = []
        self.entry: CommandEntry | None = None

    @property
    def trusted(self) -> bool:
        """Our server vouched for her mail, or she confirmed the command with a token."""
        return self.parsed.authenticated or self.confirmed

    def speak(self, language: str) -> None:
        """Answer in ``language`` (the command word's)."""
        self.language = language_of(language, self.rules.rules)

    def words(self) -> dict[str, str]:
        """Each verb's first word in her language (what help shows)."""
        commands = pack(self.language).knows.commands
        return {verb: words[0] for verb, words in commands.items() if words}

    def reply(self, template: str, context: dict[str, Any], command: str = "",
              attachment: dict[str, Any] | None = None,
              auto: Literal["auto-replied", "auto-generated"] = "auto-generated") -> None:
        """Answer her, threaded to her mail; never to anyone but her configured address.
        ``auto``: "auto-replied" counts the answer against the outbox's daily cap of
        automatic answers to one address (``outbox.max_auto_replies_per_day``)."""
        full = {**context, "command": clean(command, 300)}
        if attachment is not None:
            full["attachment"] = attachment
        self.mails.append(MailRequest(
            key=f"command:{self.parsed.key}", to=self.sender, template=template,
            language=self.language, context=full, auto=auto,
            in_reply_to=bracketed(self.parsed.message_id),
            references=tuple(bracketed(r) for r in self.parsed.references if r.strip("<> ")),
        ))

    def log(self, verb: str, what: str, outcome: str, detail: str, change: str = "",
            targets: tuple[str, ...] = ()) -> None:
        """The command log's entry for this mail (the last call wins)."""
        self.entry = CommandEntry(
            id=f"cmd:{self.parsed.key}", by=self.sender, at=self.now, verb=verb,
            what=clean(what, 300), outcome=outcome, detail=clean(detail, 500), change=change,
            targets=tuple(clean(t, 200) for t in targets),
        )

    def refuse(self, command: Command | None, reason: str, **params: str) -> None:
        """The help text with why the command was not carried out. For mail our server did
        not vouch for, it counts against the daily cap of automatic answers, so forged mail
        cannot make the network write to her without end."""
        line = command.line if command else clean(self.parsed.subject, 300)
        self.reply("command_help", {"reason": reason, "params": params, "words": self.words()},
                   line, auto="auto-generated" if self.trusted else "auto-replied")
        verb = command.verb if command else ""
        said = ", ".join(f"{k}={v}" for k, v in params.items())
        self.log(verb, line, "refused", f"{reason}" + (f" ({said})" if said else ""))

    def hold(self, command: Command, preview: dict[str, Any]) -> bool:
        """Unless it may run now: keep the command and mail her a token with ``preview``
        (what will happen, to how many people); True when it waits."""
        if self.confirmed:
            return False
        if self.parsed.authenticated and command.verb not in ALWAYS_CONFIRMED:
            return False
        if self.over_confirmation_cap():
            self.hold_back(command.verb, command.line)
            return True
        token = make_token(self.rules.rules.secret, f"command:{command.verb}:{self.parsed.key}")
        doc = {"command": command_to_doc(command), "sender": self.sender,
               "answer_to": self.parsed.message_id, "vouched": self.parsed.authenticated}
        self.work.put(PendingAction(
            token=token, address=self.sender, intent=doc, created_at=self.now,
            expires_at=self.now + timedelta(hours=self.rules.rules.confirm_hours),
        ))
        self.reply("command_confirm", {"verb": command.verb, "token": token, "preview": preview,
                                       "authenticated": self.parsed.authenticated}, command.line)
        self.log(command.verb, command.line, "asked", f"waits for {self.sender} to confirm")
        return True

    def over_confirmation_cap(self) -> bool:
        """Has her address had its confirmation requests for unvouched mail in the last
        24 hours (``CommandRules.max_confirmations_per_day``)? Never for vouched mail."""
        if self.parsed.authenticated:
            return False
        since = self.now - timedelta(hours=24)
        asked = sum(1 for p in self.state.pending.values()
                    if normalise_address(p.address) == self.sender and p.created_at > since
                    and not p.intent.get("vouched") and ("command" in p.intent
                                                         or "meeting" in p.intent))
        return asked >= self.rules.max_confirmations_per_day

    def hold_back(self, verb: str, line: str) -> None:
        """Over the cap: no token and no answer; logged, and the digest lists it."""
        cap = str(self.rules.max_confirmations_per_day)
        self.log(verb, line, "capped", f"not asked: {cap} confirmation requests in 24 hours",
                 "held_back", (clean(line, 200), cap))

    def finish(self) -> Decision:
        """The decision: the records and mails of the changes, her answer, the log entry."""
        work = self.work
        records = [*work.records.values(), *([self.entry] if self.entry else [])]
        entry = self.entry
        summary = (f"command {entry.verb or '-'} from {self.sender}: {entry.outcome}, "
                   f"{entry.detail}" if entry else f"facilitator's mail from {self.sender}")
        mails = (*work.mails.values(), *self.mails)
        return Decision(records=tuple(records), forget=tuple(dict.fromkeys(work.forget)),
                        mails=mails, summary=clean(f"{summary}; {len(mails)} mail(s)", 1000))
