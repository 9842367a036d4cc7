/*
 * diag.c — format "path:line: message" and pass it to the caller's sink,
 * as one printable line: file names and text may hold any bytes.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "encoding.h"

/*
 * Append s to out with what would break the line or the terminal
 * escaped: control characters as \n, \t or \xNN, and bytes that are
 * not UTF-8 as \xNN.
 */
static void
printable(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_next(p + i, n - i, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 &&
		    cp < 0xa0)) {
			if (k == 0)
				k = 1;
			if (p[i] == '\n')
				buf_puts(out, "\\n");
			else if (p[i] == '\t')
				buf_puts(out, "\\t");
			else
				for (size_t j = 0; j < k; j++)
					buf_printf(out, "\\x%02x", p[i + j]);
			i += k;
		} else {
			buf_put(out, p + i, k);
			i += k;
		}
	}
}

void
diag_report(struct diag *d, const char *path, int line, const char *fmt, ...)
{
	struct buf b = BUF_INIT, msg = BUF_INIT;
	va_list ap;

	if (d == NULL)
		return;
	d->count++;
	if (d->sink == NULL)
		return;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	printable(&b, path, strlen(path));
	if (line > 0)
		buf_printf(&b, ":%d", line);
	buf_puts(&b, ": ");
	printable(&b, msg.data ? msg.data : "", msg.len);
	d->sink(d->arg, b.data);
	buf_free(&b);
	buf_free(&msg);
}

void
diag_replay(struct diag *d, const char *lines)
{
	const char *nl;
	char *line;

	for (; d != NULL && lines != NULL && *lines; lines = nl + 1) {
		if ((nl = strchr(lines, '\n')) == NULL)
			nl = lines + strlen(lines) - 1;
		d->count++;
		if (d->sink == NULL)
			continue;
		line = xstrndup(lines, (size_t)(nl - lines) +
		    (*nl != '\n'));
		d->sink(d->arg, line);
		free(line);
	}
}

void
diag_keep(void *buf, const char *line)
{
	buf_printf(buf, "%s\n", line);
}
