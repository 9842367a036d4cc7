/*
 * integrity.c — the index's consistency checks (integrity.h).  Each
 * check is a query whose rows are problems, so adding one is adding a
 * row to consistency[].
 */
#include <string.h>

#include "integrity.h"
#include "store.h"

/* Queries whose every row is a problem, described by its first column. */
static const char *const consistency[] = {
	"SELECT 'case ' || id || ': no export JSON' FROM cases c WHERE NOT "
	"EXISTS (SELECT 1 FROM case_json j WHERE j.case_rowid = c.rowid)",
	"SELECT 'case ' || id || ': no full-text columns' FROM cases c WHERE "
	"NOT EXISTS (SELECT 1 FROM fts_text t WHERE t.case_rowid = c.rowid)",
	"SELECT 'case ' || id || ': no linker input' FROM cases c WHERE NOT "
	"EXISTS (SELECT 1 FROM link_input l WHERE l.case_rowid = c.rowid)",
	"SELECT 'case ' || c.id || ': source ' || c.source || ' is not its "
	"document''s path ' || d.path FROM cases c JOIN documents d ON d.id "
	"= c.document_id WHERE d.path <> c.source",
	"SELECT 'case ' || id || ': lines ' || line_start || '-' || line_end "
	"|| ' are no range' FROM cases WHERE line_start < 1 OR line_end < "
	"line_start",
	"SELECT 'full-text columns of case row ' || case_rowid || ', which "
	"is gone' FROM fts_text t WHERE NOT EXISTS (SELECT 1 FROM cases c "
	"WHERE c.rowid = t.case_rowid)",
	"SELECT 'link of case row ' || case_rowid || ' to itself' FROM links "
	"WHERE related_rowid = case_rowid",
	"SELECT 'rank_lengths: ' || length(lengths) || ' bytes, too short "
	"for case row ' || (SELECT max(rowid) FROM cases) FROM rank_lengths "
	"WHERE length(lengths) < 4 * ((SELECT max(rowid) FROM cases) + 1)",
	"SELECT 'rank_lengths: missing' WHERE NOT EXISTS (SELECT 1 FROM "
	"rank_lengths) AND EXISTS (SELECT 1 FROM cases)",
	"SELECT 'meta: no ' || k.key FROM (SELECT 'schema_version' AS key "
	"UNION ALL SELECT 'build_id' UNION ALL SELECT 'parse_rules' UNION "
	"ALL SELECT 'link_rules') k WHERE NOT EXISTS (SELECT 1 FROM meta m "
	"WHERE m.key = k.key)",
	"PRAGMA integrity_check",
	"SELECT 'foreign key: ' || \"table\" || ' row ' || coalesce(rowid, "
	"'?') || ' names "
	"a missing ' || parent FROM pragma_foreign_key_check",
};

/* Append a row's first column to the problems (a row "ok" of
 * integrity_check is no problem). */
static int
collect_row(void *problems, sqlite3_stmt *st)
{
	const char *p = (const char *)sqlite3_column_text(st, 0);

	if (p != NULL && strcmp(p, "ok") != 0)
		strlist_push(problems, p);
	return 0;
}

static long
count(sqlite3 *db, const char *table)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	long n = -1;

	buf_printf(&sql, "SELECT count(*) FROM %s", table);
	if (sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	buf_free(&sql);
	return n;
}

/*
 * FTS5's integrity-check with rank 1: the index's tokens against the
 * content it derives again.  Run inside a transaction rolled back (it
 * writes nothing, but SQLite wants a writable connection for it).
 */
static void
check_fts(sqlite3 *db, struct strlist *problems, int *ran)
{
	*ran = 0;
	if (sqlite3_db_readonly(db, "main") != 0)
		return;
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return;
	*ran = 1;
	if (sqlite3_exec(db, "INSERT INTO fts(fts, rank) VALUES "
	    "('integrity-check', 1)", NULL, NULL, NULL) != SQLITE_OK) {
		struct buf b = BUF_INIT;

		buf_printf(&b, "fts: FTS5 integrity-check failed: %s",
		    sqlite3_errmsg(db));
		strlist_push(problems, b.data);
		buf_free(&b);
	}
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int
index_check(sqlite3 *db, struct strlist *problems,
    struct index_counts *counts, struct buf *err)
{
	memset(counts, 0, sizeof(*counts));
	for (size_t i = 0; i < sizeof(consistency) / sizeof(*consistency);
	    i++)
		if (index_each_row(db, consistency[i], collect_row, problems,
		    "check", err) == -1)
			return -1;
	check_fts(db, problems, &counts->fts_checked);
	counts->documents = count(db, "documents");
	counts->cases = count(db, "cases");
	counts->procedures = count(db, "procedures");
	counts->links = count(db, "links");
	return 0;
}
