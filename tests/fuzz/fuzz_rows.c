/*
 * fuzz_rows.c — the layout-independent reading: rows_normalise() over the
 * input parsed as text, Markdown and HTML, then the labelled reader over
 * its tree.  Invariants: rows are no more than the lines and the lines
 * their cells hold; every row keeps a source line of the document, in
 * order, each within the document; no row is empty but a blank line;
 * every row's text is well-formed UTF-8 and NUL-free; the labelled
 * reader's cases lie inside the document and name their procedures with
 * known types.
 */
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz.h"
#include "numbering.h"
#include "parse.h"
#include "rows.h"

/* Is p at a kana mark that may number an item run together with others
 * on its line (ア, イ… after a space)? */
static int
at_kana_mark(const char *p)
{
	return numbering_kana_index(p) >= 0;
}

/* The rows a document may give: one a line, and one more for each line
 * or bullet a cell holds (a cell of "label：value" lines or "• label：
 * value" bullets becomes those rows), for each pair of a record parted
 * by full-width slashes ("…：…／…：…"), for its 【heading】, and for each
 * item of a run on one line ("ア　… イ　…", "（１）… （２）…") and its
 * head. */
static size_t
row_bound(const struct doc *d)
{
	size_t n = 2 * d->n + 1;	/* (a page in two columns: each line
					   a left and a right one) */

	for (size_t i = 0; i < d->n; i++) {
		for (const char *p = d->lines[i].text; *p; p++)
			n += *p == '\n' || strncmp(p, "•", strlen("•")) == 0 ||
			    strncmp(p, "／", strlen("／")) == 0 ||
			    strncmp(p, "【", strlen("【")) == 0 ||
			    strncmp(p, "（", strlen("（")) == 0 ||	/* matters */
			    *p == '(' || at_kana_mark(p);
		n++;	/* a run's head */
	}
	return n;
}

static void
check_rows(const struct doc *d, const struct doc *rows)
{
	int max = d->n ? d->lines[d->n - 1].lineno : 0;

	FUZZ_ASSERT(rows->n <= row_bound(d));
	for (size_t i = 0; i < rows->n; i++) {
		const struct doc_line *l = &rows->lines[i];

		/* (in order, but for a page in two columns: its right
		   column's lines come after its left one's) */
		FUZZ_ASSERT(l->lineno >= 1 && l->lineno <= max);
		FUZZ_ASSERT(fuzz_valid_utf8(l->text, strlen(l->text)));
		FUZZ_ASSERT(l->heading >= 0 && l->heading <= 6);
	}
}

static void
check_cases(const struct case_list *l, const struct doc *d)
{
	int max = d->n ? d->lines[d->n - 1].lineno : 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct pcase *c = l->v[i];

		FUZZ_ASSERT(c->line_start >= 1 && c->line_start <= max);
		FUZZ_ASSERT(c->line_end >= c->line_start - 1 &&
		    c->line_end <= max);
		FUZZ_ASSERT(c->kind.value != NULL);
		for (size_t j = 0; j < c->nprocs; j++)
			FUZZ_ASSERT(c->procs[j].type < PROC__MAX);
		if (c->title.value != NULL)
			FUZZ_ASSERT(fuzz_valid_utf8(c->title.value,
			    strlen(c->title.value)));
	}
}

static void
read_as(const char *text, size_t len, enum source_format format)
{
	struct source src;
	struct doc d, rows;
	struct buf err = BUF_INIT;
	struct case_list cases = { NULL, 0 };

	memset(&src, 0, sizeof(src));
	src.path = "fuzz.txt";
	src.text = (char *)text;
	src.len = len;
	src.format = format;
	if (doc_parse(&src, &d, &err) != 0) {
		buf_free(&err);
		return;
	}
	rows_normalise(&d, &rows);
	check_rows(&d, &rows);
	extract_cases(&src, &d, NULL, &cases, NULL);
	check_cases(&cases, &d);
	case_list_free(&cases);
	doc_free(&rows);
	doc_free(&d);
	buf_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);

	if (fuzz_valid_utf8(text, size) && memchr(data, 0, size) == NULL) {
		read_as(text, size, FORMAT_TEXT);
		read_as(text, size, FORMAT_MARKDOWN);
		read_as(text, size, FORMAT_HTML);
	}
	free(text);
	return 0;
}
