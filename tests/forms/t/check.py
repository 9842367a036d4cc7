#!/usr/bin/env python3
"""Check estimate-set-16: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "v1_hiroshima_toushin_euc.txt": ("euc_jp", False, "\n"),
    "v2_yokohama_shiryo_cp932.txt": ("cp932", False, "\r\n"),
    "v3_nagoya_nested.html": ("utf-8", False, "\r\n"),
    "v4_kobe_shomen.txt": ("utf-8", False, "\n"),
    "v5_kyoto_faq.md": ("utf-8", False, "\n"),
    "v6_osakafu_zenkoumoku.txt": ("utf-8", True, "\n"),
}
# Traps: (file, field, wrong value, evidence that must occur in the document).
# The evidence must be in the document; the wrong value must not be in that file's gold field.
TRAPS = [
    ("v1_hiroshima_toushin_euc.txt", "number", "613", "広健推第６１３号"),
    ("v1_hiroshima_toushin_euc.txt", "number", "21", "諮問第２１号"),
    ("v1_hiroshima_toushin_euc.txt", "date", "2025-09-22", "令和７年９月２２日"),
    ("v1_hiroshima_toushin_euc.txt", "subjects_count", 6500, "年間約６，５００件"),
    ("v1_hiroshima_toushin_euc.txt", "外部提供.data_items", "電話番号", "氏名、住所、電話番号及び生年月日は提供しない"),
    ("v1_hiroshima_toushin_euc.txt", "consignees", "株式会社ひろしまテレマーケティング", "株式会社ひろしまテレマーケティング"),
    ("v1_hiroshima_toushin_euc.txt", "legal_basis", "法第69条第2項第4号", "個人情報の保護に関する法律第６９条第２項第４号"),
    ("v1_hiroshima_toushin_euc.txt", "再委託.data_items", "検査結果", "再委託先には検査結果を取り扱わせない"),
    ("v2_yokohama_shiryo_cp932.txt", "number", "1177", "横こ地第１１７７号"),
    ("v2_yokohama_shiryo_cp932.txt", "date", "2025-12-17", "令和７年１２月１７日"),
    ("v2_yokohama_shiryo_cp932.txt", "subjects_count", 31000, "申請書約３万１千件"),
    ("v2_yokohama_shiryo_cp932.txt", "data_items", "個人番号", "個人番号は、いずれの手続においても取り扱わない"),
    ("v2_yokohama_shiryo_cp932.txt", "data_items", "市税の課税情報", "市税の課税情報は本件では利用しない"),
    ("v3_nagoya_nested.html", "consignees", "中部収納サービス株式会社", "旧受託者：中部収納サービス株式会社"),
    ("v3_nagoya_nested.html", "date", "2025-10-16", "令和7年10月16日"),
    ("v3_nagoya_nested.html", "department", "総務局行政改革推進部行政経営課", "総務局行政改革推進部行政経営課"),
    ("v3_nagoya_nested.html", "subjects_count", 52000, "約52,000世帯"),
    ("v3_nagoya_nested.html", "partner", "地域包括支援センター", "収集先：市内29か所の地域包括支援センター"),
    ("v4_kobe_shomen.txt", "date", "2025-08-04", "令和７年８月４日"),
    ("v4_kobe_shomen.txt", "department", "企画調整局デジタル戦略部", "企画調整局デジタル戦略部"),
    ("v4_kobe_shomen.txt", "legal_basis", "条例第44号", "令和５年３月条例第４４号"),
    ("v4_kobe_shomen.txt", "外部提供.data_items", "氏名", "氏名、住所及び生年月日は提供しない"),
    ("v4_kobe_shomen.txt", "subjects_count", 3400000, "月約３４０万件"),
    ("v5_kyoto_faq.md", "consignees", "株式会社平安ビジネスサポート", "株式会社平安ビジネスサポート"),
    ("v5_kyoto_faq.md", "業務委託.data_items", "振込先口座（金融機関名、支店名、口座番号、口座名義）", "振込先口座の情報は委託先に取り扱わせず"),
    ("v5_kyoto_faq.md", "data_items", "領収書の画像", "結合される情報項目ではなく添付ファイル"),
    ("v5_kyoto_faq.md", "date", "2025-11-12", "令和7年11月12日開催"),
    ("v5_kyoto_faq.md", "subjects_count", 42000, "年間約4万2千件"),
    ("v5_kyoto_faq.md", "legal_basis", "法第66条第1項", "同法第66条第1項"),
    ("v6_osakafu_zenkoumoku.txt", "number", "12", "答申第１２号"),
    ("v6_osakafu_zenkoumoku.txt", "date", "2025-05-28", "令和７年５月２８日"),
    ("v6_osakafu_zenkoumoku.txt", "consignees", "株式会社関西情報開発", "株式会社関西情報開発"),
    ("v6_osakafu_zenkoumoku.txt", "legal_basis", "法第317条", "地方税法第３１７条"),
]

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need, norm, prob  # noqa: E402


def check_traps(cases, docs, _nprocs, _gold_path):
    """Each trap's evidence occurs in its document; no gold field of that document holds the wrong value."""
    for src, field, wrong, evidence in TRAPS:
        text = docs.get(src)
        if text is None:
            prob(f"trap {src}: document missing")
            continue
        need(norm(evidence) in text, f"trap {src}: evidence {evidence!r} not in document")
        for c in cases:
            if c.get("source") != src:
                continue
            vals = []
            ptype, _, fname = field.rpartition(".")  # "外部提供.data_items" limits the trap to one procedure type
            objs = [c] + list(c.get("procedures", []))
            if ptype:
                objs = [p for p in c.get("procedures", []) if p.get("type") == ptype]
            for obj in objs:
                v = obj.get(fname)
                vals += v if isinstance(v, list) else [v]
            need(wrong not in vals, f"trap {src}: {field} holds trap value {wrong!r}")
    print(f"traps checked: {len(TRAPS)}")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, finish=check_traps,
                                free_kinds=("その他",)))  # 答申 etc.: kind is a convention, not a word in the text
