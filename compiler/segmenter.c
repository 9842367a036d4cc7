/*
 * segmenter.c — MeCab wrapper (see segmenter.h).
 *
 * Each segmenter owns one MeCab model, tagger and lattice, so separate
 * segmenters may run in separate threads.  Input is split at '\n' (a
 * trailing '\r' is dropped too) and any line longer than CHUNK_MAX bytes
 * is cut into chunks, preferably just after 「。」 or 「、」, otherwise at
 * a UTF-8 character boundary.  Every chunk is copied into a private
 * NUL-terminated buffer before MeCab sees it, and word offsets are
 * mapped back to byte offsets in the caller's text.
 *
 * Part-of-speech strings are interned in per-segmenter string lists; the
 * pointers handed out stay valid until segmenter_free(), which is longer
 * than the contract promises.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mecab.h>

#include "buf.h"
#include "clock.h"
#include "segmenter.h"

#define CHUNK_MAX	8192	/* largest chunk fed to MeCab, in bytes */
#define PUNCT_LEN	3	/* UTF-8 length of 。 and 、 */
#define POS_IDS		1024	/* dictionary part-of-speech ids cached */

/* The two part-of-speech fields a dictionary part-of-speech id gave
 * last, and the feature text they came from (to check they still do). */
struct pos_seen {
	char		*head;		/* "品詞,細分類1", NULL if not seen */
	size_t		 nhead;
	const char	*pos, *pos1;
};

struct segmenter {
	mecab_model_t	*model;
	mecab_t		*tagger;
	mecab_lattice_t	*lattice;
	struct buf	 chunk;		/* NUL-terminated copy fed to MeCab */
	struct strlist	 pos;		/* interned part-of-speech strings */
	double		 seconds;	/* spent in MeCab's parser */
	struct pos_seen	 seen[POS_IDS];	/* by the node's posid */
	char		 err[256];
};

struct segmenter *
segmenter_new(char *err, size_t errsz)
{
	struct segmenter *s = xcalloc(1, sizeof(*s));
	const char *why = NULL;

	if ((s->model = mecab_model_new2("")) == NULL)
		why = mecab_strerror(NULL);
	else if ((s->tagger = mecab_model_new_tagger(s->model)) == NULL)
		why = mecab_strerror(NULL);
	else if ((s->lattice = mecab_model_new_lattice(s->model)) == NULL)
		why = mecab_strerror(NULL);
	if (why != NULL) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "mecab: %s",
			    why[0] != '\0' ? why : "cannot load dictionary");
		segmenter_free(s);
		return NULL;
	}
	return s;
}

void
segmenter_free(struct segmenter *s)
{
	if (s == NULL)
		return;
	if (s->lattice != NULL)
		mecab_lattice_destroy(s->lattice);
	if (s->tagger != NULL)
		mecab_destroy(s->tagger);
	if (s->model != NULL)
		mecab_model_destroy(s->model);
	for (size_t i = 0; i < POS_IDS; i++)
		free(s->seen[i].head);
	buf_free(&s->chunk);
	strlist_free(&s->pos);
	free(s);
}

double
segmenter_seconds(const struct segmenter *s)
{
	return s->seconds;
}

const char *
segmenter_error(const struct segmenter *s)
{
	return s != NULL ? s->err : "no segmenter";
}

/* Return an interned copy of s[0..n), "" for MeCab's "*" placeholder. */
static const char *
intern(struct segmenter *sg, const char *s, size_t n)
{
	size_t i;

	if (n == 0 || (n == 1 && s[0] == '*'))
		return "";
	for (i = 0; i < sg->pos.n; i++)
		if (strncmp(sg->pos.v[i], s, n) == 0 &&
		    sg->pos.v[i][n] == '\0')
			return sg->pos.v[i];
	strlist_pushn(&sg->pos, s, n);
	return sg->pos.v[sg->pos.n - 1];
}

/* Fill w->pos and w->pos1 from a MeCab feature "品詞,細分類1,...". */
static void
parse_pos(struct segmenter *s, const char *feature, struct word *w)
{
	const char *comma, *next;

	w->pos = w->pos1 = "";
	if (feature == NULL)
		return;
	comma = strchr(feature, ',');
	if (comma == NULL) {
		w->pos = intern(s, feature, strlen(feature));
		return;
	}
	w->pos = intern(s, feature, (size_t)(comma - feature));
	next = strchr(comma + 1, ',');
	w->pos1 = intern(s, comma + 1, next != NULL ?
	    (size_t)(next - comma - 1) : strlen(comma + 1));
}

/* Bytes of feature's first two fields with the comma between them. */
static size_t
head_len(const char *feature)
{
	const char *comma = strchr(feature, ','), *next;

	if (comma == NULL)
		return strlen(feature);
	next = strchr(comma + 1, ',');
	return next != NULL ? (size_t)(next - feature) : strlen(feature);
}

/*
 * parse_pos() through a cache by the dictionary's part-of-speech id: a
 * word's feature starting as the id's did last time has its fields —
 * one comparison instead of two searches of the interned strings.
 */
static void
set_pos(struct segmenter *s, const mecab_node_t *node, struct word *w)
{
	const char *f = node->feature;
	struct pos_seen *ps;
	size_t n;

	if (f == NULL || node->posid >= POS_IDS) {
		parse_pos(s, f, w);
		return;
	}
	ps = &s->seen[node->posid];
	if (ps->head != NULL && strncmp(f, ps->head, ps->nhead) == 0 &&
	    (f[ps->nhead] == ',' || f[ps->nhead] == '\0')) {
		w->pos = ps->pos;
		w->pos1 = ps->pos1;
		return;
	}
	parse_pos(s, f, w);
	n = head_len(f);
	free(ps->head);
	ps->head = xstrndup(f, n);
	ps->nhead = n;
	ps->pos = w->pos;
	ps->pos1 = w->pos1;
}

static int
is_break(const char *p)
{
	return memcmp(p, "\xe3\x80\x82", PUNCT_LEN) == 0 ||	/* 。 */
	    memcmp(p, "\xe3\x80\x81", PUNCT_LEN) == 0;		/* 、 */
}

/*
 * Length of the next chunk of a line of len bytes (len > CHUNK_MAX):
 * just after the last 。 or 、 in the second half of the window, else
 * at the last UTF-8 character boundary, else (invalid UTF-8) anywhere.
 */
static size_t
chunk_len(const char *p, size_t len)
{
	size_t i;

	if (len <= CHUNK_MAX)
		return len;
	for (i = CHUNK_MAX - PUNCT_LEN; i >= CHUNK_MAX / 2; i--)
		if (is_break(p + i))
			return i + PUNCT_LEN;
	for (i = CHUNK_MAX; i > CHUNK_MAX - 4; i--)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			return i;
	return CHUNK_MAX;
}

/* Segment one chunk of at most CHUNK_MAX bytes found at text offset off. */
static int
parse_chunk(struct segmenter *s, const char *p, size_t len, size_t off,
    int (*fn)(void *, const struct word *), void *arg, int *stop)
{
	const mecab_node_t *node;
	const char *base;
	struct word w;
	struct timespec mark;
	int ok;

	buf_truncate(&s->chunk, 0);
	buf_put(&s->chunk, p, len);
	mecab_lattice_set_sentence2(s->lattice, s->chunk.data, len);
	clock_lap(&mark);
	ok = mecab_parse_lattice(s->tagger, s->lattice);
	s->seconds += clock_lap(&mark);
	if (!ok) {
		snprintf(s->err, sizeof(s->err), "mecab: %s",
		    mecab_lattice_strerror(s->lattice));
		return -1;
	}
	base = mecab_lattice_get_sentence(s->lattice);
	node = mecab_lattice_get_bos_node(s->lattice);
	for (; node != NULL; node = node->next) {
		if (node->stat == MECAB_BOS_NODE)
			continue;
		if (node->stat == MECAB_EOS_NODE)
			break;
		if (node->length == 0)
			continue;
		if (node->surface < base ||
		    (size_t)(node->surface - base) + node->length > len) {
			snprintf(s->err, sizeof(s->err),
			    "mecab: word outside its sentence at byte %zu",
			    off);
			return -1;
		}
		w.start = off + (size_t)(node->surface - base);
		w.len = node->length;
		set_pos(s, node, &w);
		if (fn(arg, &w) != 0) {
			*stop = 1;
			return 0;
		}
	}
	return 0;
}

/* Segment one line (no '\n') found at text offset off, chunk by chunk. */
static int
parse_line(struct segmenter *s, const char *p, size_t len, size_t off,
    int (*fn)(void *, const struct word *), void *arg, int *stop)
{
	size_t n;

	while (len > 0 && !*stop) {
		n = chunk_len(p, len);
		if (parse_chunk(s, p, n, off, fn, arg, stop) == -1)
			return -1;
		p += n;
		off += n;
		len -= n;
	}
	return 0;
}

int
segmenter_words(struct segmenter *s, const char *text, size_t len,
    int (*fn)(void *arg, const struct word *w), void *arg)
{
	const char *nl;
	size_t off = 0, n, end;
	int stop = 0;

	s->err[0] = '\0';
	while (off < len && !stop) {
		nl = memchr(text + off, '\n', len - off);
		end = nl != NULL ? (size_t)(nl - text) : len;
		n = end - off;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (parse_line(s, text + off, n, off, fn, arg, &stop) == -1)
			return -1;
		off = nl != NULL ? end + 1 : len;
	}
	return 0;
}
