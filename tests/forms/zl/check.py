#!/usr/bin/env python3
"""Standalone validator for estimate set 35.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]

Checks: gold.json parses and has the export keys/types; gold.jsonl holds the same cases;
every source exists in docs/; each doc decodes strictly in its declared codec with the
declared BOM and line ends; every gold string occurs in the decoded text after HTML tag
stripping, grid-table cell joining, NFKC and whitespace removal; dates, citations, numbers
and counts render back into forms the document contains; trap values appear nowhere in the gold.
"""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DECL = {  # name -> (codec, BOM, line end)
    "u1_kakamigahara_bessi_grid.txt": ("cp932", False, "\r\n"),
    "u2_itami_suido_ichiran.html":    ("utf-8", False, "\n"),
    "u3_komono_fugi_tab2.txt":        ("euc_jp", False, "\n"),
    "u4_ashiya_byoin_bullets.md":     ("utf-8", True, "\r\n"),
    "u5_nagahama_toushin_iken.txt":   ("utf-8", False, "\n"),
    "u6_ikoma_kisho_inline.txt":      ("shift_jis", False, "\n"),
}
TRAPS = {  # values that must not appear anywhere in the gold for this document
    "u1_kakamigahara_bessi_grid.txt": ["株式会社かかみの電算", "1273", "14", "2021-08-02", "9800", "食物アレルギー", "190"],
    "u2_itami_suido_ichiran.html": ["株式会社こうのいけ計量", "2025-11-13", "2025-11-21", "2025-08-21", "上下水道局お客さまサービス課", "口座番号", "89000", "23000", "3"],
    "u3_komono_fugi_tab2.txt": ["2025-12-19", "218", "株式会社こものシステム工房", "所得に関する情報", "家賃の滞納状況", "2"],
    "u4_ashiya_byoin_bullets.md": ["株式会社芦屋電算サービス", "2025-10-09", "120000", "4200", "個人番号", "公費負担医療の受給者番号", "2025-12-31"],
    "u5_nagahama_toushin_iken.txt": ["45", "6", "772", "2025-10-15", "2025-10-28", "2025-11-13", "7800", "湖北地域福祉サポート株式会社", "病名", "服薬の状況"],
    "u6_ikoma_kisho_inline.txt": ["2041", "42000", "株式会社平群システムサービス", "個人番号", "個人番号カードの暗証番号", "2025-09-18", "2025-09-30"],
}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)), "title": str,
             "date": (str, type(None)), "department": (str, type(None)), "legal_basis": list,
             "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(の\d+)?(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")

problems = []
def bad(msg): problems.append(msg); print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def degrid(text):
    """Join the cells of ASCII grid tables (+---+ / | a | b |) column by column."""
    out, block = [], []
    def flush():
        if block:
            cols = {}
            for row in block:
                for i, cell in enumerate(row.strip().strip("|").split("|")):
                    cols.setdefault(i, []).append(cell.strip())
            out.append("\n".join("".join(v) for _, v in sorted(cols.items())))
            block.clear()
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("|"):
            block.append(s)
        elif s.startswith("+"):
            flush()
        else:
            flush()
    flush()
    return "\n".join(out)

def searchable(name, text):
    t = text
    if name.endswith(".html"):
        t = re.sub(r"<[^>]+>", " ", t)
        t = html.unescape(t)
    return norm(t + "\n" + degrid(text))

KANJI = "〇一二三四五六七八九"
def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = []
    if y >= 2019:
        r = y - 2018
        forms += [f"令和{r}年{m}月{d}日", f"令和{'元' if r == 1 else r}年{m}月{d}日"]
    if 1989 <= y <= 2019:
        forms.append(f"平成{y - 1988}年{m}月{d}日")
    forms += [f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}/{m:02d}/{d:02d}"]
    return forms

def count_forms(n):
    f = {str(n), f"{n:,}"}
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0: f.add(f"{man}万")
        if rest % 1000 == 0 and rest: f.add(f"{man}万{rest // 1000}千")
        if rest: f.add(f"{man}万{rest:,}")
    return {x + "人" for x in f}

def cite_forms(c):
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    return [m.group(2)]

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
    for name, (codec, bom, eol) in DECL.items():
        path = os.path.join(a.docs, name)
        if not os.path.exists(path):
            bad(f"{name}: missing"); continue
        data = open(path, "rb").read()
        has_bom = data.startswith(b"\xef\xbb\xbf")
        if has_bom != bom:
            bad(f"{name}: BOM {'missing' if bom else 'unexpected'}")
        if has_bom: data = data[3:]
        try:
            text = data.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}"); continue
        if codec != "utf-8":
            try:
                data.decode("utf-8"); bad(f"{name}: also decodes as UTF-8 (not really {codec}?)")
            except UnicodeDecodeError:
                pass
        crlf = text.count("\r\n"); lf = text.count("\n")
        if eol == "\r\n" and crlf != lf: bad(f"{name}: expected CRLF only ({crlf}/{lf})")
        if eol == "\n" and crlf: bad(f"{name}: expected LF only, found {crlf} CRLF")
        nl = len(text.splitlines())
        if not 30 <= nl <= 180: bad(f"{name}: {nl} lines, outside 30-180")
        texts[name] = (text, searchable(name, text))
    nproc = 0
    seen_sources = set()
    for i, c in enumerate(cases):
        src = c.get("source")
        where = f"case {i} ({src})"
        for k, v in c.items():
            if k in CASE_KEYS and not isinstance(v, CASE_KEYS[k]) or (k == "subjects_count" and isinstance(v, bool)):
                bad(f"{where}: {k} has type {type(v).__name__}")
            if k not in CASE_KEYS:
                bad(f"{where}: unknown key {k}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c: bad(f"{where}: missing {k}")
        if src not in texts:
            bad(f"{where}: source not in docs/"); continue
        seen_sources.add(src)
        raw, st = texts[src]
        nraw = norm(raw)
        def found(label, s):
            if norm(s) not in st: bad(f"{where}: {label} {s!r} not found in document")
        if c.get("kind") not in KINDS: bad(f"{where}: kind {c.get('kind')!r}")
        for k in ("municipality", "title", "department"):
            if isinstance(c.get(k), str): found(k, c[k])
        num = c.get("number")
        if num is not None:
            if not re.fullmatch(r"\d+", num): bad(f"{where}: number {num!r} not digits")
            elif not re.search(r"(諮問|報告|答申|付議事項)第0*" + num + r"号", st):
                bad(f"{where}: number {num} not rendered as …第{num}号")
        if c.get("date"):
            if not ISO.match(c["date"]) or not any(norm(f) in st for f in date_forms(c["date"])):
                bad(f"{where}: date {c['date']} not found")
        for cit in c.get("legal_basis", []):
            if not CITE.match(cit): bad(f"{where}: citation {cit!r} not normalized")
            elif not any(f in st for f in cite_forms(cit)): bad(f"{where}: citation {cit!r} not in document")
        sc = c.get("subjects_count")
        if isinstance(sc, int) and not any(f in st for f in count_forms(sc)):
            bad(f"{where}: subjects_count {sc} not rendered back")
        for j, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pw = f"{where} proc {j}"
            for k, v in p.items():
                if k not in PROC_KEYS: bad(f"{pw}: unknown key {k}")
                elif not isinstance(v, PROC_KEYS[k]): bad(f"{pw}: {k} has type {type(v).__name__}")
            if p.get("type") not in TYPES: bad(f"{pw}: type {p.get('type')!r}")
            for k in ("title", "partner"):
                if isinstance(p.get(k), str): found(k, p[k])
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals): bad(f"{pw}: duplicate in {k}")
                for v in vals:
                    if not isinstance(v, str): bad(f"{pw}: {k} holds {type(v).__name__}")
                    else: found(k, v)
            for k in ("period_start", "period_end"):
                d = p.get(k)
                if d is not None and (not ISO.match(d) or not any(norm(f) in st for f in date_forms(d))):
                    bad(f"{pw}: {k} {d} not found")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period_start after period_end")
        # traps
        blob = json.dumps(c, ensure_ascii=False)
        vals = set()
        def walk(x):
            if isinstance(x, dict): [walk(v) for v in x.values()]
            elif isinstance(x, list): [walk(v) for v in x]
            elif x is not None: vals.add(str(x))
        walk(c)
        for t in TRAPS.get(src, []):
            if t in vals: bad(f"{where}: trap value {t!r} used in gold")
    for name in DECL:
        if name not in seen_sources: bad(f"{name}: no gold case")
    extra = set(os.listdir(a.docs)) - set(DECL)
    if extra: bad(f"docs/ has undeclared files: {sorted(extra)}")
    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
