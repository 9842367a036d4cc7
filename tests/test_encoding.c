/*
 * test_encoding.c — encoding detection and decoding to UTF-8.
 */
#include <check.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"

#include "check_main.h"

#define SAMPLE	"新宿区個人情報保護条例第12条 委託先：株式会社テスト"

/*
 * Convert NUL-terminated UTF-8 to charset with iconv; returns a new
 * buffer and its length, or NULL when iconv refuses.
 */
static char *
convert(const char *charset, const char *from, const char *s, size_t n,
    size_t *len)
{
	iconv_t cd = iconv_open(charset, from);
	size_t inleft = n, outleft = 4 * n + 16;
	char *out = xmalloc(outleft), *in = (char *)s, *o = out;

	ck_assert_msg(cd != (iconv_t)-1, "iconv_open %s", charset);
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static char *
encode(const char *charset, const char *utf8, size_t *len)
{
	char *p = convert(charset, "UTF-8", utf8, strlen(utf8), len);

	ck_assert_ptr_nonnull(p);
	return p;
}

/* Decode and expect success with the given encoding and text. */
static void
expect_text(const void *bytes, size_t n, enum encoding want_enc,
    const char *want)
{
	enum encoding enc = ENC_UNKNOWN;
	const char *why = NULL;
	size_t len = 0;
	char *out = NULL;

	ck_assert_int_eq(decode_text(bytes, n, &out, &len, &enc, &why), 0);
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, want);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_str_eq(encoding_name(enc), encoding_name(want_enc));
	free(out);
}

/* Decode and expect a rejection whose reason starts with want. */
static void
expect_reject(const void *bytes, size_t n, const char *want)
{
	enum encoding enc = ENC_UTF8;
	const char *why = NULL;
	size_t len = 1;
	char *out = (char *)"sentinel";

	ck_assert_int_eq(decode_text(bytes, n, &out, &len, &enc, &why), -1);
	ck_assert_ptr_null(out);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(strncmp(why, want, strlen(want)) == 0,
	    "reason \"%s\" does not start with \"%s\"", why, want);
	ck_assert_int_eq(enc, ENC_UNKNOWN);
}

START_TEST(plain_utf8)
{
	expect_text(SAMPLE "\n", strlen(SAMPLE "\n"), ENC_UTF8, SAMPLE "\n");
}
END_TEST

START_TEST(vertical_forms_are_read_as_set_across)
{
	expect_text("氏名︑住所︵一︶﹁件名﹂︒\n", strlen("氏名︑住所︵一︶﹁件名﹂︒\n"),
	    ENC_UTF8, "氏名、住所（一）「件名」。\n");
}
END_TEST

START_TEST(ascii_is_utf8)
{
	expect_text("hello\tworld\f\n", 13, ENC_UTF8, "hello\tworld\f\n");
}
END_TEST

START_TEST(bom_is_stripped)
{
	const char *s = "\xef\xbb\xbf" SAMPLE;

	expect_text(s, strlen(s), ENC_UTF8_BOM, SAMPLE);
}
END_TEST

START_TEST(crlf_and_cr_become_lf)
{
	const char *s = "第1条\r\n第2条\r第3条\n\r\n";

	expect_text(s, strlen(s), ENC_UTF8, "第1条\n第2条\n第3条\n\n");
}
END_TEST

START_TEST(cp932_decodes_to_original)
{
	size_t n;
	char *b = encode("CP932", SAMPLE, &n);

	expect_text(b, n, ENC_CP932, SAMPLE);
	free(b);
}
END_TEST

START_TEST(eucjp_decodes_to_original)
{
	size_t n;
	char *b = encode("EUC-JP", SAMPLE, &n);

	expect_text(b, n, ENC_EUCJP, SAMPLE);
	free(b);
}
END_TEST

START_TEST(cp932_crlf_becomes_lf)
{
	size_t n;
	char *b = encode("CP932", "諮問第1号\r\n杉並区長\r\n", &n);

	expect_text(b, n, ENC_CP932, "諮問第1号\n杉並区長\n");
	free(b);
}
END_TEST

START_TEST(eucjp_that_is_also_valid_cp932)
{
	const char *s = "個人情報の保護について";
	size_t n, m;
	char *b = encode("EUC-JP", s, &n);
	char *c = convert("UTF-8", "CP932", b, n, &m);

	/* The fixture must be ambiguous for the test to mean anything. */
	ck_assert_ptr_nonnull(c);
	free(c);
	expect_text(b, n, ENC_EUCJP, s);
	free(b);
}
END_TEST

START_TEST(empty_input)
{
	expect_reject("", 0, "empty file");
}
END_TEST

START_TEST(bom_and_blanks_are_empty)
{
	const char *s = "\xef\xbb\xbf \r\n\t\n";

	expect_reject(s, strlen(s), "empty file");
}
END_TEST

START_TEST(nul_bytes_are_binary)
{
	expect_reject("abc\0def\0", 8, "binary file (NUL bytes)");
}
END_TEST

START_TEST(control_bytes_are_binary)
{
	expect_reject("ab\x01\x02\x03\x1b\x7f" "cd", 9, "binary file");
}
END_TEST

START_TEST(invalid_bytes_are_undecodable)
{
	static const char *charsets[] = { "UTF-8", "CP932", "EUC-JP" };
	struct buf b = BUF_INIT;
	size_t m;

	for (int i = 0; i < 16; i++)
		buf_puts(&b, "\xff\xfe");
	for (size_t i = 0; i < 3; i++)
		ck_assert_ptr_null(convert("UTF-8", charsets[i], b.data,
		    b.len, &m));
	expect_reject(b.data, b.len,
	    "undecodable text (not UTF-8, CP932 or EUC-JP)");
	buf_free(&b);
}
END_TEST

START_TEST(overlong_utf8_is_not_utf8)
{
	enum encoding enc = ENC_UNKNOWN;
	const char *why;
	size_t len;
	char *out = NULL;

	if (decode_text((const unsigned char *)"\xc0\xaf", 2, &out, &len,
	    &enc, &why) == 0)
		ck_assert_int_ne(enc, ENC_UTF8);
	free(out);
}
END_TEST

START_TEST(encoding_names)
{
	ck_assert_str_eq(encoding_name(ENC_UTF8), "UTF-8");
	ck_assert_str_eq(encoding_name(ENC_UTF8_BOM), "UTF-8 (BOM)");
	ck_assert_str_eq(encoding_name(ENC_CP932), "CP932");
	ck_assert_str_eq(encoding_name(ENC_EUCJP), "EUC-JP");
	ck_assert_str_eq(encoding_name(ENC_UNKNOWN), "unknown");
}
END_TEST

static Suite *
encoding_suite(void)
{
	Suite *s = suite_create("encoding");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, plain_utf8);
	tcase_add_test(tc, ascii_is_utf8);
	tcase_add_test(tc, vertical_forms_are_read_as_set_across);
	tcase_add_test(tc, bom_is_stripped);
	tcase_add_test(tc, crlf_and_cr_become_lf);
	tcase_add_test(tc, cp932_decodes_to_original);
	tcase_add_test(tc, eucjp_decodes_to_original);
	tcase_add_test(tc, cp932_crlf_becomes_lf);
	tcase_add_test(tc, eucjp_that_is_also_valid_cp932);
	tcase_add_test(tc, empty_input);
	tcase_add_test(tc, bom_and_blanks_are_empty);
	tcase_add_test(tc, nul_bytes_are_binary);
	tcase_add_test(tc, control_bytes_are_binary);
	tcase_add_test(tc, invalid_bytes_are_undecodable);
	tcase_add_test(tc, overlong_utf8_is_not_utf8);
	tcase_add_test(tc, encoding_names);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(encoding_suite)
