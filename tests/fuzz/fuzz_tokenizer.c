/*
 * fuzz_tokenizer.c — the FTS5 tokenizer (index/tokenizer.c) in both
 * modes: every token is non-empty, well-formed UTF-8 when the text is,
 * and points at a byte range of the text, ranges in order.
 */
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "tokenizer.h"

struct seen {
	size_t	len;		/* of the text */
	int	valid;		/* the text is well-formed UTF-8 */
	int	last_start;	/* of the previous token */
	long	n;
};

static int
check_token(void *ctx, const char *tok, int ntok, int start, int end)
{
	struct seen *s = ctx;

	FUZZ_ASSERT(ntok > 0);
	FUZZ_ASSERT(0 <= start && start < end && (size_t)end <= s->len);
	FUZZ_ASSERT(start >= s->last_start);
	FUZZ_ASSERT(!s->valid || fuzz_valid_utf8(tok, (size_t)ntok));
	FUZZ_ASSERT(memchr(tok, '\0', (size_t)ntok) == NULL);
	s->last_start = start;
	s->n++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	size_t len = strlen(text);	/* FTS5 hands over C strings too */
	int valid = fuzz_valid_utf8(text, len);

	for (int mode = TOKENIZE_DOCUMENT; mode <= TOKENIZE_QUERY; mode++) {
		struct seen s = { len, valid, 0, 0 };

		FUZZ_ASSERT(tokenize(text, len, (enum token_mode)mode,
		    check_token, &s) == 0);
	}
	(void)tokenize_needs_prefix(text, len);
	free(text);
	return 0;
}
