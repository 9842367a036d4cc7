/*
 * build_int.h — the stages of build.c that live in files of their own.
 */
#ifndef PICORPUS_BUILD_INT_H
#define PICORPUS_BUILD_INT_H

#include <stdint.h>

#include "buf.h"
#include "case.h"
#include "segmenter.h"
#include "store.h"

/* The link stage (build_links.c). */
struct link_stage;

/*
 * Start the link stage of a build writing s; an incremental one loads
 * the stored features and the inputs of the cases s holds.  NULL on
 * error (message in err).
 */
struct link_stage	*link_stage_new(struct store *s, int incremental,
			    struct buf *err);
/* Add a case read in this build, stored under rowid. */
int	link_stage_add(struct link_stage *ls, int64_t rowid,
	    const struct pcase *c, struct segmenter *seg, struct buf *err);
/* Choose and store the links; *relinked counts the cases linked anew. */
int	link_stage_finish(struct link_stage *ls, size_t *relinked,
	    struct buf *err);
void	link_stage_free(struct link_stage *ls);

#endif
