#!/usr/bin/env python3
"""Check the estimate set: encodings, lengths, and that every gold string occurs in
its document after NFKC normalisation and whitespace removal; dates, counts and
citations must be renderable back into a form the document contains."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
ERAS = [("令和", 2018), ("平成", 1988), ("昭和", 1925)]
KD = dict(zip("〇一二三四五六七八九", "0123456789"))

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def decode(b):
    for enc in ("utf-8-sig", "cp932", "euc_jp"):
        try:
            return b.decode(enc), enc
        except UnicodeDecodeError:
            pass
    return None, None

def kanji_num(s):
    # 十/百/千 style numerals to digits, e.g. 三十一 -> 31
    def conv(m):
        t = m.group(0)
        if not re.search("[十百千]", t):
            return "".join(KD[c] for c in t)
        total, cur = 0, 0
        for c in t:
            if c in KD:
                cur = int(KD[c])
            else:
                total += (cur or 1) * {"十": 10, "百": 100, "千": 1000}[c]
                cur = 0
        return str(total + cur)
    return re.sub("[〇一二三四五六七八九十百千]+", conv, s)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(s.split())

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    for era, base in ERAS:
        n = y - base
        if n >= 1:
            for ns in ([str(n), "元"] if n == 1 else [str(n)]):
                out.append(f"{era}{ns}年{m}月{d}日")
    out.append(f"{y}年{m}月{d}日")
    return out

def count_forms(n):
    out = [str(n), f"{n:,}"]
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0:
            out.append(f"{man}万")
        elif rest % 1000 == 0:
            out.append(f"{man}万{rest // 1000}千")
        out.append(f"{n / 10000:g}万")
    return out

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
ncase = nproc = nstr = 0
for case in gold["cases"]:
    ncase += 1
    src = case["source"]
    path = os.path.join(DOCS, src)
    if not os.path.exists(path):
        bad(f"{src}: missing"); continue
    text, enc = decode(open(path, "rb").read())
    if text is None:
        bad(f"{src}: undecodable"); continue
    lines = text.splitlines()
    if not 40 <= len(lines) <= 200:
        bad(f"{src}: {len(lines)} lines")
    doc = norm(text)
    doc_k = kanji_num(doc)
    print(f"{src}: {enc}, {len(lines)} lines")

    def has(s, what):
        global nstr
        nstr += 1
        if norm(s) not in doc and norm(s) not in doc_k:
            bad(f"{src}: {what} {s!r} not in document")

    if case.get("kind") not in KINDS: bad(f"{src}: kind {case.get('kind')!r}")
    for f in ("municipality", "title", "department"):
        if case.get(f): has(case[f], f)
    if case.get("number"):
        nstr += 1
        if not re.search(r"第" + case["number"] + r"号", doc_k):
            bad(f"{src}: number {case['number']} not as 第N号")
    for key in ("date",):
        if case.get(key):
            nstr += 1
            if not any(f in doc or f in doc_k for f in date_forms(case[key])):
                bad(f"{src}: date {case[key]} not found")
    if case.get("subjects_count") is not None:
        nstr += 1
        if not any(f in doc or f in doc_k for f in count_forms(case["subjects_count"])):
            bad(f"{src}: count {case['subjects_count']} not found")
    for cit in case.get("legal_basis", []):
        nstr += 1
        m = re.match(r"^(.*?)(第\d+条.*|別表.*)$", cit)
        if not m:
            bad(f"{src}: citation {cit!r} malformed"); continue
        law, art = m.groups()
        if law not in doc or (art not in doc and art not in doc_k):
            bad(f"{src}: citation {cit!r} not found")
    for p in case.get("procedures", []):
        nproc += 1
        if p.get("type") not in TYPES: bad(f"{src}: type {p.get('type')!r}")
        if p.get("title"): has(p["title"], "procedure title")
        if p.get("partner"): has(p["partner"], "partner")
        for f in ("consignees", "subcontractors", "data_items"):
            vals = p.get(f, [])
            if len(set(vals)) != len(vals): bad(f"{src}: duplicate in {f}")
            for v in vals: has(v, f)
        for f in ("period_start", "period_end"):
            if p.get(f):
                nstr += 1
                if not re.fullmatch(r"\d{4}-\d\d-\d\d", p[f]) or not any(x in doc or x in doc_k for x in date_forms(p[f])):
                    bad(f"{src}: {f} {p[f]} not found")
        if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
            bad(f"{src}: period reversed")

files = sorted(os.listdir(DOCS))
srcs = {c["source"] for c in gold["cases"]}
for f in files:
    if f not in srcs: bad(f"{f}: no gold case")
encs = {decode(open(os.path.join(DOCS, f), "rb").read())[1] for f in files}
if not encs & {"cp932", "euc_jp"}: bad("no Shift_JIS/EUC-JP document")
if not any(f.endswith(".html") for f in files): bad("no .html document")
if not any(f.endswith(".md") for f in files): bad("no .md document")
print(f"cases: {ncase}, procedures: {nproc}, values checked: {nstr}")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
