"""The command line: ``mailflow tick | run | demo | inspect | days | people | ...``.

Thin entry points over ``mailflow.run``; ``main`` parses arguments and maps errors to exit
codes. May import anything.
"""
