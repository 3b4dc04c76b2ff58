"""Understanding: a parsed message and the network's state -> the person's :class:`Intent`.

What was asked for (sign-up, interest list, RSVP, cancellation, substitute, commitment,
correction, privacy requests), about whom, for which day, in which language. Phrases come
from ``mailflow.core.languages``. May import only ``mailflow.core``.
"""
