/*
 * tokenizer.h — the one tokenizer of picorpus, used by FTS5 when the
 * index is built, by FTS5 when a query is run, and (exported as rules)
 * by the site's search, so that every side agrees by construction.
 *
 * Text is folded per character cluster (NFKC, width and case folding,
 * default-ignorables removed) while offsets keep pointing into the
 * original bytes, so snippet() and highlight() mark the right text.
 *
 *  - Latin letters and digits form words, split where letters meet
 *    digits: "ＬＧＷＡＮ-ASP" → lgwan, asp; "ISO27001" → iso, 27001.
 *  - A run of Japanese (kanji, kana, 々 〇 ー) gives overlapping bigrams,
 *    and its last character a unigram ("再委託" → 再委 委託 託).  Every
 *    character thus starts a token: a query string becomes the phrase of
 *    its bigrams ("再委託" → "再委" "委託"); a query that ends in a lone
 *    Japanese character ("検", "第12条") ends in a prefix token, which
 *    matches both the bigrams that start with it and the unigram.  Inside
 *    a query, a run followed by more tokens keeps its final unigram, as
 *    the document has it there ("条例第12条" → 条例 例第 第 12 条*).
 *  - Everything else separates tokens.
 */
#ifndef PICORPUS_TOKENIZER_H
#define PICORPUS_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

enum token_mode {
	TOKENIZE_DOCUMENT,	/* bigrams, a unigram at the end of a run */
	TOKENIZE_QUERY		/* bigrams only (unigram for a lone char) */
};

/*
 * Called once per token, each at the next position: the folded token
 * (tok, ntok bytes, not NUL-terminated) and its byte range [start, end)
 * in the original text.  Return 0 to go on; anything else stops
 * tokenize() with that value.
 */
typedef int (*token_fn)(void *ctx, const char *tok, int ntok, int start,
    int end);

/* Tokenize text; returns 0 or the first non-zero value fn returned. */
int	tokenize(const char *text, size_t len, enum token_mode mode,
	    token_fn fn, void *ctx);

/*
 * Must a query string end in a prefix token ("検" → 検*, "第12条" →
 * … 条*) because its last token is a lone Japanese character?
 */
int	tokenize_needs_prefix(const char *text, size_t len);

/*
 * The rules, one code point at a time, for exporting them (the site's
 * search runs the same tokenizer in JavaScript from these tables).
 */
enum token_class { TOKEN_SEP, TOKEN_LETTER, TOKEN_DIGIT, TOKEN_CJK };
/* The class of a folded code point. */
enum token_class tokenizer_class(int32_t cp);
/* Does cp join the cluster before it (dakuten, combining marks)? */
int	tokenizer_attaches(int32_t cp);
/*
 * The folded (compatibility-decomposed, case-folded, ignorables removed)
 * code points of cp, before recomposition: how many (0..8) were written
 * to out, or -1 when cp does not fold.
 */
int	tokenizer_fold(int32_t cp, int32_t out[8]);

/* The FTS5 API of db (for registering tokenizers and functions). */
fts5_api	*fts5_api_of(sqlite3 *db);

/*
 * Register the tokenizer with db's FTS5 under the name "picorpus".
 * Returns SQLITE_OK or an SQLite error code.
 */
int	tokenizer_register(sqlite3 *db);

#endif
