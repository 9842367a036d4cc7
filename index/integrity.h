/*
 * integrity.h — is an index whole and self-consistent (picorpus check)?
 * SQLite's own checks, FTS5's, and the invariants the build keeps
 * between the tables.  Reading only; problems are returned, not
 * printed.
 */
#ifndef PICORPUS_INTEGRITY_H
#define PICORPUS_INTEGRITY_H

#include <sqlite3.h>

#include "buf.h"

/* What the index holds, for the report. */
struct index_counts {
	long	documents;
	long	cases;
	long	procedures;
	long	links;
	int	fts_checked;	/* FTS5's integrity-check ran (it needs a
				   writable connection) */
};

/*
 * Check the index db (opened with index_open_writable(), or read-only:
 * then FTS5's check is left out): PRAGMA integrity_check and
 * foreign_key_check; FTS5's integrity-check against the text the index
 * derives (fts_content_view); every case has its export JSON, full-text
 * columns and linker input, its document's path and a ranking length;
 * the meta keys a build writes are there.  Appends one line per problem
 * to problems and fills *counts.  Returns 0 when the checks ran (with
 * or without problems), -1 with err when one could not run.
 */
int	index_check(sqlite3 *db, struct strlist *problems,
	    struct index_counts *counts, struct buf *err);

#endif
