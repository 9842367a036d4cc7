/*
 * diag.c — format "path:line: message" and pass it to the caller's sink.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

void
diag_report(struct diag *d, const char *path, int line, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (d == NULL)
		return;
	d->count++;
	if (d->sink == NULL)
		return;
	if (line > 0)
		buf_printf(&b, "%s:%d: ", path, line);
	else
		buf_printf(&b, "%s: ", path);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d->sink(d->arg, b.data);
	buf_free(&b);
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
