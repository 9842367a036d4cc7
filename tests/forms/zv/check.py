#!/usr/bin/env python3
"""Standalone validator for estimate set 44. Prints problems and exits 1 if any."""
import html, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
CODECS = {  # source -> (codec, BOM, line end)
    "u1_munakata_shimon.txt": ("utf-8", False, "\n"),
    "u2_beppu_houkoku_sheet.txt": ("cp932", False, "\r\n"),
    "u3_marugame_itaku_list.md": ("utf-8", True, "\r\n"),
    "u4_uruma_shingikai_kekka.html": ("utf-8", False, "\n"),
    "u5_nankoku_houkoku.txt": ("euc_jp", False, "\n"),
    "u6_satsumasendai_kaigi_shiryo.txt": ("cp932", False, "\n"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
REQUIRED = {"source", "municipality", "kind", "title", "procedures"}
problems = []
def bad(msg): problems.append(msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name):
    codec, bom, eol = CODECS[name]
    raw = open(os.path.join(HERE, "docs", name), "rb").read()
    if bom != raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: BOM expected={bom}")
    if bom:
        raw = raw[3:]
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            bad(f"{name}: {codec} file is also valid UTF-8 (not really encoded?)")
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode as {codec}: {e}")
        return ""
    crlf = text.count("\r\n"); lf = text.count("\n")
    if eol == "\r\n" and crlf != lf:
        bad(f"{name}: expected CRLF only ({crlf}/{lf})")
    if eol == "\n" and crlf:
        bad(f"{name}: expected LF only, found {crlf} CRLF")
    n = lf
    if not 60 <= n <= 250:
        bad(f"{name}: {n} lines, expected 60-250")
    src = os.path.join(HERE, "src", name)
    if os.path.exists(src) and open(src, encoding="utf-8").read() != text.replace("\r\n", "\n"):
        bad(f"{name}: docs/ differs from src/ (rerun build_docs.py)")
    if name.endswith(".html"):
        text = re.sub(r"<script.*?</script>|<style.*?</style>", "", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text

ERAS = [("令和", 2018), ("平成", 1988), ("昭和", 1925)]
KANJI = "〇一二三四五六七八九"
def kanji_num(n):
    if n < 10: return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + (KANJI[o] if o else "")
def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    out = [f"{y}年{m}月{d}日", f"{y}/{m:02d}/{d:02d}", f"{y}/{m}/{d}"]
    for era, base in ERAS:
        ey = y - base
        if ey < 1 or ey > 40:  # arithmetic past an era's end is allowed (平成32年)
            continue
        ys = [str(ey)] + (["元"] if ey == 1 else [])
        for e in ys:
            out.append(f"{era}{e}年{m}月{d}日")
            if era == "令和": out.append(f"R{e}.{m}.{d}")
            if era == "平成": out.append(f"H{e}.{m}.{d}")
        out.append(f"{era}{kanji_num(ey)}年{kanji_num(m)}月{kanji_num(d)}日")
    return [norm(x) for x in out]
def count_forms(n):
    out = [str(n), f"{n:,}"]
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0: out.append(f"{man}万")
        elif rest % 1000 == 0: out.append(f"{man}万{rest // 1000}千")
        out.append(f"{n / 10000:g}万")
    return [norm(x) + "人" for x in out]
def cite_forms(c):
    m = re.fullmatch(r"(条例|要綱|番号法|法)((?:第\d+条)(?:第\d+項)?(?:第\d+号)?)", c)
    if not m:
        return None
    return [norm(m.group(2))]

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("gold.json does not parse:", e); sys.exit(1)
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold.get("cases"):
        bad("gold.jsonl differs from gold.json")
    if set(gold) != {"cases"}:
        bad("top level must be {'cases': [...]}")
    texts = {}
    for name in CODECS:
        if not os.path.exists(os.path.join(HERE, "docs", name)):
            bad(f"docs/{name} missing"); continue
        texts[name] = norm(doc_text(name))
    seen_sources = set()
    for i, c in enumerate(gold["cases"]):
        tag = f"case {i} ({c.get('source')} {c.get('title')})"
        if not set(c) <= CASE_KEYS: bad(f"{tag}: unknown keys {set(c) - CASE_KEYS}")
        if not REQUIRED <= set(c): bad(f"{tag}: missing keys {REQUIRED - set(c)}")
        src = c.get("source")
        if src not in texts:
            bad(f"{tag}: source not in docs/"); continue
        seen_sources.add(src)
        T = texts[src]
        def occurs(v, what):
            if not isinstance(v, str) or not v:
                bad(f"{tag} / {what}: must be a non-empty string: {v!r}"); return
            if norm(v) not in T:
                bad(f"{what if what.startswith('case') else tag + ': ' + what} {v!r} not found in document")
        if c.get("kind") not in KINDS: bad(f"{tag}: bad kind {c.get('kind')}")
        for k in ("municipality", "title"):
            occurs(c.get(k), k)
        if c.get("department") is not None: occurs(c["department"], "department")
        if "number" in c and c["number"] is not None:
            n = c["number"]
            if not (isinstance(n, str) and n.isdigit()): bad(f"{tag}: number must be digits: {n!r}")
            elif not re.search(r"(諮問|報告|付議|答申)第" + n + r"号", T):
                bad(f"{tag}: number {n} not found as 〜第{n}号")
        if "date" in c and c["date"] is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]) or not any(f in T for f in date_forms(c["date"])):
                bad(f"{tag}: date {c['date']} not rendered in document")
        if "legal_basis" in c:
            if not isinstance(c["legal_basis"], list): bad(f"{tag}: legal_basis must be a list")
            for cit in c["legal_basis"]:
                forms = cite_forms(cit)
                if forms is None: bad(f"{tag}: citation not normalized: {cit!r}")
                elif not any(f in T for f in forms): bad(f"{tag}: citation {cit} not in document")
        if "subjects_count" in c and c["subjects_count"] is not None:
            sc = c["subjects_count"]
            if not isinstance(sc, int) or isinstance(sc, bool): bad(f"{tag}: subjects_count must be int")
            elif not any(f in T for f in count_forms(sc)): bad(f"{tag}: count {sc} not in document")
        procs = c.get("procedures")
        if not isinstance(procs, list): bad(f"{tag}: procedures must be a list"); continue
        for j, p in enumerate(procs):
            ptag = f"{tag} proc {j}"
            if not set(p) <= PROC_KEYS: bad(f"{ptag}: unknown keys {set(p) - PROC_KEYS}")
            if "type" not in p or p["type"] not in TYPES: bad(f"{ptag}: bad type {p.get('type')}")
            if "title" in p: occurs(p["title"], ptag + " title")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not isinstance(p[k], list): bad(f"{ptag}: {k} must be a list"); continue
                    if len(set(p[k])) != len(p[k]): bad(f"{ptag}: {k} has duplicates")
                    for v in p[k]: occurs(v, f"{ptag} {k}")
            if "partner" in p and p["partner"] is not None: occurs(p["partner"], ptag + " partner")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is None: continue
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) or not any(f in T for f in date_forms(v)):
                    bad(f"{ptag}: {k} {v} not rendered in document")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{ptag}: period_start after period_end")
    for name in CODECS:
        if name not in seen_sources: bad(f"{name}: no gold case")
    for pr in problems: print("PROBLEM:", pr)
    print("cases", len(gold["cases"]), "procedures", sum(len(c["procedures"]) for c in gold["cases"]),
          "problems:", len(problems))
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
