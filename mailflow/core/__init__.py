"""The pure core: data in, data out. No I/O, no clock, no configuration loader.

Owns the records (``model``), the values that cross a boundary (``values``, ``settings``),
the network's state and its persistent tables, organisations and their names, and the
stages below, in the order a message meets them: ``reading`` (bytes -> parsed message),
``understanding`` (-> what the person asked for), ``rules`` (-> a decision), ``schedule``
(what is due) and ``writing`` (decision -> mail). ``languages`` holds what mailflow knows
of and says in each language.

May import: the standard library, ``mailflow.core`` and pure libraries (jinja2,
icalendar). Never ``mailflow.run``, ``intake``, ``adapters``, ``cli``, ``config``,
tinydb, imapclient or smtplib, and never reads the clock (``now`` is always passed in).
"""
