/*
 * buf.h — the one growable byte buffer and string list used everywhere in
 * picorpus, allocation wrappers that abort on out-of-memory, and the
 * prefix/suffix tests every parser uses.
 *
 * Ownership: a struct buf owns its data; buf_free() releases it and accepts
 * a zeroed or already-freed buffer.  Whenever data is non-NULL it is
 * NUL-terminated, so buf.data can be passed to C string functions.
 * A struct strlist owns copies of the strings pushed into it.
 */
#ifndef PICORPUS_BUF_H
#define PICORPUS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation that never returns NULL: out of memory aborts the process. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Does s start (end) with p?  The one pair of string tests of the project. */
int	str_has_prefix(const char *s, const char *p);
/* s past its leading spaces, ASCII and ideographic (U+3000). */
const char *str_skip_spaces(const char *s);
/* The columns those spaces take: ASCII one, U+3000 two. */
int	str_indent(const char *s);
int	str_has_suffix(const char *s, const char *p);
/* Does s start (end) with one of the NULL-ended list ps? */
int	str_has_any_prefix(const char *s, const char *const *ps);
int	str_has_any_suffix(const char *s, const char *const *ps);
/* Is s one bracketed whole, open ... close, with no second open inside
 * ("【事業の概要】", not "【A】【B】")? */
int	str_is_enclosed(const char *s, const char *open, const char *close);
/* How many characters UTF-8 s holds. */
size_t	str_chars(const char *s);
/* Does s open more brackets, ASCII or full-width, than it closes
 * ("…情報項目（だれの、どの")? */
int	str_brackets_open(const char *s);
/* Does UTF-8 s start with hiragana (ぁ..ゖ: a particle, "に同じ")? */
int	str_starts_hiragana(const char *s);
/* How many times byte c occurs in s (TABs of a row, quotes of a cell). */
size_t	str_count(const char *s, char c);
/* The longest prefix of UTF-8 s of at most n bytes (n <= strlen(s)) that
 * ends on a character boundary: where to cut s. */
size_t	str_cut_at(const char *s, size_t n);

struct buf {
	char	*data;	/* bytes, NUL-terminated when non-NULL */
	size_t	 len;	/* bytes used, excluding the terminator */
	size_t	 cap;	/* bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *b, size_t extra);
void	 buf_put(struct buf *b, const void *p, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, int c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void	 buf_truncate(struct buf *b, size_t len);
/* Return the data (never NULL: "" when empty) and reset b; caller frees. */
char	*buf_detach(struct buf *b);
void	 buf_free(struct buf *b);
/* Append v as a varint: 7 bits per byte, low first, high bit = more. */
void	 buf_put_varint(struct buf *b, uint64_t v);
/*
 * Read a varint at *p (not past end) into *v and advance *p; -1 when
 * the bytes end first or it is longer than 64 bits.
 */
int	 varint_get(const unsigned char **p, const unsigned char *end,
	    uint64_t *v);

struct strlist {
	char	**v;	/* the strings, each owned */
	size_t	  n;	/* how many */
	size_t	  cap;	/* slots allocated */
};

#define STRLIST_INIT { NULL, 0, 0 }

void	 strlist_push(struct strlist *l, const char *s);
void	 strlist_pushn(struct strlist *l, const char *s, size_t n);
/* Push unless an equal string is present; returns 1 if pushed. */
int	 strlist_push_unique(struct strlist *l, const char *s);
int	 strlist_pushn_unique(struct strlist *l, const char *s, size_t n);
int	 strlist_contains(const struct strlist *l, const char *s);
void	 strlist_sort(struct strlist *l);
/* Push the pieces of s parted by sep (the cells of a TAB row). */
void	 strlist_split(struct strlist *l, const char *s, char sep);
void	 strlist_free(struct strlist *l);

#endif
