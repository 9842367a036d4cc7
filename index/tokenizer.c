/*
 * tokenizer.c — fold text per character cluster and cut it into Latin
 * words and Japanese bigrams/unigrams (rules in tokenizer.h); the FTS5
 * glue that registers it as the "picorpus" tokenizer.
 */
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"
#include "tokenizer.h"

/* Longest folded form of one cluster we keep (㍻ → 平成 needs 2). */
#define UNIT_MAX_CPS	8
/* A Latin word longer than this many bytes is cut. */
#define WORD_MAX_BYTES	128

enum unit_class {
	UNIT_SEP = TOKEN_SEP, UNIT_LETTER = TOKEN_LETTER,
	UNIT_DIGIT = TOKEN_DIGIT, UNIT_CJK = TOKEN_CJK
};

/* How one code point folds (the options of every cluster). */
#define FOLD_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STRIPNA)

/* One folded code point with the original bytes it came from. */
struct unit {
	enum unit_class	cls;
	char		utf8[4];
	int		nutf8;
	int		start, end;
};

/* Scanner state over the original text. */
struct scan {
	const unsigned char	*s;
	size_t			 len;
	size_t			 pos;
	utf8proc_int32_t	 folded[UNIT_MAX_CPS];
	int			 nfolded;
	int			 ifolded;
	int			 start, end;	/* bytes of the current cluster */
};

static int
is_cjk(utf8proc_int32_t c)
{
	return (c >= 0x3041 && c <= 0x309f) ||	/* hiragana */
	    (c >= 0x30a0 && c <= 0x30fa) ||	/* katakana */
	    (c >= 0x30fc && c <= 0x30ff) ||	/* ー ヽ ヾ ヿ */
	    (c >= 0x31f0 && c <= 0x31ff) ||	/* katakana ext. */
	    c == 0x3005 || c == 0x3006 || c == 0x3007 ||	/* 々 〆 〇 */
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
}

static enum unit_class
classify(utf8proc_int32_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return UNIT_LETTER;
		return (c >= '0' && c <= '9') ? UNIT_DIGIT : UNIT_SEP;
	}
	if (is_cjk(c))
		return UNIT_CJK;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return UNIT_LETTER;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return UNIT_DIGIT;
	default:
		return UNIT_SEP;
	}
}

/* Does c attach to the character before it (dakuten, combining mark)? */
static int
is_attaching(utf8proc_int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0x300 || norm_simple_map(c, 1) != -1)	/* most text */
		return 0;
	if (c == 0xff9e || c == 0xff9f || c == 0x3099 || c == 0x309a)
		return 1;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
	    (c >= 0xfe00 && c <= 0xfe0f);
}

/* Decode one code point at pos; invalid bytes decode as U+FFFD (1 byte). */
static size_t
decode_at(const struct scan *sc, size_t pos, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n;

	const unsigned char *p = sc->s + pos;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (norm_utf8_3(p, sc->len - pos, cp))
		return 3;
	n = utf8proc_iterate(sc->s + pos, (utf8proc_ssize_t)(sc->len - pos),
	    cp);

	if (n <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	return (size_t)n;
}

/*
 * A cluster of one code point that folds on its own (norm_simple_map(),
 * nothing attached after it) needs no utf8proc: most Japanese text.
 * 1 if the cluster at sc->pos was one.
 */
static int
stable_cluster(struct scan *sc)
{
	utf8proc_int32_t cp, next, folded;
	size_t step = decode_at(sc, sc->pos, &cp);

	if ((folded = norm_simple_map(cp, 1)) == -1)
		return 0;
	if (sc->pos + step < sc->len) {
		decode_at(sc, sc->pos + step, &next);
		if (is_attaching(next))
			return 0;
	}
	sc->folded[0] = folded;
	sc->nfolded = 1;
	sc->ifolded = 0;
	sc->pos += step;
	sc->end = (int)sc->pos;
	return 1;
}

/* Fold the next cluster into sc->folded; returns 0 at end of text. */
static int
next_cluster(struct scan *sc)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = 0, r;
	int last = 0;
	size_t step;

	if (sc->pos >= sc->len)
		return 0;
	sc->start = (int)sc->pos;
	if (stable_cluster(sc))
		return 1;
	do {
		step = decode_at(sc, sc->pos, &cp);
		r = utf8proc_decompose_char(cp, sc->folded + n,
		    UNIT_MAX_CPS - n, FOLD_OPTIONS, &last);
		if (r < 0 || n + r > UNIT_MAX_CPS)
			break;
		n += r;
		sc->pos += step;
		if (sc->pos >= sc->len)
			break;
		decode_at(sc, sc->pos, &cp);
	} while (is_attaching(cp));
	if (sc->pos == (size_t)sc->start)	/* could not fold: skip it */
		sc->pos += step, n = 0;
	sc->end = (int)sc->pos;
	n = n > 0 ? utf8proc_normalize_utf32(sc->folded, n,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE) : 0;
	sc->nfolded = n > 0 ? (int)n : 0;
	sc->ifolded = 0;
	return 1;
}

/* Next folded unit; returns 0 at end of text. */
static int
next_unit(struct scan *sc, struct unit *u)
{
	utf8proc_int32_t c;

	while (sc->ifolded >= sc->nfolded)
		if (!next_cluster(sc))
			return 0;
	c = sc->folded[sc->ifolded++];
	u->cls = classify(c);
	u->nutf8 = (int)utf8proc_encode_char(c, (utf8proc_uint8_t *)u->utf8);
	u->start = sc->start;
	u->end = sc->end;
	return 1;
}

/*
 * The emitter works as a stream: a Latin word is collected until its
 * class changes; a Japanese run is emitted one bigram at a time, keeping
 * only the previous unit, so runs of any length cost no memory.
 */
struct emitter {
	enum token_mode	 mode;
	token_fn	 fn;
	void		*ctx;
	enum unit_class	 cls;		/* class of the current run */
	int		 runlen;	/* units in the current run */
	struct unit	 prev;		/* last unit of a Japanese run */
	struct unit	 held;		/* query mode: a run's final unigram,
					   emitted only if a token follows */
	int		 holding;
	char		 word[WORD_MAX_BYTES];	/* folded word so far */
	int		 nword;
	int		 wstart, wend;	/* original bytes of the word */
};

static int
emit_unit(struct emitter *e, const struct unit *u)
{
	return e->fn(e->ctx, u->utf8, u->nutf8, u->start, u->end);
}

/*
 * In a query, a Japanese run's final unigram stands where the document
 * has it — between the run's bigrams and the next token — so that a
 * phrase crossing runs (条例第12条) keeps its positions; after the last
 * run it is left out (the phrase ends with the run's last bigram).
 */
static int
release_held(struct emitter *e)
{
	if (!e->holding)
		return 0;
	e->holding = 0;
	return emit_unit(e, &e->held);
}

static int
emit_bigram(struct emitter *e, const struct unit *a, const struct unit *b)
{
	char tok[8];
	int rc;

	if ((rc = release_held(e)) != 0)
		return rc;
	memcpy(tok, a->utf8, (size_t)a->nutf8);
	memcpy(tok + a->nutf8, b->utf8, (size_t)b->nutf8);
	return e->fn(e->ctx, tok, a->nutf8 + b->nutf8, a->start, b->end);
}

/* End the current run, emitting what it still holds. */
static int
end_run(struct emitter *e)
{
	int rc = 0;

	if (e->runlen == 0)
		return 0;
	if (e->cls == UNIT_CJK) {
		if (e->mode == TOKENIZE_DOCUMENT || e->runlen == 1) {
			if ((rc = release_held(e)) == 0)
				rc = emit_unit(e, &e->prev);
		} else {
			e->held = e->prev;
			e->holding = 1;
		}
	} else if (e->cls != UNIT_SEP) {
		if ((rc = release_held(e)) == 0)
			rc = e->fn(e->ctx, e->word, e->nword, e->wstart,
			    e->wend);
	}
	e->runlen = 0;
	e->nword = 0;
	return rc;
}

static int
add_unit(struct emitter *e, const struct unit *u)
{
	int rc = 0;

	if (u->cls != e->cls) {
		if ((rc = end_run(e)) != 0)
			return rc;
		e->cls = u->cls;
	}
	if (u->cls == UNIT_CJK) {
		if (e->runlen > 0)
			rc = emit_bigram(e, &e->prev, u);
		e->prev = *u;
	} else if (u->cls != UNIT_SEP) {
		if (e->runlen == 0)
			e->wstart = u->start;
		if (e->nword + u->nutf8 <= WORD_MAX_BYTES) {
			memcpy(e->word + e->nword, u->utf8, (size_t)u->nutf8);
			e->nword += u->nutf8;
		}
		e->wend = u->end;
	}
	e->runlen++;
	return rc;
}

int
tokenize(const char *text, size_t len, enum token_mode mode, token_fn fn,
    void *ctx)
{
	struct scan sc;
	struct emitter e;
	struct unit u;
	int rc;

	memset(&sc, 0, sizeof(sc));
	sc.s = (const unsigned char *)text;
	sc.len = len;
	memset(&e, 0, sizeof(e));
	e.mode = mode;
	e.fn = fn;
	e.ctx = ctx;
	e.cls = UNIT_SEP;
	while (next_unit(&sc, &u))
		if ((rc = add_unit(&e, &u)) != 0)
			return rc;
	return end_run(&e);
}

/* ---- FTS5 glue ---- */

struct fts_call {
	void	*ctx;
	int	(*xToken)(void *, int, const char *, int, int, int);
};

static int
fts_token(void *ctx, const char *tok, int ntok, int start, int end)
{
	struct fts_call *call = ctx;

	return call->xToken(call->ctx, 0, tok, ntok, start, end);
}

static int
fts_create(void *pctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static int dummy;

	(void)pctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&dummy;
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int
fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int ntext, int (*xToken)(void *, int, const char *, int, int, int))
{
	struct fts_call call = { ctx, xToken };
	enum token_mode mode = (flags & FTS5_TOKENIZE_QUERY) ?
	    TOKENIZE_QUERY : TOKENIZE_DOCUMENT;

	(void)t;
	if (ntext <= 0)
		return SQLITE_OK;
	return tokenize(text, (size_t)ntext, mode, fts_token, &call);
}

fts5_api *
fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int
tokenizer_register(sqlite3 *db)
{
	fts5_tokenizer tok = { fts_create, fts_delete, fts_tokenize };
	fts5_api *api = fts5_api_of(db);

	if (api == NULL)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "picorpus", NULL, &tok, NULL);
}

enum token_class
tokenizer_class(int32_t cp)
{
	return (enum token_class)classify(cp);
}

int
tokenizer_attaches(int32_t cp)
{
	return is_attaching(cp);
}

int
tokenizer_fold(int32_t cp, int32_t out[8])
{
	int last = 0;
	utf8proc_ssize_t r = utf8proc_decompose_char(cp, out, UNIT_MAX_CPS,
	    FOLD_OPTIONS, &last);

	return r < 0 || r > UNIT_MAX_CPS ? -1 : (int)r;
}

/* Is the last token of a query a lone Japanese character? */
struct last_token {
	int	lone_cjk;
};

static int
note_last(void *ctx, const char *tok, int ntok, int start, int end)
{
	struct last_token *lt = ctx;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)tok,
	    ntok, &cp);

	(void)start, (void)end;
	lt->lone_cjk = n == ntok && is_cjk(cp);
	return 0;
}

int
tokenize_needs_prefix(const char *text, size_t len)
{
	struct last_token lt = { 0 };

	tokenize(text, len, TOKENIZE_QUERY, note_last, &lt);
	return lt.lone_cjk;
}
