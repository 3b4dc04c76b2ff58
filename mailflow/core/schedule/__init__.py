"""What is due at ``now``: invitations, reminders, the facilitator's digest, cost shares.

Computed from the state and the clock value passed in, never from scheduler state, so
cron and the daemon give the same result. May import only ``mailflow.core``.
"""
