#!/usr/bin/env python3
"""Check estimate-set-21: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "r1_tosu_kekka.html": ("utf-8", False, "\n"),
    "r2_kakegawa_gijiyoshi.txt": ("euc_jp", False, "\n"),
    "r3_sakata_houkoku.txt": ("cp932", False, "\r\n"),
    "r4_ichikawa_fugi.md": ("utf-8", True, "\r\n"),
    "r5_kushiro_toushin.txt": ("utf-8", False, "\n"),
    "r6_yomitan_shimon.txt": ("cp932", False, "\n"),
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


def degrid(lines):
    """ASCII grid tables (+---+ / | a | b |): cells wrap onto continuation rows whose first
    cell is empty; return each row's cells re-joined column by column."""
    rows, cur = [], None
    for ln in lines:
        if not ln.startswith("|"):
            if cur:
                rows.append(cur)
            cur = None
            continue
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if cur is not None and cells[0] == "" and len(cells) == len(cur):
            cur = [a + b for a, b in zip(cur, cells)]
        else:
            if cur:
                rows.append(cur)
            cur = cells
    if cur:
        rows.append(cur)
    return "\n".join(" | ".join(r) for r in rows)


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, line_range=(40, 150),  # 40-150 lines in this set
                                extra=lambda _name, _text, lines: degrid(lines),  # also a de-gridded view
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT,
                                free_kinds=("その他",)))  # その他 is a classification (答申)
