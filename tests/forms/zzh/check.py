#!/usr/bin/env python3
"""Standalone validator for estimate-set-56 (gold structure, doc codecs, gold strings present in documents)."""
import json, os, re, sys, unicodedata, html

HERE = os.path.dirname(os.path.abspath(__file__))
CODECS = {  # declared codec and line end of each document
    "u1_machida_shimon.txt": ("cp932", "CRLF"),
    "u1_kokubunji_fugi.txt": ("euc_jp", "LF"),
    "u1_higashimurayama_itaku_table.txt": ("utf-8-sig", "CRLF"),
    "u1_komae_kekka.html": ("utf-8", "LF"),
    "u1_akishima_word.txt": ("utf-8", "CRLF"),
    "u1_hinode_town.md": ("utf-8", "LF"),
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
problems = []

def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def fold(s):
    s = re.sub(r"<[^>]*>", "", s)
    s = html.unescape(s)
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}"]
    if (y, m, d) >= (2019, 5, 1):
        r = y - 2018
        forms.append(f"令和{'元' if r == 1 else r}年{m}月{d}日")
    elif y >= 1989:
        forms.append(f"平成{y - 1988}年{m}月{d}日")
    return forms

def count_forms(n):
    forms = [str(n), f"{n:,}"]
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0:
            forms.append(f"{man}万")
        elif rest % 1000 == 0:
            forms.append(f"{man}万{rest // 1000}千")
    return forms

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold["cases"]:
        bad("gold.jsonl differs from gold.json")
    texts = {}
    for name, (codec, eol) in CODECS.items():
        path = os.path.join(HERE, "docs", name)
        raw = open(path, "rb").read()
        if codec == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{name}: BOM missing")
        if codec == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{name}: unexpected BOM")
        try:
            t = raw.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}")
            continue
        if codec != "utf-8" and codec != "utf-8-sig":
            try:
                raw.decode("utf-8")
                bad(f"{name}: decodes as UTF-8 although declared {codec}")
            except UnicodeDecodeError:
                pass
        crlf = raw.count(b"\r\n"); lf = raw.count(b"\n")
        if eol == "CRLF" and crlf != lf:
            bad(f"{name}: not all CRLF")
        if eol == "LF" and crlf:
            bad(f"{name}: CR found")
        n = t.count("\n") + 1
        if not 60 <= n <= 250:
            bad(f"{name}: {n} lines")
        texts[name] = fold(t)
    seen = set()
    for i, c in enumerate(gold["cases"]):
        where = f"case {i} ({c.get('source')} {c.get('number')})"
        for k in c:
            if k not in CASE_KEYS:
                bad(f"{where}: unknown key {k}")
        for k, ty in CASE_KEYS.items():
            if k in c and not isinstance(c[k], ty):
                bad(f"{where}: {k} has type {type(c[k]).__name__}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c:
                bad(f"{where}: {k} missing")
        if c["kind"] not in KINDS:
            bad(f"{where}: kind {c['kind']}")
        doc = texts.get(c["source"])
        if doc is None:
            bad(f"{where}: source not in docs/")
            continue
        seen.add(c["source"])
        def has(v, label):
            if fold(v) not in doc:
                bad(f"{where}: {label} {v!r} not in document")
        for k in ("municipality", "title", "department"):
            if c.get(k):
                has(c[k], k)
        if c.get("number"):
            if not re.fullmatch(r"\d+", c["number"]):
                bad(f"{where}: number not digits")
            elif not re.search(r"第" + c["number"] + r"号", doc):
                bad(f"{where}: 第{c['number']}号 not in document")
        if c.get("date"):
            if not any(f in doc for f in date_forms(c["date"])):
                bad(f"{where}: date {c['date']} not rendered in document")
        for lb in c.get("legal_basis", []):
            m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+条)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)", lb)
            if not m:
                bad(f"{where}: legal_basis {lb!r} malformed")
                continue
            # the article part must occur; for 及び-lists the leading 第N条 may be shared
            art = m.group(2)
            tail = re.sub(r"^第\d+条", "", art)
            if art not in doc and not (tail and re.search(re.escape(tail), doc)):
                bad(f"{where}: legal_basis {lb!r} not in document")
        if c.get("subjects_count") is not None:
            if not any(f in doc for f in count_forms(c["subjects_count"])):
                bad(f"{where}: count {c['subjects_count']} not rendered")
        for j, p in enumerate(c["procedures"]):
            pw = f"{where} proc {j}"
            for k in p:
                if k not in PROC_KEYS:
                    bad(f"{pw}: unknown key {k}")
            for k, ty in PROC_KEYS.items():
                if k in p and not isinstance(p[k], ty):
                    bad(f"{pw}: {k} has type {type(p[k]).__name__}")
            if p.get("type") not in TYPES:
                bad(f"{pw}: type {p.get('type')}")
            if p.get("title"):
                has(p["title"], "proc title")
            if p.get("partner"):
                has(p["partner"], "partner")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(vals) != len(set(vals)):
                    bad(f"{pw}: duplicate in {k}")
                for v in vals:
                    if not isinstance(v, str):
                        bad(f"{pw}: {k} value not a string")
                    else:
                        has(v, k)
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                        bad(f"{pw}: {k} not ISO")
                    elif not any(f in doc for f in date_forms(v)):
                        bad(f"{pw}: {k} {v} not rendered in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period reversed")
    for name in CODECS:
        if name not in seen:
            bad(f"{name}: no gold case")
    print(f"{len(gold['cases'])} cases, {sum(len(c['procedures']) for c in gold['cases'])} procedures, "
          f"{len(texts)} docs; problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
