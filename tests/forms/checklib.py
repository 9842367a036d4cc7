# checklib.py - code shared by the tests/forms/*/check.py self-check scripts (sets p ... zg).
"""Shared helpers for the tests/forms/*/check.py self-checks (sets p ... zg).

Each check.py verifies its set's gold.json against its docs/: document encodings, BOMs,
line endings and line counts; the gold schema; and that every gold value occurs (or renders
back) in its document. This module holds the parts those scripts have in common:
problem reporting, text normalisation (NFKC, whitespace removal, HTML tag stripping),
kanji numerals, date/count/citation render-back forms and the document loader; and
check_set, the whole standard run (schema, every value found in its document), which
the newer sets (zd ... zg) call with hooks for their special cases.

Each check.py runs as its own process, so the module-level `problems` list collects the
problems of exactly one script run. Set-specific data (expected encodings, trap lists,
special cases) stays in the individual check.py.
"""
import argparse, datetime, html, json, os, re, unicodedata

CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CITE_RE = re.compile(r"^(条例|要綱|番号法|法|規則)((第\d+条(第\d+項)?(第\d+号)?)|(別表第\d+(第\d+項)?))$")
KD = "〇一二三四五六七八九"

problems = []  # messages reported by prob(); one list per script run


def prob(msg):
    """Record a problem and print it on its own line."""
    problems.append(msg)
    print(msg)


def norm(s):
    """NFKC-normalise s and remove all whitespace."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def strip_tags(s):
    """Replace HTML tags by a space and unescape entities."""
    s = re.sub(r"<[^>]*>", " ", s)
    return html.unescape(s)


def kanji(n):
    """integer -> 漢数字 (positional with 十百千万), e.g. 6400 -> 六千四百."""
    if n == 0:
        return "〇"
    out = ""
    man, rest = divmod(n, 10000)
    if man:
        out += kanji(man) + "万"
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, rest = divmod(rest, unit)
        if d:
            out += ("" if d == 1 else KD[d]) + name
    if rest:
        out += KD[rest]
    return out


def num_forms(n):
    """Ways a count n may be written: 1234, 1,234, 漢数字, 1万, 1万2千, 1.2万, 3千 ..."""
    f = {str(n), f"{n:,}", kanji(n)}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0:
            f.add(f"{man}万")
        elif rest % 1000 == 0:
            f.add(f"{man}万{rest // 1000}千")
            f.add(f"{man}.{rest // 1000}万")
        else:
            f.add(f"{man}万{rest}")
    if n >= 1000 and n % 1000 == 0:
        f.add(f"{n // 1000}千")
    return f


def date_forms(iso):
    """Normalised renderings of an ISO date (western, 和暦 with digits/漢数字/元年, R7.1.2).

    Raises ValueError if iso is not an ISO date."""
    d = datetime.date.fromisoformat(iso)
    forms = {f"{d.year}年{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}",
             f"{d.year}-{d.month:02d}-{d.day:02d}", f"{d.year}/{d.month:02d}/{d.day:02d}"}
    for era, start in (("令和", 2018), ("平成", 1988), ("昭和", 1925)):
        y = d.year - start
        if y < 1:
            continue
        for ys in {str(y), kanji(y)} | ({"元"} if y == 1 else set()):
            forms.add(f"{era}{ys}年{d.month}月{d.day}日")
            forms.add(f"{era}{ys}年{kanji(d.month)}月{kanji(d.day)}日")
        forms.add(f"R{y}.{d.month}.{d.day}")
    return {norm(x) for x in forms}


def cite_found(cite, text, cite_re=CITE_RE):
    """True if normalised citation cite (e.g. 条例第8条第1項) is rendered in normalised text.

    Each component may use ASCII or kanji digits; components must appear in order, close
    together. cite_re is the pattern of normalised citations (sets may allow more laws)."""
    m = cite_re.match(cite)
    if not m:
        return False
    law = m.group(1)
    if law not in text:
        return False
    parts = re.findall(r"(別表第|第)(\d+)(条|項|号)?", cite[len(law):])
    # build regex: each component in ASCII or kanji digits, components in order within a window
    regs = []
    for pre, n, unit in parts:
        n = int(n)
        alts = f"(?:{n}|{kanji(n)})"
        if pre == "別表第":
            regs.append(f"別表第{alts}")
        elif unit == "項" and parts[0][0] == "別表第":
            regs.append(f"(?:第{alts}項|{alts}(?:の項|項))")
        else:
            regs.append(f"第{alts}{unit}")
    pat = ".{0,24}?".join(regs)
    return re.search(pat, text) is not None


def load_doc(path, name, encodings, line_range=(40, 180), extra=None):
    """Read docs file path, check it against encodings[name] = (codec, BOM?, line end) and
    its line count (line_range, default 40-180); return its normalised text (tags stripped
    for .html) or None.

    extra, if given, is called as extra(name, text, lines) with the decoded (tag-stripped)
    text and its lines (CRLF folded, trailing empty line dropped); a string it returns is
    appended to the text as an additional search view (e.g. de-gridded tables)."""
    raw = open(path, "rb").read()
    spec = encodings.get(name)
    if spec is None:
        prob(f"{name}: no expected encoding recorded")
        return None
    codec, bom, nl = spec
    if raw.startswith(b"\xef\xbb\xbf") != bom:
        prob(f"{name}: BOM {'missing' if bom else 'unexpected'}")
    try:
        text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as e:
        prob(f"{name}: does not decode as {codec}: {e}")
        return None
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            prob(f"{name}: decodes as UTF-8, expected {codec}")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n")
    lone_lf = text.count("\n") - crlf
    lone_cr = text.count("\r") - crlf
    if nl == "\r\n" and (lone_lf or lone_cr or not crlf):
        prob(f"{name}: expected CRLF only (crlf={crlf}, lf={lone_lf}, cr={lone_cr})")
    if nl == "\n" and (crlf or lone_cr):
        prob(f"{name}: expected LF only (crlf={crlf}, cr={lone_cr})")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lo, hi = line_range
    if not lo <= len(lines) <= hi:
        prob(f"{name}: {len(lines)} lines, expected {lo}-{hi}")
    if name.endswith(".html"):
        text = strip_tags(text)
    if extra is not None:
        more = extra(name, text, lines)
        if more:
            text = text + "\n" + more
    return norm(text)


def need(cond, msg):
    """Report msg as a problem unless cond holds."""
    if not cond:
        prob(msg)


# --- the standard gold-against-documents run (sets zd ... zg); hooks carry each set's special cases ---

NUMBER_PREFIX = r"諮問第|答申第|報告第|評価書番号.{0,12}?"  # what may stand before a case number
NUMBER_PREFIX_NO_REPORT = r"諮問第|答申第|評価書番号.{0,12}?"  # the same without 報告第 (sets p, r, s, w, x, y, z, zb)
CASE_STRINGS = ("municipality", "title", "department", "kind")  # case fields found verbatim (normalised)


def number_found(num, text, prefix=NUMBER_PREFIX):
    """True if case number num (digits) is rendered after one of the prefix alternatives in text."""
    pat = rf"(?:{prefix})(?:{num}|{kanji(int(num))})(?!\d)"
    return re.search(pat, text) is not None


def check_strings(where, obj, keys, text):
    """Each present string field of obj among keys must occur (normalised) in text."""
    for k in keys:
        v = obj.get(k)
        if v is not None:
            need(isinstance(v, str) and norm(v) in text, f"{where}: {k} {v!r} not in document")


def check_date(where, key, value, text, forms=date_forms):
    """An ISO date value must be rendered in text in one of forms(value)."""
    try:
        need(any(f in text for f in forms(value)), f"{where}: {key} {value} not in document")
    except ValueError:
        prob(f"{where}: {key} {value!r} not ISO")


def check_jsonl(gold_path, cases, required=False):
    """gold.jsonl beside gold_path, if present (or required), must hold exactly the cases."""
    jl = os.path.join(os.path.dirname(gold_path), "gold.jsonl")
    if os.path.exists(jl):
        rows = [json.loads(x) for x in open(jl, encoding="utf-8") if x.strip()]
        need(rows == cases, "gold.jsonl differs from gold.json")
    elif required:
        prob("gold.jsonl missing")


def check_case(where, c, text, number_prefix=NUMBER_PREFIX, dates=date_forms,
               case_strings=CASE_STRINGS, cite_re=CITE_RE, free_kinds=()):
    """The case-level fields of gold case c against its normalised document text.

    A kind in free_kinds (e.g. その他, a classification for 答申) need not occur in the text."""
    need(c.get("kind") in KINDS, f"{where}: bad kind {c.get('kind')}")
    check_strings(where, c, [k for k in case_strings if not (k == "kind" and c.get(k) in free_kinds)], text)
    num = c.get("number")
    if num is not None:
        need(isinstance(num, str) and num.isdigit(), f"{where}: number must be digits")
        if isinstance(num, str) and num.isdigit():
            need(number_found(num, text, number_prefix), f"{where}: number {num} not rendered in document")
    if c.get("date") is not None:
        check_date(where, "date", c["date"], text, dates)
    sc = c.get("subjects_count")
    if sc is not None:
        need(isinstance(sc, int) and not isinstance(sc, bool), f"{where}: subjects_count not int")
        if isinstance(sc, int):
            need(any(norm(f) + "人" in text for f in num_forms(sc)),
                 f"{where}: subjects_count {sc} not rendered as persons in document")
    lb = c.get("legal_basis")
    if lb is not None:
        need(isinstance(lb, list), f"{where}: legal_basis not a list")
        for cite in lb:
            need(cite_re.match(cite) is not None, f"{where}: citation {cite!r} not normalized")
            need(cite_found(cite, text, cite_re), f"{where}: citation {cite!r} not rendered in document")


def check_proc(pw, p, text, dates=date_forms):
    """One procedure p of a gold case against its normalised document text."""
    extra = set(p) - PROC_KEYS
    need(not extra, f"{pw}: unknown keys {extra}")
    need("type" in p, f"{pw}: missing type")
    need(p.get("type") in TYPES, f"{pw}: bad type {p.get('type')}")
    check_strings(pw, p, ("title", "partner"), text)
    for k in ("consignees", "subcontractors", "data_items"):
        v = p.get(k)
        if v is None:
            continue
        need(isinstance(v, list), f"{pw}: {k} not a list")
        need(len(v) == len(set(v)), f"{pw}: {k} has duplicates")
        for s in v:
            need(isinstance(s, str) and norm(s) in text, f"{pw}: {k} item {s!r} not in document")
    for k in ("period_start", "period_end"):
        if p.get(k) is not None:
            check_date(pw, k, p[k], text, dates)
    if p.get("type") == "再委託":
        need(bool(p.get("consignees")), f"{pw}: 再委託 without consignees")
    if p.get("type") not in ("外部結合", "外部提供"):
        need(p.get("partner") is None, f"{pw}: partner only for 外部結合/外部提供")


args = None  # the parsed options (gold, docs) of the check_set run, for hooks that read files themselves


def check_set(here, encodings, extra=None, case_hook=None, finish=None, argv=None,
              line_range=(40, 180), pre_case_hook=None, cases_done=None, doc_hook=None, **case_opts):
    """Run the whole self-check of the set in folder here; return the exit code.

    Options --gold and --docs (default here/gold.json, here/docs); the parsed options are left in
    the module variable args. extra and line_range are passed to load_doc;
    pre_case_hook(where, c, text) runs before the case fields of a readable case are checked,
    case_hook(where, c, text) after them (before its procedures);
    cases_done(cases, docs, nprocs, gold_path) runs after all cases, before each document is
    checked for a gold case; doc_hook(name, text, cases) right after that check of document name;
    finish(cases, docs, nprocs, gold_path) runs last, before the totals; case_opts go to
    check_case (number_prefix, dates, case_strings, cite_re, free_kinds) and dates also to
    check_proc."""
    global args
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(here, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(here, "docs"))
    a = args = ap.parse_args(argv)
    docs = {}
    for name in sorted(os.listdir(a.docs)):
        t = load_doc(os.path.join(a.docs, name), name, encodings, line_range, extra=extra)
        if t is not None:
            docs[name] = t
    for name in encodings:
        need(os.path.exists(os.path.join(a.docs, name)), f"{name}: missing document")
    gold = json.load(open(a.gold, encoding="utf-8"))
    need(set(gold) == {"cases"}, "gold: top level must be {'cases': [...]}")
    cases = gold.get("cases", [])
    used = set()
    nprocs = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        where = f"case {i} ({src} {c.get('number')})"
        unknown = set(c) - CASE_KEYS
        need(not unknown, f"{where}: unknown keys {unknown}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            need(k in c, f"{where}: missing key {k}")
        text = docs.get(src)
        if text is None:
            prob(f"{where}: source not a readable document")
            continue
        used.add(src)
        if pre_case_hook is not None:
            pre_case_hook(where, c, text)
        check_case(where, c, text, **case_opts)
        if case_hook is not None:
            case_hook(where, c, text)
        for j, p in enumerate(c.get("procedures", [])):
            nprocs += 1
            check_proc(f"{where} proc {j} ({p.get('type')})", p, text, case_opts.get("dates", date_forms))
    if cases_done is not None:
        cases_done(cases, docs, nprocs, a.gold)
    for name in docs:
        need(name in used, f"{name}: no gold case")
        if doc_hook is not None:
            doc_hook(name, docs[name], cases)
    if finish is not None:
        finish(cases, docs, nprocs, a.gold)
    print(f"documents: {len(docs)}, cases: {len(cases)}, procedures: {nprocs}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0
