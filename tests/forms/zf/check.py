#!/usr/bin/env python3
"""Check estimate-set-28: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import datetime, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "e1_iwatechubu_note.txt": ("utf-8", True, "\r\n"),
    "e2_funahashi_chohyo.txt": ("cp932", False, "\r\n"),
    "e3_nishiaizu_kyoiku_teigisho.md": ("utf-8", False, "\n"),
    "e4_yamagata_mojiokoshi.txt": ("euc_jp", False, "\n"),
    "e5_minamiise_iinkai.html": ("cp932", False, "\r\n"),
    "e6_iwase_ocr.txt": ("utf-8", False, "\n"),
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


def date_forms(iso):
    """checklib's date forms plus the zero-padded R07.01.02 of a form's date cell."""
    forms = checklib.date_forms(iso)
    d = datetime.date.fromisoformat(iso)
    for start in (2018, 1988, 1925):
        y = d.year - start
        if y >= 1:
            forms.add(checklib.norm(f"R{y:02d}.{d.month:02d}.{d.day:02d}"))
    return forms


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, dates=date_forms))
