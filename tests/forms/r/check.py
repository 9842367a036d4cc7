#!/usr/bin/env python3
"""Check estimate-set-14: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "s1_higashikawa_shimon.txt": ("cp932", False, "\r\n"),
    "s2_kochi_kyoiku.html": ("utf-8", False, "\n"),
    "s3_yakushima_gijiyoshi.md": ("utf-8", True, "\r\n"),
    "s4_kamishihoro_kiso_hyoka.txt": ("utf-8", False, "\n"),
    "s5_shiribeshi_fugi.txt": ("euc_jp", False, "\n"),
    "s6_uchiko_houkoku.html": ("cp932", False, "\r\n"),
}
# Trap values: each occurs in its document (checked) but must not appear in any gold value of that document.
TRAPS = {
    "s1_higashikawa_shimon.txt": ["個人番号", "217", "2025-09-26", "条例第12号", "条例第12条", "23000"],
    "s2_kochi_kyoiku.html": ["学校保健安全法第13条", "法第13条", "4600", "9400", "在学していた学校名", "家計の状況",
                             "出席番号", "2025-10-03", "2025-09-29", "教育政策課"],
    "s3_yakushima_gijiyoshi.md": ["2025-07-24", "2025-08-05", "2400", "60", "控除の内訳", "個人番号"],
    "s4_kamishihoro_kiso_hyoka.txt": ["規則第9条第2項", "2024-01-01", "2023-12-01", "1000", "10000", "児童手当法第7条"],
    "s5_shiribeshi_fugi.txt": ["509", "3900", "主治医意見書の内容", "病名", "個人番号", "2025-12-15", "法第27条第2項",
                               "2026-01-20", "2026-03-31"],
    "s6_uchiko_houkoku.html": ["7800", "株式会社いよ検針サービス", "口座番号及び納付状況", "運転免許証", "総務課",
                               "条例第8号", "条例第8条", "2025-11-25", "2025-10-28"],
}
# Trap strings that must occur in the document (so the trap is really there).
TRAP_TEXT = {
    "s1_higashikawa_shimon.txt": ["東総第217号", "令和5年東川町条例第12号", "約23,000件", "取り扱わせない項目",
                                  "再委託先には渡さない", "令和6年度諮問第1号", "地方税法第37条の2", "令和7年9月26日"],
    "s2_kochi_kyoiku.html": ["学校保健安全法第13条", "約4,600通", "約9,400件", "委託先には渡しません", "提供しません",
                             "再委託はありません", "更新日:2025年10月3日", "令和7年9月29日"],
    "s3_yakushima_gijiyoshi.md": ["約60世帯", "約2,400枚", "業務の委託はしない", "新たな委託は行わない", "令和7年7月24日",
                                  "答申は令和7年8月5日"],
    "s4_kamishihoro_kiso_hyoka.txt": ["[委託する]", "規則第9条第2項", "昭和46年法律第73号", "令和6年1月1日時点",
                                      "令和5年12月1日", "[1,000人以上1万人未満]"],
    "s5_shiribeshi_fugi.txt": ["後広介第509号", "約3,900件", "取り扱わせない項目", "提供しない項目", "再委託:なし",
                               "令和7年12月15日", "介護保険法第27条第2項"],
    "s6_uchiko_houkoku.html": ["約7,800件", "株式会社いよ検針サービス", "再委託先に取り扱わせない", "(再委託:しない)",
                               "令和5年内子町条例第8号", "令和7年11月25日", "お問い合わせ:総務課行政係"],
}

sys.path.insert(0, os.path.join(HERE, ".."))
import checklib  # noqa: E402
from checklib import need, norm  # noqa: E402


def check_traps(cases, docs, _nprocs, _gold_path):
    """Each trap text occurs in its document; no trap value is (or, if longer than 4, stands in) a gold value."""
    for name, vals in TRAP_TEXT.items():
        t = docs.get(name)
        if t is None:
            continue
        for v in vals:
            need(norm(v) in t, f"{name}: trap text {v!r} missing from document")
    for c in cases:
        src = c.get("source")
        flat = []
        for k, v in c.items():
            if k == "procedures":
                for p in v:
                    for pk, pv in p.items():
                        flat += pv if isinstance(pv, list) else [pv]
            else:
                flat += v if isinstance(v, list) else [v]
        flat = [norm(str(x)) for x in flat if x is not None]
        for trap in TRAPS.get(src, []):
            t = norm(trap)
            need(not any(t == x or (len(t) > 4 and t in x) for x in flat),
                 f"{src}: trap value {trap!r} used in gold case {c.get('title')!r}")


if __name__ == "__main__":
    sys.exit(checklib.check_set(HERE, ENCODINGS, cases_done=check_traps,
                                number_prefix=checklib.NUMBER_PREFIX_NO_REPORT))
