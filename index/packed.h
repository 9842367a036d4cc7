/*
 * packed.h — compressed text columns of the index.
 *
 * Long texts (a document's decoded text, a case's body and its export
 * JSON) are stored deflated: a zlib stream (RFC 1950) of the UTF-8 text,
 * readable with any zlib (Python: zlib.decompress(blob).decode()); in
 * SQL, unpack(blob) (sqlfunc.h).  Text shrinks 2.5–6× this way, which
 * keeps the index within a few times the corpus.
 */
#ifndef PICORPUS_PACKED_H
#define PICORPUS_PACKED_H

#include <stddef.h>

#include "buf.h"

/* Append the zlib stream of text[0..len) to out.  Aborts on OOM. */
void	pack_text(const char *text, size_t len, struct buf *out);
/*
 * Append the text inflated from z[0..len) to out (NUL-terminated).
 * Returns 0, or -1 when z is not a whole zlib stream.
 */
int	unpack_text(const void *z, size_t len, struct buf *out);

#endif
