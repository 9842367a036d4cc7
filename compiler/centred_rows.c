/*
 * centred_rows.c — pair labels centred in their cells with their values
 * (see centred_rows.h).
 *
 * A block is a run of lines set in two columns: labels at the left
 * margin, values from one column further in, each line holding a label
 * piece, a value piece or both.  Consecutive label pieces that go on
 * one another (a bracket left open, okurigana first, no known label
 * yet) make one label.  Between two labels, the value lines must be
 * parted: those under the first belong to it, those over the second to
 * it.  With each label centred, a row has as many value lines above its
 * label as below it, or one fewer; dynamic programming over the rows
 * finds the parting that keeps wrapped lines together (a line that
 * fills the column, ends in 、 or の, or is followed by a particle goes
 * on) and it is used when it reads better than the labels on their
 * values' first lines.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "centred_rows.h"
#include "fields.h"
#include "normalize.h"

#define MAX_BLOCK	240	/* lines of one block, at most */
#define MIN_ROWS	3
#define LABEL_MAX	14	/* characters of a label piece */

struct cell_line {
	char	*label;	/* text at the label column, or NULL */
	char	*value;	/* text at the value column, or NULL */
	int	 width;	/* display width of value */
};

struct block {
	struct cell_line v[MAX_BLOCK];
	size_t	 n;
	size_t	 a[MAX_BLOCK], b[MAX_BLOCK];	/* each label's lines */
	size_t	 rows;
	int	 maxw;	/* widest value line */
};

static int
is_box_line(const char *s)
{
	const unsigned char *u = (const unsigned char *)str_skip_spaces(s);

	/* U+2500..U+257F: box drawing */
	return u[0] == 0xe2 && (u[1] == 0x94 || u[1] == 0x95);
}

static int
is_blank_text(const char *s)
{
	return *str_skip_spaces(s) == '\0';
}

/* Columns of the white space at s; *s moved past it. */
static int
skip_cols(const char **s)
{
	int cols = str_indent(*s);

	*s = str_skip_spaces(*s);
	return cols;
}

/* The end of the text at s: a run of two ASCII spaces or the line's end. */
static const char *
segment_end(const char *s)
{
	const char *gap = strstr(s, "  ");

	return gap != NULL ? gap : s + strlen(s);
}

static char *
trimmed_dup(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/*
 * Line s as its first piece (at column *c1) and the rest after a gap (at
 * column *c2, NULL when none).  Returns 0, -1 for a line of no text.
 */
static int
pieces(const char *s, int *c1, char **first, int *c2, char **rest)
{
	const char *p = s, *e;

	*c1 = skip_cols(&p);
	if (*p == '\0')
		return -1;
	e = segment_end(p);
	*first = trimmed_dup(p, (size_t)(e - p));
	*rest = NULL;
	*c2 = 0;
	if (*e != '\0') {
		const char *q = e;

		*c2 = *c1 + norm_width(p, (size_t)(e - p)) + skip_cols(&q);
		if (*q != '\0')
			*rest = trimmed_dup(q, strlen(q));
		else
			*c2 = 0;
	}
	return 0;
}

/* The column most lines' values start at, or -1. */
static int
value_column(const int starts[], size_t n)
{
	int best = -1, best_n = 0;

	for (size_t i = 0; i < n; i++) {
		int k = 0;

		if (starts[i] <= 0)
			continue;
		for (size_t j = 0; j < n; j++)
			k += starts[j] > 0 && abs(starts[j] - starts[i]) <= 1;
		if (k > best_n) {
			best_n = k;
			best = starts[i];
		}
	}
	return best_n >= 3 ? best : -1;
}

static void
block_free(struct block *bl)
{
	for (size_t i = 0; i < bl->n; i++) {
		free(bl->v[i].label);
		free(bl->v[i].value);
	}
	bl->n = 0;
}

/* Read lines [from, to) of d into bl as label and value pieces; -1 when
 * some line is set otherwise. */
static int
read_block(const struct doc *d, size_t from, size_t to, struct block *bl)
{
	int c1[MAX_BLOCK], c2[MAX_BLOCK], starts[MAX_BLOCK], lcol = INT_MAX;
	char *first[MAX_BLOCK], *rest[MAX_BLOCK];
	int vcol, ok = 1;

	bl->n = to - from;
	for (size_t i = 0; i < bl->n; i++) {
		pieces(d->lines[from + i].text, &c1[i], &first[i], &c2[i],
		    &rest[i]);
		if (c1[i] < lcol)
			lcol = c1[i];
	}
	for (size_t i = 0; i < bl->n; i++)
		starts[i] = rest[i] != NULL ? c2[i] : c1[i] > lcol + 4 ?
		    c1[i] : 0;
	vcol = value_column(starts, bl->n);
	bl->maxw = 0;
	for (size_t i = 0; i < bl->n; i++) {
		struct cell_line *l = &bl->v[i];

		l->label = l->value = NULL;
		if (vcol > 0 && c1[i] <= lcol + 1 && c1[i] < vcol - 2 &&
		    str_chars(first[i]) <= LABEL_MAX &&
		    (rest[i] == NULL || abs(c2[i] - vcol) <= 1)) {
			l->label = first[i];
			l->value = rest[i];
		} else if (vcol > 0 && abs(c1[i] - vcol) <= 1 &&
		    rest[i] == NULL) {
			l->value = first[i];
		} else {
			ok = 0;
			free(first[i]);
			free(rest[i]);
		}
		l->width = l->value ? norm_width(l->value,
		    strlen(l->value)) : 0;
		if (l->width > bl->maxw)
			bl->maxw = l->width;
	}
	if (!ok) {
		block_free(bl);
		return -1;
	}
	return 0;
}

static int
is_known(const char *label)
{
	char *k = norm_strip_space(label, strlen(label));
	int yes = label_field(k) != FIELD_NONE;

	free(k);
	return yes;
}

/* Does a line of value or label text start mid-word: okurigana, a
 * particle, a closing mark, a note in brackets? */
static int
starts_mid(const char *s)
{
	static const char *const heads[] = { "）", ")", "、", "。", "ー",
	    NULL };

	return str_starts_hiragana(s) || str_has_any_prefix(s, heads);
}

/* Does piece go on label so far ("結合される情報項目" / "（だれの、どのよう"
 * / "な項目か）", "結合の開始時期及び" / "期限")? */
static int
label_goes_on(const char *so_far, const char *piece)
{
	struct buf b = BUF_INIT;
	int yes;

	if (str_brackets_open(so_far) || starts_mid(piece) ||
	    str_has_prefix(piece, "（") || *piece == '(' ||
	    str_has_suffix(so_far, "及び") || str_has_suffix(so_far, "の"))
		return 1;
	buf_printf(&b, "%s%s", so_far, piece);
	yes = !is_known(so_far) && (is_known(b.data) || !is_known(piece));
	buf_free(&b);
	return yes;
}

/* Group the label pieces into labels; -1 when too few, most unknown, or
 * most with no value beside them. */
static int
find_labels(struct block *bl)
{
	size_t known = 0, beside = 0;
	struct buf so_far = BUF_INIT;

	bl->rows = 0;
	for (size_t i = 0; i < bl->n; i++) {
		const char *piece = bl->v[i].label;

		if (piece == NULL)
			continue;
		if (bl->rows > 0 && bl->b[bl->rows - 1] + 1 == i &&
		    label_goes_on(so_far.data, piece)) {
			buf_puts(&so_far, piece);
			bl->b[bl->rows - 1] = i;
			continue;
		}
		if (bl->rows > 0)
			known += is_known(so_far.data);
		buf_truncate(&so_far, 0);
		buf_puts(&so_far, piece);
		bl->a[bl->rows] = bl->b[bl->rows] = i;
		bl->rows++;
	}
	if (bl->rows > 0)
		known += is_known(so_far.data);
	buf_free(&so_far);
	for (size_t r = 0; r < bl->rows; r++)	/* (not each label over
						   its value) */
		for (size_t i = bl->a[r]; i <= bl->b[r]; i++)
			if (bl->v[i].value != NULL) {
				beside++;
				break;
			}
	return bl->rows >= MIN_ROWS && known * 10 >= bl->rows * 6 &&
	    beside * 2 >= bl->rows ? 0 : -1;
}

/* What parting the lines after line j costs, less what keeping them
 * together costs. */
static double
break_delta(const struct block *bl, size_t j)
{
	const char *prev = NULL, *next = NULL;
	int prev_width = 0;
	double brk = 0, join = 0;

	for (size_t i = j + 1; i-- > 0 && prev == NULL;)
		if (bl->v[i].value != NULL) {
			prev = bl->v[i].value;
			prev_width = bl->v[i].width;
		}
	for (size_t i = j + 1; i < bl->n && next == NULL; i++)
		next = bl->v[i].value;
	if (prev == NULL || next == NULL)
		return 0;
	if (prev_width >= bl->maxw - 2 && !str_has_suffix(prev, "。"))
		brk += 2;	/* it filled the column: wrapped */
	if (starts_mid(next))
		brk += 2;
	if (str_has_suffix(prev, "、") || str_has_suffix(prev, "の") ||
	    str_has_suffix(prev, "及び") || str_brackets_open(prev))
		brk += 2;
	if (prev_width < bl->maxw - 4 && !starts_mid(next) &&
	    !str_has_suffix(prev, "、") && !str_has_suffix(prev, "の"))
		join += 1;	/* it stopped short: its cell ended */
	return brk - join;
}

/*
 * The rows with each label centred in its value: above[r] value lines
 * over label r, below[r] under it.  Returns the parting's cost, or a
 * huge one when none fits.
 */
static double
centred_parting(const struct block *bl, size_t above[], size_t below[])
{
	size_t n = bl->n, R = bl->rows;
	double *cost = xcalloc((R + 1) * (n + 1), sizeof(double));
	int *pick = xcalloc((R + 1) * (n + 1), sizeof(int));
	double best;
	size_t post = n - 1 - bl->b[R - 1];

#define AT(r, k) ((size_t)(r) * (n + 1) + (k))
	for (size_t x = 0; x < (R + 1) * (n + 1); x++)
		cost[x] = 1e9;
	cost[AT(0, bl->a[0])] = 0;
	for (size_t r = 0; r + 1 < R; r++) {
		size_t gap = bl->a[r + 1] - bl->b[r] - 1;

		for (size_t up = 0; up <= n; up++) {
			if (cost[AT(r, up)] >= 1e8)
				continue;
			for (int d = -1; d <= 1; d++) {
				long down = (long)up + d;
				double c;

				if (down < 0 || (size_t)down > gap)
					continue;
				c = cost[AT(r, up)] + (d < 0 ? 0.5 : 0) +
				    break_delta(bl, bl->b[r] + (size_t)down);
				if (c < cost[AT(r + 1, gap - (size_t)down)]) {
					cost[AT(r + 1, gap - (size_t)down)] = c;
					pick[AT(r + 1, gap - (size_t)down)] =
					    (int)up;
				}
			}
		}
	}
	best = 1e9;
	for (size_t up = 0; up <= n; up++)
		if (cost[AT(R - 1, up)] < best &&
		    labs((long)post - (long)up) <= 1) {
			best = cost[AT(R - 1, up)];
			above[R - 1] = up;
		}
	if (best < 1e8) {
		below[R - 1] = post;
		for (size_t r = R - 1; r > 0; r--) {
			size_t gap = bl->a[r] - bl->b[r - 1] - 1;

			above[r - 1] = (size_t)pick[AT(r, above[r])];
			below[r - 1] = gap - above[r];
		}
	}
#undef AT
	free(cost);
	free(pick);
	return best;
}

/* The cost of each label on its value's first line; huge when value
 * lines stand over the first label. */
static double
top_parting(const struct block *bl)
{
	double c = 0;

	if (bl->a[0] > 0)
		return 1e9;
	for (size_t r = 0; r + 1 < bl->rows; r++)
		c += break_delta(bl, bl->a[r + 1] - 1);
	return c;
}

/* Row r of bl (lines [from, to] of the block) as "label<TAB>value". */
static char *
row_text(const struct block *bl, size_t r, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	int any = 0;

	for (size_t i = bl->a[r]; i <= bl->b[r]; i++)
		buf_puts(&b, bl->v[i].label);
	buf_putc(&b, '\t');
	for (size_t i = from; i <= to; i++) {
		const char *v = bl->v[i].value;

		if (v == NULL)
			continue;
		if (any && str_has_suffix(b.data, "。"))
			buf_putc(&b, '\n');
		buf_puts(&b, v);
		any = 1;
	}
	return buf_detach(&b);
}

/* Lines [from, to) of d as centred rows into out; 0, or -1 when they
 * are none. */
/* How many lines of [from, to) set a gap of two spaces after text (a
 * label beside its value); rows need two at least. */
static size_t
gapped_lines(const struct doc *d, size_t from, size_t to)
{
	size_t n = 0;

	for (size_t i = from; i < to; i++) {
		const char *s = str_skip_spaces(d->lines[i].text);

		n += *s != '\0' && strstr(s, "  ") != NULL;
	}
	return n;
}

static int
pair_block(const struct doc *d, size_t from, size_t to, struct doc *out,
    size_t *cap)
{
	struct block bl;
	size_t above[MAX_BLOCK], below[MAX_BLOCK];
	double centred, top;
	int lifted = 0;

	if (to - from < MIN_ROWS + 1 || to - from > MAX_BLOCK ||
	    gapped_lines(d, from, to) < 2 || read_block(d, from, to, &bl) != 0)
		return -1;	/* (most blocks are paragraphs: no gaps) */
	if (find_labels(&bl) != 0) {
		block_free(&bl);
		return -1;
	}
	centred = centred_parting(&bl, above, below);
	top = top_parting(&bl);
	for (size_t r = 0; r < bl.rows && centred < 1e8; r++)
		lifted |= above[r] > 0;
	if (centred >= 1e8 || !lifted || centred >= top) {
		block_free(&bl);
		return -1;
	}
	for (size_t r = 0; r < bl.rows; r++)
		doc_push(out, cap, &d->lines[from + bl.a[r]], row_text(&bl, r,
		    bl.a[r] - above[r], bl.b[r] + below[r]));
	block_free(&bl);
	return 0;
}

/* Where the run of lines at i that may be a block ends. */
static size_t
block_end(const struct doc *d, size_t i)
{
	while (i < d->n && !is_blank_text(d->lines[i].text) &&
	    !is_box_line(d->lines[i].text) &&
	    strchr(d->lines[i].text, '\t') == NULL &&
	    strchr(d->lines[i].text, '\f') == NULL)
		i++;
	return i;
}

size_t
centred_rows_pair(struct doc *d)
{
	struct doc out = { NULL, 0 };
	size_t cap = 0, blocks = 0;

	for (size_t i = 0; i < d->n; ) {
		size_t end = block_end(d, i), before = out.n;

		if (end > i && pair_block(d, i, end, &out, &cap) == 0) {
			blocks++;
			/* the rules round it part no more rows: made */
			if (before > 0 &&
			    is_box_line(out.lines[before - 1].text)) {
				free(out.lines[before - 1].text);
				out.lines[before - 1].text = xstrdup("");
			}
			if (end < d->n && is_box_line(d->lines[end].text))
				doc_push(&out, &cap, &d->lines[end++], xstrdup(""));
			i = end;
			continue;
		}
		for (size_t j = i; j < (end > i ? end : i + 1); j++)
			doc_push(&out, &cap, &d->lines[j],
			    xstrdup(d->lines[j].text));
		i = end > i ? end : i + 1;
	}
	if (blocks == 0) {
		doc_free(&out);
		return 0;
	}
	doc_free(d);
	*d = out;
	return blocks;
}
