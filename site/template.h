/*
 * template.h — fill the site's HTML templates (the .html files of
 * site/templates, compiled into the binary), and escape text for them.
 *
 * A template is text with holes: {{name}} is replaced by the value of
 * name HTML-escaped, {{{name}}} by the value as is (HTML the generator
 * built, itself escaped piece by piece).  A name with no value leaves
 * nothing.  Nothing else is special.
 */
#ifndef PICORPUS_TEMPLATE_H
#define PICORPUS_TEMPLATE_H

#include "buf.h"

struct tvar {
	const char	*name;
	const char	*value;		/* NULL = empty */
};

/* Append tpl to out with its holes filled from vars (NULL-name ended). */
void	template_fill(struct buf *out, const char *tpl,
	    const struct tvar *vars);

/* Append s to b with &, <, >, " and ' escaped for HTML text/attributes. */
void	html_escape(struct buf *b, const char *s);

/*
 * Append s to b as a JavaScript string literal in double quotes: " and \
 * backslashed, control characters and < > & as \uXXXX (safe in a
 * <script> too).  NULL appends "".
 */
void	js_string(struct buf *b, const char *s);

#endif
