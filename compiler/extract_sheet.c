/*
 * extract_sheet.c — the sheet family (付議事項, 諮問・報告事項): a cover
 * with 件名, 要綱/条例の根拠 and 担当部課, then one sheet per procedure
 * of label<TAB>value rows.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "extract_int.h"
#include "normalize.h"

/* ---- sheet layout ---- */

static const char *
sheet_kind(const struct ctx *x, size_t cover, size_t end)
{
	size_t from = cover > 6 ? cover - 6 : 0;

	for (size_t i = from; i < end; i++)
		if (strstr(x->k[i]->key, "【報告】"))
			return "報告";
	for (size_t i = from; i <= cover; i++) {
		if (strstr(x->k[i]->key, "付議"))
			return "付議";
		if (strstr(x->k[i]->key, "諮問"))
			return "諮問";
		if (strstr(x->k[i]->key, "報告"))
			return "報告";
	}
	return "その他";
}

/* Value of a 件名 line: after the TAB, or after "件名" and spaces. */
static char *
subject_value(const struct ctx *x, size_t i)
{
	char *v = tab_value(x, i);
	const char *t;

	if (v != NULL)
		return v;
	t = x->k[i]->text;
	t = strstr(t, "名");
	return xstrdup(t ? t + strlen("名") : x->k[i]->text);
}

static void
add_sheet(struct ctx *x, struct pcase *c, size_t at, size_t end)
{
	char *raw = subject_value(x, at), *title = clean_title(raw, 0);
	enum proc_type t = type_from_words(title);
	struct procedure *p;

	if (t == PROC_OTHER || t == PROC_OUTSOURCE) {
		for (size_t i = at + 1; i < end; i++)
			if (str_has_prefix(x->k[i]->key, "結合の相手方"))
				t = PROC_LINK;
			else if (t == PROC_OTHER && str_has_prefix(x->k[i]->key,
			    "記録される情報項目"))
				t = PROC_RECORD;
	}
	p = case_add_procedure(c, t);
	p->line = x->k[at]->line;
	field_set(&p->title, title, p->line);
	apply_rows(x, c, p, at + 1, end);
	if (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT)
		organisations_in_prose(x, p, at + 1, end);
	free(raw);
	free(title);
}

static size_t
extract_sheet_case(struct ctx *x, size_t cover, size_t end,
    struct case_list *out)
{
	size_t first_sheet = end;
	struct pcase *c;
	char *raw, *title;

	for (size_t i = cover + 1; i < end; i++)
		if (is_subject_line(x->k[i])) {
			first_sheet = i;
			break;
		}
	c = new_case(x, sheet_kind(x, cover, first_sheet), cover, end);
	raw = subject_value(x, cover);
	title = clean_title(raw, 1);
	field_set(&c->title, title, x->k[cover]->line);
	free(raw);
	free(title);
	department_in_lines(x, cover, first_sheet, &c->department);
	cover_basis(x, cover, first_sheet, c);
	cover_subjects(x, c, cover, first_sheet);
	subjects_in_lines(x, cover, first_sheet, c);
	for (size_t i = first_sheet; i < end; i++) {
		size_t j = i + 1;

		if (!is_subject_line(x->k[i]))
			continue;
		while (j < end && !is_subject_line(x->k[j]))
			j++;
		add_sheet(x, c, i, j);
		i = j - 1;
	}
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = c;
	return 1;
}

/*
 * Is line i a new agenda item's cover rather than a sheet: a heading
 * such as "…付議事項" or "諮問・報告事項" stands just above it?
 */
static int
follows_agenda_header(const struct ctx *x, size_t i)
{
	static const char *const heads[] = { "付議事項", "報告事項", "諮問事項",
	    "審議事項", NULL };
	int seen = 0;

	while (i-- > 0 && seen < 3) {
		if (is_blank(x->k[i]))
			continue;
		for (int h = 0; heads[h]; h++)
			if (strstr(x->k[i]->key, heads[h]) != NULL)
				return 1;
		seen++;
	}
	return 0;
}

/*
 * A cover is a 件名 row with a TAB, the first of the file or one under an
 * agenda heading; its sheets follow until the next cover.
 */
size_t
extract_sheets(struct ctx *x, struct case_list *out)
{
	size_t added = 0, cover = x->n;

	for (size_t i = 0; i <= x->n; i++) {
		int is_cover = i < x->n && is_subject_line(x->k[i]) &&
		    strchr(x->k[i]->text, '\t') != NULL &&
		    (cover == x->n || follows_agenda_header(x, i));

		if (i < x->n && !is_cover)
			continue;
		if (cover < x->n)
			added += extract_sheet_case(x, cover, i, out);
		cover = i;
	}
	return added;
}
