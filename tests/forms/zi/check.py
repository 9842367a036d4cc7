#!/usr/bin/env python3
"""Standalone validator for estimate set 31.

python3 check.py [--gold gold.json] [--docs docs]

Checks: gold.json / gold.jsonl parse and agree; keys, kinds, types, numbers,
dates, counts and citations are well formed; every source exists in docs/ and
decodes strictly in its declared codec with the declared BOM and line ends;
every gold string occurs in its document after decoding, HTML tag stripping
(ruby readings <rt>/<rp> dropped), entity unescaping, NFKC and whitespace
removal; dates, counts, numbers and citations render back into forms the
document contains; per-document trap values occur nowhere in the gold.
Prints `problems: N` and exits 1 when N > 0.
"""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

DOCS = {  # name -> (codec, BOM?, line end)
    "u1_shirosato_proposal.txt":        ("cp932",  False, "\r\n"),
    "u2_takasu_gian.txt":               ("euc_jp", False, "\n"),
    "u3_oshika_kouhou.html":            ("utf-8",  False, "\n"),
    "u4_chichibu_saiitaku_shinsei.txt": ("utf-8",  True,  "\r\n"),
    "u5_chizu_jitchi_chosa.md":         ("utf-8",  False, "\n"),
    "u6_sakai_kouiki_unyou.txt":        ("utf-8",  False, "\r\n"),
}

# values that are traps in each document and must not appear anywhere in its gold
TRAPS = {
    "u1_shirosato_proposal.txt": ["株式会社みとデータテクノ", "2025-09-02", "2025-12-03", "2025-11-21",
                                  "地方自治法施行令第167条の4", "2914", "6238", "10000", "88400"],
    "u2_takasu_gian.txt": ["株式会社ほくしんケアサービス", "株式会社あさひかわ警備保障", "47", "48",
                           "2025-11-17", "2025-10-24", "地方自治法第244条の2第6項", "指定管理者の指定について",
                           "鷹栖町手数料条例の一部を改正する条例"],
    "u3_oshika_kouhou.html": ["2026-02-01", "2025-12-22", "712", "3100", "14", "郵便局", "新聞販売店",
                              "住民税務課", "しめい", "じょうこう"],
    "u4_chichibu_saiitaku_shinsei.txt": ["1158", "2", "2025-10-28", "2025-10-15", "2025-04-01",
                                         "株式会社秩父ビジネスフォーム", "金融機関名", "口座番号",
                                         "470", "48000", "契約書第12条第2項", "21804456"],
    "u5_chizu_jitchi_chosa.md": ["3", "2026-01-26", "2025-11-12", "2025-12-03", "株式会社とっとり印刷サービス",
                                 "株式会社八頭システム開発", "2300", "42", "8", "税務住民課", "教育課"],
    "u6_sakai_kouiki_unyou.txt": ["2025-06-30", "2024-06-28", "2024-10-11", "株式会社若狭情報サービス",
                                  "条例第11条", "23", "16", "坂井警察署", "総務課", "事務局総務課"],
}

KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis",
             "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start",
             "period_end"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fold(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def doc_text(name, raw):
    codec, bom, _ = DOCS[name]
    t = raw.decode(codec, errors="strict")
    if bom:
        t = t.lstrip("\ufeff")
    if name.endswith((".html", ".htm")):
        t = re.sub(r"(?is)<(rt|rp|script|style)\b.*?</\1>", "", t)
        t = re.sub(r"(?s)<[^>]+>", "", t)
        t = html.unescape(t)
    return fold(t)


def iter_strings(case):
    for k in ("municipality", "title", "department"):
        if isinstance(case.get(k), str):
            yield k, case[k]
    for i, p in enumerate(case.get("procedures", [])):
        for k in ("title", "partner"):
            if isinstance(p.get(k), str):
                yield f"procedures[{i}].{k}", p[k]
        for k in ("consignees", "subcontractors", "data_items"):
            for v in p.get(k) or []:
                yield f"procedures[{i}].{k}", v


def wareki_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = []
    if y >= 2019:
        r = y - 2018
        out.append(f"令和{'元' if r == 1 else r}年{m}月{d}日")
    if 1989 <= y <= 2019:
        out.append(f"平成{y - 1988}年{m}月{d}日")
    out.append(f"{y}年{m}月{d}日")
    return out


def count_forms(n):
    out = {str(n), f"{n:,}"}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0:
            out.add(f"{man}万")
        else:
            out.add(f"{man}万{rest}")
            if rest % 1000 == 0:
                out.add(f"{man}万{rest // 1000}千")
    return {f + "人" for f in out}


def all_values(case):
    """every scalar value in a case, dates and numbers included, as strings"""
    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                yield from walk(x)
        elif isinstance(v, list):
            for x in v:
                yield from walk(x)
        elif v is not None:
            yield str(v)
    return list(walk(case))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    problems = []
    P = problems.append

    try:
        with open(a.gold, encoding="utf-8") as f:
            gold = json.load(f)
        cases = gold["cases"]
    except Exception as e:  # noqa
        print(f"gold does not parse: {e}")
        print("problems: 1")
        return 1
    jl = os.path.splitext(a.gold)[0] + ".jsonl"
    if os.path.exists(jl):
        with open(jl, encoding="utf-8") as f:
            lines = [json.loads(x) for x in f if x.strip()]
        if lines != cases:
            P(f"{jl}: cases differ from {a.gold}")
    else:
        P(f"{jl}: missing")

    texts = {}
    for name, (codec, bom, eol) in DOCS.items():
        path = os.path.join(a.docs, name)
        if not os.path.exists(path):
            P(f"{name}: missing in docs/")
            continue
        raw = open(path, "rb").read()
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != bom:
            P(f"{name}: BOM {'missing' if bom else 'unexpected'}")
        try:
            texts[name] = doc_text(name, raw)
            dec = raw.decode(codec)
        except UnicodeDecodeError as e:
            P(f"{name}: does not decode as {codec}: {e}")
            continue
        crlf = dec.count("\r\n")
        lf = dec.count("\n")
        if eol == "\r\n" and crlf != lf:
            P(f"{name}: expected CRLF line ends ({crlf} of {lf})")
        if eol == "\n" and crlf:
            P(f"{name}: expected LF line ends, found {crlf} CRLF")
        nlines = lf
        if not 40 <= nlines <= 200:
            P(f"{name}: {nlines} lines (expected 40-200)")
        if codec != "utf-8" and dec.isascii():
            P(f"{name}: ASCII only, codec not exercised")

    nproc = 0
    for ci, c in enumerate(cases):
        tag = f"case {ci} ({c.get('source')} {c.get('number')})"
        for k in c:
            if k not in CASE_KEYS:
                P(f"{tag}: unknown key {k}")
        for k in ("source", "municipality", "title", "procedures"):
            if k not in c:
                P(f"{tag}: required key {k} missing")
        src = c.get("source")
        if src not in DOCS:
            P(f"{tag}: source {src} not a docs file")
            continue
        if "kind" in c and c["kind"] not in KINDS:
            P(f"{tag}: bad kind {c['kind']}")
        if c.get("number") is not None and not re.fullmatch(r"\d+", c["number"]):
            P(f"{tag}: number not digits: {c['number']}")
        if c.get("date") is not None and not ISO.match(c["date"]):
            P(f"{tag}: date not ISO: {c['date']}")
        sc = c.get("subjects_count")
        if sc is not None and not (isinstance(sc, int) and not isinstance(sc, bool)):
            P(f"{tag}: subjects_count not an integer")
        for cit in c.get("legal_basis", []) or []:
            if not CITE.match(cit):
                P(f"{tag}: citation not normalized: {cit}")
        t = texts.get(src)
        if t is None:
            continue
        # strings
        for where, v in iter_strings(c):
            if fold(v) not in t:
                P(f"{tag}: {where} {v!r} not found in {src}")
        # dates
        dates = [c.get("date")] + [p.get(k) for p in c.get("procedures", []) for k in ("period_start", "period_end")]
        for d in dates:
            if d is None:
                continue
            if not ISO.match(d):
                P(f"{tag}: date not ISO: {d}")
                continue
            if not any(fold(f) in t for f in wareki_forms(d)):
                P(f"{tag}: date {d} not found in any written form")
        if isinstance(sc, int):
            if not any(fold(f) in t for f in count_forms(sc)):
                P(f"{tag}: count {sc} not found as a number of persons")
        if c.get("number"):
            n = c["number"]
            if not any(f"{k}第{n}号" in t for k in ("諮問", "報告", "答申")):
                P(f"{tag}: number {n} not found as 諮問/報告第N号")
        for cit in c.get("legal_basis", []) or []:
            body = re.sub(r"^(条例|要綱|番号法|法)", "", cit)
            if body not in t:
                P(f"{tag}: citation {cit} ({body}) not found")
        # procedures
        for pi, p in enumerate(c.get("procedures", [])):
            nproc += 1
            for k in p:
                if k not in PROC_KEYS:
                    P(f"{tag} proc {pi}: unknown key {k}")
            if p.get("type") not in TYPES:
                P(f"{tag} proc {pi}: bad type {p.get('type')}")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p and not isinstance(p[k], list):
                    P(f"{tag} proc {pi}: {k} not a list")
                if k in p and len(set(p[k])) != len(p[k]):
                    P(f"{tag} proc {pi}: duplicate values in {k}")
        # traps
        vals = [fold(v) for v in all_values(c)]
        for trap in TRAPS.get(src, []):
            ft = fold(trap)
            if ft in vals:
                P(f"{tag}: trap value {trap!r} used in the gold")

    srcs = {c.get("source") for c in cases}
    for name in DOCS:
        if name not in srcs:
            P(f"{name}: no gold case")

    for p in problems:
        print(p)
    print(f"documents: {len(DOCS)}, cases: {len(cases)}, procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
