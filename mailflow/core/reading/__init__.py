"""Reading: raw message bytes -> a :class:`~mailflow.core.values.ParsedMessage`.

``parse`` is the entry (``parse_message``, ``message_key``); beside it: ``tree`` (bytes to
compat32's tree, capped on hostile input), ``headers`` (header fields, addresses, dates),
``charsets``, ``body`` (the MIME walk), ``htmltext`` and ``htmlblocks`` (HTML to text),
``quotes`` (the person's new text apart from quoted history), ``robots`` (bounces,
auto-replies, loops), ``calendar`` (calendar parts) and ``authentication``. Quote and robot
wording comes from the registered language packs. Parsing never raises: anything odd is a
problem noted on the parsed message. May import only ``mailflow.core``.
"""
