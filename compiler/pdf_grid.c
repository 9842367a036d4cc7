/*
 * pdf_grid.c — find a page's ruled tables (see pdf_grid.h).  The page
 * is drawn by poppler into a cairo image at SCALE pixels per point;
 * a ruling line is a run of dark pixels at least MIN_RULE points long
 * and at most MAX_THICK points thick (a glyph's stroke is shorter, a
 * filled box or picture thicker), found row by row for horizontal
 * lines and column by column for vertical ones, as the lattice mode of
 * table extractors does.  Lines crossing each other (within TOL) are
 * one table; its distinct x and y positions are its column and row
 * lines, and the cells of that lattice are merged where the line
 * between them is not drawn.
 */
#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pdf_grid.h"

#define SCALE		1.0	/* pixels per point */
#define MAX_SIDE	3000	/* pixels: huge pages are drawn smaller */
#define DARK		170	/* green (0-255) below which a pixel is ink */
#define MIN_RULE	12.0	/* points: shortest ruling line */
#define MAX_THICK	3.0	/* points: thickest ruling line */
#define RUN_GAP		1	/* pixels: gap a faint line may have */
#define TOL		2.5	/* points: lines this close meet or coincide */
#define MAX_RULES	1000	/* per direction and page */
#define MAX_LINES	400	/* column or row lines of one table */

/* A ruling line, in points: at y (horizontal) or x (vertical). */
struct rule {
	double	 at, from, to;
};

struct rules {
	struct rule	*v;
	size_t		 n, cap;
};

static void
rules_add(struct rules *r, double at, double from, double to)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	r->v[r->n++] = (struct rule){ at, from, to };
}

/* ---- drawing the page ---- */

/* The page as ink (1) or not (0), w x h pixels, s pixels per point. */
struct ink {
	unsigned char	*px;
	int		 w, h;
	double		 s;
};

static int
draw_page(PopplerPage *pg, double pw, double ph, struct ink *ink)
{
	double s = SCALE;
	cairo_surface_t *sf;
	cairo_t *cr;
	const unsigned char *data;
	int stride;

	if (!(pw > 1 && ph > 1 && pw < 1e5 && ph < 1e5))
		return -1;
	if (pw * s > MAX_SIDE)
		s = MAX_SIDE / pw;
	if (ph * s > MAX_SIDE)
		s = MAX_SIDE / ph;
	ink->s = s;
	ink->w = (int)ceil(pw * s);
	ink->h = (int)ceil(ph * s);
	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, ink->w, ink->h);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(sf);
		return -1;
	}
	cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, s, s);
	poppler_page_render(pg, cr);
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	data = cairo_image_surface_get_data(sf);
	stride = cairo_image_surface_get_stride(sf);
	ink->px = xmalloc((size_t)ink->w * (size_t)ink->h);
	for (int y = 0, w = ink->w; y < ink->h; y++) {	/* green: any colour */
		const uint32_t *restrict row = (const uint32_t *)(data +
		    (size_t)y * stride);
		unsigned char *restrict out = ink->px + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++)
			out[x] = ((row[x] >> 8) & 0xff) < DARK;
	}
	cairo_surface_destroy(sf);
	return 0;
}

/* ---- runs of ink into ruling lines ---- */

/* A line being traced across rows of pixels: along [a0, a1], rows [b0, b1]. */
struct trace {
	int	 a0, a1, b0, b1;
};

struct scan {
	const struct ink *ink;
	struct trace	*open;		/* traces the previous row reached */
	size_t		 nopen, cap;
	struct rules	*out;
};

/* A trace that ended: a ruling line if thin and long enough. */
static void
close_trace(struct scan *sc, const struct trace *t)
{
	double s = sc->ink->s;

	if (sc->out->n >= MAX_RULES || (t->b1 - t->b0 + 1) > MAX_THICK * s ||
	    (t->a1 - t->a0 + 1) < MIN_RULE * s)
		return;
	rules_add(sc->out, (t->b0 + t->b1 + 1) / 2.0 / s, t->a0 / s,
	    (t->a1 + 1) / s);
}

/* Continue an open trace with run [a0, a1] of row b, or open one. */
static void
extend(struct scan *sc, int a0, int a1, int b)
{
	for (size_t i = 0; i < sc->nopen; i++) {
		struct trace *t = &sc->open[i];
		int lo = a0 > t->a0 ? a0 : t->a0, hi = a1 < t->a1 ? a1 : t->a1;
		int shorter = a1 - a0 < t->a1 - t->a0 ? a1 - a0 : t->a1 - t->a0;

		if (t->b1 == b - 1 && hi - lo >= shorter * 4 / 5) {
			t->a0 = a0 < t->a0 ? a0 : t->a0;
			t->a1 = a1 > t->a1 ? a1 : t->a1;
			t->b1 = b;
			return;
		}
	}
	if (sc->nopen == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 32;
		sc->open = xrealloc(sc->open, sc->cap * sizeof(*sc->open));
	}
	sc->open[sc->nopen++] = (struct trace){ a0, a1, b, b };
}

/* Close the traces that row b did not reach (all when b is past the end). */
static void
close_stale(struct scan *sc, int b)
{
	size_t keep = 0;

	for (size_t i = 0; i < sc->nopen; i++)
		if (sc->open[i].b1 < b - 1)
			close_trace(sc, &sc->open[i]);
		else
			sc->open[keep++] = sc->open[i];
	sc->nopen = keep;
}

/* The first inked byte of row p (n bytes) from a, or n: 8 at a time. */
static int
next_ink(const unsigned char *p, int a, int n)
{
	for (; a + 8 <= n; a += 8) {
		uint64_t v;

		memcpy(&v, p + a, 8);
		if (v != 0)
			break;
	}
	while (a < n && !p[a])
		a++;
	return a;
}

/* A vertical run of ink: column x, rows [y0, y1]. */
struct run {
	int	 x, y0, y1;
};

static int
cmp_run(const void *a, const void *b)
{
	const struct run *p = a, *q = b;

	return p->x != q->x ? (p->x > q->x) - (p->x < q->x) :
	    (p->y0 > q->y0) - (p->y0 < q->y0);
}

/* Horizontal ruling lines: runs along each row of pixels, traced down. */
static void
find_horizontal(const struct ink *ink, struct rules *out)
{
	struct scan sc = { ink, NULL, 0, 0, out };
	int len = ink->w, min = (int)(MIN_RULE * ink->s);

	for (int b = 0; b < ink->h; b++) {
		const unsigned char *p = ink->px + (size_t)b * (size_t)len;

		for (int a = next_ink(p, 0, len); a < len; a = next_ink(p, a, len)) {
			int start = a, end = a, gap = 0;

			for (a++; a < len && gap <= RUN_GAP; a++)
				if (p[a])
					end = a, gap = 0;
				else
					gap++;
			if (end - start + 1 >= min)
				extend(&sc, start, end, b);
		}
		close_stale(&sc, b);
	}
	close_stale(&sc, ink->h + 2);
	free(sc.open);
}

/*
 * Vertical ruling lines: runs down each column, followed row by row
 * (along memory: each column keeps its open run), then traced across.
 */
static void
find_vertical(const struct ink *ink, struct rules *out)
{
	struct scan sc = { ink, NULL, 0, 0, out };
	int w = ink->w, min = (int)(MIN_RULE * ink->s);
	int *y0 = xmalloc((size_t)w * sizeof(int)), *y1 = xmalloc((size_t)w *
	    sizeof(int));
	struct run *v = NULL;
	size_t n = 0, cap = 0;

	for (int x = 0; x < w; x++)
		y0[x] = y1[x] = -RUN_GAP - 2;
	for (int y = 0; y <= ink->h; y++) {
		const unsigned char *p = ink->px + (size_t)y * (size_t)w;

		for (int x = y < ink->h ? next_ink(p, 0, w) : 0; x < w;
		    x = y < ink->h ? next_ink(p, x + 1, w) : x + 1) {
			if (y < ink->h && y - y1[x] <= RUN_GAP + 1) {
				y1[x] = y;
				continue;
			}
			if (y1[x] - y0[x] + 1 >= min) {
				if (n == cap) {
					cap = cap ? cap * 2 : 64;
					v = xrealloc(v, cap * sizeof(*v));
				}
				v[n++] = (struct run){ x, y0[x], y1[x] };
			}
			y0[x] = y1[x] = y;
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_run);
	for (size_t i = 0; i < n; i++) {
		close_stale(&sc, v[i].x);
		extend(&sc, v[i].y0, v[i].y1, v[i].x);
	}
	close_stale(&sc, w + 2);
	free(sc.open);
	free(v);
	free(y0);
	free(y1);
}

/* A character box seen across a line: centre, half-band, extent along. */
struct across {
	double	 c, half, a0, a1;
};

static int
cmp_across(const void *a, const void *b)
{
	const struct across *x = a, *y = b;

	return (x->c > y->c) - (x->c < y->c);
}

/* The boxes ch sorted by their centre across lines of one direction. */
static struct across *
boxes_across(const PopplerRectangle *ch, unsigned nch, int horizontal,
    double *widest)
{
	struct across *v = xmalloc((nch ? nch : 1) * sizeof(*v));

	*widest = 0;
	for (unsigned k = 0; k < nch; k++) {
		const PopplerRectangle *c = &ch[k];
		double x0 = fmin(c->x1, c->x2), y0 = fmin(c->y1, c->y2);
		double w = fabs(c->x2 - c->x1), h = fabs(c->y2 - c->y1);

		if (horizontal)
			v[k] = (struct across){ y0 + h / 2, h / 4, x0, x0 + w };
		else
			v[k] = (struct across){ x0 + w / 2, w / 4, y0, y0 + h };
		if (!(v[k].half < 1e4))
			v[k].half = 0;	/* NaN or absurd: ignored */
		if (v[k].half > *widest)
			*widest = v[k].half;
	}
	qsort(v, nch, sizeof(*v), cmp_across);
	return v;
}

/*
 * Drop the lines that run through the middle of characters for half
 * their length or more: strokes of glyphs side by side ("一一", "――"),
 * not rules (a rule may graze a character box that overhangs its cell).
 */
static void
drop_strokes(struct rules *r, int horizontal, const PopplerRectangle *ch,
    unsigned nch)
{
	double widest;
	struct across *v = boxes_across(ch, nch, horizontal, &widest);
	size_t keep = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct rule *u = &r->v[i];
		double crossed = 0;
		unsigned lo = 0, hi = nch;

		while (lo < hi) {	/* the first box that may reach u */
			unsigned mid = lo + (hi - lo) / 2;

			if (v[mid].c < u->at - widest)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (unsigned k = lo; k < nch && v[k].c <= u->at + widest; k++) {
			double mid = (v[k].a0 + v[k].a1) / 2;

			if (fabs(u->at - v[k].c) < v[k].half && mid > u->from &&
			    mid < u->to)
				crossed += v[k].a1 - v[k].a0;
		}
		if (crossed < (u->to - u->from) / 2)
			r->v[keep++] = *u;
	}
	r->n = keep;
	free(v);
}

/* ---- ruling lines into tables ---- */

static int
find_root(int *up, int i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

static void
join(int *up, int a, int b)
{
	a = find_root(up, a);
	b = find_root(up, b);
	if (a != b)
		up[a > b ? a : b] = a < b ? a : b;
}

/* Does horizontal line h cross vertical line v (within TOL)? */
static int
crosses(const struct rule *h, const struct rule *v)
{
	return v->at > h->from - TOL && v->at < h->to + TOL &&
	    h->at > v->from - TOL && h->at < v->to + TOL;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The distinct positions of lines (within TOL), sorted, into *out. */
static int
positions(const struct rule *const *r, int n, double **out)
{
	double *v = xmalloc((size_t)(n ? n : 1) * sizeof(*v));
	int m = 0;

	for (int i = 0; i < n; i++)
		v[i] = r[i]->at;
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	for (int i = 0; i < n; i++)
		if (m == 0 || v[i] - v[m - 1] > TOL)
			v[m++] = v[i];
	*out = v;
	return m;
}

/* Is a line drawn at position p across point q (along it)? */
static int
drawn(const struct rule *const *r, int n, double p, double q)
{
	for (int i = 0; i < n; i++)
		if (fabs(r[i]->at - p) <= TOL && q > r[i]->from - TOL &&
		    q < r[i]->to + TOL)
			return 1;
	return 0;
}

/* The cells of table t from its lines: lattice cells merged where no
 * line parts them.  Returns the number of cells. */
static int
make_cells(struct grid *t, const struct rule *const *h, int nh,
    const struct rule *const *v, int nv)
{
	int cols = t->nx - 1, rows = t->ny - 1, n = rows * cols, k = 0;
	int *up = xmalloc((size_t)n * sizeof(int)), *num;

	for (int i = 0; i < n; i++)
		up[i] = i;
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++) {
			double ym = (t->ys[r] + t->ys[r + 1]) / 2;
			double xm = (t->xs[c] + t->xs[c + 1]) / 2;

			if (c + 1 < cols && !drawn(v, nv, t->xs[c + 1], ym))
				join(up, r * cols + c, r * cols + c + 1);
			if (r + 1 < rows && !drawn(h, nh, t->ys[r + 1], xm))
				join(up, r * cols + c, (r + 1) * cols + c);
		}
	num = xmalloc((size_t)n * sizeof(int));
	t->at = xmalloc((size_t)n * sizeof(int));
	t->cells = xmalloc((size_t)n * sizeof(*t->cells));
	for (int i = 0; i < n; i++) {
		int root = find_root(up, i), r = i / cols, c = i % cols;
		struct grid_cell *g;

		if (root == i) {
			num[i] = k;
			t->cells[k++] = (struct grid_cell){ r, r + 1, c, c + 1 };
		}
		t->at[i] = num[root];	/* the root comes first: lowest index */
		g = &t->cells[num[root]];
		g->r1 = r + 1 > g->r1 ? r + 1 : g->r1;
		g->c0 = c < g->c0 ? c : g->c0;
		g->c1 = c + 1 > g->c1 ? c + 1 : g->c1;
	}
	free(num);
	free(up);
	return t->ncells = k;
}

static void
grid_free(struct grid *t)
{
	free(t->xs);
	free(t->ys);
	free(t->at);
	free(t->cells);
}

/*
 * Is line position p drawn along the whole of [from, to]?  A border is
 * often drawn a cell at a time, its pieces a point apart: they count
 * together where each takes up (within TOL) where the last left off.
 */
static int
drawn_along(const struct rule *const *r, int n, double p, double from,
    double to)
{
	double reach = from;
	int grew = 1;

	while (grew && reach < to - TOL) {
		grew = 0;
		for (int i = 0; i < n; i++)
			if (fabs(r[i]->at - p) <= TOL &&
			    r[i]->from < reach + TOL && r[i]->to > reach) {
				reach = r[i]->to;
				grew = 1;
			}
	}
	return reach >= to - TOL;
}

/*
 * Is t closed by a frame: its outer lines drawn end to end?  A table
 * wider than the page has no line at its right (or left) edge, where
 * the page ends.
 */
static int
framed(const struct grid *t, const struct rule *const *h, int nh,
    const struct rule *const *v, int nv, double pw)
{
	double x0 = t->xs[0], x1 = t->xs[t->nx - 1];
	double y0 = t->ys[0], y1 = t->ys[t->ny - 1];

	return drawn_along(h, nh, y0, x0, x1) && drawn_along(h, nh, y1, x0, x1)
	    && (x0 < TOL || drawn_along(v, nv, x0, y0, y1))
	    && (x1 > pw - TOL || drawn_along(v, nv, x1, y0, y1));
}

/* Column lines where the page cuts the table's rows short. */
static void
page_edges(struct grid *t, const struct rule *const *h, int nh, double pw)
{
	double lo = t->xs[0], hi = t->xs[t->nx - 1];

	for (int i = 0; i < nh; i++) {
		lo = h[i]->from < lo ? h[i]->from : lo;
		hi = h[i]->to > hi ? h[i]->to : hi;
	}
	if (hi > pw - TOL && hi > t->xs[t->nx - 1] + MIN_RULE) {
		t->xs = xrealloc(t->xs, (size_t)(t->nx + 1) * sizeof(*t->xs));
		t->xs[t->nx++] = hi;
	}
	if (lo < TOL && lo < t->xs[0] - MIN_RULE) {
		t->xs = xrealloc(t->xs, (size_t)(t->nx + 1) * sizeof(*t->xs));
		memmove(t->xs + 1, t->xs, (size_t)t->nx * sizeof(*t->xs));
		t->xs[0] = lo;
		t->nx++;
	}
}

/* The table made of the lines of one group, or -1 when it is none. */
static int
make_table(struct grid *t, const struct rule *const *h, int nh,
    const struct rule *const *v, int nv, double pw)
{
	memset(t, 0, sizeof(*t));
	if (nh < 2 || nv < 2)
		return -1;
	t->nx = positions(v, nv, &t->xs);
	t->ny = positions(h, nh, &t->ys);
	page_edges(t, h, nh, pw);
	if (t->nx < 2 || t->ny < 2 || t->nx > MAX_LINES || t->ny > MAX_LINES ||
	    !framed(t, h, nh, v, nv, pw) || make_cells(t, h, nh, v, nv) < 2) {
		grid_free(t);
		return -1;
	}
	return 0;
}

/* Group the lines that cross into tables, into out. */
static void
make_tables(const struct rules *hr, const struct rules *vr, double pw,
    struct page_grids *out)
{
	size_t nh = hr->n, n = hr->n + vr->n;
	int *up = xmalloc((n ? n : 1) * sizeof(int));
	const struct rule **h = xmalloc((nh ? nh : 1) * sizeof(*h));
	const struct rule **v = xmalloc((vr->n ? vr->n : 1) * sizeof(*v));

	for (size_t i = 0; i < n; i++)
		up[i] = (int)i;
	for (size_t i = 0; i < nh; i++)
		for (size_t j = 0; j < vr->n; j++)
			if (crosses(&hr->v[i], &vr->v[j]))
				join(up, (int)i, (int)(nh + j));
	for (size_t g = 0; g < nh; g++) {
		int ch = 0, cv = 0;

		if (find_root(up, (int)g) != (int)g)
			continue;
		for (size_t i = 0; i < nh; i++)
			if (find_root(up, (int)i) == (int)g)
				h[ch++] = &hr->v[i];
		for (size_t j = 0; j < vr->n; j++)
			if (find_root(up, (int)(nh + j)) == (int)g)
				v[cv++] = &vr->v[j];
		out->t = xrealloc(out->t, (size_t)(out->n + 1) * sizeof(*out->t));
		if (make_table(&out->t[out->n], h, ch, v, cv, pw) == 0) {
			out->t[out->n].first = out->ncells;
			out->ncells += out->t[out->n].ncells;
			out->n++;
		}
	}
	free(h);
	free(v);
	free(up);
}

int
grids_find(PopplerPage *pg, double w, double h, const PopplerRectangle *ch,
    unsigned nch, struct page_grids *out)
{
	struct ink ink = { 0 };
	struct rules hr = { 0 }, vr = { 0 };

	memset(out, 0, sizeof(*out));
	if (draw_page(pg, w, h, &ink) != 0)
		return 0;
	find_horizontal(&ink, &hr);
	find_vertical(&ink, &vr);
	free(ink.px);
	drop_strokes(&hr, 1, ch, nch);
	drop_strokes(&vr, 0, ch, nch);
	if (hr.n >= 2 && vr.n >= 2)
		make_tables(&hr, &vr, w, out);
	free(hr.v);
	free(vr.v);
	return out->n;
}

/* The last of the n sorted positions at or before p (0 .. n - 2). */
static int
slot(const double *v, int n, double p)
{
	int lo = 0, hi = n - 2;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (v[mid] <= p)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

int
grids_cell_at(const struct page_grids *g, double x, double y, int *table,
    int *cell)
{
	for (int i = 0; i < g->n; i++) {
		const struct grid *t = &g->t[i];
		int r, c;

		if (x < t->xs[0] || x > t->xs[t->nx - 1] || y < t->ys[0] ||
		    y > t->ys[t->ny - 1])
			continue;
		r = slot(t->ys, t->ny, y);
		c = slot(t->xs, t->nx, x);
		*table = i;
		*cell = t->at[r * (t->nx - 1) + c];
		return t->first + *cell;
	}
	return -1;
}

void
grids_free(struct page_grids *g)
{
	if (g == NULL)
		return;
	for (int i = 0; i < g->n; i++)
		grid_free(&g->t[i]);
	free(g->t);
	memset(g, 0, sizeof(*g));
}
