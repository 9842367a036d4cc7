#!/usr/bin/env python3
"""Check estimate-set-12: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "q1_kanazawa_shimon.txt": ("cp932", False, "\r\n"),
    "q2_nagano_houkoku.txt": ("utf-8", True, "\n"),
    "q3_kirishima_kaigiroku.txt": ("euc_jp", False, "\n"),
    "q4_niigata_shingikai.html": ("utf-8", False, "\n"),
    "q5_joetsu_fugi.md": ("utf-8", False, "\n"),
    "q6_miyazaki_kouiki_hyoka.txt": ("utf-8", False, "\n"),
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, number_prefix=checklib.NUMBER_PREFIX_NO_REPORT))
