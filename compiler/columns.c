/*
 * columns.c — unfold pages set in two columns (see columns.h).
 *
 * `pdftotext -layout` places each character in a cell of the page's
 * grid, so the right column of a 段組 page starts at the same cell on
 * every line: after a run of two spaces or more.  Lines are measured in
 * characters (cells) and, for text set by other tools, in display
 * columns; the measure that finds the steadier start is used.  A block
 * is a run of lines each of which either splits at that start, ends
 * before it, or holds only the right column; its left parts must read
 * as running text (wide, near the start), not as labels beside values
 * (a form's "委託先　　株式会社…", which is a pair, not two columns).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "columns.h"
#include "fields.h"
#include "normalize.h"

#define MIN_START	16	/* the right column starts this far in */
#define MIN_SPLIT_LINES	6	/* lines a block splits at least */
#define MAX_COLS	400

enum measure { BY_CHARS, BY_WIDTH };

/* The width of the character at s in measure m; its bytes in *n. */
static int
cell_width(const char *s, enum measure m, int *n)
{
	int cols;

	*n = norm_char_at(s, &cols);
	return m == BY_CHARS ? 1 : cols;
}

/*
 * Where the right column may start on line s: the cell after each run
 * of two ASCII spaces or more (at least MIN_START in).  Sets starts[]
 * (at most max) and returns how many; *width is the line's width.
 */
static int
gap_ends(const char *s, enum measure m, int *starts, int max, int *width)
{
	int col = 0, spaces = 0, n = 0, seen_text = 0;

	for (const char *p = s; *p; ) {
		int bytes, w = cell_width(p, m, &bytes);

		if (*p == ' ') {
			spaces++;
		} else {
			if ((spaces >= 2 || (!seen_text && spaces > 0)) &&
			    col >= MIN_START && n < max)
				starts[n++] = col;
			spaces = 0;
			seen_text = 1;
		}
		col += w;
		p += bytes;
	}
	*width = col;
	return n;
}

/* Does s draw a table ("| a | b |", "+----+", "│…│"): its gaps are a
 * grid's cells, not a page's columns? */
static int
draws_table(const char *s)
{
	if (strchr(s, '|') != NULL || strstr(s, "｜") != NULL ||
	    strstr(s, "+-") != NULL || strstr(s, "-+") != NULL)
		return 1;
	for (const char *p = s; *p; p++)	/* U+2500-257F: box drawing */
		if ((unsigned char)p[0] == 0xe2 && ((unsigned char)p[1] ==
		    0x94 || (unsigned char)p[1] == 0x95))
			return 1;
	return 0;
}

/* The start most lines of d share in measure m, and how many share it. */
static int
common_start(const struct doc *d, enum measure m, int *votes)
{
	int *count = xcalloc(MAX_COLS, sizeof(int)), best = -1, starts[8];

	for (size_t i = 0; i < d->n; i++) {
		int w, k = draws_table(d->lines[i].text) ? 0 :
		    gap_ends(d->lines[i].text, m, starts, 8, &w);

		for (int j = 0; j < k; j++)
			if (starts[j] < MAX_COLS)
				count[starts[j]]++;
	}
	*votes = 0;
	for (int c = 0; c < MAX_COLS; c++)
		if (count[c] > *votes) {
			*votes = count[c];
			best = c;
		}
	free(count);
	return best;
}

/* The byte offset of cell c on s in measure m, or -1 when a character
 * spans it or s ends before it. */
static int
offset_of_cell(const char *s, enum measure m, int c)
{
	int col = 0;
	const char *p = s;

	while (*p && col < c) {
		int bytes;

		col += cell_width(p, m, &bytes);
		p += bytes;
	}
	return col == c && *p ? (int)(p - s) : -1;
}

/* How line s meets start c: 0 it ends before c (left only), 1 it splits
 * there after a gap (both, or right only), -1 its text runs across c. */
static int
meets(const char *s, enum measure m, int c, size_t *cut)
{
	int w, starts[8], k, at;

	if (draws_table(s))
		return -1;
	k = gap_ends(s, m, starts, 8, &w);
	for (int j = 0; j < k; j++)
		if (starts[j] == c && (at = offset_of_cell(s, m, c)) >= 0) {
			*cut = (size_t)at;
			return 1;
		}
	/* (trailing spaces aside) */
	at = offset_of_cell(s, m, c);
	if (at < 0)
		return 0;
	for (const char *p = s + at; *p; p++)
		if (*p != ' ')
			return -1;
	return 0;
}

/* The width of s's text before byte cut, its trailing spaces aside. */
static int
left_width(const char *s, size_t cut, enum measure m)
{
	size_t n = cut;
	int col = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < n; ) {
		int bytes;

		col += cell_width(s + i, m, &bytes);
		i += (size_t)bytes;
	}
	return col;
}

/* Does s[0, n) hold a run of two spaces or more between text (its
 * indent and its end's padding aside)? */
static int
has_inner_gap(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || (i + 3 <= n &&
	    memcmp(s + i, "\xe3\x80\x80", 3) == 0)))
		i += s[i] == ' ' ? 1 : 3;
	while (n > i && s[n - 1] == ' ')
		n--;
	for (; i + 1 < n; i++)
		if ((s[i] == ' ' && s[i + 1] == ' ') || (i + 6 <= n &&
		    memcmp(s + i, "\xe3\x80\x80\xe3\x80\x80", 6) == 0))
			return 1;	/* (also "件　　　名", a form's label) */
	return 0;
}

/* Is the left part s[0, cut) a label of labels.tsv alone ("結合の相手方"):
 * a form's label beside its value, not a column of running text? */
static int
is_label_part(const char *s, size_t cut)
{
	char *k = norm_strip_space(s, cut);
	int yes = *k != '\0' && strlen(k) <= 3 * 14 &&
	    label_field(k) != FIELD_NONE;

	free(k);
	return yes;
}

/* Does line s open with a number in brackets ("(4) 委託に伴い取り扱",
 * "（２）委託先"): a form's numbered label, not running text? */
static int
opens_numbered(const char *s)
{
	int open;

	while (*s == ' ' || str_has_prefix(s, "\xe3\x80\x80"))
		s += *s == ' ' ? 1 : 3;
	open = *s == '(' ? 1 : str_has_prefix(s, "（") ? 3 : 0;
	if (open == 0)
		return 0;
	s += open;
	if (!((*s >= '0' && *s <= '9') || str_has_prefix(s, "１") ||
	    ((unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbc &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)))
		return 0;
	while ((*s >= '0' && *s <= '9') || ((unsigned char)s[0] == 0xef &&
	    (unsigned char)s[1] == 0xbc && (unsigned char)s[2] >= 0x90 &&
	    (unsigned char)s[2] <= 0x99))
		s += (*s >= '0' && *s <= '9') ? 1 : 3;
	return *s == ')' || str_has_prefix(s, "）");
}

/*
 * The block of lines [from, *to) meeting start c: lines ending before c
 * or splitting at it.  Returns how many split, 0 when the block's left
 * parts are not running text.
 */
static int
block_at(const struct doc *d, size_t from, enum measure m, int c,
    size_t *to)
{
	int split = 0, wide = 0, lefts = 0, ragged = 0, numbered = 0;
	size_t i;

	for (i = from; i < d->n; i++) {
		size_t cut;
		int how = meets(d->lines[i].text, m, c, &cut);

		if (how < 0)
			break;
		if (how == 1) {
			int lw = left_width(d->lines[i].text, cut, m);

			split++;
			/* running text fills its column nearly to the gap */
			wide += lw * 10 >= (c - 2) * 6;
			lefts += lw > 0;
			/* and neither side holds a gap of its own (a table
			   set with spaces has several columns) */
			ragged += has_inner_gap(d->lines[i].text, cut) ||
			    has_inner_gap(d->lines[i].text + cut,
			    strlen(d->lines[i].text + cut));
			numbered += opens_numbered(d->lines[i].text) ||
			    is_label_part(d->lines[i].text, cut);
		}
	}
	*to = i;
	/* (a form's labels beside their values leave most lines' left
	   empty: the values' wrapped lines) */
	return split >= MIN_SPLIT_LINES && lefts * 10 >= split * 6 &&
	    wide * 2 >= lefts && numbered * 3 < lefts &&
	    ragged * 5 <= split ? split : 0;
}

static char *
trimmed_copy(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* Lines [from, to) of d as the left column's, then the right's, into
 * out. */
static void
unfold_block(const struct doc *d, size_t from, size_t to, enum measure m,
    int c, struct doc *out, size_t *cap)
{
	for (int side = 0; side < 2; side++)
		for (size_t i = from; i < to; i++) {
			const char *s = d->lines[i].text;
			size_t cut = strlen(s);
			char *part;

			if (meets(s, m, c, &cut) != 1)
				cut = strlen(s);
			part = side == 0 ? trimmed_copy(s, cut) :
			    xstrdup(s + cut);
			if (side == 1 && *part == '\0') {
				free(part);
				continue;
			}
			doc_push(out, cap, &d->lines[i], part);
		}
}

static void
keep_line(const struct doc_line *l, struct doc *out, size_t *cap)
{
	doc_push(out, cap, l, xstrdup(l->text));
}

size_t
columns_unfold(struct doc *d)
{
	enum measure m = BY_CHARS;
	int votes, votes_w, c = common_start(d, BY_CHARS, &votes);
	int cw = common_start(d, BY_WIDTH, &votes_w);
	struct doc out = { NULL, 0 };
	size_t cap = 0, blocks = 0;

	if (votes_w > votes) {
		m = BY_WIDTH;
		c = cw;
		votes = votes_w;
	}
	if (c < 0 || votes < MIN_SPLIT_LINES)
		return 0;
	for (size_t i = 0; i < d->n; ) {
		size_t to;

		if (block_at(d, i, m, c, &to) > 0) {
			unfold_block(d, i, to, m, c, &out, &cap);
			blocks++;
			i = to;
			continue;
		}
		/* (no block starts inside one that failed: on past it) */
		do
			keep_line(&d->lines[i++], &out, &cap);
		while (i < to);
	}
	if (blocks == 0) {
		doc_free(&out);
		return 0;
	}
	doc_free(d);
	*d = out;
	return blocks;
}
