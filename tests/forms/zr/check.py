#!/usr/bin/env python3
"""Standalone validator for this blind set.

Checks: gold.json / gold.jsonl parse and agree; keys and value types follow
SPEC 4.2 and ../shared/gold/README.md; every source exists in docs/; every doc
decodes strictly in its declared codec with its declared line end and has
60-250 lines; every gold string (municipality, title, department, procedure
titles, consignees, subcontractors, partner, data items) occurs in its document
after HTML tag stripping + entity unescaping, NFKC and whitespace removal (for
Markdown grid tables the cell bars '|' are removed too); dates, counts, case
numbers and legal citations are rendered back into forms the documents use and
looked for. Prints every problem and `problems: N`; exit status 1 if N > 0."""
import datetime, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_docs import MANIFEST  # noqa: E402

CASE_KEYS = {"source": str, "municipality": str, "kind": str, "number": (str, type(None)),
             "title": str, "date": (str, type(None)), "department": (str, type(None)),
             "legal_basis": list, "subjects_count": (int, type(None)), "procedures": list}
REQUIRED = {"source", "municipality", "kind", "title", "procedures"}
PROC_KEYS = {"type": str, "title": (str, type(None)), "consignees": list, "subcontractors": list,
             "partner": (str, type(None)), "data_items": list, "period_start": (str, type(None)),
             "period_end": (str, type(None))}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CITE = re.compile(r"^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$")

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
    for val, ch in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, val)
        if q:
            out += ("" if q == 1 else KD[q]) + ch
    if n:
        out += KD[n]
    return out

def doc_text(name):
    codec, eol = MANIFEST[name]
    path = os.path.join(HERE, "docs", name)
    raw = open(path, "rb").read()
    if codec == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: declared UTF-8 with BOM but has no BOM")
    if codec == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{name}: declared UTF-8 without BOM but has a BOM")
    try:
        text = raw.decode(codec, errors="strict")
    except UnicodeDecodeError as e:
        bad(f"{name}: does not decode strictly as {codec}: {e}")
        text = raw.decode(codec, errors="replace")
    crlf = text.count("\r\n")
    lf = text.count("\n")
    if eol == "\r\n" and crlf != lf:
        bad(f"{name}: declared CRLF but has {lf - crlf} bare LF")
    if eol == "\n" and crlf:
        bad(f"{name}: declared LF but has {crlf} CRLF")
    nlines = lf
    if not 60 <= nlines <= 250:
        bad(f"{name}: {nlines} lines, outside 60-250")
    if name.endswith(".html"):
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S | re.I)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    n = norm(text)
    if name.endswith(".md"):
        n = n.replace("|", "")
    return n

def date_forms(iso):
    d = datetime.date.fromisoformat(iso)
    forms = []
    for era, start in (("令和", 2018), ("平成", 1988)):
        y = d.year - start
        if y >= 1:
            for ys in ([str(y), "元"] if y == 1 else [str(y)]):
                forms.append(f"{era}{ys}年{d.month}月{d.day}日")
            forms.append(f"{era}{kanji(y)}年{kanji(d.month)}月{kanji(d.day)}日")
    forms += [f"{d.year}年{d.month}月{d.day}日", f"{d.year}/{d.month:02d}/{d.day:02d}", iso]
    return forms

def count_forms(n):
    f = [str(n), f"{n:,}"]
    man, rest = divmod(n, 10000)
    if man:
        if rest == 0:
            f.append(f"{man}万人")
        elif rest % 1000 == 0:
            f.append(f"{man}万{rest // 1000}千")
    return f

def cite_forms(c):
    """Pieces that must all occur for a citation."""
    m = re.match(r"^(条例|要綱|番号法|法)(.*)$", c)
    rest = m.group(2)
    b = re.match(r"^別表第(\d+)(?:第(\d+)項)?$", rest)
    if b:
        t, i = int(b.group(1)), b.group(2)
        alts = [[f"別表第{t}", f"別表第{kanji(t)}"]]
        if i:
            i = int(i)
            alts.append([f"{i}の項", f"{kanji(i)}の項", f"第{i}項"])
        return alts
    alts = []
    for num, unit in re.findall(r"第(\d+)(条|項|号)", rest):
        n = int(num)
        alts.append([f"第{n}{unit}", f"第{kanji(n)}{unit}"])
    return alts

def check_type(where, key, val, spec):
    if not isinstance(val, spec) or (spec is int and isinstance(val, bool)):
        bad(f"{where}: {key} has type {type(val).__name__}")
        return False
    return True

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    if set(gold) != {"cases"}:
        bad("gold.json: top level must be {\"cases\": [...]}")
    cases = gold["cases"]
    jl = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if jl != cases:
        bad("gold.jsonl differs from gold.json")
    docs = {}
    for name in MANIFEST:
        if not os.path.exists(os.path.join(HERE, "docs", name)):
            bad(f"docs/{name} missing (run build_docs.py)")
        else:
            docs[name] = doc_text(name)
    srcs_used = set()
    seen_titles = set()
    nproc = 0
    for ci, c in enumerate(cases):
        w = f"case {ci} ({c.get('source')} / {c.get('title')})"
        for k in c:
            if k not in CASE_KEYS:
                bad(f"{w}: unknown key {k}")
        for k in REQUIRED:
            if k not in c:
                bad(f"{w}: missing key {k}")
        for k, spec in CASE_KEYS.items():
            if k in c:
                check_type(w, k, c[k], spec)
        src = c.get("source")
        if src not in docs:
            bad(f"{w}: source not in docs/"); continue
        srcs_used.add(src)
        if (src, c["title"]) in seen_titles:
            bad(f"{w}: duplicate (source, title)")
        seen_titles.add((src, c["title"]))
        text = docs[src]
        if c.get("kind") not in KINDS:
            bad(f"{w}: kind {c.get('kind')}")
        def must(label, s):
            if not isinstance(s, str) or not s:
                bad(f"{w}: {label} empty or not a string"); return
            if norm(s) not in text:
                bad(f"{w}: {label} {s!r} not found in document")
        must("municipality", c["municipality"])
        must("title", c["title"])
        if c.get("department"):
            must("department", c["department"])
        if c.get("number") is not None:
            if not re.fullmatch(r"\d+", c["number"]):
                bad(f"{w}: number {c['number']!r} not digits only")
            elif not re.search(r"(第|番号|評価書番号.{0,6}?)" + c["number"] + r"号?(?!\d)", text):
                bad(f"{w}: number {c['number']} not found as 第N号/番号N")
        if c.get("date"):
            try:
                forms = date_forms(c["date"])
                if not any(f in text for f in forms):
                    bad(f"{w}: date {c['date']} not found ({forms[0]})")
            except ValueError:
                bad(f"{w}: date {c['date']!r} not ISO")
        if c.get("subjects_count") is not None:
            if not any(f in text for f in count_forms(c["subjects_count"])):
                bad(f"{w}: subjects_count {c['subjects_count']} not found")
        for cit in c.get("legal_basis", []):
            if not isinstance(cit, str) or not CITE.match(cit):
                bad(f"{w}: citation {cit!r} not normalized"); continue
            for alts in cite_forms(cit):
                if not any(a in text for a in alts):
                    bad(f"{w}: citation {cit}: none of {alts} found")
        for pi, p in enumerate(c.get("procedures", [])):
            nproc += 1
            pw = f"{w} proc {pi}"
            for k in p:
                if k not in PROC_KEYS:
                    bad(f"{pw}: unknown key {k}")
            if "type" not in p:
                bad(f"{pw}: missing type")
            for k, spec in PROC_KEYS.items():
                if k in p:
                    check_type(pw, k, p[k], spec)
            if p.get("type") not in TYPES:
                bad(f"{pw}: type {p.get('type')}")
            if p.get("title"):
                must(f"proc {pi} title", p["title"])
            for k in ("consignees", "subcontractors", "data_items"):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals):
                    bad(f"{pw}: duplicate values in {k}")
                for v in vals:
                    must(f"proc {pi} {k}", v)
            if p.get("partner"):
                must(f"proc {pi} partner", p["partner"])
            if p.get("type") == "再委託" and not p.get("subcontractors"):
                bad(f"{pw}: 再委託 without subcontractors")
            for k in ("period_start", "period_end"):
                if p.get(k):
                    try:
                        if not any(f in text for f in date_forms(p[k])):
                            bad(f"{pw}: {k} {p[k]} not found")
                    except ValueError:
                        bad(f"{pw}: {k} {p[k]!r} not ISO")
            if p.get("period_start") and p.get("period_end") and p["period_start"] > p["period_end"]:
                bad(f"{pw}: period_start after period_end")
    for name in MANIFEST:
        if name not in srcs_used:
            bad(f"docs/{name}: no gold case")
    print(f"{len(docs)} documents, {len(cases)} cases, {nproc} procedures")
    print(f"problems: {len(problems)}")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
