/*
 * build.c — drive the pipeline of build.h over every file of a corpus.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "build.h"
#include "extract.h"
#include "ingest.h"
#include "link.h"
#include "parse.h"
#include "site.h"
#include "store.h"

/* Seconds since the previous call with the same *mark; resets it. */
static double
lap(struct timespec *mark)
{
	struct timespec now;
	double s;

	clock_gettime(CLOCK_MONOTONIC, &now);
	s = (double)(now.tv_sec - mark->tv_sec) +
	    (double)(now.tv_nsec - mark->tv_nsec) / 1e9;
	*mark = now;
	return s;
}

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

/* Ingest, parse, extract and store one file; 0, or -1 on a fatal error. */
static int
build_file(const struct build_opts *o, const char *rel, struct store *s,
    struct segmenter *seg, struct linker *lk, struct build_stats *st,
    struct diag *dg, struct buf *err)
{
	struct ingest_opts io = { o->max_bytes };
	struct case_list cases = { NULL, 0 };
	struct source src;
	struct doc doc;
	int64_t doc_id;
	int rc = 0;

	if (ingest_read(o->corpus, rel, &io, &src, dg) == -1) {
		st->skipped++;
		return 0;
	}
	if (doc_parse(&src, &doc, err) == -1) {
		diag_report(dg, src.path, 0, "%s", err->data);
		buf_truncate(err, 0);
		st->skipped++;
		goto out;
	}
	extract_cases(&src, &doc, seg, &cases, dg);
	if (store_add_document(s, &src, &doc_id, err) == -1) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < cases.n && rc == 0; i++) {
		rc = store_add_case(s, doc_id, cases.v[i], err);
		linker_add(lk, cases.v[i], seg);
	}
	st->indexed++;
	st->cases += (unsigned)cases.n;
	st->bytes += src.len;
out:
	case_list_free(&cases);
	doc_free(&doc);
	source_free(&src);
	return rc;
}

/* Link every case to its most similar ones and store the links. */
static int
store_links(struct store *s, struct linker *lk, struct buf *err)
{
	linker_run(lk, LINK_TOP);
	for (size_t i = 0; i < linker_ncases(lk); i++) {
		size_t n;
		const struct link *v = linker_related(lk, i, &n);

		for (size_t k = 0; k < n; k++)
			if (store_add_link(s, linker_case_id(lk, i),
			    linker_case_id(lk, v[k].other), (int)k + 1,
			    v[k].score, &v[k].reasons, err) == -1)
				return -1;
	}
	return 0;
}

int
build_run(const struct build_opts *o, struct build_stats *st,
    struct diag *dg, struct buf *err)
{
	struct strlist files = STRLIST_INIT;
	struct linker *lk = linker_new();
	struct segmenter *seg = NULL;
	struct store *s = NULL;
	struct timespec mark;
	char msg[256];
	int rc = -1;

	memset(st, 0, sizeof(*st));
	lap(&mark);
	if (ingest_list(o->corpus, &files, dg) == -1) {
		buf_printf(err, "%s: cannot read the corpus directory",
		    o->corpus);
		goto out;
	}
	st->files = (unsigned)files.n;
	if ((seg = segmenter_new(msg, sizeof(msg))) == NULL) {
		buf_puts(err, msg);
		goto out;
	}
	if (make_parent(o->index_path, err) == -1 ||
	    store_begin(o->index_path, &s, err) == -1)
		goto out;
	for (size_t i = 0; i < files.n; i++) {
		if (build_file(o, files.v[i], s, seg, lk, st, dg, err) == -1)
			goto out;
		if (o->progress != NULL)
			o->progress(o->progress_arg, (unsigned)i + 1,
			    (unsigned)files.n, st->bytes);
	}
	st->t_extract = lap(&mark);
	if (store_links(s, lk, err) == -1)
		goto out;
	st->t_link = lap(&mark);
	if (store_finish_text(s, err) == -1)
		goto out;
	st->t_commit = lap(&mark);
	if (o->site_dir != NULL &&
	    site_generate(store_db(s), o->site_dir, &st->pages, err) == -1)
		goto out;
	st->t_site = lap(&mark);
	rc = store_commit(s, err);
	s = NULL;
	st->t_commit += lap(&mark);
out:
	linker_free(lk);
	segmenter_free(seg);
	store_abort(s);
	strlist_free(&files);
	return rc;
}
