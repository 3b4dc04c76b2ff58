"""Reading: raw message bytes -> a :class:`~mailflow.core.values.ParsedMessage`.

MIME and charsets (``parse``), HTML to text (``htmltext``), the person's new text apart
from quoted history (``quotes``), robots - bounces, auto-replies, loops (``robots``) and
calendar parts (``calendar``). Parsing never raises: anything odd is a problem noted on
the parsed message. May import only ``mailflow.core``.
"""
