/*
 * parse.h — a document's text as logical lines ready for extraction.
 *
 * Every source line becomes one struct doc_line that remembers its
 * 1-based line number.  HTML fragments inside a line (<p>, <ol>, <table>,
 * checkboxes) are read with libxml2's HTML parser and flattened: block
 * boundaries become '\n' inside the line's text, a checked box becomes
 * "[○]" and an unchecked one "[ ]".  PDF letter-spacing is repaired.
 * A label<TAB>value row keeps its first TAB so callers can split it.
 * A text that is a CSV export (csv.h), typed or typeset as a PDF, is one
 * line of TAB-separated cells per record.
 * Whole .html files are flattened the same way, line numbers coming from
 * the parser; a cell that spans rows (rowspan) is repeated in the rows
 * it spans, so every row of a table has all its cells.  Headings of
 * HTML and Markdown keep their level.
 */
#ifndef PICORPUS_PARSE_H
#define PICORPUS_PARSE_H

#include <stddef.h>

#include "ingest.h"

/*
 * Bump when doc_parse() gives other lines for the same text: indexes
 * re-derive case bodies with it (index/sqlfunc.h) and refuse to be read
 * by a binary of other rules.
 */
#define PARSE_RULES_VERSION "3"

struct doc_line {
	char	*text;		/* flattened text, no trailing newline */
	int	 lineno;	/* 1-based source line */
	int	 heading;	/* 1-6 for an HTML <hN> or Markdown heading,
				   else 0 */
};

struct doc {
	struct doc_line	*lines;	/* in source order */
	size_t		 n;	/* how many */
};

/* Parse src into *d.  Returns 0, or -1 with a reason in err. */
int	doc_parse(const struct source *src, struct doc *d, struct buf *err);

/* Flatten one HTML fragment to text (exposed for tests).  New string. */
char	*html_flatten(const char *html, size_t len);

/* Append to d a line like `like` (its line number and heading) whose
 * text is text (owned by d from then on); *cap is d's room, grown as
 * needed. */
void	doc_push(struct doc *d, size_t *cap, const struct doc_line *like,
	    char *text);
void	doc_free(struct doc *d);

#endif
