/*
 * site.c — write the static site: index.html listing every case and one
 * page per case under case/ID.html, all text HTML-escaped, one shared
 * stylesheet.  Written into a temporary directory, then swapped in.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case.h"
#include "site.h"
#include "store.h"

extern const char site_style_css[];

#define MARKER ".picorpus-site"
#define CSP "default-src 'none'; style-src 'self'; img-src 'self'; " \
    "script-src 'self'"

void
html_escape(struct buf *b, const char *s)
{
	for (; s != NULL && *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
}

static int
write_file(const char *dir, const char *name, const struct buf *b,
    struct buf *err)
{
	struct buf path = BUF_INIT;
	FILE *f;
	int rc = 0;

	buf_printf(&path, "%s/%s", dir, name);
	if ((f = fopen(path.data, "w")) == NULL ||
	    fwrite(b->data ? b->data : "", 1, b->len, f) != b->len)
		rc = -1;
	if (f != NULL && fclose(f) != 0)
		rc = -1;
	if (rc == -1)
		buf_printf(err, "%s: %s", path.data, strerror(errno));
	buf_free(&path);
	return rc;
}

static void
page_head(struct buf *b, const char *title, const char *root)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP
	    "\">\n<title>");
	html_escape(b, title);
	buf_printf(b, " — picorpus</title>\n<link rel=\"stylesheet\" "
	    "href=\"%sstyle.css\">\n</head>\n<body>\n<header class=\"site\">"
	    "<a href=\"%sindex.html\">picorpus 先例ライブラリ</a></header>\n",
	    root, root);
}

static void
fact_row(struct buf *b, const char *label, const char *value, int line)
{
	buf_puts(b, "<tr><th>");
	html_escape(b, label);
	buf_puts(b, "</th><td>");
	if (value == NULL)
		buf_puts(b, "<span class=\"muted\">記載なし</span>");
	else
		html_escape(b, value);
	if (value != NULL && line > 0)
		buf_printf(b, " <a class=\"muted\" href=\"#L%d\">L%d</a>",
		    line, line);
	buf_puts(b, "</td></tr>\n");
}

static void
list_row(struct buf *b, const char *label, const struct strlist *l)
{
	buf_puts(b, "<tr><th>");
	html_escape(b, label);
	buf_puts(b, "</th><td>");
	if (l->n == 0)
		buf_puts(b, "<span class=\"muted\">記載なし</span>");
	for (size_t i = 0; i < l->n; i++) {
		buf_puts(b, "<span class=\"tag\">");
		html_escape(b, l->v[i]);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</td></tr>\n");
}

static void
procedure_html(struct buf *b, const struct procedure *p, size_t i)
{
	buf_printf(b, "<h2>手続 %zu: ", i + 1);
	html_escape(b, proc_type_name(p->type));
	buf_puts(b, "</h2>\n<table>\n");
	fact_row(b, "件名", p->title.value, p->title.line);
	list_row(b, "委託先", &p->consignees);
	list_row(b, "再委託先", &p->subcontractors);
	fact_row(b, "結合の相手方", p->partner.value, p->partner.line);
	list_row(b, "情報項目", &p->data_items);
	fact_row(b, "開始", p->period_start.value, p->period_start.line);
	fact_row(b, "終了", p->period_end.value, p->period_end.line);
	buf_puts(b, "</table>\n");
}

/* The source text of the case, one list item per line with an anchor. */
static void
source_html(struct buf *b, const struct pcase *c, const char *text)
{
	const char *s = text, *nl;
	int line = 1;

	buf_printf(b, "<h2>原文 (%s)</h2>\n<ol class=\"source\" start=\"%d\">\n",
	    c->source, c->line_start > 0 ? c->line_start : 1);
	for (; s != NULL && *s; s = nl + 1, line++) {
		struct buf l = BUF_INIT;

		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		if (line >= c->line_start && line <= c->line_end) {
			buf_put(&l, s, (size_t)(nl - s));
			buf_printf(b, "<li id=\"L%d\">", line);
			html_escape(b, l.data ? l.data : "");
			buf_puts(b, "</li>\n");
		}
		buf_free(&l);
		if (*nl == '\0')
			break;
	}
	buf_puts(b, "</ol>\n");
}

static void
case_html(struct buf *b, const struct pcase *c, const char *text)
{
	char count[32];

	page_head(b, c->title.value ? c->title.value : c->id, "../");
	buf_puts(b, "<main>\n<h1>");
	html_escape(b, c->title.value ? c->title.value : c->id);
	buf_puts(b, "</h1>\n<table>\n");
	fact_row(b, "自治体", c->municipality.value, c->municipality.line);
	fact_row(b, "種別", c->kind.value, c->kind.line);
	fact_row(b, "番号", c->number.value, c->number.line);
	fact_row(b, "日付", c->date.value, c->date.line);
	fact_row(b, "担当部課", c->department.value, c->department.line);
	list_row(b, "根拠", &c->legal_basis);
	snprintf(count, sizeof(count), "%lld", c->subjects_count);
	fact_row(b, "対象者数", c->subjects_count >= 0 ? count : NULL,
	    c->subjects_line);
	fact_row(b, "出典", c->source, 0);
	buf_puts(b, "</table>\n");
	for (size_t i = 0; i < c->nprocs; i++)
		procedure_html(b, &c->procs[i], i);
	source_html(b, c, text);
	buf_puts(b, "</main>\n</body>\n</html>\n");
}

static void
index_row(struct buf *b, const struct pcase *c)
{
	buf_puts(b, "<tr><td><a href=\"case/");
	html_escape(b, c->id);
	buf_puts(b, ".html\">");
	html_escape(b, c->title.value ? c->title.value : c->id);
	buf_puts(b, "</a></td><td>");
	html_escape(b, c->municipality.value ? c->municipality.value : "");
	buf_puts(b, "</td><td>");
	html_escape(b, c->kind.value ? c->kind.value : "");
	buf_puts(b, "</td><td>");
	html_escape(b, c->date.value ? c->date.value : "");
	buf_puts(b, "</td><td>");
	for (size_t i = 0; i < c->nprocs; i++) {
		buf_puts(b, "<span class=\"tag\">");
		html_escape(b, proc_type_name(c->procs[i].type));
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</td></tr>\n");
}

static int
write_case_pages(sqlite3 *db, const char *dir, struct buf *index,
    unsigned *pages, struct buf *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(db, "SELECT unpack(j.json), unpack(d.text) "
	    "FROM cases c JOIN case_json j ON j.case_rowid = c.rowid JOIN "
	    "documents d ON d.id = c.document_id ORDER BY c.source, "
	    "c.line_start", -1, &st, NULL) != SQLITE_OK) {
		buf_printf(err, "site: %s", sqlite3_errmsg(db));
		return -1;
	}
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_loads((const char *)sqlite3_column_text(st, 0),
		    0, NULL);
		struct pcase *c = case_from_json(o);
		struct buf page = BUF_INIT, name = BUF_INIT;

		json_decref(o);
		if (c == NULL || c->id == NULL) {
			case_free(c);
			continue;
		}
		case_html(&page, c, (const char *)sqlite3_column_text(st, 1));
		buf_printf(&name, "case/%s.html", c->id);
		rc = write_file(dir, name.data, &page, err);
		index_row(index, c);
		(*pages)++;
		buf_free(&page);
		buf_free(&name);
		case_free(c);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
write_site(sqlite3 *db, const char *dir, unsigned *pages, struct buf *err)
{
	struct buf index = BUF_INIT, rows = BUF_INIT, css = BUF_INIT;
	struct buf sub = BUF_INIT;
	int rc;

	buf_printf(&sub, "%s/case", dir);
	if (mkdir(sub.data, 0777) == -1) {
		buf_printf(err, "%s: %s", sub.data, strerror(errno));
		buf_free(&sub);
		return -1;
	}
	buf_free(&sub);
	buf_puts(&css, site_style_css);
	rc = write_file(dir, "style.css", &css, err);
	if (rc == 0)
		rc = write_case_pages(db, dir, &rows, pages, err);
	page_head(&index, "先例一覧", "");
	buf_printf(&index, "<main>\n<h1>先例一覧</h1>\n<p class=\"muted\">%u "
	    "件</p>\n<table>\n<tr><th>件名</th><th>自治体</th><th>種別</th>"
	    "<th>日付</th><th>手続</th></tr>\n", *pages);
	buf_put(&index, rows.data ? rows.data : "", rows.len);
	buf_puts(&index, "</table>\n</main>\n</body>\n</html>\n");
	if (rc == 0)
		rc = write_file(dir, "index.html", &index, err);
	(*pages)++;
	if (rc == 0)
		rc = write_file(dir, MARKER, &css, err) == 0 ? 0 : -1;
	buf_free(&index);
	buf_free(&rows);
	buf_free(&css);
	return rc;
}

static int
remove_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void
remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* May dir be replaced: missing, empty, or a previous picorpus site? */
static int
replaceable(const char *dir, struct buf *err)
{
	struct buf marker = BUF_INIT;
	struct stat sb;
	int ok;

	if (stat(dir, &sb) == -1)
		return errno == ENOENT ? 1 : 0;
	buf_printf(&marker, "%s/" MARKER, dir);
	ok = S_ISDIR(sb.st_mode) && (access(marker.data, F_OK) == 0 ||
	    rmdir(dir) == 0);
	buf_free(&marker);
	if (!ok)
		buf_printf(err, "%s: exists and is not a picorpus site (no "
		    MARKER "); choose another -o directory", dir);
	return ok;
}

static int
swap_in(const char *tmp, const char *dir, struct buf *err)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		remove_tree(tmp);	/* now the old site */
		return 0;
	}
	if (rename(tmp, dir) == 0)
		return 0;
	buf_printf(err, "%s: %s", dir, strerror(errno));
	return -1;
}

int
site_generate(sqlite3 *db, const char *dir, unsigned *pages,
    struct buf *err)
{
	struct buf tmp = BUF_INIT;
	int rc = -1;

	*pages = 0;
	if (!replaceable(dir, err))
		return -1;
	buf_printf(&tmp, "%s.tmp-%ld", dir, (long)getpid());
	remove_tree(tmp.data);
	if (mkdir(tmp.data, 0777) == -1) {
		buf_printf(err, "%s: %s", tmp.data, strerror(errno));
		goto out;
	}
	if (write_site(db, tmp.data, pages, err) == 0 &&
	    swap_in(tmp.data, dir, err) == 0)
		rc = 0;
out:
	if (rc == -1)
		remove_tree(tmp.data);
	buf_free(&tmp);
	return rc;
}
