/*
 * numbering.c — the marks that number headings and list items ("１．",
 * "（２）", "ア", "③", "第１", "一、", "1.2", "IV."), read the same way
 * by the readers of text lines (rows.c) and of PDF lines (pdf.c).
 */
#include <string.h>

#include "buf.h"
#include "normalize.h"
#include "numbering.h"

/* s past its white space: spaces, TABs, ideographic spaces. */
static const char *
past_spaces(const char *s)
{
	for (;;)
		if (*s == ' ' || *s == '\t')
			s++;
		else if (str_has_prefix(s, "\xe3\x80\x80"))
			s += 3;
		else
			return s;
}

int
numbering_digit_at(const char *s, int *bytes)
{
	if (*s >= '0' && *s <= '9') {
		*bytes = 1;
		return 1;
	}
	if ((unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbc &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*bytes = 3;	/* ０-９ */
		return 1;
	}
	return 0;
}

size_t
numbering_digits_len(const char *s)
{
	size_t n = 0;
	int b, count = 0;

	while (count < 3 && numbering_digit_at(s + n, &b))
		n += (size_t)b, count++;
	return n;
}

size_t
numbering_prefix(const char *s, const char *const *marks)
{
	for (int i = 0; marks[i]; i++)
		if (str_has_prefix(s, marks[i]))
			return strlen(marks[i]);
	return 0;
}

static const char *const roman_marks[] = { "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ",
    "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", NULL };

static const char *const kana_marks[] = { "ア", "イ", "ウ", "エ", "オ",
    "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ", NULL };

/* "IV.", "A.", "(a)": an outline's mark in Latin letters, followed by
 * white space; 0 when none. */
static size_t
latin_mark_len(const char *s, int *needs_space)
{
	size_t n = strspn(s, "IVX");

	*needs_space = 1;
	if (n > 0 && n <= 4 && (s[n] == '.' || str_has_prefix(s + n, "．")))
		return n + (s[n] == '.' ? 1 : 3);	/* IV. */
	if (*s >= 'A' && *s <= 'Z' && (s[1] == '.' ||
	    str_has_prefix(s + 1, "．")))
		return s[1] == '.' ? 2 : 4;	/* A. */
	if ((*s == '(' && s[1] >= 'a' && s[1] <= 'z' && s[2] == ')'))
		return 3;	/* (a) */
	if (str_has_prefix(s, "（") && s[3] >= 'a' && s[3] <= 'z' &&
	    str_has_prefix(s + 4, "）"))
		return 7;	/* （a） */
	return 0;
}

/* "1.1", "3.2.1": a decimal outline's number (two or three levels,
 * no dot after the last); 0 when none. */
static size_t
outline_len(const char *s)
{
	size_t n = 0, d;
	int levels = 0;

	while ((d = numbering_digits_len(s + n)) > 0) {
		n += d;
		levels++;
		if (s[n] != '.' || numbering_digits_len(s + n + 1) == 0 || levels == 3)
			break;
		n++;
	}
	return levels >= 2 && s[n] != '.' && numbering_digits_len(s + n) == 0 ? n : 0;
}

/* The mark itself, without the space after it; 0 when none. */
size_t
numbering_mark_len(const char *s, int *needs_space)
{
	static const char *const open[] = { "(", "（", "[", "［", NULL };
	static const char *const close[] = { ")", "）", "]", "］", NULL };
	static const char *const after_digits[] = { ".", "．", "、", ")",
	    "）", NULL };
	static const char *const circled[] = { "①", "②", "③", "④", "⑤",
	    "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰",
	    "⑱", "⑲", "⑳", NULL };
	size_t n, o, d, c;

	*needs_space = 0;
	if ((n = numbering_prefix(s, circled)) > 0)
		return n;
	if ((o = numbering_prefix(s, open)) > 0) {
		if ((d = numbering_digits_len(s + o)) == 0)
			d = numbering_prefix(s + o, kana_marks);
		if (d == 0)
			d = norm_kanji_digits_len(s + o, 3);	/* （一） */
		if (d > 0 && (c = numbering_prefix(s + o + d, close)) > 0)
			return o + d + c;
		return 0;
	}
	if (str_has_prefix(s, "第") && (d = numbering_digits_len(s + 3)) > 0) {
		*needs_space = 1;
		return 3 + d;
	}
	if ((d = outline_len(s)) > 0) {
		*needs_space = 1;
		return d;	/* 1.1 担当部課, 3.2.1 件名 */
	}
	if ((d = numbering_digits_len(s)) > 0) {
		if ((n = numbering_prefix(s + d, after_digits)) > 0)
			return d + n;
		*needs_space = 1;
		return d;
	}
	if ((n = numbering_prefix(s, kana_marks)) > 0 ||
	    (n = numbering_prefix(s, roman_marks)) > 0) {
		*needs_space = 1;
		return n;
	}
	if ((n = norm_kanji_digits_len(s, 3)) > 0) {
		if (str_has_prefix(s + n, "、") || str_has_prefix(s + n, "．"))
			return n + 3;	/* 一、件名 */
		*needs_space = 1;
		return n;	/* 一　目的外利用 */
	}
	return latin_mark_len(s, needs_space);
}

size_t
numbering_len(const char *s)
{
	int needs_space;
	size_t n = numbering_mark_len(s, &needs_space);
	const char *after;

	if (n == 0)
		return 0;
	after = past_spaces(s + n);
	if (needs_space && after == s + n)
		return 0;
	if (*after == '\0')
		return 0;
	return (size_t)(after - s);
}

int
numbering_kana_index(const char *s)
{
	for (int i = 0; kana_marks[i]; i++)
		if (str_has_prefix(s, kana_marks[i]))
			return i;
	return -1;
}

const char *
numbering_kana(int i)
{
	return i >= 0 && (size_t)i < sizeof(kana_marks) / sizeof(*kana_marks) ?
	    kana_marks[i] : NULL;
}
