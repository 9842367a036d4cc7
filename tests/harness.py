"""harness.py — what the Python end-to-end tests share: a tally of
checks that prints "not ok - NAME" for each failure and, at the end,
"N passed, N failed" (the line tools/run-tests adds up); and each case's
source text read from an index."""
import sqlite3
import zlib


def case_texts(index):
    """Every case's source lines (line_start..line_end of its document,
    whose text the index keeps deflated), by case id."""
    db = sqlite3.connect(index)
    texts = {}
    for cid, doc, a, b in db.execute(
            "SELECT c.id, d.text, c.line_start, c.line_end FROM cases c "
            "JOIN documents d ON d.id = c.document_id"):
        lines = zlib.decompress(doc).decode().split("\n")[max(a, 1) - 1:b]
        texts[cid] = "\n".join(lines)
    db.close()
    return texts


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
