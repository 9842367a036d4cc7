#!/usr/bin/env python3
"""Standalone validator for estimate set 45. Prints each problem and `problems: N`; exit 1 if N > 0."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
# declared codec, BOM, line end (kept here so the checker does not trust build_docs.py)
DECLARED = {
    "u1_iwaki_shingikai.html":  ("utf-8",  False, "LF"),
    "u2_otsu_shimonsho.txt":    ("cp932",  False, "CRLF"),
    "u3_neyagawa_houkoku.md":   ("utf-8",  True,  "CRLF"),
    "u4_tottori_setsumei.txt":  ("euc_jp", False, "LF"),
    "u5_miyazaki_houkoku.html": ("utf-8",  False, "CRLF"),
    "u6_yamagata_shimon.md":    ("utf-8",  True,  "LF"),
}
problems = []
def bad(msg): problems.append(msg); print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

# ---------- documents ----------
texts = {}
for name, (codec, bom, eol) in DECLARED.items():
    p = os.path.join(DOCS, name)
    if not os.path.exists(p):
        bad(f"{name}: missing in docs/"); continue
    raw = open(p, "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != bom: bad(f"{name}: BOM {has_bom}, declared {bom}")
    body = raw[3:] if has_bom else raw
    try:
        text = body.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}"); continue
    if codec not in ("utf-8",):
        try:
            body.decode("utf-8"); bad(f"{name}: {codec} file is also valid UTF-8")
        except UnicodeDecodeError:
            pass
    crlf, lf = raw.count(b"\r\n"), raw.count(b"\n")
    if eol == "CRLF" and crlf != lf: bad(f"{name}: not all CRLF ({crlf}/{lf})")
    if eol == "LF" and crlf: bad(f"{name}: has CR")
    if "\ufeff" in text: bad(f"{name}: stray BOM inside text")
    n = text.count("\n")
    if not 60 <= n <= 250: bad(f"{name}: {n} lines (want 60-250)")
    if name.endswith(".html"):
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    t = norm(text)
    if name.endswith(".md"):   # grid/pipe tables: read wrapped cells joined
        t = t + "\u0000" + re.sub(r"[|+=\-]", "", t)
    texts[name] = t

# ---------- gold ----------
try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    cases = gold["cases"]
except Exception as e:
    print("PROBLEM: gold.json:", e); sys.exit(1)
jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
if jl != cases: bad("gold.jsonl differs from gold.json")

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    if (y, m, d) >= (2019, 5, 1): era, ey = "令和", y - 2018
    else: era, ey = "平成", y - 1988
    eys = ["元"] if ey == 1 else []
    eys.append(str(ey))
    return [f"{era}{e}年{m}月{d}日" for e in eys] + [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}"]

def has(t, s): return norm(s) in t

def check_str(src, t, label, s):
    if not isinstance(s, str) or not s.strip():
        bad(f"{src}: {label} is not a non-empty string: {s!r}"); return
    if not has(t, s): bad(f"{src}: {label} {s!r} not in document")

def check_org(src, t, label, s):
    check_str(src, t, label, s)
    if isinstance(s, str) and re.search(r"[（(][^）)]*[）)]$", s):
        bad(f"{src}: {label} {s!r} keeps a trailing parenthesised note")

def check_date(src, t, label, v, allow_null=True):
    if v is None:
        if not allow_null: bad(f"{src}: {label} null")
        return
    if not isinstance(v, str) or not DATE.match(v): bad(f"{src}: {label} bad date {v!r}"); return
    if not any(norm(f) in t for f in date_forms(v)): bad(f"{src}: {label} {v} not rendered in document")

CIT = re.compile(r"^(条例|要綱|規則|番号法|法)((?:第\d+条)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)$")
def check_cit(src, t, c):
    m = CIT.match(c) if isinstance(c, str) else None
    if not m: bad(f"{src}: citation {c!r} malformed"); return
    law, rest = m.groups()
    parts = re.findall(r"第\d+[条項号]", rest)
    if law not in t: bad(f"{src}: law name {law} of {c} not in document")
    # the citation may be written in full, or with a shared head and a 及び tail (第7条第1項第2号及び第3号)
    full = "".join(parts)
    if full in t: return
    head = "".join(parts[:-1])
    for mm in re.finditer(re.escape(head), t):
        window = t[mm.end(): mm.end() + 30]
        if re.match(r"(第\d+号(及び|、))*" + re.escape(parts[-1]), window):
            return
    bad(f"{src}: citation {c} not rendered in document")

def check_count(src, t, v):
    if v is None: return
    if not isinstance(v, int) or isinstance(v, bool) or v <= 0: bad(f"{src}: subjects_count {v!r}"); return
    forms = {f"{v:,}人", f"{v}人"}
    if v % 10000 == 0: forms.add(f"{v // 10000}万人")
    if not any(f in t for f in forms): bad(f"{src}: subjects_count {v} not rendered as a person count")

seen_titles = set()
for i, c in enumerate(cases):
    src = c.get("source")
    tag = f"case {i} ({src})"
    if set(c) - CASE_KEYS: bad(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
    for k in ("source", "municipality", "kind", "title", "procedures"):
        if k not in c: bad(f"{tag}: missing key {k}")
    if src not in texts: bad(f"{tag}: source not in docs/"); continue
    t = texts[src]
    if (src, c.get("title")) in seen_titles: bad(f"{tag}: duplicate source+title")
    seen_titles.add((src, c.get("title")))
    if c.get("kind") not in KINDS: bad(f"{tag}: kind {c.get('kind')!r}")
    check_str(src, t, "municipality", c["municipality"])
    check_str(src, t, "title", c["title"])
    if "department" in c and c["department"] is not None: check_str(src, t, "department", c["department"])
    if "number" in c and c["number"] is not None:
        n = c["number"]
        if not (isinstance(n, str) and n.isdigit()): bad(f"{tag}: number {n!r}")
        elif not any(f"{k}第{n}号" in t for k in ("諮問", "報告", "答申", "評価書")):
            bad(f"{tag}: number {n} not rendered as 諮問/報告第N号")
    if "date" in c: check_date(src, t, "date", c["date"])
    if "legal_basis" in c:
        if not isinstance(c["legal_basis"], list): bad(f"{tag}: legal_basis not a list")
        else:
            for cit in c["legal_basis"]: check_cit(src, t, cit)
    if "subjects_count" in c: check_count(src, t, c["subjects_count"])
    procs = c["procedures"]
    if not isinstance(procs, list): bad(f"{tag}: procedures not a list"); continue
    for j, p in enumerate(procs):
        pt = f"{tag} proc {j}"
        if set(p) - PROC_KEYS: bad(f"{pt}: unknown keys {set(p) - PROC_KEYS}")
        if p.get("type") not in TYPES: bad(f"{pt}: type {p.get('type')!r}")
        if "title" in p and p["title"] is not None: check_str(src, t, f"proc {j} title", p["title"])
        for k in ("consignees", "subcontractors"):
            if k in p:
                if not isinstance(p[k], list): bad(f"{pt}: {k} not a list"); continue
                for o in p[k]: check_org(src, t, f"proc {j} {k}", o)
        if "partner" in p and p["partner"] is not None: check_org(src, t, f"proc {j} partner", p["partner"])
        if p.get("type") == "本人外収集" and p.get("partner") is not None: bad(f"{pt}: 本人外収集 with a partner")
        if p.get("type") == "再委託" and p.get("subcontractors") == []: bad(f"{pt}: 再委託 without subcontractor")
        if "data_items" in p:
            di = p["data_items"]
            if not isinstance(di, list): bad(f"{pt}: data_items not a list")
            else:
                if len(set(di)) != len(di): bad(f"{pt}: duplicate data items")
                for x in di: check_str(src, t, f"proc {j} item", x)
        for k in ("period_start", "period_end"):
            if k in p: check_date(src, t, f"proc {j} {k}", p[k])
        if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
            bad(f"{pt}: period ends before it starts")

for name in DECLARED:
    if name not in {c.get("source") for c in cases}: bad(f"{name}: no gold case")
print(f"{len(cases)} cases, {sum(len(c['procedures']) for c in cases)} procedures, {len(texts)} documents")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
