#!/usr/bin/env python3
"""Check estimate-set-15: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "y1_odawara_word.html": ("cp932", False, "\r\n"),
    "y2_ota_excel.html": ("utf-8", False, "\n"),
    "y3_obuse_ukagai.txt": ("euc_jp", False, "\n"),
    "y4_soka_checklist.txt": ("utf-8", True, "\r\n"),
    "y5_kurume_pre.html": ("utf-8", False, "\n"),
    "y6_sabae_footnote.md": ("cp932", False, "\n"),
}
# Trap values: each must occur in its document (so the trap is real) and must NOT occur in the
# gold field named (for lists: as an element of any procedure; "field@TYPE": only in procedures of
# that type; scalars: as the case's value).
TRAPS = {
    "y1_odawara_word.html": [
        ("number", "487"), ("number", "12"),
        ("consignees", "株式会社小田原テレコム"),
        ("data_items", "口座情報"),
        ("legal_basis", "条例第66条第2項"),
        ("date", "2025-11-10"),
        ("subjects_count", 24000),
        ("subcontractors", "株式会社小田原テレコム"),
        ("data_items@再委託", "排出場所"), ("data_items@再委託", "手数料納付券番号"),
    ],
    "y2_ota_excel.html": [
        ("consignees", "株式会社おおたデータ入力センター"),
        ("data_items", "個人番号"),
        ("data_items", "対象：申請者（保護者）及び入会を希望する児童"),
        ("data_items", "第１の項目のほか"),
        ("department", "総務部総務課情報公開係"),
        ("date", "2025-11-19"),
        ("number", "7"),
        ("subjects_count", 4800),
        ("partner", "株式会社キッズリンク東京（ＩＳＭＡＰ登録クラウドサービス利用）"),
        ("legal_basis", "条例第22条"),
    ],
    "y3_obuse_ukagai.txt": [
        ("number", "213"), ("number", "108"), ("number", "9"),
        ("department", "総務課行政係"),
        ("data_items", "氏名"), ("data_items", "電話番号"),
        ("legal_basis", "法第27条第3項"),
        ("subjects_count", 2500),
        ("partner", "長野県国民健康保険団体連合会"),
        ("consignees", "長野県国民健康保険団体連合会"),
    ],
    "y4_soka_checklist.txt": [
        ("data_items", "住所"), ("data_items", "電話番号"), ("data_items", "個人番号"),
        ("data_items", "口座情報"), ("data_items", "病歴（既往歴の詳細）"),
        ("consignees", "株式会社そうか事務センター"),
        ("subjects_count", 13000), ("subjects_count", 1100),
        ("date", "2025-12-22"), ("date", "2025-11-28"),
        ("number", "2"), ("number", "602"),
        ("type", "本人外収集"), ("type", "再委託"),
    ],
    "y5_kurume_pre.html": [
        ("consignees", "株式会社筑水サービス"),
        ("data_items", "貸出履歴"), ("data_items@再委託", "電話番号"), ("data_items", "住民票コード"), ("data_items", "個人番号"),
        ("department", "総務部総務法務課"),
        ("date", "2025-11-21"), ("date", "2025-11-27"),
        ("subjects_count", 3700), ("subjects_count", 8400),
        ("legal_basis", "法第3条"),
        ("consignees", "有限会社筑後印刷"),
    ],
    "y6_sabae_footnote.md": [
        ("data_items", "保護者の電話番号"), ("data_items", "所得区分"),
        ("department", "健康福祉部こども家庭課"),
        ("number", "1"), ("number", "20"),
        ("subjects_count", 13000),
        ("date", "2025-09-29"),
        ("partner", "福井県国民健康保険団体連合会（以下「国保連」という。）"),
        ("legal_basis", "法第66条第1項"),
    ],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import CITE_RE, cite_found, date_forms, kanji, need, norm, num_forms, prob  # noqa: E402


def trap_present(field, value, text):
    if field == "date":
        return any(f in text for f in date_forms(value))
    if field == "subjects_count":
        return any(norm(f) in text for f in num_forms(value))
    if field == "number":
        return re.search(rf"(?<!\d){value}(?!\d)", text) is not None or kanji(int(value)) in text
    if field == "legal_basis":
        law = CITE_RE.match(value).group(1)
        bare = value[len(law):]
        return cite_found("条例" + bare, text.replace(law, "条例")) if law != "条例" else cite_found(value, text)
    if field == "type":
        return norm(value) in text
    return norm(value) in text


def check_traps(cases, docs):
    for name, traps in TRAPS.items():
        text = docs.get(name)
        if text is None:
            continue
        mine = [c for c in cases if c.get("source") == name]
        for field, value in traps:
            field, _, only = field.partition("@")
            need(trap_present(field, value, text), f"{name}: trap {field}={value!r} does not occur in the document")
            for c in mine:
                procs = [p for p in c.get("procedures", []) if not only or p.get("type") == only]
                if field in ("number", "date", "department", "subjects_count"):
                    bad = c.get(field) == value
                elif field == "legal_basis":
                    bad = value in (c.get("legal_basis") or [])
                elif field == "type":
                    bad = any(p.get("type") == value for p in procs)
                elif field == "partner":
                    bad = any(norm(p.get("partner") or "") == norm(value) for p in procs)
                else:
                    bad = any(norm(value) in [norm(x) for x in (p.get(field) or [])] for p in procs)
                need(not bad, f"{name}: gold takes the trap {field}={value!r} (case {c.get('title')})")


def check_checklist(cases, docs_dir):
    """y4: every gold item of a procedure must be marked ○ in the 該当 column of its TAB table,
    and every item marked 該当 must be in the gold (tables under Ⅱ and Ⅲ)."""
    name = "y4_soka_checklist.txt"
    path = os.path.join(docs_dir, name)
    if not os.path.exists(path):
        return
    lines = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n").split("\n")
    tables, cur = {}, None
    for ln in lines:
        cells = ln.split("\t")
        if len(cells) >= 3 and cells[1] == "該当" and cells[2] == "非該当":
            cur = cells[0]
            tables[cur] = {"yes": [], "no": []}
            continue
        if cur and len(cells) == 4 and ln.strip():
            (tables[cur]["yes"] if cells[1] == "○" else tables[cur]["no"]).append(cells[0])
            need((cells[1] == "○") != (cells[2] == "○"), f"{name}: row {cells[0]!r} must be marked in exactly one column")
        elif cur and ln.strip():
            prob(f"{name}: checklist row {ln!r} does not have 4 TAB cells")
        else:
            cur = None
    want = {"業務委託": "委託先に取り扱わせる個人情報", "電子計算機記録": "記録する個人情報"}
    for c in cases:
        if c.get("source") != name:
            continue
        for p in c.get("procedures", []):
            t = tables.get(want.get(p.get("type"), ""))
            if t is None:
                prob(f"{name}: no checklist table for {p.get('type')}")
                continue
            need(p.get("data_items") == t["yes"], f"{name}: {p.get('type')} items {p.get('data_items')} != ticked rows {t['yes']}")
    kinds = tables.get("区分", {"yes": []})["yes"]
    got = sorted(p.get("type") for c in cases if c.get("source") == name for p in c.get("procedures", []))
    need(sorted(k.replace("電子計算機への記録", "電子計算機記録") for k in kinds) == got,
         f"{name}: procedure types {got} != ticked 区分 {kinds}")


def check_strikethrough(cases, docs_dir):
    """y6: no ~~struck~~ item may be in the gold."""
    name = "y6_sabae_footnote.md"
    path = os.path.join(docs_dir, name)
    if not os.path.exists(path):
        return
    struck = re.findall(r"~~([^~]+)~~", open(path, encoding="cp932").read())
    need(len(struck) == 2, f"{name}: expected 2 struck items, found {struck}")
    for c in cases:
        if c.get("source") == name:
            for p in c.get("procedures", []):
                for s_ in struck:
                    need(s_ not in (p.get("data_items") or []), f"{name}: struck item {s_!r} in gold")


def set_checks(cases, docs, _nprocs, _gold_path):
    """The traps, y4's checklist and y6's struck items."""
    check_traps(cases, docs)
    check_checklist(cases, checklib.args.docs)
    check_strikethrough(cases, checklib.args.docs)


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, finish=set_checks,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT))
