#!/usr/bin/env python3
"""Standalone validator for estimate set 43 (no dependency on the program under test).

Checks: gold.json / gold.jsonl parse and agree; keys and value types follow SPEC 4.2 and the
shared gold conventions; every source exists in docs/; every doc decodes strictly in its
declared codec with the declared BOM and line end, and is 60-250 lines; every gold string
occurs in its document after HTML tag stripping, NFKC and whitespace removal; dates, numbers,
counts and citations can be rendered back into a form the document contains."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CASE_KEYS = ["source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"]
PROC_KEYS = ["type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"]
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CITE_RE = re.compile(r"^(条例|要綱|番号法|法)((第\d+条(の\d+)?)(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")

problems = []
def bad(msg):
    problems.append(msg); print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(raw_text, name):
    t = raw_text
    if name.endswith((".html", ".md")):
        t = re.sub(r"<[^>]+>", "", t)
        t = html.unescape(t)
    return norm(t)

def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    forms = {iso, f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}/{m:02d}/{d:02d}"}
    for era, base in (("令和", 2018), ("平成", 1988)):
        n = y - base
        if n >= 1:
            forms.add(f"{era}{'元' if n == 1 else n}年{m}月{d}日")
    return forms

def count_forms(n):
    forms = {str(n), f"{n:,}"}
    man, rest = divmod(n, 10000)
    if man and rest == 0:
        forms.add(f"{man}万")
    if man and rest and rest % 1000 == 0:
        forms.add(f"{man}万{rest // 1000}千")
    return {f + "人" for f in forms}

def main():
    manifest = json.load(open(os.path.join(HERE, "docs_manifest.json"), encoding="utf-8"))
    texts = {}
    for name, m in manifest.items():
        p = os.path.join(HERE, "docs", name)
        if not os.path.exists(p):
            bad(f"{name}: missing in docs/"); continue
        data = open(p, "rb").read()
        has_bom = data.startswith(b"\xef\xbb\xbf")
        if has_bom != m["bom"]:
            bad(f"{name}: BOM {has_bom} but manifest says {m['bom']}")
        if has_bom:
            data = data[3:]
        try:
            t = data.decode(m["codec"], errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {m['codec']}: {e}"); continue
        if m["codec"] != "utf-8":
            try:
                data.decode("utf-8", errors="strict"); bad(f"{name}: {m['codec']} file is also valid UTF-8")
            except UnicodeDecodeError:
                pass
        crlf = t.count("\r\n"); lf = t.count("\n")
        if m["eol"] == "CRLF" and crlf != lf: bad(f"{name}: mixed/LF line ends in a CRLF file")
        if m["eol"] == "LF" and crlf: bad(f"{name}: CR in an LF file")
        nl = len(t.splitlines())
        if not 60 <= nl <= 250: bad(f"{name}: {nl} lines, outside 60-250")
        src = open(os.path.join(HERE, "src", name), encoding="utf-8").read()
        if src.replace("\n", "\r\n" if m["eol"] == "CRLF" else "\n") != t:
            bad(f"{name}: docs/ differs from src/ (rerun build_docs.py)")
        texts[name] = doc_text(t, name)
        print(f"ok  {name}: {m['codec']}{' +BOM' if has_bom else ''} {m['eol']} {nl} lines")

    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    cases = gold["cases"]
    jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if jl != cases: bad("gold.jsonl differs from gold.json")
    used = set()
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        if list(c) != [k for k in CASE_KEYS if k in c] or set(c) - set(CASE_KEYS):
            bad(f"{tag}: unexpected keys/order {list(c)}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c: bad(f"{tag}: required key {k} missing")
        src = c["source"]; used.add(src)
        if src not in texts: bad(f"{tag}: source not in docs/"); continue
        T = texts[src]
        def has(s, what):
            if not isinstance(s, str) or not s: bad(f"{tag}: {what} not a non-empty string: {s!r}"); return
            if norm(s) not in T: bad(f"{tag}: {what} {s!r} not found in {src}")
        if c["kind"] not in KINDS: bad(f"{tag}: kind {c['kind']}")
        has(c["municipality"], "municipality"); has(c["title"], "title")
        if "number" in c and c["number"] is not None:
            if not re.fullmatch(r"\d+", c["number"]): bad(f"{tag}: number not digits")
            elif not re.search(rf"(諮問|報告|答申|付議事項)第{c['number']}号", T):
                bad(f"{tag}: number {c['number']} not found as ...第N号")
        for k in ("date",):
            if k in c and c[k] is not None:
                if not DATE_RE.match(c[k]): bad(f"{tag}: date format")
                elif not any(norm(f) in T for f in date_forms(c[k])): bad(f"{tag}: date {c[k]} not in doc")
        if "department" in c and c["department"] is not None: has(c["department"], "department")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list): bad(f"{tag}: legal_basis not a list")
            for cit in c["legal_basis"]:
                mm = CITE_RE.match(cit)
                if not mm: bad(f"{tag}: citation {cit!r} not normalized"); continue
                if mm.group(1) not in T: bad(f"{tag}: law {mm.group(1)} not in doc")
                for part in re.findall(r"第\d+(?:条(?:の\d+)?|項|号)", cit):
                    if part not in T: bad(f"{tag}: citation part {part} of {cit} not in doc")
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or isinstance(n, bool): bad(f"{tag}: subjects_count not int")
            elif not any(f in T for f in count_forms(n)): bad(f"{tag}: count {n} not rendered in doc")
        if not isinstance(c["procedures"], list) or not c["procedures"]: bad(f"{tag}: no procedures")
        for j, p in enumerate(c["procedures"]):
            ptag = f"{tag} proc {j}"
            if set(p) - set(PROC_KEYS) or "type" not in p: bad(f"{ptag}: keys {list(p)}")
            if p["type"] not in TYPES: bad(f"{ptag}: type {p['type']}")
            if "title" in p and p["title"] is not None: has(p["title"], ptag + " title")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list): bad(f"{ptag}: {k} not a list"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{ptag}: duplicate in {k}")
                    for v in p[k]: has(v, f"{ptag} {k}")
            if "partner" in p and p["partner"] is not None: has(p["partner"], ptag + " partner")
            if p["type"] not in ("外部結合", "外部提供") and p.get("partner") is not None:
                bad(f"{ptag}: partner set on {p['type']}")
            if p["type"] == "再委託" and not p.get("subcontractors") and "subcontractors" in p:
                print(f"note {ptag}: 再委託 without subcontractor")
            for k in ("period_start", "period_end"):
                if k in p and p[k] is not None:
                    if not DATE_RE.match(p[k]): bad(f"{ptag}: {k} format")
                    elif not any(norm(f) in T for f in date_forms(p[k])): bad(f"{ptag}: {k} {p[k]} not in doc")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period reversed")
    for name in texts:
        if name not in used: bad(f"{name}: no gold case")
    print(f"{len(cases)} cases, {sum(len(c['procedures']) for c in cases)} procedures, {len(texts)} docs")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
