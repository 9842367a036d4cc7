/*
 * label_runs.h — sheets whose cells a PDF's text gives column by column
 * (plain `pdftotext` of a bordered label/value table): every label cell
 * first (件名, 保有課, 委託先, …), then every value cell in the same
 * order, wrapped over lines, with nothing but their order joining a label
 * to its value.  The rows pass (rows.h) pairs them again before it reads
 * pairs: each label with the run of value lines that fits it best (a
 * period holds a date, a line that starts in mid-word goes on the line
 * above).
 */
#ifndef PICORPUS_LABEL_RUNS_H
#define PICORPUS_LABEL_RUNS_H

#include "parse.h"

/*
 * Rewrite d in place: each run of three labels or more (most of them
 * known to labels.tsv) followed by at least as many value lines becomes
 * one "label<TAB>value" line per label, at the label's source line, the
 * value's lines joined.  Returns how many runs were paired.
 */
size_t	label_runs_pair(struct doc *d);

#endif
