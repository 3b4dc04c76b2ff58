"""The adapters one pass needs, as the composition root (:mod:`mailflow.run.bootstrap`)
builds them and tests choose them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mailflow.adapters.ports import Mailbox, Sender
from mailflow.adapters.store import Store
from mailflow.config.loader import Settings
from mailflow.intake.port import Intake
from mailflow.run.records import MailRenderer

__all__ = ["OpenIntake", "Services"]

#: opens the intake a pass reads through, over the mailbox ``open_mailbox`` opens
OpenIntake = Callable[[Callable[[], Mailbox]], Intake]


@dataclass(frozen=True)
class Services:
    """The adapters one pass needs, built by :mod:`mailflow.run.bootstrap`.

    open_intake: the intake (sequential, or pipelined for backlogs) over a mailbox.
    """

    settings: Settings
    open_store: Callable[[], Store]
    open_mailbox: Callable[[], Mailbox]
    open_sender: Callable[[], Sender]
    renderer: MailRenderer
    open_intake: OpenIntake
