/*
 * extract_consultation.c — the numbered consultation family (諮問第N号): a
 * letter (number, date, legal basis, title after 記), numbered sections
 * (1 委託の件名 … 13 委託先), 第N groups as procedures, and a trailing
 * その他報告資料 report.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "extract_int.h"
#include "normalize.h"

/* ---- consultation layout ---- */

/* The line after the "記" line, or the first non-blank one. */
static size_t
title_after_ki(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strcmp(x->k[i]->key, "記") == 0)
			return next_nonblank(x, i + 1);
	return to;
}

/*
 * A title broken over lines by the PDF: join the lines from t on until
 * one ends the title (…について, …の件) or a subtitle in brackets or a
 * blank line follows.
 */
static char *
title_lines(const struct ctx *x, size_t t, size_t end)
{
	struct buf b = BUF_INIT;

	for (size_t i = t; i < end && i < t + 4; i++) {
		const char *k = x->k[i]->key;

		if (i > t && (*k == '\0' || *k == '(' ||
		    is_consultation_header(k, NULL)))
			break;
		buf_puts(&b, x->k[i]->text);
		if (str_has_suffix(k, "について") || str_has_suffix(k, "件") ||
		    str_has_suffix(k, "。") || str_has_suffix(k, ")"))
			break;
	}
	return buf_detach(&b);
}

/* A line that names a department: short and ending in 課/部/室/担当. */
static int
is_department(const char *key)
{
	return strlen(key) < 200 && !isdigit((unsigned char)key[0]) &&
	    (str_has_suffix(key, "課") || str_has_suffix(key, "室") ||
	    str_has_suffix(key, "担当") || str_has_suffix(key, "部"));
}

static void
consultation_department(const struct ctx *x, size_t from, size_t to,
    struct pcase *c)
{
	int seen_header = 0;

	for (size_t i = from + 1; i < to; i++) {
		if (is_consultation_header(x->k[i]->key, NULL))
			seen_header = 1;
		else if (seen_header && is_department(x->k[i]->key)) {
			struct buf all = BUF_INIT;
			size_t j = i;

			/* several departments, one per line, joined with 、 */
			for (; j < to && is_department(x->k[j]->key);
			    j = next_nonblank(x, j + 1))
				buf_printf(&all, "%s%s", all.len ? "、" : "",
				    x->k[j]->key);
			field_set(&c->department, all.data, x->k[i]->line);
			buf_free(&all);
			return;
		}
	}
}

/* Is line i a heading numbered in form f (第1, 1, (1) …)? */
static int
is_heading(const struct ctx *x, size_t i, enum number_form f)
{
	return x->k[i]->kind == NODE_HEADING && x->k[i]->form == f;
}

/* Where the section of heading i ends, within [.., to). */
static size_t
section_end(const struct ctx *x, size_t i, size_t to)
{
	size_t end = node_span_end(x->k[i]);

	return end < to ? end : to;
}

/* The value under a numbered heading such as "1 委託の件名". */
static char *
section_value(const struct ctx *x, size_t from, size_t to, const char *label)
{
	for (size_t i = from; i < to; i++) {
		size_t v;

		if (!is_heading(x, i, NUM_ARABIC) ||
		    strcmp(x->k[i]->label, label) != 0)
			continue;
		v = next_nonblank(x, i + 1);
		if (v < section_end(x, i, to))
			return strip_ws(x->k[v]->text);
	}
	return NULL;
}

/*
 * "（１）スキャナ読取り　　株式会社としまシステムサービス": the name after
 * a wide gap (two or more spaces) on a sub-heading line, if it reads like
 * an organisation.
 */
/* Bytes of the space at p: 1 for ' ', 3 for U+3000, else 0. */
static int
space_width(const char *p)
{
	return *p == ' ' ? 1 : str_has_prefix(p, "\xe3\x80\x80") ? 3 : 0;
}

static char *
name_after_gap(const char *text)
{
	const char *p = text, *gap = NULL;

	for (; *p; p++) {
		int sp = space_width(p);

		if (sp > 0 && space_width(p + sp) > 0)
			gap = p;
	}
	if (gap == NULL)
		return NULL;
	while (space_width(gap) > 0)
		gap += space_width(gap);
	return is_organisation_like(gap) ? xstrdup(gap) : NULL;
}

/* The last non-empty cell of a pipe-table row, or NULL for a rule. */
static char *
pipe_row_value(const char *text)
{
	const char *end = text + strlen(text), *bar;
	char *cell, *t;

	if (strspn(text, "|-: ") == strlen(text))
		return NULL;
	while (end > text && (end[-1] == ' ' || end[-1] == '|'))
		end--;
	for (bar = end; bar > text && bar[-1] != '|'; bar--)
		;
	cell = xstrndup(bar, (size_t)(end - bar));
	t = strip_ws(cell);
	free(cell);
	return t;
}

static int
ends_sentence(const char *key)
{
	return str_has_suffix(key, "。");
}

/* A line that starts with a bullet or stray numbering mark. */
static int
is_bullet(const char *s)
{
	static const char *const marks[] = { "・", "．", ".", "-", "●", "○",
	    "◆", "◇", "■", "□", "※", NULL };

	return str_has_any_prefix(s, marks);
}

/* "…業務" or "…業務（新規）": the name of a work, heading a list. */
static int
is_work_heading(const char *s)
{
	const char *last = NULL, *p = s;

	while ((p = strstr(p, "業務")) != NULL)
		last = p++;
	if (last == NULL)
		return 0;
	last += strlen("業務");
	return *last == '\0' || ((*last == '(' || str_has_prefix(last, "（")) &&
	    (str_has_suffix(last, ")") || str_has_suffix(last, "）")) &&
	    strstr(last, "、") == NULL);
}

/* Drop a short "従来の項目：" style label before a list. */
static const char *
after_list_label(const char *key)
{
	const char *colon = strstr(key, "：");

	if (colon == NULL)
		colon = strstr(key, ":");
	if (colon == NULL || colon - key > 3 * 12 || colon == key)
		return key;
	for (const char *p = key; p < colon; p++)
		if (str_has_prefix(p, "、"))
			return key;
	return colon + (*colon == ':' ? 1 : strlen("："));
}

/* Keep a value line of a section?  Item lists are picky. */
static int
keep_value_line(enum field_id f, const char *key, const char *prev_key)
{
	if (strcmp(key, "なし") == 0)
		return 0;
	if (f != FIELD_ITEMS)
		return f == FIELD_PERIOD || !ends_sentence(key);
	if (ends_sentence(key))
		return 0;
	if (is_bullet(key) && strstr(key, "、") == NULL)
		return 0;	/* a bullet heading, not a list */
	if (is_work_heading(key))
		return 0;
	if (after_list_label(key) != key)
		return 1;	/* "新たな項目：…" */
	return strstr(key, "、") != NULL ||
	    (prev_key != NULL && str_has_suffix(prev_key, "もの"));
}

/*
 * The paragraph starting at line i of a section: consecutive non-blank
 * lines joined without a break (PDF wraps lines inside list items), or
 * the last cell of a table row.  Returns the line after it.
 */
static size_t
section_paragraph(const struct ctx *x, size_t i, size_t to, struct buf *para)
{
	const char *k = x->k[i]->key;
	char *cell;

	buf_truncate(para, 0);
	if (strchr(x->k[i]->text, '\t') != NULL ||
	    *(k + (*k == '-')) == '|') {
		cell = strchr(x->k[i]->text, '\t') ?
		    xstrdup(strrchr(x->k[i]->text, '\t') + 1) :
		    pipe_row_value(x->k[i]->text);
		if (cell != NULL) {
			char *key = strip_ws(cell);

			buf_puts(para, key);
			free(key);
		}
		free(cell);
		return i + 1;
	}
	for (; i < to && *x->k[i]->key != '\0'; i++) {
		char *line;

		k = x->k[i]->key;
		if (para->len > 0 && (x->k[i]->kind == NODE_HEADING ||
		    is_bullet(k) || strchr(x->k[i]->text, '\t') != NULL))
			break;
		line = strip_ws(x->k[i]->text);	/* display form */
		buf_puts(para, line);
		free(line);
		if (str_has_suffix(k, "。") || str_has_suffix(k, "もの") ||
		    strcmp(k, "なし") == 0)
			return i + 1;
	}
	return i;
}

/* Gather an item list section: paragraphs that hold lists. */
static void
section_items(const struct ctx *x, size_t h, size_t to, struct buf *value)
{
	struct buf para = BUF_INIT;
	char *prev = NULL;
	size_t i = h + 1;

	while (i < to) {
		const char *k = x->k[i]->key;

		if (is_heading(x, i, NUM_PAREN) && strstr(k, "件数") != NULL)
			break;		/* (2) 件数: the counts, not items */
		if (*k == '\0' || x->k[i]->kind == NODE_HEADING) {
			i++;
			continue;
		}
		i = section_paragraph(x, i, to, &para);
		if (para.len == 0)
			continue;
		if (keep_value_line(FIELD_ITEMS, para.data, prev)) {
			buf_puts(value, after_list_label(para.data));
			buf_putc(value, '\n');
		}
		free(prev);
		prev = xstrdup(para.data);
	}
	free(prev);
	buf_free(&para);
}

/* Gather the value of the section whose heading is line h. */
static void
section_value_text(const struct ctx *x, size_t h, size_t to, enum field_id f,
    struct buf *value)
{
	const char *prev = NULL;

	if (f == FIELD_ITEMS) {
		section_items(x, h, to, value);
		return;
	}
	for (size_t i = h + 1; i < to; i++) {
		const char *k = x->k[i]->key, *text = x->k[i]->text;
		char *cell = NULL;

		if (*k == '\0')
			continue;
		if (is_heading(x, i, NUM_PAREN)) {
			if (strstr(k, "件数") != NULL)
				break;
			if ((f == FIELD_CONSIGNEES || f == FIELD_PARTNER) &&
			    (cell = name_after_gap(text)) != NULL) {
				buf_printf(value, "%s\n", cell);
				free(cell);
			}
			continue;
		}
		if (*(k + (*k == '-')) == '|' &&
		    (cell = pipe_row_value(text)) == NULL)
			continue;
		if ((f == FIELD_CONSIGNEES || f == FIELD_PARTNER) &&
		    !is_organisation_like(cell ? cell : k)) {
			free(cell);
			break;	/* the list of names has ended */
		}
		if (keep_value_line(f, k, prev)) {
			buf_puts(value, cell ? cell : text);
			buf_putc(value, '\n');
		}
		free(cell);
		prev = k;
	}
}

/*
 * An item list kept in an annex of the case: "別紙「個人情報の項目及び
 * 件数」のとおり" refers to a heading of that name further on, under
 * which "項目<TAB>…" rows hold the lists.
 */
static void
annex_items(const struct ctx *x, const struct buf *ref, struct procedure *p)
{
	const char *open = strstr(ref->data, "別紙「"), *close;
	char *name, *label, *value;
	size_t i;

	if (open == NULL || (close = strstr(open, "」")) == NULL)
		return;
	open += strlen("別紙「");
	name = norm_strip_space(open, (size_t)(close - open));
	for (i = x->case_from; i < x->case_to; i++)
		if (strcmp(x->k[i]->key, name) == 0)
			break;
	for (i++; i < x->case_to; i++) {
		if (!row_at(x, i, &label, &value))
			continue;
		if (label_field(label) == FIELD_ITEMS) {
			parse_items(value, &p->data_items);
			set_line(&p->data_items_line, &p->data_items,
			    x->k[i]->line);
		}
		free(label);
		free(value);
	}
	free(name);
}

/* Fill p from the numbered sections of lines [from, to). */
static void
consultation_sections(const struct ctx *x, struct pcase *c,
    struct procedure *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const char *label;
		enum field_id f;
		struct buf value = BUF_INIT;

		size_t end;

		if (!is_heading(x, i, NUM_ARABIC))
			continue;
		label = x->k[i]->label;
		if ((f = label_field(label)) <= FIELD_IGNORE)
			continue;
		end = section_end(x, i, to);
		section_value_text(x, i, end, f, &value);
		if (f == FIELD_ITEMS && value.len == 0) {
			struct buf ref = BUF_INIT;

			section_value_text(x, i, end, FIELD_PERIOD, &ref);
			if (ref.len > 0)
				annex_items(x, &ref, p);
			buf_free(&ref);
		}
		if (value.len > 0)
			apply_row(c, p, label, value.data, x->k[i]->line);
		buf_free(&value);
	}
}

static void
add_consultation_procedure(struct ctx *x, struct pcase *c, size_t at,
    size_t end, const char *heading)
{
	char *name = section_value(x, at, end, "委託の件名");
	enum proc_type t = type_from_words(heading);
	struct procedure *p;

	if (t == PROC_OTHER && name != NULL)
		t = PROC_OUTSOURCE;
	p = case_add_procedure(c, t);
	p->line = x->k[at]->line;
	if (name != NULL && (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT))
		field_set(&p->title, name, p->line);
	else if (heading != c->title.value)
		field_set(&p->title, heading, p->line);
	consultation_sections(x, c, p, at, end);
	if (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT)
		organisations_in_prose(x, p, at, end);
	free(name);
}

static void
consultation_procedures(struct ctx *x, struct pcase *c, size_t from,
    size_t to)
{
	size_t groups = 0;

	/* "第1 …について" groups: a procedure each */
	for (size_t i = from; i < to; i++) {
		size_t end;

		if (!is_heading(x, i, NUM_DAI))
			continue;
		end = section_end(x, i, to);
		add_consultation_procedure(x, c, i, end, x->k[i]->label);
		groups++;
		i = end - 1;
	}
	if (groups == 0 && c->title.value != NULL)
		add_consultation_procedure(x, c, from, to, c->title.value);
}

static struct pcase *
consultation_case(struct ctx *x, size_t start, size_t end, char *number)
{
	struct pcase *c = new_case(x, "諮問", start, end);
	size_t t = title_after_ki(x, start, end);

	x->case_from = start;
	x->case_to = end;
	field_set(&c->number, number, x->k[start]->line);
	date_in_lines(x, start + 1, next_nonblank(x, start + 1) + 1, &c->date);
	if (t < end) {
		char *joined = title_lines(x, t, end);
		char *title = clean_title(joined, 1);

		field_set(&c->title, title, x->k[t]->line);
		free(title);
		free(joined);
	}
	consultation_department(x, start, end, c);
	consultation_subjects(x, c, t < end ? t : start, end);
	cite_lines(x, start, t < end ? t : end, "規定に基づき", NULL, NULL, c);
	consultation_procedures(x, c, start, end);
	return c;
}

static int
is_other_report(const char *key)
{
	return strcmp(key, "その他報告資料") == 0 ||
	    strcmp(key, "その他の報告資料") == 0;
}

static struct pcase *
report_case(struct ctx *x, size_t start, size_t end)
{
	struct pcase *c = new_case(x, "報告", start, end);
	size_t t = next_nonblank(x, start + 1), d;

	if (t < end) {
		char *title = clean_title(x->k[t]->text, 0);

		field_set(&c->title, title, x->k[t]->line);
		free(title);
	}
	d = next_nonblank(x, t + 1);
	if (d < end && date_in_lines(x, d, d + 1, &c->date)) {
		size_t dep = next_nonblank(x, d + 1);

		if (dep < end && is_department(x->k[dep]->key))
			field_set(&c->department, x->k[dep]->key,
			    x->k[dep]->line);
	}
	return c;
}

/* Case starts: a 諮問第N号 with a new N, or その他報告資料. */
static int
case_start(const struct ctx *x, size_t i, const char *current, char **number)
{
	*number = NULL;
	if (is_other_report(x->k[i]->key))
		return 1;
	if (!is_consultation_header(x->k[i]->key, number))
		return 0;
	if (current != NULL && strcmp(current, *number) == 0) {
		free(*number);
		*number = NULL;
		return 0;
	}
	return 1;
}

size_t
extract_consultations(struct ctx *x, struct case_list *out)
{
	size_t start = x->n, added = 0;
	char *number = NULL, *cur = NULL;

	for (size_t i = 0; i <= x->n; i++) {
		if (i < x->n && !case_start(x, i, cur, &number))
			continue;
		if (start < x->n) {
			struct pcase *c = cur ? consultation_case(x, start, i,
			    cur) : report_case(x, start, i);

			out->v = xrealloc(out->v, (out->n + 1) *
			    sizeof(*out->v));
			out->v[out->n++] = c;
			added++;
		}
		free(cur);
		cur = number;
		number = NULL;
		start = i;
	}
	free(cur);
	return added;
}
