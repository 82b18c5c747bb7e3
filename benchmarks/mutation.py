"""Mutation benchmark over the whole catalogue: ``python benchmarks/mutation.py [--jobs 2] [--json FILE]``.

Every claim the engine PROVES or CONFIRMS is mutated (sign flips, factors 2 and 1/2, dropped terms, swapped
symbols, factors 4 pi / epsilon_0 / hbar / c, powers off by one); each non-equivalent mutant must be REFUTED. Prints
the kill rate per claim family, every surviving mutant with the reason, and last `kill rate: K/N`. Target (issue 5):
K/N >= 99% in under 15 minutes on 2 cores. Not a timed test: nothing here asserts a time.
"""

import sys

from derivcheck.cli import main

if __name__ == "__main__":
    sys.exit(main(["mutate", "--all", *sys.argv[1:]]))
