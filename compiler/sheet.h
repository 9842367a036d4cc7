/*
 * sheet.h — text saved from a spreadsheet (Excel's "text (tab
 * delimited)"): rows of one width of TABs, quoted cells that run over
 * several lines, merged cells left blank, two-row headers.
 *
 * sheet_rewrite() reads in and sets out[i] (a new string) for every
 * line of a sheet: a table row with its quoted cells joined ('\n' inside
 * the cell) and unquoted, a two-row header as one ("委託先" over "名称"
 * → 委託先, over "所在地" → 委託先所在地; "委託期間" over "開始 | 終了"
 * → one column whose cells read "A～B"), a line of one or two filled
 * cells as those cells alone, and "" for the lines a quoted cell or a
 * sub-header took.  Lines of no sheet keep out[i] NULL.  Returns 0 when
 * a sheet was found, -1 when none (out untouched).
 *
 * Ownership: the caller frees each out[i]; out has in->n slots, NULL
 * on entry.
 */
#ifndef PICORPUS_SHEET_H
#define PICORPUS_SHEET_H

#include "parse.h"

int	sheet_rewrite(const struct doc *in, char **out);

/*
 * Tables of TAB rows (an HTML table's thead of two rows, with colspan
 * cells left empty and rowspan ones repeated): a header row followed by
 * one that only names the parts of its spanning cells becomes one
 * header, as above (a part that is a field's own label, 受託者 under
 * 選定の結果, is named alone), and the rows below have their period
 * columns glued.  Sets out[i] only where it was NULL.  Returns 0 when a
 * header was merged, -1 when none.
 */
int	header_rows_merge(const struct doc *in, char **out);

#endif
