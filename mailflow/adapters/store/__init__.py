"""The TinyDB store: one file of records, a journal of commits beside it, an OS lock."""
