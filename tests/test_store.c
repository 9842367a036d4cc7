/*
 * test_store.c — the index writer: round trip of a case, and the
 * guarantee that an unfinished build never replaces the previous index.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

#include "check_main.h"

static char dir[64];
static struct buf path = BUF_INIT;

static void
setup(void)
{
	strcpy(dir, "/tmp/picorpus-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	buf_truncate(&path, 0);
	buf_printf(&path, "%s/index.db", dir);
}

static void
teardown(void)
{
	struct buf tmp = BUF_INIT;

	buf_printf(&tmp, "%s.tmp", path.data);
	unlink(tmp.data);
	unlink(path.data);
	rmdir(dir);
	buf_free(&tmp);
	buf_free(&path);
}

static struct pcase *
sample_case(const char *id)
{
	struct pcase *c = case_new();
	struct procedure *p;

	c->id = xstrdup(id);
	c->source = xstrdup("a.txt");
	field_set(&c->title, "外部結合について", 3);
	field_set(&c->kind, "付議", 1);
	strlist_push(&c->legal_basis, "要綱第3条第1項第3号");
	c->subjects_count = 150000;
	p = case_add_procedure(c, PROC_LINK);
	field_set(&p->partner, "TOPPANエッジ株式会社", 9);
	strlist_push(&p->data_items, "氏名");
	c->body = xstrdup("本文");
	return c;
}

static void
write_index(const char *id)
{
	struct source src = { 0 };
	struct buf err = BUF_INIT;
	struct store *s;
	struct pcase *c = sample_case(id);
	int64_t doc;

	src.path = "a.txt";
	src.text = "本文";
	src.len = strlen(src.text);
	ck_assert_int_eq(store_begin(path.data, &s, &err), 0);
	ck_assert_int_eq(store_add_document(s, &src, &doc, &err), 0);
	ck_assert_int_eq(store_add_case(s, doc, c, &err), 0);
	ck_assert_int_eq(store_commit(s, &err), 0);
	case_free(c);
	buf_free(&err);
}

START_TEST(case_round_trips)
{
	struct buf err = BUF_INIT;
	struct pcase *c;
	sqlite3 *db;

	write_index("a-1");
	ck_assert_int_eq(index_open(path.data, &db, &err), 0);
	c = index_load_case(db, "a-1", &err);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->title.value, "外部結合について");
	ck_assert_int_eq(c->title.line, 3);
	ck_assert_int_eq((int)c->subjects_count, 150000);
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_str_eq(c->procs[0].partner.value, "TOPPANエッジ株式会社");
	ck_assert_str_eq(c->legal_basis.v[0], "要綱第3条第1項第3号");
	case_free(c);
	sqlite3_close(db);
	buf_free(&err);
}
END_TEST

START_TEST(aborted_build_keeps_previous_index)
{
	struct buf err = BUF_INIT;
	struct store *s;
	struct pcase *c;
	sqlite3 *db;

	write_index("old-1");
	ck_assert_int_eq(store_begin(path.data, &s, &err), 0);
	store_abort(s);
	ck_assert_int_eq(index_open(path.data, &db, &err), 0);
	c = index_load_case(db, "old-1", &err);
	ck_assert_ptr_nonnull(c);
	case_free(c);
	sqlite3_close(db);
	buf_free(&err);
}
END_TEST

START_TEST(missing_index_is_a_clear_error)
{
	struct buf err = BUF_INIT;
	sqlite3 *db;

	ck_assert_int_eq(index_open(path.data, &db, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.data, "picorpus build"));
	buf_free(&err);
}
END_TEST

START_TEST(foreign_file_is_rejected)
{
	struct buf err = BUF_INIT;
	sqlite3 *db;
	FILE *f = fopen(path.data, "w");

	fputs("not a database", f);
	fclose(f);
	ck_assert_int_eq(index_open(path.data, &db, &err), -1);
	buf_free(&err);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, case_round_trips);
	tcase_add_test(tc, aborted_build_keeps_previous_index);
	tcase_add_test(tc, missing_index_is_a_clear_error);
	tcase_add_test(tc, foreign_file_is_rejected);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(store_suite)
