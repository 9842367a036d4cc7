#!/usr/bin/env python3
"""test_site.py PICORPUS SOURCE_ROOT — the static site is safe, whole, and
its search gives what the CLI gives.

Builds corpus/ plus hostile documents (a .txt, a .md and an .html whose
fields and text carry <script>, "><img onerror> and javascript: payloads)
and checks every page: the CSP meta is there, no inline script, no event
handler attribute, no javascript: URL, no reference to another host, every
internal link resolves to a file of the site, every case has a page.  Then,
when Debian's chromium is installed, it loads the pages of the hostile
cases from file:// and checks the DOM the browser built (--dump-dom) the
same way: the payloads are text, not elements.  Last, for every query of
../shared/qrels/seeds.tsv and queries exercising the tokenizer and the
query language, the site's search page (search.html?q=…, run by chromium
from file://) must list the same cases in the same order as `picorpus
query --json --limit 0`.  Prints "N passed, N failed".
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

# Queries beyond the qrels: folding (full/half width, case), half-width
# kana with dakuten, prefix tokens, OR, exclusion, phrases, field terms,
# filters.
EXTRA_QUERIES = ["ＬＧＷＡＮ", "lgwan", "ｺｰﾙｾﾝﾀｰ", "第12条", "検", "区",
                 "委託 OR 結合", "委託 -再委託", '"外部結合"', "item:氏名",
                 "consignee:TOPPAN", "委託 kind:諮問", "委託 ward:世田谷",
                 "委託 type:再委託", "委託 since:2019-02-07",
                 "個人情報 OR 氏名 -LGWAN", "ISO27001", "条例第12条",
                 "要綱第3条第1項"]


def search_dom(chromium, site, query):
    """The DOM of search.html for query once the search has run."""
    url = "file://%s/search.html?limit=10000&q=%s" % (
        site, urllib.parse.quote(query))
    return subprocess.run([chromium, "--headless", "--no-sandbox",
                           "--disable-gpu", "--virtual-time-budget=20000",
                           "--dump-dom", url],
                          capture_output=True, timeout=120).stdout.decode()


def browser_ids(chromium, site, query):
    """The case ids search.html lists for query, in order."""
    dom = search_dom(chromium, site, query)
    if 'data-state="done"' not in dom:
        return None
    return re.findall(r'<li class="hit" data-id="([^"]+)"', dom)


def cli_ids(picorpus, index, query):
    out = subprocess.run([picorpus, "query", "--index", index, "--json",
                          "--limit", "0"] + query.split(),
                         capture_output=True).stdout.decode()
    return re.findall(r'^\{"id":"([^"]+)"', out, re.M)


def qrels_queries(root):
    path = os.path.join(root, "..", "shared", "qrels", "seeds.tsv")
    out = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                q = line.split("\t")[0]
                if q not in out:
                    out.append(q)
    return out


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    picorpus, root = sys.argv[1:]
    tally = harness.Tally()
    check = tally.check

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        shutil.copytree(os.path.join(root, "corpus"), corpus)
        for name, text in [("hostile.txt", harness.HOSTILE_TXT),
                           ("hostile_md.md", harness.HOSTILE_MD),
                           ("hostile_page.html", harness.HOSTILE_HTML)]:
            with open(os.path.join(corpus, name), "w", encoding="utf-8") as f:
                f.write(text)
        site = os.path.join(tmp, "site")
        index = os.path.join(tmp, "index.db")
        subprocess.run([picorpus, "build", "-q", "-c", corpus, "-o", site,
                        "--index", index], check=True)
        pages = glob.glob(os.path.join(site, "**", "*.html"), recursive=True)
        for path in pages:
            with open(path, encoding="utf-8") as f:
                harness.check_page(path, f.read(), check)
        out = subprocess.run([picorpus, "export", "--index", index],
                             check=True, capture_output=True).stdout.decode()
        ids = re.findall(r'"id":"([^"]+)","source"', out)
        check(len(ids) > 0 and all(
            os.path.exists(os.path.join(site, "case", i + ".html"))
            for i in ids), "every case has a page (%d cases)" % len(ids))
        hostile = [os.path.join(site, "case", i + ".html") for i in ids
                   if i.startswith("hostile")]
        check(len(hostile) >= 3, "the hostile documents have case pages")
        text = "".join(open(p, encoding="utf-8").read() for p in hostile)
        # The parser flattens HTML in text to its words (raw payloads lose
        # their tags); an entity-encoded payload becomes the literal text
        # <script>…, which the pages must show escaped.
        check("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img" in text
              and "javascript:alert(5)" in text,
              "payload text is escaped, not markup")
        chromium = shutil.which("chromium")
        if chromium is None:
            print("# chromium not installed: browser DOM checks skipped")
        for path in hostile + [os.path.join(site, "index.html")]:
            if chromium is None:
                break
            dom = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--dump-dom", "file://" + path],
                capture_output=True, timeout=120).stdout.decode()
            check("</html>" in dom, "%s: chromium rendered it" % path)
            p = harness.Page()
            p.feed(dom)
            check(not p.problems, "%s: browser DOM %s" % (path,
                                                          p.problems[:3]))
        if chromium is not None:	# results of a search for the payload
            dom = search_dom(chromium, site, "alert")
            p = harness.Page()
            p.feed(dom)
            check('data-state="done"' in dom and 'class="hit"' in dom and
                  not p.problems, "search results DOM: %s" % p.problems[:3])
        # Rebuilds: a no-op keeps every file (same inode, same mtime); a
        # deleted document's pages go; an edited one's page is rewritten.
        before = {p: os.stat(p) for p in glob.glob(
            os.path.join(site, "**", "*"), recursive=True)
            if os.path.isfile(p)}
        subprocess.run([picorpus, "build", "-q", "-c", corpus, "-o", site,
                        "--index", index], check=True)
        changed = [p for p, st in before.items()
                   if not os.path.exists(p) or
                   os.stat(p).st_ino != st.st_ino or
                   os.stat(p).st_mtime_ns != st.st_mtime_ns]
        check(not changed, "no-op rebuild rewrites nothing (%d of %d "
              "files changed: %s)" % (len(changed), len(before),
                                      changed[:3]))
        os.remove(os.path.join(corpus, "hostile_md.md"))
        with open(os.path.join(corpus, "hostile.txt"), "a",
                  encoding="utf-8") as f:
            f.write("追記された行\n")
        subprocess.run([picorpus, "build", "-q", "-c", corpus, "-o", site,
                        "--index", index], check=True)
        check(not glob.glob(os.path.join(site, "case", "hostile_md*")),
              "a deleted document's pages are gone")
        edited = os.path.join(site, "case", "hostile-1.html")
        check(os.stat(edited).st_ino != before[edited].st_ino and
              "追記された行" in open(edited, encoding="utf-8").read(),
              "an edited document's page is rewritten")
        style = os.path.join(site, "style.css")
        check(os.stat(style).st_ino == before[style].st_ino,
              "unchanged files are kept across a real rebuild")
        if chromium is not None:
            corpus_site = os.path.join(tmp, "seeds-site")
            corpus_index = os.path.join(tmp, "seeds.db")
            subprocess.run([picorpus, "build", "-q", "-c",
                            os.path.join(root, "corpus"), "-o", corpus_site,
                            "--index", corpus_index], check=True)
            for q in qrels_queries(root) + EXTRA_QUERIES:
                want = cli_ids(picorpus, corpus_index, q)
                got = browser_ids(chromium, corpus_site, q)
                check(got == want, "browser = CLI for %r: CLI %s, browser %s"
                      % (q, want, got))
                print("# %-28s CLI %2d  browser %s" % (
                    q, len(want), "same" if got == want else got))
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
