/*
 * fuzz_normalize.c — the text normalisers and value readers: NFKC and
 * folding, PDF spacing repair, 和暦 and Gregorian dates, counts and
 * numbers (漢数字 too), citations, periods, organisations, data items,
 * form selections.  Results must be well-formed and within bounds: dates
 * real calendar dates, match offsets inside the text, counts not
 * negative unless "none".
 */
#include <string.h>

#include "buf.h"
#include "citation.h"
#include "fields.h"
#include "fuzz.h"
#include "normalize.h"

static void
check_iso(const char iso[11])
{
	FUZZ_ASSERT(strlen(iso) == 0 || (strlen(iso) == 10 &&
	    iso[4] == '-' && iso[7] == '-'));
}

static void
dates(const char *s, size_t len)
{
	struct norm_date d;
	size_t start = 0, end = 0;
	char iso[11];

	if (norm_find_date(s, len, &d, &start, &end) == 0) {
		FUZZ_ASSERT(start < end && end <= len);
		FUZZ_ASSERT(d.month >= 0 && d.month <= 12);
		FUZZ_ASSERT(d.day >= 0 && d.day <= 31);
		FUZZ_ASSERT(d.day == 0 || d.month != 0);
		if (norm_format_iso(&d, iso) == 0)
			check_iso(iso);
	}
	if (norm_date_iso(s, len, iso) == 0) {
		FUZZ_ASSERT(strlen(iso) == 10);
		check_iso(iso);
	}
}

static void
numbers(const char *s, size_t len)
{
	size_t used = 0;
	long long v = norm_parse_count(s, len);

	FUZZ_ASSERT(v >= -1);
	v = norm_parse_number(s, len, &used);
	FUZZ_ASSERT(v >= -1 && used <= len);
	FUZZ_ASSERT((v == -1) == (used == 0));
}

static void
texts(const char *s, size_t len, int valid)
{
	char *f[4] = {
		norm_nfkc(s, len), norm_fold(s, len),
		norm_repair_spacing(s, len), norm_strip_space(s, len)
	};

	for (int i = 0; i < 4; i++) {
		FUZZ_ASSERT(f[i] != NULL);
		FUZZ_ASSERT(!valid || fuzz_valid_utf8(f[i],
		    strlen(f[i])));
		free(f[i]);
	}
}

static void
values(const char *s)
{
	struct strlist l = STRLIST_INIT;
	char start[11], end[11];
	char *v;

	cite_scan(s, "条例", NULL, &l);
	cite_scan(s, NULL, "法", &l);
	parse_organisations(s, NULL, &l);
	parse_organisations(s, "再委託先", &l);
	parse_items(s, &l);
	for (size_t i = 0; i < l.n; i++)
		FUZZ_ASSERT(l.v[i] != NULL);
	strlist_free(&l);
	parse_period(s, start, end);
	check_iso(start);
	check_iso(end);
	free(read_selection(s));
	v = clean_organisation(s);
	FUZZ_ASSERT(v != NULL);
	free(v);
	(void)label_field(s);
	v = (char *)skip_numbering(s);
	FUZZ_ASSERT(v >= s && v <= s + strlen(s));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	size_t len = strlen(s);
	int valid = fuzz_valid_utf8(s, len);

	dates(s, len);
	numbers(s, len);
	texts(s, len, valid);
	if (valid)	/* the field readers get decoded text only */
		values(s);
	free(s);
	return 0;
}
