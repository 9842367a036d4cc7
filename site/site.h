/*
 * site.h — the static site generator.  Reads only the index; writes a
 * directory that works from any static server or straight from disk
 * (file://) and makes no request to any other host.
 *
 * The site is written into DIR.tmp (site_generate()) and swapped with
 * DIR in one rename (site_commit()), so a failed or killed build leaves
 * the previous site untouched; the caller holds the build lock, so no
 * other build writes DIR.tmp.  An existing DIR is only replaced when it
 * is empty or holds the marker file a previous picorpus build left
 * (.picorpus-site).  A file whose
 * content is unchanged is hard-linked from the previous site, so it
 * keeps its mtime; pages of deleted documents simply are not there.
 */
#ifndef PICORPUS_SITE_H
#define PICORPUS_SITE_H

#include <sqlite3.h>

#include "buf.h"

/*
 * Generate the site for db into dir.tmp, ready for site_commit() (a
 * stale dir.tmp is removed first); *pages counts HTML pages.  The
 * marker file records build_id (the index's meta.build_id), so that a
 * later build can tell the site is that index's (site_is_current()).
 * Case pages are made in threads (at least 1); the output does not
 * depend on their number.  Returns 0, or -1 with err (nothing is left
 * behind).
 */
int	site_generate(sqlite3 *db, const char *dir, const char *build_id,
	    unsigned threads, unsigned *pages, struct buf *err);
/* Swap the generated dir.tmp in as dir, then remove the previous site.
 * Returns 0, or -1 with err (dir.tmp removed). */
int	site_commit(const char *dir, struct buf *err);
/* Remove a generated dir.tmp that will not be committed. */
void	site_abort(const char *dir);
/*
 * Is dir the whole site of the index db (picorpus check)?  Its marker
 * names the index's build, and every page and data file the index
 * implies exists.  Appends one "DIR/FILE: what" line per problem to
 * problems; *files counts the files found.  Returns 0, or -1 with err
 * when the index could not be read.
 */
int	site_check(sqlite3 *db, const char *dir, struct strlist *problems,
	    unsigned *files, struct buf *err);
/* Is dir the site generated from the index of build_id? */
int	site_is_current(const char *dir, const char *build_id);

#endif
