/*
 * cmd_similar.c — picorpus similar: the precedents linked to a case at
 * build time, each with its score and the reasons it is similar.
 */
#include <jansson.h>
#include <stdlib.h>

#include "cli.h"
#include "store.h"

static const char usage[] =
"usage: picorpus similar [--json] [--index FILE] CASE_ID\n\n"
"List the cases most similar to CASE_ID, best first, with the reasons.\n";

static void
print_plain(sqlite3 *db, json_t *related)
{
	size_t i, j;
	json_t *r, *why;
	struct buf err = BUF_INIT;

	json_array_foreach(related, i, r) {
		const char *id = json_string_value(json_object_get(r, "id"));
		struct pcase *c = index_load_case(db, id, &err);

		printf("%zu. %s  %.3f  %s\n", i + 1, id,
		    json_real_value(json_object_get(r, "score")),
		    c && c->title.value ? c->title.value : "");
		json_array_foreach(json_object_get(r, "reasons"), j, why)
			printf("   - %s\n", json_string_value(why));
		case_free(c);
	}
	buf_free(&err);
}

static void
print_json(json_t *related)
{
	size_t i;
	json_t *r;

	json_array_foreach(related, i, r) {
		char *s = json_dumps(r, JSON_COMPACT);

		if (s != NULL)
			puts(s);
		free(s);
	}
}

int
cmd_similar(int argc, char **argv)
{
	const char *index = NULL;
	int json = 0, npos, rc = EXIT_OK;
	struct opt opts[] = {
		{ "index", 0, &index, NULL }, { "json", 0, NULL, &json },
		{ NULL, 0, NULL, NULL }
	};
	struct pcase *c = NULL;
	json_t *related;
	sqlite3 *db;

	if (cli_parse("similar", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos != 1) {
		cli_error("similar", "give exactly one CASE_ID");
		return EXIT_USAGE;
	}
	if ((rc = cli_open_index("similar", index, &db)) != EXIT_OK)
		return rc;
	if ((c = cli_load_case("similar", db, argv[0])) == NULL) {
		rc = EXIT_RUNTIME;
		goto out;
	}
	related = index_related_json(db, argv[0]);
	if (json)
		print_json(related);
	else if (json_array_size(related) == 0)
		printf("%s: no similar cases linked yet\n", argv[0]);
	else
		print_plain(db, related);
	json_decref(related);
out:
	case_free(c);
	sqlite3_close(db);
	return rc;
}
