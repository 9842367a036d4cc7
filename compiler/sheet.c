/*
 * sheet.c — text saved from a spreadsheet (see sheet.h): every row of
 * the sheet has the same number of TABs, a cell holding line breaks is
 * quoted over several lines ("被保険者番号、氏名、<LF>調査日"), a
 * merged cell is one value and blanks, and a header may take two rows
 * (委託先 over 名称 | 所在地, 委託期間 over 開始 | 終了).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "sheet.h"

#define SHEET_MIN_ROWS	3	/* rows of one width that make a sheet */
#define JOIN_MAX	20	/* lines a quoted cell may run over */

/*
 * Line i and, while a quoted cell is open, the lines after it, joined
 * with their line breaks; *used is the lines taken.  New string.
 */
static char *
join_quoted(const struct doc *in, size_t i, size_t *used)
{
	struct buf b = BUF_INIT;
	size_t quotes = str_count(in->lines[i].text, '"'), j = i + 1;

	buf_puts(&b, in->lines[i].text);
	if (strchr(in->lines[i].text, '\t') != NULL)
		for (; quotes % 2 == 1 && j < in->n && j < i + JOIN_MAX; j++) {
			buf_putc(&b, '\n');
			buf_puts(&b, in->lines[j].text);
			quotes += str_count(in->lines[j].text, '"');
		}
	if (quotes % 2 == 1) {
		buf_free(&b);	/* never closed: not a quoted cell */
		*used = 1;
		return xstrdup(in->lines[i].text);
	}
	*used = j - i;
	return buf_detach(&b);
}

/* The cells of a sheet line, quotes undone ("" is "). */
static void
sheet_cells(const char *s, struct strlist *cells)
{
	for (;;) {
		const char *tab = strchr(s, '\t');
		size_t n = tab ? (size_t)(tab - s) : strlen(s);
		struct buf b = BUF_INIT;

		if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
			for (size_t k = 1; k + 1 < n; k++) {
				buf_putc(&b, s[k]);
				if (s[k] == '"' && s[k + 1] == '"')
					k++;
			}
		} else {
			while (n > 0 && s[0] == ' ')
				s++, n--;
			while (n > 0 && s[n - 1] == ' ')
				n--;
			buf_put(&b, s, n);
		}
		strlist_push(cells, b.data ? b.data : "");
		buf_free(&b);
		if (tab == NULL)
			return;
		s = tab + 1;
	}
}

static size_t
filled(const struct strlist *cells)
{
	size_t n = 0;

	for (size_t j = 0; j < cells->n; j++)
		n += cells->v[j][0] != '\0';
	return n;
}

/*
 * The end of the run of lines from i (lines a quoted cell took skipped)
 * that all hold w TABs.  *padded says whether one of them ends in a TAB
 * (a spreadsheet pads every row to the sheet's width; text aligned with
 * TABs never ends in one), *wide whether one fills three cells.
 */
static size_t
run_end(char **joined, size_t n, size_t i, size_t w, int *padded, int *wide,
    size_t *lines)
{
	size_t j = i;

	*padded = *wide = 0;
	*lines = 0;
	for (; j < n; j++) {
		const char *t = joined[j];
		size_t len, cells = 0;

		if (t == NULL)
			continue;
		if (str_count(t, '\t') != w)
			break;
		len = strlen(t);
		*padded |= len > 0 && t[len - 1] == '\t';
		for (const char *p = t; ; p++) {
			size_t k = strcspn(p, "\t");

			cells += k > 0;
			p += k;
			if (*p == '\0')
				break;
		}
		*wide |= cells >= 3;
		(*lines)++;
	}
	return j;
}

/* Is a sub-header pair a period's start and end (開始 | 終了)? */
static int
is_period_pair(const char *a, const char *b)
{
	static const char *const pairs[][2] = { { "開始", "終了" },
	    { "始期", "終期" }, { "自", "至" }, { "開始日", "終了日" },
	    { "から", "まで" } };

	for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++)
		if (strcmp(a, pairs[p][0]) == 0 && strcmp(b, pairs[p][1]) == 0)
			return 1;
	return 0;
}

/* Is a sub-header the name of what the cell above names (委託先 / 名称)? */
static int
is_name_word(const char *s)
{
	return strcmp(s, "名称") == 0 || strcmp(s, "氏名") == 0 ||
	    strcmp(s, "名称等") == 0 || strcmp(s, "事業者名") == 0;
}

/* A cell short enough to head a column. */
static int
is_head_cell(const char *s)
{
	return strlen(s) <= 3 * 12 && strchr(s, '\n') == NULL &&
	    strstr(s, "、") == NULL && strstr(s, "。") == NULL;
}

/* "（再委託先）" under 委託先: a note on the head above, not a column. */
static int
is_head_note(const char *s)
{
	size_t n = strlen(s);

	return (str_has_prefix(s, "（") && str_has_suffix(s, "）")) ||
	    (n > 1 && s[0] == '(' && s[n - 1] == ')');
}

/*
 * Does row sub, below row head, only add names to the columns of merged
 * cells: every filled cell short, under an empty cell of head or under
 * a filled one whose right neighbour is empty (the merge)?
 */
static int
is_sub_header(const struct strlist *head, const struct strlist *sub)
{
	size_t any = 0;

	if (head->n != sub->n || filled(head) < 3)
		return 0;
	for (size_t j = 0; j < sub->n; j++) {
		if (sub->v[j][0] == '\0' || strcmp(sub->v[j], head->v[j]) == 0 ||
		    (head->v[j][0] != '\0' && is_head_note(sub->v[j])))
			continue;	/* a head spanning both rows */
		if (!is_head_cell(sub->v[j]))
			return 0;
		if (head->v[j][0] != '\0' && (j + 1 >= head->n ||
		    head->v[j + 1][0] != '\0'))
			return 0;
		any++;
	}
	return any >= 2;
}

/* "対象者", "件数" under 取り扱う個人情報: whom or how many the column
 * tells, not what the owner's field holds. */
static int
is_other_aspect(const char *s)
{
	static const char *const words[] = { "対象者", "対象", "範囲", "件数",
	    "人数", "媒体", "方法", NULL };

	for (int w = 0; words[w]; w++)
		if (strcmp(s, words[w]) == 0)
			return 1;
	return 0;
}

/*
 * One header from two: a cell names its column as "owner（sub）", the
 * owner being the nearest filled cell of head at or left of it; 名称
 * under an owner is the owner itself, 所在地 its own field
 * (委託先所在地).  A period's start and end columns become one, their
 * cells joined by "～": merged[j] says column j is glued to j - 1.
 */
static void
merge_header(struct strlist *head, const struct strlist *sub, int *merged)
{
	char *owner = xstrdup("");

	for (size_t j = 0; j < head->n; j++) {
		struct buf b = BUF_INIT;

		merged[j] = 0;
		if (head->v[j][0] != '\0') {
			free(owner);
			owner = xstrdup(head->v[j]);
		}
		if (sub->v[j][0] == '\0' || strcmp(sub->v[j], head->v[j]) == 0 ||
		    (head->v[j][0] != '\0' && is_head_note(sub->v[j])))
			continue;
		if (j > 0 && sub->v[j - 1][0] != '\0' &&
		    is_period_pair(sub->v[j - 1], sub->v[j])) {
			merged[j] = 1;
			continue;
		}
		if (label_field(owner) == FIELD_ITEMS && owner[0] != '\0' &&
		    label_field(sub->v[j]) <= FIELD_IGNORE &&
		    !is_other_aspect(sub->v[j]))
			buf_printf(&b, "%s（%s）", owner, sub->v[j]);
			/* 取り扱う個人情報 over 氏名 | 住所: marked items */
		else if (j + 1 < head->n &&
		    is_period_pair(sub->v[j], sub->v[j + 1]))
			buf_puts(&b, owner);
		else if (is_name_word(sub->v[j]))
			buf_puts(&b, owner);
		else if (label_field(sub->v[j]) > FIELD_IGNORE ||
		    label_field(owner) <= FIELD_NONE || is_other_aspect(sub->v[j]))
			buf_puts(&b, sub->v[j]);	/* 選定の結果 / 受託者 */
		else if (strstr(sub->v[j], "所在") || strstr(sub->v[j], "住所"))
			buf_printf(&b, "%s%s", owner, sub->v[j]);
		else if (owner[0] != '\0')
			buf_printf(&b, "%s（%s）", owner, sub->v[j]);
		else
			buf_puts(&b, sub->v[j]);
		free(head->v[j]);
		head->v[j] = buf_detach(&b);
	}
	free(owner);
}

/* The cells as one TAB row, glued columns joined by "～". */
static char *
row_text(const struct strlist *cells, const int *merged)
{
	struct buf b = BUF_INIT;

	for (size_t j = 0; j < cells->n; j++) {
		if (merged != NULL && merged[j]) {
			if (cells->v[j][0] != '\0')
				buf_printf(&b, "%s%s", cells->v[j - 1][0] ?
				    "～" : "", cells->v[j]);
			continue;
		}
		if (j > 0)
			buf_putc(&b, '\t');
		buf_puts(&b, cells->v[j]);
	}
	return buf_detach(&b);
}

/*
 * A line of a sheet that is no row of its table: one filled cell (a
 * title), or two in a wide sheet or away from its first columns (a
 * pair placed anywhere: "報告日 | 令和7年11月5日").  A narrow table's
 * row with an empty last cell stays a row.
 */
/* Are the first three of five cells or more blank (a row going on from
 * the one above)? */
static int
goes_on_above(const struct strlist *cells)
{
	return cells->n >= 5 && cells->v[0][0] == '\0' &&
	    cells->v[1][0] == '\0' && cells->v[2][0] == '\0';
}

/* Does line i of a sheet stand under a row of the table: the line above
 * fills three cells or more, or goes on from one that does? */
static int
under_a_row(char **joined, size_t i)
{
	struct strlist cells = STRLIST_INIT;
	size_t k = i;
	int yes;

	while (k > 0 && joined[k - 1] == NULL)
		k--;
	if (k == 0)
		return 0;
	sheet_cells(joined[k - 1], &cells);
	yes = filled(&cells) >= 3 || (filled(&cells) >= 1 &&
	    goes_on_above(&cells));
	strlist_free(&cells);
	return yes;
}

static int
is_sparse(const struct strlist *cells, int under_row)
{
	size_t n = filled(cells);

	if (under_row && n >= 1 && n <= 2 && goes_on_above(cells))
		return 0;	/* more items of the row above, mid-table */
	if (n <= 1)
		return 1;
	if (n != 2)
		return 0;
	return cells->n >= 5 || cells->v[0][0] == '\0' ||
	    cells->v[1][0] == '\0';
}

/* A line of one or two filled cells: those cells alone (a title, a
 * "報告日<TAB>令和7年11月5日" pair placed anywhere on the sheet), after
 * a TAB when only the first column is blank (the row goes on from the
 * one above). */
static char *
sparse_text(const struct strlist *cells)
{
	struct buf b = BUF_INIT;

	if (cells->n > 1 && cells->v[0][0] == '\0' && cells->v[1][0] != '\0')
		buf_putc(&b, '\t');	/* the label column blank: goes on */
	for (size_t j = 0; j < cells->n; j++)
		if (cells->v[j][0] != '\0') {
			if (b.len > 0 && !(b.len == 1 && b.data[0] == '\t'))
				buf_putc(&b, '\t');
			buf_puts(&b, cells->v[j]);
		}
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

/* Rewrite sheet line i (cells read) into out; returns the lines read
 * (2 when the next one was its sub-header).  *merged is the glued
 * columns of the table going on, replaced at a two-row header. */
static size_t
rewrite_line(char **joined, size_t n, size_t i, int **merged, char **out)
{
	struct strlist cells = STRLIST_INIT, sub = STRLIST_INIT;
	size_t width = str_count(joined[i], '\t'), used = 1;

	sheet_cells(joined[i], &cells);
	if (is_sparse(&cells, under_a_row(joined, i))) {
		out[i] = sparse_text(&cells);
		free(*merged);
		*merged = NULL;
		strlist_free(&cells);
		return 1;
	}
	if (i + 1 < n && joined[i + 1] != NULL &&
	    str_count(joined[i + 1], '\t') == width) {
		sheet_cells(joined[i + 1], &sub);
		if (is_sub_header(&cells, &sub)) {
			free(*merged);
			*merged = xcalloc(cells.n, sizeof(**merged));
			merge_header(&cells, &sub, *merged);
			out[i + 1] = xstrdup("");
			used = 2;
		}
	}
	out[i] = row_text(&cells, *merged);
	strlist_free(&cells);
	strlist_free(&sub);
	return used;
}

int
sheet_rewrite(const struct doc *in, char **out)
{
	char **joined = xcalloc(in->n + 1, sizeof(*joined));
	size_t rows = 0;

	for (size_t i = 0, used; i < in->n; i += used)
		joined[i] = join_quoted(in, i, &used);
	for (size_t i = 0; i < in->n; ) {
		size_t w = joined[i] ? str_count(joined[i], '\t') : 0;
		size_t end, lines;
		int padded, wide, *merged = NULL;

		if (w < 2) {
			i++;
			continue;
		}
		end = run_end(joined, in->n, i, w, &padded, &wide, &lines);
		if (lines < SHEET_MIN_ROWS || !padded || !wide) {
			i = end;
			continue;
		}
		for (size_t j = i; j < end; ) {
			if (joined[j] == NULL) {
				j++;
				continue;
			}
			j += rewrite_line(joined, end, j, &merged, out);
			rows++;
		}
		free(merged);
		i = end;
	}
	/* lines absorbed by a quoted cell of a sheet row are gone */
	for (size_t i = 0, owner = 0; i < in->n; i++) {
		if (joined[i] != NULL)
			owner = i;
		else if (out[owner] != NULL && out[i] == NULL)
			out[i] = xstrdup("");
	}
	for (size_t i = 0; i < in->n; i++)
		free(joined[i]);
	free(joined);
	return rows > 0 ? 0 : -1;
}

/* A line between a table's rows that has no cells: a group's title
 * ("■新規", "【変更】"), short, or nothing. */
static int
is_between_rows(const char *s)
{
	return strchr(s, '\t') == NULL && strlen(s) <= 3 * 20;
}

int
header_rows_merge(const struct doc *in, char **out)
{
	size_t merged_any = 0;

	for (size_t i = 0; i + 1 < in->n; i++) {
		const char *a = in->lines[i].text, *b = in->lines[i + 1].text;
		struct strlist head = STRLIST_INIT, sub = STRLIST_INIT;
		size_t w = str_count(b, '\t');
		int *merged;

		/* (a head ending in spanned cells lost its last TABs) */
		if (out[i] != NULL || out[i + 1] != NULL || w < 2 ||
		    str_count(a, '\t') > w || str_count(a, '\t') < 2)
			continue;
		sheet_cells(a, &head);
		sheet_cells(b, &sub);
		while (head.n < sub.n)
			strlist_push(&head, "");
		if (!is_sub_header(&head, &sub)) {
			strlist_free(&head);
			strlist_free(&sub);
			continue;
		}
		merged = xcalloc(head.n, sizeof(*merged));
		merge_header(&head, &sub, merged);
		out[i] = row_text(&head, merged);
		out[i + 1] = xstrdup("");
		/* the rows below, their period columns glued; a line of no
		   cells between them ("■新規", a group's title) goes by */
		for (size_t j = i + 2; j < in->n && out[j] == NULL &&
		    (str_count(in->lines[j].text, '\t') == w ||
		    is_between_rows(in->lines[j].text)); j++) {
			struct strlist cells = STRLIST_INIT;

			if (str_count(in->lines[j].text, '\t') != w)
				continue;
			sheet_cells(in->lines[j].text, &cells);
			out[j] = row_text(&cells, merged);
			strlist_free(&cells);
		}
		free(merged);
		strlist_free(&head);
		strlist_free(&sub);
		merged_any++;
		i++;
	}
	return merged_any > 0 ? 0 : -1;
}
