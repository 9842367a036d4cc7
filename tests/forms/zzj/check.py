#!/usr/bin/env python3
"""Standalone validator for estimate-set-58: gold structure, codecs, and that gold values occur in the docs."""
import html, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
CODECS = {  # declared codec, BOM, line end
    "u1_ebina_cms_table.html": ("utf-8", False, "LF"),
    "u2_tsuchiura_dl.html":    ("cp932", False, "CRLF"),
    "u3_kokubunji_report.md":  ("utf-8", True, "LF"),
    "u4_niiza_tabrows.txt":    ("euc_jp", False, "LF"),
    "u5_kanuma_colon.txt":     ("cp932", False, "CRLF"),
    "u6_abiko_shimon.txt":     ("utf-8", False, "CRLF"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
REQUIRED_CASE = {"source", "municipality", "kind", "title", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
problems = []
def bad(msg): problems.append(msg); print("PROBLEM:", msg)

def fold(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, bom, eol = CODECS[name]
    raw = open(os.path.join(DOCS, name), "rb").read()
    if bom != raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: BOM expectation {bom} not met")
    if bom: raw = raw[3:]
    try:
        t = raw.decode(codec, "strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}"); return ""
    crlf = t.count("\r\n"); lf = t.count("\n")
    if eol == "CRLF" and crlf != lf: bad(f"{name}: expected CRLF everywhere")
    if eol == "LF" and crlf: bad(f"{name}: expected LF only")
    n = lf
    if not (60 <= n <= 250): bad(f"{name}: {n} lines, outside 60-250")
    if name.endswith(".html"):
        t = re.sub(r"<(script|style)\b.*?</\1>", " ", t, flags=re.S | re.I)
        t = re.sub(r"<[^>]+>", " ", t)
        t = html.unescape(t)
    return fold(t)

KANJI_D = "〇一二三四五六七八九"
def era_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}"]
    for era, start in (("令和", 2019), ("平成", 1989)):
        n = y - start + 1
        if n >= 1:
            out.append(f"{era}{n}年{m}月{d}日")
            if n == 1: out.append(f"{era}元年{m}月{d}日")
    return out

def count_forms(n):
    out = [str(n), f"{n:,}"]
    if n % 10000 == 0: out.append(f"{n // 10000}万")
    if n % 1000 == 0 and n > 10000:
        man, sen = divmod(n, 10000)
        if sen % 1000 == 0 and sen: out.append(f"{man}万{sen // 1000}千")
    return out

def cite_ok(c, text):
    m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+条(?:の\d+)?)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)", c)
    if not m: bad(f"citation not normalized: {c}"); return False
    name, art = m.groups()
    # the article part must occur as written; the short name must be defined or used in the doc
    return art in text and name in text

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold["cases"]: bad("gold.jsonl differs from gold.json")
    texts = {n: doc_text(n) for n in CODECS}
    if sorted(os.listdir(DOCS)) != sorted(CODECS): bad(f"docs/ holds {sorted(os.listdir(DOCS))}")
    seen_src = set()
    for i, c in enumerate(gold["cases"]):
        tag = f"case {i} ({c.get('source')})"
        if set(c) - CASE_KEYS: bad(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
        if REQUIRED_CASE - set(c): bad(f"{tag}: missing {REQUIRED_CASE - set(c)}")
        src = c["source"]; seen_src.add(src)
        if src not in CODECS or not os.path.exists(os.path.join(DOCS, src)):
            bad(f"{tag}: source missing"); continue
        T = texts[src]
        def has(label, s):
            if not isinstance(s, str) or not s: bad(f"{tag}: {label} not a non-empty string: {s!r}"); return
            if fold(s) not in T: bad(f"{tag}: {label} {s!r} not in document")
        if c["kind"] not in KINDS: bad(f"{tag}: kind {c['kind']}")
        for k in ("municipality", "title", "department"):
            if k in c and c[k] is not None: has(k, c[k])
        if c.get("number") is not None:
            if not re.fullmatch(r"\d+", c["number"]): bad(f"{tag}: number {c['number']!r}")
            elif not re.search(r"第" + c["number"] + r"号", T): bad(f"{tag}: 第{c['number']}号 not in document")
        if c.get("date") is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]): bad(f"{tag}: date format")
            elif not any(f in T for f in era_forms(c["date"])): bad(f"{tag}: date {c['date']} not in document")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list): bad(f"{tag}: legal_basis not a list")
            for cit in c["legal_basis"]:
                if not cite_ok(cit, T): bad(f"{tag}: citation {cit} not found")
        if c.get("subjects_count") is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or isinstance(n, bool): bad(f"{tag}: subjects_count type")
            elif not any(f in T for f in count_forms(n)): bad(f"{tag}: count {n} not in document")
        if not isinstance(c["procedures"], list) or not c["procedures"]: bad(f"{tag}: no procedures")
        for j, p in enumerate(c["procedures"]):
            ptag = f"{tag} proc {j}"
            if set(p) - PROC_KEYS: bad(f"{ptag}: unknown keys {set(p) - PROC_KEYS}")
            if p.get("type") not in TYPES: bad(f"{ptag}: type {p.get('type')}")
            has("procedure title", p.get("title"))
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list): bad(f"{ptag}: {k} not a list"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{ptag}: {k} duplicates")
                    for v in p[k]: has(k, v)
            if p.get("partner") is not None: has("partner", p["partner"])
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v): bad(f"{ptag}: {k} format")
                    elif not any(f in T for f in era_forms(v)): bad(f"{ptag}: {k} {v} not in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period reversed")
    if seen_src != set(CODECS): bad(f"documents without gold: {set(CODECS) - seen_src}")
    print(f"cases: {len(gold['cases'])}, procedures: {sum(len(c['procedures']) for c in gold['cases'])}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
