"""Understanding: a parsed message and the network's state -> the person's :class:`Intent`.

What was asked for (sign-up, interest list, RSVP, cancellation, substitute, commitment,
correction, privacy requests), about whom, for which day, in which language. Phrases come
from the registered language packs (``mailflow.core.languages.lexicon.known()``). May
import only ``mailflow.core``.

``intents`` holds the entry, :func:`~mailflow.core.understanding.intents.understand`, and
the rules between intent kinds; beside it, one module per family: ``text`` (what is read,
closings, signatures), ``language`` (which pack a mail is written in), ``days`` (which
network day), ``people`` (lists, tables, labelled blocks), ``sender`` (who wrote),
``signup`` (sign-ups and substitutes), ``corrections``, ``commitment``, ``roles`` and
``names`` (a name in running text turned to the base form its address spells).
"""
