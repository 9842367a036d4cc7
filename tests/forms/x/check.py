#!/usr/bin/env python3
"""Check estimate-set-20: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "z1_gunma_kekka.html": ("utf-8", False, "\n"),
    "z2_bunkyo_tree.txt": ("cp932", False, "\r\n"),
    "z3_ibaraki_kouiki_todoke.txt": ("euc_jp", False, "\n"),
    "z4_nara_shimon.txt": ("utf-8", True, "\r\n"),
    "z5_tama_toushin.html": ("cp932", False, "\r\n"),
    "z6_minato_juten.txt": ("utf-8", False, "\n"),
}
# Traps: (field, wrong value, evidence text that must occur in the document).
# The check fails if the trap is not in the document, or if the gold of that
# document carries the wrong value in that field (any case / any procedure).
TRAPS = {
    "z1_gunma_kekka.html": [
        ("date", "2025-11-14", "令和7年11月14日（金曜日）に開催"),
        ("date", "2025-11-20", "答申（令和7年11月20日付け）"),
        ("date", "2025-11-28", "最終更新日：2025年11月28日"),
        ("subjects_count", 480000, "約48万通"),
        ("subjects_count", 900, "年間約900件"),
        ("consignees", "株式会社とね印刷", "受託事業者は株式会社とね印刷"),
        ("department", "生活こども部県民活動支援・広聴課", "生活こども部県民活動支援・広聴課"),
        ("legal_basis", "法第69条第2項第4号", "法律第69条第2項第4号"),
        ("data_items", "減免の理由", "減免の理由は、受託事業者には取り扱わせません"),
        ("data_items", "医療受給者証番号", "医療受給者証番号及び所得区分は提供しません"),
        ("period_end", "2026-01-31", "令和8年1月31日で満了"),
    ],
    "z2_bunkyo_tree.txt": [
        ("date", "2026-01-22", "会議予定日：令和８年１月２２日"),
        ("number", "3", "付議事項（第３回）"),
        ("subjects_count", 12000, "年間約１万２千件"),
        ("consignees", "株式会社文京テレコール", "受託者：株式会社文京テレコール"),
        ("partner", "株式会社文京テレコール", "受託者：株式会社文京テレコール"),
        ("data_items", "健診結果", "健診結果及び問診票の内容は、結合先に送信しない"),
        ("period_end", "2026-03-31", "令和８年３月３１日）は本付議の対象外"),
        ("legal_basis", "法第19条", "健康増進法第１９条の２"),
    ],
    "z3_ibaraki_kouiki_todoke.txt": [
        ("number", "0142", "受付番号=R7-委-0142"),
        ("number", "205", "茨後広発第２０５号"),
        ("number", "7", "第７号様式"),
        ("date", "2025-12-10", "承諾日=2025/12/10"),
        ("date", "2025-12-16", "出力日時=2025/12/16"),
        ("subjects_count", 450000, "約４５万通"),
        ("consignees", "株式会社かすみがうら印刷", "委託先=株式会社かすみがうら印刷"),
        ("data_items", "個人番号", "取扱わせない項目=個人番号、保険料額、所得区分"),
        ("data_items", "保険料額", "取扱わせない項目=個人番号、保険料額、所得区分"),
        ("period_start", "2024-05-01", "契約期間 2024/5/1"),
    ],
    "z4_nara_shimon.txt": [
        ("number", "1087", "奈住第１０８７号"),
        ("number", "14", "奈個審答申第十四号"),
        ("date", "2021-09-27", "令和三年九月二十七日付け"),
        ("subjects_count", 8900, "約八千九百世帯"),
        ("legal_basis", "法第34条", "公営住宅法第三十四条"),
        ("legal_basis", "法第16条", "公営住宅法第十六条"),
        ("legal_basis", "法第22条", "地方税法第二十二条"),
        ("data_items", "保護の種類別の扶助額", "利用しない項目　　保護の種類別の扶助額"),
        ("partner", "県営住宅が所在する二十一市町村", "収集先　　県営住宅が所在する二十一市町村"),
    ],
    "z5_tama_toushin.html": [
        ("number", "312", "７東た総第３１２号"),
        ("date", "2025-08-04", "令和７年８月４日付け"),
        ("date", "2025-09-19", "令和７年９月１９日の審議"),
        ("subjects_count", 420, "年間約４２０団体"),
        ("legal_basis", "法第66条第2項", "個人情報の保護に関する法律第６６条第２項"),
        ("data_items", "住所", "参加者の住所及び生年月日は取得しない"),
        ("data_items", "生年月日", "参加者の住所及び生年月日は取得しない"),
        ("kind", "諮問", "諮問第５号"),
    ],
    "z6_minato_juten.txt": [
        ("date", "2022-06-28", "前回の公表日：令和４年６月２８日"),
        ("date", "2025-04-01", "令和７年４月１日現在"),
        ("subjects_count", 14000, "約１万４千人"),
        ("subjects_count", 32000, "約３万２千件"),
        ("consignees", "株式会社新橋オフセット", "株式会社新橋オフセットとの契約"),
        ("department", "総務部区政情報課", "港区総務部区政情報課"),
        ("legal_basis", "法第24条", "児童福祉法第２４条"),
    ],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need, norm  # noqa: E402


def check_traps(name, raw_text, gold_cases):
    """raw_text: normalized document text; gold_cases: the gold cases of this document."""
    for field, wrong, evidence in TRAPS.get(name, []):
        need(norm(evidence) in raw_text, f"{name}: trap evidence {evidence!r} not in document")
        hit = False
        for c in gold_cases:
            if field in c:
                v = c[field]
                hit |= (v == wrong) or (isinstance(v, list) and wrong in v)
            for p in c.get("procedures", []):
                if field in p:
                    v = p[field]
                    hit |= (v == wrong) or (isinstance(v, list) and wrong in v)
        need(not hit, f"{name}: gold takes the trap {field}={wrong!r}")


def traps_cover_all(_cases, _docs, _nprocs, _gold_path):
    """Every document has a trap list."""
    need(set(TRAPS) == set(ENCODINGS), "trap list must cover every document")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS,
                                doc_hook=lambda name, text, cases: check_traps(
                                    name, text, [c for c in cases if c.get("source") == name]),
                                finish=traps_cover_all,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT,
                                free_kinds=("その他",)))  # convention for 答申 etc. (dev n03); the word need not occur
