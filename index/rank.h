/*
 * rank.h — picorpus_rank(fts), the relevance of a matching case.
 *
 * BM25 exactly as FTS5's built-in bm25() computes it (k1 = 1.2, b = 0.75,
 * IDF floored at 1e-6, the row's length over all columns), with the
 * column weights below, but positive (higher is better) and cheap for
 * terms that match many cases: when a query's terms occur in many rows,
 * the lengths of all rows are read at once from the table rank_lengths
 * instead of one lookup per row, which took 85% of the time of a
 * one-term query matching every case.
 *
 * rank_lengths holds one row (id 1) whose blob gives, for each fts rowid
 * r, the row's length in tokens over all columns as a little-endian
 * uint32 at byte 4r (0 for rowids without a row).  It is a copy of what
 * fts_docsize says, written by rank_write_lengths() when a build ends.
 */
#ifndef PICORPUS_RANK_H
#define PICORPUS_RANK_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Weights of the fts columns, in schema order. */
#define RANK_W_TITLE		10.0
#define RANK_W_PROCEDURES	6.0
#define RANK_W_PARTIES		6.0
#define RANK_W_ITEMS		4.0
#define RANK_W_BASIS		4.0
#define RANK_W_META		3.0
#define RANK_W_BODY		1.0

/* Rowids above this are not given a length in rank_lengths. */
#define RANK_MAX_ROWID	(64 * 1024 * 1024)

/* The length of rowid i in a rank_lengths blob (i < bytes / 4). */
uint32_t	rank_length_at(const void *blob, size_t i);

/* Register picorpus_rank() with db's FTS5; an SQLite result code. */
int	rank_register(sqlite3 *db);
/* (Re)write rank_lengths from fts_docsize; an SQLite result code. */
int	rank_write_lengths(sqlite3 *db);

#endif
