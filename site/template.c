/*
 * template.c — {{name}} / {{{name}}} holes in HTML templates, and the
 * one HTML escaping function of the site (template.h).
 */
#include <string.h>

#include "template.h"

void
html_escape(struct buf *b, const char *s)
{
	for (; s != NULL && *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
}

static const char *
lookup(const struct tvar *vars, const char *name, size_t len)
{
	for (; vars != NULL && vars->name != NULL; vars++)
		if (strlen(vars->name) == len &&
		    strncmp(vars->name, name, len) == 0)
			return vars->value;
	return NULL;
}

void
template_fill(struct buf *out, const char *tpl, const struct tvar *vars)
{
	const char *p = tpl, *open, *close, *value;

	while ((open = strstr(p, "{{")) != NULL) {
		int raw = strncmp(open, "{{{", 3) == 0;
		const char *name = open + (raw ? 3 : 2);

		close = strstr(name, raw ? "}}}" : "}}");
		if (close == NULL)
			break;
		buf_put(out, p, (size_t)(open - p));
		value = lookup(vars, name, (size_t)(close - name));
		if (raw)
			buf_puts(out, value ? value : "");
		else
			html_escape(out, value);
		p = close + (raw ? 3 : 2);
	}
	buf_puts(out, p);
}
