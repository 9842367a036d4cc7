/*
 * test_segmenter.c — segmenter.c: MeCab words in order with exact byte
 * offsets, part of speech, chunking of long lines, early stop, separate
 * segmenters, and survival of invalid UTF-8.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "segmenter.h"

#include "check_main.h"

#define SENTENCE	"再委託先の株式会社トッパンに住所と氏名を提供する"

struct collect {
	const char	*text;		/* the input, to check offsets */
	size_t		 len;
	size_t		 n;		/* words seen */
	size_t		 next;		/* smallest allowed next start */
	int		 bad;		/* offsets out of order or range */
	size_t		 limit;		/* stop after this many, 0: never */
	struct buf	 joined;	/* surfaces concatenated */
	struct strlist	 pos;		/* "surface\tpos\tpos1" per word */
};

static struct segmenter *
new_segmenter(void)
{
	char err[256] = "";
	struct segmenter *s = segmenter_new(err, sizeof(err));

	ck_assert_msg(s != NULL, "segmenter_new: %s", err);
	return s;
}

static int
collect_word(void *arg, const struct word *w)
{
	struct collect *c = arg;
	struct buf line = BUF_INIT;

	if (w->start < c->next || w->len == 0 || w->start > c->len ||
	    w->len > c->len - w->start)
		c->bad = 1;
	else {
		c->next = w->start + w->len;
		buf_put(&c->joined, c->text + w->start, w->len);
		buf_put(&line, c->text + w->start, w->len);
		buf_printf(&line, "\t%s\t%s", w->pos, w->pos1);
		strlist_push(&c->pos, line.data);
		buf_free(&line);
	}
	c->n++;
	return c->limit != 0 && c->n >= c->limit;
}

static int
run(struct segmenter *s, struct collect *c, const char *text, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->text = text;
	c->len = len;
	return segmenter_words(s, text, len, collect_word, c);
}

static void
collect_free(struct collect *c)
{
	buf_free(&c->joined);
	strlist_free(&c->pos);
}

/* Copy text without spaces, tabs and line ends. */
static char *
strip_space(const char *text)
{
	struct buf b = BUF_INIT;

	for (; *text != '\0'; text++)
		if (strchr(" \t\r\n", *text) == NULL)
			buf_putc(&b, *text);
	return buf_detach(&b);
}

START_TEST(words_concatenate_to_input)
{
	struct segmenter *s = new_segmenter();
	struct collect c;

	ck_assert_int_eq(run(s, &c, SENTENCE, strlen(SENTENCE)), 0);
	ck_assert_int_eq(c.bad, 0);
	ck_assert_uint_gt(c.n, 5);
	ck_assert_str_eq(c.joined.data, SENTENCE);
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(offsets_exact_with_spaces)
{
	const char *text = "  再委託先の 株式会社トッパンに\n住所と\t氏名を提供する \r\n";
	struct segmenter *s = new_segmenter();
	struct collect c;
	char *want = strip_space(text);

	ck_assert_int_eq(run(s, &c, text, strlen(text)), 0);
	ck_assert_int_eq(c.bad, 0);
	ck_assert_str_eq(c.joined.data, want);
	free(want);
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(kabushikigaisha_is_noun)
{
	struct segmenter *s = new_segmenter();
	struct collect c;
	size_t i;
	int found = 0;

	ck_assert_int_eq(run(s, &c, SENTENCE, strlen(SENTENCE)), 0);
	for (i = 0; i < c.pos.n; i++)
		if (strncmp(c.pos.v[i], "株式会社\t", strlen("株式会社\t")) == 0) {
			ck_assert_str_eq(strchr(c.pos.v[i], '\t') + 1,
			    "名詞\t一般");
			found = 1;
		}
	ck_assert_int_eq(found, 1);
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(particle_has_pos_and_sub_category)
{
	struct segmenter *s = new_segmenter();
	struct collect c;

	ck_assert_int_eq(run(s, &c, "住所を", strlen("住所を")), 0);
	ck_assert_uint_eq(c.pos.n, 2);
	ck_assert_str_eq(c.pos.v[0], "住所\t名詞\t一般");
	ck_assert_str_eq(c.pos.v[1], "を\t助詞\t格助詞");
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(long_line_keeps_offsets)
{
	struct segmenter *s = new_segmenter();
	struct buf text = BUF_INIT;
	struct collect c;
	char *want;

	buf_puts(&text, "第一行\n");
	while (text.len < 20 * 1024)
		buf_puts(&text, SENTENCE "。");
	buf_puts(&text, "\n最後の行に氏名を記載する\n");
	ck_assert_int_eq(run(s, &c, text.data, text.len), 0);
	ck_assert_int_eq(c.bad, 0);
	want = strip_space(text.data);
	ck_assert_str_eq(c.joined.data, want);
	free(want);
	collect_free(&c);
	buf_free(&text);
	segmenter_free(s);
}
END_TEST

START_TEST(long_line_without_punctuation)
{
	struct segmenter *s = new_segmenter();
	struct buf text = BUF_INIT;
	struct collect c;

	while (text.len < 20 * 1024)
		buf_puts(&text, "個人情報保護");
	ck_assert_int_eq(run(s, &c, text.data, text.len), 0);
	ck_assert_int_eq(c.bad, 0);
	ck_assert_str_eq(c.joined.data, text.data);
	collect_free(&c);
	buf_free(&text);
	segmenter_free(s);
}
END_TEST

START_TEST(empty_input_gives_no_words)
{
	struct segmenter *s = new_segmenter();
	struct collect c;

	ck_assert_int_eq(run(s, &c, "", 0), 0);
	ck_assert_uint_eq(c.n, 0);
	ck_assert_int_eq(run(s, &c, "\n\n \r\n", 5), 0);
	ck_assert_uint_eq(c.n, 0);
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(callback_stops_early)
{
	struct segmenter *s = new_segmenter();
	struct collect c;

	memset(&c, 0, sizeof(c));
	c.text = SENTENCE "\n" SENTENCE;
	c.len = strlen(c.text);
	c.limit = 2;
	ck_assert_int_eq(segmenter_words(s, c.text, c.len, collect_word, &c),
	    0);
	ck_assert_uint_eq(c.n, 2);
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(two_segmenters_independent)
{
	struct segmenter *a = new_segmenter();
	struct segmenter *b = new_segmenter();
	const char *other = "氏名を提供する";
	struct collect ca, cb;

	ck_assert_int_eq(run(a, &ca, SENTENCE, strlen(SENTENCE)), 0);
	ck_assert_int_eq(run(b, &cb, other, strlen(other)), 0);
	segmenter_free(b);
	ck_assert_str_eq(ca.joined.data, SENTENCE);
	ck_assert_str_eq(cb.joined.data, other);
	collect_free(&ca);
	ck_assert_int_eq(run(a, &ca, other, strlen(other)), 0);
	ck_assert_str_eq(ca.joined.data, other);
	collect_free(&ca);
	collect_free(&cb);
	segmenter_free(a);
}
END_TEST

START_TEST(invalid_utf8_survives)
{
	const char text[] = "氏名\xff\xfe住\xe4\xbd所\xe3\n\x80\x80\xc0\xaf提供\xe3";
	struct segmenter *s = new_segmenter();
	struct buf big = BUF_INIT;
	struct collect c;
	int rc;

	rc = run(s, &c, text, sizeof(text) - 1);
	ck_assert(rc == 0 || rc == -1);
	ck_assert_int_eq(c.bad, 0);
	collect_free(&c);
	while (big.len < 20 * 1024)
		buf_put(&big, "\xe3\x80\x80\x80\xff", 5);
	rc = run(s, &c, big.data, big.len);
	ck_assert(rc == 0 || rc == -1);
	ck_assert_int_eq(c.bad, 0);
	collect_free(&c);
	buf_free(&big);
	segmenter_free(s);
}
END_TEST

START_TEST(error_is_empty_after_success)
{
	struct segmenter *s = new_segmenter();
	struct collect c;

	ck_assert_int_eq(run(s, &c, SENTENCE, strlen(SENTENCE)), 0);
	ck_assert_str_eq(segmenter_error(s), "");
	collect_free(&c);
	segmenter_free(s);
}
END_TEST

START_TEST(missing_dictionary_reports_error)
{
	char err[256] = "";
	struct segmenter *s;

	setenv("MECABRC", "/nonexistent/mecabrc", 1);
	s = segmenter_new(err, sizeof(err));
	unsetenv("MECABRC");
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(err, "mecab: "));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/mecabrc"));
}
END_TEST

static Suite *
segmenter_suite(void)
{
	Suite *s = suite_create("segmenter");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, words_concatenate_to_input);
	tcase_add_test(tc, offsets_exact_with_spaces);
	tcase_add_test(tc, kabushikigaisha_is_noun);
	tcase_add_test(tc, particle_has_pos_and_sub_category);
	tcase_add_test(tc, long_line_keeps_offsets);
	tcase_add_test(tc, long_line_without_punctuation);
	tcase_add_test(tc, empty_input_gives_no_words);
	tcase_add_test(tc, callback_stops_early);
	tcase_add_test(tc, two_segmenters_independent);
	tcase_add_test(tc, invalid_utf8_survives);
	tcase_add_test(tc, error_is_empty_after_success);
	tcase_add_test(tc, missing_dictionary_reports_error);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(segmenter_suite)
