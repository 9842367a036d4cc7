/*
 * citation.c — a small scanner for article chains (see citation.h).
 * Works on NFKC text with white space removed, so 第 1 2 条 and
 * 第１２条 read alike.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "normalize.h"

/* Long forms of law names and the short name a citation uses. */
static const struct {
	const char	*suffix;	/* how the name ends in the text */
	const char	*law;		/* short name */
} laws[] = {
	{ "番号の利用等に関する法律", "番号法" },
	{ "番号法", "番号法" },
	{ "条例", "条例" },
	{ "要綱", "要綱" },
	{ "規則", "規則" },
	{ "法律", "法" },
	{ "法", "法" },
};

#define NLAWS (sizeof(laws) / sizeof(laws[0]))

/* Separators that continue a chain of articles of the same law. */
static const char *const joiners[] = { "、", "及び", "並びに", ",", "・",
    "又は", "若しくは", NULL };

/* The law whose name ends right before pos in text, or NULL. */
static const char *
law_before(const char *text, const char *pos)
{
	/* "…に関する法律(番号法)第9条": the alias in brackets names it */
	if (pos > text && pos[-1] == ')') {
		const char *open = pos - 1, *law;

		while (open > text && *open != '(')
			open--;
		if (*open == '(' && open > text) {
			law = law_before(text, open);
			return law ? law : law_before(open + 1, pos - 1);
		}
	}
	for (size_t i = 0; i < NLAWS; i++) {
		size_t n = strlen(laws[i].suffix);

		if ((size_t)(pos - text) >= n &&
		    strncmp(pos - n, laws[i].suffix, n) == 0)
			return laws[i].law;
	}
	return NULL;
}

/* Read "第N<unit>" at *p into b; returns 1 and advances *p. */
static int
read_numbered(const char **p, const char *unit, struct buf *b)
{
	const char *s = *p;
	size_t n = 0;

	if (!str_has_prefix(s, "第"))
		return 0;
	s += strlen("第");
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 || !str_has_prefix(s + n, unit))
		return 0;
	buf_puts(b, "第");
	buf_put(b, s, n);
	buf_puts(b, unit);
	*p = s + n + strlen(unit);
	return 1;
}

/* "のN" after an article (第19条の2). */
static void
read_branch(const char **p, struct buf *b)
{
	const char *s = *p + strlen("の");
	size_t n = 0;

	if (!str_has_prefix(*p, "の"))
		return;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 || str_has_prefix(s + n, "項"))
		return;
	buf_puts(b, "の");
	buf_put(b, s, n);
	*p = s + n;
}

/* 別表第N[第N項 | のN項 | N項]. */
static int
read_table(const char **p, struct buf *b)
{
	const char *s = *p;
	size_t n = 0;

	if (!str_has_prefix(s, "別表"))
		return 0;
	s += strlen("別表");
	buf_puts(b, "別表");
	if (!read_numbered(&s, "", b))
		return 0;
	if (str_has_prefix(s, "の"))
		s += strlen("の");
	else if (str_has_prefix(s, "第"))
		s += strlen("第");
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n > 0 && (str_has_prefix(s + n, "項") ||
	    str_has_prefix(s + n, "の項"))) {
		buf_puts(b, "第");
		buf_put(b, s, n);
		buf_puts(b, "項");
		s += n + (str_has_prefix(s + n, "項") ? strlen("項") :
		    strlen("の項"));
	}
	*p = s;
	return 1;
}

/* One article at *p: 第N条…, or 別表…; the normalized form in b. */
static int
read_article(const char **p, struct buf *b)
{
	const char *s = *p;

	buf_truncate(b, 0);
	if (read_table(&s, b) || (read_numbered(&s, "条", b) &&
	    (read_branch(&s, b), read_numbered(&s, "項", b),
	    read_numbered(&s, "号", b), 1))) {
		*p = s;
		return 1;
	}
	buf_truncate(b, 0);
	return 0;
}

/*
 * "81の項" after "別表第2の80の項": another entry of the same table.  prev
 * is the previous normalized article (別表第2第80項); the entry goes to b.
 */
static int
table_entry(const char **p, const char *prev, struct buf *b)
{
	const char *s = *p, *last;
	size_t n = 0;

	if (strncmp(prev, "別表", strlen("別表")) != 0)
		return 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 || !(str_has_prefix(s + n, "項") ||
	    str_has_prefix(s + n, "の項")))
		return 0;
	/* the table: prev up to its last "第" */
	for (last = prev + strlen(prev); last > prev &&
	    !str_has_prefix(last, "第"); last--)
		;
	if (last == prev || !str_has_suffix(prev, "項"))
		return 0;
	buf_truncate(b, 0);
	buf_put(b, prev, (size_t)(last - prev));
	buf_puts(b, "第");
	buf_put(b, s, n);
	buf_puts(b, "項");
	*p = s + n + (str_has_prefix(s + n, "項") ? strlen("項") :
	    strlen("の項"));
	return 1;
}

/*
 * "…第1項第2号及び第3号": a chain element that names only a 項 or 号
 * keeps the article (and 項) of the one before it.  prev is the
 * previous normalized article; the result goes to b.
 */
static int
read_partial(const char **p, const char *prev, struct buf *b)
{
	const char *s = *p, *cut;
	struct buf part = BUF_INIT;
	int ok = 0;

	if (table_entry(&s, prev, b)) {
		*p = s;		/* 別表第2の80の項、81の項 */
		buf_free(&part);
		return 1;
	}
	if (read_numbered(&s, "項", &part)) {
		read_numbered(&s, "号", &part);
		cut = strstr(prev, "条");
		ok = cut != NULL && strncmp(prev, "別表", strlen("別表")) != 0;
		if (ok) {
			buf_truncate(b, 0);
			buf_put(b, prev, (size_t)(cut - prev) + strlen("条"));
		}
	} else if (read_numbered(&s, "号", &part)) {
		cut = strstr(prev, "号");
		if (cut != NULL) {
			const char *d = cut;

			while (d > prev && !str_has_prefix(d, "第"))
				d--;
			ok = 1;
			buf_truncate(b, 0);
			buf_put(b, prev, (size_t)(d - prev));
		} else if ((cut = strstr(prev, "条")) != NULL) {
			ok = 1;
			buf_truncate(b, 0);
			buf_puts(b, prev);
		}
	}
	if (ok) {
		buf_puts(b, part.data);
		*p = s;
	}
	buf_free(&part);
	return ok;
}

/*
 * 漢数字 after 第 or in a table's "の十六の項" made digits: 第十一条 →
 * 第11条, 別表第一の十六の項 → 別表第1の16の項.  New string.
 */
static char *
kanji_articles(const char *s)
{
	struct buf b = BUF_INIT;

	while (*s) {
		int after = b.len >= 3 && (memcmp(b.data + b.len - 3, "第", 3)
		    == 0 || memcmp(b.data + b.len - 3, "の", 3) == 0);
		size_t used = 0;
		long long v = -1;

		if (after && !isdigit((unsigned char)*s))
			v = norm_parse_number(s, strlen(s), &used);
		if (v >= 0 && used > 0 && (str_has_prefix(s + used, "条") ||
		    str_has_prefix(s + used, "項") ||
		    str_has_prefix(s + used, "号") ||
		    str_has_prefix(s + used, "の") ||
		    str_has_prefix(s + used, "第") ||
		    str_has_prefix(s + used, "及") ||
		    str_has_prefix(s + used, "、") || s[used] == '\0')) {
			buf_printf(&b, "%lld", v);
			s += used;
		} else
			buf_putc(&b, *s++);
	}
	return buf_detach(&b);
}

static const char *
skip_joiner(const char *s)
{
	for (int i = 0; joiners[i]; i++)
		if (str_has_prefix(s, joiners[i]))
			return s + strlen(joiners[i]);
	return NULL;
}

/* "同項第4号", "同条第2項": the 号 or 項 of the article just cited;
 * returns where its number starts. */
static const char *
past_same(const char *s)
{
	if (str_has_prefix(s, "同項") || str_has_prefix(s, "同条"))
		return s + strlen("同項");
	return s;
}

static int
emit(struct strlist *out, const char *law, const char *only_law,
    const struct buf *art)
{
	struct buf c = BUF_INIT;
	int added = 0;

	if (law != NULL && (only_law == NULL || strcmp(law, only_law) == 0)) {
		buf_printf(&c, "%s%s", law, art->data);
		added = strlist_push_unique(out, c.data);
	}
	buf_free(&c);
	return added;
}

int
cite_scan(const char *text, const char *default_law, const char *only_law,
    struct strlist *out)
{
	char *nf = norm_nfkc(text, strlen(text));
	char *bare = norm_strip_space(nf, strlen(nf));
	char *s = kanji_articles(bare);
	struct buf art = BUF_INIT, prev = BUF_INIT;
	const char *p = s, *law, *next;
	int added = 0;

	free(nf);
	free(bare);
	while (*p) {
		if (!str_has_prefix(p, "第") && !str_has_prefix(p, "別表")) {
			p++;
			continue;
		}
		law = law_before(s, p);
		if (law == NULL)
			law = default_law;
		if (!read_article(&p, &art)) {
			p += strlen("第");
			continue;
		}
		added += emit(out, law, only_law, &art);
		/* the chain: 、第17条第4項及び第18条 / 及び別表第2の136項 */
		for (;;) {
			buf_truncate(&prev, 0);
			buf_puts(&prev, art.data);
			if (!((next = skip_joiner(p)) != NULL ||
			    (str_has_prefix(p, "別表") && (next = p) != NULL)))
				break;
			next = past_same(next);	/* 、同項第4号 */
			if (!read_article(&next, &art) &&
			    !read_partial(&next, prev.data, &art))
				break;
			added += emit(out, law, only_law, &art);
			p = next;
		}
	}
	buf_free(&art);
	buf_free(&prev);
	free(s);
	return added;
}
