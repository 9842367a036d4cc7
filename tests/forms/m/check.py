#!/usr/bin/env python3
"""Check the hidden estimate set: encodings, lengths, and that every gold value
can be found in its document after NFKC + whitespace removal (HTML tags
stripped), with dates, citations, numbers and counts rendered back into the
forms the documents use. Prints `problems: N`."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
EXPECTED_ENC = {  # file -> encoding it must be in (and must not be valid UTF-8 if not utf-8)
    "t1_nishitokyo_keisen_shimon_cp932.txt": "cp932",
    "t2_kofu_details_houkoku.html": "utf-8",
    "t3_ichinomiya_juten_tasklist.md": "utf-8",
    "t4_akashi_toushin_leader_euc.txt": "euc_jp",
    "t5_itabashi_decimal_fugi.txt": "utf-8",
}
CRLF = {"t1_nishitokyo_keisen_shimon_cp932.txt"}  # files that must use CRLF line ends
BOX = re.compile("[\u2500-\u257f]")
problems = []

def prob(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))

def load(name):
    raw = open(os.path.join(DOCS, name), "rb").read()
    enc = EXPECTED_ENC.get(name)
    if enc is None:
        prob(f"{name}: unexpected file")
        enc = "utf-8"
    if enc != "utf-8":
        try:
            raw.decode("utf-8")
            prob(f"{name}: expected {enc} but the file is valid UTF-8")
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as e:
        prob(f"{name}: does not decode as {enc}: {e}")
        text = raw.decode(enc, "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        prob(f"{name}: unexpected BOM")
    if name in CRLF:
        if raw.count(b"\n") != raw.count(b"\r\n"):
            prob(f"{name}: expected CRLF line ends throughout")
    elif b"\r" in raw:
        prob(f"{name}: unexpected CR")
    n = len(text.splitlines())
    if not 40 <= n <= 150:
        prob(f"{name}: {n} lines (want 40-150)")
    if BOX.search(text):
        # ruled (罫線) table: a wrapped label cell interrupts the value cell's text,
        # so also offer the value column read top to bottom (cells joined per table)
        col = []
        for line in text.splitlines():
            cells = line.split("\u2502")
            if len(cells) >= 4:
                col.append(cells[2])
            else:
                col.append("\n")
        text = text + "\n" + "".join(col)
    if name.endswith(".html"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text

KAN = "〇一二三四五六七八九"
def kanji(n):
    n = int(n)
    if n < 10: return KAN[n]
    if n < 100:
        t, o = divmod(n, 10)
        return ("" if t == 1 else KAN[t]) + "十" + ("" if o == 0 else KAN[o])
    return "".join(KAN[int(c)] for c in str(n))

def num_alts(n):
    return [str(int(n)), kanji(n)]

def date_forms(iso):
    Y, M, D = (int(x) for x in iso.split("-"))
    eras = []
    if (Y, M, D) >= (2019, 5, 1): eras.append(("令和", Y - 2018))
    if Y >= 1989: eras.append(("平成", Y - 1988))
    if 1926 <= Y <= 1989: eras.append(("昭和", Y - 1925))
    forms = [f"{Y}年{M}月{D}日", f"{Y}/{M:02d}/{D:02d}", f"{Y}-{M:02d}-{D:02d}"]
    for era, y in eras:
        for ys in ([str(y), kanji(y)] + (["元"] if y == 1 else [])):
            for ms, ds in ((str(M), str(D)), (kanji(M), kanji(D))):
                forms.append(f"{era}{ys}年{ms}月{ds}日")
                forms.append(f"{era}{ys}({Y})年{ms}月{ds}日")
    return forms

def count_forms(n):
    f = {str(n), f"{n:,}"}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0: f.add(f"{man}万")
        if rest % 1000 == 0: f.add(f"{man}万{rest // 1000}千")
        f.add(f"{n / 10000:g}万")
    return f

CIT = re.compile(r"^(.*?)((?:第\d+条(?:の\d+)?)(?:第\d+項)?(?:第\d+号)?|別表第\d+(?:第\d+項)?)$")
def citation_ok(cit, t):
    m = CIT.match(cit)
    if not m:
        return False
    law, tail = m.groups()
    if law and law not in t:
        return False
    parts = re.findall(r"別表第\d+|第\d+[条項号]", tail)
    alts = []
    for p in parts:
        n = re.search(r"\d+", p).group()
        if p.startswith("別表"):
            alts.append("(?:" + "|".join(f"別表第{x}" for x in num_alts(n)) + ")")
        elif p.endswith("項") and parts[0].startswith("別表"):
            alts.append("(?:" + "|".join(f"(?:第{x}項|{x}の?項)" for x in num_alts(n)) + ")")
        else:
            alts.append("(?:" + "|".join(f"第{x}{p[-1]}" for x in num_alts(n)) + ")")
    # components in order; other text (及び, の, 、 …) allowed between them
    rx = ".{0,40}?".join(alts)
    return re.search(rx, t) is not None

def must(name, label, value, t):
    if value is None:
        return
    if norm(value) not in t:
        prob(f"{name}: {label} {value!r} not found")

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    texts = {n: norm(load(n)) for n in sorted(os.listdir(DOCS))}
    for n in EXPECTED_ENC:
        if n not in texts:
            prob(f"{n}: missing")
    nproc = 0
    seen_sources = set()
    for c in gold["cases"]:
        src = c["source"]
        seen_sources.add(src)
        t = texts.get(src)
        if t is None:
            prob(f"{src}: no such document"); continue
        for k in ("municipality", "title", "department"):
            if k in c: must(src, k, c[k], t)
        if c.get("kind") not in ("諮問", "報告", "付議", "評価書", "その他"):
            prob(f"{src}: bad kind {c.get('kind')!r}")
        elif c["kind"] != "その他" and c["kind"] not in t:
            prob(f"{src}: kind {c['kind']} not in text")
        if c.get("number") is not None:
            num = c["number"]
            if not re.fullmatch(r"\d+", num):
                prob(f"{src}: number {num!r} is not digits only")
            elif not any(re.search(rf"(?:第{x}号|評価書番号.{{0,20}}?{x})", t) for x in num_alts(num)):
                prob(f"{src}: number {num} not found")
        if c.get("date") is not None and not any(f in t for f in date_forms(c["date"])):
            prob(f"{src}: date {c['date']} not found")
        for cit in c.get("legal_basis", []):
            if not citation_ok(cit, t):
                prob(f"{src}: citation {cit} not found")
        if c.get("subjects_count") is not None:
            if not any(f + "人" in t for f in count_forms(c["subjects_count"])):
                prob(f"{src}: count {c['subjects_count']} not found as N人")
        for p in c.get("procedures", []):
            nproc += 1
            if p["type"] not in ("業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用",
                                 "外部提供", "本人外収集", "特定個人情報保護評価", "その他"):
                prob(f"{src}: bad procedure type {p['type']}")
            if "title" in p: must(src, "procedure title", p["title"], t)
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals):
                    prob(f"{src}: duplicate in {k}")
                for v in vals: must(src, k, v, t)
            if p.get("partner") is not None: must(src, "partner", p["partner"], t)
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                        prob(f"{src}: {k} not ISO: {v}")
                    elif not any(f in t for f in date_forms(v)):
                        prob(f"{src}: {k} {v} not found")
    for n in texts:
        if n not in seen_sources:
            prob(f"{n}: no gold case")
    print(f"documents: {len(texts)}  cases: {len(gold['cases'])}  procedures: {nproc}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
