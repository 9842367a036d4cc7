#!/usr/bin/env python3
"""Standalone validator for estimate set 41. Prints each problem and `problems: N`; exit 1 if any."""
import datetime, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
# declared codec and line end of every document
DECL = {
    "u1_mizuho_kigaki.txt":   ("cp932",     "CRLF"),
    "u2_yoichi_colon.txt":    ("euc_jp",    "LF"),
    "u3_okuizumo_word.txt":   ("utf-8-sig", "CRLF"),
    "u4_hakuba_cms.html":     ("utf-8",     "LF"),
    "u5_tsunan_page.md":      ("utf-8",     "LF"),
    "u6_tsumagoi_list.txt":   ("utf-8",     "CRLF"),
}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)), "title": str,
             "date": (str, type(None)), "department": (str, type(None)), "legal_basis": list,
             "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
REQUIRED_CASE = {"source", "municipality", "kind", "title", "procedures"}
REQUIRED_PROC = {"type"}

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

KD = "〇一二三四五六七八九"
def kanji(n):
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

def num_forms(n):
    return {str(n), kanji(n)}

def date_forms(iso):
    d = datetime.date.fromisoformat(iso)
    forms = set()
    for era, y0 in (("令和", 2018), ("平成", 1988)):
        ey = d.year - y0
        if ey < 1:
            continue
        ys = {str(ey), kanji(ey)} | ({"元"} if ey == 1 else set())
        for y in ys:
            for m in num_forms(d.month):
                for dd in num_forms(d.day):
                    forms.add(f"{era}{y}年{m}月{dd}日")
    forms.add(f"{d.year}年{d.month}月{d.day}日")
    forms.add(f"{d.year}/{d.month:02d}/{d.day:02d}")
    forms.add(f"{d.year}-{d.month:02d}-{d.day:02d}")
    return forms

def count_forms(n):
    forms = {f"{n}人", f"{n:,}人"}
    if n >= 10000 and n % 1000 == 0:
        man, rest = divmod(n, 10000)
        forms.add(f"{man}万人" if rest == 0 else f"{man}万{rest // 1000}千人")
    return forms

def cite_forms(c):
    m = re.fullmatch(r"(.+?)((?:第\d+条)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)", c)
    if not m:
        return None, None
    law, body = m.groups()
    kan = re.sub(r"\d+", lambda x: kanji(int(x.group())), body)
    return law, {body, kan}

def doc_text(name):
    path = os.path.join(DOCS, name)
    raw = open(path, "rb").read()
    codec, eol = DECL[name]
    try:
        text = raw.decode(codec, "strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    if codec == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: declared UTF-8 with BOM but has no BOM")
    if codec == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: unexpected BOM")
    if codec in ("cp932", "euc_jp"):
        try:
            raw.decode("utf-8")
            bad(f"{name}: declared {codec} but is valid UTF-8")
        except UnicodeDecodeError:
            pass
    crlf = raw.count(b"\r\n"); lf = raw.count(b"\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: declared CRLF but {lf - crlf} bare LF")
    if eol == "LF" and b"\r" in raw:
        bad(f"{name}: declared LF but has CR")
    n = text.count("\n")
    if not 60 <= n <= 250:
        bad(f"{name}: {n} lines, want 60-250")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]*>", " ", text)
        text = html.unescape(text)
    return fold(text)

def typecheck(obj, spec, where):
    for k, v in obj.items():
        if k not in spec:
            bad(f"{where}: unknown key {k}")
        elif not isinstance(v, spec[k]) or isinstance(v, bool):
            bad(f"{where}: {k} has type {type(v).__name__}")

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        bad(f"gold.json: {e}"); return
    cases = gold.get("cases") if isinstance(gold, dict) else None
    if not isinstance(cases, list) or not cases:
        bad("gold.json: no cases list"); return
    try:
        jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
        if jl != cases:
            bad("gold.jsonl differs from gold.json")
    except Exception as e:
        bad(f"gold.jsonl: {e}")
    docs = set(os.listdir(DOCS)) if os.path.isdir(DOCS) else set()
    if docs != set(DECL):
        bad(f"docs/ holds {sorted(docs)}, expected {sorted(DECL)}")
    texts = {n: doc_text(n) for n in DECL if n in docs}
    seen_sources = set()
    nproc = 0
    for i, c in enumerate(cases):
        where = f"case {i} ({c.get('source')} / {c.get('title')})"
        if not isinstance(c, dict):
            bad(f"case {i}: not an object"); continue
        typecheck(c, CASE_KEYS, where)
        for k in REQUIRED_CASE - set(c):
            bad(f"{where}: missing {k}")
        src = c.get("source")
        if src not in texts:
            bad(f"{where}: source not in docs/"); continue
        seen_sources.add(src)
        T = texts[src]
        def has(value, label):
            if not isinstance(value, str) or not value:
                bad(f"{where}: {label} empty or not a string"); return
            if fold(value) not in T:
                bad(f"{where}: {label} {value!r} not in document")
        def has_date(value, label):
            try:
                forms = date_forms(value)
            except Exception:
                bad(f"{where}: {label} {value!r} is not an ISO date"); return
            if not any(fold(f) in T for f in forms):
                bad(f"{where}: {label} {value} not found in any rendering")
        if c.get("kind") not in KINDS:
            bad(f"{where}: kind {c.get('kind')!r}")
        for k in ("municipality", "title"):
            has(c.get(k), k)
        if c.get("department") is not None:
            has(c["department"], "department")
        if c.get("date") is not None:
            has_date(c["date"], "date")
        num = c.get("number")
        if num is not None:
            if not re.fullmatch(r"\d+", num):
                bad(f"{where}: number {num!r} not digits")
            elif not any(f"{c['kind']}第{f}号" in T for f in num_forms(int(num))):
                bad(f"{where}: number {num} not found as {c['kind']}第N号")
        for cit in c.get("legal_basis", []) or []:
            law, forms = cite_forms(cit)
            if not forms:
                bad(f"{where}: citation {cit!r} not normalized"); continue
            if law not in T or not any(f in T for f in forms):
                bad(f"{where}: citation {cit!r} not found")
        sc = c.get("subjects_count")
        if sc is not None and not any(fold(f) in T for f in count_forms(sc)):
            bad(f"{where}: subjects_count {sc} not found")
        for j, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pw = f"{where} proc {j}"
            if not isinstance(p, dict):
                bad(f"{pw}: not an object"); continue
            typecheck(p, PROC_KEYS, pw)
            for k in REQUIRED_PROC - set(p):
                bad(f"{pw}: missing {k}")
            if p.get("type") not in TYPES:
                bad(f"{pw}: type {p.get('type')!r}")
            if p.get("title") is not None:
                has(p["title"], "procedure title")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals):
                    bad(f"{pw}: duplicate in {k}")
                for v in vals:
                    has(v, k)
            if p.get("partner") is not None:
                has(p["partner"], "partner")
            for v in p.get("consignees", []) + p.get("subcontractors", []) + [p.get("partner") or ""]:
                if re.search(r"[（(][^）)]*[）)]$", unicodedata.normalize("NFKC", v)):
                    bad(f"{pw}: organisation {v!r} keeps a trailing parenthesised note")
            for k in ("period_start", "period_end"):
                if p.get(k) is not None:
                    has_date(p[k], k)
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period_start after period_end")
            if p.get("type") == "再委託" and not p.get("subcontractors"):
                bad(f"{pw}: 再委託 without subcontractors")
    for n in set(DECL) - seen_sources:
        bad(f"{n}: no gold case")
    print(f"{len(cases)} cases, {nproc} procedures, {len(texts)} documents")

if __name__ == "__main__":
    main()
    print(f"problems: {len(problems)}")
    sys.exit(1 if problems else 0)
