/*
 * test_rows.c — rows_normalise(): every way a document pairs a label with
 * its value comes out as one "label<TAB>value" line, on small texts
 * written here, one layout per test.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "rows.h"

/* The lines text reads as, after rows_normalise(). */
struct rows {
	struct source	src;
	struct doc	doc;
	struct doc	rows;
};

static void
rows_of(struct rows *r, const char *text, enum source_format format)
{
	struct buf err = BUF_INIT;

	memset(r, 0, sizeof(*r));
	r->src.path = xstrdup("t.txt");
	r->src.text = xstrdup(text);
	r->src.len = strlen(text);
	r->src.format = format;
	ck_assert_int_eq(doc_parse(&r->src, &r->doc, &err), 0);
	rows_normalise(&r->doc, &r->rows);
	buf_free(&err);
}

static void
rows_free(struct rows *r)
{
	doc_free(&r->rows);
	doc_free(&r->doc);
	source_free(&r->src);
}

/* The row whose label is label: its text, or NULL. */
static const char *
row(const struct rows *r, const char *label, int *lineno)
{
	size_t n = strlen(label);

	for (size_t i = 0; i < r->rows.n; i++)
		if (strncmp(r->rows.lines[i].text, label, n) == 0 &&
		    r->rows.lines[i].text[n] == '\t') {
			if (lineno != NULL)
				*lineno = r->rows.lines[i].lineno;
			return r->rows.lines[i].text + n + 1;
		}
	return NULL;
}

START_TEST(labels_side_by_side_over_their_values)
{
	struct rows r;
	int line;

	rows_of(&r, "     評価書番号          評価書名\n"
	    "         ３              後期高齢者医療制度関係事務 重点項目評価書\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "評価書番号", &line), "３");
	ck_assert_int_eq(line, 1);
	ck_assert_str_eq(row(&r, "評価書名", NULL),
	    "後期高齢者医療制度関係事務 重点項目評価書");
	rows_free(&r);
}
END_TEST

/* the text of the rows' line that source line lineno became */
static const char *
row_at(const struct rows *r, int lineno)
{
	for (size_t i = 0; i < r->rows.n; i++)
		if (r->rows.lines[i].lineno == lineno)
			return r->rows.lines[i].text;
	return NULL;
}

START_TEST(two_field_names_head_a_spaced_table)
{
	struct rows r;

	rows_of(&r, "   評価書番号     評価書名\n"
	    "   １             後期高齢者医療制度関係事務　全項目評価書\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row_at(&r, 1), "評価書番号\t評価書名");
	ck_assert_str_eq(row_at(&r, 2),
	    "１\t後期高齢者医療制度関係事務　全項目評価書");
	rows_free(&r);
}
END_TEST

START_TEST(blank_line_ends_a_two_column_spaced_table)
{
	struct rows r;

	rows_of(&r, "   評価書番号     評価書名\n"
	    "   １             住民税に関する事務\n\n"
	    "   宣言\n", FORMAT_TEXT);
	ck_assert_str_eq(row_at(&r, 4), "   宣言");
	rows_free(&r);
}
END_TEST

START_TEST(letters_a_pdf_parted_with_tabs_are_one_label)
{
	struct rows r;

	rows_of(&r, "保\t有\t課 区民部税務課\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "保　有　課", NULL), "区民部税務課");
	rows_free(&r);
}
END_TEST

START_TEST(label_one_space_from_its_value_runs_on_at_the_margin)
{
	struct rows r;

	rows_of(&r, "件名 介護保険主治医意見書の電子的授受に係る外部結合に\n"
	    "ついて\n\n担当課 介護保険課\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL),
	    "介護保険主治医意見書の電子的授受に係る外部結合について");
	ck_assert_str_eq(row(&r, "担当課", NULL), "介護保険課");
	rows_free(&r);
}
END_TEST

START_TEST(run_on_stops_at_the_next_pair)
{
	struct rows r;

	rows_of(&r, "件名 高齢者補聴器購入費助成について\n"
	    "担当課 高齢者支援課\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL), "高齢者補聴器購入費助成について");
	ck_assert_str_eq(row(&r, "担当課", NULL), "高齢者支援課");
	rows_free(&r);
}
END_TEST

START_TEST(label_with_an_open_bracket_is_not_one_space_from_its_value)
{
	struct rows r;

	rows_of(&r, "結合される情報項目（だれ 《個人の範囲》申請者\n", FORMAT_TEXT);
	ck_assert_ptr_null(row(&r, "結合される情報項目（だれ", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(rows_between_rules_are_one_wrapped_row)
{
	struct rows r;

	rows_of(&r, "────────────────\n"
	    "⑧　提供する保有個\t生徒の氏名\n"
	    "人情報の項目\t生徒の氏名カナ 性別 生年月日\n"
	    "────────────────\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "提供する保有個人情報の項目", NULL),
	    "生徒の氏名\n生徒の氏名カナ 性別 生年月日");
	rows_free(&r);
}
END_TEST

START_TEST(letter_spaced_label)
{
	struct rows r;

	rows_of(&r, "　件　　名　　学校徴収金口座振替事務の外部委託について\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件　　名", NULL),
	    "学校徴収金口座振替事務の外部委託について");
	rows_free(&r);
}
END_TEST

START_TEST(letter_of_a_vertical_label_is_dropped)
{
	struct rows r;

	rows_of(&r, "   ③委託先名            株式会社Ａ\n"
	    "   再\n   委 ④再委託の有無 ※   [ 再委託する ]\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "再委託の有無 ※", NULL), "[ 再委託する ]");
	rows_free(&r);
}
END_TEST

START_TEST(label_wrapped_past_its_value)
{
	struct rows r;

	rows_of(&r, "　件　名　　　　　　自動車税課税情報の目的外利用\n"
	    "　利用する　　　　　税務課が保有する\n"
	    "　個人情報　　　　　個人情報\n"
	    "　の保有課等\n"
	    "　利用する個人　　　氏名、住所、自動車登録番号\n"
	    "　情報の項目\n"
	    "　対象者　　　　　　滞納者　約１，２５０人\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "利用する個人情報の保有課等", NULL),
	    "税務課が保有する個人情報");
	ck_assert_str_eq(row(&r, "利用する個人情報の項目", NULL),
	    "氏名、住所、自動車登録番号");
	ck_assert_str_eq(row(&r, "対象者", NULL), "滞納者　約１，２５０人");
	rows_free(&r);
}
END_TEST

START_TEST(colon_pairs_become_rows)
{
	struct rows r;

	rows_of(&r, "担当　　　：保育課\n委託先:株式会社Ａ\n受付時間：9:00\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "担当", NULL), "保育課");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ａ");
	ck_assert_ptr_null(row(&r, "受付時間", NULL));	/* no known label */
	rows_free(&r);
}
END_TEST

START_TEST(bracket_labels_become_rows)
{
	struct rows r;

	rows_of(&r, "【件名】　保育の委託について\n「委託先」株式会社Ｂ\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL), "保育の委託について");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ｂ");
	rows_free(&r);
}
END_TEST

START_TEST(memo_items_after_their_number)
{
	struct rows r;

	rows_of(&r, "１　委託業務名　　印刷業務\n２　委託先　　　　株式会社Ｃ\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託業務名", NULL), "印刷業務");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ｃ");
	rows_free(&r);
}
END_TEST

START_TEST(label_alone_takes_the_lines_below)
{
	struct rows r;
	int line = 0;

	rows_of(&r, "担当部課\n子ども家庭課\n事業の概要\n委託先\n株式会社Ｄ\n"
	    "株式会社Ｅ\n\n次の段落\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "担当部課", &line), "子ども家庭課");
	ck_assert_int_eq(line, 1);	/* the label's line */
	/* a list goes on to the blank line; a single value stops */
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ｄ\n株式会社Ｅ");
	rows_free(&r);
}
END_TEST

START_TEST(numbered_heading_label_is_left_to_the_tree)
{
	struct rows r;

	rows_of(&r, "１．件名\n保育の委託について\n", FORMAT_TEXT);
	ck_assert_ptr_null(row(&r, "件名", NULL));
	ck_assert_str_eq(r.rows.lines[0].text, "１．件名");
	rows_free(&r);
}
END_TEST

START_TEST(label_broken_over_two_lines_is_joined)
{
	struct rows r;

	rows_of(&r, "結合される情報項目（だれの、どのような\n項目か）\n"
	    "氏名、住所\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "結合される情報項目（だれの、どのような項目か）",
	    NULL), "氏名、住所");
	rows_free(&r);
}
END_TEST

START_TEST(layout_columns_continue_and_wrap)
{
	struct rows r;

	/* pdftotext -layout: values wrap under their column, a label
	   under its own; three rows share the value column */
	rows_of(&r,
	    "    件名                      国民健康保険料の納付勧奨業務の委託に伴う\n"
	    "                              取扱いについて\n"
	    "    担当所属                  保険年金課\n"
	    "    取り扱う個人情報の項      世帯主の氏名、住所、電話番号、被保険\n"
	    "    目                        者証の記号番号\n"
	    "    委託期間                  令和6年12月1日から\n", FORMAT_TEXT);
	ck_assert_ptr_nonnull(row(&r, "件名", NULL));
	ck_assert_str_eq(row(&r, "担当所属", NULL), "保険年金課");
	ck_assert_str_eq(row(&r, "取り扱う個人情報の項目", NULL),
	    "世帯主の氏名、住所、電話番号、被保険者証の記号番号");
	rows_free(&r);
}
END_TEST

START_TEST(two_labels_in_a_column_stay_two_rows)
{
	struct rows r;

	rows_of(&r, "　　委託先　　　　株式会社Ｆ\n"
	    "　　委託内容　　　印刷\n"
	    "　　再委託の有無　［再委託する］\n"
	    "　　再委託先　　　有限会社Ｇ\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ｆ");
	ck_assert_str_eq(row(&r, "再委託先", NULL), "有限会社Ｇ");
	rows_free(&r);
}
END_TEST

START_TEST(drawn_tables_read_as_columns)
{
	struct rows r;

	rows_of(&r,
	    "┏━━━━━━━━┯━━━━━━━━━━┓\n"
	    "┃委託先　　　　│株式会社Ｈ　　　　　┃\n"
	    "┠────────┼──────────┨\n"
	    "┃委託の期間　　│令和7年4月1日から　 ┃\n"
	    "┠────────┼──────────┨\n"
	    "┃対象者数　　　│約100人　　　　　　 ┃\n"
	    "┗━━━━━━━━┷━━━━━━━━━━┛\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社Ｈ");
	ck_assert_str_eq(row(&r, "委託の期間", NULL), "令和7年4月1日から");
	rows_free(&r);
}
END_TEST

START_TEST(quoted_csv_records_become_rows)
{
	struct rows r;

	rows_of(&r, "\"No\",\"委託先\",\"備考\"\n\"1\",\"株式会社\"\"Ｉ\"\"\",\"\"\n"
	    "本文には、読点が、あります。\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "No\t委託先\t備考");
	ck_assert_str_eq(r.rows.lines[1].text, "1\t株式会社\"Ｉ\"\t");
	ck_assert_str_eq(r.rows.lines[2].text, "本文には、読点が、あります。");
	rows_free(&r);
}
END_TEST

START_TEST(aligning_tabs_are_spaces)
{
	struct rows r;

	rows_of(&r, "１．\t委託先\n\t\t株式会社Ｊ\n２．\t委託期間\t令和7年4月1日\n",
	    FORMAT_TEXT);
	/* the TABs aligned text: no cell starts with "１．" */
	for (size_t i = 0; i < r.rows.n; i++)
		ck_assert(strncmp(r.rows.lines[i].text, "１．\t",
		    strlen("１．\t")) != 0);
	ck_assert_str_eq(row(&r, "委託期間", NULL), "令和7年4月1日");
	rows_free(&r);
}
END_TEST

START_TEST(markdown_pipe_tables_and_bullets)
{
	struct rows r;

	rows_of(&r, "- **担当部課**: 保育課\n- **委託先**: 株式会社Ｋ\n\n"
	    "| 項目名 | 備考 |\n|---|---|\n| 氏名 | 必須 |\n", FORMAT_MARKDOWN);
	ck_assert_str_eq(row(&r, "担当部課", NULL), "保育課");
	ck_assert_str_eq(row(&r, "項目名", NULL), "備考");
	ck_assert_str_eq(row(&r, "氏名", NULL), "必須");
	rows_free(&r);
}
END_TEST

START_TEST(html_rowspan_cells_are_repeated)
{
	struct rows r;

	rows_of(&r, "<table><tr><th>担当課</th><th>委託先</th><th>期間</th></tr>"
	    "<tr><td rowspan=\"2\">保険年金課</td><td>Ａ社</td><td>1年</td></tr>"
	    "<tr><td>Ｂ社</td><td>2年</td></tr></table>", FORMAT_HTML);
	ck_assert_str_eq(r.rows.lines[1].text, "保険年金課\tＡ社\t1年");
	ck_assert_str_eq(r.rows.lines[2].text, "保険年金課\tＢ社\t2年");
	rows_free(&r);
}
END_TEST

START_TEST(html_pre_keeps_its_lines)
{
	struct rows r;

	rows_of(&r, "<p>資料</p>\n<pre>\n  件名：窓口業務の委託\n\n"
	    "  委託先 ： 株式会社Ａ\n</pre>\n<p>以上</p>", FORMAT_HTML);
	ck_assert_int_eq((int)r.rows.n, 5);
	ck_assert_str_eq(r.rows.lines[1].text, "件名\t窓口業務の委託");
	ck_assert_int_eq(r.rows.lines[1].lineno, 3);
	ck_assert_str_eq(r.rows.lines[2].text, "");
	ck_assert_str_eq(r.rows.lines[3].text, "委託先\t株式会社Ａ");
	ck_assert_int_eq(r.rows.lines[3].lineno, 5);
	rows_free(&r);
}
END_TEST

START_TEST(html_grid_in_a_cell_mid_row_is_the_cells_lines)
{
	struct rows r;

	rows_of(&r, "<table><tr><th>区分</th><th>項目</th><th>期間</th></tr>"
	    "<tr><td>業務委託</td><td><table><tr><td>氏名</td><td>住所</td></tr>"
	    "<tr><td>電話番号</td><td>納付額</td></tr></table></td>"
	    "<td>令和8年4月1日から</td></tr></table>", FORMAT_HTML);
	ck_assert_int_eq((int)r.rows.n, 2);
	ck_assert_str_eq(r.rows.lines[1].text,
	    "業務委託\t氏名\n住所\n電話番号\n納付額\t令和8年4月1日から");
	rows_free(&r);
}
END_TEST

START_TEST(markdown_footnotes_and_struck_text)
{
	struct rows r;

	rows_of(&r, "**担当**　保育課[^t]\n\n- 氏名\n- ~~電話番号~~\n- 住所\n\n"
	    "[^t]: 保育課入園係（電話 0000）。\n", FORMAT_MARKDOWN);
	ck_assert_str_eq(r.rows.lines[0].text, "担当\t保育課");
	ck_assert_str_eq(r.rows.lines[1].text, "氏名、住所");
	ck_assert_int_eq((int)r.rows.n, 3);
	ck_assert_str_eq(r.rows.lines[2].text, "※保育課入園係（電話 0000）。");
	rows_free(&r);
}
END_TEST

START_TEST(a_spaced_slash_parts_a_pair_from_its_line)
{
	struct rows r;

	rows_of(&r, "諮問第９号　／　諮問日：令和７年８月２５日\n"
	    "項目：氏名／住所\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "諮問第９号");
	ck_assert_str_eq(r.rows.lines[1].text, "諮問日\t令和７年８月２５日");
	ck_assert_str_eq(r.rows.lines[2].text, "項目\t氏名／住所");
	rows_free(&r);
}
END_TEST

START_TEST(an_exports_coded_pairs_with_equals)
{
	struct rows r;

	rows_of(&r, "[表紙-5] 公表日 ＝ 令和７年６月３０日\n"
	    "[Ⅱ-4-委託事項1] 委託事項名 ＝ 運用保守業務\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "公表日\t令和７年６月３０日");
	ck_assert_str_eq(r.rows.lines[1].text, "委託事項1");	/* its part */
	ck_assert_str_eq(r.rows.lines[2].text, "委託事項名\t運用保守業務");
	rows_free(&r);
}
END_TEST

START_TEST(a_sheet_of_one_pair_a_row)
{
	struct rows r;

	rows_of(&r, "区分\t項目\t細目\t内容\n基本事項\t件名\t　\t保育事務の委託について\n"
	    "手続１\t手続の種類\t　\t業務委託\n手続１\t委託先\t名称\t株式会社Ａ\n"
	    "手続１\t委託先\t所在地\t小田原市\n手続１\t取り扱う個人情報\t　\t氏名\n"
	    "手続１\t取り扱う個人情報\t　\t住所\n手続１\t委託期間\t開始\t令和８年４月１日\n"
	    "手続１\t委託期間\t終了\t令和９年３月３１日\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "基本事項");
	ck_assert_str_eq(r.rows.lines[1].text, "件名\t保育事務の委託について");
	ck_assert_str_eq(r.rows.lines[2].text, "手続１");
	ck_assert_str_eq(r.rows.lines[4].text, "委託先\t株式会社Ａ");
	ck_assert_str_eq(r.rows.lines[5].text, "委託先所在地\t小田原市");
	ck_assert_str_eq(r.rows.lines[6].text, "取り扱う個人情報\t氏名、住所");
	ck_assert_str_eq(r.rows.lines[7].text,
	    "委託期間\t令和８年４月１日～令和９年３月３１日");
	rows_free(&r);
}
END_TEST

START_TEST(sheet_label_spanning_the_group_column)
{
	struct rows r;

	/* a word processor's 項目 | 内容 form: 項目 spans the group column
	   and the label column (colspan), and so do the case's labels */
	rows_of(&r, "項目\t \t内容\n件名\t \t申告書受付業務の委託について\n"
	    "担当部課\t \t税務課\n１ 業務委託\t件名\t申告書受付業務\n"
	    "１ 業務委託\t委託先\t株式会社Ａ\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "件名\t申告書受付業務の委託について");
	ck_assert_str_eq(r.rows.lines[1].text, "担当部課\t税務課");
	ck_assert_str_eq(r.rows.lines[2].text, "１ 業務委託");
	ck_assert_str_eq(r.rows.lines[3].text, "件名\t申告書受付業務");
	ck_assert_str_eq(r.rows.lines[4].text, "委託先\t株式会社Ａ");
	rows_free(&r);
}
END_TEST

START_TEST(csv_export_read_as_rows)
{
	struct rows r;

	/* Excel's CSV: padded records, a quoted cell over two lines,
	   doubled quotes, commas inside quotes */
	rows_of(&r, "評価書,,,,\r\n件名,,申告書受付業務,,\r\n"
	    "担当,,\"税務課\n（課税係）\",,\r\n"
	    "対象,,\"約6,000人（\"\"参考\"\"）\",,\r\n", FORMAT_TEXT);
	ck_assert_int_eq((int)r.doc.n, 4);
	ck_assert_str_eq(r.doc.lines[0].text, "評価書\t\t\t\t");
	ck_assert_str_eq(r.doc.lines[1].text, "件名\t\t申告書受付業務\t\t");
	ck_assert_str_eq(r.doc.lines[2].text, "担当\t\t税務課\n（課税係）\t\t");
	ck_assert_str_eq(r.doc.lines[3].text,
	    "対象\t\t約6,000人（\"参考\"）\t\t");
	ck_assert_int_eq(r.doc.lines[3].lineno, 5);	/* after the cell's
							   two lines */
	rows_free(&r);
}
END_TEST

START_TEST(prose_with_commas_is_no_csv)
{
	struct rows r;

	rows_of(&r, "Section 1, Article 2, applies.\n"
	    "The data, as listed, is kept.\nNo comma here\n", FORMAT_TEXT);
	ck_assert_int_eq((int)r.doc.n, 3);
	ck_assert_str_eq(r.doc.lines[0].text, "Section 1, Article 2, applies.");
	rows_free(&r);
}
END_TEST

START_TEST(open_data_of_one_fact_a_row)
{
	struct rows r;

	/* columns that group (a case's number, a procedure's), a label
	   column, a value column, remarks after it; empty cells in a row
	   of a sheet are cells, not TABs that align */
	rows_of(&r, "案件番号\t手続番号\t項目名\t値\t備考\t更新日\n"
	    "諮問第7号\t\t件名\t調査の委託について\t抽出\t2025-09-30\n"
	    "諮問第7号\t1\t手続種別\t業務委託\t\t2025-09-30\n"
	    "諮問第7号\t1\t取扱項目\t氏名\t\t2025-09-30\n"
	    "諮問第7号\t1\t取扱項目\t住所\t\t2025-09-30\n"
	    "報告第3号\t1\t手続種別\t外部提供\t\t2025-09-30\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "諮問第7号");
	ck_assert_str_eq(r.rows.lines[1].text, "件名\t調査の委託について");
	ck_assert_str_eq(r.rows.lines[2].text, "手続1");
	ck_assert_str_eq(r.rows.lines[3].text, "手続種別\t業務委託");
	ck_assert_str_eq(r.rows.lines[4].text, "取扱項目\t氏名、住所");
	ck_assert_str_eq(r.rows.lines[5].text, "報告第3号");
	ck_assert_str_eq(r.rows.lines[6].text, "手続1");	/* again */
	rows_free(&r);
}
END_TEST

START_TEST(change_form_read_after_the_change)
{
	struct rows r;

	rows_of(&r, "区分\t項目\t変更前\t変更後\t備考\n"
	    "委託\t委託先\t株式会社旧\t株式会社新\t入札\n"
	    "再委託\t再委託先\t－\t株式会社再\t\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "委託");
	ck_assert_str_eq(r.rows.lines[1].text, "委託先\t株式会社新");
	ck_assert_str_eq(r.rows.lines[2].text, "再委託");
	ck_assert_str_eq(r.rows.lines[3].text, "再委託先\t株式会社再");
	rows_free(&r);
}
END_TEST

START_TEST(kanji_and_kana_numbering_marks)
{
	ck_assert_uint_eq(numbering_len("一、件名：テスト"), strlen("一、"));
	ck_assert_uint_eq(numbering_len("（２）　委託先"), strlen("（２）　"));
	ck_assert_uint_eq(numbering_len("ア　委託先"), strlen("ア　"));
	ck_assert_uint_eq(numbering_len("アクセス記録"), 0);	/* a word */
	ck_assert_uint_eq(numbering_len("第３条の規定"), 0);
	ck_assert_uint_eq(numbering_len("一般"), 0);
}
END_TEST

START_TEST(mark_written_onto_a_label_cell_is_dropped)
{
	struct rows r;

	rows_of(&r, "①委託先\t株式会社Ａ\n②委託期間\t令和８年４月１日から\n"
	    "1\t株式会社Ｂ\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "委託先\t株式会社Ａ");
	ck_assert_str_eq(r.rows.lines[1].text, "委託期間\t令和８年４月１日から");
	ck_assert_str_eq(r.rows.lines[2].text, "1\t株式会社Ｂ");	/* a No */
	rows_free(&r);
}
END_TEST

START_TEST(items_run_together_are_lines)
{
	struct rows r;

	/* a Markdown source's lines joined by its paragraph, as typeset */
	rows_of(&r, "ア　結合の相手方\t株式会社Ａ イ　結合する個人情報\t氏名、住所 "
	    "ウ　結合の方法\t専用回線\nイ　ア　の次\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "結合の相手方\t株式会社Ａ");
	ck_assert_str_eq(r.rows.lines[1].text, "結合する個人情報\t氏名、住所");
	/* (no label known: the mark stays) */
	ck_assert_str_eq(r.rows.lines[2].text, "ウ　結合の方法\t専用回線");
	ck_assert_int_eq((int)r.rows.n, 4);	/* no run from イ */
	rows_free(&r);
	rows_of(&r, "委託の概要 （１）委託業務名　端末保守業務 （２）委託先\t株式会社Ｂ\n"
	    "No.\t項目\t(1)外部結合\t(2)業務委託\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "委託の概要");
	ck_assert_str_eq(r.rows.lines[1].text, "委託業務名\t端末保守業務");
	ck_assert_str_eq(r.rows.lines[2].text, "委託先\t株式会社Ｂ");
	ck_assert_str_eq(r.rows.lines[3].text,	/* cells, no run */
	    "No.\t項目\t(1)外部結合\t(2)業務委託");
	rows_free(&r);
}
END_TEST

START_TEST(a_transcripts_time_and_speaker_are_a_row)
{
	struct rows r;

	rows_of(&r, "00:01:02　テスト課\n内容は２点ございます。\n"
	    "10:30　会長\n12:00から13:00まで休憩した。\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "00:01:02\tテスト課");
	ck_assert_str_eq(r.rows.lines[2].text, "10:30\t会長");
	ck_assert_ptr_null(strchr(r.rows.lines[3].text, '\t'));	/* prose */
	rows_free(&r);
}
END_TEST

START_TEST(restructured_text_in_plain_text)
{
	struct rows r;

	rows_of(&r, ".. コメント\n\n報告第４号　記録項目の追加について\n"
	    "================================\n\n:担当課: 学校教育課\n\n"
	    ".. list-table:: 手続１\n   :header-rows: 1\n\n   * - 項目\n     - 内容\n"
	    "   * - 追加する記録項目\n     - * 食物アレルギーの有無\n"
	    "       * 原因食物\n\n以上\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[2].text, "報告第４号　記録項目の追加について");
	ck_assert_int_eq(r.rows.lines[2].heading, 2);
	ck_assert_str_eq(r.rows.lines[5].text, "担当課\t学校教育課");
	ck_assert_str_eq(r.rows.lines[7].text, "手続１");
	ck_assert_str_eq(r.rows.lines[8].text, "項目\t内容");
	ck_assert_str_eq(r.rows.lines[9].text,
	    "追加する記録項目\t食物アレルギーの有無、原因食物");
	rows_free(&r);
}
END_TEST

START_TEST(an_ini_export)
{
	struct rows r;

	rows_of(&r, "[事務]\n件名=資格確認書の発送業務の委託\n[委託１]\n"
	    "委託先=株式会社Ａ\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[1].text, "件名\t資格確認書の発送業務の委託");
	ck_assert_str_eq(r.rows.lines[3].text, "委託先\t株式会社Ａ");
	rows_free(&r);
}
END_TEST

START_TEST(a_grid_walled_on_the_left_only)
{
	struct rows r;

	rows_of(&r, "｜評価書番号｜評価書名\n｜　　９　　｜児童手当に関する事務\n\n"
	    "｜評価実施機関名｜帯広市長\n｜公表日　　　　｜令和５年１２月１５日\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "評価書番号\t評価書名");
	ck_assert_str_eq(r.rows.lines[1].text, "９\t児童手当に関する事務");
	ck_assert_str_eq(r.rows.lines[3].text, "評価実施機関名\t帯広市長");
	rows_free(&r);
}
END_TEST

START_TEST(html_headings_keep_their_level)
{
	struct rows r;

	rows_of(&r, "<h2>審議事項</h2><h3>諮問第21号</h3><p>本文</p>",
	    FORMAT_HTML);
	ck_assert_int_eq(r.rows.lines[0].heading, 2);
	ck_assert_int_eq(r.rows.lines[1].heading, 3);
	ck_assert_int_eq(r.rows.lines[2].heading, 0);
	rows_free(&r);
}
END_TEST

START_TEST(numbering_marks)
{
	ck_assert_uint_eq(numbering_len("１．件名"), strlen("１．"));
	ck_assert_uint_eq(numbering_len("（２）委託先"), strlen("（２）"));
	ck_assert_uint_eq(numbering_len("ア　件名"), strlen("ア　"));
	ck_assert_uint_eq(numbering_len("Ⅱ　概要"), strlen("Ⅱ　"));
	ck_assert_uint_eq(numbering_len("2019年"), 0);
	ck_assert_uint_eq(numbering_len("アクセス"), 0);
}
END_TEST

/* A sheet saved as tab-delimited text: padded rows, a quoted cell over
 * two lines, a two-row header. */
static const char excel_sheet[] =
    "報告一覧\t\t\t\t\t\t\n"
    "\t\t\t\t\t報告日\t令和8年1月5日\n"
    "番号\t件名\t委託先\t\t項目\t委託期間\t\n"
    "\t\t名称\t所在地\t\t開始\t終了\n"
    "報告第1号\t窓口業務\t株式会社あ\t東区1番\t\"氏名、\n"
    "住所\"\t令和8年4月1日\t令和9年3月31日\n"
    "報告第2号\t印刷業務\t株式会社い\t西区2番\t氏名\t令和8年5月1日\t\n";

START_TEST(sheet_pair_anywhere_on_its_row)
{
	struct rows r;

	rows_of(&r, excel_sheet, FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "報告日", NULL), "令和8年1月5日");
	ck_assert_str_eq(r.rows.lines[0].text, "報告一覧");
	rows_free(&r);
}
END_TEST

START_TEST(sheet_header_of_two_rows_is_one)
{
	struct rows r;

	rows_of(&r, excel_sheet, FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "番号", NULL),
	    "件名\t委託先\t委託先所在地\t項目\t委託期間");
	rows_free(&r);
}
END_TEST

START_TEST(sheet_quoted_cell_keeps_its_lines)
{
	struct rows r;
	int line;

	rows_of(&r, excel_sheet, FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "報告第1号", &line),
	    "窓口業務\t株式会社あ\t東区1番\t氏名、\n住所\t"
	    "令和8年4月1日～令和9年3月31日");
	ck_assert_int_eq(line, 5);
	ck_assert_str_eq(row(&r, "報告第2号", NULL),
	    "印刷業務\t株式会社い\t西区2番\t氏名\t令和8年5月1日");
	rows_free(&r);
}
END_TEST

START_TEST(text_aligned_with_tabs_is_no_sheet)
{
	struct rows r;

	rows_of(&r, "\t根拠\t条例第10条\n\t\t第2項\n\t担当\t保育課\n",
	    FORMAT_TEXT);
	ck_assert_ptr_null(row(&r, "第2項", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(mail_header_is_not_the_letter)
{
	struct rows r;

	rows_of(&r, "差出人: 市民課 <a@example.jp>\n送信日時: 2025年10月15日\n"
	    "件名: 報告依頼\n\n件名：窓口予約の外部結合について\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL), "窓口予約の外部結合について");
	ck_assert_ptr_null(row(&r, "差出人", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(dots_lead_from_label_to_value)
{
	struct rows r;

	rows_of(&r, "事務の名称……………………療養費支給事務\n"
	    "事務の目的……………………療養費を\n"
	    "　　　　　　　　　　　　　支給するため\n"
	    "委託先・・・・・・・株式会社あ\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "事務の名称", NULL), "療養費支給事務");
	ck_assert_str_eq(row(&r, "事務の目的", NULL), "療養費を\n支給するため");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社あ");
	rows_free(&r);
}
END_TEST

START_TEST(html_header_of_two_rows_is_one)
{
	struct rows r;

	rows_of(&r, "<table><thead><tr><th rowspan=\"2\">No.</th>"
	    "<th colspan=\"2\">選定の結果</th><th colspan=\"2\">委託期間</th>"
	    "</tr><tr><th>受託者</th><th>次点者</th><th>開始</th><th>終了</th>"
	    "</tr></thead><tbody><tr><td>1</td><td>株式会社あ</td>"
	    "<td>株式会社い</td><td>令和7年7月1日</td><td>令和8年3月31日</td>"
	    "</tr></tbody></table>", FORMAT_HTML);
	ck_assert_str_eq(row(&r, "No.", NULL),
	    "受託者\t次点者\t委託期間");
	ck_assert_str_eq(row(&r, "1", NULL),
	    "株式会社あ\t株式会社い\t令和7年7月1日～令和8年3月31日");
	rows_free(&r);
}
END_TEST

START_TEST(narrow_table_row_keeps_its_empty_cell)
{
	struct rows r;

	rows_of(&r, "項目名\t取得元\t備考\n児童氏名\t設置者\t突合に使用\n"
	    "生年月日\t設置者\t\n保護者氏名\t設置者\t\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "生年月日", NULL), "設置者\t");
	rows_free(&r);
}
END_TEST

START_TEST(number_label_pair_set_with_single_spaces)
{
	struct rows r;

	rows_of(&r, "評価書番号 評価書名\n３ 後期高齢者医療制度関係事務 評価書\n"
	    "③委託先名 株式会社いなば情報\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "評価書番号", NULL), "３");
	ck_assert_str_eq(row(&r, "評価書名", NULL),
	    "後期高齢者医療制度関係事務 評価書");
	ck_assert_str_eq(row(&r, "委託先名", NULL), "株式会社いなば情報");
	rows_free(&r);
}
END_TEST

START_TEST(table_of_full_width_bars_ruled_per_row)
{
	struct rows r;

	rows_of(&r, "｜――――｜――――――｜――――｜\n"
	    "｜提供先　｜提供する個人情報｜方法　　｜\n"
	    "｜――――｜――――――｜――――｜\n"
	    "｜民生委員協議会｜氏名、住所、　｜紙媒体を｜\n"
	    "｜（各地区）　｜電話番号　　　｜手渡し　｜\n"
	    "｜――――｜――――――｜――――｜\n"
	    "｜消防団　｜氏名　　　　　｜電子媒体｜\n"
	    "｜――――｜――――――｜――――｜\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "民生委員協議会（各地区）", NULL),
	    "氏名、住所、電話番号\t紙媒体を手渡し");
	ck_assert_str_eq(row(&r, "消防団", NULL), "氏名\t電子媒体");
	rows_free(&r);
}
END_TEST

START_TEST(cell_of_rows_of_its_own)
{
	struct rows r;

	rows_of(&r, "<table><tr><th>委託事項</th><td>委託事項1：保守業務<br>"
	    "委託先：株式会社かしわ<br>再委託の有無：しない<br>"
	    "委託事項2：入力業務<br>委託先：東葛データ株式会社</td></tr>"
	    "</table>", FORMAT_HTML);
	ck_assert_str_eq(r.rows.lines[0].text, "委託事項");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社かしわ");
	ck_assert_str_eq(row(&r, "再委託の有無", NULL), "しない");
	rows_free(&r);
}
END_TEST

START_TEST(bullets_of_pairs_in_a_cell_are_rows)
{
	struct rows r;

	rows_of(&r, "委託事項\t• 委託事項1：保守業務 • 委託先：株式会社かしわ "
	    "• 委託期間：令和7年4月1日から • 再委託の有無：しない\n"
	    "取り扱う個人情報\t• 氏名 • 住所\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社かしわ");
	ck_assert_str_eq(row(&r, "取り扱う個人情報", NULL), "• 氏名 • 住所");
	rows_free(&r);
}
END_TEST

START_TEST(decimal_outline_numbers_are_not_labels)
{
	struct rows r;

	rows_of(&r, "1. 基本事項\n"
	    "  1.1 担当部課 .......... 防災危機管理課\n"
	    "  3.2.2 委託先 .......... 株式会社いたばしプリント\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "担当部課", NULL), "防災危機管理課");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社いたばしプリント");
	rows_free(&r);
}
END_TEST

START_TEST(styled_cells_side_by_side_are_a_row)
{
	struct rows r;

	rows_of(&r, "<ul><li><span class=\"k\">担当課</span>"
	    "<span class=\"v\">税務部収納課</span></li>\n"
	    "<li><span>取り扱う個人情報</span><span><ol><li>氏名</li>"
	    "<li>住所</li></ol></span></li></ul>\n"
	    "<div class=\"row\"><div class=\"th\">委託先</div>"
	    "<div class=\"td\">株式会社こうふ</div></div>\n"
	    "<p><a href=\"/\">トップ</a> &gt; <a href=\"/a\">審議会</a></p>",
	    FORMAT_HTML);
	ck_assert_str_eq(row(&r, "担当課", NULL), "税務部収納課");
	ck_assert_str_eq(row(&r, "取り扱う個人情報", NULL), "氏名\n住所");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社こうふ");
	ck_assert_ptr_null(row(&r, "トップ", NULL));	/* text between */
	rows_free(&r);
}
END_TEST

START_TEST(record_of_pairs_on_one_line)
{
	struct rows r;

	rows_of(&r, "【委託事項1】委託事項名：運用保守業務／③委託先名：株式会社えひめ"
	    "／⑤再委託事項：媒体の管理（再委託先：株式会社伊予）\n"
	    "令和７年１２月　名簿作成／令和８年２月　配付\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "【委託事項1】");
	ck_assert_str_eq(row(&r, "委託先名", NULL), "株式会社えひめ");
	ck_assert_str_eq(row(&r, "再委託事項", NULL),
	    "媒体の管理（再委託先：株式会社伊予）");
	ck_assert_str_eq(r.rows.lines[r.rows.n - 1].text,
	    "令和７年１２月　名簿作成／令和８年２月　配付");
	rows_free(&r);
}
END_TEST

START_TEST(english_glosses_of_a_bilingual_form_go)
{
	struct rows r;

	rows_of(&r, "提出日 Date of submission ........ 令和７年９月２４日\n"
	    "[1] 件名 Title\n"
	    "    多言語相談窓口の運営について\n"
	    "    (Outsourcing of the multilingual desk)\n"
	    "委託先 Contractor\n"
	    "    一般社団法人やいま（Yaima Center Inc.）\n"
	    "取り扱う個人情報 Personal data\n"
	    "    ■氏名 Name　□国籍 Nationality\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "提出日", NULL), "令和７年９月２４日");
	ck_assert_str_eq(row(&r, "委託先", NULL), "一般社団法人やいま");
	ck_assert_str_eq(row(&r, "取り扱う個人情報", NULL), "■氏名　□国籍");
	rows_free(&r);
}
END_TEST

START_TEST(english_of_a_japanese_form_stays)
{
	struct rows r;

	rows_of(&r, "接続先　LGWAN-ASP Cloud Service\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "接続先", NULL), "LGWAN-ASP Cloud Service");
	rows_free(&r);
}
END_TEST

START_TEST(table_set_with_spaces_alone)
{
	struct rows r;

	rows_of(&r, "諮問番号  件名                    担当課\n"
	    "\n"
	    "第３１号  認定調査票の電子化に伴  介護保険課認定審\n"
	    "          う業務委託について      査係\n"
	    "\n"
	    "第３２号  認定情報の外部提供に    介護保険課給付係\n"
	    "          ついて\n"
	    "\n"
	    "※　対象者数は令和７年９月末現在の認定者数から推計した値であり、変動がある。\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[0].text, "諮問番号\t件名\t担当課");
	ck_assert_str_eq(row(&r, "第３１号", NULL),
	    "認定調査票の電子化に伴う業務委託について\t介護保険課認定審査係");
	ck_assert_str_eq(row(&r, "第３２号", NULL),
	    "認定情報の外部提供について\t介護保険課給付係");
	ck_assert_ptr_nonnull(strstr(r.rows.lines[r.rows.n - 1].text, "※"));
	rows_free(&r);
}
END_TEST

START_TEST(pairs_side_by_side_on_a_line)
{
	struct rows r;

	rows_of(&r, "所管：衛生部データヘルス推進課 報告日：令和７年６月２０日\n"
	    "目的：市民の健康 増進のため\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "所管", NULL), "衛生部データヘルス推進課");
	ck_assert_str_eq(row(&r, "報告日", NULL), "令和７年６月２０日");
	rows_free(&r);
}
END_TEST

START_TEST(a_required_mark_is_no_value)
{
	struct rows r;

	rows_of(&r, "[Q3] 手続の件名 ＊必須\n　　戸籍情報の収集\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "手続の件名", NULL), "戸籍情報の収集");
	rows_free(&r);
}
END_TEST

START_TEST(each_colon_pair_is_its_own_row)
{
	struct rows r;

	rows_of(&r, "受付番号　　：KKG-2025-0412\n受付日時　　：2025/10/14 09:31:12\n"
	    "申請者　　　：市民部市民課\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "受付日時", NULL), "2025/10/14 09:31:12");
	ck_assert_str_eq(row(&r, "申請者", NULL), "市民部市民課");
	rows_free(&r);
}
END_TEST

START_TEST(numbered_spaced_labels_are_rows_of_their_own)
{
	struct rows r;

	rows_of(&r, "１　日　時　　令和７年１２月１６日午後２時から\n"
	    "２　場　所　　役場本庁舎　第２会議室\n"
	    "４　議　題　　（１）諮問第２号　学習記録の外部提供について\n"
	    "　　　　　　　（２）諮問第３号　課税資料の電子化業務の委託について\n",
	    FORMAT_TEXT);
	ck_assert_ptr_nonnull(row(&r, "２場所", NULL));
	ck_assert_ptr_null(row(&r, "４議題", NULL));	/* a head over matters */
	ck_assert_str_eq(r.rows.lines[r.rows.n - 2].text,
	    "（１）諮問第２号　学習記録の外部提供について");
	rows_free(&r);
}
END_TEST

START_TEST(values_run_on_past_the_measure)
{
	struct rows r;

	rows_of(&r, "四　委託の内容\n"
	    "　　ア　委託業務名　放課後児童クラブ利用申請受付\n"
	    "　　等業務\n"
	    "　　イ　取り扱わせる個人情報　児童の氏名、生年月\n"
	    "　　日、学校名、学年、保護者の氏名、住所、電話番\n"
	    "　　号、就労状況\n"
	    "　　ウ　委託先　株式会社いずもキッズサポート\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託業務名", NULL),
	    "放課後児童クラブ利用申請受付等業務");
	ck_assert_str_eq(row(&r, "取り扱わせる個人情報", NULL),
	    "児童の氏名、生年月日、学校名、学年、保護者の氏名、住所、電話番号、就労状況");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社いずもキッズサポート");
	rows_free(&r);
}
END_TEST

START_TEST(a_page_in_two_columns_is_read_column_by_column)
{
	struct rows r;
	size_t i;

	rows_of(&r, "■第３回審議会を開催しました            ■諮問第１９号\n"
	    "　令和７年１１月２７日（木）、本庁         「こども医療費助成事務における三重\n"
	    "舎８階大会議室で第３回審議会を開催         県国民健康保険団体連合会とのオンラ\n"
	    "し、次の２件の諮問について審議しま         イン結合について」\n"
	    "した。                       　諮問日　令和７年１１月１０日\n"
	    "                          　担当課　健康福祉部こども家庭課\n"
	    "■諮問第１８号                   　根拠　　同条例第６条第３号\n"
	    "「住民税申告書等のデータ入力業務の         【概要】\n"
	    "委託について」                   　医療機関が国保連合会に提出する医\n"
	    "　諮問日　令和７年１１月１０日           療費の請求データを専用回線で受け取\n"
	    "　担当課　財政部市民税課              り、こども医療費の助成額を自動で算\n",
	    FORMAT_TEXT);
	for (i = 0; i < r.rows.n; i++)
		if (strcmp(r.rows.lines[i].text, "■諮問第１９号") == 0)
			break;
	ck_assert_uint_lt(i, r.rows.n);	/* the right column, after the left */
	ck_assert_str_eq(r.rows.lines[i - 1].text, "担当課\t財政部市民税課");
	ck_assert_str_eq(r.rows.lines[i + 1].text,
	    "「こども医療費助成事務における三重");
	rows_free(&r);
}
END_TEST

START_TEST(a_table_set_with_spaces_is_no_page_of_columns)
{
	struct rows r;

	rows_of(&r, "諮問番号  件名                                      担当課\n\n"
	    "第３１号  要介護認定事務における認定調査票の電子化  介護保険課認定審\n"
	    "          に伴う業務委託等について                  査係\n\n"
	    "第３２号  介護給付適正化事業に係る要介護認定情報の  介護保険課給付係\n"
	    "          外部提供について\n\n"
	    "第３３号  介護保険料の口座振替勧奨通知の作成業務の  介護保険課資格係\n"
	    "          委託について\n\n"
	    "第３４号  住宅改修費の支給に係る本人以外からの収集  介護保険課給付係\n"
	    "          について\n", FORMAT_TEXT);
	for (size_t i = 0; i < r.rows.n; i++)
		if (strncmp(r.rows.lines[i].text, "第３２号", strlen("第３２号")) == 0)
			ck_assert_ptr_nonnull(strstr(r.rows.lines[i].text,
			    "介護保険課給付係"));	/* its row kept whole */
	rows_free(&r);
}
END_TEST

START_TEST(a_form_of_labels_beside_wrapped_values_is_no_page_of_columns)
{
	struct rows r;

	rows_of(&r, "    (1) 契約上の措置          委託契約書に「個人情報取扱特記事項」を添付し、秘密の保\n"
	    "                              持、目的外利用及び第三者への提供の禁止、複写・複製の禁\n"
	    "                              止、作業場所以外への持ち出しの禁止を義務付ける。\n\n"
	    "    (2) 技術的な措置          受託者の端末と本市の収納管理システムとの間は閉域網で接\n"
	    "                              続し、端末には二要素認証を設定する。架電リストは画面上\n"
	    "                              でのみ閲覧させ、印刷及び保存を禁止する。\n\n"
	    "    (3) 監督                  本市職員が作業場所に立ち入り、個人情報の管理状況を確\n"
	    "                              認する。\n", FORMAT_TEXT);
	ck_assert_ptr_nonnull(strstr(r.rows.lines[0].text, "契約上の措置"));
	ck_assert_ptr_nonnull(strstr(r.rows.lines[0].text, "委託契約書"));
	rows_free(&r);
}
END_TEST

START_TEST(a_matrix_of_marks_set_with_spaces)
{
	struct rows r;

	rows_of(&r, "別表　手続別の取扱項目\n\n"
	    "　　番号　項目　　　　　　　　手続Ａ　　手続Ｂ\n"
	    "　　　　　　　　　　　　　　　外部結合　業務委託\n\n"
	    "　　１　　氏名　　　　　　　　○　　　　○\n"
	    "　　２　　住所　　　　　　　　○　　　　－\n"
	    "　　３　　電話番号　　　　　　－　　　　○\n", FORMAT_TEXT);
	ck_assert_str_eq(r.rows.lines[2].text,
	    "項目\t手続Ａ 外部結合\t手続Ｂ 業務委託");
	ck_assert_str_eq(r.rows.lines[3].text, "氏名\t○\t○");
	ck_assert_str_eq(r.rows.lines[5].text, "電話番号\t－\t○");
	rows_free(&r);
}
END_TEST

START_TEST(a_sheet_given_column_by_column_is_paired_again)
{
	struct rows r;

	rows_of(&r, "件名\n保有課\n委託先\n委託の内容\n"
	    "委託に伴い事業者に処理させる情報項目（だれの、どの\nような項目か）\n"
	    "委託の開始時期及び期限\n再委託の有無\n"
	    "学習用端末運用保守業務の委託について\n教育委員会事務局指導室\n"
	    "株式会社なかのスクールＩＣＴサービス\n（プライバシーマーク取得事業者）\n"
	    "学習用端末の設定変更、故障対応、ヘルプデスク\nの運営\n"
	    "対象者：児童・生徒及び教職員\n項目：氏名、学校名、学年、端末\nの管理番号\n"
	    "令和８年４月１日から令和１１年３月３１日まで\n有（別紙２のとおり）\n"
	    "- 2 -\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL),
	    "株式会社なかのスクールＩＣＴサービス（プライバシーマーク取得事業者）");
	ck_assert_str_eq(row(&r, "委託の内容", NULL),
	    "学習用端末の設定変更、故障対応、ヘルプデスクの運営");
	ck_assert_str_eq(row(&r, "委託の開始時期及び期限", NULL),
	    "令和８年４月１日から令和１１年３月３１日まで");
	ck_assert_str_eq(row(&r, "再委託の有無", NULL), "有（別紙２のとおり）");
	rows_free(&r);
}
END_TEST

START_TEST(labels_each_over_its_value_are_no_column_of_cells)
{
	struct rows r;

	rows_of(&r, "利用する個人情報\n別表第一のとおり\n利用の開始時期\n"
	    "令和八年四月一日から\n利用の理由\n勧奨対象者を抽出するため。\n"
	    "処理させる個人情報\n別表第二のとおり\n期間\n"
	    "令和八年四月一日から令和九年三月三十一日まで\n", FORMAT_TEXT);
	ck_assert_ptr_null(row(&r, "別表第一のとおり", NULL));
	ck_assert_ptr_null(row(&r, "別表第二のとおり", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(kanji_numbers_in_brackets_number_a_label)
{
	struct rows r;

	rows_of(&r, "六　外部結合\n　（一）件名：審査会システムとの外部結合\n"
	    "　（二）結合の相手方：株式会社甲クラウド\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL), "審査会システムとの外部結合");
	ck_assert_str_eq(row(&r, "結合の相手方", NULL), "株式会社甲クラウド");
	rows_free(&r);
}
END_TEST

START_TEST(a_comparison_of_old_and_new_gives_the_new)
{
	struct rows r;

	rows_of(&r, "　項目                変更前                          変更後\n"
	    "　────────────────────────────────────\n"
	    "　委託先              社会福祉法人甲福祉会            特定非営利活動法人乙キッズ\n"
	    "　                                                    サポート\n\n"
	    "　委託期間            令和５年４月１日から令和８年３  令和８年４月１日から令和１１年３\n"
	    "　                    月３１日まで                    月３１日まで\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL), "特定非営利活動法人乙キッズサポート");
	ck_assert_str_eq(row(&r, "委託期間", NULL),
	    "令和８年４月１日から令和１１年３月３１日まで");
	ck_assert_ptr_null(row(&r, "項目", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(dashes_set_as_bullets_are_no_part_of_a_value)
{
	struct rows r;

	rows_of(&r, "■スライド４　手続１\n・件名\n　‐ 窓口システムへの記録\n"
	    "・委託先\n　- 株式会社甲サポート\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "件名", NULL), "窓口システムへの記録");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社甲サポート");
	rows_free(&r);
}
END_TEST

START_TEST(label_value_box_ruled_per_row)
{
	struct rows r;

	rows_of(&r, "┌────────┬──────────────┐\n"
	    "│委託する個人情報│依頼会員氏名、子の氏名、子│\n"
	    "│の項目          │                            │\n"
	    "│                │の生年月日、緊急連絡先      │\n"
	    "├────────┼──────────────┤\n"
	    "│再委託の有無    │有                          │\n"
	    "│再委託先の名称  │株式会社アルプスプリント    │\n"
	    "└────────┴──────────────┘\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託する個人情報の項目", NULL),
	    "依頼会員氏名、子の氏名、子の生年月日、緊急連絡先");
	ck_assert_str_eq(row(&r, "再委託先の名称", NULL),
	    "株式会社アルプスプリント");
	rows_free(&r);
}
END_TEST

START_TEST(label_torn_in_a_pdf_row_is_joined)
{
	struct rows r;

	/* a two-column table as a PDF's text layer gives it: the label
	   cell wraps, its pieces each before a piece of the value */
	rows_of(&r, "（３） 委託先 株式会社山川システム\n"
	    "（４） 取り扱わせる個人 世帯主の氏名、住所、\n"
	    "情報 電話番号、被害の程度\n"
	    "（５） 結合される情 氏名、住所\n"
	    "報項目 口座情報\n"
	    "件　名　見守りの提供\n"
	    "提供先　株式会社川下\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "取り扱わせる個人情報", NULL),
	    "世帯主の氏名、住所、電話番号、被害の程度");
	ck_assert_str_eq(row(&r, "結合される情報項目", NULL),
	    "氏名、住所\n口座情報");
	/* 件 + 提供先 is no torn label: 提供先 is one of its own */
	ck_assert_ptr_null(row(&r, "件提供先", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(numbered_list_in_a_cell_saved_as_text_is_one_value)
{
	struct rows r;

	/* Word saves a cell's numbered list as "1.<TAB>item", the later
	   items on lines of their own */
	rows_of(&r, "委託先\t株式会社山川交通\n"
	    "取り扱わせる個人情報\t1.\t利用児童の氏名\n"
	    "2.\t利用児童の住所\n"
	    "3.\t保護者の氏名\n"
	    "委託期間\t令和７年１１月１日から令和８年３月３１日まで\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "取り扱わせる個人情報", NULL),
	    "利用児童の氏名\n利用児童の住所\n保護者の氏名");
	ck_assert_ptr_nonnull(row(&r, "委託期間", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(procedures_in_columns_set_with_spaces)
{
	struct rows r;

	/* a spreadsheet printed as text, a procedure a column */
	rows_of(&r, "項目              手続１                  手続２\n"
	    "----------------------------------------------------------\n"
	    "件名              通知作成業務の委託      封入業務の再委託\n"
	    "----------------------------------------------------------\n"
	    "委託先            株式会社山川データ      株式会社山川データ\n"
	    "----------------------------------------------------------\n"
	    "取り扱う個人情報  氏名、住所、            氏名、住所\n"
	    "                  電話番号\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "項目", NULL), "手続１\t手続２");
	ck_assert_str_eq(row(&r, "件名", NULL),
	    "通知作成業務の委託\t封入業務の再委託");
	ck_assert_str_eq(row(&r, "取り扱う個人情報", NULL),
	    "氏名、住所、電話番号\t氏名、住所");
	rows_free(&r);
}
END_TEST

START_TEST(label_colon_value_bullets_are_no_run_of_labels)
{
	struct rows r;

	/* Markdown bullets "label: value" and a label alone over its
	   nested list: each pairs on its own line */
	rows_of(&r, "委託業務名: 予約受付業務\n"
	    "委託先: 株式会社山川テレコム\n"
	    "取り扱う個人情報\n"
	    "受給者の氏名、電話番号\n"
	    "期間: 2025年11月1日 → 2026年8月31日\n"
	    "再委託: あり（手続2）\n"
	    "備考: 令和6年度までは職員が受け付けていた。\n"
	    "\n"
	    "再委託業務名: 予約確認メッセージの送信業務\n"
	    "元請: 株式会社山川テレコム\n"
	    "再委託先: 株式会社谷ネット\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社山川テレコム");
	ck_assert_str_eq(row(&r, "取り扱う個人情報", NULL),
	    "受給者の氏名、電話番号");
	ck_assert_str_eq(row(&r, "再委託先", NULL), "株式会社谷ネット");
	rows_free(&r);
}
END_TEST

START_TEST(a_table_of_changes_set_with_tabs_gives_the_values_after)
{
	struct rows r;

	rows_of(&r, "項目\t変更前\t変更後\n"
	    "委託業務名\t通知書作成業務\t変更なし\n"
	    "委託先\t株式会社山川印刷\t株式会社谷情報印刷\n"
	    "委託期間\t令和６年４月１日から\t令和８年４月１日から\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託業務名", NULL), "通知書作成業務");
	ck_assert_str_eq(row(&r, "委託先", NULL), "株式会社谷情報印刷");
	ck_assert_str_eq(row(&r, "委託期間", NULL), "令和８年４月１日から");
	rows_free(&r);
}
END_TEST

START_TEST(a_cell_wrapped_onto_the_line_below_is_joined)
{
	struct rows r;

	rows_of(&r, "提供先\t株式会社山川ラーニング\n"
	    "提供する個人情報\t学校名、学年、組、\n"
	    "児童生徒の氏名\n"
	    "提供の期間\t令和８年４月１日から\n"
	    "令和１１年３月３１日まで\n"
	    "※住所は提供しない。\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "提供する個人情報", NULL),
	    "学校名、学年、組、児童生徒の氏名");
	ck_assert_str_eq(row(&r, "提供の期間", NULL),
	    "令和８年４月１日から令和１１年３月３１日まで");
	rows_free(&r);
}
END_TEST

START_TEST(a_grid_cell_wrapped_at_its_wall_is_joined_without_a_break)
{
	struct rows r;

	rows_of(&r, "+----------+------------------------+\n"
	    "| 項目     | 内容                   |\n"
	    "+==========+========================+\n"
	    "| 取り扱う | 氏名、住所、給与所得等 |\n"
	    "| 個人情報 | の金額、所得控除の額、 |\n"
	    "| の項目   | 税額                   |\n"
	    "+----------+------------------------+\n"
	    "| 委託先   | 株式会社泉州           |\n"
	    "+----------+------------------------+\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "取り扱う個人情報の項目", NULL),
	    "氏名、住所、給与所得等の金額、所得控除の額、税額");
	rows_free(&r);
}
END_TEST

START_TEST(a_grid_cell_line_short_of_its_wall_ends_there)
{
	struct rows r;

	rows_of(&r, "+----------+------------------------+\n"
	    "| 項目     | 内容                   |\n"
	    "+==========+========================+\n"
	    "| 提供先   | 株式会社山川           |\n"
	    "|          | 株式会社谷川ラーニング |\n"
	    "+----------+------------------------+\n"
	    "| 委託先   | 株式会社泉州           |\n"
	    "+----------+------------------------+\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "提供先", NULL),
	    "株式会社山川\n株式会社谷川ラーニング");
	rows_free(&r);
}
END_TEST

START_TEST(a_forms_mark_after_a_label_leaves_the_value_below)
{
	struct rows r;

	rows_of(&r, "委託の有無　※\n［委託する］\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託の有無", NULL), "［委託する］");
	rows_free(&r);
}
END_TEST

START_TEST(a_lists_cells_given_one_a_line_are_rows_again)
{
	struct rows r;

	rows_of(&r, "別表 個人情報取扱業務委託一覧\n\n"
	    "番号\n業務名\n所管課\n委託先\n委託する個人情報の項目\n委託期間\n"
	    "再委託の有無\n（再委託先・内容）\n"
	    "1\nふるさと納税返礼品\n発送管理業務\n経済部ふるさと寄附\n推進課\n"
	    "株式会社ヤイヅ・ロ\nジスティクスサポー\nト\n"
	    "寄附者の氏名、住所、\n電話番号、寄附金額\n"
	    "令和７年４月１日〜\n令和８年３月３１日\n無\n"
	    "2\n水道メーター検針業務\n上下水道部水道総務課\n一般財団法人焼津水道\nサービス協会\n"
	    "水道使用者の氏名、住\n所、使用水量\n"
	    "令和７年４月１日〜\n令和１０年３月３１日\n無\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "番号", NULL), "業務名\t所管課\t委託先\t"
	    "委託する個人情報の項目\t委託期間\t再委託の有無（再委託先・内容）");
	ck_assert_str_eq(row(&r, "1", NULL), "ふるさと納税返礼品発送管理業務\t"
	    "経済部ふるさと寄附推進課\t株式会社ヤイヅ・ロジスティクスサポート\t"
	    "寄附者の氏名、住所、電話番号、寄附金額\t"
	    "令和７年４月１日〜令和８年３月３１日\t無");
	ck_assert_str_eq(row(&r, "2", NULL), "水道メーター検針業務\t"
	    "上下水道部水道総務課\t一般財団法人焼津水道サービス協会\t"
	    "水道使用者の氏名、住所、使用水量\t"
	    "令和７年４月１日〜令和１０年３月３１日\t無");
	rows_free(&r);
}
END_TEST

START_TEST(a_number_and_a_name_centred_under_their_labels_are_paired)
{
	struct rows r;

	rows_of(&r, "      評価書番号                            評価書名\n\n"
	    "          １２         児童扶養手当に関する事務　基礎項目評価書\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "評価書番号", NULL), "１２");
	ck_assert_str_eq(row(&r, "評価書名", NULL),
	    "児童扶養手当に関する事務　基礎項目評価書");
	rows_free(&r);
}
END_TEST

START_TEST(a_forms_numbered_labels_beside_values_are_no_two_columns)
{
	struct rows r;

	rows_of(&r, "  第１  業務委託\n\n"
	    "    (1) 委託の件名          保育所等利用調整システム運用保守業務\n"
	    "    (2) 委託先              株式会社ケヤキ・ソフトウェアサービス\n"
	    "                            （プライバシーマーク取得事業者）\n"
	    "    (3) 委託の内容          システムの稼働監視、障害対応、法令改正に伴う\n"
	    "                            プログラム修正及び問合せ対応\n"
	    "    (4) 委託に伴い取り扱    【児童】氏名、フリガナ、生年月日、性別、住所、\n"
	    "        わせる個人情報の    健康状態（アレルギーの有無）\n"
	    "        項目                【保護者】氏名、続柄、電話番号、勤務先\n"
	    "    (5) 結合される情報      申込番号、児童の氏名、利用調整の結果（内定・保留\n"
	    "        項目                の別）、通知日\n"
	    "    (6) 委託期間            令和７年１０月１日から令和１０年９月３０日まで\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "委託の件名", NULL),
	    "保育所等利用調整システム運用保守業務");
	ck_assert_ptr_nonnull(row(&r, "委託に伴い取り扱わせる個人情報の項目", NULL));
	ck_assert_str_eq(row(&r, "結合される情報項目", NULL),
	    "申込番号、児童の氏名、利用調整の結果（内定・保留の別）、通知日");
	rows_free(&r);
}
END_TEST

START_TEST(labels_centred_in_their_cells_take_the_value_lines_over_them)
{
	struct rows r;

	rows_of(&r, "   ┌──────────┬───────────────────────────┐\n"
	    "     件名                 粗大ごみ収集受付システムとの外部結合について\n"
	    "     保有課（担当課）     環境経済部クリーン推進課\n"
	    "     結合の相手方         株式会社ヤチヨ・リサイクルコール\n"
	    "                          市民がインターネットで申し込んだ内容と、コールセン\n"
	    "     結合の目的           ターで受け付けた内容とを一つの受付管理システムで管\n"
	    "                          理し、収集日の調整及び通知を行うため。\n"
	    "                          申込者の氏名、フリガナ、住所、電話番号、メールアド\n"
	    "     結合される情報項目   レス、排出する品目及び点数、収集希望日\n"
	    "     （だれの、どのよう\n"
	    "     な項目か）\n"
	    "     結合の開始時期及び   令和７年１２月１日から令和１２年１１月３０日まで\n"
	    "     期限\n"
	    "   └──────────┴───────────────────────────┘\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "結合の相手方", NULL),
	    "株式会社ヤチヨ・リサイクルコール");
	ck_assert_str_eq(row(&r, "結合の目的", NULL), "市民がインターネットで申し込んだ"
	    "内容と、コールセンターで受け付けた内容とを一つの受付管理システムで管理し、"
	    "収集日の調整及び通知を行うため。");
	ck_assert_str_eq(row(&r, "結合される情報項目（だれの、どのような項目か）", NULL),
	    "申込者の氏名、フリガナ、住所、電話番号、メールアドレス、排出する品目及び"
	    "点数、収集希望日");
	ck_assert_str_eq(row(&r, "結合の開始時期及び期限", NULL),
	    "令和７年１２月１日から令和１２年１１月３０日まで");
	rows_free(&r);
}
END_TEST

START_TEST(labels_over_their_values_are_no_centred_cells)
{
	struct rows r;

	rows_of(&r, "６　回線結合の内容\n"
	    "（１）結合の相手方\n"
	    "　　　株式会社ウトナイ情報処理センター\n"
	    "（２）結合の方法\n"
	    "　　　ＬＧＷＡＮ－ＡＳＰのファイル交換サービスを利用する。\n"
	    "（３）結合される情報項目\n"
	    "　　　被保険者番号、氏名、生年月日\n"
	    "（４）結合の開始時期\n"
	    "　　　令和７年８月１日から\n", FORMAT_TEXT);
	{
		const char *v = row(&r, "結合される情報項目", NULL);

		/* (each value stays under its own label) */
		ck_assert(v == NULL || strstr(v, "ＬＧＷＡＮ") == NULL);
	}
	rows_free(&r);
}
END_TEST

START_TEST(a_labels_note_wrapped_under_it_goes_with_the_label)
{
	struct rows r;

	rows_of(&r, "提供する個人情報の項目\n（だれの、どのような項\n目か）\n"
	    "見守り対象者のうち提供に同意した者の\n氏名、住所、電話番号\n",
	    FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "提供する個人情報の項目（だれの、どのような項目か）",
	    NULL), "見守り対象者のうち提供に同意した者の氏名、住所、電話番号");
	rows_free(&r);
}
END_TEST

START_TEST(a_word_lists_numbers_set_off_by_a_tab_head_the_values_below)
{
	struct rows r;

	rows_of(&r, "1\t諮問番号\n諮問第３号\n\n2\t件名\n母子保健事業のデジタル化について\n\n"
	    "4\t担当部署\n健康福祉部健康推進課\n\n"
	    "8.2\t記録する個人情報の項目\nアプリ利用者ＩＤ\n通知の配信履歴\n",
	    FORMAT_TEXT);
	ck_assert_ptr_null(row(&r, "1", NULL));
	ck_assert_ptr_null(row(&r, "8.2", NULL));
	rows_free(&r);
}
END_TEST

START_TEST(a_lists_bare_subcontract_column_is_one_of_its_labels)
{
	struct rows r;

	rows_of(&r, "番号\n担当課\n委託業務の名称\n委託先\n再委託\n委託期間\n"
	    "1\n市民環境部税務課\n納税通知書の印刷業務\n株式会社美濃ビジネスプリント\n無\n"
	    "令和７年３月３日～\n令和７年５月３０日\n"
	    "2\n子ども支援課\n入会申請受付システム運用保守業務\n株式会社東濃システム\n有\n"
	    "令和７年１月６日～\n令和８年３月３１日\n", FORMAT_TEXT);
	ck_assert_str_eq(row(&r, "2", NULL), "子ども支援課\t入会申請受付システム運用保守業務\t"
	    "株式会社東濃システム\t有\t令和７年１月６日～令和８年３月３１日");
	rows_free(&r);
}
END_TEST

static Suite *
rows_suite(void)
{
	Suite *s = suite_create("rows");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, a_lists_bare_subcontract_column_is_one_of_its_labels);
	tcase_add_test(tc, a_word_lists_numbers_set_off_by_a_tab_head_the_values_below);
	tcase_add_test(tc, a_labels_note_wrapped_under_it_goes_with_the_label);
	tcase_add_test(tc, labels_centred_in_their_cells_take_the_value_lines_over_them);
	tcase_add_test(tc, labels_over_their_values_are_no_centred_cells);
	tcase_add_test(tc, a_forms_numbered_labels_beside_values_are_no_two_columns);
	tcase_add_test(tc, a_lists_cells_given_one_a_line_are_rows_again);
	tcase_add_test(tc, a_number_and_a_name_centred_under_their_labels_are_paired);
	tcase_add_test(tc, a_grid_cell_wrapped_at_its_wall_is_joined_without_a_break);
	tcase_add_test(tc, a_grid_cell_line_short_of_its_wall_ends_there);
	tcase_add_test(tc, a_forms_mark_after_a_label_leaves_the_value_below);
	tcase_add_test(tc, colon_pairs_become_rows);
	tcase_add_test(tc, label_value_box_ruled_per_row);
	tcase_add_test(tc, dashes_set_as_bullets_are_no_part_of_a_value);
	tcase_add_test(tc, a_comparison_of_old_and_new_gives_the_new);
	tcase_add_test(tc, kanji_numbers_in_brackets_number_a_label);
	tcase_add_test(tc, a_sheet_given_column_by_column_is_paired_again);
	tcase_add_test(tc, labels_each_over_its_value_are_no_column_of_cells);
	tcase_add_test(tc, a_matrix_of_marks_set_with_spaces);
	tcase_add_test(tc, a_page_in_two_columns_is_read_column_by_column);
	tcase_add_test(tc, a_table_set_with_spaces_is_no_page_of_columns);
	tcase_add_test(tc, a_form_of_labels_beside_wrapped_values_is_no_page_of_columns);
	tcase_add_test(tc, values_run_on_past_the_measure);
	tcase_add_test(tc, a_required_mark_is_no_value);
	tcase_add_test(tc, each_colon_pair_is_its_own_row);
	tcase_add_test(tc, numbered_spaced_labels_are_rows_of_their_own);
	tcase_add_test(tc, pairs_side_by_side_on_a_line);
	tcase_add_test(tc, table_set_with_spaces_alone);
	tcase_add_test(tc, english_glosses_of_a_bilingual_form_go);
	tcase_add_test(tc, english_of_a_japanese_form_stays);
	tcase_add_test(tc, record_of_pairs_on_one_line);
	tcase_add_test(tc, styled_cells_side_by_side_are_a_row);
	tcase_add_test(tc, decimal_outline_numbers_are_not_labels);
	tcase_add_test(tc, bracket_labels_become_rows);
	tcase_add_test(tc, memo_items_after_their_number);
	tcase_add_test(tc, label_alone_takes_the_lines_below);
	tcase_add_test(tc, numbered_heading_label_is_left_to_the_tree);
	tcase_add_test(tc, label_broken_over_two_lines_is_joined);
	tcase_add_test(tc, layout_columns_continue_and_wrap);
	tcase_add_test(tc, two_labels_in_a_column_stay_two_rows);
	tcase_add_test(tc, drawn_tables_read_as_columns);
	tcase_add_test(tc, quoted_csv_records_become_rows);
	tcase_add_test(tc, aligning_tabs_are_spaces);
	tcase_add_test(tc, markdown_pipe_tables_and_bullets);
	tcase_add_test(tc, html_rowspan_cells_are_repeated);
	tcase_add_test(tc, html_headings_keep_their_level);
	tcase_add_test(tc, html_pre_keeps_its_lines);
	tcase_add_test(tc, markdown_footnotes_and_struck_text);
	tcase_add_test(tc, an_exports_coded_pairs_with_equals);
	tcase_add_test(tc, a_sheet_of_one_pair_a_row);
	tcase_add_test(tc, sheet_label_spanning_the_group_column);
	tcase_add_test(tc, csv_export_read_as_rows);
	tcase_add_test(tc, kanji_and_kana_numbering_marks);
	tcase_add_test(tc, items_run_together_are_lines);
	tcase_add_test(tc, a_transcripts_time_and_speaker_are_a_row);
	tcase_add_test(tc, mark_written_onto_a_label_cell_is_dropped);
	tcase_add_test(tc, open_data_of_one_fact_a_row);
	tcase_add_test(tc, change_form_read_after_the_change);
	tcase_add_test(tc, prose_with_commas_is_no_csv);
	tcase_add_test(tc, restructured_text_in_plain_text);
	tcase_add_test(tc, an_ini_export);
	tcase_add_test(tc, a_grid_walled_on_the_left_only);
	tcase_add_test(tc, a_spaced_slash_parts_a_pair_from_its_line);
	tcase_add_test(tc, html_grid_in_a_cell_mid_row_is_the_cells_lines);
	tcase_add_test(tc, numbering_marks);
	tcase_add_test(tc, labels_side_by_side_over_their_values);
	tcase_add_test(tc, letter_spaced_label);
	tcase_add_test(tc, rows_between_rules_are_one_wrapped_row);
	tcase_add_test(tc, letters_a_pdf_parted_with_tabs_are_one_label);
	tcase_add_test(tc, label_one_space_from_its_value_runs_on_at_the_margin);
	tcase_add_test(tc, run_on_stops_at_the_next_pair);
	tcase_add_test(tc,
	    label_with_an_open_bracket_is_not_one_space_from_its_value);
	tcase_add_test(tc, two_field_names_head_a_spaced_table);
	tcase_add_test(tc, blank_line_ends_a_two_column_spaced_table);
	tcase_add_test(tc, sheet_pair_anywhere_on_its_row);
	tcase_add_test(tc, sheet_header_of_two_rows_is_one);
	tcase_add_test(tc, sheet_quoted_cell_keeps_its_lines);
	tcase_add_test(tc, text_aligned_with_tabs_is_no_sheet);
	tcase_add_test(tc, mail_header_is_not_the_letter);
	tcase_add_test(tc, dots_lead_from_label_to_value);
	tcase_add_test(tc, html_header_of_two_rows_is_one);
	tcase_add_test(tc, narrow_table_row_keeps_its_empty_cell);
	tcase_add_test(tc, number_label_pair_set_with_single_spaces);
	tcase_add_test(tc, table_of_full_width_bars_ruled_per_row);
	tcase_add_test(tc, cell_of_rows_of_its_own);
	tcase_add_test(tc, bullets_of_pairs_in_a_cell_are_rows);
	tcase_add_test(tc, label_wrapped_past_its_value);
	tcase_add_test(tc, letter_of_a_vertical_label_is_dropped);
	tcase_add_test(tc, label_torn_in_a_pdf_row_is_joined);
	tcase_add_test(tc, numbered_list_in_a_cell_saved_as_text_is_one_value);
	tcase_add_test(tc, procedures_in_columns_set_with_spaces);
	tcase_add_test(tc, label_colon_value_bullets_are_no_run_of_labels);
	tcase_add_test(tc, a_table_of_changes_set_with_tabs_gives_the_values_after);
	tcase_add_test(tc, a_cell_wrapped_onto_the_line_below_is_joined);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
CHECK_MAIN(rows_suite)
