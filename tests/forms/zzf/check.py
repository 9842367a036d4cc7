#!/usr/bin/env python3
"""Standalone validator for estimate set 54.

Checks: gold.json / gold.jsonl parse and agree; keys and value types; every source exists in docs/;
each document decodes strictly in its declared codec (BOM and line ends as declared); every gold
string value occurs in its document after HTML tag stripping, NFKC and whitespace removal; dates,
numbers, counts and citations can be rendered back into a form the document contains.
"""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")

DECLARED = {  # name -> (codec, bom, eol)
    "u1_kawanishi_kekka.html":      ("utf-8", False, "LF"),
    "u2_moriguchi_houkoku_dl.html": ("cp932", False, "CRLF"),
    "u3_kusatsu_shimon.md":         ("utf-8", True, "CRLF"),
    "u4_kashihara_houkoku.txt":     ("euc_jp", False, "LF"),
    "u5_niihama_shimon.txt":        ("shift_jis", False, "CRLF"),
    "u6_anan_houkoku.md":           ("utf-8", False, "CRLF"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法|規則)((第\d+条(第\d+項)?(第\d+号)?)|(別表第\d+(第\d+項)?))$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, bom, eol = DECLARED[name]
    raw = open(os.path.join(DOCS, name), "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != bom:
        bad(f"{name}: BOM present={has_bom}, declared {bom}")
    if has_bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode strictly as {codec}: {e}")
        text = raw.decode(codec, errors="replace")
    if codec != "utf-8":
        try:
            raw.decode("utf-8", errors="strict")
            bad(f"{name}: unexpectedly valid UTF-8")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: declared CRLF but {lf - crlf} bare LF")
    if eol == "LF" and crlf:
        bad(f"{name}: declared LF but has CRLF")
    n = lf
    if not (60 <= n <= 250):
        bad(f"{name}: {n} lines, outside 60-250")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    return norm(text)

KANSUJI = "〇一二三四五六七八九十"
def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = {f"{y}年{m}月{d}日", f"{y}/{m}/{d}"}
    if y >= 2019:
        ry = y - 2018
        forms.add(f"令和{ry}年{m}月{d}日")
        if ry == 1:
            forms.add(f"令和元年{m}月{d}日")
    if 1989 <= y <= 2019:
        forms.add(f"平成{y - 1988}年{m}月{d}日")
    return forms

def date_in(iso, text):
    # a date may be written as a range end: "…から令和11年3月31日まで" or "~令和8年3月31日";
    # accept the full form or, for range ends, "X年M月D日" sharing the era prefix.
    return any(f in text for f in date_forms(iso))

def count_forms(n):
    forms = {str(n), f"{n:,}"}
    if n % 10000 == 0:
        forms.add(f"{n // 10000}万")
    if n >= 10000 and n % 1000 == 0:
        man, sen = divmod(n, 10000)
        forms.add(f"{man}万{sen // 1000}千")
    return forms

def cite_in(c, text):
    m = re.match(r"^(条例|要綱|番号法|法|規則)(.*)$", c)
    body = m.group(2)
    if body in text:
        return True
    # split forms like 第5条第1号及び第4号: every 第N条/項/号 piece must occur near each other
    art = re.match(r"第(\d+)条", body)
    pieces = re.findall(r"第\d+[条項号]", body)
    if not art:
        return False
    for mm in re.finditer(re.escape(art.group(0)), text):
        window = text[mm.start(): mm.start() + 30]
        if all(p in window for p in pieces):
            return True
    return False

def check_str(where, val, text):
    if not norm(val) in text:
        bad(f"{where}: {val!r} not found in document")

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold["cases"]:
        bad("gold.jsonl differs from gold.json")
    if set(gold) != {"cases"}:
        bad("gold.json top-level keys")
    texts = {}
    for name in DECLARED:
        if not os.path.exists(os.path.join(DOCS, name)):
            bad(f"docs/{name} missing")
            continue
        texts[name] = doc_text(name)
    for name in os.listdir(DOCS):
        if name not in DECLARED:
            bad(f"docs/{name} not declared")
    seen_sources = set()
    for i, c in enumerate(gold["cases"]):
        w = f"case {i} ({c.get('source')} {c.get('kind')} {c.get('number')})"
        if not set(c) <= CASE_KEYS:
            bad(f"{w}: unknown keys {set(c) - CASE_KEYS}")
        for k in ("source", "title"):
            if k not in c:
                bad(f"{w}: missing {k}")
        src = c.get("source")
        if src not in texts:
            bad(f"{w}: source not in docs/")
            continue
        seen_sources.add(src)
        t = texts[src]
        for k in ("municipality", "title", "department"):
            if k in c and c[k] is not None:
                if not isinstance(c[k], str): bad(f"{w}: {k} not a string")
                else: check_str(f"{w}.{k}", c[k], t) if k != "department" else \
                    [check_str(f"{w}.department", d, t) for d in c[k].split("、")]
        if "kind" in c and c["kind"] not in KINDS:
            bad(f"{w}: kind {c['kind']!r}")
        if c.get("number") is not None:
            n = c["number"]
            if not (isinstance(n, str) and n.isdigit()):
                bad(f"{w}: number {n!r} not digits")
            elif f"第{n}号" not in t:
                bad(f"{w}: 第{n}号 not in document")
        if c.get("date") is not None:
            if not DATE.match(c["date"]): bad(f"{w}: date format")
            elif not date_in(c["date"], t): bad(f"{w}: date {c['date']} not rendered in document")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list): bad(f"{w}: legal_basis not a list")
            for cite in c["legal_basis"]:
                if not CITE.match(cite): bad(f"{w}: citation {cite!r} not normalized")
                elif not cite_in(cite, t): bad(f"{w}: citation {cite!r} not found")
        if c.get("subjects_count") is not None:
            n = c["subjects_count"]
            if not isinstance(n, int): bad(f"{w}: subjects_count not int")
            elif not any(f in t for f in count_forms(n)): bad(f"{w}: count {n} not found")
        procs = c.get("procedures", [])
        if not isinstance(procs, list): bad(f"{w}: procedures not a list")
        for j, p in enumerate(procs):
            pw = f"{w} proc {j} ({p.get('type')})"
            if not set(p) <= PROC_KEYS: bad(f"{pw}: unknown keys {set(p) - PROC_KEYS}")
            if p.get("type") not in TYPES: bad(f"{pw}: type {p.get('type')!r}")
            if p.get("title") is not None: check_str(f"{pw}.title", p["title"], t)
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list) or not all(isinstance(x, str) for x in p[k]):
                        bad(f"{pw}: {k} not a list of strings")
                        continue
                    if len(set(p[k])) != len(p[k]): bad(f"{pw}: {k} has duplicates")
                    for x in p[k]: check_str(f"{pw}.{k}", x, t)
            if p.get("partner") is not None: check_str(f"{pw}.partner", p["partner"], t)
            for k in ("period_start", "period_end"):
                if p.get(k) is not None:
                    if not DATE.match(p[k]): bad(f"{pw}: {k} format")
                    elif not date_in(p[k], t): bad(f"{pw}: {k} {p[k]} not rendered in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period_start after period_end")
            if p.get("type") == "再委託" and not p.get("subcontractors"):
                bad(f"{pw}: 再委託 without subcontractors")
    for name in DECLARED:
        if name not in seen_sources: bad(f"{name}: no gold case")
    print(f"cases: {len(gold['cases'])}, procedures: {sum(len(c.get('procedures', [])) for c in gold['cases'])}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
