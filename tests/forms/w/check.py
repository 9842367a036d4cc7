#!/usr/bin/env python3
"""Check estimate-set-19: encodings, line ends, lengths, gold schema, and that every
gold value can be found (or rendered back) in its document,
and that the recorded traps are present in the documents but absent from the gold.

usage: python3 check.py [--gold GOLD.json] [--docs DOCS_DIR]
Prints one line per problem and finally `problems: N` (exit 1 if N > 0).
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # file -> (codec, BOM expected, line end)
    "x1_hirosaki_shimon.txt": ("cp932", False, "\r\n"),
    "x2_yokkaichi_houkoku.txt": ("utf-8", True, "\n"),
    "x3_azumino_kekka.html": ("utf-8", False, "\n"),
    "x4_hikone_gijiyoshi.txt": ("euc_jp", False, "\n"),
    "x5_fujieda_fugi.md": ("utf-8", False, "\r\n"),
    "x6_obihiro_juten_hyoka.txt": ("utf-8", True, "\r\n"),
}
# Traps: (document text, gold field, value the gold must NOT hold, case number or "*", procedure type or "*").
# The document text must occur in the document (after normalisation); no matching case/procedure of that
# source may hold the forbidden value in that field (list fields: as an element).
TRAPS = {
    "x1_hirosaki_shimon.txt": [
        ("弘総法第９０２号", "number", "902", "*", "*"),
        ("弘個審答第１２号", "number", "12", "*", "*"),
        ("令和３年１１月２日付け", "date", "2021-11-02", "*", "*"),
        ("令和８年２月１０日開催予定", "date", "2026-02-10", "*", "*"),
        ("年間約６，５００件", "subjects_count", 6500, "*", "*"),
        ("地方税法第２２条", "legal_basis", "法第22条", "*", "*"),
        ("令和４年弘前市条例第３１号", "legal_basis", "条例第31号", "*", "*"),
        ("滞納額及び滞納処分の状況は、委託先に取り扱わせない", "data_items", "滞納額", "*", "*"),
        ("滞納額及び滞納処分の状況は、委託先に取り扱わせない", "data_items", "滞納処分の状況", "*", "*"),
        ("終期は定めない", "period_end", "2027-03-31", "*", "外部結合"),
        ("依頼書記載事項のパンチ入力", "data_items", "氏名", "*", "再委託"),
    ],
    "x2_yokkaichi_houkoku.txt": [
        ("四こ保第２１７号", "number", "217", "*", "*"),
        ("資料３", "number", "3", "*", "*"),
        ("令和７年１０月１６日開催", "date", "2025-10-16", "*", "*"),
        ("令和７年９月１日現在", "date", "2025-09-01", "*", "*"),
        ("延べ約１１，０００件", "subjects_count", 11000, "*", "*"),
        ("児童福祉法第６条の３第２項", "legal_basis", "法第6条第2項", "*", "*"),
        ("（プライバシーマーク取得事業者）", "consignees", "（プライバシーマーク取得事業者）", "*", "*"),
        ("（利用課）こども保育課", "partner", "こども保育課", "*", "*"),
        ("（利用課）こども保育課", "partner", "（利用課）こども保育課", "*", "*"),
        ("保有課：市民税課", "department", "市民税課", "*", "*"),
        ("個人番号及び課税情報は提供しない", "data_items", "個人番号", "*", "*"),
        ("終期なし", "period_end", "2026-03-31", "*", "目的外利用"),
    ],
    "x3_azumino_kekka.html": [
        ("更新日：2025年12月24日", "date", "2025-12-24", "*", "*"),
        ("日時：令和7年12月18日", "date", "2025-12-18", "18", "*"),
        ("年間約5,400件", "subjects_count", 5400, "*", "*"),
        ("旧受託者の株式会社あづみ野プリント", "consignees", "株式会社あづみ野プリント", "*", "*"),
        ("氏名、住所及び生年月日は再委託先に取り扱わせない", "data_items", "氏名", "*", "再委託"),
        ("氏名、住所及び生年月日は再委託先に取り扱わせない", "data_items", "住所", "*", "再委託"),
        ("総務部総務課 法制担当", "department", "総務部総務課", "*", "*"),
        ("資料1 諮問第18号", "number", "1", "*", "*"),
        ("新たな委託は行わない", "consignees", "株式会社北アルプス文書センター", None, "*"),
    ],
    "x4_hikone_gijiyoshi.txt": [
        ("令和７年８月２８日", "date", "2025-08-28", "*", "*"),
        ("令和７年１１月２０日", "date", "2025-11-20", "*", "*"),
        ("民生委員２１０人", "subjects_count", 210, "*", "*"),
        ("延べ約１，２００件", "subjects_count", 1200, "*", "*"),
        ("個人情報の保護に関する法律第６９条第２項第３号", "legal_basis", "法第69条第2項第3号", "*", "*"),
        ("社会福祉法人ひこね福祉会", "consignees", "社会福祉法人ひこね福祉会", "*", "*"),
        ("ハローワーク彦根", "partner", "ハローワーク彦根", "*", "*"),
        ("提供する名簿に要介護度及び認定有効期間は載せない", "data_items", "要介護度", "*", "外部提供"),
        ("提供項目から世帯構成を削除した", "data_items", "世帯構成", "*", "*"),
        ("事務局：総務部総務課", "department", "総務部総務課", "*", "*"),
        ("終期は設けない", "period_end", "2026-09-30", "7", "目的外利用"),
    ],
    "x5_fujieda_fugi.md": [
        ("株式会社やいづブックネット", "partner", "株式会社やいづブックネット", "*", "*"),
        ("株式会社やいづブックネット", "consignees", "株式会社やいづブックネット", "*", "*"),
        ("蔵書約４２万冊", "subjects_count", 420000, "*", "*"),
        ("約３，０００タイトル", "subjects_count", 3000, "*", "*"),
        ("氏名、住所、電話番号及び生年月日は、結合先に送信しない", "data_items", "氏名", "*", "外部結合"),
        ("（ＩＳＭＡＰ登録クラウドサービス事業者）", "partner", "株式会社スルガ電子図書流通（ＩＳＭＡＰ登録クラウドサービス事業者）", "*", "*"),
        ("事務局：総務部総務課", "department", "総務部総務課", "*", "*"),
        ("（新規）", "title", "市立図書館の電子書籍サービス導入に伴う個人情報の取扱いについて（新規）", "*", "*"),
        ("サービス利用契約の終了まで", "period_end", "2026-06-30", "*", "外部結合"),
    ],
    "x6_obihiro_juten_hyoka.txt": [
        ("株式会社帯広電算センター", "consignees", "株式会社帯広電算センター", "*", "*"),
        ("令和５年１１月３０日", "date", "2023-11-30", "*", "*"),
        ("昭和４６年法律第７３号", "legal_basis", "法第73号", "*", "*"),
        ("児童手当法第８条第１項", "legal_basis", "法第8条第1項", "*", "*"),
        ("１万人以上１０万人未満", "subjects_count", 10000, "*", "*"),
        ("提供先１｜市町村長", "partner", "市町村長", "*", "*"),
        ("（２）件", "number", "2", "*", "*"),
        ("評価実施機関内の他部署（市民課、市民税課）", "department", "市民課、市民税課", "*", "*"),
    ],
}

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import checklib  # noqa: E402
from checklib import (CASE_KEYS, PROC_KEYS, KINDS, TYPES, problems, prob, need, norm,  # noqa: E402
                      strip_tags, kanji, num_forms, date_forms, cite_found, CITE_RE)


def load_doc(path, name):
    raw = open(path, "rb").read()
    spec = ENCODINGS.get(name)
    if spec is None:
        prob(f"{name}: no expected encoding recorded")
        return None
    codec, bom, nl = spec
    if raw.startswith(b"\xef\xbb\xbf") != bom:
        prob(f"{name}: BOM {'missing' if bom else 'unexpected'}")
    try:
        text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as e:
        prob(f"{name}: does not decode as {codec}: {e}")
        return None
    if codec != "utf-8":
        try:
            raw.decode("utf-8")
            prob(f"{name}: decodes as UTF-8, expected {codec}")
        except UnicodeDecodeError:
            pass
    crlf = text.count("\r\n")
    lone_lf = text.count("\n") - crlf
    lone_cr = text.count("\r") - crlf
    if nl == "\r\n" and (lone_lf or lone_cr or not crlf):
        prob(f"{name}: expected CRLF only (crlf={crlf}, lf={lone_lf}, cr={lone_cr})")
    if nl == "\n" and (crlf or lone_cr):
        prob(f"{name}: expected LF only (crlf={crlf}, cr={lone_cr})")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not 40 <= len(lines) <= 180:
        prob(f"{name}: {len(lines)} lines, expected 40-180")
    if name.endswith(".html"):
        text = strip_tags(text)
    # x6 wraps values inside a `｜label｜value` grid; a continuation line starts with an empty label cell.
    # Also search a view in which such continuations are joined to the previous line.
    joined = re.sub(r"\n｜[ \u3000]*｜", "", text.replace("\r\n", "\n"))
    if joined != text.replace("\r\n", "\n"):
        return norm(text) + "\u0000" + norm(joined)
    return norm(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--docs", default=os.path.join(HERE, "docs"))
    a = ap.parse_args()
    docs = {}
    for name in sorted(os.listdir(a.docs)):
        t = load_doc(os.path.join(a.docs, name), name)
        if t is not None:
            docs[name] = t
    for name in ENCODINGS:
        need(os.path.exists(os.path.join(a.docs, name)), f"{name}: missing document")
    gold = json.load(open(a.gold, encoding="utf-8"))
    need(set(gold) == {"cases"}, "gold: top level must be {'cases': [...]}")
    cases = gold.get("cases", [])
    used = set()
    nprocs = 0
    for i, c in enumerate(cases):
        src = c.get("source")
        where = f"case {i} ({src} {c.get('number')})"
        extra = set(c) - CASE_KEYS
        need(not extra, f"{where}: unknown keys {extra}")
        for k in ("source", "municipality", "kind", "title", "procedures"):
            need(k in c, f"{where}: missing key {k}")
        text = docs.get(src)
        if text is None:
            prob(f"{where}: source not a readable document")
            continue
        used.add(src)
        need(c.get("kind") in KINDS, f"{where}: bad kind {c.get('kind')}")
        for k in ("municipality", "title", "department", "kind"):
            v = c.get(k)
            if v is not None:
                need(isinstance(v, str) and norm(v) in text, f"{where}: {k} {v!r} not in document")
        num = c.get("number")
        if num is not None:
            need(isinstance(num, str) and num.isdigit(), f"{where}: number must be digits")
            pat = rf"(?:諮問第|答申第|評価書番号.{{0,12}}?)(?:{num}|{kanji(int(num))})(?!\d)"
            need(re.search(pat, text) is not None, f"{where}: number {num} not rendered in document")
        if c.get("date") is not None:
            try:
                need(any(f in text for f in date_forms(c["date"])), f"{where}: date {c['date']} not in document")
            except ValueError:
                prob(f"{where}: date {c['date']!r} not ISO")
        sc = c.get("subjects_count")
        if sc is not None:
            need(isinstance(sc, int) and not isinstance(sc, bool), f"{where}: subjects_count not int")
            if isinstance(sc, int):
                need(any(norm(f) + "人" in text for f in num_forms(sc)),
                     f"{where}: subjects_count {sc} not rendered as persons in document")
        lb = c.get("legal_basis")
        if lb is not None:
            need(isinstance(lb, list), f"{where}: legal_basis not a list")
            for cite in lb:
                need(CITE_RE.match(cite) is not None, f"{where}: citation {cite!r} not normalized")
                need(cite_found(cite, text), f"{where}: citation {cite!r} not rendered in document")
        for j, p in enumerate(c.get("procedures", [])):
            nprocs += 1
            pw = f"{where} proc {j} ({p.get('type')})"
            extra = set(p) - PROC_KEYS
            need(not extra, f"{pw}: unknown keys {extra}")
            need("type" in p, f"{pw}: missing type")
            need(p.get("type") in TYPES, f"{pw}: bad type {p.get('type')}")
            for k in ("title", "partner"):
                v = p.get(k)
                if v is not None:
                    need(isinstance(v, str) and norm(v) in text, f"{pw}: {k} {v!r} not in document")
            for k in ("consignees", "subcontractors", "data_items"):
                v = p.get(k)
                if v is None:
                    continue
                need(isinstance(v, list), f"{pw}: {k} not a list")
                need(len(v) == len(set(v)), f"{pw}: {k} has duplicates")
                for s in v:
                    need(isinstance(s, str) and norm(s) in text, f"{pw}: {k} item {s!r} not in document")
            for k in ("period_start", "period_end"):
                v = p.get(k)
                if v is not None:
                    try:
                        need(any(f in text for f in date_forms(v)), f"{pw}: {k} {v} not in document")
                    except ValueError:
                        prob(f"{pw}: {k} {v!r} not ISO")
            if p.get("type") == "再委託":
                need(bool(p.get("consignees")), f"{pw}: 再委託 without consignees")
            if p.get("type") not in ("外部結合", "外部提供"):
                need(p.get("partner") is None, f"{pw}: partner only for 外部結合/外部提供")
    for name in docs:
        need(name in used, f"{name}: no gold case")
    ntraps = 0
    for name, traps in TRAPS.items():
        text = docs.get(name)
        if text is None:
            continue
        mine = [c for c in cases if c.get("source") == name]
        for doc_text, field, bad, sel_case, sel_type in traps:
            ntraps += 1
            need(norm(doc_text) in text, f"{name}: trap text {doc_text!r} not in document")
            for c in mine:
                if sel_case != "*" and c.get("number") != sel_case:
                    continue
                holders = [c] if field in CASE_KEYS else [
                    p for p in c.get("procedures", []) if sel_type == "*" or p.get("type") == sel_type]
                for h in holders:
                    v = h.get(field)
                    vals = v if isinstance(v, list) else [v]
                    bad_n = norm(bad) if isinstance(bad, str) else bad
                    for x in vals:
                        x_n = norm(x) if isinstance(x, str) else x
                        need(x_n != bad_n, f"{name} case {c.get('number')}: trap value {bad!r} taken as {field}")
    print(f"traps checked: {ntraps}")
    print(f"documents: {len(docs)}, cases: {len(cases)}, procedures: {nprocs}")
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
