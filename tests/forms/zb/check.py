#!/usr/bin/env python3
"""Check estimate-set-24: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_toride_mondou.txt": ("utf-8", False, "\n"),
    "s2_fukuyama_slides.txt": ("euc_jp", False, "\n"),
    "s3_taito_fugi_ichiran.txt": ("cp932", False, "\r\n"),
    "s4_uji_kekka.html": ("utf-8", False, "\r\n"),
    "s5_amagasaki_bunshou.txt": ("utf-8", True, "\r\n"),
    "s6_kure_toushin.md": ("utf-8", False, "\n"),
}
# trap values that occur in the documents but must not be gold values
TRAPS = ["株式会社とねがわ情報サービス", "株式会社とものうらシステム", "株式会社したまちソフトウェア",
         "株式会社やましろスポーツサービス", "総務部総務課", "日本年金機構", "個人番号", "本籍", "筆頭者",
         "所得額", "受給額", "健診結果の数値", "世帯の収入額", "メールアドレス及び貸出中資料の情報"]

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402


def walk(o):
    """every string in a JSON value"""
    if isinstance(o, dict):
        for v in o.values():
            yield from walk(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk(v)
    elif isinstance(o, str):
        yield o


def traps_and_jsonl(cases, _docs, _nprocs, gold_path):
    """No trap value is a gold value; gold.jsonl must exist and hold exactly the cases."""
    vals = set(walk(cases))
    for t in TRAPS:
        checklib.need(t not in vals, f"gold: trap value {t!r} used as a gold value")
    checklib.check_jsonl(gold_path, cases, required=True)


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, finish=traps_and_jsonl,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT,
                                free_kinds=("その他",)))  # 答申 → その他 by convention
