#!/usr/bin/env python3
"""Standalone validator for this blind set: gold shape, docs codecs, and that every gold value
can be found in its document (after tag stripping, NFKC and whitespace removal)."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CODECS = {  # name -> (codec, bom, line end)
    "u1_musashino_toushin.txt":  ("utf-8",  False, "LF"),
    "u1_tsukuba_kaigiroku.txt":  ("cp932",  False, "CRLF"),
    "u1_fukui_kekka.html":       ("utf-8",  True,  "LF"),
    "u1_suzuka_ichiran.md":      ("utf-8",  False, "CRLF"),
    "u1_nagareyama_shimon.txt":  ("cp932",  False, "CRLF"),
    "u1_toyokawa_shimon.txt":    ("euc_jp", False, "LF"),
}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供", "本人外収集",
         "特定個人情報保護評価", "その他"}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department", "legal_basis",
             "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items", "period_start",
             "period_end"}
problems = []
def bad(msg): problems.append(msg); print("PROBLEM:", msg)

BOX = "─│┌┐└┘├┤┬┴┼━┃"
def box_columns(text):
    """Rebuild ruled-table cells: join each column's fragments between border lines."""
    out, block = [], []
    def flush():
        if block:
            ncol = max(len(r) for r in block)
            for i in range(ncol):
                out.append("".join(r[i] for r in block if i < len(r)))
            block.clear()
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("│"):
            block.append([c for c in s.strip("│").split("│")])
        else:
            flush()
    flush()
    return "\n".join(out)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)

def doc_text(name, raw):
    t = raw
    if name.endswith(".html"):
        t = re.sub(r"<[^>]+>", "", t)
        t = html.unescape(t)
    t = t + "\n" + box_columns(t)
    n = norm(t)
    return n + "\n" + "".join(ch for ch in n if ch not in BOX)

KANJI = "〇一二三四五六七八九"
def kan(n):
    if n == 0: return "〇"
    s = ""
    if n >= 10:
        s += ("" if n // 10 == 1 else KANJI[n // 10]) + "十"; n %= 10
    return s + (KANJI[n] if n else "")

def date_forms(iso):
    y, m, d = map(int, iso.split("-"))
    forms = ["%d年%d月%d日" % (y, m, d)]
    for era, base in (("令和", 2018), ("平成", 1988)):
        ey = y - base
        if ey >= 1:
            for ys in ({str(ey), "元"} if ey == 1 else {str(ey)}):
                forms.append("%s%s年%d月%d日" % (era, ys, m, d))
            forms.append("%s%s年%s月%s日" % (era, "元" if ey == 1 else kan(ey), kan(m), kan(d)))
    return forms

def count_forms(n):
    f = {str(n), "{:,}".format(n)}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0: f.add("%d万" % man)
        elif rest % 1000 == 0: f.add("%d万%d千" % (man, rest // 1000))
        if rest % 1000 == 0: f.add(("%g" % (n / 10000)) + "万")
    return [x + "人" for x in f]

def cite_forms(c):
    m = re.match(r"^(条例|要綱|規則|番号法|法)(.*)$", c)
    if not m: return None
    rest = m.group(2)
    k = re.sub(r"\d+", lambda x: kan(int(x.group())), rest)
    return [rest, k]

def is_date(v): return v is None or (isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v))

def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    lines = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    if lines != gold["cases"]: bad("gold.jsonl differs from gold.json")
    docs = {}
    for name in sorted(os.listdir(os.path.join(HERE, "docs"))):
        if name not in CODECS: bad("undeclared doc " + name); continue
        codec, bom, eol = CODECS[name]
        data = open(os.path.join(HERE, "docs", name), "rb").read()
        if data.startswith(b"\xef\xbb\xbf") != bom: bad(name + ": BOM mismatch")
        if bom: data = data[3:]
        try:
            raw = data.decode(codec, errors="strict")
        except UnicodeDecodeError as e:
            bad("%s: not strict %s: %s" % (name, codec, e)); continue
        if codec != "utf-8":
            try: data.decode("utf-8"); bad(name + ": also valid UTF-8?")
            except UnicodeDecodeError: pass
        crlf = raw.count("\r\n"); lf = raw.count("\n")
        if (eol == "CRLF") != (crlf == lf and lf > 0): bad(name + ": line ends not " + eol)
        raw = raw.replace("\r\n", "\n")
        nl = raw.count("\n")
        if not 60 <= nl <= 250: bad("%s: %d lines" % (name, nl))
        src = open(os.path.join(HERE, "src", name), encoding="utf-8").read()
        if src != raw: bad(name + ": docs/ differs from src/")
        docs[name] = doc_text(name, raw)
        print("%-28s %-7s%s %-4s %3d lines ok" % (name, codec, "+BOM" if bom else "    ", eol, nl))
    for name in CODECS:
        if name not in docs: bad("missing doc " + name)

    nproc = 0
    for i, c in enumerate(gold["cases"]):
        where = "case %d (%s %s)" % (i, c.get("source"), c.get("number"))
        if not set(c) <= CASE_KEYS or not {"source", "title", "procedures"} <= set(c):
            bad(where + ": keys " + str(sorted(c)))
        text = docs.get(c["source"])
        if text is None: bad(where + ": source not in docs/"); continue
        def has(s, what):
            if norm(s) not in text: bad("%s: %s %r not in document" % (where, what, s))
        for k in ("municipality", "title", "department"):
            if k in c:
                if not isinstance(c[k], str): bad(where + ": %s not a string" % k)
                else: has(c[k], k)
        if c.get("kind") not in KINDS: bad(where + ": kind")
        if "number" in c:
            n = c["number"]
            if n is not None:
                if not (isinstance(n, str) and n.isdigit()): bad(where + ": number not digits")
                elif ("第%s号" % n) not in text: bad(where + ": 第%s号 not in document" % n)
        if "date" in c:
            if not is_date(c["date"]): bad(where + ": date format")
            elif c["date"] and not any(norm(f) in text for f in date_forms(c["date"])):
                bad(where + ": date %s not rendered in document" % c["date"])
        if "legal_basis" in c:
            for lb in c["legal_basis"]:
                fs = cite_forms(lb)
                if not fs: bad(where + ": citation form " + lb)
                elif not any(f in text for f in fs): bad(where + ": citation %s not in document" % lb)
        if "subjects_count" in c and c["subjects_count"] is not None:
            n = c["subjects_count"]
            if not isinstance(n, int): bad(where + ": subjects_count not int")
            elif not any(f in text for f in count_forms(n)): bad(where + ": count %d not in document" % n)
        if not isinstance(c["procedures"], list): bad(where + ": procedures"); continue
        for j, p in enumerate(c["procedures"]):
            nproc += 1
            pw = "%s proc %d" % (where, j)
            if not set(p) <= PROC_KEYS or "type" not in p: bad(pw + ": keys " + str(sorted(p)))
            if p["type"] not in TYPES: bad(pw + ": type " + p["type"])
            if "title" in p:
                if p["title"] is None or isinstance(p["title"], str):
                    if p["title"]: has(p["title"], pw + " title")
                else: bad(pw + ": title type")
            for k in ("consignees", "subcontractors", "data_items"):
                if k in p:
                    if not (isinstance(p[k], list) and all(isinstance(x, str) and x for x in p[k])):
                        bad(pw + ": %s not list of strings" % k); continue
                    if len(set(p[k])) != len(p[k]): bad(pw + ": duplicate in " + k)
                    for x in p[k]: has(x, pw + " " + k)
            if "partner" in p:
                if p["partner"] is not None:
                    if isinstance(p["partner"], str): has(p["partner"], pw + " partner")
                    else: bad(pw + ": partner type")
            for k in ("period_start", "period_end"):
                if k in p:
                    if not is_date(p[k]): bad(pw + ": %s format" % k)
                    elif p[k] and not any(norm(f) in text for f in date_forms(p[k])):
                        # a period stated only as "委託期間と同じ"/"再委託も同じ" repeats another procedure's date
                        bad(pw + ": %s %s not rendered" % (k, p[k]))
            if "period_start" in p and "period_end" in p and p["period_start"] and p["period_end"] \
                    and p["period_start"] > p["period_end"]:
                bad(pw + ": period reversed")
    print("cases: %d  procedures: %d" % (len(gold["cases"]), nproc))
    print("problems: %d" % len(problems))
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
