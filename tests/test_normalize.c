/*
 * test_normalize.c — normalize.c: NFKC and folding, PDF letter-spacing
 * repair, white space removal, 和暦 and Gregorian dates, counts and
 * numbers.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "normalize.h"

#include "check_main.h"

#define ASSERT_MAP(fn, in, want) do {			\
	char *got = fn(in, strlen(in));			\
	ck_assert_str_eq(got, want);			\
	free(got);					\
} while (0)

#define ASSERT_ISO(in, want) do {			\
	char iso[11];					\
	ck_assert_int_eq(norm_date_iso(in, strlen(in), iso), 0); \
	ck_assert_str_eq(iso, want);			\
} while (0)

#define ASSERT_NO_ISO(in) do {				\
	char iso[11];					\
	ck_assert_int_eq(norm_date_iso(in, strlen(in), iso), -1); \
} while (0)

#define ASSERT_DATE(in, y, m, d) do {			\
	struct norm_date nd;				\
	ck_assert_int_eq(norm_find_date(in, strlen(in), &nd, NULL, NULL), 0); \
	ck_assert_int_eq(nd.year, y);			\
	ck_assert_int_eq(nd.month, m);			\
	ck_assert_int_eq(nd.day, d);			\
} while (0)

#define ASSERT_NO_DATE(in) do {				\
	struct norm_date nd;				\
	ck_assert_int_eq(norm_find_date(in, strlen(in), &nd, NULL, NULL), -1); \
} while (0)

#define ASSERT_COUNT(in, want) \
	ck_assert_int_eq(norm_parse_count(in, strlen(in)), want)

/* One code point as UTF-8 into u (4 bytes and a NUL); its length. */
static size_t
put_utf8(int32_t c, char *u)
{
	utf8proc_ssize_t n = utf8proc_encode_char(c, (utf8proc_uint8_t *)u);

	u[n] = '\0';
	return (size_t)n;
}

/* utf8proc's own NFKC (fold: + case folding) of s. */
static char *
utf8proc_nfkc(const char *s, int fold)
{
	utf8proc_uint8_t *dst;

	ck_assert_int_ge(utf8proc_map((const utf8proc_uint8_t *)s, 0, &dst,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | (fold ? UTF8PROC_CASEFOLD : 0)), 0);
	return (char *)dst;
}

/* norm_simple_map: the fast path of norm_nfkc() and norm_fold() */
START_TEST(simple_map_agrees_with_utf8proc_per_cp)
{
	char u[5], want[5];
	size_t mapped = 0;

	for (int fold = 0; fold <= 1; fold++)
		for (int32_t c = 1; c <= 0x10ffff; c++) {
			int32_t m = norm_simple_map(c, fold);
			char *f;

			if (m == -1)
				continue;
			put_utf8(c, u);
			put_utf8(m, want);
			f = utf8proc_nfkc(u, fold);
			ck_assert_msg(strcmp(f, want) == 0, "U+%04X fold %d",
			    (unsigned)c, fold);
			ck_assert_int_eq(
			    utf8proc_get_property(c)->combining_class, 0);
			free(f);
			mapped++;
		}
	ck_assert_uint_gt(mapped, 40000);
}
END_TEST

START_TEST(simple_map_pairs_do_not_interact)
{
	static int32_t v[0x10000];
	size_t n = 0;
	char s[9], want[9];

	for (int32_t c = 1; c < 0x10000; c++)
		if (norm_simple_map(c, 1) != -1)
			v[n++] = c;
	srand(8);
	for (int k = 0; k < 100000; k++) {
		int32_t a = v[(size_t)rand() % n], b = v[(size_t)rand() % n];
		char *f;
		size_t m = put_utf8(a, s);

		put_utf8(b, s + m);
		m = put_utf8(norm_simple_map(a, 1), want);
		put_utf8(norm_simple_map(b, 1), want + m);
		f = utf8proc_nfkc(s, 1);
		ck_assert_str_eq(f, want);
		free(f);
	}
}
END_TEST

START_TEST(fold_fast_path_matches_slow_path)
{
	/* text of simply mapped code points is mapped directly; one other
	 * code point sends all of it through utf8proc */
	ASSERT_MAP(norm_fold, "再委託の有無", "再委託の有無");
	ASSERT_MAP(norm_fold, "再委託のLGWAN", "再委託のlgwan");
	ASSERT_MAP(norm_fold, "再委託（LGWAN）", "再委託(lgwan)");
	ASSERT_MAP(norm_fold, "ｶﾞｽ料金", "ガス料金");
	ASSERT_MAP(norm_fold, "か\xe3\x82\x99", "が");	/* か + U+3099 */
	ASSERT_MAP(norm_nfkc, "再委託　ＬＧＷＡＮ", "再委託 LGWAN");
	ASSERT_MAP(norm_fold, "再委託　ＬＧＷＡＮ", "再委託 lgwan");
	ASSERT_MAP(norm_fold, "Ａ\xcc\x81", "\xc3\xa1");	/* Ａ + U+0301: á */
	/* an overlong 'A' is invalid, not a letter */
	ASSERT_MAP(norm_fold, "x\xe0\x81\x81", "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}
END_TEST

/* norm_nfkc */

START_TEST(nfkc_folds_fullwidth_latin)
{
	ASSERT_MAP(norm_nfkc, "ＬＧＷＡＮ", "LGWAN");
}
END_TEST

START_TEST(nfkc_widens_halfwidth_katakana)
{
	ASSERT_MAP(norm_nfkc, "ｺｰﾙｾﾝﾀｰ", "コールセンター");
}
END_TEST

START_TEST(nfkc_composes_halfwidth_voicing)
{
	ASSERT_MAP(norm_nfkc, "ｶﾞ", "ガ");
}
END_TEST

START_TEST(nfkc_folds_fullwidth_digits)
{
	ASSERT_MAP(norm_nfkc, "１２３", "123");
}
END_TEST

START_TEST(nfkc_unfolds_circled_digit)
{
	ASSERT_MAP(norm_nfkc, "①", "1");
}
END_TEST

START_TEST(nfkc_keeps_kanji)
{
	ASSERT_MAP(norm_nfkc, "個人情報保護条例", "個人情報保護条例");
}
END_TEST

START_TEST(nfkc_replaces_invalid_bytes)
{
	ASSERT_MAP(norm_nfkc, "a\xff" "b", "a\xef\xbf\xbd" "b");
}
END_TEST

START_TEST(nfkc_replaces_each_byte_of_truncated_sequence)
{
	ASSERT_MAP(norm_nfkc, "b\xe3\x81", "b\xef\xbf\xbd\xef\xbf\xbd");
}
END_TEST

START_TEST(nfkc_respects_len_without_nul)
{
	char s[4] = { 'A', 'B', 'C', 'D' };
	char *got = norm_nfkc(s, 3);

	ck_assert_str_eq(got, "ABC");
	free(got);
}
END_TEST

START_TEST(nfkc_of_empty_is_empty)
{
	char *got = norm_nfkc("", 0);

	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

/* norm_fold */

START_TEST(fold_makes_widths_and_cases_equal)
{
	ASSERT_MAP(norm_fold, "LGWAN", "lgwan");
	ASSERT_MAP(norm_fold, "ＬＧＷＡＮ", "lgwan");
	ASSERT_MAP(norm_fold, "lgwan", "lgwan");
}
END_TEST

/* norm_repair_spacing */

START_TEST(repair_joins_spaced_era_date)
{
	ASSERT_MAP(norm_repair_spacing, "平 成 3 1 年 2 月 6 日",
	    "平成31年2月6日");
}
END_TEST

START_TEST(repair_joins_spaced_number_heading)
{
	ASSERT_MAP(norm_repair_spacing, "諮 問 第 8 1 2 号", "諮問第812号");
}
END_TEST

START_TEST(repair_keeps_space_before_joined_digits)
{
	ASSERT_MAP(norm_repair_spacing, "基本方針 2 0 1 8", "基本方針 2018");
}
END_TEST

START_TEST(repair_keeps_numbered_item)
{
	ASSERT_MAP(norm_repair_spacing, "1 委託の件名", "1 委託の件名");
}
END_TEST

START_TEST(repair_keeps_space_between_words)
{
	ASSERT_MAP(norm_repair_spacing, "健康診査 がん検診", "健康診査 がん検診");
}
END_TEST

START_TEST(repair_joins_spaced_name)
{
	ASSERT_MAP(norm_repair_spacing, "会 長 小 橋 昇 様", "会長小橋昇様");
}
END_TEST

START_TEST(repair_accepts_ideographic_space)
{
	ASSERT_MAP(norm_repair_spacing, "会\xe3\x80\x80長 小\xe3\x80\x80橋",
	    "会長小橋");
}
END_TEST

START_TEST(repair_needs_three_single_characters)
{
	ASSERT_MAP(norm_repair_spacing, "ア 区から", "ア 区から");
	ASSERT_MAP(norm_repair_spacing, "ア イ 区から", "ア イ 区から");
}
END_TEST

START_TEST(repair_keeps_double_spaces)
{
	ASSERT_MAP(norm_repair_spacing, "会  長  様", "会  長  様");
}
END_TEST

START_TEST(repair_works_per_line)
{
	ASSERT_MAP(norm_repair_spacing,
	    "諮 問 第 8 1 2 号\n1 委託の件名\n会 長 様\n",
	    "諮問第812号\n1 委託の件名\n会長様\n");
}
END_TEST

START_TEST(repair_does_not_join_across_lines)
{
	ASSERT_MAP(norm_repair_spacing, "ア 区\nイ から", "ア 区\nイ から");
}
END_TEST

START_TEST(repair_replaces_invalid_bytes)
{
	ASSERT_MAP(norm_repair_spacing, "\xff\n会 長 様", "\xef\xbf\xbd\n会長様");
}
END_TEST

/* norm_strip_space */

START_TEST(strip_removes_ascii_and_ideographic_space)
{
	ASSERT_MAP(norm_strip_space, " 個人 情報\xe3\x80\x80保護\t\n条例 ",
	    "個人情報保護条例");
}
END_TEST

/* norm_find_date and norm_date_iso */

START_TEST(date_reiwa)
{
	ASSERT_ISO("令和7年4月1日", "2025-04-01");
}
END_TEST

START_TEST(date_heisei)
{
	ASSERT_ISO("平成31年2月6日", "2019-02-06");
}
END_TEST

START_TEST(date_letter_spaced)
{
	ASSERT_ISO("平 成 3 1 年 2 月 6 日", "2019-02-06");
}
END_TEST

START_TEST(date_partly_spaced)
{
	ASSERT_ISO("令和 7 年 4 月 1 日", "2025-04-01");
}
END_TEST

START_TEST(date_gannen)
{
	ASSERT_ISO("令和元年5月1日", "2019-05-01");
	ASSERT_ISO("平成元年1月8日", "1989-01-08");
}
END_TEST

START_TEST(date_past_era_end_is_arithmetic)
{
	ASSERT_ISO("平成32年3月31日", "2020-03-31");
	ASSERT_ISO("昭和64年1月7日", "1989-01-07");
}
END_TEST

START_TEST(date_older_eras)
{
	ASSERT_ISO("大正元年8月1日", "1912-08-01");
	ASSERT_ISO("明治45年7月29日", "1912-07-29");
}
END_TEST

START_TEST(date_kanji_numerals)
{
	ASSERT_ISO("令和六年十月一日", "2024-10-01");
}
END_TEST

START_TEST(date_fullwidth_digits)
{
	ASSERT_ISO("令和６年３月１５日", "2024-03-15");
}
END_TEST

START_TEST(date_dotted_letter_era)
{
	ASSERT_ISO("R6.10.1", "2024-10-01");
	ASSERT_ISO("R6/10/1", "2024-10-01");
	ASSERT_ISO("H31.2.6", "2019-02-06");
}
END_TEST

START_TEST(date_letter_era_not_inside_word)
{
	ASSERT_NO_DATE("VER6.10.1");
}
END_TEST

START_TEST(date_gregorian)
{
	ASSERT_ISO("2019年4月1日", "2019-04-01");
	ASSERT_ISO("2019-04-01", "2019-04-01");
	ASSERT_ISO("2019/4/1", "2019-04-01");
}
END_TEST

START_TEST(date_gregorian_kanji)
{
	ASSERT_ISO("二〇一九年四月一日", "2019-04-01");
}
END_TEST

START_TEST(date_western_year_before_nen)
{
	ASSERT_ISO("令和７（2025）年９月２日", "2025-09-02");
}
END_TEST

START_TEST(date_parenthesised_year_without_day)
{
	ASSERT_DATE("平成31年(2019年)4月中旬", 2019, 4, 0);
	ASSERT_NO_ISO("平成31年(2019年)4月中旬");
}
END_TEST

START_TEST(date_month_only)
{
	ASSERT_DATE("令和3年3月から", 2021, 3, 0);
}
END_TEST

START_TEST(date_year_only)
{
	ASSERT_DATE("令和3年度", 2021, 0, 0);
}
END_TEST

START_TEST(date_invalid_day_rejected)
{
	ASSERT_NO_DATE("令和3年2月30日");
	ASSERT_NO_ISO("2019-02-30");
}
END_TEST

START_TEST(date_invalid_month_rejected)
{
	ASSERT_NO_DATE("令和3年13月1日");
	ASSERT_NO_ISO("2019/13/1");
}
END_TEST

START_TEST(date_leap_day)
{
	ASSERT_ISO("令和2年2月29日", "2020-02-29");
	ASSERT_NO_ISO("令和3年2月29日");
}
END_TEST

START_TEST(date_offsets)
{
	const char *s = "施行日 令和7年4月1日から";
	struct norm_date d;
	size_t start, end;

	ck_assert_int_eq(norm_find_date(s, strlen(s), &d, &start, &end), 0);
	ck_assert_uint_eq(start, strlen("施行日 "));
	ck_assert_uint_eq(end, strlen("施行日 令和7年4月1日"));
}
END_TEST

START_TEST(date_offsets_spaced)
{
	const char *s = "日付 平 成 3 1 年 2 月 6 日 提出";
	struct norm_date d;
	size_t start, end;

	ck_assert_int_eq(norm_find_date(s, strlen(s), &d, &start, &end), 0);
	ck_assert_uint_eq(start, strlen("日付 "));
	ck_assert_uint_eq(end, strlen("日付 平 成 3 1 年 2 月 6 日"));
}
END_TEST

START_TEST(date_none)
{
	ASSERT_NO_DATE("個人情報ファイル簿");
	ASSERT_NO_DATE("4月1日");
	ASSERT_NO_ISO("");
}
END_TEST

START_TEST(date_iso_skips_partial_dates)
{
	ASSERT_ISO("令和3年度 令和4年1月5日", "2022-01-05");
}
END_TEST

START_TEST(date_survives_invalid_bytes)
{
	ASSERT_ISO("\xff\xfe令和7年4月1日\xe3", "2025-04-01");
}
END_TEST

/* norm_parse_count */

START_TEST(count_with_commas)
{
	ASSERT_COUNT("約150,000人", 150000);
}
END_TEST

START_TEST(count_with_man)
{
	ASSERT_COUNT("約10万人", 100000);
}
END_TEST

START_TEST(count_fullwidth_with_commas)
{
	ASSERT_COUNT("１２，０００件", 12000);
}
END_TEST

START_TEST(count_per_year)
{
	ASSERT_COUNT("13,300件/年", 13300);
}
END_TEST

START_TEST(count_kanji)
{
	ASSERT_COUNT("三千人", 3000);
}
END_TEST

START_TEST(count_decimal_man)
{
	ASSERT_COUNT("1.5万人", 15000);
}
END_TEST

START_TEST(count_first_of_range)
{
	ASSERT_COUNT("10万人以上30万人未満", 100000);
}
END_TEST

START_TEST(count_oku_and_man)
{
	ASSERT_COUNT("1億2000万件", 120000000);
}
END_TEST

START_TEST(count_none)
{
	ASSERT_COUNT("不明", -1);
	ASSERT_COUNT("", -1);
}
END_TEST

/* norm_parse_number */

static long long
number(const char *s, size_t *used)
{
	return norm_parse_number(s, strlen(s), used);
}

START_TEST(number_kanji_ten_two)
{
	size_t used;

	ck_assert_int_eq(number("十二", &used), 12);
	ck_assert_uint_eq(used, strlen("十二"));
}
END_TEST

START_TEST(number_kanji_positional)
{
	size_t used;

	ck_assert_int_eq(number("二〇一九年", &used), 2019);
	ck_assert_uint_eq(used, strlen("二〇一九"));
}
END_TEST

START_TEST(number_kanji_units)
{
	size_t used;

	ck_assert_int_eq(number("百二十三", &used), 123);
	ck_assert_int_eq(number("千", &used), 1000);
	ck_assert_int_eq(number("三万五千", &used), 35000);
}
END_TEST

START_TEST(number_fullwidth_digits)
{
	size_t used;

	ck_assert_int_eq(number("１２件", &used), 12);
	ck_assert_uint_eq(used, strlen("１２"));
}
END_TEST

START_TEST(number_stops_at_space)
{
	size_t used;

	ck_assert_int_eq(number("3 1", &used), 3);
	ck_assert_uint_eq(used, 1);
}
END_TEST

START_TEST(kanji_digits_run)
{
	ck_assert_uint_eq(norm_kanji_digits_len("十二　委託期間", 3), 6);
	ck_assert_uint_eq(norm_kanji_digits_len("十二　委託期間", 1), 3);
	ck_assert_uint_eq(norm_kanji_digits_len("一般競争入札", 3), 3);
	ck_assert_uint_eq(norm_kanji_digits_len("百二十三号", 6), 12);
	ck_assert_uint_eq(norm_kanji_digits_len("委託", 3), 0);
}
END_TEST

START_TEST(number_none)
{
	size_t used = 99;

	ck_assert_int_eq(number("年", &used), -1);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(number("万", &used), -1);
}
END_TEST

START_TEST(kangxi_radicals_become_kanji_in_place)
{
	char s[] = "令和7年7⽉24⽇ ⽯巻市 ⽒名";	/* U+2F49 U+2F47 U+2F6F U+2F52 */
	size_t n = strlen(s);

	norm_radicals(s, n);
	ck_assert_str_eq(s, "令和7年7月24日 石巻市 氏名");
	ck_assert_uint_eq(strlen(s), n);
}
END_TEST

static Suite *
normalize_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, nfkc_folds_fullwidth_latin);
	tcase_add_test(tc, nfkc_widens_halfwidth_katakana);
	tcase_add_test(tc, nfkc_composes_halfwidth_voicing);
	tcase_add_test(tc, nfkc_folds_fullwidth_digits);
	tcase_add_test(tc, nfkc_unfolds_circled_digit);
	tcase_add_test(tc, nfkc_keeps_kanji);
	tcase_add_test(tc, nfkc_replaces_invalid_bytes);
	tcase_add_test(tc, nfkc_replaces_each_byte_of_truncated_sequence);
	tcase_add_test(tc, nfkc_respects_len_without_nul);
	tcase_add_test(tc, nfkc_of_empty_is_empty);
	tcase_add_test(tc, fold_makes_widths_and_cases_equal);
	tcase_add_test(tc, repair_joins_spaced_era_date);
	tcase_add_test(tc, repair_joins_spaced_number_heading);
	tcase_add_test(tc, repair_keeps_space_before_joined_digits);
	tcase_add_test(tc, repair_keeps_numbered_item);
	tcase_add_test(tc, repair_keeps_space_between_words);
	tcase_add_test(tc, repair_joins_spaced_name);
	tcase_add_test(tc, repair_accepts_ideographic_space);
	tcase_add_test(tc, repair_needs_three_single_characters);
	tcase_add_test(tc, repair_keeps_double_spaces);
	tcase_add_test(tc, repair_works_per_line);
	tcase_add_test(tc, repair_does_not_join_across_lines);
	tcase_add_test(tc, repair_replaces_invalid_bytes);
	tcase_add_test(tc, strip_removes_ascii_and_ideographic_space);
	tcase_add_test(tc, date_reiwa);
	tcase_add_test(tc, date_western_year_before_nen);
	tcase_add_test(tc, date_heisei);
	tcase_add_test(tc, date_letter_spaced);
	tcase_add_test(tc, date_partly_spaced);
	tcase_add_test(tc, date_gannen);
	tcase_add_test(tc, date_past_era_end_is_arithmetic);
	tcase_add_test(tc, date_older_eras);
	tcase_add_test(tc, date_kanji_numerals);
	tcase_add_test(tc, date_fullwidth_digits);
	tcase_add_test(tc, date_dotted_letter_era);
	tcase_add_test(tc, date_letter_era_not_inside_word);
	tcase_add_test(tc, date_gregorian);
	tcase_add_test(tc, date_gregorian_kanji);
	tcase_add_test(tc, date_parenthesised_year_without_day);
	tcase_add_test(tc, date_month_only);
	tcase_add_test(tc, date_year_only);
	tcase_add_test(tc, date_invalid_day_rejected);
	tcase_add_test(tc, date_invalid_month_rejected);
	tcase_add_test(tc, date_leap_day);
	tcase_add_test(tc, date_offsets);
	tcase_add_test(tc, date_offsets_spaced);
	tcase_add_test(tc, date_none);
	tcase_add_test(tc, date_iso_skips_partial_dates);
	tcase_add_test(tc, date_survives_invalid_bytes);
	tcase_add_test(tc, count_with_commas);
	tcase_add_test(tc, count_with_man);
	tcase_add_test(tc, count_fullwidth_with_commas);
	tcase_add_test(tc, count_per_year);
	tcase_add_test(tc, count_kanji);
	tcase_add_test(tc, count_decimal_man);
	tcase_add_test(tc, count_first_of_range);
	tcase_add_test(tc, count_oku_and_man);
	tcase_add_test(tc, count_none);
	tcase_add_test(tc, number_kanji_ten_two);
	tcase_add_test(tc, number_kanji_positional);
	tcase_add_test(tc, number_kanji_units);
	tcase_add_test(tc, number_fullwidth_digits);
	tcase_add_test(tc, number_stops_at_space);
	tcase_add_test(tc, number_none);
	tcase_add_test(tc, simple_map_agrees_with_utf8proc_per_cp);
	tcase_add_test(tc, simple_map_pairs_do_not_interact);
	tcase_add_test(tc, fold_fast_path_matches_slow_path);
	tcase_add_test(tc, kanji_digits_run);
	tcase_add_test(tc, kangxi_radicals_become_kanji_in_place);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(normalize_suite)
