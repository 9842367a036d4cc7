#!/usr/bin/env python3
"""Check estimate-set-29: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_chiyoda_kugiri.txt": ("euc_jp", False, "\n"),
    "s2_hachinohe_gaiyouban.txt": ("utf-8", True, "\r\n"),
    "s3_imabari_shinsahyo.txt": ("utf-8", False, "\n"),
    "s4_sasebo_henkou.txt": ("cp932", False, "\r\n"),
    "s5_tsuruoka_teikyo_ichiran.html": ("utf-8", False, "\r\n"),
    "s6_naruto_tenchi_hyou.md": ("utf-8", False, "\n"),
}
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

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need, norm  # noqa: E402


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


def no_traps(where, c, _text):
    """No trap value equals a gold value, nor (if longer than 4) stands inside one."""
    vals = gold_values(c)
    for t in TRAPS.get(c.get("source"), []):
        need(not any(norm(v) == norm(t) or (len(t) > 4 and norm(t) in norm(v)) for v in vals),
             f"{where}: trap value {t!r} in gold")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, case_hook=no_traps))
