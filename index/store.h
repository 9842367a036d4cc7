/*
 * store.h — write the index file (schema in index/schema.sql) and open
 * it for reading.
 *
 * A build writes into PATH.tmp inside one transaction and renames it over
 * PATH only in store_commit(), so a failed or killed build leaves the
 * previous index untouched.  All functions return 0 on success and -1 on
 * failure with a message in err; none prints.
 */
#ifndef PICORPUS_STORE_H
#define PICORPUS_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "buf.h"
#include "case.h"
#include "ingest.h"

#define SCHEMA_VERSION "3"

struct store;

/* Start a new index for path (written to path.tmp). */
int	store_begin(const char *path, struct store **out, struct buf *err);
/* Record a source document; *doc_id receives its row id. */
int	store_add_document(struct store *s, const struct source *src,
	    int64_t *doc_id, struct buf *err);
/* Record a case of that document and its full-text row. */
int	store_add_case(struct store *s, int64_t doc_id, const struct pcase *c,
	    struct buf *err);
/* Record that case_id's rank-th most similar case is related_id. */
int	store_add_link(struct store *s, const char *case_id,
	    const char *related_id, int rank, double score,
	    const struct strlist *reasons, struct buf *err);
/* The database being written (for stages such as linking). */
sqlite3	*store_db(struct store *s);
/*
 * Merge the full-text index and write the ranking data: after this the
 * index can be searched (the site's search data is read from it); no
 * more cases may be added.  store_commit() calls it if needed.
 */
int	store_finish_text(struct store *s, struct buf *err);
/* Commit, close and rename into place; frees s whatever happens. */
int	store_commit(struct store *s, struct buf *err);
/* Drop the half-written index; frees s.  Accepts NULL. */
void	store_abort(struct store *s);

/*
 * Open an existing index read-only with the tokenizer registered.
 * Fails with a helpful message when it is missing or of another schema.
 */
int	index_open(const char *path, sqlite3 **db, struct buf *err);

/* Load a case by id from an open index (NULL when absent or on error). */
struct pcase	*index_load_case(sqlite3 *db, const char *id, struct buf *err);

/* The "related" array of case id (SPEC §4.2); empty when none.  New ref. */
json_t	*index_related_json(sqlite3 *db, const char *id);

#endif
