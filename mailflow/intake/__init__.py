"""How a pass gets its messages: read, parsed and understood, ahead of the pass when it pays.

The plain path reads a batch and leaves preparing to the pass; for a backlog, a forked
reader, a backlog worker process and a background mover make it faster without changing
what is decided. May import ``mailflow.core``, ``mailflow.adapters.ports`` and the
standard library; never ``mailflow.run`` or ``mailflow.cli``.
"""
