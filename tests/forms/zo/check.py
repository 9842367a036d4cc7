#!/usr/bin/env python3
"""Standalone validator for estimate set 37.

python3 check.py [--gold gold.json] [--docs docs]

Checks: gold.json / gold.jsonl parse and agree; keys and value types; every source exists in docs/;
each document decodes strictly in its declared codec with its BOM and line ends; every gold string
(municipality, kind, title, department, consignees, subcontractors, partner, data_items, procedure
titles) occurs in the decoded document after HTML tag stripping, NFKC and whitespace removal; dates,
citations, numbers and counts render back into a form the document contains; trap values appear
nowhere in the gold."""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (codec, BOM, line end)
DOCS = {
    "t1_miyakojima_juten.txt": ("cp932", False, "\r\n"),
    "t2_urasoe_shimon.txt": ("euc_jp", False, "\n"),
    "t3_uwajima_word.txt": ("utf-8", True, "\r\n"),
    "t4_kochi_kekka.html": ("utf-8", False, "\n"),
    "t5_karatsu_ichiran.md": ("utf-8", False, "\n"),
    "t6_miyakonojo_kishou.txt": ("shift_jis", False, "\n"),
}

# values that must not appear anywhere in the gold of that document
TRAPS = {
    "t1_miyakojima_juten.txt": ["株式会社ぱいぬ情報開発", "総務部総務課", "2023-10-02", "2023-12-05", "2023-10-16",
                                "2023-11-15", "2023-04-01", "19642", "12108", "24", "国保連合会", "番号法別表第2第42項"],
    "t2_urasoe_shimon.txt": ["株式会社みなとがわ事務センター", "187", "4200", "2025-06-24", "2024-07-01", "2024-10-31",
                             "条例第5条第2号", "電話番号@再委託", "児童の氏名@再委託", "児童の生年月日@再委託",
                             "クラウド型窓口予約システムの提供事業者"],
    "t3_uwajima_word.txt": ["2900", "150", "市民環境部税務課", "転入前の市区町村", "個人番号@*", "2-1", "2-2"],
    "t4_kochi_kekka.html": ["2025-07-28", "2025-08-04", "2025-08-20", "総務部総務課", "1120000", "株式会社南国ライブラリーサービス（プライバシーマーク取得事業者）",
                            "高知県国民健康保険団体連合会", "住所@外部結合", "電話番号@外部結合", "氏名@外部結合",
                            "氏名@再委託", "生年月日@再委託"],
    "t5_karatsu_ichiran.md": ["有限会社唐津コールサービス", "42000", "61000", "4", "個人番号@*", "なし", "－", "-"],
    "t6_miyakonojo_kishou.txt": ["562", "9800", "190", "2025-08-25", "条例第30号", "口座番号@再委託", "口座種別@再委託"],
}

CASE_KEYS = {"source": (str,), "municipality": (str,), "kind": (str,), "number": (str, type(None)),
             "title": (str,), "date": (str, type(None)), "department": (str, type(None)),
             "legal_basis": (list,), "subjects_count": (int, type(None)), "procedures": (list,)}
PROC_KEYS = {"type": (str,), "title": (str,), "consignees": (list,), "subcontractors": (list,),
             "partner": (str, type(None)), "data_items": (list,), "period_start": (str, type(None)),
             "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
KNUM = "〇一二三四五六七八九"

problems = []


def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def kanji(n):
    if n == 0:
        return "〇"
    out = ""
    if n >= 1000:
        out += ("" if n // 1000 == 1 else KNUM[n // 1000]) + "千"; n %= 1000
    if n >= 100:
        out += ("" if n // 100 == 1 else KNUM[n // 100]) + "百"; n %= 100
    if n >= 10:
        out += ("" if n // 10 == 1 else KNUM[n // 10]) + "十"; n %= 10
    if n:
        out += KNUM[n]
    return out


def nums(n):
    return [str(n), kanji(n)]


def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    for era, base in (("令和", 2018), ("平成", 1988)):
        e = y - base
        if e < 1:
            continue
        for en in ([str(e), kanji(e)] + (["元"] if e == 1 else [])):
            for mm in nums(m):
                for dd in nums(d):
                    out.append(f"{era}{en}年{mm}月{dd}日")
    out.append(f"{y}年{m}月{d}日")
    out.append(f"{y}/{m:02d}/{d:02d}")
    return out


def count_forms(n):
    out = [f"{n:,}人", f"{n}人"]
    if n >= 10000:
        man, rest = divmod(n, 10000)
        s = f"{man}万"
        if rest:
            if rest % 1000 == 0:
                s += f"{rest // 1000}千"
            else:
                s += str(rest)
        out.append(s + "人")
    return out


def citation_ok(cit, text):
    m = re.match(r"^(条例|番号法|要綱|法)(.*)$", cit)
    if not m:
        return False
    law, rest = m.groups()
    mb = re.match(r"^別表第(\d+)(?:第(\d+)項)?$", rest)
    if mb:
        t, k = int(mb.group(1)), mb.group(2)
        for tt in nums(t):
            if k is None:
                if f"別表第{tt}" in text:
                    return True
            else:
                for kk in nums(int(k)):
                    if f"別表第{tt}の{kk}の項" in text or f"別表第{tt}第{kk}項" in text:
                        return True
        return False
    parts = re.findall(r"第(\d+)(条|項|号)", rest)
    if not parts or "".join(f"第{a}{b}" for a, b in parts) != rest:
        return False
    def chain(ps, kan):
        return "".join(f"第{kanji(int(a)) if kan else a}{b}" for a, b in ps)
    for kan in (False, True):
        if chain(parts, kan) in text:
            return True
        # "第4条第1項第2号及び第3号": head chain present and last element joined by 及び/、
        if len(parts) > 1:
            head, last = chain(parts[:-1], kan), chain(parts[-1:], kan)
            if re.search(re.escape(head) + r"[^。]{0,30}?(及び|並びに|、|・)" + re.escape(last), text):
                return True
    return False


def doc_text(name, docs):
    path = os.path.join(docs, name)
    if not os.path.exists(path):
        bad(f"{name}: missing in docs/")
        return None
    codec, bom, eol = DOCS[name]
    raw = open(path, "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != bom:
        bad(f"{name}: BOM {'missing' if bom else 'unexpected'}")
    if has_bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return None
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: also decodes as UTF-8 (not really {codec})")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "\r\n" and crlf != lf:
        bad(f"{name}: expected CRLF everywhere ({crlf}/{lf})")
    if eol == "\n" and crlf:
        bad(f"{name}: expected LF only, found {crlf} CRLF")
    nlines = lf
    if not 30 <= nlines <= 200:
        bad(f"{name}: {nlines} lines, outside 30..200")
    src = os.path.join(HERE, "src", name)
    if os.path.exists(src):
        master = open(src, encoding="utf-8").read().replace("\r\n", "\n")
        if text.replace("\r\n", "\n") != master:
            bad(f"{name}: docs/ differs from src/ master (rebuild with build_docs.py)")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text


def strings_of(case):
    yield "municipality", case["municipality"]
    yield "kind", case["kind"]
    yield "title", case["title"]
    if case.get("department"):
        for d in case["department"].split("、"):
            yield "department", d
    for i, p in enumerate(case["procedures"]):
        for k in ("title", "partner"):
            if p.get(k):
                yield f"proc{i+1}.{k}", p[k]
        for k in ("consignees", "subcontractors", "data_items"):
            for v in p.get(k, []):
                yield f"proc{i+1}.{k}", v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    try:
        gold = json.load(open(a.gold, encoding="utf-8"))
    except Exception as e:
        bad(f"gold does not parse: {e}")
        return 1
    cases = gold.get("cases")
    if not isinstance(cases, list) or not cases:
        bad("gold has no cases list")
        return 1
    jl = os.path.join(os.path.dirname(os.path.abspath(a.gold)), "gold.jsonl")
    if os.path.exists(jl):
        lines = [json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()]
        if lines != cases:
            bad("gold.jsonl differs from gold.json")
    else:
        bad("gold.jsonl missing")
    texts = {}
    for name in sorted(set(c.get("source") for c in cases) | set(DOCS)):
        if name not in DOCS:
            bad(f"{name}: source not declared in DOCS")
            continue
        t = doc_text(name, a.docs)
        if t is not None:
            texts[name] = (t, fold(t))
    seen_pairs = set()
    nproc = 0
    for ci, c in enumerate(cases):
        tag = f"case {ci+1} ({c.get('source')})"
        for k, v in c.items():
            if k not in CASE_KEYS:
                bad(f"{tag}: unknown key {k}")
            elif not isinstance(v, CASE_KEYS[k]) or isinstance(v, bool):
                bad(f"{tag}: {k} has type {type(v).__name__}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            if k not in c:
                bad(f"{tag}: required key {k} missing")
        if c.get("kind") not in KINDS:
            bad(f"{tag}: kind {c.get('kind')}")
        if c.get("number") is not None and not re.fullmatch(r"\d+", c["number"]):
            bad(f"{tag}: number not digits")
        if (c.get("source"), c.get("title")) in seen_pairs:
            bad(f"{tag}: duplicate source+title")
        seen_pairs.add((c.get("source"), c.get("title")))
        for cit in c.get("legal_basis", []):
            if not isinstance(cit, str) or not re.fullmatch(r"(条例|番号法|要綱|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)", cit):
                bad(f"{tag}: citation not normalized: {cit!r}")
        for p in c.get("procedures", []):
            nproc += 1
            for k, v in p.items():
                if k not in PROC_KEYS:
                    bad(f"{tag}: unknown procedure key {k}")
                elif not isinstance(v, PROC_KEYS[k]):
                    bad(f"{tag}: procedure {k} has type {type(v).__name__}")
            if p.get("type") not in TYPES:
                bad(f"{tag}: procedure type {p.get('type')}")
            for k in ("consignees", "subcontractors", "data_items"):
                v = p.get(k, [])
                if any(not isinstance(x, str) or not x.strip() for x in v):
                    bad(f"{tag}: {k} has a non-string or empty entry")
                if len(set(v)) != len(v):
                    bad(f"{tag}: {k} has duplicates")
            for k in ("period_start", "period_end"):
                if p.get(k) is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p[k]):
                    bad(f"{tag}: {k} not ISO")
        if c.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]):
            bad(f"{tag}: date not ISO")
        if c.get("source") not in texts:
            continue
        raw, f = texts[c["source"]]
        for field, s in strings_of(c):
            if fold(s) not in f:
                bad(f"{tag}: {field} {s!r} not found in document")
        dates = [c.get("date")] + [p.get(k) for p in c["procedures"] for k in ("period_start", "period_end")]
        for d in dates:
            if d and not any(fold(x) in f for x in date_forms(d)):
                bad(f"{tag}: date {d} not found in any written form")
        for cit in c.get("legal_basis", []):
            if not citation_ok(cit, f):
                bad(f"{tag}: citation {cit} not rendered in document")
        n = c.get("number")
        if n:
            forms = [f"諮問第{x}号" for x in nums(int(n))] + [f"報告第{x}号" for x in nums(int(n))]
            ok = any(x in f for x in forms) or re.search(r"評価書番号(評価書名)?" + n + r"(?!\d)", f)
            if not ok:
                bad(f"{tag}: number {n} not found as 諮問第N号/報告第N号/評価書番号")
        sc = c.get("subjects_count")
        if sc is not None and not any(x in f for x in count_forms(sc)):
            bad(f"{tag}: subjects_count {sc} not found as a count of persons")
        # traps
        gvals = json.dumps(c, ensure_ascii=False)
        for t in TRAPS.get(c["source"], []):
            if "@" in t:
                val, ptype = t.split("@")
                for p in c["procedures"]:
                    if ptype in (p["type"], "*") and val in p.get("data_items", []):
                        bad(f"{tag}: trap {val!r} among the {ptype} items")
                continue
            if t.isdigit():
                vals = [c.get("number"), str(c.get("subjects_count"))]
                if t in vals:
                    bad(f"{tag}: trap number {t} used")
                continue
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
                if t in dates:
                    bad(f"{tag}: trap date {t} used")
                continue
            if t in ("なし", "－", "-"):
                for p in c["procedures"]:
                    if t in p.get("subcontractors", []) + p.get("consignees", []):
                        bad(f"{tag}: trap {t!r} as a party")
                continue
            if t in gvals:
                bad(f"{tag}: trap value {t!r} appears in gold")
    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
