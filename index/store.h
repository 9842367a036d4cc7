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

#define SCHEMA_VERSION "5"

struct store;

/* Start a new index for path (written to path.tmp). */
int	store_begin(const char *path, struct store **out, struct buf *err);
/*
 * Start changing the existing index at path: it is copied to path.tmp,
 * changed there and renamed over path by store_commit().  Fails when it
 * is of another schema, parse or link rules.
 */
int	store_update(const char *path, struct store **out, struct buf *err);
/* Remove document doc_id, its cases and everything derived from them
 * (links from them; links to them are left for the caller to redo). */
int	store_remove_document(struct store *s, int64_t doc_id,
	    struct buf *err);
/* Set meta key to value. */
int	store_set_meta(struct store *s, const char *key, const char *value,
	    struct buf *err);
/*
 * Record a source document and the diagnostics its reading reported
 * (lines ending in '\n', or NULL); *doc_id receives its row id.
 */
int	store_add_document(struct store *s, const struct source *src,
	    const char *diagnostics, int64_t *doc_id, struct buf *err);
/* Record a case of that document and its full-text row; *case_rowid
 * (when not NULL) receives its row id. */
int	store_add_case(struct store *s, int64_t doc_id, const struct pcase *c,
	    int64_t *case_rowid, struct buf *err);
/*
 * The same with the slow parts done beforehand, in any thread: the
 * document's text deflated (pack_text()), the case's export JSON
 * deflated (store_pack_case()).
 */
void	store_pack_case(const struct pcase *c, struct buf *out);
int	store_add_document_packed(struct store *s, const struct source *src,
	    const void *z, size_t zlen, const char *diagnostics,
	    int64_t *doc_id, struct buf *err);
int	store_add_case_packed(struct store *s, int64_t doc_id,
	    const struct pcase *c, const void *z, size_t zlen,
	    int64_t *case_rowid, struct buf *err);
/* Record that a case's rank-th most similar case is another. */
int	store_add_link(struct store *s, int64_t case_rowid,
	    int64_t related_rowid, int rank, double score,
	    const struct strlist *reasons, struct buf *err);
/* Forget the links of a case (before it is given new ones). */
int	store_clear_links(struct store *s, int64_t case_rowid,
	    struct buf *err);
/* Record linker feature id (link.h) and a case's linker input. */
int	store_add_link_feature(struct store *s, int64_t id, int kind,
	    const char *key, const char *display, struct buf *err);
int	store_add_link_input(struct store *s, int64_t case_rowid,
	    const void *data, size_t len, struct buf *err);
/* The database being written (for stages such as linking). */
sqlite3	*store_db(struct store *s);
/*
 * Merge the full-text index and write the ranking data: after this the
 * index can be searched (the site's search data is read from it); no
 * more cases may be added.  store_commit() calls it if needed.
 */
int	store_finish_text(struct store *s, struct buf *err);
/*
 * Commit, close and rename into place; frees s whatever happens.  The
 * index it replaces stays linked as PATH.old, so that the rename itself
 * is quick (freeing a large file's blocks is not) and what must follow
 * it at once (the site's swap) does: store_drop_old() removes it.
 */
int	store_commit(struct store *s, struct buf *err);
/* Remove PATH.old, the index a commit replaced (or a killed build left). */
void	store_drop_old(const char *path);
/* Drop the half-written index; frees s.  Accepts NULL. */
void	store_abort(struct store *s);

/*
 * Open an existing index read-only with the tokenizer registered.
 * Fails with a helpful message when it is missing or of another schema.
 */
int	index_open(const char *path, sqlite3 **db, struct buf *err);
/* The same, read-write: for checks SQLite only runs on a writable
 * connection (FTS5's integrity-check); the caller writes nothing. */
int	index_open_writable(const char *path, sqlite3 **db,
	    struct buf *err);

/* ---- what a previous build stored, for incremental builds ---- */

/* The value of meta key appended to out; -1 when absent. */
int	index_meta(sqlite3 *db, const char *key, struct buf *out);

/*
 * Call fn for every row of sql (a statement without parameters) until
 * it returns non-zero.  Returns 0, or -1 with "what: SQLite's message"
 * in err when sql cannot be prepared or run.
 */
int	index_each_row(sqlite3 *db, const char *sql,
	    int (*fn)(void *arg, sqlite3_stmt *st), void *arg,
	    const char *what, struct buf *err);

struct indexed_doc {
	int64_t		 id;
	const char	*path;
	uint64_t	 hash;		/* of the raw bytes (ingest.h) */
	const char	*diagnostics;	/* what reading it reported */
};
/*
 * Call fn for every document, by path (byte order), until it returns
 * non-zero.  The strings are valid during the call.  0, or -1 with err.
 */
int	index_each_document(sqlite3 *db,
	    int (*fn)(void *arg, const struct indexed_doc *d), void *arg,
	    struct buf *err);
/* Call fn for every stored linker feature, by id. */
int	index_each_link_feature(sqlite3 *db, int (*fn)(void *arg, int64_t id,
	    int kind, const char *key, const char *display), void *arg,
	    struct buf *err);

struct indexed_input {
	int64_t		 rowid;		/* the case's */
	const char	*id, *municipality, *source;
	const void	*data;		/* linker_case_input(); NULL when
					   damaged */
	size_t		 len;
};
/* Call fn for every case's linker input, by case rowid. */
int	index_each_link_input(sqlite3 *db,
	    int (*fn)(void *arg, const struct indexed_input *in), void *arg,
	    struct buf *err);
/* Call fn for every case with a link to a case that is gone. */
int	index_each_dangling_link(sqlite3 *db,
	    int (*fn)(void *arg, int64_t case_rowid), void *arg,
	    struct buf *err);
/* Call fn for every case with a link to related_rowid. */
int	index_each_case_linking(sqlite3 *db, int64_t related_rowid,
	    int (*fn)(void *arg, int64_t case_rowid), void *arg,
	    struct buf *err);
/* How many links a case has, and the lowest score among them. */
int	index_link_floor(sqlite3 *db, int64_t case_rowid, size_t *n,
	    double *floor);
/*
 * Give case_rowid's link to related_rowid, if it has one, a new score
 * and reasons, and rank its links again by score.
 */
int	store_update_link(struct store *s, int64_t case_rowid,
	    int64_t related_rowid, double score,
	    const struct strlist *reasons, struct buf *err);

/* Load a case by id from an open index (NULL when absent or on error). */
struct pcase	*index_load_case(sqlite3 *db, const char *id, struct buf *err);

/* The "related" array of case id (SPEC §4.2); empty when none.  New ref. */
json_t	*index_related_json(sqlite3 *db, const char *id);

#endif
