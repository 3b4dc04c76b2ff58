"""Rules: an intent, the state and ``now`` -> a :class:`Decision` (records to write, mail to send).

Registration and its cap per organisation, the waitlist, RSVPs, the interest list,
commitment, privacy requests and the confirmation round trip for changes whose sender
our server did not vouch for. May import only ``mailflow.core``.
"""
