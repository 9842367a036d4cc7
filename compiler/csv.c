/*
 * csv.c — comma-separated values as TAB rows (see csv.h).
 */
#include <string.h>

#include "csv.h"

#define SNIFF_RECORDS	200	/* records looked at to tell a CSV */
#define MIN_FIELDS	3	/* fields of a sheet's record, at least */

/* Put one field's byte c: TAB and CR inside a cell are spaces. */
static void
put_field_char(struct buf *out, char c)
{
	buf_putc(out, c == '\t' || c == '\r' ? ' ' : c);
}

int
csv_record(const char **s, const char *end, struct buf *out)
{
	const char *p = *s;
	int lines = 1, quoted = 0, field_start = 1;

	while (p < end) {
		char c = *p++;

		if (quoted) {
			if (c == '"' && p < end && *p == '"') {
				buf_putc(out, '"');
				p++;
			} else if (c == '"')
				quoted = 0;
			else {
				if (c == '\n')
					lines++;
				if (c != '\r' || p >= end || *p != '\n')
					buf_putc(out, c == '\r' ? '\n' : c);
			}
			continue;
		}
		if (c == '\n')
			break;
		if (c == '"' && field_start) {
			quoted = 1;
			field_start = 0;
		} else if (c == ',') {
			buf_putc(out, '\t');
			field_start = 1;
		} else if (c != '\r' || (p < end && *p != '\n')) {
			put_field_char(out, c);
			field_start = 0;
		}
	}
	*s = p;
	if (out->data == NULL)
		buf_putc(out, '\0'), buf_truncate(out, 0);
	return lines;
}

/* How many fields the record at *s has; advances *s past it. */
static int
count_fields(const char **s, const char *end, int *blank)
{
	const char *p = *s;
	int fields = 1, quoted = 0, ink = 0;

	while (p < end) {
		char c = *p++;

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && c == '\n')
			break;
		else if (!quoted && c == ',')
			fields++;
		else if (c != '\r' && c != ' ')
			ink = 1;
	}
	*s = p;
	*blank = fields == 1 && !ink;
	return fields;
}

int
csv_sniff(const char *text, size_t len)
{
	const char *s = text, *end = text + len;
	int counts[SNIFF_RECORDS], n = 0, wide = 0, best = 0;

	while (s < end && n < SNIFF_RECORDS) {
		int blank, f = count_fields(&s, end, &blank);

		if (!blank)
			counts[n++] = f;
	}
	for (int i = 0; i < n; i++)
		wide += counts[i] >= MIN_FIELDS;
	for (int i = 0; i < n; i++) {
		int same = 0;

		if (counts[i] < MIN_FIELDS)
			continue;
		for (int j = 0; j < n; j++)
			same += counts[j] == counts[i];
		if (same > best)
			best = same;
	}
	return n >= 2 && wide * 10 >= n * 8 && best * 10 >= n * 6;
}
