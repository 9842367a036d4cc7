/*
 * parse.c — source text to logical lines (see parse.h): HTML through
 * libxml2, letter-spacing through normalize.c.
 */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "normalize.h"
#include "parse.h"

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | \
    HTML_PARSE_COMPACT)

static int
is_block(const xmlChar *name)
{
	static const char *const blocks[] = { "p", "li", "ol", "ul", "div",
	    "tr", "table", "br", "h1", "h2", "h3", "h4", "h5", "h6", "dd",
	    "dt", "section", "article", "blockquote", "pre", "hr", NULL };

	for (int i = 0; blocks[i]; i++)
		if (xmlStrcasecmp(name, (const xmlChar *)blocks[i]) == 0)
			return 1;
	return 0;
}

/* Append a newline unless the text is empty or already ends in one. */
static void
break_line(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
}

/* Append text with runs of white space folded to one space. */
static void
put_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		int space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';

		if (!space)
			buf_putc(b, *s);
		else if (b->len > 0 && b->data[b->len - 1] != ' ' &&
		    b->data[b->len - 1] != '\n')
			buf_putc(b, ' ');
	}
}

static void
put_checkbox(struct buf *b, xmlNode *n)
{
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");

	if (type != NULL && xmlStrcasecmp(type, (const xmlChar *)"checkbox")
	    == 0)
		buf_puts(b, xmlHasProp(n, (const xmlChar *)"checked") ?
		    "[○]" : "[ ]");
	xmlFree(type);
}

static void
flatten_node(struct buf *b, xmlNode *n, int depth)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			put_text(b, (const char *)n->content);
		else if (n->type != XML_ELEMENT_NODE)
			continue;
		else if (xmlStrcasecmp(n->name, (const xmlChar *)"input") == 0)
			put_checkbox(b, n);
		else if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0 ||
		    xmlStrcasecmp(n->name, (const xmlChar *)"style") == 0)
			continue;
		else {
			int block = is_block(n->name);

			if (block)
				break_line(b);
			else if (xmlStrcasecmp(n->name,
			    (const xmlChar *)"td") == 0 ||
			    xmlStrcasecmp(n->name, (const xmlChar *)"th") == 0)
				buf_putc(b, ' ');
			if (depth < 256)
				flatten_node(b, n->children, depth + 1);
			if (block)
				break_line(b);
		}
	}
}

char *
html_flatten(const char *html, size_t len)
{
	struct buf b = BUF_INIT;
	htmlDocPtr doc;

	if (len > (size_t)INT32_MAX)
		len = INT32_MAX;
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", HTML_OPTIONS);
	if (doc != NULL)
		flatten_node(&b, xmlDocGetRootElement(doc), 0);
	xmlFreeDoc(doc);
	while (b.len > 0 && (b.data[b.len - 1] == '\n' ||
	    b.data[b.len - 1] == ' '))
		buf_truncate(&b, b.len - 1);
	return buf_detach(&b);
}

/* Does the line hold an HTML tag (<p>, </td>, <input …>)? */
static int
has_tag(const char *s, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++)
		if (s[i] == '<' && (((s[i + 1] | 32) >= 'a' &&
		    (s[i + 1] | 32) <= 'z') || s[i + 1] == '/'))
			return 1;
	return 0;
}

/* Flatten each TAB-separated cell of a line on its own. */
static char *
flatten_cells(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	const char *end = s + len, *tab;

	while (s <= end) {
		tab = memchr(s, '\t', (size_t)(end - s));
		if (tab == NULL)
			tab = end;
		if (has_tag(s, (size_t)(tab - s))) {
			char *cell = html_flatten(s, (size_t)(tab - s));

			buf_puts(&b, cell);
			free(cell);
		} else
			buf_put(&b, s, (size_t)(tab - s));
		if (tab < end)
			buf_putc(&b, '\t');
		s = tab + 1;
	}
	return buf_detach(&b);
}

static void
push_line(struct doc *d, size_t *cap, char *text, int lineno)
{
	if (d->n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		d->lines = xrealloc(d->lines, *cap * sizeof(*d->lines));
	}
	d->lines[d->n].text = text;
	d->lines[d->n].lineno = lineno;
	d->n++;
}

static void
parse_text(const char *text, size_t len, struct doc *d)
{
	const char *s = text, *end = text + len, *nl;
	size_t cap = 0;
	int lineno = 1;
	char *flat, *fixed;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		flat = has_tag(s, (size_t)(nl - s)) ?
		    flatten_cells(s, (size_t)(nl - s)) :
		    xstrndup(s, (size_t)(nl - s));
		fixed = norm_repair_spacing(flat, strlen(flat));
		free(flat);
		push_line(d, &cap, fixed, lineno++);
		s = nl + 1;
	}
}

int
doc_parse(const struct source *src, struct doc *d, struct buf *err)
{
	char *flat = NULL;

	(void)err;
	memset(d, 0, sizeof(*d));
	if (src->format == FORMAT_HTML) {
		flat = html_flatten(src->text, src->len);
		parse_text(flat, strlen(flat), d);
		free(flat);
	} else
		parse_text(src->text, src->len, d);
	return 0;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	d->lines = NULL;
	d->n = 0;
}
