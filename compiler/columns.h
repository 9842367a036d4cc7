/*
 * columns.h — pages set in two columns (段組: a ward's newsletter, a
 * committee's bulletin) as `pdftotext -layout` prints them: each line
 * holds a line of the left column, a run of spaces, and a line of the
 * right column, so that read line by line the two columns' texts
 * interleave.  The rows pass (rows.h) unfolds such a block into the left
 * column's lines followed by the right column's before it reads pairs.
 */
#ifndef PICORPUS_COLUMNS_H
#define PICORPUS_COLUMNS_H

#include "parse.h"

/*
 * Rewrite d in place: every block of lines set in two columns becomes
 * its left column's lines, then its right column's, each keeping its
 * source line number.  Lines of d not in such a block are kept as they
 * are.  Returns how many blocks were unfolded.
 */
size_t	columns_unfold(struct doc *d);

#endif
