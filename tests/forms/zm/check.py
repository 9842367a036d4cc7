#!/usr/bin/env python3
"""Standalone validator for estimate set 34.

python3 check.py [--gold gold.json] [--docs docs]

Checks: gold.json and gold.jsonl parse and agree; keys, kinds, procedure types and value types;
every source exists in docs/; every docs file decodes strictly in its declared codec with the
declared BOM and line ends; every gold string occurs in its decoded document after (HTML tag
stripping and entity unescaping,) NFKC and removal of all whitespace; dates, citations, case
numbers and counts render back into forms the document contains; no trap value is in the gold.
"""
import argparse
import datetime
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

DOCS = {  # name -> (codec, BOM, line end)
    "h1_hino_beppyo_pdfcopy.txt": ("utf-8", True, "CRLF"),
    "h2_koganei_danraku.txt": ("euc_jp", False, "LF"),
    "h3_hitachinaka_gdocs.html": ("utf-8", False, "LF"),
    "h4_osaki_aratamebun.txt": ("cp932", False, "CRLF"),
    "h5_kumagaya_todokede_ichiran.md": ("utf-8", False, "LF"),
    "h6_aizuwakamatsu_browsercopy.txt": ("utf-8", False, "CRLF"),
}

# values that must not appear anywhere in a document's gold cases
TRAPS = {
    "h1_hino_beppyo_pdfcopy.txt": ["株式会社高幡データプリント", "2025-11-06", 71000, "214", "個人番号", "課税標準額の内訳"],
    "h2_koganei_danraku.txt": ["一般社団法人のがわケアネット", "883", 1800, 420, "2023-11-29", "介護保険の認定情報", "訪問記録の全文"],
    "h3_hitachinaka_gdocs.html": ["有限会社勝田オフィスサービス", "2025-11-13", "2025-11-19", "2026-02-19", 32000, "クレジットカード番号", "総務部総務課"],
    "h4_osaki_aratamebun.txt": ["株式会社みちのくネットワークサービス", "電話番号", "2023-12-01", "2026-03-31", "2023-11-16", 62000, "502", "318"],
    "h5_kumagaya_todokede_ichiran.md": ["株式会社妻沼ケアリンク", "空き家実態調査業務", "（未定）", "未定", "2025-11-20", "2025-08-21", "総務部総務課", "主治医意見書の内容"],
    "h6_aizuwakamatsu_browsercopy.txt": ["福島ふたば印刷株式会社", "総務部総務課", "2025-10-21", "2025-10-28", "2025-11-04", "個人番号", "住所", "0028417"],
}

KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)), "title": str,
             "date": (str, type(None)), "department": (str, type(None)), "legal_basis": list,
             "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
CITE = re.compile(r"^(条例|要綱|番号法|法|規則)(第\d+条(の\d+)?(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")

problems = []


def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def decode(path, name):
    codec, bom, eol = DOCS[name]
    raw = open(path, "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != bom:
        bad(f"{name}: BOM {'missing' if bom else 'unexpected'}")
    if has_bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: declared {codec} but is valid UTF-8")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: expected CRLF only ({crlf} CRLF of {lf} LF)")
    if eol == "LF" and crlf:
        bad(f"{name}: expected LF only, found {crlf} CRLF")
    if name.endswith(".html"):
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    return text


def era_forms(iso):
    d = datetime.date.fromisoformat(iso)
    forms = [f"{d.year}年{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}", f"{d.year}-{d.month:02d}-{d.day:02d}"]
    if d >= datetime.date(2019, 5, 1):
        y = d.year - 2018
        forms += [f"令和{y}年{d.month}月{d.day}日", f"R{y}.{d.month}.{d.day}"]
        if y == 1:
            forms.append(f"令和元年{d.month}月{d.day}日")
    return forms


def count_forms(n):
    forms = [str(n), f"{n:,}"]
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0:
            forms.append(f"{man}万人")
        elif rest % 1000 == 0:
            forms.append(f"{man}万{rest // 1000}千")
        forms.append(f"{man}.{str(rest).rjust(4, '0').rstrip('0')}万")
    return forms


def cite_found(cite, text):
    m = re.match(r"^(条例|要綱|番号法|法|規則)(.*)$", cite)
    parts = re.findall(r"第\d+(?:条(?:の\d+)?|項|号)|別表第\d+", m.group(2))
    start = text.find(parts[0])
    while start >= 0:
        pos, ok = start + len(parts[0]), True
        for p in parts[1:]:
            k = text.find(p, pos)
            if k < 0 or k - pos > 12:
                ok = False
                break
            pos = k + len(p)
        if ok:
            return True
        start = text.find(parts[0], start + 1)
    return False


def strings_of(case):
    out = []
    for k in ("municipality", "title", "department", "kind"):
        if isinstance(case.get(k), str):
            out.append((k, case[k]))
    for i, p in enumerate(case.get("procedures", [])):
        for k in ("title", "partner"):
            if isinstance(p.get(k), str):
                out.append((f"procedures[{i}].{k}", p[k]))
        for k in ("consignees", "subcontractors", "data_items"):
            for v in p.get(k, []) or []:
                out.append((f"procedures[{i}].{k}", v))
    return out


def flat_values(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from flat_values(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from flat_values(v)
    else:
        yield obj


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--jsonl", default=os.path.join(HERE, "gold.jsonl"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()

    gold = json.load(open(a.gold, encoding="utf-8"))
    cases = gold["cases"]
    if os.path.exists(a.jsonl):
        jl = [json.loads(l) for l in open(a.jsonl, encoding="utf-8") if l.strip()]
        if jl != cases:
            bad("gold.jsonl does not hold the same cases as gold.json")
    else:
        bad("gold.jsonl missing")

    texts = {}
    for name in DOCS:
        path = os.path.join(a.docs, name)
        if not os.path.exists(path):
            bad(f"{name}: missing from docs/")
            continue
        texts[name] = fold(decode(path, name))
    for name in os.listdir(a.docs):
        if name not in DOCS:
            bad(f"docs/{name}: not declared")

    seen_sources = set()
    nproc = 0
    for ci, c in enumerate(cases):
        tag = f"case {ci} ({c.get('source')} {c.get('title')})"
        for k, v in c.items():
            if k not in CASE_KEYS:
                bad(f"{tag}: unknown key {k}")
            elif not isinstance(v, CASE_KEYS[k]) or isinstance(v, bool):
                bad(f"{tag}: {k} has type {type(v).__name__}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c:
                bad(f"{tag}: required key {k} absent")
        src = c.get("source")
        if src not in DOCS or src not in texts:
            bad(f"{tag}: source not in docs/")
            continue
        seen_sources.add(src)
        text = texts[src]
        if c.get("kind") not in KINDS:
            bad(f"{tag}: bad kind {c.get('kind')}")
        num = c.get("number")
        if num is not None:
            if not re.fullmatch(r"\d+", num):
                bad(f"{tag}: number {num!r} not digits")
            elif not re.search(rf"{c['kind']}第{num}号", text):
                bad(f"{tag}: {c['kind']}第{num}号 not in document")
        for cite in c.get("legal_basis", []):
            if not CITE.match(cite):
                bad(f"{tag}: citation {cite!r} not normalized")
            elif not cite_found(cite, text):
                bad(f"{tag}: citation {cite!r} not rendered in document")
        sc = c.get("subjects_count")
        if sc is not None and not any(fold(f) in text for f in count_forms(sc)):
            bad(f"{tag}: count {sc} not rendered in document")
        dates = [("date", c.get("date"))]
        for i, p in enumerate(c.get("procedures", [])):
            nproc += 1
            for k, v in p.items():
                if k not in PROC_KEYS:
                    bad(f"{tag} proc {i}: unknown key {k}")
                elif not isinstance(v, PROC_KEYS[k]):
                    bad(f"{tag} proc {i}: {k} has type {type(v).__name__}")
                elif isinstance(v, list) and not all(isinstance(x, str) for x in v):
                    bad(f"{tag} proc {i}: {k} holds a non-string")
            if p.get("type") not in TYPES:
                bad(f"{tag} proc {i}: bad type {p.get('type')}")
            lists = [k for k in ("consignees", "subcontractors", "data_items") if k in p]
            for k in lists:
                if len(set(p[k])) != len(p[k]):
                    bad(f"{tag} proc {i}: duplicate in {k}")
            dates += [(f"proc {i} period_start", p.get("period_start")), (f"proc {i} period_end", p.get("period_end"))]
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{tag} proc {i}: period starts after it ends")
        for k, d in dates:
            if d is None:
                continue
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                bad(f"{tag}: {k} {d!r} not ISO")
                continue
            if not any(fold(f) in text for f in era_forms(d)):
                bad(f"{tag}: {k} {d} not rendered in document")
        for k, s in strings_of(c):
            if fold(s) not in text:
                bad(f"{tag}: {k} {s!r} not found in document")
        traps = TRAPS.get(src, [])
        for v in flat_values({k: v for k, v in c.items() if k != "source"}):
            if v in traps:
                bad(f"{tag}: trap value {v!r} in gold")

    for name in DOCS:
        if name not in seen_sources:
            bad(f"{name}: no gold case")
    print(f"documents: {len(DOCS)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
