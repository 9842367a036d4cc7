/*
 * link.h — similar precedents, computed at build time and explained.
 *
 * Each case is reduced to a set of features: the organisations it hands
 * data to (株式会社 and the like ignored), its data items, legal-basis
 * citations, procedure types, connection kinds (LGWAN, 専用回線 …) and
 * the content words MeCab finds in its title and body.  Body lines that
 * recur in many cases (checklists, 特記事項) are boilerplate and give no
 * feature.  A feature weighs its kind's factor times its rarity
 * (log N/df), so 氏名 is weak evidence and 受診券番号 strong.
 *
 * The similarity of two cases is the cosine of their weighted feature
 * sets, so it is symmetric.  Candidates come from an inverted index over
 * the features that are not too common (no all-pairs comparison); only
 * candidates are scored exactly.  Every link carries reasons built from
 * the features the two cases share, worded the same in both directions:
 *
 *   委託先 TOPPANエッジ株式会社
 *   情報項目 3件共通: 受診券番号, 氏名, 住所
 *   同じ根拠 条例第17条第4項
 *   回線 LGWAN
 *   手続 再委託
 *   共通語 がん検診, 受診券
 *
 * Usage: linker_new(), linker_add() for every case (its features are
 * copied: the case may be freed after), linker_run() once, then
 * linker_related() per case.  Library code: never prints, aborts only on
 * out-of-memory.
 *
 * Incremental builds: the index keeps every feature (linker_feature())
 * and each case's input (linker_case_input(): its features, body lines
 * not yet judged boilerplate).  A later build re-creates the features
 * in id order (linker_add_feature()), adds the unchanged cases from
 * their inputs (linker_add_input(), no MeCab) and the changed ones with
 * linker_add(), then links only the cases a change can reach
 * (linker_prepare(), linker_link()).  The result for a case linked
 * again is the one a full build gives: corpus statistics are counted
 * afresh, and ties are broken by case id, not by the order of adding.
 */
#ifndef PICORPUS_LINK_H
#define PICORPUS_LINK_H

#include <stddef.h>

#include "buf.h"
#include "case.h"
#include "segmenter.h"

/* Changes whenever the features of a case would come out otherwise:
 * stored inputs (link_input) of another version are not used. */
#define LINK_RULES_VERSION "2"

/* Related cases kept per case unless linker_run() is told otherwise. */
#define LINK_TOP 10
/* Candidates of a case scored exactly (linker_link()). */
#define LINK_CANDIDATES 64

struct linker;

/* One related case of a case. */
struct link {
	size_t		 other;		/* index (order of linker_add()) */
	double		 score;		/* cosine similarity, 0 < score <= 1 */
	struct strlist	 reasons;	/* why, strongest first */
};

struct linker	*linker_new(void);
/*
 * Add case c under index linker_ncases() (before the call).  seg finds
 * the content words; with NULL there are none.
 */
void		 linker_add(struct linker *l, const struct pcase *c,
		    struct segmenter *seg);
/*
 * The same in two steps, for builds with worker threads: a case's
 * features as text (link_features_new(): touches no linker, so any
 * thread may call it with its own segmenter), then added under index
 * linker_ncases() (linker_add_features(): one thread at a time).
 */
struct link_features;
struct link_features *link_features_new(const struct pcase *c,
		    struct segmenter *seg);
void		 linker_add_features(struct linker *l,
		    const struct link_features *cf);
void		 link_features_free(struct link_features *cf);

/* Threads linker_run() may use at most. */
#define LINK_MAX_THREADS 16

/*
 * Choose the top related cases of every case, in threads (1 = in the
 * calling thread only); the result does not depend on their number.
 */
void		 linker_run(struct linker *l, size_t top, unsigned threads);

/* A case scored against another. */
struct link_cand {
	size_t		 other;
	double		 score;
};

/*
 * Count boilerplate lines, frequencies and weights over all the cases
 * added: after this no case may be added.  linker_run() and
 * linker_link() call it when needed.
 */
void		 linker_prepare(struct linker *l);
/*
 * Choose the top related cases of case i (replacing any it had).  When
 * cand is not NULL it receives the (at most LINK_CANDIDATES) cases that
 * were scored exactly, best first, and *ncand their number.
 */
void		 linker_link(struct linker *l, size_t i, size_t top,
		    struct link_cand *cand, size_t *ncand);
/*
 * The similarity of cases a and b (after linker_prepare()); when it is
 * above 0 and reasons is not NULL, the reasons are appended to it.
 */
double		 linker_pair(const struct linker *l, size_t a, size_t b,
		    struct strlist *reasons);

/* Features made so far; each has an id, 0 .. linker_nfeatures() - 1. */
size_t		 linker_nfeatures(const struct linker *l);
/* Feature k: its kind (a small number), folded key and display text. */
void		 linker_feature(const struct linker *l, size_t k, int *kind,
		    const char **key, const char **display);
/*
 * Re-create a stored feature as id linker_nfeatures().  Only before any
 * case is added; -1 when kind is unknown or the feature exists.
 */
int		 linker_add_feature(struct linker *l, int kind,
		    const char *key, const char *display);
/* Append case i's input, serialised; only before linker_prepare(). */
void		 linker_case_input(const struct linker *l, size_t i,
		    struct buf *out);
/*
 * Add a case from its stored input (feature ids of this linker) under
 * index linker_ncases(); -1 when data is malformed (nothing added).
 */
int		 linker_add_input(struct linker *l, const char *id,
		    const char *municipality, const char *source,
		    const void *data, size_t len);
size_t		 linker_ncases(const struct linker *l);
/* The id of case i as added. */
const char	*linker_case_id(const struct linker *l, size_t i);
/* The related cases of case i, best first; *n receives how many. */
const struct link *linker_related(const struct linker *l, size_t i,
		    size_t *n);
/* Free l and everything it holds.  Accepts NULL. */
void		 linker_free(struct linker *l);

#endif
