/*
 * site.c — write the static site (site.h): read the cases from the index,
 * group them by facet, write the pages (site_case.c, site_browse.c)
 * through the layout template into DIR.tmp; site_commit() swaps it in.
 */
#include <errno.h>
#include <libxml/parser.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case.h"
#include "ingest.h"
#include "site.h"
#include "site_int.h"
#include "store.h"
#include "template.h"

extern const char site_style_css[];
extern const char site_layout_html[];
extern const char site_search_html[];
extern const char site_search_js[];

/* The memo: a line "digest path" per file made from known inputs. */
#define MEMO ".picorpus-memo"

static const char *const facet_labels[FACET__MAX] = {
	"自治体", "種別", "手続", "委託先・相手方", "情報項目", "根拠", "年"
};
static const char *const facet_slugs[FACET__MAX] = {
	"municipality", "kind", "type", "party", "item", "basis", "year"
};

const char *
facet_label(enum facet f)
{
	return facet_labels[f];
}

const char *
facet_slug(enum facet f)
{
	return facet_slugs[f];
}

void
facet_value_file(struct buf *out, enum facet f, const char *value)
{
	buf_printf(out, "%s-%012llx.html", facet_slugs[f], (unsigned long long)
	    (hash_bytes(value, strlen(value)) & 0xffffffffffffull));
}

/* Create dir/relpath's parent directories (relpath uses '/'). */
static int
make_dirs(const char *dir, const char *relpath, struct buf *err)
{
	struct buf p = BUF_INIT;
	const char *slash;
	int rc = 0;

	for (slash = strchr(relpath, '/'); rc == 0 && slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		buf_truncate(&p, 0);
		buf_printf(&p, "%s/%.*s", dir, (int)(slash - relpath), relpath);
		if (mkdir(p.data, 0777) == -1 && errno != EEXIST) {
			buf_printf(err, "%s: %s", p.data, strerror(errno));
			rc = -1;
		}
	}
	buf_free(&p);
	return rc;
}

/*
 * Link previous/relpath to path when it holds exactly data: the file is
 * unchanged, and keeps its inode and mtime.  Returns 1 when linked.
 */
static int
link_unchanged(const struct site *s, const char *relpath, const char *path,
    const char *data, size_t len)
{
	struct buf old = BUF_INIT, content = BUF_INIT;
	struct stat sb;
	FILE *f;
	int same = 0;

	if (s->previous == NULL)
		return 0;
	buf_printf(&old, "%s/%s", s->previous, relpath);
	if (stat(old.data, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (size_t)sb.st_size == len && (f = fopen(old.data, "r")) != NULL) {
		buf_grow(&content, len);
		same = fread(content.data, 1, len, f) == len &&
		    memcmp(content.data, data, len) == 0;
		fclose(f);
	}
	if (same)
		same = link(old.data, path) == 0;
	buf_free(&old);
	buf_free(&content);
	return same;
}

int
site_file(struct site *s, const char *relpath, const char *data, size_t len,
    struct buf *err)
{
	struct buf path = BUF_INIT;
	FILE *f = NULL;
	int rc = make_dirs(s->dir, relpath, err);

	buf_printf(&path, "%s/%s", s->dir, relpath);
	if (rc == 0 && link_unchanged(s, relpath, path.data, data, len)) {
		pthread_mutex_lock(&s->lock);
		s->kept++;
		pthread_mutex_unlock(&s->lock);
		buf_free(&path);
		return 0;
	}
	if (rc == 0 && ((f = fopen(path.data, "w")) == NULL ||
	    fwrite(data, 1, len, f) != len))
		rc = -1;
	if (f != NULL && fclose(f) != 0)
		rc = -1;
	if (rc == -1 && err->len == 0)
		buf_printf(err, "%s: %s", path.data, strerror(errno));
	buf_free(&path);
	return rc;
}

/* ---- the memo: files made from the same inputs are linked ---- */

uint64_t
site_digest(const struct site *s, uint64_t prev, const void *data,
    size_t len)
{
	uint64_t mix[2] = { s->code, prev };

	return hash_bytes(mix, sizeof(mix)) ^ hash_bytes(data, len) * 31;
}

/* The generator's identity: a digest of the running executable, so that
 * any other picorpus makes every page again. */
static uint64_t
code_identity(void)
{
	struct buf exe = BUF_INIT;
	char chunk[1 << 16];
	uint64_t h;
	size_t n;
	FILE *f = fopen("/proc/self/exe", "rb");

	buf_puts(&exe, PICORPUS_VERSION);
	while (f != NULL && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		uint64_t part = hash_bytes(chunk, n);

		buf_put(&exe, &part, sizeof(part));
	}
	if (f != NULL)
		fclose(f);
	h = hash_bytes(exe.data, exe.len);
	buf_free(&exe);
	return h;
}

/* Read the previous site's memo (missing or damaged: nothing reused). */
static void
load_memo(struct site *s)
{
	struct buf path = BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;

	if (s->previous == NULL)
		return;
	buf_printf(&path, "%s/" MEMO, s->previous);
	if ((f = fopen(path.data, "r")) != NULL) {
		while ((n = getline(&line, &cap, f)) > 18 && line[16] == ' ') {
			uint32_t id;

			line[n - 1] = '\0';
			id = strtab_intern(&s->memo_paths, line + 17,
			    (size_t)n - 18);
			s->memo_digest = xrealloc(s->memo_digest,
			    s->memo_paths.n * sizeof(*s->memo_digest));
			s->memo_digest[id] = strtoull(line, NULL, 16);
		}
		fclose(f);
	}
	free(line);
	buf_free(&path);
}

void
site_remember(struct site *s, const char *relpath, uint64_t digest)
{
	pthread_mutex_lock(&s->lock);
	buf_printf(&s->memo, "%016llx %s\n", (unsigned long long)digest,
	    relpath);
	pthread_mutex_unlock(&s->lock);
}

int
site_reuse(struct site *s, const char *relpath, uint64_t digest, int page)
{
	struct buf old = BUF_INIT, path = BUF_INIT, err = BUF_INIT;
	int64_t id = strtab_find(&s->memo_paths, relpath, strlen(relpath));
	int ok = 0;

	if (id < 0 || s->memo_digest[id] != digest)
		return 0;
	buf_printf(&old, "%s/%s", s->previous, relpath);
	buf_printf(&path, "%s/%s", s->dir, relpath);
	if (make_dirs(s->dir, relpath, &err) == 0 &&
	    link(old.data, path.data) == 0) {
		site_remember(s, relpath, digest);
		pthread_mutex_lock(&s->lock);
		s->kept++;
		s->reused++;
		s->pages += page != 0;
		pthread_mutex_unlock(&s->lock);
		ok = 1;
	}
	buf_free(&old);
	buf_free(&path);
	buf_free(&err);
	return ok;
}

int
site_page(struct site *s, const char *relpath, const char *title,
    const char *root, const char *main, const char *scripts,
    struct buf *err)
{
	struct buf page = BUF_INIT;
	const struct tvar vars[] = {
		{ "title", title }, { "root", root }, { "main", main },
		{ "scripts", scripts }, { "version", PICORPUS_VERSION },
		{ NULL, NULL }
	};
	int rc;

	template_fill(&page, site_layout_html, vars);
	rc = site_file(s, relpath, page.data, page.len, err);
	buf_free(&page);
	if (rc == 0) {
		pthread_mutex_lock(&s->lock);
		s->pages++;
		pthread_mutex_unlock(&s->lock);
	}
	return rc;
}

int
cmp_case_newest(const void *a, const void *b, void *site)
{
	const struct site *s = site;
	const struct pcase *x = s->cases[*(const uint32_t *)a];
	const struct pcase *y = s->cases[*(const uint32_t *)b];
	int c;

	if ((x->date.value == NULL) != (y->date.value == NULL))
		return x->date.value == NULL ? 1 : -1;
	if (x->date.value != NULL &&
	    (c = strcmp(x->date.value, y->date.value)) != 0)
		return -c;
	return strcmp(x->id, y->id);
}

void
case_table_head(struct buf *b)
{
	buf_puts(b, "<table class=\"cases\">\n<thead><tr><th>件名</th>"
	    "<th>自治体</th><th>種別</th><th>日付</th><th>手続</th></tr>"
	    "</thead>\n<tbody>\n");
}

void
case_row(struct buf *b, const struct pcase *c, const char *root)
{
	buf_printf(b, "<tr><td><a href=\"%scase/", root);
	html_escape(b, c->id);
	buf_puts(b, ".html\">");
	html_escape(b, c->title.value ? c->title.value : c->id);
	buf_puts(b, "</a></td><td>");
	html_escape(b, c->municipality.value);
	buf_puts(b, "</td><td>");
	html_escape(b, c->kind.value);
	buf_puts(b, "</td><td>");
	html_escape(b, c->date.value);
	buf_puts(b, "</td><td>");
	for (size_t i = 0; i < c->nprocs; i++) {
		buf_puts(b, "<span class=\"tag\">");
		html_escape(b, proc_type_name(c->procs[i].type));
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</td></tr>\n");
}

/* ---- the cases and their facets ---- */

static void
facet_add(struct site *s, enum facet f, const char *value, size_t ci)
{
	struct facet_values *fv = &s->facets[f];
	struct facet_value *v;
	uint32_t k;

	if (value == NULL || *value == '\0')
		return;
	k = strtab_intern(&fv->index, value, strlen(value));
	if (k == fv->n) {
		if (fv->n == fv->cap) {
			fv->cap = fv->cap ? fv->cap * 2 : 32;
			fv->v = xrealloc(fv->v, fv->cap * sizeof(*fv->v));
		}
		v = &fv->v[fv->n++];
		memset(v, 0, sizeof(*v));
		v->name = strtab_intern(&s->names, value, strlen(value));
	}
	v = &fv->v[k];
	if (v->n > 0 && v->cases[v->n - 1] == ci)
		return;		/* once per case */
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->cases = xrealloc(v->cases, v->cap * sizeof(*v->cases));
	}
	v->cases[v->n++] = (uint32_t)ci;
}

static void
facet_add_all(struct site *s, enum facet f, const struct strlist *l,
    size_t ci)
{
	for (size_t i = 0; i < l->n; i++)
		facet_add(s, f, l->v[i], ci);
}

static void
index_facets(struct site *s, size_t ci)
{
	const struct pcase *c = s->cases[ci];
	char year[5];

	facet_add(s, FACET_MUNICIPALITY, c->municipality.value, ci);
	facet_add(s, FACET_KIND, c->kind.value, ci);
	for (size_t i = 0; i < c->nprocs; i++) {
		const struct procedure *p = &c->procs[i];

		facet_add(s, FACET_TYPE, proc_type_name(p->type), ci);
		facet_add_all(s, FACET_CONSIGNEE, &p->consignees, ci);
		facet_add_all(s, FACET_CONSIGNEE, &p->subcontractors, ci);
		facet_add(s, FACET_CONSIGNEE, p->partner.value, ci);
		facet_add_all(s, FACET_ITEM, &p->data_items, ci);
	}
	facet_add_all(s, FACET_BASIS, &c->legal_basis, ci);
	if (c->date.value != NULL && strlen(c->date.value) >= 4) {
		memcpy(year, c->date.value, 4);
		year[4] = '\0';
		facet_add(s, FACET_YEAR, year, ci);
	}
}

/* Read every case (export order) and group them by facet. */
static int
load_cases(struct site *s, struct buf *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT unpack(j.json), c.rowid, "
	    "d.hash, c.line_start, c.line_end FROM cases c JOIN case_json j "
	    "ON j.case_rowid = c.rowid JOIN documents d ON d.id = "
	    "c.document_id ORDER BY c.source, c.line_start, c.rowid", -1, &st,
	    NULL) != SQLITE_OK) {
		buf_printf(err, "site: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *json = (const char *)sqlite3_column_text(st, 0);
		json_t *o = json_loads(json, 0, NULL);
		struct pcase *c = o ? case_from_json(o) : NULL;
		struct buf in = BUF_INIT;

		json_decref(o);
		if (c == NULL || c->id == NULL) {
			case_free(c);
			continue;
		}
		if (s->ncases == cap) {
			cap = cap ? cap * 2 : 64;
			s->cases = xrealloc(s->cases, cap * sizeof(*s->cases));
			s->digest = xrealloc(s->digest, cap * sizeof(*s->digest));
			s->rowid = xrealloc(s->rowid, cap * sizeof(*s->rowid));
		}
		if (strtab_intern(&s->ids, c->id, strlen(c->id)) != s->ncases) {
			case_free(c);	/* a repeated id: keep the first */
			continue;
		}
		/* what its page is made of: its data, its document's text */
		buf_printf(&in, "%s\n%s %d %d", json,
		    (const char *)sqlite3_column_text(st, 2),
		    sqlite3_column_int(st, 3), sqlite3_column_int(st, 4));
		s->digest[s->ncases] = site_digest(s, 0, in.data, in.len);
		buf_free(&in);
		s->rowid[s->ncases] = sqlite3_column_int64(st, 1);
		s->cases[s->ncases] = c;
		index_facets(s, s->ncases++);
	}
	sqlite3_finalize(st);
	return 0;
}

static void
site_free(struct site *s)
{
	for (size_t i = 0; i < s->ncases; i++)
		case_free(s->cases[i]);
	free(s->cases);
	for (int f = 0; f < FACET__MAX; f++) {
		for (size_t i = 0; i < s->facets[f].n; i++)
			free(s->facets[f].v[i].cases);
		free(s->facets[f].v);
		strtab_free(&s->facets[f].index);
	}
	strtab_free(&s->names);
	strtab_free(&s->ids);
	strtab_free(&s->memo_paths);
	free(s->memo_digest);
	free(s->digest);
	free(s->rowid);
	buf_free(&s->memo);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The memo, its lines sorted (pages are made in any order). */
static int
write_memo(struct site *s, struct buf *err)
{
	struct strlist lines = STRLIST_INIT;
	struct buf out = BUF_INIT;
	const char *p, *nl;
	int rc;

	for (p = s->memo.data ? s->memo.data : ""; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		strlist_pushn(&lines, p, (size_t)(nl - p) + 1);
	}
	if (lines.n > 1)
		qsort(lines.v, lines.n, sizeof(*lines.v), cmp_str);
	for (size_t i = 0; i < lines.n; i++)
		buf_puts(&out, lines.v[i]);
	rc = site_file(s, MEMO, out.data ? out.data : "", out.len, err);
	buf_free(&out);
	strlist_free(&lines);
	return rc;
}

/* What the marker file holds: the index's build and this generator's
 * identity (a new picorpus makes the site again, even of the same
 * index). */
static void
marker_text(struct buf *b, const char *build_id, uint64_t code)
{
	buf_printf(b, "picorpus site\nbuild %s\ncode %016llx\n", build_id,
	    (unsigned long long)code);
}

/* The marker file of dir, NUL-terminated, into have; -1 when there is
 * none. */
static int
read_marker(const char *dir, char have[256])
{
	struct buf path = BUF_INIT;
	size_t n = 0;
	FILE *f;

	buf_printf(&path, "%s/" SITE_MARKER, dir);
	if ((f = fopen(path.data, "r")) != NULL) {
		n = fread(have, 1, 255, f);
		fclose(f);
	}
	have[n] = '\0';
	buf_free(&path);
	return f != NULL ? 0 : -1;
}

int
site_is_current(const char *dir, const char *build_id)
{
	struct buf want = BUF_INIT;
	char have[256];
	int same;

	marker_text(&want, build_id, code_identity());
	same = read_marker(dir, have) == 0 && strcmp(have, want.data) == 0;
	buf_free(&want);
	return same;
}

int
site_marker_names(const char *dir, const char *build_id)
{
	struct buf want = BUF_INIT;
	char have[256];
	int rc = -1;

	if (read_marker(dir, have) == 0) {
		buf_printf(&want, "\nbuild %s\n", build_id);
		rc = strstr(have, want.data) != NULL;
	}
	buf_free(&want);
	return rc;
}

static int
write_site(struct site *s, struct buf *err)
{
	int rc = load_cases(s, err);

	if (rc == 0)
		rc = site_file(s, "style.css", site_style_css,
		    strlen(site_style_css), err);
	if (rc == 0)
		rc = write_case_pages(s, err);
	if (rc == 0)
		rc = write_originals(s, err);
	if (rc == 0)
		rc = write_browse_pages(s, err);
	if (rc == 0)
		rc = write_search_data(s, err);
	if (rc == 0)
		rc = site_file(s, "search.js", site_search_js,
		    strlen(site_search_js), err);
	if (rc == 0)
		rc = site_page(s, "search.html", "検索", "", site_search_html,
		    "<script src=\"search.js\"></script>", err);
	if (rc == 0)
		rc = write_memo(s, err);
	if (rc == 0) {
		struct buf m = BUF_INIT;

		marker_text(&m, s->build_id, s->code);
		rc = site_file(s, SITE_MARKER, m.data, m.len, err);
		buf_free(&m);
	}
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
	buf_printf(&marker, "%s/" SITE_MARKER, dir);
	ok = S_ISDIR(sb.st_mode) && (access(marker.data, F_OK) == 0 ||
	    rmdir(dir) == 0);
	buf_free(&marker);
	if (!ok)
		buf_printf(err, "%s: exists and is not a picorpus site (no "
		    SITE_MARKER "); choose another -o directory", dir);
	return ok;
}

/* Where the site for dir is generated before site_commit(). */
static void
staging_path(struct buf *b, const char *dir)
{
	buf_printf(b, "%s.tmp", dir);
}

int
site_commit(const char *dir, struct buf *err)
{
	struct buf tmp = BUF_INIT;
	int rc = 0;

	staging_path(&tmp, dir);
	if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dir, RENAME_EXCHANGE) ==
	    -1 && rename(tmp.data, dir) == -1) {
		buf_printf(err, "%s: %s", dir, strerror(errno));
		rc = -1;
	}
	remove_tree(tmp.data);	/* the previous site, or the failed one */
	buf_free(&tmp);
	return rc;
}

void
site_abort(const char *dir)
{
	struct buf tmp = BUF_INIT;

	staging_path(&tmp, dir);
	remove_tree(tmp.data);
	buf_free(&tmp);
}

int
site_generate(sqlite3 *db, const char *dir, const char *build_id,
    unsigned threads, unsigned *pages, struct buf *err)
{
	struct buf tmp = BUF_INIT;
	struct site site;
	int rc = -1;

	memset(&site, 0, sizeof(site));
	pthread_mutex_init(&site.lock, NULL);
	xmlInitParser();	/* documents are parsed in threads */
	*pages = 0;
	if (!replaceable(dir, err))
		goto out;
	staging_path(&tmp, dir);
	remove_tree(tmp.data);	/* left by a build that was killed */
	if (mkdir(tmp.data, 0777) == -1) {
		buf_printf(err, "%s: %s", tmp.data, strerror(errno));
		goto out;
	}
	site.db = db;
	site.dir = tmp.data;
	site.build_id = build_id;
	site.code = code_identity();
	site.threads = threads ? threads : 1;
	if (access(dir, F_OK) == 0)
		site.previous = dir;
	load_memo(&site);
	rc = write_site(&site, err);
	*pages = site.pages;
	if (rc == -1)
		remove_tree(tmp.data);
out:
	site_free(&site);
	pthread_mutex_destroy(&site.lock);
	buf_free(&tmp);
	return rc;
}
