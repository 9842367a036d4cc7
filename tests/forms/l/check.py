#!/usr/bin/env python3
"""Check estimate-set-8: encodings and lengths of docs/, and that every gold
string occurs in its document after NFKC + whitespace removal (HTML tags
stripped); dates, citations, numbers and counts are rendered back into forms
the documents contain. Prints each problem and finally `problems: N`."""
import html, json, os, re, sys, unicodedata, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
ENC = {"r1_morioka_toushin_waku_sjis.txt": "cp932", "r3_nagasaki_gijiyoushi_euc.txt": "euc_jp"}
CRLF = {"r1_morioka_toushin_waku_sjis.txt"}
FILES = 6
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis", "subjects_count", "procedures"}
PKEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start", "period_end"}
problems = []

def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def load(name):
    raw = open(os.path.join(DOCS, name), "rb").read()
    enc = ENC.get(name, "utf-8")
    if enc != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: expected {enc}, but it is valid UTF-8")
        except UnicodeDecodeError:
            pass
    text = raw.decode(enc)  # strict
    if name in CRLF:
        if raw.count(b"\r\n") != raw.count(b"\n"):
            bad(f"{name}: expected CRLF line ends throughout")
    elif b"\r" in raw:
        bad(f"{name}: unexpected CR")
    lines = text.count("\n")
    if not 40 <= lines <= 200:
        bad(f"{name}: {lines} lines, expected 40-200")
    if name.endswith(".html"):
        text = re.sub(r"<script.*?</script>|<style.*?</style>", "", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return norm(text)

KAN = "〇一二三四五六七八九"
def kanji(n):
    if n == 0: return "〇"
    out = ""
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q: out += ("" if q == 1 else KAN[q]) + ch
    return out + (KAN[n] if n else "")

def kanji_big(n):
    man, rest = divmod(n, 10000)
    if not man: return kanji(n)
    return kanji(man) + "万" + (kanji(rest) if rest else "")

def numforms(n):
    return {str(n), kanji(n)}

def date_forms(iso):
    d = datetime.date.fromisoformat(iso)
    out = set()
    for era, y0 in (("令和", 2018), ("平成", 1988), ("昭和", 1925)):
        ey = d.year - y0
        if ey < 1: continue
        for ys in numforms(ey) | ({"元"} if ey == 1 else set()):
            for ms in numforms(d.month):
                for ds in numforms(d.day):
                    out.add(f"{era}{ys}年{ms}月{ds}日")
    out.add(f"{d.year}年{d.month}月{d.day}日")
    out.add(f"{d.year}/{d.month}/{d.day}")
    return out

def cite_forms(c):
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    if not m: return None, set()
    law, rest = m.groups()
    forms = {rest}
    b = re.match(r"^別表第(\d+)第(\d+)項$", rest)
    if b:
        forms |= {f"別表第{b[1]}の{b[2]}の項", f"別表第{b[1]}の{b[2]}項", f"別表第{kanji(int(b[1]))}の{kanji(int(b[2]))}の項"}
    forms.add(re.sub(r"\d+", lambda x: kanji(int(x[0])), rest))
    return law, forms

def count_forms(n):
    out = {str(n), f"{n:,}", kanji_big(n)}
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0: out.add(f"{man}万")
        if rest % 1000 == 0 and rest: out.add(f"{man}万{rest // 1000}千")
        out.add(f"{n / 10000:g}万")
    return out

def need(doc, name, what, s):
    if s is None: return
    if norm(s) not in doc:
        bad(f"{name}: {what} {s!r} not found")

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
names = sorted(os.listdir(DOCS))
seen = set()
nproc = 0
for c in gold["cases"]:
    name = c["source"]
    seen.add(name)
    if name not in names:
        bad(f"{name}: missing file"); continue
    doc = load(name)
    if set(c) - KEYS: bad(f"{name}: unknown keys {set(c) - KEYS}")
    if c.get("kind") not in KINDS: bad(f"{name}: kind {c.get('kind')}")
    for k in ("municipality", "title", "department"):
        need(doc, name, k, c.get(k))
    if c.get("number") is not None:
        n = c["number"]
        if not n.isdigit(): bad(f"{name}: number {n!r} not digits")
        elif not any(f in doc for f in (f"第{n}号", f"番号{n}", f"第{kanji(int(n))}号")):
            bad(f"{name}: number {n} not found as 第N号/番号N")
    if c.get("date") is not None and not any(f in doc for f in date_forms(c["date"])):
        bad(f"{name}: date {c['date']} not found")
    for cit in c.get("legal_basis", []):
        law, forms = cite_forms(cit)
        if law is None: bad(f"{name}: citation {cit!r} malformed"); continue
        if not any(law + f in doc for f in forms):
            if law in doc and any(f in doc for f in forms):
                pass
            elif re.search(r"第\d+号$", cit) and law in doc and re.search(re.escape(cit[len(law):cit.rfind("第")]) + r"第\d+号及び" + re.escape(cit[cit.rfind("第"):]), doc):
                pass  # 第N条第N項第1号及び第3号 -> two citations
            else:
                bad(f"{name}: citation {cit!r} not found")
    if c.get("subjects_count") is not None:
        if not any(f in doc for f in count_forms(c["subjects_count"])):
            bad(f"{name}: count {c['subjects_count']} not found")
    for i, p in enumerate(c.get("procedures", [])):
        nproc += 1
        where = f"{name} proc {i + 1}"
        if set(p) - PKEYS: bad(f"{where}: unknown keys {set(p) - PKEYS}")
        if p.get("type") not in TYPES: bad(f"{where}: type {p.get('type')}")
        need(doc, where, "title", p.get("title"))
        need(doc, where, "partner", p.get("partner"))
        for k in ("consignees", "subcontractors", "data_items"):
            vals = p.get(k, [])
            if len(vals) != len(set(vals)): bad(f"{where}: duplicate {k}")
            for v in vals:
                need(doc, where, k[:-1], v)
        for k in ("period_start", "period_end"):
            if p.get(k) is not None and not any(f in doc for f in date_forms(p[k])):
                bad(f"{where}: {k} {p[k]} not found")
        if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
            bad(f"{where}: period_start after period_end")
for n in names:
    if n not in seen: bad(f"{n}: no gold case")
if len(names) != FILES: bad(f"{len(names)} files in docs/, expected {FILES}")
exts = {os.path.splitext(n)[1] for n in names}
if not {".txt", ".html", ".md"} <= exts: bad(f"extensions {exts}")
print(f"files: {len(names)}  cases: {len(gold['cases'])}  procedures: {nproc}")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
