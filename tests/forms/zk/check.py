#!/usr/bin/env python3
"""Standalone validator for estimate set 32.
usage: python3 check.py [--gold gold.json] [--docs docs]
Checks: gold parses (gold.json and gold.jsonl agree); every source exists in docs/;
each document decodes strictly in its declared codec with the declared BOM and line
ends and has 40-180 lines; keys, kinds, procedure types and value types are allowed;
numbers are digits, dates ISO, counts integers, citations normalized; every gold
string occurs in the decoded document text after NFKC and whitespace removal (HTML:
tags stripped, entities unescaped, form-control values kept); dates, citations,
numbers and counts render back into forms the document contains; no trap value
appears in the gold."""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DECLARED = {  # name -> (codec, bom, line end)
    "k1_sawara_kian.html":         ("utf-8",  False, "\r\n"),
    "k2_yao_yoshiki_tab.txt":      ("cp932",  False, "\r\n"),
    "k3_tochigi_zenkoumoku.txt":   ("utf-8",  False, "\n"),
    "k4_higashiosaka_comment.txt": ("utf-8",  True,  "\r\n"),
    "k5_ishikawa_geppo.html":      ("euc_jp", False, "\n"),
    "k6_shimonoseki_notion.md":    ("utf-8",  False, "\n"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# values a careless reader would take; none may appear in the gold of that document
TRAPS = {
    "k1_sawara_kian.html": ["株式会社油山システム開発", "株式会社早良ソフト工房", "1827", "個人番号", "口座情報",
                            "住所", "保護者及び子の氏名", "市民局総務部情報公開室（個人情報保護担当）",
                            "2025-09-29", "2025-10-06", "2025-10-10", "2025-11-19", "2025-10-31", 6910,
                            "地方自治法施行令第167条の2第1項第1号", "予約確認ＳＭＳの送信業務"],
    "k2_yao_yoshiki_tab.txt": ["社会福祉法人八尾市社会福祉事業団", "総務部総務課", "2025-11-21", 22, 9120,
                               "保護者の緊急連絡先及び医療的配慮事項", "民生委員・児童委員"],
    "k3_tochigi_zenkoumoku.txt": ["有限会社鬼怒川印刷", "15240", 15240, "市町村長", "2023-02-14", "2022-11-01",
                                  "2022-12-01", "2023-01-05", "2022-05-20", "番号法別表第2第116項",
                                  "条例第5条", "健康増進課長"],
    "k4_higashiosaka_comment.txt": ["株式会社なにわテレマーケティング", "963", 32000, "条例第5条第2号",
                                    "2028-03-31", "個人番号", "総務部法務文書課", "総務部情報政策課",
                                    "2025-09-16", "2025-09-22"],
    "k5_ishikawa_geppo.html": ["株式会社のと住宅サービス", "株式会社白山システムサービス", "9", 31000,
                               "総務部県民情報課", "2025-10-29", "2025-11-12", "2025-09-30",
                               "寄附金額", "寄附金の使途", "消費生活相談受付システムの運用保守業務の委託について",
                               "第２１号の次行のとおり", "（元請）北陸エデュケーションシステム株式会社"],
    "k6_shimonoseki_notion.md": ["株式会社長府印刷", "5", "12", 3400, "2025-09-09", "2025-07-30", "2025-10-02",
                                 "2025-09-26", "個人番号", "所得の額", "振込先口座", "総務部総務課", "氏名"],
}

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def doc_text(name, raw):
    if name.endswith(".html"):
        vals = re.findall(r'value="([^"]*)"', raw)
        opts = re.findall(r"<option selected>([^<]*)</option>", raw)
        body = re.sub(r"<[^>]+>", " ", raw)
        raw = body + " " + " ".join(vals + opts)
        raw = html.unescape(raw)
    return norm(raw)

KANJI = "〇一二三四五六七八九"
def kan(n):
    return "".join(KANJI[int(c)] for c in str(n))

def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    out = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}"]
    if y >= 2019:
        r = y - 2018
        out += [f"令和{r}年{m}月{d}日", f"令和{'元' if r == 1 else r}年{m}月{d}日"]
    return out

def cite_forms(c):
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    law, rest = m.groups()
    if rest.startswith("別表"):
        n, k = re.match(r"別表第(\d+)第(\d+)項", rest).groups()
        return [f"別表第{kan(n)}の{k}の項", f"別表第{n}の{k}の項", f"別表第{n}第{k}項"]
    return [rest]

def count_forms(n):
    return [f"{n:,}人", f"{n}人"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as f:
        gold = json.load(f)
    cases = gold["cases"]
    jl = os.path.join(os.path.dirname(a.gold), "gold.jsonl")
    if os.path.exists(jl):
        with open(jl, encoding="utf-8") as f:
            lines = [json.loads(l) for l in f if l.strip()]
        if lines != cases:
            bad("gold.jsonl differs from gold.json")
    texts = {}
    for name, (codec, bom, eol) in DECLARED.items():
        p = os.path.join(a.docs, name)
        if not os.path.exists(p):
            bad(f"{name}: missing from docs/"); continue
        data = open(p, "rb").read()
        if data.startswith(b"\xef\xbb\xbf") != bom:
            bad(f"{name}: BOM expected={bom}")
        if bom:
            data = data[3:]
        try:
            raw = data.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}"); continue
        if codec != "utf-8":
            try:
                data.decode("utf-8"); bad(f"{name}: {codec} file is also valid UTF-8")
            except UnicodeDecodeError:
                pass
        crlf = raw.count("\r\n"); lf = raw.count("\n")
        if eol == "\r\n" and crlf != lf: bad(f"{name}: not all CRLF")
        if eol == "\n" and crlf: bad(f"{name}: CR found in LF file")
        if not 40 <= lf <= 180: bad(f"{name}: {lf} lines")
        if name.endswith(".html"):
            m = re.search(r"charset=\"?([\w-]+)", raw)
            want = {"utf-8": "UTF-8", "euc_jp": "EUC-JP", "cp932": "Shift_JIS"}[codec]
            if not m or m.group(1).upper() != want.upper():
                bad(f"{name}: declared charset {m and m.group(1)} != {want}")
        texts[name] = doc_text(name, raw)
    nproc = 0
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        for k in c:
            if k not in CASE_KEYS: bad(f"{tag}: unknown key {k}")
        src = c.get("source")
        if src not in DECLARED or src not in texts:
            bad(f"{tag}: source not in docs/"); continue
        t = texts[src]
        def has(s, what):
            if norm(s) not in t: bad(f"{tag}: {what} {s!r} not in document")
        if c.get("kind") not in KINDS: bad(f"{tag}: kind {c.get('kind')}")
        for k in ("municipality", "title", "department"):
            if k in c:
                if not isinstance(c[k], (str, type(None))): bad(f"{tag}: {k} type")
                elif c[k] is not None: has(c[k], k)
        if "number" in c and c["number"] is not None:
            n = c["number"]
            if not re.fullmatch(r"\d+", n): bad(f"{tag}: number {n!r}")
            elif not any(f in t for f in (f"第{n}号", f"番号{n}", f"番号:{n}")): bad(f"{tag}: number {n} not rendered")
        if "date" in c and c["date"] is not None:
            if not ISO.match(c["date"]): bad(f"{tag}: date {c['date']}")
            elif not any(norm(f) in t for f in date_forms(c["date"])): bad(f"{tag}: date {c['date']} not in document")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list): bad(f"{tag}: legal_basis type")
            for lb in c["legal_basis"]:
                if not CITE.match(lb): bad(f"{tag}: citation {lb!r} not normalized")
                elif not any(norm(f) in t for f in cite_forms(lb)): bad(f"{tag}: citation {lb} not in document")
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or isinstance(n, bool): bad(f"{tag}: subjects_count type")
            elif not any(f in t for f in count_forms(n)): bad(f"{tag}: count {n} not in document")
        procs = c.get("procedures", [])
        if not isinstance(procs, list): bad(f"{tag}: procedures type"); procs = []
        for j, p in enumerate(procs):
            nproc += 1
            ptag = f"{tag} proc {j}"
            for k in p:
                if k not in PROC_KEYS: bad(f"{ptag}: unknown key {k}")
            if p.get("type") not in TYPES: bad(f"{ptag}: type {p.get('type')}")
            if "title" in p:
                if not isinstance(p["title"], str): bad(f"{ptag}: title type")
                else: has(p["title"], "procedure title")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list) or not all(isinstance(x, str) for x in p[k]):
                        bad(f"{ptag}: {k} type"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{ptag}: {k} has duplicates")
                    for x in p[k]: has(x, k)
            if "partner" in p:
                if not isinstance(p["partner"], (str, type(None))): bad(f"{ptag}: partner type")
                elif p["partner"]: has(p["partner"], "partner")
            for k in ("period_start", "period_end"):
                if k in p and p[k] is not None:
                    if not ISO.match(p[k]): bad(f"{ptag}: {k} {p[k]}")
                    elif not any(norm(f) in t for f in date_forms(p[k])): bad(f"{ptag}: {k} {p[k]} not in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period reversed")
    # traps: no trap value may equal any gold value of that document
    for src, traps in TRAPS.items():
        vals = []
        def walk(v):
            if isinstance(v, dict):
                for x in v.values(): walk(x)
            elif isinstance(v, list):
                for x in v: walk(x)
            else:
                vals.append(v)
        for c in cases:
            if c.get("source") == src:
                walk({k: v for k, v in c.items() if k != "source"})
        for tr in traps:
            if any(v == tr and type(v) == type(tr) for v in vals):
                bad(f"{src}: trap value {tr!r} appears in the gold")
    docs_used = {c.get("source") for c in cases}
    for name in DECLARED:
        if name not in docs_used: bad(f"{name}: no gold case")
    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
