#!/usr/bin/env python3
"""Check estimate-set-17: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "w1_manazuru_shiryo_merged.txt": ("cp932", False, "\r\n"),
    "w2_hinohara_shimon_bunrei.txt": ("euc_jp", False, "\n"),
    "w3_sumida_itaku_matrix.html": ("utf-8", True, "\r\n"),
    "w4_fukuoka_kaigo_hyoka_flat.txt": ("utf-8", False, "\n"),
    "w5_tomi_kyoiku_rest.txt": ("utf-8", False, "\n"),
    "w6_memuro_fugi_yonretsu.txt": ("shift_jis", False, "\n"),
}
# Trap values: each must occur in its document (after normalisation) and must NOT be the gold value.
# (field, value): field "any" = no gold string (scalar or list item) of that document may equal it;
# "number"/"date"/"subjects_count"/"legal_basis"/"period_end" compare with that gold field of every case of the file.
TRAPS = {
    "w1_manazuru_shiryo_merged.txt": [
        ("any", "有限会社まなづる電算"), ("any", "個人番号"), ("any", "児童の健康状態に関する記録"),
        ("number", "3"), ("date", "2025-11-13"), ("subjects_count", 2100),
        ("legal_basis", "法第20条"), ("legal_basis", "法第24条第1項")],
    "w2_hinohara_shimon_bunrei.txt": [
        ("any", "個人番号"), ("any", "課税情報"), ("any", "介護保険の要介護度"), ("any", "民生委員・児童委員"),
        ("number", "207"), ("number", "1"), ("date", "2025-10-16"), ("date", "2018-07-12"),
        ("subjects_count", 2500), ("legal_basis", "要綱第3条"), ("legal_basis", "法第1条"),
        ("legal_basis", "法第15条")],
    "w3_sumida_itaku_matrix.html": [
        ("any", "特定非営利活動法人むこうじま子育て応援団"), ("any", "電話番号@1"), ("any", "口座情報"),
        ("number", "3318"), ("number", "1418"), ("date", "2025-11-10"), ("date", "2025-11-04"),
        ("subjects_count", 41000), ("subjects_count", 4)],
    "w4_fukuoka_kaigo_hyoka_flat.txt": [
        ("any", "株式会社げんかい紙工"), ("any", "福岡県国民健康保険団体連合会"), ("any", "構成市町村"),
        ("date", "2025-04-21"), ("date", "2024-11-27"), ("legal_basis", "番号法第19条第11号"),
        ("legal_basis", "法第115条"), ("legal_basis", "法第203条"), ("legal_basis", "法第30条")],
    "w5_tomi_kyoiku_rest.txt": [
        ("any", "保護者の氏名"), ("any", "保護者氏名"), ("any", "緊急連絡先"), ("any", "住所"),
        ("date", "2025-03-04"), ("date", "2025-03-12"), ("date", "2025-03-06"),
        ("legal_basis", "規則第24条")],
    "w6_memuro_fugi_yonretsu.txt": [
        ("any", "児童生徒の食物アレルギー情報"), ("any", "就学援助の認定状況"), ("any", "芽室町学校給食会"),
        ("number", "665"), ("number", "2"), ("date", "2025-12-17"), ("date", "2024-11-20"),
        ("subjects_count", 23000), ("legal_basis", "法第11条"), ("legal_basis", "法第210条")],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import date_forms, need, norm, num_forms, prob  # noqa: E402

CITE_RE = re.compile(r"^(条例|要綱|番号法|法|規則|規程)((第\d+条(第\d+項)?(第\d+号)?)|(別表第\d+(第\d+項)?))$")  # this set also cites 規程


def cite_found(cite, text):
    """Citation render-back check with this set's CITE_RE (allows 規程)."""
    return checklib.cite_found(cite, text, CITE_RE)


def gold_strings(c):
    out = [c.get(k) for k in ("municipality", "title", "department")]
    for p in c.get("procedures", []):
        out += [p.get("title"), p.get("partner")]
        for k in ("consignees", "subcontractors", "data_items"):
            out += p.get(k) or []
    return {norm(x) for x in out if isinstance(x, str)}


def check_traps(cases, docs):
    ntraps = 0
    for name, traps in TRAPS.items():
        text = docs.get(name)
        mine = [c for c in cases if c.get("source") == name]
        if text is None:
            continue
        strings = set().union(*[gold_strings(c) for c in mine]) if mine else set()
        for field, value in traps:
            ntraps += 1
            where = f"{name}: trap {field}={value!r}"
            if field == "any":
                v = value.split("@")[0]
                need(norm(v) in text, f"{where} does not occur in the document")
                if "@" in value:  # item trap only for one procedure index: value@proc
                    idx = int(value.split("@")[1])
                    for c in mine:
                        procs = c.get("procedures", [])
                        if idx < len(procs):
                            need(v not in (procs[idx].get("data_items") or []), f"{where} is in the gold")
                else:
                    need(norm(v) not in strings, f"{where} is in the gold")
            elif field == "legal_basis":
                need(cite_found(value, text), f"{where} does not occur in the document")
                for c in mine:
                    need(value not in (c.get("legal_basis") or []), f"{where} is in the gold")
            elif field == "date":
                need(any(f in text for f in date_forms(value)), f"{where} does not occur in the document")
                for c in mine:
                    need(c.get("date") != value, f"{where} is the gold date")
                    for p in c.get("procedures", []):
                        need(value not in (p.get("period_start"), p.get("period_end")), f"{where} is a gold period")
            elif field == "number":
                need(re.search(rf"(?<!\d){value}(?!\d)", text) is not None, f"{where} does not occur")
                for c in mine:
                    need(c.get("number") != value, f"{where} is the gold number")
            elif field == "subjects_count":
                need(any(norm(f) in text for f in num_forms(value)), f"{where} does not occur")
                for c in mine:
                    need(c.get("subjects_count") != value, f"{where} is the gold count")
            else:
                prob(f"{where}: unknown trap field")
    print(f"traps checked: {ntraps}")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, cite_re=CITE_RE,
                                finish=lambda cases, docs, _nprocs, _gold: check_traps(cases, docs)))
