#!/usr/bin/env python3
"""Check estimate-set-26: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end; "excel-csv" = CRLF records, bare LF only inside quoted cells)
    "d1_iwate_kouiki_hyoka.txt": ("cp932", False, "excel-csv"),
    "d2_tadami_kyoutei.txt": ("utf-8", True, "\r\n"),
    "d3_shunan_opendata.txt": ("utf-8", True, "\n"),
    "d4_yufu_shimon_flow.txt": ("euc_jp", False, "\n"),
    "d5_nasushiobara_shiyousho.md": ("utf-8", False, "\r\n"),
    "d6_shirahama_rowspan.html": ("utf-8", False, "\n"),
}
NUMBER_PREFIX = r"諮問第|答申第|報告第|評価書番号.{0,20}?"  # the 評価書番号 label stands further from its number
# Trap values per document: each must NOT occur in any gold string (or as the named scalar) of that document.
TRAP_STRINGS = {
    "d1_iwate_kouiki_hyoka.txt": ["株式会社盛岡ビジネスプリント", "高確法", "構成市町村"],
    "d2_tadami_kyoutei.txt": ["只保福", "心身の状況", "要介護状態区分", "疾病名", "郵便局", "地域包括支援センター"],
    "d3_shunan_opendata.txt": ["株式会社防府統計センター", "要介護認定", "氏名、住所、電話番号", "なし"],
    "d4_yufu_shimon_flow.txt": ["由健", "予約システム提供事業者", "受診結果", "個人番号"],
    "d5_nasushiobara_shiyousho.md": ["株式会社塩原ビジネスサポート", "市民税の課税状況", "生活保護の受給状況",
                                     "就労証明書", "入力データ", "報告第４号"],
    "d6_shirahama_rowspan.html": ["国保連合会", "プライバシーマーク", "個人番号", "問診票", "総務課"],
}
TRAP_SCALARS = {  # (field, value) pairs that a careless reading would give
    "d1_iwate_kouiki_hyoka.txt": [("date", "2024-01-10"), ("subjects_count", 33), ("number", "59")],
    "d2_tadami_kyoutei.txt": [("number", "218"), ("number", "2"), ("subjects_count", 1900)],
    "d3_shunan_opendata.txt": [("date", "2025-09-30"), ("date", "2025-08-25"), ("date", "2025-07-28"),
                               ("date", "2025-09-22"), ("subjects_count", 44000), ("subjects_count", 4200)],
    "d4_yufu_shimon_flow.txt": [("number", "556"), ("subjects_count", 7812)],
    "d5_nasushiobara_shiyousho.md": [("date", "2025-11-19"), ("date", "2025-12-01"), ("number", "3"),
                                     ("subjects_count", 2800)],
    "d6_shirahama_rowspan.html": [("date", "2025-11-21"), ("date", "2025-11-10"), ("number", "1"), ("number", "2")],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import prob, need, norm  # noqa: E402


def excel_csv_ends(name, text, _lines):
    """Line ends of an "excel-csv" document: CRLF ends a record, a bare LF only stands inside a quoted cell."""
    if ENCODINGS[name][2] != "excel-csv":
        return None
    inq = False
    for i, ch in enumerate(text):
        if ch == '"':
            inq = not inq
        elif ch == "\r" and (i + 1 >= len(text) or text[i + 1] != "\n" or inq):
            prob(f"{name}: CR not ending a record at offset {i}")
            break
        elif ch == "\n" and not inq and (i == 0 or text[i - 1] != "\r"):
            prob(f"{name}: record ends in bare LF at offset {i}")
            break
        elif ch == "\n" and inq and i and text[i - 1] == "\r":
            prob(f"{name}: CRLF inside a quoted cell at offset {i}")
            break
    if inq:
        prob(f"{name}: unbalanced quotes")
    if text.count("\r\n") == 0 or text.count("\n") == text.count("\r\n"):
        prob(f"{name}: expected CRLF records and at least one LF inside a cell")
    return None


def check_traps(cases, _docs, _nprocs, gold_path):
    """No trap string inside a gold name or item, no trap scalar as a case field; gold.jsonl = gold.json."""
    for c in cases:
        src = c.get("source")
        strings = [c.get(k) for k in ("title", "department", "municipality")]
        for p in c.get("procedures", []):
            strings += [p.get("title"), p.get("partner")]
            for k in ("consignees", "subcontractors", "data_items"):
                strings += list(p.get(k) or [])
        for t in TRAP_STRINGS.get(src, []):
            for s in strings:
                if isinstance(s, str) and norm(t) in norm(s):
                    prob(f"{src}: trap {t!r} leaked into gold value {s!r}")
        for field, val in TRAP_SCALARS.get(src, []):
            need(c.get(field) != val, f"{src}: gold {field} equals trap value {val!r}")
    checklib.check_jsonl(gold_path, cases)


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, extra=excel_csv_ends, finish=check_traps,
                                number_prefix=NUMBER_PREFIX))
