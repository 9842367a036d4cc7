/*
 * build_read.c — read the files of a build in worker threads (build_int.h).
 *
 * Each worker has its own MeCab tagger and takes the next file to read:
 * it reads and decodes it, parses it, extracts its cases and makes each
 * case's link features as text — everything but the index, which only
 * the calling thread writes.  Results wait in a ring of slots until the
 * writer stores them in file order, so ids, diagnostics and the index
 * come out as a one-thread build's; the ring bounds how many files are
 * in memory at once, whatever the corpus size.
 */
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build_int.h"
#include "clock.h"
#include "extract.h"
#include "link.h"
#include "packed.h"
#include "parse.h"
#include "pdf.h"

/* Most workers used, and results in memory per worker. */
#define MAX_WORKERS	16
#define SLOTS_PER_WORKER 4

/* One file's work: done by a worker, stored by the writer. */
struct job {
	int			 done;		/* the worker finished it */
	int			 rejected;	/* it cannot be indexed */
	struct source		 src;
	struct case_list	 cases;
	struct link_features	**feats;	/* per case */
	struct buf		 text;		/* the text, deflated */
	struct buf		*json;		/* per case: its JSON, deflated */
	char			*said;		/* its diagnostics, lines */
};

struct pool {
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	const char		*corpus;
	struct ingest_opts	 io;
	size_t			 max_cases;	/* per file */
	const char *const	*paths;		/* the files to read, in order */
	size_t			 n;
	struct job		*ring;
	size_t			 slots;
	size_t			 next;		/* next file to take */
	size_t			 stored;	/* files the writer has stored */
	int			 stop;		/* the writer gave up */
	struct build_stats	*st;		/* workers add their times */
};

/* Seconds one worker spent per step (build_stats' w_* fields). */
struct worker_times {
	double			 ingest, parse, mecab, extract, features,
				 pack;
};

struct worker {
	struct pool		*pool;
	struct segmenter	*seg;
	struct worker_times	 t;
	pthread_t		 thread;
};

/* A file of more cases than the limit keeps the first ones, and says
 * so. */
static void
keep_first_cases(const struct pool *p, struct case_list *l, struct diag *dg)
{
	if (l->n <= p->max_cases)
		return;
	diag_report(dg, l->v[0]->source, 0, "%zu cases, more than the limit "
	    "of %zu (--max-cases): only the first %zu kept", l->n,
	    p->max_cases, p->max_cases);
	for (size_t i = p->max_cases; i < l->n; i++)
		case_free(l->v[i]);
	l->n = p->max_cases;
}

/* Do everything for one file but storing it. */
static void
run_job(struct pool *p, const char *path, struct worker *w, struct job *j)
{
	struct buf said = BUF_INIT;
	struct diag dg = { diag_keep, &said, 0 };
	struct buf err = BUF_INIT;
	struct timespec mark;
	struct doc doc;
	double mecab = segmenter_seconds(w->seg), m;

	memset(&doc, 0, sizeof(doc));
	clock_lap_cpu(&mark);
	if (ingest_read(p->corpus, path, &p->io, &j->src, &dg) == -1) {
		j->rejected = 1;
		goto out;
	}
	w->t.ingest += clock_lap_cpu(&mark);
	if (doc_parse(&j->src, &doc, &err) == -1) {
		diag_report(&dg, j->src.path, 0, "%s", err.data);
		j->rejected = 1;
		goto out;
	}
	w->t.parse += clock_lap_cpu(&mark);
	extract_cases(&j->src, &doc, w->seg, &j->cases, &dg);
	keep_first_cases(p, &j->cases, &dg);
	m = segmenter_seconds(w->seg);
	w->t.extract += clock_lap_cpu(&mark) - (m - mecab);
	j->feats = xcalloc(j->cases.n + 1, sizeof(*j->feats));
	j->json = xcalloc(j->cases.n + 1, sizeof(*j->json));
	for (size_t i = 0; i < j->cases.n; i++)
		j->feats[i] = link_features_new(j->cases.v[i], w->seg);
	w->t.features += clock_lap_cpu(&mark) - (segmenter_seconds(w->seg) - m);
	for (size_t i = 0; i < j->cases.n; i++)
		store_pack_case(j->cases.v[i], &j->json[i]);
	pack_text(j->src.text, j->src.len, &j->text);
	w->t.pack += clock_lap_cpu(&mark);
out:
	doc_free(&doc);
	buf_free(&err);
	j->said = buf_detach(&said);
}

/* Add a worker's times to the build's (under the pool's lock). */
static void
add_times(struct build_stats *st, const struct worker *w)
{
	st->w_ingest += w->t.ingest;
	st->w_parse += w->t.parse;
	st->w_mecab += segmenter_seconds(w->seg);
	st->w_extract += w->t.extract;
	st->w_features += w->t.features;
	st->w_pack += w->t.pack;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t k;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->next < p->n &&
		    p->next >= p->stored + p->slots)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->stop || p->next >= p->n) {
			add_times(p->st, w);
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		k = p->next++;
		pthread_mutex_unlock(&p->lock);
		run_job(p, p->paths[k], w, &p->ring[k % p->slots]);
		pthread_mutex_lock(&p->lock);
		p->ring[k % p->slots].done = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
}

static void
job_clear(struct job *j)
{
	for (size_t i = 0; j->feats != NULL && i < j->cases.n; i++) {
		link_features_free(j->feats[i]);
		buf_free(&j->json[i]);
	}
	free(j->feats);
	free(j->json);
	buf_free(&j->text);
	case_list_free(&j->cases);
	source_free(&j->src);
	free(j->said);
	memset(j, 0, sizeof(*j));
}

/* Store file k's results (the writer's part); 0 or -1 on a fatal error. */
static int
store_job(const struct read_ctx *r, struct job *j, struct buf *err)
{
	int64_t doc_id, rowid;

	diag_replay(r->dg, j->said);
	if (j->rejected) {
		r->st->skipped++;
		return 0;
	}
	if (store_add_document_packed(r->s, &j->src, j->text.data, j->text.len,
	    j->said, &doc_id, err) == -1)
		return -1;
	for (size_t i = 0; i < j->cases.n; i++)
		if (store_add_case_packed(r->s, doc_id, j->cases.v[i],
		    j->json[i].data, j->json[i].len, &rowid, err) == -1 ||
		    link_stage_add(r->links, rowid, j->feats[i], err) == -1)
			return -1;
	r->st->indexed++;
	r->st->read++;
	r->st->bytes += j->src.len;
	return 0;
}

unsigned
build_workers(unsigned jobs)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (jobs == 0)
		jobs = cores > 0 ? (unsigned)cores : 1;
	return jobs > MAX_WORKERS ? MAX_WORKERS : jobs;
}

/* Wait for file k, store it, free its slot for the workers. */
static int
take(struct pool *p, const struct read_ctx *r, size_t k, struct buf *err)
{
	struct job *j = &p->ring[k % p->slots];
	struct timespec mark;
	int rc;

	pthread_mutex_lock(&p->lock);
	while (!j->done)
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
	clock_lap_cpu(&mark);
	rc = store_job(r, j, err);
	r->st->t_index += clock_lap_cpu(&mark);
	job_clear(j);
	pthread_mutex_lock(&p->lock);
	p->stored++;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
	return rc;
}

int
read_in_workers(const struct read_ctx *r, const char *const *paths,
    size_t n, void (*between)(void *arg, size_t k), void *arg,
    struct buf *err)
{
	unsigned nw = build_workers(r->jobs);
	struct worker w[MAX_WORKERS];
	struct pool p;
	char msg[256];
	unsigned started = 0;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	p.corpus = r->corpus;
	p.st = r->st;
	p.io = r->io;
	p.max_cases = r->max_cases;
	p.paths = paths;
	p.n = n;
	p.slots = (size_t)nw * SLOTS_PER_WORKER;
	p.ring = xcalloc(p.slots, sizeof(*p.ring));
	xmlInitParser();	/* libxml2: once, before threads use it */
	pdf_init();		/* poppler: likewise */
	for (unsigned i = 0; i < nw && n > 0; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].pool = &p;
		if ((w[i].seg = segmenter_new(msg, sizeof(msg))) == NULL) {
			buf_puts(err, msg);
			rc = -1;
			break;
		}
		if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0) {
			segmenter_free(w[i].seg);
			buf_puts(err, "cannot start a worker thread");
			rc = -1;
			break;
		}
		started++;
	}
	for (size_t k = 0; rc == 0 && k < n; k++) {
		if (between != NULL)
			between(arg, k);
		rc = take(&p, r, k, err);
	}
	pthread_mutex_lock(&p.lock);
	p.stop = 1;
	pthread_cond_broadcast(&p.cond);
	pthread_mutex_unlock(&p.lock);
	for (unsigned i = 0; i < started; i++) {
		pthread_join(w[i].thread, NULL);
		segmenter_free(w[i].seg);
	}
	for (size_t s = 0; s < p.slots; s++)
		job_clear(&p.ring[s]);
	free(p.ring);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	return rc;
}
