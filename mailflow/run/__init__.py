"""Running mailflow: the pass (``tick``), the daemon, and the composition root (``bootstrap``).

``bootstrap`` is the one place that builds concrete adapters from the settings; the CLI,
cron and the daemon all call the same ``run_tick(now)``. May import anything but ``cli``.
"""
