/*
 * centred_rows.h — label/value tables whose labels a word processor
 * centred vertically in their cells, as `pdftotext -layout` gives them:
 * a label column and a value column set with spaces, each value wrapped
 * over lines, and each label on the middle line of its value, so that
 * a row's first value lines stand above its label.  The rows pass
 * (rows.h) makes each such row one "label<TAB>value" line before it
 * reads pairs.
 */
#ifndef PICORPUS_CENTRED_ROWS_H
#define PICORPUS_CENTRED_ROWS_H

#include "parse.h"

/*
 * Rewrite d in place: each block of such rows (three labels or more,
 * most of them known to labels.tsv, between blank or rule lines) whose
 * lines read better split with each label in the middle of its value
 * than with each label on its value's first line becomes one line per
 * row, at the label's source line.  Returns how many blocks it rewrote.
 */
size_t	centred_rows_pair(struct doc *d);

#endif
