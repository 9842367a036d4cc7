#!/usr/bin/env python3
"""Check estimate-set-25: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import json, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_haebaru_kekka.md": ("utf-8", False, "\n"),
    "s2_chatan_juten.txt": ("cp932", False, "\r\n"),
    "s3_minamishinshu_kishou.txt": ("euc_jp", False, "\n"),
    "s4_nakashibetsu_layout.txt": ("utf-8", False, "\n"),
    "s5_fujimi_faq.html": ("utf-8", True, "\r\n"),
    "s6_tobetsu_shinkyu.txt": ("utf-8", False, "\r\n"),
}
# Space-laid tables (pdftotext -layout style): display-column starts of each column. Wrapped cells are
# read back column by column, so a value wrapped over several physical lines is found whole.
COLUMNS = {
    "s4_nakashibetsu_layout.txt": [2, 8, 38, 52, 82, 122, 140, 158],
    "s6_tobetsu_shinkyu.txt": [2, 22, 60],
}
# Trap values: strings of the document that must not appear in (any string of) its gold.
TRAPS = {
    "s1_haebaru_kekka.md": ["個人番号", "健診結果", "母子健康手帳", "災害対策基本法", "条例第18号", "2025-10-21"],
    "s2_chatan_juten.txt": ["有限会社美浜データサービス", "国民健康保険法", "第19条第6号", "沖縄県国民健康保険団体連合会",
                            "2023-06-02"],
    "s3_minamishinshu_kishou.txt": ["条例第2号", "208", "112", "郵送", "2023-09-26"],
    "s4_nakashibetsu_layout.txt": ["個人番号", "クレジットカード番号", "第9条第1項", "2025-09-30", "2025-08-20",
                                   "社会福祉協議会", "返礼品提供事業者"],
    "s5_fujimi_faq.html": ["口座番号", "ISMAP", "総務課", "学校給食法", "2025-12-09", "2025-12-18"],
    "s6_tobetsu_shinkyu.txt": ["社会福祉法人とうべつ福祉会", "2023-04-01", "2026-03-31", "2022-12-20", "1532", "270",
                               "健康状態", "条例第21号"],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


def ew(c):
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def columns_text(text, starts):
    """Cut every line at the given display columns and join each column's pieces in order."""
    cols = [[] for _ in starts]
    for line in text.split("\n"):
        pos, j, buf = 0, 0, ["" for _ in starts]
        for ch in line:
            while j + 1 < len(starts) and pos >= starts[j + 1]:
                j += 1
            buf[j] += ch
            pos += ew(ch)
        for k, b in enumerate(buf):
            if b.strip():
                cols[k].append(b.strip())
    return "".join("".join(c) + "|" for c in cols)


def columns_view(name, text, _lines):
    """Space-laid tables (COLUMNS) also get a column-by-column view."""
    if name in COLUMNS:
        return columns_text(text.replace("\r\n", "\n"), COLUMNS[name])
    return None


def no_traps(where, c, _text):
    """No trap value of the document stands in any string of its gold case."""
    flat = json.dumps(c, ensure_ascii=False)
    for t in TRAPS.get(c.get("source"), []):
        checklib.need(t not in flat, f"{where}: trap value {t!r} in gold")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, extra=columns_view, case_hook=no_traps))
