#!/usr/bin/env python3
"""Standalone validator for estimate-set-51 (gold.json / gold.jsonl / docs/)."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")

CODECS = {  # name -> (codec, line end, has BOM)
    "u1_akita_fugi_lgwan.txt": ("utf-8", "CRLF", True),
    "u2_tokushima_shimon_mokutekigai.txt": ("cp932", "CRLF", False),
    "u3_yamaguchi_teikyou.html": ("utf-8", "LF", False),
    "u4_saga_honningai.txt": ("euc_jp", "LF", False),
    "u5_otaru_keisanki_kiroku.txt": ("utf-8", "LF", False),
    "u6_nara_saiitaku_houkoku.md": ("utf-8", "CRLF", False),
}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)),
             "title": str, "date": (str, type(None)), "department": (str, type(None)),
             "legal_basis": list, "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list,
             "period_start": (str, type(None)), "period_end": (str, type(None))}
REQUIRED_CASE = {"source", "municipality", "kind", "title", "procedures"}
REQUIRED_PROC = {"type"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(の\d+)?(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def fold(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, eol, bom = CODECS[name]
    raw = open(os.path.join(DOCS, name), "rb").read()
    if bom != raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: BOM expectation {bom} not met")
    if bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: unexpectedly valid UTF-8 (codec {codec} not exercised)")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "CRLF" and crlf != lf:
        bad(f"{name}: mixed or LF line ends ({crlf}/{lf})")
    if eol == "LF" and crlf:
        bad(f"{name}: CR found in LF file")
    n = lf
    if not 60 <= n <= 250:
        bad(f"{name}: {n} lines, outside 60-250")
    if name.endswith(".html"):
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text

KANJI = "〇一二三四五六七八九"
def era_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    out = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", iso]
    for era, start in (("令和", 2019), ("平成", 1989)):
        e = y - start + 1
        if e >= 1:
            out.append(f"{era}{e}年{m}月{d}日")
            if e == 1:
                out.append(f"{era}元年{m}月{d}日")
    return [fold(x) for x in out]

def count_forms(n):
    out = [str(n), f"{n:,}"]
    man, rest = divmod(n, 10000)
    if man:
        s = f"{man}万"
        sen, r2 = divmod(rest, 1000)
        if sen:
            s += f"{sen}千"
        if r2 == 0:
            out.append(s)
    return out

def cite_found(c, ft):
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    tail = m.group(2)
    if tail in ft:
        return True
    parts = re.findall(r"第\d+[条項号]|別表第\d+", tail)
    # "第5条第1項第2号及び第3号": all but last as a prefix, last somewhere after it
    prefix = "".join(parts[:-1])
    i = ft.find(prefix) if prefix else 0
    return i >= 0 and parts[-1] in ft[i:]

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    cases = gold.get("cases")
    if not isinstance(cases, list) or not cases:
        bad("gold.json has no cases list")
        return
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != cases:
        bad("gold.jsonl differs from gold.json")
    texts = {}
    for name in CODECS:
        if not os.path.exists(os.path.join(DOCS, name)):
            bad(f"{name}: missing from docs/")
        else:
            texts[name] = fold(doc_text(name))
    extra = set(os.listdir(DOCS)) - set(CODECS)
    if extra:
        bad(f"unexpected files in docs/: {sorted(extra)}")
    seen_src = set()
    for i, c in enumerate(cases):
        tag = f"case {i} ({c.get('source')} {c.get('number')})"
        for k in REQUIRED_CASE - c.keys():
            bad(f"{tag}: missing key {k}")
        for k, v in c.items():
            if k not in CASE_KEYS:
                bad(f"{tag}: unknown key {k}")
            elif not isinstance(v, CASE_KEYS[k]) or isinstance(v, bool):
                bad(f"{tag}: {k} has type {type(v).__name__}")
        src = c.get("source")
        if src not in texts:
            bad(f"{tag}: source not in docs/"); continue
        seen_src.add(src)
        ft = texts[src]
        def has(s, what):
            if fold(s) not in ft:
                bad(f"{tag}: {what} {s!r} not in document")
        if c.get("kind") not in KINDS:
            bad(f"{tag}: kind {c.get('kind')!r}")
        for k in ("municipality", "title", "department"):
            if isinstance(c.get(k), str):
                has(c[k], k)
        if c.get("number") is not None:
            n = c["number"]
            if not n.isdigit() or not re.search(rf"第{n}号", ft):
                bad(f"{tag}: number {n!r} not found as 第N号")
        if c.get("date"):
            if not any(f in ft for f in era_forms(c["date"])):
                bad(f"{tag}: date {c['date']} not rendered in document")
        for cite in c.get("legal_basis", []):
            if not CITE.match(cite):
                bad(f"{tag}: citation {cite!r} not normalized")
            elif not cite_found(cite, ft):
                bad(f"{tag}: citation {cite!r} not in document")
        if c.get("subjects_count") is not None:
            if not any(f in ft for f in count_forms(c["subjects_count"])):
                bad(f"{tag}: count {c['subjects_count']} not in document")
        for j, p in enumerate(c.get("procedures", [])):
            ptag = f"{tag} proc {j}"
            for k in REQUIRED_PROC - p.keys():
                bad(f"{ptag}: missing key {k}")
            for k, v in p.items():
                if k not in PROC_KEYS:
                    bad(f"{ptag}: unknown key {k}")
                elif not isinstance(v, PROC_KEYS[k]):
                    bad(f"{ptag}: {k} has type {type(v).__name__}")
            if p.get("type") not in TYPES:
                bad(f"{ptag}: type {p.get('type')!r}")
            if isinstance(p.get("title"), str):
                has(p["title"], "procedure title")
            if isinstance(p.get("partner"), str):
                has(p["partner"], "partner")
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals):
                    bad(f"{ptag}: duplicate in {k}")
                for v in vals:
                    if not isinstance(v, str) or not v:
                        bad(f"{ptag}: {k} holds non-string {v!r}")
                    else:
                        has(v, k[:-1])
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                        bad(f"{ptag}: {k} {v!r} not ISO")
                    elif not any(f in ft for f in era_forms(v)):
                        bad(f"{ptag}: {k} {v} not rendered in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period_start after period_end")
    for name in set(texts) - seen_src:
        bad(f"{name}: no gold case")
    print(f"{len(cases)} cases, {sum(len(c.get('procedures', [])) for c in cases)} procedures, "
          f"{len(texts)} documents")
    print(f"problems: {len(problems)}")

if __name__ == "__main__":
    main()
    sys.exit(1 if problems else 0)
