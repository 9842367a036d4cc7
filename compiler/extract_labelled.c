/*
 * extract_labelled.c — the layout-independent reader: cases and
 * procedures from a document's structure, fields from its labelled facts,
 * whatever the form.  It reads the tree of rows_normalise()d lines, where
 * every label/value pairing is a "label<TAB>value" row.
 *
 * 1. Facts: every row, every numbered heading whose label is known with
 *    the lines under it, and every record of a table (a list table whose
 *    header row names fields: one record per row; a table whose header
 *    row is 委託事項1, 委託事项2 …: one record per column) become
 *    (field, label, value, line) facts through compiler/labels.tsv.
 * 2. Cases: one per file, or one per 諮問第N号 (答申第N号, 報告第N号 …:
 *    the first such word of the file) with a new number, or per heading
 *    of the same level as those headers whose section has a 件名, or per
 *    record of a table with a 件名 column.  Lines before the first case
 *    (a page's head, a covering letter) are read by every case.
 * 3. Procedures: table records; else sections whose heading names a
 *    procedure (業務委託の内容, 再委託について, 外部提供 …) and that hold a
 *    fact; else sheets, each starting at a 件名 row after the cover's;
 *    else, when the case states procedure facts, one procedure.  A
 *    再委託 chosen on a form ([再委託する]) or stated in prose (…に再委託
 *    する) is a procedure of its own.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "citation.h"
#include "extract_int.h"
#include "normalize.h"
#include "rows.h"

/* ---- facts ---- */

struct fact {
	enum field_id	 field;
	char		*label;	/* as written */
	char		*value;	/* as written, lines joined by '\n' */
	size_t		 at;	/* node index it was read at */
	int		 line;	/* source line */
	int		 record;	/* table record it belongs to, or -1 */
};

struct record {
	size_t		 at;	/* node of the row (or header) */
	size_t		 end;	/* first node after the table */
	int		 is_case; /* a table of cases, not of procedures */
	char		*key;	/* its No cell, which other tables cite */
};

struct facts {
	struct fact	*v;
	size_t		 n;
	struct record	*rec;
	size_t		 nrec;
};

static void
add_fact(struct facts *fs, enum field_id f, const char *label,
    const char *value, size_t at, int line, int record)
{
	struct fact *ft;

	fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof(*fs->v));
	ft = &fs->v[fs->n++];
	ft->field = f;
	ft->label = xstrdup(label);
	ft->value = xstrdup(value);
	ft->at = at;
	ft->line = line;
	ft->record = record;
}

static void
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
static void
row_cells(const char *text, struct strlist *cells)
{
	const char *p = text, *tab;

	for (;;) {
		char *cell;

		tab = strchr(p, '\t');
		cell = xstrndup(p, tab ? (size_t)(tab - p) : strlen(p));
		strlist_push(cells, cell);
		free(cell);
		if (tab == NULL)
			break;
		p = tab + 1;
	}
}

static size_t
cell_count(const struct node *k)
{
	size_t n = 1;

	for (const char *p = k->text; *p; p++)
		n += *p == '\t';
	return n;
}

static enum field_id
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
	fs->rec[fs->nrec].key = NULL;
	return (int)fs->nrec++;
}

/* Does a header cell name a case number column (諮問番号, 番号)? */
static int
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

/* Do rows [from, to) start with known labels (a sheet, not a list)? */
static int
labels_in_first_column(const struct ctx *x, size_t from, size_t to)
{
	size_t labels = 0;

	for (size_t i = from; i < to; i++) {
		struct strlist cells = STRLIST_INIT;

		row_cells(x->k[i]->text, &cells);
		labels += fact_field(cells.v[0]) > FIELD_IGNORE;
		strlist_free(&cells);
	}
	return to > from && labels * 10 >= (to - from) * 3;
}

/*
 * A list table at node h: a header row naming at least two fields, then
 * rows of the same width.  Each row is a record (a case when the header
 * has a 件名 column, else a procedure).  Returns the node after it.
 */
static size_t
list_table(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT;
	enum field_id f[64];
	size_t ncell = cell_count(x->k[h]), i, end;
	int is_case = 0, items_only, known;

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
	for (end = h + 1; end < x->n && x->k[end]->kind == NODE_ROW &&
	    cell_count(x->k[end]) == ncell; end++)
		;
	if (labels_in_first_column(x, h + 1, end)) {
		strlist_free(&head);
		return h;	/* label | value | remark rows, not a list */
	}
	for (size_t j = 0; j < ncell; j++)
		is_case |= f[j] == FIELD_SUBJECT;
	for (i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		int rec = items_only ? -1 : new_record(fs, i, end, is_case);

		row_cells(x->k[i]->text, &cells);
		if (rec >= 0 && is_number_header(head.v[0]))
			fs->rec[rec].key = strip_ws(cells.v[0]);
		for (size_t j = 0; j < ncell; j++) {
			if (f[j] <= FIELD_IGNORE && !(is_case &&
			    is_number_header(head.v[j])))
				continue;
			add_fact(fs, f[j] > FIELD_IGNORE ? f[j] : FIELD_NONE,
			    head.v[j], cells.v[j], items_only ? h : i,
			    x->k[i]->line, rec);
		}
		strlist_free(&cells);
	}
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

/* "委託事項1", "委託事項2": cells that differ only in a trailing number. */
static int
numbered_columns(const struct strlist *cells)
{
	size_t stem = 0;

	if (cells->n < 3)
		return 0;
	for (size_t j = 1; j < cells->n; j++) {
		char *k = strip_ws(cells->v[j]);
		size_t n = strlen(k), s = n;
		char *nf = norm_nfkc(k, n);

		s = strlen(nf);
		while (s > 0 && isdigit((unsigned char)nf[s - 1]))
			s--;
		if (s == strlen(nf) || s == 0 || (stem != 0 && stem != s)) {
			free(k);
			free(nf);
			return 0;
		}
		stem = s;
		free(k);
		free(nf);
	}
	return 1;
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
static size_t
column_table(const struct ctx *x, size_t h, struct facts *fs)
{
	struct strlist head = STRLIST_INIT;
	size_t ncell = cell_count(x->k[h]), end;
	int first;

	row_cells(x->k[h]->text, &head);
	if (!numbered_columns(&head)) {
		strlist_free(&head);
		return h;
	}
	for (end = h + 1; end < x->n && x->k[end]->kind == NODE_ROW &&
	    cell_count(x->k[end]) == ncell; end++)
		;
	first = (int)fs->nrec;
	for (size_t j = 1; j < ncell; j++)
		new_record(fs, h, end, 0);
	for (size_t i = h + 1; i < end; i++) {
		struct strlist cells = STRLIST_INIT;
		enum field_id f;

		row_cells(x->k[i]->text, &cells);
		f = fact_field(cells.v[0]);
		if (f == FIELD_NONE && names_entrustment(cells.v[0]))
			f = FIELD_WORK;	/* the row naming each column's work */
		for (size_t j = 1; j < ncell && f > FIELD_IGNORE; j++)
			add_fact(fs, f, cells.v[0], cells.v[j], h + j - 1 < end ?
			    i : i, x->k[i]->line, first + (int)j - 1);
		/* an unmapped row still matters for 再委託: keep it */
		for (size_t j = 1; j < ncell && f <= FIELD_IGNORE; j++)
			add_fact(fs, FIELD_NONE, cells.v[0], cells.v[j], i,
			    x->k[i]->line, first + (int)j - 1);
		strlist_free(&cells);
	}
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

/* The value under a heading with a known label: its section's lines. */
static void
heading_value(const struct ctx *x, size_t h, size_t widest, enum field_id f,
    struct buf *v)
{
	size_t end = node_span_end(x->k[h]);

	for (size_t i = h + 1; i < end && i < h + 40; i++) {
		const struct node *k = x->k[i];

		/* a list's lines may be numbered: "（１）氏名" */
		if (k->kind == NODE_HEADING && f == FIELD_ITEMS &&
		    k->label != NULL && strlen(k->key) <= 3 * 30 &&
		    fact_field(k->label) == FIELD_NONE && v->len > 0) {
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

/* A cell that heads a column of values rather than holding one. */
static int
is_header_word(const char *cell)
{
	static const char *const words[] = { "内容", "記載内容", "記載事項",
	    "説明", "摘要", "値", "概要", NULL };
	char *k = strip_ws(cell);
	int yes = 0;

	for (int i = 0; words[i] && !yes; i++)
		yes = strcmp(k, words[i]) == 0;
	free(k);
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

/* Rows, labelled headings and tables of the whole document. */
static void
read_facts(const struct ctx *x, struct facts *fs)
{
	size_t widest = widest_key(x);

	for (size_t i = 0; i < x->n; i++) {
		const struct node *k = x->k[i];
		size_t after;

		if (k->kind == NODE_ROW && cell_count(k) >= 3) {
			if ((after = column_table(x, i, fs)) == i)
				after = list_table(x, i, fs);
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
			if (cell_count(k) >= 3) {
				/* label | value | remark: the value is one cell */
				value[strcspn(value, "\t")] = '\0';
			}
			f = fact_field(label);
			if (is_header_word(value)) {
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
}

static int	is_procedure_field(enum field_id f);

/* ---- cases ---- */

size_t
count_case_headers(const struct ctx *x)
{
	struct strlist seen = STRLIST_INIT;
	size_t n;

	for (size_t i = 0; i < x->n; i++) {
		char *number;
		const char *w = case_header(x->k[i]->key, &number);
		struct buf b = BUF_INIT;

		if (w == NULL)
			continue;
		buf_printf(&b, "%s%s", w, number);
		strlist_push_unique(&seen, b.data);
		buf_free(&b);
		free(number);
	}
	n = seen.n;
	strlist_free(&seen);
	return n;
}

struct span {
	size_t	 from, to;	/* nodes [from, to) */
	char	*number;	/* the header's number, or NULL */
	const char *word;	/* the header's word (諮問, 報告 …), or NULL */
	int	 record;	/* a table record that is the case, or -1 */
};

struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 head_end;	/* lines [0, head_end) are every
					   case's head */
	const char	*word;		/* 諮問, 答申 … of the headers */
};

static const char *const header_words[] = { "諮問", "答申", "報告", "付議",
    NULL };

/* "議題1", "案件2": an agenda item's own number before its header. */
static const char *
after_agenda_number(const char *key)
{
	static const char *const words[] = { "議題", "案件", "議案", NULL };

	for (int i = 0; words[i]; i++)
		if (str_has_prefix(key, words[i])) {
			const char *p = key + strlen(words[i]);

			if (!isdigit((unsigned char)*p))
				continue;
			while (isdigit((unsigned char)*p))
				p++;
			return p;
		}
	return key;
}

/* "議題3…": a line that starts an agenda item. */
static int
is_agenda_item(const char *key)
{
	return after_agenda_number(key) != key && strlen(key) < 3 * 80 &&
	    strstr(key, "。") == NULL;
}

/* The kind word (諮問, 報告 …) an agenda line names, or NULL. */
static const char *
kind_word(const char *key)
{
	const char *rest = after_agenda_number(key);

	for (int w = 0; header_words[w]; w++)
		if (str_has_prefix(rest, header_words[w]))
			return header_words[w];
	return NULL;
}

/* "諮問第48号…" at the start of a key (after "議題1"): the word and the
 * number. */
const char *
case_header(const char *key, char **number)
{
	key = after_agenda_number(key);
	for (int w = 0; header_words[w]; w++) {
		const char *p = key;
		char *num;

		if (!str_has_prefix(p, header_words[w]))
			continue;
		p += strlen(header_words[w]);
		if (str_has_prefix(p, "事項第"))
			p += strlen("事項");	/* 付議事項第5号 */
		if (!str_has_prefix(p, "第"))
			continue;
		p += strlen("第");
		if ((num = digits_at(p)) == NULL)
			continue;
		if (!str_has_prefix(p + strlen(num), "号")) {
			free(num);
			continue;
		}
		*number = num;
		return header_words[w];
	}
	return NULL;
}

static void
add_span(struct spans *sp, size_t from, char *number, int record)
{
	sp->v = xrealloc(sp->v, (sp->n + 1) * sizeof(*sp->v));
	sp->v[sp->n].from = from;
	sp->v[sp->n].to = 0;
	sp->v[sp->n].number = number;
	sp->v[sp->n].word = NULL;
	sp->v[sp->n].record = record;
	sp->n++;
}

/* Does the section of heading h hold a 件名 fact? */
static int
section_has_subject(const struct ctx *x, const struct facts *fs, size_t h)
{
	size_t end = node_span_end(x->k[h]);

	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_SUBJECT && fs->v[i].at > h &&
		    fs->v[i].at < end)
			return 1;
	return 0;
}

/* Case starts at numbered headers (and headings of their level). */
static void
header_cases(const struct ctx *x, const struct facts *fs, struct spans *sp)
{
	char *number, *cur = NULL;
	int level = 0;

	for (size_t i = 0; i < x->n; i++) {
		const char *w = case_header(x->k[i]->key, &number);

		if (w == NULL && is_agenda_item(x->k[i]->key)) {
			/* "議題3　報告事項　…": an item without a number */
			add_span(sp, i, NULL, -1);
			sp->v[sp->n - 1].word = kind_word(x->k[i]->key);
			free(cur);
			cur = NULL;
			continue;
		}
		if (w == NULL) {
			if (level > 0 && x->k[i]->kind == NODE_HEADING &&
			    x->k[i]->form == NUM_LEVEL &&
			    x->k[i]->number == level &&
			    section_has_subject(x, fs, i)) {
				add_span(sp, i, NULL, -1);
				free(cur);
				cur = NULL;
			}
			continue;
		}
		if (sp->word == NULL)
			sp->word = w;
		/* the headers of the first word delimit cases; an agenda item
		   (議題3 報告第2号) is one whatever its word */
		if ((w != sp->word && after_agenda_number(x->k[i]->key) ==
		    x->k[i]->key) || (cur != NULL && strcmp(cur, number) == 0)) {
			free(number);
			continue;
		}
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->form == NUM_LEVEL)
			level = x->k[i]->number;
		free(cur);
		cur = xstrdup(number);
		add_span(sp, i, number, -1);
		sp->v[sp->n - 1].word = w;
	}
	free(cur);
}

/* Where the last case ends: a heading above the cases' level. */
static size_t
last_case_end(const struct ctx *x, const struct spans *sp)
{
	const struct node *first = x->k[sp->v[0].from];

	if (first->kind != NODE_HEADING || first->form != NUM_LEVEL)
		return x->n;
	for (size_t i = sp->v[sp->n - 1].from + 1; i < x->n; i++)
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->form == NUM_LEVEL &&
		    x->k[i]->number < first->number)
			return i;
	return x->n;
}

static void
find_cases(const struct ctx *x, const struct facts *fs, struct spans *sp)
{
	memset(sp, 0, sizeof(*sp));
	for (size_t r = 0; r < fs->nrec; r++)
		if (fs->rec[r].is_case)
			add_span(sp, fs->rec[r].at, NULL, (int)r);
	if (sp->n == 0)
		header_cases(x, fs, sp);
	if (sp->n == 0) {
		add_span(sp, 0, NULL, -1);
		sp->v[0].to = x->n;
		return;
	}
	sp->head_end = sp->v[0].from;
	for (size_t c = 0; c + 1 < sp->n; c++)
		sp->v[c].to = sp->v[c + 1].from;
	sp->v[sp->n - 1].to = sp->v[sp->n - 1].record >= 0 ?
	    sp->v[sp->n - 1].from + 1 : last_case_end(x, sp);
	if (sp->n == 1 && sp->v[0].record < 0) {
		sp->v[0].from = 0;	/* one case: the letter is its own */
		sp->head_end = 0;
	}
}

static void
spans_free(struct spans *sp)
{
	for (size_t i = 0; i < sp->n; i++)
		free(sp->v[i].number);
	free(sp->v);
}

/* ---- the facts of a case ---- */

/* Is fact i inside [from, to) or the head, and of record rec (-1 any)? */
static int
fact_in(const struct fact *ft, size_t from, size_t to, int rec)
{
	if (rec >= 0)
		return ft->record == rec;
	return ft->at >= from && ft->at < to;
}

static const struct fact *
first_fact(const struct facts *fs, enum field_id f, size_t from, size_t to,
    int rec)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == f && fact_in(&fs->v[i], from, to, rec))
			return &fs->v[i];
	return NULL;
}

/* The first line of a value (a department's second line is a note). */
static char *
first_line(const char *v)
{
	size_t n = strcspn(v, "\n");
	char *line = xstrndup(v, n), *s = strip_ws(line);

	free(line);
	return s;
}

/* ---- kind, number, title, date ---- */

struct marker {
	const char	*word;
	const char	*kind;
};

static const char *
kind_in_lines(const struct ctx *x, size_t from, size_t to)
{
	static const struct marker strong[] = {
		{ "答申第", "その他" }, { "(答申)", "その他" },
		{ "評価書番号", "評価書" }, { "特定個人情報保護評価書", "評価書" },
		{ "全項目評価書", "評価書" }, { "基礎項目評価書", "評価書" },
		{ "重点項目評価書", "評価書" }, { NULL, NULL } };
	static const struct marker weak[] = {
		{ "付議", "付議" }, { "諮問第", "諮問" }, { "諮問します", "諮問" },
		{ "諮問書", "諮問" }, { "(諮問)", "諮問" }, { "諮問事項", "諮問" },
		{ "報告第", "報告" }, { "報告します", "報告" }, { "(報告)", "報告" },
		{ "報告書", "報告" }, { "報告資料", "報告" }, { "報告事項", "報告" },
		{ "の報告", "報告" }, { "【報告】", "報告" }, { "諮問", "諮問" },
		{ "報告", "報告" }, { NULL, NULL } };

	for (size_t i = from; i < to && i < from + 30; i++)
		for (int m = 0; strong[m].word; m++)
			if (strstr(x->k[i]->key, strong[m].word))
				return strong[m].kind;
	for (int m = 0; weak[m].word; m++)
		for (size_t i = from; i < to && i < from + 30; i++)
			if (strstr(x->k[i]->key, weak[m].word))
				return weak[m].kind;
	return NULL;
}

static const char *
case_kind(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs)
{
	const char *k;
	size_t at = s->record >= 0 ? fs->rec[s->record].at : s->from;

	if (s->word != NULL)
		return strcmp(s->word, "答申") == 0 ? "その他" : s->word;
	for (size_t i = 0; i < fs->n && s->record >= 0; i++) {
		char *n = NULL, *key;
		const char *w;

		if (fs->v[i].record != s->record)
			continue;
		key = strip_ws(fs->v[i].value);
		w = case_header(key, &n);
		free(n);
		free(key);
		for (int h = 0; w == NULL && header_words[h]; h++)
			if (is_number_header(fs->v[i].label) &&
			    strstr(fs->v[i].label, header_words[h]))
				w = header_words[h];	/* 諮問番号 | 第42号 */
		if (w != NULL)
			return strcmp(w, "答申") == 0 ? "その他" : w;
	}
	if ((k = kind_in_lines(x, at, s->record >= 0 ? at + 1 : s->to)) != NULL)
		return k;
	if ((k = kind_in_lines(x, 0, sp->head_end)) != NULL)
		return k;
	if ((k = kind_in_lines(x, 0, x->n)) != NULL)
		return k;
	return "その他";
}

static int
ends_title(const char *key)
{
	static const char *const ends[] = { "について", "の件", "に関する報告",
	    "に関する諮問", "報告書", "諮問書", "届出書", "に諮問します",
	    "に報告します", NULL };
	char *bare = clean_title(key, 1);
	int yes = 0;

	for (int i = 0; ends[i] && !yes; i++)
		yes = str_has_suffix(bare, ends[i]);
	free(bare);
	return yes;
}

/*
 * Could line k be a case's title: no row, no numbered section ("3
 * 再委託について" heads a part), no sentence, no list of clauses.
 */
static int
is_title_shaped(const struct node *k)
{
	const char *key = k->key;
	const char *comma = strstr(key, "、");

	return k->kind != NODE_ROW && strlen(key) <= 3 * 70 &&
	    strstr(key, "。") == NULL && !(k->kind == NODE_HEADING &&
	    k->form != NUM_LEVEL && k->form != NUM_BRACKET) &&
	    (comma == NULL || strstr(comma + 3, "、") == NULL);
}

/* A title written as a line of its own (…について（報告）). */
static char *
title_line(const struct ctx *x, size_t from, size_t to, int *line)
{
	/* a page's own headings first (<h1>, #), then any line */
	for (int level = 1; level <= 2; level++)
		for (size_t i = from; i < to && i < from + 200; i++)
			if (x->k[i]->kind == NODE_HEADING &&
			    x->k[i]->form == NUM_LEVEL &&
			    x->k[i]->number == level &&
			    is_title_shaped(x->k[i]) && ends_title(x->k[i]->key)) {
				*line = x->k[i]->line;
				return xstrdup(x->k[i]->key);
			}
	for (size_t i = from; i < to && i < from + 60; i++) {
		const char *k = x->k[i]->key;
		size_t j = next_nonblank(x, i + 1);

		if (!is_title_shaped(x->k[i]))
			continue;
		if (ends_title(k)) {
			*line = x->k[i]->line;
			return xstrdup(k);
		}
		/* broken over two lines: "…取扱いについ" / "て" */
		if (j < to && j == i + 1 && strlen(x->k[j]->key) < 3 * 8 &&
		    x->k[j]->kind == NODE_TEXT) {
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s%s", k, x->k[j]->key);
			if (ends_title(b.data) && strstr(b.data, "。") == NULL) {
				*line = x->k[i]->line;
				return buf_detach(&b);
			}
			buf_free(&b);
		}
	}
	return NULL;
}

/* The line after "記", if it reads as a title. */
static char *
title_after_memo(const struct ctx *x, size_t from, size_t to, int *line)
{
	for (size_t i = from; i < to; i++)
		if (strcmp(x->k[i]->key, "記") == 0)
			return title_line(x, i + 1, next_nonblank(x, i + 1) + 2,
			    line);
	return NULL;
}

static int	section_type(const char *label);

/* Is there a heading naming a procedure among nodes [from, to)? */
static int
procedure_heading_before(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->label != NULL &&
		    section_type(x->k[i]->label) >= 0)
			return 1;
	return 0;
}

/*
 * The case's 件名: a subject fact before any fact of a procedure (a 件名
 * inside a 委託の内容 block names the procedure, not the case).
 */
static const struct fact *
cover_subject(const struct ctx *x, const struct facts *fs,
    const struct span *s)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (!fact_in(f, s->from, s->to, s->record))
			continue;
		if (f->field == FIELD_SUBJECT)
			return s->record < 0 && procedure_heading_before(x,
			    s->from, f->at) ? NULL : f;
		if (s->record < 0 && f->field != FIELD_WORK &&
		    is_procedure_field(f->field))
			return NULL;
	}
	return NULL;
}

/* A title without "議題1", "諮問第9号", "報告事項" before it. */
static const char *
title_without_header(const char *raw)
{
	static const char *const kinds[] = { "報告事項", "諮問事項", "付議事項",
	    "審議事項", NULL };
	const char *t = raw;
	char *n = NULL;

	t = after_agenda_number(t);
	if (case_header(t, &n) != NULL && strstr(t, "号") != NULL)
		t = strstr(t, "号") + strlen("号");
	free(n);
	for (int k = 0; kinds[k]; k++)
		if (str_has_prefix(t, kinds[k]))
			t += strlen(kinds[k]);
	return *t ? t : raw;
}

static void
case_title(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c)
{
	const struct fact *f = cover_subject(x, fs, s);
	char *raw = NULL, *title, *origin = NULL;
	const char *by;
	int line = 0;
	size_t h = s->from;

	if (f != NULL) {
		raw = first_line(f->value);
		line = f->line;
		by = origin = label_origin(f->label);
	} else if ((raw = title_after_memo(x, s->from, s->to, &line)) != NULL)
		by = "rule the line after 記";
	else if ((raw = title_line(x, s->from, s->to, &line)) != NULL)
		by = "rule a line ending in について";
	else {
		by = "rule the case's heading";
		if (x->k[h]->kind == NODE_HEADING || s->number != NULL) {
			char *n = NULL;
			const char *k = x->k[h]->key;

			if (case_header(k, &n) != NULL)
				k = strstr(k, "号") + strlen("号");
			free(n);
			if (*k != '\0')
				raw = xstrdup(k);
			line = x->k[h]->line;
		}
		if (raw == NULL) {
			size_t t = next_nonblank(x, s->from);

			if (t >= s->to)
				return;
			raw = xstrdup(x->k[t]->key);
			line = x->k[t]->line;
			by = "rule the first line";
		}
	}
	title = clean_title(title_without_header(raw), 1);
	if (strlen(title) > 300)
		title[str_cut_at(title, 300)] = '\0';
	field_set(&c->title, title, line);
	field_from(&c->title, by);
	free(raw);
	free(title);
	free(origin);
}

/* s after its leading white space. */
static const char *
skip_ws_prefix(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

/* The case's number from a record's number cell or a 評価書番号. */
static void
case_number(const struct ctx *x, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (size_t i = 0; i < fs->n && s->record >= 0; i++) {
		char *n = NULL, *key;

		if (fs->v[i].record != s->record ||
		    !is_number_header(fs->v[i].label))
			continue;
		key = strip_ws(fs->v[i].value);
		if (case_header(key, &n) == NULL) {
			char *nf = norm_nfkc(key, strlen(key));

			n = digits_at(nf + (str_has_prefix(nf, "第") ? 3 : 0));
			free(nf);
		}
		if (n != NULL) {
			char *by = label_origin(fs->v[i].label);

			field_set(&c->number, n, fs->v[i].line);
			field_from(&c->number, by);
			free(by);
		}
		free(n);
		free(key);
		return;
	}
	for (size_t i = 0; i < fs->n && s->record < 0; i++) {
		const struct fact *f = &fs->v[i];
		char *n = NULL, *key;

		if (!fact_in(f, s->from, s->to, -1) ||
		    !is_number_header(f->label))
			continue;
		key = norm_nfkc(f->value, strlen(f->value));
		if (case_header(skip_ws_prefix(key), &n) != NULL) {
			char *by = label_origin(f->label);

			field_set(&c->number, n, f->line);	/* 諮問番号 | 諮問第8号 */
			field_from(&c->number, by);
			free(by);
		}
		free(n);
		free(key);
		if (c->number.value != NULL)
			return;
	}
	for (size_t i = s->from; i < s->to && s->record < 0; i++) {
		const char *k = x->k[i]->key;
		size_t v;
		char *num;

		if (!str_has_prefix(k, "評価書番号"))
			continue;
		k += strlen("評価書番号");
		if (*k == ':')
			k++;
		v = i;
		if (*k == '\0' && (v = next_nonblank(x, i + 1)) < s->to)
			k = x->k[v]->key;
		if ((num = digits_at(k)) != NULL) {
			field_set(&c->number, num, x->k[v]->line);
			field_from(&c->number, "label 評価書番号");
			free(num);
		}
		return;
	}
}

/* Set f to the date of a value; 0 when it holds none. */
static int
date_in_text(const char *value, int line, struct field *f, const char *by)
{
	char iso[11];

	if (norm_date_iso(value, strlen(value), iso) != 0)
		return 0;
	field_set(f, iso, line);
	field_from(f, by);
	return 1;
}

/* A date line of the letter: the line is (nearly) only a date. */
static int
date_line(const struct ctx *x, size_t i, struct field *f)
{
	const char *k = x->k[i]->key;
	char iso[11];

	if (strlen(k) > 3 * 14 || strstr(k, "開催") || strstr(k, "更新") ||
	    strstr(k, "から") || strstr(k, "まで") || strstr(k, "～"))
		return 0;
	if (norm_date_iso(k, strlen(k), iso) != 0)
		return 0;
	field_set(f, iso, x->k[i]->line);
	field_from(f, "rule a line that is a date");
	return 1;
}

static void
case_date(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_DATE &&
		    fact_in(&fs->v[i], s->from, s->to, s->record)) {
			char *by = label_origin(fs->v[i].label);
			int found = date_in_text(fs->v[i].value, fs->v[i].line,
			    &c->date, by);

			free(by);
			if (found)
				return;
		}
	if (s->record >= 0)
		return;
	for (size_t i = s->from, seen = 0; i < s->to && seen < 14; i++) {
		if (x->k[i]->kind == NODE_BLANK)
			continue;
		if (date_line(x, i, &c->date))
			return;
		seen++;
	}
	for (size_t i = 0, seen = 0; i < sp->head_end && seen < 14; i++) {
		if (x->k[i]->kind == NODE_BLANK)
			continue;
		if (date_line(x, i, &c->date))
			return;
		seen++;
	}
}

/* ---- department, basis, count ---- */

/*
 * A department's name from a value: its first line, or its first two
 * when a cell broke "健康部" / "健康づくり課" apart.
 */
static char *
department_lines(const char *v)
{
	char *first = first_line(v), *second;
	const char *nl = strchr(v, '\n');
	struct buf b = BUF_INIT;

	if (nl == NULL || !(str_has_suffix(first, "部") ||
	    str_has_suffix(first, "局")))
		return first;
	second = first_line(nl + 1);
	if (str_has_suffix(second, "課") || str_has_suffix(second, "室") ||
	    str_has_suffix(second, "係") || str_has_suffix(second, "担当")) {
		buf_printf(&b, "%s%s", first, second);
		free(first);
		first = buf_detach(&b);
	}
	free(second);
	return first;
}

/* Does v end as a department's name does? */
static int
is_department_name(const char *v)
{
	static const char *const ends[] = { "課", "室", "部", "係", "担当",
	    "グループ", "センター", NULL };

	for (int i = 0; *v && ends[i]; i++)
		if (str_has_suffix(v, ends[i]))
			return 1;
	return 0;
}

/*
 * "（担当　X課）", "（事務担当 X）", "（所管課：X）", "(担当)X": a
 * department in brackets after a word of charge (担当, 所管).
 */
static int
department_in_text(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	static const char *const words[] = { "担当部課", "担当課", "所管課",
	    "担当", "所管", NULL };

	for (size_t i = from; i < to && i < x->n; i++) {
		const char *k = x->k[i]->key;

		for (const char *open = strchr(k, '('); open != NULL;
		    open = strchr(open + 1, '(')) {
			const char *close = strchr(open, ')'), *p = NULL;
			char *v;

			for (int w = 0; words[w] && p == NULL; w++) {
				const char *hit = strstr(open, words[w]);

				if (hit != NULL && (close == NULL || hit < close) &&
				    hit - open <= 3 * 4 + 1)
					p = hit + strlen(words[w]);
			}
			if (p == NULL)
				continue;
			if (*p == ':' || *p == ')')
				p++;
			close = strchr(p, ')');
			v = xstrndup(p, close ? (size_t)(close - p) : strlen(p));
			if (is_department_name(v)) {
				field_set(f, v, x->k[i]->line);
				field_from(f, "rule （担当 …） in the letter");
				free(v);
				return 1;
			}
			free(v);
		}
	}
	return 0;
}

/* Minutes: "財務部納税課から資料1に基づき説明があった". */
static void
department_explaining(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	for (size_t i = from; i < to && i < from + 12; i++) {
		const char *k = x->k[i]->key, *at = strstr(k, "から");
		char *v;

		if (at == NULL || at - k > 3 * 30 || strstr(k, "説明") == NULL)
			continue;
		v = xstrndup(k, (size_t)(at - k));
		if (str_has_suffix(v, "課") || str_has_suffix(v, "室") ||
		    str_has_suffix(v, "担当")) {
			field_set(f, v, x->k[i]->line);
			field_from(f, "rule …課から説明 in minutes");
			free(v);
			return;
		}
		free(v);
	}
}

static void
case_department(const struct ctx *x, const struct spans *sp,
    const struct span *s, const struct facts *fs, struct pcase *c)
{
	const struct fact *f = first_fact(fs, FIELD_DEPARTMENT, s->from, s->to,
	    s->record);

	if (f == NULL && s->record < 0 && sp->head_end > 0)
		f = first_fact(fs, FIELD_DEPARTMENT, 0, sp->head_end, -1);
	if (f != NULL) {
		char *v = department_lines(f->value), *paren, *by;

		/* "保育課（電話 …）": a note after the name */
		if ((paren = strstr(v, "(")) != NULL && paren > v)
			*paren = '\0';
		if ((paren = strstr(v, "（")) != NULL && paren > v)
			*paren = '\0';
		field_set(&c->department, v, f->line);
		by = label_origin(f->label);
		field_from(&c->department, by);
		free(by);
		free(v);
		return;
	}
	if (s->record >= 0)
		return;
	if (!department_in_text(x, s->from, s->to, &c->department) &&
	    !department_in_text(x, 0, sp->head_end, &c->department))
		department_explaining(x, s->from, s->to, &c->department);
}

/* The law a basis label implies: 要綱の根拠 → 要綱. */
static const char *
law_of_label(const char *label)
{
	if (strstr(label, "要綱"))
		return "要綱";
	if (strstr(label, "条例"))
		return "条例";
	if (strstr(label, "法令"))
		return "番号法";
	return NULL;
}

/* "…条例第6条の規定に基づき": citations of a letter's paragraphs. */
static void
basis_in_prose(const struct ctx *x, size_t from, size_t to, struct pcase *c)
{
	struct buf para = BUF_INIT;
	int line = 0, found = 0;

	for (size_t i = from; i <= to && i <= x->n; i++) {
		int ends = i == to || i == x->n || x->k[i]->kind != NODE_TEXT;

		if (!ends) {
			if (para.len == 0)
				line = x->k[i]->line;
			buf_puts(&para, x->k[i]->key);
			continue;
		}
		if (para.len > 0) {
			const char *rule = strstr(para.data, "の規定");

			if (rule != NULL) {
				found = 1;
				para.data[rule - para.data] = '\0';
				cite_scan(para.data, NULL, NULL,
				    &c->legal_basis);
				set_line(&c->legal_basis_line, &c->legal_basis,
				    line);
				list_from(&c->legal_basis_from, &c->legal_basis,
				    "rule …の規定に基づき");
			}
		}
		buf_truncate(&para, 0);
		if (found)
			break;
	}
	buf_free(&para);
}

static void
case_basis(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (int pass = 0; pass < 2 && c->legal_basis.n == 0; pass++) {
		size_t from = pass ? 0 : s->from, to = pass ? sp->head_end : s->to;
		int rec = pass ? -1 : s->record;

		for (size_t i = 0; i < fs->n; i++) {
			const struct fact *f = &fs->v[i];
			char *by;

			if (f->field != FIELD_BASIS || !fact_in(f, from, to, rec))
				continue;
			cite_scan(f->value, law_of_label(f->label), NULL,
			    &c->legal_basis);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    f->line);
			by = label_origin(f->label);
			list_from(&c->legal_basis_from, &c->legal_basis, by);
			free(by);
		}
	}
	/* and the letter's "…の規定に基づき" */
	if (s->record < 0)
		basis_in_prose(x, s->from, s->to, c);
	if (c->legal_basis.n == 0)
		basis_in_prose(x, 0, sp->head_end, c);
}

static void
case_count(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c)
{
	const struct fact *f = first_fact(fs, FIELD_SUBJECTS, s->from, s->to,
	    s->record);

	if (f != NULL && (strstr(f->value, "以上") || strstr(f->value, "未満")))
		f = NULL;	/* "［10万人以上30万人未満］": a range, no count */
	if (f != NULL) {
		long long n = people_count(f->value);
		char *k = strip_ws(f->value);

		if (n < 0)
			n = people_count(k);
		if (n < 0)
			n = norm_parse_count(k, strlen(k));
		free(k);
		if (n >= 0) {
			c->subjects_count = n;
			c->subjects_line = f->line;
			c->subjects_from = label_origin(f->label);
			return;
		}
	}
	if (s->record < 0)
		consultation_subjects(x, c, s->from, s->to);
	if (c->subjects_count >= 0)
		c->subjects_from = xstrdup("rule 約N人 in the text");
}

/* ---- procedures ---- */

/* The type a section heading names, or -1 when it names none. */
static int
section_type(const char *label)
{
	static const char *const not_procedures[] = { "理由", "選定", "必要",
	    "経過", "措置", "禁止", "予定", "方法", "目的", "効果", "根拠",
	    "結論", "意見", "判断", "経緯", "概要の", "審議", "対策", "リスク",
	    "留意", "条件", "事項の", "有無", NULL };
	static const char *const words[] = { "委託", "結合", "目的外",
	    "提供", "本人外", "本人以外", "記録", NULL };
	int any = 0;

	if (strlen(label) > 3 * 40 || fact_field(label) > FIELD_IGNORE)
		return -1;	/* "追加する記録項目": a field, not a procedure */
	for (int i = 0; not_procedures[i]; i++)
		if (strstr(label, not_procedures[i]) &&
		    !(strcmp(not_procedures[i], "目的") == 0 &&
		    strstr(label, "目的外")))
			return -1;
	for (int i = 0; words[i]; i++)
		any |= strstr(label, words[i]) != NULL;
	if (!any || (strstr(label, "委託先") && !strstr(label, "再委託")))
		return -1;
	if (strstr(label, "外部への提供") || strstr(label, "提供"))
		return strstr(label, "委託") && !strstr(label, "提供の") ?
		    (int)type_from_words(label) : PROC_PROVISION;
	return (int)type_from_words(label);
}

/* A procedure fact (not a case's). */
static int
is_procedure_field(enum field_id f)
{
	return f == FIELD_PARTNER || f == FIELD_CONSIGNEES ||
	    f == FIELD_SUBCONTRACTORS || f == FIELD_PERIOD ||
	    f == FIELD_ITEMS || f == FIELD_WORK;
}

struct proc_span {
	size_t		 from, to;	/* nodes */
	int		 type;		/* enum proc_type */
	int		 record;	/* or -1 */
	const char	*heading;	/* the section's label, or NULL */
	size_t		 title_at;	/* a sheet's 件名 row, or 0 */
	int		 prose;		/* stated in sentences only */
};

struct proc_spans {
	struct proc_span	*v;
	size_t			 n;
};

static void
add_proc_span(struct proc_spans *ps, size_t from, size_t to, int type,
    int record, const char *heading)
{
	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof(*ps->v));
	ps->v[ps->n].from = from;
	ps->v[ps->n].to = to;
	ps->v[ps->n].type = type;
	ps->v[ps->n].record = record;
	ps->v[ps->n].heading = heading;
	ps->v[ps->n].title_at = 0;
	ps->v[ps->n].prose = 0;
	ps->n++;
}

static int
span_has_fact(const struct facts *fs, size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++)
		if (is_procedure_field(fs->v[i].field) && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to)
			return 1;
	return 0;
}

static int
span_says(const struct ctx *x, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (strstr(x->k[i]->key, word))
			return 1;
	return 0;
}

static int	states_in_prose(const struct ctx *x, size_t from, size_t to);
static int	only_subcontracts(const struct proc_spans *ps);
static int	facts_outside(const struct facts *fs,
		    const struct proc_spans *ps, size_t from, size_t to);
static void	prose_sections(const struct ctx *x, size_t from, size_t to,
		    struct proc_spans *ps);
static int	is_list_line(const struct node *k);
static const char	*skip_bullet(const char *s);
static char	*clean_list(const char *value, enum field_id f);

/* Sections whose heading names a procedure and that state one. */
static void
section_procedures(const struct ctx *x, const struct facts *fs,
    size_t from, size_t to, struct proc_spans *ps)
{
	for (size_t i = from; i < to; i++) {
		const struct node *k = x->k[i];
		size_t end;
		int t;

		if (k->kind != NODE_HEADING || k->label == NULL ||
		    (t = section_type(k->label)) < 0)
			continue;
		end = node_span_end(k);
		if (end > to)
			end = to;
		if (span_has_fact(fs, i + 1, end) ||
		    (t == PROC_SUBCONTRACT && span_says(x, i + 1, end,
		    "再委託"))) {
			add_proc_span(ps, i, end, t, -1, k->label);
			/* nested sections are read on their own */
		}
	}
	if (only_subcontracts(ps) && !facts_outside(fs, ps, from, to))
		prose_sections(x, from, to, ps);
}

/* Procedure facts of [from, to) outside every span of ps? */
static int
facts_outside(const struct facts *fs, const struct proc_spans *ps,
    size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int in = 0;

		if (!is_procedure_field(f->field) || f->record >= 0 ||
		    f->at < from || f->at >= to)
			continue;
		for (size_t j = 0; j < ps->n && !in; j++)
			in = f->at >= ps->v[j].from && f->at < ps->v[j].to;
		if (!in)
			return 1;
	}
	return 0;
}

/*
 * Where no section states a procedure in labels: sections whose heading
 * names one and whose sentences hand something over ("…に委託します").
 */
static void
prose_sections(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to; i++) {
		const struct node *k = x->k[i];
		size_t end;
		int t;

		if (k->kind != NODE_HEADING || k->label == NULL ||
		    (t = section_type(k->label)) < 0 || t == PROC_OTHER ||
		    t == PROC_SUBCONTRACT)
			continue;
		end = node_span_end(k);
		if (end > to)
			end = to;
		if (states_in_prose(x, i + 1, end)) {
			add_proc_span(ps, i, end, t, -1, k->label);
			ps->v[ps->n - 1].prose = 1;
		}
	}
	/* in document order, before the 再委託 sections found already */
	if (ps->n > first && first > 0) {
		struct proc_span *tmp = xcalloc(ps->n, sizeof(*tmp));

		memcpy(tmp, ps->v + first, (ps->n - first) * sizeof(*tmp));
		memcpy(tmp + (ps->n - first), ps->v, first * sizeof(*tmp));
		memcpy(ps->v, tmp, ps->n * sizeof(*tmp));
		free(tmp);
	}
}

/* Do sentences of [from, to) hand something over: "…に委託する". */
static int
states_in_prose(const struct ctx *x, size_t from, size_t to)
{
	static const char *const verbs[] = { "に委託", "へ委託", "に提供",
	    "と結合", "に接続", NULL };

	for (int v = 0; verbs[v]; v++)
		if (span_says(x, from, to, verbs[v]))
			return 1;
	return 0;
}

/*
 * Facts of [from, to) in none of the spans of ps that say who or when
 * (a contractor, partner or period): a procedure of their own.  Items
 * alone outside every procedure describe a file, not a handing over.
 */
static int
uncovered_facts(const struct facts *fs, const struct proc_spans *ps,
    size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int covered = 0;

		if ((f->field != FIELD_CONSIGNEES && f->field != FIELD_PARTNER &&
		    f->field != FIELD_PERIOD &&
		    f->field != FIELD_SUBCONTRACTORS) || f->record >= 0 ||
		    f->at < from || f->at >= to)
			continue;
		for (size_t j = 0; j < ps->n && !covered; j++)
			covered = f->at >= ps->v[j].from && f->at < ps->v[j].to;
		if (!covered)
			return 1;
	}
	return 0;
}

/* A procedure of the facts outside the sections, read first. */
static void
implicit_first(struct proc_spans *ps, size_t from, size_t to)
{
	add_proc_span(ps, from, to, -1, -1, NULL);
	memmove(ps->v + 1, ps->v, (ps->n - 1) * sizeof(*ps->v));
	ps->v[0].from = from;
	ps->v[0].to = to;
	ps->v[0].type = -1;
	ps->v[0].record = -1;
	ps->v[0].heading = NULL;
	ps->v[0].title_at = 0;
	ps->v[0].prose = 0;
}

/* "委託事項1 …", "委託事項２：…": a line that starts an entrustment. */
static int
is_block_start(const struct node *k)
{
	const char *p = k->key;

	if (!str_has_prefix(p, "委託事項"))
		return 0;
	p += strlen("委託事項");
	return isdigit((unsigned char)*p);
}

/*
 * Entrustments listed as blocks (委託事項1 … 委託事項2 …): each block is
 * a procedure up to the next one, the last one up to the end of the
 * section that holds them.
 */
static void
block_procedures(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to; i++) {
		size_t end;

		if (!is_block_start(x->k[i]))
			continue;
		if (ps->n > first)
			ps->v[ps->n - 1].to = i;
		end = x->k[i]->parent != NULL && x->k[i]->parent->kind ==
		    NODE_HEADING ? node_span_end(x->k[i]->parent) : to;
		add_proc_span(ps, i, end < to ? end : to, PROC_OUTSOURCE, -1,
		    NULL);
		ps->v[ps->n - 1].title_at = i;
	}
}

/* The title a block's first line gives: "委託事項1　…の業務". */
static void
block_title(const struct node *k, struct procedure *p)
{
	const char *t = k->key + strlen("委託事項");
	char *title;

	while (isdigit((unsigned char)*t))
		t++;
	if (*t == ':')
		t++;
	title = clean_title(t, 0);
	if (*title) {
		field_set(&p->title, title, k->line);
		field_from(&p->title, "label 委託事項N");
	}
	free(title);
}

/* Are all spans found 再委託 sections? */
static int
only_subcontracts(const struct proc_spans *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].type != PROC_SUBCONTRACT)
			return 0;
	return 1;
}

/* Sheets: each 件名 row after the cover's (when the case has a cover
 * 件名) starts a procedure. */
static void
sheet_procedures(const struct facts *fs, size_t from, size_t to,
    int has_cover, struct proc_spans *ps)
{
	size_t starts[256], n = 0;

	for (size_t i = 0; i < fs->n && n < 256; i++)
		if (fs->v[i].field == FIELD_SUBJECT && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to)
			starts[n++] = fs->v[i].at;
	for (size_t s = has_cover ? 1 : 0; s < n; s++) {
		size_t end = s + 1 < n ? starts[s + 1] : to;

		if (!span_has_fact(fs, starts[s], end))
			continue;
		add_proc_span(ps, starts[s], end, -1, -1, NULL);
		ps->v[ps->n - 1].title_at = starts[s];
	}
}

/* The value of the first fact read at node at. */
static const char *
fact_value_at(const struct facts *fs, size_t at)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].at == at)
			return fs->v[i].value;
	return NULL;
}

/* The type of a procedure from its facts' labels and title. */
static int
type_of_facts(const struct facts *fs, const struct proc_span *p,
    const char *title)
{
	int t = title ? (int)type_from_words(title) : PROC_OTHER;

	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (!(p->record >= 0 ? f->record == p->record :
		    f->record < 0 && f->at >= p->from && f->at < p->to))
			continue;
		if (f->field == FIELD_PARTNER && strstr(f->label, "結合"))
			return PROC_LINK;
		if (f->field == FIELD_PARTNER && strstr(f->label, "提供") &&
		    (t == PROC_OTHER || t == PROC_OUTSOURCE))
			return PROC_PROVISION;
		if (f->field == FIELD_CONSIGNEES && (t == PROC_OTHER ||
		    t == PROC_ASSESSMENT))
			t = PROC_OUTSOURCE;	/* a report's 委託事項 */
		if (f->field == FIELD_ITEMS && strstr(f->label, "記録") &&
		    t == PROC_OTHER)
			t = PROC_RECORD;
	}
	return t;
}

/* The first of the strings ends in s, or the end of s (UTF-8 safe,
 * unlike strcspn() on multibyte characters). */
static const char *
first_of(const char *s, const char *const *ends)
{
	const char *first = s + strlen(s);

	for (int i = 0; ends[i]; i++) {
		const char *f = strstr(s, ends[i]);

		if (f != NULL && f < first)
			first = f;
	}
	return first;
}

/* "（再委託先：X）" or "再委託先はX" inside a value. */
static void
subcontractor_in_value(const char *value, struct strlist *out)
{
	static const char *const ends[] = { ")", "）", "、", "。", "\n",
	    NULL };
	static const char *const marks[] = { "再委託先:", "再委託先：",
	    "再委託先は", NULL };

	for (int m = 0; marks[m]; m++) {
		const char *p = strstr(value, marks[m]), *e;
		char *name, *clean;

		if (p == NULL)
			continue;
		p += strlen(marks[m]);
		e = first_of(p, ends);
		name = xstrndup(p, (size_t)(e - p));
		clean = clean_organisation(name);
		if (*clean)
			strlist_push_unique(out, clean);
		free(name);
		free(clean);
		return;
	}
}

/* "取り扱わせる個人情報は、A、B及びCに限る": items stated in prose. */
static void
items_in_prose(const char *text, struct strlist *out)
{
	static const char *const leads[] = { "個人情報は、", "個人情報は",
	    "項目は、", "項目は", "情報は、", NULL };
	static const char *const ends[] = { "に限る", "に限り", "に限られ",
	    "とする", "である", "です", "。", NULL };

	for (int l = 0; leads[l]; l++) {
		const char *p = strstr(text, leads[l]), *e = NULL;
		char *list;

		if (p == NULL)
			continue;
		p += strlen(leads[l]);
		for (int k = 0; ends[k]; k++) {
			const char *f = strstr(p, ends[k]);

			if (f != NULL && (e == NULL || f < e))
				e = f;
		}
		if (e == NULL || e - p > 3 * 120)
			continue;
		list = xstrndup(p, (size_t)(e - p));
		parse_items(list, out);
		free(list);
		return;
	}
}

/* The text of lines [from, to) joined (keys, no white space). */
static char *
joined_text(const struct ctx *x, size_t from, size_t to)
{
	struct buf b = BUF_INIT;

	for (size_t i = from; i < to && i < x->n; i++)
		if (x->k[i]->kind != NODE_HEADING)
			buf_puts(&b, x->k[i]->key);
	return buf_detach(&b);
}

/* "令和7年10月1日から令和10年9月30日まで" in running text. */
static void
period_in_prose(const char *text, int line, struct procedure *p)
{
	struct norm_date d;
	size_t len = strlen(text), start, end, at = 0;
	char from[11], to[11];

	while (at < len && norm_find_date(text + at, len - at, &d, &start,
	    &end) == 0) {
		if (str_has_prefix(text + at + end, "から")) {
			parse_period(text + at + start, from, to);
			if (from[0])
				field_set(&p->period_start, from, line);
			if (to[0])
				field_set(&p->period_end, to, line);
			field_from(&p->period_start, "rule …から…まで in prose");
			field_from(&p->period_end, "rule …から…まで in prose");
			return;
		}
		at += end;
	}
}

/*
 * "…個人情報は、次のとおりです。" followed by one item a line: the
 * lines after the sentence, up to the next sentence or heading.
 */
static void
items_listed_after(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		const char *k = x->k[i]->key;
		struct buf list = BUF_INIT;

		if (!(strstr(k, "個人情報") || strstr(k, "項目")) ||
		    !strstr(k, "次のとおり"))
			continue;
		for (size_t j = i + 1; j < to && j < x->n; j++) {
			if (x->k[j]->kind == NODE_BLANK && list.len == 0)
				continue;
			if (!is_list_line(x->k[j]))
				break;
			buf_printf(&list, "%s%s", list.len ? "\n" : "",
			    skip_bullet(x->k[j]->text));
		}
		if (list.len > 0) {
			char *clean = clean_list(list.data, FIELD_ITEMS);

			parse_items(clean, &p->data_items);
			set_line(&p->data_items_line, &p->data_items,
			    x->k[i]->line);
			list_from(&p->data_items_from, &p->data_items,
			    "rule the list after 次のとおり");
			free(clean);
		}
		buf_free(&list);
		if (p->data_items.n > 0)
			return;
	}
}

/* "業務の名称は「市営住宅家賃等納付案内業務」": a work named in prose. */
static void
quoted_work_name(const char *text, int line, struct procedure *p)
{
	static const char *const leads[] = { "名称は「", "業務名は「",
	    "件名は「", NULL };

	for (int l = 0; leads[l]; l++) {
		const char *q = strstr(text, leads[l]), *e;
		char *name;

		if (q == NULL)
			continue;
		q += strlen(leads[l]);
		if ((e = strstr(q, "」")) == NULL || e - q > 3 * 60)
			continue;
		name = xstrndup(q, (size_t)(e - q));
		field_set(&p->title, name, line);
		field_from(&p->title, "rule 名称は「…」 in prose");
		free(name);
		return;
	}
}

/*
 * A procedure stated in sentences only (minutes, a letter): "…を株式会社
 * 〇〇に委託しようとするもの", "閲覧できる情報は、A、B及びCに限られ",
 * "令和7年10月1日から…まで".
 */
static void
procedure_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	char *text;

	if (from >= to || from >= x->n)
		return;
	text = joined_text(x, from, to);
	if (p->data_items.n == 0)
		items_listed_after(x, from, to, p);
	if (p->title.value == NULL)
		quoted_work_name(text, x->k[from]->line, p);
	if (p->data_items.n == 0) {
		items_in_prose(text, &p->data_items);
		set_line(&p->data_items_line, &p->data_items, x->k[from]->line);
		list_from(&p->data_items_from, &p->data_items,
		    "rule 個人情報は、… in prose");
	}
	if (p->period_start.value == NULL)
		period_in_prose(text, x->k[from]->line, p);
	free(text);
}

/* 再委託 stated in prose: "…の一部を株式会社〇〇に再委託する". */
static void
subcontract_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	char *text;
	struct procedure tmp;
	char start[11], end[11];
	const char *period;

	if (from >= to || from >= x->n)
		return;
	text = joined_text(x, from, to);
	memset(&tmp, 0, sizeof(tmp));
	if (p->subcontractors.n == 0) {
		organisations_in_prose(x, &tmp, from, to);
		for (size_t i = 0; i < tmp.consignees.n; i++)
			strlist_push_unique(&p->subcontractors,
			    tmp.consignees.v[i]);
		strlist_free(&tmp.consignees);
		if (p->subcontractors.n > 0)
			p->subcontractors_line = x->k[from]->line;
	}
	if (p->data_items.n == 0)
		items_in_prose(text, &p->data_items);
	if (p->period_start.value == NULL &&
	    (period = strstr(text, "期間は")) != NULL) {
		parse_period(period, start, end);
		if (start[0])
			field_set(&p->period_start, start, x->k[from]->line);
		if (end[0])
			field_set(&p->period_end, end, x->k[from]->line);
	}
	free(text);
}

/* A line of a list: short, no sentence, no label, no note. */
static int
is_list_line(const struct node *k)
{
	const char *key = k->key;

	return k->kind != NODE_ROW && strlen(key) <= 3 * 100 &&
	    !(k->kind == NODE_HEADING && k->form == NUM_LEVEL) &&
	    strstr(key, "。") == NULL && strchr(key, ':') == NULL &&
	    !str_has_prefix(key, "※") && !str_has_prefix(key, "(");
}

/* Does a value point to an annex: "別表のとおり", "付表1に掲げる…"? */
static int
refers_to_annex(const char *v)
{
	static const char *const names[] = { "別表", "別紙", "付表", "別添",
	    NULL };
	static const char *const verbs[] = { "とおり", "に掲げる", "に記載",
	    "を参照", "参照", NULL };
	int name = 0, verb = 0;

	for (int i = 0; names[i]; i++)
		name |= strstr(v, names[i]) != NULL;
	for (int i = 0; verbs[i]; i++)
		verb |= strstr(v, verbs[i]) != NULL;
	return name && verb;
}

/*
 * Items kept in an annex the value points to ("別表のとおり", "別紙１
 * のとおり"): the lines under the annex's own heading further on.
 */
static void
annex_items_of(const struct ctx *x, const char *value, struct procedure *p,
    size_t after)
{
	static const char *const names[] = { "別表", "別紙", "付表", "別添",
	    NULL };

	char *nf = norm_nfkc(value, strlen(value));

	for (int n = 0; names[n]; n++) {
		const char *ref = strstr(nf, names[n]);
		char *name;
		size_t len;

		if (ref == NULL)
			continue;
		len = strlen(names[n]);
		while (isdigit((unsigned char)ref[len]) ||
		    str_has_prefix(ref + len, "第"))
			len += isdigit((unsigned char)ref[len]) ? 1 : 3;
		name = norm_strip_space(ref, len);
		for (size_t i = after + 1; i < x->n; i++) {
			struct buf list = BUF_INIT;
			const char *k = x->k[i]->key;

			/* the annex's own heading: its name, then no digit
			   (付表1 is not 付表12), not a reference to it */
			if (!str_has_prefix(k, name) ||
			    isdigit((unsigned char)k[strlen(name)]) ||
			    refers_to_annex(k))
				continue;
			for (size_t j = i + 1; j < x->n && j < i + 60; j++) {
				const char *k = x->k[j]->key;
				const char *t = x->k[j]->text;

				if (*k == '\0' || !is_list_line(x->k[j])) {
					if (list.len > 0)
						break;
					continue;	/* a title, (対象者：…) */
				}
				t = skip_bullet(t);
				t += numbering_len(t);
				buf_printf(&list, "%s%s", list.len ? "\n" : "", t);
			}
			if (list.len > 0) {
				char *clean = clean_list(list.data, FIELD_ITEMS);

				parse_items(clean, &p->data_items);
				free(clean);
				set_line(&p->data_items_line, &p->data_items,
				    x->k[i]->line);
			}
			buf_free(&list);
			break;
		}
		free(name);
		if (p->data_items.n > 0)
			break;
	}
	free(nf);
}

/* Does a fact choose 再委託 on a form ("[再委託する]", "有")? */
static int
chooses_subcontract(const struct fact *f)
{
	char *k;
	int yes;

	if (strstr(f->label, "再委託") == NULL)
		return 0;
	k = strip_ws(f->value);
	yes = strstr(k, "再委託する") != NULL && strstr(k, "再委託しない") ==
	    NULL;
	yes |= (strcmp(k, "有") == 0 || strcmp(k, "あり") == 0 ||
	    str_has_prefix(k, "有(") || str_has_prefix(k, "あり("));
	free(k);
	return yes;
}

/* A bracketed sub-label at the start of s: "（対象者）", "【項目】". */
static size_t
sublabel_len(const char *s, char **label)
{
	static const char *const pairs[][2] = { { "(", ")" }, { "（", "）" },
	    { "【", "】" }, { "[", "]" }, { "〔", "〕" }, { "《", "》" } };

	*label = NULL;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *close;

		if (!str_has_prefix(s, pairs[i][0]) ||
		    (close = strstr(s, pairs[i][1])) == NULL ||
		    close - s > 3 * 12 + 3)
			continue;
		*label = xstrndup(s + strlen(pairs[i][0]), (size_t)(close - s) -
		    strlen(pairs[i][0]));
		return (size_t)(close - s) + strlen(pairs[i][1]);
	}
	return 0;
}

/* A line that is only a note in brackets: "（プライバシーマーク…）". */
static int
is_note_line(const char *s)
{
	size_t n = strlen(s);

	return (s[0] == '(' && n > 1 && s[n - 1] == ')' &&
	    strchr(s + 1, '(') == NULL) || (str_has_prefix(s, "（") &&
	    str_has_suffix(s, "）") && strstr(s + 3, "（") == NULL);
}

/* "児童に関する項目", "[^1]: …": a list's group heading or footnote. */
static int
is_list_furniture(const char *line)
{
	char *bare = strip_ws(line);
	int yes = str_has_suffix(bare, "に関する項目") ||
	    str_has_suffix(bare, "に係る項目") || str_has_prefix(bare, "[^");

	free(bare);
	return yes;
}

/* A line that introduces a list rather than being part of it. */
static int
is_list_intro(const char *line)
{
	static const char *const ends[] = { "次の項目", "次のとおり",
	    "以下のとおり", "下記のとおり", "とおり", "次のもの", NULL };
	char *bare = strip_ws(line);
	size_t n = strlen(bare);
	int yes = 0;

	if (n >= 3 && strcmp(bare + n - 3, "。") == 0)
		bare[n - 3] = '\0';
	for (int i = 0; ends[i] && !yes; i++)
		yes = str_has_suffix(bare, ends[i]);
	free(bare);
	return yes;
}

static const char *
skip_bullet(const char *s)
{
	static const char *const marks[] = { "●", "・", "○", "■", "□", "◆",
	    "◇", "-", "*", "＊", NULL };

	for (;;) {
		int moved = 0;

		while (*s == ' ' || str_has_prefix(s, "\xe3\x80\x80"))
			s += *s == ' ' ? 1 : 3, moved = 1;
		for (int i = 0; marks[i]; i++)
			if (str_has_prefix(s, marks[i])) {
				s += strlen(marks[i]);
				moved = 1;
				break;
			}
		if (!moved)
			return s;
	}
}

/*
 * A list value cleaned of what is not in the list: bullets and
 * numbering, lines that introduce it (…次の項目), notes (※…), sentences,
 * sub-labels that say whom it is about (（対象者）…) — one that says
 * 項目 is dropped and its line kept — and a line that is only a note in
 * brackets goes with the line before it.  New string.
 */
static char *
clean_list(const char *value, enum field_id f)
{
	struct buf out = BUF_INIT;
	const char *p = value;
	size_t lines = 1;

	for (const char *q = value; *q; q++)
		lines += *q == '\n';
	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *label;
		const char *s;
		size_t len = n;

		while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		s = skip_bullet(line);
		size_t sl;

		s += numbering_len(s);
		sl = sublabel_len(s, &label);
		if (label != NULL && f == FIELD_ITEMS &&
		    strstr(label, "項目") == NULL) {
			if (strstr(label, "対象") || strstr(label, "範囲") ||
			    strstr(label, "媒体") || strstr(label, "件数"))
				s = "";
		} else if (label != NULL && f == FIELD_ITEMS && s[sl] != '\0' &&
		    !str_has_prefix(s, "《"))
			s += sl;	/* "（項目）世帯番号、…" (《項目》 stays) */
		if (f == FIELD_CONSIGNEES && out.len > 0 &&
		    !is_organisation_like(s) && !(s[0] == '(' ||
		    str_has_prefix(s, "（"))) {
			free(line);
			free(label);
			break;	/* the names have ended ("再委託", "なし") */
		}
		if (lines > 1 && (*s == '\0' || str_has_prefix(s, "※") ||
		    is_list_intro(s) || (f == FIELD_ITEMS &&
		    (str_has_suffix(s, "。") || is_list_furniture(s))))) {
			free(line);
			free(label);
			p += n + (p[n] == '\n');
			continue;
		}
		if (out.len > 0 && !is_note_line(s))
			buf_putc(&out, '\n');
		buf_puts(&out, s);
		free(line);
		free(label);
		p += n + (p[n] == '\n');
	}
	return buf_detach(&out);
}

/* Facts of a 再委託 within a 委託's block ("再委託先の名称", "再委託の
 *期間", "再委託する業務"): the 再委託 procedure's, when it has one. */
#define MAX_SUB_FACTS 32

struct sub_facts {
	size_t	v[MAX_SUB_FACTS];	/* indices into the facts */
	size_t	n;
};

static int
of_subcontract(const struct fact *f)
{
	char *k = strip_ws(f->label), *nf = norm_nfkc(k, strlen(k));
	int yes = str_has_prefix(skip_numbering(nf), "再委託") &&
	    (f->field == FIELD_WORK || f->field == FIELD_ITEMS ||
	    f->field == FIELD_PERIOD || f->field == FIELD_SUBCONTRACTORS);

	free(k);
	free(nf);
	return yes;
}

/* A field's from: the label it was read under. */
static void
set_origin(struct field *f, const char *label)
{
	char *by = label_origin(label);

	field_from(f, by);
	free(by);
}

/* Fill p from the facts of its span (or record). */
static void
fill_procedure(const struct ctx *x, const struct facts *fs,
    const struct proc_span *ps, const struct proc_spans *all,
    struct pcase *c, size_t pi, int *subcontract, struct sub_facts *sub_facts)
{
	struct procedure *p = &c->procs[pi];
	int title_from_work = 0;

	*subcontract = 0;
	sub_facts->n = 0;
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int inner = 0;

		if (ps->record >= 0 ? f->record != ps->record :
		    f->record >= 0 || f->at < ps->from || f->at >= ps->to)
			continue;
		/* a fact of a nested procedure section is that one's */
		for (size_t j = 0; j < all->n && ps->record < 0; j++)
			if (&all->v[j] != ps && all->v[j].record < 0 &&
			    all->v[j].from > ps->from && f->at >= all->v[j].from &&
			    f->at < all->v[j].to)
				inner = 1;
		if (inner)
			continue;
		if (chooses_subcontract(f))
			*subcontract = 1;
		if (p->type != PROC_SUBCONTRACT && of_subcontract(f) &&
		    sub_facts->n < MAX_SUB_FACTS) {
			sub_facts->v[sub_facts->n++] = i;	/* 再委託の期間 … */
			if (f->field != FIELD_SUBCONTRACTORS)
				continue;
		}
		if (f->field == FIELD_WORK && (p->title.value == NULL ||
		    !title_from_work)) {
			char *t = first_line(f->value), *ct = clean_title(t, 0);

			field_set(&p->title, ct, f->line);
			set_origin(&p->title, f->label);
			free(t);
			free(ct);
			title_from_work = 1;
		} else if (f->field == FIELD_SUBJECT && (ps->title_at == f->at ||
		    (p->title.value == NULL && ps->record < 0 &&
		    f->at > ps->from))) {
			char *t = first_line(f->value), *ct = clean_title(t, 0);

			field_set(&p->title, ct, f->line);
			set_origin(&p->title, f->label);
			free(t);
			free(ct);
			/* a sheet's own 件名 is its title */
			title_from_work |= ps->title_at == f->at;
		} else if (f->field == FIELD_SUBCONTRACTORS ||
		    (f->field == FIELD_NONE && strstr(f->label, "再委託"))) {
			if (f->field == FIELD_SUBCONTRACTORS)
				apply_row(c, p, f->label, f->value, f->line);
			subcontractor_in_value(f->value, &p->subcontractors);
			set_line(&p->subcontractors_line, &p->subcontractors,
			    f->line);
		} else if (f->field == FIELD_ITEMS && refers_to_annex(f->value)) {
			annex_items_of(x, f->value, p, f->at);
		} else if (f->field == FIELD_SUBJECTS) {
			continue;	/* the case's */
		} else if (f->field == FIELD_ITEMS ||
		    f->field == FIELD_CONSIGNEES) {
			char *v = clean_list(f->value, f->field);

			apply_row(c, p, f->label, v, f->line);
			free(v);
		} else
			apply_row(c, p, f->label, f->value, f->line);
		p = &c->procs[pi];
	}
	if (ps->record < 0 && (p->type == PROC_OUTSOURCE ||
	    p->type == PROC_SUBCONTRACT) && p->consignees.n == 0 &&
	    p->type != PROC_SUBCONTRACT)
		organisations_in_prose(x, p, ps->from, ps->to);
	if (ps->record < 0 && p->type == PROC_SUBCONTRACT)
		subcontract_from_prose(x, ps->from + 1, ps->to, p);
	else if (ps->prose)
		procedure_from_prose(x, ps->from + 1, ps->to, &c->procs[pi]);
}

/* Text after a leading "諮問第31号" and the space after it. */
static const char *
after_case_header(const char *t)
{
	char *nf = norm_nfkc(t, strlen(t)), *num;
	const char *w = case_header(nf, &num), *p = t;

	free(nf);
	if (w == NULL)
		return t;
	free(num);
	if ((p = strstr(t, "号")) == NULL)
		return t;
	p += strlen("号");
	while (*p == ' ' || str_has_prefix(p, "\xe3\x80\x80"))
		p += *p == ' ' ? 1 : 3;
	return p;
}

/*
 * A procedure's title from its section heading: "（２）外部提供　食物
 * アレルギー…への提供" names the type, then the subject after a gap.
 */
static void
heading_title(const struct node *h, struct procedure *p)
{
	const char *t = h->text, *gap;
	char *title;

	while (*t == ' ' || str_has_prefix(t, "\xe3\x80\x80"))
		t += *t == ' ' ? 1 : 3;
	t += numbering_len(t);
	t = after_case_header(t);
	gap = strstr(t, "\xe3\x80\x80");
	if (gap == NULL)
		gap = strstr(t, "  ");
	if (gap != NULL && gap > t) {
		char *first = xstrndup(t, (size_t)(gap - t));
		int names_type = section_type(first) >= 0;

		free(first);
		if (names_type) {
			while (*gap == ' ' || str_has_prefix(gap,
			    "\xe3\x80\x80"))
				gap += *gap == ' ' ? 1 : 3;
			t = gap;
		}
	}
	title = clean_title(t, 0);
	if (*title) {
		field_set(&p->title, title, h->line);
		field_from(&p->title, "rule the section's heading");
	}
	free(title);
}

/*
 * A 再委託 beside procedure p: its consignees, its own subcontractors,
 * and what the 再委託's own labels say (its work, items, period).
 */
static void
add_subcontract(struct pcase *c, size_t pi, const struct facts *fs,
    const struct sub_facts *sf)
{
	struct procedure *sub = case_add_procedure(c, PROC_SUBCONTRACT);
	struct procedure *p = &c->procs[pi];

	sub->line = p->line;
	for (size_t i = 0; i < sf->n; i++) {
		const struct fact *f = &fs->v[sf->v[i]];

		if (f->field == FIELD_WORK && sub->title.value == NULL) {
			char *t = first_line(f->value);

			field_set(&sub->title, t, f->line);
			set_origin(&sub->title, f->label);
			free(t);
		} else if (f->field != FIELD_SUBCONTRACTORS) {
			char *v = f->field == FIELD_ITEMS ?
			    clean_list(f->value, f->field) : xstrdup(f->value);

			apply_row(c, sub, f->label, v, f->line);
			free(v);
		}
	}
	if (sub->title.value == NULL) {
		field_set(&sub->title, p->title.value, p->title.line);
		field_from(&sub->title, p->title.from);
	}
	for (size_t j = 0; j < p->consignees.n; j++)
		strlist_push(&sub->consignees, p->consignees.v[j]);
	sub->consignees_line = p->consignees_line;
	for (size_t j = 0; j < p->subcontractors.n; j++)
		strlist_push(&sub->subcontractors, p->subcontractors.v[j]);
	sub->subcontractors_line = p->subcontractors_line;
}

/* A 再委託 inherits the consignees of the 委託 before it. */
static void
inherit_consignees(struct pcase *c)
{
	for (size_t i = 1; i < c->nprocs; i++) {
		struct procedure *p = &c->procs[i];

		if (p->type != PROC_SUBCONTRACT || p->consignees.n > 0)
			continue;
		for (size_t j = i; j-- > 0; )
			if (c->procs[j].type == PROC_OUTSOURCE &&
			    c->procs[j].consignees.n > 0) {
				for (size_t m = 0; m < c->procs[j].consignees.n;
				    m++)
					strlist_push(&p->consignees,
					    c->procs[j].consignees.v[m]);
				p->consignees_line = c->procs[j].consignees_line;
				break;
			}
	}
}

static int
has_facts(const struct procedure *p)
{
	return p->consignees.n > 0 || p->subcontractors.n > 0 ||
	    p->data_items.n > 0 || p->partner.value != NULL ||
	    p->period_start.value != NULL || p->title.value != NULL;
}

static void
case_procedures(const struct ctx *x, const struct facts *fs,
    const struct span *s, struct pcase *c)
{
	struct proc_spans ps = { NULL, 0 };

	if (s->record >= 0)
		add_proc_span(&ps, s->from, s->to, -1, s->record, NULL);
	for (size_t r = 0; r < fs->nrec && s->record < 0; r++)
		if (!fs->rec[r].is_case && fs->rec[r].at >= s->from &&
		    fs->rec[r].at < s->to)
			add_proc_span(&ps, fs->rec[r].at, fs->rec[r].end, -1,
			    (int)r, NULL);
	if (ps.n == 0 && s->record < 0)
		block_procedures(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		sheet_procedures(fs, s->from, s->to,
		    cover_subject(x, fs, s) != NULL, &ps);
	if (ps.n == 0 && s->record < 0) {
		section_procedures(x, fs, s->from, s->to, &ps);
		if (ps.n > 0 && uncovered_facts(fs, &ps, s->from, s->to))
			implicit_first(&ps, s->from, s->to);
	}
	if (ps.n == 0 && span_has_fact(fs, s->from, s->to))
		add_proc_span(&ps, s->from, s->to, -1, -1, NULL);
	if (ps.n == 0 && s->record < 0 && c->title.value != NULL &&
	    type_from_words(c->title.value) != PROC_OTHER &&
	    type_from_words(c->title.value) != PROC_ASSESSMENT) {
		/* no labelled fact: the title names it, sentences state it */
		add_proc_span(&ps, s->from, s->to,
		    (int)type_from_words(c->title.value), -1, NULL);
		ps.v[0].prose = 1;
	}
	if (ps.n > 0 && s->record < 0 && only_subcontracts(&ps) &&
	    c->title.value != NULL && strstr(c->title.value, "委託")) {
		/* a 再委託 is of a 委託: the case's, stated in sentences */
		implicit_first(&ps, s->from, s->to);
		ps.v[0].type = PROC_OUTSOURCE;
		ps.v[0].prose = 1;
	}
	for (size_t i = 0; i < ps.n && getenv("PICORPUS_DEBUG_FACTS"); i++)
		fprintf(stderr, "span %s: lines %d-%d type %d record %d\n",
		    x->src->path, x->k[ps.v[i].from]->line,
		    x->k[ps.v[i].to - 1]->line, ps.v[i].type, ps.v[i].record);
	for (size_t i = 0; i < ps.n; i++) {
		struct proc_span *sp = &ps.v[i];
		struct sub_facts sub_facts;
		struct procedure *p;
		size_t pi;
		int sub;

		if (sp->type < 0)
			sp->type = type_of_facts(fs, sp, sp->heading ?
			    sp->heading : sp->title_at ? fact_value_at(fs,
			    sp->title_at) : c->title.value);
		if (sp->type == PROC_OTHER && sp->record >= 0)
			sp->type = type_of_facts(fs, sp, c->title.value);
		pi = c->nprocs;
		p = case_add_procedure(c, (enum proc_type)sp->type);
		p->line = x->k[sp->from < x->n ? sp->from : x->n - 1]->line;
		if (sp->title_at > 0 && is_block_start(x->k[sp->title_at]))
			block_title(x->k[sp->title_at], &c->procs[pi]);
		fill_procedure(x, fs, sp, &ps, c, pi, &sub, &sub_facts);
		p = &c->procs[pi];
		if (p->title.value == NULL && ps.n == 1) {
			field_set(&p->title, c->title.value, c->title.line);
			field_from(&p->title, "rule the case's title");
		}
		else if (p->title.value == NULL && sp->heading != NULL &&
		    p->type != PROC_SUBCONTRACT)
			heading_title(x->k[sp->from], p);
		if (sub && p->type == PROC_OUTSOURCE)
			add_subcontract(c, pi, fs, &sub_facts);
		if (!has_facts(&c->procs[pi]) && c->procs[pi].type == PROC_OTHER)
			c->nprocs--;	/* nothing stated: not a procedure */
	}
	inherit_consignees(c);
	free(ps.v);
}

/* ---- driver ---- */

static struct pcase *
read_case(struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs)
{
	size_t last = s->to > s->from ? s->to : s->from + 1;
	struct pcase *c;

	if (last > x->n)
		last = x->n;
	c = new_case(x, case_kind(x, sp, s, fs), s->from, last);
	if (s->record >= 0)
		c->line_start = x->k[fs->rec[s->record].at]->line;
	if (s->number != NULL) {
		field_set(&c->number, s->number, x->k[s->from]->line);
		field_from(&c->number, "rule 諮問第N号 header");
	}
	case_title(x, s, fs, c);
	if (s->number == NULL)
		case_number(x, s, fs, c);
	case_date(x, sp, s, fs, c);
	case_department(x, sp, s, fs, c);
	case_basis(x, sp, s, fs, c);
	case_count(x, s, fs, c);
	case_procedures(x, fs, s, c);
	return c;
}

size_t
extract_labelled(struct ctx *x, struct case_list *out)
{
	struct facts fs = { NULL, 0, NULL, 0 };
	struct spans sp;
	size_t added = 0;

	if (next_nonblank(x, 0) >= x->n)
		return 0;
	read_facts(x, &fs);
	if (getenv("PICORPUS_DEBUG_FACTS"))
		for (size_t i = 0; i < fs.n; i++)
			fprintf(stderr, "fact %s:%d %s [%s] = %s (rec %d)\n",
			    x->src->path, fs.v[i].line, field_name(fs.v[i].field),
			    fs.v[i].label, fs.v[i].value, fs.v[i].record);
	find_cases(x, &fs, &sp);
	for (size_t i = 0; i < sp.n; i++) {
		struct pcase *c = read_case(x, &sp, &sp.v[i], &fs);

		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = c;
		added++;
	}
	spans_free(&sp);
	facts_free(&fs);
	return added;
}
