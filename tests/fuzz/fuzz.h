/*
 * fuzz.h — what every fuzz target (tests/fuzz/fuzz_*.c) shares.
 *
 * A target defines LLVMFuzzerTestOneInput(): it feeds one input to a
 * parser of picorpus and aborts (FUZZ_ASSERT) when an invariant of the
 * result does not hold; the sanitizers catch the rest.  The same file is
 * linked either with libFuzzer (meson -Dfuzz=true, clang: tools/fuzz) or
 * with driver.c, which replays saved inputs so that the regression tests
 * run every crash ever found (tests/fuzz/regress/TARGET/) and the seeds.
 */
#ifndef PICORPUS_FUZZ_H
#define PICORPUS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition: libFuzzer then saves the input. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* A NUL-terminated copy of the input (caller frees). */
char	*fuzz_string(const uint8_t *data, size_t size);

/* Is s (n bytes) well-formed UTF-8?  Asked of utf8proc, not of
 * encoding.h's utf8_valid(): the targets check decode_text(), which
 * relies on that one, against an independent judge. */
int	fuzz_valid_utf8(const char *s, size_t n);

#endif
