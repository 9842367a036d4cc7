/*
 * mkpdf.c — developer tool: typeset a text document as a PDF, the way a
 * municipality's word processor would, so that the PDF reader
 * (compiler/pdf.c) is tested on PDFs made from known text instead of
 * binary fixtures.
 *
 * usage: mkpdf [--columns N] [--scan-page K] [--header TEXT]
 *              [--no-page-numbers] IN.txt OUT.pdf
 *
 * Each input line is one paragraph, wrapped at the column's width
 * (Japanese wraps anywhere, with no hyphen) and broken across columns
 * and pages wherever the page ends, sentences included.  A line holding
 * TABs is a table row: one bordered cell per TAB-separated field, the
 * first cell a third of the column, each cell wrapped inside itself and
 * the row continued on the next page when it does not fit.  An empty
 * line is a line of space (an empty paragraph); a line that is just "\f" starts a new
 * page.  --header puts TEXT at the top of every page; every page gets
 * "- N -" at the bottom unless --no-page-numbers.  --scan-page K
 * rasterises page K (1-based; 0 = every page) and places it as an
 * image with no text layer, like a scanner does.  A4, Noto Sans CJK JP
 * 10.5 pt (Debian's fonts-noto-cjk).  Exit 0, or 1 with a message.
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W		595.28	/* A4, points */
#define PAGE_H		841.89
#define MARGIN		56.0
#define FONT		"Noto Sans CJK JP 10.5"
#define LEADING		16.0	/* baseline to baseline */
#define GUTTER		24.0	/* between columns */
#define PAD		4.0	/* inside a table cell */
#define MAX_CELLS	8
#define SCAN_DPI	150.0

struct opts {
	int		 columns;	/* 1 or 2 */
	int		 scan_page;	/* -1 none, 0 all, K page K */
	const char	*header;	/* running header, or NULL */
	int		 page_numbers;	/* "- N -" footers */
};

/* Where the next line goes. */
struct flow {
	const struct opts *o;
	cairo_surface_t	*pdf;
	cairo_t		*cr;	/* the page being drawn (maybe an image) */
	cairo_surface_t	*scan;	/* the image of a scanned page, or NULL */
	cairo_t		*pdfcr;	/* the PDF's own context */
	PangoFontDescription *font;
	int		 page;	/* 1-based */
	int		 column;	/* 0-based */
	double		 y;	/* top of the next line */
};

static double
column_width(const struct flow *f)
{
	double body = PAGE_W - 2 * MARGIN;

	return f->o->columns == 1 ? body :
	    (body - GUTTER * (f->o->columns - 1)) / f->o->columns;
}

static double
column_x(const struct flow *f)
{
	return MARGIN + f->column * (column_width(f) + GUTTER);
}

static double	body_top(void) { return MARGIN + LEADING; }
static double	body_bottom(void) { return PAGE_H - MARGIN - LEADING; }

static PangoLayout *
new_layout(struct flow *f, const char *text, double width)
{
	PangoLayout *l = pango_cairo_create_layout(f->cr);

	pango_layout_set_font_description(l, f->font);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, -1);
	return l;
}

/* Draw one unwrapped line of text with its top at (x, y). */
static void
draw_text(struct flow *f, const char *text, double x, double y)
{
	PangoLayout *l = pango_cairo_create_layout(f->cr);

	pango_layout_set_font_description(l, f->font);
	pango_layout_set_text(l, text, -1);
	cairo_move_to(f->cr, x, y);
	pango_cairo_show_layout(f->cr, l);
	g_object_unref(l);
}

static int
page_is_scanned(const struct flow *f)
{
	return f->o->scan_page == 0 || f->o->scan_page == f->page;
}

static void
begin_page(struct flow *f)
{
	char num[32];

	f->scan = NULL;
	f->cr = f->pdfcr;
	if (page_is_scanned(f)) {
		double k = SCAN_DPI / 72.0;

		f->scan = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)(PAGE_W * k), (int)(PAGE_H * k));
		f->cr = cairo_create(f->scan);
		cairo_scale(f->cr, k, k);
		cairo_set_source_rgb(f->cr, 1, 1, 1);
		cairo_paint(f->cr);
	}
	cairo_set_source_rgb(f->cr, 0, 0, 0);
	cairo_set_line_width(f->cr, 0.5);
	if (f->o->header != NULL)
		draw_text(f, f->o->header, MARGIN, MARGIN - LEADING);
	if (f->o->page_numbers) {
		snprintf(num, sizeof(num), "- %d -", f->page);
		draw_text(f, num, PAGE_W / 2 - 12, PAGE_H - MARGIN);
	}
	f->column = 0;
	f->y = body_top();
}

static void
end_page(struct flow *f)
{
	if (f->scan != NULL) {
		double k = SCAN_DPI / 72.0;

		cairo_destroy(f->cr);
		cairo_save(f->pdfcr);
		cairo_scale(f->pdfcr, 1 / k, 1 / k);
		cairo_set_source_surface(f->pdfcr, f->scan, 0, 0);
		cairo_paint(f->pdfcr);
		cairo_restore(f->pdfcr);
		cairo_surface_destroy(f->scan);
		f->scan = NULL;
	}
	cairo_show_page(f->pdfcr);
	f->page++;
}

static void
next_page(struct flow *f)
{
	end_page(f);
	begin_page(f);
}

/* Move to the next column, or page; the cursor is at its top. */
static void
next_column(struct flow *f)
{
	if (f->column + 1 < f->o->columns) {
		f->column++;
		f->y = body_top();
	} else
		next_page(f);
}

/* Make room for h points in this column, moving on when needed. */
static void
need(struct flow *f, double h)
{
	if (f->y + h > body_bottom() && f->y > body_top())
		next_column(f);
}

/* A paragraph: wrapped lines, each placed where the flow is. */
static void
paragraph(struct flow *f, const char *text)
{
	PangoLayout *l = new_layout(f, text, column_width(f));
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		need(f, LEADING);
		cairo_move_to(f->cr, column_x(f), f->y + LEADING * 0.8);
		pango_cairo_show_layout_line(f->cr,
		    pango_layout_iter_get_line_readonly(it));
		f->y += LEADING;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

struct cell {
	PangoLayout	*layout;
	GSList		*lines;	/* the layout's lines, not yet drawn */
	double		 off, w;	/* from the column's left edge */
};

/* Draw up to n lines of each cell from y; the cells' borders too. */
static void
row_slice(struct flow *f, struct cell *c, int nc, int n)
{
	double h = n * LEADING + 2 * PAD, x = column_x(f);

	for (int i = 0; i < nc; i++) {
		double y = f->y + PAD;

		for (int k = 0; k < n && c[i].lines != NULL; k++) {
			cairo_move_to(f->cr, x + c[i].off + PAD,
			    y + LEADING * 0.8);
			pango_cairo_show_layout_line(f->cr, c[i].lines->data);
			c[i].lines = c[i].lines->next;
			y += LEADING;
		}
		cairo_rectangle(f->cr, x + c[i].off, f->y, c[i].w, h);
		cairo_stroke(f->cr);
	}
	f->y += h;
}

static int
lines_left(const struct cell *c, int nc)
{
	int most = 0;

	for (int i = 0; i < nc; i++)
		if ((int)g_slist_length(c[i].lines) > most)
			most = (int)g_slist_length(c[i].lines);
	return most;
}

/* Split line at TABs in place: up to max fields. */
static int
split_tabs(char *line, char **field, int max)
{
	int n = 0;

	field[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			field[n++] = p + 1;
		}
	return n;
}

/* A table row: the fields of line, in bordered cells. */
static void
table_row(struct flow *f, char *line)
{
	char *field[MAX_CELLS];
	struct cell c[MAX_CELLS];
	double w = column_width(f), first = w / 3, off = 0;
	int nc = split_tabs(line, field, MAX_CELLS), left, fit;

	for (int i = 0; i < nc; i++) {
		c[i].off = off;
		c[i].w = i == 0 ? first : (w - first) / (nc - 1);
		c[i].layout = new_layout(f, field[i], c[i].w - 2 * PAD);
		c[i].lines = pango_layout_get_lines_readonly(c[i].layout);
		off += c[i].w;
	}
	while ((left = lines_left(c, nc)) > 0) {
		need(f, LEADING + 2 * PAD);
		fit = (int)((body_bottom() - f->y - 2 * PAD) / LEADING);
		row_slice(f, c, nc, left < fit ? left : fit);
		if (lines_left(c, nc) > 0)
			next_column(f);
	}
	for (int i = 0; i < nc; i++)
		g_object_unref(c[i].layout);
}

static void
typeset_line(struct flow *f, char *line)
{
	if (strcmp(line, "\f") == 0)
		next_page(f);
	else if (*line == '\0')
		f->y += LEADING;
	else if (strchr(line, '\t') != NULL)
		table_row(f, line);
	else
		paragraph(f, line);
}

static int
typeset(FILE *in, const char *out, const struct opts *o)
{
	struct flow f = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	f.o = o;
	f.pdf = cairo_pdf_surface_create(out, PAGE_W, PAGE_H);
	if (cairo_surface_status(f.pdf) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: %s: cannot create\n", out);
		return -1;
	}
	f.pdfcr = cairo_create(f.pdf);
	f.font = pango_font_description_from_string(FONT);
	f.page = 1;
	begin_page(&f);
	while ((n = getline(&line, &cap, in)) != -1) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		typeset_line(&f, line);
	}
	end_page(&f);
	free(line);
	pango_font_description_free(f.font);
	cairo_destroy(f.pdfcr);
	cairo_surface_finish(f.pdf);
	n = cairo_surface_status(f.pdf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(f.pdf);
	if (n == -1)
		fprintf(stderr, "mkpdf: %s: cannot write\n", out);
	return (int)n;
}

static const char usage[] =
"usage: mkpdf [--columns N] [--scan-page K] [--header TEXT] "
"[--no-page-numbers] IN.txt OUT.pdf\n";

int
main(int argc, char **argv)
{
	struct opts o = { 1, -1, NULL, 1 };
	FILE *in;
	int i, rc;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--columns") == 0 && i + 1 < argc)
			o.columns = atoi(argv[++i]);
		else if (strcmp(argv[i], "--scan-page") == 0 && i + 1 < argc)
			o.scan_page = atoi(argv[++i]);
		else if (strcmp(argv[i], "--header") == 0 && i + 1 < argc)
			o.header = argv[++i];
		else if (strcmp(argv[i], "--no-page-numbers") == 0)
			o.page_numbers = 0;
		else
			break;
	}
	if (argc - i != 2 || o.columns < 1 || o.columns > 4) {
		fputs(usage, stderr);
		return 1;
	}
	if ((in = fopen(argv[i], "r")) == NULL) {
		perror(argv[i]);
		return 1;
	}
	rc = typeset(in, argv[i + 1], &o);
	fclose(in);
	return rc == 0 ? 0 : 1;
}
