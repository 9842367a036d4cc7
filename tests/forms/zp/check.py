#!/usr/bin/env python3
"""Standalone validator for estimate set 38.

python3 check.py [--gold gold.json] [--docs docs]
Checks: gold parses (and gold.jsonl holds the same cases); keys and types; every source exists in docs/;
each doc decodes strictly in its declared codec with the declared BOM and line ends; every gold string
occurs in its document after decoding, HTML tag stripping / unescaping, NFKC and whitespace removal;
dates, numbers, counts and citations render back into forms the document contains; trap values
(old contractors, meeting dates, reference numbers ...) appear nowhere in the gold.
"""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DECL = {  # name -> (codec, bom, eol)
    "t1_mito_shimonsho.txt":       ("cp932", False, "CRLF"),
    "t2_tatebayashi_fugi.txt":     ("euc_jp", False, "LF"),
    "t3_kawagoe_kekka.html":       ("utf-8", False, "LF"),
    "t4_tachikawa_shiryo.md":      ("utf-8", False, "LF"),
    "t5_matsumoto_zenkoumoku.txt": ("utf-8", True, "CRLF"),
    "t6_kasugai_itiran.txt":       ("shift_jis", False, "CRLF"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
REQUIRED = {"source", "municipality", "kind", "title", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# values that must not appear anywhere in the gold (traps)
TRAPS = {
    "t1_mito_shimonsho.txt": ["株式会社みと情報センター", "2025-07-18", "512", "110000", "1240", "医療費の額その他"],
    "t2_tatebayashi_fugi.txt": ["株式会社館林総合サービス", "2025-09-26", "所得に関する情報", "税証明", "所得証明書",
                                "48000", "4600", "7900", "市民部市民課、こども部こども家庭課"],
    "t3_kawagoe_kekka.html": ["株式会社川越メディカルプリント", "2025-11-27", "2025-12-09", "総務部総務課",
                              "主治医意見書", "介護保険料の滞納状況", "27000", "地域包括支援センターかわごえ南"],
    "t4_tachikawa_shiryo.md": ["総務部文書法政課", "2025-10-22", "2026-01-21", "市民生活部課税課", "所得額",
                               "212", "3", "2026-03-31", "児童の住所", "上記2.の全項目"],
    "t5_matsumoto_zenkoumoku.txt": ["株式会社あがたの森ビジネス", "2024-11-01", "2025-02-17", "2024-12-02",
                                    "予防接種法第5条第1項", "健康福祉部健康づくり課", "個人番号", "300000"],
    "t6_kasugai_itiran.txt": ["株式会社東海帳票センター", "2025-04-08", "2025-02-10", "4", "回答者の氏名",
                              "健康福祉部介護保険課", "財政部市民税課", "未定（令和７年６月に見積合わせを実施予定）"],
}

def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

KANSUJI = "〇一二三四五六七八九"

def wareki_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    out = []
    for era, base in (("令和", 2018), ("平成", 1988)):
        n = y - base
        if n >= 1:
            for ys in ({str(n), "元"} if n == 1 else {str(n)}):
                out.append(f"{era}{ys}年{m}月{d}日")
    out.append(f"{y}年{m}月{d}日")
    return out

def strings_of(case):
    for k in ("municipality", "title", "department"):
        v = case.get(k)
        if isinstance(v, str):
            yield k, v
    for i, p in enumerate(case.get("procedures", [])):
        for k in ("title", "partner"):
            if isinstance(p.get(k), str):
                yield f"procedures[{i}].{k}", p[k]
        for k in ("consignees", "subcontractors", "data_items"):
            for v in p.get(k, []) or []:
                yield f"procedures[{i}].{k}", v

def all_values(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from all_values(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from all_values(v)
    elif obj is not None:
        yield str(obj)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    problems = []
    def bad(msg):
        problems.append(msg); print("PROBLEM:", msg)

    # documents
    texts = {}
    for name in sorted(os.listdir(a.docs)):
        if name not in DECL:
            bad(f"{name}: undeclared document")
    for name, (codec, bom, eol) in DECL.items():
        path = os.path.join(a.docs, name)
        if not os.path.exists(path):
            bad(f"{name}: missing"); continue
        raw = open(path, "rb").read()
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != bom:
            bad(f"{name}: BOM {'present' if has_bom else 'absent'}, declared {bom}")
        body = raw[3:] if has_bom else raw
        try:
            t = body.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}"); continue
        if codec != "utf-8":
            try:
                body.decode("utf-8")
                bad(f"{name}: also decodes as UTF-8 (not really {codec}?)")
            except UnicodeDecodeError:
                pass
        crlf = raw.count(b"\r\n"); lf = raw.count(b"\n")
        if eol == "CRLF" and crlf != lf:
            bad(f"{name}: {lf - crlf} bare LF in a CRLF file")
        if eol == "LF" and crlf:
            bad(f"{name}: {crlf} CRLF in an LF file")
        nlines = t.count("\n")
        if not 30 <= nlines <= 200:
            bad(f"{name}: {nlines} lines")
        plain = html.unescape(re.sub(r"<[^>]+>", " ", t)) if name.endswith(".html") or "<" in t else t
        texts[name] = (fold(t), fold(plain), t)

    # gold
    gold = json.load(open(a.gold, encoding="utf-8"))
    cases = gold.get("cases")
    if not isinstance(cases, list) or not cases:
        bad("gold: no cases"); cases = []
    jl = os.path.join(os.path.dirname(a.gold), "gold.jsonl")
    if os.path.exists(jl):
        lines = [json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()]
        if lines != cases:
            bad("gold.jsonl differs from gold.json")
    else:
        bad("gold.jsonl missing")
    nproc = 0
    seen_src = set()
    for ci, c in enumerate(cases):
        tag = f"case {ci} ({c.get('source')} {c.get('title')})"
        extra = set(c) - CASE_KEYS
        if extra: bad(f"{tag}: unknown keys {extra}")
        miss = REQUIRED - set(c)
        if miss: bad(f"{tag}: missing keys {miss}")
        src = c.get("source"); seen_src.add(src)
        if src not in texts:
            bad(f"{tag}: source not in docs"); continue
        ftext, fplain, raw = texts[src]
        def found(s):
            f = fold(s)
            return f in ftext or f in fplain
        if c.get("kind") not in KINDS: bad(f"{tag}: kind {c.get('kind')!r}")
        elif not found(c["kind"]): bad(f"{tag}: kind word {c['kind']} not in document")
        for k in ("municipality", "title", "department"):
            if k in c and c[k] is not None and not isinstance(c[k], str): bad(f"{tag}: {k} not a string")
        n = c.get("number", None)
        if n is not None:
            if not (isinstance(n, str) and n.isdigit()): bad(f"{tag}: number {n!r}")
            elif not re.search(r"(諮問第|報告第|評価書番号.{0,20}?)" + n + r"号?", fplain):
                bad(f"{tag}: number {n} not rendered in document")
        d = c.get("date")
        if d is not None:
            if not (isinstance(d, str) and ISO.match(d)): bad(f"{tag}: date {d!r}")
            elif not any(fold(w) in fplain for w in wareki_forms(d)): bad(f"{tag}: date {d} not in document")
        lb = c.get("legal_basis", [])
        if not isinstance(lb, list): bad(f"{tag}: legal_basis not a list")
        for cit in lb or []:
            if not CITE.match(cit): bad(f"{tag}: citation {cit!r} not normalized")
            else:
                # every article/paragraph/item number must occur in the document near a 第
                for num in re.findall(r"\d+", cit):
                    if not re.search(r"第" + num + r"(条|項|号)|" + r"第?" + num + r"の項|別表第" +
                                     "一二三四五"[int(num) - 1 if int(num) <= 5 else 0], fplain):
                        bad(f"{tag}: citation number {num} of {cit} not in document")
        sc = c.get("subjects_count", None)
        if sc is not None:
            if not isinstance(sc, int) or isinstance(sc, bool): bad(f"{tag}: subjects_count {sc!r}")
            else:
                forms = {f"{sc:,}人", f"{sc}人"}
                if sc % 10000 == 0: forms.add(f"{sc // 10000}万人")
                if sc % 1000 == 0 and sc >= 10000: forms.add(f"{sc // 10000}万{sc % 10000 // 1000}千人")
                if not any(fold(f) in fplain for f in forms): bad(f"{tag}: count {sc} not in document")
        for k, v in strings_of(c):
            if not isinstance(v, str) or not v: bad(f"{tag}: {k} empty / not a string")
            elif not found(v): bad(f"{tag}: {k} {v!r} not found in document")
        procs = c.get("procedures")
        if not isinstance(procs, list): bad(f"{tag}: procedures not a list"); continue
        for pi, p in enumerate(procs):
            nproc += 1
            ptag = f"{tag} proc {pi}"
            extra = set(p) - PROC_KEYS
            if extra: bad(f"{ptag}: unknown keys {extra}")
            if p.get("type") not in TYPES: bad(f"{ptag}: type {p.get('type')!r}")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p and not (isinstance(p[k], list) and all(isinstance(x, str) for x in p[k])):
                    bad(f"{ptag}: {k} not a list of strings")
                if k in p and len(set(p[k])) != len(p[k]): bad(f"{ptag}: duplicate {k}")
            if "partner" in p and p["partner"] is not None and not isinstance(p["partner"], str):
                bad(f"{ptag}: partner type")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is None: continue
                if not (isinstance(v, str) and ISO.match(v)): bad(f"{ptag}: {k} {v!r}")
                elif not any(fold(w) in fplain for w in wareki_forms(v)): bad(f"{ptag}: {k} {v} not in document")
        # traps
        vals = set(all_values({k: v for k, v in c.items() if k != "source"}))
        for trap in TRAPS.get(src, []):
            if trap in vals: bad(f"{tag}: trap value {trap!r} in gold")
    for name in DECL:
        if name not in seen_src: bad(f"{name}: no gold case")
    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
