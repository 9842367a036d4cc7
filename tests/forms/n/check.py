#!/usr/bin/env python3
"""Self-check of estimate-set-10: documents and gold.json.

usage: python3 check.py [GOLD.json]      (default: gold.json next to this file)

Checks: encodings / BOM / line endings / line counts of docs/*; gold key names, kinds,
procedure types and value types; every gold string occurs in its document (after decoding,
tag stripping, NFKC and whitespace removal; for the fixed-width table of d03 also per
column, since values wrap inside their column); dates, citations, counts and case numbers
render back into a form that the document contains. Prints each problem and `problems: N`.
"""
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
# file -> (codec, BOM?, line ending)
EXPECT = {
    "d01_kitami_grid.html": ("utf-8", True, "\n"),
    "d02_shimanto_meta.txt": ("utf-8", False, "\n"),
    "d03_sagachubu_fixed.txt": ("cp932", False, "\r\n"),
    "d04_kirishima_jobun.txt": ("euc_jp", False, "\n"),
    "d05_ishigaki_checkbox.txt": ("utf-8", False, "\r\n"),
    "d06_ehime_slash.txt": ("utf-8", False, "\n"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
ERAS = [("令和", 2019), ("平成", 1989), ("昭和", 1926)]
KD = "〇一二三四五六七八九"

problems = []


def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())


def kanji(n):
    """漢数字 (positional-with-units style: 十二, 二十一, 五十六, 百, 千二百)."""
    if n == 0:
        return "〇"
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            out += ("" if d == 1 else KD[d]) + name
    if n:
        out += KD[n]
    return out


def dwidth(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def column_views(text):
    """Rebuild fixed-width tables (no borders) column by column.

    A table starts at a line with >= 4 cells separated by runs of >= 2 spaces; its column
    starts are the display offsets of the header cells. Rows are separated by blank lines;
    the table ends at a line starting with ※ or 注 or two blank lines. Each row becomes
    'cell|cell|...' where each cell joins the slices of that column over the row's lines."""
    lines = text.split("\n")
    views = []
    i = 0
    while i < len(lines):
        cells = [m for m in re.finditer(r"\S+(?: \S+)*", lines[i])]
        if len(cells) >= 4 and re.search(r"\S {2,}\S", lines[i]):
            # display offsets of header cells
            starts = []
            for m in cells:
                starts.append(sum(dwidth(c) for c in lines[i][:m.start()]))
            i += 1
            row, blanks = [], 0
            rows = []
            while i < len(lines):
                ln = lines[i]
                if ln.strip() == "":
                    blanks += 1
                    if row:
                        rows.append(row)
                        row = []
                    if blanks >= 2:
                        break
                    i += 1
                    continue
                if ln.lstrip().startswith(("※", "注")):
                    break
                blanks = 0
                row.append(ln)
                i += 1
            if row:
                rows.append(row)
            for r in rows:
                cols = [""] * len(starts)
                for ln in r:
                    pos = 0
                    for ch in ln:
                        k = max(j for j, s in enumerate(starts) if pos >= s) if pos >= starts[0] else 0
                        cols[k] += ch
                        pos += dwidth(ch)
                views.append("|".join(norm(c) for c in cols))
            continue
        i += 1
    return views


def load_doc(name):
    path = os.path.join(DOCS, name)
    raw = open(path, "rb").read()
    codec, bom, nl = EXPECT[name]
    if raw.startswith(b"\xef\xbb\xbf") != bom:
        bad(f"{name}: BOM expected={bom}")
    try:
        text = raw.decode(codec + ("-sig" if bom else ""))
    except UnicodeDecodeError as e:
        bad(f"{name}: not {codec}: {e}")
        return None
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: decodes as UTF-8, expected {codec}")
        except UnicodeDecodeError:
            pass
    crlf = raw.count(b"\r\n")
    lf = raw.count(b"\n")
    if nl == "\r\n" and crlf != lf:
        bad(f"{name}: expected CRLF everywhere ({crlf}/{lf})")
    if nl == "\n" and crlf:
        bad(f"{name}: unexpected CR")
    text = text.replace("\r\n", "\n")
    n = len(text.rstrip("\n").split("\n"))
    if not 40 <= n <= 180:
        bad(f"{name}: {n} lines, expected 40-180")
    plain = text
    if name.endswith((".html", ".htm")):
        plain = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"(?s)<(script|style).*?</\1>", "", text)))
    views = column_views(text)
    return {"full": norm(plain), "views": views, "text": text}


def occurs(doc, s):
    s = norm(s)
    if s in doc["full"]:
        return True
    return any(s in v for v in doc["views"])


def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    forms = {f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}/{m:02d}/{d:02d}",
             f"{d}{['January','February','March','April','May','June','July','August','September','October','November','December'][m-1]}{y}",
             f"{d}{['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][m-1]}{y}"}
    for era, base in ERAS:
        ey = y - base + 1
        if ey < 1:
            continue
        for ys in ({str(ey), kanji(ey)} | ({"元"} if ey == 1 else set())):
            forms.add(f"{era}{ys}年{m}月{d}日")
            forms.add(f"{era}{ys}年{kanji(m)}月{kanji(d)}日")
    return {norm(f) for f in forms}


def date_in(doc, iso):
    forms = date_forms(iso)
    hay = [doc["full"]] + doc["views"]
    return any(f in h for f in forms for h in hay)


CIT = re.compile(r"^(条例|要綱|番号法|法|規則)((?:第\d+条(?:の\d+)?)?(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)$")


def cite_ok(doc, c):
    m = CIT.match(c)
    if not m or not m.group(2):
        bad(f"citation not normalised: {c}")
        return
    law, rest = m.groups()
    full = doc["full"]
    if law not in full:
        bad(f"citation {c}: law name {law} not in document")
    parts = re.findall(r"(別表|第)(\d+)(条|項|号|)", rest)
    # forms: ASCII as is; 漢数字; 別表第一の五十六の項 style
    ascii_form = rest
    kan_form = re.sub(r"\d+", lambda x: kanji(int(x.group())), rest)
    forms = {ascii_form, kan_form}
    bm = re.match(r"別表第(\d+)第(\d+)項", rest)
    if bm:
        a, b = int(bm.group(1)), int(bm.group(2))
        forms |= {f"別表第{kanji(a)}の{kanji(b)}の項", f"別表第{a}の{b}の項", f"別表第{a}第{b}項"}
    if any(norm(f) in full for f in forms):
        return
    # split citation written 第N条第N項第A号及び第B号: head present and tail present after it
    head = re.sub(r"第\d+(号|項)$", "", rest)
    tail = rest[len(head):]
    if head != rest and (head in full or kanji_num(head) in full) and (f"及び{tail}" in full or f"、{tail}" in full):
        return
    bad(f"citation {c}: no rendering found in document")


def kanji_num(s):
    return re.sub(r"\d+", lambda x: kanji(int(x.group())), s)


def count_ok(doc, n):
    forms = {f"{n:,}", str(n)}
    if n % 10000 == 0:
        forms.add(f"{n // 10000}万")
    elif n % 1000 == 0:
        forms.add(f"{n / 10000:g}万")
    forms.add(kanji(n) if n < 10000 else "")
    hay = [doc["full"]] + doc["views"]
    # must be followed by 人 (a count of persons), possibly after a 万
    for f in forms - {""}:
        for h in hay:
            for m in re.finditer(re.escape(f), h):
                after = h[m.end():m.end() + 2]
                before = h[max(0, m.start() - 1):m.start()]
                if after.startswith("人") and not before[-1:].isdigit() and before[-1:] not in ",.":
                    return True
    return False


def number_ok(doc, num):
    full = doc["full"]
    forms = [f"第{num}号", f"番号:{num}", f"番号{num}", f"no.{num}"]
    forms += [f"第{kanji(int(num))}号"] if num.isdigit() else []
    return any(f.lower() in full.lower() for f in forms)


def check_proc(name, doc, p, where):
    extra = set(p) - PROC_KEYS
    if extra:
        bad(f"{where}: unknown procedure keys {extra}")
    if p.get("type") not in TYPES:
        bad(f"{where}: bad type {p.get('type')!r}")
    for k in ("title", "partner"):
        v = p.get(k)
        if v is not None and (not isinstance(v, str) or not occurs(doc, v)):
            bad(f"{where}: {k} {v!r} not in document")
    for k in ("consignees", "subcontractors", "data_items"):
        if k in p:
            if not isinstance(p[k], list):
                bad(f"{where}: {k} not a list")
                continue
            if len(set(map(norm, p[k]))) != len(p[k]):
                bad(f"{where}: {k} has duplicates")
            for v in p[k]:
                if not isinstance(v, str) or not occurs(doc, v):
                    bad(f"{where}: {k} item {v!r} not in document")
    if p.get("partner") and p.get("type") not in ("外部結合", "外部提供"):
        bad(f"{where}: partner set for type {p.get('type')}")
    if p.get("type") in ("外部結合", "外部提供", "目的外利用", "本人外収集", "電子計算機記録") and p.get("consignees"):
        bad(f"{where}: consignees set for {p.get('type')}")
    if p.get("type") == "再委託" and "subcontractors" in p and not isinstance(p["subcontractors"], list):
        bad(f"{where}: subcontractors")
    for k in ("period_start", "period_end"):
        v = p.get(k)
        if v is None:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(v)):
            bad(f"{where}: {k} {v!r} not ISO")
        elif not date_in(doc, v):
            bad(f"{where}: {k} {v} not rendered in document")
    if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
        bad(f"{where}: period_start after period_end")


# Trap values planted in each document: they must not appear in its gold (a string trap must not
# be contained in any gold string of that source; dates/numbers/counts/citations must not equal).
TRAPS = {
    "d01_kitami_grid.html": dict(strings=["健康状態", "総務部総務課", "ISMAP", "新規", "TLS"],
        dates=["2025-10-16", "2025-10-20"], numbers=["215", "16"], counts=[1143, 28], cites=["第66条"]),
    "d02_shimanto_meta.txt": dict(strings=["プライバシーマーク", "一部変更", "総務課", "病名", "個人番号", "高齢者支援課"],
        dates=["2025-12-01", "2025-11-27", "2022-08-25"], numbers=["682", "683"], counts=[9400, 3], cites=["第49条の10"]),
    "d03_sagachubu_fixed.txt": dict(strings=["プライバシーマーク", "国保連合会", "委託元", "総務課", "期限の定め"],
        dates=["2026-01-22", "2025-09-30"], numbers=["408"], counts=[310, 46, 5], cites=[]),
    "d04_kirishima_jobun.txt": dict(strings=["課税標準額", "口座", "戸籍に記載された事項", "空家対策係", "報告）"],
        dates=["2025-06-30", "2025-10-20"], numbers=["77"], counts=[2100], cites=["第22条"]),
    "d05_ishigaki_checkbox.txt": dict(strings=["個人番号", "在留カード番号", "口座情報", "那覇市", "総務部総務課", "Name", "多文化共生担当"],
        dates=["2025-10-08"], numbers=["109"], counts=[12, 1050], cites=["第19条の16"]),
    "d06_ehime_slash.txt": dict(strings=["松山フォーム工業", "法務・情報公開課", "児童扶養手当法", "手当給付係"],
        dates=["2025-06-18", "2025-06-23", "2022-07-01", "2024-05-27", "2025-07-02"], numbers=[], counts=[], cites=["第4条"]),
}


def check_traps(c, where):
    t = TRAPS.get(c.get("source"))
    if not t:
        return
    strs = [c.get(k) for k in ("municipality", "title", "department")]
    dates = [c.get("date")]
    for p in c.get("procedures") or []:
        strs += [p.get("title"), p.get("partner")] + list(p.get("consignees") or []) \
            + list(p.get("subcontractors") or []) + list(p.get("data_items") or [])
        dates += [p.get("period_start"), p.get("period_end")]
    for s in filter(None, strs):
        for trap in t["strings"]:
            if norm(trap) in norm(s):
                bad(f"{where}: gold value {s!r} contains trap {trap!r}")
    for d in filter(None, dates):
        if d in t["dates"]:
            bad(f"{where}: gold date {d} is a trap date")
    if c.get("number") in t["numbers"]:
        bad(f"{where}: number {c.get('number')} is a trap (reference number, not case number)")
    if c.get("subjects_count") in t["counts"]:
        bad(f"{where}: subjects_count {c.get('subjects_count')} is a trap count")
    for cit in c.get("legal_basis") or []:
        for trap in t["cites"]:
            if re.search(re.escape(trap) + r"(?![\dの])", cit):
                bad(f"{where}: citation {cit} is a trap citation")


def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json")
    files = sorted(os.listdir(DOCS))
    if set(files) != set(EXPECT):
        bad(f"docs/ holds {files}, expected {sorted(EXPECT)}")
    docs = {f: load_doc(f) for f in files if f in EXPECT}
    try:
        gold = json.load(open(gold_path, encoding="utf-8"))
    except Exception as e:
        bad(f"gold not JSON: {e}")
        gold = {"cases": []}
    if set(gold) != {"cases"} or not isinstance(gold.get("cases"), list):
        bad("gold must be {\"cases\": [...]}")
    cases = gold.get("cases", [])
    seen_src = set()
    nproc = 0
    for i, c in enumerate(cases):
        where = f"case {i} ({c.get('source')} {c.get('number')})"
        extra = set(c) - CASE_KEYS
        if extra:
            bad(f"{where}: unknown keys {extra}")
        for k in ("source", "title", "kind", "municipality"):
            if k not in c:
                bad(f"{where}: missing {k}")
        name = c.get("source")
        if name not in docs or docs[name] is None:
            bad(f"{where}: source {name!r} not a document")
            continue
        seen_src.add(name)
        doc = docs[name]
        if c.get("kind") not in KINDS:
            bad(f"{where}: bad kind {c.get('kind')!r}")
        elif c["kind"] != "その他" and c["kind"] not in doc["full"]:
            bad(f"{where}: kind {c['kind']} never written in document")
        for k in ("municipality", "title", "department"):
            v = c.get(k)
            if v is not None and (not isinstance(v, str) or not occurs(doc, v)):
                bad(f"{where}: {k} {v!r} not in document")
        num = c.get("number")
        if num is not None:
            if not (isinstance(num, str) and num.isdigit()):
                bad(f"{where}: number {num!r} not a digit string")
            elif not number_ok(doc, num):
                bad(f"{where}: number {num} not rendered in document")
        d = c.get("date")
        if d is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d)):
                bad(f"{where}: date {d!r} not ISO")
            elif not date_in(doc, d):
                bad(f"{where}: date {d} not rendered in document")
        lb = c.get("legal_basis")
        if lb is not None:
            if not isinstance(lb, list):
                bad(f"{where}: legal_basis not a list")
            else:
                if len(set(lb)) != len(lb):
                    bad(f"{where}: legal_basis duplicates")
                for cit in lb:
                    cite_ok(doc, cit)
        n = c.get("subjects_count")
        if n is not None:
            if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
                bad(f"{where}: subjects_count {n!r} not a positive int")
            elif not count_ok(doc, n):
                bad(f"{where}: subjects_count {n} not rendered as a person count in document")
        check_traps(c, where)
        procs = c.get("procedures", [])
        if not isinstance(procs, list):
            bad(f"{where}: procedures not a list")
            continue
        for j, p in enumerate(procs):
            check_proc(name, doc, p, f"{where} proc {j}")
        nproc += len(procs)
    for f in docs:
        if f not in seen_src:
            bad(f"{f}: no gold case")
    print(f"documents: {len(docs)}  cases: {len(cases)}  procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
