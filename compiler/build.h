/*
 * build.h — the whole pipeline for one corpus: ingest → parse → extract
 * → index → site.  Library code: reports bad input through diag and
 * returns errors, never prints.
 */
#ifndef PICORPUS_BUILD_H
#define PICORPUS_BUILD_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct build_opts {
	const char	*corpus;	/* the corpus directory */
	const char	*site_dir;	/* where the site goes; NULL = none */
	const char	*index_path;	/* the index file */
	size_t		 max_bytes;	/* per-file limit; 0 = default */
	size_t		 max_cases;	/* cases kept per file; 0 = default */
	int		 full;		/* build anew, ignoring the previous
					   index */
	unsigned	 jobs;		/* worker threads; 0 = one per core */
	/* Called after each file (may be NULL): files done of total, and
	 * the bytes of text read so far. */
	void		(*progress)(void *arg, unsigned done, unsigned total,
			    size_t bytes);
	void		*progress_arg;
};

/* Cases kept of one file unless build_opts.max_cases says otherwise: no
 * real document comes near (the most in the samples is a few dozen). */
#define BUILD_DEFAULT_MAX_CASES 1000

struct build_stats {
	unsigned	files;		/* documents found */
	unsigned	indexed;	/* documents indexed */
	unsigned	skipped;	/* documents rejected (diagnosed) */
	unsigned	cases;		/* cases extracted */
	unsigned	pages;		/* site pages written */
	unsigned	read;		/* documents read (new or changed) */
	unsigned	changed;	/* files new, changed or gone */
	size_t		relinked;	/* cases given links anew */
	int		incremental;	/* a previous index was updated */
	size_t		bytes;		/* bytes of decoded text read */
	/* Wall-clock seconds of each stage. */
	double		t_extract;	/* read, decode, parse, extract, store */
	double		t_link;		/* similar cases and their reasons */
	double		t_site;		/* the static site */
	double		t_commit;	/* FTS merge, ranking data, commit */
	/* CPU seconds of the extract stage's threads, summed over workers
	 * (MeCab's: wall-clock seconds inside it). */
	double		w_ingest;	/* read and decode files */
	double		w_parse;	/* parse them into document trees */
	double		w_mecab;	/* MeCab's parser */
	double		w_extract;	/* extract cases, less MeCab */
	double		w_features;	/* make link features, less MeCab */
	double		w_pack;		/* deflate text and case JSON */
	double		t_index;	/* the writer: SQLite tables and FTS5 */
};

/*
 * Build the index (and site) from the corpus, reading only the files
 * that changed since the previous build (unless o->full); when none
 * did, nothing is written.  The previous index and site stay in place
 * until the new ones are complete.  One build of an index at a time:
 * while one runs (it holds INDEX.lock), another fails at once.  Returns
 * 0 when the build completed (even if some files were skipped), -1 on
 * a fatal error with a message in err.
 */
int	build_run(const struct build_opts *o, struct build_stats *st,
	    struct diag *dg, struct buf *err);

#endif
