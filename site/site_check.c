/*
 * site_check.c — is a directory the whole site of an index (site.h,
 * picorpus check)?  Its marker must name the index's build, and every
 * file the index implies must be there: the fixed pages, the search
 * data, one page per case, a search chunk per place, one browse page
 * per facet value (the facets as site.c groups them, read back from the
 * structured tables).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "site.h"
#include "site_int.h"
#include "store.h"

#define MARKER ".picorpus-site"

static const char *const fixed_files[] = {
	"index.html", "search.html", "search.js", "style.css",
	"browse/index.html", "search/meta.js", "search/rules.js",
	"search/t/0.js", NULL
};

/* Facet values as site.c's index_facets() takes them from a case. */
static const char facet_values_sql[] =
	"SELECT 0, municipality FROM cases UNION "
	"SELECT 1, kind FROM cases UNION "
	"SELECT 2, type FROM procedures UNION "
	"SELECT 3, name FROM parties UNION "
	"SELECT 3, partner FROM procedures UNION "
	"SELECT 4, name FROM items UNION "
	"SELECT 5, citation FROM citations UNION "
	"SELECT 6, substr(date, 1, 4) FROM cases WHERE length(date) >= 4";

/* One problem line: "DIR/RELPATH: what". */
static void
problem(struct strlist *problems, const char *dir, const char *relpath,
    const char *what)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s: %s", dir, relpath, what);
	strlist_push(problems, b.data);
	buf_free(&b);
}

/* Is dir/relpath a regular file?  A problem when not. */
static void
expect_file(const char *dir, const char *relpath, struct strlist *problems,
    unsigned *files)
{
	struct buf path = BUF_INIT;
	struct stat sb;

	buf_printf(&path, "%s/%s", dir, relpath);
	if (stat(path.data, &sb) == 0 && S_ISREG(sb.st_mode))
		(*files)++;
	else
		problem(problems, dir, relpath, "missing");
	buf_free(&path);
}

/* The marker's build line must be the index's build. */
static void
check_marker(sqlite3 *db, const char *dir, struct strlist *problems)
{
	struct buf path = BUF_INIT, want = BUF_INIT, id = BUF_INIT;
	char have[256];
	size_t n = 0;
	FILE *f;

	buf_printf(&path, "%s/" MARKER, dir);
	if ((f = fopen(path.data, "r")) != NULL) {
		n = fread(have, 1, sizeof(have) - 1, f);
		fclose(f);
	}
	have[n] = '\0';
	if (index_meta(db, "build_id", &id) == 0)
		buf_printf(&want, "\nbuild %s\n", id.data);
	if (f == NULL)
		problem(problems, dir, MARKER, "missing: not a picorpus site");
	else if (want.len == 0 || strstr(have, want.data) == NULL)
		problem(problems, dir, MARKER, "made from another build than "
		    "the index (run picorpus build)");
	buf_free(&path);
	buf_free(&want);
	buf_free(&id);
}

/* Call expect_file() for the relpath in the first column of each row
 * of sql. */
static int
expect_rows(sqlite3 *db, const char *sql, const char *dir,
    struct strlist *problems, unsigned *files, struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		buf_printf(err, "site check: %s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		expect_file(dir, (const char *)sqlite3_column_text(st, 0),
		    problems, files);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_printf(err, "site check: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int
expect_facet_pages(sqlite3 *db, const char *dir, struct strlist *problems,
    unsigned *files, struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, facet_values_sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		buf_printf(err, "site check: %s", sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int f = sqlite3_column_int(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		struct buf rel = BUF_INIT;

		if (v == NULL || *v == '\0' || f < 0 || f >= FACET__MAX)
			continue;
		buf_puts(&rel, "browse/");
		facet_value_file(&rel, (enum facet)f, v);
		expect_file(dir, rel.data, problems, files);
		buf_free(&rel);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_printf(err, "site check: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int
site_check(sqlite3 *db, const char *dir, struct strlist *problems,
    unsigned *files, struct buf *err)
{
	struct buf chunks = BUF_INIT;
	int rc;

	*files = 0;
	check_marker(db, dir, problems);
	for (int i = 0; fixed_files[i] != NULL; i++)
		expect_file(dir, fixed_files[i], problems, files);
	buf_printf(&chunks, "SELECT DISTINCT 'search/c/' || ((rowid - 1) / "
	    "%d) || '.js' FROM cases", SEARCH_CHUNK);
	rc = expect_rows(db, "SELECT 'case/' || id || '.html' FROM cases",
	    dir, problems, files, err);
	if (rc == 0)
		rc = expect_rows(db, chunks.data, dir, problems, files, err);
	if (rc == 0)
		rc = expect_facet_pages(db, dir, problems, files, err);
	buf_free(&chunks);
	return rc;
}
