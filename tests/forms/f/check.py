#!/usr/bin/env python3
"""Check estimate-set-2: encodings, lengths, and that every gold value can be found in its document.

Strings (municipality, title, department, procedure titles, names, data items) must occur in the
document after decoding, stripping HTML tags, NFKC and whitespace removal.  Dates are rendered back
into 和暦 (and 西暦) forms, citations into `条例第N条…` / `（以下「条例」という。）第N条…`, counts into
`N,NNN` / `N` / `N万` forms, numbers into `諮問第N号`; each rendering must occur in the document.
Prints `problems: N`.
"""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
ENC = {  # expected encoding of each document; "utf-8-sig" = with BOM
    "f1_qa_sheet.txt": "utf-8",
    "f2_pipe_ichiran.txt": "cp932",
    "f3_kaigiroku.md": "utf-8",
    "f4_grid_page.html": "utf-8",
    "f5_slide_outline.txt": "utf-8-sig",
}
problems = []


def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def load(name):
    raw = open(os.path.join(DOCS, name), "rb").read()
    enc = ENC[name]
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if (enc == "utf-8-sig") != has_bom:
        bad(f"{name}: BOM presence does not match {enc}")
    if enc == "cp932":
        try:
            raw.decode("utf-8")
            bad(f"{name}: expected CP932 but it decodes as UTF-8")
        except UnicodeDecodeError:
            pass
    text = raw.decode(enc)
    n = len(text.splitlines())
    if not 40 <= n <= 200:
        bad(f"{name}: {n} lines, expected 40-200")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return norm(text)


KAN = "〇一二三四五六七八九"


def kanji_num(n):
    if n == 0:
        return "〇"
    out = ""
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            out += ("" if q == 1 else KAN[q]) + ch
    if n:
        out += KAN[n]
    return out


def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = [f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}.{m}.{d}"]
    for era, start in (("令和", 2019), ("平成", 1989), ("昭和", 1926)):
        if y >= start:
            e = y - start + 1
            forms.append(f"{era}{e}年{m}月{d}日")
            forms.append(f"{era}{'元' if e == 1 else kanji_num(e)}年{kanji_num(m)}月{kanji_num(d)}日")
            if e == 1:
                forms.append(f"{era}元年{m}月{d}日")
    return [norm(f) for f in forms]


def cite_forms(c):
    m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+条)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)", c)
    if not m:
        bad(f"citation not normalized: {c}")
        return []
    law, art = m.groups()
    kan = re.sub(r"\d+", lambda x: kanji_num(int(x.group())), art)
    out = []
    for a in (art, kan):
        out += [law + a, f"(以下「{law}」という。){a}", f"(以下「{law}」という){a}"]
    return [norm(f) for f in out]


def count_forms(n):
    forms = [f"{n:,}", str(n)]
    if n % 10000 == 0:
        forms.append(f"{n // 10000}万")
    elif n % 1000 == 0 and n > 10000:
        forms.append(f"{n // 10000}万{(n % 10000) // 1000}千")
    return [norm("約" + f) for f in forms] + [norm(f + "人") for f in forms]


def need(doc, name, label, value):
    if value is None:
        return
    if norm(value) not in doc:
        bad(f"{name}: {label} {value!r} not found")


def need_any(doc, name, label, value, forms):
    if not any(f in doc for f in forms):
        bad(f"{name}: {label} {value!r} not found in any rendering {forms[:4]}")


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
seen = set()
nproc = 0
for case in gold["cases"]:
    name = case["source"]
    seen.add(name)
    if name not in ENC:
        bad(f"{name}: unknown source")
        continue
    doc = load(name)
    for k in ("municipality", "title", "department"):
        need(doc, name, k, case.get(k))
    if case.get("kind") not in {"諮問", "報告", "付議", "評価書", "その他"}:
        bad(f"{name}: bad kind {case.get('kind')}")
    if case.get("kind") == "諮問" and norm("諮問") not in doc:
        bad(f"{name}: kind 諮問 but no 諮問 in text")
    if case.get("kind") == "報告" and norm("報告") not in doc:
        bad(f"{name}: kind 報告 but no 報告 in text")
    if case.get("number"):
        need_any(doc, name, "number", case["number"], [norm(f"諮問第{case['number']}号")])
    if case.get("date"):
        need_any(doc, name, "date", case["date"], date_forms(case["date"]))
    for c in case.get("legal_basis", []):
        need_any(doc, name, "citation", c, cite_forms(c))
    if case.get("subjects_count") is not None:
        need_any(doc, name, "subjects_count", case["subjects_count"], count_forms(case["subjects_count"]))
    for p in case.get("procedures", []):
        nproc += 1
        if p["type"] not in TYPES:
            bad(f"{name}: bad type {p['type']}")
        need(doc, name, "procedure title", p.get("title"))
        for k in ("consignees", "subcontractors", "data_items"):
            vals = p.get(k, [])
            if len(vals) != len(set(vals)):
                bad(f"{name}: duplicate in {k}")
            for v in vals:
                need(doc, name, k, v)
        need(doc, name, "partner", p.get("partner"))
        for k in ("period_start", "period_end"):
            if p.get(k):
                need_any(doc, name, k, p[k], date_forms(p[k]))
        if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
            bad(f"{name}: period_start after period_end")
for name in ENC:
    if name not in seen:
        bad(f"{name}: no gold case")
for f in os.listdir(DOCS):
    if f not in ENC:
        bad(f"{f}: document without entry")
print(f"cases: {len(gold['cases'])}, procedures: {nproc}")
print(f"problems: {len(problems)}")
sys.exit(1 if problems else 0)
