#!/usr/bin/env python3
"""Check estimate-set-23: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_kikuyo_beppyo_matrix.txt": ("cp932", False, "\r\n"),
    "s2_ugo_tourokubo.txt": ("euc_jp", False, "\n"),
    "s3_eiheiji_kaigiroku.txt": ("utf-8", True, "\r\n"),
    "s4_takanabe_houkoku.md": ("utf-8", False, "\n"),
    "s5_manno_moushide.txt": ("cp932", False, "\n"),
    "s6_tsuruta_tabs.html": ("utf-8", False, "\n"),
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


def jsonl_required(cases, _docs, _nprocs, gold_path):
    """gold.jsonl must exist beside the gold and hold exactly its cases."""
    checklib.check_jsonl(gold_path, cases, required=True)


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, finish=jsonl_required))
