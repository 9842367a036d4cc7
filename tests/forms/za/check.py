#!/usr/bin/env python3
"""Check estimate-set-23: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_kikuyo_beppyo_matrix.txt": ("cp932", False, "\r\n"),
    "s2_ugo_tourokubo.txt": ("euc_jp", False, "\n"),
    "s3_eiheiji_kaigiroku.txt": ("utf-8", True, "\r\n"),
    "s4_takanabe_houkoku.md": ("utf-8", False, "\n"),
    "s5_manno_moushide.txt": ("cp932", False, "\n"),
    "s6_tsuruta_tabs.html": ("utf-8", False, "\n"),
}

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import checklib  # noqa: E402
from checklib import (CASE_KEYS, PROC_KEYS, KINDS, TYPES, problems, prob, need, norm,  # noqa: E402
                      kanji, num_forms, date_forms, cite_found, CITE_RE)


def load_doc(path, name):
    """Decode and check one document against ENCODINGS (see checklib.load_doc)."""
    return checklib.load_doc(path, name, ENCODINGS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    docs = {}
    for name in sorted(os.listdir(a.docs)):
        t = load_doc(os.path.join(a.docs, name), name)
        if t is not None:
            docs[name] = t
    for name in ENCODINGS:
        need(os.path.exists(os.path.join(a.docs, name)), f"{name}: missing document")
    gold = json.load(open(a.gold, encoding="utf-8"))
    need(set(gold) == {"cases"}, "gold: top level must be {'cases': [...]}")
    cases = gold.get("cases", [])
    used = set()
    nprocs = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        where = f"case {i} ({src} {c.get('number')})"
        extra = set(c) - CASE_KEYS
        need(not extra, f"{where}: unknown keys {extra}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            need(k in c, f"{where}: missing key {k}")
        text = docs.get(src)
        if text is None:
            prob(f"{where}: source not a readable document")
            continue
        used.add(src)
        need(c.get("kind") in KINDS, f"{where}: bad kind {c.get('kind')}")
        for k in ("municipality", "title", "department", "kind"):
            v = c.get(k)
            if v is not None:
                need(isinstance(v, str) and norm(v) in text, f"{where}: {k} {v!r} not in document")
        num = c.get("number")
        if num is not None:
            need(isinstance(num, str) and num.isdigit(), f"{where}: number must be digits")
            pat = rf"(?:諮問第|報告第|答申第|評価書番号.{{0,12}}?)(?:{num}|{kanji(int(num))})(?!\d)"
            need(re.search(pat, text) is not None, f"{where}: number {num} not rendered in document")
        if c.get("date") is not None:
            try:
                need(any(f in text for f in date_forms(c["date"])), f"{where}: date {c['date']} not in document")
            except ValueError:
                prob(f"{where}: date {c['date']!r} not ISO")
        sc = c.get("subjects_count")
        if sc is not None:
            need(isinstance(sc, int) and not isinstance(sc, bool), f"{where}: subjects_count not int")
            if isinstance(sc, int):
                need(any(norm(f) + "人" in text for f in num_forms(sc)),
                     f"{where}: subjects_count {sc} not rendered as persons in document")
        lb = c.get("legal_basis")
        if lb is not None:
            need(isinstance(lb, list), f"{where}: legal_basis not a list")
            for cite in lb:
                need(CITE_RE.match(cite) is not None, f"{where}: citation {cite!r} not normalized")
                need(cite_found(cite, text), f"{where}: citation {cite!r} not rendered in document")
        for j, p in enumerate(c.get("procedures", [])):
            nprocs += 1
            pw = f"{where} proc {j} ({p.get('type')})"
            extra = set(p) - PROC_KEYS
            need(not extra, f"{pw}: unknown keys {extra}")
            need("type" in p, f"{pw}: missing type")
            need(p.get("type") in TYPES, f"{pw}: bad type {p.get('type')}")
            for k in ("title", "partner"):
                v = p.get(k)
                if v is not None:
                    need(isinstance(v, str) and norm(v) in text, f"{pw}: {k} {v!r} not in document")
            for k in ("consignees", "subcontractors", "data_items"):
                v = p.get(k)
                if v is None:
                    continue
                need(isinstance(v, list), f"{pw}: {k} not a list")
                need(len(v) == len(set(v)), f"{pw}: {k} has duplicates")
                for s in v:
                    need(isinstance(s, str) and norm(s) in text, f"{pw}: {k} item {s!r} not in document")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    try:
                        need(any(f in text for f in date_forms(v)), f"{pw}: {k} {v} not in document")
                    except ValueError:
                        prob(f"{pw}: {k} {v!r} not ISO")
            if p.get("type") == "再委託":
                need(bool(p.get("consignees")), f"{pw}: 再委託 without consignees")
            if p.get("type") not in ("外部結合", "外部提供"):
                need(p.get("partner") is None, f"{pw}: partner only for 外部結合/外部提供")
    for name in docs:
        need(name in used, f"{name}: no gold case")
    jl = os.path.join(os.path.dirname(os.path.abspath(a.gold)), "gold.jsonl")
    if os.path.exists(jl):
        rows = [json.loads(x) for x in open(jl, encoding="utf-8") if x.strip()]
        need(rows == cases, "gold.jsonl differs from gold.json")
    else:
        prob("gold.jsonl missing")
    print(f"documents: {len(docs)}, cases: {len(cases)}, procedures: {nprocs}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
