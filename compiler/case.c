/*
 * case.c — create, free and (de)serialise the case model of case.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char *const proc_names[PROC__MAX] = {
	"業務委託", "再委託", "外部結合", "電子計算機記録", "目的外利用",
	"外部提供", "本人外収集", "特定個人情報保護評価", "その他"
};

const char *
proc_type_name(enum proc_type t)
{
	return (unsigned)t < PROC__MAX ? proc_names[t] : "その他";
}

int
proc_type_from_name(const char *name)
{
	for (int i = 0; i < PROC__MAX; i++)
		if (name != NULL && strcmp(proc_names[i], name) == 0)
			return i;
	return -1;
}

struct pcase *
case_new(void)
{
	struct pcase *c = xcalloc(1, sizeof(*c));

	c->subjects_count = -1;
	return c;
}

static void
field_free(struct field *f)
{
	free(f->value);
	free(f->from);
	f->value = NULL;
	f->from = NULL;
}

static void
procedure_free(struct procedure *p)
{
	field_free(&p->title);
	field_free(&p->partner);
	field_free(&p->period_start);
	field_free(&p->period_end);
	strlist_free(&p->consignees);
	strlist_free(&p->subcontractors);
	strlist_free(&p->data_items);
	free(p->consignees_from);
	free(p->subcontractors_from);
	free(p->data_items_from);
}

void
case_free(struct pcase *c)
{
	if (c == NULL)
		return;
	free(c->id);
	free(c->source);
	free(c->body);
	field_free(&c->municipality);
	field_free(&c->kind);
	field_free(&c->number);
	field_free(&c->title);
	field_free(&c->date);
	field_free(&c->department);
	strlist_free(&c->legal_basis);
	free(c->legal_basis_from);
	free(c->subjects_from);
	for (size_t i = 0; i < c->nprocs; i++)
		procedure_free(&c->procs[i]);
	free(c->procs);
	free(c);
}

struct procedure *
case_add_procedure(struct pcase *c, enum proc_type t)
{
	struct procedure *p;

	c->procs = xrealloc(c->procs, (c->nprocs + 1) * sizeof(*c->procs));
	p = &c->procs[c->nprocs++];
	memset(p, 0, sizeof(*p));
	p->type = t;
	return p;
}

void
case_drop_last_procedure(struct pcase *c)
{
	if (c->nprocs == 0)
		return;
	procedure_free(&c->procs[--c->nprocs]);
}

void
field_setn(struct field *f, const char *value, size_t n, int line)
{
	free(f->value);
	f->value = value ? xstrndup(value, n) : NULL;
	f->line = value ? line : 0;
	if (value == NULL)
		field_from(f, NULL);
}

void
field_from(struct field *f, const char *from)
{
	free(f->from);
	f->from = from && f->value ? xstrdup(from) : NULL;
}

void
list_from(char **at, const struct strlist *l, const char *from)
{
	if (*at == NULL && l->n > 0 && from != NULL)
		*at = xstrdup(from);
}

void
field_set(struct field *f, const char *value, int line)
{
	field_setn(f, value, value ? strlen(value) : 0, line);
}

/* ---- to JSON ---- */

static json_t *
json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
json_strlist(const struct strlist *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

/* "key_line" and "key_from" of a stated value. */
static void
put_origin(json_t *o, const char *key, int line, const char *from)
{
	char k[64];

	snprintf(k, sizeof(k), "%s_line", key);
	json_object_set_new(o, k, json_integer(line));
	if (from != NULL) {
		snprintf(k, sizeof(k), "%s_from", key);
		json_object_set_new(o, k, json_string(from));
	}
}

static void
put_field(json_t *o, const char *key, const struct field *f, int provenance)
{
	json_object_set_new(o, key, json_str_or_null(f->value));
	if (provenance && f->value != NULL)
		put_origin(o, key, f->line, f->from);
}

static void
put_list(json_t *o, const char *key, const struct strlist *l, int line,
    const char *from, int provenance)
{
	json_object_set_new(o, key, json_strlist(l));
	if (provenance && l->n > 0 && line > 0)
		put_origin(o, key, line, from);
}

static json_t *
procedure_to_json(const struct procedure *p, int provenance)
{
	json_t *o = json_object();

	json_object_set_new(o, "type", json_string(proc_type_name(p->type)));
	put_field(o, "title", &p->title, provenance);
	put_list(o, "consignees", &p->consignees, p->consignees_line,
	    p->consignees_from, provenance);
	put_list(o, "subcontractors", &p->subcontractors,
	    p->subcontractors_line, p->subcontractors_from, provenance);
	put_field(o, "partner", &p->partner, provenance);
	put_list(o, "data_items", &p->data_items, p->data_items_line,
	    p->data_items_from, provenance);
	put_field(o, "period_start", &p->period_start, provenance);
	put_field(o, "period_end", &p->period_end, provenance);
	if (provenance)
		json_object_set_new(o, "line", json_integer(p->line));
	return o;
}

json_t *
case_to_json(const struct pcase *c, int provenance)
{
	json_t *o = json_object(), *procs = json_array();

	json_object_set_new(o, "id", json_str_or_null(c->id));
	json_object_set_new(o, "source", json_str_or_null(c->source));
	put_field(o, "municipality", &c->municipality, provenance);
	put_field(o, "kind", &c->kind, provenance);
	put_field(o, "number", &c->number, provenance);
	put_field(o, "title", &c->title, provenance);
	put_field(o, "date", &c->date, provenance);
	put_field(o, "department", &c->department, provenance);
	put_list(o, "legal_basis", &c->legal_basis, c->legal_basis_line,
	    c->legal_basis_from, provenance);
	json_object_set_new(o, "subjects_count", c->subjects_count >= 0 ?
	    json_integer(c->subjects_count) : json_null());
	if (provenance && c->subjects_count >= 0)
		put_origin(o, "subjects_count", c->subjects_line,
		    c->subjects_from);
	for (size_t i = 0; i < c->nprocs; i++)
		json_array_append_new(procs,
		    procedure_to_json(&c->procs[i], provenance));
	json_object_set_new(o, "procedures", procs);
	if (provenance) {
		json_object_set_new(o, "line_start", json_integer(c->line_start));
		json_object_set_new(o, "line_end", json_integer(c->line_end));
	}
	return o;
}

/* ---- from JSON ---- */

static void
get_field(const json_t *o, const char *key, struct field *f)
{
	char k[64];
	const char *s = json_string_value(json_object_get(o, key));

	snprintf(k, sizeof(k), "%s_line", key);
	field_set(f, s, (int)json_integer_value(json_object_get(o, k)));
	snprintf(k, sizeof(k), "%s_from", key);
	field_from(f, json_string_value(json_object_get(o, k)));
}

/* The "key_from" of a list, or NULL (new string). */
static char *
from_of(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? xstrdup(s) : NULL;
}

static int
line_of(const json_t *o, const char *key)
{
	return (int)json_integer_value(json_object_get(o, key));
}

static void
get_strlist(const json_t *o, const char *key, struct strlist *l)
{
	const json_t *a = json_object_get(o, key);
	size_t i;
	json_t *v;

	json_array_foreach(a, i, v)
		if (json_is_string(v))
			strlist_push(l, json_string_value(v));
}

static void
procedure_from_json(const json_t *o, struct pcase *c)
{
	int t = proc_type_from_name(json_string_value(json_object_get(o,
	    "type")));
	struct procedure *p = case_add_procedure(c, t < 0 ? PROC_OTHER : t);

	get_field(o, "title", &p->title);
	get_field(o, "partner", &p->partner);
	get_field(o, "period_start", &p->period_start);
	get_field(o, "period_end", &p->period_end);
	get_strlist(o, "consignees", &p->consignees);
	get_strlist(o, "subcontractors", &p->subcontractors);
	get_strlist(o, "data_items", &p->data_items);
	p->consignees_line = line_of(o, "consignees_line");
	p->subcontractors_line = line_of(o, "subcontractors_line");
	p->data_items_line = line_of(o, "data_items_line");
	p->consignees_from = from_of(o, "consignees_from");
	p->subcontractors_from = from_of(o, "subcontractors_from");
	p->data_items_from = from_of(o, "data_items_from");
	p->line = (int)json_integer_value(json_object_get(o, "line"));
}

struct pcase *
case_from_json(const json_t *o)
{
	struct pcase *c;
	const json_t *n;
	size_t i;
	json_t *v;

	if (!json_is_object(o))
		return NULL;
	c = case_new();
	if (json_is_string(json_object_get(o, "id")))
		c->id = xstrdup(json_string_value(json_object_get(o, "id")));
	if (json_is_string(json_object_get(o, "source")))
		c->source = xstrdup(json_string_value(json_object_get(o,
		    "source")));
	get_field(o, "municipality", &c->municipality);
	get_field(o, "kind", &c->kind);
	get_field(o, "number", &c->number);
	get_field(o, "title", &c->title);
	get_field(o, "date", &c->date);
	get_field(o, "department", &c->department);
	get_strlist(o, "legal_basis", &c->legal_basis);
	c->legal_basis_line = line_of(o, "legal_basis_line");
	c->legal_basis_from = from_of(o, "legal_basis_from");
	c->subjects_from = from_of(o, "subjects_count_from");
	n = json_object_get(o, "subjects_count");
	c->subjects_count = json_is_integer(n) ? json_integer_value(n) : -1;
	c->subjects_line = (int)json_integer_value(json_object_get(o,
	    "subjects_count_line"));
	json_array_foreach(json_object_get(o, "procedures"), i, v)
		procedure_from_json(v, c);
	c->line_start = (int)json_integer_value(json_object_get(o,
	    "line_start"));
	c->line_end = (int)json_integer_value(json_object_get(o, "line_end"));
	return c;
}
