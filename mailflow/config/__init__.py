"""The configuration: the settings dataclasses, loading and checking a TOML file, secrets.

Separate from ``run`` so adapters can take their section (``ImapSettings``,
``SmtpSettings``) without importing the pass. May import ``mailflow.core`` and the
standard library; never ``run``, ``intake``, ``adapters`` or ``cli``.
"""
