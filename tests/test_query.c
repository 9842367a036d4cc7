/*
 * test_query.c — the query language: parsing to safe FTS5 expressions,
 * filters, syntax errors, and running against a small index.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query.h"
#include "store.h"

#include "check_main.h"

static int
parse(struct query *q, const char *text, struct buf *err)
{
	char *copy = xstrdup(text);
	char *argv[1] = { copy };
	int rc;

	memset(q, 0, sizeof(*q));
	rc = query_parse(q, 1, argv, err);
	free(copy);
	return rc;
}

START_TEST(terms_are_anded_as_quoted_strings)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "再委託 LGWAN", &err), 0);
	ck_assert_str_eq(q.match, "\"再委託\" AND \"LGWAN\"");
	ck_assert_ptr_null(q.exclude);
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(or_groups_terms)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "再委託 LGWAN OR 専用回線", &err), 0);
	ck_assert_str_eq(q.match, "\"再委託\" AND (\"LGWAN\" OR \"専用回線\")");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(minus_excludes)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "委託 -再委託", &err), 0);
	ck_assert_str_eq(q.match, "\"委託\"");
	ck_assert_str_eq(q.exclude, "\"再委託\"");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(phrase_keeps_spaces)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "\"外部 結合\"", &err), 0);
	ck_assert_str_eq(q.match, "\"外部 結合\"");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(fts_syntax_is_quoted_away)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "NEAR(a* b) col:x \"\"\"", &err), -1);
	buf_free(&err);
	query_free(&q);
	ck_assert_int_eq(parse(&q, "NEAR(a* AND", &err), 0);
	ck_assert_str_eq(q.match, "\"NEAR(a*\" AND \"AND\"");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(unbalanced_quote_is_an_error)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "\"再委託", &err), -1);
	ck_assert_ptr_nonnull(strstr(err.data, "quote"));
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(dangling_or_is_an_error)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "委託 OR", &err), -1);
	query_free(&q);
	buf_free(&err);
	ck_assert_int_eq(parse(&q, "OR 委託", &err), -1);
	query_free(&q);
	buf_free(&err);
}
END_TEST

/* A term without searchable text is dropped: it cannot be a side of OR
 * (found by fuzz_query: the expression began with " OR "). */
START_TEST(or_after_a_dropped_term_is_an_error)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "・・ OR 委託", &err), -1);
	ck_assert_ptr_nonnull(strstr(err.data, "OR"));
	query_free(&q);
	buf_free(&err);
	ck_assert_int_eq(parse(&q, "委託 ・・ OR 再委託", &err), 0);
	ck_assert_str_eq(q.match, "(\"委託\" OR \"再委託\")");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(filters_are_not_terms)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "委託 ward:世田谷区 type:再委託 "
	    "since:平成30年 until:2019", &err), 0);
	ck_assert_str_eq(q.match, "\"委託\"");
	ck_assert_str_eq(q.municipality, "世田谷区");
	ck_assert_str_eq(q.type, "再委託");
	ck_assert_str_eq(q.since, "2018-01-01");
	ck_assert_str_eq(q.until, "2019-12-31");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(field_terms_search_one_column)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "consignee:TOPPAN -item:口座番号 basis:第12条",
	    &err), 0);
	ck_assert_str_eq(q.match, "parties : \"TOPPAN\" AND basis : \"第12条\" *");
	ck_assert_str_eq(q.exclude, "items : \"口座番号\"");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(repeated_terms_collapse)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "委託 委託 委託", &err), 0);
	ck_assert_str_eq(q.match, "\"委託\"");
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(too_many_terms_is_an_error)
{
	struct query q;
	struct buf err = BUF_INIT, text = BUF_INIT;

	for (int i = 0; i < 100; i++)
		buf_printf(&text, "t%d ", i);
	ck_assert_int_eq(parse(&q, text.data, &err), -1);
	query_free(&q);
	buf_free(&err);
	buf_free(&text);
}
END_TEST

START_TEST(bad_date_filter_is_an_error)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "since:someday", &err), -1);
	query_free(&q);
	buf_free(&err);
}
END_TEST

START_TEST(unsearchable_terms_are_dropped)
{
	struct query q;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&q, "、、 委託", &err), 0);
	ck_assert_str_eq(q.match, "\"委託\"");
	ck_assert_int_eq((int)q.dropped.n, 1);
	query_free(&q);
	buf_free(&err);
}
END_TEST

static int
count_hit(void *arg, const struct query_hit *h)
{
	(void)h;
	(*(int *)arg)++;
	return 0;
}

static void
add_case(struct store *s, const char *id, const char *title,
    const char *body)
{
	struct source src = { 0 };
	struct pcase *c = case_new();
	struct buf err = BUF_INIT;
	int64_t doc;

	src.path = (char *)id;
	src.text = (char *)body;
	src.len = strlen(body);
	src.enc = ENC_UTF8;
	ck_assert_int_eq(store_add_document(s, &src, NULL, &doc, &err), 0);
	c->id = xstrdup(id);
	c->source = xstrdup(id);
	field_set(&c->title, title, 1);
	c->body = xstrdup(body);
	ck_assert_int_eq(store_add_case(s, doc, c, NULL, &err), 0);
	case_free(c);
	buf_free(&err);
}

static int
run_count(sqlite3 *db, const char *text)
{
	struct query q;
	struct buf err = BUF_INIT;
	int n = 0;

	ck_assert_int_eq(parse(&q, text, &err), 0);
	ck_assert_int_ge(query_run(db, &q, count_hit, &n, &err), 0);
	query_free(&q);
	buf_free(&err);
	return n;
}

START_TEST(runs_against_an_index)
{
	char path[] = "/tmp/picorpus-query-XXXXXX";
	struct buf err = BUF_INIT, idx = BUF_INIT;
	struct store *s;
	sqlite3 *db;

	ck_assert_ptr_nonnull(mkdtemp(path));
	buf_printf(&idx, "%s/index.db", path);
	ck_assert_int_eq(store_begin(idx.data, &s, &err), 0);
	add_case(s, "a", "再委託について", "LGWAN回線で再委託する");
	add_case(s, "b", "業務委託について", "専用回線で委託する");
	ck_assert_int_eq(store_commit(s, &err), 0);
	ck_assert_int_eq(index_open(idx.data, &db, &err), 0);
	ck_assert_int_eq(run_count(db, "委託"), 2);
	ck_assert_int_eq(run_count(db, "再委託 ＬＧＷＡＮ"), 1);
	ck_assert_int_eq(run_count(db, "委託 -再委託"), 1);
	ck_assert_int_eq(run_count(db, "LGWAN OR 専用回線"), 2);
	ck_assert_int_eq(run_count(db, "-委託"), 0);
	sqlite3_close(db);
	unlink(idx.data);
	rmdir(path);
	buf_free(&idx);
	buf_free(&err);
}
END_TEST

static Suite *
query_suite(void)
{
	Suite *s = suite_create("query");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, terms_are_anded_as_quoted_strings);
	tcase_add_test(tc, or_groups_terms);
	tcase_add_test(tc, minus_excludes);
	tcase_add_test(tc, phrase_keeps_spaces);
	tcase_add_test(tc, fts_syntax_is_quoted_away);
	tcase_add_test(tc, unbalanced_quote_is_an_error);
	tcase_add_test(tc, dangling_or_is_an_error);
	tcase_add_test(tc, or_after_a_dropped_term_is_an_error);
	tcase_add_test(tc, filters_are_not_terms);
	tcase_add_test(tc, field_terms_search_one_column);
	tcase_add_test(tc, repeated_terms_collapse);
	tcase_add_test(tc, too_many_terms_is_an_error);
	tcase_add_test(tc, bad_date_filter_is_an_error);
	tcase_add_test(tc, unsearchable_terms_are_dropped);
	tcase_add_test(tc, runs_against_an_index);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(query_suite)
