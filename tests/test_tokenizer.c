/*
 * test_tokenizer.c — the picorpus tokenizer: folding, Latin words,
 * Japanese bigrams with a final unigram, offsets into the original.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "normalize.h"
#include "tokenizer.h"

#include "check_main.h"

/* Tokens rendered as "tok@start-end". */
static int
collect(void *ctx, const char *tok, int ntok, int start, int end)
{
	struct buf *b = ctx;

	if (b->len > 0)
		buf_putc(b, ' ');
	buf_printf(b, "%.*s@%d-%d", ntok, tok, start, end);
	return 0;
}

static char *
toks(const char *s, enum token_mode mode)
{
	struct buf b = BUF_INIT;

	tokenize(s, strlen(s), mode, collect, &b);
	return buf_detach(&b);
}

#define ASSERT_TOKENS(in, mode, want) do {		\
	char *got = toks(in, mode);			\
	ck_assert_str_eq(got, want);			\
	free(got);					\
} while (0)

START_TEST(latin_is_folded_across_widths)
{
	ASSERT_TOKENS("ＬＧＷＡＮ LGWAN lgwan", TOKENIZE_QUERY,
	    "lgwan@0-15 lgwan@16-21 lgwan@22-27");
}
END_TEST

START_TEST(letters_and_digits_split)
{
	ASSERT_TOKENS("ISO27001", TOKENIZE_QUERY, "iso@0-3 27001@3-8");
}
END_TEST

START_TEST(punctuation_separates_words)
{
	ASSERT_TOKENS("LGWAN-ASP", TOKENIZE_DOCUMENT, "lgwan@0-5 asp@6-9");
}
END_TEST

START_TEST(document_gets_bigrams_and_a_final_unigram)
{
	ASSERT_TOKENS("再委託", TOKENIZE_DOCUMENT, "再委@0-6 委託@3-9 託@6-9");
}
END_TEST

START_TEST(query_gets_bigrams_only)
{
	ASSERT_TOKENS("再委託", TOKENIZE_QUERY, "再委@0-6 委託@3-9");
}
END_TEST

START_TEST(query_run_keeps_its_unigram_when_tokens_follow)
{
	/* As the document has it: 条例 例第 第 12 条… (see tokenizer.h). */
	ASSERT_TOKENS("条例第12条", TOKENIZE_QUERY,
	    "条例@0-6 例第@3-9 第@6-9 12@9-11 条@11-14");
	ASSERT_TOKENS("条例第12条", TOKENIZE_DOCUMENT,
	    "条例@0-6 例第@3-9 第@6-9 12@9-11 条@11-14");
}
END_TEST

START_TEST(single_char_query_is_unigram)
{
	ASSERT_TOKENS("検", TOKENIZE_QUERY, "検@0-3");
}
END_TEST

START_TEST(halfwidth_katakana_folds_with_voicing)
{
	/* ｶﾞ is two code points that fold into one: ガ. */
	ASSERT_TOKENS("ｶﾞｽ", TOKENIZE_QUERY, "ガス@0-9");
}
END_TEST

START_TEST(halfwidth_katakana_equals_fullwidth)
{
	char *a = toks("ｺｰﾙｾﾝﾀｰ", TOKENIZE_QUERY);
	char *b = toks("コールセンター", TOKENIZE_QUERY);

	/* Same tokens; offsets differ because the widths differ. */
	ck_assert_ptr_nonnull(strstr(a, "コー@"));
	ck_assert_ptr_nonnull(strstr(b, "コー@"));
	ck_assert_ptr_nonnull(strstr(a, "ター@"));
	free(a);
	free(b);
}
END_TEST

/* The fast path: a code point norm_simple_map() maps folds, through
 * utf8proc's decomposition and composition as a cluster does, to what
 * it says, and attaches to nothing. */
START_TEST(simple_cps_fold_as_clusters_do)
{
	int32_t out[8], want;

	for (int32_t c = 1; c <= 0x10ffff; c++) {
		utf8proc_ssize_t n;
		utf8proc_category_t cat;
		int r;

		if ((want = norm_simple_map(c, 1)) == -1)
			continue;
		ck_assert_int_ge(r = tokenizer_fold(c, out), 1);
		n = utf8proc_normalize_utf32(out, r, UTF8PROC_STABLE |
		    UTF8PROC_COMPOSE);
		ck_assert_msg(n == 1 && out[0] == want, "U+%04X",
		    (unsigned)c);
		cat = utf8proc_category(c);
		ck_assert(cat != UTF8PROC_CATEGORY_MN &&
		    cat != UTF8PROC_CATEGORY_ME);
	}
}
END_TEST

START_TEST(stable_text_then_voicing_mark_folds_the_cluster)
{
	/* か + U+3099 is one cluster: が, not か and a mark */
	ASSERT_TOKENS("か\xe3\x82\x99き", TOKENIZE_DOCUMENT,
	    "がき@0-9 き@6-9");
}
END_TEST

START_TEST(offsets_point_into_original)
{
	ASSERT_TOKENS("第12条", TOKENIZE_QUERY, "第@0-3 12@3-5 条@5-8");
}
END_TEST

START_TEST(invalid_utf8_does_not_stop_tokens)
{
	ASSERT_TOKENS("ab\xff" "cd", TOKENIZE_QUERY, "ab@0-2 cd@3-5");
}
END_TEST

START_TEST(empty_text_gives_nothing)
{
	ASSERT_TOKENS("", TOKENIZE_DOCUMENT, "");
	ASSERT_TOKENS("・、。 ", TOKENIZE_DOCUMENT, "");
}
END_TEST

static int
stop_at_first(void *ctx, const char *tok, int ntok, int s, int e)
{
	(void)tok, (void)ntok, (void)s, (void)e;
	(*(int *)ctx)++;
	return 7;
}

START_TEST(lone_final_character_needs_prefix)
{
	ck_assert_int_eq(tokenize_needs_prefix("検", strlen("検")), 1);
	ck_assert_int_eq(tokenize_needs_prefix("第12条", strlen("第12条")), 1);
	ck_assert_int_eq(tokenize_needs_prefix("委託", strlen("委託")), 0);
	ck_assert_int_eq(tokenize_needs_prefix("LGWAN", strlen("LGWAN")), 0);
}
END_TEST

START_TEST(callback_can_stop)
{
	int n = 0;

	ck_assert_int_eq(tokenize("委託 結合", strlen("委託 結合"),
	    TOKENIZE_DOCUMENT, stop_at_first, &n), 7);
	ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(fts5_finds_word_inside_compound)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(tokenizer_register(db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING "
	    "fts5(x, tokenize='picorpus'); INSERT INTO t VALUES "
	    "('業務の再委託先'), ('外部結合'), ('ＬＧＷＡＮ回線');",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t "
	    "MATCH ?1 ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, "\"委託\"", -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "\"lgwan回線\"", -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 3);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "\"合\" *", -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

START_TEST(fts5_trigram_misses_two_char_words)
{
	/* The measured reason for a custom tokenizer: trigram needs 3+. */
	sqlite3 *db;
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING "
	    "fts5(x, tokenize='trigram'); INSERT INTO t VALUES ('再委託');",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE "
	    "t MATCH '\"委託\"'", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

static Suite *
tokenizer_suite(void)
{
	Suite *s = suite_create("tokenizer");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, latin_is_folded_across_widths);
	tcase_add_test(tc, letters_and_digits_split);
	tcase_add_test(tc, punctuation_separates_words);
	tcase_add_test(tc, document_gets_bigrams_and_a_final_unigram);
	tcase_add_test(tc, query_gets_bigrams_only);
	tcase_add_test(tc, query_run_keeps_its_unigram_when_tokens_follow);
	tcase_add_test(tc, single_char_query_is_unigram);
	tcase_add_test(tc, halfwidth_katakana_folds_with_voicing);
	tcase_add_test(tc, halfwidth_katakana_equals_fullwidth);
	tcase_add_test(tc, offsets_point_into_original);
	tcase_add_test(tc, invalid_utf8_does_not_stop_tokens);
	tcase_add_test(tc, empty_text_gives_nothing);
	tcase_add_test(tc, lone_final_character_needs_prefix);
	tcase_add_test(tc, callback_can_stop);
	tcase_add_test(tc, simple_cps_fold_as_clusters_do);
	tcase_add_test(tc, stable_text_then_voicing_mark_folds_the_cluster);
	tcase_add_test(tc, fts5_finds_word_inside_compound);
	tcase_add_test(tc, fts5_trigram_misses_two_char_words);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(tokenizer_suite)
