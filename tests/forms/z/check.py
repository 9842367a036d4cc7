#!/usr/bin/env python3
"""Check estimate-set-22: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "z1_tsu_dayori.txt": ("utf-8", False, "\n"),
    "z2_nakano_retsu.txt": ("cp932", False, "\r\n"),
    "z3_chigasaki_docling.md": ("utf-8", True, "\n"),
    "z4_kagoshima_ichiran.html": ("utf-8", False, "\r\n"),
    "z5_kakogawa_shinsei.txt": ("euc_jp", False, "\n"),
    "z6_izumo_tategaki.txt": ("utf-8", True, "\r\n"),
}
# two-column (段組) pages laid out by pdftotext -layout: the right column starts at this character index
COLUMNS = {"z1_tsu_dayori.txt": 26}
# values that occur in a document but are traps: no gold string may equal (after norm) any of them
TRAPS = {
    "z1_tsu_dayori.txt": ["総務部情報公開課", "2025-12-20", "2025-11-27", "2026-01-22", "60000", "210"],
    "z2_nakano_retsu.txt": ["株式会社ノガタ電算サービス", "2025-10-22", "23000", "9000", "法第66条第2項", "3"],
    "z3_chigasaki_docling.md": ["214", "2", "2025-09-11", "2025-10-16", "128", "法第69条第2項第4号",
                                "福祉部介護保険課、福祉部障がい福祉課"],
    "z4_kagoshima_ichiran.html": ["総務局総務部総務課", "2025-10-31", "2025-07-24", "2025-09-19", "2025-11-12",
                                  "90000", "日本年金機構"],
    "z5_kakogawa_shinsei.txt": ["1087", "2025-10-14", "2025-10-15", "2025-10-02", "1200", "株式会社はりまシステムズ",
                                "コンビニ交付システム運用業務の委託", "業務委託", "個人番号"],
    "z6_izumo_tategaki.txt": ["305", "株式会社出雲ワークス", "2025-12-31", "2023-03-20", "5000", "法第66条第2項",
                              "保護者の住所"],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import norm, prob  # noqa: E402


def decolumn(lines, w):
    """Read a two-column page column by column: all left-column lines, then all right-column lines."""
    left, right = [], []
    for ln in lines:
        if len(ln) > w and ln[w - 4:w] == "    ":
            left.append(ln[:w].rstrip())
            right.append(ln[w:])
        else:
            left.append(ln)
    return "\n".join(left) + "\n" + "\n".join(right)


def check_traps(cases, _docs, _nprocs, _gold_path):
    """No trap value of a document may equal (after norm) a gold value of its cases."""
    for c in cases:
        vals = set()
        for k in ("number", "title", "date", "department", "subjects_count"):
            if c.get(k) is not None:
                vals.add(norm(str(c[k])))
        vals |= {norm(x) for x in c.get("legal_basis") or []}
        for p in c.get("procedures", []):
            for k in ("type", "title", "partner", "period_start", "period_end"):
                if p.get(k) is not None:
                    vals.add(norm(str(p[k])))
            for k in ("consignees", "subcontractors", "data_items"):
                vals |= {norm(x) for x in p.get(k) or []}
        for t in TRAPS.get(c.get("source"), []):
            if norm(t) in vals:
                if t in ("業務委託",) and any(p.get("type") == "業務委託" for p in c.get("procedures", [])):
                    prob(f"{c.get('source')} {c.get('number')}: trap value {t!r} used in gold")
                elif t not in ("業務委託",):
                    prob(f"{c.get('source')} {c.get('number')}: trap value {t!r} used in gold")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, cases_done=check_traps,
                                # 段組 pages (COLUMNS) also get a column-by-column view
                                extra=lambda n, _text, lines: decolumn(lines, COLUMNS[n]) if n in COLUMNS else None,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT))
