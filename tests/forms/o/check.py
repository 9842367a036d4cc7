#!/usr/bin/env python3
"""Check estimate-set-11: documents (encoding, line ends, length) and gold.json.

usage: check.py [GOLD.json]     (default: gold.json next to this file)

Every gold string must occur in its document after decoding, HTML tag
stripping, NFKC and whitespace removal (for the fixed-width table of f06 the
cells are also re-joined column by column, as a reader does). Dates, counts,
case numbers and citations must render back into a form the document holds.
Prints each problem and a final `problems: N`.
"""
import codecs
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")

# file -> (codec, BOM expected, line ending)
EXPECT = {
    "a01_morioka_shimon.txt": ("utf-8", True, "\r\n"),
    "b02_katsushika_fugi.txt": ("cp932", False, "\r\n"),
    "c03_kurashiki_kaigiroku.txt": ("euc_jp", False, "\n"),
    "d04_yamaguchi_koiki_zenkoumoku.txt": ("utf-8", False, "\n"),
    "e05_arakawa_shingikai.html": ("utf-8", False, "\n"),
    "f06_akita_itaku_houkoku.md": ("utf-8", False, "\n"),
}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
REQUIRED_CASE = {"source", "municipality", "kind", "title", "procedures"}
ERA = {"令和": 2018, "平成": 1988, "昭和": 1925}
KD = "〇一二三四五六七八九"

problems = []


def problem(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def fold(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())


def kanji(n):
    """12 -> 十二, 59 -> 五十九 (for 条/項 numbers written in kanji)."""
    if n == 0:
        return "〇"
    out = ""
    for val, ch in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, val)
        if q:
            out += ("" if q == 1 else KD[q]) + ch
    if n:
        out += KD[n]
    return out


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def fixed_table_cells(text):
    """Re-join the cells of a fenced fixed-width table, column by column."""
    extra = []
    for block in re.findall(r"```\n(.*?)```", text, re.S):
        lines = block.split("\n")
        head = lines[0]
        # column starts from the header (display columns)
        starts, w, prev = [], 0, " "
        for ch in head:
            if ch != " " and prev == " ":
                starts.append(w)
            w += display_width(ch)
            prev = ch
        rows, cur = [], None
        for ln in lines[2:]:
            if not ln.strip():
                continue
            cells = [""] * len(starts)
            w = 0
            for ch in ln:
                col = max(i for i, s in enumerate(starts) if s <= w) if w >= starts[0] else 0
                cells[col] += ch
                w += display_width(ch)
            if cells[0].strip():
                cur = [c for c in cells]
                rows.append(cur)
            elif cur is not None:
                for i, c in enumerate(cells):
                    cur[i] += c
        for r in rows:
            extra.extend(fold(c) for c in r)
    return extra


def load_doc(name):
    path = os.path.join(DOCS, name)
    raw = open(path, "rb").read()
    codec, bom, eol = EXPECT[name]
    if bom != raw.startswith(codecs.BOM_UTF8):
        problem(f"{name}: BOM expected={bom}")
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as e:
        problem(f"{name}: does not decode as {codec}: {e}")
        text = body.decode(codec, "replace")
    if codec != "utf-8":
        try:
            body.decode("utf-8")
            problem(f"{name}: decodes as UTF-8 although {codec} is expected")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "\r\n" and crlf != lf:
        problem(f"{name}: not all line ends are CRLF ({crlf}/{lf})")
    if eol == "\n" and crlf:
        problem(f"{name}: has CRLF line ends")
    text = text.replace("\r\n", "\n")
    nlines = len(text.rstrip("\n").split("\n"))
    if not 40 <= nlines <= 180:
        problem(f"{name}: {nlines} lines, not within 40-180")
    if name.endswith(".html"):
        plain = re.sub(r"<[^>]+>", "\n", text)
        plain = html.unescape(plain)
    else:
        plain = text
    folded = fold(plain)
    cells = fixed_table_cells(text) if name.endswith(".md") else []
    return text, folded, cells, nlines


def occurs(s, folded, cells):
    f = fold(s)
    return f in folded or any(f in c for c in cells)


def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = {f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}.{m}.{d}"}
    for era, base in ERA.items():
        n = y - base
        if n >= 1:
            ns = ["元"] if n == 1 else []
            ns += [str(n), kanji(n)]
            for x in ns:
                forms.add(f"{era}{x}年{m}月{d}日")
                forms.add(f"{era}{x}年{kanji(m)}月{kanji(d)}日")
    return forms


def count_forms(n):
    forms = {str(n), f"{n:,}"}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0:
            forms.add(f"{man}万")
        else:
            forms.add(f"{man}万{rest}")
            if rest % 1000 == 0:
                forms.add(f"{man}万{rest // 1000}千")
            forms.add(f"{man}.{str(rest).rstrip('0')}万" if rest % 1000 == 0 else f"{man}万{rest}")
    return {f + "人" for f in forms}


CIT = re.compile(r"^(条例|要綱|番号法|法)((?:第\d+条)?(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)$")


def citation_ok(c, folded):
    m = CIT.match(c)
    if not m or not m.group(2):
        problem(f"citation not normalised: {c}")
        return
    law, rest = m.groups()
    if rest.startswith("別表"):
        mm = re.match(r"別表第(\d+)(?:第(\d+)項)?", rest)
        t, item = int(mm.group(1)), mm.group(2)
        tforms = [f"別表第{t}", f"別表第{kanji(t)}"]
        if not any(f in folded for f in tforms):
            problem(f"citation {c}: no 別表第{t} in document")
        if item and not any(f in folded for f in (f"{item}の項", f"第{item}項", f"{kanji(int(item))}の項")):
            problem(f"citation {c}: item {item} not in document")
        return
    parts = re.findall(r"第\d+[条項号]", rest)
    full = "".join(parts)
    kfull = "".join(re.sub(r"\d+", lambda x: kanji(int(x.group())), p) for p in parts)
    if full in folded or kfull in folded:
        return
    # 同項第N号 style: the article and paragraph occur, and the last part occurs after 同項/同条
    head = "".join(parts[:-1])
    last = parts[-1]
    if head and head in folded and (f"同項{last}" in folded or f"同条{last}" in folded):
        return
    problem(f"citation {c}: not renderable in document")


def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json")
    docs = {n: load_doc(n) for n in sorted(EXPECT)}
    extra = set(os.listdir(DOCS)) - set(EXPECT)
    if extra:
        problem(f"unexpected files in docs/: {sorted(extra)}")
    try:
        gold = json.load(open(gold_path, encoding="utf-8"))
    except Exception as e:  # noqa
        problem(f"gold does not load: {e}")
        print(f"problems: {len(problems)}")
        return 1
    if set(gold) != {"cases"}:
        problem("gold top level must be exactly {'cases': [...]}")
    cases = gold.get("cases", [])
    used = set()
    nproc = 0
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        if set(c) - CASE_KEYS:
            problem(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
        if REQUIRED_CASE - set(c):
            problem(f"{tag}: missing keys {REQUIRED_CASE - set(c)}")
        src = c.get("source")
        if src not in docs:
            problem(f"{tag}: source not a document")
            continue
        used.add(src)
        text, folded, cells, _ = docs[src]
        if c.get("kind") not in KINDS:
            problem(f"{tag}: bad kind {c.get('kind')}")
        for k in ("municipality", "title", "department"):
            v = c.get(k)
            if v is not None and not isinstance(v, str):
                problem(f"{tag}: {k} not a string")
            elif v:
                parts = v.split("、") if k == "department" else [v]
                for p in parts:
                    if not occurs(p, folded, cells):
                        problem(f"{tag}: {k} '{p}' not in document")
        num = c.get("number")
        if num is not None:
            if not re.fullmatch(r"\d+", num):
                problem(f"{tag}: number not digits-only: {num}")
            elif not (f"第{num}号" in folded or re.search(r"評価書番号評価書名" + num + r"(?!\d)", folded)):
                problem(f"{tag}: number {num} not renderable (第N号 / 評価書番号)")
        d = c.get("date")
        if d is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) or not any(f in folded for f in date_forms(d)):
                problem(f"{tag}: date {d} not in document")
        lb = c.get("legal_basis")
        if lb is not None:
            if not isinstance(lb, list):
                problem(f"{tag}: legal_basis not a list")
            else:
                for cit in lb:
                    citation_ok(cit, folded)
        sc = c.get("subjects_count", None)
        if sc is not None:
            if not isinstance(sc, int):
                problem(f"{tag}: subjects_count not int")
            elif not any(f in folded for f in count_forms(sc)):
                problem(f"{tag}: subjects_count {sc} not in document as a count of persons")
        procs = c.get("procedures")
        if not isinstance(procs, list):
            problem(f"{tag}: procedures not a list")
            continue
        for j, p in enumerate(procs):
            nproc += 1
            pt = f"{tag} proc {j} ({p.get('type')})"
            if set(p) - PROC_KEYS:
                problem(f"{pt}: unknown keys {set(p) - PROC_KEYS}")
            if p.get("type") not in TYPES:
                problem(f"{pt}: bad type {p.get('type')}")
            for k in ("title", "partner"):
                v = p.get(k)
                if v is not None and not occurs(v, folded, cells):
                    problem(f"{pt}: {k} '{v}' not in document")
            for k in ("consignees", "subcontractors", "data_items"):
                if k not in p:
                    continue
                v = p[k]
                if not isinstance(v, list):
                    problem(f"{pt}: {k} not a list")
                    continue
                if len(set(v)) != len(v):
                    problem(f"{pt}: {k} has duplicates")
                for s in v:
                    if not isinstance(s, str) or not occurs(s, folded, cells):
                        problem(f"{pt}: {k} '{s}' not in document")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is None:
                    continue
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                    problem(f"{pt}: {k} not ISO: {v}")
                elif not any(f in folded or any(f in cc for cc in cells) for f in date_forms(v)):
                    problem(f"{pt}: {k} {v} not in document")
            ps, pe = p.get("period_start"), p.get("period_end")
            if ps and pe and ps > pe:
                problem(f"{pt}: period_start after period_end")
            if p.get("type") in ("外部結合", "外部提供") and "partner" in p and not p.get("partner"):
                problem(f"{pt}: {p.get('type')} without partner")
            if p.get("type") not in ("外部結合", "外部提供") and p.get("partner"):
                problem(f"{pt}: partner set on {p.get('type')}")
            if p.get("type") == "再委託" and not p.get("consignees"):
                problem(f"{pt}: 再委託 without its consignee")
    for n in EXPECT:
        if n not in used:
            problem(f"{n}: no gold case")
    ncase = len(cases)
    if not 7 <= ncase <= 9:
        problem(f"{ncase} cases, expected 7-9")
    if nproc < 14:
        problem(f"{nproc} procedures, expected 14+")
    print(f"documents: {len(docs)}, cases: {ncase}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
