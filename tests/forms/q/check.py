#!/usr/bin/env python3
"""Check estimate-set-13: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end; "csv" = CRLF records, LF only inside quoted cells)
    "r1_yurihama_itaku_ichiran.csv": ("cp932", False, "csv"),
    "r2_tosa_kouhou.txt": ("utf-8", False, "\n"),
    "r3_tokushima_shitsugi.txt": ("euc_jp", False, "\n"),
    "r4_ikaruga_todokede.txt": ("utf-8", True, "\r\n"),
    "r5_hiki_mail.txt": ("utf-8", False, "\r\n"),
    "r6_izunokuni_kekka.html": ("cp932", False, "\n"),
}
# values that a careless reader would extract; none may appear as a gold value of a case of that file
TRAPS = {
    "r1_yurihama_itaku_ichiran.csv": ["株式会社山陰ビジネスフォーム", "個人番号", "要介護度", "病名", "2024-04-10",
                                      "2025-03-31", "2025-11-13", "4", 18500, 240, 130],
    "r2_tosa_kouhou.txt": ["病名", "障害の程度", "36", "217", "土佐町営住宅入居者の募集について", "建設課",
                           "条例第10条", "2025-09-30", "住民福祉課", "税務課"],
    "r3_tokushima_shitsugi.txt": ["成績", "出欠の状況", "健康診断の結果", "保護者の氏名", "端末の位置情報", "2025-11-12",
                                  "9", 36, 15000, "2024-10-28"],
    "r4_ikaruga_todokede.txt": ["生年月日", "性別", "個人番号", "口座情報", "健康情報", 2300, 10000, "3", "5",
                                "2025-07-03", "個人情報取扱事務委託届出書", "条例第5条"],
    "r5_hiki_mail.txt": ["2025-11-01", "2030-10-31", "2026-04-01", "2025-09-16", "2025-09-26", "本籍", "死亡診断書",
                         "総務課", 2800, 19],
    "r6_izunokuni_kekka.html": ["暗証番号", "住民票コード", "続柄", "総務部総務課", "2025-12-19", "2026-01-08", 1500,
                                3100, 1900, 26000, "個人番号及び暗証番号"],
}

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import checklib  # noqa: E402
from checklib import (CASE_KEYS, PROC_KEYS, KINDS, TYPES, problems, prob, need, norm,  # noqa: E402
                      strip_tags, kanji, num_forms, date_forms, cite_found, CITE_RE)

BOX = set("┌┬┐├┼┤└┴┘─")


def check_csv(name, text):
    """Excel-style CSV: every record ends in CRLF; a bare LF may occur only inside a quoted cell;
    every record has the same number of cells."""
    import csv, io
    inq = False
    for i, ch in enumerate(text):
        if ch == '"':
            inq = not inq
        elif ch == "\n" and not inq and (i == 0 or text[i - 1] != "\r"):
            prob(f"{name}: bare LF outside a quoted cell at offset {i}")
            break
        elif ch == "\r" and inq:
            prob(f"{name}: CR inside a quoted cell at offset {i}")
            break
    rows = list(csv.reader(io.StringIO(text, newline="")))
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        prob(f"{name}: CSV records have differing widths {sorted(widths)}")
    if not any("\n" in c for r in rows for c in r):
        prob(f"{name}: no quoted cell with an embedded line break")


def unbox(text):
    """Box-drawing tables (罫線): join each column's wrapped fragments within one table row, so that a
    cell wrapped over several lines becomes one string. Returns the joined cells, one per line."""
    out, group = [], []

    def flush():
        if group:
            ncol = max(len(g) for g in group)
            for c in range(ncol):
                out.append("".join(g[c] if c < len(g) else "" for g in group))
            group.clear()
    for line in text.split("\n"):
        t = line.strip()
        if t.startswith("│") and t.endswith("│"):
            group.append(t[1:-1].split("│"))
        else:
            if t and set(t) <= BOX:
                flush()
            elif group:
                flush()
    flush()
    return "\n".join(out)


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
    if nl == "csv":
        check_csv(name, text)
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not 40 <= len(lines) <= 180:
        prob(f"{name}: {len(lines)} lines, expected 40-180")
    if name.endswith(".html"):
        text = strip_tags(text)
    return norm(text + "\n" + unbox(text))


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
            pat = rf"(?:諮問第|答申第|報告第|告示第|評価書番号.{{0,12}}?)(?:{num}|{kanji(int(num))})(?!\d)"
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
        vals = []

        def walk(v):
            if isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
            elif v is not None:
                vals.append(v)
        walk({k: v for k, v in c.items() if k != "source"})
        for t in TRAPS.get(src, []):
            need(not any(type(v) is type(t) and v == t for v in vals), f"{where}: trap value {t!r} in gold")
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
