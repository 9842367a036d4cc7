/*
 * normalize.c — pure string functions shared by every stage (see
 * normalize.h): NFKC and case folding through utf8proc, repair of PDF
 * letter-spacing, dates (和暦 and Gregorian) and counts.
 *
 * Everything works on a decoded view of the input: an array of code
 * points, each remembering its byte range in the original, so that
 * invalid UTF-8 (which becomes U+FFFD) and offsets are handled once.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "normalize.h"

#define REPLACEMENT	0xFFFD

/* One code point of the input and where it came from. */
struct cp {
	int32_t	c;
	size_t	off;	/* byte offset in the original */
	size_t	len;	/* bytes in the original */
};

struct view {
	struct cp	*v;
	size_t		 n;
};

/* Decode s into code points; an invalid byte becomes U+FFFD. */
static struct view
decode(const char *s, size_t len)
{
	struct view w;
	size_t i = 0;

	w.v = xmalloc((len + 1) * sizeof(*w.v));
	w.n = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t r;
		size_t left = len - i;

		if (left > PTRDIFF_MAX)
			left = PTRDIFF_MAX;
		r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)left, &c);
		if (r <= 0) {
			c = REPLACEMENT;
			r = 1;
		}
		w.v[w.n].c = c;
		w.v[w.n].off = i;
		w.v[w.n].len = (size_t)r;
		w.n++;
		i += (size_t)r;
	}
	return w;
}

static void
put_cp(struct buf *b, int32_t c)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t n;

	n = utf8proc_encode_char(c, u);
	buf_put(b, u, (size_t)n);
}

/* s with every invalid sequence replaced by U+FFFD. */
static void
sanitize(struct buf *b, const char *s, size_t len)
{
	struct view w = decode(s, len);

	for (size_t i = 0; i < w.n; i++)
		put_cp(b, w.v[i].c);
	free(w.v);
}

/*
 * Does NFKC leave c alone, and nothing next to it change that?  Kana,
 * kanji and the CJK punctuation most lines are made of; combining
 * marks, Hangul and compatibility forms are not among them.
 */
static int
is_stable_cp(int32_t c)
{
	if (c >= 0x4e00)
		return c <= 0x9fff;			/* CJK ideographs */
	if (c >= 0x3400)
		return c <= 0x4dbf;			/* CJK extension A */
	if (c >= 0x3041)
		return c <= 0x3096 ||			/* hiragana */
		    (c >= 0x309d && c <= 0x309e) ||	/* ゝゞ */
		    (c >= 0x30a1 && c <= 0x30fe);	/* katakana ・ー ヽヾ */
	return c == 0x203b ||				/* ※ */
	    (c >= 0x25a0 && c <= 0x25ff) ||	/* geometric shapes ○◇■ */
	    (c >= 0x3001 && c <= 0x3003) ||	/* 、。〃 */
	    (c >= 0x3005 && c <= 0x3011) ||	/* 々〆〇 〈〉《》「」『』【】 */
	    (c >= 0x3014 && c <= 0x301c);	/* 〔〕〖〗〘〙〚〛 〜 */
}

int32_t
norm_simple_map(int32_t c, int fold)
{
	if (c >= 0xff01 && c <= 0xff5e)		/* full-width ASCII */
		c -= 0xfee0;
	else if (c == 0x3000)			/* ideographic space */
		return ' ';
	else if (c >= 0x2460 && c <= 0x2468)	/* ①..⑨ */
		return '1' + (c - 0x2460);
	if (c < 0x80) {
		if (c == 0)
			return -1;
		return fold && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	}
	return is_stable_cp(c) ? c : -1;
}

/*
 * The NFKC (fold: and case folded) form of s into out when every code
 * point of s maps on its own (norm_simple_map()): most Japanese lines
 * do, and this costs a fraction of utf8proc_map().  0, or -1 (out
 * unspecified) when s needs utf8proc.
 */
/* b's string in an allocation of its size: such strings are kept (a
 * case's fields and body), and a buffer's capacity can be twice that. */
static char *
detach_fit(struct buf *b)
{
	size_t n = b->len;

	return xrealloc(buf_detach(b), n + 1);
}

static int
simple_map_text(const unsigned char *s, size_t len, int fold,
    struct buf *out)
{
	size_t i = 0;
	unsigned char *o;
	int32_t c;

	buf_grow(out, len);	/* no code point here grows in bytes */
	o = (unsigned char *)out->data + out->len;
	while (i < len) {
		if (s[i] < 0x80)
			c = s[i++];
		else if (norm_utf8_3(s + i, len - i, &c))
			i += 3;
		else
			return -1;
		if ((c = norm_simple_map(c, fold)) == -1)
			return -1;
		if (c < 0x80)
			*o++ = (unsigned char)c;
		else {
			*o++ = (unsigned char)(0xe0 | c >> 12);
			*o++ = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			*o++ = (unsigned char)(0x80 | (c & 0x3f));
		}
	}
	out->len = (size_t)(o - (unsigned char *)out->data);
	*o = '\0';
	return 0;
}

static char *
map(const char *s, size_t len, utf8proc_option_t opt)
{
	struct buf b = BUF_INIT;
	utf8proc_uint8_t *dst;
	utf8proc_ssize_t r;

	if (simple_map_text((const unsigned char *)s, len,
	    (opt & UTF8PROC_CASEFOLD) != 0, &b) == 0)
		return detach_fit(&b);
	buf_truncate(&b, 0);
	sanitize(&b, s, len);
	if (b.len == 0)
		return buf_detach(&b);
	r = utf8proc_map((const utf8proc_uint8_t *)b.data,
	    (utf8proc_ssize_t)b.len, &dst, opt);
	if (r < 0)
		return buf_detach(&b);
	buf_free(&b);
	return (char *)dst;
}

void
norm_radicals(char *s, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++) {
		unsigned char *p = (unsigned char *)s + i;
		int32_t c, to[4];
		int last;

		if (p[0] != 0xe2 || p[1] < 0xbc || p[1] > 0xbf)
			continue;	/* U+2F00..U+2FFF is E2 BC 80..E2 BF BF */
		c = ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		if (c > 0x2fd5 || utf8proc_decompose_char(c, to, 4,
		    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last) != 1 || to[0] < 0x4e00 ||
		    to[0] > 0x9fff)
			continue;
		utf8proc_encode_char(to[0], p);	/* three bytes, as c */
		i += 2;
	}
}

char *
norm_nfkc(const char *s, size_t len)
{
	return map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT);
}

char *
norm_fold(const char *s, size_t len)
{
	return map(s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

/* A single space as PDF letter-spacing produces it. */
static int
is_gap(int32_t c)
{
	return c == ' ' || c == 0x3000;
}

static int
is_break(int32_t c)
{
	return is_gap(c) || c == '\n' || c == '\r';
}

/* Characters that PDF extraction letter-spaces in Japanese text. */
static int
is_spaced_char(int32_t c)
{
	return (c >= '0' && c <= '9') ||
	    (c >= 0x3001 && c <= 0x3003) ||	/* 、。〃 */
	    (c >= 0x3005 && c <= 0x3007) ||	/* 々〆〇 */
	    (c >= 0x3008 && c <= 0x3011) ||	/* brackets */
	    (c >= 0x3040 && c <= 0x30FF) ||	/* kana */
	    (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) ||	/* CJK */
	    (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFF01 && c <= 0xFF5E) ||	/* full-width ASCII */
	    (c >= 0xFF66 && c <= 0xFF9F) ||	/* half-width kana */
	    (c >= 0x20000 && c <= 0x3FFFF);
}

/* A one-character word: a spaced character between breaks. */
static int
is_single(const struct view *w, size_t i)
{
	return is_spaced_char(w->v[i].c) &&
	    (i == 0 || is_break(w->v[i - 1].c)) &&
	    (i + 1 == w->n || is_break(w->v[i + 1].c));
}

/* Mark in drop[] the gaps inside runs of three or more single words. */
static void
mark_spacing(const struct view *w, unsigned char *drop)
{
	size_t i = 0, j, cnt;

	while (i < w->n) {
		if (!is_single(w, i)) {
			i++;
			continue;
		}
		for (j = i, cnt = 1; j + 2 < w->n && is_gap(w->v[j + 1].c) &&
		    is_single(w, j + 2); j += 2)
			cnt++;
		if (cnt >= 3)
			for (size_t k = i + 1; k < j; k += 2)
				drop[k] = 1;
		i = j + 1;
	}
}

char *
norm_repair_spacing(const char *s, size_t len)
{
	struct view w = decode(s, len);
	unsigned char *drop = xcalloc(w.n + 1, 1);
	struct buf b = BUF_INIT;

	mark_spacing(&w, drop);
	for (size_t i = 0; i < w.n; i++)
		if (!drop[i])
			put_cp(&b, w.v[i].c);
	free(drop);
	free(w.v);
	return buf_detach(&b);
}

/* ASCII white space, Unicode space separators and line separators. */
static int
is_white(int32_t c)
{
	if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 ||
	    c == 0x2028 || c == 0x2029 || c == 0x3000)
		return 1;
	if (c <= 0x7f || c > 0x3000)	/* no space separator up there */
		return 0;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

char *
norm_strip_space(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;

	buf_grow(&b, len);
	while (i < len) {
		utf8proc_int32_t c = (unsigned char)s[i];
		utf8proc_ssize_t r = 1;
		size_t left = len - i > PTRDIFF_MAX ? PTRDIFF_MAX : len - i;

		if (c >= 0x80 && (r = utf8proc_iterate(
		    (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)left,
		    &c)) <= 0) {
			put_cp(&b, REPLACEMENT);	/* as decode() does */
			i++;
			continue;
		}
		if (!is_white(c))
			buf_put(&b, s + i, (size_t)r);
		i += (size_t)r;
	}
	return detach_fit(&b);
}

/*
 * The view the parsers read: full-width ASCII folded to ASCII, U+3000 to
 * a space, and (when repair is set) letter-spacing gaps removed.
 */
static struct view
scan_view(const char *s, size_t len, int repair)
{
	struct view w = decode(s, len);
	unsigned char *drop = xcalloc(w.n + 1, 1);
	size_t n = 0;

	if (repair)
		mark_spacing(&w, drop);
	for (size_t i = 0; i < w.n; i++) {
		struct cp c = w.v[i];

		if (drop[i])
			continue;
		if (c.c >= 0xFF01 && c.c <= 0xFF5E)
			c.c -= 0xFEE0;
		else if (c.c == 0x3000)
			c.c = ' ';
		w.v[n++] = c;
	}
	w.n = n;
	free(drop);
	return w;
}

static int
at(const struct view *w, size_t i)
{
	return i < w->n ? w->v[i].c : -1;
}

static int
is_digit_at(const struct view *w, size_t i)
{
	int c = at(w, i);

	return c >= '0' && c <= '9';
}

/* Does the literal UTF-8 string lit start at w[i]?  Sets *k past it. */
static int
match_lit(const struct view *w, size_t i, const char *lit, size_t *k)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)lit;
	utf8proc_int32_t c;
	utf8proc_ssize_t r;

	while (*p != '\0') {
		r = utf8proc_iterate(p, -1, &c);
		if (r <= 0 || at(w, i) != c)
			return 0;
		p += r;
		i++;
	}
	*k = i;
	return 1;
}

static size_t
skip_spaces(const struct view *w, size_t i)
{
	while (at(w, i) == ' ' || at(w, i) == '\t')
		i++;
	return i;
}

/* The value of a 漢数字 digit, or -1. */
static int
kanji_digit(int32_t c)
{
	static const int32_t d[] = {
		0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,	/* 〇一二三四 */
		0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D	/* 五六七八九 */
	};

	for (int i = 0; i < 10; i++)
		if (c == d[i])
			return i;
	if (c == 0x96F6 || c == 0x25CB)		/* 零 ○ */
		return 0;
	return -1;
}

/* 十 百 千 → 10 100 1000; 万 億 兆 → 10^4 10^8 10^12; else 0. */
static long long
kanji_unit(int32_t c)
{
	switch (c) {
	case 0x5341: return 10LL;
	case 0x767E: return 100LL;
	case 0x5343: return 1000LL;
	case 0x4E07: return 10000LL;
	case 0x5104: return 100000000LL;
	case 0x5146: return 1000000000000LL;
	}
	return 0;
}

/* Can a 漢数字 number start with c?  (Not with 万, ○ or 零.) */
static int
kanji_starts(int32_t c)
{
	long long u = kanji_unit(c);

	if (c == 0x25CB || c == 0x96F6)
		return 0;
	return kanji_digit(c) >= 0 || (u > 0 && u < 10000);
}

#define NUM_LIMIT	100000000000000LL	/* 10^14: no overflow below */

/* Parse 漢数字 at w[i]: 十二, 百二十三, 二〇一九, 三万五千. */
static long long
parse_kanji(const struct view *w, size_t i, size_t *k)
{
	long long total = 0, section = 0, cur = -1, u;
	int d;

	for (; i < w->n; i++) {
		int32_t c = w->v[i].c;

		if ((d = kanji_digit(c)) >= 0) {
			if (cur >= NUM_LIMIT)
				break;
			cur = cur < 0 ? d : cur * 10 + d;
		} else if ((u = kanji_unit(c)) > 0 && u < 10000) {
			if (section >= NUM_LIMIT)
				break;
			section += (cur < 0 ? 1 : cur) * u;
			cur = -1;
		} else if (u > 0) {
			long long g = section + (cur < 0 ? 0 : cur);

			if (g == 0 || g >= NUM_LIMIT / u)
				break;
			total += g * u;
			section = 0;
			cur = -1;
		} else
			break;
	}
	*k = i;
	return total + section + (cur < 0 ? 0 : cur);
}

/* Parse ASCII digits (at most 18) at w[i]. */
static long long
parse_digits(const struct view *w, size_t i, size_t *k)
{
	long long v = 0;
	int n = 0;

	while (n < 18 && is_digit_at(w, i)) {
		v = v * 10 + (at(w, i) - '0');
		i++;
		n++;
	}
	*k = i;
	return v;
}

/* A number of either kind at w[i], or -1 (then *k == i). */
static long long
parse_num(const struct view *w, size_t i, size_t *k)
{
	*k = i;
	if (is_digit_at(w, i))
		return parse_digits(w, i, k);
	if (i < w->n && kanji_starts(w->v[i].c))
		return parse_kanji(w, i, k);
	return -1;
}

long long
norm_parse_number(const char *s, size_t len, size_t *used)
{
	struct view w = scan_view(s, len, 0);
	long long v;
	size_t k;

	v = parse_num(&w, 0, &k);
	if (used != NULL)
		*used = k > 0 ? w.v[k - 1].off + w.v[k - 1].len : 0;
	free(w.v);
	return v;
}

/* Dates. */

struct era {
	const char	*name;
	int32_t		 letter;	/* R, H, ... */
	int32_t		 square;	/* ㋿, ㍻, ... */
	int		 base;		/* Gregorian year of 元年 */
};

static const struct era eras[] = {
	{ "令和", 'R', 0x32FF, 2019 },
	{ "平成", 'H', 0x337B, 1989 },
	{ "昭和", 'S', 0x337C, 1926 },
	{ "大正", 'T', 0x337D, 1912 },
	{ "明治", 'M', 0x337E, 1868 },
};

static int
is_alnum_ascii(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/*
 * An era at w[i]: its name, square ligature or (not inside a Latin word)
 * its initial.  Returns the base year or 0; sets *k and *letter.
 */
static int
match_era(const struct view *w, size_t i, size_t *k, int *letter)
{
	for (size_t e = 0; e < sizeof(eras) / sizeof(eras[0]); e++) {
		*letter = 0;
		if (match_lit(w, i, eras[e].name, k))
			return eras[e].base;
		*k = i + 1;
		if (at(w, i) == eras[e].square)
			return eras[e].base;
		*letter = 1;
		if (at(w, i) == eras[e].letter &&
		    (i == 0 || !is_alnum_ascii(at(w, i - 1))))
			return eras[e].base;
	}
	return 0;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
valid_date(const struct norm_date *d)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int dim;

	if (d->month == 0)
		return d->day == 0;
	if (d->month < 1 || d->month > 12)
		return 0;
	dim = mdays[d->month - 1] + (d->month == 2 && is_leap(d->year));
	return d->day >= 0 && d->day <= dim;
}

/* A date number (month or day): at most two ASCII digits, or 漢数字. */
static int
date_num(const struct view *w, size_t i, size_t *k)
{
	long long v = parse_num(w, i, k);

	if (v < 0 || v > 99 || *k - i > 3)
		return -1;
	return (int)v;
}

/* Skip "(2019年)" or "（令和元年）" after a year, or "(2025)" before its
 * 年, if present. */
static size_t
skip_paren(const struct view *w, size_t i)
{
	size_t j = skip_spaces(w, i);

	if (at(w, j) != '(')
		return i;
	for (size_t n = 1; n <= 10 && j + n < w->n; n++) {
		int c = at(w, j + n);

		if (c == ')')
			return j + n + 1;
		if (c == '\n' || c == '(')
			break;
	}
	return i;
}

/* After "…年": optional month "N月" and day "N日".  Returns the end. */
static size_t
month_day(const struct view *w, size_t i, struct norm_date *d)
{
	size_t j, k;
	int m, dd;

	j = skip_spaces(w, skip_paren(w, i));
	if ((m = date_num(w, j, &k)) < 0 ||
	    !match_lit(w, skip_spaces(w, k), "月", &k))
		return i;
	d->month = m;
	i = k;
	j = skip_spaces(w, i);
	if ((dd = date_num(w, j, &k)) < 0 ||
	    !match_lit(w, skip_spaces(w, k), "日", &k))
		return i;
	d->day = dd;
	return k;
}

/* After a year: ".10.1", "/10/1" or "-10-01".  Returns the end or 0. */
static size_t
sep_month_day(const struct view *w, size_t i, struct norm_date *d)
{
	int sep = at(w, i), m, dd;
	size_t k;

	if (sep != '.' && sep != '/' && sep != '-')
		return 0;
	if (!is_digit_at(w, i + 1) || (m = date_num(w, i + 1, &k)) < 0 ||
	    at(w, k) != sep || !is_digit_at(w, k + 1) ||
	    (dd = date_num(w, k + 1, &k)) < 0 || is_digit_at(w, k))
		return 0;
	d->month = m;
	d->day = dd;
	return k;
}

/* After the year number: "年…" or a separated month and day. */
static size_t
after_year(const struct view *w, size_t i, struct norm_date *d)
{
	size_t k, j = skip_spaces(w, skip_paren(w, i));	/* 令和7(2025)年 */

	if (match_lit(w, j, "年", &k))
		return month_day(w, k, d);
	return sep_month_day(w, i, d);
}

/* 和暦 at w[i]: 令和6年10月1日, 平 成 3 1 年, R6.10.1, 令和元年. */
static size_t
match_wareki(const struct view *w, size_t i, struct norm_date *d)
{
	size_t j, k;
	int base, letter, n;

	if ((base = match_era(w, i, &j, &letter)) == 0)
		return 0;
	if (!letter)
		j = skip_spaces(w, j);
	if (match_lit(w, j, "元", &k))
		n = 1;
	else if ((n = date_num(w, j, &k)) < 1)
		return 0;
	d->year = base + n - 1;
	return after_year(w, k, d);
}

/* Four digits (ASCII or 漢数字) at w[i], not inside a longer number. */
static int
match_year4(const struct view *w, size_t i, size_t *k)
{
	int ascii = is_digit_at(w, i), y = 0, d;

	if (i > 0 && (is_digit_at(w, i - 1) || kanji_digit(at(w, i - 1)) >= 0))
		return 0;
	for (int n = 0; n < 4; n++, i++) {
		if (ascii)
			d = is_digit_at(w, i) ? at(w, i) - '0' : -1;
		else
			d = kanji_digit(at(w, i));
		if (d < 0)
			return 0;
		y = y * 10 + d;
	}
	if (is_digit_at(w, i) || kanji_digit(at(w, i)) >= 0 || y < 1000)
		return 0;
	*k = i;
	return y;
}

/* Gregorian at w[i]: 2019年4月1日, 2019-04-01, 2019/4/1. */
static size_t
match_seireki(const struct view *w, size_t i, struct norm_date *d)
{
	size_t k;

	if ((d->year = match_year4(w, i, &k)) == 0)
		return 0;
	return after_year(w, k, d);
}

/* The first valid date at or after w[from]; -1 when there is none. */
static int
find_date(const struct view *w, size_t from, struct norm_date *out,
    size_t *si, size_t *ei)
{
	struct norm_date d;
	size_t k;

	for (size_t i = from; i < w->n; i++) {
		memset(&d, 0, sizeof(d));
		k = match_wareki(w, i, &d);
		if (k == 0 || !valid_date(&d)) {
			memset(&d, 0, sizeof(d));
			k = match_seireki(w, i, &d);
		}
		if (k == 0 || !valid_date(&d))
			continue;
		*out = d;
		*si = i;
		*ei = k;
		return 0;
	}
	return -1;
}

int
norm_find_date(const char *s, size_t len, struct norm_date *out,
    size_t *start, size_t *end)
{
	struct view w = scan_view(s, len, 1);
	struct norm_date d;
	size_t si, ei;
	int r;

	r = find_date(&w, 0, &d, &si, &ei);
	if (r == 0) {
		if (out != NULL)
			*out = d;
		if (start != NULL)
			*start = w.v[si].off;
		if (end != NULL)
			*end = w.v[ei - 1].off + w.v[ei - 1].len;
	}
	free(w.v);
	return r;
}

static void
put_decimal(char *p, int v, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

int
norm_format_iso(const struct norm_date *d, char iso[11])
{
	iso[0] = '\0';
	if (d->year < 1 || d->year > 9999 || d->month < 1 || d->month > 12 ||
	    d->day < 1 || d->day > 31)
		return -1;
	put_decimal(iso, d->year, 4);
	iso[4] = '-';
	put_decimal(iso + 5, d->month, 2);
	iso[7] = '-';
	put_decimal(iso + 8, d->day, 2);
	iso[10] = '\0';
	return 0;
}

int
norm_date_iso(const char *s, size_t len, char iso[11])
{
	struct view w = scan_view(s, len, 1);
	struct norm_date d;
	size_t si, ei = 0;
	int r;

	while ((r = find_date(&w, ei, &d, &si, &ei)) == 0 && d.day == 0)
		;
	free(w.v);
	if (r != 0)
		return -1;
	return norm_format_iso(&d, iso);
}

/* Counts. */

/* a * m + b, saturating at LLONG_MAX. */
static long long
mul_add(long long a, long long m, long long b)
{
	if (m != 0 && a > (LLONG_MAX - b) / m)
		return LLONG_MAX;
	return a * m + b;
}

/* Digits with thousands separators: 150,000 or 12，000. */
static long long
parse_grouped(const struct view *w, size_t i, size_t *k)
{
	long long v = parse_digits(w, i, k);

	while (at(w, *k) == ',' && is_digit_at(w, *k + 1) &&
	    is_digit_at(w, *k + 2) && is_digit_at(w, *k + 3) &&
	    !is_digit_at(w, *k + 4) && v < NUM_LIMIT) {
		v = v * 1000 + (at(w, *k + 1) - '0') * 100 +
		    (at(w, *k + 2) - '0') * 10 + (at(w, *k + 3) - '0');
		*k += 4;
	}
	return v;
}

/* A digit count at w[i] with 万/億/千 multipliers: 1.5万, 1億2000万. */
static long long
parse_digit_count(const struct view *w, size_t i)
{
	long long total = 0, v, frac, scale, u;
	size_t k;

	for (;;) {
		v = parse_grouped(w, i, &k);
		frac = 0;
		scale = 1;
		if (at(w, k) == '.' && is_digit_at(w, k + 1)) {
			for (k++; is_digit_at(w, k); k++)
				if (scale < 1000) {
					frac = frac * 10 + (at(w, k) - '0');
					scale *= 10;
				}
		}
		u = k < w->n ? kanji_unit(w->v[k].c) : 0;
		if (u < 1000)
			return mul_add(total, 1, v);
		total = mul_add(v, u, mul_add(total, 1, frac * u / scale));
		if (u < 10000 || !is_digit_at(w, k + 1))
			return total;
		i = k + 1;
	}
}

long long
norm_parse_count(const char *s, size_t len)
{
	struct view w = scan_view(s, len, 0);
	long long v = -1;
	size_t i, k;

	for (i = 0; i < w.n && !is_digit_at(&w, i); i++)
		;
	if (i < w.n)
		v = parse_digit_count(&w, i);
	else {
		for (i = 0; i < w.n && !kanji_starts(w.v[i].c); i++)
			;
		if (i < w.n)
			v = parse_kanji(&w, i, &k);
	}
	free(w.v);
	return v;
}

size_t
norm_kanji_digits_len(const char *s, size_t max)
{
	static const char *const digits[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十", "百", NULL };
	size_t n = 0;

	for (int more = 1; more && n < 3 * max; ) {
		more = 0;
		for (int d = 0; digits[d] && !more; d++)
			if (strncmp(s + n, digits[d], 3) == 0)
				n += 3, more = 1;
	}
	return n;
}

int
norm_char_at(const char *s, int *cols)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1,
	    &cp);

	if (n <= 0) {
		*cols = 1;
		return 1;
	}
	*cols = cp == '\t' ? 2 : utf8proc_charwidth(cp);
	if (*cols < 1)
		*cols = 1;
	return (int)n;
}

int
norm_width(const char *s, size_t n)
{
	int w = 0, c;

	for (size_t i = 0; i < n && s[i]; ) {
		i += (size_t)norm_char_at(s + i, &c);
		w += c;
	}
	return w;
}
