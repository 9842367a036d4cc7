#!/usr/bin/env python3
"""test_incremental.py PICORPUS SRCDIR — incremental builds give what a
full build gives.

A corpus (corpus/, tests/heldout/, a small generated one and a file
picorpus rejects) is built once; then a rebuild with nothing changed
must write nothing and say the same diagnostics; then after editing,
adding and deleting a file each incremental build is compared with a
full build (--full) of the same corpus: the same cases with the same
fields, the same hits for every judged query, the changed cases'
related precedents exactly, and for all others related ids that exist
and links that read the same from both sides.
"""
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile

from harness import Tally

QUERIES = ["再委託 LGWAN", "委託", "氏名 住所", "外部結合", "TOPPAN",
           "健康診査", "ベンチマーク追記", "条例第12条"]


def build(picorpus, corpus, index, site, *extra):
    p = subprocess.run([picorpus, "build", "-v", "-c", corpus, "--index",
                        index, "-o", site] + list(extra),
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("build failed: " + p.stderr)
    return p.stderr


def diagnostics(stderr):
    """The 'path: reason' lines of a build's stderr."""
    return [l for l in stderr.splitlines()
            if not l.startswith("picorpus build:")]


def export(picorpus, index):
    out = subprocess.run([picorpus, "--index", index, "export"],
                         capture_output=True, text=True, check=True).stdout
    return {o["id"]: o for o in map(json.loads, out.splitlines())}


def hits(picorpus, index, query):
    out = subprocess.run([picorpus, "--index", index, "query", "--json",
                          "--limit", "0"] + query.split(),
                         capture_output=True, text=True).stdout
    return [json.loads(line)["id"] for line in out.splitlines()]


def tree_state(path):
    """(inode, mtime) of every file below path."""
    state = {}
    for base, _, names in os.walk(path):
        for n in names:
            st = os.stat(os.path.join(base, n))
            state[os.path.relpath(os.path.join(base, n), path)] = (
                st.st_ino, st.st_mtime_ns)
    return state


def same_related(x, y):
    return [r["id"] for r in x] == [r["id"] for r in y] and all(
        abs(p["score"] - q["score"]) < 1e-9 and p["reasons"] == q["reasons"]
        for p, q in zip(x, y))


def compare(t, picorpus, work, name, changed_source):
    """Incremental index work/i.db against a full build of the corpus
    into a new index and site (nothing reused)."""
    shutil.rmtree(work + "/fsite", ignore_errors=True)
    for f in ("/f.db", "/f.db.tmp"):
        if os.path.exists(work + f):
            os.unlink(work + f)
    build(picorpus, work + "/c", work + "/f.db", work + "/fsite", "--full")
    inc = export(picorpus, work + "/i.db")
    full = export(picorpus, work + "/f.db")
    t.check(set(inc) == set(full), name + ": the same cases")
    fields_same = all({k: v for k, v in inc[i].items() if k != "related"} ==
                      {k: v for k, v in full[i].items() if k != "related"}
                      for i in inc if i in full)
    t.check(fields_same, name + ": the same fields for every case")
    for q in QUERIES:
        t.check(hits(picorpus, work + "/i.db", q) ==
                hits(picorpus, work + "/f.db", q), name + ": hits of " + q)
    mine = [i for i in inc if inc[i]["source"] == changed_source]
    for i in mine:
        t.check(same_related(inc[i]["related"], full[i]["related"]),
                name + ": related of changed case " + i)
    dangling = [r["id"] for o in inc.values() for r in o["related"]
                if r["id"] not in inc]
    t.check(not dangling, name + ": no link to a case that is gone")
    asym = 0
    for i, o in inc.items():
        for r in o["related"]:
            back = [b for b in inc[r["id"]]["related"] if b["id"] == i]
            if back and (abs(back[0]["score"] - r["score"]) > 1e-12 or
                         back[0]["reasons"] != r["reasons"]):
                asym += 1
    t.check(asym == 0, name + ": links read the same both ways (%d not)"
            % asym)
    pages = {os.path.splitext(n)[0] for n in
             os.listdir(os.path.join(work, "site", "case"))}
    t.check(pages == set(inc), name + ": a case page per case, no other")
    # Pages made again or linked from the previous site (site_reuse())
    # read as a full build's: every browse page, the home page, the
    # changed cases' pages.
    def same_file(rel):
        a, b = os.path.join(work, "site", rel), os.path.join(work, "fsite",
                                                              rel)
        return os.path.exists(a) and open(a, "rb").read() == open(
            b, "rb").read()
    browse = ["browse/" + n for n in
              os.listdir(os.path.join(work, "fsite", "browse"))]
    bad = [rel for rel in browse + ["index.html"] if not same_file(rel)]
    t.check(not bad, name + ": browse and home pages as a full build's %s"
            % bad[:3])
    bad = [i for i in mine if not same_file("case/%s.html" % i)]
    t.check(not bad, name + ": changed cases' pages as a full build's %s"
            % bad[:3])
    chunks = {}
    for n in os.listdir(os.path.join(work, "site", "search", "c")):
        text = open(os.path.join(work, "site", "search", "c", n)).read()
        for cid in re.findall(r'\{id:"([^"]+)"', text):
            chunks[cid] = chunks.get(cid, 0) + 1
    t.check(chunks == {i: 1 for i in inc},
            name + ": every case in one search chunk, no other")


def edit(path, old, new, tail):
    raw = open(path, "rb").read()
    for enc in ("utf-8", "cp932", "euc-jp"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    open(path, "wb").write((text.replace(old, new, 1) + tail).encode(enc))


def main():
    picorpus, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    t = Tally()
    work = tempfile.mkdtemp(prefix="picorpus-inc-")
    corpus = work + "/c"
    shutil.copytree(os.path.join(src, "corpus"), corpus)
    shutil.copytree(os.path.join(src, "tests", "heldout"), corpus + "/h",
                    ignore=shutil.ignore_patterns("*.json"))
    subprocess.run([os.path.join(src, "tools", "gen-corpus"), "1",
                    corpus + "/g"], check=True, stdout=subprocess.DEVNULL)
    with open(corpus + "/rejected.txt", "wb") as f:
        f.write(b"\x00\x01\x02binary\xff\xfe" * 50)

    first = build(picorpus, corpus, work + "/i.db", work + "/site")
    t.check("built anew" in first, "first build is a full one")
    # Worker threads change nothing: -j 1 and -j 4 give the same index
    # and say the same, in the same order.
    one = build(picorpus, corpus, work + "/j1.db", work + "/j1site", "-j",
                "1", "--full")
    four = build(picorpus, corpus, work + "/j4.db", work + "/j4site", "-j",
                 "4", "--full")
    t.check(diagnostics(one) == diagnostics(four) == diagnostics(first),
            "-j 1 and -j 4 say the same diagnostics in the same order")
    t.check(export(picorpus, work + "/j1.db") ==
            export(picorpus, work + "/j4.db"),
            "-j 1 and -j 4 give the same cases, fields and links")

    before_index = os.stat(work + "/i.db")
    before_site = tree_state(work + "/site")
    again = build(picorpus, corpus, work + "/i.db", work + "/site")
    after_index = os.stat(work + "/i.db")
    t.check((before_index.st_ino, before_index.st_mtime_ns) ==
            (after_index.st_ino, after_index.st_mtime_ns),
            "no-op: the index is not written")
    t.check(tree_state(work + "/site") == before_site,
            "no-op: no site file is written")
    t.check(diagnostics(again) == diagnostics(first) and
            any("rejected.txt" in l for l in diagnostics(first)),
            "no-op: the same diagnostics, the rejected file's included")
    t.check("0 of" in again, "no-op: nothing counted as changed")

    victim = sorted(os.listdir(corpus + "/g/000"))[3]
    edit(corpus + "/g/000/" + victim, "氏名", "氏名、電話番号",
         "\n備考 ベンチマーク追記\n")
    out = build(picorpus, corpus, work + "/i.db", work + "/site")
    t.check("1 read" in out, "edit: only the edited file is read")
    t.check(len(hits(picorpus, work + "/i.db", "ベンチマーク追記")) > 0,
            "edit: the edited text is found")
    compare(t, picorpus, work, "edit", "g/000/" + victim)

    shutil.copy(corpus + "/g/000/" + victim, corpus + "/g/000/added.txt")
    edit(corpus + "/g/000/added.txt", "委託", "再委託", "")
    build(picorpus, corpus, work + "/i.db", work + "/site")
    compare(t, picorpus, work, "add", "g/000/added.txt")

    gone = sorted(os.listdir(corpus + "/g/000"))[0]
    os.unlink(corpus + "/g/000/" + gone)
    out = build(picorpus, corpus, work + "/i.db", work + "/site")
    t.check("0 read" in out, "delete: no file is read")
    compare(t, picorpus, work, "delete", "g/000/" + gone)
    t.check(not any(o["source"] == "g/000/" + gone for o in
                    export(picorpus, work + "/i.db").values()),
            "delete: the deleted file's cases are gone")

    out = build(picorpus, corpus, work + "/i.db", work + "/site", "--full")
    t.check("built anew" in out, "--full builds anew")

    # An index built without a site, then asked for one: the site is
    # made from it and the index is not written.
    p = subprocess.run([picorpus, "build", "-q", "--no-site", "-c", corpus,
                        "--index", work + "/n.db"], capture_output=True)
    before = os.stat(work + "/n.db")
    build(picorpus, corpus, work + "/n.db", work + "/nsite")
    after = os.stat(work + "/n.db")
    t.check(p.returncode == 0 and (before.st_ino, before.st_mtime_ns) ==
            (after.st_ino, after.st_mtime_ns) and
            os.path.exists(work + "/nsite/index.html"),
            "site asked of an unchanged index: made, index untouched")
    shutil.rmtree(work)
    return t.report()


if __name__ == "__main__":
    sys.exit(main())
