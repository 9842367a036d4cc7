/*
 * test_citation.c — legal citations found and normalized.
 */
#include <check.h>
#include <stdlib.h>

#include "citation.h"

#include "check_main.h"

static char *
scan(const char *text, const char *def, const char *only)
{
	struct strlist l = STRLIST_INIT;
	struct buf b = BUF_INIT;

	cite_scan(text, def, only, &l);
	for (size_t i = 0; i < l.n; i++)
		buf_printf(&b, "%s%s", i ? "|" : "", l.v[i]);
	strlist_free(&l);
	return buf_detach(&b);
}

#define ASSERT_CITES(text, def, only, want) do {	\
	char *got = scan(text, def, only);		\
	ck_assert_str_eq(got, want);			\
	free(got);					\
} while (0)

START_TEST(chain_after_ordinance)
{
	ASSERT_CITES("世田谷区個人情報保護条例第12条、第17条第4項及び第18条の"
	    "規定に基づき", NULL, NULL, "条例第12条|条例第17条第4項|条例第18条");
}
END_TEST

START_TEST(same_paragraph_and_article_refer_back)
{
	ASSERT_CITES("設置要綱第３条第１項第１号、同項第４号及び同項第５号", NULL,
	    NULL, "要綱第3条第1項第1号|要綱第3条第1項第4号|要綱第3条第1項第5号");
	ASSERT_CITES("条例第６条第１項及び同条第３項", NULL, NULL,
	    "条例第6条第1項|条例第6条第3項");
}
END_TEST

START_TEST(kanji_numerals)
{
	ASSERT_CITES("番号法第九条第一項及び別表第一の十六の項", NULL, NULL,
	    "番号法第9条第1項|番号法別表第1第16項");
	ASSERT_CITES("品川区個人情報保護条例（以下「条例」という。）第十一条第二項"
	    "第五号", NULL, NULL, "条例第11条第2項第5号");
}
END_TEST

START_TEST(table_items_written_no_kou)
{
	ASSERT_CITES("番号法第１９条第８号　別表第２の５７の項", NULL, NULL,
	    "番号法第19条第8号|番号法別表第2第57項");
}
END_TEST

START_TEST(chains_of_paragraphs_and_items_keep_the_article)
{
	ASSERT_CITES("条例第８条第１項第２号及び第３号", NULL, NULL,
	    "条例第8条第1項第2号|条例第8条第1項第3号");
	ASSERT_CITES("条例第12条第1項及び第2項", NULL, NULL,
	    "条例第12条第1項|条例第12条第2項");
}
END_TEST

START_TEST(spaced_and_fullwidth_digits)
{
	ASSERT_CITES("条例第 1 2 条の規定", NULL, NULL, "条例第12条");
	ASSERT_CITES("条例第１７条第４項", NULL, NULL, "条例第17条第4項");
}
END_TEST

START_TEST(bare_articles_take_the_default_law)
{
	ASSERT_CITES("◇第3条第1項第3号（外部結合、業務委託）", "要綱", NULL,
	    "要綱第3条第1項第3号");
	ASSERT_CITES("◇第3条第1項第3号", NULL, NULL, "");
}
END_TEST

START_TEST(number_act_long_name_and_tables)
{
	ASSERT_CITES("行政手続における特定の個人を識別するための番号の利用等に"
	    "関する法律 別表第1 第111項 健康増進法による", NULL, "番号法",
	    "番号法別表第1第111項");
	ASSERT_CITES("○番号法第19条第8号及び別表第2の136項", NULL, NULL,
	    "番号法第19条第8号|番号法別表第2第136項");
}
END_TEST

START_TEST(further_entries_of_the_same_table)
{
	ASSERT_CITES("番号法第１９条第８号及び別表第二の８０の項、８１の項", NULL,
	    NULL, "番号法第19条第8号|番号法別表第2第80項|番号法別表第2第81項");
}
END_TEST

START_TEST(alias_in_brackets_and_adjacent_table)
{
	ASSERT_CITES("番号の利用等に関する法律（番号法）第９条第１項　別表第１　"
	    "第３７項　児童扶養手当法", NULL, "番号法",
	    "番号法第9条第1項|番号法別表第1第37項");
}
END_TEST

START_TEST(branch_articles)
{
	ASSERT_CITES("健康増進法第19条の2", NULL, NULL, "法第19条の2");
}
END_TEST

START_TEST(duplicates_are_dropped)
{
	ASSERT_CITES("条例第12条。条例第12条", NULL, NULL, "条例第12条");
}
END_TEST

START_TEST(non_articles_are_ignored)
{
	ASSERT_CITES("第1の4(2)のとおり 第2回 平成29年度第2回", "条例", NULL, "");
}
END_TEST

static Suite *
citation_suite(void)
{
	Suite *s = suite_create("citation");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, chain_after_ordinance);
	tcase_add_test(tc, kanji_numerals);
	tcase_add_test(tc, same_paragraph_and_article_refer_back);
	tcase_add_test(tc, table_items_written_no_kou);
	tcase_add_test(tc, chains_of_paragraphs_and_items_keep_the_article);
	tcase_add_test(tc, spaced_and_fullwidth_digits);
	tcase_add_test(tc, bare_articles_take_the_default_law);
	tcase_add_test(tc, number_act_long_name_and_tables);
	tcase_add_test(tc, alias_in_brackets_and_adjacent_table);
	tcase_add_test(tc, branch_articles);
	tcase_add_test(tc, duplicates_are_dropped);
	tcase_add_test(tc, further_entries_of_the_same_table);
	tcase_add_test(tc, non_articles_are_ignored);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(citation_suite)
