/*
 * parse.c — source text to logical lines (see parse.h): plain text line
 * by line, HTML through libxml2 (fragments inside lines and whole
 * pages), Markdown through cmark; letter-spacing through normalize.c.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "csv.h"
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
	    "dt", "section", "article", "blockquote", "pre", "hr", "title",
	    "head", "body", NULL };

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
	if (b->len > 0 && b->data[b->len - 1] != '\n' &&
	    b->data[b->len - 1] != '\t')
		buf_putc(b, '\n');	/* (a cell's first block: no break) */
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

static int
is_named(const xmlNode *n, const char *name)
{
	return xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static void
put_checkbox(struct buf *b, xmlNode *n)
{
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type"), *value;

	if (type != NULL && (xmlStrcasecmp(type, (const xmlChar *)"checkbox")
	    == 0 || xmlStrcasecmp(type, (const xmlChar *)"radio") == 0))
		buf_puts(b, xmlHasProp(n, (const xmlChar *)"checked") ?
		    "[○]" : "[ ]");
	else if ((type == NULL || (xmlStrcasecmp(type, (const xmlChar *)
	    "hidden") != 0 && xmlStrcasecmp(type, (const xmlChar *)"submit")
	    != 0 && xmlStrcasecmp(type, (const xmlChar *)"button") != 0)) &&
	    (value = xmlGetProp(n, (const xmlChar *)"value")) != NULL) {
		put_text(b, (const char *)value);	/* a filled-in field */
		xmlFree(value);
	}
	xmlFree(type);
}

/* A drop-down list's chosen option (the first when none is marked
 * selected), as the page shows it; not every option. */
static void
put_selected(struct buf *b, xmlNode *select)
{
	xmlNode *chosen = NULL;

	for (xmlNode *o = select->children; o != NULL; o = o->next) {
		if (o->type != XML_ELEMENT_NODE || !is_named(o, "option"))
			continue;
		if (chosen == NULL || xmlHasProp(o, (const xmlChar *)"selected"))
			chosen = o;
		if (xmlHasProp(o, (const xmlChar *)"selected"))
			break;
	}
	if (chosen != NULL) {
		xmlChar *text = xmlNodeGetContent(chosen);

		put_text(b, (const char *)text);
		xmlFree(text);
	}
}

static void	add_line(struct doc *d, size_t *cap, const char *text, size_t n,
		    int lineno);

/*
 * The one walk over an HTML tree.  For a whole page (d set) every block
 * becomes a line of d and table cells are joined by TAB; for a fragment
 * (d NULL) everything goes into one buffer, blocks separated by '\n' and
 * cells by ' '.  Scripts and styles are skipped, checkboxes read.
 */
struct page {
	struct doc	*d;		/* lines go here, or NULL: a fragment */
	size_t		*cap;
	struct buf	 line;	/* the line being built */
	int		 lineno;	/* its source line */
	int		 in_cell;	/* inside <td>/<th>: blocks break lines
					   within the row, not the row */
	int		 heading;	/* level of the <hN> being read, or 0 */
	struct spans	*spans;		/* rowspan cells of the open table */
	int		 flat_table;	/* inside a table read as a cell's
					   lines (is_leaf_table) */
	const xmlNode	*done;		/* a <dd> already read with its <dt> */
};

/*
 * Cells of a table that span rows: each column's text and how many more
 * rows it covers, so that the rows below get the cell too.
 */
#define MAX_SPAN_COLS 32

struct spans {
	char	*text[MAX_SPAN_COLS];	/* owned, or NULL */
	int	 left[MAX_SPAN_COLS];	/* rows still covered */
	int	 col;			/* column of the next cell in the row */
};

static void
page_flush(struct page *pg)
{
	while (pg->line.len > 0 && (pg->line.data[pg->line.len - 1] == ' ' ||
	    pg->line.data[pg->line.len - 1] == '\t'))
		buf_truncate(&pg->line, pg->line.len - 1);
	if (pg->line.len > 0) {
		add_line(pg->d, pg->cap, pg->line.data, pg->line.len,
		    pg->lineno);
		pg->d->lines[pg->d->n - 1].heading = pg->heading;
	}
	buf_truncate(&pg->line, 0);
}

static int
heading_level(const xmlChar *name)
{
	if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' &&
	    name[1] <= '6' && name[2] == '\0')
		return name[1] - '0';
	return 0;
}

/* Put the cells that rows above span at the row's next columns. */
static void
put_spanned(struct page *pg)
{
	struct spans *sp = pg->spans;

	while (sp->col < MAX_SPAN_COLS && sp->left[sp->col] > 0) {
		if (pg->line.len > 0)
			buf_putc(&pg->line, '\t');
		buf_puts(&pg->line, sp->text[sp->col]);
		sp->left[sp->col]--;
		sp->col++;
	}
}

/* After a cell with rowspan="N": remember its text for the next rows. */
static void
note_span(struct page *pg, xmlNode *cell, size_t cell_start)
{
	struct spans *sp = pg->spans;
	xmlChar *attr = xmlGetProp(cell, (const xmlChar *)"rowspan");
	int rows = attr ? atoi((const char *)attr) : 1, cols;

	xmlFree(attr);
	attr = xmlGetProp(cell, (const xmlChar *)"colspan");
	cols = attr ? atoi((const char *)attr) : 1;
	xmlFree(attr);
	if (cols < 1)
		cols = 1;
	if (sp->col < MAX_SPAN_COLS && rows > 1) {
		free(sp->text[sp->col]);
		sp->text[sp->col] = xstrndup(pg->line.data + cell_start,
		    pg->line.len - cell_start);
		sp->left[sp->col] = rows > 1000 ? 1000 : rows - 1;
	}
	sp->col++;
	/* the columns a colspan covers: empty cells, so that the cells
	   below stay under their heads ("委託期間" over "開始 | 終了") */
	for (int c = 1; c < cols && sp->col < MAX_SPAN_COLS; c++) {
		buf_putc(&pg->line, '\t');
		if (rows > 1) {
			free(sp->text[sp->col]);
			sp->text[sp->col] = xstrdup("");
			sp->left[sp->col] = rows > 1000 ? 1000 : rows - 1;
		}
		sp->col++;
	}
}

static void
spans_free(struct spans *sp)
{
	for (int i = 0; i < MAX_SPAN_COLS; i++)
		free(sp->text[i]);
	free(sp);
}

static void	page_walk(struct page *pg, xmlNode *n, int depth);

/* A <table> of a whole page: rows know the cells spanned from above. */
static void
walk_table(struct page *pg, xmlNode *n, int depth)
{
	struct spans *outer = pg->spans;

	pg->spans = xcalloc(1, sizeof(*pg->spans));
	page_flush(pg);
	page_walk(pg, n->children, depth + 1);
	page_flush(pg);
	spans_free(pg->spans);
	pg->spans = outer;
}

/* One <td>/<th> of a whole page's table row. */
static void
walk_cell(struct page *pg, xmlNode *n, int depth)
{
	size_t start;

	if (pg->spans != NULL)
		put_spanned(pg);
	if (pg->line.len > 0)
		buf_putc(&pg->line, '\t');
	else
		pg->lineno = (int)xmlGetLineNo(n);
	start = pg->line.len;
	pg->in_cell++;
	page_walk(pg, n->children, depth + 1);
	pg->in_cell--;
	while (pg->line.len > start && (pg->line.data[pg->line.len - 1] ==
	    '\n' || pg->line.data[pg->line.len - 1] == ' '))
		buf_truncate(&pg->line, pg->line.len - 1);	/* (its last
								   block's end) */
	if (pg->spans != NULL)
		note_span(pg, n, start);
}

static void	walk_node(struct page *pg, xmlNode *n, int depth);

/* Does n hold a table (depth levels down at most)? */
static int
holds_table(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL && depth > 0;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE && (is_named(c, "table") ||
		    holds_table(c, depth - 1)))
			return 1;
	return 0;
}

/* A table holding no table: a grid of values. */
static int
is_leaf_table(const xmlNode *table)
{
	return !holds_table(table, 32);
}

/* Is the cell that holds n followed by more cells of its row? */
static int
cells_follow(const xmlNode *n)
{
	const xmlNode *cell = n->parent;

	while (cell != NULL && cell->type == XML_ELEMENT_NODE &&
	    !is_named(cell, "td") && !is_named(cell, "th"))
		cell = cell->parent;
	if (cell == NULL || cell->type != XML_ELEMENT_NODE)
		return 0;
	for (const xmlNode *c = cell->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (is_named(c, "td") ||
		    is_named(c, "th")))
			return 1;
	return 0;
}

static void
page_walk(struct page *pg, xmlNode *n, int depth)
{
	for (; n != NULL && depth < 256; n = n->next)
		walk_node(pg, n, depth);
}

/* Is n all white space (a text node between elements)? */
static int
is_blank_text(const xmlNode *n)
{
	const xmlChar *s = n->content;

	if (n->type == XML_COMMENT_NODE)
		return 1;
	if (n->type != XML_TEXT_NODE || s == NULL)
		return 0;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Does n (or what it holds, depth levels down) contain a block or a
 * table cell? */
static int
holds_block(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (is_block(c->name) ||
		    is_named(c, "td") || is_named(c, "th") || depth <= 0 ||
		    holds_block(c, depth - 1)))
			return 1;
	return 0;
}

#define PAIR_LABEL_MAX	(3 * 20)	/* bytes of a side-by-side label */

/*
 * "<li><span class=k>担当課</span><span class=v>税務部収納課</span></li>",
 * "<div class=row><div>委託先</div><div>株式会社…</div></div>": a block
 * whose children are two to four elements side by side and nothing
 * between them, the first a short one-line label — cells of a row laid
 * out by a style sheet instead of a table.
 */
static int
is_cells_block(const xmlNode *n)
{
	const xmlNode *first = NULL;
	int elements = 0;
	xmlChar *label;
	size_t len;

	if (!is_named(n, "li") && !is_named(n, "p") && !is_named(n, "div") &&
	    !is_named(n, "dt"))
		return 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (is_blank_text(c))
			continue;
		if (c->type != XML_ELEMENT_NODE || is_named(c, "br") ||
		    is_named(c, "table") || is_named(c, "ul") ||
		    is_named(c, "ol") || (is_block(c->name) &&
		    !is_named(c, "div")))
			return 0;
		if (first == NULL)
			first = c;
		elements++;
	}
	if (elements < 2 || elements > 4 || holds_block(first, 16))
		return 0;
	label = xmlNodeGetContent(first);
	len = label ? strlen((const char *)label) : 0;
	xmlFree(label);
	return len > 0 && len <= PAIR_LABEL_MAX;
}

/* The <dd> right after <dt> n when it holds only text (a value on one
 * line), or NULL. */
static const xmlNode *
simple_definition(const xmlNode *n)
{
	const xmlNode *c = n->next;

	while (c != NULL && is_blank_text(c))
		c = c->next;
	if (c == NULL || c->type != XML_ELEMENT_NODE || !is_named(c, "dd") ||
	    holds_block(c, 16) || holds_block(n, 16))
		return NULL;
	return c;
}

/* "<dt>担当課</dt><dd>企画観光課</dd>": one row, label TAB value. */
static void
walk_definition(struct page *pg, xmlNode *dt, xmlNode *dd, int depth)
{
	page_flush(pg);
	pg->lineno = (int)xmlGetLineNo(dt);
	page_walk(pg, dt->children, depth + 1);
	buf_putc(&pg->line, '\t');
	page_walk(pg, dd->children, depth + 1);
	page_flush(pg);
	pg->done = dd;
}

/* The children of a cells block as one row, TAB between them. */
static void
walk_cells_block(struct page *pg, xmlNode *n, int depth)
{
	int first = 1;

	page_flush(pg);
	pg->lineno = (int)xmlGetLineNo(n);
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (is_blank_text(c))
			continue;
		if (!first)
			buf_putc(&pg->line, '\t');
		first = 0;
		pg->in_cell++;
		if (is_block(c->name))	/* a <div> cell: its text, no break */
			page_walk(pg, c->children, depth + 1);
		else
			walk_node(pg, c, depth + 1);
		pg->in_cell--;
		while (pg->line.len > 0 && (pg->line.data[pg->line.len - 1] ==
		    '\n' || pg->line.data[pg->line.len - 1] == ' '))
			buf_truncate(&pg->line, pg->line.len - 1);
	}
	page_flush(pg);
}

/*
 * A <pre> of a whole page: text pasted as it was typed (a handout in
 * fixed-width columns), so its lines are lines, spaces and all, as a
 * plain-text file's are.
 */
static void
walk_pre(struct page *pg, xmlNode *n)
{
	xmlChar *content = xmlNodeGetContent(n);
	const char *s = (const char *)content, *nl;
	int line = (int)xmlGetLineNo(n);

	page_flush(pg);
	if (s != NULL && *s == '\n')	/* the break after <pre> is markup */
		s++, line++;
	for (; s != NULL && *s; s = *nl ? nl + 1 : nl, line++) {
		size_t len;

		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		len = (size_t)(nl - s);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		add_line(pg->d, pg->cap, s, len, line);
	}
	xmlFree(content);
}

static void
walk_node(struct page *pg, xmlNode *n, int depth)
{
	int block, cell, inline_blocks, level;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (pg->line.len == 0)
			pg->lineno = (int)xmlGetLineNo(n);
		put_text(&pg->line, (const char *)n->content);
		return;
	}
	/* (a button's words are the page's controls: tabs, search; ruby
	   text is a reading of the word it is over, not more words) */
	if (n->type != XML_ELEMENT_NODE || is_named(n, "script") ||
	    is_named(n, "style") || is_named(n, "button") ||
	    is_named(n, "template") || is_named(n, "rt") ||
	    is_named(n, "rp"))
		return;
	if (is_named(n, "input")) {
		put_checkbox(&pg->line, n);
		return;
	}
	if (is_named(n, "select")) {
		put_selected(&pg->line, n);
		return;
	}
	cell = is_named(n, "td") || is_named(n, "th");
	inline_blocks = pg->in_cell || pg->d == NULL;
	if (pg->d != NULL && is_named(n, "table") && pg->in_cell &&
	    is_leaf_table(n) && cells_follow(n)) {
		/* a grid of values in a cell mid-row (items two to a row):
		   the cell's lines, one per value; the row goes on */
		pg->flat_table++;
		page_walk(pg, n->children, depth + 1);
		pg->flat_table--;
		break_line(&pg->line);
		return;
	}
	if (pg->d != NULL && is_named(n, "table")) {
		/* a table, or one nested in a cell: its own rows */
		int outer = pg->in_cell;

		pg->in_cell = 0;
		walk_table(pg, n, depth);
		pg->in_cell = outer;
		return;
	}
	if (!inline_blocks && cell) {
		walk_cell(pg, n, depth);
		return;
	}
	if (!inline_blocks && pg->d != NULL && is_named(n, "pre")) {
		walk_pre(pg, n);
		return;
	}
	if (!inline_blocks && pg->d != NULL && is_named(n, "dt") &&
	    simple_definition(n) != NULL) {
		walk_definition(pg, n, (xmlNode *)simple_definition(n), depth);
		return;
	}
	if (n == pg->done)
		return;
	if (!inline_blocks && pg->d != NULL && is_cells_block(n)) {
		walk_cells_block(pg, n, depth);
		return;
	}
	block = is_block(n->name) && !cell;
	level = inline_blocks ? 0 : heading_level(n->name);
	if (block && inline_blocks)
		break_line(&pg->line);
	else if (block)
		page_flush(pg);
	else if (cell && pg->flat_table)
		break_line(&pg->line);
	else if (cell && pg->line.len > 0)
		buf_putc(&pg->line, ' ');
	if (pg->line.len == 0)
		pg->lineno = (int)xmlGetLineNo(n);
	if (!inline_blocks && is_named(n, "tr") && pg->spans != NULL)
		pg->spans->col = 0;
	pg->heading = level ? level : pg->heading;
	pg->in_cell += cell;
	page_walk(pg, n->children, depth + 1);
	pg->in_cell -= cell;
	if (!inline_blocks && is_named(n, "tr") && pg->spans != NULL)
		put_spanned(pg);
	if (block && inline_blocks)
		break_line(&pg->line);
	else if (block)
		page_flush(pg);
	if (level)
		pg->heading = 0;
}

/* Parse html (recovering, no network) and walk it into pg. */
static void
walk_html(struct page *pg, const char *html, size_t len)
{
	htmlDocPtr doc;

	if (len > (size_t)INT32_MAX)
		len = INT32_MAX;
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", HTML_OPTIONS);
	if (doc != NULL)
		page_walk(pg, xmlDocGetRootElement(doc), 0);
	xmlFreeDoc(doc);
}

char *
html_flatten(const char *html, size_t len)
{
	struct page pg = { NULL, NULL, BUF_INIT, 1, 0, 0, NULL, 0, NULL };

	walk_html(&pg, html, len);
	while (pg.line.len > 0 && (pg.line.data[pg.line.len - 1] == '\n' ||
	    pg.line.data[pg.line.len - 1] == ' '))
		buf_truncate(&pg.line, pg.line.len - 1);
	return buf_detach(&pg.line);
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

void
doc_push(struct doc *d, size_t *cap, const struct doc_line *like,
    char *text)
{
	if (d->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		d->lines = xrealloc(d->lines, *cap * sizeof(*d->lines));
	}
	d->lines[d->n] = *like;
	d->lines[d->n++].text = text;
}

static void
push_line(struct doc *d, size_t *cap, char *text, int lineno)
{
	struct doc_line l = { NULL, lineno, 0 };

	doc_push(d, cap, &l, text);
}

/*
 * A page number left by PDF extraction: "- 3 -", "３ / １０", or a lone
 * number pushed far right ("                  ２").
 */
static int
is_page_number(const char *s, size_t n)
{
	char *nf = norm_nfkc(s, n), *p = nf;
	int lead = 0, digits = 0, dashes = 0, other = 0;

	while (*p == ' ' || *p == '\t' || *p == '\f')
		p++, lead++;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '-' || *p == '/')
			dashes++;
		else if (*p != ' ' && *p != '\f' && *p != '\r')
			other++;
	}
	free(nf);
	return other == 0 && digits > 0 && digits <= 4 &&
	    (dashes > 0 || lead >= 8);
}

static void	md_drop_extensions(struct buf *b);

/* s (owned) with Markdown's footnote marks and struck text dropped. */
static char *
without_md_marks(char *s)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, s);
	free(s);
	md_drop_extensions(&b);
	return buf_detach(&b);
}

/* A CSV export: each record one line of TAB-separated cells. */
static void
parse_csv(const char *text, size_t len, struct doc *d)
{
	const char *s = text, *end = text + len;
	size_t cap = 0;
	int lineno = 1;

	while (s < end) {
		struct buf row = BUF_INIT;
		int lines = csv_record(&s, end, &row);

		push_line(d, &cap, buf_detach(&row), lineno);
		lineno += lines;
	}
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
		if (is_page_number(s, (size_t)(nl - s))) {
			s = nl + 1;	/* a footer such as "- 3 -": dropped */
			lineno++;
			continue;
		}
		flat = has_tag(s, (size_t)(nl - s)) ?
		    flatten_cells(s, (size_t)(nl - s)) :
		    xstrndup(s, (size_t)(nl - s));
		if (strstr(flat, "[^") != NULL || strstr(flat, "~~") != NULL)
			flat = without_md_marks(flat);	/* Markdown typeset
							   as it was written */
		fixed = norm_repair_spacing(flat, strlen(flat));
		free(flat);
		push_line(d, &cap, fixed, lineno++);
		s = nl + 1;
	}
}

/* Add one finished line (letter-spacing repaired) to d. */
static void
add_line(struct doc *d, size_t *cap, const char *text, size_t n, int lineno)
{
	char *fixed = norm_repair_spacing(text, n);

	push_line(d, cap, fixed, lineno);
}

static void
parse_html_page(const char *text, size_t len, struct doc *d)
{
	struct page pg = { d, NULL, BUF_INIT, 1, 0, 0, NULL, 0, NULL };
	size_t cap = 0;

	pg.cap = &cap;
	walk_html(&pg, text, len);
	page_flush(&pg);
	buf_free(&pg.line);
}

/* ---- Markdown: one line per source line of each block ---- */

struct md {
	struct doc	*d;
	size_t		*cap;
	struct buf	 line;
	int		 lineno;
	int		 item_no;	/* number of the ordered item, or 0 */
	int		 heading;	/* level of the heading being read */
};

/*
 * GitHub's Markdown read from the text CommonMark leaves: footnote
 * marks ("条例[^jorei]第11条") go, a footnote's own line ("[^jorei]: …")
 * is a note (※…), struck-out text (~~所得区分~~) was deleted.
 */
static void
md_drop_extensions(struct buf *b)
{
	struct buf out = BUF_INIT;
	const char *s = b->data, *end = b->data + b->len;

	if (b->len == 0 || (strstr(s, "[^") == NULL && strstr(s, "~~") == NULL))
		return;	/* (most lines: nothing to drop, nothing copied) */
	if (str_has_prefix(s, "[^") && strstr(s, "]:") != NULL) {
		buf_puts(&out, "※");
		s = strstr(s, "]:") + 2;
		while (*s == ' ')
			s++;
	}
	while (s < end) {
		const char *close;

		if (str_has_prefix(s, "[^") && (close = memchr(s, ']',
		    (size_t)(end - s))) != NULL && close - s < 40) {
			s = close + 1;	/* a footnote's mark */
			continue;
		}
		if (str_has_prefix(s, "~~") && (close = strstr(s + 2, "~~")) !=
		    NULL && close < end) {
			s = close + 2;	/* struck out */
			continue;
		}
		buf_putc(&out, *s++);
	}
	buf_truncate(b, 0);
	buf_put(b, out.data, out.len);
	buf_free(&out);
	while (b->len > 0 && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '\t'))
		buf_truncate(b, b->len - 1);
}

static void
md_flush(struct md *m)
{
	md_drop_extensions(&m->line);
	if (m->line.len > 0) {
		char *flat = has_tag(m->line.data, m->line.len) ?
		    flatten_cells(m->line.data, m->line.len) :
		    xstrdup(m->line.data);

		add_line(m->d, m->cap, flat, strlen(flat), m->lineno);
		m->d->lines[m->d->n - 1].heading = m->heading;
		free(flat);
	}
	buf_truncate(&m->line, 0);
}

/* Literal blocks (code, raw HTML): their lines as they are. */
static void
md_literal(struct md *m, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *nl;
	int line = cmark_node_get_start_line(n);

	for (; lit != NULL && *lit; lit = nl + 1, line++) {
		nl = strchr(lit, '\n');
		if (nl == NULL)
			nl = lit + strlen(lit);
		buf_put(&m->line, lit, (size_t)(nl - lit));
		m->lineno = line;
		md_flush(m);
		if (*nl == '\0')
			break;
	}
}

/* "担当: 保育課", "**担当**　保育課": an entry that pairs a label with a
 * value, after a colon or an ideographic space. */
static int
has_label_colon(const char *s)
{
	static const char *const marks[] = { ":", "：", "\xe3\x80\x80", NULL };
	const char *c = NULL;

	for (int i = 0; marks[i]; i++) {
		const char *hit = strstr(s, marks[i]);

		if (hit != NULL && (c == NULL || hit < c))
			c = hit;
	}
	return c != NULL && c > s && c - s <= 3 * 16;
}

/*
 * A bullet list of short entries (氏名 / 住所 / …) is an item list: it
 * becomes one line joined by 、, as the documents write such lists.
 */
static void
md_join_list(struct doc *d, size_t first)
{
	struct buf joined = BUF_INIT;

	if (d->n - first < 2)
		return;
	for (size_t i = first; i < d->n; i++)
		if (strlen(d->lines[i].text) > 3 * 40 ||
		    strstr(d->lines[i].text, "。") != NULL ||
		    has_label_colon(d->lines[i].text))
			return;
	for (size_t i = first; i < d->n; i++) {
		buf_printf(&joined, "%s%s", i > first ? "、" : "",
		    d->lines[i].text);
		free(d->lines[i].text);
	}
	d->lines[first].text = buf_detach(&joined);
	d->n = first + 1;
}

static void
md_enter(struct md *m, cmark_node *n, size_t *list_first)
{
	cmark_node *parent;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		*list_first = m->d->n;
		break;
	case CMARK_NODE_HEADING:
	case CMARK_NODE_PARAGRAPH:
		m->lineno = cmark_node_get_start_line(n);
		m->heading = cmark_node_get_type(n) == CMARK_NODE_HEADING ?
		    cmark_node_get_heading_level(n) : 0;
		parent = cmark_node_parent(n);
		if (m->item_no > 0 && parent != NULL &&
		    cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
		    cmark_node_first_child(parent) == n)
			buf_printf(&m->line, "%d ", m->item_no);
		break;
	case CMARK_NODE_ITEM:
		parent = cmark_node_parent(n);
		m->item_no = cmark_node_get_list_type(parent) ==
		    CMARK_ORDERED_LIST ? cmark_node_get_list_start(parent) : 0;
		for (cmark_node *s = cmark_node_first_child(parent);
		    m->item_no > 0 && s != n; s = cmark_node_next(s))
			m->item_no++;
		break;
	case CMARK_NODE_TEXT:
		parent = cmark_node_parent(n);
		if (parent != NULL && cmark_node_get_type(parent) ==
		    CMARK_NODE_LINK && cmark_node_get_literal(n)[0] == '^')
			break;	/* a footnote's mark read as a link ([^1]) */
		buf_puts(&m->line, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		buf_puts(&m->line, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		md_flush(m);
		m->lineno++;
		break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		md_literal(m, n);
		break;
	default:
		break;
	}
}

/*
 * A YAML front matter ("---", "title: …", "---" at the top, as converters
 * write it): metadata, not the document's text (cmark would read it as a
 * setext heading).  A copy of text with its lines emptied, newlines kept
 * so that line numbers hold; NULL when there is none.
 */
static char *
without_front_matter(const char *text, size_t len)
{
	const char *p, *end = text + len;
	char *copy;

	if (len < 4 || strncmp(text, "---", 3) != 0 ||
	    (text[3] != '\n' && text[3] != '\r'))
		return NULL;
	for (p = memchr(text, '\n', len); p != NULL && p + 1 < end;
	    p = memchr(p + 1, '\n', (size_t)(end - p - 1))) {
		const char *line = p + 1;

		if ((strncmp(line, "---", 3) == 0 || strncmp(line, "...", 3) ==
		    0) && (line + 3 == end || line[3] == '\n' ||
		    line[3] == '\r')) {
			size_t n = (size_t)(line + 3 - text);

			copy = xmalloc(len + 1);
			memcpy(copy, text, len);
			copy[len] = '\0';
			for (size_t i = 0; i < n; i++)
				if (copy[i] != '\n')
					copy[i] = ' ';
			return copy;
		}
		if (line - text > 4096)
			break;	/* no end: a rule, not front matter */
	}
	return NULL;
}

static void
parse_markdown(const char *text, size_t len, struct doc *d)
{
	char *bare = without_front_matter(text, len);
	cmark_node *root = cmark_parse_document(bare ? bare : text, len,
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(root);
	struct md m = { d, NULL, BUF_INIT, 1, 0, 0 };
	cmark_event_type ev;
	size_t cap = 0, list_first = 0;

	m.cap = &cap;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER)
			md_enter(&m, n, &list_first);
		else if (t == CMARK_NODE_HEADING || t == CMARK_NODE_PARAGRAPH)
			md_flush(&m);
		else if (t == CMARK_NODE_LIST &&
		    cmark_node_get_list_type(n) == CMARK_BULLET_LIST)
			md_join_list(d, list_first);
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	buf_free(&m.line);
	free(bare);
}

/* ---- reStructuredText's markup in plain text ---- */

/* Is s a title's under- or overline ("=====", "-----"): one of = - ~ ^
 * repeated, about as wide as the title (width columns)?  Its char. */
static int
underline_of(const char *s, size_t width)
{
	size_t n = strlen(s);

	if (n < 3 || (s[0] != '=' && s[0] != '-' && s[0] != '~' &&
	    s[0] != '^') || strspn(s, (char[]){ s[0], '\0' }) != n)
		return 0;
	return n * 10 >= width * 7 && n <= width * 2 + 4 ? s[0] : 0;
}

/* Does s open a reStructuredText directive or comment (".. note::")? */
static int
is_rst_directive(const char *s)
{
	while (*s == ' ')
		s++;
	return s[0] == '.' && s[1] == '.' && s[2] == ' ';
}

/* Drop the empty lines of d in [from, to) (a table's rows stand
 * together); returns where `to` is now. */
static size_t
drop_emptied(struct doc *d, size_t from, size_t to)
{
	size_t out = from;

	for (size_t i = from; i < to; i++)
		if (d->lines[i].text[0] != '\0')
			d->lines[out++] = d->lines[i];
		else
			free(d->lines[i].text);
	memmove(d->lines + out, d->lines + to, (d->n - to) *
	    sizeof(*d->lines));
	d->n -= to - out;
	return out;
}

/* ":担当課: 学校教育課" (a field list): "担当課：学校教育課", in place. */
static void
rst_field(char *t)
{
	char *end;

	if (t[0] != ':' || (end = strchr(t + 1, ':')) == NULL ||
	    end - t > 3 * 12 + 1 || end == t + 1 || memchr(t, ' ',
	    (size_t)(end - t)) != NULL || (end[1] != ' ' && end[1] != '\0'))
		return;
	memmove(t, t + 1, (size_t)(end - t - 1));
	if (end[1] == '\0')
		end[-1] = '\0';		/* ":担当課:" alone: the label */
	else
		memcpy(end - 1, "：", 3);	/* ":" and " " make room */
}

/* "* - 項目" / "  - 内容" rows of a ".. list-table::" from line i: each
 * row one TAB line, its cells' own bullets joined by 、; returns the
 * line after the table. */
static size_t
rst_list_table(struct doc *d, size_t i)
{
	const char *cap = strstr(d->lines[i].text, "list-table::") +
	    strlen("list-table::");
	size_t j = i + 1, row = SIZE_MAX;
	struct buf cells = BUF_INIT;

	while (*cap == ' ')
		cap++;
	memmove(d->lines[i].text, cap, strlen(cap) + 1);	/* its caption */
	for (; j < d->n; j++) {
		char *t = d->lines[j].text, *u = t;

		while (*u == ' ')
			u++;
		if (*u == '\0' || (*u == ':' && row == SIZE_MAX)) {
			t[0] = '\0';	/* options, blank lines */
			continue;
		}
		if (u == t)
			break;	/* back at the margin: the table ended */
		if (u[0] == '*' && u[1] == ' ' && u[2] == '-' && u[3] == ' ') {
			if (row != SIZE_MAX) {
				free(d->lines[row].text);
				d->lines[row].text = buf_detach(&cells);
			}
			row = j;
			buf_puts(&cells, u + 4);
		} else if (u[0] == '-' && u[1] == ' ' && row != SIZE_MAX) {
			buf_putc(&cells, '\t');
			u += 2;
			buf_puts(&cells, u + (u[0] == '*' && u[1] == ' ' ? 2 : 0));
		} else if (row != SIZE_MAX) {
			int bullet = u[0] == '*' && u[1] == ' ';

			if (cells.len > 0 && cells.data[cells.len - 1] != '\t')
				buf_puts(&cells, bullet ? "、" : "");
			buf_puts(&cells, u + (bullet ? 2 : 0));
		}
		if (row != j)
			t[0] = '\0';
	}
	if (row != SIZE_MAX) {
		free(d->lines[row].text);
		d->lines[row].text = buf_detach(&cells);
	}
	buf_free(&cells);
	return drop_emptied(d, i + 1, j);
}

/*
 * Plain text written in reStructuredText (a site built with Sphinx):
 * titles under- (and over-) lined with = - ~ ^ are headings (over and
 * under first, then = - and the rest), field lists (:担当課: …) pairs,
 * list-tables rows, directives and comments go (their indented text
 * stays).
 */
static void
rst_markup(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *t = d->lines[i].text;
		int u;

		if (is_rst_directive(t) && strstr(t, "list-table::") != NULL) {
			i = rst_list_table(d, i) - 1;
			continue;
		}
		if (is_rst_directive(t)) {
			t[0] = '\0';
			while (i + 1 < d->n && d->lines[i + 1].text[0] == ' ' &&
			    strchr(d->lines[i + 1].text, ':') != NULL &&
			    d->lines[i + 1].text[strspn(d->lines[i + 1].text,
			    " ")] == ':')
				d->lines[++i].text[0] = '\0';	/* options */
			continue;
		}
		rst_field(t);
		if (i + 1 < d->n && *t != '\0' && *t != ' ' &&
		    strstr(t, "。") == NULL && (size_t)norm_width(t, strlen(t)) <= 80 &&
		    (u = underline_of(d->lines[i + 1].text, (size_t)norm_width(t, strlen(t))))) {
			d->lines[i].heading = u == '=' ? 2 : u == '-' ? 3 : 4;
			d->lines[i + 1].text[0] = '\0';
			if (i > 0 && underline_of(d->lines[i - 1].text,
			    (size_t)norm_width(t, strlen(t))) == u) {
				d->lines[i - 1].text[0] = '\0';
				d->lines[i].heading = 1;	/* over and under */
			}
		}
	}
}

int
doc_parse(const struct source *src, struct doc *d, struct buf *err)
{
	(void)err;
	memset(d, 0, sizeof(*d));
	if (src->format == FORMAT_HTML)
		parse_html_page(src->text, src->len, d);
	else if (src->format == FORMAT_MARKDOWN)
		parse_markdown(src->text, src->len, d);
	else if (csv_sniff(src->text, src->len))	/* typeset, too */
		parse_csv(src->text, src->len, d);
	else {
		parse_text(src->text, src->len, d);
		if (src->format != FORMAT_PDF)
			rst_markup(d);
	}
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
