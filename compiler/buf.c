/*
 * buf.c — growable buffer, string list and aborting allocators (see buf.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void
out_of_memory(void)
{
	fputs("picorpus: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory();
	return q;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

int
str_has_prefix(const char *s, const char *p)
{
	while (*p != '\0' && *s == *p)	/* most calls differ at once */
		s++, p++;
	return *p == '\0';
}

const char *
str_skip_spaces(const char *s)
{
	while (*s == ' ' || str_has_prefix(s, "\xe3\x80\x80"))
		s += *s == ' ' ? 1 : 3;
	return s;
}

int
str_indent(const char *s)
{
	int cols = 0;

	for (; *s == ' ' || str_has_prefix(s, "\xe3\x80\x80");
	    s += *s == ' ' ? 1 : 3)
		cols += *s == ' ' ? 1 : 2;
	return cols;
}

size_t
str_count(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

int
str_has_suffix(const char *s, const char *p)
{
	size_t n = strlen(s), m = strlen(p);

	return n >= m && strcmp(s + n - m, p) == 0;
}

int
str_has_any_prefix(const char *s, const char *const *ps)
{
	for (; *ps != NULL; ps++)
		if (str_has_prefix(s, *ps))
			return 1;
	return 0;
}

size_t
str_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

int
str_brackets_open(const char *s)
{
	int depth = 0;

	for (; *s; s++)
		if (*s == '(' || str_has_prefix(s, "（"))
			depth++;
		else if ((*s == ')' || str_has_prefix(s, "）")) && depth > 0)
			depth--;
	return depth > 0;
}

int
str_starts_hiragana(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return u[0] == 0xe3 && ((u[1] == 0x81 && u[2] >= 0x81) ||
	    (u[1] == 0x82 && u[2] >= 0x80 && u[2] <= 0x96));
}

int
str_has_any_suffix(const char *s, const char *const *ps)
{
	for (; *ps != NULL; ps++)
		if (str_has_suffix(s, *ps))
			return 1;
	return 0;
}

int
str_is_enclosed(const char *s, const char *open, const char *close)
{
	size_t n = strlen(open);

	return str_has_prefix(s, open) && strlen(s) >= n + strlen(close) &&
	    str_has_suffix(s + n, close) && strstr(s + n, open) == NULL;
}

size_t
str_cut_at(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;	/* s[n] continues the character before it */
	return n;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
	b->data[b->len] = '\0';	/* data, once there, is a C string */
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		buf_put(b, small, (size_t)n);
		return;
	}
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_put_varint(struct buf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		tmp[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			tmp[n] |= 0x80;
		n++;
	} while (v != 0);
	buf_put(b, tmp, n);
}

int
varint_get(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	const unsigned char *q = *p;
	uint64_t x = 0;

	for (int shift = 0; q < end && shift < 64; shift += 7) {
		x |= (uint64_t)(*q & 0x7f) << shift;
		if ((*q++ & 0x80) == 0) {
			*v = x;
			*p = q;
			return 0;
		}
	}
	return -1;
}

void
strlist_pushn(struct strlist *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrndup(s, n);
}

void
strlist_push(struct strlist *l, const char *s)
{
	strlist_pushn(l, s, strlen(s));
}

int
strlist_contains(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

int
strlist_push_unique(struct strlist *l, const char *s)
{
	if (strlist_contains(l, s))
		return 0;
	strlist_push(l, s);
	return 1;
}

int
strlist_pushn_unique(struct strlist *l, const char *s, size_t n)
{
	char *copy = xstrndup(s, n);
	int pushed = strlist_push_unique(l, copy);

	free(copy);
	return pushed;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
strlist_sort(struct strlist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), compare_strings);
}

void
strlist_free(struct strlist *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void
strlist_split(struct strlist *l, const char *s, char sep)
{
	for (;;) {
		const char *at = strchr(s, sep);

		strlist_pushn(l, s, at ? (size_t)(at - s) : strlen(s));
		if (at == NULL)
			return;
		s = at + 1;
	}
}
