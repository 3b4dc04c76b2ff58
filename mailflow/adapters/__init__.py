"""Thin adapters behind the ports in ``ports``: IMAP, Maildir, SMTP, a file outbox, the store.

Each does I/O with one technology and nothing else; tests run them against real peers on
loopback. May import ``mailflow.core``, ``mailflow.config`` and the standard library and
their client libraries; never ``mailflow.run``, ``intake`` or ``cli``.
"""
