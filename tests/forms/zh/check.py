#!/usr/bin/env python3
"""Standalone validator for estimate set 30.  Usage: python3 check.py [--gold G] [--docs D]"""
import argparse, html, json, os, re, sys, unicodedata

CODECS = {  # file -> (codec, BOM, line ends)
    "u1_hakodate_wikitext.txt": ("utf-8", False, "lf"),
    "u2_maebashi_mikeshi.html": ("utf-8", True, "crlf"),
    "u3_numazu_mermaid.md": ("utf-8", False, "lf"),
    "u4_yonago_nenji_tsv.txt": ("cp932", False, "excel"),   # CRLF records, bare LF inside quoted cells
    "u5_ube_shoukai_kaitou.txt": ("euc_jp", False, "lf"),
    "u6_ishinomaki_kangxi.txt": ("utf-8", False, "lf"),
}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集", "特定個人情報保護評価", "その他"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start", "period_end"}
CITE = re.compile(r"^(条例|要綱|番号法|法|規則)(第\d+条(の\d+)?(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# values that are in the documents but must not appear anywhere in the gold
TRAPS = {
    "u1_hakodate_wikitext.txt": ["有限会社五稜郭ケアプラン", "法務文書課", "2025-10-27", "2025-11-04", "2025-11-10",
                                 "14000", "個人番号", "ISMAP", "2022-04-01"],
    "u2_maebashi_mikeshi.html": ["株式会社あかぎラーニング", "株式会社あかぎ印刷", "第45条", "第4条第1項", "2026-03-31",
                                 "生年月日、", "個人番号", "総務部総務課", "2025-08-20", "2025-08-29", "2025-09-04",
                                 "11000", "学務課", "保護者の氏名"],
    "u3_numazu_mermaid.md": ["株式会社ぬまづテレサポート", "デジタル推進課", "2025-11-26", "2025-10-30", "2025-11-14",
                             "2026-01-15", "2026-01-31", "13000", "個人番号", "生活保護の受給状況", "\\"],
    "u4_yonago_nenji_tsv.txt": ["株式会社米子プリントセンター", "長寿社会課", "障がい者支援課", "市民課", "防災安全課",
                                "2025-04-30", "2025-07-22", "8400", "2100", "96000", "3300", "42", "※", "資料４"],
    "u5_ube_shoukai_kaitou.txt": ["○○", "〇〇", "株式会社宇部ネットワークサービス", "総務部総務課", "2025-05-12",
                                  "2025-05-30", "2025-07-10", "2026-03-31", "24000", "個人番号", "住民記録係"],
    "u6_ishinomaki_kangxi.txt": ["株式会社仙台ネットソリューション", "553", "石福総", "2025-09-30", "2025-08-20",
                                 "4200", "個人番号", "ISMAP", "2020-11", "第9号"],
}


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def doc_texts(name, raw):
    """Return (current, everything): the reading a careful reader takes, and all text incl. deletions."""
    if name.endswith(".html"):
        body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        everything = html.unescape(re.sub(r"<[^>]+>", "", body))
        current = re.sub(r"(?is)<del\b.*?</del>", "", body)
        current = html.unescape(re.sub(r"<[^>]+>", "", current))
        return norm(current), norm(everything)
    t = norm(raw)
    return t, t


def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    forms = [f"{y}/{m}/{d}", f"{y}年{m}月{d}日"]
    if y >= 2019:
        forms.append(f"令和{y - 2018}年{m}月{d}日")
    return forms


def count_forms(n):
    forms = {f"{n:,}人", f"{n}人"}
    man, rest = divmod(n, 10000)
    if man:
        forms.add(f"{man}万人" if rest == 0 else f"{man}万{rest // 1000}千人" if rest % 1000 == 0 else f"{man}万{rest}人")
    return forms


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--gold", default=os.path.join(here, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(here, "docs"))
    a = ap.parse_args()
    problems = []
    P = problems.append

    try:
        gold = json.load(open(a.gold, encoding="utf-8"))
        cases = gold["cases"]
    except Exception as e:
        print("gold does not parse:", e); return 1
    jl = os.path.join(os.path.dirname(a.gold), "gold.jsonl")
    if os.path.exists(jl):
        lines = [json.loads(l) for l in open(jl, encoding="utf-8") if l.strip()]
        if lines != cases:
            P("gold.jsonl differs from gold.json")

    texts = {}
    for name, (codec, bom, eol) in CODECS.items():
        path = os.path.join(a.docs, name)
        if not os.path.exists(path):
            P(f"{name}: missing in docs/"); continue
        data = open(path, "rb").read()
        if data.startswith(b"\xef\xbb\xbf") != bom:
            P(f"{name}: BOM expected={bom}")
        if bom:
            data = data[3:]
        try:
            raw = data.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            P(f"{name}: does not decode as {codec}: {e}"); continue
        if codec != "utf-8":
            try:
                data.decode("utf-8")
                P(f"{name}: also decodes as UTF-8 (expected a legacy codec)")
            except UnicodeDecodeError:
                pass
        crlf = raw.count("\r\n"); lf = raw.count("\n") - crlf
        if eol == "lf" and crlf:
            P(f"{name}: CRLF found in an LF file")
        if eol == "crlf" and lf:
            P(f"{name}: bare LF found in a CRLF file")
        if eol == "excel":
            outside = re.sub(r'"[^"]*"', "", raw)
            if "\n" in outside.replace("\r\n", "") or not crlf or not lf:
                P(f"{name}: expected CRLF records with bare LF only inside quoted cells")
        n = raw.count("\n")
        if not 40 <= n <= 180:
            P(f"{name}: {n} lines, expected 40-180")
        texts[name] = (raw,) + doc_texts(name, raw)
    for name in os.listdir(a.docs):
        if name not in CODECS:
            P(f"docs/{name}: not declared in check.py")

    nproc = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        tag = f"case {i} ({src} {c.get('number')})"
        if set(c) - CASE_KEYS:
            P(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
        if src not in texts:
            P(f"{tag}: source not in docs/"); continue
        raw, cur, allt = texts[src]
        if c.get("kind") not in KINDS:
            P(f"{tag}: bad kind {c.get('kind')}")
        if "number" in c and c["number"] is not None:
            if not re.fullmatch(r"\d+", c["number"]):
                P(f"{tag}: number not digits")
            elif not re.search(rf"(諮問|報告|答申)第{c['number']}号", cur):
                P(f"{tag}: number {c['number']} not found as 諮問/報告第N号")
        if c.get("date") is not None:
            if not ISO.match(c["date"]):
                P(f"{tag}: date not ISO")
            elif not any(norm(f) in cur for f in date_forms(c["date"])):
                P(f"{tag}: date {c['date']} not found in the document")
        for cit in c.get("legal_basis", []):
            if not CITE.match(cit):
                P(f"{tag}: citation not normalized: {cit}")
            for tok in re.findall(r"第\d+[条項号]", cit):
                if tok not in cur:
                    P(f"{tag}: citation part {tok} of {cit} not in the document")
        sc = c.get("subjects_count")
        if sc is not None:
            if not isinstance(sc, int):
                P(f"{tag}: subjects_count not int")
            elif not any(f in cur for f in count_forms(sc)):
                P(f"{tag}: count {sc} not rendered in the document")
        strings = [("municipality", c.get("municipality")), ("title", c.get("title")), ("department", c.get("department"))]
        for j, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pt = f"{tag} proc {j + 1}"
            if set(p) - PROC_KEYS:
                P(f"{pt}: unknown keys {set(p) - PROC_KEYS}")
            if p.get("type") not in TYPES:
                P(f"{pt}: bad type {p.get('type')}")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not ISO.match(v):
                        P(f"{pt}: {k} not ISO")
                    elif not any(norm(f) in cur for f in date_forms(v)):
                        P(f"{pt}: {k} {v} not found in the document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                P(f"{pt}: period_start after period_end")
            for k in ("consignees", "subcontractors", "data_items"):
                v = p.get(k, [])
                if not isinstance(v, list):
                    P(f"{pt}: {k} not a list")
                if len(v) != len(set(v)):
                    P(f"{pt}: duplicate {k}")
                strings += [(f"proc{j + 1}.{k}", s) for s in v]
            strings += [(f"proc{j + 1}.title", p.get("title")), (f"proc{j + 1}.partner", p.get("partner"))]
        for k, s in strings:
            if s is None:
                continue
            if norm(s) not in cur:
                P(f"{tag}: {k} {s!r} not found in the (current) document text")
        blob = json.dumps(c, ensure_ascii=False)
        for trap in TRAPS.get(src, []):
            t = trap if not re.fullmatch(r"\d+", trap) else None
            if t is not None and trap in blob:
                P(f"{tag}: trap value {trap!r} appears in the gold")
            if t is None and (c.get("subjects_count") == int(trap) or c.get("number") == trap):
                P(f"{tag}: trap number {trap} used as count or number")

    print(f"documents: {len(texts)}, cases: {len(cases)}, procedures: {nproc}")
    for p in problems:
        print("PROBLEM:", p)
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
