/*
 * rank.c — the FTS5 auxiliary function picorpus_rank() (see rank.h).
 *
 * The first call of a query computes, as bm25() does, each phrase's IDF
 * from the number of rows holding it (xQueryPhrase) and the average row
 * length; it keeps them, and when the phrases are common the length of
 * every row, as the query's auxiliary data.  Each call then sums the
 * weighted occurrences of each phrase in the row (xPhraseFirst/Next,
 * which unlike xInst builds no merged array per row).
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rank.h"
#include "tokenizer.h"

#define K1	1.2
#define B	0.75

static const double column_weight[] = {
	RANK_W_TITLE, RANK_W_PROCEDURES, RANK_W_PARTIES, RANK_W_ITEMS,
	RANK_W_BASIS, RANK_W_META, RANK_W_BODY
};
#define NCOLUMN_WEIGHTS (int)(sizeof(column_weight) / sizeof(*column_weight))

struct rank_data {
	int		 nphrase;
	double		*idf;		/* per phrase */
	double		*freq;		/* per phrase, scratch of one row */
	double		 avgdl;		/* average row length in tokens */
	uint32_t	*len;		/* row length by rowid, or NULL */
	sqlite3_int64	 nlen;		/* entries of len */
};

static void
rank_data_free(void *p)
{
	struct rank_data *d = p;

	if (d == NULL)
		return;
	free(d->idf);
	free(d->freq);
	free(d->len);
	free(d);
}

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *n)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)n)++;
	return SQLITE_OK;
}

/* Decode one SQLite varint of p[0..n); returns bytes used, 0 if cut. */
static int
get_varint(const unsigned char *p, int n, sqlite3_uint64 *v)
{
	*v = 0;
	for (int i = 0; i < n && i < 9; i++) {
		if (i == 8) {
			*v = (*v << 8) | p[i];
			return 9;
		}
		*v = (*v << 7) | (p[i] & 0x7f);
		if ((p[i] & 0x80) == 0)
			return i + 1;
	}
	return 0;
}

/* The sum of the varints of FTS5's docsize record p[0..n). */
static uint32_t
docsize_total(const unsigned char *p, int n)
{
	sqlite3_uint64 v, total = 0;
	int used;

	while (n > 0 && (used = get_varint(p, n, &v)) > 0) {
		total += v;
		p += used;
		n -= used;
	}
	return total > UINT32_MAX ? UINT32_MAX : (uint32_t)total;
}

int
rank_write_lengths(sqlite3 *db)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT id, sz FROM fts_docsize ORDER BY "
	    "id", -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(st, 0);
		uint32_t len = docsize_total(sqlite3_column_blob(st, 1),
		    sqlite3_column_bytes(st, 1));
		unsigned char le[4] = { len & 0xff, (len >> 8) & 0xff,
		    (len >> 16) & 0xff, len >> 24 };

		if (id < 0 || id > RANK_MAX_ROWID)
			continue;
		while (b.len < (size_t)id * 4)
			buf_putc(&b, 0);
		buf_put(&b, le, 4);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO "
		    "rank_lengths(id, lengths) VALUES (1, ?1)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_blob(st, 1, b.data ? b.data : "", (int)b.len,
		    SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK :
		    sqlite3_errcode(db);
		sqlite3_finalize(st);
	}
	buf_free(&b);
	return rc;
}

uint32_t
rank_length_at(const void *blob, size_t i)
{
	const unsigned char *p = (const unsigned char *)blob + 4 * i;

	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * Read the length of every row from rank_lengths (one read of a blob
 * instead of a scan of fts_docsize: 45 pages instead of 188 for 45,000
 * cases).  Returns an SQLite result code.
 */
static int
load_lengths(sqlite3 *db, struct rank_data *d)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT lengths FROM rank_lengths WHERE "
	    "id = 1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(st, 0);

		d->nlen = sqlite3_column_bytes(st, 0) / 4;
		d->len = xcalloc((size_t)d->nlen + 1, sizeof(*d->len));
		for (sqlite3_int64 i = 0; i < d->nlen; i++)
			d->len[i] = rank_length_at(p, (size_t)i);
	}
	return sqlite3_finalize(st);
}

/*
 * Per-query data: IDF per phrase and the average length; the lengths of
 * all rows too when some phrase is in at least 1/64 of the rows: a
 * lookup per row costs ~2 µs, a row of the scan ~0.05 µs (measured on
 * the 100 MB generated corpus).
 */
static int
rank_data_new(const Fts5ExtensionApi *api, Fts5Context *fts,
    struct rank_data **out)
{
	struct rank_data *d = xcalloc(1, sizeof(*d));
	sqlite3_int64 nrow = 0, ntok = 0, most = 0;
	int rc;

	d->nphrase = api->xPhraseCount(fts);
	d->idf = xcalloc((size_t)d->nphrase + 1, sizeof(*d->idf));
	d->freq = xcalloc((size_t)d->nphrase + 1, sizeof(*d->freq));
	rc = api->xRowCount(fts, &nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntok);
	d->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	for (int i = 0; rc == SQLITE_OK && i < d->nphrase; i++) {
		sqlite3_int64 nhit = 0;

		if (d->nphrase == 1) {	/* IDF weighs phrases; one needs none */
			d->idf[0] = 1.0;
			most = nrow;
			break;
		}
		rc = api->xQueryPhrase(fts, i, &nhit, count_row);
		d->idf[i] = log((nrow - nhit + 0.5) / (nhit + 0.5));
		if (d->idf[i] <= 0.0)
			d->idf[i] = 1e-6;
		if (nhit > most)
			most = nhit;
	}
	if (rc == SQLITE_OK && nrow >= 1024 && most >= nrow / 64)
		rc = load_lengths(api->xUserData(fts), d);
	if (rc != SQLITE_OK) {
		rank_data_free(d);
		return rc;
	}
	*out = d;
	return SQLITE_OK;
}

/* The row's length in tokens: from the table read, or asked of FTS5. */
static int
row_length(const Fts5ExtensionApi *api, Fts5Context *fts,
    const struct rank_data *d, int *len)
{
	sqlite3_int64 id = api->xRowid(fts);

	if (d->len != NULL && id >= 0 && id < d->nlen) {
		*len = d->len[id] > INT_MAX ? INT_MAX : (int)d->len[id];
		return SQLITE_OK;
	}
	return api->xColumnSize(fts, -1, len);
}

/*
 * The weighted occurrences of phrase i in the row (one per column
 * weight), read straight from its position list.
 */
static int
phrase_frequency(const Fts5ExtensionApi *api, Fts5Context *fts, int i,
    double *freq)
{
	Fts5PhraseIter it;
	int col, off, rc;

	*freq = 0.0;
	rc = api->xPhraseFirst(fts, i, &it, &col, &off);
	while (rc == SQLITE_OK && col >= 0) {
		*freq += col < NCOLUMN_WEIGHTS ? column_weight[col] : 1.0;
		api->xPhraseNext(fts, &it, &col, &off);
	}
	return rc;
}

static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	double score = 0.0;
	int rc = SQLITE_OK, len = 0;

	(void)nval;
	(void)val;
	if (d == NULL) {
		if ((rc = rank_data_new(api, fts, &d)) == SQLITE_OK)
			rc = api->xSetAuxdata(fts, d, rank_data_free);
	}
	for (int i = 0; rc == SQLITE_OK && i < d->nphrase; i++)
		rc = phrase_frequency(api, fts, i, &d->freq[i]);
	if (rc == SQLITE_OK)
		rc = row_length(api, fts, d, &len);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * (d->freq[i] * (K1 + 1.0)) / (d->freq[i] +
		    K1 * (1.0 - B + B * (double)len / d->avgdl));
	sqlite3_result_double(ctx, score);
}

int
rank_register(sqlite3 *db)
{
	fts5_api *api = fts5_api_of(db);

	if (api == NULL)
		return SQLITE_ERROR;
	return api->xCreateFunction(api, "picorpus_rank", db, rank_fn, NULL);
}
