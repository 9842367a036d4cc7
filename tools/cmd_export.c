/*
 * cmd_export.c — picorpus export: every case as one JSON object a line
 * (SPEC §4.2), with its related precedents.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
"usage: picorpus export [--format jsonl] [--provenance] [--index FILE]\n\n"
"Print every case as one JSON object per line (JSON Lines), in source\n"
"order, with the keys of the export contract.  --provenance adds the\n"
"source line of every field as extra *_line keys.\n";

/* Drop the *_line provenance keys (recursively into procedures). */
static void
strip_provenance(json_t *o)
{
	const char *key;
	json_t *v, *p;
	void *tmp;
	size_t i;

	json_object_foreach_safe(o, tmp, key, v) {
		size_t n = strlen(key);

		if ((n > 5 && strcmp(key + n - 5, "_line") == 0) ||
		    strcmp(key, "line") == 0 || strcmp(key, "line_start") == 0 ||
		    strcmp(key, "line_end") == 0)
			json_object_del(o, key);
	}
	json_array_foreach(json_object_get(o, "procedures"), i, p)
		strip_provenance(p);
}

static int
export_all(sqlite3 *db, int provenance)
{
	sqlite3_stmt *st;
	int rc = EXIT_OK;

	if (sqlite3_prepare_v2(db, "SELECT c.id, unpack(j.json) FROM "
	    "cases c JOIN case_json j ON j.case_rowid = c.rowid ORDER BY "
	    "c.source, c.line_start, c.rowid", -1, &st, NULL) != SQLITE_OK) {
		cli_error("export", "%s", sqlite3_errmsg(db));
		return EXIT_RUNTIME;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_loads((const char *)sqlite3_column_text(st, 1),
		    0, NULL);
		char *line;

		if (o == NULL) {
			rc = EXIT_RUNTIME;
			continue;
		}
		if (!provenance)
			strip_provenance(o);
		json_object_set_new(o, "related", index_related_json(db,
		    (const char *)sqlite3_column_text(st, 0)));
		line = json_dumps(o, JSON_COMPACT);
		if (line != NULL)
			puts(line);
		free(line);
		json_decref(o);
	}
	sqlite3_finalize(st);
	return rc;
}

int
cmd_export(int argc, char **argv)
{
	const char *index = NULL, *format = NULL;
	int provenance = 0, npos, rc;
	struct opt opts[] = {
		{ "index", 0, &index, NULL }, { "format", 0, &format, NULL },
		{ "provenance", 0, NULL, &provenance }, { NULL, 0, NULL, NULL }
	};
	sqlite3 *db;

	if (cli_parse("export", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos > 0 || (format != NULL && strcmp(format, "jsonl") != 0)) {
		cli_error("export", npos ? "unexpected argument '%s'" :
		    "unknown format '%s' (only jsonl)", npos ? argv[0] : format);
		return EXIT_USAGE;
	}
	if ((rc = cli_open_index("export", index, &db)) != EXIT_OK)
		return rc;
	rc = export_all(db, provenance);
	sqlite3_close(db);
	return rc;
}
