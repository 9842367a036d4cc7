/*
 * spaced_table.c — tables set with spaces alone (see spaced_table.h):
 * a head of column names, each starting a column, and under it rows
 * whose cells start in those columns and wrap inside them, as a word
 * processor's borderless table saved as text or `pdftotext -layout`
 * prints one; blank lines or rules of dashes may part the rows.  The
 * head may also number records laid in columns ("番号 | 1 | 2", then a
 * row per field).  Each row becomes one TAB line, each cell its pieces
 * glued.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "fields.h"
#include "normalize.h"
#include "spaced_table.h"

#define MAX_COLS	12	/* columns of a table */
#define MIN_COLS	3	/* columns that make one */
#define MIN_NAMED_COLS	2	/* or fewer, when every one names a field */
#define NAME_MAX_BYTES	(3 * 12)	/* a column name's length */
#define ALIGN_SLACK	1	/* columns a piece may start off its column */

struct piece {
	int	 col;		/* display column it starts at */
	int	 end;		/* column after its last character */
	size_t	 at, len;	/* bytes of the line */
};

/* Display width of the character at s and its bytes (1, 1 at a bad
 * byte). */
static int
char_width(const char *s, int *bytes)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1,
	    &cp);
	int w;

	if (n <= 0) {
		*bytes = 1;
		return 1;
	}
	*bytes = (int)n;
	w = cp == '\t' ? 2 : utf8proc_charwidth(cp);
	return w < 1 ? 1 : w;
}

static int
is_blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || str_has_prefix(s, "\xe3\x80\x80"))
		s += str_has_prefix(s, "\xe3\x80\x80") ? 3 : 1;
	return *s == '\0';
}

/* A rule across the table ("-----", "――――"): it parts rows as a blank
 * line does. */
static int
is_rule(const char *s)
{
	static const char *const marks[] = { "-", "=", "―", "─", "－", "━",
	    NULL };
	size_t n = 0;

	while (*s) {
		size_t m = 0;

		if (*s == ' ' || str_has_prefix(s, "\xe3\x80\x80")) {
			s += *s == ' ' ? 1 : 3;	/* (set in by a wide space) */
			continue;
		}
		for (int k = 0; marks[k] && m == 0; k++)
			if (str_has_prefix(s, marks[k]))
				m = strlen(marks[k]);
		if (m == 0)
			return 0;
		s += m;
		n++;
	}
	return n >= 10;
}

/* A line parting rows: blank or a rule. */
static int
is_parting(const char *s)
{
	return is_blank(s) || is_rule(s);
}

/* A record's number in a head: "1", "１", "No.1" is not. */
static int
is_number_cell(const char *s, size_t n)
{
	char *nf = norm_nfkc(s, n);
	size_t len = strlen(nf);
	int yes = len > 0 && len <= 3 && strspn(nf, "0123456789") == len;

	free(nf);
	return yes;
}

/* "番号", "No": a head's cell naming the column of record numbers. */
static int
names_numbers(const char *s, size_t n)
{
	char *nf = norm_nfkc(s, n);
	int yes = strcmp(nf, "番号") == 0 || strcmp(nf, "No") == 0 ||
	    strcmp(nf, "No.") == 0 || strcmp(nf, "通番") == 0 ||
	    strcmp(nf, "項番") == 0;

	free(nf);
	return yes;
}

/* The pieces of line s: text parted by two spaces or more, or by a
 * full-width space or a TAB.  Returns their count (0 past max). */
static size_t
pieces_of(const char *s, struct piece *p, size_t max)
{
	size_t n = 0, i = 0;
	int col = 0;

	while (s[i]) {
		int bytes, w = char_width(s + i, &bytes);
		size_t spaces;

		if (s[i] == ' ' || s[i] == '\t' ||
		    str_has_prefix(s + i, "\xe3\x80\x80")) {
			col += s[i] == ' ' ? 1 : 2;
			i += (size_t)bytes;
			continue;
		}
		if (n == max)
			return 0;
		p[n].col = col;
		p[n].at = i;
		for (;;) {
			while (s[i] && s[i] != ' ' && s[i] != '\t' &&
			    !str_has_prefix(s + i, "\xe3\x80\x80")) {
				col += char_width(s + i, &bytes);
				i += (size_t)bytes;
			}
			spaces = strspn(s + i, " ");
			if (spaces != 1 || s[i + 1] == '\0' || s[i + 1] == '\t' ||
			    str_has_prefix(s + i + 1, "\xe3\x80\x80"))
				break;
			col++;		/* one space: the piece goes on */
			i++;
		}
		p[n].end = col;
		p[n].len = i - p[n].at;
		n++;
		(void)w;
	}
	return n;
}

/* A column name: short, no list or sentence, not a number or date. */
static int
is_name(const char *s, size_t n)
{
	char *k;
	int yes;

	if (n == 0 || n > NAME_MAX_BYTES)
		return 0;
	k = xstrndup(s, n);
	yes = strstr(k, "、") == NULL && strstr(k, "。") == NULL &&
	    !(k[0] >= '0' && k[0] <= '9') && !str_has_prefix(k, "第") &&
	    !str_has_prefix(k, "※");
	free(k);
	return yes;
}

/* Does the name number the case (評価書番号, 諮問番号)? */
static int
names_case_number(const char *s, size_t n)
{
	static const char *const names[] = { "評価書番号", "諮問番号",
	    "議案番号", "案件番号", "報告番号", "答申番号", NULL };
	char *nf = norm_nfkc(s, n), *k = norm_strip_space(nf, strlen(nf));
	int yes = 0;

	for (int i = 0; names[i] && !yes; i++)
		yes = strcmp(k, names[i]) == 0;
	free(nf);
	free(k);
	return yes;
}

/* Does the name fill a field of labels.tsv? */
static int
names_field(const char *s, size_t n)
{
	char *nf = norm_nfkc(s, n), *k = norm_strip_space(nf, strlen(nf));
	int yes = label_field(k) > FIELD_IGNORE;

	free(nf);
	free(k);
	return yes;
}

/* The column of piece p (its start within ALIGN_SLACK of a column that
 * it does not run past), or -1. */
static int
column_of(const struct piece *p, const int *cols, size_t ncol)
{
	for (size_t c = 0; c < ncol; c++)
		if (abs(p->col - cols[c]) <= ALIGN_SLACK)
			return c + 1 < ncol && p->end > cols[c + 1] ? -1 :
			    (int)c;
	return -1;
}

/*
 * Join to the piece before it each piece that starts in no column and
 * is parted from it by one full-width space alone (後期高齢者医療制度関係
 * 事務　全項目評価書: a space inside a value, not between cells).  Returns
 * the new count.
 */
static size_t
join_spaced_words(struct piece *p, size_t n, const int *cols, size_t ncol)
{
	size_t k = 0;

	for (size_t j = 0; j < n; j++) {
		int starts = 0;

		for (size_t c = 0; c < ncol; c++)
			starts |= abs(p[j].col - cols[c]) <= ALIGN_SLACK;
		if (k > 0 && !starts && p[j].col == p[k - 1].end + 2) {
			p[k - 1].len = p[j].at + p[j].len - p[k - 1].at;
			p[k - 1].end = p[j].end;
			continue;
		}
		p[k++] = p[j];
	}
	return k;
}

/* The pieces of line s as cells of the columns. */
static size_t
cells_of(const char *s, struct piece *p, const int *cols, size_t ncol)
{
	return join_spaced_words(p, pieces_of(s, p, MAX_COLS), cols, ncol);
}

/* Do all pieces of line s fall in the columns? */
static int
fits(const char *s, const int *cols, size_t ncol)
{
	struct piece p[MAX_COLS];
	size_t n = cells_of(s, p, cols, ncol);

	if (n == 0)
		return 0;
	for (size_t j = 0; j < n; j++)
		if (column_of(&p[j], cols, ncol) < 0)
			return 0;
	return 1;
}

/*
 * A head comparing old and new ("項目 | 変更前 | 変更後", a 新旧対照表):
 * the column of the new values, else -1.
 */
static int
after_column(const char *s, const struct piece *p, size_t n)
{
	static const char *const before[] = { "変更前", "現行", "旧", "改正前",
	    NULL };
	static const char *const after[] = { "変更後", "新", "改正後", "変更案",
	    NULL };
	int b = -1, a = -1;

	for (size_t c = 1; c < n; c++) {
		char *nf = norm_nfkc(s + p[c].at, p[c].len);
		char *k = norm_strip_space(nf, strlen(nf));

		for (int w = 0; before[w]; w++)
			if (strcmp(k, before[w]) == 0)
				b = (int)c;
		for (int w = 0; after[w]; w++)
			if (strcmp(k, after[w]) == 0)
				a = (int)c;
		free(nf);
		free(k);
	}
	return b > 0 && a > 0 ? a : -1;
}

/* Do the columns after the first name records by one word and their
 * numbers ("手続１ | 手続２ | 手続３", "委託事項1 | 委託事項2")? */
static int
ordinal_columns(const char *s, const struct piece *p, size_t n)
{
	char *first = NULL;
	int yes = n >= 3;

	for (size_t c = 1; c < n && yes; c++) {
		char *nf = norm_nfkc(s + p[c].at, p[c].len);
		size_t len = strlen(nf), digits = 0;

		while (digits < len && nf[len - 1 - digits] >= '0' &&
		    nf[len - 1 - digits] <= '9')
			digits++;
		nf[len - digits] = '\0';	/* the word before the number */
		yes = digits > 0 && digits < len && (first == NULL ||
		    strcmp(first, nf) == 0);
		if (first == NULL) {
			first = nf;
			continue;
		}
		free(nf);
	}
	free(first);
	return yes;
}

int
spaced_table_at(const struct doc *in, size_t i, size_t *end)
{
	struct piece p[MAX_COLS];
	int cols[MAX_COLS];
	size_t n = pieces_of(in->lines[i].text, p, MAX_COLS), named = 0, j,
	    rows = 0, numbers = 0, case_numbers = 0;

	if (n < MIN_NAMED_COLS || strchr(in->lines[i].text, '\t') != NULL)
		return 0;
	for (size_t c = 0; c < n; c++) {
		const char *s = in->lines[i].text + p[c].at;

		if (!is_name(s, p[c].len))
			return 0;
		named += names_field(s, p[c].len);
		case_numbers += names_case_number(s, p[c].len);
		numbers += c > 0 && is_number_cell(s, p[c].len);
		cols[c] = p[c].col;
	}
	/* a head of field names, or "番号 | 1 | 2 | 3": records in columns,
	   or "項目 | 手続１ | 手続２": the same, or "項目 | 変更前 | 変更
	   後": labels and their values, old and new */
	if (n >= MIN_COLS && named < 2 && !(names_numbers(in->lines[i].text +
	    p[0].at, p[0].len) && numbers == n - 1) &&
	    !ordinal_columns(in->lines[i].text, p, n) &&
	    after_column(in->lines[i].text, p, n) < 0)
		return 0;
	/* two columns are as often a label and its value: only the case's
	 * number beside a field (評価書番号 | 評価書名), the rows following
	 * the head unparted */
	if (n < MIN_COLS && !(case_numbers == 1 && named == 1))
		return 0;
	for (j = i + 1; j < in->n; j++) {
		if (is_parting(in->lines[j].text) && n < MIN_COLS)
			break;
		if (is_parting(in->lines[j].text))
			continue;
		if (strchr(in->lines[j].text, '\t') != NULL ||
		    !fits(in->lines[j].text, cols, n))
			break;
		rows++;
	}
	while (j > i + 1 && is_parting(in->lines[j - 1].text))
		j--;
	*end = j;
	return rows >= 1;
}

/* Add piece p of line s to its cell, glued to what the cell holds. */
static void
add_piece(struct buf *cell, const char *s, const struct piece *p)
{
	if (cell->len > 0 && str_has_prefix(s + p->at, "※"))
		buf_putc(cell, '\n');	/* a note: a line of its own */
	else if (cell->len > 0 &&
	    (unsigned char)cell->data[cell->len - 1] < 0x80 &&
	    (unsigned char)s[p->at] < 0x80)
		buf_putc(cell, ' ');	/* Latin words wrapped at a space */
	buf_put(cell, s + p->at, p->len);
}

/* Write the row held in cells as one TAB line at line at (of a
 * comparison, its label and its new value only: only >= 0). */
static void
emit_cells(struct doc *out, size_t at, struct buf *cells, size_t ncol,
    int only)
{
	struct buf b = BUF_INIT;

	for (size_t c = 0; c < ncol; c++) {
		if (only < 0 || c == 0 || (int)c == only) {
			if (b.len > 0 || c > 0)
				buf_putc(&b, '\t');
			if (cells[c].len > 0)
				buf_put(&b, cells[c].data, cells[c].len);
		}
		buf_truncate(&cells[c], 0);
	}
	free(out->lines[at].text);
	out->lines[at].text = b.data != NULL ? buf_detach(&b) : xstrdup("");
}

static void
emit_row(struct doc *out, size_t at, struct buf *cells, size_t ncol)
{
	emit_cells(out, at, cells, ncol, -1);
}

/*
 * Does a blank line part the rows of [from, to)?  Then a row is the
 * lines between blanks; else a row starts where the first column holds
 * something.
 */
static int
blanks_part_rows(const struct doc *in, size_t from, size_t to)
{
	for (size_t i = from + 1; i + 1 < to; i++)
		if (is_parting(in->lines[i].text) &&
		    !is_parting(in->lines[i - 1].text))
			return 1;
	return 0;
}

void
spaced_table(const struct doc *in, size_t from, size_t to, struct doc *out)
{
	struct piece p[MAX_COLS];
	struct buf cells[MAX_COLS];
	int cols[MAX_COLS];
	size_t ncol = pieces_of(in->lines[from].text, p, MAX_COLS), first = to;
	int by_blanks = blanks_part_rows(in, from + 1, to), open = 0;

	int after = after_column(in->lines[from].text, p, ncol);

	for (size_t c = 0; c < ncol; c++) {
		cols[c] = p[c].col;
		memset(&cells[c], 0, sizeof(cells[c]));
		buf_put(&cells[c], in->lines[from].text + p[c].at, p[c].len);
	}
	out->lines[from].text = xstrdup("");
	if (after < 0)
		emit_row(out, from, cells, ncol);	/* the head */
	else
		for (size_t c = 0; c < ncol; c++)
			buf_truncate(&cells[c], 0);	/* (the new column's
							   rows only) */
	for (size_t i = from + 1; i < to; i++) {
		const char *s = in->lines[i].text;
		size_t n;

		out->lines[i].text = xstrdup("");
		if (is_parting(s)) {
			if (by_blanks && open)
				emit_cells(out, first, cells, ncol, after);
			open = open && !by_blanks;
			continue;
		}
		n = cells_of(s, p, cols, ncol);
		if (open && !by_blanks && n > 0 &&
		    column_of(&p[0], cols, ncol) == 0) {
			emit_cells(out, first, cells, ncol, after);
			open = 0;
		}
		if (!open)
			first = i, open = 1;
		for (size_t j = 0; j < n; j++) {
			int c = column_of(&p[j], cols, ncol);

			if (c >= 0)
				add_piece(&cells[c], s, &p[j]);
		}
	}
	if (open)
		emit_cells(out, first, cells, ncol, after);
	for (size_t c = 0; c < ncol; c++)
		buf_free(&cells[c]);
}
