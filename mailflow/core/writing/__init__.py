"""Writing: a mail request -> the bytes of a mail.

Rendering Jinja2 templates (user text is only ever data, escaped in HTML), header fields
safe from injection (``headers``), MIME (``mime``), iCalendar parts (``calendar``) and the
formatting of dates, money and roles. May import only ``mailflow.core`` and jinja2/icalendar.
"""
