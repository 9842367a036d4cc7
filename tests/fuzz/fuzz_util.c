/*
 * fuzz_util.c — helpers of the fuzz targets (fuzz.h).
 */
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "fuzz.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

int
fuzz_valid_utf8(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (n > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n,
		    &cp);

		if (k <= 0)
			return 0;
		p += k;
		n -= (size_t)k;
	}
	return 1;
}
