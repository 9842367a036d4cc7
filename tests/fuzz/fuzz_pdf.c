/*
 * fuzz_pdf.c — the PDF reader (pdf_read(), poppler-glib underneath,
 * and the ruled-table finder of pdf_grid.c, which renders each page):
 * any bytes either give NUL-free, well-formed UTF-8 lines with a page
 * map that only goes forward and stays inside the text, or are
 * rejected with a reason; pdf_locate() places every line on a page.
 * Seeds (tests/fuzz/seeds/pdf/): a hand-written two-page PDF, and a
 * LibreOffice table (tools/lo-pdf, streams uncompressed by qpdf so that
 * mutations reach its rules and text).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pdf.h"

static int
count_lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

static void
check_map(const struct pdf_text *t)
{
	int lines = count_lines(t->text), page, in_page;
	char *map = pdf_page_map(t);

	for (int p = 0; p < t->npages; p++) {
		FUZZ_ASSERT(t->page_line[p] >= 1);
		FUZZ_ASSERT(t->page_line[p] <= lines + 1);
		FUZZ_ASSERT(p == 0 || t->page_line[p] >= t->page_line[p - 1]);
	}
	for (int line = 1; line <= lines; line++) {
		FUZZ_ASSERT(pdf_locate(map, line, &page, &in_page) == 0);
		FUZZ_ASSERT(page >= 1 && page <= t->npages);
		FUZZ_ASSERT(in_page >= 1 && in_page <= line);
	}
	free(map);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct pdf_text t;
	const char *why = NULL;

	if (!ready++)
		pdf_init();
	if (pdf_read(data, size, &t, &why) == 0) {
		FUZZ_ASSERT(t.text != NULL && strlen(t.text) == t.len);
		FUZZ_ASSERT(fuzz_valid_utf8(t.text, t.len));
		FUZZ_ASSERT(t.len > 0 && t.text[t.len - 1] == '\n');
		FUZZ_ASSERT(t.npages >= 1);
		check_map(&t);
	} else
		FUZZ_ASSERT(why != NULL && *why != '\0');
	pdf_text_free(&t);
	return 0;
}
