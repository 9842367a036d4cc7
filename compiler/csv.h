/*
 * csv.h — a spreadsheet saved as comma-separated values (Excel's "CSV",
 * an open-data export) read as rows of TAB-separated cells, the form
 * every other table of picorpus takes.
 *
 * RFC 4180 records: fields separated by commas, a field in double
 * quotes may hold commas, line breaks and doubled quotes ("").  Excel
 * ends records with CRLF and breaks lines inside a cell with a bare LF;
 * both are read.  Every field is kept, empty ones too (a sheet's merged
 * or unused columns), so that cells stay under their heads.
 */
#ifndef PICORPUS_CSV_H
#define PICORPUS_CSV_H

#include <stddef.h>

#include "buf.h"

/*
 * Is text (len bytes) a CSV export rather than prose: most of its first
 * records have three fields or more, and most of those the same number?
 */
int	csv_sniff(const char *text, size_t len);

/*
 * Read the record at *s (not past end) into out as its fields joined by
 * TABs (a TAB or CR inside a field becomes a space, a line break inside
 * a quoted field stays '\n'); advance *s past the record's line end.
 * Returns how many source lines the record spans (at least 1).
 */
int	csv_record(const char **s, const char *end, struct buf *out);

#endif
