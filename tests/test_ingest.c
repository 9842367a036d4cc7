/*
 * test_ingest.c — walking a corpus directory and reading its files.
 *
 * Each test gets a fresh temporary tree: base/corpus holds the documents
 * (good, bad and ignored ones, a subdirectory, symlinks and a loop) and
 * base/outside a directory reached only through a symlink.
 */
#define _XOPEN_SOURCE 700	/* nftw() */

#include <sys/stat.h>

#include <check.h>
#include <fcntl.h>
#include <ftw.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"

#include "check_main.h"

#define SAMPLE	"新宿区個人情報保護条例第12条 委託先：株式会社テスト"
#define SMALL	((struct ingest_opts){ 100 })

static char base[64];
static char corpus[96];
static struct strlist lines = STRLIST_INIT;
static struct diag dg;

static void
collect(void *arg, const char *line)
{
	strlist_push(arg, line);
}

static char *
path_in(const char *dir, const char *rel)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s", dir, rel);
	return buf_detach(&b);
}

static void
write_file(const char *rel, const void *p, size_t n)
{
	char *path = path_in(base, rel);
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot create %s", path);
	ck_assert_uint_eq(fwrite(p, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
	free(path);
}

static void
make_dir(const char *rel)
{
	char *path = path_in(base, rel);

	ck_assert_int_eq(mkdir(path, 0755), 0);
	free(path);
}

static void
make_link(const char *target, const char *rel)
{
	char *path = path_in(base, rel);

	ck_assert_int_eq(symlink(target, path), 0);
	free(path);
}

/* Convert UTF-8 to charset with iconv; the caller frees. */
static char *
encode(const char *charset, const char *s, size_t *len)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	size_t inleft = strlen(s), outleft = 4 * inleft + 16;
	char *out = xmalloc(outleft), *in = (char *)s, *o = out;

	ck_assert(cd != (iconv_t)-1);
	ck_assert(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static void
write_encoded(const char *rel, const char *charset, const char *s)
{
	size_t n;
	char *p = encode(charset, s, &n);

	write_file(rel, p, n);
	free(p);
}

static void
write_big(const char *rel, size_t n)
{
	char *p = xmalloc(n);

	memset(p, 'x', n);
	write_file(rel, p, n);
	free(p);
}

static void
setup(void)
{
	static const char invalid[] = "\xff\xfe\xff\xfe\xff\xfe\xff\xfe";

	strcpy(base, "/tmp/test_ingest.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(base));
	snprintf(corpus, sizeof(corpus), "%s/corpus", base);
	make_dir("corpus");
	make_dir("outside");
	make_dir("corpus/sub");
	make_dir("corpus/sub/deeper");
	make_dir("corpus/.git");
	write_encoded("corpus/sjis.txt", "CP932", SAMPLE);
	write_encoded("corpus/eucjp.txt", "EUC-JP", SAMPLE);
	write_file("corpus/bom.md", "\xef\xbb\xbf" SAMPLE, strlen(SAMPLE) + 3);
	write_file("corpus/crlf.html", "<p>a</p>\r\n<p>b</p>\r\n", 20);
	write_file("corpus/empty.txt", "", 0);
	write_file("corpus/binary.txt", "abc\0def\0", 8);
	write_file("corpus/invalid.txt", invalid, sizeof(invalid) - 1);
	write_big("corpus/big.txt", 200);
	write_file("corpus/Upper.TXT", "upper\n", 6);
	write_file("corpus/page.Htm", "<p>page</p>\n", 12);
	write_file("corpus/sub.txt", "sub\n", 4);
	write_file("corpus/sub0.txt", "sub0\n", 5);
	write_file("corpus/sub/inner.txt", "inner\n", 6);
	write_file("corpus/sub/deeper/x.htm", "x\n", 2);
	write_file("corpus/image.png", "\x89PNG\0", 5);
	write_file("corpus/README", "readme\n", 7);
	write_file("corpus/.hidden.txt", "hidden\n", 7);
	write_file("corpus/.git/x.txt", "git\n", 4);
	write_file("outside/o.txt", "outside\n", 8);
	make_link("..", "corpus/sub/loop");
	make_link(".", "corpus/self");
	make_link("sub/deeper", "corpus/alias");
	make_link("../outside", "corpus/ext");
	make_link("sub/inner.txt", "corpus/file-link.txt");
	dg.sink = collect;
	dg.arg = &lines;
	dg.count = 0;
}

static int
unlock_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st, (void)ftw;
	if (flag == FTW_DNR && chmod(path, 0700) == 0)
		nftw(path, unlock_one, 16, FTW_PHYS);
	return 0;
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

/* Remove the tree, first making directories set to mode 0 usable. */
static void
teardown(void)
{
	nftw(base, unlock_one, 16, FTW_PHYS);
	nftw(base, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	strlist_free(&lines);
}

/* Expect exactly one new diagnostic, for path, with the given reason. */
static void
expect_diag(const char *rel, const char *reason)
{
	char *want = path_in(corpus, rel);
	size_t n = strlen(want);

	ck_assert_uint_eq(lines.n, 1);
	ck_assert_uint_eq(dg.count, 1);
	ck_assert_msg(strncmp(lines.v[0], want, n) == 0 &&
	    strncmp(lines.v[0] + n, ": ", 2) == 0,
	    "\"%s\" does not start with \"%s: \"", lines.v[0], want);
	ck_assert_str_eq(lines.v[0] + n + 2, reason);
	free(want);
}

/* Read rel, expecting success. */
static void
read_ok(const char *rel, struct source *src)
{
	ck_assert_int_eq(ingest_read(corpus, rel, NULL, src, &dg), 0);
	ck_assert_uint_eq(dg.count, 0);
	ck_assert_str_eq(src->path, rel);
	ck_assert_uint_eq(src->len, strlen(src->text));
}

/* Read rel, expecting a rejection with one diagnostic. */
static void
read_fails(const char *rel, const struct ingest_opts *o, const char *why)
{
	struct source src;

	memset(&src, 0xa5, sizeof(src));
	ck_assert_int_eq(ingest_read(corpus, rel, o, &src, &dg), -1);
	ck_assert_ptr_null(src.path);
	ck_assert_ptr_null(src.text);
	ck_assert_uint_eq(src.len, 0);
	expect_diag(rel, why);
}

START_TEST(list_is_sorted_filtered_and_loop_free)
{
	static const char *want[] = {
		"Upper.TXT", "big.txt", "binary.txt", "bom.md", "crlf.html",
		"empty.txt", "eucjp.txt", "ext/o.txt", "file-link.txt",
		"invalid.txt", "page.Htm", "sjis.txt", "sub.txt",
		"sub/deeper/x.htm", "sub/inner.txt", "sub0.txt"
	};
	struct strlist l = STRLIST_INIT;
	size_t n = sizeof(want) / sizeof(want[0]);

	ck_assert_int_eq(ingest_list(corpus, &l, &dg), 0);
	for (size_t i = 0; i < l.n && i < n; i++)
		ck_assert_str_eq(l.v[i], want[i]);
	ck_assert_uint_eq(l.n, n);
	ck_assert_uint_eq(dg.count, 0);
	strlist_free(&l);
}
END_TEST

START_TEST(trailing_slash_changes_nothing)
{
	struct strlist a = STRLIST_INIT, b = STRLIST_INIT;
	char *dir = path_in(corpus, "");
	struct source src;

	ck_assert_int_eq(ingest_list(corpus, &a, &dg), 0);
	ck_assert_int_eq(ingest_list(dir, &b, &dg), 0);
	ck_assert_uint_eq(a.n, b.n);
	for (size_t i = 0; i < a.n; i++)
		ck_assert_str_eq(a.v[i], b.v[i]);
	ck_assert_int_eq(ingest_read(dir, "empty.txt", NULL, &src, &dg), -1);
	expect_diag("empty.txt", "empty file");
	strlist_free(&a);
	strlist_free(&b);
	free(dir);
}
END_TEST

START_TEST(list_names_office_files_it_does_not_read)
{
	struct strlist l = STRLIST_INIT;

	write_file("corpus/sub/list.xlsx", "PK\3\4", 4);
	ck_assert_int_eq(ingest_list(corpus, &l, &dg), 0);
	ck_assert(!strlist_contains(&l, "sub/list.xlsx"));
	expect_diag("sub/list.xlsx", "not read: picorpus reads .txt, .md, "
	    ".html and .pdf (save it as PDF or text)");
	strlist_free(&l);
}
END_TEST

START_TEST(list_missing_dir_fails)
{
	struct strlist l = STRLIST_INIT;
	char *dir = path_in(base, "missing");
	char *want = path_in(base,
	    "missing: cannot open directory: No such file or directory");

	ck_assert_int_eq(ingest_list(dir, &l, &dg), -1);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(lines.n, 1);
	ck_assert_str_eq(lines.v[0], want);
	strlist_free(&l);
	free(dir);
	free(want);
}
END_TEST

START_TEST(list_reports_dangling_link)
{
	struct strlist l = STRLIST_INIT;

	make_link("nowhere.txt", "corpus/dangling.txt");
	make_link("nowhere.png", "corpus/dangling.png");
	ck_assert_int_eq(ingest_list(corpus, &l, &dg), 0);
	ck_assert(!strlist_contains(&l, "dangling.txt"));
	expect_diag("dangling.txt", "cannot read: No such file or directory");
	strlist_free(&l);
}
END_TEST

START_TEST(list_reports_unreadable_subdir)
{
	struct strlist l = STRLIST_INIT;
	char *sub = path_in(corpus, "sub");
	char *link = path_in(corpus, "file-link.txt");

	if (geteuid() == 0) {	/* root reads it anyway */
		free(sub);
		free(link);
		return;
	}
	/* This link into sub would get a diagnostic of its own. */
	ck_assert_int_eq(unlink(link), 0);
	ck_assert_int_eq(chmod(sub, 0), 0);
	ck_assert_int_eq(ingest_list(corpus, &l, &dg), 0);
	ck_assert(!strlist_contains(&l, "sub/inner.txt"));
	expect_diag("sub", "cannot open directory: Permission denied");
	strlist_free(&l);
	free(sub);
	free(link);
}
END_TEST

START_TEST(read_cp932)
{
	struct source src;
	size_t n;
	char *raw = encode("CP932", SAMPLE, &n);

	read_ok("sjis.txt", &src);
	ck_assert_str_eq(src.text, SAMPLE);
	ck_assert_int_eq(src.enc, ENC_CP932);
	ck_assert_int_eq(src.format, FORMAT_TEXT);
	ck_assert(src.hash == hash_bytes(raw, n));
	source_free(&src);
	free(raw);
}
END_TEST

START_TEST(read_eucjp)
{
	struct source src;
	size_t n;
	char *raw = encode("EUC-JP", SAMPLE, &n);

	read_ok("eucjp.txt", &src);
	ck_assert_str_eq(src.text, SAMPLE);
	ck_assert_int_eq(src.enc, ENC_EUCJP);
	ck_assert(src.hash == hash_bytes(raw, n));
	source_free(&src);
	free(raw);
}
END_TEST

START_TEST(read_utf8_bom_markdown)
{
	struct source src;

	read_ok("bom.md", &src);
	ck_assert_str_eq(src.text, SAMPLE);
	ck_assert_int_eq(src.enc, ENC_UTF8_BOM);
	ck_assert_int_eq(src.format, FORMAT_MARKDOWN);
	source_free(&src);
}
END_TEST

START_TEST(read_crlf_html)
{
	struct source src;

	read_ok("crlf.html", &src);
	ck_assert_str_eq(src.text, "<p>a</p>\n<p>b</p>\n");
	ck_assert_int_eq(src.enc, ENC_UTF8);
	ck_assert_int_eq(src.format, FORMAT_HTML);
	source_free(&src);
}
END_TEST

START_TEST(read_format_ignores_case)
{
	struct source src;

	read_ok("page.Htm", &src);
	ck_assert_int_eq(src.format, FORMAT_HTML);
	source_free(&src);
	read_ok("Upper.TXT", &src);
	ck_assert_int_eq(src.format, FORMAT_TEXT);
	source_free(&src);
}
END_TEST

START_TEST(read_in_subdir_and_through_link)
{
	struct source src;

	read_ok("sub/deeper/x.htm", &src);
	ck_assert_str_eq(src.text, "x\n");
	source_free(&src);
	read_ok("file-link.txt", &src);
	ck_assert_str_eq(src.text, "inner\n");
	source_free(&src);
}
END_TEST

START_TEST(read_empty)
{
	read_fails("empty.txt", NULL, "empty file");
}
END_TEST

START_TEST(read_binary)
{
	read_fails("binary.txt", NULL, "binary file (NUL bytes)");
}
END_TEST

START_TEST(read_invalid)
{
	read_fails("invalid.txt", NULL,
	    "undecodable text (not UTF-8, CP932 or EUC-JP)");
}
END_TEST

START_TEST(read_too_large)
{
	struct ingest_opts o = SMALL;

	read_fails("big.txt", &o, "file too large (200 bytes, limit 100)");
}
END_TEST

START_TEST(read_at_limit_and_default_limit)
{
	struct ingest_opts o = { 200 };
	struct source src;

	ck_assert_int_eq(ingest_read(corpus, "big.txt", &o, &src, &dg), 0);
	ck_assert_uint_eq(src.len, 200);
	source_free(&src);
	o.max_bytes = 0;
	ck_assert_int_eq(ingest_read(corpus, "big.txt", &o, &src, &dg), 0);
	source_free(&src);
	ck_assert_uint_eq(dg.count, 0);
}
END_TEST

START_TEST(read_missing)
{
	read_fails("missing.txt", NULL,
	    "cannot read: No such file or directory");
}
END_TEST

START_TEST(read_directory)
{
	read_fails("sub", NULL, "not a regular file");
}
END_TEST

START_TEST(read_unreadable)
{
	char *path = path_in(corpus, "sjis.txt");

	if (geteuid() == 0) {	/* root reads it anyway */
		free(path);
		return;
	}
	ck_assert_int_eq(chmod(path, 0), 0);
	read_fails("sjis.txt", NULL, "cannot read: Permission denied");
	free(path);
}
END_TEST

START_TEST(one_diagnostic_per_bad_file)
{
	static const char *bad[] = {
		"big.txt", "binary.txt", "empty.txt", "invalid.txt"
	};
	struct ingest_opts o = SMALL;
	struct strlist l = STRLIST_INIT;
	struct source src;
	size_t ok = 0;

	ck_assert_int_eq(ingest_list(corpus, &l, &dg), 0);
	for (size_t i = 0; i < l.n; i++)
		if (ingest_read(corpus, l.v[i], &o, &src, &dg) == 0) {
			ok++;
			source_free(&src);
		}
	ck_assert_uint_eq(ok, l.n - 4);
	ck_assert_uint_eq(lines.n, 4);
	ck_assert_uint_eq(dg.count, 4);
	for (size_t i = 0; i < 4; i++) {
		char *want = path_in(corpus, bad[i]);
		size_t n = strlen(want);

		ck_assert_msg(strncmp(lines.v[i], want, n) == 0 &&
		    strncmp(lines.v[i] + n, ": ", 2) == 0,
		    "\"%s\" is not about %s", lines.v[i], want);
		free(want);
	}
	strlist_free(&l);
}
END_TEST

START_TEST(fnv1a_known_values)
{
	ck_assert(hash_bytes("", 0) == UINT64_C(0xcbf29ce484222325));
	ck_assert(hash_bytes("a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	ck_assert(hash_bytes("foobar", 6) == UINT64_C(0x85944171f73967e8));
}
END_TEST

START_TEST(source_free_accepts_null_and_zeroed)
{
	struct source src;

	memset(&src, 0, sizeof(src));
	source_free(NULL);
	source_free(&src);
	source_free(&src);
}
END_TEST

static Suite *
ingest_suite(void)
{
	Suite *s = suite_create("ingest");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, list_is_sorted_filtered_and_loop_free);
	tcase_add_test(tc, trailing_slash_changes_nothing);
	tcase_add_test(tc, list_missing_dir_fails);
	tcase_add_test(tc, list_names_office_files_it_does_not_read);
	tcase_add_test(tc, list_reports_dangling_link);
	tcase_add_test(tc, list_reports_unreadable_subdir);
	tcase_add_test(tc, read_cp932);
	tcase_add_test(tc, read_eucjp);
	tcase_add_test(tc, read_utf8_bom_markdown);
	tcase_add_test(tc, read_crlf_html);
	tcase_add_test(tc, read_format_ignores_case);
	tcase_add_test(tc, read_in_subdir_and_through_link);
	tcase_add_test(tc, read_empty);
	tcase_add_test(tc, read_binary);
	tcase_add_test(tc, read_invalid);
	tcase_add_test(tc, read_too_large);
	tcase_add_test(tc, read_at_limit_and_default_limit);
	tcase_add_test(tc, read_missing);
	tcase_add_test(tc, read_directory);
	tcase_add_test(tc, read_unreadable);
	tcase_add_test(tc, one_diagnostic_per_bad_file);
	tcase_add_test(tc, fnv1a_known_values);
	tcase_add_test(tc, source_free_accepts_null_and_zeroed);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(ingest_suite)
