/*
 * labelled_listed.c — procedures listed before they are told (see
 * labelled.h): a value that lists them, one a line under its own mark
 * ("諮問事項　その１　健診結果の目的外利用 / その２　集計業務委託 /
 * その３　上記業務委託に係る再委託"), each then told in the blocks of the
 * document that refer to its mark ("質問番号３　…　関係：その２").
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "labelled.h"
#include "normalize.h"
#include "rows.h"

#define LISTED_MAX	16	/* procedures one list names */

struct listed {
	char	*mark;		/* NFKC, no white space: "その2", "(2)" */
	char	*title;		/* the line after its mark */
	int	 type;		/* enum proc_type its words name */
	size_t	 from, to;	/* the blocks that refer to it, or 0, 0 */
};

/* "その２", "（２）", "②": the mark a listed line opens with, its
 * length in bytes; 0 when none. */
static size_t
mark_len(const char *line)
{
	size_t n = numbering_len(line);
	const char *p = line;

	if (n > 0)
		return n;
	if (!str_has_prefix(p, "その"))
		return 0;
	p += strlen("その");
	if (norm_parse_number(p, strnlen(p, 12), &n) < 0)
		return 0;	/* その１, その二 */
	p += n;
	p = str_skip_spaces(p);
	return (size_t)(p - line);
}

/* Does a mark say more than a bare number (which text is full of)? */
static int
is_telling_mark(const char *mark)
{
	for (const char *p = mark; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != '.')
			return 1;
	return 0;
}

/* Read the lines of value as listed procedures into l; their count, or
 * 0 when value is not such a list. */
static size_t
read_list(const char *value, struct listed *l)
{
	size_t n = 0, typed = 0;

	for (const char *p = value; *p && n < LISTED_MAX; ) {
		size_t len = strcspn(p, "\n"), m;
		char *line = xstrndup(p, len), *mark, *nf;
		const char *s = line;

		p += len + (p[len] == '\n');
		s = str_skip_spaces(s);
		if (*s == '\0') {
			free(line);
			continue;
		}
		if ((m = mark_len(s)) == 0 || s[m] == '\0') {
			free(line);
			goto not_a_list;
		}
		mark = xstrndup(s, m);
		nf = norm_nfkc(mark, strlen(mark));
		l[n].mark = strip_ws(nf);
		l[n].title = strip_ws(s + m);
		l[n].type = (int)type_from_words(l[n].title);
		l[n].from = l[n].to = 0;
		typed += l[n].type != PROC_OTHER && l[n].type != PROC_ASSESSMENT;
		n++;
		free(mark);
		free(nf);
		free(line);
		if (!is_telling_mark(l[n - 1].mark))
			goto not_a_list;
	}
	if (n >= 2 && typed == n)
		return n;
not_a_list:
	for (size_t i = 0; i < n; i++) {
		free(l[i].mark);
		free(l[i].title);
	}
	return 0;
}

/* Which listed mark does key refer to ("…関係:その2"), or -1.  A line
 * that opens with the mark is a list of its own, not a reference. */
static int
refers_to(const char *key, const struct listed *l, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t ml = strlen(l[k].mark);

		if (str_has_prefix(key, l[k].mark))
			continue;
		for (const char *p = strstr(key, l[k].mark); p != NULL;
		    p = strstr(p + 1, l[k].mark))
			if (!isdigit((unsigned char)p[ml]))
				return (int)k;
	}
	return -1;
}

/* Do nodes a and b open blocks of one kind ("質問番号1…", "質問番号2…")? */
static int
same_block_head(const struct node *a, const struct node *b)
{
	return a->kind == b->kind && strlen(a->key) >= 6 &&
	    strncmp(a->key, b->key, 6) == 0;
}

/* The blocks of [from, to) that refer to the listed marks. */
static int
find_blocks(const struct ctx *x, size_t from, size_t to, struct listed *l,
    size_t n)
{
	int found = 0, cur = -1;
	size_t head = 0;

	for (size_t i = from; i < to && i < x->n; i++) {
		const struct node *k = x->k[i];
		int r = (k->kind == NODE_ROW || strlen(k->key) <= 3 * 50) ?
		    refers_to(k->key, l, n) : -1;

		if (r < 0 && cur >= 0 && same_block_head(x->k[head], k)) {
			l[cur].to = i;	/* the next block, of nothing listed */
			cur = -1;
		}
		if (r < 0)
			continue;
		if (cur >= 0)
			l[cur].to = i;
		head = i;
		if (l[r].to != 0 && l[r].to != i) {
			cur = -1;	/* told again further on: the first */
			continue;
		}
		if (l[r].to == 0)
			l[r].from = i;
		l[r].to = to;
		cur = r;
		found = 1;
	}
	return found;
}

int
listed_procedures(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, struct proc_spans *ps)
{
	struct listed l[LISTED_MAX];
	size_t n = 0, first = ps->n;

	for (size_t i = 0; i < fs->n && n == 0; i++) {
		const struct fact *f = &fs->v[i];

		if (f->record < 0 && f->at >= from && f->at < to &&
		    strchr(f->value, '\n') != NULL &&
		    (n = read_list(f->value, l)) > 0 &&
		    !find_blocks(x, f->at + 1, to, l, n)) {
			for (size_t k = 0; k < n; k++) {
				free(l[k].mark);
				free(l[k].title);
			}
			n = 0;
		}
	}
	for (size_t k = 0; k < n; k++) {
		if (l[k].to > l[k].from) {
			ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof(*ps->v));
			memset(&ps->v[ps->n], 0, sizeof(ps->v[ps->n]));
			ps->v[ps->n].from = l[k].from;
			ps->v[ps->n].to = l[k].to;
			ps->v[ps->n].type = l[k].type;
			ps->v[ps->n].record = -1;
			ps->v[ps->n].prose = 1;
			ps->v[ps->n].title = l[k].title;
			ps->n++;
		} else
			free(l[k].title);
		free(l[k].mark);
	}
	return ps->n > first;
}
