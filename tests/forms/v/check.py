#!/usr/bin/env python3
"""Check estimate-set-18: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

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

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need, norm  # noqa: E402


def no_lookalikes(where, c, _text):
    """The case's number and date are not look-alike traps of its document."""
    src = c.get("source")
    need(c.get("number") not in NUMBER_TRAPS.get(src, []), f"{where}: number is a look-alike trap")
    need(c.get("date") not in DATE_TRAPS.get(src, []), f"{where}: date {c.get('date')} is a trap date")


def check_traps(cases, docs, _nprocs, _gold_path):
    """Each trap occurs in its document and does not leak into a gold value of its cases."""
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


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, pre_case_hook=no_lookalikes, cases_done=check_traps,
                                number_prefix=r"諮問第|答申第|報告第|評価書番号.{0,24}?"))
