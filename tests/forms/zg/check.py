#!/usr/bin/env python3
"""Check estimate-set-29: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import argparse, datetime, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_chiyoda_kugiri.txt": ("euc_jp", False, "\n"),
    "s2_hachinohe_gaiyouban.txt": ("utf-8", True, "\r\n"),
    "s3_imabari_shinsahyo.txt": ("utf-8", False, "\n"),
    "s4_sasebo_henkou.txt": ("cp932", False, "\r\n"),
    "s5_tsuruoka_teikyo_ichiran.html": ("utf-8", False, "\r\n"),
    "s6_naruto_tenchi_hyou.md": ("utf-8", False, "\n"),
}
CASE_KEYS = {"source", "municipality", "kind", "number", "title", "date", "department",
             "legal_basis", "subjects_count", "procedures"}
PROC_KEYS = {"type", "title", "consignees", "subcontractors", "partner", "data_items",
             "period_start", "period_end"}
KINDS = {"諮問", "報告", "付議", "評価書", "その他"}
TYPES = {"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用", "外部提供",
         "本人外収集", "特定個人情報保護評価", "その他"}
CITE_RE = re.compile(r"^(条例|要綱|番号法|法|規則)((第\d+条(第\d+項)?(第\d+号)?)|(別表第\d+(第\d+項)?))$")
KD = "〇一二三四五六七八九"

# Trap values per document: facts a careless reader would extract, which the gold must not hold
# anywhere (as a case scalar, a name or an item). Dates are ISO.
TRAPS = {
    "s1_chiyoda_kugiri.txt": ["政策経営部総務課", "2025-09-12", "52000", "8500", "氏名、住所及び電話番号"],
    "s2_hachinohe_gaiyouban.txt": ["株式会社みなと帳票センター", "12804", "21315", "2024-11-01",
                                   "2025-01-22", "市民税課", "国保年金課"],
    "s3_imabari_shinsahyo.txt": ["株式会社いよ健診サービス", "886", "24310", "レセプト情報",
                                 "2024-11-01", "2025-03-31"],
    "s4_sasebo_henkou.txt": ["株式会社させぼメディカルサポート", "保護者の勤務先", "12", "1247",
                             "2023-08-02", "2023-09-01", "2026-03-31", "3700"],
    "s5_tsuruoka_teikyo_ichiran.html": ["自治会・町内会（421団体）", "自治会・町内会", "総務部総務課", "421",
                                        "2025-11-20", "2025-11-28", "医療的ケアの内容", "服薬の状況",
                                        "個人番号", "被保険者番号", "18000"],
    "s6_naruto_tenchi_hyou.md": ["株式会社鳴門ふるさとサポート", "2025-09-30", "2025-08-08", "2025-08-21",
                                 "72000", "クレジットカード番号", "個人番号", "法第37条の2"],
}


def gold_values(c):
    """every scalar and list value of a case and its procedures, as strings"""
    out = []
    for k, v in c.items():
        if k == "procedures":
            for p in v:
                for pk, pv in p.items():
                    out.extend(pv if isinstance(pv, list) else [pv])
        else:
            out.extend(v if isinstance(v, list) else [v])
    return [str(x) for x in out if x is not None]

problems = []


def prob(msg):
    problems.append(msg)
    print(msg)


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def strip_tags(s):
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


def cite_found(cite, text):
    m = CITE_RE.match(cite)
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


def load_doc(path, name):
    raw = open(path, "rb").read()
    spec = ENCODINGS.get(name)
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
    if not 40 <= len(lines) <= 180:
        prob(f"{name}: {len(lines)} lines, expected 40-180")
    if name.endswith(".html"):
        text = strip_tags(text)
    return norm(text)


def need(cond, msg):
    if not cond:
        prob(msg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    docs = {}
    for name in sorted(os.listdir(a.docs)):
        t = load_doc(os.path.join(a.docs, name), name)
        if t is not None:
            docs[name] = t
    for name in ENCODINGS:
        need(os.path.exists(os.path.join(a.docs, name)), f"{name}: missing document")
    gold = json.load(open(a.gold, encoding="utf-8"))
    need(set(gold) == {"cases"}, "gold: top level must be {'cases': [...]}")
    cases = gold.get("cases", [])
    used = set()
    nprocs = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        where = f"case {i} ({src} {c.get('number')})"
        extra = set(c) - CASE_KEYS
        need(not extra, f"{where}: unknown keys {extra}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            need(k in c, f"{where}: missing key {k}")
        text = docs.get(src)
        if text is None:
            prob(f"{where}: source not a readable document")
            continue
        used.add(src)
        need(c.get("kind") in KINDS, f"{where}: bad kind {c.get('kind')}")
        for k in ("municipality", "title", "department", "kind"):
            v = c.get(k)
            if v is not None:
                need(isinstance(v, str) and norm(v) in text, f"{where}: {k} {v!r} not in document")
        num = c.get("number")
        if num is not None:
            need(isinstance(num, str) and num.isdigit(), f"{where}: number must be digits")
            pat = rf"(?:諮問第|答申第|報告第|評価書番号.{{0,12}}?)(?:{num}|{kanji(int(num))})(?!\d)"
            need(re.search(pat, text) is not None, f"{where}: number {num} not rendered in document")
        if c.get("date") is not None:
            try:
                need(any(f in text for f in date_forms(c["date"])), f"{where}: date {c['date']} not in document")
            except ValueError:
                prob(f"{where}: date {c['date']!r} not ISO")
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
                need(CITE_RE.match(cite) is not None, f"{where}: citation {cite!r} not normalized")
                need(cite_found(cite, text), f"{where}: citation {cite!r} not rendered in document")
        for t in TRAPS.get(src, []):
            vals = gold_values(c)
            need(not any(norm(v) == norm(t) or (len(t) > 4 and norm(t) in norm(v)) for v in vals),
                 f"{where}: trap value {t!r} in gold")
        for j, p in enumerate(c.get("procedures", [])):
            nprocs += 1
            pw = f"{where} proc {j} ({p.get('type')})"
            extra = set(p) - PROC_KEYS
            need(not extra, f"{pw}: unknown keys {extra}")
            need("type" in p, f"{pw}: missing type")
            need(p.get("type") in TYPES, f"{pw}: bad type {p.get('type')}")
            for k in ("title", "partner"):
                v = p.get(k)
                if v is not None:
                    need(isinstance(v, str) and norm(v) in text, f"{pw}: {k} {v!r} not in document")
            for k in ("consignees", "subcontractors", "data_items"):
                v = p.get(k)
                if v is None:
                    continue
                need(isinstance(v, list), f"{pw}: {k} not a list")
                need(len(v) == len(set(v)), f"{pw}: {k} has duplicates")
                for s in v:
                    need(isinstance(s, str) and norm(s) in text, f"{pw}: {k} item {s!r} not in document")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    try:
                        need(any(f in text for f in date_forms(v)), f"{pw}: {k} {v} not in document")
                    except ValueError:
                        prob(f"{pw}: {k} {v!r} not ISO")
            if p.get("type") == "再委託":
                need(bool(p.get("consignees")), f"{pw}: 再委託 without consignees")
            if p.get("type") not in ("外部結合", "外部提供"):
                need(p.get("partner") is None, f"{pw}: partner only for 外部結合/外部提供")
    for name in docs:
        need(name in used, f"{name}: no gold case")
    print(f"documents: {len(docs)}, cases: {len(cases)}, procedures: {nprocs}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
