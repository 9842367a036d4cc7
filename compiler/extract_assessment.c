/*
 * extract_assessment.c — the assessment report family (特定個人情報保護
 * 評価書): 評価書番号/評価書名, 公表日, ①部署, 法令上の根拠, and one
 * procedure per 委託事項 (plus 再委託 when ④ says 再委託する).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "extract_int.h"
#include "normalize.h"

/* ---- assessment layout ---- */

static void
assessment_header(struct ctx *x, struct pcase *c)
{
	for (size_t i = 0; i < x->n; i++) {
		const char *k = x->k[i]->key;

		if (str_has_prefix(k, "評価書番号") && c->title.value == NULL) {
			size_t v = next_nonblank(x, i + 1);
			char *num, *title;

			if (v >= x->n)
				continue;
			num = digits_at(x->k[v]->key);
			title = tab_value(x, v);
			field_set(&c->number, num, x->k[v]->line);
			if (title != NULL)
				field_set(&c->title, title, x->k[v]->line);
			free(num);
			free(title);
		} else if (strcmp(k, "公表日") == 0 && c->date.value == NULL) {
			size_t v = next_nonblank(x, i + 1);

			date_in_lines(x, v, v + 1, &c->date);
		} else if (str_has_prefix(k, "1部署") &&	/* ①部署 after NFKC */
		    c->department.value == NULL) {
			field_set(&c->department, k + strlen("1部署"),
			    x->k[i]->line);
		}
	}
}

/* A 委託事項N row with a title; *title receives it. */
static int
is_entrustment(const struct ctx *x, size_t i, char **title)
{
	const char *k = x->k[i]->key;

	*title = NULL;
	if (!str_has_prefix(k, "委託事項") ||
	    !isdigit((unsigned char)k[strlen("委託事項")]))
		return 0;
	if ((*title = tab_value(x, i)) != NULL && **title != '\0')
		return 1;
	free(*title);
	*title = NULL;
	return 0;
}

/* Where a 委託事項 block ends: the next one, or the next section. */
static size_t
entrustment_end(const struct ctx *x, size_t from)
{
	char *t;

	for (size_t i = from + 1; i < x->n; i++) {
		const char *k = x->k[i]->key;

		if (str_has_prefix(k, "委託事項") ||
		    str_has_prefix(k, "(別添") ||
		    (isdigit((unsigned char)k[0]) && k[1] == '.'))
			return i;
		if (is_entrustment(x, i, &t)) {
			free(t);
			return i;
		}
	}
	return x->n;
}

static int
says_subcontracted(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strstr(x->k[i]->key, "再委託の有無") != NULL) {
			char *chosen = read_selection(x->k[i]->text);
			int yes = chosen != NULL && strcmp(chosen, "再委託する") == 0;

			free(chosen);
			return yes;
		}
	return 0;
}

static void
assessment_procedures(struct ctx *x, struct pcase *c)
{
	char *title;

	for (size_t i = 0; i < x->n; i++) {
		size_t end;
		struct procedure *p, *sub;
		int line = x->k[i]->line;

		if (!is_entrustment(x, i, &title))
			continue;
		end = entrustment_end(x, i);
		p = case_add_procedure(c, PROC_OUTSOURCE);
		p->line = line;
		field_set(&p->title, title, line);
		apply_rows(x, c, p, i + 1, end);
		if (says_subcontracted(x, i, end)) {
			sub = case_add_procedure(c, PROC_SUBCONTRACT);
			p = &c->procs[c->nprocs - 2];	/* after realloc */
			sub->line = line;
			field_set(&sub->title, title, line);
			for (size_t j = 0; j < p->consignees.n; j++)
				strlist_push(&sub->consignees, p->consignees.v[j]);
			sub->consignees_line = p->consignees_line;
		}
		free(title);
		i = end - 1;
	}
}

/* Is row i the basis on which a partner receives (提供先１ then
 * ①法令上の根拠), not the basis of the office's own use? */
static int
is_partners_basis(const struct ctx *x, size_t i)
{
	const char *above;

	if (i == 0 || x->k[i]->line - x->k[i - 1]->line > 2)
		return 0;
	above = skip_numbering(x->k[i - 1]->key);
	return str_has_prefix(above, "提供先") ||
	    str_has_prefix(above, "移転先");
}

size_t
extract_assessment(struct ctx *x, struct case_list *out)
{
	struct pcase *c = new_case(x, "評価書", 0, x->n);

	assessment_header(x, c);
	for (size_t i = 0; i < x->n; i++)
		if (str_has_prefix(skip_numbering(x->k[i]->key),
		    "法令上の根拠") && !is_partners_basis(x, i)) {
			cite_scan(x->k[i]->text, NULL, "番号法",
			    &c->legal_basis);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    x->k[i]->line);
		}
	assessment_procedures(x, c);
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = c;
	return 1;
}
