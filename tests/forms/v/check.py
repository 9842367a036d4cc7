#!/usr/bin/env python3
"""Check estimate-set-18: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "r1_kitakyushu_kaigiroku.txt": ("cp932", False, "\r\n"),
    "r2_koriyama_toushin.txt": ("euc_jp", False, "\n"),
    "r3_oita_kekka.html": ("utf-8", True, "\n"),
    "r4_hiroshima_teirei_ichiran.txt": ("utf-8", False, "\r\n"),
    "r5_toyamaken_henkokasho.md": ("cp932", False, "\n"),
    "r6_wakayama_layout.html": ("euc_jp", False, "\r\n"),
}
# Traps: strings that occur in the document but must not appear as any gold value of its cases
# (old contractors, reference numbers, items explicitly not handed over, trap counts/dates, other laws).
TRAPS = {
    "r1_kitakyushu_kaigiroku.txt": ["有限会社到津ケアサポート", "個人番号", "主治医意見書", "3万4千", "9,600",
                                    "第66条第2項", "総務市民局総務部行政情報課", "所得に関する情報"],
    "r2_koriyama_toushin.txt": ["郡個審第203号", "諮問第22号", "郡山住政第512号", "2,100戸", "課税標準額", "税額",
                                "納税の状況", "地方税法第22条", "第10条第1項", "第69条第2項第2号", "答申第6号",
                                "財務部資産税課", "固定資産の評価額", "空家等の所有者情報の利用及び提供について"],
    "r3_oita_kekka.html": ["株式会社大分テレマーケティング", "6万件", "3,900世帯", "総務部総務課", "預貯金等の調査結果",
                           "滞納処分の状況", "生活保護の受給状況", "2027年2月19日", "4000020442011"],
    "r4_hiroshima_teirei_ichiran.txt": ["広保医第1807号", "株式会社広島データエントリー", "特定健康診査結果データ入力業務",
                                        "152,000通", "2,300件", "第28条第1項", "第19条の2", "検診結果の詳細"],
    "r5_toyamaken_henkokasho.md": ["株式会社立山電算サービス", "富山県訓令第14号", "3,100人", "第19条第6号",
                                   "令和8年12月20日"],
    "r6_wakayama_layout.html": ["株式会社わかやま文化サービス", "120万冊", "返却済みの資料に係る貸出履歴",
                                "図書館法第17条", "総務局総務部総務課", "令和9年2月17日"],
}
# Look-alike case numbers and dates that the document bears but that are not the case's.
NUMBER_TRAPS = {"r2_koriyama_toushin.txt": ["22", "203", "512", "6"], "r4_hiroshima_teirei_ichiran.txt": ["1807"],
                "r1_kitakyushu_kaigiroku.txt": ["1", "4"], "r6_wakayama_layout.html": ["5"]}
DATE_TRAPS = {"r2_koriyama_toushin.txt": ["2027-01-18", "2027-01-27", "2027-02-24", "2017-09-25"],
              "r3_oita_kekka.html": ["2027-02-19", "2027-02-08"],
              "r4_hiroshima_teirei_ichiran.txt": ["2027-02-10"],
              "r5_toyamaken_henkokasho.md": ["2026-12-20", "2027-01-14"],
              "r6_wakayama_layout.html": ["2027-02-03", "2027-02-17"]}

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import checklib  # noqa: E402
from checklib import (CASE_KEYS, PROC_KEYS, KINDS, TYPES, problems, prob, need, norm,  # noqa: E402
                      kanji, num_forms, date_forms, cite_found, CITE_RE)


def load_doc(path, name):
    """Decode and check one document against ENCODINGS (see checklib.load_doc)."""
    return checklib.load_doc(path, name, ENCODINGS)


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
        need(c.get("number") not in NUMBER_TRAPS.get(src, []), f"{where}: number is a look-alike trap")
        need(c.get("date") not in DATE_TRAPS.get(src, []), f"{where}: date {c.get('date')} is a trap date")
        need(c.get("kind") in KINDS, f"{where}: bad kind {c.get('kind')}")
        for k in ("municipality", "title", "department", "kind"):
            v = c.get(k)
            if v is not None:
                need(isinstance(v, str) and norm(v) in text, f"{where}: {k} {v!r} not in document")
        num = c.get("number")
        if num is not None:
            need(isinstance(num, str) and num.isdigit(), f"{where}: number must be digits")
            pat = rf"(?:諮問第|答申第|報告第|評価書番号.{{0,24}}?)(?:{num}|{kanji(int(num))})(?!\d)"
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
    for name, traps in TRAPS.items():
        text = docs.get(name)
        if text is None:
            continue
        vals = []
        for c in cases:
            if c.get("source") != name:
                continue
            vals += [str(c.get(k)) for k in ("number", "title", "date", "department") if c.get(k) is not None]
            vals += [str(c.get("subjects_count"))] + list(c.get("legal_basis") or [])
            for p in c.get("procedures", []):
                vals += [p.get("title") or "", p.get("partner") or ""]
                for k in ("consignees", "subcontractors", "data_items"):
                    vals += list(p.get(k) or [])
        vals = [norm(v) for v in vals if v]
        for t in traps:
            nt = norm(t)
            need(nt in text, f"{name}: trap {t!r} not in document")
            for v in vals:
                need(v != nt and not (len(nt) >= 4 and nt in v and not nt.startswith("第")),
                     f"{name}: trap {t!r} leaks into gold value {v!r}")
    for name in docs:
        need(name in used, f"{name}: no gold case")
    print(f"documents: {len(docs)}, cases: {len(cases)}, procedures: {nprocs}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
