/*
 * segmenter.h — MeCab wrapper: Japanese text to words with their part
 * of speech.  One struct segmenter per thread (MeCab taggers are not
 * shared); long inputs are fed to MeCab line by line and in bounded
 * chunks, never as one giant string.  Errors are returned, not printed.
 */
#ifndef PICORPUS_SEGMENTER_H
#define PICORPUS_SEGMENTER_H

#include <stddef.h>

struct segmenter;

struct word {
	size_t		 start;	/* byte offset of the surface in the input */
	size_t		 len;	/* bytes of the surface */
	const char	*pos;	/* part of speech, e.g. "名詞" (valid until
				   the next segmenter call) */
	const char	*pos1;	/* sub-category, e.g. "固有名詞", or "" */
};

/*
 * Create a segmenter with the system dictionary (mecab-ipadic-utf8).
 * Returns NULL and writes a reason into err (errsz bytes) on failure.
 */
struct segmenter	*segmenter_new(char *err, size_t errsz);
void			 segmenter_free(struct segmenter *s);

/*
 * Split text into words, calling fn once per word in order.  fn returns
 * 0 to go on, non-zero to stop.  Returns 0, or -1 on a MeCab error
 * (message available from segmenter_error()).
 */
int	segmenter_words(struct segmenter *s, const char *text, size_t len,
	    int (*fn)(void *arg, const struct word *w), void *arg);

const char	*segmenter_error(const struct segmenter *s);
/* Seconds this segmenter has spent in MeCab's parser so far. */
double		 segmenter_seconds(const struct segmenter *s);

#endif
