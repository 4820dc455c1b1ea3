# clr_check.py — how the tests/data check scripts end: the problems found,
# one line each, and exit status 1, or a line saying all is well and 0.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys


def verdict(failed, failure, success):
    """Prints @failure and returns 1 when @failed, else prints @success and returns 0."""
    print(failure if failed else success)
    return 1 if failed else 0


def report(problems, success=None):
    """Prints each of @problems to stderr and returns 1; with none, prints
    @success (if given) and returns 0."""
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    if success is not None:
        print(success)
    return 0
