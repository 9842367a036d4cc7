/*
 * build_int.h — the stages of build.c that live in files of their own.
 */
#ifndef PICORPUS_BUILD_INT_H
#define PICORPUS_BUILD_INT_H

#include <stdint.h>

#include "buf.h"
#include "build.h"
#include "case.h"
#include "diag.h"
#include "ingest.h"
#include "link.h"
#include "store.h"

/* The link stage (build_links.c). */
struct link_stage;

/*
 * Start the link stage of a build writing s; an incremental one loads
 * the stored features and the inputs of the cases s holds.  NULL on
 * error (message in err).
 */
struct link_stage	*link_stage_new(struct store *s, int incremental,
			    unsigned threads, struct buf *err);
/* Add a case read in this build, stored under rowid, by its features. */
int	link_stage_add(struct link_stage *ls, int64_t rowid,
	    const struct link_features *cf, struct buf *err);
/* Choose and store the links; *relinked counts the cases linked anew. */
int	link_stage_finish(struct link_stage *ls, size_t *relinked,
	    struct buf *err);
void	link_stage_free(struct link_stage *ls);

/* Reading files in worker threads (build_read.c). */
struct read_ctx {
	const char		*corpus;
	struct ingest_opts	 io;
	size_t			 max_cases;	/* kept per file (more: a
						   diagnostic) */
	unsigned		 jobs;		/* workers; 0 = one per core */
	struct diag		*dg;		/* where diagnostics go */
	struct build_stats	*st;
	struct store		*s;
	struct link_stage	*links;
};

/* The workers a build uses for jobs (0 = one per core). */
unsigned	build_workers(unsigned jobs);
/*
 * Read, parse and extract paths[0..n) in worker threads and store them
 * in this order; between(arg, k), when not NULL, is called before the
 * k-th is stored.  0, or -1 on a fatal error (message in err).
 */
int	read_in_workers(const struct read_ctx *r, const char *const *paths,
	    size_t n, void (*between)(void *arg, size_t k), void *arg,
	    struct buf *err);

#endif
