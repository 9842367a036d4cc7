/*
 * normalize.h — pure string functions shared by every stage: Unicode
 * folding for matching, repair of PDF letter-spacing, Japanese era dates
 * to ISO, and counts.  Nothing here allocates except where a function
 * returns a new string (caller frees); nothing prints.
 */
#ifndef PICORPUS_NORMALIZE_H
#define PICORPUS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * NFKC with width folding (ＬＧＷＡＮ → LGWAN, ｺｰﾙｾﾝﾀｰ → コールセンター).
 * Returns a new NUL-terminated string; invalid UTF-8 sequences become
 * U+FFFD (one per offending byte; every function here does the same).
 * Never NULL.
 */
char	*norm_nfkc(const char *s, size_t len);

/*
 * Kangxi radicals (U+2F00..U+2FD5, "⽉", "⽒名": glyphs a PDF's text
 * layer gives for ordinary kanji) replaced in place by the kanji NFKC
 * makes of them ("月", "氏名").  Both are three bytes in UTF-8, so the
 * length and every byte offset stay.
 */
void	norm_radicals(char *s, size_t len);

/* norm_nfkc() plus case folding (LGWAN → lgwan): the form used for matching. */
char	*norm_fold(const char *s, size_t len);
/*
 * The one code point c becomes under norm_nfkc() (fold: norm_fold())
 * whatever surrounds it — c itself for kana, kanji and ASCII, ASCII for
 * full-width ASCII, ' ' for U+3000 — or -1 when that is not so simple
 * (combining marks, half-width kana, Hangul, NUL, and all else).
 */
int32_t	norm_simple_map(int32_t c, int fold);

/*
 * The code point of a three-byte UTF-8 sequence at s (left bytes there)
 * into *c: 1, or 0 when s does not start one that is valid (overlong and
 * surrogate ones are not).  The fast paths' decoder: most Japanese text.
 */
static inline int
norm_utf8_3(const unsigned char *s, size_t left, int32_t *c)
{
	if ((s[0] & 0xf0) != 0xe0 || left < 3 || (s[1] & 0xc0) != 0x80 ||
	    (s[2] & 0xc0) != 0x80)
		return 0;
	*c = (int32_t)(s[0] & 0x0f) << 12 | (int32_t)(s[1] & 0x3f) << 6 |
	    (s[2] & 0x3f);
	return *c >= 0x800 && (*c < 0xd800 || *c > 0xdfff);
}

/*
 * Repair PDF letter-spacing: a run of three or more single characters
 * (CJK or digits, full- or half-width) separated by single spaces is
 * joined: "平 成 3 1 年 2 月 6 日" → "平成31年2月6日",
 * "諮 問 第 8 1 2 号" → "諮問第812号".  Spaces between longer words stay
 * ("1 委託の件名", "健康診査 がん検診").  Returns a new string.
 */
char	*norm_repair_spacing(const char *s, size_t len);

/* Remove every white space character (ASCII and U+3000).  New string. */
char	*norm_strip_space(const char *s, size_t len);

/* A calendar date; month or day is 0 when the text does not state it. */
struct norm_date {
	int	year;	/* Gregorian year, e.g. 2019 */
	int	month;	/* 1–12, or 0 */
	int	day;	/* 1–31, or 0 */
};

/*
 * Find the first date in s: 和暦 (令和/平成/昭和/大正 and R/H/S, 元年,
 * full-width and spaced digits, 漢数字 such as 令和六年十月一日, dotted
 * R6.10.1) or Gregorian (2019年4月1日, 2019-04-01, 2019/4/1).  Years past
 * an era's end convert arithmetically (平成32年 → 2020).  On success
 * returns 0, fills *out and, when non-NULL, the byte offsets of the match
 * [*start, *end) within s.  Returns -1 when there is no date.
 * A year alone (令和3年度) is a date with month and day 0; a stated but
 * impossible month or day (2月30日, 13月) makes the whole match no date.
 * Separated forms (R6.10.1, 2019-04-01) need all three parts.
 */
int	norm_find_date(const char *s, size_t len, struct norm_date *out,
	    size_t *start, size_t *end);

/*
 * Format d as "YYYY-MM-DD" into iso (11 bytes).  Returns 0, or -1 (and
 * iso "") when d has no day or is out of range.
 */
int	norm_format_iso(const struct norm_date *d, char iso[11]);

/*
 * Write the first full date (year, month and day) of s as "YYYY-MM-DD"
 * into iso (11 bytes).  Returns 0, or -1 when s holds no full date.
 */
int	norm_date_iso(const char *s, size_t len, char iso[11]);

/*
 * The first count in s as an integer: "約150,000人" → 150000,
 * "約10万人" → 100000, "１２，０００件" → 12000, "13,300件/年" → 13300,
 * "三千人" → 3000.  Returns -1 when s holds no number.  A number in
 * digits wins over an earlier 漢数字 one, which is only the fallback.
 */
long long	norm_parse_count(const char *s, size_t len);

/*
 * Value of a number written in 漢数字 or digits (any width) at the start
 * of s: "十二" → 12, "二〇一九" → 2019, "１２" → 12.  Sets *used to the
 * bytes consumed.  Returns -1 (and *used 0) when s does not start with
 * a number.
 */
long long	norm_parse_number(const char *s, size_t len, size_t *used);

/*
 * Bytes of the run of 漢数字 一 to 十 and 百 at the start of s, at most max of
 * them ("十二　委託期間" → 6 with max 3); 0 when s opens with none.
 */
size_t	norm_kanji_digits_len(const char *s, size_t max);

/*
 * The bytes of the character at s (1 for a broken one) and, in *cols,
 * the columns it takes on a fixed-width screen (2 for a wide one and a
 * TAB, at least 1).
 */
int	norm_char_at(const char *s, int *cols);
/* Display columns of s[0, n). */
int	norm_width(const char *s, size_t n);

#endif
