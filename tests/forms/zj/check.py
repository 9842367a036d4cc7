#!/usr/bin/env python3
"""Standalone validator for estimate set 33.  Usage: python3 check.py [--gold gold.json] [--docs docs]"""
import argparse, html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
# name: (codec, bom, line end)
MANIFEST = {
    'c1_imizu_bessi_tab.txt':       ('cp932',     False, 'CRLF'),
    'c2_echizen_midashi_euc.txt':   ('euc_jp',    False, 'LF'),
    'c3_onomichi_youshi.md':        ('utf-8',     True,  'CRLF'),
    'c4_saijo_teikyo_ichiran.html': ('utf-8',     False, 'LF'),
    'c5_isahaya_retsu.txt':         ('utf-8',     False, 'LF'),
    'c6_nobeoka_reply_sjis.txt':    ('shift_jis', False, 'CRLF'),
}
KINDS = {'諮問', '報告', '付議', '評価書', 'その他'}
TYPES = {'業務委託', '再委託', '外部結合', '電子計算機記録', '目的外利用', '外部提供', '本人外収集', '特定個人情報保護評価', 'その他'}
CASE_KEYS = {'source', 'municipality', 'kind', 'number', 'title', 'date', 'department', 'legal_basis',
             'subjects_count', 'procedures'}
PROC_KEYS = {'type', 'title', 'consignees', 'subcontractors', 'partner', 'data_items', 'period_start', 'period_end'}
# Values a careless extractor would pick up; none may appear anywhere in the gold.
TRAPS = {
    'c1_imizu_bessi_tab.txt': ['株式会社とやまビジネスサポート', '621', '2025-06-17', '2025-08-01', '2025-03-31', '個人番号',
                               '養育費の受取状況', '別紙２のとおり'],
    'c2_echizen_midashi_euc.txt': ['丹南ビジネスサービス株式会社', '307', '2025-09-19', '2025-11-30', '2025-12-22', '16000',
                                   '電話番号', '市税の滞納の状況', '決済代行事業者'],
    'c3_onomichi_youshi.md': ['株式会社びんご封緘工業', '2025-12-17', '2025-12-03', '2025-10-22', '2026-02-18', '2026-04-10',
                              '53000', '口座番号', '支給額', '所得', '受給者番号', '総務部総務課'],
    'c4_saijo_teikyo_ichiran.html': ['総務部総務課', '2025-11-07', '2025-10-30', '1240', '20418', '（欠番）', '個人番号',
                                     '保険証の記号番号', '災害対策基本法第49条の11第2項', '法第69条第2項第2号', '危機管理課',
                                     '市民税課', '介護保険課'],
    'c5_isahaya_retsu.txt': ['株式会社諫早ビジネスサービス', '2', '13000', '2025-09-29', '個人番号', '健診結果の数値', '手続２のとおり',
                             '株式会社たらみデータヘルス（元請）', '氏名及び住所'],
    'c6_nobeoka_reply_sjis.txt': ['有限会社延岡情報サービス', '2025-09-09', '2025-09-02', '2025-10-27', '2025-09-12', '2025-09-30',
                                  '2025-10-31', '2900', '○○株式会社', '条例第○条第○項', '世帯の課税状況（再委託）'],
}

def norm(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', s))

def doc_text(raw, name):
    codec, bom, _ = MANIFEST[name]
    if bom:
        raw = raw[3:]
    t = raw.decode(codec, errors='strict')
    if name.endswith('.html'):
        t = html.unescape(re.sub(r'<[^>]+>', ' ', t))
    return t

ERA = {'令和': 2018, '平成': 1988}
def date_forms(iso):
    y, m, d = map(int, iso.split('-'))
    forms = [f'{y}年{m}月{d}日', f'{y}/{m}/{d}', iso]
    for era, base in ERA.items():
        ey = y - base
        if ey >= 1:
            forms.append(f'{era}{"元" if ey == 1 else ey}年{m}月{d}日')
    return forms

def count_forms(n):
    forms = {f'{n}人', f'{n:,}人'}
    man, rest = divmod(n, 10000)
    if man:
        sen = rest // 1000
        if rest == 0:
            forms.add(f'{man}万人')
        elif rest % 1000 == 0:
            forms.add(f'{man}万{sen}千人')
    return forms

def cite_ok(c, text):
    m = re.fullmatch(r'(条例|要綱|番号法|法)((?:第\d+条)(?:の\d+)?)((?:第\d+項)?)((?:第\d+号)?)', c)
    if not m:
        return False
    _, art, para, item = m.groups()
    if art not in text:
        return False
    return all(p in text for p in (para, item) if p)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gold', default=os.path.join(HERE, 'gold.json'))
    ap.add_argument('--jsonl', default=os.path.join(HERE, 'gold.jsonl'))
    ap.add_argument('--docs', default=os.path.join(HERE, 'docs'))
    a = ap.parse_args()
    problems = []
    def bad(msg):
        problems.append(msg)
        print('PROBLEM:', msg)

    texts = {}
    for name, (codec, bom, le) in MANIFEST.items():
        p = os.path.join(a.docs, name)
        if not os.path.exists(p):
            bad(f'{name}: missing'); continue
        raw = open(p, 'rb').read()
        if raw.startswith(b'\xef\xbb\xbf') != bom:
            bad(f'{name}: BOM expected={bom}')
        if codec != 'utf-8':
            try:
                raw.decode('utf-8'); bad(f'{name}: is valid UTF-8 but should be {codec}')
            except UnicodeDecodeError:
                pass
        try:
            t = doc_text(raw, name)
        except UnicodeDecodeError as e:
            bad(f'{name}: does not decode as {codec}: {e}'); continue
        crlf = raw.count(b'\r\n'); lf = raw.count(b'\n')
        if le == 'CRLF' and crlf != lf:
            bad(f'{name}: expected CRLF only ({crlf}/{lf})')
        if le == 'LF' and crlf:
            bad(f'{name}: expected LF only')
        n = raw.count(b'\n')
        if not 30 <= n <= 200:
            bad(f'{name}: {n} lines')
        texts[name] = norm(t)

    try:
        gold = json.load(open(a.gold, encoding='utf-8'))['cases']
        lines = [json.loads(l) for l in open(a.jsonl, encoding='utf-8') if l.strip()]
    except Exception as e:
        print('PROBLEM: gold does not parse:', e); return 1
    if lines != gold:
        bad('gold.jsonl differs from gold.json')

    nproc = 0
    for i, c in enumerate(gold):
        src = c.get('source')
        tag = f'case {i} ({src} {c.get("title")})'
        if src not in MANIFEST or src not in texts:
            bad(f'{tag}: source not in docs'); continue
        T = texts[src]
        if set(c) - CASE_KEYS:
            bad(f'{tag}: unknown keys {set(c) - CASE_KEYS}')
        if c.get('kind') not in KINDS:
            bad(f'{tag}: kind {c.get("kind")}')
        for k in ('municipality', 'title', 'department'):
            v = c.get(k)
            if v is not None and not isinstance(v, str):
                bad(f'{tag}: {k} not a string')
            elif v and norm(v) not in T:
                bad(f'{tag}: {k} {v!r} not in document')
        if 'number' in c and c['number'] is not None:
            if not re.fullmatch(r'\d+', c['number']):
                bad(f'{tag}: number not digits')
            elif not re.search(rf'(諮問|報告)第{c["number"]}号', T):
                bad(f'{tag}: number {c["number"]} not found as 諮問/報告第N号')
        if c.get('date') is not None:
            if not re.fullmatch(r'\d{4}-\d\d-\d\d', c['date']) or not any(norm(f) in T for f in date_forms(c['date'])):
                bad(f'{tag}: date {c["date"]} not rendered in document')
        for cit in c.get('legal_basis', []):
            if not cite_ok(cit, T):
                bad(f'{tag}: citation {cit} malformed or not in document')
        sc = c.get('subjects_count')
        if sc is not None:
            if not isinstance(sc, int) or not any(norm(f) in T for f in count_forms(sc)):
                bad(f'{tag}: subjects_count {sc} not rendered in document')
        if not isinstance(c.get('procedures'), list):
            bad(f'{tag}: procedures missing'); continue
        for j, p in enumerate(c['procedures']):
            nproc += 1
            ptag = f'{tag} proc {j}'
            if set(p) - PROC_KEYS:
                bad(f'{ptag}: unknown keys {set(p) - PROC_KEYS}')
            if p.get('type') not in TYPES:
                bad(f'{ptag}: type {p.get("type")}')
            for k in ('title', 'partner'):
                v = p.get(k)
                if v is not None and (not isinstance(v, str) or norm(v) not in T):
                    bad(f'{ptag}: {k} {v!r} not in document')
            for k in ('consignees', 'subcontractors', 'data_items'):
                if k in p:
                    if not isinstance(p[k], list):
                        bad(f'{ptag}: {k} not a list'); continue
                    if len(set(p[k])) != len(p[k]):
                        bad(f'{ptag}: {k} has duplicates')
                    for v in p[k]:
                        if not isinstance(v, str) or norm(v) not in T:
                            bad(f'{ptag}: {k} {v!r} not in document')
            for k in ('period_start', 'period_end'):
                v = p.get(k)
                if v is not None and (not re.fullmatch(r'\d{4}-\d\d-\d\d', v) or not any(norm(f) in T for f in date_forms(v))):
                    bad(f'{ptag}: {k} {v} not rendered in document')
        # traps
        flat = []
        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if k != 'source': walk(v)
            elif isinstance(x, list):
                for v in x: walk(v)
            elif x is not None:
                flat.append(str(x))
        walk(c)
        for trap in TRAPS.get(src, []):
            if trap in flat:
                bad(f'{tag}: trap value {trap!r} appears in the gold')
    used = {c['source'] for c in gold}
    for name in MANIFEST:
        if name not in used:
            bad(f'{name}: no gold case')
    print(f'documents: {len(MANIFEST)}, cases: {len(gold)}, procedures: {nproc}')
    print(f'problems: {len(problems)}')
    return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main())
