#!/usr/bin/env python3
"""Standalone validator for estimate-set-49. Prints each problem and 'problems: N'; exit 1 if N > 0."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
# optional argument: another gold.json (its gold.jsonl is expected beside it)
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json")

# declared form of every document: codec, BOM, line end
DECLARED = {
    "u1_hitachi_shimon.txt":     ("cp932",  False, "CRLF"),
    "u2_takaoka_houkoku.txt":    ("euc_jp", False, "LF"),
    "u3_hiratsuka_shingikai.md": ("utf-8",  True,  "LF"),
    "u4_oyama_houkoku.md":       ("utf-8",  False, "LF"),
    "u5_anjo_kekka.html":        ("utf-8",  False, "CRLF"),
    "u6_iwata_shingikai.html":   ("cp932",  False, "CRLF"),
}
CASE_KEYS = ["source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"]
REQUIRED_CASE_KEYS = {"source", "municipality", "kind", "title", "procedures"}
PROC_KEYS = ["type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"]
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# values that must never appear in the gold (traps named in README.md)
TRAPS = ["株式会社ひたちなかシステムサービス", "日立総法", "高総第", "株式会社高岡オフセット工芸",
         "株式会社湘南リンクシステムズ", "株式会社思川ヒューマンリソース", "株式会社桜井ビジネスアシスト",
         "株式会社浜名湖コンビニ収納センター", "プライバシーマーク", "ISMAP", "ＩＳＭＡＰ", "資金移動業者",
         "内線", "総務部行政総務課", "総務部行政課", "総務部行政経営課", "総務部総務課法務係",
         "腹囲", "レセプト", "要介護度", "障害者手帳", "市民部保険年金課"]

problems = []
def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def fold(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, bom, eol = DECLARED[name]
    path = os.path.join(DOCS, name)
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf") != bom:
        bad("%s: BOM expected=%s" % (name, bom))
    if bom:
        raw = raw[3:]
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad("%s: declared %s but is valid UTF-8" % (name, codec))
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad("%s: does not decode as %s: %s" % (name, codec, e))
        return ""
    crlf = raw.count(b"\r\n")
    lf = raw.count(b"\n")
    if eol == "CRLF" and crlf != lf:
        bad("%s: expected CRLF only (%d of %d)" % (name, crlf, lf))
    if eol == "LF" and crlf:
        bad("%s: expected LF only, found %d CRLF" % (name, crlf))
    n = text.count("\n")
    if not 60 <= n <= 250:
        bad("%s: %d lines, expected 60-250" % (name, n))
    if name.endswith(".html") or name.endswith(".md"):
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    return fold(text)

KANJI = "〇一二三四五六七八九"
def kanji_num(n):
    if n < 10:
        return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + (KANJI[o] if o else "")

def date_forms(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    out = ["%d年%d月%d日" % (y, m, d), "%d/%d/%d" % (y, m, d), "%04d/%02d/%02d" % (y, m, d)]
    for era, start in (("令和", 2019), ("平成", 1989)):
        ey = y - start + 1
        if ey >= 1:
            for ys in ([str(ey)] + (["元"] if ey == 1 else [])):
                out.append("%s%s年%d月%d日" % (era, ys, m, d))
            out.append("%s%s年%s月%s日" % (era, "元" if ey == 1 else kanji_num(ey), kanji_num(m), kanji_num(d)))
    return out

def date_in(iso, text, ctx):
    forms = date_forms(iso)
    # a period may write the second date without the year: 令和7年10月1日から同年...; not used here
    if not any(f in text for f in forms):
        bad("%s: date %s not found (tried %s)" % (ctx, iso, forms[:4]))

def count_forms(n):
    out = ["%d人" % n, "{:,}人".format(n)]
    man, rest = divmod(n, 10000)
    if man:
        s = "%d万" % man
        if rest == 0:
            out.append(s + "人")
        elif rest % 1000 == 0:
            out.append(s + "%d千人" % (rest // 1000))
    return out

def cite_in(c, text, ctx):
    m = CITE.match(c)
    if not m:
        bad("%s: citation %r malformed" % (ctx, c))
        return
    law, rest = m.group(1), m.group(2)
    if law not in text:
        bad("%s: law name %s not in document" % (ctx, law))
    if rest in text:
        return
    # 第X条第Y項第A号及び第B号 → second citation
    parts = re.findall(r"第\d+[条項号]", rest)
    if parts and parts[-1].endswith("号"):
        head = "".join(parts[:-1])
        pat = re.escape(head) + r"(第\d+号(?:及び|、|,))+" + re.escape(parts[-1])
        if re.search(pat, text):
            return
    bad("%s: citation %s not found" % (ctx, c))

def s_in(val, text, ctx):
    if fold(val) not in text:
        bad("%s: %r not in document" % (ctx, val))

def main():
    try:
        with open(GOLD, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:
        bad("gold.json does not parse: %s" % e)
        return
    jl = []
    with open(GOLD + "l", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                jl.append(json.loads(line))
    if jl != gold.get("cases"):
        bad("gold.jsonl differs from gold.json")
    if set(gold) != {"cases"} or not isinstance(gold["cases"], list):
        bad("gold.json must be {'cases': [...]}")
        return
    texts = {}
    for name in DECLARED:
        if not os.path.exists(os.path.join(DOCS, name)):
            bad("docs/%s missing" % name)
        else:
            texts[name] = doc_text(name)
    extra = set(os.listdir(DOCS)) - set(DECLARED)
    if extra:
        bad("undeclared files in docs/: %s" % sorted(extra))
    seen_sources = set()
    for i, c in enumerate(gold["cases"]):
        ctx = "case %d (%s %s)" % (i, c.get("source"), c.get("number"))
        for k in c:
            if k not in CASE_KEYS:
                bad("%s: unknown key %s" % (ctx, k))
        for k in REQUIRED_CASE_KEYS - set(c):
            bad("%s: missing key %s" % (ctx, k))
        src = c.get("source")
        if src not in texts:
            bad("%s: source not in docs/" % ctx)
            continue
        seen_sources.add(src)
        t = texts[src]
        if c["kind"] not in KINDS:
            bad("%s: kind %r" % (ctx, c["kind"]))
        elif c["kind"] not in t:
            bad("%s: kind word %s not in document" % (ctx, c["kind"]))
        for k in ("municipality", "title", "department"):
            v = c.get(k)
            if v is not None:
                if not isinstance(v, str) or not v:
                    bad("%s: %s must be a non-empty string" % (ctx, k))
                else:
                    s_in(v, t, ctx + " " + k)
        if "number" in c and c["number"] is not None:
            if not re.fullmatch(r"\d+", c["number"]):
                bad("%s: number %r not digits" % (ctx, c["number"]))
            elif "%s第%s号" % (c["kind"], c["number"]) not in t:
                bad("%s: %s第%s号 not in document" % (ctx, c["kind"], c["number"]))
        if "date" in c and c["date"] is not None:
            if not ISO.match(c["date"]):
                bad("%s: date format" % ctx)
            else:
                date_in(c["date"], t, ctx + " date")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list):
                bad("%s: legal_basis must be a list" % ctx)
            else:
                for cit in c["legal_basis"]:
                    cite_in(cit, t, ctx)
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int) or isinstance(n, bool):
                bad("%s: subjects_count must be int" % ctx)
            elif not any(f in t for f in count_forms(n)):
                bad("%s: count %d not found" % (ctx, n))
        procs = c.get("procedures")
        if not isinstance(procs, list):
            bad("%s: procedures must be a list" % ctx)
            continue
        for j, p in enumerate(procs):
            pctx = "%s proc %d" % (ctx, j)
            for k in p:
                if k not in PROC_KEYS:
                    bad("%s: unknown key %s" % (pctx, k))
            if p.get("type") not in TYPES:
                bad("%s: type %r" % (pctx, p.get("type")))
            if p.get("title") is not None:
                s_in(p["title"], t, pctx + " title")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    v = p[k]
                    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                        bad("%s: %s must be a list of strings" % (pctx, k))
                        continue
                    if len(set(v)) != len(v):
                        bad("%s: %s has duplicates" % (pctx, k))
                    for x in v:
                        s_in(x, t, "%s %s" % (pctx, k))
            if "partner" in p and p["partner"] is not None:
                s_in(p["partner"], t, pctx + " partner")
            for k in ("period_start", "period_end"):
                if k in p and p[k] is not None:
                    if not ISO.match(p[k]):
                        bad("%s: %s format" % (pctx, k))
                    else:
                        date_in(p[k], t, "%s %s" % (pctx, k))
            if "period_start" in p and "period_end" in p and p["period_start"] and p["period_end"]:
                if p["period_start"] > p["period_end"]:
                    bad("%s: period ends before it starts" % pctx)
        # traps must not leak into the gold
        blob = json.dumps(c, ensure_ascii=False)
        for trap in TRAPS:
            if trap in blob:
                bad("%s: trap value %r in gold" % (ctx, trap))
    for name in DECLARED:
        if name not in seen_sources:
            bad("docs/%s has no gold case" % name)

if __name__ == "__main__":
    main()
    print("problems: %d" % len(problems))
    sys.exit(1 if problems else 0)
