/*
 * test_tree.c — the document tree: number forms, nesting by rank, spans
 * of sections and the ENTER/EXIT iterator.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"

#include "check_main.h"

static struct doc doc;
static struct tree tree;

static void
build(const char *text)
{
	struct source src = { 0 };
	struct buf err = BUF_INIT;

	src.path = "t.txt";
	src.text = (char *)text;
	src.len = strlen(text);
	ck_assert_int_eq(doc_parse(&src, &doc, &err), 0);
	tree_build(&doc, &tree);
	buf_free(&err);
}

static void
teardown(void)
{
	tree_free(&tree);
	doc_free(&doc);
}

static enum number_form
form(const char *text)
{
	int number;
	size_t at;

	return number_form_of(text, text, &number, &at);
}

START_TEST(number_forms)
{
	ck_assert_int_eq(form("第1新たな個人情報の記録について"), NUM_DAI);
	ck_assert_int_eq(form("13委託先(参考)"), NUM_ARABIC);
	ck_assert_int_eq(form("1.経緯"), NUM_ARABIC);
	ck_assert_int_eq(form("(1)個人情報の項目"), NUM_PAREN);
	ck_assert_int_eq(form("(一)業務委託"), NUM_PAREN);	/* （一） */
	ck_assert_int_ne(form("(一部)業務委託"), NUM_PAREN);
	ck_assert_int_eq(form("-(2)件数(見込み)"), NUM_PAREN);
	ck_assert_int_eq(form("【報告】"), NUM_BRACKET);
	ck_assert_int_eq(form("[委託1]"), NUM_BRACKET);	/* an INI section */
	ck_assert_int_eq(form("〔A〕電子計算機への記録"), NUM_BRACKET_NUMBER);
	ck_assert_int_eq(number_form_of("ロ本人外収集", "ロ　本人外収集",
	    &(int){0}, &(size_t){0}), NUM_KANA);	/* イ ロ ハ */
	ck_assert_int_eq(form("■事業の概要"), NUM_MARK);
	ck_assert_int_eq(form("【1】事務の現状と課題"), NUM_BRACKET_NUMBER);
	ck_assert_int_eq(form("【変更事項2】事務の委託"), NUM_BRACKET_NUMBER);
	ck_assert_int_eq(form("4-1.件名"), NUM_SUBNUMBER);
	ck_assert_int_eq(form("4.1委託先"), NUM_SUBNUMBER);
	ck_assert_int_ne(form("2025.4.1に開始する"), NUM_SUBNUMBER);
	ck_assert_int_ne(form("3-2-1番地の施設"), NUM_SUBNUMBER);
	ck_assert_int_eq(number_form_of("3.1.1件名", "3.1.1 件名", &(int){0},
	    &(size_t){0}), NUM_SUBSUBNUMBER);
	ck_assert_int_eq(form("3.1.1件名"), NUM_NONE);	/* not set apart */
	ck_assert_int_eq(form("①事務の名称"), NUM_CIRCLED);
	ck_assert_int_eq(form("②所属長の役職名:課長"), NUM_NONE); /* a pair */
	ck_assert_int_eq(form("IV.諮問事項"), NUM_ROMAN);
	ck_assert_int_eq(form("A.業務委託"), NUM_ALPHA);
	ck_assert_int_eq(form("(a)使用者の氏名"), NUM_PAREN_ALPHA);
	ck_assert_int_ne(form("IT推進課"), NUM_ROMAN);
	ck_assert_int_eq(form("一　目的外利用"), NUM_ARABIC);
	ck_assert_int_ne(form("一般競争入札の結果"), NUM_ARABIC);
	ck_assert_int_eq(form("【第2】"), NUM_BRACKET);
	ck_assert_int_eq(form("[1]件名"), NUM_BRACKET_NUMBER);
	ck_assert_int_eq(number_form_of("第4本人外収集", "第４　本人外収集",
	    &(int){0}, &(size_t){0}), NUM_DAI);	/* 本 set apart: no unit */
	ck_assert_int_ne(form("第4本の柱"), NUM_DAI);
	ck_assert_int_eq(number_form_of("第二目的外利用", "第二　目的外利用",
	    &(int){0}, &(size_t){0}), NUM_DAI);
	ck_assert_int_ne(form("第三者提供について"), NUM_DAI);
	ck_assert_int_eq(form("□目的外利用□外部提供"), NUM_NONE);	/* boxes */
	ck_assert_int_ne(form("[x]委託する"), NUM_BRACKET_NUMBER);
}
END_TEST

START_TEST(a_bracketed_word_set_apart_heads_its_title)
{
	int n;
	size_t at;
	const char *key = "<委託2(再委託)>督促はがき発送業務";

	ck_assert_int_eq(number_form_of(key, "＜委託２（再委託）＞　督促はがき発送業務",
	    &n, &at), NUM_BRACKET);
	ck_assert_str_eq(key + at, "督促はがき発送業務");
	ck_assert_int_eq(number_form_of("【件名】窓口業務の委託",
	    "【件名】窓口業務の委託", &n, &at), NUM_NONE);	/* a pair */
	ck_assert_int_eq(number_form_of("<選択肢>1)委託する2)委託しない",
	    "<選択肢> 1) 委託する 2) 委託しない", &n, &at), NUM_NONE);
}
END_TEST

START_TEST(a_word_and_number_alone_names_a_part)
{
	ck_assert_int_eq(form("委託その1"), NUM_WORD_NUMBER);
	ck_assert_int_eq(form("提供先2"), NUM_WORD_NUMBER);
	ck_assert_int_ne(form("資料2"), NUM_WORD_NUMBER);
	ck_assert_int_ne(form("報告1"), NUM_WORD_NUMBER);
	ck_assert_int_ne(form("委託その1の内容"), NUM_WORD_NUMBER);
}
END_TEST

START_TEST(a_letters_number_is_no_heading)
{
	ck_assert_int_eq(form("6相教学第1027号"), NUM_NONE);
	ck_assert_int_eq(form("1相談の件数"), NUM_ARABIC);
}
END_TEST

START_TEST(a_dotted_number_before_a_unit_word_is_a_heading)
{
	ck_assert_int_eq(form("1.件名"), NUM_ARABIC);	/* not "1件" */
	ck_assert_int_eq(form("1件名"), NUM_NONE);
	ck_assert_int_eq(form("「事務の名称」"), NUM_BRACKET);
}
END_TEST

START_TEST(a_number_and_half_bracket_is_a_heading)
{
	ck_assert_int_eq(form("1)件名"), NUM_PAREN);	/* as (1) */
	ck_assert_int_eq(form("2)報告の根拠"), NUM_PAREN);
	ck_assert_int_eq(form("1)実施する"), NUM_NONE);	/* a choice */
	ck_assert_int_eq(number_form_of("1)件名",
	    "                    1) 件名", &(int){0}, &(size_t){0}), NUM_NONE);
}
END_TEST

START_TEST(bullets_sit_under_marked_headings)
{
	build("■委託の内容\n【業務内容】\n●受付\n●入力\n委託先\t株式会社Ａ\n"
	    "■保護対策\n");
	/* ■ › 【】 › ●: the row is still in the ■ section */
	ck_assert_uint_eq(node_span_end(tree.nodes[0]), 5);
	ck_assert_ptr_eq(tree.nodes[2]->parent, tree.nodes[1]);
}
END_TEST

START_TEST(markup_headings_rank_by_level)
{
	struct source src = { 0 };
	struct buf err = BUF_INIT;

	src.path = "t.html";
	src.format = FORMAT_HTML;
	src.text = "<h2>審議事項</h2><h3>諮問第21号</h3><p>本文</p>"
	    "<h3>諮問第22号</h3><h2>お問い合わせ</h2>";
	src.len = strlen(src.text);
	ck_assert_int_eq(doc_parse(&src, &doc, &err), 0);
	tree_build(&doc, &tree);
	buf_free(&err);
	ck_assert_int_eq(tree.nodes[1]->form, NUM_LEVEL);
	ck_assert_ptr_eq(tree.nodes[1]->parent, tree.nodes[0]);
	ck_assert_ptr_eq(tree.nodes[3]->parent, tree.nodes[0]);
	ck_assert_ptr_eq(tree.nodes[4]->parent, &tree.root);
}
END_TEST

START_TEST(quantities_are_not_headings)
{
	ck_assert_int_eq(form("13,300件/年"), NUM_NONE);
	ck_assert_int_eq(form("2019年10月1日"), NUM_NONE);
	ck_assert_int_eq(form("第12条の規定に基づき"), NUM_NONE);
	ck_assert_int_eq(form("第2回個人情報保護審議会"), NUM_NONE);
	ck_assert_int_eq(form("1概要、目的、対象。"), NUM_NONE);
}
END_TEST

START_TEST(kana_and_circled_forms_read_the_raw_text)
{
	int number;
	size_t at;

	ck_assert_int_eq(number_form_of("ア区から委託先へ提供するもの",
	    "ア 区から委託先へ提供するもの", &number, &at), NUM_KANA);
	ck_assert_int_eq(number, 1);
	ck_assert_int_eq(number_form_of("1事務の名称", "①事務の名称", &number,
	    &at), NUM_CIRCLED);
	ck_assert_int_eq(number_form_of("アンケート調査の実施",
	    "アンケート調査の実施", &number, &at), NUM_NONE);
}
END_TEST

START_TEST(headings_nest_by_rank)
{
	build("第1 記録について\n1 記録する理由\n本文\n(1) 項目\n氏名\n"
	    "2 開始時期\n第2 外部委託について\n1 委託の件名\n");
	ck_assert_int_eq(tree.nodes[1]->parent->index, 0);	/* 1 in 第1 */
	ck_assert_int_eq(tree.nodes[3]->parent->index, 1);	/* (1) in 1 */
	ck_assert_int_eq(tree.nodes[5]->parent->index, 0);	/* 2 in 第1 */
	ck_assert_int_eq(tree.nodes[6]->parent->kind, NODE_DOCUMENT);
	ck_assert_int_eq(tree.nodes[7]->parent->index, 6);
	ck_assert_int_eq(tree.nodes[2]->kind, NODE_TEXT);
}
END_TEST

START_TEST(section_span_ends_at_next_sibling)
{
	build("1 委託の件名\n保守業務\n(1) 内訳\n詳細\n2 委託先\n未定\n");
	ck_assert_int_eq((int)node_span_end(tree.nodes[0]), 4);
	ck_assert_int_eq((int)node_span_end(tree.nodes[4]), 6);
}
END_TEST

START_TEST(rows_and_blanks_are_classified)
{
	build("委託先\t株式会社テスト\n\nただの文。\n");
	ck_assert_int_eq(tree.nodes[0]->kind, NODE_ROW);
	ck_assert_int_eq(tree.nodes[1]->kind, NODE_BLANK);
	ck_assert_int_eq(tree.nodes[2]->kind, NODE_TEXT);
	ck_assert_int_eq(tree.nodes[0]->line, 1);
	ck_assert_int_eq(tree.nodes[2]->line, 3);
}
END_TEST

START_TEST(iterator_enters_and_exits_in_order)
{
	struct tree_iter it;
	const struct node *n;
	enum iter_event ev;
	struct buf trace = BUF_INIT;

	build("1 委託の件名\n本文\n2 委託の内容\n");
	tree_iter_init(&it, &tree.root);
	while ((ev = tree_iter_next(&it, &n)) != ITER_DONE)
		buf_printf(&trace, "%c%d ", ev == ITER_ENTER ? '+' : '-',
		    n->kind == NODE_DOCUMENT ? 0 : n->line);
	ck_assert_str_eq(trace.data, "+0 +1 +2 -2 -1 +3 -3 -0 ");
	buf_free(&trace);
}
END_TEST

static Suite *
tree_suite(void)
{
	Suite *s = suite_create("tree");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, number_forms);
	tcase_add_test(tc, a_letters_number_is_no_heading);
	tcase_add_test(tc, a_bracketed_word_set_apart_heads_its_title);
	tcase_add_test(tc, a_word_and_number_alone_names_a_part);
	tcase_add_test(tc, a_dotted_number_before_a_unit_word_is_a_heading);
	tcase_add_test(tc, a_number_and_half_bracket_is_a_heading);
	tcase_add_test(tc, bullets_sit_under_marked_headings);
	tcase_add_test(tc, markup_headings_rank_by_level);
	tcase_add_test(tc, quantities_are_not_headings);
	tcase_add_test(tc, kana_and_circled_forms_read_the_raw_text);
	tcase_add_test(tc, headings_nest_by_rank);
	tcase_add_test(tc, section_span_ends_at_next_sibling);
	tcase_add_test(tc, rows_and_blanks_are_classified);
	tcase_add_test(tc, iterator_enters_and_exits_in_order);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(tree_suite)
