/*
 * fuzz_encoding.c — encoding detection and conversion (decode_text()):
 * any bytes either decode to NUL-free, well-formed UTF-8 of the length
 * stated, or are rejected with a reason.
 */
#include <string.h>

#include "encoding.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t len = 0;
	enum encoding enc = ENC_UNKNOWN;
	const char *reason = NULL;

	if (decode_text(data, size, &out, &len, &enc, &reason) == 0) {
		FUZZ_ASSERT(out != NULL);
		FUZZ_ASSERT(strlen(out) == len);
		FUZZ_ASSERT(fuzz_valid_utf8(out, len));
		FUZZ_ASSERT(enc != ENC_UNKNOWN);
	} else {
		FUZZ_ASSERT(out == NULL);
		FUZZ_ASSERT(reason != NULL && *reason != '\0');
	}
	free(out);
	return 0;
}
