"""mailflow: the scheduled daemon behind a development network's shared mailbox."""

__version__ = "0.1.0"
