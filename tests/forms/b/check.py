#!/usr/bin/env python3
"""Check forms-b gold against its documents.

Every gold string must occur in its document after NFKC normalisation and
removal of all whitespace (HTML: tags removed, entities unescaped first).
Dates, citations, numbers and counts are rendered back into the written
forms the documents use and looked up the same way.
"""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
ENCODINGS = {"b06_eucjp_mokutekigai.txt": "euc_jp"}

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def load(name):
    raw = open(os.path.join(DOCS, name), "rb").read()
    enc = ENCODINGS.get(name, "utf-8")
    if enc != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: expected {enc}, but it also decodes as UTF-8")
        except UnicodeDecodeError:
            pass
    text = raw.decode(enc)
    lines = text.count("\n")
    if not 40 <= lines <= 200:
        bad(f"{name}: {lines} lines (want 40-200)")
    if name.endswith(".html"):
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return norm(text)

KANJI = "〇一二三四五六七八九"
def kanji_num(n):
    if n == 0: return "〇"
    s = ""
    if n >= 10:
        t = n // 10
        s += ("" if t == 1 else KANJI[t]) + "十"
        n %= 10
    if n: s += KANJI[n]
    return s

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = []
    for era, base in (("令和", 2018), ("平成", 1988)):
        ey = y - base
        if ey < 1: continue
        for eys in ([str(ey)] + (["元"] if ey == 1 else [])):
            forms.append(f"{era}{eys}年{m}月{d}日")
        forms.append(f"{era}{kanji_num(ey)}年{kanji_num(m)}月{kanji_num(d)}日")
    forms.append(f"{y}年{m}月{d}日")
    return forms

def count_forms(n):
    f = [f"{n:,}人", f"{n}人", f"{n:,}世帯"]
    if n % 10000 == 0: f.append(f"{n // 10000}万人")
    return f

CIT = re.compile(r"^(条例|要綱|番号法|法)((第\d+条(第\d+項)?(第\d+号)?)|別表第(\d+)(第(\d+)項)?)$")
def check_citation(doc, src, c):
    m = CIT.match(c)
    if not m:
        bad(f"{src}: citation not normalized: {c}"); return
    law = m.group(1)
    if law not in doc:
        bad(f"{src}: law name {law} not in document")
    if m.group(3):
        # 第N条第N項第N号 as one run, or the 号 given after the 項 in the same clause
        if m.group(3) not in doc:
            bad(f"{src}: citation {c} not found")
    else:
        table, item = m.group(6), m.group(8)
        forms = [f"別表第{table}第{item}項", f"別表第{table}の{item}の項"] if item else [f"別表第{table}"]
        if not any(f in doc for f in forms):
            bad(f"{src}: citation {c} not found")

def need(doc, src, what, s):
    if not isinstance(s, str) or not s:
        bad(f"{src}: {what} is not a non-empty string: {s!r}"); return
    if norm(s) != unicodedata.normalize("NFKC", s).strip() and re.search(r"\s", s):
        bad(f"{src}: {what} contains whitespace: {s!r}")
    if norm(s) not in doc:
        bad(f"{src}: {what} not in document: {s}")

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
assert set(gold) == {"cases"}
docs = {}
names = sorted(os.listdir(DOCS))
used = set()
nproc = 0
for case in gold["cases"]:
    src = case["source"]
    used.add(src)
    if src not in docs:
        if src not in names:
            bad(f"{src}: no such document"); continue
        docs[src] = load(src)
    doc = docs[src]
    extra = set(case) - CASE_KEYS
    if extra: bad(f"{src}: unknown keys {extra}")
    for k in ("source", "municipality", "kind", "title", "procedures"):
        if k not in case: bad(f"{src}: missing required key {k}")
    need(doc, src, "municipality", case["municipality"])
    need(doc, src, "title", case["title"])
    if case["kind"] not in KINDS: bad(f"{src}: bad kind {case['kind']}")
    elif case["kind"] != "その他" and case["kind"] not in doc:
        bad(f"{src}: kind word {case['kind']} not in document")
    if case.get("number") is not None:
        n = case["number"]
        if not re.fullmatch(r"\d+", n): bad(f"{src}: number not digits: {n}")
        elif not re.search(rf"(?<!\d){n}(?!\d)", doc) or not any(
                f in doc for f in (f"第{n}号", f"評価書番号{n}")):
            bad(f"{src}: number {n} not found as 第{n}号 / 評価書番号{n}")
    if case.get("date") is not None:
        if not any(f in doc for f in date_forms(case["date"])):
            bad(f"{src}: date {case['date']} not found")
    if case.get("department") is not None:
        need(doc, src, "department", case["department"])
    for c in case.get("legal_basis", []):
        check_citation(doc, src, c)
    if case.get("subjects_count") is not None:
        n = case["subjects_count"]
        if not isinstance(n, int) or not any(f in doc for f in count_forms(n)):
            bad(f"{src}: subjects_count {n} not found")
    for p in case["procedures"]:
        nproc += 1
        extra = set(p) - PROC_KEYS
        if extra: bad(f"{src}: unknown procedure keys {extra}")
        if p.get("type") not in TYPES: bad(f"{src}: bad procedure type {p.get('type')}")
        if "title" in p and p["title"] is not None: need(doc, src, "procedure title", p["title"])
        for k in ("consignees", "subcontractors", "data_items"):
            v = p.get(k, [])
            if not isinstance(v, list): bad(f"{src}: {k} not a list"); continue
            if len(v) != len(set(v)): bad(f"{src}: duplicate in {k}")
            for s in v: need(doc, src, k, s)
        if p.get("partner") is not None: need(doc, src, "partner", p["partner"])
        for k in ("period_start", "period_end"):
            if p.get(k) is not None and not any(f in doc for f in date_forms(p[k])):
                bad(f"{src}: {k} {p[k]} not found")

for n in names:
    if n not in used: bad(f"{n}: document has no gold case")
    if not re.match(r"b\d\d_.*\.(txt|md|html)$", n): bad(f"{n}: bad file name")
print(f"documents: {len(names)}  cases: {len(gold['cases'])}  procedures: {nproc}")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
