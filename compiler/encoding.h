/*
 * encoding.h — detect the character encoding of a document's bytes and
 * decode it to UTF-8 with iconv.  Pure functions on memory: no files.
 */
#ifndef PICORPUS_ENCODING_H
#define PICORPUS_ENCODING_H

#include <stddef.h>

enum encoding {
	ENC_UNKNOWN = 0,
	ENC_UTF8,	/* UTF-8 without BOM */
	ENC_UTF8_BOM,	/* UTF-8 with a leading EF BB BF (stripped) */
	ENC_CP932,	/* Shift_JIS / Windows-31J */
	ENC_EUCJP	/* EUC-JP */
};

/* "UTF-8", "UTF-8 (BOM)", "CP932", "EUC-JP" or "unknown". */
const char	*encoding_name(enum encoding enc);

/*
 * Decode bytes to UTF-8.  On success returns 0, sets *out to a new
 * NUL-terminated string (caller frees), *out_len to its length and *enc
 * to the encoding found.  On failure returns -1 and sets *reason to a
 * static English sentence fragment such as "empty file",
 * "binary file (NUL bytes)" or "undecodable text (not UTF-8, CP932 or
 * EUC-JP)"; *out is then NULL.
 */
int	decode_text(const unsigned char *bytes, size_t len, char **out,
	    size_t *out_len, enum encoding *enc, const char **reason);

#endif
