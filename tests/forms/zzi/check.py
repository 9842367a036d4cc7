#!/usr/bin/env python3
"""Standalone validator for estimate-set-57: gold shape, docs' codecs, and that gold values occur in the docs."""
import json, os, re, sys, unicodedata, html, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = {  # name -> (codec, line end); same as build_docs.py, repeated so this file stands alone
    "u1_hagi_shimon_layout.txt":       ("cp932",     "CRLF"),
    "u2_sakaide_houkoku_plain.txt":    ("utf-8-sig", "LF"),
    "u3_omuta_fugi.txt":               ("euc_jp",    "LF"),
    "u4_nakatsu_shimon.txt":           ("utf-8",     "CRLF"),
    "u5_yawatahama_houkoku_layout.txt":("utf-8",     "LF"),
    "u6_kanoya_juten_hyoukasho.txt":   ("utf-8-sig", "CRLF"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
REQUIRED = {"source", "municipality", "kind", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
KANJI = "〇一二三四五六七八九"

problems = []
def bad(msg): problems.append(msg)

def norm(s):
    s = html.unescape(re.sub(r"<[^>]+>", "", s))
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def kanji(n):
    if n < 10: return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + ("" if o == 0 else KANJI[o])

def date_forms(iso):
    d = datetime.date.fromisoformat(iso)
    if d >= datetime.date(2019, 5, 1): era, y = "令和", d.year - 2018
    else: era, y = "平成", d.year - 1988
    ys = ["元" if y == 1 else str(y), str(y)]
    out = {f"{era}{yy}年{d.month}月{d.day}日" for yy in ys}
    out.add(f"{d.year}年{d.month}月{d.day}日"); out.add(f"{d.year}/{d.month:02d}/{d.day:02d}")
    return out

def count_forms(n):
    out = {f"{n:,}人", f"{n}人"}
    man, rest = divmod(n, 10000)
    if man:
        sen, r2 = divmod(rest, 1000)
        if r2 == 0:
            out.add(f"{man}万" + (f"{sen}千" if sen else "") + "人")
    return out

def cite_ok(c, text):
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    law, body = m.group(1), m.group(2)
    if body.startswith("別表"):
        t, k = re.match(r"別表第(\d+)(?:第(\d+)項)?", body).groups()
        forms = [f"別表第{t}の{k}の項", f"別表第{kanji(int(t))}の{k}の項", f"別表第{t}第{k}項"]
        return any(f in text for f in forms)
    if body in text: return True
    # "第8条第2号及び第3号": head and last component present together
    parts = re.findall(r"第\d+[条項号]", body)
    head, last = "".join(parts[:-1]), parts[-1]
    return re.search(re.escape(head) + r"[^。]{0,40}?及び" + re.escape(last), text) is not None

def main():
    # gold.json / gold.jsonl
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("gold.json:", e); return 1
    cases = gold.get("cases") if isinstance(gold, dict) else None
    if not isinstance(cases, list) or not cases:
        print("gold.json: no cases"); return 1
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != cases: bad("gold.jsonl differs from gold.json")

    # docs
    texts = {}
    for name, (codec, eol) in MANIFEST.items():
        p = os.path.join(HERE, "docs", name)
        if not os.path.exists(p): bad(f"{name}: missing"); continue
        data = open(p, "rb").read()
        try:
            t = data.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: not {codec}: {e}"); continue
        if codec == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"): bad(f"{name}: BOM missing")
        if codec in ("utf-8", "cp932", "euc_jp") and data.startswith(b"\xef\xbb\xbf"): bad(f"{name}: unexpected BOM")
        if codec != "utf-8" and codec != "utf-8-sig":
            try: data.decode("utf-8"); bad(f"{name}: also decodes as UTF-8 (codec not exercised)")
            except UnicodeDecodeError: pass
        crlf = t.count("\r\n"); lf = t.count("\n")
        if eol == "CRLF" and crlf != lf: bad(f"{name}: not all CRLF ({crlf}/{lf})")
        if eol == "LF" and crlf: bad(f"{name}: CR found in LF file")
        n = len(t.splitlines())
        if not 60 <= n <= 250: bad(f"{name}: {n} lines")
        texts[name] = norm(t)
    for f in os.listdir(os.path.join(HERE, "docs")):
        if f not in MANIFEST: bad(f"docs/{f}: not in manifest")

    seen_sources = set()
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        if not isinstance(c, dict): bad(f"{tag}: not an object"); continue
        for k in set(c) - CASE_KEYS: bad(f"{tag}: unknown key {k}")
        for k in REQUIRED - set(c): bad(f"{tag}: missing key {k}")
        src = c.get("source"); seen_sources.add(src)
        if src not in texts: bad(f"{tag}: source not in docs"); continue
        T = texts[src]
        def has(v, what):
            if not isinstance(v, str) or not v: bad(f"{tag}: {what} not a non-empty string: {v!r}"); return
            if norm(v) not in T: bad(f"{tag}: {what} {v!r} not in document")
        if c.get("kind") not in KINDS: bad(f"{tag}: kind {c.get('kind')!r}")
        for k in ("municipality", "title", "department"):
            if k in c and c[k] is not None: has(c[k], k)
        if "number" in c and c["number"] is not None:
            n = c["number"]
            if not (isinstance(n, str) and n.isdigit()): bad(f"{tag}: number {n!r}")
            elif f"第{n}号" not in T and not re.search(rf"(?<!\d){n}(?!\d)", T): bad(f"{tag}: number {n} not in doc")
        if "date" in c and c["date"] is not None:
            try:
                if not any(f in T for f in date_forms(c["date"])): bad(f"{tag}: date {c['date']} not in doc")
            except ValueError: bad(f"{tag}: date {c['date']!r} not ISO")
        if "legal_basis" in c:
            lb = c["legal_basis"]
            if not isinstance(lb, list): bad(f"{tag}: legal_basis not a list")
            else:
                for x in lb:
                    if not isinstance(x, str) or not CITE.match(x): bad(f"{tag}: citation {x!r} malformed")
                    elif not cite_ok(x, T): bad(f"{tag}: citation {x} not rendered in doc")
        if "subjects_count" in c and c["subjects_count"] is not None:
            sc = c["subjects_count"]
            if not isinstance(sc, int) or isinstance(sc, bool) or sc <= 0: bad(f"{tag}: subjects_count {sc!r}")
            elif not any(f in T for f in count_forms(sc)): bad(f"{tag}: count {sc} not in doc")
        procs = c.get("procedures")
        if not isinstance(procs, list): bad(f"{tag}: procedures not a list"); continue
        for j, p in enumerate(procs):
            ptag = f"{tag} proc {j}"
            if not isinstance(p, dict): bad(f"{ptag}: not an object"); continue
            for k in set(p) - PROC_KEYS: bad(f"{ptag}: unknown key {k}")
            if p.get("type") not in TYPES: bad(f"{ptag}: type {p.get('type')!r}")
            if "title" in p and p["title"] is not None: has(p["title"], "procedure title")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list): bad(f"{ptag}: {k} not a list"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{ptag}: {k} has duplicates")
                    for v in p[k]: has(v, k)
            if "partner" in p and p["partner"] is not None: has(p["partner"], "partner")
            for k in ("period_start", "period_end"):
                if k in p and p[k] is not None:
                    try:
                        if not any(f in T for f in date_forms(p[k])): bad(f"{ptag}: {k} {p[k]} not in doc")
                    except ValueError: bad(f"{ptag}: {k} {p[k]!r} not ISO")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period reversed")
    for name in MANIFEST:
        if name not in seen_sources: bad(f"{name}: no gold case")

    for m in problems: print("PROBLEM:", m)
    print(f"cases: {len(cases)}, procedures: {sum(len(c.get('procedures', [])) for c in cases)}, docs: {len(texts)}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
