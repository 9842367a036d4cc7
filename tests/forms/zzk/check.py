#!/usr/bin/env python3
"""Standalone validator for estimate-set-59. Prints problems and exits 1 if any."""
import html, json, pathlib, re, sys, unicodedata

HERE = pathlib.Path(__file__).resolve().parent
DOCS = {  # name: (codec, line end, has BOM)
    "u1_minoh_shimonsho.txt": ("cp932", "CRLF", False),
    "u2_kuwana_toushin.txt": ("euc_jp", "LF", False),
    "u3_sanda_kaigiroku.txt": ("utf-8", "CRLF", True),
    "u4_seto_itaku_houkoku.txt": ("shift_jis", "LF", False),
    "u5_omihachiman_fugi.txt": ("utf-8", "CRLF", False),
    "u6_fuji_shingi_kekka.html": ("utf-8", "LF", False),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
REQUIRED = {"source", "municipality", "kind", "title", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)((第\d+条)(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
problems = []

def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, eol, bom = DOCS[name]
    raw = (HERE / "docs" / name).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf") != bom:
        bad(f"{name}: BOM presence differs from declared")
    if bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return "", ""
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: not all line ends are CRLF")
    if eol == "LF" and crlf:
        bad(f"{name}: CR found in LF file")
    n = lf
    if not 60 <= n <= 250:
        bad(f"{name}: {n} lines (want 60-250)")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    flat = norm(text)
    # table variant: box-drawing verticals removed so wrapped cells join
    boxless = norm(re.sub(r"[│┃|]", "", text))
    return flat, boxless

def era_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    for era, start in (("令和", 2018), ("平成", 1988), ("昭和", 1925)):
        n = y - start
        if n >= 1:
            out.append(f"{era}{'元' if n == 1 else n}年{m}月{d}日")
            out.append(f"{era}{n}年{m}月{d}日")
    out.append(f"{y}年{m}月{d}日")
    return out

def count_forms(n):
    out = {str(n), f"{n:,}"}
    if n % 10000 == 0:
        out.add(f"{n // 10000}万")
    if n % 1000 == 0 and n >= 10000:
        out.add(f"{n // 10000}万{(n % 10000) // 1000}千")
    return out

def occurs(value, texts):
    v = norm(value)
    return any(v in t for t in texts)

def main():
    try:
        gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    except Exception as e:
        bad(f"gold.json does not parse: {e}"); return
    cases = gold.get("cases")
    if not isinstance(cases, list) or not cases:
        bad("gold.json has no cases list"); return
    lines = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    if lines != cases:
        bad("gold.jsonl differs from gold.json")
    texts = {}
    for name in DOCS:
        if not (HERE / "docs" / name).exists():
            bad(f"docs/{name} missing"); continue
        texts[name] = doc_text(name)
    used = set()
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('title')})"
        if set(c) - CASE_KEYS:
            bad(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
        if REQUIRED - set(c):
            bad(f"{tag}: missing keys {REQUIRED - set(c)}")
        src = c.get("source")
        if src not in texts:
            bad(f"{tag}: source not in docs/"); continue
        used.add(src)
        T = texts[src]
        if c.get("kind") not in KINDS:
            bad(f"{tag}: bad kind")
        for k in ("municipality", "title", "department"):
            if k in c and c[k] is not None:
                if not isinstance(c[k], str):
                    bad(f"{tag}: {k} not a string")
                elif k == "department":
                    for part in c[k].split("、"):
                        if not occurs(part, T): bad(f"{tag}: department part {part!r} not in doc")
                elif not occurs(c[k], T):
                    bad(f"{tag}: {k} {c[k]!r} not in doc")
        if "number" in c and c["number"] is not None:
            if not (isinstance(c["number"], str) and c["number"].isdigit()):
                bad(f"{tag}: number must be digit string")
            elif not occurs(f"第{c['number']}号", T):
                bad(f"{tag}: 第{c['number']}号 not in doc")
        if "date" in c and c["date"] is not None:
            if not ISO.match(c["date"]) or not any(occurs(f, T) for f in era_forms(c["date"])):
                bad(f"{tag}: date {c['date']} not found in doc")
        if "legal_basis" in c:
            lb = c["legal_basis"]
            if not isinstance(lb, list):
                bad(f"{tag}: legal_basis not a list")
            for cit in lb:
                m = CITE.match(cit)
                if not m:
                    bad(f"{tag}: citation {cit!r} not normalized"); continue
                if not occurs(m.group(1), T) or not occurs(m.group(2), T):
                    bad(f"{tag}: citation {cit!r} not traceable in doc")
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or isinstance(n, bool):
                bad(f"{tag}: subjects_count not int")
            elif not any(occurs(f, T) for f in count_forms(n)):
                bad(f"{tag}: subjects_count {n} not in doc")
        procs = c.get("procedures")
        if not isinstance(procs, list):
            bad(f"{tag}: procedures not a list"); continue
        for j, p in enumerate(procs):
            pt = f"{tag} proc {j}"
            if set(p) - PROC_KEYS:
                bad(f"{pt}: unknown keys {set(p) - PROC_KEYS}")
            if p.get("type") not in TYPES:
                bad(f"{pt}: bad type {p.get('type')!r}")
            if "title" in p and p["title"] is not None and not occurs(p["title"], T):
                bad(f"{pt}: title not in doc")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list) or not all(isinstance(x, str) for x in p[k]):
                        bad(f"{pt}: {k} not a list of strings"); continue
                    if len(set(p[k])) != len(p[k]):
                        bad(f"{pt}: {k} has duplicates")
                    for x in p[k]:
                        if not occurs(x, T): bad(f"{pt}: {k} value {x!r} not in doc")
            if "partner" in p and p["partner"] is not None and not occurs(p["partner"], T):
                bad(f"{pt}: partner not in doc")
            for k in ("period_start", "period_end"):
                if k in p and p[k] is not None:
                    if not ISO.match(p[k]) or not any(occurs(f, T) for f in era_forms(p[k])):
                        bad(f"{pt}: {k} {p[k]} not in doc")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pt}: period_start after period_end")
    for name in DOCS:
        if name not in used:
            bad(f"docs/{name} has no gold case")
    print(f"{len(cases)} cases, {sum(len(c['procedures']) for c in cases)} procedures, {len(texts)} docs")

main()
print("problems:", len(problems))
sys.exit(1 if problems else 0)
