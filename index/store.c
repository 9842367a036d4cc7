/*
 * store.c — the index writer (PATH.tmp, one transaction, rename) and
 * reader helpers.  The on-disk format is index/schema.sql, embedded into
 * the binary as schema_sql[] at build time.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "link.h"
#include "packed.h"
#include "rank.h"
#include "parse.h"
#include "sqlfunc.h"
#include "store.h"
#include "strtab.h"
#include "tokenizer.h"

extern const char schema_sql[];

enum stmt_id {
	ST_DOC, ST_CASE, ST_JSON, ST_PROC, ST_PARTY, ST_ITEM, ST_CITE,
	ST_TEXT, ST_FTS, ST_REASON, ST_LINK, ST_FEATURE, ST_INPUT,
	ST_UNLINK, ST__MAX
};

static const char *const stmt_sql[ST__MAX] = {
	"INSERT INTO documents(path, hash, encoding, bytes, text, "
	    "diagnostics, pages, original) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8)",
	"INSERT INTO cases(id, document_id, source, municipality, kind, "
	    "number, title, date, department, subjects_count, line_start, "
	    "line_end) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
	"INSERT INTO case_json(case_rowid, json) VALUES (?1, ?2)",
	"INSERT INTO procedures(case_id, seq, type, title, partner, "
	    "period_start, period_end, line) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
	"INSERT INTO parties(procedure_id, role, name) VALUES (?1, ?2, ?3)",
	"INSERT INTO items(procedure_id, seq, name) VALUES (?1, ?2, ?3)",
	"INSERT INTO citations(case_id, seq, citation) VALUES (?1, ?2, ?3)",
	"INSERT INTO fts_text(case_rowid, title, procedures, parties, items, "
	    "basis, meta) VALUES (?1,?2,?3,?4,?5,?6,?7)",
	"INSERT INTO fts(rowid, title, procedures, parties, items, basis, "
	    "meta, body) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
	"INSERT INTO reasons(id, text) VALUES (?1, ?2)",
	"INSERT INTO links(case_rowid, rank, related_rowid, score, reasons) "
	    "VALUES (?1, ?3, ?2, ?4, ?5)",
	"INSERT INTO link_features(id, kind, key, display) "
	    "VALUES (?1, ?2, ?3, ?4)",
	"INSERT OR REPLACE INTO link_input(case_rowid, data) VALUES (?1, ?2)",
	"DELETE FROM links WHERE case_rowid = ?1",
};

struct store {
	sqlite3		*db;
	char		*path;		/* final name */
	char		*tmp;		/* name written to */
	sqlite3_stmt	*st[ST__MAX];
	struct strtab	 reasons;	/* reason texts stored so far */
	int		 text_finished;	/* store_finish_text() done */
	int		 updating;	/* store_update(): an index changed
					   in place, not built anew */
};

static int	check_schema(sqlite3 *db, const char *path, struct buf *err);

static int
db_fail(sqlite3 *db, struct buf *err, const char *what)
{
	buf_printf(err, "%s: %s", what, db ? sqlite3_errmsg(db) :
	    "out of memory");
	return -1;
}

static void
store_close(struct store *s)
{
	for (int i = 0; i < ST__MAX; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s->tmp);
	strtab_free(&s->reasons);
	free(s);
}

static int
store_prepare(struct store *s, struct buf *err)
{
	for (int i = 0; i < ST__MAX; i++)
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK)
			return db_fail(s->db, err, "prepare");
	return 0;
}

/* Open s->tmp with picorpus's SQL functions, unjournaled, in a
 * transaction. */
static int
open_tmp(struct store *s, struct buf *err)
{
	if (sqlite3_open_v2(s->tmp, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return db_fail(s->db, err, s->tmp);
	if (tokenizer_register(s->db) != SQLITE_OK ||
	    sqlfunc_register(s->db) != SQLITE_OK)
		return db_fail(s->db, err, "FTS5 tokenizer");
	if (sqlite3_exec(s->db, "PRAGMA journal_mode=OFF; "
	    "PRAGMA synchronous=OFF; BEGIN;", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s->db, err, s->tmp);
	return 0;
}

static struct store *
store_new(const char *path)
{
	struct store *s = xcalloc(1, sizeof(*s));
	struct buf tmp = BUF_INIT;

	buf_printf(&tmp, "%s.tmp", path);
	s->path = xstrdup(path);
	s->tmp = buf_detach(&tmp);
	return s;
}

int
store_begin(const char *path, struct store **out, struct buf *err)
{
	struct store *s = store_new(path);

	*out = NULL;
	if (unlink(s->tmp) == -1 && errno != ENOENT) {
		buf_printf(err, "%s: %s", s->tmp, strerror(errno));
		goto fail;
	}
	if (open_tmp(s, err) == -1)
		goto fail;
	if (sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "INSERT INTO meta VALUES ('schema_version', '"
	    SCHEMA_VERSION "'), ('parse_rules', '" PARSE_RULES_VERSION "'), "
	    "('link_rules', '" LINK_RULES_VERSION "')", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		db_fail(s->db, err, "schema");
		goto fail;
	}
	if (store_prepare(s, err) == -1)
		goto fail;
	*out = s;
	return 0;
fail:
	store_abort(s);
	return -1;
}

/* Copy the file from to the new file to (replacing it). */
static int
copy_file(const char *from, const char *to, struct buf *err)
{
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
	const char *bad = from;
	struct stat st;
	ssize_t n;

	if (in == -1 || fstat(in, &st) == -1)
		goto out;
	bad = to;
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1)
		goto out;
	while ((n = copy_file_range(in, NULL, out, NULL, 1 << 30, 0)) > 0)
		;
	if (n == -1 && (errno == EXDEV || errno == ENOSYS ||
	    errno == EINVAL)) {	/* no kernel copy here: plain reads */
		char chunk[1 << 16];

		lseek(in, 0, SEEK_SET);
		lseek(out, 0, SEEK_SET);
		while ((n = read(in, chunk, sizeof(chunk))) > 0)
			if (write(out, chunk, (size_t)n) != n) {
				n = -1;
				break;
			}
	}
	rc = n == 0 ? 0 : -1;
out:
	if (rc == -1)
		buf_printf(err, "%s: %s", bad, strerror(errno));
	if (in != -1)
		close(in);
	if (out != -1 && close(out) == -1 && rc == 0) {
		buf_printf(err, "%s: %s", to, strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Load the reasons stored so far, so that new links share their ids. */
static int
load_reasons(struct store *s, struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT id, text FROM reasons ORDER BY "
	    "id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s->db, err, "reasons");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_int64(st, 0) != (int64_t)s->reasons.n ||
		    strtab_intern(&s->reasons, t, strlen(t)) + 1 !=
		    s->reasons.n) {
			sqlite3_finalize(st);
			buf_printf(err, "%s: reasons are not numbered 0, 1 …",
			    s->path);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, err, "reasons");
}

int
store_update(const char *path, struct store **out, struct buf *err)
{
	struct store *s = store_new(path);

	*out = NULL;
	if (copy_file(path, s->tmp, err) == -1 || open_tmp(s, err) == -1 ||
	    check_schema(s->db, path, err) == -1 ||
	    store_prepare(s, err) == -1 || load_reasons(s, err) == -1) {
		store_abort(s);
		return -1;
	}
	s->updating = 1;
	*out = s;
	return 0;
}

/* Statements that remove document ?1 and everything derived from it. */
static const char *const remove_sql[] = {
	"INSERT INTO fts(fts, rowid, title, procedures, parties, items, "
	    "basis, meta, body) SELECT 'delete', case_rowid, title, "
	    "procedures, parties, items, basis, meta, body FROM "
	    "fts_content_view WHERE case_rowid IN (SELECT rowid FROM cases "
	    "WHERE document_id = ?1)",
	"DELETE FROM links WHERE case_rowid IN (SELECT rowid FROM cases "
	    "WHERE document_id = ?1)",
	"DELETE FROM link_input WHERE case_rowid IN (SELECT rowid FROM cases "
	    "WHERE document_id = ?1)",
	"DELETE FROM case_json WHERE case_rowid IN (SELECT rowid FROM cases "
	    "WHERE document_id = ?1)",
	"DELETE FROM fts_text WHERE case_rowid IN (SELECT rowid FROM cases "
	    "WHERE document_id = ?1)",
	"DELETE FROM items WHERE procedure_id IN (SELECT p.id FROM "
	    "procedures p JOIN cases c ON c.id = p.case_id WHERE "
	    "c.document_id = ?1)",
	"DELETE FROM parties WHERE procedure_id IN (SELECT p.id FROM "
	    "procedures p JOIN cases c ON c.id = p.case_id WHERE "
	    "c.document_id = ?1)",
	"DELETE FROM procedures WHERE case_id IN (SELECT id FROM cases WHERE "
	    "document_id = ?1)",
	"DELETE FROM citations WHERE case_id IN (SELECT id FROM cases WHERE "
	    "document_id = ?1)",
	"DELETE FROM cases WHERE document_id = ?1",
	"DELETE FROM documents WHERE id = ?1",
	NULL
};

int
store_remove_document(struct store *s, int64_t doc_id, struct buf *err)
{
	for (int i = 0; remove_sql[i] != NULL; i++) {
		sqlite3_stmt *st;
		int rc;

		if (sqlite3_prepare_v2(s->db, remove_sql[i], -1, &st, NULL) !=
		    SQLITE_OK)
			return db_fail(s->db, err, "remove document");
		sqlite3_bind_int64(st, 1, doc_id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(s->db, err, "remove document");
	}
	return 0;
}

int
store_set_meta(struct store *s, const char *key, const char *value,
    struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value) "
	    "VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s->db, err, "meta");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s->db, err, "meta");
}

sqlite3 *
store_db(struct store *s)
{
	return s->db;
}

/* ---- binding helpers with a sticky result code ---- */

static void
bind_text(sqlite3_stmt *st, int i, const char *v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) :
		    sqlite3_bind_null(st, i);
}

static void
bind_int(sqlite3_stmt *st, int i, int64_t v, int *rc)
{
	if (*rc == SQLITE_OK)
		*rc = sqlite3_bind_int64(st, i, v);
}

/* Bind text[0..len) deflated (packed.h). */
static void
bind_packed(sqlite3_stmt *st, int i, const char *text, size_t len, int *rc)
{
	struct buf z = BUF_INIT;

	if (*rc != SQLITE_OK)
		return;
	pack_text(text, len, &z);
	*rc = sqlite3_bind_blob(st, i, z.data, (int)z.len, free);
}

static void
step(sqlite3_stmt *st, int *rc)
{
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(st);
		if (*rc == SQLITE_DONE)
			*rc = SQLITE_OK;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int
store_add_document_packed(struct store *s, const struct source *src,
    const void *z, size_t zlen, const char *diagnostics, int64_t *doc_id,
    struct buf *err)
{
	sqlite3_stmt *st = s->st[ST_DOC];
	char hash[17];
	int rc = SQLITE_OK;

	snprintf(hash, sizeof(hash), "%016" PRIx64, src->hash);
	bind_text(st, 1, src->path, &rc);
	bind_text(st, 2, hash, &rc);
	bind_text(st, 3, encoding_name(src->enc), &rc);
	bind_int(st, 4, (int64_t)src->len, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_blob(st, 5, z, (int)zlen, SQLITE_STATIC);
	bind_text(st, 6, diagnostics ? diagnostics : "", &rc);
	bind_text(st, 7, src->pages ? src->pages : "", &rc);
	if (rc == SQLITE_OK && src->original != NULL)
		rc = sqlite3_bind_blob64(st, 8, src->original,
		    src->original_len, SQLITE_STATIC);
	step(st, &rc);
	if (rc != SQLITE_OK)
		return db_fail(s->db, err, src->path);
	*doc_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
store_add_document(struct store *s, const struct source *src,
    const char *diagnostics, int64_t *doc_id, struct buf *err)
{
	struct buf z = BUF_INIT;
	int rc;

	pack_text(src->text, src->len, &z);
	rc = store_add_document_packed(s, src, z.data, z.len, diagnostics,
	    doc_id, err);
	buf_free(&z);
	return rc;
}

static void
add_parties(struct store *s, int64_t proc_id, const char *role,
    const struct strlist *names, int *rc)
{
	sqlite3_stmt *st = s->st[ST_PARTY];

	for (size_t i = 0; i < names->n; i++) {
		bind_int(st, 1, proc_id, rc);
		bind_text(st, 2, role, rc);
		bind_text(st, 3, names->v[i], rc);
		step(st, rc);
	}
}

static void
add_procedure(struct store *s, const char *case_id, int seq,
    const struct procedure *p, int *rc)
{
	sqlite3_stmt *st = s->st[ST_PROC];
	int64_t id;

	bind_text(st, 1, case_id, rc);
	bind_int(st, 2, seq, rc);
	bind_text(st, 3, proc_type_name(p->type), rc);
	bind_text(st, 4, p->title.value, rc);
	bind_text(st, 5, p->partner.value, rc);
	bind_text(st, 6, p->period_start.value, rc);
	bind_text(st, 7, p->period_end.value, rc);
	bind_int(st, 8, p->line, rc);
	step(st, rc);
	id = sqlite3_last_insert_rowid(s->db);
	add_parties(s, id, "consignee", &p->consignees, rc);
	add_parties(s, id, "subcontractor", &p->subcontractors, rc);
	if (p->partner.value != NULL) {
		struct strlist one = STRLIST_INIT;

		strlist_push(&one, p->partner.value);
		add_parties(s, id, "partner", &one, rc);
		strlist_free(&one);
	}
	st = s->st[ST_ITEM];
	for (size_t i = 0; i < p->data_items.n; i++) {
		bind_int(st, 1, id, rc);
		bind_int(st, 2, (int64_t)i, rc);
		bind_text(st, 3, p->data_items.v[i], rc);
		step(st, rc);
	}
}

static void
join_list(struct buf *b, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		buf_puts(b, l->v[i]);
		buf_putc(b, '\n');
	}
}

/* The text of the fts columns procedures, parties, items, basis, meta. */
static void
fts_columns(const struct pcase *c, struct buf col[5])
{
	for (size_t i = 0; i < c->nprocs; i++) {
		const struct procedure *p = &c->procs[i];

		buf_printf(&col[0], "%s %s\n", proc_type_name(p->type),
		    p->title.value ? p->title.value : "");
		join_list(&col[1], &p->consignees);
		join_list(&col[1], &p->subcontractors);
		if (p->partner.value)
			buf_printf(&col[1], "%s\n", p->partner.value);
		join_list(&col[2], &p->data_items);
	}
	join_list(&col[3], &c->legal_basis);
	buf_printf(&col[4], "%s %s %s %s %s",
	    c->municipality.value ? c->municipality.value : "",
	    c->kind.value ? c->kind.value : "",
	    c->number.value ? c->number.value : "",
	    c->department.value ? c->department.value : "",
	    c->date.value ? c->date.value : "");
}

/*
 * The full-text row of a case: its short columns into fts_text, then
 * those and the body into fts, which keeps only tokens and positions
 * (the body is derived again from the document when needed).
 */
static void
add_fts(struct store *s, int64_t rowid, const struct pcase *c, int *rc)
{
	const char *body = c->body ? c->body : "";
	struct buf col[5] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT,
	    BUF_INIT };

	fts_columns(c, col);
	for (int t = ST_TEXT; t <= ST_FTS; t++) {
		sqlite3_stmt *st = s->st[t];

		bind_int(st, 1, rowid, rc);
		bind_text(st, 2, c->title.value ? c->title.value : "", rc);
		for (int i = 0; i < 5; i++)
			bind_text(st, 3 + i, col[i].data ? col[i].data : "",
			    rc);
		if (t == ST_FTS)
			bind_text(st, 8, body, rc);
		step(st, rc);
	}
	for (int i = 0; i < 5; i++)
		buf_free(&col[i]);
}

void
store_pack_case(const struct pcase *c, struct buf *out)
{
	json_t *o = case_to_json(c, 1);
	char *json = json_dumps(o, JSON_COMPACT);

	pack_text(json, strlen(json), out);
	free(json);
	json_decref(o);
}

int
store_add_case(struct store *s, int64_t doc_id, const struct pcase *c,
    int64_t *case_rowid, struct buf *err)
{
	struct buf z = BUF_INIT;
	int rc;

	store_pack_case(c, &z);
	rc = store_add_case_packed(s, doc_id, c, z.data, z.len, case_rowid,
	    err);
	buf_free(&z);
	return rc;
}

int
store_add_case_packed(struct store *s, int64_t doc_id, const struct pcase *c,
    const void *z, size_t zlen, int64_t *case_rowid, struct buf *err)
{
	sqlite3_stmt *st = s->st[ST_CASE];
	int64_t rowid;
	int rc = SQLITE_OK;

	bind_text(st, 1, c->id, &rc);
	bind_int(st, 2, doc_id, &rc);
	bind_text(st, 3, c->source, &rc);
	bind_text(st, 4, c->municipality.value, &rc);
	bind_text(st, 5, c->kind.value, &rc);
	bind_text(st, 6, c->number.value, &rc);
	bind_text(st, 7, c->title.value, &rc);
	bind_text(st, 8, c->date.value, &rc);
	bind_text(st, 9, c->department.value, &rc);
	if (rc == SQLITE_OK)
		rc = c->subjects_count >= 0 ? sqlite3_bind_int64(st, 10,
		    c->subjects_count) : sqlite3_bind_null(st, 10);
	bind_int(st, 11, c->line_start, &rc);
	bind_int(st, 12, c->line_end, &rc);
	step(st, &rc);
	rowid = sqlite3_last_insert_rowid(s->db);
	bind_int(s->st[ST_JSON], 1, rowid, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_blob(s->st[ST_JSON], 2, z, (int)zlen,
		    SQLITE_STATIC);
	step(s->st[ST_JSON], &rc);
	add_fts(s, rowid, c, &rc);
	for (size_t i = 0; i < c->nprocs; i++)
		add_procedure(s, c->id, (int)i, &c->procs[i], &rc);
	for (size_t i = 0; i < c->legal_basis.n; i++) {
		bind_text(s->st[ST_CITE], 1, c->id, &rc);
		bind_int(s->st[ST_CITE], 2, (int64_t)i, &rc);
		bind_text(s->st[ST_CITE], 3, c->legal_basis.v[i], &rc);
		step(s->st[ST_CITE], &rc);
	}
	if (rc != SQLITE_OK)
		return db_fail(s->db, err, c->id ? c->id : "case");
	if (case_rowid != NULL)
		*case_rowid = rowid;
	return 0;
}

/* Insert a link whose reasons are already a JSON array of reason ids. */
static int
add_link_ids(struct store *s, int64_t case_rowid, int64_t related_rowid,
    int rank, double score, const char *ids, struct buf *err)
{
	sqlite3_stmt *st = s->st[ST_LINK];
	int rc = SQLITE_OK;

	bind_int(st, 1, case_rowid, &rc);
	bind_int(st, 2, related_rowid, &rc);
	bind_int(st, 3, rank, &rc);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_double(st, 4, score);
	bind_text(st, 5, ids, &rc);
	step(st, &rc);
	return rc == SQLITE_OK ? 0 : db_fail(s->db, err, "links");
}

int
store_add_link(struct store *s, int64_t case_rowid, int64_t related_rowid,
    int rank, double score, const struct strlist *reasons, struct buf *err)
{
	struct buf ids = BUF_INIT;
	int rc = SQLITE_OK;

	buf_putc(&ids, '[');
	for (size_t i = 0; i < reasons->n && rc == SQLITE_OK; i++) {
		size_t had = s->reasons.n;
		uint32_t id = strtab_intern(&s->reasons, reasons->v[i],
		    strlen(reasons->v[i]));

		if (id == had) {	/* first sight: store its text */
			bind_int(s->st[ST_REASON], 1, id, &rc);
			bind_text(s->st[ST_REASON], 2, reasons->v[i], &rc);
			step(s->st[ST_REASON], &rc);
		}
		buf_printf(&ids, "%s%" PRIu32, i ? "," : "", id);
	}
	buf_putc(&ids, ']');
	if (rc != SQLITE_OK) {
		buf_free(&ids);
		return db_fail(s->db, err, "reasons");
	}
	rc = add_link_ids(s, case_rowid, related_rowid, rank, score, ids.data,
	    err);
	buf_free(&ids);
	return rc;
}

int
store_clear_links(struct store *s, int64_t case_rowid, struct buf *err)
{
	int rc = SQLITE_OK;

	bind_int(s->st[ST_UNLINK], 1, case_rowid, &rc);
	step(s->st[ST_UNLINK], &rc);
	return rc == SQLITE_OK ? 0 : db_fail(s->db, err, "links");
}

int
store_add_link_feature(struct store *s, int64_t id, int kind,
    const char *key, const char *display, struct buf *err)
{
	sqlite3_stmt *st = s->st[ST_FEATURE];
	int rc = SQLITE_OK;

	bind_int(st, 1, id, &rc);
	bind_int(st, 2, kind, &rc);
	bind_text(st, 3, key, &rc);
	bind_text(st, 4, display, &rc);
	step(st, &rc);
	return rc == SQLITE_OK ? 0 : db_fail(s->db, err, "link_features");
}

int
store_add_link_input(struct store *s, int64_t case_rowid, const void *data,
    size_t len, struct buf *err)
{
	sqlite3_stmt *st = s->st[ST_INPUT];
	int rc = SQLITE_OK;

	bind_int(st, 1, case_rowid, &rc);
	bind_packed(st, 2, data, len, &rc);
	step(st, &rc);
	return rc == SQLITE_OK ? 0 : db_fail(s->db, err, "link_input");
}

int
store_finish_text(struct store *s, struct buf *err)
{
	if (s->text_finished)
		return 0;
	/* A new index is merged into one b-tree; a changed one keeps its
	 * merged b-tree and the small segments of the change (FTS5 merges
	 * them as they accumulate), as merging all would cost as much as
	 * the whole index. */
	if ((!s->updating && sqlite3_exec(s->db, "INSERT INTO fts(fts) VALUES "
	    "('optimize')", NULL, NULL, NULL) != SQLITE_OK) ||
	    rank_write_lengths(s->db) != SQLITE_OK)
		return db_fail(s->db, err, "full-text index");
	s->text_finished = 1;
	return 0;
}

static void
old_path(struct buf *b, const char *path)
{
	buf_printf(b, "%s.old", path);
}

/* Link path as path.old (when it exists), so that renaming over path
 * does not free it. */
static void
keep_old(const char *path)
{
	struct buf old = BUF_INIT;

	old_path(&old, path);
	unlink(old.data);
	if (link(path, old.data) == -1 && errno != ENOENT)
		unlink(old.data);	/* no hard links here: a slower rename */
	buf_free(&old);
}

void
store_drop_old(const char *path)
{
	struct buf old = BUF_INIT;

	old_path(&old, path);
	unlink(old.data);
	buf_free(&old);
}

int
store_commit(struct store *s, struct buf *err)
{
	int ret = 0;

	if (store_finish_text(s, err) == -1 ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(s->db, err, "commit");
		store_abort(s);
		return -1;
	}
	for (int i = 0; i < ST__MAX; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	if (sqlite3_close(s->db) != SQLITE_OK) {
		db_fail(s->db, err, "close");
		ret = -1;
	}
	s->db = NULL;
	if (ret == 0)
		keep_old(s->path);
	if (ret == 0 && rename(s->tmp, s->path) == -1) {
		buf_printf(err, "%s: %s", s->path, strerror(errno));
		ret = -1;
	}
	if (ret == -1)
		unlink(s->tmp);
	store_close(s);
	return ret;
}

void
store_abort(struct store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < ST__MAX; i++) {
		sqlite3_finalize(s->st[i]);
		s->st[i] = NULL;
	}
	sqlite3_close(s->db);
	s->db = NULL;
	unlink(s->tmp);
	store_close(s);
}

/* Does meta hold key = value? */
static int
meta_is(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1",
	    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			ok = strcmp((const char *)sqlite3_column_text(st, 0),
			    value) == 0;
	}
	sqlite3_finalize(st);
	return ok;
}

/*
 * The schema, and the parse rules the views re-run (sqlfunc.h), must be
 * those of this binary.
 */
static int
check_schema(sqlite3 *db, const char *path, struct buf *err)
{
	if (!meta_is(db, "schema_version", SCHEMA_VERSION)) {
		buf_printf(err, "%s: not a picorpus index of schema version %s "
		    "(rebuild it with 'picorpus build')", path, SCHEMA_VERSION);
		return -1;
	}
	if (!meta_is(db, "parse_rules", PARSE_RULES_VERSION) ||
	    !meta_is(db, "link_rules", LINK_RULES_VERSION)) {
		buf_printf(err, "%s: written by another picorpus version "
		    "(rebuild it with 'picorpus build')", path);
		return -1;
	}
	return 0;
}

static int
open_index(const char *path, int flags, sqlite3 **db, struct buf *err)
{
	*db = NULL;
	if (access(path, R_OK) == -1) {
		buf_printf(err, "%s: %s (run 'picorpus build' first, or give "
		    "--index FILE)", path, strerror(errno));
		return -1;
	}
	if (sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK || tokenizer_register(*db) != SQLITE_OK ||
	    sqlfunc_register(*db) != SQLITE_OK ||
	    rank_register(*db) != SQLITE_OK) {
		db_fail(*db, err, path);
		goto fail;
	}
	if (check_schema(*db, path, err) == -1)
		goto fail;
	return 0;
fail:
	sqlite3_close(*db);
	*db = NULL;
	return -1;
}

int
index_open(const char *path, sqlite3 **db, struct buf *err)
{
	return open_index(path, SQLITE_OPEN_READONLY, db, err);
}

int
index_open_writable(const char *path, sqlite3 **db, struct buf *err)
{
	return open_index(path, SQLITE_OPEN_READWRITE, db, err);
}

struct pcase *
index_load_case(sqlite3 *db, const char *id, struct buf *err)
{
	sqlite3_stmt *st = NULL;
	struct pcase *c = NULL;
	json_t *o;

	if (sqlite3_prepare_v2(db, "SELECT unpack(j.json) FROM cases c JOIN "
	    "case_json j ON j.case_rowid = c.rowid WHERE c.id = ?1", -1, &st,
	    NULL) != SQLITE_OK) {
		db_fail(db, err, "load case");
		return NULL;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		o = json_loads((const char *)sqlite3_column_text(st, 0), 0,
		    NULL);
		c = case_from_json(o);
		json_decref(o);
	}
	sqlite3_finalize(st);
	return c;
}

/* The related array of a case from the links table. */
json_t *
index_related_json(sqlite3 *db, const char *id)
{
	json_t *a = json_array();
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT related_id, score, reasons FROM "
	    "links_view WHERE case_id = ?1 ORDER BY rank", -1, &st, NULL) !=
	    SQLITE_OK)
		return a;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		json_t *r = json_loads((const char *)sqlite3_column_text(st, 2),
		    0, NULL);

		json_object_set_new(o, "id", json_string((const char *)
		    sqlite3_column_text(st, 0)));
		json_object_set_new(o, "score",
		    json_real(sqlite3_column_double(st, 1)));
		json_object_set_new(o, "reasons", r ? r : json_array());
		json_array_append_new(a, o);
	}
	sqlite3_finalize(st);
	return a;
}

/* ---- reading what a previous build stored (incremental builds) ---- */

int
index_each_row(sqlite3 *db, const char *sql,
    int (*fn)(void *arg, sqlite3_stmt *st), void *arg, const char *what,
    struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, what);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && fn(arg, st) == 0)
		;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_fail(db, err, what);
}

int
index_meta(sqlite3 *db, const char *key, struct buf *out)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL) {
		buf_puts(out, (const char *)sqlite3_column_text(st, 0));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Run sql (binding ?1 to param when it is >= 0) and call row for each
 * result row until it returns non-zero; 0, or -1 with err. */
static int
each_row(sqlite3 *db, const char *sql, int64_t param,
    int (*row)(void *arg, sqlite3_stmt *st), void *arg, struct buf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, "read index");
	if (param >= 0)
		sqlite3_bind_int64(st, 1, param);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(arg, st) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, "read index");
}

struct doc_cb {
	int	(*fn)(void *, const struct indexed_doc *);
	void	*arg;
};

static int
doc_row(void *arg, sqlite3_stmt *st)
{
	struct doc_cb *cb = arg;
	struct indexed_doc d;

	d.id = sqlite3_column_int64(st, 0);
	d.path = (const char *)sqlite3_column_text(st, 1);
	d.hash = strtoull((const char *)sqlite3_column_text(st, 2), NULL, 16);
	d.diagnostics = (const char *)sqlite3_column_text(st, 3);
	return cb->fn(cb->arg, &d);
}

int
index_each_document(sqlite3 *db, int (*fn)(void *, const struct indexed_doc *),
    void *arg, struct buf *err)
{
	struct doc_cb cb = { fn, arg };

	return each_row(db, "SELECT id, path, hash, diagnostics FROM documents "
	    "ORDER BY path", -1, doc_row, &cb, err);
}

struct feature_cb {
	int	(*fn)(void *, int64_t, int, const char *, const char *);
	void	*arg;
};

static int
feature_row(void *arg, sqlite3_stmt *st)
{
	struct feature_cb *cb = arg;

	return cb->fn(cb->arg, sqlite3_column_int64(st, 0),
	    sqlite3_column_int(st, 1), (const char *)sqlite3_column_text(st, 2),
	    (const char *)sqlite3_column_text(st, 3));
}

int
index_each_link_feature(sqlite3 *db,
    int (*fn)(void *, int64_t, int, const char *, const char *), void *arg,
    struct buf *err)
{
	struct feature_cb cb = { fn, arg };

	return each_row(db, "SELECT id, kind, key, display FROM link_features "
	    "ORDER BY id", -1, feature_row, &cb, err);
}

struct input_cb {
	int	(*fn)(void *, const struct indexed_input *);
	void	*arg;
	struct buf data;
};

static int
input_row(void *arg, sqlite3_stmt *st)
{
	struct input_cb *cb = arg;
	struct indexed_input in;

	buf_truncate(&cb->data, 0);
	in.rowid = sqlite3_column_int64(st, 0);
	in.id = (const char *)sqlite3_column_text(st, 1);
	in.municipality = (const char *)sqlite3_column_text(st, 2);
	in.source = (const char *)sqlite3_column_text(st, 3);
	if (unpack_text(sqlite3_column_blob(st, 4),
	    (size_t)sqlite3_column_bytes(st, 4), &cb->data) == -1) {
		in.data = NULL;
		in.len = 0;
	} else {
		in.data = cb->data.data;
		in.len = cb->data.len;
	}
	return cb->fn(cb->arg, &in);
}

int
index_each_link_input(sqlite3 *db, int (*fn)(void *,
    const struct indexed_input *), void *arg, struct buf *err)
{
	struct input_cb cb = { fn, arg, BUF_INIT };
	int rc = each_row(db, "SELECT i.case_rowid, c.id, c.municipality, "
	    "c.source, i.data FROM link_input i JOIN cases c ON c.rowid = "
	    "i.case_rowid ORDER BY i.case_rowid", -1, input_row, &cb, err);

	buf_free(&cb.data);
	return rc;
}

struct rowid_cb {
	int	(*fn)(void *, int64_t);
	void	*arg;
};

static int
rowid_row(void *arg, sqlite3_stmt *st)
{
	struct rowid_cb *cb = arg;

	return cb->fn(cb->arg, sqlite3_column_int64(st, 0));
}

int
index_each_dangling_link(sqlite3 *db, int (*fn)(void *, int64_t), void *arg,
    struct buf *err)
{
	struct rowid_cb cb = { fn, arg };

	return each_row(db, "SELECT DISTINCT case_rowid FROM links WHERE "
	    "related_rowid NOT IN (SELECT rowid FROM cases) ORDER BY 1", -1,
	    rowid_row, &cb, err);
}

int
index_each_case_linking(sqlite3 *db, int64_t related_rowid,
    int (*fn)(void *, int64_t), void *arg, struct buf *err)
{
	struct rowid_cb cb = { fn, arg };

	return each_row(db, "SELECT case_rowid FROM links WHERE related_rowid "
	    "= ?1 ORDER BY 1", related_rowid, rowid_row, &cb, err);
}

int
index_link_floor(sqlite3 *db, int64_t case_rowid, size_t *n, double *floor)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	*floor = 0.0;
	if (sqlite3_prepare_v2(db, "SELECT count(*), min(score) FROM links "
	    "WHERE case_rowid = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, case_rowid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 0);
		*floor = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * Give case_rowid's link to related_rowid (if it has one) a new score
 * and reasons, and number its links again by score (ties by case id).
 */
int
store_update_link(struct store *s, int64_t case_rowid, int64_t related_rowid,
    double score, const struct strlist *reasons, struct buf *err)
{
	struct lrow { int64_t related; double score; char *reasons; } *v = NULL;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc = 0, found = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT l.related_rowid, l.score, "
	    "l.reasons FROM links l JOIN cases c ON c.rowid = l.related_rowid "
	    "WHERE l.case_rowid = ?1 ORDER BY l.rank", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(s->db, err, "links");
	sqlite3_bind_int64(st, 1, case_rowid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n].related = sqlite3_column_int64(st, 0);
		v[n].score = sqlite3_column_double(st, 1);
		v[n].reasons = xstrdup((const char *)sqlite3_column_text(st, 2));
		found |= v[n].related == related_rowid;
		n++;
	}
	sqlite3_finalize(st);
	if (found) {
		rc = store_clear_links(s, case_rowid, err);
		/* the others keep their places; this one moves to its score */
		for (size_t i = 0, rank = 1, done = 0; rc == 0 && i <= n; i++) {
			int here = !done && (i == n || (v[i].related !=
			    related_rowid && v[i].score < score));

			if (here) {
				rc = store_add_link(s, case_rowid,
				    related_rowid, (int)rank++, score,
				    reasons, err);
				done = 1;
			}
			if (i < n && v[i].related != related_rowid && rc == 0)
				rc = add_link_ids(s, case_rowid, v[i].related,
				    (int)rank++, v[i].score, v[i].reasons, err);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].reasons);
	free(v);
	return rc;
}
