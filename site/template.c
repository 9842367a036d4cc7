/*
 * template.c — {{name}} / {{{name}}} holes in HTML templates, and the
 * site's escaping functions, for HTML and for JavaScript (template.h).
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

void
js_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
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
