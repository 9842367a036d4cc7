#!/usr/bin/env python3
"""test_search.py PICORPUS SOURCE_ROOT

Search correctness on corpus/, against a brute-force oracle:
- exact semantics: for every judged query (../shared/qrels/seeds.tsv when
  present, plus a built-in list) the whole result set of
  `picorpus query --json --limit 0` equals the set of cases whose
  NFKC-folded text contains every term;
- recall parity for single terms (委託, 結合, 再委託, LGWAN, ＬＧＷＡＮ, …),
  on corpus/ and on a 10 MB corpus from tools/gen-corpus;
- hostile queries: 250 generated malformed queries exit 0 or 2, never
  crash, and never print an SQLite/FTS5 message.
Prints "N passed, N failed".
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

PARITY_TERMS = ["委託", "結合", "再委託", "LGWAN", "ＬＧＷＡＮ", "氏名", "住所",
                "TOPPAN", "国保", "検", "区"]
EXTRA_QUERIES = ["再委託 LGWAN", "外部結合 LGWAN", "ｺｰﾙｾﾝﾀｰ", "lgwan 回線",
                 "委託 住所 氏名", "外部提供", "条例第12条", "第3条第1項",
                 "第17条第4項", "別表第1"]


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def case_texts(index):
    """Every case's source text (its lines), folded, by id."""
    return {cid: fold(t) for cid, t in harness.case_texts(index).items()}


def run(picorpus, index, args):
    return subprocess.run([picorpus, "query", "--index", index] + args,
                          capture_output=True, timeout=60)


def hits(picorpus, index, terms):
    p = run(picorpus, index, ["--json", "--limit", "0"] + terms)
    if p.returncode != 0:
        return None
    return {json.loads(l)["id"] for l in p.stdout.decode().splitlines() if l}


def ranked(picorpus, index, terms, limit):
    """The ids of the hits in order (limit 0 = all)."""
    p = run(picorpus, index, ["--json", "--limit", str(limit)] + terms)
    return [json.loads(l)["id"] for l in p.stdout.decode().splitlines() if l]


def hostile_queries(rng):
    parts = ['"', '""', "'", "(", ")", "NEAR(", "NEAR(a b, 3)", "*", "a*",
             "^", ":", "col:x", "-", "--", "OR", "AND", "NOT", "OR OR",
             "\x01", "\x7f", "\t", "'; DROP TABLE cases;--", "%", "_",
             "\\", "{", "}", "title:", "since:", "until:x", "ward:",
             "\u3000", "委託", "ＬＧＷＡＮ", "-委託", '"再委託', "\ufffd"]
    out = []
    for _ in range(240):
        n = rng.randint(1, 6)
        out.append([rng.choice(parts) + rng.choice(["", "x", "委"])
                    for _ in range(n)])
    out.append(["委託"] * 10000)
    out.append(["a" * 100000])
    out.append([""])
    for _ in range(7):
        out.append(["".join(chr(rng.randint(1, 0x2FFF)) for _ in range(20))])
    return out


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    picorpus, root = sys.argv[1:]
    tally = harness.Tally()
    check = tally.check

    with tempfile.TemporaryDirectory() as tmp:
        index = os.path.join(tmp, "index.db")
        subprocess.run([picorpus, "build", "-q", "--no-site", "-c",
                        os.path.join(root, "corpus"), "--index", index],
                       check=True)
        texts = case_texts(index)
        queries = [q.split() for q in EXTRA_QUERIES]
        qrels = os.path.join(root, "..", "shared", "qrels", "seeds.tsv")
        if os.path.exists(qrels):
            with open(qrels, encoding="utf-8") as f:
                seen = set()
                for line in f:
                    if line.startswith("#") or not line.strip():
                        continue
                    q = line.split("\t")[0]
                    if q not in seen:
                        seen.add(q)
                        queries.append(q.split())
        for terms in queries + [[t] for t in PARITY_TERMS]:
            want = {cid for cid, t in texts.items()
                    if all(fold(term) in t for term in terms)}
            got = hits(picorpus, index, terms)
            check(got == want, "exact set for %s: want %d, got %s" % (
                " ".join(terms), len(want), None if got is None else
                sorted(got ^ want)))
        rng = random.Random(1234)
        for q in hostile_queries(rng):
            q = [a.replace("\x00", "") for a in q]
            p = run(picorpus, index, q)
            err = p.stderr.decode(errors="replace").lower()
            leaked = any(w in err for w in ("sqlite", "fts5", "syntax error",
                                            "malformed", "unterminated"))
            check(p.returncode in (0, 2) and not leaked,
                  "hostile query %r: exit %d %s" % (q[:3], p.returncode,
                                                     err[:120]))
        # Recall parity on a generated 10 MB corpus (three encodings).
        gen = os.path.join(tmp, "gen")
        subprocess.run([os.path.join(root, "tools", "gen-corpus"), "10", gen],
                       check=True, capture_output=True)
        gindex = os.path.join(tmp, "gen.db")
        subprocess.run([picorpus, "build", "-q", "--no-site", "-c", gen,
                        "--index", gindex], check=True)
        gtexts = case_texts(gindex)
        for term in PARITY_TERMS:
            want = {cid for cid, t in gtexts.items() if fold(term) in t}
            got = hits(picorpus, gindex, [term])
            check(got == want, "10 MB parity for %s: want %d, got %s" % (
                term, len(want), None if got is None else len(got)))
        # A page of hits (chosen in C, ties broken by date and id) is the
        # head of the full ranking (one SQL ORDER BY).
        for terms in [["委託"], ["再委託", "LGWAN"], ["氏名", "OR", "TOPPAN"],
                      ["口座番号", "-LGWAN"], ["外部結合", "kind:付議"]]:
            full = ranked(picorpus, gindex, terms, 0)
            for k in (1, 10, 37):
                page = ranked(picorpus, gindex, terms, k)
                check(len(full) > k and page == full[:k],
                      "page of %d for %s is the head of the ranking" %
                      (k, " ".join(terms)))
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
