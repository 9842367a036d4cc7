#!/usr/bin/env python3
"""Check estimate-set-27 (adapted from estimate-set-12's check.py): encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "t1_shibuya_writer.html": ("utf-8", False, "\r\n"),
    "t2_kitakami_pdftext.txt": ("utf-8", False, "\n"),
    "t3_yamanashi_kouiki_houkoku.txt": ("euc_jp", False, "\n"),
    "t4_ine_jimujigyo.txt": ("utf-8", True, "\r\n"),
    "t5_ogawara_henko.txt": ("cp932", False, "\r\n"),
    "t6_saga_jisidai.md": ("utf-8", False, "\n"),
}
EXPECT = (6, 8, 18)  # documents, cases, procedures (README header)
NUMBER_PREFIX = r"諮問第|答申第|評価書番号.{0,12}?"  # as set 12: no 報告第

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need  # noqa: E402


def kind_found(where, c, text):
    """kind must stand in the document, except that a 届出書 is filed with the committee as a
    report (convention of forms r4_ikaruga): kind 報告 then needs 届出 where 報告 is absent."""
    if c.get("kind") == "報告" and "報告" not in text:
        need("届出" in text, f"{where}: kind 報告 but neither 報告 nor 届出 in document")
    else:
        checklib.check_strings(where, c, ("kind",), text)


def check_totals(cases, docs, nprocs, gold_path):
    """gold.jsonl (required) = gold.json, the README header's totals, one title per case of a document."""
    checklib.check_jsonl(gold_path, cases, required=True)
    need((len(docs), len(cases), nprocs) == EXPECT,
         f"totals {(len(docs), len(cases), nprocs)} differ from README header {EXPECT}")
    titles_per_doc = {}
    for c in cases:
        titles_per_doc.setdefault(c.get("source"), []).append(c.get("title"))
    for src, titles in titles_per_doc.items():
        need(len(titles) == len(set(titles)), f"{src}: two cases share a title (scorer pairs by title)")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, case_hook=kind_found, finish=check_totals,
                                number_prefix=NUMBER_PREFIX,
                                case_strings=("municipality", "title", "department")))
