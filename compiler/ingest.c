/*
 * ingest.c — list a corpus directory and read its documents (see
 * ingest.h).
 *
 * The walk uses opendir/readdir, entering the names of each directory in
 * byte order.  Every directory entered is remembered by (st_dev,
 * st_ino) and never entered twice.  Real subdirectories are walked
 * first; symlinks to directories are queued and followed afterwards, so
 * a directory reachable both directly and through a link is listed under
 * its real path, a link to a directory outside the corpus is still
 * followed, and a symlink loop ends at the first directory seen again.
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ingest.h"
#include "normalize.h"
#include "pdf.h"

#define READ_CHUNK 65536

struct dirid {
	dev_t	dev;
	ino_t	ino;
};

struct walk {
	const char	*root;	/* the corpus directory */
	struct strlist	*paths;
	struct diag	*d;
	struct strlist	 links;	/* symlinks to directories, to follow */
	struct dirid	*seen;	/* directories entered */
	size_t		 nseen;
	size_t		 capseen;
};

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = UINT64_C(14695981039346656037);

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= UINT64_C(1099511628211);
	}
	return h;
}

void
source_free(struct source *src)
{
	if (src == NULL)
		return;
	free(src->path);
	free(src->text);
	free(src->pages);
	free(src->original);
	memset(src, 0, sizeof(*src));
}

int
name_format(const char *name)
{
	const char *base = strrchr(name, '/');
	const char *dot;

	base = base != NULL ? base + 1 : name;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return -1;
	if (strcasecmp(dot, ".txt") == 0)
		return FORMAT_TEXT;
	if (strcasecmp(dot, ".md") == 0)
		return FORMAT_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return FORMAT_HTML;
	if (strcasecmp(dot, ".pdf") == 0)
		return FORMAT_PDF;
	return -1;
}

/* "a/b", or just b when a is empty; no doubled slash. */
static char *
join_path(const char *a, const char *b)
{
	struct buf p = BUF_INIT;
	size_t n = strlen(a);

	while (n > 1 && a[n - 1] == '/')
		n--;
	buf_put(&p, a, n);
	if (n > 0 && a[n - 1] != '/')
		buf_putc(&p, '/');
	buf_puts(&p, b);
	return buf_detach(&p);
}

/* Remember a directory; returns 0 when it was already seen. */
static int
mark_seen(struct walk *w, const struct stat *st)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i].dev == st->st_dev &&
		    w->seen[i].ino == st->st_ino)
			return 0;
	if (w->nseen == w->capseen) {
		w->capseen = w->capseen ? w->capseen * 2 : 16;
		w->seen = xrealloc(w->seen, w->capseen * sizeof(*w->seen));
	}
	w->seen[w->nseen].dev = st->st_dev;
	w->seen[w->nseen].ino = st->st_ino;
	w->nseen++;
	return 1;
}

/* The names in a directory, without dotfiles, sorted; -1 on error. */
static int
read_names(const char *full, struct strlist *names)
{
	struct dirent *de;
	DIR *dp;

	if ((dp = opendir(full)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.')
			strlist_push(names, de->d_name);
	closedir(dp);
	strlist_sort(names);
	return 0;
}

static void	walk_dir(struct walk *, const char *, const char *);

/* stat() the entry at full into *st; *link tells whether it is a symlink. */
static int
stat_entry(const char *full, struct stat *st, int *link)
{
	if (lstat(full, st) == -1)
		return -1;
	*link = S_ISLNK(st->st_mode);
	if (*link && stat(full, st) == -1)
		return -1;
	return 0;
}

/*
 * Why a document's path cannot be used, or NULL: case ids, the export
 * JSON and the site need UTF-8, and a control character (a newline, an
 * escape) would break the lines the CLI prints or drive the terminal.
 */
static const char *
bad_name(const char *rel)
{
	if (!utf8_valid((const unsigned char *)rel, strlen(rel)))
		return "file name is not UTF-8 (rename it; convmv -f cp932 -t "
		    "utf8 converts Windows names)";
	for (const unsigned char *p = (const unsigned char *)rel; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "file name holds a control character (rename it)";
	return NULL;
}

/* Is name an office or data file a user may mean as a document (a
 * .docx, an Excel sheet, a .csv export), which picorpus does not read? */
static int
is_unread_document(const char *name)
{
	static const char *const exts[] = { ".csv", ".tsv", ".doc", ".docx",
	    ".xls", ".xlsx", ".xlsm", ".ppt", ".pptx", ".odt", ".ods", ".rtf",
	    ".jtd", NULL };
	const char *dot = strrchr(name, '.');

	for (int i = 0; dot != NULL && exts[i]; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return 1;
	return 0;
}

/* Handle one directory entry: list it, descend into it or skip it. */
static void
walk_entry(struct walk *w, const char *rel, const char *full)
{
	int ours = name_format(rel) != -1, link;
	const char *why;
	struct stat st;

	if (!ours && is_unread_document(rel)) {
		diag_report(w->d, full, 0, "not read: picorpus reads .txt, .md, "
		    ".html and .pdf (save it as PDF or text)");
		return;
	}

	if (stat_entry(full, &st, &link) == -1) {
		if (ours)
			diag_report(w->d, full, 0, "cannot read: %s",
			    strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (link)
			strlist_push(&w->links, rel);
		else if (mark_seen(w, &st))
			walk_dir(w, rel, full);
	} else if (ours && S_ISREG(st.st_mode) && (why = bad_name(rel)))
		diag_report(w->d, full, 0, "%s", why);
	else if (ours && S_ISREG(st.st_mode))
		strlist_push(w->paths, rel);
	else if (ours)
		diag_report(w->d, full, 0, "not a regular file");
}

/* Follow the queued directory links; walking them may queue more. */
static void
walk_links(struct walk *w)
{
	struct stat st;

	for (size_t i = 0; i < w->links.n; i++) {
		char *full = join_path(w->root, w->links.v[i]);

		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode) &&
		    mark_seen(w, &st))
			walk_dir(w, w->links.v[i], full);
		free(full);
	}
}

static void
walk_dir(struct walk *w, const char *rel, const char *full)
{
	struct strlist names = STRLIST_INIT;

	if (read_names(full, &names) == -1) {
		diag_report(w->d, full, 0, "cannot open directory: %s",
		    strerror(errno));
		return;
	}
	for (size_t i = 0; i < names.n; i++) {
		char *crel = join_path(rel, names.v[i]);
		char *cfull = join_path(full, names.v[i]);

		walk_entry(w, crel, cfull);
		free(crel);
		free(cfull);
	}
	strlist_free(&names);
}

int
ingest_list(const char *dir, struct strlist *paths, struct diag *d)
{
	struct walk w = { dir, paths, d, STRLIST_INIT, NULL, 0, 0 };
	struct stat st;
	DIR *dp;

	if (stat(dir, &st) == -1 || (dp = opendir(dir)) == NULL) {
		diag_report(d, dir, 0, "cannot open directory: %s",
		    strerror(errno));
		return -1;
	}
	closedir(dp);
	mark_seen(&w, &st);
	walk_dir(&w, "", dir);
	walk_links(&w);
	strlist_free(&w.links);
	free(w.seen);
	strlist_sort(paths);
	return 0;
}

/* Read all of fd into b, stopping once more than max bytes came in. */
static int
read_all(int fd, size_t max, struct buf *b)
{
	ssize_t n;

	for (;;) {
		buf_grow(b, READ_CHUNK);
		n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if (b->len > max)
			return 0;
	}
	return n == -1 ? -1 : 0;
}

/* Read the file at path into b, or report why not and return -1. */
static int
read_file(const char *path, size_t max, struct buf *b, struct diag *d)
{
	struct stat st;
	int fd, rc, err;

	if (stat(path, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		diag_report(d, path, 0, "not a regular file");
		return -1;
	}
	if ((uintmax_t)st.st_size > max)
		goto too_large;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		goto fail;
	rc = read_all(fd, max, b);
	err = errno;
	close(fd);
	errno = err;
	if (rc == -1)
		goto fail;
	if (b->len > max) {
		st.st_size = (off_t)b->len;
		goto too_large;
	}
	return 0;
fail:
	diag_report(d, path, 0, "cannot read: %s", strerror(errno));
	return -1;
too_large:
	diag_report(d, path, 0, "file too large (%jd bytes, limit %zu)",
	    (intmax_t)st.st_size, max);
	return -1;
}

int
ingest_hash(const char *dir, const char *relpath,
    const struct ingest_opts *opts, uint64_t *hash)
{
	size_t max = opts != NULL && opts->max_bytes > 0 ?
	    opts->max_bytes : INGEST_DEFAULT_MAX_BYTES;
	char *full = join_path(dir, relpath);
	struct buf raw = BUF_INIT;
	int rc = read_file(full, max, &raw, NULL);

	if (rc == 0)
		*hash = hash_bytes(raw.data, raw.len);
	buf_free(&raw);
	free(full);
	return rc;
}

/*
 * The text layer of the PDF in raw, with its page map, into src; or one
 * diagnostic and -1.  Pages that are only an image are said, once.
 */
static int
read_pdf(const char *full, const struct buf *raw, struct source *src,
    struct diag *d)
{
	struct pdf_text t;
	const char *why;

	if (pdf_read(raw->data, raw->len, &t, &why) == -1) {
		diag_report(d, full, 0, "%s", why);
		return -1;
	}
	if (t.scanned > 0)
		diag_report(d, full, 0, "page %d%s has no text layer (scanned?): "
		    "OCR it first; %d of %d pages read", t.first_scanned,
		    t.scanned > 1 ? " and others" : "", t.npages - t.scanned,
		    t.npages);
	src->pages = pdf_page_map(&t);
	src->text = t.text;
	src->len = t.len;
	src->enc = ENC_PDF;
	t.text = NULL;
	pdf_text_free(&t);
	return 0;
}

int
ingest_read(const char *dir, const char *relpath,
    const struct ingest_opts *opts, struct source *src, struct diag *d)
{
	size_t max = opts != NULL && opts->max_bytes > 0 ?
	    opts->max_bytes : INGEST_DEFAULT_MAX_BYTES;
	char *full = join_path(dir, relpath);
	struct buf raw = BUF_INIT;
	const char *why;
	int format = name_format(relpath);

	memset(src, 0, sizeof(*src));
	if (read_file(full, max, &raw, d) == -1)
		goto fail;
	if (format == FORMAT_PDF) {
		if (read_pdf(full, &raw, src, d) == -1)
			goto fail;
	} else if (decode_text((unsigned char *)raw.data, raw.len, &src->text,
	    &src->len, &src->enc, &why) == -1) {
		diag_report(d, full, 0, "%s", why);
		goto fail;
	}
	norm_radicals(src->text, src->len);	/* "⽉" from a PDF: "月" */
	src->path = xstrdup(relpath);
	src->hash = hash_bytes(raw.data, raw.len);
	src->format = format == -1 ? FORMAT_TEXT : (enum source_format)format;
	if (format == FORMAT_PDF) {
		src->original_len = raw.len;
		src->original = buf_detach(&raw);
	}
	buf_free(&raw);
	free(full);
	return 0;
fail:
	buf_free(&raw);
	free(full);
	memset(src, 0, sizeof(*src));
	return -1;
}
