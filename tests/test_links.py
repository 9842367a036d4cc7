#!/usr/bin/env python3
"""test_links.py PICORPUS SOURCE_ROOT — the links between precedents.

Builds corpus/ and tests/heldout/, then for every related case of every
case checks: no self link, at most 10, scores in (0, 1] best first, links
seen from both sides score and read the same, and every reason is true of
the two cases' extracted fields and texts.  On corpus/ it also prints the
judged pairs of ../shared/qrels/similar-seeds.tsv: the rank of each grade-2
partner and precision@3 (a report: the bar is tracked in the issue).
Prints "N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

ENTITY_WORDS = ["株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
                "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
                "社会福祉法人", "特定非営利活動法人", "地方独立行政法人",
                "独立行政法人", "医療法人", "学校法人", "(株)", "(有)"]


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def key(s):
    return re.sub(r"\s+", "", fold(s))


def org_key(s):
    k = fold(s)
    for w in ENTITY_WORDS:
        k = k.replace(w, "")
    return re.sub(r"\s+", "", k)


def names(reason, prefix, seps):
    rest = reason[len(prefix):]
    if rest.endswith(" …"):
        rest = rest[:-2]
    return [n for n in re.split(seps, rest) if n]


def texts_of(index):
    return {cid: key(t) for cid, t in harness.case_texts(index).items()}


def facts(case):
    procs = case["procedures"]
    return {
        "orgs": {org_key(n) for p in procs
                 for n in p.get("consignees", []) + p.get("subcontractors", [])},
        "partners": {org_key(p["partner"]) for p in procs if p.get("partner")},
        "items": {key(i) for p in procs for i in p.get("data_items", [])},
        "basis": set(case.get("legal_basis") or []),
        "types": {p["type"] for p in procs},
        "titles": key(" ".join([case.get("title") or ""] +
                               [p.get("title") or "" for p in procs])),
    }


def reason_true(reason, a, b, ta, tb):
    """Is reason true of cases a and b (facts) with texts ta, tb?"""
    if reason.startswith("委託先 "):
        return all(org_key(n) in a["orgs"] and org_key(n) in b["orgs"]
                   for n in names(reason, "委託先 ", "、"))
    if reason.startswith("相手方 "):
        return all(org_key(n) in a["partners"] and org_key(n) in b["partners"]
                   for n in names(reason, "相手方 ", "、"))
    m = re.match(r"情報項目 (\d+)件共通: ", reason)
    if m:
        shared = a["items"] & b["items"]
        listed = names(reason, m.group(0), ", ")
        return int(m.group(1)) == len(shared) and \
            all(key(i) in shared for i in listed)
    if reason.startswith("同じ根拠 "):
        return all(c in a["basis"] and c in b["basis"]
                   for c in names(reason, "同じ根拠 ", "、"))
    if reason.startswith("回線 "):
        return all(key(k) in ta and key(k) in tb
                   for k in names(reason, "回線 ", "・"))
    if reason.startswith("手続 "):
        return all(t in a["types"] and t in b["types"]
                   for t in names(reason, "手続 ", "・"))
    if reason.startswith("件名の語 "):
        return all(key(w) in a["titles"] and key(w) in b["titles"]
                   for w in names(reason, "件名の語 ", ", "))
    if reason.startswith("共通語 "):
        return all(key(w) in ta and key(w) in tb
                   for w in names(reason, "共通語 ", ", "))
    return False


def judged_report(cases, qrels):
    """Print the judged pairs' ranks and precision@3; return the lines."""
    def find(source, title):
        """The case of source whose title starts with the judged title."""
        for c in cases.values():
            if c["source"] == source and key(c["title"] or "").startswith(
                    key(title)):
                return c["id"]
        return None

    grades = {}
    with open(qrels, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            sa, ta, sb, tb, g = line.rstrip("\n").split("\t")
            a, b = find(sa, ta), find(sb, tb)
            if a and b:
                grades[(a, b)] = grades[(b, a)] = int(g)
    judged = sorted({a for a, _ in grades})
    hits = 0
    for a in judged:
        ranked = [r["id"] for r in cases[a]["related"]]
        top3 = ranked[:3]
        hits += sum(1 for r in top3 if grades.get((a, r), 0) > 0)
        for (x, y), g in sorted(grades.items()):
            if x == a and g == 2:
                rank = ranked.index(y) + 1 if y in ranked else None
                above = [r for r in ranked[:(rank or 11) - 1]
                         if (a, r) not in grades]
                print("judged %s -> %s (grade 2): rank %s, ungraded above: %d"
                      % (a, y, rank, len(above)))
    if judged:
        print("precision@3 over %d judged cases: %.3f"
              % (len(judged), hits / (3.0 * len(judged))))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    picorpus, root = sys.argv[1:]
    tally = harness.Tally()
    check = tally.check

    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus in [("corpus", os.path.join(root, "corpus")),
                             ("heldout", os.path.join(root, "tests",
                                                      "heldout"))]:
            index = os.path.join(tmp, name + ".db")
            subprocess.run([picorpus, "build", "-q", "--no-site", "-c",
                            corpus, "--index", index], check=True)
            out = subprocess.run([picorpus, "export", "--index", index],
                                 check=True, capture_output=True).stdout
            cases = {c["id"]: c for c in
                     (json.loads(l) for l in out.decode().splitlines() if l)}
            texts = texts_of(index)
            f = {cid: facts(c) for cid, c in cases.items()}
            links = 0
            for cid, c in cases.items():
                rel = c["related"]
                check(len(rel) <= 10, "%s: at most 10 related" % cid)
                scores = [r["score"] for r in rel]
                check(scores == sorted(scores, reverse=True) and
                      all(0 < s <= 1.0 + 1e-9 for s in scores),
                      "%s: scores in (0, 1], best first" % cid)
                for r in rel:
                    links += 1
                    o = r["id"]
                    check(o != cid and o in cases, "%s: links to %s" % (cid, o))
                    if o not in cases:
                        continue
                    for reason in r["reasons"]:
                        check(reason_true(reason, f[cid], f[o], texts[cid],
                                          texts[o]),
                              "%s -> %s: reason true: %s" % (cid, o, reason))
                    back = [x for x in cases[o]["related"] if x["id"] == cid]
                    if back:
                        check(back[0]["reasons"] == r["reasons"] and
                              abs(back[0]["score"] - r["score"]) < 1e-9,
                              "%s <-> %s: same score and reasons" % (cid, o))
            check(links > 0, "%s: some links" % name)
            qrels = os.path.join(root, "..", "shared", "qrels",
                                 "similar-seeds.tsv")
            if name == "corpus" and os.path.exists(qrels):
                judged_report(cases, qrels)
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
