/*
 * spaced_table.h — tables set with spaces alone: a head of column names
 * (two at least naming fields of labels.tsv) over rows whose cells
 * start in the head's columns and wrap inside them.  The rows pass
 * (rows.h) rewrites each as one TAB line; the list readers take them
 * from there.
 */
#ifndef PICORPUS_SPACED_TABLE_H
#define PICORPUS_SPACED_TABLE_H

#include <stddef.h>

#include "parse.h"

/* Does a spaced table's head stand at line i?  *end is the line after
   its last row. */
int	spaced_table_at(const struct doc *in, size_t i, size_t *end);
/* Write lines [from, to) of in to out as the table's rows: the head and
   each row one TAB line at its first line, the lines it took empty.
   out->lines[from, to) must hold no text yet. */
void	spaced_table(const struct doc *in, size_t from, size_t to,
	    struct doc *out);

#endif
