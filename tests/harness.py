"""harness.py — what the Python end-to-end tests share: a tally of
checks that prints "not ok - NAME" for each failure and, at the end,
"N passed, N failed" (the line tools/run-tests adds up); each case's
source text read from an index; hostile documents and the check that a
site page holds nothing that runs."""
import html.parser
import os
import re
import sqlite3
import urllib.parse
import zlib

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\'"'

HOSTILE_TXT = """諮問第901号
令和6年4月1日
架空区個人情報保護審議会 様
件名\t{p}の委託について
担当部課\t{p}課
委託先\t{p}株式会社
委託する情報項目\t氏名、{p}
委託先\tjavascript:alert(5)
本文 <a href="javascript:alert(6)">こちら</a> {p}
目的	<p>{e}</p>
""".format(p=PAYLOAD, e=PAYLOAD.replace("&", "&amp;").replace("<", "&lt;")
           .replace(">", "&gt;").replace('"', "&quot;"))

HOSTILE_MD = """# {p}の外部結合について

- 委託先: {p}
- [リンク](javascript:alert(7))
- <img src=x onerror=alert(8)>

<script>alert(9)</script>
""".format(p=PAYLOAD)

HOSTILE_HTML = """<html><body>
<h1>{p}に係る業務委託について</h1>
<table><tr><th>委託先</th><td>{p}</td></tr>
<tr><th>情報項目</th><td><a href="javascript:alert(10)">氏名</a></td></tr></table>
<p onclick="alert(11)">本文 <img src=x onerror=alert(12)></p>
<script>alert(13)</script>
</body></html>
""".format(p=PAYLOAD)



class Page(html.parser.HTMLParser):
    """Collects what the checks look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []
        self.csp = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append("event handler %s on <%s>" % (name, tag))
            if name in ("href", "src", "action") and value is not None:
                v = value.strip().lower()
                if v.startswith("javascript:") or v.startswith("data:"):
                    self.problems.append("%s=%r" % (name, value))
                if re.match(r"^([a-z][a-z0-9+.-]*:)?//", v) or \
                        v.startswith("http:") or v.startswith("https:"):
                    self.problems.append("other host: %s" % value)
                elif name in ("href", "src"):
                    self.links.append(value)
        if tag == "script" and not a.get("src"):
            self.problems.append("inline <script>")
        if tag == "img" and a.get("src") == "x":
            self.problems.append("<img src=x> element")
        if tag == "meta" and a.get("http-equiv", "").lower() == \
                "content-security-policy" and \
                "default-src 'none'" in a.get("content", ""):
            self.csp = True


def check_page(path, text, check):
    p = Page()
    p.feed(text)
    check(p.csp, "%s: Content-Security-Policy meta" % path)
    check(not p.problems, "%s: %s" % (path, p.problems[:3]))
    base = os.path.dirname(path)
    missing = []
    for link in p.links:
        target = urllib.parse.urlsplit(link)
        if not target.path:
            continue
        f = os.path.normpath(os.path.join(base,
                                          urllib.parse.unquote(target.path)))
        if not os.path.exists(f):
            missing.append(link)
    check(not missing, "%s: links resolve (missing %s)" % (path, missing[:3]))




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
