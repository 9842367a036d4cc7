#!/usr/bin/env python3
"""Standalone validator for estimate set 47 (needs only the standard library).

Checks: gold.json parses and equals gold.jsonl; key names and value types; kinds and procedure
types; every source exists in docs/; each doc decodes strictly in its declared codec with the
declared BOM and line end and has 60-250 lines; every gold string occurs in its document (after
HTML tag stripping/unescaping, NFKC and whitespace removal; box-drawn tables are also read
column-wise); dates, numbers, citations and counts render back into a form the document contains;
organisation names carry no trailing parenthesised note.  Prints the problems and `problems: N`."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DECLARED = {
    "u1_moriya_shimon.txt":          ("euc_jp",    False, "LF"),
    "u2_yaizu_honningai.txt":        ("shift_jis", False, "LF"),
    "u3_iida_online_ketsugo.md":     ("utf-8",     True,  "CRLF"),
    "u4_toyooka_toushin.txt":        ("utf-8",     False, "LF"),
    "u5_oita_saiitaku_houkoku.html": ("utf-8",     False, "CRLF"),
    "u6_sakura_juten_hyoka.txt":     ("cp932",     False, "CRLF"),
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
def bad(msg): problems.append(msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name, text):
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", "\n", text)
        text = html.unescape(text)
    variants = [text]
    # box-drawn tables: read every column of a row group top to bottom
    cols, groups = {}, []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("│") and s.endswith("│"):
            for i, cell in enumerate(s.strip("│").split("│")):
                cols.setdefault(i, []).append(cell)
        elif cols:
            groups.extend("".join(v) for v in cols.values()); cols = {}
    groups.extend("".join(v) for v in cols.values())
    variants.append("\n".join(groups))
    return norm("\n".join(variants))

KANJI = "〇一二三四五六七八九"
def kanji(n):
    if n < 10: return KANJI[n]
    out = ""
    h, n = divmod(n, 100)
    if h: out += ("" if h == 1 else KANJI[h]) + "百"
    t, o = divmod(n, 10)
    if t: out += ("" if t == 1 else KANJI[t]) + "十"
    if o: out += KANJI[o]
    return out

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    if (y, m, d) >= (2019, 5, 1): era, ey = "令和", y - 2018
    else: era, ey = "平成", y - 1988
    e = "元" if ey == 1 else str(ey)
    return [f"{era}{e}年{m}月{d}日", f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}"]

def count_forms(n):
    f = [f"{n}人", f"{n:,}人"]
    man, rest = divmod(n, 10000)
    if man and rest == 0: f.append(f"{man}万人")
    if man and rest and rest % 1000 == 0: f.append(f"{man}万{rest // 1000}千人")
    return f

def citation_forms(c):
    m = re.fullmatch(r"(条例|要綱|番号法|法)別表第(\d+)第(\d+)項", c)
    if m:
        return [f"別表第{kanji(int(m.group(2)))}の{kanji(int(m.group(3)))}の項", f"別表第{m.group(2)}第{m.group(3)}項"]
    m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+(?:条|項|号))+)", c)
    if not m:
        return None
    return [m.group(2)]

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("gold.json does not parse:", e); print("problems: 1"); return 1
    cases = gold.get("cases") if isinstance(gold, dict) else None
    if not isinstance(cases, list) or not cases:
        bad("gold.json: no cases list"); cases = []
    jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if jl != cases: bad("gold.jsonl differs from gold.json")

    texts = {}
    for name, (codec, bom, eol) in DECLARED.items():
        p = os.path.join(HERE, "docs", name)
        if not os.path.exists(p): bad(f"{name}: missing in docs/"); continue
        raw = open(p, "rb").read()
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != bom: bad(f"{name}: BOM {'missing' if bom else 'unexpected'}")
        body = raw[3:] if has_bom else raw
        try:
            t = body.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}"); continue
        if codec != "utf-8":
            try: body.decode("utf-8"); bad(f"{name}: {codec} file is also valid UTF-8")
            except UnicodeDecodeError: pass
        if codec == "cp932":
            try: body.decode("shift_jis"); bad(f"{name}: declared cp932 but is plain Shift_JIS")
            except UnicodeDecodeError: pass
        crlf = t.count("\r\n"); lf = t.count("\n")
        if eol == "CRLF" and crlf != lf: bad(f"{name}: not all line ends are CRLF")
        if eol == "LF" and crlf: bad(f"{name}: CR found in an LF file")
        n = lf + (0 if t.endswith("\n") else 1)
        if not 60 <= n <= 250: bad(f"{name}: {n} lines, outside 60-250")
        texts[name] = doc_text(name, t.replace("\r\n", "\n"))

    def has(src, s, what):
        if norm(s) not in texts.get(src, ""):
            bad(f"{src}: {what} {s!r} not found in the document")

    ORG_NOTE = re.compile(r"[（(][^）)]*[）)]$")
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        for k, v in c.items():
            if k not in CASE_KEYS: bad(f"{tag}: unknown key {k}")
            elif not isinstance(v, CASE_KEYS[k]) or isinstance(v, bool): bad(f"{tag}: {k} has type {type(v).__name__}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c: bad(f"{tag}: missing {k}")
        src = c.get("source")
        if src not in DECLARED: bad(f"{tag}: source not in docs/"); continue
        if src not in texts: continue
        if c.get("kind") not in KINDS: bad(f"{tag}: bad kind")
        for k in ("municipality", "title", "department"):
            if isinstance(c.get(k), str): has(src, c[k], k)
        if c.get("number") is not None:
            num = c["number"]
            if not re.fullmatch(r"\d+", num): bad(f"{tag}: number not digits")
            if not re.search(rf"(諮問|答申|報告)第{num}号|評価書番号{num}(?!\d)", texts[src]):
                bad(f"{tag}: number {num} not found as 諮問/答申/報告第N号 or 評価書番号")
        if c.get("date") is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]): bad(f"{tag}: date not ISO")
            elif not any(f in texts[src] for f in date_forms(c["date"])): bad(f"{tag}: date {c['date']} not in document")
        for cit in c.get("legal_basis", []):
            forms = citation_forms(cit)
            if forms is None: bad(f"{tag}: citation {cit!r} not normalized")
            elif not any(f in texts[src] for f in forms): bad(f"{tag}: citation {cit!r} not found")
        if isinstance(c.get("subjects_count"), int):
            if not any(f in texts[src] for f in count_forms(c["subjects_count"])):
                bad(f"{tag}: count {c['subjects_count']} not found")
        for j, p in enumerate(c.get("procedures", [])):
            ptag = f"{tag} proc {j}"
            for k, v in p.items():
                if k not in PROC_KEYS: bad(f"{ptag}: unknown key {k}")
                elif not isinstance(v, PROC_KEYS[k]): bad(f"{ptag}: {k} has type {type(v).__name__}")
            if p.get("type") not in TYPES: bad(f"{ptag}: bad type {p.get('type')}")
            if isinstance(p.get("title"), str): has(src, p["title"], "procedure title")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals): bad(f"{ptag}: duplicate {k}")
                for v in vals:
                    if not isinstance(v, str): bad(f"{ptag}: {k} entry not a string"); continue
                    has(src, v, k)
                    if k != "data_items" and ORG_NOTE.search(v): bad(f"{ptag}: {k} {v!r} keeps a note")
            if isinstance(p.get("partner"), str):
                has(src, p["partner"], "partner")
                if ORG_NOTE.search(p["partner"]): bad(f"{ptag}: partner keeps a note")
            for k in ("period_start", "period_end"):
                if p.get(k) is not None:
                    if not any(f in texts[src] for f in date_forms(p[k])): bad(f"{ptag}: {k} {p[k]} not found")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period ends before it starts")
    for name in DECLARED:
        if not any(c.get("source") == name for c in cases): bad(f"{name}: no gold case")
    for m in problems: print(m)
    print(f"cases: {len(cases)}, procedures: {sum(len(c.get('procedures', [])) for c in cases)}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
