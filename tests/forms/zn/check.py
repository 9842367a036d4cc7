#!/usr/bin/env python3
"""Standalone validator for estimate set 36.

python3 check.py [--gold gold.json] [--docs docs]

Checks: gold (and gold.jsonl) parse and agree; keys, kinds, types, numbers,
ISO dates, integer counts and normalized citations; every source exists in
docs/; each doc decodes strictly in its declared codec with the declared BOM
and line ends; every gold string occurs in its decoded document after HTML tag
stripping, NFKC and whitespace removal; dates, numbers, counts and citations
render back into forms the document holds; trap values occur nowhere in the
gold. Prints the problems and `problems: N`; exit status 1 when N > 0.
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

# file -> (codec, BOM, line end)
DECL = {
    "t1_tomakomai_shimonsho.txt": ("cp932", False, "CRLF"),
    "t2_otofuke_fugi.txt": ("euc_jp", False, "LF"),
    "t3_higashihiroshima_houkoku.html": ("utf-8", False, "LF"),
    "t4_tsuyama_shiryo.md": ("utf-8", False, "CRLF"),
    "t5_seibukoiki_toushin.txt": ("utf-8", True, "CRLF"),
    "t6_ishikari_henkou.txt": ("utf-8", True, "LF"),
}

# values that must appear nowhere in the gold (old contractors, reference
# numbers, meeting/schedule dates, non-head counts, items not handed over)
TRAPS = {
    "t1_tomakomai_shimonsho.txt": ["株式会社ほくとデータ入力サービス", "312", "12", "9800", "2025-07-08",
                                   "2023-10-01", "2024-03-31", "主治医意見書"],
    "t2_otofuke_fugi.txt": ["3", "430", "5100", "2025-09-10", "電話番号", "指定金融機関", "転入前の住所地の市区町村"],
    "t3_higashihiroshima_houkoku.html": ["株式会社ひろしま環境サポート", "2025-07-28", "2025-08-04", "22000",
                                         "総務部総務課", "生年月日", "児童生徒の氏名（漢字）"],
    "t4_tsuyama_shiryo.md": ["津山みまもり協力会", "11", "2", "31000", "2025-10-21", "病名", "健康福祉部介護保険課"],
    "t5_seibukoiki_toushin.txt": ["3", "2", "205", "14000", "14", "2025-10-06", "2025-10-20", "2025-11-10",
                                  "救急活動記録の電子化及び医療機関への傷病者情報の送信について"],
    "t6_ishikari_henkou.txt": ["株式会社はまなすプリントセンター", "株式会社あつたメール", "7", "5", "802", "2300",
                               "2023-11-24", "2024-04-01", "2026-03-31", "2024-05-07", "2024-05-31",
                               "通知書の封入封かん業務", "委託先の変更について"],
}

KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis",
             "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start",
             "period_end"}
CITE = re.compile(r"^(条例|要綱|番号法|法|規則)(第\d+条(の\d+)?(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
problems = []


def bad(msg):
    problems.append(msg)


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def decode(path, name):
    codec, bom, eol = DECL[name]
    data = open(path, "rb").read()
    has_bom = data.startswith(b"\xef\xbb\xbf")
    if has_bom != bom:
        bad(f"{name}: BOM {'missing' if bom else 'unexpected'}")
    if has_bom:
        data = data[3:]
    try:
        text = data.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: expected CRLF everywhere ({crlf}/{lf})")
    if eol == "LF" and crlf:
        bad(f"{name}: expected LF, found {crlf} CRLF")
    nlines = lf
    if not 30 <= nlines <= 200:
        bad(f"{name}: {nlines} lines, expected 30..200")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]*>", " ", text)
        text = html.unescape(text)
    return text


def wareki(iso):
    d = datetime.date.fromisoformat(iso)
    forms = []
    if d >= datetime.date(2019, 5, 1):
        y = d.year - 2018
        forms.append(f"令和{'元' if y == 1 else y}年{d.month}月{d.day}日")
    forms.append(f"{d.year}年{d.month}月{d.day}日")
    return forms


def count_forms(n):
    forms = {str(n), f"{n:,}"}
    man, rest = divmod(n, 10000)
    if man and rest == 0:
        forms.add(f"{man}万")
    if man and rest and rest % 1000 == 0:
        forms.add(f"{man}万{rest // 1000}千")
    return {f + "人" for f in forms} | {f + "人" for f in forms}


def gold_strings(case):
    out = [("municipality", case.get("municipality")), ("title", case.get("title")),
           ("department", case.get("department"))]
    for i, p in enumerate(case.get("procedures", [])):
        out.append((f"proc{i}.title", p.get("title")))
        out.append((f"proc{i}.partner", p.get("partner")))
        for k in ("consignees", "subcontractors", "data_items"):
            for v in p.get(k, []) or []:
                out.append((f"proc{i}.{k}", v))
    return [(k, v) for k, v in out if isinstance(v, str)]


def all_values(case):
    vals = []

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k != "source":
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif x is not None:
            vals.append(str(x))
    walk(case)
    return vals


def check_case(c, docs, texts):
    src = c.get("source")
    tag = f"{src} / {c.get('title')}"
    extra = set(c) - CASE_KEYS
    if extra:
        bad(f"{tag}: unknown keys {extra}")
    if src not in DECL:
        bad(f"{tag}: source not declared")
        return
    path = os.path.join(docs, src)
    if not os.path.exists(path):
        bad(f"{tag}: source missing in docs/")
        return
    if src not in texts:
        texts[src] = decode(path, src)
    raw = texts[src]
    t = norm(raw)
    if c.get("kind") not in KINDS:
        bad(f"{tag}: kind {c.get('kind')!r}")
    num = c.get("number")
    if num is not None:
        if not (isinstance(num, str) and num.isdigit()):
            bad(f"{tag}: number {num!r} not digits")
        elif not re.search(rf"(諮問|報告|答申|評価書番号)第?{num}号?", t):
            bad(f"{tag}: number {num} not found as 諮問/報告/答申第N号")
    for key in ("date",):
        v = c.get(key)
        if v is not None:
            if not (isinstance(v, str) and ISO.match(v)):
                bad(f"{tag}: {key} {v!r} not ISO")
            elif not any(norm(f) in t for f in wareki(v)):
                bad(f"{tag}: {key} {v} not in document")
    if "legal_basis" in c:
        lb = c["legal_basis"]
        if not isinstance(lb, list):
            bad(f"{tag}: legal_basis not a list")
        for cit in lb:
            if not CITE.match(cit):
                bad(f"{tag}: citation {cit!r} not normalized")
                continue
            for part in re.findall(r"(?:第|別表第)\d+(?:条|項|号)?", cit):
                if part not in t:
                    bad(f"{tag}: citation part {part} of {cit} not in document")
    if "subjects_count" in c and c["subjects_count"] is not None:
        n = c["subjects_count"]
        if not isinstance(n, int) or isinstance(n, bool):
            bad(f"{tag}: subjects_count {n!r} not int")
        elif not any(f in t for f in count_forms(n)):
            bad(f"{tag}: subjects_count {n} not rendered in document")
    procs = c.get("procedures")
    if not isinstance(procs, list):
        bad(f"{tag}: procedures not a list")
        procs = []
    for i, p in enumerate(procs):
        ptag = f"{tag} / proc{i}"
        if set(p) - PROC_KEYS:
            bad(f"{ptag}: unknown keys {set(p) - PROC_KEYS}")
        if p.get("type") not in TYPES:
            bad(f"{ptag}: type {p.get('type')!r}")
        for k in ("consignees", "subcontractors", "data_items"):
            if k in p:
                if not isinstance(p[k], list) or not all(isinstance(x, str) for x in p[k]):
                    bad(f"{ptag}: {k} not a list of strings")
                elif len(set(p[k])) != len(p[k]):
                    bad(f"{ptag}: {k} has duplicates")
        for k in ("title", "partner"):
            if k in p and p[k] is not None and not isinstance(p[k], str):
                bad(f"{ptag}: {k} not str/null")
        for k in ("period_start", "period_end"):
            v = p.get(k)
            if v is not None:
                if not (isinstance(v, str) and ISO.match(v)):
                    bad(f"{ptag}: {k} {v!r} not ISO")
                elif not any(norm(f) in t for f in wareki(v)):
                    bad(f"{ptag}: {k} {v} not in document")
        if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
            bad(f"{ptag}: period_start after period_end")
    for k, v in gold_strings(c):
        if norm(v) not in t:
            bad(f"{tag}: {k} {v!r} not found in document")
    vals = all_values(c)
    for trap in TRAPS.get(src, []):
        if trap in vals:
            bad(f"{tag}: trap value {trap!r} used in gold")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    try:
        gold = json.load(open(a.gold, encoding="utf-8"))
        cases = gold["cases"]
    except Exception as e:
        print(f"gold does not parse: {e}")
        print("problems: 1")
        return 1
    jl = os.path.splitext(a.gold)[0] + ".jsonl"
    if os.path.exists(jl):
        try:
            lines = [json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()]
            if lines != cases:
                bad("gold.jsonl differs from gold.json")
        except Exception as e:
            bad(f"gold.jsonl does not parse: {e}")
    texts = {}
    for c in cases:
        check_case(c, a.docs, texts)
    for name in DECL:
        if not os.path.exists(os.path.join(a.docs, name)):
            bad(f"{name}: declared but missing in docs/")
        elif name not in texts:
            texts[name] = decode(os.path.join(a.docs, name), name)
            bad(f"{name}: no gold case")
    for p in problems:
        print(p)
    nproc = sum(len(c.get("procedures", [])) for c in cases)
    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
