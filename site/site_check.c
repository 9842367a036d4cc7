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

/* The marker must name the index's build. */
static void
check_marker(sqlite3 *db, const char *dir, struct strlist *problems)
{
	struct buf id = BUF_INIT;
	int named = index_meta(db, "build_id", &id) == 0 ?
	    site_marker_names(dir, id.data) : site_marker_names(dir, "");

	if (named == -1)
		problem(problems, dir, SITE_MARKER, "missing: not a picorpus "
		    "site");
	else if (named == 0)
		problem(problems, dir, SITE_MARKER, "made from another build "
		    "than the index (run picorpus build)");
	buf_free(&id);
}

/* Where the files a query names are looked for, and what is found. */
struct expect {
	const char	*dir;
	struct strlist	*problems;
	unsigned	*files;
};

/* A row whose first column is a file's path in the site. */
static int
expect_path_row(void *arg, sqlite3_stmt *st)
{
	struct expect *e = arg;

	expect_file(e->dir, (const char *)sqlite3_column_text(st, 0),
	    e->problems, e->files);
	return 0;
}

/* A row (facet, value) of facet_values_sql: the value's browse page. */
static int
expect_facet_row(void *arg, sqlite3_stmt *st)
{
	struct expect *e = arg;
	int f = sqlite3_column_int(st, 0);
	const char *v = (const char *)sqlite3_column_text(st, 1);
	struct buf rel = BUF_INIT;

	if (v == NULL || *v == '\0' || f < 0 || f >= FACET__MAX)
		return 0;
	buf_puts(&rel, "browse/");
	facet_value_file(&rel, (enum facet)f, v);
	expect_file(e->dir, rel.data, e->problems, e->files);
	buf_free(&rel);
	return 0;
}

int
site_check(sqlite3 *db, const char *dir, struct strlist *problems,
    unsigned *files, struct buf *err)
{
	struct expect e = { dir, problems, files };
	struct buf chunks = BUF_INIT;
	int rc;

	*files = 0;
	check_marker(db, dir, problems);
	for (int i = 0; fixed_files[i] != NULL; i++)
		expect_file(dir, fixed_files[i], problems, files);
	buf_printf(&chunks, "SELECT DISTINCT 'search/c/' || ((rowid - 1) / "
	    "%d) || '.js' FROM cases", SEARCH_CHUNK);
	rc = index_each_row(db, "SELECT 'case/' || id || '.html' FROM cases",
	    expect_path_row, &e, "site check", err);
	if (rc == 0)
		rc = index_each_row(db, "SELECT 'case/' || hash || '.pdf' FROM "
		    "documents WHERE original IS NOT NULL", expect_path_row, &e,
		    "site check", err);
	if (rc == 0)
		rc = index_each_row(db, chunks.data, expect_path_row, &e,
		    "site check", err);
	if (rc == 0)
		rc = index_each_row(db, facet_values_sql, expect_facet_row, &e,
		    "site check", err);
	buf_free(&chunks);
	return rc;
}
