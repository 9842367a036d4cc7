/*
 * gloss.c — English glosses of a bilingual form (see gloss.h): "件名
 * Title", "■氏名 Name　■国籍 Nationality", "（approx. 600 persons per
 * year）" and lines all in English under the Japanese ones.  The rows
 * pass reads the Japanese alone, as a single-language form says it.
 */
#include <string.h>

#include "buf.h"
#include "gloss.h"

#define GLOSSED_MIN	3	/* glossed lines that make a form bilingual */

/* Is c a byte of an English gloss (letters, digits, spaces, marks)? */
static int
is_gloss_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || strchr(" '.,/&-:;", c) != NULL;
}

/* Length of the English words at s (two letters or more in all; a
 * letter first unless digits may lead, "24 September 2025"), or 0. */
static size_t
words_from(const char *s, int digits_lead)
{
	size_t n = 0, letters = 0;

	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
	    (digits_lead && *s >= '0' && *s <= '9')))
		return 0;
	while (s[n] && is_gloss_byte((unsigned char)s[n]) &&
	    !(s[n] == '.' && s[n + 1] == '.')) {	/* a leader's dots */
		letters += (s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z';
		n++;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return letters >= 2 ? n : 0;
}

static size_t
words_len(const char *s)
{
	return words_from(s, 0);
}

/* Is s (from a non-ASCII character on) " Words" up to a non-ASCII
 * character or the end: a gloss after Japanese? Its length, or 0. */
static size_t
gloss_after(const char *s)
{
	size_t n;

	if (*s != ' ')
		return 0;
	n = words_len(s + 1);
	if (n == 0)
		return 0;
	n++;
	while (s[n] == ' ')
		n++;
	return s[n] == '\0' || (unsigned char)s[n] >= 0x80 || s[n] == '\t' ||
	    (s[n] == '.' && s[n + 1] == '.') ? n : 0;	/* (a leader next) */
}

/* "（approx. 600 persons）", "(see Form B)": English in brackets, two
 * words or more; its length, or 0. */
static size_t
gloss_in_brackets(const char *s)
{
	size_t open = str_has_prefix(s, "（") ? 3 : *s == '(' ? 1 : 0, n;
	const char *close;

	if (open == 0)
		return 0;
	while (s[open] == ' ')
		open++;
	n = open;
	while (s[n] && (is_gloss_byte((unsigned char)s[n]) ||
	    str_has_prefix(s + n, "–")))
		n += (unsigned char)s[n] < 0x80 ? 1 : 3;
	close = s + n;
	if (!(str_has_prefix(close, "）") || *close == ')') ||
	    memchr(s + open, ' ', n - open) == NULL ||
	    words_from(s + open, 1) == 0)
		return 0;
	return n + (*close == ')' ? 1 : 3);
}

/* A line all in English (and long enough to be a sentence or a name)? */
static int
is_english_line(const char *s)
{
	size_t letters = 0;

	while (*s) {
		if (str_has_prefix(s, "—") || str_has_prefix(s, "–")) {
			s += 3;
			continue;
		}
		if ((unsigned char)*s >= 0x80)
			return 0;
		letters += (*s | 0x20) >= 'a' && (*s | 0x20) <= 'z';
		s++;
	}
	return letters >= 8;
}

/* Does the line hold a gloss after Japanese text? */
static int
has_gloss(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)p[0] >= 0x80 && (p[1] == ' ') &&
		    gloss_after(p + 1) > 0 && p > s)
			return 1;
	return 0;
}

int
gloss_is_bilingual(const struct doc *d)
{
	size_t glossed = 0;

	for (size_t i = 0; i < d->n && glossed < GLOSSED_MIN; i++)
		glossed += has_gloss(d->lines[i].text);
	return glossed >= GLOSSED_MIN;
}

char *
gloss_strip(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p = s;

	if (is_english_line(s))
		return xstrdup("");
	while (*p) {
		size_t n;

		if (b.len > 0 && (unsigned char)b.data[b.len - 1] >= 0x80 &&
		    (n = gloss_after(p)) > 0) {
			p += n;
			continue;
		}
		if ((n = gloss_in_brackets(p)) > 0) {
			p += n;
			continue;
		}
		buf_putc(&b, *p++);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}
