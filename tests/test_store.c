/*
 * test_store.c — the index writer: round trip of a case, the
 * guarantee that an unfinished build never replaces the previous index,
 * compressed text columns, and the full-text content view that derives
 * each case's body again (FTS5's own integrity check compares it with
 * what was indexed).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "packed.h"
#include "sqlfunc.h"
#include "store.h"
#include "tokenizer.h"

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
	c->line_start = c->line_end = 1;
	c->body = xstrdup("本文\n");	/* as extract.h case_body() gives */
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
	ck_assert_int_eq(store_add_document(s, &src, NULL, &doc, &err), 0);
	ck_assert_int_eq(store_add_case(s, doc, c, NULL, &err), 0);
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

START_TEST(packed_text_round_trips)
{
	struct buf big = BUF_INIT, z = BUF_INIT, out = BUF_INIT;

	for (int i = 0; i < 20000; i++)
		buf_printf(&big, "再委託%d ", i);
	pack_text(big.data, big.len, &z);
	ck_assert_uint_lt(z.len, big.len / 2);
	ck_assert_int_eq(unpack_text(z.data, z.len, &out), 0);
	ck_assert_uint_eq(out.len, big.len);
	ck_assert_str_eq(out.data, big.data);
	buf_free(&big);
	buf_free(&z);
	buf_free(&out);
}
END_TEST

START_TEST(empty_text_packs)
{
	struct buf z = BUF_INIT, out = BUF_INIT;

	pack_text("", 0, &z);
	ck_assert_int_eq(unpack_text(z.data, z.len, &out), 0);
	ck_assert_uint_eq(out.len, 0);
	buf_free(&z);
	buf_free(&out);
}
END_TEST

START_TEST(damaged_packed_text_is_an_error)
{
	struct buf z = BUF_INIT, out = BUF_INIT;

	pack_text("外部結合について", strlen("外部結合について"), &z);
	ck_assert_int_eq(unpack_text(z.data, z.len - 3, &out), -1);
	ck_assert_int_eq(unpack_text("not zlib", 8, &out), -1);
	buf_free(&z);
	buf_free(&out);
}
END_TEST

/* The text of the first row of sql on db, or "" (static buffer). */
static const char *
sql_text(sqlite3 *db, const char *sql)
{
	static char out[512];
	sqlite3_stmt *st;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof(out), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

START_TEST(snippet_reads_the_derived_body)
{
	struct buf err = BUF_INIT;
	sqlite3 *db;

	write_index("a-1");
	ck_assert_int_eq(index_open(path.data, &db, &err), 0);
	ck_assert_str_eq(sql_text(db, "SELECT highlight(fts, 6, '[', ']') "
	    "FROM fts WHERE fts MATCH '\"本文\"'"), "[本文]\n");
	ck_assert_str_eq(sql_text(db, "SELECT unpack(text) FROM documents"),
	    "本文");
	sqlite3_close(db);
	buf_free(&err);
}
END_TEST

START_TEST(rank_lengths_match_docsize)
{
	struct buf err = BUF_INIT;
	sqlite3 *db;

	write_index("a-1");
	ck_assert_int_eq(index_open(path.data, &db, &err), 0);
	/* rowid 1: 4 bytes of padding for rowid 0, then its length. */
	ck_assert_str_eq(sql_text(db, "SELECT length(lengths) FROM "
	    "rank_lengths"), "8");
	ck_assert_str_eq(sql_text(db, "SELECT unicode(substr(lengths, 5, 1)) "
	    "> 0 FROM rank_lengths"), "1");
	sqlite3_close(db);
	buf_free(&err);
}
END_TEST

/* Build dir (relative to the corpus) into the test's index. */
static void
build_dir(const char *dir_path)
{
	struct build_opts o = { 0 };
	struct build_stats st;
	struct diag dg = { 0 };
	struct buf err = BUF_INIT;

	o.corpus = dir_path;
	o.index_path = path.data;
	ck_assert_msg(build_run(&o, &st, &dg, &err) == 0, "%s", err.data);
	ck_assert_uint_gt(st.cases, 0);
	buf_free(&err);
}

/* FTS5's integrity-check, comparing the index with fts_content_view. */
static void
assert_fts_consistent(void)
{
	struct buf err = BUF_INIT;
	sqlite3 *db;

	ck_assert_int_eq(index_open(path.data, &db, &err), 0);
	sqlite3_close(db);
	ck_assert_int_eq(sqlite3_open(path.data, &db), SQLITE_OK);
	ck_assert_int_eq(tokenizer_register(db), SQLITE_OK);
	ck_assert_int_eq(sqlfunc_register(db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, "INSERT INTO fts(fts, rank) VALUES "
	    "('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK, "%s",
	    sqlite3_errmsg(db));
	sqlite3_close(db);
	buf_free(&err);
}

START_TEST(derived_bodies_equal_indexed_text_in_corpus)
{
	build_dir(getenv("CORPUS_DIR"));
	assert_fts_consistent();
}
END_TEST

START_TEST(derived_bodies_equal_indexed_text_in_md_and_html)
{
	struct buf heldout = BUF_INIT;

	buf_printf(&heldout, "%s/../tests/heldout", getenv("CORPUS_DIR"));
	build_dir(heldout.data);
	assert_fts_consistent();
	buf_free(&heldout);
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
	tcase_add_test(tc, packed_text_round_trips);
	tcase_add_test(tc, empty_text_packs);
	tcase_add_test(tc, damaged_packed_text_is_an_error);
	tcase_add_test(tc, snippet_reads_the_derived_body);
	tcase_add_test(tc, rank_lengths_match_docsize);
	tcase_add_test(tc, derived_bodies_equal_indexed_text_in_corpus);
	tcase_add_test(tc, derived_bodies_equal_indexed_text_in_md_and_html);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(store_suite)
