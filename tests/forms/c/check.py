#!/usr/bin/env python3
"""Check gold.json against docs/: encodings, lengths, and that every gold string
occurs in its document after NFKC normalisation and removal of all whitespace.
Dates, citations, numbers and counts are rendered back into forms the documents use."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
ENC = {"c05_bekki_yoshiki_sjis.txt": "cp932", "c06_kumiai_fuhyou_euc.txt": "euc_jp", "c07_csv_ichiran.txt": "utf-8-sig"}
CRLF = {"c05_bekki_yoshiki_sjis.txt"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
CASE_KEYS = ["source", "municipality", "kind", "number", "title", "date", "department", "legal_basis", "subjects_count", "procedures"]
PROC_KEYS = ["type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start", "period_end"]
KANJI = "〇一二三四五六七八九"

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def kanji_num(n):
    """1..99 in 漢数字 (十, 二十三)."""
    if n < 10: return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + ("" if o == 0 else KANJI[o])

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    for era, base, start in (("令和", 2018, (2019, 5, 1)), ("平成", 1988, (1989, 1, 8))):
        if (y, m, d) >= start:
            ey = y - base
            for ys in ([str(ey)] + (["元"] if ey == 1 else [])):
                out.append(f"{era}{ys}年{m}月{d}日")
            out.append(f"{era}{'元' if ey == 1 else kanji_num(ey)}年{kanji_num(m)}月{kanji_num(d)}日")
            break
    out.append(f"{y}年{m}月{d}日")
    out.append(f"{y}/{m:02d}/{d:02d}")
    return [norm(x) for x in out]

def cite_forms(c):
    m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+(?:条|項|号))+|別表第\d+(?:第\d+項)?)", c)
    if not m:
        return None, []
    law, rest = m.groups()
    if rest.startswith("別表"):
        nums = list(map(int, re.findall(r"\d+", rest)))
        forms = ["別表第" + "".join(map(str, nums[:1])) + (f"第{nums[1]}項" if len(nums) > 1 else "")]
        if len(nums) > 1:
            forms.append(f"別表第{kanji_num(nums[0])}の{kanji_num(nums[1]) if nums[1] < 100 else nums[1]}の項")
            forms.append(f"別表第{nums[0]}の{nums[1]}の項")
        return law, forms
    parts = re.findall(r"第(\d+)(条|項|号)", rest)
    return law, ["".join(f"第{n}{u}" for n, u in parts), "".join(f"第{kanji_num(int(n))}{u}" for n, u in parts)]

def count_forms(n):
    f = [f"{n:,}", str(n)]
    if n % 10000 == 0: f.append(f"{n // 10000}万")
    return [norm(x) for x in f]

gold = json.load(open(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json"), encoding="utf-8"))
texts = {}
files = sorted(os.listdir(DOCS))
if len(files) != 10: bad(f"expected 10 documents, found {len(files)}")
for fn in files:
    raw = open(os.path.join(DOCS, fn), "rb").read()
    enc = ENC.get(fn, "utf-8")
    try:
        t = raw.decode(enc)
    except UnicodeDecodeError as e:
        bad(f"{fn}: not {enc}: {e}"); continue
    if enc == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"): bad(f"{fn}: no BOM")
    if enc in ("cp932", "euc_jp"):
        try: raw.decode("utf-8"); bad(f"{fn}: decodes as UTF-8, expected {enc}")
        except UnicodeDecodeError: pass
    if fn in CRLF and (b"\r\n" not in raw or raw.count(b"\n") != raw.count(b"\r\n")): bad(f"{fn}: not CRLF throughout")
    if fn not in CRLF and b"\r" in raw: bad(f"{fn}: unexpected CR")
    n = t.count("\n")
    if not 40 <= n <= 200: bad(f"{fn}: {n} lines (want 40-200)")
    if fn.endswith(".html"): t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    texts[fn] = norm(t)

def need(fn, s, what):
    if s is None: return
    if norm(s) not in texts.get(fn, ""):
        bad(f"{fn}: {what} {s!r} not in document")

for i, c in enumerate(gold["cases"]):
    fn = c.get("source")
    if fn not in texts: bad(f"case {i}: unknown source {fn}"); continue
    for k in c:
        if k not in CASE_KEYS: bad(f"{fn}: unknown key {k}")
    if "kind" in c and c["kind"] not in KINDS: bad(f"{fn}: bad kind {c.get('kind')}")
    for k in ("municipality", "title", "department"):
        need(fn, c.get(k), k)
    T = texts[fn]
    if c.get("number") is not None:
        if not re.fullmatch(r"\d+", c["number"]): bad(f"{fn}: number not digits")
        elif not re.search(r"第" + c["number"] + r"号|番号" + c["number"], T): bad(f"{fn}: number {c['number']} not found")
    if c.get("date"):
        if not any(f in T for f in date_forms(c["date"])): bad(f"{fn}: date {c['date']} not found")
    for cit in c.get("legal_basis", []):
        law, forms = cite_forms(cit)
        if law is None: bad(f"{fn}: malformed citation {cit}"); continue
        def and_form(f):  # 第4条第1項第2号及び第3号 -> 条例第4条第1項第3号
            m2 = re.fullmatch(r"(.*)(第[^第]+号)", norm(f))
            return bool(m2) and re.search(re.escape(m2.group(1)) + r"第[0-9一二三四五六七八九十]+号及び" + re.escape(m2.group(2)), T) is not None
        if not any(norm(f) in T or and_form(f) for f in forms): bad(f"{fn}: citation {cit} not found ({forms})")
        if law == "番号法" and "番号法" not in T: bad(f"{fn}: law name 番号法 absent")
        if law in ("条例", "要綱") and law not in T: bad(f"{fn}: law name {law} absent")
    if c.get("subjects_count") is not None:
        if not any(f in T for f in count_forms(c["subjects_count"])): bad(f"{fn}: count {c['subjects_count']} not found")
    for j, p in enumerate(c.get("procedures", [])):
        w = f"proc {j}"
        for k in p:
            if k not in PROC_KEYS: bad(f"{fn}: {w} unknown key {k}")
        if p.get("type") not in TYPES: bad(f"{fn}: {w} bad type {p.get('type')}")
        need(fn, p.get("title"), w + " title")
        need(fn, p.get("partner"), w + " partner")
        for k in ("consignees", "subcontractors", "data_items"):
            vals = p.get(k, [])
            if len(vals) != len(set(vals)): bad(f"{fn}: {w} duplicate {k}")
            for v in vals: need(fn, v, f"{w} {k}")
        for k in ("period_start", "period_end"):
            if p.get(k) and not any(f in T for f in date_forms(p[k])): bad(f"{fn}: {w} {k} {p[k]} not found")

srcs = {c["source"] for c in gold["cases"]}
for fn in texts:
    if fn not in srcs: bad(f"{fn}: no gold case")
print(f"documents: {len(texts)}  cases: {len(gold['cases'])}  procedures: {sum(len(c['procedures']) for c in gold['cases'])}")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
