/*
 * cmd_text.c — picorpus text: print the text picorpus reads from
 * documents, as the build sees it (decoded to UTF-8; a PDF's text
 * layer in reading order, tables as TAB rows, headers, footers and page
 * numbers dropped).  With --lines each line is prefixed by where it
 * comes from: "file:line:" or, for a PDF, "file:page:line:".
 */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ingest.h"
#include "parse.h"
#include "pdf.h"
#include "rows.h"

static const char usage[] =
"usage: picorpus text [--lines] [--rows] FILE...\n\n"
"Print the text picorpus reads from each FILE (.txt .md .html .pdf).\n"
"--lines prefixes each line with FILE:LINE: (FILE:PAGE:LINE: for a PDF).\n"
"--rows prints the lines the extractor reads instead: the document parsed,\n"
"       every label/value pairing as LABEL<TAB>VALUE (line breaks inside a\n"
"       value shown as \\n), headings of HTML and Markdown marked #N.\n";

/* "file:line: " or "file:page:line: " for text line n of src. */
static void
print_where(const char *file, const struct source *src, int n)
{
	int page, line;

	if (src->pages != NULL && pdf_locate(src->pages, n, &page, &line) == 0)
		printf("%s:%d:%d: ", file, page, line);
	else
		printf("%s:%d: ", file, n);
}

static void
print_text(const char *file, const struct source *src, int lines)
{
	const char *p = src->text, *nl;
	int n = 1;

	if (!lines) {
		fwrite(src->text, 1, src->len, stdout);
		return;
	}
	for (; *p != '\0'; p = nl + 1, n++) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		print_where(file, src, n);
		fwrite(p, 1, (size_t)(nl - p), stdout);
		putchar('\n');
		if (*nl == '\0')
			break;
	}
}

/* The lines the extractor reads: parsed, pairings made rows. */
static void
print_rows(const char *file, const struct source *src)
{
	struct doc d, rows;
	struct buf err = BUF_INIT;

	if (doc_parse(src, &d, &err) == -1) {
		fprintf(stderr, "%s: %s\n", file, err.data);
		buf_free(&err);
		return;
	}
	rows_normalise(&d, &rows);
	for (size_t i = 0; i < rows.n; i++) {
		printf("%s:%d: ", file, rows.lines[i].lineno);
		if (rows.lines[i].heading)
			printf("#%d ", rows.lines[i].heading);
		for (const char *p = rows.lines[i].text; *p; p++)
			if (*p == '\n')
				fputs("\\n", stdout);
			else
				putchar(*p);
		putchar('\n');
	}
	doc_free(&rows);
	doc_free(&d);
	buf_free(&err);
}

/* Read one file; 0, or -1 after its diagnostic. */
static int
text_of(const char *file, int lines, struct diag *d)
{
	char *dir = xstrdup(file), *base = xstrdup(file);
	struct source src;
	int rc = 0;

	if (name_format(file) == -1) {
		diag_report(d, file, 0, "not a document picorpus reads "
		    "(.txt .md .html .htm .pdf)");
		rc = -1;
	} else if (ingest_read(dirname(dir), basename(base), NULL, &src,
	    d) == -1)
		rc = -1;	/* ingest_read() said why */
	else {
		if (lines == 2)
			print_rows(file, &src);
		else
			print_text(file, &src, lines);
		source_free(&src);
	}
	free(dir);
	free(base);
	return rc;
}

int
cmd_text(int argc, char **argv)
{
	int lines = 0, rows = 0, npos, rc = EXIT_OK;
	struct opt opts[] = {
		{ "lines", 0, NULL, &lines }, { "rows", 0, NULL, &rows },
		{ NULL, 0, NULL, NULL }
	};
	struct diag d = { cli_print_diag, NULL, 0 };

	if (cli_parse("text", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos == 0) {
		cli_error("text", "give one FILE or more");
		return EXIT_USAGE;
	}
	pdf_init();
	for (int i = 0; i < npos; i++)
		if (text_of(argv[i], rows ? 2 : lines, &d) == -1)
			rc = EXIT_RUNTIME;
	return rc;
}
