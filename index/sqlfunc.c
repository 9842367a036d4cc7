/*
 * sqlfunc.c — SQL functions unpack() and case_body() used by the views
 * of the index (sqlfunc.h).
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "packed.h"
#include "parse.h"
#include "sqlfunc.h"

/* Hand b's text to SQLite as the result (it frees it). */
static void
result_buf(sqlite3_context *ctx, struct buf *b)
{
	int len = (int)b->len;

	if (b->data == NULL)
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
	else
		sqlite3_result_text(ctx, buf_detach(b), len, free);
}

static void
sql_unpack(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf b = BUF_INIT;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if (unpack_text(sqlite3_value_blob(argv[0]),
	    (size_t)sqlite3_value_bytes(argv[0]), &b) == -1) {
		buf_free(&b);
		sqlite3_result_error(ctx, "unpack: damaged compressed text",
		    -1);
		return;
	}
	result_buf(ctx, &b);
}

static void
sql_case_body(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *path = (const char *)sqlite3_value_text(argv[0]);
	const char *text = (const char *)sqlite3_value_text(argv[1]);
	struct source src = { 0 };
	struct doc d = { 0 };
	struct buf err = BUF_INIT;
	char *body;
	int format;

	(void)argc;
	if (path == NULL || text == NULL)
		return;
	format = name_format(path);
	src.path = (char *)path;
	src.text = (char *)text;
	src.len = (size_t)sqlite3_value_bytes(argv[1]);
	src.format = format == -1 ? FORMAT_TEXT : (enum source_format)format;
	if (doc_parse(&src, &d, &err) == -1) {
		sqlite3_result_error(ctx, err.data ? err.data : "parse", -1);
		buf_free(&err);
		return;
	}
	body = case_body(&d, sqlite3_value_int(argv[2]),
	    sqlite3_value_int(argv[3]));
	sqlite3_result_text(ctx, body, -1, free);
	doc_free(&d);
}

int
sqlfunc_register(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC |
	    SQLITE_INNOCUOUS;
	int rc;

	rc = sqlite3_create_function(db, "unpack", 1, flags, NULL,
	    sql_unpack, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "case_body", 4, flags, NULL,
		    sql_case_body, NULL, NULL);
	return rc;
}
