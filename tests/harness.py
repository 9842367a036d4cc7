"""harness.py — what the Python end-to-end tests share: a tally of
checks that prints "not ok - NAME" for each failure and, at the end,
"N passed, N failed" (the line tools/run-tests adds up)."""


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, name):
        """Count one check; print its name when it failed."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("not ok -", name)

    def report(self):
        """Print the totals; the exit status of the test."""
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0
