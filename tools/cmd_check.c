/*
 * cmd_check.c — picorpus check: is the index whole and consistent, and
 * is the site the index's whole site?  For after a crash, a copy, or
 * any doubt; it writes nothing.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "integrity.h"
#include "site.h"
#include "store.h"

static const char usage[] =
"usage: picorpus check [--index FILE] [-o SITE_DIR] [--no-site]\n\n"
"Check the index: SQLite's integrity_check and foreign keys, FTS5's\n"
"integrity-check against the text it indexed (when the file is\n"
"writable; nothing is written), and the agreement between its tables.\n"
"Then check that SITE_DIR (default _site/) is the site of this index\n"
"and holds every page and data file the index implies.  Prints one line\n"
"per problem; exits 1 when there is any.\n";

/* Open the index, writable when it can be (for FTS5's check). */
static int
open_for_check(const char *path, sqlite3 **db)
{
	struct buf err = BUF_INIT;
	int rc = access(path, W_OK) == 0 ?
	    index_open_writable(path, db, &err) : index_open(path, db, &err);

	if (rc == -1)
		cli_error("check", "%s", err.data);
	buf_free(&err);
	return rc;
}

/* Print the problems, each after prefix (when not NULL). */
static void
report(const char *prefix, const struct strlist *problems)
{
	for (size_t i = 0; i < problems->n; i++)
		if (prefix != NULL)
			printf("%s: %s\n", prefix, problems->v[i]);
		else
			printf("%s\n", problems->v[i]);
}

/* Check the index at path and, unless site is NULL, the site. */
static int
check(const char *path, const char *site, sqlite3 *db)
{
	struct strlist in_index = STRLIST_INIT, in_site = STRLIST_INIT;
	struct index_counts n;
	struct buf err = BUF_INIT;
	unsigned files = 0;
	size_t total;
	int rc = EXIT_OK;

	if (index_check(db, &in_index, &n, &err) == -1 || (site != NULL &&
	    site_check(db, site, &in_site, &files, &err) == -1)) {
		cli_error("check", "%s", err.data);
		rc = EXIT_RUNTIME;
		goto out;
	}
	report(path, &in_index);
	report(NULL, &in_site);
	printf("index %s: %ld documents, %ld cases, %ld procedures, %ld "
	    "links%s\n", path, n.documents, n.cases, n.procedures, n.links,
	    n.fts_checked ? "" : " (FTS5 not checked: the file is not "
	    "writable)");
	if (site != NULL)
		printf("site %s: %u files\n", site, files);
	total = in_index.n + in_site.n;
	printf("%zu problem%s\n", total, total == 1 ? "" : "s");
	if (total > 0)
		rc = EXIT_RUNTIME;
out:
	strlist_free(&in_index);
	strlist_free(&in_site);
	buf_free(&err);
	return rc;
}

int
cmd_check(int argc, char **argv)
{
	const char *index = NULL, *site = "_site", *path;
	int no_site = 0, npos, rc;
	struct opt opts[] = {
		{ "index", 0, &index, NULL }, { "output", 'o', &site, NULL },
		{ "no-site", 0, NULL, &no_site }, { NULL, 0, NULL, NULL }
	};
	sqlite3 *db;

	if (cli_parse("check", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos != 0) {
		cli_error("check", "takes no arguments");
		return EXIT_USAGE;
	}
	path = cli_index_path(index);
	if (open_for_check(path, &db) == -1)
		return EXIT_RUNTIME;
	rc = check(path, no_site ? NULL : site, db);
	sqlite3_close(db);
	return rc;
}
