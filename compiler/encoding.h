/*
 * encoding.h — detect the character encoding of a document's bytes and
 * decode it to UTF-8 with iconv.  Pure functions on memory: no files.
 */
#ifndef PICORPUS_ENCODING_H
#define PICORPUS_ENCODING_H

#include <stddef.h>
#include <stdint.h>

enum encoding {
	ENC_UNKNOWN = 0,
	ENC_UTF8,	/* UTF-8 without BOM */
	ENC_UTF8_BOM,	/* UTF-8 with a leading EF BB BF (stripped) */
	ENC_CP932,	/* Shift_JIS / Windows-31J */
	ENC_EUCJP,	/* EUC-JP */
	ENC_PDF		/* a PDF's text layer, read by pdf.h */
};

/* "UTF-8", "UTF-8 (BOM)", "CP932", "EUC-JP", "PDF" or "unknown". */
const char	*encoding_name(enum encoding enc);

/*
 * Decode bytes to UTF-8.  On success returns 0, sets *out to a new
 * NUL-terminated string (caller frees), *out_len to its length and *enc
 * to the encoding found.  On failure returns -1 and sets *reason to a
 * static English sentence fragment such as "empty file",
 * "binary file (NUL bytes)" or "undecodable text (not UTF-8, CP932 or
 * EUC-JP)"; *out is then NULL.
 */
/* Is p (n bytes) well-formed UTF-8 (no overlong forms, surrogates)? */
int	utf8_valid(const unsigned char *p, size_t n);

/*
 * The length of the well-formed UTF-8 character at p (at most n bytes,
 * n > 0), and its code point in *cp; 0 when p holds none.
 */
size_t	utf8_next(const unsigned char *p, size_t n, uint32_t *cp);

int	decode_text(const unsigned char *bytes, size_t len, char **out,
	    size_t *out_len, enum encoding *enc, const char **reason);

#endif
