/*
 * rows.h — one form for every way a document pairs a label with its
 * value.  Documents write "担当課<TAB>保育課", "担当：保育課",
 * "【担当】保育課", "■担当　保育課", "１　担当　　保育課" (記書き), a
 * label column and a value column of text printed by `pdftotext
 * -layout` (the value wrapping under its column, the label wrapping
 * under its own), a label cell alone on its line with the value on the
 * lines below (a table read cell by cell), and Markdown pipe tables.
 * rows_normalise() rewrites all of them as "label<TAB>value" lines, the
 * form the readers of compiler/extract*.c take, so that no reader needs
 * to know the layout a value came in.
 *
 * A label is recognised through compiler/labels.tsv (label_field()), or
 * by the layout alone where at least three lines share one value column.
 * A value read over several lines keeps its line breaks ('\n' inside
 * the row's text), except where a line was wrapped at the width of the
 * page or of its column: those pieces are glued.  A numbered heading
 * with its value on the next lines ("１．件名" / value) is left to the
 * document tree (tree.h), which reads it as a section.
 *
 * Each row keeps the source line of its label; the lines it absorbed are
 * gone from the output.  Headings and every other line pass through.
 *
 * Ownership: out owns its lines (free with doc_free()); in is unchanged.
 */
#ifndef PICORPUS_ROWS_H
#define PICORPUS_ROWS_H

#include "numbering.h"
#include "parse.h"

void	rows_normalise(const struct doc *in, struct doc *out);

#endif
