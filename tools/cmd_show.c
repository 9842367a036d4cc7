/*
 * cmd_show.c — picorpus show: one case with every extracted field and
 * the source line it was read from (file:line, or file:page:line in a
 * PDF, the page map read from the index's documents table).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pdf.h"
#include "store.h"

static const char usage[] =
"usage: picorpus show [--json] [--index FILE] CASE_ID\n\n"
"Print one case: its facts, each with source:line and the label (or the\n"
"rule) it was read by, and its procedures.\n"
"--json prints the export object with provenance (*_line and *_from keys).\n";

/* The document a case came from: its path and, for a PDF, page map. */
struct where {
	const char	*src;
	char		*pages;	/* NULL unless a PDF */
};

/* "src:line", or "src:page:line" in a PDF (static buffer). */
static const char *
at(const struct where *w, int line)
{
	static char s[4096];
	int page, in_page;

	if (w->pages != NULL && pdf_locate(w->pages, line, &page,
	    &in_page) == 0)
		snprintf(s, sizeof(s), "%s:%d:%d", w->src, page, in_page);
	else
		snprintf(s, sizeof(s), "%s:%d", w->src, line);
	return s;
}

/* "  (src:line, label 委託先)": where a value was read, and by what. */
static void
show_origin(const struct where *w, int line, const char *from)
{
	if (line <= 0)
		return;
	printf("  (%s", at(w, line));
	if (from != NULL)
		printf(", %s", from);
	putchar(')');
}

static void
show_field(const char *label, const struct field *f, const struct where *w)
{
	if (f->value == NULL) {
		printf("%-16s -\n", label);
		return;
	}
	printf("%-16s %s", label, f->value);
	show_origin(w, f->line, f->from);
	putchar('\n');
}

static void
show_list(const char *label, const struct strlist *l, int line,
    const char *from, const struct where *src)
{
	printf("%-16s ", label);
	if (l->n == 0)
		fputs("-", stdout);
	for (size_t i = 0; i < l->n; i++)
		printf("%s%s", i ? "、" : "", l->v[i]);
	if (l->n > 0)
		show_origin(src, line, from);
	putchar('\n');
}

static void
show_procedure(const struct procedure *p, size_t i, const struct where *src)
{
	printf("\n[%zu] %s  (%s)\n", i + 1, proc_type_name(p->type),
	    at(src, p->line));
	show_field("  title", &p->title, src);
	show_list("  consignees", &p->consignees, p->consignees_line,
	    p->consignees_from, src);
	show_list("  subcontractors", &p->subcontractors,
	    p->subcontractors_line, p->subcontractors_from, src);
	show_field("  partner", &p->partner, src);
	show_list("  data_items", &p->data_items, p->data_items_line,
	    p->data_items_from, src);
	show_field("  period_start", &p->period_start, src);
	show_field("  period_end", &p->period_end, src);
}

/* The page map of the case's document, or NULL when not a PDF. */
static char *
document_pages(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st;
	char *pages = NULL;

	if (sqlite3_prepare_v2(db, "SELECT pages FROM documents WHERE path = "
	    "?1 AND pages != ''", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		pages = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return pages;
}

static void
show_text(sqlite3 *db, const struct pcase *c)
{
	struct where w = { c->source, document_pages(db, c->source) };
	const struct where *src = &w;
	char start[4096];

	printf("%s\n", c->id);
	snprintf(start, sizeof(start), "%s", at(src, c->line_start));
	printf("%-16s %s-%s\n", "source", start,	/* ".pdf:1:3-5:7" */
	    at(src, c->line_end) + strlen(c->source) + 1);
	show_field("municipality", &c->municipality, src);
	show_field("kind", &c->kind, src);
	show_field("number", &c->number, src);
	show_field("title", &c->title, src);
	show_field("date", &c->date, src);
	show_field("department", &c->department, src);
	show_list("legal_basis", &c->legal_basis, c->legal_basis_line,
	    c->legal_basis_from, src);
	if (c->subjects_count >= 0) {
		printf("%-16s %lld", "subjects_count", c->subjects_count);
		show_origin(src, c->subjects_line, c->subjects_from);
		putchar('\n');
	}
	for (size_t i = 0; i < c->nprocs; i++)
		show_procedure(&c->procs[i], i, src);
	free(w.pages);
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
		show_text(db, c);
	case_free(c);
	sqlite3_close(db);
	return rc;
}
