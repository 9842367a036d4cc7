#!/usr/bin/env python3
"""Standalone validator for estimate set 39.

Checks: gold.json / gold.jsonl parse and agree; every source exists in docs/; each doc decodes strictly in its
declared codec with the declared BOM and line ends; keys and value types; every gold string is found in the decoded
document after NFKC and whitespace removal (HTML tags stripped and entities unescaped for .html); dates, citations,
counts and numbers render back into forms the document contains; per-document trap values appear nowhere in the gold.
Usage: python3 check.py [--gold gold.json] [--docs docs]
"""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = {  # name -> (codec, bom, eol)
    "t1_suita_houkoku_besshi.txt":   ("cp932",  False, "\r\n"),
    "t2_maizuru_setsumeisho.txt":    ("euc_jp", False, "\n"),
    "t3_hamada_toushin.html":        ("utf-8",  False, "\r\n"),
    "t4_iwakuni_word_form.txt":      ("utf-8",  True,  "\r\n"),
    "t5_yatsushiro_houkoku.md":      ("utf-8",  False, "\n"),
    "t6_imari_hyoukasho_layout.txt": ("utf-8",  False, "\n"),
}
TRAPS = {  # values that must not occur anywhere in the gold cases of that document
    "t1_suita_houkoku_besshi.txt": ["株式会社せっつ収納センター", "218", "2025-11-14", "2025-12-26", "79000",
                                    "コンビニエンスストア収納", "条例第32号"],
    "t2_maizuru_setsumeisho.txt": ["舞鶴湾岸不動産協議会", "2025-10-03", "2025-10-20", "2918", "市民環境部税務課",
                                   "所有者の住所", "固定資産税の課税額", "京都地方法務局舞鶴支局"],
    "t3_hamada_toushin.html": ["2025-12-03", "2025-12-08", "2025-11-27", "かかりつけ医療機関名", "総務部総務課",
                               "要介護度", "障害の状況"],
    "t4_iwakuni_word_form.txt": ["株式会社やましろ情報機器", "2026-02-26", "2022-12-02", "2023-03-31", "生年月日",
                                 "保護者に関する情報"],
    "t5_yatsushiro_houkoku.md": ["株式会社不知火ソフトウェア", "2025-12-19", "2025-12-26", "21000", "9300",
                                 "総務企画部総務課", "健診機関"],
    "t6_imari_hyoukasho_layout.txt": ["一般財団法人さが予防接種センター", "51236", "2025-05-28", "2025-04-01",
                                      "2025-04-30", "市町村長"],
}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
TYPE_SURFACE = {"業務委託": "委託", "再委託": "再委託", "外部結合": "結合", "外部提供": "提供", "目的外利用": "目的外",
                "本人外収集": "本人外", "電子計算機記録": "記録", "特定個人情報保護評価": "評価", "その他": ""}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis",
             "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start", "period_end"}
CITE = re.compile(r"^(条例|要綱|番号法|法|規則)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KANJI = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

def kanji_to_int(s):
    total, cur = 0, 0
    for ch in s:
        if ch in KANJI:
            cur = KANJI[ch]
        elif ch == "十":
            total += (cur or 1) * 10; cur = 0
        elif ch == "百":
            total += (cur or 1) * 100; cur = 0
    return total + cur

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name, raw):
    codec, bom, eol = DOCS[name]
    text = raw[3:].decode(codec, errors="strict") if bom else raw.decode(codec, errors="strict")
    if name.endswith(".html"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    t = norm(text)
    t2 = re.sub(r"(?<=\d),(?=\d{3})", "", t)                      # 46,000 -> 46000
    t2 = re.sub(r"[〇一二三四五六七八九十百]+", lambda m: str(kanji_to_int(m.group())), t2)
    return t, t2

def wareki(iso):
    y, m, d = map(int, iso.split("-"))
    forms = [f"{y}年{m}月{d}日"]
    if y >= 2019:
        e = y - 2018
        forms += [f"令和{e}年{m}月{d}日"] + ([f"令和元年{m}月{d}日"] if e == 1 else [])
    else:
        forms.append(f"平成{y - 1988}年{m}月{d}日")
    return forms

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    problems = []
    def bad(msg): problems.append(msg)

    gold = json.load(open(a.gold, encoding="utf-8"))
    cases = gold["cases"]
    jl = os.path.join(os.path.dirname(a.gold), "gold.jsonl")
    if os.path.exists(jl):
        lines = [json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()]
        if lines != cases:
            bad("gold.jsonl differs from gold.json")
    else:
        bad("gold.jsonl missing")

    texts = {}
    for name, (codec, bom, eol) in DOCS.items():
        p = os.path.join(a.docs, name)
        if not os.path.exists(p):
            bad(f"{name}: missing"); continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf") != bom:
            bad(f"{name}: BOM expected={bom}")
        try:
            texts[name] = doc_text(name, raw)
        except UnicodeDecodeError as e:
            bad(f"{name}: does not decode as {codec}: {e}"); continue
        crlf = raw.count(b"\r\n"); lf = raw.count(b"\n")
        if eol == "\r\n" and crlf != lf:
            bad(f"{name}: expected CRLF only ({crlf}/{lf})")
        if eol == "\n" and crlf:
            bad(f"{name}: expected LF only")
        if name.endswith(".txt") and codec != "utf-8":
            try:
                raw.decode("utf-8"); bad(f"{name}: also decodes as UTF-8 (not really {codec}?)")
            except UnicodeDecodeError:
                pass
    if set(os.listdir(a.docs)) != set(DOCS):
        bad(f"docs/ contents differ: {sorted(set(os.listdir(a.docs)) ^ set(DOCS))}")

    def need(name, where, val):
        if not isinstance(val, str) or not val:
            bad(f"{where}: empty or non-string {val!r}"); return
        t, t2 = texts.get(name, ("", ""))
        v = norm(val)
        if v not in t and v not in t2:
            bad(f"{where}: {val!r} not found in {name}")

    nproc = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        w = f"case {i} ({src}, {c.get('title')})"
        if src not in DOCS:
            bad(f"{w}: source not in docs/"); continue
        t, t2 = texts.get(src, ("", ""))
        extra = set(c) - CASE_KEYS
        if extra: bad(f"{w}: unknown keys {extra}")
        if "kind" in c and c["kind"] not in KINDS: bad(f"{w}: kind {c['kind']!r}")
        if "kind" in c and c["kind"] != "その他" and c["kind"] not in t and c["kind"] != "付議" or \
           (c.get("kind") == "付議" and "付議" not in t):
            bad(f"{w}: kind word {c['kind']!r} not in document")
        for k in ("municipality", "title"):
            if k in c: need(src, f"{w}.{k}", c[k])
        if c.get("department") is not None: need(src, f"{w}.department", c["department"])
        if "number" in c and c["number"] is not None:
            n = c["number"]
            if not (isinstance(n, str) and n.isdigit()): bad(f"{w}: number {n!r} not digits")
            elif not re.search(rf"(諮問|報告|答申)第{n}号", t2) and not re.search(rf"評価書番号.{{0,8}}?評価書名{n}(?!\d)", t2):
                bad(f"{w}: number {n} not rendered in document")
        if c.get("date") is not None:
            if not ISO.match(c["date"]) or not any(f in t2 for f in wareki(c["date"])):
                bad(f"{w}: date {c['date']} not found")
        for cit in c.get("legal_basis", []):
            m = CITE.match(cit)
            if not m: bad(f"{w}: citation {cit!r} not normalized"); continue
            law, rest = m.group(1), m.group(2)
            forms = [rest]
            mm = re.match(r"別表第(\d+)第(\d+)項", rest)
            if mm: forms.append(f"別表第{mm.group(1)}の{mm.group(2)}の項")
            if law not in t2 or not any(f in t2 for f in forms):
                bad(f"{w}: citation {cit!r} not rendered in document")
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or not re.search(rf"(?<!\d){n}人", t2):
                bad(f"{w}: subjects_count {n!r} not rendered as N人")
        for j, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pw = f"{w} proc {j}"
            extra = set(p) - PROC_KEYS
            if extra: bad(f"{pw}: unknown keys {extra}")
            if p.get("type") not in TYPES: bad(f"{pw}: type {p.get('type')!r}"); continue
            if TYPE_SURFACE[p["type"]] not in t: bad(f"{pw}: no surface of type {p['type']}")
            if "title" in p: need(src, f"{pw}.title", p["title"])
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list): bad(f"{pw}.{k}: not a list"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{pw}.{k}: duplicates")
                    for v in p[k]: need(src, f"{pw}.{k}", v)
            if p.get("partner") is not None: need(src, f"{pw}.partner", p["partner"])
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None and (not ISO.match(v) or not any(f in t2 for f in wareki(v))):
                    bad(f"{pw}.{k}: {v} not found")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period_start after period_end")

    # traps
    for name, traps in TRAPS.items():
        blob = json.dumps([c for c in cases if c.get("source") == name], ensure_ascii=False)
        for tr in traps:
            hit = re.search(rf'(?<![\d-]){re.escape(tr)}(?![\d-])', blob) if tr.isdigit() or ISO.match(tr) else (tr in blob)
            if hit:
                bad(f"{name}: trap value {tr!r} appears in gold")
            if not (ISO.match(tr) or tr.isdigit()) and norm(tr) not in texts.get(name, ("", ""))[0]:
                bad(f"{name}: trap {tr!r} not in document (stale trap list)")
    for name in DOCS:
        if not any(c.get("source") == name for c in cases):
            bad(f"{name}: no gold case")

    print(f"documents: {len(DOCS)}, cases: {len(cases)}, procedures: {nproc}")
    for p in problems: print("PROBLEM:", p)
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
