/*
 * sqlfunc.h — the SQL functions an index needs to be read: the views of
 * index/schema.sql call them, so every connection to an index registers
 * them (store.c does, for the writer and for readers).
 *
 *   unpack(blob)      the text of a deflated column (packed.h), NULL for
 *                     NULL; an error for a damaged blob.
 *   case_body(path, text, line_start, line_end)
 *                     the full-text body of a case, derived from its
 *                     document's decoded text exactly as the build
 *                     derived it (extract.h case_body()); path gives the
 *                     format (.txt, .md, .html).
 */
#ifndef PICORPUS_SQLFUNC_H
#define PICORPUS_SQLFUNC_H

#include <sqlite3.h>

/* Register the functions on db; returns an SQLite result code. */
int	sqlfunc_register(sqlite3 *db);

#endif
