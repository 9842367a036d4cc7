/*
 * fuzz_site_html.c — HTML and JavaScript escaping in the site generator.
 * The input is a document (its source text, parsed as text and as
 * Markdown) whose every line is also a field of its case: title,
 * municipality, kind, date, number, department, source path (given the
 * format's extension),
 * consignees, data items, legal basis.  The case page's parts
 * (site_case.c) and a case list row are filled into the layout; the page
 * is read back with libxml2's HTML parser, as a browser would, and must
 * hold nothing that runs: no script, iframe, object, embed, base or
 * meta element, no on* attribute, no link to javascript:, vbscript: or
 * data:.  Every field as a JavaScript literal (js_string()) must stay one
 * string.
 */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "case.h"
#include "fuzz.h"
#include "ingest.h"
#include "parse.h"
#include "site_int.h"
#include "template.h"

extern const char site_layout_html[];

/* Field i of the case: line i of the text, or "". */
static const char *
line_of(const struct strlist *lines, size_t i)
{
	return i < lines->n ? lines->v[i] : "";
}

static struct pcase *
case_of_lines(const struct strlist *lines, int nlines)
{
	struct pcase *c = case_new();
	struct procedure *p;

	c->id = xstrdup("fuzz");
	field_set(&c->title, line_of(lines, 0), 1);
	field_set(&c->municipality, line_of(lines, 1), 2);
	field_set(&c->kind, line_of(lines, 2), 3);
	field_set(&c->date, line_of(lines, 3), 4);
	field_set(&c->number, line_of(lines, 4), 5);
	field_set(&c->department, line_of(lines, 5), 6);
	strlist_push(&c->legal_basis, line_of(lines, 7));
	c->subjects_count = (long long)lines->n;
	p = case_add_procedure(c, PROC_SUBCONTRACT);
	field_set(&p->title, line_of(lines, 8), 9);
	strlist_push(&p->consignees, line_of(lines, 9));
	strlist_push(&p->subcontractors, line_of(lines, 10));
	field_set(&p->partner, line_of(lines, 11), 12);
	strlist_push(&p->data_items, line_of(lines, 12));
	c->line_start = 1;
	c->line_end = nlines > 0 ? nlines : 1;
	return c;
}

/* Does an attribute value name a scheme that runs or embeds? */
static int
runs(const xmlChar *value)
{
	char v[16];
	size_t n = 0;

	for (; value != NULL && *value && n < sizeof(v) - 1; value++)
		if (!isspace(*value) && *value >= 0x20)	/* browsers skip */
			v[n++] = (char)tolower(*value);
	v[n] = '\0';
	return strncmp(v, "javascript:", 11) == 0 ||
	    strncmp(v, "vbscript:", 9) == 0 || strncmp(v, "data:", 5) == 0;
}

static void
check_tree(xmlNode *n)
{
	static const char *const bad[] = {
		"script", "iframe", "object", "embed", "base", "meta", "frame",
		"style", "link", "form", "svg", "math", NULL
	};

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (int i = 0; bad[i]; i++)
			if (strcasecmp((const char *)n->name, bad[i]) == 0) {
				fprintf(stderr, "element <%s>\n", n->name);
				FUZZ_ASSERT(!"an active element in the page");
			}
		for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNode *)a);

			FUZZ_ASSERT(strncasecmp((const char *)a->name, "on", 2));
			FUZZ_ASSERT(!runs(v));
			xmlFree(v);
		}
		check_tree(n->children);
	}
}

/* The head must be the layout's own: a title, its three meta elements
 * and one style sheet, nothing more; the body is checked for anything
 * active. */
static void
check_head(xmlNode *n)
{
	int metas = 0, links = 0;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		metas += strcmp((const char *)n->name, "meta") == 0;
		links += strcmp((const char *)n->name, "link") == 0;
		FUZZ_ASSERT(strcmp((const char *)n->name, "meta") == 0 ||
		    strcmp((const char *)n->name, "link") == 0 ||
		    strcmp((const char *)n->name, "title") == 0);
	}
	FUZZ_ASSERT(metas == 3 && links == 1);
}

static void
check_page(const char *html, size_t len)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)len, "page.html", "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;

	FUZZ_ASSERT(root != NULL);
	for (xmlNode *n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "head") == 0)
			check_head(n->children);
		else
			check_tree(n);
	}
	xmlFreeDoc(doc);
}

/* s as a JavaScript literal: one string, nothing that ends a script. */
static void
check_js(const char *s)
{
	struct buf b = BUF_INIT;
	size_t i;

	js_string(&b, s);
	FUZZ_ASSERT(b.len >= 2 && b.data[0] == '"');
	for (i = 1; i < b.len && b.data[i] != '"'; i++) {
		unsigned char c = (unsigned char)b.data[i];

		FUZZ_ASSERT(c >= 0x20 && c != '<' && c != '>');
		if (c == '\\')
			i++;	/* an escape: the next byte is not the end */
	}
	FUZZ_ASSERT(i == b.len - 1);	/* the closing quote is the last */
	buf_free(&b);
}

static void
check_case_page(struct pcase *c, const char *text, const struct doc *d)
{
	struct buf main = BUF_INIT, page = BUF_INIT;

	case_page_head(&main, c);
	case_page_source(&main, c, text, d, NULL);
	case_table_head(&main);
	case_row(&main, c, "../");
	{
		const struct tvar vars[] = {
			{ "title", c->title.value }, { "root", "../" },
			{ "main", main.data }, { "scripts", NULL },
			{ "version", "fuzz" }, { NULL, NULL }
		};

		template_fill(&page, site_layout_html, vars);
	}
	check_page(page.data, page.len);
	buf_free(&main);
	buf_free(&page);
}

/* The page of c with text as its source, of the format's extension. */
static void
page_as(struct pcase *c, const struct strlist *lines, char *text,
    enum source_format format)
{
	struct source src = { 0 };
	struct doc d = { NULL, 0 };
	struct buf err = BUF_INIT, path = BUF_INIT;

	buf_printf(&path, "%s%s", line_of(lines, 6),	/* a hostile path */
	    format == FORMAT_MARKDOWN ? ".md" : ".txt");
	free(c->source);
	c->source = buf_detach(&path);
	src.path = c->source;
	src.format = format;
	src.text = text;
	src.len = strlen(text);
	if (doc_parse(&src, &d, &err) == 0)
		check_case_page(c, text, &d);
	doc_free(&d);
	buf_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strlist lines = STRLIST_INIT;
	struct pcase *c;
	char *text = fuzz_string(data, size);
	const char *p;

	if (!fuzz_valid_utf8(text, strlen(text))) {	/* as decoded */
		free(text);
		return 0;
	}
	for (p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		strlist_pushn(&lines, p, n);
		p += n + (nl != NULL);
	}
	c = case_of_lines(&lines, (int)lines.n);
	page_as(c, &lines, text, FORMAT_TEXT);
	page_as(c, &lines, text, FORMAT_MARKDOWN);
	for (size_t i = 0; i < lines.n; i++)
		check_js(lines.v[i]);
	case_free(c);
	strlist_free(&lines);
	free(text);
	return 0;
}
