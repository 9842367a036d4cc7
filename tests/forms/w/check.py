#!/usr/bin/env python3
"""Check estimate-set-19: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document,
and that the recorded traps are present in the documents but absent from the gold.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "x1_hirosaki_shimon.txt": ("cp932", False, "\r\n"),
    "x2_yokkaichi_houkoku.txt": ("utf-8", True, "\n"),
    "x3_azumino_kekka.html": ("utf-8", False, "\n"),
    "x4_hikone_gijiyoshi.txt": ("euc_jp", False, "\n"),
    "x5_fujieda_fugi.md": ("utf-8", False, "\r\n"),
    "x6_obihiro_juten_hyoka.txt": ("utf-8", True, "\r\n"),
}
# Traps: (document text, gold field, value the gold must NOT hold, case number or "*", procedure type or "*").
# The document text must occur in the document (after normalisation); no matching case/procedure of that
# source may hold the forbidden value in that field (list fields: as an element).
TRAPS = {
    "x1_hirosaki_shimon.txt": [
        ("弘総法第９０２号", "number", "902", "*", "*"),
        ("弘個審答第１２号", "number", "12", "*", "*"),
        ("令和３年１１月２日付け", "date", "2021-11-02", "*", "*"),
        ("令和８年２月１０日開催予定", "date", "2026-02-10", "*", "*"),
        ("年間約６，５００件", "subjects_count", 6500, "*", "*"),
        ("地方税法第２２条", "legal_basis", "法第22条", "*", "*"),
        ("令和４年弘前市条例第３１号", "legal_basis", "条例第31号", "*", "*"),
        ("滞納額及び滞納処分の状況は、委託先に取り扱わせない", "data_items", "滞納額", "*", "*"),
        ("滞納額及び滞納処分の状況は、委託先に取り扱わせない", "data_items", "滞納処分の状況", "*", "*"),
        ("終期は定めない", "period_end", "2027-03-31", "*", "外部結合"),
        ("依頼書記載事項のパンチ入力", "data_items", "氏名", "*", "再委託"),
    ],
    "x2_yokkaichi_houkoku.txt": [
        ("四こ保第２１７号", "number", "217", "*", "*"),
        ("資料３", "number", "3", "*", "*"),
        ("令和７年１０月１６日開催", "date", "2025-10-16", "*", "*"),
        ("令和７年９月１日現在", "date", "2025-09-01", "*", "*"),
        ("延べ約１１，０００件", "subjects_count", 11000, "*", "*"),
        ("児童福祉法第６条の３第２項", "legal_basis", "法第6条第2項", "*", "*"),
        ("（プライバシーマーク取得事業者）", "consignees", "（プライバシーマーク取得事業者）", "*", "*"),
        ("（利用課）こども保育課", "partner", "こども保育課", "*", "*"),
        ("（利用課）こども保育課", "partner", "（利用課）こども保育課", "*", "*"),
        ("保有課：市民税課", "department", "市民税課", "*", "*"),
        ("個人番号及び課税情報は提供しない", "data_items", "個人番号", "*", "*"),
        ("終期なし", "period_end", "2026-03-31", "*", "目的外利用"),
    ],
    "x3_azumino_kekka.html": [
        ("更新日：2025年12月24日", "date", "2025-12-24", "*", "*"),
        ("日時：令和7年12月18日", "date", "2025-12-18", "18", "*"),
        ("年間約5,400件", "subjects_count", 5400, "*", "*"),
        ("旧受託者の株式会社あづみ野プリント", "consignees", "株式会社あづみ野プリント", "*", "*"),
        ("氏名、住所及び生年月日は再委託先に取り扱わせない", "data_items", "氏名", "*", "再委託"),
        ("氏名、住所及び生年月日は再委託先に取り扱わせない", "data_items", "住所", "*", "再委託"),
        ("総務部総務課 法制担当", "department", "総務部総務課", "*", "*"),
        ("資料1 諮問第18号", "number", "1", "*", "*"),
        ("新たな委託は行わない", "consignees", "株式会社北アルプス文書センター", None, "*"),
    ],
    "x4_hikone_gijiyoshi.txt": [
        ("令和７年８月２８日", "date", "2025-08-28", "*", "*"),
        ("令和７年１１月２０日", "date", "2025-11-20", "*", "*"),
        ("民生委員２１０人", "subjects_count", 210, "*", "*"),
        ("延べ約１，２００件", "subjects_count", 1200, "*", "*"),
        ("個人情報の保護に関する法律第６９条第２項第３号", "legal_basis", "法第69条第2項第3号", "*", "*"),
        ("社会福祉法人ひこね福祉会", "consignees", "社会福祉法人ひこね福祉会", "*", "*"),
        ("ハローワーク彦根", "partner", "ハローワーク彦根", "*", "*"),
        ("提供する名簿に要介護度及び認定有効期間は載せない", "data_items", "要介護度", "*", "外部提供"),
        ("提供項目から世帯構成を削除した", "data_items", "世帯構成", "*", "*"),
        ("事務局：総務部総務課", "department", "総務部総務課", "*", "*"),
        ("終期は設けない", "period_end", "2026-09-30", "7", "目的外利用"),
    ],
    "x5_fujieda_fugi.md": [
        ("株式会社やいづブックネット", "partner", "株式会社やいづブックネット", "*", "*"),
        ("株式会社やいづブックネット", "consignees", "株式会社やいづブックネット", "*", "*"),
        ("蔵書約４２万冊", "subjects_count", 420000, "*", "*"),
        ("約３，０００タイトル", "subjects_count", 3000, "*", "*"),
        ("氏名、住所、電話番号及び生年月日は、結合先に送信しない", "data_items", "氏名", "*", "外部結合"),
        ("（ＩＳＭＡＰ登録クラウドサービス事業者）", "partner", "株式会社スルガ電子図書流通（ＩＳＭＡＰ登録クラウドサービス事業者）", "*", "*"),
        ("事務局：総務部総務課", "department", "総務部総務課", "*", "*"),
        ("（新規）", "title", "市立図書館の電子書籍サービス導入に伴う個人情報の取扱いについて（新規）", "*", "*"),
        ("サービス利用契約の終了まで", "period_end", "2026-06-30", "*", "外部結合"),
    ],
    "x6_obihiro_juten_hyoka.txt": [
        ("株式会社帯広電算センター", "consignees", "株式会社帯広電算センター", "*", "*"),
        ("令和５年１１月３０日", "date", "2023-11-30", "*", "*"),
        ("昭和４６年法律第７３号", "legal_basis", "法第73号", "*", "*"),
        ("児童手当法第８条第１項", "legal_basis", "法第8条第1項", "*", "*"),
        ("１万人以上１０万人未満", "subjects_count", 10000, "*", "*"),
        ("提供先１｜市町村長", "partner", "市町村長", "*", "*"),
        ("（２）件", "number", "2", "*", "*"),
        ("評価実施機関内の他部署（市民課、市民税課）", "department", "市民課、市民税課", "*", "*"),
    ],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import CASE_KEYS, need, norm  # noqa: E402


def joined_view(_name, text, _lines):
    """x6 wraps values inside a `｜label｜value` grid; a continuation line starts with an empty label cell.
    Also search a view (after a NUL) in which such continuations are joined to the previous line."""
    joined = re.sub(r"\n｜[ \u3000]*｜", "", text.replace("\r\n", "\n"))
    if joined != text.replace("\r\n", "\n"):
        return "\u0000" + joined
    return None


def check_traps(cases, docs, _nprocs, _gold_path):
    """Each trap text occurs in its document; no selected case/procedure holds the forbidden value."""
    ntraps = 0
    for name, traps in TRAPS.items():
        text = docs.get(name)
        if text is None:
            continue
        mine = [c for c in cases if c.get("source") == name]
        for doc_text, field, bad, sel_case, sel_type in traps:
            ntraps += 1
            need(norm(doc_text) in text, f"{name}: trap text {doc_text!r} not in document")
            for c in mine:
                if sel_case != "*" and c.get("number") != sel_case:
                    continue
                holders = [c] if field in CASE_KEYS else [
                    p for p in c.get("procedures", []) if sel_type == "*" or p.get("type") == sel_type]
                for h in holders:
                    v = h.get(field)
                    vals = v if isinstance(v, list) else [v]
                    bad_n = norm(bad) if isinstance(bad, str) else bad
                    for x in vals:
                        x_n = norm(x) if isinstance(x, str) else x
                        need(x_n != bad_n, f"{name} case {c.get('number')}: trap value {bad!r} taken as {field}")
    print(f"traps checked: {ntraps}")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, extra=joined_view, finish=check_traps,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT))
