/*
 * fuzz_document.c — a document through the parser, MeCab segmenter and
 * extractor, as a build reads it: decode the bytes, then parse them as
 * each format (text, Markdown, HTML) and extract the cases.
 * Every case must have a URL-safe id, lines inside the document, and
 * survive the export JSON round trip.
 */
#include <jansson.h>
#include <string.h>

#include "case.h"
#include "diag.h"
#include "encoding.h"
#include "extract.h"
#include "fuzz.h"
#include "ingest.h"
#include "parse.h"
#include "segmenter.h"

static struct segmenter *seg;

int	LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char msg[256];

	(void)argc, (void)argv;
	if ((seg = segmenter_new(msg, sizeof(msg))) == NULL) {
		fprintf(stderr, "fuzz_document: %s\n", msg);
		exit(1);
	}
	return 0;
}

static int
url_safe(const char *id)
{
	if (id == NULL || *id == '\0' || strstr(id, "..") != NULL)
		return 0;
	for (; *id; id++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789._-", *id) == NULL)
			return 0;
	return 1;
}

static void
check_case(const struct pcase *c, const struct doc *d)
{
	json_t *o = case_to_json(c, 1);
	char *json = json_dumps(o, JSON_COMPACT);
	json_t *back = json_loads(json, 0, NULL);
	struct pcase *again = back ? case_from_json(back) : NULL;
	char *body;

	FUZZ_ASSERT(url_safe(c->id));
	FUZZ_ASSERT(c->line_start >= 1 && c->line_start <= c->line_end);
	FUZZ_ASSERT(d->n == 0 ||
	    c->line_end <= d->lines[d->n - 1].lineno);
	FUZZ_ASSERT(json != NULL && again != NULL);
	FUZZ_ASSERT(strcmp(again->id, c->id) == 0);
	body = case_body(d, c->line_start, c->line_end);
	FUZZ_ASSERT(body != NULL && fuzz_valid_utf8(body, strlen(body)));
	free(body);
	case_free(again);
	json_decref(back);
	free(json);
	json_decref(o);
}

/* Parse and extract text as a document of one format, and check it. */
static void
run_format(const struct source *decoded, enum source_format format)
{
	static const char *const names[] = { "doc.txt", "doc.md", "doc.html" };
	struct source src = *decoded;
	struct doc d = { NULL, 0 };
	struct case_list cases = { NULL, 0 };
	struct diag dg = { NULL, NULL, 0 };
	struct buf err = BUF_INIT;

	src.path = (char *)names[format];
	src.format = format;
	if (doc_parse(&src, &d, &err) == 0) {
		extract_cases(&src, &d, seg, &cases, &dg);
		for (size_t i = 0; i < cases.n; i++)
			check_case(cases.v[i], &d);
	}
	case_list_free(&cases);
	doc_free(&d);
	buf_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source src = { 0 };
	const char *reason;

	if (decode_text(data, size, &src.text, &src.len, &src.enc,
	    &reason) == -1)
		return 0;
	src.hash = hash_bytes(data, size);
	run_format(&src, FORMAT_TEXT);
	run_format(&src, FORMAT_MARKDOWN);
	run_format(&src, FORMAT_HTML);
	free(src.text);
	return 0;
}
