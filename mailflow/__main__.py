"""``python -m mailflow`` is the ``mailflow`` command."""

from mailflow.cli.main import main

raise SystemExit(main())
