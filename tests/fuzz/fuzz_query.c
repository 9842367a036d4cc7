/*
 * fuzz_query.c — the query parser and the FTS5 expression it builds,
 * run against a small index made once: any words either are a usage
 * error with a message, or run without a database error (no input is
 * FTS5 or SQL syntax).  The input is split into words at NUL bytes and
 * ASCII white space, as a shell would hand them over.
 */
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "case.h"
#include "fuzz.h"
#include "ingest.h"
#include "query.h"
#include "store.h"

static sqlite3 *db;

int	LLVMFuzzerInitialize(int *argc, char ***argv);

static void
add_case(struct store *s, const char *id, const char *title,
    const char *kind, const char *date, const char *body)
{
	struct source src = { 0 };
	struct pcase *c = case_new();
	struct buf err = BUF_INIT;
	int64_t doc;

	src.path = (char *)id;
	src.text = (char *)body;
	src.len = strlen(body);
	src.enc = ENC_UTF8;
	c->id = xstrdup(id);
	c->source = xstrdup(id);
	field_set(&c->title, title, 1);
	field_set(&c->kind, kind, 1);
	field_set(&c->date, date, 1);
	field_set(&c->municipality, "新宿区", 1);
	c->body = xstrdup(body);
	if (store_add_document(s, &src, NULL, &doc, &err) == -1 ||
	    store_add_case(s, doc, c, NULL, &err) == -1) {
		fprintf(stderr, "fuzz_query: %s\n", err.data);
		exit(1);
	}
	case_free(c);
	buf_free(&err);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/picorpus-fuzz-query-XXXXXX";
	struct buf err = BUF_INIT, path = BUF_INIT;
	struct store *s;

	(void)argc, (void)argv;
	if (mkdtemp(dir) == NULL)
		exit(1);
	buf_printf(&path, "%s/index.db", dir);
	if (store_begin(path.data, &s, &err) == -1)
		goto fail;
	add_case(s, "a.txt", "再委託について", "諮問", "2024-04-01",
	    "LGWAN回線で再委託する。氏名、住所を渡す。条例第12条");
	add_case(s, "b.txt", "業務委託について", "報告", "2019-05-01",
	    "専用回線で委託する ISO27001 \"quoted\" (paren) * NEAR");
	if (store_commit(s, &err) == -1 || index_open(path.data, &db,
	    &err) == -1)
		goto fail;
	unlink(path.data);	/* the open connection keeps it */
	rmdir(dir);
	buf_free(&path);
	return 0;
fail:
	fprintf(stderr, "fuzz_query: %s\n", err.data);
	exit(1);
}

static int
take_hit(void *arg, const struct query_hit *h)
{
	FUZZ_ASSERT(h->id != NULL && h->snippet != NULL);
	(*(long *)arg)++;
	return 0;
}

/* Split s (n bytes) into words at NUL and ASCII white space. */
static void
split_words(char *s, size_t n, struct strlist *words)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && s[j] != '\0' && strchr(" \t\n\r\f\v", s[j]) ==
		    NULL)
			j++;
		if (j > i)
			strlist_pushn(words, s + i, j - i);
		i = j + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strlist words = STRLIST_INIT;
	struct query q;
	struct buf err = BUF_INIT;
	char *s = fuzz_string(data, size);

	memset(&q, 0, sizeof(q));
	split_words(s, size, &words);
	if (query_parse(&q, (int)words.n, words.v, &err) == 0) {
		long hits = 0, run, count;

		q.limit = 10;
		run = query_run(db, &q, take_hit, &hits, &err);
		if (run == -1)
			fprintf(stderr, "query_run: %s\n", err.data);
		FUZZ_ASSERT(run >= 0 && run == hits && hits <= 10);
		count = query_count(db, &q, &err);
		FUZZ_ASSERT(count >= run);
	} else {
		FUZZ_ASSERT(err.len > 0);
	}
	query_free(&q);
	strlist_free(&words);
	buf_free(&err);
	free(s);
	return 0;
}
