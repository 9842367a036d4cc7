/*
 * ingest.h — walk a corpus directory and read its documents as UTF-8.
 *
 * This is the only stage that touches the file system for input: later
 * stages see a struct source.  Rejected files get one diagnostic
 * "path: reason" through diag_report() and are otherwise skipped.
 */
#ifndef PICORPUS_INGEST_H
#define PICORPUS_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "encoding.h"

enum source_format {
	FORMAT_TEXT = 0,	/* .txt: PDF-derived text, Markdown-ish */
	FORMAT_MARKDOWN,	/* .md */
	FORMAT_HTML,		/* .html, .htm */
	FORMAT_PDF		/* .pdf: its text layer, read as FORMAT_TEXT */
};

struct source {
	char			*path;	 /* relative to the corpus directory */
	uint64_t		 hash;	 /* FNV-1a 64 of the raw bytes */
	char			*text;	 /* UTF-8, NUL-terminated, BOM stripped */
	size_t			 len;	 /* bytes of text */
	enum encoding		 enc;	 /* encoding the file was in */
	enum source_format	 format; /* from the file name's extension */
	char			*pages;	 /* a PDF's page map (pdf_locate()),
					    NULL for other formats */
	char			*original; /* a PDF's raw bytes, else NULL */
	size_t			 original_len;
};

/* The format for a file name, or -1 when its extension is not ours. */
int	name_format(const char *name);

struct ingest_opts {
	size_t	max_bytes;	/* larger files are rejected; 0 = default */
};

#define INGEST_DEFAULT_MAX_BYTES (32u * 1024 * 1024)

/*
 * List the documents below dir: regular files ending in .txt, .md, .html
 * or .htm (any case), recursively, following directory symlinks without
 * looping, skipping names starting with '.', sorted by byte order of the
 * relative path.  Paths are relative to dir, '/'-separated.  Files with
 * other extensions are ignored silently.  Unreadable subdirectories, and
 * documents whose path is not UTF-8 (ids, JSON and pages need it) or
 * holds a control character, get a diagnostic.  Returns 0, or -1 when dir itself cannot be opened
 * (diagnostic reported).
 */
int	ingest_list(const char *dir, struct strlist *paths, struct diag *d);

/*
 * Read and decode dir/relpath into *src.  Returns 0 on success; -1 when
 * the file is rejected (unreadable, empty, too large, binary,
 * undecodable), after reporting exactly one diagnostic
 * "dir/relpath: reason".  *src is zeroed on failure.
 */
int	ingest_read(const char *dir, const char *relpath,
	    const struct ingest_opts *opts, struct source *src,
	    struct diag *d);

/*
 * The hash of dir/relpath's raw bytes (what ingest_read() would put in
 * src->hash) without decoding it; -1, silently, when it cannot be read.
 */
int	ingest_hash(const char *dir, const char *relpath,
	    const struct ingest_opts *opts, uint64_t *hash);

/* FNV-1a 64-bit hash of bytes. */
uint64_t	hash_bytes(const void *p, size_t n);

/* Free what a struct source holds; accepts NULL and zeroed sources. */
void	source_free(struct source *src);

#endif
