#!/usr/bin/env python3
"""Standalone validator for estimate-set-53. Exit 0 and 'problems: 0' when everything holds."""
import html, json, os, re, sys, unicodedata, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = {  # name: (codec, line end)  -- must agree with build_docs.py
    "u1_suzuka_shimon_layout.txt":      ("cp932",     "CRLF"),
    "u2_tajimi_houkoku_pdftotext.txt":  ("utf-8",     "LF"),
    "u3_kariya_fugi.html":              ("euc_jp",    "LF"),
    "u4_nagaizumi_juten_layout.txt":    ("utf-8-sig", "CRLF"),
    "u5_higashiura_shimon_word.txt":    ("shift_jis", "CRLF"),
    "u6_toyokawa_houkoku.md":           ("utf-8",     "CRLF"),
}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)), "title": str,
             "date": (str, type(None)), "department": (str, type(None)), "legal_basis": list,
             "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
KANJI = "〇一二三四五六七八九"
problems = []

def bad(msg):
    problems.append(msg); print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def kanji_num(n):
    if n < 10: return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + (KANJI[o] if o else "")

def load_doc(name):
    codec, eol = MANIFEST[name]
    raw = open(os.path.join(HERE, "docs", name), "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != (codec == "utf-8-sig"):
        bad(f"{name}: BOM presence does not match codec {codec}")
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode strictly as {codec}: {e}"); return ""
    if codec != "utf-8" and codec != "utf-8-sig":
        try:
            raw.decode("utf-8", errors="strict"); bad(f"{name}: also decodes as UTF-8 (codec not exercised)")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "CRLF" and (crlf != lf or crlf == 0): bad(f"{name}: not pure CRLF ({crlf}/{lf})")
    if eol == "LF" and "\r" in text: bad(f"{name}: CR found in LF file")
    nlines = lf + (0 if text.endswith("\n") else 1)
    if not 60 <= nlines <= 250: bad(f"{name}: {nlines} lines, outside 60-250")
    # must round-trip to the UTF-8 master
    src = open(os.path.join(HERE, "src", name), encoding="utf-8").read()
    if text.replace("\r\n", "\n") != src: bad(f"{name}: differs from src/ master")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", "", text); text = html.unescape(text)
    if "_layout" in name:
        # pdftotext -layout: a wrapped label can sit between two lines of a value; also offer the
        # value column alone (everything right of the label column) so such values can be found.
        col = "".join(re.sub(r"^\s*\S+\s{2,}(?=\S)", "", l) for l in text.replace("\r\n", "\n").split("\n"))
        return norm(text) + "\u241e" + norm(col)
    return norm(text)

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    datetime.date(y, m, d)
    forms = []
    for era, base in (("令和", 2018), ("平成", 1988)):
        n = y - base
        if n < 1: continue
        for en in ([str(n)] + (["元"] if n == 1 else [])):
            forms.append(f"{era}{en}年{m}月{d}日")
            forms.append(f"{era}{kanji_num(n) if en != '元' else '元'}年{kanji_num(m)}月{kanji_num(d)}日")
    forms.append(f"{y}年{m}月{d}日")
    return forms

def citation_ok(c, text):
    m = re.fullmatch(r"(条例|要綱|番号法|法)(第\d+条(?:第\d+項)?(?:第\d+号)?|別表第(\d+)第(\d+)項)", c)
    if not m: return False
    law, body = m.group(1), m.group(2)
    if m.group(3):
        x, y = int(m.group(3)), int(m.group(4))
        return (f"別表第{kanji_num(x)}" in text or f"別表第{x}" in text) and (f"{y}の項" in text or f"{kanji_num(y)}の項" in text)
    if body in text: return True
    k = re.sub(r"\d+", lambda mm: kanji_num(int(mm.group())), body)
    return k in text

def count_ok(n, text):
    forms = {str(n), f"{n:,}"}
    if n % 10000 == 0: forms.add(f"{n // 10000}万")
    return any(f in text for f in forms)

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        bad(f"gold.json does not parse: {e}"); return finish()
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold.get("cases"): bad("gold.jsonl differs from gold.json")
    docs = {}
    for name in MANIFEST:
        if not os.path.exists(os.path.join(HERE, "docs", name)): bad(f"docs/{name} missing"); continue
        docs[name] = load_doc(name)
    if sorted(os.listdir(os.path.join(HERE, "docs"))) != sorted(MANIFEST): bad("docs/ holds unexpected files")
    used = set()
    for i, c in enumerate(gold["cases"]):
        tag = f"case {i} ({c.get('source')} {c.get('title', '')[:20]})"
        for k in c:
            if k not in CASE_KEYS: bad(f"{tag}: unknown key {k}")
            elif not isinstance(c[k], CASE_KEYS[k]) or isinstance(c[k], bool): bad(f"{tag}: {k} has wrong type")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c: bad(f"{tag}: required key {k} absent")
        src = c.get("source")
        if src not in docs: bad(f"{tag}: source not in docs/"); continue
        used.add(src); t = docs[src]
        def has(v, what):
            if norm(v) not in t: bad(f"{tag}: {what} {v!r} not found in document")
        if c.get("kind") not in KINDS: bad(f"{tag}: bad kind")
        else: has(c["kind"] if c["kind"] != "付議" else "付議", "kind")
        has(c["municipality"], "municipality"); has(c["title"], "title")
        if c.get("department"): has(c["department"], "department")
        if c.get("number") is not None:
            n = c["number"]
            if not n.isdigit(): bad(f"{tag}: number not digits")
            elif not re.search(r"(諮問第|報告第|答申第)%s号" % n, t) and not re.search(r"評価書名%s" % n, t):
                bad(f"{tag}: number {n} not found as 諮問/報告第N号 or 評価書番号")
        if c.get("date"):
            try:
                if not any(f in t for f in date_forms(c["date"])): bad(f"{tag}: date {c['date']} not in document")
            except ValueError: bad(f"{tag}: invalid date {c['date']}")
        for cit in c.get("legal_basis", []):
            if not isinstance(cit, str) or not citation_ok(cit, t): bad(f"{tag}: citation {cit!r} not normalised or not found")
        if c.get("subjects_count") is not None and not count_ok(c["subjects_count"], t):
            bad(f"{tag}: subjects_count {c['subjects_count']} not found")
        for j, p in enumerate(c.get("procedures", [])):
            ptag = f"{tag} proc {j}"
            for k in p:
                if k not in PROC_KEYS: bad(f"{ptag}: unknown key {k}")
                elif not isinstance(p[k], PROC_KEYS[k]): bad(f"{ptag}: {k} has wrong type")
            if "type" not in p: bad(f"{ptag}: type absent")
            elif p["type"] not in TYPES: bad(f"{ptag}: bad type {p['type']}")
            if p.get("title"): has(p["title"], "procedure title")
            if p.get("partner"): has(p["partner"], "partner")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(vals) != len(set(vals)): bad(f"{ptag}: duplicate {k}")
                for v in vals:
                    if not isinstance(v, str): bad(f"{ptag}: {k} entry not a string")
                    else: has(v, k)
            for k in ("period_start", "period_end"):
                if p.get(k):
                    try:
                        if not any(f in t for f in date_forms(p[k])): bad(f"{ptag}: {k} {p[k]} not in document")
                    except ValueError: bad(f"{ptag}: invalid date {p[k]}")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period_start after period_end")
    for name in MANIFEST:
        if name not in used: bad(f"{name}: no gold case")
    finish()

def finish():
    print(f"problems: {len(problems)}")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
