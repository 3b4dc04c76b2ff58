"""The command line: ``mailflow tick | run | demo | inspect | days | people | ...``.

Thin entry points over ``mailflow.run``, one module per command family (``running``:
tick, run, check-config; ``days``; ``people``: people, orgs; ``attention``: attention,
digest; ``costs``; ``outreach``: announce, invite; ``privacy``: export, forget;
``inspect``; ``demo``), each adding its commands with ``add_<command>``; ``common`` holds
what they share. ``main`` builds the parser, sets up logging and maps errors to exit
codes. The facilitator's labels come from the language packs. May import anything.
"""
