/*
 * cmd_show.c — picorpus show: one case with every extracted field and
 * the source line it was read from.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
"usage: picorpus show [--json] [--index FILE] CASE_ID\n\n"
"Print one case: its facts, each with source:line, and its procedures.\n"
"--json prints the export object with provenance (*_line keys).\n";

static void
show_field(const char *label, const struct field *f, const char *src)
{
	if (f->value == NULL)
		printf("%-16s -\n", label);
	else if (f->line > 0)
		printf("%-16s %s  (%s:%d)\n", label, f->value, src, f->line);
	else
		printf("%-16s %s\n", label, f->value);
}

static void
show_list(const char *label, const struct strlist *l, int line,
    const char *src)
{
	printf("%-16s ", label);
	if (l->n == 0)
		fputs("-", stdout);
	for (size_t i = 0; i < l->n; i++)
		printf("%s%s", i ? "、" : "", l->v[i]);
	if (l->n > 0 && line > 0)
		printf("  (%s:%d)", src, line);
	putchar('\n');
}

static void
show_procedure(const struct procedure *p, size_t i, const char *src)
{
	printf("\n[%zu] %s  (%s:%d)\n", i + 1, proc_type_name(p->type), src,
	    p->line);
	show_field("  title", &p->title, src);
	show_list("  consignees", &p->consignees, p->consignees_line, src);
	show_list("  subcontractors", &p->subcontractors,
	    p->subcontractors_line, src);
	show_field("  partner", &p->partner, src);
	show_list("  data_items", &p->data_items, p->data_items_line, src);
	show_field("  period_start", &p->period_start, src);
	show_field("  period_end", &p->period_end, src);
}

static void
show_text(const struct pcase *c)
{
	const char *src = c->source;

	printf("%s\n", c->id);
	printf("%-16s %s:%d-%d\n", "source", src, c->line_start, c->line_end);
	show_field("municipality", &c->municipality, src);
	show_field("kind", &c->kind, src);
	show_field("number", &c->number, src);
	show_field("title", &c->title, src);
	show_field("date", &c->date, src);
	show_field("department", &c->department, src);
	show_list("legal_basis", &c->legal_basis, c->legal_basis_line, src);
	if (c->subjects_count >= 0)
		printf("%-16s %lld  (%s:%d)\n", "subjects_count", c->subjects_count,
		    src, c->subjects_line);
	for (size_t i = 0; i < c->nprocs; i++)
		show_procedure(&c->procs[i], i, src);
}

static void
show_json(sqlite3 *db, const struct pcase *c)
{
	json_t *o = case_to_json(c, 1);
	char *s;

	json_object_set_new(o, "related", index_related_json(db, c->id));
	s = json_dumps(o, JSON_INDENT(2));
	if (s != NULL)
		puts(s);
	free(s);
	json_decref(o);
}

int
cmd_show(int argc, char **argv)
{
	const char *index = NULL;
	int json = 0, npos, rc = EXIT_OK;
	struct opt opts[] = {
		{ "index", 0, &index, NULL }, { "json", 0, NULL, &json },
		{ NULL, 0, NULL, NULL }
	};
	struct pcase *c;
	sqlite3 *db;

	if (cli_parse("show", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos != 1) {
		cli_error("show", "give exactly one CASE_ID (see picorpus query)");
		return EXIT_USAGE;
	}
	if ((rc = cli_open_index("show", index, &db)) != EXIT_OK)
		return rc;
	if ((c = cli_load_case("show", db, argv[0])) == NULL) {
		rc = EXIT_RUNTIME;
	} else if (json)
		show_json(db, c);
	else
		show_text(c);
	case_free(c);
	sqlite3_close(db);
	return rc;
}
