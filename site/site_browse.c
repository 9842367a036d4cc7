/*
 * site_browse.c — the home page (counts, the commonest values of each
 * facet, the newest cases), browse/index.html (every value of every
 * facet with its count) and one page per facet value listing its cases
 * (browse/FACET-HASH.html, a stable name from the value).
 */
#include <stdlib.h>
#include <string.h>

#include "site_int.h"
#include "template.h"

/* Values shown per facet on the home page. */
#define HOME_VALUES	12
/* Newest cases listed on the home page. */
#define HOME_CASES	20

static const char *
value_name(const struct site *s, const struct facet_value *v)
{
	return strtab_str(&s->names, v->name);
}

/* Most cases first, then by name. */
static int
cmp_count(const void *a, const void *b, void *site)
{
	const struct facet_value *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(value_name(site, x), value_name(site, y));
}

/* Years newest first; everything else most cases first. */
static void
sort_values(const struct site *s, enum facet f, struct facet_value *v,
    size_t n)
{
	if (n < 2)	/* (v is NULL for a facet no case has) */
		return;
	qsort_r(v, n, sizeof(*v), cmp_count, (void *)s);
	if (f == FACET_YEAR)
		for (size_t i = 1; i < n; i++)	/* insertion sort by name */
			for (size_t j = i; j > 0 && strcmp(value_name(s,
			    &v[j]), value_name(s, &v[j - 1])) > 0; j--) {
				struct facet_value t = v[j];

				v[j] = v[j - 1];
				v[j - 1] = t;
			}
}

/* A list of facet values with counts, linked to their pages. */
static void
value_list(struct buf *b, const struct site *s, enum facet f,
    const struct facet_values *fv, size_t max, const char *root)
{
	buf_puts(b, "<ul class=\"values\">\n");
	for (size_t i = 0; i < fv->n && i < max; i++) {
		struct buf file = BUF_INIT;
		const char *name = value_name(s, &fv->v[i]);

		facet_value_file(&file, f, name);
		buf_printf(b, "<li><a href=\"%sbrowse/%s\">", root, file.data);
		html_escape(b, name);
		buf_printf(b, "</a> <span class=\"count\">%zu</span></li>\n",
		    fv->v[i].n);
		buf_free(&file);
	}
	if (fv->n > max)
		buf_printf(b, "<li><a href=\"%sbrowse/index.html#%s\">ほか "
		    "%zu 件…</a></li>\n", root, facet_slug(f), fv->n - max);
	buf_puts(b, "</ul>\n");
}

static void
case_table(struct buf *b, const struct site *s, const uint32_t *idx,
    size_t n, const char *root)
{
	case_table_head(b);
	for (size_t i = 0; i < n; i++)
		case_row(b, s->cases[idx[i]], root);
	buf_puts(b, "</tbody></table>\n");
}

static int
write_home(struct site *s, struct buf *err)
{
	struct buf main = BUF_INIT;
	uint32_t *all = xmalloc((s->ncases + 1) * sizeof(*all));
	int rc;

	buf_printf(&main, "<h1>先例ライブラリ</h1>\n<p class=\"lead\">%zu 件の"
	    "案件 · %zu 自治体 · 委託先等 %zu · 情報項目 %zu 種</p>\n",
	    s->ncases, s->facets[FACET_MUNICIPALITY].n,
	    s->facets[FACET_CONSIGNEE].n, s->facets[FACET_ITEM].n);
	buf_puts(&main, "<form class=\"search\" action=\"search.html\" "
	    "method=\"get\" role=\"search\"><label for=\"q\">検索</label> "
	    "<input id=\"q\" name=\"q\" type=\"search\" size=\"40\" "
	    "placeholder=\"例: 再委託 LGWAN\"> <button type=\"submit\">検索"
	    "</button></form>\n");
	buf_puts(&main, "<div class=\"facets\">\n");
	for (int f = 0; f < FACET__MAX; f++) {
		buf_printf(&main, "<section class=\"facet\">\n<h2>%s</h2>\n",
		    facet_label((enum facet)f));
		value_list(&main, s, (enum facet)f, &s->facets[f], HOME_VALUES,
		    "");
		buf_puts(&main, "</section>\n");
	}
	buf_puts(&main, "</div>\n<h2>新しい案件</h2>\n");
	for (size_t i = 0; i < s->ncases; i++)
		all[i] = (uint32_t)i;
	qsort_r(all, s->ncases, sizeof(*all), cmp_case_newest, s);
	case_table(&main, s, all, s->ncases < HOME_CASES ? s->ncases :
	    HOME_CASES, "");
	buf_puts(&main, "<p><a href=\"browse/index.html\">すべての案件と分類"
	    "</a></p>\n");
	rc = site_page(s, "index.html", "先例ライブラリ", "", main.data, NULL,
	    err);
	free(all);
	buf_free(&main);
	return rc;
}

static int
write_browse_index(struct site *s, struct buf *err)
{
	struct buf main = BUF_INIT;
	uint32_t *all = xmalloc((s->ncases + 1) * sizeof(*all));
	int rc;

	buf_puts(&main, "<h1>一覧から探す</h1>\n<nav class=\"toc\">");
	for (int f = 0; f < FACET__MAX; f++)
		buf_printf(&main, "<a href=\"#%s\">%s</a> ", facet_slug(
		    (enum facet)f), facet_label((enum facet)f));
	buf_puts(&main, "<a href=\"#all\">すべての案件</a></nav>\n");
	for (int f = 0; f < FACET__MAX; f++) {
		buf_printf(&main, "<h2 id=\"%s\">%s</h2>\n", facet_slug(
		    (enum facet)f), facet_label((enum facet)f));
		value_list(&main, s, (enum facet)f, &s->facets[f],
		    s->facets[f].n, "../");
	}
	buf_printf(&main, "<h2 id=\"all\">すべての案件 (%zu)</h2>\n",
	    s->ncases);
	for (size_t i = 0; i < s->ncases; i++)
		all[i] = (uint32_t)i;
	case_table(&main, s, all, s->ncases, "../");
	rc = site_page(s, "browse/index.html", "一覧から探す", "../",
	    main.data, NULL, err);
	free(all);
	buf_free(&main);
	return rc;
}

static int
write_value_page(struct site *s, enum facet f, const struct facet_value *v,
    struct buf *err)
{
	struct buf main = BUF_INIT, file = BUF_INIT, title = BUF_INIT;
	const char *name = value_name(s, v);
	uint32_t *idx = xmalloc((v->n + 1) * sizeof(*idx));
	uint64_t d = site_digest(s, (uint64_t)f, name, strlen(name));
	int rc = 0;

	buf_puts(&file, "browse/");
	facet_value_file(&file, f, name);
	for (size_t i = 0; i < v->n; i++)	/* its cases, in any order */
		d += site_digest(s, 0, &s->digest[v->cases[i]],
		    sizeof(s->digest[0]));
	if (site_reuse(s, file.data, d, 1))
		goto out;
	buf_printf(&title, "%s: %s", facet_label(f), name);
	buf_puts(&main, "<p class=\"crumbs\"><a href=\"index.html\">一覧から"
	    "探す</a> › ");
	buf_printf(&main, "<a href=\"index.html#%s\">%s</a></p>\n<h1>",
	    facet_slug(f), facet_label(f));
	html_escape(&main, title.data);
	buf_printf(&main, "</h1>\n<p class=\"muted\">%zu 件</p>\n", v->n);
	memcpy(idx, v->cases, v->n * sizeof(*idx));
	qsort_r(idx, v->n, sizeof(*idx), cmp_case_newest, s);
	case_table(&main, s, idx, v->n, "../");
	rc = site_page(s, file.data, title.data, "../", main.data, NULL, err);
	if (rc == 0)
		site_remember(s, file.data, d);
out:
	free(idx);
	buf_free(&main);
	buf_free(&file);
	buf_free(&title);
	return rc;
}

/* (Sorting the values leaves facet_values.index stale: it is only used
 * while the cases are read.) */
int
write_browse_pages(struct site *s, struct buf *err)
{
	int rc = 0;

	for (int f = 0; f < FACET__MAX; f++)
		sort_values(s, (enum facet)f, s->facets[f].v, s->facets[f].n);
	for (int f = 0; f < FACET__MAX && rc == 0; f++)
		for (size_t i = 0; i < s->facets[f].n && rc == 0; i++)
			rc = write_value_page(s, (enum facet)f,
			    &s->facets[f].v[i], err);
	if (rc == 0)
		rc = write_browse_index(s, err);
	if (rc == 0)
		rc = write_home(s, err);
	return rc;
}
