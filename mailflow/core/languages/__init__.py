"""What mailflow knows of each language and what it says in it, as data.

Phrases, labels, titles, quote headers, robot wording; reason wording. Code elsewhere asks
a language pack; it never tests for a language by name. May import only ``mailflow.core``.
"""
