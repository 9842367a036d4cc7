#!/usr/bin/env python3
"""Standalone validator for estimate-set-52. Prints each problem and 'problems: N'; exit 1 if N > 0."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
CODECS = {  # name -> (codec, BOM, line end)
    "u1_chitose_shimon_bessi.txt":   ("cp932",     False, "CRLF"),
    "u2_okinawa_fugi_sheet.txt":     ("utf-8",     True,  "CRLF"),
    "u3_ginowan_kekka.html":         ("utf-8",     False, "LF"),
    "u4_eniwa_houkoku_list.txt":     ("euc_jp",    False, "LF"),
    "u5_tomigusuku_word.txt":        ("shift_jis", False, "CRLF"),
    "u6_kitahiroshima_shimon.md":    ("utf-8",     False, "CRLF"),
}
CASE_KEYS = ["source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"]
PROC_KEYS = ["type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"]
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
problems = []

def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def load_doc(name):
    codec, bom, eol = CODECS[name]
    raw = open(os.path.join(DOCS, name), "rb").read()
    if bom != raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: BOM expected={bom}")
    if bom:
        raw = raw[3:]
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: {codec} file also decodes as UTF-8 (not really {codec}?)")
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: expected CRLF throughout ({crlf}/{lf})")
    if eol == "LF" and crlf:
        bad(f"{name}: expected LF only")
    n = len(text.splitlines())
    if not 60 <= n <= 250:
        bad(f"{name}: {n} lines, outside 60-250")
    if name.endswith(".html"):
        text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text

KANJI = "〇一二三四五六七八九"

def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    forms = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}"]
    for era, start in (("令和", 2018), ("平成", 1988)):
        e = y - start
        if e >= 1:
            forms.append(f"{era}{'元' if e == 1 else e}年{m}月{d}日")
    return forms

def count_forms(n):
    forms = [f"{n:,}人", f"{n}人"]
    if n % 10000 == 0:
        forms.append(f"{n // 10000}万人")
    return forms

def cite_ok(c, text):
    m = re.fullmatch(r"(条例|要綱|規則|番号法|法)((?:第\d+条)?(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)", c)
    if not m:
        return False
    law, tail = m.groups()
    if law not in text:
        return False
    if tail in text:
        return True
    # "第4条第1項第2号及び第3号" / "第5条第1号、第2号及び第3号": the head and the last part occur separately
    parts = re.findall(r"第\d+[条項号]", tail)
    head, last = "".join(parts[:-1]), parts[-1]
    return head in text and re.search(re.escape(head) + r"[^。]{0,40}" + re.escape(last), text) is not None

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        bad(f"gold.json does not parse: {e}")
        return
    cases = gold.get("cases") if isinstance(gold, dict) else None
    if not isinstance(cases, list) or set(gold) != {"cases"}:
        bad("gold.json must be {\"cases\": [...]}")
        return
    jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if jl != cases:
        bad("gold.jsonl differs from gold.json")
    texts = {}
    for name in CODECS:
        if not os.path.exists(os.path.join(DOCS, name)):
            bad(f"docs/{name} missing")
        else:
            texts[name] = norm(load_doc(name))
    extra = set(os.listdir(DOCS)) - set(CODECS)
    if extra:
        bad(f"unexpected files in docs/: {sorted(extra)}")
    used = set()
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        for k in c:
            if k not in CASE_KEYS:
                bad(f"{tag}: unknown key {k}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c:
                bad(f"{tag}: missing key {k}")
        src = c.get("source")
        if src not in texts:
            bad(f"{tag}: source not in docs/")
            continue
        used.add(src)
        t = texts[src]
        def occurs(what, s):
            if not isinstance(s, str) or not s:
                bad(f"{tag}: {what} must be a non-empty string: {s!r}")
            elif norm(s) not in t:
                bad(f"{tag}: {what} {s!r} not found in document")
        if c.get("kind") not in KINDS:
            bad(f"{tag}: bad kind {c.get('kind')!r}")
        for k in ("municipality", "title"):
            occurs(k, c.get(k))
        if c.get("department") is not None:
            occurs("department", c["department"])
        if "number" in c and c["number"] is not None:
            if not re.fullmatch(r"\d+", c["number"]):
                bad(f"{tag}: number must be digits")
            elif f"第{c['number']}号" not in t:
                bad(f"{tag}: 第{c['number']}号 not found")
        if c.get("date") is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]) or not any(f in t for f in date_forms(c["date"])):
                bad(f"{tag}: date {c['date']} not rendered in document")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list):
                bad(f"{tag}: legal_basis must be a list")
            else:
                for cit in c["legal_basis"]:
                    if not cite_ok(cit, t):
                        bad(f"{tag}: citation {cit!r} not found / malformed")
        sc = c.get("subjects_count")
        if sc is not None:
            if not isinstance(sc, int) or isinstance(sc, bool):
                bad(f"{tag}: subjects_count must be int")
            elif not any(f in t for f in count_forms(sc)):
                bad(f"{tag}: count {sc} not rendered in document")
        procs = c.get("procedures", [])
        if not isinstance(procs, list):
            bad(f"{tag}: procedures must be a list")
            continue
        for j, p in enumerate(procs):
            ptag = f"{tag} proc {j}"
            for k in p:
                if k not in PROC_KEYS:
                    bad(f"{ptag}: unknown key {k}")
            if p.get("type") not in TYPES:
                bad(f"{ptag}: bad type {p.get('type')!r}")
            if "title" in p:
                occurs(f"proc {j} title", p["title"])
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list):
                        bad(f"{ptag}: {k} must be a list")
                        continue
                    if len(set(p[k])) != len(p[k]):
                        bad(f"{ptag}: duplicate in {k}")
                    for v in p[k]:
                        occurs(f"proc {j} {k}", v)
            if p.get("partner") is not None:
                occurs(f"proc {j} partner", p["partner"])
                if p.get("type") not in ("外部結合", "外部提供"):
                    bad(f"{ptag}: partner set on {p.get('type')}")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) or not any(f in t for f in date_forms(v)):
                        bad(f"{ptag}: {k} {v} not rendered in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period_start after period_end")
    for name in CODECS:
        if name not in used:
            bad(f"{name}: no gold case")

if __name__ == "__main__":
    main()
    print(f"problems: {len(problems)}")
    sys.exit(1 if problems else 0)
