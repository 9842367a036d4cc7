#!/usr/bin/env python3
"""Standalone validator for this blind set. Prints problems and exits 1 if any."""
import json, os, re, sys, unicodedata, html

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
# declared codec and line end of every document
CODECS = {
    "u1_ageo_shimonsho_layout.txt":        ("cp932",     "CRLF"),
    "u2_isesaki_houkoku_plain.txt":        ("euc_jp",    "LF"),
    "u3_yachiyo_fugi_wrapcells.txt":       ("utf-8-sig", "CRLF"),
    "u4_matsusaka_kiso_hyoka_layout.txt":  ("utf-8",     "LF"),
    "u5_koka_shimon_spaced.txt":           ("shift_jis", "CRLF"),
    "u6_yaizu_houkoku_ichiran.txt":        ("utf-8",     "CRLF"),
}
CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)),
             "title": str, "date": (str, type(None)), "department": (str, type(None)),
             "legal_basis": list, "subjects_count": (int, type(None)), "procedures": list}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list,
             "period_start": (str, type(None)), "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(?:(第\d+条(?:の\d+)?)(第\d+項)?(第\d+号)?|別表第(\d+)(?:第(\d+)項)?)$")
KANJI = "〇一二三四五六七八九"

problems = []
def bad(msg): problems.append(msg)

def norm(s):
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def variants(text):
    """Whole text, plus left and right column streams of a pdftotext -layout page
    (a run of 3+ spaces separates the columns), so a wrapped two-column cell reads whole."""
    text = re.sub(r"<[^>]+>", "", text)
    out = [norm(text)]
    left, right = [], []
    for line in text.splitlines():
        parts = re.split(r"(?:[ \u3000]{3,})", line.strip(" \u3000\f"))
        if len(parts) > 1 or re.match(r"^[ \u3000]{10,}", line.lstrip("\f")):
            if re.match(r"^[ \u3000]{10,}", line.lstrip("\f")):
                right.append(line)
            else:
                left.append(parts[0]); right.append(" ".join(parts[1:]))
        else:
            left.append(line)
    out.append(norm("\n".join(right)))
    out.append(norm("\n".join(left)))
    return out

def occurs(value, vs):
    v = norm(value)
    return any(v in t for t in vs)

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    era = y - 2018 if (y, m, d) >= (2019, 5, 1) else y - 1988
    name = "令和" if (y, m, d) >= (2019, 5, 1) else "平成"
    e = "元" if era == 1 else str(era)
    return ["%s%s年%d月%d日" % (name, e, m, d)]

def kan(n):
    return "".join(KANJI[int(c)] for c in str(n))

def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("gold.json does not parse:", e); return 1
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold.get("cases"):
        bad("gold.jsonl differs from gold.json")
    texts = {}
    for name, (codec, eol) in CODECS.items():
        p = os.path.join(DOCS, name)
        if not os.path.exists(p):
            bad("missing doc " + name); continue
        raw = open(p, "rb").read()
        try:
            t = raw.decode(codec, "strict")
        except UnicodeDecodeError as e:
            bad("%s: not strict %s: %s" % (name, codec, e)); continue
        if codec == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
            bad(name + ": BOM expected")
        if codec == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
            bad(name + ": unexpected BOM")
        crlf = raw.count(b"\r\n"); lf = raw.count(b"\n")
        if eol == "CRLF" and crlf != lf: bad(name + ": not all CRLF")
        if eol == "LF" and crlf: bad(name + ": CR found in LF file")
        n = len(t.splitlines())
        if not 60 <= n <= 250: bad("%s: %d lines" % (name, n))
        texts[name] = t.replace("\r\n", "\n")
    if sorted(os.listdir(DOCS)) != sorted(CODECS):
        bad("docs/ holds other files than declared")
    used = set()
    for i, c in enumerate(gold["cases"]):
        tag = "case %d (%s %s)" % (i, c.get("source"), c.get("number"))
        for k in c:
            if k not in CASE_KEYS: bad(tag + ": unknown key " + k)
            elif not isinstance(c[k], CASE_KEYS[k]) or isinstance(c[k], bool):
                bad(tag + ": bad type for " + k)
        for k in ("source", "municipality", "kind", "title"):
            if k not in c: bad(tag + ": required key missing " + k)
        src = c["source"]; used.add(src)
        if src not in texts: bad(tag + ": source not in docs"); continue
        vs = variants(texts[src])
        if c["kind"] not in KINDS: bad(tag + ": bad kind")
        else:
            marker = {"諮問": "諮問", "報告": "報告", "付議": "付議", "評価書": "評価書", "その他": ""}[c["kind"]]
            if not occurs(marker, vs): bad(tag + ": kind marker absent")
        for k in ("municipality", "title", "department"):
            if c.get(k) and not occurs(c[k], vs): bad("%s: %s %r not in doc" % (tag, k, c[k]))
        if c.get("number"):
            if not re.fullmatch(r"\d+", c["number"]): bad(tag + ": number not digits")
            elif not (occurs("第%s号" % c["number"], vs) or
                      (c["kind"] == "評価書" and occurs("評価書番号", vs) and occurs(c["number"], vs))):
                bad(tag + ": number not in doc")
        if c.get("date"):
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", c["date"]) or not any(occurs(f, vs) for f in date_forms(c["date"])):
                bad(tag + ": date %s not in doc" % c["date"])
        if c.get("subjects_count") is not None:
            n = c["subjects_count"]
            if not (occurs("{:,}人".format(n), vs) or occurs("%d人" % n, vs)):
                bad(tag + ": count %d not in doc" % n)
        for cite in c.get("legal_basis", []):
            m = CITE.match(cite)
            if not m: bad(tag + ": citation form " + cite); continue
            if m.group(2):
                s = "".join(g for g in m.group(2, 3, 4) if g)
                if not occurs(s, vs): bad(tag + ": citation %s not in doc" % cite)
            else:
                s = "別表第%sの%sの項" % (kan(m.group(5)), m.group(6))
                if not occurs(s, vs): bad(tag + ": citation %s not in doc (%s)" % (cite, s))
            if m.group(1) not in ("法",) and not occurs(m.group(1), vs):
                bad(tag + ": law name %s not in doc" % m.group(1))
        for j, p in enumerate(c.get("procedures", [])):
            ptag = "%s proc %d" % (tag, j)
            for k in p:
                if k not in PROC_KEYS: bad(ptag + ": unknown key " + k)
                elif not isinstance(p[k], PROC_KEYS[k]): bad(ptag + ": bad type for " + k)
            if p.get("type") not in TYPES: bad(ptag + ": bad type value")
            for k in ("title", "partner"):
                if p.get(k) and not occurs(p[k], vs): bad("%s: %s %r not in doc" % (ptag, k, p[k]))
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals): bad("%s: duplicate in %s" % (ptag, k))
                for v in vals:
                    if not isinstance(v, str) or not v: bad("%s: bad %s entry" % (ptag, k)); continue
                    if not occurs(v, vs): bad("%s: %s %r not in doc" % (ptag, k, v))
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v and (not re.fullmatch(r"\d{4}-\d\d-\d\d", v) or not any(occurs(f, vs) for f in date_forms(v))):
                    bad("%s: %s %s not in doc" % (ptag, k, v))
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(ptag + ": period reversed")
    for name in CODECS:
        if name not in used: bad("doc without gold case: " + name)
    for m in problems: print("PROBLEM", m)
    print("cases %d, procedures %d, docs %d, problems: %d" % (
        len(gold["cases"]), sum(len(c.get("procedures", [])) for c in gold["cases"]), len(texts), len(problems)))
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
