#!/usr/bin/env python3
"""Standalone validator for estimate set 48 (standard library only). Prints problems and exits 1 if any."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CODECS = {  # must agree with build_docs.py
    "u1_hanamaki_shimon.txt":      ("cp932",     False, "CRLF"),
    "u2_takaoka_fugi_sheet.txt":   ("utf-8",     False, "LF"),
    "u3_komatsu_kekka.html":       ("utf-8",     False, "LF"),
    "u4_yonezawa_word.txt":        ("euc_jp",    False, "LF"),
    "u5_natori_itaku_ichiran.txt": ("utf-8",     True,  "CRLF"),
    "u6_tsuruga_pdf.txt":          ("shift_jis", False, "LF"),
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
problems = []

def bad(msg):
    problems.append(msg); print("PROBLEM:", msg)

def fold(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name, raw):
    codec, bom, eol = CODECS[name]
    if bom != raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: BOM expected={bom}")
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}"); return ""
    if codec != "utf-8":
        try:
            body.decode("utf-8"); bad(f"{name}: {codec} file is also valid UTF-8")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "CRLF" and crlf != lf: bad(f"{name}: not all CRLF")
    if eol == "LF" and crlf: bad(f"{name}: CR found in LF file")
    n = lf + (0 if text.endswith("\n") else 1)
    if not 60 <= n <= 250: bad(f"{name}: {n} lines")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text

def wareki_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    for era, base in (("令和", 2018), ("平成", 1988)):
        e = y - base
        if e >= 1:
            ys = ["元" if e == 1 else str(e)] + ([str(e)] if e == 1 else [])
            for yy in ys:
                out.append(f"{era}{yy}年{m}月{d}日")
    out.append(f"{y}年{m}月{d}日")
    return out

def count_forms(n):
    f = [f"{n}人", f"{n:,}人"]
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0: f.append(f"{man}万人")
        elif rest % 1000 == 0: f.append(f"{man}万{rest // 1000}千人")
    return f

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
        lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    except Exception as e:
        bad(f"gold does not parse: {e}"); return
    if lines != gold.get("cases"): bad("gold.jsonl differs from gold.json")
    docs = {}
    for name in CODECS:
        p = os.path.join(HERE, "docs", name)
        if not os.path.exists(p): bad(f"missing doc {name}"); continue
        docs[name] = fold(doc_text(name, open(p, "rb").read()))
    for name in os.listdir(os.path.join(HERE, "docs")):
        if name not in CODECS: bad(f"undeclared doc {name}")
    nproc = 0
    for i, c in enumerate(gold["cases"]):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        for k in c:
            if k not in CASE_KEYS: bad(f"{tag}: unknown key {k}")
        for k, t in CASE_KEYS.items():
            if k in c and not isinstance(c[k], t): bad(f"{tag}: {k} has type {type(c[k]).__name__}")
        if c.get("kind") not in KINDS: bad(f"{tag}: kind {c.get('kind')}")
        src = c.get("source")
        if src not in docs: bad(f"{tag}: source not in docs"); continue
        D = docs[src]
        def occurs(v, what):
            if fold(v) not in D: bad(f"{tag}: {what} {v!r} not in document")
        for k in ("municipality", "title", "department"):
            if isinstance(c.get(k), str): occurs(c[k], k)
        if c.get("number") is not None:
            if not re.fullmatch(r"\d+", c["number"]): bad(f"{tag}: number not digits")
            elif not re.search(r"(諮問|報告|答申|付議)第0*%s号" % c["number"], D): bad(f"{tag}: number form not found")
        if c.get("date"):
            if not any(f in D for f in wareki_forms(c["date"])): bad(f"{tag}: date {c['date']} not in document")
        if isinstance(c.get("subjects_count"), int):
            if not any(f in D for f in count_forms(c["subjects_count"])): bad(f"{tag}: count not found")
        for cit in c.get("legal_basis", []):
            m = re.fullmatch(r"(条例|要綱|番号法|法)(第\d+条)((?:第\d+項)?)((?:第\d+号)?)", cit)
            if not m: bad(f"{tag}: citation form {cit}"); continue
            law, art, para, item = m.groups()
            if law not in D: bad(f"{tag}: law name {law} not in document")
            ok = False
            for mm in re.finditer(re.escape(art), D):
                window = D[mm.end(): mm.end() + 25]
                if (not para or window.startswith(para) or para in window) and (not item or item in window):
                    ok = True
            if not ok: bad(f"{tag}: citation {cit} not found")
        for j, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pt = f"{tag} proc {j}"
            for k in p:
                if k not in PROC_KEYS: bad(f"{pt}: unknown key {k}")
            for k, t in PROC_KEYS.items():
                if k in p and not isinstance(p[k], t): bad(f"{pt}: {k} type")
            if p.get("type") not in TYPES: bad(f"{pt}: type {p.get('type')}")
            if isinstance(p.get("title"), str): occurs(p["title"], "proc title")
            if isinstance(p.get("partner"), str): occurs(p["partner"], "partner")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals): bad(f"{pt}: duplicate {k}")
                for v in vals:
                    if not isinstance(v, str): bad(f"{pt}: {k} non-string")
                    else: occurs(v, k)
            for k in ("consignees", "subcontractors", "partner"):
                v = p.get(k)
                for s in (v if isinstance(v, list) else [v] if v else []):
                    if re.search(r"[（(][^）)]*[）)]$", s): bad(f"{pt}: {k} keeps a trailing note: {s}")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is None: continue
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v): bad(f"{pt}: {k} not ISO")
                elif not any(f in D for f in wareki_forms(v)): bad(f"{pt}: {k} {v} not in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pt}: period reversed")
    print(f"{len(gold['cases'])} cases, {nproc} procedures, {len(docs)} documents")
    print(f"problems: {len(problems)}")

if __name__ == "__main__":
    main()
    sys.exit(1 if problems else 0)
