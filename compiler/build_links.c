/*
 * build_links.c — the link stage of a build (build_int.h): feed the
 * linker every case, store each new case's linker input and the new
 * features, choose links, store them.
 *
 * A full build links every case.  An incremental build loads the stored
 * inputs of the unchanged cases (no MeCab) and links again only the
 * cases a change can reach:
 *   - the cases read in this build (new or changed documents);
 *   - cases that listed a case that is gone;
 *   - cases into whose top LINK_TOP a new case now scores (found among
 *     the candidates the new case was scored against: similarity is
 *     symmetric);
 * and where a case not linked again lists one that was, that entry gets
 * the pair's new score and reasons, so that a link reads the same from
 * both sides.  Other cases keep their links as stored: their scores were
 * computed with the corpus statistics (rarity of each feature) of the
 * build that made them, which drift as the corpus changes.  So once the
 * number of cases has moved by more than RELINK_ALL since every case was
 * last linked (meta.linked_all), every case is linked again — from the
 * stored inputs, without MeCab.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "build_int.h"
#include "link.h"

/* Share of cases added or removed since all were linked that makes an
 * incremental build link all again. */
#define RELINK_ALL	0.05

struct link_stage {
	struct store	*s;
	struct linker	*lk;
	int		 incremental;	/* 0 full, 1 incremental, 2 incremental
					   but linking all */
	size_t		 old_features;	/* features loaded from the index */
	int64_t		*rowid;		/* of linker case i, ascending */
	unsigned char	*redo;		/* linker case i gets links anew */
	size_t		 n, cap;
	struct buf	 input;		/* scratch */
	int		 bad;		/* stored data did not load */
	unsigned	 threads;	/* for linking every case */
};

static void
push_case(struct link_stage *ls, int64_t rowid, int redo)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 256;
		ls->rowid = xrealloc(ls->rowid, ls->cap * sizeof(*ls->rowid));
		ls->redo = xrealloc(ls->redo, ls->cap);
	}
	ls->rowid[ls->n] = rowid;
	ls->redo[ls->n++] = (unsigned char)redo;
}

/* The linker index of rowid, or -1 (rowids are ascending). */
static ssize_t
case_of(const struct link_stage *ls, int64_t rowid)
{
	size_t lo = 0, hi = ls->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ls->rowid[mid] < rowid)
			lo = mid + 1;
		else if (ls->rowid[mid] > rowid)
			hi = mid;
		else
			return (ssize_t)mid;
	}
	return -1;
}

static int
load_feature(void *arg, int64_t id, int kind, const char *key,
    const char *display)
{
	struct link_stage *ls = arg;

	if (id != (int64_t)linker_nfeatures(ls->lk) ||
	    linker_add_feature(ls->lk, kind, key, display) == -1)
		ls->bad = 1;
	return ls->bad;
}

static int
load_input(void *arg, const struct indexed_input *in)
{
	struct link_stage *ls = arg;

	if (in->data == NULL || linker_add_input(ls->lk, in->id,
	    in->municipality, in->source, in->data, in->len) == -1)
		return ls->bad = 1;
	push_case(ls, in->rowid, 0);
	return 0;
}

struct link_stage *
link_stage_new(struct store *s, int incremental, unsigned threads,
    struct buf *err)
{
	struct link_stage *ls = xcalloc(1, sizeof(*ls));
	sqlite3 *db = store_db(s);

	ls->s = s;
	ls->threads = threads;
	ls->lk = linker_new();
	ls->incremental = incremental;
	if (!incremental)
		return ls;
	if (index_each_link_feature(db, load_feature, ls, err) == -1) {
		link_stage_free(ls);
		return NULL;
	}
	ls->old_features = linker_nfeatures(ls->lk);
	if (index_each_link_input(db, load_input, ls, err) == -1) {
		link_stage_free(ls);
		return NULL;
	}
	if (ls->bad) {
		buf_printf(err, "the index's link data is damaged (rebuild "
		    "it with 'picorpus build --full')");
		link_stage_free(ls);
		return NULL;
	}
	return ls;
}

int
link_stage_add(struct link_stage *ls, int64_t rowid,
    const struct link_features *cf, struct buf *err)
{
	linker_add_features(ls->lk, cf);
	push_case(ls, rowid, 1);
	buf_truncate(&ls->input, 0);
	linker_case_input(ls->lk, ls->n - 1, &ls->input);
	return store_add_link_input(ls->s, rowid, ls->input.data,
	    ls->input.len, err);
}

/* Store the features made in this build. */
static int
store_new_features(struct link_stage *ls, struct buf *err)
{
	for (size_t k = ls->old_features; k < linker_nfeatures(ls->lk); k++) {
		const char *key, *display;
		int kind;

		linker_feature(ls->lk, k, &kind, &key, &display);
		if (store_add_link_feature(ls->s, (int64_t)k, kind, key,
		    display, err) == -1)
			return -1;
	}
	return 0;
}

/* Store the links of linker case i in place of its old ones. */
static int
store_case_links(struct link_stage *ls, size_t i, struct buf *err)
{
	size_t n;
	const struct link *v = linker_related(ls->lk, i, &n);

	if (ls->incremental && store_clear_links(ls->s, ls->rowid[i],
	    err) == -1)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (store_add_link(ls->s, ls->rowid[i], ls->rowid[v[k].other],
		    (int)k + 1, v[k].score, &v[k].reasons, err) == -1)
			return -1;
	return 0;
}

static int
mark_redo(void *arg, int64_t rowid)
{
	struct link_stage *ls = arg;
	ssize_t i = case_of(ls, rowid);

	if (i >= 0)
		ls->redo[i] = 1;
	return 0;
}

/*
 * Link the new cases; mark the old cases into whose top a new case now
 * scores (their lowest stored score is below the pair's, or they have
 * room).
 */
static int
link_new_cases(struct link_stage *ls, unsigned char *fresh,
    struct buf *err)
{
	struct link_cand cand[LINK_CANDIDATES];
	sqlite3 *db = store_db(ls->s);

	for (size_t i = 0; i < ls->n; i++) {
		size_t nc;

		if (!fresh[i])
			continue;
		linker_link(ls->lk, i, LINK_TOP, cand, &nc);
		for (size_t k = 0; k < nc; k++) {
			size_t o = cand[k].other, have;
			double floor;

			if (ls->redo[o])
				continue;
			if (index_link_floor(db, ls->rowid[o], &have,
			    &floor) == -1) {
				buf_printf(err, "links: %s", sqlite3_errmsg(db));
				return -1;
			}
			if (have < LINK_TOP || cand[k].score > floor)
				ls->redo[o] = 1;
		}
	}
	return 0;
}

struct relink_ctx {
	struct link_stage	*ls;
	size_t			 i;	/* the case linked again */
	struct buf		*err;
};

/* Case rowid lists case ctx->i: give that entry the pair's new terms. */
static int
update_other_side(void *arg, int64_t rowid)
{
	struct relink_ctx *x = arg;
	struct link_stage *ls = x->ls;
	ssize_t o = case_of(ls, rowid);
	struct strlist reasons = STRLIST_INIT;
	double score;
	int rc;

	if (o < 0 || ls->redo[o])
		return 0;
	score = linker_pair(ls->lk, (size_t)o, x->i, &reasons);
	rc = store_update_link(ls->s, rowid, ls->rowid[x->i], score, &reasons,
	    x->err);
	strlist_free(&reasons);
	return rc == -1;
}

static int
finish_incremental(struct link_stage *ls, struct buf *err)
{
	unsigned char *fresh = xmalloc(ls->n + 1);
	int rc = -1;

	if (ls->n > 0)
		memcpy(fresh, ls->redo, ls->n);
	if (index_each_dangling_link(store_db(ls->s), mark_redo, ls,
	    err) == -1 || link_new_cases(ls, fresh, err) == -1)
		goto out;
	for (size_t i = 0; i < ls->n; i++)
		if (ls->redo[i] && !fresh[i])
			linker_link(ls->lk, i, LINK_TOP, NULL, NULL);
	for (size_t i = 0; i < ls->n; i++)
		if (ls->redo[i] && store_case_links(ls, i, err) == -1)
			goto out;
	for (size_t i = 0; i < ls->n; i++) {
		struct relink_ctx x = { ls, i, err };

		if (ls->redo[i] && index_each_case_linking(store_db(ls->s),
		    ls->rowid[i], update_other_side, &x, err) == -1)
			goto out;
		if (err->len > 0)
			goto out;
	}
	rc = 0;
out:
	free(fresh);
	return rc;
}

/* Has the corpus moved so far since every case was linked that all
 * should be linked again? */
static int
drifted(struct link_stage *ls)
{
	struct buf v = BUF_INIT;
	double then = 0.0;

	if (index_meta(store_db(ls->s), "linked_all", &v) == 0)
		then = strtod(v.data, NULL);
	buf_free(&v);
	return then <= 0.0 || fabs((double)ls->n - then) > RELINK_ALL * then;
}

int
link_stage_finish(struct link_stage *ls, size_t *relinked, struct buf *err)
{
	char n[32];

	*relinked = 0;
	if (store_new_features(ls, err) == -1)
		return -1;
	if (ls->incremental && drifted(ls))
		ls->incremental = 2;	/* clear old links, link all */
	if (ls->incremental == 1) {
		if (finish_incremental(ls, err) == -1)
			return -1;
	} else {
		linker_run(ls->lk, LINK_TOP, ls->threads);
		for (size_t i = 0; i < ls->n; i++)
			if (store_case_links(ls, i, err) == -1)
				return -1;
		if (ls->n > 0)	/* redo is NULL when no case was read */
			memset(ls->redo, 1, ls->n);
		snprintf(n, sizeof(n), "%zu", ls->n);
		if (store_set_meta(ls->s, "linked_all", n, err) == -1)
			return -1;
	}
	for (size_t i = 0; i < ls->n; i++)
		*relinked += ls->redo[i];
	return 0;
}

void
link_stage_free(struct link_stage *ls)
{
	if (ls == NULL)
		return;
	linker_free(ls->lk);
	free(ls->rowid);
	free(ls->redo);
	buf_free(&ls->input);
	free(ls);
}
