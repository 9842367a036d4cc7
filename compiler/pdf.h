/*
 * pdf.h — read the text layer of a PDF (Debian's poppler-glib) as the
 * line-oriented text the rest of the compiler reads: paragraphs in
 * reading order, one per line, with table rows as "cell<TAB>cell" and
 * running headers, footers and page numbers dropped.  Pure functions on
 * memory: no files, no printing.
 *
 * How the lines are made (pdf.c): poppler gives each page's characters
 * in its reading order (columns resolved) with one box per character.
 *
 * Ruled tables first (pdf_grid.c): the page is rendered, and long thin
 * runs of ink that cross one another inside a closed frame are a
 * table's rules; the cells are the rectangles between them (a cell
 * whose inner rule is not drawn spans the rows or columns on both
 * sides).  Only printed characters are ink over a rule: poppler's box
 * for a space spans the gap it stands for, across the rule between two
 * cells.  A line of text never crosses a cell's border, and:
 *   - each row of the table is one line: its cells left to right joined
 *     by TAB, an empty cell an empty field;
 *   - a cell's lines are joined top to bottom: with no separator after
 *     a line that reaches the cell's right edge (a wrap: the next line's
 *     first word, what cannot be broken, would not have fitted, with a
 *     character more when kinsoku held one back; a space between two
 *     Latin letters or digits), with a space otherwise; a cell's text
 *     is trimmed of spaces;
 *   - a cell spanning several rows gives its text to each row when
 *     cells follow it (a label over several values), to the first only
 *     when it ends the row;
 *   - a row broken by a page break is joined back: the first row of the
 *     next page, with as many fields, whose non-empty fields go on from
 *     cells that reached their bottom, one of them cut short at its
 *     right edge; a table going on over pages stays one table;
 *   - a row is never a running header or footer, nor joined to text
 *     outside the table; an empty line beside a table is a gap of a
 *     leading between its rule and the text.
 *
 * Everything else (stream mode): the characters are cut into lines at
 * poppler's line ends, and inside a line at a gap wider than a character
 * and a half (a cell border of an unruled table); a gap of 0.2 em
 * between Japanese and Latin letters or digits is an office suite's
 * spacing, not a space ("第 3 条" is "第3条"); a narrower gap of half
 * an em or more is a space (an ideographic one between two Japanese
 * characters), or a cell beside others starting at its edge — never
 * after a list item's number or bullet ("(1)　目的", "ア　", "•").
 * Lines side by side that overlap vertically by a third of a line, with
 * the lines stacked in their cells, are the cells of one row of an
 * unruled table whose text is centred vertically (a label beside the
 * middle of a wrapped value): they are read cell by cell, left to right
 * — when a column starts lower than another (centred), not for rows of
 * lines side by side at one height, and a number or bullet beside its
 * item's text is no cell.
 * Then, over the whole document:
 *   - a line in the top or bottom band of its page whose text, digits
 *     aside, repeats on half the pages or more (at least two), or that
 *     is a bare page number ("- 3 -", "3/12", "p.3"), is dropped;
 *   - a line beside the previous one on the same baseline, or in the
 *     same row of an unruled table, is a new cell of the same row (TAB),
 *     unless only a space or two apart on the same baseline (joined by
 *     ideographic spaces: "評価書番号　２３");
 *   - a line that continues the previous one is joined to it with no
 *     separator (Japanese wraps carry no hyphen; a space only between
 *     two Latin letters or digits): the previous line reaches its
 *     column's right edge (the widest line starting where it starts,
 *     over the whole document; in a row of cells, the next cell, within
 *     a fraction of an em unless kinsoku held a character back), and
 *     this one starts at the same left edge right below it (at the
 *     left margin below an indented first line), at the top of the next
 *     column, or at the top of the next page's text; never a line that starts with a
 *     list item's number set apart by a space ("５　提供の方法"), nor
 *     one under a cell when the line beside it does not go on the next
 *     cell too (rows of a label and its value);
 *   - a list item's bullet drawn by an office suite ("•" and a space)
 *     is dropped: markup, not text;
 *   - anything else starts a new line of output.
 *
 * The page map (page_line) gives the page each output line starts on:
 * a table row, or a paragraph, joined over a page break is on the page
 * where it starts.
 *
 * Ownership: pdf_read() fills a struct pdf_text the caller releases
 * with pdf_text_free() (NULL and zeroed structs accepted).
 */
#ifndef PICORPUS_PDF_H
#define PICORPUS_PDF_H

#include <stddef.h>

struct pdf_text {
	char	*text;		/* UTF-8, NUL-terminated, "\n" after each line */
	size_t	 len;		/* bytes of text */
	int	*page_line;	/* [p]: first line (1-based) starting on page
				   p+1 or later; lines+1 when none does */
	int	 npages;	/* pages in the PDF */
	int	 scanned;	/* pages with an image but no text */
	int	 first_scanned;	/* the first of them (1-based), or 0 */
};

/* Does data (n bytes) start like a PDF ("%PDF-" in its first 1 KiB)? */
int	pdf_sniff(const void *data, size_t n);

/*
 * Once, before threads read PDFs: poppler builds some process-wide
 * state lazily, unguarded; this builds it from one thread.
 */
void	pdf_init(void);

/*
 * Read the PDF in data (n bytes, not copied beyond the call).  Returns
 * 0 and fills *out; or -1 with *why set to a static reason:
 * "damaged PDF …", "encrypted PDF …", "no text layer …".  A PDF with
 * some scanned pages succeeds: out->scanned says how many.
 */
int	pdf_read(const void *data, size_t n, struct pdf_text *out,
	    const char **why);

void	pdf_text_free(struct pdf_text *t);

/*
 * Locate a text line in a page map written by pdf_page_map() ("1 40
 * 83": the page_line array): *page (1-based) and *line_in_page.
 * Returns 0, or -1 when the map is empty or line is out of it.
 */
int	pdf_locate(const char *map, int line, int *page, int *line_in_page);

/* The page map of t as a string ("1 40 83"); caller frees. */
char	*pdf_page_map(const struct pdf_text *t);

#endif
