/*
 * build.c — drive the pipeline of build.h over a corpus.
 *
 * A build first compares the corpus with the previous index (plan): a
 * file whose raw bytes hash as its stored document did is unchanged and
 * is not read further; what its reading reported is said again.  Then:
 *   - nothing changed: the index is left alone (and the site, if it is
 *     that index's); a no-op build writes nothing;
 *   - some files changed, were added or removed: the index is copied,
 *     their documents are removed and the new ones read, extracted and
 *     added; links are chosen again where a change can reach them
 *     (build_links.c);
 *   - no usable previous index (none, another schema or version, other
 *     limits, or --full): everything is built anew.
 * Either way the index is written as PATH.tmp and renamed into place,
 * and the site is swapped in whole right after (site.h).  One build at
 * a time: a build holds PATH.lock (lock_build()).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "build_int.h"
#include "clock.h"
#include "ingest.h"
#include "site.h"
#include "store.h"

/* What a build does with each file of the corpus. */
enum file_state {
	FILE_NEW,	/* not in the previous index: read it */
	FILE_CHANGED,	/* in it, with other bytes: read it again */
	FILE_SAME,	/* in it, unchanged: keep its rows */
	FILE_REJECTED	/* not in it, and rejected again (said holds why) */
};

struct plan {
	struct strlist	 files;		/* the corpus's documents, sorted */
	unsigned char	*state;		/* enum file_state, per file */
	int64_t		*prev;		/* per file: its previous document
					   id, 0 when none */
	char		**said;		/* per file: diagnostics to say again */
	int64_t		*gone;		/* previous documents without file */
	size_t		 ngone;
	int		 have_prev;	/* a previous index to update */
	struct buf	 build_id;	/* the previous index's */
	unsigned	 changes;	/* files new, changed or gone */
};

/* Create the directory that will hold path, if missing (one level). */
static int
make_parent(const char *path, struct buf *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
			buf_printf(err, "%s: %s", dir, strerror(errno));
			rc = -1;
		}
	}
	free(dir);
	return rc;
}

static size_t
max_bytes(const struct build_opts *o)
{
	return o->max_bytes ? o->max_bytes : INGEST_DEFAULT_MAX_BYTES;
}

static size_t
max_cases(const struct build_opts *o)
{
	return o->max_cases ? o->max_cases : BUILD_DEFAULT_MAX_CASES;
}

/* The limits an index was built with (meta.limits): another makes a
 * full build. */
static void
limits_text(const struct build_opts *o, char out[64])
{
	snprintf(out, 64, "bytes %zu cases %zu", max_bytes(o), max_cases(o));
}

/* ---- the plan: what changed since the previous build ---- */

struct prev_docs {
	struct indexed_doc	*v;
	size_t			 n, cap;
};

static int
keep_doc(void *arg, const struct indexed_doc *d)
{
	struct prev_docs *p = arg;
	struct indexed_doc *c;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	c = &p->v[p->n++];
	*c = *d;
	c->path = xstrdup(d->path);
	c->diagnostics = xstrdup(d->diagnostics ? d->diagnostics : "");
	return 0;
}

static void
prev_docs_free(struct prev_docs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free((char *)p->v[i].path);
		free((char *)p->v[i].diagnostics);
	}
	free(p->v);
}

/*
 * Read the previous index's documents if it can be updated: same
 * schema and rules (index_open), same per-file limit.
 */
static int
load_previous(const struct build_opts *o, struct plan *p,
    struct prev_docs *docs)
{
	struct buf err = BUF_INIT, limit = BUF_INIT;
	char want[64];
	sqlite3 *db;

	if (o->full || access(o->index_path, F_OK) == -1 ||
	    index_open(o->index_path, &db, &err) == -1) {
		buf_free(&err);
		return 0;
	}
	limits_text(o, want);
	p->have_prev = index_meta(db, "limits", &limit) == 0 &&
	    strcmp(limit.data, want) == 0 &&
	    index_meta(db, "build_id", &p->build_id) == 0 &&
	    index_each_document(db, keep_doc, docs, &err) == 0;
	sqlite3_close(db);
	buf_free(&err);
	buf_free(&limit);
	return p->have_prev;
}

/* Compare file i, which the previous index holds as d, with it. */
static void
compare_file(const struct build_opts *o, struct plan *p, size_t i,
    const struct indexed_doc *d)
{
	struct ingest_opts io = { max_bytes(o) };
	uint64_t hash;

	p->prev[i] = d->id;
	if (ingest_hash(o->corpus, p->files.v[i], &io, &hash) == 0 &&
	    hash == d->hash) {
		p->state[i] = FILE_SAME;
		p->said[i] = xstrdup(d->diagnostics);
	} else {
		p->state[i] = FILE_CHANGED;
		p->changes++;
	}
}

/* Walk the sorted files and previous documents side by side. */
static void
compare_all(const struct build_opts *o, struct plan *p,
    const struct prev_docs *docs)
{
	size_t i = 0, k = 0;

	while (i < p->files.n || k < docs->n) {
		int c = i == p->files.n ? 1 : k == docs->n ? -1 :
		    strcmp(p->files.v[i], docs->v[k].path);

		if (c < 0) {
			p->state[i++] = FILE_NEW;
			p->changes++;
		} else if (c > 0) {
			p->gone = xrealloc(p->gone, (p->ngone + 1) *
			    sizeof(*p->gone));
			p->gone[p->ngone++] = docs->v[k++].id;
			p->changes++;
		} else
			compare_file(o, p, i++, &docs->v[k++]);
	}
}

/*
 * Only new files changed: are they all files rejected before, and again
 * now?  Then the index stays as it is.  Their diagnostics are kept to be
 * said in file order.
 */
static void
recheck_new_files(const struct build_opts *o, struct plan *p)
{
	struct ingest_opts io = { max_bytes(o) };

	if (p->ngone > 0)
		return;
	for (size_t i = 0; i < p->files.n; i++) {
		struct buf said = BUF_INIT;
		struct diag quiet = { diag_keep, &said, 0 };
		struct source src;

		if (p->state[i] == FILE_CHANGED)
			return;
		if (p->state[i] != FILE_NEW)
			continue;
		if (ingest_read(o->corpus, p->files.v[i], &io, &src,
		    &quiet) == 0) {
			source_free(&src);
			buf_free(&said);
			return;		/* readable now: a real change */
		}
		p->state[i] = FILE_REJECTED;
		p->said[i] = buf_detach(&said);
		p->changes--;
	}
}

static int
plan_make(const struct build_opts *o, struct plan *p, struct diag *dg,
    struct buf *err)
{
	struct prev_docs docs = { NULL, 0, 0 };

	memset(p, 0, sizeof(*p));
	if (ingest_list(o->corpus, &p->files, dg) == -1) {
		buf_printf(err, "%s: cannot read the corpus directory",
		    o->corpus);
		return -1;
	}
	p->state = xcalloc(p->files.n + 1, 1);
	p->prev = xcalloc(p->files.n + 1, sizeof(*p->prev));
	p->said = xcalloc(p->files.n + 1, sizeof(*p->said));
	if (load_previous(o, p, &docs)) {
		compare_all(o, p, &docs);
		recheck_new_files(o, p);
	} else
		p->changes = (unsigned)p->files.n;
	prev_docs_free(&docs);
	return 0;
}

static void
plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->files.n; i++)
		free(p->said[i]);
	free(p->said);
	free(p->state);
	free(p->prev);
	free(p->gone);
	buf_free(&p->build_id);
	strlist_free(&p->files);
}

/* ---- reading files ---- */

struct run {
	const struct build_opts	*o;
	const struct plan	*p;
	struct build_stats	*st;
	struct diag		*dg;
	struct store		*s;
	struct link_stage	*links;
	size_t			*todo;		/* files to read, in order */
	size_t			 ntodo;
	size_t			 said;		/* files up to here accounted */
};

/* Remove the documents of changed and vanished files. */
static int
remove_old(struct run *r, const struct plan *p, struct buf *err)
{
	for (size_t i = 0; i < p->files.n; i++)
		if (p->state[i] == FILE_CHANGED &&
		    store_remove_document(r->s, p->prev[i], err) == -1)
			return -1;
	for (size_t k = 0; k < p->ngone; k++)
		if (store_remove_document(r->s, p->gone[k], err) == -1)
			return -1;
	return 0;
}

/* Account the files not read before file index end: their rows stay,
 * what reading them said is said again. */
static void
account_until(struct run *r, size_t end)
{
	for (; r->said < end; r->said++) {
		size_t i = r->said;

		if (r->p->state[i] == FILE_SAME)
			r->st->indexed++;
		else if (r->p->state[i] == FILE_REJECTED)
			r->st->skipped++;
		else
			continue;
		diag_replay(r->dg, r->p->said[i]);
	}
}

/* Before the k-th file read is stored: what precedes it, progress. */
static void
before_file(void *arg, size_t k)
{
	struct run *r = arg;

	account_until(r, r->todo[k]);
	r->said = r->todo[k] + 1;
	if (r->o->progress != NULL && k > 0)
		r->o->progress(r->o->progress_arg, (unsigned)k,
		    (unsigned)r->ntodo, r->st->bytes);
}

/* Every file in order: read the new and changed, say again the rest. */
static int
read_files(struct run *r, struct buf *err)
{
	const struct plan *p = r->p;
	struct read_ctx rc = { r->o->corpus, { max_bytes(r->o) },
	    max_cases(r->o), r->o->jobs, r->dg, r->st, r->s, r->links };
	const char **paths = xcalloc(p->files.n + 1, sizeof(*paths));
	int ret;

	r->todo = xcalloc(p->files.n + 1, sizeof(*r->todo));
	for (size_t i = 0; i < p->files.n; i++)
		if (p->state[i] == FILE_NEW || p->state[i] == FILE_CHANGED) {
			paths[r->ntodo] = p->files.v[i];
			r->todo[r->ntodo++] = i;
		}
	ret = read_in_workers(&rc, paths, r->ntodo, before_file, r, err);
	if (ret == 0) {
		account_until(r, p->files.n);
		if (r->o->progress != NULL && r->ntodo > 0)
			r->o->progress(r->o->progress_arg, (unsigned)r->ntodo,
			    (unsigned)r->ntodo, r->st->bytes);
	}
	free(paths);
	free(r->todo);
	r->todo = NULL;
	return ret;
}

/* A fresh id for the index being written (and its site's marker). */
static void
new_build_id(struct buf *id)
{
	struct timespec now;
	uint64_t seed[3];

	clock_gettime(CLOCK_REALTIME, &now);
	seed[0] = (uint64_t)now.tv_sec;
	seed[1] = (uint64_t)now.tv_nsec;
	seed[2] = (uint64_t)getpid();
	buf_printf(id, "%016" PRIx64, hash_bytes(seed, sizeof(seed)));
}

static int
write_meta(struct store *s, const struct build_opts *o, const char *id,
    struct buf *err)
{
	char limits[64];

	limits_text(o, limits);
	return store_set_meta(s, "build_id", id, err) == -1 ||
	    store_set_meta(s, "limits", limits, err) == -1 ||
	    sqlite3_exec(store_db(s), "INSERT OR REPLACE INTO meta VALUES "
	    "('built_at', datetime('now'))", NULL, NULL, NULL) != SQLITE_OK ?
	    -1 : 0;
}

static unsigned
count_cases(sqlite3 *db)
{
	sqlite3_stmt *st;
	unsigned n = 0;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM cases", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = (unsigned)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Nothing changed: say again what the files said; make the site only
 * if it is not the index's. */
static int
build_nothing(const struct build_opts *o, const struct plan *p,
    struct build_stats *st, struct diag *dg, struct buf *err)
{
	struct timespec mark;
	sqlite3 *db;
	int rc;

	for (size_t i = 0; i < p->files.n; i++) {
		if (p->state[i] == FILE_SAME)
			st->indexed++;
		else
			st->skipped++;
		diag_replay(dg, p->said[i]);
	}
	if (index_open(o->index_path, &db, err) == -1)
		return -1;
	st->cases = count_cases(db);
	clock_lap(&mark);
	rc = 0;
	if (o->site_dir != NULL && !site_is_current(o->site_dir,
	    p->build_id.data)) {
		rc = site_generate(db, o->site_dir, p->build_id.data,
		    build_workers(o->jobs), &st->pages, err);
		if (rc == 0)
			rc = site_commit(o->site_dir, err);
	}
	st->t_site = clock_lap(&mark);
	sqlite3_close(db);
	return rc;
}

/*
 * Return the memory the stages before the site freed to the system: the
 * site's allocations are of other sizes and would not all reuse it, so
 * the peak would be the two stages' sum (glibc keeps freed memory; see
 * cmd_build's mallopt()).
 */
static void
give_back_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/* Write the index (anew or changed) and the site. */
static int
build_changes(const struct build_opts *o, const struct plan *p,
    struct build_stats *st, struct diag *dg, struct buf *err)
{
	struct run r = { o, p, st, dg, NULL, NULL, NULL, 0, 0 };
	struct buf id = BUF_INIT;
	struct timespec mark;
	int rc = -1;

	clock_lap(&mark);
	if ((p->have_prev ?
	    store_update(o->index_path, &r.s, err) :
	    store_begin(o->index_path, &r.s, err)) == -1)
		goto out;
	if ((p->have_prev && remove_old(&r, p, err) == -1) ||
	    (r.links = link_stage_new(r.s, p->have_prev,
	    build_workers(o->jobs), err)) == NULL ||
	    read_files(&r, err) == -1)
		goto out;
	st->t_extract = clock_lap(&mark);
	if (link_stage_finish(r.links, &st->relinked, err) == -1)
		goto out;
	link_stage_free(r.links);	/* before the site: not both in memory */
	r.links = NULL;
	st->t_link = clock_lap(&mark);
	new_build_id(&id);
	if (write_meta(r.s, o, id.data, err) == -1 ||
	    store_finish_text(r.s, err) == -1)
		goto out;
	st->cases = count_cases(store_db(r.s));
	st->t_commit = clock_lap(&mark);
	give_back_memory();
	if (o->site_dir != NULL && site_generate(store_db(r.s), o->site_dir,
	    id.data, build_workers(o->jobs), &st->pages, err) == -1)
		goto out;
	st->t_site = clock_lap(&mark);
	/* the index, then at once the site: a kill between the two renames
	 * leaves the new index with the old site, which the next build
	 * makes again (site_is_current()) */
	rc = store_commit(r.s, err);
	r.s = NULL;
	if (o->site_dir != NULL)
		rc = rc == 0 ? site_commit(o->site_dir, err) :
		    (site_abort(o->site_dir), -1);
	store_drop_old(o->index_path);	/* after the site: it takes time */
	st->t_commit += clock_lap(&mark);
out:
	if (r.s != NULL && o->site_dir != NULL)
		site_abort(o->site_dir);
	link_stage_free(r.links);
	store_abort(r.s);
	buf_free(&id);
	return rc;
}

/*
 * Take the build lock: INDEX.lock, flock()ed until the process ends or
 * closes the descriptor returned (the kernel drops it even when the
 * build is killed).  -1 with err when another build holds it.
 */
static int
lock_build(const char *index_path, struct buf *err)
{
	struct buf path = BUF_INIT;
	int fd;

	buf_printf(&path, "%s.lock", index_path);
	if ((fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1)
		buf_printf(err, "%s: %s", path.data, strerror(errno));
	else if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		buf_printf(err, "%s: %s", path.data, errno == EWOULDBLOCK ?
		    "another build of this index is running" :
		    strerror(errno));
		close(fd);
		fd = -1;
	}
	buf_free(&path);
	return fd;
}

int
build_run(const struct build_opts *o, struct build_stats *st,
    struct diag *dg, struct buf *err)
{
	struct plan p;
	int rc, lock;

	memset(st, 0, sizeof(*st));
	if (make_parent(o->index_path, err) == -1 ||
	    (lock = lock_build(o->index_path, err)) == -1)
		return -1;
	store_drop_old(o->index_path);	/* left by a killed build */
	if (plan_make(o, &p, dg, err) == -1) {
		plan_free(&p);
		close(lock);
		return -1;
	}
	st->files = (unsigned)p.files.n;
	st->changed = p.changes;
	st->incremental = p.have_prev;
	rc = p.have_prev && p.changes == 0 ?
	    build_nothing(o, &p, st, dg, err) :
	    build_changes(o, &p, st, dg, err);
	plan_free(&p);
	close(lock);
	return rc;
}
