#!/usr/bin/env python3
"""Standalone validator of this blind set. Prints every problem and `problems: N`; exit 1 if N > 0.

Checks: gold.json / gold.jsonl parse and agree; keys and value types follow the case object of
SPEC 4.2 (without id/related); every source exists in docs/; each doc decodes strictly in its
declared codec with its declared BOM and line end; every gold string value occurs in its
document after HTML tag stripping, NFKC and whitespace removal (for the two table layouts also in
a column-wise reading of the table); dates, numbers, counts and citations occur in a rendered form."""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
# name -> (codec, BOM, line end)
CODECS = {
    'u1_koshigaya_kiso_hyoka.txt':            ('cp932',     False, '\r\n'),
    'u2_atsugi_juten_hyoka.txt':              ('utf-8',     True,  '\r\n'),
    'u3_miyagi_zenkoumoku_bassui.txt':        ('utf-8',     False, '\n'),
    'u4_yamato_itaku_houkoku_ichiran.txt':    ('euc_jp',    False, '\n'),
    'u5_kishiwada_houkoku_jikou_ichiran.txt': ('shift_jis', False, '\r\n'),
    'u6_fukushima_shingikai_houkoku.html':    ('utf-8',     False, '\n'),
}
KINDS = {'諮問', '報告', '付議', '評価書', 'その他'}
TYPES = {'業務委託', '再委託', '外部結合', '電子計算機記録', '目的外利用', '外部提供', '本人外収集',
         '特定個人情報保護評価', 'その他'}
CASE_KEYS = {'source': str, 'municipality': str, 'kind': str, 'number': (str, type(None)),
             'title': str, 'date': (str, type(None)), 'department': (str, type(None)),
             'legal_basis': list, 'subjects_count': (int, type(None)), 'procedures': list}
PROC_KEYS = {'type': str, 'title': (str, type(None)), 'consignees': list, 'subcontractors': list,
             'partner': (str, type(None)), 'data_items': list, 'period_start': (str, type(None)),
             'period_end': (str, type(None))}
REQUIRED_CASE = {'source', 'municipality', 'kind', 'title'}
REQUIRED_PROC = {'type'}
CITE = re.compile(r'^(条例|要綱|番号法|法)(第\d+条(第\d+項)?(第\d+号)?|別表第\d+(第\d+項)?)$')
ISO = re.compile(r'^\d{4}-\d{2}-\d{2}$')

problems = []
def bad(msg):
    problems.append(msg); print('PROBLEM:', msg)

def norm(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', s))

def dwidth(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)

def slice_cols(line, a, b):
    """characters of `line` whose display column lies in [a, b)"""
    out, col = [], 0
    for c in line:
        if a <= col < b:
            out.append(c)
        col += dwidth(c)
    return ''.join(out)

def layout_columns(lines):
    """u4: columns of the pdftotext -layout table, located from its header row."""
    hdr = next(i for i, l in enumerate(lines) if l.startswith('No.') and '委託先' in l)
    starts, col, prev = [], 0, ' '
    for c in lines[hdr]:
        if c != ' ' and prev == ' ':
            starts.append(col)
        col += dwidth(c); prev = c
    starts.append(10 ** 6)
    end = next(i for i in range(hdr + 1, len(lines)) if lines[i].lstrip().startswith('※'))
    parts, block = [], []
    for l in lines[hdr + 1:end] + ['']:
        if l.strip():
            block.append(l); continue
        if block:
            for a, b in zip(starts, starts[1:]):
                parts.append(''.join(slice_cols(x, a, b) for x in block))
            block = []
    return '\n'.join(parts)

def grid_columns(lines):
    """u5: cells of the ASCII grids, each cell's wrapped lines joined."""
    parts, cells = [], None
    for l in lines + ['+']:
        if l.startswith('+'):
            if cells:
                parts.extend(''.join(c) for c in cells)
            cells = None
        elif l.startswith('|'):
            row = l.strip().strip('|').split('|')
            if cells is None:
                cells = [[] for _ in row]
            for i, c in enumerate(row[:len(cells)]):
                cells[i].append(c)
    return '\n'.join(parts)

def load_doc(name):
    codec, bom, eol = CODECS[name]
    raw = open(os.path.join(DOCS, name), 'rb').read()
    has_bom = raw.startswith(b'\xef\xbb\xbf')
    if has_bom != bom:
        bad('%s: BOM %s, expected %s' % (name, has_bom, bom))
    if has_bom:
        raw = raw[3:]
    try:
        text = raw.decode(codec, 'strict')
    except UnicodeDecodeError as e:
        bad('%s: does not decode as %s: %s' % (name, codec, e)); return ''
    if codec != 'utf-8':
        try:
            raw.decode('utf-8', 'strict'); bad('%s: also valid UTF-8, codec not exercised' % name)
        except UnicodeDecodeError:
            pass
    crlf, lf = text.count('\r\n'), text.count('\n')
    if eol == '\r\n' and crlf != lf:
        bad('%s: expected CRLF everywhere (%d of %d)' % (name, crlf, lf))
    if eol == '\n' and crlf:
        bad('%s: expected LF only' % name)
    n = lf
    if not 60 <= n <= 250:
        bad('%s: %d lines, expected 60-250' % (name, n))
    lines = text.replace('\r\n', '\n').replace('\f', '\n').split('\n')
    extra = ''
    if name.startswith('u4_'):
        extra = layout_columns(lines)
    if name.startswith('u5_'):
        extra = grid_columns(lines)
    if name.endswith('.html'):
        text = re.sub(r'<(script|style)\b.*?</\1>', ' ', text, flags=re.S | re.I)
        text = html.unescape(re.sub(r'<[^>]+>', ' ', text))
    return norm(text) + '\n' + norm(extra)

ERA = [('令和', 2018), ('平成', 1988)]
def date_forms(iso):
    y, m, d = map(int, iso.split('-'))
    out = ['%d年%d月%d日' % (y, m, d), '%d/%02d/%02d' % (y, m, d), '%d/%d/%d' % (y, m, d)]
    for era, base in ERA:
        n = y - base
        if n >= 1:
            ny = '元' if n == 1 else str(n)
            out.append('%s%s年%d月%d日' % (era, ny, m, d))
    return out

KANJI = '〇一二三四五六七八九'
def count_forms(n):
    out = {str(n), '{:,}'.format(n)}
    if n >= 10000:
        man, rest = divmod(n, 10000)
        if rest == 0:
            out.add('%d万' % man)
        elif rest % 1000 == 0:
            out.add('%d万%d千' % (man, rest // 1000))
    return out

def cite_ok(c, text):
    m = re.match(r'^(条例|要綱|番号法|法)(.*)$', c)
    body = m.group(2)
    mb = re.match(r'^別表第(\d+)第(\d+)項$', body)
    if mb:
        k, n = int(mb.group(1)), mb.group(2)
        tab = any(('別表第' + v) in text for v in (str(k), KANJI[k]))
        item = any(x in text for x in (n + 'の項', '第' + n + '項', '第' + n + 'の項'))
        return tab and item
    if body in text:
        return True
    ma = re.match(r'^(第\d+条)(第\d+項.*)$', body)
    if not ma or ma.group(1) not in text:
        return False
    art, rest = ma.group(1), ma.group(2)
    return ('同条' + rest) in text or bool(re.search(re.escape(art) + r'[^。]{0,30}及び' + re.escape(rest), text))

def check_str(where, v, text):
    if not isinstance(v, str) or not v:
        bad('%s: empty or not a string' % where); return
    if norm(v) not in text:
        bad('%s: %r not found in document' % (where, v))

def main():
    try:
        gold = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))
        jl = [json.loads(l) for l in open(os.path.join(HERE, 'gold.jsonl'), encoding='utf-8') if l.strip()]
    except Exception as e:
        bad('gold does not parse: %s' % e); return
    if set(gold) != {'cases'} or not isinstance(gold['cases'], list):
        bad('gold.json must be {"cases": [...]}')
    cases = gold['cases']
    if jl != cases:
        bad('gold.jsonl differs from gold.json')
    for name in CODECS:
        if not os.path.exists(os.path.join(DOCS, name)):
            bad('docs/%s missing' % name)
    if sorted(os.listdir(DOCS)) != sorted(CODECS):
        bad('docs/ holds unexpected files: %s' % sorted(set(os.listdir(DOCS)) ^ set(CODECS)))
    texts = {n: load_doc(n) for n in CODECS if os.path.exists(os.path.join(DOCS, n))}
    used = set()
    for i, c in enumerate(cases):
        w = 'case %d (%s %s)' % (i, c.get('source'), c.get('number'))
        for k in c:
            if k not in CASE_KEYS:
                bad('%s: unknown key %s' % (w, k))
            elif not isinstance(c[k], CASE_KEYS[k]) or isinstance(c[k], bool):
                bad('%s: %s has type %s' % (w, k, type(c[k]).__name__))
        for k in REQUIRED_CASE - set(c):
            bad('%s: missing %s' % (w, k))
        src = c.get('source')
        if src not in texts:
            bad('%s: source not in docs/' % w); continue
        used.add(src); t = texts[src]
        if c.get('kind') not in KINDS:
            bad('%s: kind %r' % (w, c.get('kind')))
        for k in ('municipality', 'title', 'department'):
            if c.get(k) is not None and k in c:
                check_str('%s %s' % (w, k), c[k], t)
        if c.get('number') is not None:
            n = c['number']
            if not n.isdigit():
                bad('%s: number not digits' % w)
            elif not (('第%s号' % n) in t or ('評価書番号' in t and n in t)):
                bad('%s: number %s not found' % (w, n))
        if c.get('date') is not None:
            if not ISO.match(c['date']) or not any(f in t for f in date_forms(c['date'])):
                bad('%s: date %s not found in any rendered form' % (w, c['date']))
        for cit in c.get('legal_basis', []):
            if not CITE.match(cit):
                bad('%s: citation %r not normalized' % (w, cit))
            elif not cite_ok(cit, t):
                bad('%s: citation %r not found' % (w, cit))
        if c.get('subjects_count') is not None:
            n = c['subjects_count']
            if not any(f + '人' in t for f in count_forms(n)):
                bad('%s: count %d not found as persons' % (w, n))
        for j, p in enumerate(c.get('procedures', [])):
            pw = '%s proc %d' % (w, j)
            if not isinstance(p, dict):
                bad(pw + ': not an object'); continue
            for k in p:
                if k not in PROC_KEYS:
                    bad('%s: unknown key %s' % (pw, k))
                elif not isinstance(p[k], PROC_KEYS[k]):
                    bad('%s: %s has type %s' % (pw, k, type(p[k]).__name__))
            for k in REQUIRED_PROC - set(p):
                bad('%s: missing %s' % (pw, k))
            if p.get('type') not in TYPES:
                bad('%s: type %r' % (pw, p.get('type')))
            if p.get('title') is not None:
                check_str(pw + ' title', p['title'], t)
            if p.get('partner') is not None:
                check_str(pw + ' partner', p['partner'], t)
            for k in ('consignees', 'subcontractors', 'data_items'):
                vals = p.get(k, [])
                if len(set(vals)) != len(vals):
                    bad('%s: duplicate in %s' % (pw, k))
                for v in vals:
                    check_str('%s %s' % (pw, k), v, t)
            for k in ('period_start', 'period_end'):
                v = p.get(k)
                if v is not None and (not ISO.match(v) or not any(f in t for f in date_forms(v))):
                    bad('%s: %s %s not found in any rendered form' % (pw, k, v))
            if p.get('period_start') and p.get('period_end') and p['period_start'] > p['period_end']:
                bad('%s: period ends before it starts' % pw)
    for n in CODECS:
        if n not in used:
            bad('docs/%s has no gold case' % n)
    print('cases: %d, procedures: %d' % (len(cases), sum(len(c.get('procedures', [])) for c in cases)))
    print('problems: %d' % len(problems))
    sys.exit(1 if problems else 0)

if __name__ == '__main__':
    main()
