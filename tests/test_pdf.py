#!/usr/bin/env python3
"""test_pdf.py PICORPUS MKPDF SOURCE_ROOT — reading PDFs.

The fixtures are made here from known text with tools/mkpdf (cairo +
Pango, Noto Sans CJK) and qpdf, so no binary file is checked in:
  - a table whose label and value cells wrap, a running header, page
    numbers and a paragraph broken by a page break in mid-sentence:
    `picorpus text` gives back the source's lines exactly, without the
    header or the page numbers, and `--lines` puts each on its page;
  - the same text in two columns: the paragraphs in reading order;
  - a PDF with one scanned page: one diagnostic naming the page, the
    other pages read;
  - image-only, encrypted (qpdf, user password) and damaged (cut short,
    garbage) PDFs: one "path: reason" each, and the build of the corpus
    holding them still succeeds;
  - corpus/003 typeset as a PDF builds to the same fields as its text,
    each field's provenance says file.pdf:page:line, the case page links
    the page of the PDF copied next to it, and `picorpus check` passes.
With ../shared/tools/score-extraction present it also builds every
corpus sample as a PDF (tools/pdf-corpus) and checks soft F1 is within
0.02 of the text build's.

With LibreOffice (soffice) installed, fixtures are also typeset the way
an office suite exports them, by tools/lo-pdf: bordered tables whose
cells wrap, vertically centred, Japanese and Latin spaced apart:
  - a label/value table with wrapping labels and values, between
    paragraphs: `picorpus text` gives the source's lines;
  - a label cell spanning two rows (HTML rowspan): each row gets it;
  - a border="1" table ending in rowspan cells, its bottom rule drawn
    in pieces a point apart: still one table, each row its cells;
  - a table drawn in characters (｜――｜) wider than the page, each
    line wrapped: the source's lines;
  - fixed-width text in a <pre>, labels padded to their colons: a line
    each, a short label not run into the long one below it;
  - a table of 40 wrapping rows over three pages, rows broken by the
    page breaks: the source's rows, and rows on page 2;
  - a two-column sheet (label, value, label, value): the source's rows;
  - corpus/ as LibreOffice PDFs scores soft F1 0.94 or more;
  - the same without rules (lo-pdf --borderless: tables read from the
    text's geometry, cells centred vertically): the table, sheet and
    multi-page fixtures' rows (an empty last cell aside), and corpus/
    scoring 0.94 or more too.
Prints "N passed, N failed".
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

HEADER = "個人情報保護管理運営会議資料"

# Long enough that the value cells wrap inside their cells, and that the
# last paragraph runs over the end of page 1.
TABLE_TEXT = """個人情報保護管理運営会議 付議事項

件名	健康診査・がん検診等の印字等業務に係る外部結合等について（一部変更）
保有課(担当課)	健康づくり課
委託に伴い事業者に処理させる情報項目(だれの、どのような項目か)	郵便番号、住所、氏名、受診番号、受診券整理番号、被保険者証等記号番号、生年月日、性別、生活保護等受給の有無、電話番号、肝炎受診歴、自己負担金額
委託先	TOPPANエッジ株式会社(プライバシーマーク取得事業者)
委託の開始時期及び期限	令和7年4月1日から令和8年3月31日まで

""" + "\n".join("第%d項 個人情報を外部へ持ち出さないよう指導する。" % i
                for i in range(1, 26)) + """
区では、新宿区医師会等に健康診査、各種がん検診、肝炎ウイルス検診の業務を委託し、実施している。健康診査のデータ入力、健診の検体検査業務については、再委託している。また、受診券の印字封入封かん業務については、対象者データをLGWAN回線で委託事業者に送付ができるようになっている。
以上
"""

COLUMN_TEXT = "\n".join(
    "（%d）第%d段落。区は、受託事業者に対して、個人情報の適正な取扱いを確保するため、"
    "必要な措置を講じさせるとともに、定期的に報告を求める。" % (i, i)
    for i in range(1, 41)) + "\n"


# mkpdf makes fixtures: fontconfig's and Pango's caches, alive until exit,
# are not leaks of ours (LeakSanitizer would fail it in the ASan build).
MKPDF_ENV = dict(os.environ, ASAN_OPTIONS=(
    os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":"))


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def lines_of(text):
    """Non-empty lines, spaces around TABs and runs of spaces folded."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r" *\t *", "\t", re.sub(r"[ \u3000]+", " ", line))
        if line.strip():
            out.append(line.strip())
    return out


def make_pdf(mkpdf, work, name, text, *opts):
    src = os.path.join(work, name + ".txt")
    pdf = os.path.join(work, name + ".pdf")
    with open(src, "w", encoding="utf-8") as f:
        f.write(text)
    subprocess.run([mkpdf, *opts, src, pdf], check=True, env=MKPDF_ENV)
    os.unlink(src)
    return pdf


def check_table(t, bin_, mkpdf, work):
    pdf = make_pdf(mkpdf, work, "table", TABLE_TEXT, "--header", HEADER)
    pages = run(["pdfinfo", pdf]).stdout if shutil.which("pdfinfo") else ""
    got = run([bin_, "text", pdf])
    t.check(got.returncode == 0 and got.stderr == "",
            "table: text exits 0 silently (%s)" % got.stderr.strip())
    t.check(lines_of(got.stdout) == lines_of(TABLE_TEXT),
            "table: the PDF's text is the source's lines\n" + "\n".join(
                "  %r" % l for l in lines_of(got.stdout)[:12]))
    t.check(HEADER not in got.stdout and "- 1 -" not in got.stdout,
            "table: running header and page numbers dropped")
    if "Pages:" in pages:
        t.check(int(re.search(r"Pages:\s+(\d+)", pages).group(1)) >= 2,
                "table: the fixture has 2 pages or more")
    where = run([bin_, "text", "--lines", pdf]).stdout
    last = [l for l in where.split("\n") if "以上" in l]
    t.check(len(last) == 1 and re.match(r".*table\.pdf:2:\d+: 以上$", last[0])
            is not None, "table: --lines puts the last line on page 2: %r"
            % last)
    broken = [l for l in where.split("\n") if "区では、新宿区医師会等" in l]
    t.check(len(broken) == 1 and broken[0].endswith("送付ができるようになっている。")
            and ":1:" in broken[0],
            "table: the paragraph broken by the page break is one line, "
            "on page 1 where it starts")


def check_columns(t, bin_, mkpdf, work):
    pdf = make_pdf(mkpdf, work, "columns", COLUMN_TEXT, "--columns", "2")
    got = run([bin_, "text", pdf])
    t.check(lines_of(got.stdout) == lines_of(COLUMN_TEXT),
            "two columns: paragraphs in reading order\n" + "\n".join(
                "  %r" % l for l in lines_of(got.stdout)[:6]))


DRAWN_TEXT = (
    "｜―――――――――｜――――――――｜\n"
    "｜提供先　　　　　　｜提供の方法　　　　｜\n"
    "｜松山市消防団　　　｜暗号化した媒体　　｜\n"
    "｜―――――――――｜――――――――｜\n")


def check_drawn_lines(t, bin_, mkpdf, work):
    pdf = make_pdf(mkpdf, work, "drawn", DRAWN_TEXT)
    got = lines_of(run([bin_, "text", pdf]).stdout)
    t.check(got == lines_of(DRAWN_TEXT),
            "drawn table: each line drawn in characters is one line, its "
            "cells' padding spaces\n" + "\n".join("  %r" % l for l in got))


def check_bad_pdfs(t, bin_, mkpdf, root, work):
    corpus = os.path.join(work, "bad")
    os.makedirs(corpus)
    sample = os.path.join(root, "corpus", "003_b4788fab34e93419.txt")
    good = os.path.join(corpus, "good.pdf")
    subprocess.run([mkpdf, "--header", HEADER, sample, good], check=True,
                   env=MKPDF_ENV)
    subprocess.run([mkpdf, "--scan-page", "2", sample,
                    os.path.join(corpus, "onescan.pdf")], check=True,
                   env=MKPDF_ENV)
    subprocess.run([mkpdf, "--scan-page", "0", sample,
                    os.path.join(corpus, "scanned.pdf")], check=True,
                   env=MKPDF_ENV)
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", good,
                    os.path.join(corpus, "encrypted.pdf")], check=True)
    with open(good, "rb") as f:
        data = f.read()
    with open(os.path.join(corpus, "cut.pdf"), "wb") as f:
        f.write(data[:len(data) // 50])
    with open(os.path.join(corpus, "garbage.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    index = os.path.join(work, "bad.db")
    got = run([bin_, "build", "-q", "--no-site", "-c", corpus, "--index",
               index])
    t.check(got.returncode == 0, "bad PDFs: the build succeeds: "
            + got.stderr)
    diags = [l for l in got.stderr.split("\n") if l]
    want = {"scanned.pdf": "no text layer (scanned pages?); OCR it first",
            "encrypted.pdf": "encrypted PDF",
            "cut.pdf": "damaged PDF",
            "garbage.pdf": "damaged PDF",
            "onescan.pdf": "page 2 has no text layer"}
    for name, reason in want.items():
        mine = [l for l in diags if l.startswith(os.path.join(corpus, name)
                                                 + ": ")]
        t.check(len(mine) == 1 and reason in mine[0],
                "bad PDFs: %s: one diagnostic saying %r: %r"
                % (name, reason, mine))
    t.check(len(diags) == len(want), "bad PDFs: no other diagnostic: %r"
            % diags)
    cases = [json.loads(l) for l in run([bin_, "export", "--index", index])
             .stdout.split("\n") if l]
    sources = sorted({c["source"] for c in cases})
    t.check(sources == ["good.pdf", "onescan.pdf"],
            "bad PDFs: the readable PDFs are indexed: %r" % sources)


def fields(case):
    return {k: v for k, v in case.items() if k not in ("id", "source")}


def check_fields(t, bin_, mkpdf, root, work):
    text_dir = os.path.join(work, "txt")
    pdf_dir = os.path.join(work, "pdf")
    os.makedirs(text_dir)
    os.makedirs(pdf_dir)
    name = "003_b4788fab34e93419"
    shutil.copy(os.path.join(root, "corpus", name + ".txt"), text_dir)
    subprocess.run([mkpdf, "--header", HEADER,
                    os.path.join(text_dir, name + ".txt"),
                    os.path.join(pdf_dir, name + ".pdf")], check=True,
                   env=MKPDF_ENV)
    exports = {}
    for d in (text_dir, pdf_dir):
        index = d + ".db"
        got = run([bin_, "build", "-q", "-c", d, "--index", index,
                   "-o", d + ".site"])
        t.check(got.returncode == 0 and got.stderr == "",
                "fields: %s builds silently: %s" % (d, got.stderr))
        exports[d] = [json.loads(l) for l in run(
            [bin_, "export", "--index", index]).stdout.split("\n") if l]
    a, b = exports[text_dir], exports[pdf_dir]
    t.check(len(a) == len(b) and all(fields(x) == fields(y)
                                     for x, y in zip(a, b)),
            "fields: the PDF builds to the text's fields")
    index, site = pdf_dir + ".db", pdf_dir + ".site"
    cid = b[0]["id"] if b else ""
    shown = run([bin_, "show", "--index", index, cid]).stdout
    t.check(re.search(r"\(%s\.pdf:\d+:\d+\)" % name, shown) is not None,
            "fields: show gives file.pdf:page:line")
    t.check(run([bin_, "check", "--index", index, "-o", site]).returncode
            == 0, "fields: picorpus check passes")
    page = os.path.join(site, "case", cid + ".html")
    html = open(page, encoding="utf-8").read() if os.path.exists(page) \
        else ""
    links = re.findall(r'href="([0-9a-f]{16}\.pdf)#page=(\d+)"', html)
    t.check(len({p for _, p in links}) >= 2,
            "fields: the case page links pages of the PDF")
    t.check(all(os.path.exists(os.path.join(site, "case", f))
                for f, _ in links) and links != [],
            "fields: the PDF is copied next to the case page")
    copy = os.path.join(site, "case", links[0][0]) if links else ""
    t.check(copy and open(copy, "rb").read() == open(os.path.join(
        pdf_dir, name + ".pdf"), "rb").read(), "fields: the copy is the PDF")
    harness.check_page(page, html, t.check)


def score(scorer, gold, export):
    out = run([scorer, gold, export]).stdout
    m = re.search(r"extraction soft F1 ([0-9.]+) strict F1 ([0-9.]+)", out)
    return (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)


def check_score(t, bin_, mkpdf, root, work):
    scorer = os.path.join(root, "..", "shared", "tools", "score-extraction")
    gold = os.path.join(root, "..", "shared", "gold", "seeds.json")
    if not os.access(scorer, os.X_OK):
        print("no %s: PDF score skipped" % scorer)
        return
    pdfs = os.path.join(work, "corpus-pdf")
    subprocess.run([sys.executable, os.path.join(root, "tools", "pdf-corpus"),
                    mkpdf, os.path.join(root, "corpus"), pdfs], check=True,
                   env=MKPDF_ENV)
    with open(gold, encoding="utf-8") as f:
        text = f.read()
    pdf_gold = os.path.join(work, "gold-pdf.json")
    with open(pdf_gold, "w", encoding="utf-8") as f:
        f.write(re.sub(r'\.txt"', '.pdf"', text))
    result = {}
    for name, corpus, g in (("text", os.path.join(root, "corpus"), gold),
                            ("pdf", pdfs, pdf_gold)):
        index = os.path.join(work, name + "-score.db")
        export = index + ".jsonl"
        run([bin_, "build", "-q", "--no-site", "-c", corpus, "--index",
             index])
        with open(export, "w") as f:
            f.write(run([bin_, "export", "--index", index]).stdout)
        result[name] = score(scorer, g, export)
    print("extraction soft/strict F1: text %.3f/%.3f, PDF %.3f/%.3f" %
          (*result["text"], *result["pdf"]))
    t.check(result["pdf"][0] >= result["text"][0] - 0.02,
            "score: PDF soft F1 within 0.02 of the text's")


LO_TABLE_TEXT = """個人情報保護管理運営会議 付議事項

件名	健康診査・がん検診等の印字等業務に係る外部結合等について（一部変更）
保有課(担当課)	健康づくり課
委託に伴い事業者に処理させる情報項目(だれの、どのような項目か)	郵便番号、住所、氏名、受診番号、受診券整理番号、被保険者証等記号番号、生年月日、性別、生活保護等受給の有無、電話番号、肝炎受診歴、自己負担金額
委託先	TOPPANエッジ株式会社(プライバシーマーク取得事業者)
委託の開始時期及び期限	令和7年4月1日から令和8年3月31日まで（次年度以降も、同様の業務委託を行う。）
備考	

区では、受診券の印字封入封かん業務について、対象者データをLGWAN回線で委託事業者に送付している。
以上
"""

LO_ROWSPAN_HTML = """<html><body>
<p>付議事項</p>
<table>
<tr><td>件名</td><td colspan="2">住民票の写し等交付業務の委託について</td></tr>
<tr><td rowspan="2">委託先</td><td>名称</td><td>株式会社ちばベイ・サービス</td></tr>
<tr><td>所在地</td><td>千葉市中央区</td></tr>
<tr><td>委託期間</td><td colspan="2">令和7年4月1日から令和8年3月31日まで</td></tr>
</table>
</body></html>
"""

LO_ROWSPAN_LINES = [
    "付議事項",
    "件名\t住民票の写し等交付業務の委託について",
    "委託先\t名称\t株式会社ちばベイ・サービス",
    "委託先\t所在地\t千葉市中央区",
    "委託期間\t令和7年4月1日から令和8年3月31日まで"]

# An HTML table with border="1" whose rowspan cells end the table: its
# border is drawn a cell at a time, the pieces a point apart.
LO_BORDER_HTML = """<html><head><meta charset="utf-8"></head><body>
<p>報告一覧</p>
<table border="1">
<tr><th>番号</th><th>件名</th><th>区分</th><th>委託先</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">水道料金等徴収業務の包括委託について</td>
<td>業務委託</td><td>株式会社四国テストサービス</td></tr>
<tr><td>再委託</td><td>有限会社テスト検針センター</td></tr>
<tr><td rowspan="2">2</td><td rowspan="2">乗合タクシーの予約システム導入について</td>
<td>業務委託</td><td>テスト交通有限会社</td></tr>
<tr><td>外部結合</td><td>株式会社テストシステム</td></tr>
</table>
</body></html>
"""

LO_BORDER_LINES = [
    "報告一覧",
    "番号\t件名\t区分\t委託先",
    "1\t水道料金等徴収業務の包括委託について\t業務委託\t株式会社四国テストサービス",
    "1\t水道料金等徴収業務の包括委託について\t再委託\t有限会社テスト検針センター",
    "2\t乗合タクシーの予約システム導入について\t業務委託\tテスト交通有限会社",
    "2\t乗合タクシーの予約システム導入について\t外部結合\t株式会社テストシステム"]



def walled_table():
    """A table drawn in characters, wider than the page: LibreOffice
    wraps each of its lines, one of them right before a wall."""
    rows = [("提供先", "提供する個人情報の項目", "提供の方法", "提供の期間"),
            ("社会福祉法人テスト市社会福祉協議会", "氏名、生年月日、性別、住所",
             "紙媒体を手渡し", "令和８年４月１日から令和９年３月３１日まで"),
            ("テスト市消防団", "氏名、住所、電話番号", "暗号化した電子媒体",
             "令和８年４月１日から令和９年３月３１日まで")]
    widths = (18, 14, 10, 22)
    rule = "｜" + "｜".join("―" * n for n in widths) + "｜"
    out = ["５　提供先ごとの内容", rule]
    for row in rows:
        out.append("｜" + "｜".join(c + "　" * (n - len(c))
                                   for c, n in zip(row, widths)) + "｜")
        out.append(rule)
    out.append("※　いずれの提供先にも個人番号は提供しない。")
    return "\n".join(out) + "\n"


LO_WALLED_TEXT = walled_table()

# Fixed-width text pasted in a <pre>: labels padded to a colon, a short
# label over a long one; each stays a line of its own.
LO_PRE_LINES = [
    "<委託１> 市立図書館窓口等業務",
    "委託先   ： 株式会社ちくごライブラリーサービス",
    "取扱項目 ： 利用者番号、氏名、生年月日、住所、電話番号",
    "委託期間 ： 令和８年４月１日 ～ 令和１１年３月３１日"]
LO_PRE_HTML = ("<html><head><meta charset=\"utf-8\"></head><body><pre>\n" +
               "\n".join(html.escape(l) for l in LO_PRE_LINES) +
               "\n</pre></body></html>\n")

LO_MULTIPAGE_TEXT = "特記事項（個人情報の取扱い）\n\n" + "\n".join(
    "第%d項\t受託者は、個人情報の取扱いに関する第%d項の定めに従い、個人情報"
    "を適正に管理し、その内容を毎月書面で区に報告するとともに、区の求めに"
    "応じて立入調査に協力しなければならない。" % (i, i)
    for i in range(1, 41)) + "\n\n以上\n"

LO_SHEET_TEXT = """付議事項（様式２）

件名	住民票の写し等交付業務の委託について	保有課	市民課
委託先	株式会社ちばベイ・サービス（プライバシーマーク取得事業者）	委託期間	令和7年4月1日から令和8年3月31日まで
対象者数	約3,400人	記録媒体	電磁的媒体及び紙
"""

# A wide list: seven columns whose cells wrap side by side, each row one
# line of the PDF's text, its cells' lines glued.
LO_RULE_TEXT = (
    "次第\n"
    "――――――――――――――――――――――――――――――――――――――――――\n"
    "報告１　住民健診予約受付業務の委託について\n"
    "委託先は株式会社こゆるぎメディカルサポートとする。\n")

LO_WIDE_TEXT = """委託状況一覧表
番号	事務の名称	担当課	委託先	委託の内容	取り扱う個人情報の項目	委託期間
1	市民税申告書等データ入力業務	財政局税政部市民税課	株式会社テスト情報処理センター	申告書及び給与支払報告書の記載内容を、市が貸与する専用端末を用いて電子データに入力する。作業は受託者の事業所内の専用作業室で行う。	氏名、住所、生年月日、個人番号、給与等の支払金額、所得控除の額、扶養親族の氏名	令和６年４月１日～令和７年３月３１日
"""


# labels set letter by letter over their values (a register's 結　合　先
# above 回　　　線), after a paragraph that ends in a sentence at the
# measure and a heading in brackets
LO_SPACED_TEXT = """４　諮問する手続
　　次の３手続について諮問する。取り扱う個人情報の項目は、別表に手続ごとに○を付して示す。
（手続Ａ）外部結合
名　　称\t乳幼児健診予約・問診システムとの外部結合
結　合　先\t株式会社テストクラウドヘルス
回　　　線\tＬＧＷＡＮ－ＡＳＰ（インターネットには接続しない。）
結合期間\t令和８年２月２日から令和１１年３月３１日まで
（手続Ｂ）業務委託
委　託　先\t株式会社テストクラウドヘルス
委託期間\t令和８年２月２日から令和９年３月３１日まで
"""
LO_SPACED_LINES = [
    "４ 諮問する手続",
    "次の３手続について諮問する。取り扱う個人情報の項目は、別表に手続ごとに○を付して示す。",
    "（手続Ａ）外部結合",
    "名 称\t乳幼児健診予約・問診システムとの外部結合",
    "結 合 先\t株式会社テストクラウドヘルス",
    "回 線\tＬＧＷＡＮ－ＡＳＰ（インターネットには接続しない。）",
    "結合期間\t令和８年２月２日から令和１１年３月３１日まで",
    "（手続Ｂ）業務委託",
    "委 託 先\t株式会社テストクラウドヘルス",
    "委託期間\t令和８年２月２日から令和９年３月３１日まで"]


# a list of short labels, each with its value a wide space away (only
# one label as long as the longest: no wrapped cell), after a paragraph
# at the margin; then a label wrapped in its column ("利用する個人" /
# "情報の項目") beside nothing
LO_LABELS_TEXT = """令和７年度第２回テスト市個人情報保護審議会（令和７年１０月６日開催）　資料２

諮問第９号　説明資料

件名　　テスト健康診査受診勧奨業務の委託について
諮問日　令和７年９月１４日
担当　　健康福祉部保険年金課

　本資料は、委員からの事前の御質問について、担当課の考え方を問答の形式で整理したものです。

　利用する課　　　　くらし・環境部建築住宅局公営住宅課
　利用する個人　　　納税義務者の氏名、住所、自動車登録番号
　情報の項目
　対象者　　　　　　県営住宅の家賃を滞納している入居者
"""
LO_LABELS_ROWS = ["件名\tテスト健康診査受診勧奨業務の委託について",
                  "担当\t健康福祉部保険年金課",
                  "利用する個人情報の項目\t納税義務者の氏名、住所、自動車登録番号"]


# a table whose head LibreOffice prints again on every page (<thead>)
LO_REPEAT_HTML = ("<html><body><table><thead><tr><th>番号</th><th>件名</th>"
                  "<th>担当課</th></tr></thead><tbody>" + "".join(
                      "<tr><td>第%d号</td><td>テスト業務%dの委託について</td>"
                      "<td>総務課</td></tr>" % (n, n) for n in range(1, 81))
                  + "</tbody></table></body></html>")


# text wrapped by hand at a measure that one numbered line fills
# exactly: the next line, numbered "二、", starts an item of its own
LO_KANJI_TEXT = """　テスト市個人情報の保護に関する法律施行条例（令和４年テスト市条例第３１号）第７
条第１号及び第２号の規定に基づき、下記のとおり諮問します。

記

一、件名：市税等口座振替依頼書のデータ化及びオンライン口座振替受付について
二、実施機関：テスト市長（財務部収納課）
三、諮問の理由
"""


# Markdown lines run together in their paragraph, cut at wide spaces:
# read in the order they are written, and each item a line of its own
LO_FLOW_MD = """## 5) 外部結合

ア　結合の相手方
　　株式会社テスト校務クラウド
イ　結合する個人情報
　　児童生徒の氏名、ふりがな、性別、生年月日、学籍番号、在籍学校・学年・学級、出欠の状況、
　　保護者の氏名、保護者の連絡先（電話番号・メールアドレス）
ウ　結合の開始日
　　2026/04/01（終期は定めない）
"""


def lo_lines(text):
    """Like lines_of(), keeping a row's empty fields (no strip at TABs)."""
    return [re.sub(r"[ \u3000]+", " ", l).strip(" ") for l in
            text.split("\n") if l.strip()]


def check_libreoffice(t, bin_, root, work):
    lo_pdf = os.path.join(root, "tools", "lo-pdf")
    if not shutil.which("soffice"):
        print("no soffice: LibreOffice fixtures skipped")
        return
    src = os.path.join(work, "lo-src")
    out = os.path.join(work, "lo")
    os.makedirs(src)
    fixtures = {"table.txt": LO_TABLE_TEXT, "rowspan.html": LO_ROWSPAN_HTML,
                "border.html": LO_BORDER_HTML,
                "walled.txt": LO_WALLED_TEXT,
                "pre.html": LO_PRE_HTML,
                "multipage.txt": LO_MULTIPAGE_TEXT, "sheet.txt": LO_SHEET_TEXT,
                "wide.txt": LO_WIDE_TEXT, "rule.txt": LO_RULE_TEXT,
                "spaced.txt": LO_SPACED_TEXT,
                "gap.txt": LO_SPACED_TEXT.replace("\t", "\u3000\u3000"),
                "labels.txt": LO_LABELS_TEXT, "repeat.html": LO_REPEAT_HTML,
                "kanji.txt": LO_KANJI_TEXT, "flow.md": LO_FLOW_MD}
    for name, text in fixtures.items():
        with open(os.path.join(src, name), "w", encoding="utf-8") as f:
            f.write(text)
    made = run([sys.executable, lo_pdf, "--corpus", src, out])
    t.check(made.returncode == 0, "LibreOffice: lo-pdf typesets the "
            "fixtures: " + made.stderr.strip())
    if made.returncode != 0:
        return

    def text_of(stem, *opts):
        got = run([bin_, "text", *opts, os.path.join(out, stem + ".pdf")])
        t.check(got.returncode == 0 and got.stderr == "",
                "LibreOffice: %s: text exits 0 silently (%s)"
                % (stem, got.stderr.strip()))
        return got.stdout

    for stem, want in (("table", lo_lines(LO_TABLE_TEXT)),
                       ("rowspan", LO_ROWSPAN_LINES),
                       ("border", LO_BORDER_LINES),
                       ("walled", lo_lines(LO_WALLED_TEXT)),
                       ("pre", lo_lines("\n".join(LO_PRE_LINES))),
                       ("multipage", lo_lines(LO_MULTIPAGE_TEXT)),
                       ("sheet", lo_lines(LO_SHEET_TEXT)),
                       ("wide", lo_lines(LO_WIDE_TEXT)),
                       ("rule", lo_lines(LO_RULE_TEXT)),
                       ("spaced", LO_SPACED_LINES)):
        got = lo_lines(text_of(stem).replace("\t", " "))
        if stem != "pre":
            got = lo_lines(text_of(stem))
        t.check(got == want, "LibreOffice: %s: the PDF's rows are the "
                "source's\n" % stem + "\n".join(
                    ["  %r" % l for l in got if l not in want][:8]))
    # the same set with wide spaces (no table): read from the geometry
    got = lo_lines(text_of("gap"))
    for want in ("結合期間\t令和８年２月２日から令和１１年３月３１日まで",
                 "（手続Ｂ）業務委託", "委 託 先\t株式会社テストクラウドヘルス"):
        t.check(want in got, "LibreOffice: gap: a row of its own: %r (%r)"
                % (want, got))
    got = lo_lines(text_of("repeat"))
    t.check(got.count("番号\t件名\t担当課") == 1 and len(got) == 81,
            "LibreOffice: repeat: the head printed on every page is read "
            "once (%d heads, %d rows)" % (got.count("番号\t件名\t担当課"),
                                         len(got)))
    got = run([bin_, "text", "--rows", os.path.join(out, "flow.pdf")]).stdout
    t.check("保護者の氏名、保護者の連絡先" in got.replace("\n", "") and
            re.search(r": 結合の開始日\t2026/04/01", got) is not None,
            "LibreOffice: flow: a paragraph of items read in order, an "
            "item a row: %r" % got)
    got = lo_lines(text_of("kanji"))
    t.check("二、実施機関：テスト市長（財務部収納課）" in got,
            "LibreOffice: kanji: a line numbered 二、 starts an item: %r"
            % got)
    got = lo_lines(text_of("labels"))
    for want in LO_LABELS_ROWS:
        t.check(want in got, "LibreOffice: labels: a row of its own: %r (%r)"
                % (want, got))
    check_borderless(t, bin_, lo_pdf, src, work)
    where = text_of("multipage", "--lines")
    pages = {int(m) for m in re.findall(r"multipage\.pdf:(\d+):\d+: 第",
                                        where)}
    t.check(len(pages) >= 3, "LibreOffice: the table's rows run over "
            "three pages or more: %r" % sorted(pages))
    check_lo_score(t, bin_, root, work, lo_pdf)


def check_borderless(t, bin_, lo_pdf, src, work):
    out = os.path.join(work, "lo-borderless")
    os.unlink(os.path.join(src, "rowspan.html"))
    os.unlink(os.path.join(src, "border.html"))
    os.unlink(os.path.join(src, "pre.html"))
    os.unlink(os.path.join(src, "repeat.html"))
    made = run([sys.executable, lo_pdf, "--corpus", "--borderless", src,
                out])
    t.check(made.returncode == 0, "LibreOffice, no rules: lo-pdf typesets "
            "the fixtures: " + made.stderr.strip())
    for stem, text in (("table", LO_TABLE_TEXT), ("sheet", LO_SHEET_TEXT),
                       ("multipage", LO_MULTIPAGE_TEXT)):
        got = run([bin_, "text", os.path.join(out, stem + ".pdf")]).stdout
        got = [l.rstrip("\t") for l in lo_lines(got)]
        want = [l.rstrip("\t") for l in lo_lines(text)]
        t.check(got == want, "LibreOffice, no rules: %s: the PDF's rows "
                "are the source's\n" % stem + "\n".join(
                    ["  %r" % l for l in got if l not in want][:8]))


def check_lo_score(t, bin_, root, work, lo_pdf):
    scorer = os.path.join(root, "..", "shared", "tools", "score-extraction")
    gold = os.path.join(root, "..", "shared", "gold", "seeds.json")
    if not os.access(scorer, os.X_OK):
        print("no %s: LibreOffice PDF score skipped" % scorer)
        return
    with open(gold, encoding="utf-8") as f:
        text = f.read()
    pdf_gold = os.path.join(work, "gold-lo.json")
    with open(pdf_gold, "w", encoding="utf-8") as f:
        f.write(re.sub(r'\.txt"', '.pdf"', text))
    for name, opts in (("", []), (", no rules", ["--borderless"])):
        pdfs = os.path.join(work, "corpus-lo" + "".join(opts))
        made = run([sys.executable, lo_pdf, "--corpus", *opts,
                    os.path.join(root, "corpus"), pdfs])
        t.check(made.returncode == 0, "LibreOffice%s: corpus typeset: %s"
                % (name, made.stderr.strip()))
        index = pdfs + ".db"
        export = index + ".jsonl"
        run([bin_, "build", "-q", "--no-site", "-c", pdfs, "--index",
             index])
        with open(export, "w") as f:
            f.write(run([bin_, "export", "--index", index]).stdout)
        soft, strict = score(scorer, pdf_gold, export)
        print("extraction soft/strict F1: LibreOffice PDF%s %.3f/%.3f" %
              (name, soft, strict))
        t.check(soft >= 0.94, "LibreOffice%s: corpus as PDFs scores soft "
                "F1 >= 0.94 (%.3f)" % (name, soft))


def main():
    bin_, mkpdf, root = (os.path.abspath(a) for a in sys.argv[1:4])
    t = harness.Tally()
    with tempfile.TemporaryDirectory() as work:
        check_table(t, bin_, mkpdf, work)
        check_columns(t, bin_, mkpdf, work)
        check_drawn_lines(t, bin_, mkpdf, work)
        check_bad_pdfs(t, bin_, mkpdf, root, work)
        check_fields(t, bin_, mkpdf, root, work)
        check_score(t, bin_, mkpdf, root, work)
        check_libreoffice(t, bin_, root, work)
    return t.report()


if __name__ == "__main__":
    sys.exit(main())
