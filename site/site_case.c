/*
 * site_case.c — one page per case (case/ID.html): the facts with links
 * to their source lines and to the browse pages, the procedures, the
 * related precedents with their reasons, and the case's source text with
 * an anchor per line (Markdown rendered by cmark, other formats as the
 * parser's lines: HTML already flattened to text).  Every document
 * string is escaped; cmark runs in its default safe mode (raw HTML and
 * javascript: links dropped).
 */
#include <cmark.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "ingest.h"
#include "parse.h"
#include "pdf.h"
#include "site_int.h"
#include "store.h"
#include "template.h"

#define ROOT "../"	/* case pages live one level down */

/* A link to the browse page of a facet value, or the escaped value. */
static void
facet_link(struct buf *b, enum facet f, const char *value)
{
	struct buf file = BUF_INIT;

	facet_value_file(&file, f, value);
	buf_printf(b, "<a href=\"" ROOT "browse/%s\">", file.data);
	html_escape(b, value);
	buf_puts(b, "</a>");
	buf_free(&file);
}

/* " (L12)": a link to the source line, when known. */
static void
line_link(struct buf *b, int line)
{
	if (line > 0)
		buf_printf(b, " <a class=\"line\" href=\"#L%d\">L%d</a>", line,
		    line);
}

static void
row_open(struct buf *b, const char *label)
{
	buf_puts(b, "<tr><th>");
	html_escape(b, label);
	buf_puts(b, "</th><td>");
}

static void
missing(struct buf *b)
{
	buf_puts(b, "<span class=\"muted\">記載なし</span>");
}

/* label: value (linked to its facet page when f >= 0) and its line. */
static void
fact(struct buf *b, const char *label, const struct field *v, int f)
{
	row_open(b, label);
	if (v->value == NULL)
		missing(b);
	else if (f >= 0)
		facet_link(b, (enum facet)f, v->value);
	else
		html_escape(b, v->value);
	if (v->value != NULL)
		line_link(b, v->line);
	buf_puts(b, "</td></tr>\n");
}

/* label: the values as tags linked to facet f, and the list's line. */
static void
facts(struct buf *b, const char *label, const struct strlist *l,
    enum facet f, int line)
{
	row_open(b, label);
	if (l->n == 0)
		missing(b);
	for (size_t i = 0; i < l->n; i++) {
		buf_puts(b, "<span class=\"tag\">");
		facet_link(b, f, l->v[i]);
		buf_puts(b, "</span>");
	}
	if (l->n > 0)
		line_link(b, line);
	buf_puts(b, "</td></tr>\n");
}

static void
case_facts(struct buf *b, const struct pcase *c)
{
	struct field count = { NULL, c->subjects_line, c->subjects_from };
	char n[32];

	if (c->subjects_count >= 0) {
		snprintf(n, sizeof(n), "%lld 人", c->subjects_count);
		count.value = n;
	}
	buf_puts(b, "<table class=\"facts\">\n");
	fact(b, "自治体", &c->municipality, FACET_MUNICIPALITY);
	fact(b, "種別", &c->kind, FACET_KIND);
	fact(b, "番号", &c->number, -1);
	fact(b, "日付", &c->date, -1);
	fact(b, "担当部課", &c->department, -1);
	facts(b, "根拠", &c->legal_basis, FACET_BASIS, c->legal_basis_line);
	fact(b, "対象者数", &count, -1);
	row_open(b, "出典");
	html_escape(b, c->source);
	buf_printf(b, " <a class=\"line\" href=\"#L%d\">L%d–%d</a>"
	    "</td></tr>\n</table>\n", c->line_start, c->line_start,
	    c->line_end);
}

static void
procedure(struct buf *b, const struct procedure *p, size_t i)
{
	buf_printf(b, "<section class=\"procedure\">\n<h3>手続 %zu: ", i + 1);
	facet_link(b, FACET_TYPE, proc_type_name(p->type));
	buf_puts(b, "</h3>\n<table class=\"facts\">\n");
	fact(b, "件名", &p->title, -1);
	facts(b, "委託先", &p->consignees, FACET_CONSIGNEE,
	    p->consignees_line);
	if (p->subcontractors.n > 0)	/* rows that most procedures lack */
		facts(b, "再委託先", &p->subcontractors, FACET_CONSIGNEE,
		    p->subcontractors_line);
	if (p->partner.value != NULL)
		fact(b, "相手方", &p->partner, FACET_CONSIGNEE);
	facts(b, "情報項目", &p->data_items, FACET_ITEM, p->data_items_line);
	if (p->period_start.value != NULL)
		fact(b, "開始", &p->period_start, -1);
	if (p->period_end.value != NULL)
		fact(b, "終了", &p->period_end, -1);
	buf_puts(b, "</table>\n</section>\n");
}

/* The related precedents of c from links_view. */
/*
 * Every case's related precedents, read from the links table at once
 * (one query per case through links_view cost seconds on big corpora).
 */
struct related_link {
	uint32_t	 other;		/* index into site.cases */
	double		 score;
	const char	**reasons;	/* into all.reason_text */
	size_t		 nreasons;
};

struct related_all {
	struct related_link *v;		/* grouped by case, best first */
	size_t		*first;		/* per case: its first link in v */
	size_t		*n;		/* per case: how many */
	size_t		 nv;
	struct strlist	 reason_text;	/* reasons.text by id */
	const char	**reason_ptrs;	/* every link's reasons, in order */
	size_t		 nptrs;
};

void
case_page_head(struct buf *b, const struct pcase *c)
{
	buf_puts(b, "<h1>");
	html_escape(b, c->title.value ? c->title.value : c->id);
	buf_puts(b, "</h1>\n");
	case_facts(b, c);
	if (c->nprocs > 0)
		buf_puts(b, "<h2>手続</h2>\n");
	for (size_t k = 0; k < c->nprocs; k++)
		procedure(b, &c->procs[k], k);
}

static int
cmp_rowid_index(const void *a, const void *b, void *rowid)
{
	int64_t x = ((const int64_t *)rowid)[*(const uint32_t *)a];
	int64_t y = ((const int64_t *)rowid)[*(const uint32_t *)b];

	return x < y ? -1 : x > y;
}

/* The index in site.cases of rowid, or -1 (by_rowid sorts them). */
static int64_t
case_by_rowid(const struct site *s, const uint32_t *by_rowid, int64_t rowid)
{
	size_t lo = 0, hi = s->ncases;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t r = s->rowid[by_rowid[mid]];

		if (r < rowid)
			lo = mid + 1;
		else if (r > rowid)
			hi = mid;
		else
			return by_rowid[mid];
	}
	return -1;
}

static void
load_reason_texts(struct site *s, struct related_all *ra)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, "SELECT id, text FROM reasons ORDER BY "
	    "id", -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		while ((int64_t)ra->reason_text.n < id)
			strlist_push(&ra->reason_text, "");
		strlist_push(&ra->reason_text,
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
}

/* Append the reasons of a link ("[3,17]" of reason ids). */
static void
link_reasons(struct related_all *ra, struct related_link *l, const char *ids,
    size_t *cap)
{
	size_t start = ra->nptrs;

	for (const char *p = ids; *p; p++) {
		char *end;
		unsigned long id;

		if (*p < '0' || *p > '9')
			continue;
		id = strtoul(p, &end, 10);
		p = end - 1;
		if (id >= ra->reason_text.n)
			continue;
		if (ra->nptrs == *cap) {
			*cap = *cap ? *cap * 2 : 1024;
			ra->reason_ptrs = xrealloc(ra->reason_ptrs, *cap *
			    sizeof(*ra->reason_ptrs));
		}
		ra->reason_ptrs[ra->nptrs++] = ra->reason_text.v[id];
	}
	l->reasons = (const char **)(uintptr_t)start;	/* an offset for now */
	l->nreasons = ra->nptrs - start;
}

static void
load_related(struct site *s, struct related_all *ra)
{
	uint32_t *by_rowid = xmalloc((s->ncases + 1) * sizeof(*by_rowid));
	size_t cap = 0, ptrcap = 0;
	sqlite3_stmt *st;

	memset(ra, 0, sizeof(*ra));
	ra->first = xcalloc(s->ncases + 1, sizeof(*ra->first));
	ra->n = xcalloc(s->ncases + 1, sizeof(*ra->n));
	for (size_t i = 0; i < s->ncases; i++)
		by_rowid[i] = (uint32_t)i;
	qsort_r(by_rowid, s->ncases, sizeof(*by_rowid), cmp_rowid_index,
	    s->rowid);
	load_reason_texts(s, ra);
	if (sqlite3_prepare_v2(s->db, "SELECT case_rowid, related_rowid, "
	    "score, reasons FROM links ORDER BY case_rowid, rank", -1, &st,
	    NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW) {
			int64_t a = case_by_rowid(s, by_rowid,
			    sqlite3_column_int64(st, 0));
			int64_t b = case_by_rowid(s, by_rowid,
			    sqlite3_column_int64(st, 1));
			struct related_link *l;

			if (a < 0 || b < 0)
				continue;
			if (ra->nv == cap) {
				cap = cap ? cap * 2 : 1024;
				ra->v = xrealloc(ra->v, cap * sizeof(*ra->v));
			}
			if (ra->n[a]++ == 0)
				ra->first[a] = ra->nv;
			l = &ra->v[ra->nv++];
			l->other = (uint32_t)b;
			l->score = sqlite3_column_double(st, 2);
			link_reasons(ra, l, (const char *)
			    sqlite3_column_text(st, 3), &ptrcap);
		}
	sqlite3_finalize(st);
	for (size_t k = 0; k < ra->nv; k++)	/* offsets to pointers */
		ra->v[k].reasons = ra->reason_ptrs +
		    (uintptr_t)ra->v[k].reasons;
	free(by_rowid);
}

static void
related_free(struct related_all *ra)
{
	free(ra->v);
	free(ra->first);
	free(ra->n);
	free(ra->reason_ptrs);
	strlist_free(&ra->reason_text);
}

static void
related(struct buf *b, struct site *s, const struct related_link *v,
    size_t n)
{
	buf_puts(b, "<h2 id=\"related\">類似の先例</h2>\n");
	if (n == 0)
		buf_puts(b, "<p class=\"muted\">類似の先例はありません。</p>\n");
	else
		buf_puts(b, "<ol class=\"related\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct pcase *o = s->cases[v[i].other];

		buf_puts(b, "<li><a href=\"");
		html_escape(b, o->id);
		buf_puts(b, ".html\">");
		html_escape(b, o->title.value ? o->title.value : o->id);
		buf_puts(b, "</a> <span class=\"muted\">");
		html_escape(b, o->municipality.value);
		buf_puts(b, " ");
		html_escape(b, o->date.value);
		buf_printf(b, " · 類似度 %.2f</span>\n<ul class=\"reasons\">",
		    v[i].score);
		for (size_t j = 0; j < v[i].nreasons; j++) {
			buf_puts(b, "<li>");
			html_escape(b, v[i].reasons[j]);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul></li>\n");
	}
	if (n > 0)
		buf_puts(b, "</ol>\n");
}

/*
 * The digest of what case i's page is made of: its data and document
 * (site.digest), and of each related case its data (whose title, town
 * and date it shows), score and reasons.
 */
static uint64_t
page_digest(struct site *s, size_t i, const struct related_link *v,
    size_t n)
{
	uint64_t d = s->digest[i];

	for (size_t k = 0; k < n; k++) {
		d = site_digest(s, d, &s->digest[v[k].other],
		    sizeof(s->digest[0]));
		d = site_digest(s, d, &v[k].score, sizeof(v[k].score));
		for (size_t r = 0; r < v[k].nreasons; r++)
			d = site_digest(s, d, v[k].reasons[r],
			    strlen(v[k].reasons[r]) + 1);
	}
	return site_digest(s, d, &n, sizeof(n));
}

/* ---- source text ---- */

/* The document of the case being written, parsed, kept for the next. */
struct source_cache {
	char		*path;
	char		*text;		/* decoded */
	struct doc	 doc;
	struct original	 pdf;		/* a PDF's copy and page map */
};

/*
 * The decoded text of document path (caller frees), or NULL; a PDF's
 * copy (HASH.pdf beside the case pages) and page map into *pdf.
 */
static char *
fetch_text(struct site *s, const char *path, struct original *pdf)
{
	sqlite3_stmt *st;
	char *text = NULL;

	memset(pdf, 0, sizeof(*pdf));
	if (sqlite3_prepare_v2(s->db, "SELECT unpack(text), hash, pages, "
	    "original IS NOT NULL FROM documents WHERE path = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		text = xstrdup((const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_int(st, 3)) {
			struct buf f = BUF_INIT;

			buf_printf(&f, "%s.pdf", sqlite3_column_text(st, 1));
			pdf->file = buf_detach(&f);
			pdf->pages = xstrdup((const char *)
			    sqlite3_column_text(st, 2));
		}
	}
	sqlite3_finalize(st);
	return text;
}

static void
original_free(struct original *pdf)
{
	free(pdf->file);
	free(pdf->pages);
	memset(pdf, 0, sizeof(*pdf));
}

/* Parse text (taken, as pdf's strings) as document path into sc. */
static void
parse_source(struct source_cache *sc, const char *path, char *text,
    struct original *pdf)
{
	struct source src = { 0 };
	struct buf err = BUF_INIT;
	int format = name_format(path);

	free(sc->path);
	free(sc->text);
	doc_free(&sc->doc);
	original_free(&sc->pdf);
	sc->pdf = *pdf;
	memset(pdf, 0, sizeof(*pdf));
	sc->path = xstrdup(path);
	sc->text = text;
	src.path = (char *)path;
	src.text = text;
	src.len = strlen(text);
	src.format = format == -1 ? FORMAT_TEXT : (enum source_format)format;
	doc_parse(&src, &sc->doc, &err);
	buf_free(&err);
}

static int
load_source(struct site *s, struct source_cache *sc, const char *path)
{
	struct original pdf;
	char *text;

	if (sc->path != NULL && strcmp(sc->path, path) == 0)
		return sc->text != NULL ? 0 : -1;
	if ((text = fetch_text(s, path, &pdf)) == NULL)
		return -1;
	parse_source(sc, path, text, &pdf);
	return 0;
}

/* One line of parsed text: "label<TAB>value" shown as label and value. */
static void
text_line(struct buf *b, const char *text)
{
	const char *tab = strchr(text, '\t');
	char *label;

	if (tab == NULL) {
		html_escape(b, text);
		return;
	}
	label = xstrndup(text, (size_t)(tab - text));
	buf_puts(b, "<span class=\"label\">");
	html_escape(b, label);
	buf_puts(b, "</span> ");
	html_escape(b, tab + 1);
	free(label);
}

/* A link to the page of the original PDF that line is on. */
static void
page_link(struct buf *b, const struct original *pdf, int line, int always)
{
	int page, in_page;

	if (pdf == NULL || pdf->file == NULL ||
	    pdf_locate(pdf->pages, line, &page, &in_page) == -1 ||
	    (!always && in_page != 1))
		return;
	buf_puts(b, "<a class=\"page\" href=\"");
	html_escape(b, pdf->file);
	buf_printf(b, "#page=%d\">p.%d</a> ", page, page);
}

/*
 * Lines a..b of the parsed document, one list item (anchor) per line;
 * for a PDF, a link to its page where each page begins.
 */
static void
source_lines(struct buf *b, const struct doc *d, int a, int z,
    const struct original *pdf)
{
	size_t k = 0;

	buf_printf(b, "<ol class=\"source\" start=\"%d\">\n", a);
	while (k < d->n && d->lines[k].lineno < a)
		k++;
	for (int line = a; line <= z; line++) {
		buf_printf(b, "<li id=\"L%d\">", line);
		page_link(b, pdf, line, line == a);
		for (int first = 1; k < d->n && d->lines[k].lineno == line;
		    k++, first = 0) {
			if (!first)
				buf_puts(b, "\n");
			text_line(b, d->lines[k].text);
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ol>\n");
}

/* Lines a..z of text (raw), as one string. */
static char *
raw_lines(const char *text, int a, int z)
{
	const char *p = text, *start = NULL;
	int line = 1;

	for (; *p && line <= z; p++) {
		if (line == a && start == NULL)
			start = p;
		if (*p == '\n')
			line++;
	}
	if (start == NULL)
		return xstrdup("");
	return xstrndup(start, (size_t)(p - start));
}

/*
 * Markdown lines a..z through cmark (safe mode), block by block, each
 * block preceded by anchors for the source lines it spans.
 */
static void
source_markdown(struct buf *b, const char *text, int a, int z)
{
	char *md = raw_lines(text, a, z);
	cmark_node *doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT), *n;
	int next = a;

	buf_puts(b, "<div class=\"source markdown\">\n");
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		int last = a - 1 + cmark_node_get_end_line(n);
		char *html = cmark_render_html(n, CMARK_OPT_DEFAULT);

		buf_puts(b, "<div class=\"block\">");
		for (; next <= last && next <= z; next++)
			buf_printf(b, "<span class=\"anchor\" id=\"L%d\"></span>",
			    next);
		buf_puts(b, html);
		buf_puts(b, "</div>\n");
		free(html);
	}
	for (; next <= z; next++)
		buf_printf(b, "<span class=\"anchor\" id=\"L%d\"></span>", next);
	buf_puts(b, "</div>\n");
	cmark_node_free(doc);
	free(md);
}

void
case_page_source(struct buf *b, const struct pcase *c, const char *text,
    const struct doc *d, const struct original *pdf)
{
	buf_puts(b, "<h2 id=\"source\">原文 <span class=\"muted\">");
	html_escape(b, c->source);
	buf_puts(b, "</span></h2>\n");
	if (pdf != NULL && pdf->file != NULL) {
		buf_puts(b, "<p>原本 (PDF): ");
		page_link(b, pdf, c->line_start, 1);
		buf_puts(b, "</p>\n");
	}
	if (text == NULL)
		buf_puts(b, "<p class=\"muted\">原文を読めません。</p>\n");
	else if (name_format(c->source) == FORMAT_MARKDOWN)
		source_markdown(b, text, c->line_start, c->line_end);
	else
		source_lines(b, d, c->line_start, c->line_end, pdf);
}

/*
 * The case's source text, and its full-text body into c->body (from the
 * document just parsed: the search's snippets use it, site_search.c).
 */
static void
source_text(struct buf *b, struct source_cache *sc, struct pcase *c)
{
	if (sc->text != NULL) {	/* else unreadable */
		free(c->body);
		c->body = case_body(&sc->doc, c->line_start, c->line_end);
	}
	case_page_source(b, c, sc->text, &sc->doc, &sc->pdf);
}

char *
site_case_body(struct site *s, const struct pcase *c)
{
	struct source_cache sc = { NULL, NULL, { NULL, 0 }, { NULL, NULL } };
	char *body = NULL;

	if (load_source(s, &sc, c->source) == 0)
		body = case_body(&sc.doc, c->line_start, c->line_end);
	free(sc.path);
	free(sc.text);
	doc_free(&sc.doc);
	original_free(&sc.pdf);
	return body;
}

/* Case i's page: from the previous site if its digest is the same
 * (returns 1), else 0 and *digest is what to make it with. */
static int
reuse_case(struct site *s, const struct related_all *ra, size_t i,
    uint64_t *digest)
{
	const struct related_link *rel = ra->n[i] ? ra->v + ra->first[i] :
	    NULL;
	struct buf name = BUF_INIT;
	int ok;

	*digest = page_digest(s, i, rel, ra->n[i]);
	buf_printf(&name, "case/%s.html", s->cases[i]->id);
	ok = site_reuse(s, name.data, *digest, 1);
	buf_free(&name);
	return ok;	/* reused: c->body stays NULL (site_case_body()) */
}

/* Make case i's page, its document parsed in sc (any thread). */
static int
make_case(struct site *s, struct source_cache *sc,
    const struct related_all *ra, size_t i, uint64_t digest, struct buf *err)
{
	struct pcase *c = s->cases[i];
	struct buf main = BUF_INIT, name = BUF_INIT;
	const char *title = c->title.value ? c->title.value : c->id;
	const struct related_link *rel = ra->n[i] ? ra->v + ra->first[i] :
	    NULL;
	int rc;

	buf_printf(&name, "case/%s.html", c->id);
	case_page_head(&main, c);
	related(&main, s, rel, ra->n[i]);
	source_text(&main, sc, c);
	rc = site_page(s, name.data, title, ROOT, main.data, NULL, err);
	if (rc == 0)
		site_remember(s, name.data, digest);
	buf_free(&main);
	buf_free(&name);
	return rc;
}

/*
 * Pages are made in threads, a document at a time: this thread reads
 * the index (the connection is not shared) and finds the pages to make;
 * workers parse the document and write its pages.
 */
struct doc_job {
	char		*path;		/* the document */
	char		*text;		/* its text, or NULL: unreadable */
	struct original	 pdf;		/* a PDF's copy and page map */
	size_t		*cases;		/* the cases whose pages to make */
	uint64_t	*digests;
	size_t		 n;
};

#define QUEUE	16	/* documents waiting for a worker */

struct page_pool {
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct site		*s;
	const struct related_all *ra;
	struct doc_job		 q[QUEUE];
	size_t			 head, tail;	/* taken, queued so far */
	int			 closed;	/* no more jobs */
	int			 failed;
	struct buf		 err;		/* the first error */
};

static void
run_doc_job(struct page_pool *p, struct doc_job *j)
{
	struct source_cache sc = { NULL, NULL, { NULL, 0 }, { NULL, NULL } };
	struct buf err = BUF_INIT;

	if (j->text != NULL)
		parse_source(&sc, j->path, j->text, &j->pdf);
	else
		sc.path = xstrdup(j->path);
	for (size_t k = 0; k < j->n; k++) {
		if (make_case(p->s, &sc, p->ra, j->cases[k], j->digests[k],
		    &err) == 0)
			continue;
		pthread_mutex_lock(&p->lock);
		if (!p->failed)
			buf_puts(&p->err, err.data);
		p->failed = 1;
		pthread_mutex_unlock(&p->lock);
		break;
	}
	buf_free(&err);
	free(sc.path);
	free(sc.text);
	doc_free(&sc.doc);
	original_free(&sc.pdf);
	original_free(&j->pdf);
	free(j->path);
	free(j->cases);
	free(j->digests);
}

static void *
page_worker(void *arg)
{
	struct page_pool *p = arg;
	struct doc_job j;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->head == p->tail && !p->closed)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->head == p->tail) {
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		j = p->q[p->head++ % QUEUE];
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
		run_doc_job(p, &j);
	}
}

static void
queue_job(struct page_pool *p, struct doc_job *j)
{
	pthread_mutex_lock(&p->lock);
	while (p->tail - p->head == QUEUE)
		pthread_cond_wait(&p->cond, &p->lock);
	p->q[p->tail++ % QUEUE] = *j;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

/* The cases first..end share a document: queue the pages to make. */
static void
queue_document(struct page_pool *p, size_t first, size_t end)
{
	struct site *s = p->s;
	struct doc_job j;

	memset(&j, 0, sizeof(j));
	j.cases = xmalloc((end - first) * sizeof(*j.cases));
	j.digests = xmalloc((end - first) * sizeof(*j.digests));
	for (size_t i = first; i < end; i++)
		if (!reuse_case(s, p->ra, i, &j.digests[j.n]))
			j.cases[j.n++] = i;
	if (j.n == 0) {
		free(j.cases);
		free(j.digests);
		return;
	}
	j.path = xstrdup(s->cases[first]->source);
	j.text = fetch_text(s, j.path, &j.pdf);
	queue_job(p, &j);
}

int
write_case_pages(struct site *s, struct buf *err)
{
	struct page_pool p;
	struct related_all ra;
	pthread_t t[SITE_MAX_THREADS];
	unsigned nt = s->threads > SITE_MAX_THREADS ? SITE_MAX_THREADS :
	    s->threads, started = 0;

	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	p.s = s;
	p.ra = &ra;
	load_related(s, &ra);
	for (; started < nt; started++)
		if (pthread_create(&t[started], NULL, page_worker, &p) != 0)
			break;
	for (size_t first = 0, end; first < s->ncases; first = end) {
		for (end = first + 1; end < s->ncases &&
		    strcmp(s->cases[end]->source, s->cases[first]->source) == 0;
		    end++)
			;
		queue_document(&p, first, end);
		if (started == 0)	/* no thread: make them here */
			while (p.head < p.tail)
				run_doc_job(&p, &p.q[p.head++ % QUEUE]);
	}
	pthread_mutex_lock(&p.lock);
	p.closed = 1;
	pthread_cond_broadcast(&p.cond);
	pthread_mutex_unlock(&p.lock);
	for (unsigned k = 0; k < started; k++)
		pthread_join(t[k], NULL);
	related_free(&ra);
	if (p.failed)
		buf_puts(err, p.err.data);
	buf_free(&p.err);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	return p.failed ? -1 : 0;
}

/* ---- the original PDFs, beside the case pages ---- */

/* Write (or link from the previous site) case/HASH.pdf of one PDF. */
static int
write_original(struct site *s, int64_t doc, const char *hash,
    struct buf *err)
{
	struct buf name = BUF_INIT;
	uint64_t digest = strtoull(hash, NULL, 16);
	sqlite3_stmt *st = NULL;
	int rc = 0;

	buf_printf(&name, "case/%s.pdf", hash);
	if (site_reuse(s, name.data, digest, 0))
		goto out;
	rc = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT original FROM documents WHERE "
	    "id = ?1", -1, &st, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, doc);
	if (sqlite3_step(st) == SQLITE_ROW && site_file(s, name.data,
	    sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
	    err) == 0) {
		site_remember(s, name.data, digest);
		rc = 0;
	}
out:
	if (rc == -1 && err->len == 0)
		buf_printf(err, "%s: %s", name.data, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	buf_free(&name);
	return rc;
}

int
write_originals(struct site *s, struct buf *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT id, hash FROM documents WHERE "
	    "original IS NOT NULL ORDER BY path", -1, &st, NULL) != SQLITE_OK) {
		buf_printf(err, "documents: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		rc = write_original(s, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1), err);
	sqlite3_finalize(st);
	return rc;
}
