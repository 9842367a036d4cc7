#!/usr/bin/env python3
"""Standalone validator for estimate set 50. Prints every problem and `problems: N`; exit 1 if N > 0."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CODECS = {  # declared codec, line end, BOM
    "u1_takarazuka_shimon_layout.txt": ("cp932", "CRLF", False),
    "u2_ibaraki_fugi_sheets.txt": ("euc_jp", "LF", False),
    "u3_hatsukaichi_itiran_layout.txt": ("utf-8", "LF", False),
    "u4_kurayoshi_juten_layout.txt": ("utf-8", "CRLF", True),
    "u5_soja_toushin_layout.txt": ("shift_jis", "LF", False),
    "u6_kyotanabe_houkoku2.txt": ("utf-8", "CRLF", False),
}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)),
             "title": str, "date": (str, type(None)), "department": (str, type(None)),
             "legal_basis": list, "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CIT = re.compile(r"^(条例|要綱|番号法|法)((第\d+条(第\d+項)?(第\d+号)?)|(別表第\d+(第\d+項)?))$")
problems = []

def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

KD = "〇一二三四五六七八九"
def kanji(n):
    if n == 0:
        return "〇"
    out = ""
    for unit, word in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            out += ("" if q == 1 else KD[q]) + word
    return out + (KD[n] if n else "")

def wareki(iso):
    y, m, d = map(int, iso.split("-"))
    forms = []
    for era, start in (("令和", 2019), ("平成", 1989)):
        n = y - start + 1
        if n >= 1:
            for ny in {str(n), "元" if n == 1 else str(n)}:
                forms.append("%s%s年%d月%d日" % (era, ny, m, d))
            forms.append("%s%s年%s月%s日" % (era, kanji(n), kanji(m), kanji(d)))
    forms.append("%d年%d月%d日" % (y, m, d))
    return forms

def count_forms(n):
    forms = {str(n), "{:,}".format(n)}
    man, rest = divmod(n, 10000)
    if man:
        s = "%d万" % man
        if rest and rest % 1000 == 0:
            s += "%d千" % (rest // 1000)
        if rest == 0 or rest % 1000 == 0:
            forms.add(s)
    return forms

def dwidth(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "FW" else 1 for ch in s)

def column_cells(raw):
    """Rebuild the cells of `pdftotext -layout` list tables whose cells wrap inside their column.
    A header line starting with `No.` gives the column starts (display columns); each following block
    of non-blank lines is one row; a cell's lines are joined column by column."""
    out = []
    lines = raw.replace("\f", "\n").split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip().startswith("No.") and len(lines[i].split()) >= 4:
            hdr = lines[i]
            starts, pos, prev = [], 0, " "
            for ch in hdr:
                if ch != " " and prev == " ":
                    starts.append(pos)
                pos += dwidth(ch)
                prev = ch
            i += 1
            row = None
            while i < len(lines):
                l = lines[i]
                if not l.strip():
                    if row:
                        out.append("|".join("".join(c) for c in row))
                    row = None
                    i += 1
                    if i < len(lines) and lines[i].strip() and not re.match(r"^\s*\d+\s", lines[i]):
                        break
                    continue
                if row is None:
                    row = [[] for _ in starts]
                pos = 0
                for ch in l:
                    k = max(j for j, st in enumerate(starts) if st <= pos) if pos >= starts[0] else 0
                    if ch != " ":
                        row[k].append(ch)
                    pos += dwidth(ch)
                i += 1
            if row:
                out.append("|".join("".join(c) for c in row))
        else:
            i += 1
    return "\n".join(out)

def cit_ok(c, text):
    m = CIT.match(c)
    if not m:
        return False
    body = c[len(m.group(1)):]
    if body in text:
        return True
    mm = re.match(r"別表第(\d+)(?:第(\d+)項)?$", body)
    if mm:
        t = "別表第" + kanji(int(mm.group(1)))
        alt = "別表第" + mm.group(1)
        if mm.group(2):
            k = kanji(int(mm.group(2)))
            return any(x in text for x in (t + "の" + k + "の項", alt + "の" + mm.group(2) + "の項")) or \
                   (t in text and ("、" + k + "の項") in text)
        return t in text or alt in text
    # "第5条第1号及び第2号": the article and the last component both present in a 及び chain
    mm = re.match(r"(第\d+条(?:第\d+項)?)(第\d+[項号])$", body)
    if mm:
        return re.search(re.escape(mm.group(1)) + r"[^。]{0,12}及び" + re.escape(mm.group(2)), text) is not None
    return False

def main():
    try:
        gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.json")
        gold = json.load(open(gold_path, encoding="utf-8"))
    except Exception as e:
        bad("gold.json does not parse: %s" % e)
        return
    cases = gold.get("cases")
    if not isinstance(cases, list) or not cases:
        bad("gold.json has no cases list")
        return
    lines = [l for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8").read().splitlines() if l.strip()]
    if len(sys.argv) == 1 and [json.loads(l) for l in lines] != cases:
        bad("gold.jsonl differs from gold.json")
    # documents
    texts = {}
    docs = sorted(os.listdir(os.path.join(HERE, "docs")))
    if docs != sorted(CODECS):
        bad("docs/ holds %s, expected %s" % (docs, sorted(CODECS)))
    for name, (codec, eol, bom) in CODECS.items():
        p = os.path.join(HERE, "docs", name)
        if not os.path.exists(p):
            bad("missing doc " + name)
            continue
        raw = open(p, "rb").read()
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != bom:
            bad("%s: BOM %s, expected %s" % (name, has_bom, bom))
        if has_bom:
            raw = raw[3:]
        try:
            t = raw.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad("%s: does not decode as %s: %s" % (name, codec, e))
            continue
        crlf, lf = t.count("\r\n"), t.count("\n")
        if eol == "CRLF" and crlf != lf:
            bad("%s: expected CRLF only (%d of %d)" % (name, crlf, lf))
        if eol == "LF" and crlf:
            bad("%s: expected LF only" % name)
        nlines = t.count("\n")
        if not 60 <= nlines <= 250:
            bad("%s: %d lines, expected 60-250" % (name, nlines))
        if name.endswith((".html", ".md")):
            t = re.sub(r"<[^>]+>", "", t)
            t = html.unescape(t)
        if "\ufffd" in t:
            bad("%s: replacement character" % name)
        texts[name] = norm(t) + "\n" + norm(column_cells(t))
    seen_sources = set()
    for i, c in enumerate(cases):
        tag = "case %d (%s)" % (i, c.get("source"))
        for k in c:
            if k not in CASE_KEYS:
                bad("%s: unknown key %s" % (tag, k))
        for k, ty in CASE_KEYS.items():
            if k in ("source", "municipality", "kind", "title", "procedures") and k not in c:
                bad("%s: missing %s" % (tag, k))
            if k in c and not isinstance(c[k], ty):
                bad("%s: %s has type %s" % (tag, k, type(c[k]).__name__))
        src = c.get("source")
        seen_sources.add(src)
        if src not in texts:
            bad("%s: source not in docs/" % tag)
            continue
        T = texts[src]
        def has(label, s):
            if s is not None and norm(s) not in T:
                bad("%s: %s %r not in document" % (tag, label, s))
        if c.get("kind") not in KINDS:
            bad("%s: kind %r" % (tag, c.get("kind")))
        for k in ("municipality", "title", "department"):
            if k in c:
                has(k, c[k])
        if c.get("number") is not None:
            n = c["number"]
            if not n.isdigit():
                bad("%s: number %r not digits" % (tag, n))
            elif c["kind"] == "評価書":
                if not re.search(r"評価書番号評価書名" + n, T):
                    bad("%s: 評価書番号 %s not found" % (tag, n))
            elif not re.search(r"(諮問|報告|答申|付議事項)第%s号" % n, T):
                bad("%s: number %s not found as 第N号" % (tag, n))
        if c.get("date"):
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", c["date"]) or not any(norm(f) in T for f in wareki(c["date"])):
                bad("%s: date %s not found" % (tag, c["date"]))
        for cit in c.get("legal_basis", []):
            if not CIT.match(cit):
                bad("%s: citation %r not normalized" % (tag, cit))
            elif not cit_ok(cit, T):
                bad("%s: citation %r not found" % (tag, cit))
        if c.get("subjects_count") is not None:
            if not any(("約" + f + "人") in T or (f + "人") in T for f in count_forms(c["subjects_count"])):
                bad("%s: count %s not found" % (tag, c["subjects_count"]))
        for j, p in enumerate(c.get("procedures", [])):
            ptag = "%s proc %d" % (tag, j)
            for k in p:
                if k not in PROC_KEYS:
                    bad("%s: unknown key %s" % (ptag, k))
                elif not isinstance(p[k], PROC_KEYS[k]):
                    bad("%s: %s has type %s" % (ptag, k, type(p[k]).__name__))
            if p.get("type") not in TYPES:
                bad("%s: type %r" % (ptag, p.get("type")))
            has(ptag + " title", p.get("title"))
            has(ptag + " partner", p.get("partner"))
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(vals) != len(set(vals)):
                    bad("%s: duplicate in %s" % (ptag, k))
                for v in vals:
                    if not isinstance(v, str):
                        bad("%s: %s holds non-string" % (ptag, k))
                    else:
                        has(ptag + " " + k, v)
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    if not re.match(r"^\d{4}-\d{2}-\d{2}$", v) or not any(norm(f) in T for f in wareki(v)):
                        bad("%s: %s %s not found" % (ptag, k, v))
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad("%s: period ends before it starts" % ptag)
    for name in CODECS:
        if name not in seen_sources:
            bad("%s has no gold case" % name)
    print("cases: %d, procedures: %d" % (len(cases), sum(len(c.get("procedures", [])) for c in cases)))
    print("problems: %d" % len(problems))

if __name__ == "__main__":
    main()
    sys.exit(1 if problems else 0)
