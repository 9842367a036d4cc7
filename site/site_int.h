/*
 * site_int.h — what the site's page writers share (site.c, site_case.c,
 * site_browse.c): the cases read from the index, the facets over them,
 * and one function that writes a page through the layout template.
 */
#ifndef PICORPUS_SITE_INT_H
#define PICORPUS_SITE_INT_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>

#include "buf.h"
#include "case.h"
#include "strtab.h"

/* A browsable dimension of the cases. */
enum facet {
	FACET_MUNICIPALITY,	/* 自治体 */
	FACET_KIND,		/* 種別 */
	FACET_TYPE,		/* 手続 */
	FACET_CONSIGNEE,	/* 委託先・再委託先・相手方 */
	FACET_ITEM,		/* 情報項目 */
	FACET_BASIS,		/* 根拠 */
	FACET_YEAR,		/* 年 */
	FACET__MAX
};

/* The cases having one value of a facet. */
struct facet_value {
	uint32_t	 name;		/* in site.names */
	uint32_t	*cases;		/* indexes into site.cases, in order */
	size_t		 n, cap;
};

struct facet_values {
	struct facet_value *v;		/* by first sight; sorted for pages */
	size_t		 n, cap;
	struct strtab	 index;		/* value name → index in v */
};

/* The file that marks a directory as a picorpus site, naming the build
 * of the index it was made from and the generator (site.c). */
#define SITE_MARKER ".picorpus-site"

/* Does dir's marker name build_id: 1, another build: 0, no marker: -1. */
int	site_marker_names(const char *dir, const char *build_id);

/* Cases per search/c/K.js file: places K*SEARCH_CHUNK.. (site_search.c). */
#define SEARCH_CHUNK	5

/* Threads site_generate() uses at most for the case pages. */
#define SITE_MAX_THREADS 16

struct site {
	sqlite3		*db;
	const char	*dir;		/* the directory being written */
	const char	*build_id;	/* the index's meta.build_id */
	const char	*previous;	/* the site it replaces, or NULL: an
					   unchanged file is linked from it,
					   keeping its mtime */
	unsigned	 kept;		/* files linked unchanged */
	struct pcase	**cases;	/* every case, in export order */
	size_t		 ncases;
	struct strtab	 ids;		/* case ids; an id's number is its
					   index in cases */
	struct strtab	 names;		/* facet value names */
	struct facet_values facets[FACET__MAX];
	unsigned	 pages;		/* HTML pages written */
	/*
	 * Pages made from the same inputs are not made again: each file
	 * written with a digest of its inputs is listed in the site's
	 * memo file, and a later build that computes the same digest
	 * links the previous file instead (site_reuse()).
	 */
	uint64_t	 code;		/* identity of this generator */
	uint64_t	*digest;	/* per case: of its stored data */
	int64_t		*rowid;		/* per case: cases.rowid */
	struct strtab	 memo_paths;	/* the previous site's memo */
	uint64_t	*memo_digest;	/* by memo_paths id */
	struct buf	 memo;		/* the memo being written */
	unsigned	 reused;	/* files linked by digest */
	unsigned	 threads;	/* for the case pages */
	pthread_mutex_t	 lock;		/* the counters and the memo, when
					   pages are written in threads */
};

/* Facet names as pages show them, and as their file names start. */
const char	*facet_label(enum facet f);
const char	*facet_slug(enum facet f);

/* The file name (no directory) of the page of one facet value. */
void	facet_value_file(struct buf *out, enum facet f, const char *value);

/*
 * Write the page dir/relpath: title and main (HTML) through the layout;
 * root is the way back to the site's top ("", "../", "../../").  Returns
 * 0 or -1 with a message in err.
 */
int	site_page(struct site *s, const char *relpath, const char *title,
	    const char *root, const char *main, const char *scripts,
	    struct buf *err);

/*
 * Digests: of data, mixed with the generator's identity and a previous
 * digest.
 */
uint64_t	site_digest(const struct site *s, uint64_t prev, const void *data,
		    size_t len);
/*
 * If the previous site made relpath from inputs of this digest, link
 * that file into the new site and return 1 (an HTML page is counted);
 * else 0: write it, then site_remember() the digest.
 */
int	site_reuse(struct site *s, const char *relpath, uint64_t digest,
	    int page);
void	site_remember(struct site *s, const char *relpath, uint64_t digest);

/* The full-text body of case c, derived from its document (site_case.c);
 * NULL when the document cannot be read.  Caller frees. */
char	*site_case_body(struct site *s, const struct pcase *c);

/* Write a file of the site as is. */
int	site_file(struct site *s, const char *relpath, const char *data,
	    size_t len, struct buf *err);

/*
 * qsort_r() comparator of indexes into site->cases: newest first (no
 * date last), then by id — the CLI's order of equal scores too.
 */
int	cmp_case_newest(const void *a, const void *b, void *site);

/* One row of a case list (link, municipality, kind, date, procedures). */
void	case_row(struct buf *b, const struct pcase *c, const char *root);
/* The header of a table of case_row()s. */
void	case_table_head(struct buf *b);

/*
 * Parts of a case's page: its title, facts and procedures; its source
 * text, lines c->line_start..c->line_end of the document text (parsed as
 * d; text NULL: unreadable).  Every document string escaped.
 */
struct doc;
/* A PDF document's copy in the site and its page map (pdf.h). */
struct original {
	char	*file;		/* HASH.pdf, beside the case pages */
	char	*pages;		/* page map for pdf_locate() */
};
void	case_page_head(struct buf *b, const struct pcase *c);
void	case_page_source(struct buf *b, const struct pcase *c,
	    const char *text, const struct doc *d, const struct original *pdf);

/* Pages: one per case; the home page and every browse page. */
int	write_case_pages(struct site *s, struct buf *err);
/* Each PDF document's own bytes as case/HASH.pdf (case pages link it). */
int	write_originals(struct site *s, struct buf *err);
int	write_browse_pages(struct site *s, struct buf *err);
/* The search's data files (site_search.c); after write_case_pages(),
 * which leaves each case's full-text body in its body field. */
int	write_search_data(struct site *s, struct buf *err);

#endif
