/*
 * pdf_grid.h — the ruled tables of a PDF page, for pdf.c: the page is
 * rendered (poppler into a cairo image) and its long, thin runs of dark
 * pixels are its ruling lines; lines that cross each other make a
 * table, whose rows and columns are where its lines run and whose cells
 * are the rectangles between the lines that are drawn (a cell whose
 * inner line is missing spans the columns or rows on both sides).
 * Internal to the PDF reader: pure, no printing.
 *
 * Coordinates are poppler's (points, top left origin, y down).
 */
#ifndef PICORPUS_PDF_GRID_H
#define PICORPUS_PDF_GRID_H

#include <poppler.h>

struct grid_cell {
	int	 r0, r1;	/* rows [r0, r1) */
	int	 c0, c1;	/* columns [c0, c1) */
};

/* One table: nx column lines, ny row lines, the cells between them. */
struct grid {
	double		*xs;	/* nx column lines, left to right */
	double		*ys;	/* ny row lines, top to bottom */
	int		 nx, ny;
	int		*at;	/* [r * (nx - 1) + c]: the cell over row r,
				   column c */
	struct grid_cell *cells;
	int		 ncells;
	int		 first;	/* page-wide number of its cell 0 */
};

struct page_grids {
	struct grid	*t;
	int		 n;
	int		 ncells;	/* over every table */
};

/*
 * The tables of page pg (w x h points) into *out (zeroed first), given
 * the boxes of its nch characters (ch): a line through the middle of a
 * character is a stroke of glyphs, not a rule.  A table is closed by a
 * frame and has two cells or more.  Returns the number of tables.
 */
int	grids_find(PopplerPage *pg, double w, double h,
	    const PopplerRectangle *ch, unsigned nch, struct page_grids *out);

/*
 * The page-wide number of the cell holding point (x, y), or -1 when it
 * is in no table; *table and *cell say which table and which of its
 * cells.
 */
int	grids_cell_at(const struct page_grids *g, double x, double y,
	    int *table, int *cell);

void	grids_free(struct page_grids *g);

#endif
