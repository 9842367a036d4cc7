/*
 * site.h — the static site generator.  Reads only the index; writes a
 * directory that works from any static server or straight from disk
 * (file://) and makes no request to any other host.
 *
 * The site is written into DIR.tmp-PID and swapped with DIR in one
 * rename, so a failed build leaves the previous site untouched.  An
 * existing DIR is only replaced when it is empty or holds the marker
 * file a previous picorpus build left (.picorpus-site).  A file whose
 * content is unchanged is hard-linked from the previous site, so it
 * keeps its mtime; pages of deleted documents simply are not there.
 */
#ifndef PICORPUS_SITE_H
#define PICORPUS_SITE_H

#include <sqlite3.h>

#include "buf.h"

/*
 * Generate the site for db into dir; *pages counts HTML pages.  The
 * marker file records build_id (the index's meta.build_id), so that a
 * later build can tell the site is that index's (site_is_current()).
 * Case pages are made in threads (at least 1); the output does not
 * depend on their number.
 */
int	site_generate(sqlite3 *db, const char *dir, const char *build_id,
	    unsigned threads, unsigned *pages, struct buf *err);
/* Is dir the site generated from the index of build_id? */
int	site_is_current(const char *dir, const char *build_id);

#endif
