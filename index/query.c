/*
 * query.c — the query language of query.h: a small lexer over the
 * user's text, a builder of quoted FTS5 strings, and the SQL that joins
 * the full-text match to the structured filters.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "query.h"
#include "tokenizer.h"

/* Bounds that keep any query cheap; longer ones are usage errors. */
#define MAX_TERMS	64	/* distinct terms in one query */
#define MAX_TERM_BYTES	256	/* bytes of one term or phrase */

enum lex_kind { LEX_END, LEX_WORD, LEX_PHRASE, LEX_OR };

struct lexer {
	const char	*s;
	size_t		 pos;
	size_t		 len;
};

struct lexeme {
	enum lex_kind	 kind;
	int		 negated;	/* introduced by '-' */
	char		*text;		/* word or phrase text (owned) */
};

static int
is_space_at(const struct lexer *lx, size_t i)
{
	const unsigned char *u = (const unsigned char *)lx->s + i;

	if (i >= lx->len)
		return 0;
	if (isspace(u[0]))
		return 1;
	/* U+3000 IDEOGRAPHIC SPACE */
	return i + 2 < lx->len && u[0] == 0xe3 && u[1] == 0x80 &&
	    u[2] == 0x80 ? 3 : 0;
}

static void
skip_space(struct lexer *lx)
{
	int n;

	while ((n = is_space_at(lx, lx->pos)) > 0)
		lx->pos += (size_t)n;
}

/* Read the next lexeme; -1 with err set on an unbalanced quote. */
static int
lex_next(struct lexer *lx, struct lexeme *t, struct buf *err)
{
	size_t start;

	memset(t, 0, sizeof(*t));
	skip_space(lx);
	if (lx->pos >= lx->len)
		return 0;
	if (lx->s[lx->pos] == '-' && lx->pos + 1 < lx->len &&
	    !is_space_at(lx, lx->pos + 1)) {
		t->negated = 1;
		lx->pos++;
	}
	if (lx->s[lx->pos] == '"') {
		const char *close = memchr(lx->s + lx->pos + 1, '"',
		    lx->len - lx->pos - 1);

		if (close == NULL) {
			buf_puts(err, "unbalanced double quote: close the "
			    "phrase with \"");
			return -1;
		}
		t->kind = LEX_PHRASE;
		t->text = xstrndup(lx->s + lx->pos + 1,
		    (size_t)(close - lx->s) - lx->pos - 1);
		lx->pos = (size_t)(close - lx->s) + 1;
		return 0;
	}
	start = lx->pos;
	while (lx->pos < lx->len && !is_space_at(lx, lx->pos))
		lx->pos++;
	t->text = xstrndup(lx->s + start, lx->pos - start);
	t->kind = (!t->negated && strcmp(t->text, "OR") == 0) ? LEX_OR :
	    LEX_WORD;
	return 0;
}

static int
count_token(void *ctx, const char *tok, int ntok, int s, int e)
{
	(void)tok, (void)ntok, (void)s, (void)e;
	(*(int *)ctx)++;
	return 0;
}

/* Does the text hold anything the tokenizer indexes? */
static int
has_tokens(const char *text)
{
	int n = 0;

	tokenize(text, strlen(text), TOKENIZE_QUERY, count_token, &n);
	return n > 0;
}

/*
 * Append text as one FTS5 string literal, as a prefix phrase when it ends
 * in a lone Japanese character (see tokenizer.h).
 */
static void
put_fts_string(struct buf *b, const char *text)
{
	buf_putc(b, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
	if (tokenize_needs_prefix(text, strlen(text)))
		buf_puts(b, " *");
}

static int
parse_date_bound(const char *value, int upper, char iso[11])
{
	struct norm_date d;
	size_t n = strlen(value);
	char *end;
	long y;

	if (norm_find_date(value, n, &d, NULL, NULL) == 0 && d.year > 0) {
		if (d.month == 0)
			d.month = upper ? 12 : 1;
		if (d.day == 0)
			d.day = upper ? 31 : 1;
	} else {
		y = strtol(value, &end, 10);
		if (end == value || *end != '\0' || y < 1000 || y > 9999)
			return -1;
		d.year = (int)y;
		d.month = upper ? 12 : 1;
		d.day = upper ? 31 : 1;
	}
	return norm_format_iso(&d, iso);
}

static void
set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = xstrdup(v);
}

int
query_set_filter(struct query *q, const char *key, const char *value,
    struct buf *err)
{
	char iso[11];

	if (strcmp(key, "ward") == 0 || strcmp(key, "municipality") == 0)
		set_str(&q->municipality, value);
	else if (strcmp(key, "kind") == 0)
		set_str(&q->kind, value);
	else if (strcmp(key, "type") == 0)
		set_str(&q->type, value);
	else if (strcmp(key, "since") == 0 || strcmp(key, "until") == 0) {
		int upper = key[0] == 'u';

		if (parse_date_bound(value, upper, iso) == -1) {
			buf_printf(err, "%s: not a date: '%s' (use 2019-04-01, "
			    "2019, 令和6年 or R6.4.1)", key, value);
			return -1;
		}
		set_str(upper ? &q->until : &q->since, iso);
	} else
		return 0;
	return 1;
}

/* A word of the form key:value with a known key is a filter. */
static int
try_filter(struct query *q, const struct lexeme *t, struct buf *err)
{
	const char *colon;
	char *key;
	int rc;

	if (t->kind != LEX_WORD || t->negated ||
	    (colon = strchr(t->text, ':')) == NULL || colon == t->text ||
	    colon[1] == '\0')
		return 0;
	key = xstrndup(t->text, (size_t)(colon - t->text));
	rc = query_set_filter(q, key, colon + 1, err);
	free(key);
	return rc;
}

/* Builder state: positive clauses, ANDed; OR joins into the last one. */
struct builder {
	struct buf	pos;		/* positive expression */
	struct buf	neg;		/* excluded terms, ORed */
	struct buf	group;		/* current OR group */
	int		group_n;	/* terms in the group */
	int		pending_or;	/* an OR was read */
	struct strlist	seen;		/* terms so far, to drop repeats */
};

static void
close_group(struct builder *b)
{
	if (b->group_n == 0)
		return;
	if (b->pos.len > 0)
		buf_puts(&b->pos, " AND ");
	if (b->group_n > 1)
		buf_printf(&b->pos, "(%s)", b->group.data);
	else
		buf_puts(&b->pos, b->group.data);
	buf_truncate(&b->group, 0);
	b->group_n = 0;
}

/*
 * Field terms search one column of the full-text table: consignee:TOPPAN
 * (consignees, subcontractors and partners), item:口座番号, basis:第12条,
 * title:…, procedure:….  Returns the column, or NULL for a plain term;
 * *value points after the colon.
 */
static const char *
term_column(const char *text, const char **value)
{
	static const struct { const char *key, *column; } keys[] = {
		{ "consignee", "parties" }, { "party", "parties" },
		{ "partner", "parties" }, { "item", "items" },
		{ "basis", "basis" }, { "title", "title" },
		{ "procedure", "procedures" },
	};
	const char *colon = strchr(text, ':');

	if (colon == NULL || colon[1] == '\0')
		return NULL;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i].key) == (size_t)(colon - text) &&
		    strncmp(keys[i].key, text, (size_t)(colon - text)) == 0) {
			*value = colon + 1;
			return keys[i].column;
		}
	return NULL;
}

/* Append a term as an FTS5 phrase, restricted to a column if it names one. */
static void
put_term(struct buf *b, const char *text)
{
	const char *value, *column = term_column(text, &value);

	if (column != NULL) {
		buf_printf(b, "%s : ", column);
		put_fts_string(b, value);
	} else
		put_fts_string(b, text);
}

static int
add_term(struct query *q, struct builder *b, const struct lexeme *t,
    struct buf *err)
{
	const char *value, *text = t->text;

	if (t->kind == LEX_WORD && term_column(t->text, &value) != NULL)
		text = value;
	if (!has_tokens(text)) {
		strlist_push(&q->dropped, t->text);
		return 0;
	}
	if (strlen(t->text) > MAX_TERM_BYTES) {
		buf_printf(err, "a search term is longer than %d bytes",
		    MAX_TERM_BYTES);
		return -1;
	}
	if (!strlist_push_unique(&b->seen, t->text) && !b->pending_or &&
	    !t->negated)
		return 0;	/* the same term twice adds nothing */
	if (b->seen.n > MAX_TERMS) {
		buf_printf(err, "more than %d different search terms",
		    MAX_TERMS);
		return -1;
	}
	q->nterms++;
	if (t->negated) {
		if (b->pending_or) {
			buf_puts(err, "OR cannot join an excluded (-) term");
			return -1;
		}
		if (b->neg.len > 0)
			buf_puts(&b->neg, " OR ");
		if (t->kind == LEX_WORD)
			put_term(&b->neg, t->text);
		else
			put_fts_string(&b->neg, t->text);
		return 0;
	}
	strlist_push_unique(&q->terms, text);
	if (!b->pending_or)
		close_group(b);
	else
		buf_puts(&b->group, " OR ");
	if (t->kind == LEX_WORD)
		put_term(&b->group, t->text);
	else
		put_fts_string(&b->group, t->text);
	b->group_n++;
	b->pending_or = 0;
	return 0;
}

static int
parse_lexemes(struct query *q, struct lexer *lx, struct builder *b,
    struct buf *err)
{
	struct lexeme t;
	int rc = 0, prev_term = 0;

	for (;;) {
		if (lex_next(lx, &t, err) == -1)
			return -1;
		if (t.kind == LEX_END)
			break;
		if (t.kind == LEX_OR) {	/* after a kept positive term */
			if (!prev_term || b->pending_or || b->group_n == 0) {
				buf_puts(err, "OR needs a search term on each "
				    "side");
				rc = -1;
			}
			b->pending_or = 1;
		} else if ((rc = try_filter(q, &t, err)) == 0) {
			rc = add_term(q, b, &t, err);
			prev_term = !t.negated;
		} else if (rc == 1)
			rc = 0;
		free(t.text);
		if (rc == -1)
			return -1;
	}
	if (b->pending_or) {
		buf_puts(err, "OR needs a search term on each side");
		return -1;
	}
	return 0;
}

int
query_parse(struct query *q, int argc, char *const argv[], struct buf *err)
{
	struct buf text = BUF_INIT;
	struct builder b;
	struct lexer lx;
	int rc;

	memset(&b, 0, sizeof(b));
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			buf_putc(&text, ' ');
		buf_puts(&text, argv[i]);
	}
	lx.s = text.data ? text.data : "";
	lx.len = text.len;
	lx.pos = 0;
	rc = parse_lexemes(q, &lx, &b, err);
	if (rc == 0) {
		close_group(&b);
		free(q->match);
		free(q->exclude);
		q->match = b.pos.len ? buf_detach(&b.pos) : NULL;
		q->exclude = b.neg.len ? buf_detach(&b.neg) : NULL;
	}
	buf_free(&b.pos);
	buf_free(&b.neg);
	buf_free(&b.group);
	strlist_free(&b.seen);
	buf_free(&text);
	return rc;
}

/* ---- running ---- */

/* Do the filters read the cases table (not just the full text)? */
static int
filters_need_cases(const struct query *q)
{
	return q->municipality || q->kind || q->type || q->since || q->until;
}

/* The filters, ANDed; rowid is the SQL name of the case's rowid. */
static void
add_filters(struct buf *sql, const struct query *q, const char *rowid)
{
	if (q->municipality)
		buf_puts(sql, " AND c.municipality LIKE '%' || :ward || '%'");
	if (q->kind)
		buf_puts(sql, " AND c.kind = :kind");
	if (q->type)
		buf_puts(sql, " AND EXISTS (SELECT 1 FROM procedures p WHERE "
		    "p.case_id = c.id AND p.type = :type)");
	if (q->since)
		buf_puts(sql, " AND c.date >= :since");
	if (q->until)
		buf_puts(sql, " AND c.date <= :until");
	if (q->exclude)
		buf_printf(sql, " AND %s NOT IN (SELECT rowid FROM fts "
		    "WHERE fts MATCH :exclude)", rowid);
}

/* The columns of a hit, in the order query_run() reads them. */
#define HIT_COLUMNS "c.id, c.source, c.title, c.kind, c.municipality, c.date"
#define SCORE "picorpus_rank(fts)"	/* rank.h */
#define SNIPPET "snippet(fts, -1, '" QUERY_MARK_START "', '" \
	QUERY_MARK_END "', '…', 24)"

/* FROM and WHERE of the matching rows of fts: cases joined if needed. */
static void
matching_rows(struct buf *sql, const struct query *q)
{
	buf_puts(sql, "FROM fts ");
	if (filters_need_cases(q))
		buf_puts(sql, "JOIN cases c ON c.rowid = fts.rowid ");
	buf_puts(sql, "WHERE fts MATCH :match");
	add_filters(sql, q, "fts.rowid");
}

/* The order of hits: best first, then newest, then by id. */
#define HIT_ORDER(score) score " DESC, c.date DESC, c.id"

/* Pages up to this many hits are chosen in C (run_page()). */
#define PAGE_MAX 100

/* Is q answered a page at a time (see run_page())? */
static int
wants_page(const struct query *q)
{
	return q->match && q->limit > 0 && q->limit <= PAGE_MAX;
}

/*
 * All ranked hits in one statement (many hits: one pass is cheaper than
 * a page's lookups); without terms, filters alone list cases by date.
 */
static void
build_sql(struct buf *sql, const struct query *q)
{
	if (q->match) {
		buf_puts(sql, "SELECT " HIT_COLUMNS ", " SCORE ", " SNIPPET
		    " FROM fts JOIN cases c ON c.rowid = fts.rowid "
		    "WHERE fts MATCH :match");
		add_filters(sql, q, "c.rowid");
		buf_puts(sql, " ORDER BY " HIT_ORDER("7"));
		if (q->limit > 0)
			buf_printf(sql, " LIMIT %d", q->limit);
	} else {
		buf_puts(sql, "SELECT " HIT_COLUMNS ", 0.0, '' FROM cases c "
		    "WHERE 1");
		add_filters(sql, q, "c.rowid");
		buf_puts(sql, " ORDER BY c.date DESC, c.id");
		if (q->limit > 0)
			buf_printf(sql, " LIMIT %d", q->limit);
	}
}

/* How many cases match: no ranking, no snippets. */
static void
build_count_sql(struct buf *sql, const struct query *q)
{
	if (q->match) {
		buf_puts(sql, "SELECT count(*) ");
		matching_rows(sql, q);
	} else {
		buf_puts(sql, "SELECT count(*) FROM cases c WHERE 1");
		add_filters(sql, q, "c.rowid");
	}
}

static void
bind_named(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0 && value != NULL)
		sqlite3_bind_text(st, i, value, -1, SQLITE_STATIC);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : NULL;
}

/* Prepare sql and bind every parameter of q it names. */
static sqlite3_stmt *
prepare_query(sqlite3 *db, const struct buf *sql, const struct query *q,
    struct buf *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql->data, -1, &st, NULL) != SQLITE_OK) {
		buf_printf(err, "query: %s", sqlite3_errmsg(db));
		return NULL;
	}
	bind_named(st, ":match", q->match);
	bind_named(st, ":exclude", q->exclude);
	bind_named(st, ":ward", q->municipality);
	bind_named(st, ":kind", q->kind);
	bind_named(st, ":type", q->type);
	bind_named(st, ":since", q->since);
	bind_named(st, ":until", q->until);
	return st;
}

/* The facts of each procedure of a case, in order. */
#define PROCEDURE_SQL \
	"SELECT p.type, ifnull(p.title, ''), p.type || ' ' || " \
	"ifnull(p.title, '') || ' ' || ifnull((SELECT group_concat(name, ' ') " \
	"FROM parties WHERE procedure_id = p.id), '') || ' ' || " \
	"ifnull((SELECT group_concat(name, ' ') FROM items WHERE " \
	"procedure_id = p.id), '') FROM procedures p WHERE p.case_id = ?1 " \
	"ORDER BY p.seq"

/* Does text, folded, contain any of the terms, folded? */
static int
holds_a_term(const char *text, const struct strlist *terms)
{
	char *hay = norm_fold(text, strlen(text));
	int found = 0;

	for (size_t i = 0; i < terms->n && !found; i++) {
		char *needle = norm_fold(terms->v[i], strlen(terms->v[i]));

		found = *needle != '\0' && strstr(hay, needle) != NULL;
		free(needle);
	}
	free(hay);
	return found;
}

/* "type title" of the first procedure of case id holding a term. */
static void
matched_procedure(sqlite3_stmt *st, const char *id,
    const struct strlist *terms, struct buf *out)
{
	buf_truncate(out, 0);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	while (terms->n > 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *facts = (const char *)sqlite3_column_text(st, 2);

		if (facts != NULL && holds_a_term(facts, terms)) {
			buf_printf(out, "%s %s", sqlite3_column_text(st, 0),
			    sqlite3_column_text(st, 1));
			break;
		}
	}
}

/* ---- a page of hits ---- */

/* A case that may make the page. */
struct cand {
	sqlite3_int64	 rowid;
	double		 score;
	char		*date;		/* cases.date, or NULL */
	char		*id;		/* cases.id */
};

/*
 * The best scores seen (a min-heap of at most k) and every row scoring
 * at least the smallest of them: the page and its ties.
 */
struct page {
	double		*best;
	size_t		 nbest, k;
	struct cand	*v;
	size_t		 n, cap;
};

static void
heap_sift_down(double *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		double t;

		if (l < n && h[l] < h[m])
			m = l;
		if (r < n && h[r] < h[m])
			m = r;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void
heap_push(double *h, size_t *n, double v)
{
	size_t i = (*n)++;

	h[i] = v;
	while (i > 0 && h[(i - 1) / 2] > h[i]) {
		double t = h[i];

		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* The score a row needs to be on the page (ties included). */
static double
page_floor(const struct page *p)
{
	return p->nbest < p->k ? -HUGE_VAL : p->best[0];
}

/* Drop candidates below the floor. */
static void
page_prune(struct page *p)
{
	double floor = page_floor(p);
	size_t j = 0;

	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].score >= floor)
			p->v[j++] = p->v[i];
	p->n = j;
}

static void
page_offer(struct page *p, sqlite3_int64 rowid, double score)
{
	if (p->nbest < p->k)
		heap_push(p->best, &p->nbest, score);
	else if (score > p->best[0]) {
		p->best[0] = score;
		heap_sift_down(p->best, p->nbest, 0);
	} else if (score < p->best[0])
		return;
	if (p->n == p->cap) {
		page_prune(p);
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 64;
			p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
		}
	}
	p->v[p->n].rowid = rowid;
	p->v[p->n].score = score;
	p->v[p->n].date = p->v[p->n].id = NULL;
	p->n++;
}

/* Hit order: score, then newest (no date last), then id. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((x->date == NULL) != (y->date == NULL))
		return x->date == NULL ? 1 : -1;
	if (x->date != NULL && (c = strcmp(x->date, y->date)) != 0)
		return -c;
	return strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

static void
page_free(struct page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].date);
		free(p->v[i].id);
	}
	free(p->v);
	free(p->best);
}

/*
 * Score every match (FTS alone, no join unless a filter needs cases) and
 * keep the page and its ties; then order those by score, date and id.
 * Returns an SQLite result code.
 */
static int
choose_page(sqlite3 *db, const struct query *q, struct page *p,
    struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st, *cst = NULL;
	int rc;

	buf_puts(&sql, "SELECT fts.rowid, " SCORE " ");
	matching_rows(&sql, q);
	st = prepare_query(db, &sql, q, err);
	buf_free(&sql);
	if (st == NULL)
		return SQLITE_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		page_offer(p, sqlite3_column_int64(st, 0),
		    sqlite3_column_double(st, 1));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = sqlite3_prepare_v2(db, "SELECT date, id FROM cases WHERE "
		    "rowid = ?1", -1, &cst, NULL);
	page_prune(p);
	for (size_t i = 0; rc == SQLITE_OK && i < p->n; i++) {
		sqlite3_bind_int64(cst, 1, p->v[i].rowid);
		if (sqlite3_step(cst) == SQLITE_ROW) {
			const char *d = col_text(cst, 0), *id = col_text(cst, 1);

			p->v[i].date = d ? xstrdup(d) : NULL;
			p->v[i].id = id ? xstrdup(id) : NULL;
		}
		rc = sqlite3_reset(cst);
	}
	sqlite3_finalize(cst);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		buf_printf(err, "query: %s", sqlite3_errmsg(db));
		return rc;
	}
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), cand_cmp);
	return SQLITE_OK;
}

/* ---- emitting hits ---- */

/* Everything a hit needs besides its row: statements and scratch. */
struct emitter {
	const struct query	*q;
	sqlite3_stmt		*procedures;	/* PROCEDURE_SQL */
	struct buf		 proc;
	int		       (*fn)(void *, const struct query_hit *);
	void			*arg;
};

/* Call fn with the hit in st's row (HIT_COLUMNS then snippet). */
static int
emit(struct emitter *e, sqlite3_stmt *st, double score)
{
	struct query_hit h;

	h.id = col_text(st, 0);
	h.source = col_text(st, 1);
	h.title = col_text(st, 2);
	h.kind = col_text(st, 3);
	h.municipality = col_text(st, 4);
	h.date = col_text(st, 5);
	h.score = score;
	h.snippet = col_text(st, 7);
	matched_procedure(e->procedures, h.id, &e->q->terms, &e->proc);
	h.procedure = e->proc.len > 0 ? e->proc.data : NULL;
	return e->fn(e->arg, &h);
}

/* The page's hits, each row fetched by rowid with its snippet. */
static long
run_page(sqlite3 *db, struct emitter *e, struct buf *err)
{
	struct page p = { 0 };
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	long n = 0;

	p.k = (size_t)e->q->limit;
	p.best = xcalloc(p.k, sizeof(*p.best));
	if (choose_page(db, e->q, &p, err) != SQLITE_OK) {
		page_free(&p);
		return -1;
	}
	buf_puts(&sql, "SELECT " HIT_COLUMNS ", 0.0, " SNIPPET " FROM fts "
	    "JOIN cases c ON c.rowid = fts.rowid WHERE fts MATCH :match AND "
	    "fts.rowid = :rid");
	st = prepare_query(db, &sql, e->q, err);
	buf_free(&sql);
	for (size_t i = 0; st != NULL && i < p.n && i < p.k; i++) {
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":rid"),
		    p.v[i].rowid);
		if (sqlite3_step(st) == SQLITE_ROW) {
			n++;
			if (emit(e, st, p.v[i].score) != 0)
				break;
		}
		if (sqlite3_reset(st) != SQLITE_OK) {
			buf_printf(err, "query: %s", sqlite3_errmsg(db));
			n = -1;
			break;
		}
	}
	if (st == NULL)
		n = -1;
	sqlite3_finalize(st);
	page_free(&p);
	return n;
}

/* Every hit of one statement (build_sql()). */
static long
run_all(sqlite3 *db, struct emitter *e, struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	build_sql(&sql, e->q);
	st = prepare_query(db, &sql, e->q, err);
	buf_free(&sql);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (emit(e, st, sqlite3_column_double(st, 6)) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		buf_printf(err, "query: %s", sqlite3_errmsg(db));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

long
query_run(sqlite3 *db, const struct query *q,
    int (*fn)(void *arg, const struct query_hit *hit), void *arg,
    struct buf *err)
{
	struct emitter e = { q, NULL, BUF_INIT, fn, arg };
	long n;

	if (sqlite3_prepare_v2(db, PROCEDURE_SQL, -1, &e.procedures, NULL) !=
	    SQLITE_OK) {
		buf_printf(err, "query: %s", sqlite3_errmsg(db));
		return -1;
	}
	n = wants_page(q) ? run_page(db, &e, err) : run_all(db, &e, err);
	sqlite3_finalize(e.procedures);
	buf_free(&e.proc);
	return n;
}

long
query_count(sqlite3 *db, const struct query *q, struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	long n = -1;

	build_count_sql(&sql, q);
	st = prepare_query(db, &sql, q, err);
	buf_free(&sql);
	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	else
		buf_printf(err, "query: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return n;
}

void
query_free(struct query *q)
{
	if (q == NULL)
		return;
	free(q->match);
	free(q->exclude);
	free(q->municipality);
	free(q->kind);
	free(q->type);
	free(q->since);
	free(q->until);
	strlist_free(&q->dropped);
	strlist_free(&q->terms);
	memset(q, 0, sizeof(*q));
}
