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
 */
#ifndef PICORPUS_LINK_H
#define PICORPUS_LINK_H

#include <stddef.h>

#include "buf.h"
#include "case.h"
#include "segmenter.h"

/* Related cases kept per case unless linker_run() is told otherwise. */
#define LINK_TOP 10

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
/* Choose the top related cases of every case. */
void		 linker_run(struct linker *l, size_t top);
size_t		 linker_ncases(const struct linker *l);
/* The id of case i as added. */
const char	*linker_case_id(const struct linker *l, size_t i);
/* The related cases of case i, best first; *n receives how many. */
const struct link *linker_related(const struct linker *l, size_t i,
		    size_t *n);
/* Free l and everything it holds.  Accepts NULL. */
void		 linker_free(struct linker *l);

#endif
