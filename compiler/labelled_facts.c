/*
 * labelled_facts.c — the labelled reader's facts (see labelled.h): every
 * row of the rows' tree, every numbered heading whose label names a field
 * with the lines under it, and every record of a table — a list table
 * (one record per row, or per case when it has a 件名 column), a table of
 * entrustments in columns (委託事項1 | 委託事項2), a table of details by
 * No joined to the list above it — as (field, label, value, line).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "citation.h"
#include "labelled.h"
#include "normalize.h"
#include "rows.h"

/* Marks that tick an option, and marks of an option left blank. */
static const char *const ticked[] = { "☑", "■", "☒", "✓", "✔", "[x]",
    "[X]", "[○]", NULL };
static const char *const unticked[] = { "□", "☐", "[ ]", NULL };

/* The mark of either kind at s, its length in *n, 1 when ticked. */
static int
option_mark(const char *s, size_t *n)
{
	for (int i = 0; ticked[i]; i++)
		if (str_has_prefix(s, ticked[i])) {
			*n = strlen(ticked[i]);
			return 1;
		}
	for (int i = 0; unticked[i]; i++)
		if (str_has_prefix(s, unticked[i])) {
			*n = strlen(unticked[i]);
			return 0;
		}
	*n = 0;
	return -1;
}

/*
 * "☑ 氏名☑ 住所□ 個人番号": a value of check boxes, some ticked and
 * some not — the ticked options alone, one per line, each after its
 * mark ("☑氏名\n☑住所").  Lines without a box (a note) go; boxes none
 * of which is ticked give "".  NULL when the value holds no unticked
 * box.  New string.
 */
char *
checked_only(const char *value)
{
	struct buf b = BUF_INIT;
	int seen[2] = { 0, 0 };

	for (const char *p = value; *p; ) {
		size_t n;
		int k = option_mark(p, &n);

		if (k < 0) {
			p++;
			continue;
		}
		seen[k] = 1;
		p += n;
		if (k == 1) {
			const char *e = p;
			size_t m;

			while (*e && *e != '\n' && option_mark(e, &m) < 0)
				e++;
			if (b.len > 0)
				buf_putc(&b, '\n');
			buf_puts(&b, ticked[0]);
			while (p < e && (*p == ' ' || str_has_prefix(p,
			    "\xe3\x80\x80")))
				p += *p == ' ' ? 1 : 3;
			while (e > p && (e[-1] == ' ' || (e - p >= 3 &&
			    memcmp(e - 3, "\xe3\x80\x80", 3) == 0)))
				e -= e[-1] == ' ' ? 1 : 3;
			buf_put(&b, p, (size_t)(e - p));
		}
	}
	if (!seen[0] && !seen[1]) {
		buf_free(&b);
		return NULL;
	}
	if (!seen[1]) {
		buf_free(&b);
		return xstrdup("");	/* boxes, none ticked */
	}
	if (!seen[0]) {
		buf_free(&b);
		return NULL;	/* all ticked: as written */
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

/* Is s (n bytes) a full-width space? */
static int
is_wide_space(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0;
}

/*
 * A form's fill-in: "（　住民生活部　税務課　　）", "名称　（　株式会社Ａ　）"
 * — the value written inside brackets padded with spaces, after a
 * printed sub-label of a few letters.  Returns what was filled in (new
 * string), or NULL when value is no such fill-in.
 */
static char *
filled_in(const char *value)
{
	const char *open = strstr(value, "（"), *inner, *close;
	size_t n = strlen(value), lead;
	char *t, *out;

	while (n > 0 && (value[n - 1] == ' ' || is_wide_space(value + n - 3,
	    n >= 3 ? 3 : 0)))
		n -= value[n - 1] == ' ' ? 1 : 3;
	if (open == NULL || n < 3 || strcmp(value + n - 3, "）") != 0 ||
	    (size_t)(open - value) > 3 * 5 + 6)
		return NULL;
	lead = (size_t)(open - value);
	for (size_t i = 0; i < lead; i++)
		if (value[i] == '\n' || value[i] == '(')
			return NULL;	/* more than one short sub-label */
	inner = open + 3;
	close = value + n - 3;
	if (!is_wide_space(inner, (size_t)(close - inner)) &&
	    !(close - inner >= 3 && is_wide_space(close - 3, 3)))
		return NULL;	/* a note in brackets, not a blank filled */
	if (memchr(inner, '\n', (size_t)(close - inner)) != NULL)
		return NULL;
	t = xstrndup(inner, (size_t)(close - inner));
	out = strip_ws(t);
	free(t);
	if (*out == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

/* A field naming who gets the data. */
static int
is_party_field(enum field_id f)
{
	return f == FIELD_PARTNER || f == FIELD_CONSIGNEES ||
	    f == FIELD_SUBCONTRACTORS;
}

/*
 * A value under a column of several parties ("相手方・委託先") that
 * names its own: "結合の相手方：株式会社A".  Returns the value after that
 * label (*label its label, to be freed), or NULL.
 */
static const char *
names_own_party(const char *value, enum field_id f, char **label)
{
	const char *c = strstr(value, "：");
	size_t n;

	if (!is_party_field(f))
		return NULL;
	if (c == NULL || (strchr(value, ':') && strchr(value, ':') < c))
		c = strchr(value, ':');
	if (c == NULL || c == value || (n = (size_t)(c - value)) > 3 * 12 ||
	    memchr(value, '\n', n) || memchr(value, ' ', n) ||
	    memchr(value, '(', n) || (strstr(value, "（") != NULL &&
	    strstr(value, "（") < c))
		return NULL;
	*label = xstrndup(value, n);
	if (!is_party_field(fact_field(*label))) {
		free(*label);
		*label = NULL;
		return NULL;
	}
	return c + (*c == ':' ? 1 : 3);
}

static void
add_fact(struct facts *fs, enum field_id f, const char *label,
    const char *value, size_t at, int line, int record)
{
	struct fact *ft;
	char *filled, *inner = NULL;
	const char *after;

	if ((after = names_own_party(value, f, &inner)) != NULL) {
		label = inner;	/* 相手方・委託先 | 結合の相手方：株式会社A */
		f = fact_field(inner);
		value = after;
	}
	filled = filled_in(value);

	fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof(*fs->v));
	ft = &fs->v[fs->n++];
	ft->field = f;
	ft->label = xstrdup(label);
	ft->value = filled ? filled : xstrdup(value);
	ft->at = at;
	ft->line = line;
	ft->record = record;
	free(inner);
}

void
facts_free(struct facts *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].label);
		free(fs->v[i].value);
	}
	free(fs->v);
	for (size_t i = 0; i < fs->nrec; i++)
		free(fs->rec[i].key);
	free(fs->rec);
	memset(fs, 0, sizeof(*fs));
}

/* The cells of a row's text, split at TAB (each trimmed). */
void
row_cells(const char *text, struct strlist *cells)
{
	strlist_split(cells, text, '\t');
}

static size_t
cell_count(const struct node *k)
{
	size_t n = 1;

	for (const char *p = k->text; *p; p++)
		n += *p == '\t';
	return n;
}

enum field_id
fact_field(const char *label)
{
	char *key = strip_ws(label);
	enum field_id f = FIELD_NONE;

	if (key[0] != '\0' && strlen(key) <= 3 * 30 && !strstr(key, "。"))
		f = label_field(key);
	if (f > FIELD_IGNORE && (strstr(key, "対象外") || strstr(key, "除く")))
		f = FIELD_IGNORE;	/* "既存の項目（今回の対象外）" */
	free(key);
	return f;
}

/* Fields a header cell of a list table names. */
static int
header_fields(const struct strlist *cells, enum field_id *f)
{
	int known = 0;

	for (size_t j = 0; j < cells->n; j++) {
		f[j] = fact_field(cells->v[j]);
		known += f[j] > FIELD_IGNORE;
	}
	return known;
}

static int
new_record(struct facts *fs, size_t at, size_t end, int is_case)
{
	fs->rec = xrealloc(fs->rec, (fs->nrec + 1) * sizeof(*fs->rec));
	fs->rec[fs->nrec].at = at;
	fs->rec[fs->nrec].end = end;
	fs->rec[fs->nrec].is_case = is_case;
	fs->rec[fs->nrec].tells = 0;
	fs->rec[fs->nrec].key = NULL;
	return (int)fs->nrec++;
}

static int	is_blank_cell(const char *cell);
static size_t	cell_pairs(const char *cell, size_t at, int line, int rec,
		    struct facts *fs);

/* Does a header cell name a case number column (諮問番号, 番号)? */
int
is_number_header(const char *cell)
{
	char *k = strip_ws(cell), *nf = norm_nfkc(k, strlen(k));
	int yes = (strstr(nf, "番号") != NULL && strlen(nf) <= 3 * 6) ||
	    strcasecmp(nf, "No") == 0 || strcasecmp(nf, "No.") == 0 ||
	    strcmp(nf, "通番") == 0 || strcmp(nf, "№") == 0;

	free(k);
	free(nf);
	return yes;
}

/* A cell that can head a column: short, no list, no sentence. */
static int
is_header_cell(const char *cell)
{
	char *k = strip_ws(cell);
	int yes = strlen(k) <= 3 * 20 && strstr(k, "、") == NULL &&
	    strstr(k, "。") == NULL;

	free(k);
	return yes;
}

/* "■新規", "【変更】": a line between a table's rows that names the
 * group of rows below it, not a row. */
static int
is_group_title(const struct node *k)
{
	static const char *const marks[] = { "■", "□", "◆", "●", "【", "<",
	    NULL };

	return k->kind != NODE_ROW && strlen(k->key) <= 3 * 20 &&
	    str_has_any_prefix(k->key, marks);
}

/*
 * The node after the rows of ncell cells that follow node h (blank lines
 * between them allowed: a drawn table's rows stand apart).
 */
static size_t
table_end(const struct ctx *x, size_t h, size_t ncell)
{
	size_t end = h + 1, last = h + 1;

	for (; end < x->n; end++) {
		size_t next = end + 1;

		while (next < x->n && x->k[next]->kind == NODE_BLANK)
			next++;
		if (x->k[end]->kind == NODE_BLANK || (is_group_title(x->k[end]) &&
		    next < x->n && x->k[next]->kind == NODE_ROW &&
		    cell_count(x->k[next]) == ncell))
			continue;	/* (rows under "■新規" go on) */
		if (x->k[end]->kind != NODE_ROW || cell_count(x->k[end]) != ncell)
			break;
		last = end + 1;
	}
	return last;
}

/* Do rows [from, to) start with known labels (a sheet, not a list)? */
static int
labels_in_first_column(const struct ctx *x, size_t from, size_t to)
{
	size_t labels = 0, rows = 0;

	for (size_t i = from; i < to; i++) {
		struct strlist cells = STRLIST_INIT;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		rows++;

		row_cells(x->k[i]->text, &cells);
		labels += fact_field(cells.v[0]) > FIELD_IGNORE;
		strlist_free(&cells);
	}
	return rows > 0 && labels * 10 >= rows * 3;
}

/* "区分", "種別": a column or label saying what kind a procedure is. */
int
names_kind_column(const char *label)
{
	char *k = strip_ws(label);
	int yes = strcmp(k, "区分") == 0 || strcmp(k, "種別") == 0 ||
	    strcmp(k, "種類") == 0 || strcmp(k, "事務の区分") == 0 ||
	    strcmp(k, "報告の区分") == 0 || strcmp(k, "付議の区分") == 0 ||
	    strcmp(k, "手続") == 0 || strcmp(k, "手続き") == 0 ||
	    ((str_has_prefix(k, "手続") || str_has_prefix(k, "手続き")) &&
	    (str_has_suffix(k, "種類") || str_has_suffix(k, "区分") ||
	    str_has_suffix(k, "種別"))) ||	/* 手続の種類, 手続区分 */
	    strcmp(k, "取扱区分") == 0 || strcmp(k, "取扱いの区分") == 0 ||
	    strcmp(k, "取扱の区分") == 0;	/* 取扱区分 | 業務委託 */

	free(k);
	return yes;
}

int
names_subcontract_column(const char *label)
{
	char *k = strip_ws(label);
	int yes = strcmp(k, "再委託") == 0 || strcmp(k, "再委託の有無") == 0;

	free(k);
	return yes;
}

/* Do two cells hold the same words (white space aside)? */
static int
same_cell(const char *a, const char *b)
{
	char *x = strip_ws(a), *y = strip_ws(b);
	int same = *x != '\0' && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

/* Does a list's head name a case's own column (No, 担当課, 諮問日)? */
static int
names_case_column(const struct strlist *head, const enum field_id *f)
{
	for (size_t j = 0; j < head->n; j++)
		if (is_number_header(head->v[j]) || f[j] == FIELD_DEPARTMENT ||
		    f[j] == FIELD_DATE)
			return 1;
	return 0;
}

/* Record rec goes with the case record before it: both get one key (the
 * case's No, or its 件名). */
static void
share_key(struct facts *fs, int rec, const char *subject)
{
	int c = rec - 1;

	while (c > 0 && !fs->rec[c].is_case)
		c--;
	if (fs->rec[c].key == NULL)
		fs->rec[c].key = strip_ws(subject);
	free(fs->rec[rec].key);
	fs->rec[rec].key = xstrdup(fs->rec[c].key);
}

/*
 * Does a case's header ("報告第7号", its row of a results table) stand
 * just above the list table at node h, its 担当課 and 根拠 between them?
 * Then the list's rows are that case's procedures, its 件名 theirs.
 */
static int
under_case_header(const struct ctx *x, size_t h)
{
	for (size_t i = h, seen = 0; i-- > 0 && seen < 8; seen++) {
		char *n = NULL;
		const char *w = case_header(x->k[i]->key, &n);

		free(n);
		if (w != NULL)
			return 1;
		if (x->k[i]->kind == NODE_HEADING)
			return 0;
	}
	return 0;
}

/* Is node h in the section of a heading that is a case's header ("##
 * 報告第12号 …の承認状況について" over "### 2 承認した再委託の一覧"):
 * a list of that case's procedures, not of cases? */
static int
in_case_section(const struct ctx *x, size_t h)
{
	for (const struct node *k = x->k[h]->parent; k != NULL; k = k->parent) {
		char *n = NULL;
		int yes = k->kind == NODE_HEADING &&
		    case_header(k->key, &n) != NULL && n != NULL;

		free(n);
		if (yes)
			return 1;
	}
	return 0;
}

/* Does the document name one case only, by a header above node h (a PDF
 * of "報告第12号 …" whose sections lost their levels): a list table
 * after it lists that case's procedures? */
static int
under_the_one_case(const struct ctx *x, size_t h)
{
	int above = 0;

	for (size_t i = 0; i < h && !above; i++) {
		char *n = NULL;

		above = case_header(x->k[i]->key, &n) != NULL && n != NULL;
		free(n);
	}
	return above && count_case_headers(x) == 1;
}

/* "取り扱う個人情報（氏名）": a column of one item, marked per row;
 * that item (new string), or NULL. */
static char *
item_of_column(const char *head)
{
	const char *open = strstr(head, "（");
	size_t n = strlen(head);

	if (open == NULL || n < 3 || strcmp(head + n - 3, "）") != 0)
		return NULL;
	return xstrndup(open + 3, (size_t)(head + n - 3 - (open + 3)));
}

/* A cell of a column of marks that leaves its row out: －, ×, blank. */
static int
is_unmarked(const char *cell)
{
	static const char *const blanks[] = { "", "×", "✕", "無", "なし",
	    NULL };
	char *k = strip_ws(cell);
	int yes = is_dash(k);

	for (int i = 0; blanks[i] && !yes; i++)
		yes = strcmp(k, blanks[i]) == 0;
	free(k);
	return yes;
}

/* Is column j of a row a mark under a column of one item? */
static int
is_mark_column(const struct strlist *head, size_t j,
    const struct strlist *cells)
{
	char *item;

	if (j >= cells->n || (item = item_of_column(head->v[j])) == NULL)
		return 0;
	free(item);
	return is_mark_cell(cells->v[j]) || is_unmarked(cells->v[j]);
}

/* The items a row marks (○) under columns of one item each, as one
 * items fact of the row. */
static void
marked_items_of_row(const struct strlist *head, const enum field_id *f,
    const struct strlist *cells, struct facts *fs, size_t at, int line,
    int rec)
{
	struct buf items = BUF_INIT;

	for (size_t j = 0; j < head->n && j < cells->n; j++) {
		char *item;

		if (f[j] != FIELD_ITEMS || (item = item_of_column(head->v[j]))
		    == NULL)
			continue;
		if (is_mark_cell(cells->v[j]))
			buf_printf(&items, "%s%s", items.len ? "、" : "", item);
		free(item);
	}
	if (items.len > 0)
		add_fact(fs, FIELD_ITEMS, "取り扱う個人情報（○の項目）",
		    items.data, at, line, rec);
	buf_free(&items);
}

/*
 * Does row text go on the record above (its No, 区分 and 名称 blank,
 * "| | | （プライバシーマーク取得事業者） | 住所 | ～令和8年3月31日"): a
 * record written over several lines, one item a line?
 */
static int
goes_on_row(const struct strlist *head, const enum field_id *f,
    const char *text)
{
	struct strlist cells = STRLIST_INIT;
	int named = 0, blank = 1;

	row_cells(text, &cells);
	if (cells.n != head->n || !is_blank_cell(cells.v[0]) ||
	    !is_number_header(head->v[0]))
		blank = 0;
	for (size_t j = 1; j < cells.n && blank; j++)
		if (names_kind_column(head->v[j]) || f[j] == FIELD_WORK ||
		    f[j] == FIELD_SUBJECT) {
			named = 1;
			blank = is_blank_cell(cells.v[j]);
		}
	strlist_free(&cells);
	return blank && named;
}

/*
 * Does row text repeat the record in cells in every cell but its items
 * ("報告第5号 | … | 委託先 | 入居者番号" / "報告第5号 | … | 委託先 |
 * 名義人氏名": the rowspan cells of a page written out, one item a row)?
 * Then its item goes on the record: appended to cells, a line each.
 */
static int
repeats_but_items(const enum field_id *f, struct strlist *cells,
    const char *text)
{
	struct strlist more = STRLIST_INIT;
	int same = 1, items = 0;

	row_cells(text, &more);
	if (more.n != cells->n)
		same = 0;
	for (size_t j = 0; j < more.n && same; j++)
		if (f[j] == FIELD_ITEMS)
			items |= !is_blank_cell(more.v[j]);
		else	/* a merged cell is printed once: blank below */
			same = same_cell(more.v[j], cells->v[j]) ||
			    is_blank_cell(more.v[j]);
	for (size_t j = 0; j < more.n && same && items; j++)
		if (f[j] == FIELD_ITEMS && !is_blank_cell(more.v[j])) {
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s\n%s", cells->v[j], more.v[j]);
			free(cells->v[j]);
			cells->v[j] = buf_detach(&b);
		}
	strlist_free(&more);
	return same && items;
}

/* Row text's cells added to cells, a line each ('\n' before). */
static void
append_cells(struct strlist *cells, const char *text)
{
	struct strlist more = STRLIST_INIT;

	row_cells(text, &more);
	for (size_t j = 0; j < more.n && j < cells->n; j++) {
		struct buf b = BUF_INIT;

		if (is_blank_cell(more.v[j]))
			continue;
		buf_printf(&b, "%s%s%s", cells->v[j], *cells->v[j] ? "\n" : "",
		    more.v[j]);
		free(cells->v[j]);
		cells->v[j] = buf_detach(&b);
	}
	strlist_free(&more);
}

/*
 * A 件名 cell ending with its department in brackets on a line of its
 * own ("…について\n（国保年金課）"): the department a fact of record rec,
 * the line cut from the cell (in place).
 */
static void
subject_department(struct facts *fs, char *cell, size_t at, int line,
    int rec)
{
	char *nl = strrchr(cell, '\n'), *t;
	size_t n;

	if (nl == NULL || rec < 0)
		return;
	t = strip_ws(nl + 1);
	n = strlen(t);
	if (n > 6 && str_has_prefix(t, "（") && str_has_suffix(t, "）")) {
		char *dept = xstrndup(t + 3, n - 6);

		if (str_has_suffix(dept, "課") || str_has_suffix(dept, "室")) {
			add_fact(fs, FIELD_DEPARTMENT, "担当課", dept, at, line,
			    rec);
			*nl = '\0';
		}
		free(dept);
	}
	free(t);
}

/* "〃", "同上": a cell the same as the one above it. */
static int
is_ditto(const char *cell)
{
	char *k = strip_ws(cell);
	int yes = strcmp(k, "〃") == 0 || strcmp(k, "″") == 0 ||
	    strcmp(k, "同上") == 0 || strcmp(k, "々") == 0;

	free(k);
	return yes;
}

/* Each ditto cell of cells given the text of the cell above it. */
static void
copy_dittos(struct strlist *cells, const struct strlist *above)
{
	for (size_t j = 0; j < cells->n && j < above->n; j++)
		if (is_ditto(cells->v[j])) {
			free(cells->v[j]);
			cells->v[j] = xstrdup(above->v[j]);
		}
}

/* "4 | （欠番） | － | －": a row withdrawn, its number kept, no record. */
static int
is_withdrawn_row(const struct strlist *cells)
{
	int withdrawn = 0;

	for (size_t j = 0; j < cells->n; j++)
		withdrawn |= strstr(cells->v[j], "欠番") != NULL &&
		    strlen(cells->v[j]) <= 3 * 8;
	return withdrawn;
}

/*
 * A list whose first of two name columns groups the rows ("事務の名称 |
 * 区分 | 業務・手続の名称": the 事務 written on its first row only, its
 * procedures below): that column names the cases, the second their
 * procedures.  f is changed in place.
 */
static void
group_by_first_work(const struct ctx *x, size_t h, size_t end,
    enum field_id *f, size_t ncell)
{
	int first = -1, second = -1, blank = 0;

	for (size_t j = 0; j < ncell; j++) {
		if (f[j] == FIELD_SUBJECT)
			return;
		if (f[j] == FIELD_WORK && first < 0)
			first = (int)j;
		else if (f[j] == FIELD_WORK && second < 0)
			second = (int)j;
	}
	if (second < 0)
		return;
	for (size_t i = h + 1; i < end && !blank; i++) {
		struct strlist cells = STRLIST_INIT;

		if (x->k[i]->kind == NODE_ROW) {
			row_cells(x->k[i]->text, &cells);
			blank = (size_t)first < cells.n &&
			    is_blank_cell(cells.v[first]);
		}
		strlist_free(&cells);
	}
	if (blank)
		f[first] = FIELD_SUBJECT;
}

/*
 * "No. | 手続 | 件名 | 委託先 …" with rows 1, 2, …: a list of a case's
 * procedures, numbered in order and each of a kind — not a list of cases
 * (those are numbered 第21号 or 7-031).
 */
static int
numbers_procedures(const struct ctx *x, size_t h, size_t end,
    const struct strlist *head, const enum field_id *f)
{
	int kind = 0, rows = 0;
	long last = 0;

	for (size_t j = 0; j < head->n; j++) {
		kind |= names_kind_column(head->v[j]);
		if (f[j] == FIELD_DEPARTMENT || f[j] == FIELD_DATE ||
		    f[j] == FIELD_WORK)
			return 0;	/* a case's own facts, or a case's name
					   beside its procedure's: cases */
	}
	if (!kind || head->n == 0 || !is_number_header(head->v[0]))
		return 0;
	for (size_t i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		int ordinal;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		row_cells(x->k[i]->text, &cells);
		if (cells.n > 0) {
			char *nf = norm_nfkc(cells.v[0], strlen(cells.v[0]));

			ordinal = *nf != '\0' && strlen(nf) < 4 &&
			    strspn(nf, "0123456789") == strlen(nf) &&
			    atol(nf) == last + 1;	/* 1, 2, 3: one a row */
			last = ordinal ? atol(nf) : last;
			free(nf);
		} else
			ordinal = 0;
		strlist_free(&cells);
		if (!ordinal)
			return 0;
		rows++;
	}
	return rows > 0;
}

/*
 * A list table at node h: a header row naming at least two fields, then
 * rows of the same width.  Each row is a record (a case when the header
 * has a 件名 column, else a procedure).  Returns the node after it.
 */
static size_t
list_table(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT, above = STRLIST_INIT;
	enum field_id f[64];
	size_t ncell = cell_count(x->k[h]), i, end;
	int is_case = 0, items_only, known, subject_col = -1;

	if (ncell < 3 || ncell > 64)
		return h;
	row_cells(x->k[h]->text, &head);
	for (size_t j = 0; j < ncell; j++)
		if (!is_header_cell(head.v[j])) {
			strlist_free(&head);
			return h;	/* a row of values, not a head */
		}
	known = header_fields(&head, f);
	items_only = 0;
	for (size_t j = 0; j < ncell; j++)
		items_only |= known == 1 && f[j] == FIELD_ITEMS;
	if (known < 2 && !items_only) {
		strlist_free(&head);
		return h;
	}
	end = table_end(x, h, ncell);
	if (labels_in_first_column(x, h + 1, end)) {
		strlist_free(&head);
		return h;	/* label | value | remark rows, not a list */
	}
	group_by_first_work(x, h, end, f, ncell);
	for (size_t j = 0; j < ncell; j++)
		if (f[j] == FIELD_SUBJECT && subject_col < 0)
			subject_col = (int)j;
	is_case = subject_col >= 0 && !(under_case_header(x, h) &&
	    !names_case_column(&head, f)) && !in_case_section(x, h) &&
	    !under_the_one_case(x, h) &&
	    !numbers_procedures(x, h, end, &head, f);
	for (i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		int rec, again;

		if (x->k[i]->kind != NODE_ROW)
			continue;	/* a blank between drawn rows */
		if (str_has_prefix(x->k[i]->key, "(参考)"))
			continue;	/* a row given for reference only */
		row_cells(x->k[i]->text, &cells);
		if (is_withdrawn_row(&cells)) {
			strlist_free(&cells);
			continue;	/* "4 | （欠番） | － | －" */
		}
		copy_dittos(&cells, &above);
		while (i + 1 < end && x->k[i + 1]->kind == NODE_ROW &&
		    goes_on_row(&head, f, x->k[i + 1]->text))
			append_cells(&cells, x->k[++i]->text);
		while (i + 1 < end && x->k[i + 1]->kind == NODE_ROW &&
		    repeats_but_items(f, &cells, x->k[i + 1]->text))
			i++;
		if (is_case && above.n > (size_t)subject_col &&
		    (size_t)subject_col < cells.n &&
		    is_blank_cell(cells.v[subject_col])) {
			free(cells.v[subject_col]);	/* under its case */
			cells.v[subject_col] = xstrdup(above.v[subject_col]);
		}
		/* the case's 件名 again (a rowspan): a further procedure */
		again = is_case && above.n > (size_t)subject_col &&
		    (same_cell(cells.v[subject_col], above.v[subject_col]) ||
		    (is_blank_cell(cells.v[subject_col]) &&
		    !is_blank_cell(above.v[subject_col])));
		rec = items_only ? -1 : new_record(fs, i, end, is_case &&
		    !again);
		if (again && rec > 0)
			share_key(fs, rec, cells.v[subject_col]);
		if (rec >= 0 && is_number_header(head.v[0]) &&
		    fs->rec[rec].key == NULL) {
			fs->rec[rec].key = strip_ws(cells.v[0]);
			if (*fs->rec[rec].key == '\0' && above.n > 0) {
				/* a blank No: the row of the one above */
				free(fs->rec[rec].key);
				fs->rec[rec].key = xstrdup(fs->rec[rec - 1].key);
			}
		}
		marked_items_of_row(&head, f, &cells, fs, i, x->k[i]->line,
		    rec);
		for (size_t j = 0; j < ncell; j++) {
			if (f[j] == FIELD_ITEMS && is_mark_column(&head, j,
			    &cells))
				continue;	/* ○ / － under 項目（氏名） */
			if (names_subcontract_column(head.v[j]) &&
			    is_organisation_like(cells.v[j])) {
				add_fact(fs, FIELD_SUBCONTRACTORS, head.v[j],
				    cells.v[j], i, x->k[i]->line, rec);
				continue;	/* 再委託 | 株式会社〇〇 */
			}
			if (f[j] <= FIELD_IGNORE && rec >= 0 &&
			    cell_pairs(cells.v[j], i, x->k[i]->line, rec, fs))
				continue;	/* 概要 | 委託先：…\n期間：… */
			if (f[j] <= FIELD_IGNORE && !(is_case &&
			    is_number_header(head.v[j])) &&
			    !names_kind_column(head.v[j]))
				continue;
			if (f[j] == FIELD_DEPARTMENT && is_blank_cell(cells.v[j]) &&
			    j < above.n) {
				/* a merged cell: the value of the row above */
				free(cells.v[j]);
				cells.v[j] = xstrdup(above.v[j]);
			}
			if (f[j] == FIELD_SUBJECT)
				subject_department(fs, cells.v[j], i,
				    x->k[i]->line, rec);
			add_fact(fs, f[j] > FIELD_IGNORE ? f[j] : FIELD_NONE,
			    head.v[j], cells.v[j], items_only ? h : i,
			    x->k[i]->line, rec);
		}
		strlist_free(&above);
		above = cells;
	}
	strlist_free(&above);
	strlist_free(&head);
	return end > h + 1 ? end : h;
}

/* The record whose No is key, or -1. */
static int
record_of_key(const struct facts *fs, const char *key)
{
	for (size_t r = 0; r < fs->nrec; r++)
		if (fs->rec[r].key != NULL && strcmp(fs->rec[r].key, key) == 0)
			return (int)r;
	return -1;
}

/*
 * A table of details by No ("No | 項目", then "1 | 請求者の氏名"): each
 * row's value goes to the record of a list table above with that No, as
 * an export that keeps items in a table of their own does.  Returns the
 * node after it, or h when it is no such table.
 */
static size_t
detail_table(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT;
	enum field_id f;
	size_t end = h;

	if (fs->nrec == 0 || cell_count(x->k[h]) != 2)
		return h;
	row_cells(x->k[h]->text, &head);
	f = fact_field(head.v[1]);
	if (is_number_header(head.v[0]) && f > FIELD_IGNORE)
		for (end = h + 1; end < x->n && x->k[end]->kind == NODE_ROW &&
		    cell_count(x->k[end]) == 2; end++) {
			struct strlist cells = STRLIST_INIT;
			char *key;
			int rec;

			row_cells(x->k[end]->text, &cells);
			key = strip_ws(cells.v[0]);
			if ((rec = record_of_key(fs, key)) >= 0)
				add_fact(fs, f, head.v[1], cells.v[1], end,
				    x->k[end]->line, rec);
			free(key);
			strlist_free(&cells);
		}
	strlist_free(&head);
	return end > h + 1 ? end : h;
}

/*
 * Add the "label：value" lines of a cell as facts of record rec; a line
 * without a colon (an item list going on, indented) continues the value
 * above.  Returns the facts added.
 */
static size_t
cell_pairs(const char *cell, size_t at, int line, int rec, struct facts *fs)
{
	size_t added = 0, first = fs->n;
	const char *p = cell;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *l = xstrndup(p, n), *t = strip_ws(l), *nf;
		char *colon;

		nf = norm_nfkc(t, strlen(t));
		colon = strchr(nf, ':');
		if (colon != NULL && colon > nf && colon - nf <= 3 * 12 &&
		    colon[1] != '\0') {
			*colon = '\0';
			if (fact_field(nf) != FIELD_NONE) {
				add_fact(fs, fact_field(nf), nf, colon + 1, at,
				    line, rec);
				added++;
			}
		} else if (*t && fs->n > first && fs->v[fs->n - 1].record ==
		    rec) {
			struct fact *last = &fs->v[fs->n - 1];
			size_t m = strlen(last->value);
			int glue = m >= 3 && strcmp(last->value + m - 3,
			    "、") == 0;

			last->value = xrealloc(last->value, m + strlen(t) + 2);
			sprintf(last->value + m, "%s%s", glue ? "" : "\n", t);
		}
		free(nf);
		free(t);
		free(l);
		p += n + (p[n] == '\n');
	}
	return added;
}

/* Add what a case cell says ("諮問第3号\n件名\n（担当課）") as facts of
 * record rec: its number, its title, its department in brackets. */
static void
case_cell(const char *cell, size_t at, int line, int rec, struct facts *fs)
{
	const char *p = cell;
	int k = 0;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *l = xstrndup(p, n), *t = strip_ws(l);
		size_t tn = strlen(t);

		if (k == 0)
			add_fact(fs, FIELD_NONE, "案件番号", t, at, line, rec);
		else if (tn > 6 && str_has_prefix(t, "（") &&
		    str_has_suffix(t, "）")) {
			t[tn - 3] = '\0';
			add_fact(fs, FIELD_DEPARTMENT, "担当課", t + 3, at, line,
			    rec);
		} else if (k == 1)
			add_fact(fs, FIELD_SUBJECT, "件名", t, at, line, rec);
		free(t);
		free(l);
		k++;
		p += n + (p[n] == '\n');
	}
}

/* A cell's lines: its own, or, when a PDF ran them into one, its pieces
 * between spaces (new string). */
static char *
cell_lines(const char *cell)
{
	char *t = xstrdup(cell);

	if (strchr(t, '\n') == NULL)
		for (char *p = t; *p; p++)
			if (*p == ' ')
				*p = '\n';
	return t;
}

/* The cells of row text, each as its lines (cell_lines). */
static void
row_cell_lines(const char *text, struct strlist *cells)
{
	row_cells(text, cells);
	for (size_t j = 0; j < cells->n; j++) {
		char *l = cell_lines(cells->v[j]);

		free(cells->v[j]);
		cells->v[j] = l;
	}
}

/*
 * A table of cases whose rows hold a case cell (諮問第3号, its title and
 * department, lines of one cell) and a cell of "label：value" lines
 * (日程 | 案件 | 内容 | 結果, a results page): each row is a case, its
 * facts read from those cells.  Returns the node after it, or h.
 */
static size_t
case_rows(const struct ctx *x, size_t h, struct facts *fs)
{
	size_t ncell = cell_count(x->k[h]), end = table_end(x, h, ncell);
	size_t rows = 0;
	int case_col = -1, pairs_col = -1;

	for (size_t i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		char *nf, *num = NULL;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		row_cell_lines(x->k[i]->text, &cells);
		for (size_t j = 0; j < cells.n && case_col < 0; j++) {
			char *first = xstrndup(cells.v[j],
			    strcspn(cells.v[j], "\n")), *t = strip_ws(first);

			nf = norm_nfkc(t, strlen(t));
			if (case_header(nf, &num) != NULL &&
			    strchr(cells.v[j], '\n') != NULL)
				case_col = (int)j;
			free(num);
			num = NULL;
			free(nf);
			free(t);
			free(first);
		}
		for (size_t j = 0; j < cells.n && pairs_col < 0; j++) {
			struct facts probe = { NULL, 0, NULL, 0 };

			if ((int)j != case_col &&
			    cell_pairs(cells.v[j], i, 0, -1, &probe) >= 2)
				pairs_col = (int)j;
			facts_free(&probe);
		}
		rows++;
		strlist_free(&cells);
	}
	if (case_col < 0 || pairs_col < 0 || rows == 0)
		return h;
	for (size_t i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		int rec;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		row_cell_lines(x->k[i]->text, &cells);
		rec = new_record(fs, i, end, 1);
		case_cell(cells.v[case_col], i, x->k[i]->line, rec, fs);
		cell_pairs(cells.v[pairs_col], i, x->k[i]->line, rec, fs);
		strlist_free(&cells);
	}
	return end;
}

/* "番号 | 1 | 2 | 3", "区分 | １ | ２": a head over records' numbers. */
static int
numbers_in_columns(const struct strlist *cells)
{
	int ok = cells->n >= 3 && (is_number_header(cells->v[0]) ||
	    is_header_cell(cells->v[0]));

	for (size_t j = 1; j < cells->n && ok; j++) {
		char *k = strip_ws(cells->v[j]), *nf = norm_nfkc(k, strlen(k));
		size_t n = strlen(nf);

		ok = n > 0 && n <= 3 && strspn(nf, "0123456789") == n;
		free(k);
		free(nf);
	}
	return ok;
}

/* "委託事項1", "委託事項2": cells that differ only in a trailing number
 * (or are numbers alone under 番号). */
static int
numbered_columns(const struct strlist *cells)
{
	char *stem = NULL;
	int ok = cells->n >= 3;

	if (numbers_in_columns(cells))
		return 1;

	for (size_t j = 1; j < cells->n && ok; j++) {
		char *k = strip_ws(cells->v[j]);
		char *nf = norm_nfkc(k, strlen(k));
		size_t s = strlen(nf);

		while (s > 0 && isdigit((unsigned char)nf[s - 1]))
			s--;
		/* a word, then a number: the same word in every column */
		ok = s < strlen(nf) && s >= 3 && !isdigit((unsigned char)nf[0]) &&
		    strchr(nf, ',') == NULL && (stem == NULL ||
		    (strlen(stem) == s && strncmp(stem, nf, s) == 0));
		if (ok && stem == NULL)
			stem = xstrndup(nf, s);
		free(k);
		free(nf);
	}
	free(stem);
	return ok;
}

/* "委託事項", "①委託事項": the label of an entrustment's name. */
static int
names_entrustment(const char *label)
{
	char *k = strip_ws(label);
	char *nf = norm_nfkc(k, strlen(k));
	int yes = str_has_prefix(skip_numbering(nf), "委託事項");

	free(k);
	free(nf);
	return yes;
}

/*
 * A table of records in columns at node h: "項目 | 委託事項1 | 委託事項2",
 * then rows "label | value 1 | value 2".  Returns the node after it.
 */
/* Is cell c a row's index: a number, or empty (a wrapped row)? */
static int
is_index_cell(const char *c)
{
	char *k = strip_ws(c), *nf = norm_nfkc(k, strlen(k));
	size_t n = strlen(nf);
	int yes = n <= 3 && strspn(nf, "0123456789") == n;

	free(k);
	free(nf);
	return yes;
}

/* Is the first column of rows [h, end) an index ("No | 1 | 2 …") beside
 * the labels, not the labels themselves? */
static int
index_column(const struct ctx *x, size_t h, size_t end)
{
	struct strlist head = STRLIST_INIT;
	int yes;

	row_cells(x->k[h]->text, &head);
	yes = head.n >= 4 && is_number_header(head.v[0]);
	strlist_free(&head);
	for (size_t i = h + 1; i < end && yes; i++) {
		struct strlist cells = STRLIST_INIT;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		row_cells(x->k[i]->text, &cells);
		yes = is_index_cell(cells.v[0]);
		strlist_free(&cells);
	}
	return yes;
}

/* Rows of a column table at h of ncell cells: the node after them. */
static size_t
column_table_end(const struct ctx *x, size_t h, size_t ncell)
{
	size_t end;

	for (end = h + 1; end < x->n && (x->k[end]->kind == NODE_BLANK ||
	    (x->k[end]->kind == NODE_ROW && cell_count(x->k[end]) == ncell));
	    end++)
		;
	while (end > h + 1 && x->k[end - 1]->kind == NODE_BLANK)
		end--;
	return end;
}

/* The facts of row i of a column table whose labels are in column c0,
 * one per record from first. */
static void
column_row_facts(const struct ctx *x, size_t i, size_t c0, int first,
    struct facts *fs)
{
	struct strlist cells = STRLIST_INIT;
	enum field_id f;

	row_cells(x->k[i]->text, &cells);
	f = fact_field(cells.v[c0]);
	if (f == FIELD_NONE && names_entrustment(cells.v[c0]))
		f = FIELD_WORK;	/* the row naming each column's work */
	/* (an unmapped row still matters for 再委託: it is kept) */
	for (size_t j = c0 + 1; j < cells.n; j++)
		add_fact(fs, f > FIELD_IGNORE ? f : FIELD_NONE, cells.v[c0],
		    cells.v[j], i, x->k[i]->line, first + (int)(j - c0) - 1);
	strlist_free(&cells);
}

/* Does every column from record first on name a case of its own: its
 * 件名 and a case's header ("項目 | 案件1 | 案件2" over "区分・番号 |
 * 諮問第6号 | 報告第3号")? */
static int
columns_are_cases(const struct facts *fs, int first)
{
	for (size_t r = (size_t)first; r < fs->nrec; r++) {
		int subject = 0, header = 0;

		for (size_t i = 0; i < fs->n; i++) {
			char *n = NULL, *nf;

			if (fs->v[i].record != (int)r)
				continue;
			subject |= fs->v[i].field == FIELD_SUBJECT;
			nf = norm_nfkc(fs->v[i].value, strlen(fs->v[i].value));
			header |= case_header(nf, &n) != NULL && n != NULL;
			free(n);
			free(nf);
		}
		if (!subject || !header)
			return 0;
	}
	return fs->nrec > (size_t)first;
}

static size_t
column_table(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT;
	size_t ncell = cell_count(x->k[h]), end, c0 = 0;
	int first;

	end = column_table_end(x, h, ncell);
	if (index_column(x, h, end))
		c0 = 1;	/* No | 区分 | 1 | 2 */
	row_cells(x->k[h]->text, &head);
	if (c0 > 0) {
		free(head.v[0]);
		memmove(head.v, head.v + 1, --head.n * sizeof(*head.v));
	}
	if (!numbered_columns(&head)) {
		strlist_free(&head);
		return h;
	}
	first = (int)fs->nrec;
	for (size_t j = c0 + 1; j < ncell; j++)
		new_record(fs, h, end, 0);
	for (size_t i = h + 1; i < end; i++)
		if (x->k[i]->kind != NODE_BLANK)	/* rows parted by rules */
			column_row_facts(x, i, c0, first, fs);
	if (columns_are_cases(fs, first))
		for (size_t r = (size_t)first; r < fs->nrec; r++)
			fs->rec[r].is_case = 1;
	strlist_free(&head);
	return end;
}

/* Was node i's line cut at the width of the text? */
static int
node_wrapped(const struct ctx *x, size_t i, size_t widest)
{
	size_t n = strlen(x->k[i]->key);

	return widest >= 3 * 30 && n + 6 >= widest &&
	    !str_has_suffix(x->k[i]->key, "。");
}

/* "【再委託その2】", "[委託事項1]": a numbered block's title line. */
static int
is_numbered_block(const char *key)
{
	size_t n = strlen(key);
	const char *close = NULL;

	if (str_is_enclosed(key, "【", "】"))
		close = key + n - 3;
	else if (str_is_enclosed(key, "[", "]"))
		close = key + n - 1;
	return close != NULL && isdigit((unsigned char)close[-1]);
}

/* The value under a heading with a known label: its section's lines. */
static void
heading_value(const struct ctx *x, size_t h, size_t widest, enum field_id f,
    struct buf *v)
{
	size_t end = node_span_end(x->k[h]);

	for (size_t i = h + 1; i < end && i < h + 40; i++) {
		const struct node *k = x->k[i];

		if (is_numbered_block(k->key))
			break;	/* the next block: "【再委託その2】" */
		/* a list's lines may be numbered: "（１）氏名" */
		if (k->kind == NODE_HEADING && f == FIELD_ITEMS &&
		    k->label != NULL && strlen(k->key) <= 3 * 30 &&
		    fact_field(k->label) == FIELD_NONE &&
		    (v->len > 0 || (k->parent == x->k[h] &&
		    node_span_end(k) == i + 1))) {	/* (a) 氏名, a leaf */
			buf_putc(v, '\n');
			buf_puts(v, k->label);
			continue;
		}
		if (k->kind == NODE_HEADING || k->kind == NODE_ROW)
			break;
		if (k->kind == NODE_BLANK) {
			if (v->len > 0)
				break;
			continue;
		}
		if (v->len > 0 && !node_wrapped(x, i - 1, widest))
			buf_putc(v, '\n');
		{
			char *t = strip_ws(k->text);

			buf_puts(v, t);
			free(t);
		}
	}
}

static size_t
widest_key(const struct ctx *x)
{
	size_t w = 0;

	for (size_t i = 0; i < x->n; i++) {
		size_t n = strlen(x->k[i]->key);

		if (n > w && n < 3 * 100)
			w = n;
	}
	return w;
}

int
cell_is_one_of(const char *cell, const char *const words[])
{
	char *k = strip_ws(cell);
	int yes = 0;

	for (int i = 0; words[i] && !yes; i++)
		yes = strcmp(k, words[i]) == 0;
	free(k);
	return yes;
}

/* A cell that heads a column of values rather than holding one. */
static int
is_header_word(const char *cell)
{
	static const char *const words[] = { "内容", "記載内容", "記載事項",
	    "説明", "摘要", "値", "概要", NULL };

	return cell_is_one_of(cell, words);
}

/* "内<TAB>容": a header word a PDF's letter-spaced cell was torn into,
 * one character a cell. */
static int
is_torn_header(const char *value)
{
	struct strlist cells = STRLIST_INIT;
	struct buf b = BUF_INIT;
	int torn = 1, yes;

	if (strchr(value, '\t') == NULL || strlen(value) > 64)
		return 0;	/* (every row is asked: the cheap answer) */
	row_cells(value, &cells);
	for (size_t i = 0; i < cells.n && torn; i++) {
		char *c = strip_ws(cells.v[i]);

		torn = strlen(c) == 3 && (unsigned char)c[0] >= 0xe3;
		buf_puts(&b, c);
		free(c);
	}
	yes = torn && cells.n >= 2 && is_header_word(b.data);
	strlist_free(&cells);
	buf_free(&b);
	return yes;
}

static int
is_blank_cell(const char *cell)
{
	char *k = strip_ws(cell);
	int yes = *k == '\0';

	free(k);
	return yes;
}

/*
 * "委託 | 業務名 | …", "再委託 | 期間 | …": the first cell names the
 * procedure the rows under it (a rowspan) describe and the second is the
 * label; label becomes that second cell and value what follows it.
 */
static void
group_label(char **label, char **value)
{
	char *tab = strchr(*value, '\t'), *inner;

	/* "委託 | 業務名 | …" under a group's name, or " | 再委託先の名称 |
	   …" under a blank one (the group's first row names it) */
	if (tab == NULL || (section_type(*label) < 0 &&
	    !is_blank_cell(*label)) || fact_field(*label) > FIELD_IGNORE)
		return;
	inner = xstrndup(*value, (size_t)(tab - *value));
	if (fact_field(inner) <= FIELD_IGNORE) {
		free(inner);
		return;
	}
	memmove(*value, tab + 1, strlen(tab + 1) + 1);
	free(*label);
	*label = inner;
}

/* The field of a row's first cell. */
static enum field_id
row_label_field(const struct node *k)
{
	char *label = xstrndup(k->text, strcspn(k->text, "\t"));
	enum field_id f = fact_field(label);

	free(label);
	return f;
}

/*
 * "評価書番号 | 評価書名" over "3 | 児童手当…": a row of labels over a
 * single row of values, a record laid side by side.  Each column gives
 * its label and value.  Returns the node after the values, or h.
 */
static size_t
record_across(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT, vals = STRLIST_INIT;
	size_t ncell = cell_count(x->k[h]), v = h + 1, after, labels = 0;
	int ok = ncell >= 2 && ncell <= 8;

	/* the values right under the labels, and after them no more
	   rows of values of their width */

	ok = ok && v < x->n && x->k[v]->kind == NODE_ROW &&
	    cell_count(x->k[v]) == ncell;
	after = v + 1;
	ok = ok && !(after < x->n && x->k[after]->kind == NODE_ROW &&
	    cell_count(x->k[after]) == ncell &&
	    row_label_field(x->k[after]) <= FIELD_IGNORE); /* a list */
	if (ok) {
		row_cells(x->k[h]->text, &head);
		row_cells(x->k[v]->text, &vals);
	}
	for (size_t j = 0; ok && j < ncell; j++) {
		ok = is_header_cell(head.v[j]) && !is_blank_cell(vals.v[j]) &&
		    (fact_field(head.v[j]) > FIELD_IGNORE ||
		    is_number_header(head.v[j]));
		labels += fact_field(vals.v[j]) > FIELD_IGNORE;
	}
	ok = ok && labels < ncell;	/* not a head over a head */
	for (size_t j = 0; ok && j < ncell; j++)
		add_fact(fs, fact_field(head.v[j]), head.v[j], vals.v[j], v,
		    x->k[v]->line, -1);
	strlist_free(&head);
	strlist_free(&vals);
	return ok ? v + 1 : h;
}

/*
 * "番号 | 項目 | 内容", then "① | 委託先名 | 株式会社〇〇": a table of
 * labelled rows with a column numbering them.  Each row gives the label
 * and value of the columns under 項目 and 内容.  Returns the node after
 * it, or h.
 */
static size_t
numbered_rows(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT;
	size_t ncell = cell_count(x->k[h]), vj = 0, end = h;

	enum field_id f[8];

	if (ncell < 3 || ncell > 8)
		return h;
	row_cells(x->k[h]->text, &head);
	if (header_fields(&head, f) >= 2) {
		strlist_free(&head);
		return h;	/* 番号 | 件名 | 報告日 | 概要: a list of records */
	}
	for (size_t j = 2; j < ncell && vj == 0; j++)
		if (is_header_word(head.v[j]))
			vj = j;
	if (vj > 0 && is_number_header(head.v[0]) &&
	    is_header_cell(head.v[vj - 1]))
		for (end = h + 1; end < x->n && x->k[end]->kind == NODE_ROW &&
		    cell_count(x->k[end]) == ncell; end++) {
			struct strlist cells = STRLIST_INIT;

			row_cells(x->k[end]->text, &cells);
			add_fact(fs, fact_field(cells.v[vj - 1]),
			    cells.v[vj - 1], cells.v[vj], end,
			    x->k[end]->line, -1);
			strlist_free(&cells);
		}
	strlist_free(&head);
	return end > h + 1 ? end : h;
}

/* Rows, labelled headings and tables of the whole document. */
void
read_facts(const struct ctx *x, struct facts *fs)
{
	size_t widest = widest_key(x);

	for (size_t i = 0; i < x->n; i++) {
		const struct node *k = x->k[i];
		size_t after;

		if (k->kind == NODE_ROW && strchr(k->text, '\t') != NULL &&
		    is_torn_header(strchr(k->text, '\t') + 1))
			continue;	/* "項目 | 内 | 容": a head, torn */
		if (k->kind == NODE_ROW && ((after = record_across(x, i,
		    fs)) > i || (after = numbered_rows(x, i, fs)) > i)) {
			i = after - 1;
			continue;
		}
		if (k->kind == NODE_ROW && cell_count(k) >= 3) {
			if ((after = column_table(x, i, fs)) == i &&
			    (after = list_table(x, i, fs)) == i)
				after = case_rows(x, i, fs);
			if (after > i) {
				i = after - 1;
				continue;
			}
		}
		if (k->kind == NODE_ROW && (after = detail_table(x, i, fs)) > i) {
			i = after - 1;
			continue;
		}
		if (k->kind == NODE_ROW) {
			char *label, *value;
			enum field_id f;

			if (!row_at(x, i, &label, &value))
				continue;
			if (cell_count(k) >= 3)
				group_label(&label, &value);
			if (cell_count(k) >= 3) {
				/* label | value | remark: the value is one cell */
				value[strcspn(value, "\t")] = '\0';
			}
			f = fact_field(label);
			if (is_header_word(value) || is_torn_header(value)) {
				free(label);	/* "項目 | 内容": a table's head */
				free(value);
				continue;
			}
			if (is_blank_cell(label) && fs->n > 0 &&
			    fs->v[fs->n - 1].at + 1 >= i) {
				/* an empty label cell: the value goes on */
				struct fact *last = &fs->v[fs->n - 1];
				size_t n = strlen(last->value);

				last->value = xrealloc(last->value, n +
				    strlen(value) + 2);
				sprintf(last->value + n, "\n%s", value);
				last->at = i;
			} else
				add_fact(fs, f, label, value, i, k->line, -1);
			free(label);
			free(value);
		} else if (k->kind == NODE_HEADING && k->label != NULL) {
			enum field_id f = fact_field(k->label);
			struct buf v = BUF_INIT;

			if (f <= FIELD_IGNORE)
				continue;
			heading_value(x, i, widest, f, &v);
			if (v.len > 0)
				add_fact(fs, f, k->label, v.data, i, k->line,
				    -1);
			buf_free(&v);
		}
	}
	for (size_t i = 0; i < fs->n; i++) {
		char *ticked_only = checked_only(fs->v[i].value);

		if (ticked_only != NULL) {
			free(fs->v[i].value);
			fs->v[i].value = ticked_only;
		}
	}
}

/* ---- the facts of a case ---- */

/* Is fact i inside [from, to) or the head, and of record rec (-1 any)? */
int
fact_in(const struct fact *ft, size_t from, size_t to, int rec)
{
	if (rec >= 0)
		return ft->record == rec;
	return ft->at >= from && ft->at < to;
}

const struct fact *
first_fact(const struct facts *fs, enum field_id f, size_t from, size_t to,
    int rec)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == f && fact_in(&fs->v[i], from, to, rec))
			return &fs->v[i];
	return NULL;
}

/* The first line of a value (a department's second line is a note). */
char *
first_line(const char *v)
{
	size_t n = strcspn(v, "\n");
	char *line = xstrndup(v, n), *s = strip_ws(line);

	free(line);
	return s;
}


/* "委託事項1児童扶養手当…": a part's number before the title it names
 * goes (in place). */
static void
drop_part_number(char *t)
{
	static const char *const parts[] = { "委託事項", "手続", NULL };

	for (int i = 0; parts[i]; i++) {
		char *p = t + strlen(parts[i]);

		if (!str_has_prefix(t, parts[i]) || !isdigit((unsigned char)*p))
			continue;
		while (isdigit((unsigned char)*p))
			p++;
		if (*p == ':' || *p == ' ')
			p++;
		if (*p != '\0')
			memmove(t, p, strlen(p) + 1);
		return;
	}
}

/*
 * A title from a value: its lines joined (a title wraps in its cell,
 * "…システムの利用" / "について"), up to a line that is only a note in
 * brackets.  New string.
 */
char *
title_value(const char *v)
{
	struct buf b = BUF_INIT;
	char *t;

	for (const char *p = v; *p; ) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *s = strip_ws(line);

		free(line);
		if (b.len > 0 && (s[0] == '(' || str_has_prefix(s, "（") ||
		    str_has_suffix(b.data, "。"))) {
			free(s);
			break;
		}
		buf_puts(&b, s);
		free(s);
		p += n + (p[n] == '\n');
	}
	t = buf_detach(&b);
	drop_part_number(t);
	return t;
}
