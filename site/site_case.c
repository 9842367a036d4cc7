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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "ingest.h"
#include "parse.h"
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
	struct field count = { NULL, c->subjects_line };
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
static void
related(struct buf *b, struct site *s, json_t *a)
{
	json_t *r;
	size_t i, j;

	buf_puts(b, "<h2 id=\"related\">類似の先例</h2>\n");
	if (json_array_size(a) == 0)
		buf_puts(b, "<p class=\"muted\">類似の先例はありません。</p>\n");
	else
		buf_puts(b, "<ol class=\"related\">\n");
	json_array_foreach(a, i, r) {
		const char *id = json_string_value(json_object_get(r, "id"));
		int64_t k = id ? strtab_find(&s->ids, id, strlen(id)) : -1;
		struct pcase *o = k >= 0 ? s->cases[k] : NULL;
		json_t *why;

		if (id == NULL)
			continue;
		buf_puts(b, "<li><a href=\"");
		html_escape(b, id);
		buf_puts(b, ".html\">");
		html_escape(b, o && o->title.value ? o->title.value : id);
		buf_puts(b, "</a> <span class=\"muted\">");
		if (o != NULL) {
			html_escape(b, o->municipality.value);
			buf_puts(b, " ");
			html_escape(b, o->date.value);
		}
		buf_printf(b, " · 類似度 %.2f</span>\n<ul class=\"reasons\">",
		    json_real_value(json_object_get(r, "score")));
		json_array_foreach(json_object_get(r, "reasons"), j, why) {
			buf_puts(b, "<li>");
			html_escape(b, json_string_value(why));
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul></li>\n");
	}
	if (json_array_size(a) > 0)
		buf_puts(b, "</ol>\n");
}

/*
 * The digest of what case i's page is made of: its data and document
 * (site.digest), its related cases with their scores and reasons, and
 * the data of each of those (whose titles, towns and dates it shows).
 */
static uint64_t
page_digest(struct site *s, size_t i, json_t *rel)
{
	char *dump = json_dumps(rel, JSON_COMPACT);
	uint64_t d = site_digest(s, s->digest[i], dump, strlen(dump));
	json_t *r;
	size_t k;

	json_array_foreach(rel, k, r) {
		const char *id = json_string_value(json_object_get(r, "id"));
		int64_t o = id ? strtab_find(&s->ids, id, strlen(id)) : -1;

		if (o >= 0)
			d = site_digest(s, d, &s->digest[o],
			    sizeof(s->digest[o]));
	}
	free(dump);
	return d;
}

/* ---- source text ---- */

/* The document of the case being written, parsed, kept for the next. */
struct source_cache {
	char		*path;
	char		*text;		/* decoded */
	struct doc	 doc;
};

static int
load_source(struct site *s, struct source_cache *sc, const char *path)
{
	sqlite3_stmt *st;
	struct source src = { 0 };
	struct buf err = BUF_INIT;
	int format;

	if (sc->path != NULL && strcmp(sc->path, path) == 0)
		return 0;
	free(sc->path);
	free(sc->text);
	doc_free(&sc->doc);
	sc->path = xstrdup(path);
	sc->text = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT unpack(text) FROM documents "
	    "WHERE path = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		sc->text = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sc->text == NULL)
		return -1;
	format = name_format(path);
	src.path = (char *)path;
	src.text = sc->text;
	src.len = strlen(sc->text);
	src.format = format == -1 ? FORMAT_TEXT : (enum source_format)format;
	doc_parse(&src, &sc->doc, &err);
	buf_free(&err);
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

/* Lines a..b of the parsed document, one list item (anchor) per line. */
static void
source_lines(struct buf *b, const struct doc *d, int a, int z)
{
	size_t k = 0;

	buf_printf(b, "<ol class=\"source\" start=\"%d\">\n", a);
	while (k < d->n && d->lines[k].lineno < a)
		k++;
	for (int line = a; line <= z; line++) {
		buf_printf(b, "<li id=\"L%d\">", line);
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

/*
 * The case's source text, and its full-text body into c->body (from the
 * document just parsed: the search's snippets use it, site_search.c).
 */
static void
source_text(struct buf *b, struct site *s, struct source_cache *sc,
    struct pcase *c)
{
	buf_puts(b, "<h2 id=\"source\">原文 <span class=\"muted\">");
	html_escape(b, c->source);
	buf_puts(b, "</span></h2>\n");
	if (load_source(s, sc, c->source) == -1) {
		buf_puts(b, "<p class=\"muted\">原文を読めません。</p>\n");
		return;
	}
	free(c->body);
	c->body = case_body(&sc->doc, c->line_start, c->line_end);
	if (name_format(c->source) == FORMAT_MARKDOWN)
		source_markdown(b, sc->text, c->line_start, c->line_end);
	else
		source_lines(b, &sc->doc, c->line_start, c->line_end);
}

char *
site_case_body(struct site *s, const struct pcase *c)
{
	struct source_cache sc = { NULL, NULL, { NULL, 0 } };
	char *body = NULL;

	if (load_source(s, &sc, c->source) == 0)
		body = case_body(&sc.doc, c->line_start, c->line_end);
	free(sc.path);
	free(sc.text);
	doc_free(&sc.doc);
	return body;
}

static int
write_case(struct site *s, struct source_cache *sc, size_t i,
    struct buf *err)
{
	struct pcase *c = s->cases[i];
	struct buf main = BUF_INIT, name = BUF_INIT;
	const char *title = c->title.value ? c->title.value : c->id;
	json_t *rel = index_related_json(s->db, c->id);
	uint64_t digest = page_digest(s, i, rel);
	int rc = 0;

	buf_printf(&name, "case/%s.html", c->id);
	if (site_reuse(s, name.data, digest, 1))
		goto out;	/* c->body stays NULL: site_case_body() */
	buf_puts(&main, "<h1>");
	html_escape(&main, title);
	buf_puts(&main, "</h1>\n");
	case_facts(&main, c);
	if (c->nprocs > 0)
		buf_puts(&main, "<h2>手続</h2>\n");
	for (size_t i = 0; i < c->nprocs; i++)
		procedure(&main, &c->procs[i], i);
	related(&main, s, rel);
	source_text(&main, s, sc, c);
	rc = site_page(s, name.data, title, ROOT, main.data, NULL, err);
	if (rc == 0)
		site_remember(s, name.data, digest);
out:
	json_decref(rel);
	buf_free(&main);
	buf_free(&name);
	return rc;
}

int
write_case_pages(struct site *s, struct buf *err)
{
	struct source_cache sc = { NULL, NULL, { NULL, 0 } };
	int rc = 0;

	for (size_t i = 0; i < s->ncases && rc == 0; i++)
		rc = write_case(s, &sc, i, err);
	free(sc.path);
	free(sc.text);
	doc_free(&sc.doc);
	return rc;
}
