/*
 * cmd_query.c — picorpus query: search the index and print ranked hits
 * (highlighted on a terminal, plain when piped, JSON Lines with --json).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "query.h"
#include "store.h"

static const char usage[] =
"usage: picorpus query [--json] [--count] [--limit N] [--index FILE]\n"
"                      [--ward W] [--kind K] [--type T] [--since D] [--until D]\n"
"                      TERMS...\n\n"
"Search the cases.  Terms are ANDed; 'a OR b' matches either; -term\n"
"excludes; \"a phrase\" matches in order.  Filters may also be written\n"
"inline: ward:世田谷区 kind:諮問 type:再委託 since:R6 until:2024-03-31.\n"
"Field terms search one kind of fact: consignee:TOPPAN item:口座番号\n"
"basis:第12条 title:… procedure:….\n"
"Japanese is matched as substrings (委託 finds 再委託), Latin words and\n"
"full-/half-width forms are folded (ＬＧＷＡＮ = LGWAN = lgwan).\n\n"
"  --json       one JSON object per hit (JSON Lines), best first\n"
"  --count      print only the number of matching cases\n"
"  --limit N    at most N hits (default 20; 0 = all)\n"
"  --index FILE the index (default " DEFAULT_INDEX ")\n\n"
"Exit status: 0 (also for zero hits), 1 runtime error, 2 usage error.\n";

enum output { OUT_TEXT, OUT_JSON, OUT_COUNT };

struct printer {
	enum output	 out;
	int		 color;
	long		 rank;
};

/* Replace the snippet's match markers and flatten white space. */
static void
render_snippet(struct buf *b, const char *s, const char *on, const char *off)
{
	int space = 0;

	for (; s != NULL && *s; s++) {
		if (*s == QUERY_MARK_START[0])
			buf_puts(b, on);
		else if (*s == QUERY_MARK_END[0])
			buf_puts(b, off);
		else if (*s == '\n' || *s == '\t' || *s == '\r' || *s == ' ') {
			if (!space)
				buf_putc(b, ' ');
			space = 1;
			continue;
		} else
			buf_putc(b, *s);
		space = 0;
	}
}

static json_t *
str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void
print_json(const struct query_hit *h)
{
	struct buf snip = BUF_INIT;
	json_t *o = json_object();
	char *line;

	render_snippet(&snip, h->snippet, "«", "»");
	json_object_set_new(o, "id", str_or_null(h->id));
	json_object_set_new(o, "source", str_or_null(h->source));
	json_object_set_new(o, "title", str_or_null(h->title));
	json_object_set_new(o, "kind", str_or_null(h->kind));
	json_object_set_new(o, "municipality", str_or_null(h->municipality));
	json_object_set_new(o, "date", str_or_null(h->date));
	json_object_set_new(o, "score", json_real(h->score));
	json_object_set_new(o, "snippet", json_string(snip.data ? snip.data :
	    ""));
	json_object_set_new(o, "procedure", str_or_null(h->procedure));
	line = json_dumps(o, JSON_COMPACT);
	if (line != NULL)
		puts(line);
	free(line);
	json_decref(o);
	buf_free(&snip);
}

static void
print_text(const struct printer *p, const struct query_hit *h)
{
	struct buf snip = BUF_INIT;
	const char *bold = p->color ? "\033[1m" : "";
	const char *dim = p->color ? "\033[2m" : "";
	const char *off = p->color ? "\033[0m" : "";

	render_snippet(&snip, h->snippet, p->color ? "\033[1;31m" : "[",
	    p->color ? "\033[0m" : "]");
	printf("%s%ld. %s%s\n", bold, p->rank,
	    h->title ? h->title : "(no title)", off);
	printf("   %s%s · %s · %s · %s · %s%s\n", dim,
	    h->municipality ? h->municipality : "?", h->kind ? h->kind : "?",
	    h->date ? h->date : "date unknown", h->source, h->id, off);
	if (h->procedure != NULL)
		printf("   %s手続: %s%s\n", dim, h->procedure, off);
	if (snip.len > 0)
		printf("   %s\n", snip.data);
	buf_free(&snip);
}

static int
print_hit(void *arg, const struct query_hit *h)
{
	struct printer *p = arg;

	p->rank++;
	if (p->out == OUT_JSON)
		print_json(h);
	else if (p->out == OUT_TEXT)
		print_text(p, h);
	return 0;
}

static int
apply_filters(struct query *q, const char *const vals[5], struct buf *err)
{
	static const char *const keys[5] = { "ward", "kind", "type", "since",
	    "until" };

	for (int i = 0; i < 5; i++)
		if (vals[i] != NULL &&
		    query_set_filter(q, keys[i], vals[i], err) == -1)
			return -1;
	return 0;
}

/* How many cases match term alone (no filters), or -1. */
static long
count_alone(sqlite3 *db, const char *term)
{
	struct query one;
	struct buf err = BUF_INIT;
	char *argv[1] = { (char *)term };
	long n = -1;

	memset(&one, 0, sizeof(one));
	if (query_parse(&one, 1, argv, &err) == 0)
		n = query_count(db, &one, &err);
	query_free(&one);
	buf_free(&err);
	return n;
}

/*
 * Zero hits: say which term no case contains, or that each term matches
 * but not together, so the user knows what to change.
 */
static void
explain_no_hits(sqlite3 *db, const struct query *q)
{
	int alone = 0;

	fputs("picorpus query: no case matches", stderr);
	if (q->dropped.n > 0)
		fprintf(stderr, " (ignored '%s': nothing searchable in it)",
		    q->dropped.v[0]);
	for (size_t i = 0; db != NULL && i < q->terms.n; i++) {
		long n = count_alone(db, q->terms.v[i]);

		if (n == 0)
			fprintf(stderr, "; no case contains '%s' (try a "
			    "shorter part of it)", q->terms.v[i]);
		alone += n > 0;
	}
	if (q->terms.n > 1 && (size_t)alone == q->terms.n)
		fputs("; each term matches alone but not all together (try "
		    "'a OR b', or fewer terms)", stderr);
	else if (q->terms.n <= 1 && q->dropped.n == 0)
		fputs("; try a shorter word or drop a filter", stderr);
	fputc('\n', stderr);
}

static int
run(sqlite3 *db, struct query *q, struct printer *p)
{
	struct buf err = BUF_INIT;
	long n;

	n = p->out == OUT_COUNT ? query_count(db, q, &err) :
	    query_run(db, q, print_hit, p, &err);
	if (n < 0) {
		cli_error("query", "%s", err.data);
		buf_free(&err);
		return EXIT_RUNTIME;
	}
	if (p->out == OUT_COUNT)
		printf("%ld\n", n);
	else if (n == 0)
		explain_no_hits(db, q);
	return EXIT_OK;
}

int
cmd_query(int argc, char **argv)
{
	const char *index = NULL, *limit = NULL, *f[5] = { 0 };
	int json = 0, count = 0, npos, rc = EXIT_USAGE;
	struct opt opts[] = {
		{ "json", 0, NULL, &json }, { "count", 0, NULL, &count },
		{ "limit", 'n', &limit, NULL }, { "index", 0, &index, NULL },
		{ "ward", 0, &f[0], NULL }, { "municipality", 0, &f[0], NULL },
		{ "kind", 0, &f[1], NULL }, { "type", 0, &f[2], NULL },
		{ "since", 0, &f[3], NULL }, { "until", 0, &f[4], NULL },
		{ NULL, 0, NULL, NULL }
	};
	struct printer p = { OUT_TEXT, 0, 0 };
	struct query q;
	struct buf err = BUF_INIT;
	sqlite3 *db = NULL;

	memset(&q, 0, sizeof(q));
	if (cli_parse("query", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	q.limit = limit ? (int)cli_number(limit) : 20;
	if (q.limit < 0) {
		cli_error("query", "--limit takes a number, not '%s'", limit);
		goto out;
	}
	if (count)
		q.limit = 0;
	if (apply_filters(&q, f, &err) == -1 ||
	    query_parse(&q, npos, argv, &err) == -1) {
		cli_error("query", "%s", err.data);
		goto out;
	}
	if (q.match == NULL && q.exclude == NULL && !q.municipality &&
	    !q.kind && !q.type && !q.since && !q.until) {
		if (q.dropped.n > 0) {	/* only unsearchable text */
			explain_no_hits(NULL, &q);
			rc = EXIT_OK;
		} else
			fputs(usage, stderr);
		goto out;
	}
	if ((rc = cli_open_index("query", index, &db)) != EXIT_OK)
		goto out;
	p.out = count ? OUT_COUNT : json ? OUT_JSON : OUT_TEXT;
	p.color = p.out == OUT_TEXT && cli_color(stdout);
	rc = run(db, &q, &p);
out:
	sqlite3_close(db);
	query_free(&q);
	buf_free(&err);
	return rc;
}
