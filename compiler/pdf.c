/*
 * pdf.c — a PDF's text layer as lines of text (see pdf.h for the
 * rules).  poppler-glib does the PDF: decryption, fonts, character
 * boxes and its reading order; this file only decides where lines,
 * cells and paragraphs begin and end.
 *
 * Coordinates are poppler's: points, origin at the page's top left, y
 * growing downwards.  "h" is a line's height, the unit of every
 * tolerance, so the rules hold at any font size.
 */
#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "numbering.h"
#include "pdf.h"
#include "pdf_grid.h"

#define GAP_CELL	1.5	/* a gap of this many em inside a line: new cell */
#define GAP_SOFT	0.5	/* one of this many: new cell at a column edge */
#define EDGE_LINES	3	/* lines starting at an x that make it an edge */
#define STACKED		1.2	/* most leadings between lines of a paragraph */
#define BLANK		1.8	/* leadings between paragraphs that show an
				   empty line */
#define BAND		0.1	/* header/footer band, fraction of the page */
#define EDGE_BUCKETS	4096	/* left edges, 1 pt each */
#define WRAP_SLACK	1.2	/* kinsoku: a wrapped line may end this short */
#define WRAP_TIGHT	0.3	/* ems short a line may end otherwise */
#define SPACE_GAP	0.15	/* a gap of this many em inside a line: a space */
#define EDGE_SLACK	2.0	/* lines of a column start within 2 pt */
#define AUTOSPACE	0.212	/* ems between Japanese and Latin that are no
				   space (LibreOffice puts 0.2; a typed space
				   is wider) */
#define FONT_OF_BOX	0.6	/* a character box's height to its font's
				   size, at least */
#define STEPS		400	/* baseline steps counted, half a point each */
#define MARGIN_SHARE	0.1	/* of the lines start at the left margin */
#define MAX_HANG	8.5	/* ems a first line may be indented by */
#define TABLE_BLANK	0.85	/* leadings between a table's line and the
				   text beside it that show an empty line */

/* A piece of text poppler put on one line, between two wide gaps. */
struct line {
	size_t	 off, len;	/* its text in struct doc's chars */
	double	 x0, x1;	/* left and right edge */
	double	 top, bottom;
	double	 first_w;	/* width of its first word (unbreakable) */
	double	 em;		/* its widest character: the unit of widths */
	double	 chain_edge;	/* widest of the lines stacked with it */
	int	 chain_len;	/* how many lines are stacked with it */
	int	 ragged;	/* only one of them reaches chain_edge: the
				   column's edge or a list of short lines */
	int	 page;		/* 0-based */
	int	 drop;		/* a header, footer or page number */
	int	 column;	/* 1 left, 2 right of a two-column page; 0 */
	int	 soft;		/* cut from the line before at a narrow gap:
				   glued back unless it starts at a column
				   edge; its text starts after a space */
	int	 cell;		/* while a page is read: the ruled table
				   cell it is in (page-wide number), or -1 */
	int	 item;	/* only a list item's number or bullet: "(1)" */
	int	 held;	/* starts with what no line may start with, or
			   end with ("、", "）", "（"): the line before
			   may end short of its edge (kinsoku) */
	int	 fields;	/* a row of a ruled table, made whole from
				   its cells: its fields; 0 for a line */
	unsigned full;		/* bit i: field i's text reaches the bottom
				   of its cell (it may go on overleaf) */
	unsigned cut;		/* bit i: and its right edge (it goes on) */
	int	 band;		/* cells of one unruled row, their text
				   centred (order_bands()); 0 for none */
	double	 band_edge;	/* where the next cell of its band starts */
	int	 drawn;		/* starts with a wall or rule drawn in
				   characters (｜, ―): never in a band */
};

struct doc {
	struct buf	 chars;		/* every line's text, back to back */
	struct line	*lines;
	size_t		 n, cap;
	double		*page_h;	/* height of each page */
	double		*page_w;	/* width of each page */
	double		 leading;	/* usual baseline distance in paragraphs */
	double		 body_top;	/* the highest top of a page's first line */
	double		 margin;	/* the left edge of the text: where
					   lines start that are not indented */
	int		 steps[STEPS];	/* baseline steps seen in paragraphs and
					   cells, by half points */
	float		 edge[EDGE_BUCKETS]; /* widest right edge per left edge */
	double		 right;		/* the right edge of the widest line:
					   the measure of running text */
};

/* One cell of the row being assembled. */
struct cell {
	struct buf	 text;
	double		 x0, x1;	/* widest extent so far */
	const struct line *last;	/* its last line */
};

struct row {
	struct cell	*cells;
	size_t		 n, cap;
	double		 top;		/* top of its first line */
	int		 page;
	int		 band;		/* of its first line */
};

int
pdf_sniff(const void *data, size_t n)
{
	return memmem(data, n < 1024 ? n : 1024, "%PDF-", 5) != NULL;
}

/* ---- reading poppler's characters into lines ---- */

static double
height(const struct line *l)
{
	double h = l->bottom - l->top;

	return h > 1 ? h : 1;
}

static double
em(const struct line *l)
{
	return l->em > 1 ? l->em : 1;
}

static struct line *
new_line(struct doc *d, int page)
{
	struct line *l;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->lines = xrealloc(d->lines, d->cap * sizeof(*d->lines));
	}
	l = &d->lines[d->n++];
	memset(l, 0, sizeof(*l));
	l->off = d->chars.len;
	l->page = page;
	l->cell = -1;
	return l;
}

/* Close the line being read; an empty one is forgotten. */
/* Does [s, s + n) start with a character a drawn table is made of? */
static int
starts_drawn(const char *s, size_t n)
{
	static const char *const marks[] = { "｜", "│", "┃", "├", "┌", "└",
	    "―", "─", "━", NULL };

	for (int m = 0; marks[m]; m++)
		if (n >= strlen(marks[m]) && memcmp(s, marks[m],
		    strlen(marks[m])) == 0)
			return 1;
	return 0;
}

static void
end_line(struct doc *d, struct line **cur)
{
	struct line *l = *cur;

	*cur = NULL;
	if (l == NULL)
		return;
	l->len = d->chars.len - l->off;
	if (l->len == 0)
		d->n--;
	else
		l->drawn = starts_drawn(d->chars.data + l->off, l->len);
}

/* Does c, found in s, encode as UTF-8 in s (wide characters only)? */
static int
wide_in(uint32_t c, const char *s)
{
	char u[4];

	if (c < 0x3000 || c > 0xffff)
		return 0;
	u[0] = (char)(0xe0 | (c >> 12));
	u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
	u[2] = (char)(0x80 | (c & 0x3f));
	u[3] = 0;
	return strstr(s, u) != NULL;
}

/* May no line start with c: closing brackets, punctuation, small kana? */
static int
no_start(uint32_t c)
{
	if (c < 0x80)
		return c != 0 && strchr("),.:;!?%]}", (int)c) != NULL;
	return wide_in(c, "、。，．・：；？！ー）」』】〕〉》｝］"
	    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜");
}

/* Is c an opening bracket, that no line may end with? */
static int
opening(uint32_t c)
{
	return c == '(' || c == '[' || wide_in(c, "（「『【〔〈《｛［");
}

/*
 * How much short of its cell's edge a line may end when next follows
 * it: a character or so when kinsoku held one back, less otherwise.
 */
static double
slack(const struct line *l, const struct line *next)
{
	return (next->held ? WRAP_SLACK : WRAP_TIGHT) * em(l);
}

static int
is_word_char(uint32_t c)
{
	return c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10);
}

/*
 * Does c, after the last character (wide: a Japanese one) with no space
 * between, go on the line's first word, which cannot be broken?  Latin
 * letters, digits and punctuation after their like; after a Japanese
 * character, what no line may start with ("し\",\"2025/04/01\"").
 */
static int
goes_on_word(uint32_t c, uint32_t last)
{
	if (c <= ' ' || c >= 0x7f)
		return 0;
	if (last < 0x80)
		return 1;
	return strchr("\"'),.:;!?]}%", (int)c) != NULL;
}

/* The line being read from a page, and what comes before its next char. */
struct reader {
	struct doc	*d;
	const struct page_grids *g;	/* the page's ruled tables */
	struct line	*cur;	/* NULL between lines */
	int		 page;
	int		 space;	/* poppler put a space before the next char */
	int		 first_open; /* still inside the line's first word */
	int		 ideo;	/* ideographic spaces (U+3000) before it */
	double		 ideo_x;	/* where the last of them ends */
	uint32_t	 last_c;	/* the line's last character */
	double		 last_w;	/* and its width */
};

/*
 * Is a gap of gap points before character c (w wide) only the space an
 * office suite puts between Japanese and Latin letters or digits
 * ("第 3 条", "LGWAN 回線"), not a typed space?  It is narrower than
 * AUTOSPACE of the Japanese character's width (a full em).
 */
static int
autospace(const struct reader *rd, uint32_t c, double gap, double w)
{
	int wide = c >= 0x3000, last_wide = rd->last_c >= 0x3000;

	if (wide == last_wide)
		return 0;
	return gap < AUTOSPACE * (wide ? w : rd->last_w);
}

/* Add character c (bytes p, n) with box r to the line being read. */
static void
add_char(struct reader *rd, const char *p, size_t n, uint32_t c,
    const PopplerRectangle *r)
{
	struct doc *d = rd->d;
	struct line *l = rd->cur;
	double w = r->x2 - r->x1, font = FONT_OF_BOX * (r->y2 - r->y1);
	double gap = l != NULL ? r->x1 - (rd->ideo > 0 && rd->ideo_x > l->x1 ?
	    rd->ideo_x : l->x1) : 0, unit = l != NULL &&
	    l->em > w ? l->em : w;
	int soft = 0, spaced, table, in, cell = rd->g->n == 0 ? -1 : grids_cell_at(rd->g,
	    (r->x1 + r->x2) / 2, (r->y1 + r->y2) / 2, &table, &in);

	if (unit < font)	/* narrow glyphs: "- (1)" is not two cells */
		unit = font;
	if (l != NULL && (gap > GAP_CELL * unit || cell != l->cell ||
	    (r->y1 + r->y2) / 2 > l->bottom || (r->y1 + r->y2) / 2 < l->top))
		end_line(d, &rd->cur), l = NULL;
	else if (l != NULL && gap > GAP_SOFT * unit) {
		end_line(d, &rd->cur), l = NULL;
		if (c >= 0x3000 && rd->last_c >= 0x3000)	/* "１　委託" */
			buf_puts(&d->chars, "\xe3\x80\x80");
		else
			buf_putc(&d->chars, ' ');
		soft = 1;
	}
	if (l == NULL) {
		l = rd->cur = new_line(d, rd->page);
		l->soft = soft;
		l->cell = cell;
		l->x0 = r->x1;
		l->top = r->y1;
		l->bottom = r->y2;
		l->first_w = r->x2 - r->x1;
		l->held = no_start(c) || opening(c);
		rd->first_open = 1;
	} else {
		for (int i = 0; i < rd->ideo; i++)
			buf_puts(&d->chars, "\xe3\x80\x80");
		spaced = rd->ideo > 0 || rd->space || gap > SPACE_GAP * em(l);
		if (rd->ideo == 0 && spaced && !autospace(rd, c, gap, w))
			buf_putc(&d->chars, ' ');
		if (rd->first_open && !spaced && (goes_on_word(c, rd->last_c) ||
		    no_start(c)))
			l->first_w = r->x2 - l->x0;
		else
			rd->first_open = 0;
	}
	rd->space = rd->ideo = 0;
	rd->last_c = c;
	rd->last_w = w;
	buf_put(&d->chars, p, n);
	l->x1 = r->x2;
	if (w > l->em)
		l->em = w;
	if (r->y1 < l->top)
		l->top = r->y1;
	if (r->y2 > l->bottom)
		l->bottom = r->y2;
}

/*
 * The boxes of the printed characters of text (len bytes), whose nr
 * characters have boxes r: white space has a box too, spanning the gap
 * it stands for (between two cells, across their rule), which must not
 * count as ink over a rule.  Returns their number; *out to be freed.
 */
static unsigned
glyph_boxes(const unsigned char *s, size_t len, const PopplerRectangle *r,
    unsigned nr, PopplerRectangle **out)
{
	PopplerRectangle *v = xmalloc((nr ? nr : 1) * sizeof(*v));
	unsigned n = 0, k = 0;
	size_t step;
	uint32_t c;

	for (size_t i = 0; i < len && k < nr; i += step, k++) {
		if ((step = utf8_next(s + i, len - i, &c)) == 0)
			step = 1;
		else if (c != '\n' && c != ' ' && c != '\t' && c != 0x3000)
			v[n++] = r[k];
	}
	*out = v;
	return n;
}

/*
 * Cut one page's text into lines, and find its ruled tables (*g): a
 * line stays inside one of their cells.  poppler gives one box per
 * character of its text, newlines included; a page whose boxes do not
 * match its text is read without them as far as they go.
 */
static void
read_page(struct doc *d, PopplerPage *pg, int page, struct page_grids *g)
{
	struct reader rd = { .d = d, .g = g, .page = page };
	PopplerRectangle *r = NULL;
	guint nr = 0;
	char *text = poppler_page_get_text(pg);
	const unsigned char *s = (const unsigned char *)text;
	size_t len = text != NULL ? strlen(text) : 0, k = 0, step;
	uint32_t c;

	if (text == NULL || !poppler_page_get_text_layout(pg, &r, &nr))
		goto out;
	if (len > 0) {
		PopplerRectangle *ink;
		unsigned n = glyph_boxes(s, len, r, nr, &ink);

		grids_find(pg, d->page_w[page], d->page_h[page], ink, n, g);
		free(ink);
	}
	for (size_t i = 0; i < len && k < nr; i += step, k++) {
		if ((step = utf8_next(s + i, len - i, &c)) == 0) {
			step = 1;
			continue;
		}
		if (c == '\n')
			end_line(d, &rd.cur);
		else if (c == 0x3000 && rd.cur != NULL) {
			rd.ideo++;	/* typed: kept, and no gap */
			rd.ideo_x = r[k].x2;
		} else if (c == ' ' || c == '\t' || c == 0x3000)
			rd.space = rd.cur != NULL;
		else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))
			add_char(&rd, text + i, step, c, &r[k]);
	}
	end_line(d, &rd.cur);
out:
	g_free(r);
	g_free(text);
}

/* How many lines of page lines [a, z) start within EDGE_SLACK of x. */
static int
starting_at(const struct doc *d, size_t a, size_t z, double x)
{
	int n = 0;

	for (size_t i = a; i < z; i++)
		if (d->lines[i].x0 > x - EDGE_SLACK && d->lines[i].x0 < x + EDGE_SLACK)
			n++;
	return n;
}

/* Is c a list item's bullet: "•", "・", "○", "■"…? */
static int
is_bullet(uint32_t c)
{
	return c == 0x2022 || c == 0x30fb || c == 0xff65 || c == 0x25cb ||
	    c == 0x25cf || c == 0x25a0 || c == 0x25a1 || c == 0x25c6 ||
	    c == 0x25c7 || c == 0x25ce || c == 0x2023 || c == 0x2013;
}

/*
 * Is s (n bytes) only the number of a list item or heading, or its
 * bullet: "(1)", "3.", "ア", "①", "（２）", "•"?  What follows it a
 * space away is its text, never a cell of a table.  (The marks are
 * numbering.h's, as text lines are read.)
 */
static int
is_item_number(const char *s, size_t n)
{
	char head[32];
	uint32_t c;
	int needs_space;

	if (utf8_next((const unsigned char *)s, n, &c) == n && is_bullet(c))
		return 1;
	if (n == 0 || n >= sizeof(head))
		return 0;
	memcpy(head, s, n);
	head[n] = '\0';
	return numbering_mark_len(head, &needs_space) == n;
}

/* Does s (n bytes) open with a numbering mark and its text ("一、件名",
 * "（２）　委託先"), as text lines are numbered (numbering.h)? */
static int
starts_marked(const char *s, size_t n)
{
	char head[64];

	n = str_cut_at(s, n < sizeof(head) - 1 ? n : sizeof(head) - 1);
	memcpy(head, s, n);	/* (its first words: no allocation per line) */
	head[n] = '\0';
	return numbering_len(head) > 0;
}

/*
 * Does s (n bytes) start with the number of a list item set apart by a
 * space ("５　提供の方法", "(2) 利用する事務"), or is it only that
 * number?  It starts an item: never the rest of a wrapped line.
 */
static int
starts_item(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 16 && s[i] != ' ' && !(n - i >= 3 &&
	    memcmp(s + i, "\xe3\x80\x80", 3) == 0))
		i++;
	if (i > 0 && (i == n || i < 16) && is_item_number(s, i))
		return 1;
	return starts_marked(s, n);
}

/* Does [s, s + n) open a pair: a short label, spaces, then a colon
 * ("委託期間 ： 令和８年…")? */
static int
starts_pair(const char *s, size_t n)
{
	size_t i = 0, label;

	while (i < n && i < 3 * 10 && s[i] != ' ' && !(n - i >= 3 &&
	    (memcmp(s + i, "\xe3\x80\x80", 3) == 0 ||
	    memcmp(s + i, "：", 3) == 0 || memcmp(s + i, "、", 3) == 0 ||
	    memcmp(s + i, "。", 3) == 0)))
		i++;
	if ((label = i) == 0)
		return 0;
	while (i < n && (s[i] == ' ' || (n - i >= 3 &&
	    memcmp(s + i, "\xe3\x80\x80", 3) == 0)))
		i += s[i] == ' ' ? 1 : 3;
	return i > label && n - i >= 3 && memcmp(s + i, "：", 3) == 0;
}

/*
 * Glue each soft fragment of the lines [a, z) of one page back to the
 * line before it, unless several lines of the page start where it
 * starts: then it is a table cell beside a full one, not a wide space
 * (but never beside a list item's number: "(1)　目的").
 */
static void
glue_fragments(struct doc *d, size_t a, size_t z)
{
	size_t out = a;

	for (size_t i = a; i < z; i++) {
		struct line *l = &d->lines[i];

		if (l->soft && out > a && d->lines[out - 1].cell == l->cell &&
		    (starting_at(d, a, z, l->x0) < EDGE_LINES ||
		    is_item_number(d->chars.data + d->lines[out - 1].off,
		    d->lines[out - 1].len))) {
			struct line *p = &d->lines[out - 1];

			p->len = l->off + l->len - p->off;
			p->x1 = l->x1;
			p->em = l->em > p->em ? l->em : p->em;
			p->top = l->top < p->top ? l->top : p->top;
			p->bottom = l->bottom > p->bottom ? l->bottom : p->bottom;
			continue;
		}
		l->soft = 0;
		d->lines[out++] = *l;
	}
	d->n = out;	/* [a, z) were the last lines read */
	for (size_t i = a; i < out; i++)
		d->lines[i].item = is_item_number(d->chars.data +
		    d->lines[i].off, d->lines[i].len);
}

/* ---- ruled tables: a row of cells as one line ---- */

/*
 * The lines read inside the cells of one table on a page, and the
 * text each cell gets: its lines top to bottom, a line that wraps (it
 * reached the cell's right edge) glued to the next with no separator
 * (a space between two Latin letters or digits), other lines and
 * pieces of one visual line joined by a space.
 */
struct table_text {
	const struct grid *t;
	struct buf	*text;	/* [cell] */
	size_t		*last;	/* [cell]: index of its last line, or SIZE_MAX */
	double		*pad;	/* [cell]: from its left line to its text */
	double		 em;	/* widest character of the table */
};

static int
cmp_line_pos(const void *a, const void *b)
{
	const struct line *x = *(struct line *const *)a;
	const struct line *y = *(struct line *const *)b;

	if (fabs(x->top - y->top) >= height(x) / 3)
		return x->top < y->top ? -1 : 1;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One more step from a line's baseline to the next's (measure_leading). */
static void
count_step(struct doc *d, double step)
{
	if (step > 0 && step * 2 < STEPS)
		d->steps[(int)(step * 2)]++;
}

/* Does l, in cell k, reach the cell's right edge before next? */
static int
wraps_in_cell(const struct table_text *tt, int k, const struct line *l,
    const struct line *next)
{
	const struct grid_cell *c = &tt->t->cells[k];
	double edge = tt->t->xs[c->c1] - tt->pad[k];

	return edge - l->x1 < next->first_w + slack(l, next);
}

static void
cell_add(struct table_text *tt, struct doc *d, int k, size_t li)
{
	const struct line *l = &d->lines[li], *p;
	struct buf *b = &tt->text[k];
	const char *s = d->chars.data + l->off;

	if (tt->last[k] != SIZE_MAX) {
		p = &d->lines[tt->last[k]];
		count_step(d, l->bottom - p->bottom);
		if (fabs(l->top - p->top) < height(p) / 3 ||
		    !wraps_in_cell(tt, k, p, l) ||
		    (b->len > 0 && is_word_char((unsigned char)b->data[b->len - 1])
		    && is_word_char((unsigned char)s[0])))
			buf_putc(b, ' ');
	}
	buf_put(b, s, l->len);
	tt->last[k] = li;
	if (l->em > tt->em)
		tt->em = l->em;
}

/* Fill tt with the text of the lines in [a, z) that are in table t. */
static void
gather_cells(struct table_text *tt, struct doc *d, size_t a, size_t z)
{
	const struct grid *t = tt->t;
	struct line **v = xcalloc(z - a + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = a; i < z; i++) {
		struct line *l = &d->lines[i];
		int k = l->cell - t->first;

		if (l->cell < 0 || k < 0 || k >= t->ncells)
			continue;
		v[n++] = l;
		if (l->x0 - t->xs[t->cells[k].c0] < tt->pad[k])
			tt->pad[k] = l->x0 - t->xs[t->cells[k].c0];
	}
	for (int k = 0; k < t->ncells; k++)
		if (tt->pad[k] > 12 || tt->pad[k] < 0)
			tt->pad[k] = tt->pad[k] < 0 ? 0 : 12;
	qsort(v, n, sizeof(*v), cmp_line_pos);
	for (size_t i = 0; i < n; i++)
		cell_add(tt, d, v[i]->cell - t->first, (size_t)(v[i] - d->lines));
	free(v);
}

/*
 * Does the text of cell k reach down to the cell's bottom line (1), and
 * its last line to the right edge too, cut short there (2)?  0 if not.
 */
static int
cell_full(const struct table_text *tt, const struct doc *d, int k)
{
	const struct grid_cell *c = &tt->t->cells[k];
	const struct line *l;

	if (tt->last[k] == SIZE_MAX)
		return 0;
	l = &d->lines[tt->last[k]];
	if (tt->t->ys[c->r1] - l->bottom >= em(l) / 2)
		return 0;
	return tt->t->xs[c->c1] - tt->pad[k] - l->x1 <
	    (1 + WRAP_SLACK) * em(l) ? 2 : 1;
}

/* s (*n bytes) without the spaces around it, ideographic ones too. */
static const char *
trim(const char *s, size_t *n)
{
	if (s == NULL)
		return "";
	for (;;)
		if (*n > 0 && s[0] == ' ')
			s++, --*n;
		else if (*n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3, *n -= 3;
		else if (*n > 0 && s[*n - 1] == ' ')
			--*n;
		else if (*n >= 3 && memcmp(s + *n - 3, "\xe3\x80\x80", 3) == 0)
			*n -= 3;
		else
			return s;
}

/*
 * Row r of the table as "field<TAB>field" into out, *full its fields
 * whose text reaches their cell's bottom, *cut those whose text is cut
 * short there (cell_full()); returns its fields, or 0 when
 * they are all empty.  A cell spanning several rows gives its text to
 * the first; to the others too when cells follow it in the row (a label
 * over several values), an empty field otherwise.
 */
static int
row_text(const struct table_text *tt, const struct doc *d, int r,
    struct buf *out, unsigned *full, unsigned *cut)
{
	const struct grid *t = tt->t;
	int cols = t->nx - 1, fields = 0, text = 0, f;

	*full = *cut = 0;
	for (int c = 0; c < cols; c = t->cells[t->at[r * cols + c]].c1) {
		int k = t->at[r * cols + c];
		const struct grid_cell *g = &t->cells[k];

		if (fields++ > 0)
			buf_putc(out, '\t');
		if (g->r0 == r || g->c1 < cols) {
			size_t n = tt->text[k].len;
			const char *t = trim(tt->text[k].data, &n);

			buf_put(out, t, n);
			text |= n > 0;
		}
		if (fields <= 32 && (f = cell_full(tt, d, k)) > 0) {
			*full |= 1u << (fields - 1);
			*cut |= f == 2 ? 1u << (fields - 1) : 0;
		}
	}
	return text ? fields : 0;
}

/* Append the rows of table t as lines of page `page`. */
static void
emit_rows(struct doc *d, const struct table_text *tt, int page)
{
	const struct grid *t = tt->t;
	struct buf row = BUF_INIT;

	for (int r = 0; r + 1 < t->ny; r++) {
		int fields;
		unsigned full, cut;
		struct line *l;

		buf_truncate(&row, 0);
		if ((fields = row_text(tt, d, r, &row, &full, &cut)) == 0)
			continue;
		l = new_line(d, page);
		l->full = full;
		l->cut = cut;
		buf_put(&d->chars, row.data, row.len);
		l->len = row.len;
		l->fields = fields;
		l->x0 = t->xs[0];
		l->x1 = t->xs[t->nx - 1];
		l->top = t->ys[r];
		l->bottom = t->ys[r + 1];
		l->em = tt->em;
	}
	buf_free(&row);
}

/*
 * Replace the lines of page lines [a, d->n) that are in ruled table
 * cells of g by one line per table row.
 */
static void
table_rows(struct doc *d, size_t a, const struct page_grids *g)
{
	size_t z = d->n, out = a;
	int page = z > a ? d->lines[a].page : 0;

	if (g->n == 0 || z == a)
		return;
	for (int i = 0; i < g->n; i++) {
		const struct grid *t = &g->t[i];
		struct table_text tt = { t, NULL, NULL, NULL, 0 };

		tt.text = xcalloc((size_t)t->ncells, sizeof(*tt.text));
		tt.last = xmalloc((size_t)t->ncells * sizeof(*tt.last));
		tt.pad = xmalloc((size_t)t->ncells * sizeof(*tt.pad));
		for (int k = 0; k < t->ncells; k++) {
			tt.last[k] = SIZE_MAX;
			tt.pad[k] = 1e9;
		}
		gather_cells(&tt, d, a, z);
		emit_rows(d, &tt, page);
		for (int k = 0; k < t->ncells; k++)
			buf_free(&tt.text[k]);
		free(tt.text);
		free(tt.last);
		free(tt.pad);
	}
	for (size_t i = a; i < d->n; i++)
		if (i >= z || d->lines[i].cell < 0)
			d->lines[out++] = d->lines[i];
	d->n = out;
}

/* ---- running headers, footers and page numbers ---- */

/* Is l in the top or bottom band of its page?  1 top, 2 bottom, 0 no. */
static int
band(const struct doc *d, const struct line *l)
{
	double ph = d->page_h[l->page];

	if (l->bottom < ph * BAND)
		return 1;
	if (l->top > ph * (1 - BAND))
		return 2;
	return 0;
}

/* "- 3 -", "3", "3/12", "p.3", "3頁", "(3)": a page number alone. */
static int
is_page_number(const char *s, size_t n)
{
	static const char *const decor[] = { "-", " ", "/", ".", "(", ")",
	    "p", "P", "頁", "ページ", "－", "（", "）", "―", "‐", "ー" };
	int digits = 0;

	for (size_t i = 0; i < n;) {
		size_t k, m = 0;

		if (s[i] >= '0' && s[i] <= '9') {
			digits++, i++;
			continue;
		}
		for (k = 0; k < sizeof(decor) / sizeof(decor[0]); k++)
			if (strncmp(s + i, decor[k], m = strlen(decor[k])) == 0)
				break;
		if (k == sizeof(decor) / sizeof(decor[0]))
			return 0;
		i += m;
	}
	return digits > 0 && digits <= 8;
}

/* A band line's text with digits and spaces left out, and its band. */
struct banded {
	char	*key;
	size_t	 line;	/* index into d->lines */
};

static char *
band_key(const struct doc *d, const struct line *l)
{
	struct buf k = BUF_INIT;
	const char *s = d->chars.data + l->off;

	buf_putc(&k, (char)('0' + band(d, l)));
	for (size_t i = 0; i < l->len; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ' ')
			buf_putc(&k, s[i]);
	return buf_detach(&k);
}

static int
cmp_banded(const void *a, const void *b)
{
	const struct banded *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* Drop the lines in [a, z) of v when they stand on enough pages. */
static void
drop_if_repeated(struct doc *d, struct banded *v, size_t a, size_t z,
    int npages)
{
	int pages = 0, last = -1;

	for (size_t i = a; i < z; i++)
		if (d->lines[v[i].line].page != last) {
			last = d->lines[v[i].line].page;
			pages++;
		}
	if (pages >= 2 && pages * 2 >= npages)
		for (size_t i = a; i < z; i++)
			d->lines[v[i].line].drop = 1;
}

static void
drop_running_lines(struct doc *d, int npages)
{
	struct banded *v = xcalloc(d->n ? d->n : 1, sizeof(*v));
	size_t nv = 0, a = 0;

	for (size_t i = 0; i < d->n; i++) {
		struct line *l = &d->lines[i];

		if (band(d, l) == 0 || l->fields > 0)
			continue;
		if (is_page_number(d->chars.data + l->off, l->len))
			l->drop = 1;
		v[nv].key = band_key(d, l);
		v[nv++].line = i;
	}
	if (nv > 0)
		qsort(v, nv, sizeof(*v), cmp_banded);
	for (size_t i = 1; i <= nv; i++)
		if (i == nv || strcmp(v[i].key, v[a].key) != 0) {
			drop_if_repeated(d, v, a, i, npages);
			a = i;
		}
	for (size_t i = 0; i < nv; i++)
		free(v[i].key);
	free(v);
}

/* ---- column edges ---- */

static size_t
bucket(double x)
{
	return x <= 0 ? 0 : x >= EDGE_BUCKETS - 1 ? EDGE_BUCKETS - 1 :
	    (size_t)x;
}

static void
measure_edges(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct line *l = &d->lines[i];
		size_t b = bucket(l->x0);

		if (!l->drop && l->fields == 0 && l->x1 > d->edge[b])
			d->edge[b] = (float)l->x1;
		if (!l->drop && l->fields == 0 && l->x1 > d->right)
			d->right = l->x1;
	}
}

/*
 * The left margin of the text: the leftmost edge where MARGIN_SHARE of
 * the lines outside ruled tables start, or two of them (0 if none).
 */
static void
measure_margin(struct doc *d)
{
	int *count = xcalloc(EDGE_BUCKETS, sizeof(*count));
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		if (!d->lines[i].drop && d->lines[i].fields == 0 &&
		    d->lines[i].column == 0) {
			count[bucket(d->lines[i].x0)]++;
			n++;
		}
	d->margin = 0;
	for (size_t b = 1; b + 1 < EDGE_BUCKETS; b++) {
		int near = count[b - 1] + count[b] + count[b + 1];

		if (count[b] >= 2 && near >= n * MARGIN_SHARE) {
			d->margin = (double)b + 0.5;
			break;
		}
	}
	free(count);
}

/* Does l start at the left margin of the text? */
static int
at_margin(const struct doc *d, const struct line *l)
{
	return d->margin > 0 && l->x0 > d->margin - EDGE_SLACK &&
	    l->x0 < d->margin + EDGE_SLACK;
}

/* The right edge of the column l starts in: the widest line near it. */
static double
right_edge(const struct doc *d, const struct line *l)
{
	double edge = l->x1;
	size_t a = bucket(l->x0 - EDGE_SLACK), z = bucket(l->x0 + EDGE_SLACK);

	for (size_t b = a; b <= z; b++)
		if (d->edge[b] > edge)
			edge = d->edge[b];
	return edge;
}

/*
 * Stacks: lines starting at the same edge, each right below the one
 * before (a paragraph, a table cell).  Three lines or more show where
 * their column really ends when it is narrower than the widest line
 * starting at that edge elsewhere (a cell beside an empty one).
 */
#define STACK_LOOK	64	/* lines ahead to look for the next in a stack */

static int	right_below(const struct doc *, const struct line *,
		    const struct line *);

static size_t
next_in_stack(const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];

	for (size_t j = i + 1; j < d->n && j <= i + STACK_LOOK; j++) {
		const struct line *b = &d->lines[j];

		if (b->page != l->page)
			break;
		if (!b->drop && b->fields == 0 && b->x0 > l->x0 - EDGE_SLACK &&
		    b->x0 < l->x0 + EDGE_SLACK && right_below(d, l, b))
			return j;
	}
	return 0;
}

/* How many lines of the stack starting at line i end at edge: those a
 * wrap filled (a cell's text wraps at its edge on every line but the
 * last; the labels of a table's column each end where they end). */
static int
reaching(const struct doc *d, size_t i, double edge)
{
	int n = 0;

	for (size_t j = i, k = 0; k == 0 || j != 0;
	    j = next_in_stack(d, j), k++)
		if (d->lines[j].x1 > edge - WRAP_TIGHT * em(&d->lines[j]))
			n++;
	return n;
}

static void
measure_stacks(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		double edge = 0;
		int len = 0, ragged;

		if (d->lines[i].chain_len != 0 || d->lines[i].drop ||
		    d->lines[i].fields > 0)
			continue;
		for (size_t j = i; len == 0 || j != 0; j = next_in_stack(d, j)) {
			if (d->lines[j].x1 > edge)
				edge = d->lines[j].x1;
			len++;
		}
		ragged = reaching(d, i, edge) < 2;
		for (size_t j = i, k = 0; k == 0 || j != 0;
		    j = next_in_stack(d, j), k++) {
			d->lines[j].chain_edge = edge;
			d->lines[j].chain_len = len;
			d->lines[j].ragged = ragged;
		}
	}
}

/* ---- wrapped lines ---- */

/*
 * Was l wrapped: would the next line's first word have fit on it?  Its
 * column ends at the widest line starting where it starts, or before
 * limit, where the next cell of its row starts; in a table, at the
 * widest line of its stack when that is narrower (a cell beside an
 * empty one: outside tables a stack of short lines is a list).
 */
static int
wrapped(const struct doc *d, const struct line *l, const struct line *next,
    double limit, int in_table)
{
	double edge = right_edge(d, l), room;

	if (in_table && l->chain_len >= 3 && edge > l->chain_edge)
		edge = l->chain_edge;
	if (edge > limit - em(l) / 2)
		edge = limit - em(l) / 2;
	room = edge - l->x1;

	return room < next->first_w + (in_table ? slack(l, next) :
	    WRAP_SLACK * em(l));
}

/* ---- reading order ---- */

/*
 * Where a line stands on its page: above a two-column body, in its left
 * or right column, or below it.  A page without columns is all ABOVE.
 */
enum place { ABOVE, LEFT, RIGHT, BELOW };

struct columns {
	double	 split;		/* left edge of the right column; 0 = none */
	double	 top, bottom;	/* the body the columns fill */
};

/* The most common left edge in the middle of the page, and how often. */
static double
middle_edge(const struct line *l, size_t n, double width, int *count)
{
	static const int span = EDGE_BUCKETS;
	int *seen = xcalloc(span, sizeof(int)), best = 0;
	double at = 0;

	for (size_t i = 0; i < n; i++) {
		size_t b = bucket(l[i].x0);

		if (!l[i].drop && l[i].x0 > width * 0.3 && l[i].x0 < width * 0.7 &&
		    ++seen[b] > best) {
			best = seen[b];
			at = (double)b;
		}
	}
	free(seen);
	*count = best;
	return at;
}

/*
 * Two columns of running text: many lines start at one edge in the
 * middle of the page, no line crosses it between the first and the last
 * of them, the two sides are about as wide, and the left side is text
 * (most of its lines run to its right edge), not a table's labels.
 */
static struct columns
find_columns(const struct line *l, size_t n, double width)
{
	struct columns c = { 0, 1e9, -1e9 };
	double lx0 = 1e9, lx1 = 0, rx1 = 0, split, lw = 0;
	int count, left = 0, full = 0;

	split = middle_edge(l, n, width, &count);
	if (count < 5)
		return (struct columns){ 0, 0, 0 };
	for (size_t i = 0; i < n; i++)
		if (!l[i].drop && l[i].x0 >= split - 1 && l[i].x0 < split + 2) {
			c.top = l[i].top < c.top ? l[i].top : c.top;
			c.bottom = l[i].bottom > c.bottom ? l[i].bottom : c.bottom;
			rx1 = l[i].x1 > rx1 ? l[i].x1 : rx1;
		}
	for (size_t i = 0; i < n; i++) {
		if (l[i].drop || l[i].bottom < c.top || l[i].top > c.bottom ||
		    l[i].x0 >= split - 1)
			continue;
		if (l[i].x1 > split - 0.5 * em(&l[i]))
			return (struct columns){ 0, 0, 0 };	/* crosses */
		left++;
		lw += l[i].x1 - l[i].x0;
		lx0 = l[i].x0 < lx0 ? l[i].x0 : lx0;
		lx1 = l[i].x1 > lx1 ? l[i].x1 : lx1;
	}
	for (size_t i = 0; i < n; i++)
		if (!l[i].drop && l[i].bottom >= c.top && l[i].top <= c.bottom &&
		    l[i].x0 < split - 1 && l[i].x1 > lx1 - 2 * em(&l[i]))
			full++;
	if (left < 5 || full * 5 < left * 2 || left * 2 < count ||
	    count * 2 < left || lw / left < 0.6 * (lx1 - lx0) ||
	    (split - lx0) < 0.7 * (rx1 - split) ||
	    (split - lx0) > 1.43 * (rx1 - split))
		return (struct columns){ 0, 0, 0 };
	c.split = split;
	return c;
}

static enum place
place_of(const struct columns *c, const struct line *l)
{
	if (c->split == 0 || l->bottom < c->top)
		return ABOVE;
	if (l->top > c->bottom)
		return BELOW;
	return l->x0 >= c->split - 1 ? RIGHT : LEFT;
}

/* Sort key of a line: its place, then top to bottom, left to right. */
struct keyed {
	struct line	 line;
	enum place	 place;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->place != y->place)
		return (int)x->place - (int)y->place;
	if (x->line.top != y->line.top)
		return x->line.top < y->line.top ? -1 : 1;
	return (x->line.x0 > y->line.x0) - (x->line.x0 < y->line.x0);
}

/*
 * Lines whose tops differ by less than a third of a line are one visual
 * line: order them left to right (the sort by top may not have).
 */
static void
order_visual_lines(struct keyed *k, size_t n)
{
	for (size_t a = 0, z; a < n; a = z) {
		for (z = a + 1; z < n && k[z].place == k[a].place &&
		    k[z].line.top - k[a].line.top < height(&k[a].line) / 3; z++)
			;
		for (size_t i = a + 1; i < z; i++)
			for (size_t j = i; j > a &&
			    k[j].line.x0 < k[j - 1].line.x0; j--) {
				struct keyed t = k[j];

				k[j] = k[j - 1];
				k[j - 1] = t;
			}
	}
}

/*
 * Is a the number or bullet of list item b: alone on its line, with b
 * a space or so after it on the same line ("•　結合先…")?
 */
static int
marks(const struct line *a, const struct line *b)
{
	double gap = b->x0 - a->x1, unit = em(a) > em(b) ? em(a) : em(b);

	return a->item && gap > 0 && gap < GAP_CELL * unit &&
	    fabs(a->top - b->top) < height(a) / 3;
}

/*
 * Do lines a and b stand side by side (one wholly left of the other)
 * and overlap vertically by a third of the lower one or more?
 */
static int
linked(const struct line *a, const struct line *b)
{
	double over = fmin(a->bottom, b->bottom) - fmax(a->top, b->top);

	return (a->x1 < b->x0 || b->x1 < a->x0) && a->fields == 0 &&
	    !marks(a, b) && !marks(b, a) &&
	    b->fields == 0 && !a->drop && !b->drop &&
	    over * 3 >= fmin(height(a), height(b));
}

static int
cmp_band(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->line.band != y->line.band)	/* column, for now */
		return x->line.band - y->line.band;
	return (x->line.top > y->line.top) - (x->line.top < y->line.top);
}

/*
 * Read the lines k[a, z) of a band column by column: a cell of each,
 * top to bottom, cells left to right; then mark them with band id.
 */
static void
order_band(struct keyed *k, size_t a, size_t z, int id)
{
	int col = 0;
	double right = 0;
	size_t *by_x = xmalloc((z - a) * sizeof(*by_x));

	for (size_t i = a; i < z; i++) {	/* by left edge */
		size_t j = i - a;

		while (j > 0 && k[a + by_x[j - 1]].line.x0 > k[i].line.x0) {
			by_x[j] = by_x[j - 1];
			j--;
		}
		by_x[j] = i - a;
	}
	for (size_t i = 0; i < z - a; i++) {
		struct line *l = &k[a + by_x[i]].line;

		if (i > 0 && l->x0 > right - em(l) / 2)
			col++;
		right = i == 0 || l->x1 > right ? l->x1 : right;
		l->band = col;
	}
	free(by_x);
	qsort(k + a, z - a, sizeof(*k), cmp_band);
	for (size_t i = a; i < z; i++) {
		k[i].line.band_edge = 0;
		for (size_t j = a; j < z; j++)
			if (k[j].line.band == k[i].line.band + 1 &&
			    (k[i].line.band_edge == 0 ||
			    k[j].line.x0 < k[i].line.band_edge))
				k[i].line.band_edge = k[j].line.x0;
	}
	for (size_t i = a; i < z; i++)
		k[i].line.band = id;
}

/* Is b the next line of a's cell or paragraph, right below it? */
static int
stacked(const struct line *a, const struct line *b)
{
	double gap = b->top - a->bottom;

	return fabs(a->x0 - b->x0) < EDGE_SLACK && gap < 0.3 * height(a) &&
	    gap > -0.5 * height(a) && a->fields == 0 && b->fields == 0 &&
	    !a->drop && !b->drop;
}

/* Is line l stacked right above a line of k[a, z)? */
static int
stacked_above(const struct keyed *k, size_t a, size_t z, const struct line *l)
{
	for (size_t i = a; i < z; i++)
		if (stacked(l, &k[i].line))
			return 1;
	return 0;
}

/* Is line l linked to, or stacked below, a line of k[a, z)? 2, 1, 0. */
static int
joins_band(const struct keyed *k, size_t a, size_t z, const struct line *l)
{
	int stack = 0;

	for (size_t i = a; i < z; i++) {
		if (k[i].place != k[z].place)
			return 0;
		if (linked(&k[i].line, l))
			return 2;
		stack |= stacked(&k[i].line, l);
	}
	return stack;
}

/*
 * Do the columns of the band k[a, z) (lines starting at one edge) start
 * at different heights: is the text of a cell centred beside a taller
 * one, not at the top of the row as in rows of lines?
 */
static int
centred(const struct keyed *k, size_t a, size_t z)
{
	double lo = 1e9, hi = -1e9;

	for (size_t i = a; i < z; i++) {
		double top = k[i].line.top;

		for (size_t j = a; j < z; j++)
			if (fabs(k[j].line.x0 - k[i].line.x0) < EDGE_SLACK)
				top = fmin(top, k[j].line.top);
		lo = fmin(lo, top);
		hi = fmax(hi, top);
	}
	return hi - lo > height(&k[a].line) / 3;
}

/*
 * The cells of an unruled table whose text is centred vertically: a
 * one-line label beside the middle of a two-line value comes between
 * the value's lines when lines are read top to bottom.  Lines linked
 * side by side (linked()) are one band, with the lines stacked above or
 * below them in their cells; a band of three lines or more, or of lines
 * at different heights, is read cell by cell and then assembled as one
 * row (three lines when a cell is centred: centred()).
 */
static void
order_bands(struct keyed *k, size_t n, int *next_id)
{
	size_t done = 0;

	for (size_t a = 0, z; a < n; a = z) {
		int links = 0, across = 0, j;
		size_t start = a;

		if (k[a].line.drawn) {
			z = a + 1;	/* a drawn table's line: its own */
			continue;
		}
		for (z = a + 1; z < n; z++) {
			if (k[z].line.drawn ||
			    (j = joins_band(k, a, z, &k[z].line)) == 0 ||
			    (j == 1 && links == 0))
				break;
			links += j == 2;
			across |= j == 2 && k[z].line.top != k[a].line.top;
		}
		if (links == 0) {
			z = a + 1;
			continue;
		}
		while (start > done && k[start - 1].place == k[a].place &&
		    stacked_above(k, start, z, &k[start - 1].line))
			start--;
		if (across || (z - start >= 3 && centred(k, start, z)))
			order_band(k, start, z, (*next_id)++);
		done = z;
	}
}

/* Put the lines of one page, l[0..n), in reading order. */
static void
order_page(struct line *l, size_t n, double width, int *bands)
{
	struct columns c = find_columns(l, n, width);
	struct keyed *k = xcalloc(n ? n : 1, sizeof(*k));

	for (size_t i = 0; i < n; i++) {
		k[i].line = l[i];
		k[i].place = place_of(&c, &l[i]);
	}
	qsort(k, n, sizeof(*k), cmp_keyed);
	order_visual_lines(k, n);
	order_bands(k, n, bands);
	for (size_t i = 0; i < n; i++) {
		l[i] = k[i].line;
		l[i].column = k[i].place == LEFT ? 1 : k[i].place == RIGHT ? 2 : 0;
	}
	free(k);
}

static void
order_pages(struct doc *d)
{
	int bands = 1;

	for (size_t a = 0, z; a < d->n; a = z) {
		for (z = a + 1; z < d->n && d->lines[z].page == d->lines[a].page;
		    z++)
			;
		order_page(d->lines + a, z - a, d->page_w[d->lines[a].page],
		    &bands);
	}
}

/* ---- table rows broken by a page break ---- */

/* Field i of the TAB-separated text s (n bytes): *len bytes at the result. */
static const char *
field(const char *s, size_t n, int i, size_t *len)
{
	const char *end = s + n, *p = s, *tab;

	for (; i > 0 && p < end; i--) {
		tab = memchr(p, '\t', (size_t)(end - p));
		p = tab != NULL ? tab + 1 : end;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	*len = (size_t)((tab != NULL ? tab : end) - p);
	return p;
}

/*
 * Is b the rest of table row l, broken at the end of l's page (g is the
 * part of l on that page: l itself, or the last part joined to it)?  b
 * is the first line of the next page, a row of as many fields whose
 * text goes on from fields of g that reached their cells' bottom, one
 * of them cut short at its cell's right edge, in mid-sentence.
 */
static int
row_goes_on(const struct doc *d, const struct line *l, const struct line *g,
    const struct line *b)
{
	size_t ba;
	int cut = 0;

	if (l->fields == 0 || b->fields != l->fields || b->page != g->page + 1)
		return 0;
	for (int i = 0; i < b->fields && i < 32; i++) {
		field(d->chars.data + b->off, b->len, i, &ba);
		if (ba > 0 && !(g->full & 1u << i))
			return 0;
		if (ba > 0 && (g->cut & 1u << i))
			cut = 1;
	}
	return cut;
}

/* Glue the fields of b to those of l (b goes on where l stopped). */
static void
join_row(struct doc *d, struct line *l, const struct line *b)
{
	struct buf t = BUF_INIT;

	for (int i = 0; i < l->fields; i++) {
		size_t na, nb;
		const char *a = field(d->chars.data + l->off, l->len, i, &na);
		const char *z = field(d->chars.data + b->off, b->len, i, &nb);

		if (i > 0)
			buf_putc(&t, '\t');
		buf_put(&t, a, na);
		if (na > 0 && nb > 0 && is_word_char((unsigned char)a[na - 1]) &&
		    is_word_char((unsigned char)z[0]))
			buf_putc(&t, ' ');
		buf_put(&t, z, nb);
	}
	l->off = d->chars.len;
	l->len = t.len;
	buf_put(&d->chars, t.data, t.len);
	buf_free(&t);
}

/*
 * Where the text of a page begins: the top of the first line that most
 * pages share (within EDGE_SLACK), the highest of those that tie (a
 * first page without the running header of the others does not count).
 */
static void
measure_body_top(struct doc *d)
{
	double *top = xmalloc((d->n ? d->n : 1) * sizeof(*top));
	size_t n = 0, best = 0;
	int page = -1;

	for (size_t i = 0; i < d->n; i++)
		if (!d->lines[i].drop && d->lines[i].page != page) {
			page = d->lines[i].page;
			top[n++] = d->lines[i].top;
		}
	qsort(top, n, sizeof(*top), cmp_double);
	d->body_top = n > 0 ? top[0] : 0;
	for (size_t a = 0, z = 0; a < n; a++) {
		while (z < n && top[z] < top[a] + EDGE_SLACK)
			z++;
		if (z - a > best) {
			best = z - a;
			d->body_top = top[a];
		}
	}
	free(top);
}

/*
 * Is b the head of a table printed again at the top of a new page (an
 * office suite repeats heading rows): the same fields as the first row
 * of the run of rows of its width it continues?
 */
static int
repeated_head(const struct doc *d, size_t bi)
{
	const struct line *b = &d->lines[bi];
	size_t i = bi, first = SIZE_MAX;

	while (i-- > 0 && (d->lines[i].drop || d->lines[i].page == b->page))
		if (!d->lines[i].drop && d->lines[i].fields > 0)
			return 0;	/* not the page's first row */
	for (i++; i-- > 0; ) {
		const struct line *l = &d->lines[i];

		if (l->drop)
			continue;
		if (l->fields != b->fields)
			break;	/* the run of the table's rows ends */
		first = i;
	}
	return first != SIZE_MAX && d->lines[first].len == b->len &&
	    memcmp(d->chars.data + d->lines[first].off,
	    d->chars.data + b->off, b->len) == 0;
}

static void
drop_repeated_heads(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (!d->lines[i].drop && d->lines[i].fields > 0 &&
		    d->lines[i].page > 0 && repeated_head(d, i))
			d->lines[i].drop = 1;
}

static void
join_split_rows(struct doc *d)
{
	size_t prev = SIZE_MAX, part = SIZE_MAX;

	for (size_t i = 0; i < d->n; i++) {
		struct line *b = &d->lines[i];

		if (b->drop)
			continue;
		if (prev != SIZE_MAX && row_goes_on(d, &d->lines[prev],
		    &d->lines[part], b)) {
			join_row(d, &d->lines[prev], b);
			b->drop = 1;
			part = i;
			continue;
		}
		prev = part = i;
	}
}

/* ---- assembling rows ---- */

/* Does b start at the left edge of c's last line (or a wrap of it)? */
static int
same_edge(const struct line *l, const struct line *b)
{
	double w = em(l);

	return b->x0 > l->x0 - 1.5 * w && b->x0 < l->x0 + 0.5 * w;
}

/* Is b right below l: the next line of a paragraph, not further down? */
static int
right_below(const struct doc *d, const struct line *l, const struct line *b)
{
	double step = b->bottom - l->bottom;

	return b->page == l->page && step > d->leading / 2 &&
	    step < STACKED * d->leading;
}

/*
 * The usual distance between the baselines of two lines of a
 * paragraph: the commonest step, to half a point, from a line to the
 * next one starting at the same edge below it.
 */
static void
measure_leading(struct doc *d)
{
	int best = 0;

	for (size_t i = 0; i + 1 < d->n; i++) {
		const struct line *l = &d->lines[i];

		for (size_t j = i + 1; j < d->n && j < i + STACK_LOOK; j++) {
			const struct line *b = &d->lines[j];
			double step = b->bottom - l->bottom;

			if (b->page != l->page || b->drop || l->drop ||
			    b->fields > 0 || l->fields > 0 || step > 3 * height(l))
				break;
			if (step > 0 && fabs(b->x0 - l->x0) < EDGE_SLACK) {
				count_step(d, step);
				break;
			}
		}
	}
	d->leading = 0;
	for (int i = 0; i < STEPS; i++)
		if (d->steps[i] > best) {
			best = d->steps[i];
			d->leading = i / 2.0 + 0.25;
		}
	if (d->leading == 0)
		d->leading = 1.2 * (d->n > 0 ? height(&d->lines[0]) : 12);
}

/*
 * Does b, at the left margin, go on the indented first line of cell c
 * ("　　　高齢者の医療の確保に…" wraps to the margin): c is that one
 * line, indented by a few ems, and b's first word would have fit at
 * the end of it on the margin's column.
 */
static int
indent_wraps(const struct doc *d, const struct cell *c, const struct line *b)
{
	const struct line *l = c->last;
	double indent = l->x0 - b->x0;

	return at_margin(d, b) && c->x0 > l->x0 - EDGE_SLACK &&
	    indent > 1.5 * em(l) && indent < MAX_HANG * em(l) &&
	    right_edge(d, b) - l->x1 < b->first_w + WRAP_SLACK * em(l);
}

static int	continues(const struct doc *, const struct row *, size_t,
		    const struct line *);

/* The line beside b on its baseline that starts at the edge of cell i of
 * row r, or NULL. */
static const struct line *
beside_at(const struct doc *d, const struct row *r, size_t i,
    const struct line *b)
{
	const struct line *n = b + 1, *end = d->lines + d->n;

	while (n < end && n->drop)
		n++;
	if (i >= r->n || n >= end || n->page != b->page ||
	    fabs(n->top - b->top) >= height(b) / 3 || n->fields > 0 ||
	    fabs(n->x0 - r->cells[i].x0) >= EDGE_SLACK)
		return NULL;
	return n;
}

/*
 * Line b, below cell i of row r, may go on that cell: unless the line
 * beside it, at the edge of the next cell, does not go on the next cell
 * ("担当　：…" then "根拠　：…": rows of a label and its value).
 */
static int
next_goes_on(const struct doc *d, const struct row *r, size_t i,
    const struct line *b)
{
	const struct line *n = beside_at(d, r, i + 1, b);

	return n == NULL || continues(d, r, i + 1, n);
}

/* Is [s, s + n) a rule drawn in characters ("――――", "━━━", "====")?
 * It stands alone: nothing wraps onto or off it. */
static int
is_rule_text(const char *s, size_t n)
{
	static const char *const rules[] = { "―", "─", "━", "－", "＝", "—",
	    "‐", "＿", "-", "=", "_", "*", NULL };
	size_t marks = 0;

	for (size_t i = 0; i < n; ) {
		size_t m = 0;

		if (s[i] == ' ') {
			i++;
			continue;
		}
		for (int r = 0; rules[r] && m == 0; r++)
			if (strlen(rules[r]) <= n - i &&
			    memcmp(s + i, rules[r], strlen(rules[r])) == 0)
				m = strlen(rules[r]);
		if (m == 0)
			return 0;
		i += m;
		marks++;
	}
	return marks >= 4;
}

/*
 * Is [s, s + n) a label set letter by letter ("結 合 先", "回"): single
 * characters apart, justified across its cell, which fills the cell
 * without wrapping (and a lone letter heads a label of its own)?
 */
static int
letter_spaced(const char *s, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; ) {
		uint32_t c;
		size_t k;

		if (s[i] == ' ') {
			i++;
			continue;
		}
		if ((k = utf8_next((const unsigned char *)s + i, n - i,
		    &c)) == 0 || c < 0x3000)
			return 0;
		i += k;
		if (i < n && s[i] != ' ')
			return 0;	/* two letters together: a word */
		letters++;
	}
	return letters >= 1;
}

/* Does [s, s + n) end a sentence ("。", "。）", "。」")? */
static int
ends_sentence(const char *s, size_t n)
{
	if (n >= 6 && (memcmp(s + n - 3, "）", 3) == 0 ||
	    memcmp(s + n - 3, "」", 3) == 0))
		n -= 3;
	return n >= 3 && memcmp(s + n - 3, "。", 3) == 0;
}

/* Does [b, b + bn) open with a bracket or a mark ("（手続Ａ）…",
 * "【概要】", "■…"): a heading's start? */
static int
opens_heading(const char *b, size_t bn)
{
	static const char *const opens[] = { "（", "(", "【", "■", "●", "◆",
	    "〔", "［", "＜", NULL };

	for (int i = 0; opens[i]; i++)
		if (bn >= strlen(opens[i]) &&
		    memcmp(b, opens[i], strlen(opens[i])) == 0)
			return 1;
	return 0;
}

/* Is [b, b + bn) a title in brackets, whole ("【再委託その２】",
 * "［手続１］")? */
static int
bracketed_title(const char *b, size_t bn)
{
	return (bn > 6 && memcmp(b, "【", 3) == 0 &&
	    memcmp(b + bn - 3, "】", 3) == 0) ||
	    (bn > 6 && memcmp(b, "［", 3) == 0 &&
	    memcmp(b + bn - 3, "］", 3) == 0);
}

/* Does line b open a heading of its own after a sentence that ends
 * line l ("…示す。" then "（手続Ａ）外部結合", "【概要】")? */
static int
opens_after_sentence(const char *l, size_t ln, const char *b, size_t bn)
{
	return ends_sentence(l, ln) && opens_heading(b, bn);
}

/* Does b go on where cell i of row r stopped? */
static int
continues(const struct doc *d, const struct row *r, size_t i,
    const struct line *b)
{
	const struct line *l = r->cells[i].last;
	double limit = i + 1 < r->n ? r->cells[i + 1].x0 : l->band_edge > 0 ?
	    l->band_edge : 1e9;

	if (i + 1 < r->n && b->x1 > r->cells[i + 1].x0 + em(b))
		return 0;	/* it runs on under the next cell: a line of
				   its own ("取扱項目 ： …" under "委託先") */
	if (i > 0 && b->x0 < r->cells[i].x0 - EDGE_SLACK &&
	    (ends_sentence(d->chars.data + l->off, l->len) ||
	    opens_heading(d->chars.data + b->off, b->len)))
		return 0;	/* a value ended, the next row's label under
				   the labels ("…しない。）" / "結合期間"), or
				   a heading ("…まで" / "（手続Ｂ）…") */

	if (bracketed_title(d->chars.data + b->off, b->len))
		return 0;	/* "【再委託その２】": a block's title, under
				   the last row of the block before it */
	if (l->ragged && l->chain_len >= 3 && beside_at(d, r, i + 1, b))
		return 0;	/* a list of short labels, each with its
				   value ("件名 …" / "諮問日 …"), not one
				   wrapped at the widest */
	if (!wrapped(d, l, b, limit, r->n > 1 || l->band_edge > 0) ||
	    letter_spaced(d->chars.data + l->off, l->len) ||
	    letter_spaced(d->chars.data + b->off, b->len) ||
	    opens_after_sentence(d->chars.data + l->off, l->len,
	    d->chars.data + b->off, b->len) ||
	    starts_item(d->chars.data + b->off, b->len) ||
	    starts_pair(d->chars.data + b->off, b->len) ||
	    is_rule_text(d->chars.data + l->off, l->len) ||
	    is_rule_text(d->chars.data + b->off, b->len) ||
	    !next_goes_on(d, r, i, b))
		return 0;
	if (b->page == l->page + 1)	/* the same column, or right to left,
					   with nothing above it */
		return (same_edge(l, b) || (l->column == 2 && b->x0 < l->x0)) &&
		    b->top < d->body_top + d->leading / 2;
	if (b->page != l->page)
		return 0;
	if (b->top > l->top)	/* below: the next line of the column */
		return (same_edge(l, b) || indent_wraps(d, &r->cells[i], b)) &&
		    right_below(d, l, b);
	return b->x0 > l->x1 && b->top < l->top - 2 * height(l); /* next column */
}

/*
 * The cell of row r that line b belongs to: one it continues, or, in a
 * table row, the value cell (not the first) right above it at the same
 * edge — a new paragraph inside the cell; -1 when b starts a new row.
 * *wrap tells which: b continues a wrapped line.
 */
/*
 * Does b go on the last cell of r as the next line of a paragraph that
 * filled the measure: r a line of running text cut at wide spaces
 * (Markdown's lines run together: "ア　結合の相手方　　株式会社… イ　結合
 * する個人情報　　…"), its last piece reaching the right edge, b at the
 * margin right below, and nothing beside b standing under a cell of r
 * (a table's next row would)?
 */
static int
flows_on(const struct doc *d, const struct row *r, const struct line *b)
{
	const struct line *l = r->cells[r->n - 1].last;

	if (r->n < 2 || b->page != l->page || b->top <= l->top ||
	    !at_margin(d, b) || fabs(r->cells[0].x0 - d->margin) >= EDGE_SLACK ||
	    !right_below(d, l, b) || starts_item(d->chars.data + b->off,
	    b->len) || d->right - l->x1 >= b->first_w + WRAP_SLACK * em(l))
		return 0;
	for (size_t i = 1; i < r->n; i++)
		if (beside_at(d, r, i, b) != NULL)
			return 0;
	return 1;
}

static ssize_t
cell_for(const struct doc *d, const struct row *r, const struct line *b,
    int *wrap)
{
	*wrap = 1;
	for (size_t i = r->n; i-- > 0;)
		if (continues(d, r, i, b))
			return (ssize_t)i;
	*wrap = 0;
	for (size_t i = r->n; i-- > 1;)
		if (same_edge(r->cells[i].last, b) &&
		    right_below(d, r->cells[i].last, b))
			return (ssize_t)i;
	return -1;
}
/*
 * Is b the next cell of row r: beside its last cell, on its first line
 * or in its band?
 */
static int
beside(const struct row *r, const struct line *b)
{
	const struct cell *c = &r->cells[r->n - 1];
	double h = height(c->last);

	return b->page == r->page && ((b->top < r->top + h / 3 &&
	    b->top > r->top - h / 3) || (b->band != 0 && b->band == r->band)) &&
	    b->x0 > c->x1 - 0.5 * em(c->last);
}

/*
 * Does b go on the last line of the last cell of r after a gap of a
 * space or two, too narrow for a new cell (poppler ends its lines at
 * wide spaces: "評価書番号　２３" is one line)?
 */
static int
spaced(const struct row *r, const struct line *b)
{
	const struct line *l = r->cells[r->n - 1].last;
	double gap = b->x0 - l->x1, unit = l->item && em(b) > em(l) ? em(b) :
	    em(l);

	return b->page == l->page && fabs(b->top - l->top) < height(l) / 3 &&
	    gap > 0 && gap < GAP_CELL * unit;
}

/* The first or last character of s (n bytes) is Japanese (wide)? */
static int
wide_end(const char *s, size_t n, int last)
{
	uint32_t c = 0;
	size_t i = last ? n : 0;

	if (n == 0)
		return 0;
	if (last)
		while (i > 0 && (s[i - 1] & 0xc0) == 0x80)
			i--;
	if (last && i > 0)
		i--;
	return utf8_next((const unsigned char *)s + i, n - i, &c) > 0 &&
	    c >= 0x3000;
}

/* Add b's text to c: glued after a wrap, after a space otherwise. */
static void
cell_append(struct cell *c, const struct doc *d, const struct line *b,
    int wrap)
{
	const char *s = d->chars.data + b->off;

	if (c->text.len > 0 && (!wrap ||
	    (is_word_char((unsigned char)c->text.data[c->text.len - 1]) &&
	    is_word_char((unsigned char)s[0]))))
		buf_putc(&c->text, ' ');
	buf_put(&c->text, s, b->len);
	if (b->x1 > c->x1)
		c->x1 = b->x1;
	if (b->x0 < c->x0)
		c->x0 = b->x0;
	c->last = b;
}

/* Add b to the last cell of r after the spaces its gap shows. */
static void
space_append(struct row *r, const struct doc *d, const struct line *b)
{
	struct cell *c = &r->cells[r->n - 1];
	double gap = b->x0 - c->last->x1;
	int n = (int)(gap / (c->last->item && em(b) > em(c->last) ? em(b) :
	    em(c->last)) + 0.5);

	if (wide_end(c->text.data, c->text.len, 1) ||
	    wide_end(d->chars.data + b->off, b->len, 0))
		do
			buf_puts(&c->text, "\xe3\x80\x80");
		while (--n > 0);
	else
		buf_putc(&c->text, ' ');
	cell_append(c, d, b, 1);
}

static void
new_cell(struct row *r, const struct doc *d, const struct line *b)
{
	struct cell *c;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->cells = xrealloc(r->cells, r->cap * sizeof(*r->cells));
	}
	c = &r->cells[r->n++];
	memset(c, 0, sizeof(*c));
	c->x0 = b->x0;
	c->x1 = b->x1;
	if (r->n == 1) {
		r->top = b->top;
		r->page = b->page;
		r->band = b->band;
	}
	cell_append(c, d, b, 1);
}

/* Assembled text, and which page each output line starts on. */
struct output {
	struct buf	 text;
	int		 lines;		/* lines written */
	int		*page_line;
	int		 npages;
	int		 pages_done;	/* page_line[0..pages_done) are set */
};

/*
 * The bytes of the bullet an office suite draws before a list item
 * ("•" and a space) at the start of s (n bytes), or 0: the list's
 * markup, not its text (typed bullets are "・").
 */
static size_t
bullet_len(const char *s, size_t n)
{
	if (n < 4 || memcmp(s, "\xe2\x80\xa2", 3) != 0)
		return 0;
	if (s[3] == ' ')
		return 4;
	return n >= 6 && memcmp(s + 3, "\xe3\x80\x80", 3) == 0 ? 6 : 0;
}

static void
flush_row(struct row *r, struct output *o)
{
	if (r->n == 0)
		return;
	o->lines++;
	while (o->pages_done <= r->page && o->pages_done < o->npages)
		o->page_line[o->pages_done++] = o->lines;
	for (size_t i = 0; i < r->n; i++) {
		size_t skip = i == 0 ? bullet_len(r->cells[0].text.data,
		    r->cells[0].text.len) : 0;

		if (i > 0)
			buf_putc(&o->text, '\t');
		buf_put(&o->text, r->cells[i].text.data + skip,
		    r->cells[i].text.len - skip);
		buf_free(&r->cells[i].text);
	}
	buf_putc(&o->text, '\n');
	r->n = 0;
}

/* The lowest line of row r so far. */
static const struct line *
row_bottom(const struct row *r)
{
	const struct line *low = r->cells[0].last;

	for (size_t i = 1; i < r->n; i++)
		if (r->cells[i].last->bottom > low->bottom)
			low = r->cells[i].last;
	return low;
}

/*
 * Is there an empty line between line l and line b below it?  Between
 * lines of text, when b's baseline is BLANK leadings below l's or more;
 * beside a table, where a row's top or bottom is its ruling line, when
 * the space between them is TABLE_BLANK leadings or more.
 */
static int
blank_between(const struct doc *d, const struct line *l, const struct line *b)
{
	if (b->page != l->page)
		return 0;
	if (l->fields > 0 || b->fields > 0)
		return b->top - l->bottom > TABLE_BLANK * d->leading;
	return b->bottom - l->bottom > BLANK * d->leading;
}

/* Is c a wall of a table drawn in characters: a box-drawing character
 * (│┃┣╋┗ …) or a full-width bar, not a horizontal rule (─━═)? */
static int
is_wall(uint32_t c)
{
	static const uint32_t flat[] = { 0x2500, 0x2501, 0x2504, 0x2505,
	    0x2508, 0x2509, 0x254c, 0x254d, 0x2550 };

	for (size_t i = 0; i < sizeof(flat) / sizeof(flat[0]); i++)
		if (c == flat[i])
			return 0;
	return (c >= 0x2500 && c <= 0x257f) || c == 0xff5c;
}

/* Does s (n bytes, spaces trimmed) start (end != 0: end) with a wall? */
static int
has_wall(const char *s, size_t n, int end)
{
	size_t i;
	uint32_t c = 0;

	while (n > 0 && (end ? s[n - 1] : s[0]) == ' ')
		end ? n-- : (s++, n--);
	if (n == 0)
		return 0;
	for (i = end ? n - 1 : 0; i > 0 && (s[i] & 0xc0) == 0x80; i--)
		;
	return utf8_next((const unsigned char *)s + i, n - i, &c) > 0 &&
	    is_wall(c);
}

/*
 * Is row r a line of a table drawn in characters ("｜提供先　｜…｜"),
 * and b on its line?  Such a line is one line of text, its gaps the
 * padding of its cells: the rows pass reads the walls.
 */
static int
walled_line(const struct row *r, const struct line *b)
{
	const struct cell *c = &r->cells[0];

	return has_wall(c->text.data, c->text.len, 0) && r->n == 1 &&
	    b->page == r->page &&
	    fabs(b->top - r->top) < height(c->last) / 3;
}

/* Is row r such a line (on a line of its own)? */
static int
is_walled(const struct row *r)
{
	return r->n == 1 && walled_line(r, r->cells[0].last);
}

/*
 * Is b the rest of walled row r, wrapped at the page's right edge (a
 * drawn table wider than the page)?  A drawn row starts and ends with
 * a wall: one that reached the edge without its closing wall, or a line
 * below it at the margin without an opening one, is one row broken.
 */
static int
wall_wraps(const struct doc *d, const struct row *r, const struct line *b)
{
	const struct cell *c = &r->cells[0];

	if (has_wall(c->text.data, c->text.len, 1) &&
	    has_wall(d->chars.data + b->off, b->len, 0))
		return 0;
	return right_below(d, c->last, b) && at_margin(d, b) &&
	    wrapped(d, c->last, b, 1e9, 0);
}

static void
assemble(const struct doc *d, struct output *o)
{
	struct row r = { 0 };
	const struct line *last = NULL;	/* of the last table row written */
	ssize_t k;
	int wrap;

	for (size_t i = 0; i < d->n; i++) {
		const struct line *b = &d->lines[i];

		/* text goes on a row of text, never on a ruled table's row */
		int text = r.n > 0 && r.cells[0].last->fields == 0 &&
		    b->fields == 0;

		if (b->drop)
			continue;
		if (text && walled_line(&r, b))
			space_append(&r, d, b);
		else if (text && is_walled(&r) && wall_wraps(d, &r, b)) {
			cell_append(&r.cells[0], d, b, 1);
			r.top = b->top;	/* its line's other parts follow */
		} else if (text && is_walled(&r))
			goto new_row;	/* nothing goes on a drawn line */
		else if (text && spaced(&r, b))
			space_append(&r, d, b);
		else if (text && beside(&r, b))
			new_cell(&r, d, b);
		else if (text && flows_on(d, &r, b)) {
			cell_append(&r.cells[r.n - 1], d, b, 1);
			r.cells[r.n - 1].x1 = b->x1;
			r.top = b->top;	/* its line's other parts follow */
		}
		else if (text && (k = cell_for(d, &r, b, &wrap)) >= 0)
			cell_append(&r.cells[k], d, b, wrap);
		else {
new_row:;
			const struct line *low = r.n > 0 ? row_bottom(&r) : last;

			flush_row(&r, o);
			if (low != NULL && blank_between(d, low, b)) {
				buf_putc(&o->text, '\n');
				o->lines++;
			}
			new_cell(&r, d, b);
			if (b->fields > 0) {	/* a table row stands alone */
				flush_row(&r, o);
				last = b;
			}
		}
	}
	flush_row(&r, o);
	while (o->pages_done < o->npages)
		o->page_line[o->pages_done++] = o->lines + 1;
	free(r.cells);
}

/* ---- the document ---- */

static const char *
open_error(const GError *err)
{
	if (err != NULL && err->domain == POPPLER_ERROR &&
	    err->code == POPPLER_ERROR_ENCRYPTED)
		return "encrypted PDF (it needs a password: save a copy "
		    "without one)";
	return "damaged PDF (poppler cannot open it)";
}

static int
has_image(PopplerPage *pg)
{
	GList *m = poppler_page_get_image_mapping(pg);
	int yes = m != NULL;

	poppler_page_free_image_mapping(m);
	return yes;
}

/* Read every page's lines into d; count the pages that are only images. */
static void
read_pages(PopplerDocument *pdf, struct doc *d, struct pdf_text *out)
{
	for (int p = 0; p < out->npages; p++) {
		PopplerPage *pg = poppler_document_get_page(pdf, p);
		struct page_grids g = { 0 };
		size_t before = d->n;
		double w = 0, h = 0;

		if (pg == NULL)
			continue;
		poppler_page_get_size(pg, &w, &h);
		d->page_h[p] = h;
		d->page_w[p] = w;
		read_page(d, pg, p, &g);
		glue_fragments(d, before, d->n);
		table_rows(d, before, &g);
		grids_free(&g);
		if (d->n == before && has_image(pg) && out->scanned++ == 0)
			out->first_scanned = p + 1;
		g_object_unref(pg);
	}
}

static void
doc_free(struct doc *d)
{
	buf_free(&d->chars);
	free(d->lines);
	free(d->page_h);
	free(d->page_w);
}

/* Why a PDF without lines of text is not read. */
static const char *
no_text(const struct pdf_text *out)
{
	return out->scanned > 0 ? "no text layer (scanned pages?); OCR it first" :
	    "no text in the PDF";
}

int
pdf_read(const void *data, size_t n, struct pdf_text *out, const char **why)
{
	GBytes *bytes = g_bytes_new_static(data, n);
	GError *err = NULL;
	PopplerDocument *pdf;
	struct doc d = { 0 };
	struct output o = { 0 };
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if ((pdf = poppler_document_new_from_bytes(bytes, NULL, &err)) == NULL) {
		*why = open_error(err);
		goto out;
	}
	out->npages = poppler_document_get_n_pages(pdf);
	d.page_h = xcalloc(out->npages > 0 ? (size_t)out->npages : 1,
	    sizeof(*d.page_h));
	d.page_w = xcalloc(out->npages > 0 ? (size_t)out->npages : 1,
	    sizeof(*d.page_w));
	read_pages(pdf, &d, out);
	if (d.n == 0) {
		*why = no_text(out);
		goto out;
	}
	drop_running_lines(&d, out->npages);
	order_pages(&d);
	measure_leading(&d);
	measure_body_top(&d);
	drop_repeated_heads(&d);
	join_split_rows(&d);
	measure_edges(&d);
	measure_margin(&d);
	measure_stacks(&d);
	o.npages = out->npages;
	o.page_line = xcalloc((size_t)o.npages + 1, sizeof(int));
	assemble(&d, &o);
	if (o.text.len == 0) {	/* only page numbers, or empty cells */
		*why = no_text(out);
		buf_free(&o.text);
		free(o.page_line);
		goto out;
	}
	out->page_line = o.page_line;
	out->len = o.text.len;
	out->text = buf_detach(&o.text);
	rc = 0;
out:
	if (pdf != NULL)
		g_object_unref(pdf);
	if (err != NULL)
		g_error_free(err);
	g_bytes_unref(bytes);
	doc_free(&d);
	return rc;
}

void
pdf_text_free(struct pdf_text *t)
{
	if (t == NULL)
		return;
	free(t->text);
	free(t->page_line);
	memset(t, 0, sizeof(*t));
}

/* A one-page PDF with nothing on it, its xref offsets computed. */
static char *
empty_pdf(size_t *n)
{
	static const char *const obj[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
	};
	struct buf b = BUF_INIT;
	size_t off[3], xref;

	buf_puts(&b, "%PDF-1.4\n");
	for (int i = 0; i < 3; i++) {
		off[i] = b.len;
		buf_printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
	}
	xref = b.len;
	buf_puts(&b, "xref\n0 4\n0000000000 65535 f \n");
	for (int i = 0; i < 3; i++)
		buf_printf(&b, "%010zu 00000 n \n", off[i]);
	buf_printf(&b, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", xref);
	*n = b.len;
	return buf_detach(&b);
}

void
pdf_init(void)
{
	static int done;
	struct pdf_text t;
	const char *why;
	size_t n;
	char *pdf;

	if (done++)
		return;
	pdf = empty_pdf(&n);
	(void)pdf_read(pdf, n, &t, &why);	/* "no text": only warming up */
	pdf_text_free(&t);
	free(pdf);
}

char *
pdf_page_map(const struct pdf_text *t)
{
	struct buf b = BUF_INIT;

	for (int p = 0; p < t->npages; p++)
		buf_printf(&b, "%s%d", p ? " " : "", t->page_line[p]);
	return buf_detach(&b);
}

int
pdf_locate(const char *map, int line, int *page, int *line_in_page)
{
	const char *s = map;
	char *end;
	long first;
	int p = 0, found = 0, start = 0;

	if (map == NULL || line < 1)
		return -1;
	while ((first = strtol(s, &end, 10)), end != s) {
		p++;
		if (first <= line) {
			found = p;
			start = (int)first;
		}
		s = end;
	}
	if (found == 0)
		return -1;
	*page = found;
	*line_in_page = line - start + 1;
	return 0;
}
