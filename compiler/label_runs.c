/*
 * label_runs.c — pair a sheet's label cells with its value cells when a
 * PDF's text gives them column by column (see label_runs.h).
 *
 * The value lines are split among the labels in order by dynamic
 * programming: every label takes one line at least, and a split scores
 * how well each run of lines fits its label's field (a date under a
 * period's or a date's label, an article under a basis', a body under a
 * contractor's) and how well each further line goes on the one above (it
 * starts with kana in mid-word or with a bracket, the line above ends
 * with の or 、 or was cut at the measure).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "label_runs.h"
#include "normalize.h"

#define MIN_LABELS	3
#define MAX_LABELS	40
#define MAX_RUN		8	/* lines one value may take */
#define NEG		(-1e9)

/* Text of s without its leading and trailing white space (new). */
static char *
bare(const char *s)
{
	size_t n;

	s = str_skip_spaces(s);
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
		n -= 3;
	return xstrndup(s, n);
}

static int
has_date(const char *s)
{
	struct norm_date d;
	size_t a, b;

	return norm_find_date(s, strlen(s), &d, &a, &b) == 0;
}

static int
starts_with_date(const char *s)
{
	struct norm_date d;
	size_t a, b;

	return norm_find_date(s, strlen(s), &d, &a, &b) == 0 && a == 0;
}

/* Does s hold a digit (ASCII or full-width): a value's number, not an
 * unknown label's word? */
static int
has_digit(const char *s)
{
	for (; *s; s++)
		if ((*s >= '0' && *s <= '9') || ((unsigned char)s[0] == 0xef &&
		    (unsigned char)s[1] == 0xbc && (unsigned char)s[2] >= 0x90 &&
		    (unsigned char)s[2] <= 0x99))
			return 1;
	return 0;
}

/* Does an unknown label read as a label ("委託の内容", "結合の目的"):
 * a phrase with の, no number, not a body's name (…課, …会社)? */
static int
unknown_label_shaped(const char *head)
{
	static const char *const names[] = { "課", "室", "係", "社", "所",
	    "会", "センター", "部", "局", NULL };

	if (strcmp(head, "再委託") == 0 || strcmp(head, "再委託の有無") == 0)
		return 1;	/* a list's column of 有/無 */
	if (str_chars(head) > 12 || has_digit(head) ||
	    strstr(head, "の") == NULL || strstr(head, "のとおり") != NULL)
		return 0;	/* (別表第一のとおり: a value) */
	for (int i = 0; names[i]; i++)
		if (str_has_suffix(head, names[i]))
			return 0;
	return 1;
}

/* Could line s be a label cell: short, no sentence, no date, no colon
 * or gap between words (a label and its value on one line)?  *known: a label
 * of labels.tsv. */
static int
label_like(const char *s, int *known)
{
	char *t = bare(s), *head;
	const char *note = strstr(t, "（");
	size_t n = str_chars(t);
	int yes;

	*known = 0;
	if (strstr(t, "  ") != NULL || strstr(t, "\xe3\x80\x80") != NULL ||
	    strchr(t, '\t') != NULL) {
		char *u = norm_strip_space(t, strlen(t));	/* 件　　名 */

		*known = str_chars(u) <= 12 && label_field(u) != FIELD_NONE;
		free(u);
		free(t);
		return *known;
	}
	/* (a note in brackets may follow: "…情報項目（だれの、どの") */
	head = note != NULL ? xstrndup(t, (size_t)(note - t)) : xstrdup(t);
	*known = n > 0 && (label_field(t) != FIELD_NONE ||
	    (*head && label_field(head) != FIELD_NONE));
	yes = n > 0 && n <= 30 && strstr(t, "。") == NULL && !has_date(t) &&
	    strstr(t, "：") == NULL && strchr(t, ':') == NULL &&
	    strstr(head, "、") == NULL &&
	    (*known || unknown_label_shaped(head));
	free(head);
	free(t);
	return yes;
}

/* "- 2 -", "―　1　―", a form feed: a page's end. */
static int
page_mark(const char *s)
{
	char *t = bare(s);
	int yes = *t == '\f' || ((str_has_prefix(t, "-") ||
	    str_has_prefix(t, "―") || str_has_prefix(t, "－")) &&
	    strlen(t) <= 16 && (str_has_suffix(t, "-") ||
	    str_has_suffix(t, "―") || str_has_suffix(t, "－")));

	free(t);
	return yes;
}

/* "番号", "No.", "通番": the label of a list's numbers column? */
static int
numbers_rows(const char *label)
{
	char *k = norm_nfkc(label, strlen(label));
	int yes = strcmp(k, "番号") == 0 || strcmp(k, "No") == 0 ||
	    strcmp(k, "No.") == 0 || strcmp(k, "NO.") == 0 ||
	    strcmp(k, "通番") == 0 || strcmp(k, "項番") == 0;

	free(k);
	return yes;
}

static int
numbers_rows_line(const char *s)
{
	char *t = bare(s);
	int yes = numbers_rows(t);

	free(t);
	return yes;
}

/* A short line wholly in brackets, no date in it ("（再委託先・内容）"):
 * a note of the label above it. */
static int
is_label_note(const char *s)
{
	char *t = bare(s);
	int yes = (str_is_enclosed(t, "（", "）") ||
	    str_is_enclosed(t, "(", ")")) && str_chars(t) <= 20 &&
	    !has_date(t) && !has_digit(t);

	free(t);
	return yes;
}

/*
 * The labels of a run at line i: their texts (a label wrapped onto the
 * next line joined) into labels[], their lines into at[].  Returns how
 * many, 0 when the lines are no run; *next the line after them.
 */
static int
label_run(const struct doc *d, size_t i, char *labels[], size_t at[],
    size_t *next)
{
	int n = 0, known = 0, k, opening_known = 0;

	while (i < d->n && n < MAX_LABELS) {
		char *t;

		if (n > 0 && ((str_brackets_open(labels[n - 1]) &&
		    str_chars(d->lines[i].text) <= 30) ||
		    is_label_note(d->lines[i].text))) {
			/* "…（だれの、どの" / "ような項目か）", "再委託の有無"
			   / "（再委託先・内容）" */
			struct buf b = BUF_INIT;

			t = bare(d->lines[i].text);
			buf_printf(&b, "%s%s", labels[n - 1], t);
			free(t);
			free(labels[n - 1]);
			labels[n - 1] = buf_detach(&b);
			i++;
			continue;
		}
		if (n == 0 && numbers_rows_line(d->lines[i].text))
			k = 0;	/* "番号" over a list's numbered rows */
		else if (!label_like(d->lines[i].text, &k) || (n > 0 &&
		    str_indent(d->lines[i].text) !=
		    str_indent(d->lines[at[0]].text)))
			break;	/* (a value set in under its label) */
		labels[n] = bare(d->lines[i].text);
		at[n++] = i++;
		known += k;
		if (n <= 3)
			opening_known += k;
	}
	*next = i;
	/* (two of its first three lines are known labels: not a label
	   and its value on the next line, then the next label …) */
	if (n >= MIN_LABELS && known * 10 >= n * 6 && opening_known >= 2)
		return n;
	while (n > 0)
		free(labels[--n]);
	return 0;
}

/* How well value line s fits, first in its run, a label of field f. */
static double
fit(enum field_id f, const char *s)
{
	switch (f) {
	case FIELD_DATE:
	case FIELD_PERIOD:
		return has_date(s) ? 3 : -6;
	case FIELD_BASIS:
		return strstr(s, "条") ? 2 : -2;
	case FIELD_SUBJECTS:
		return strstr(s, "人") || strstr(s, "件") ? 1.5 : -1;
	case FIELD_CONSIGNEES:
	case FIELD_SUBCONTRACTORS:
	case FIELD_PARTNER:
		return strstr(s, "株式会社") || strstr(s, "有限会社") ||
		    strstr(s, "法人") || strstr(s, "組合") ||
		    strstr(s, "連合会") || strstr(s, "センター") ||
		    strstr(s, "機構") ? 1.5 : 0;
	case FIELD_DEPARTMENT:
		return str_has_suffix(s, "課") || str_has_suffix(s, "室") ||
		    str_has_suffix(s, "係") ? 1.5 : strstr(s, "部") ||
		    strstr(s, "局") || strstr(s, "委員会") ? 1 : -0.5;
	case FIELD_ITEMS:
		return strstr(s, "氏名") ? 1 : 0;
	default:
		return starts_with_date(s) ? -1 : 0;
	}
}

/* Does s start with kana in mid-word or a closing mark: a line that can
 * only go on the one above? */
static int
goes_on(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c;

	if (p[0] != 0xe3)
		return *s == ')' || *s == ',';
	c = ((unsigned)(p[0] & 0x0f) << 12) | ((unsigned)(p[1] & 0x3f) << 6) |
	    (p[2] & 0x3f);
	return (c >= 0x3041 && c <= 0x3096) || c == 0x30fc || c == 0x3001 ||
	    c == 0x3002 || c == 0x300d;	/* ぁ-ゖ ー 、 。 」 */
}

/* "有", "無", "あり", "なし": a 有無 cell's answer alone? */
static int
is_yes_or_no(const char *s)
{
	static const char *const answers[] = { "有", "無", "有り", "無し",
	    "あり", "なし", NULL };

	for (int a = 0; answers[a]; a++)
		if (strcmp(s, answers[a]) == 0)
			return 1;
	return 0;
}

/* How well line s goes on line prev within one value of field f. */
static double
continues(enum field_id f, const char *prev, const char *s, size_t widest)
{
	double v = -1.0;

	if (goes_on(s))
		v += 2.5;
	if (str_has_prefix(s, "（") || *s == '(')
		v += 1.5;	/* a note: （プライバシーマーク取得事業者） */
	if (str_has_suffix(prev, "の") || str_has_suffix(prev, "、") ||
	    str_has_suffix(prev, "及び") || str_has_suffix(prev, "・"))
		v += 1.5;
	else if (str_chars(prev) + 2 >= widest && !str_has_suffix(prev, "。"))
		v += 0.8;	/* cut at the measure */
	if (f == FIELD_ITEMS && strstr(s, "：") != NULL)
		v += 1.2;	/* 対象者：… / 項目：… in one cell */
	if (is_yes_or_no(s))
		v -= 3;		/* "有": a 有無 cell of its own */
	if (str_has_suffix(prev, "〜") || str_has_suffix(prev, "～") ||
	    str_has_suffix(prev, "から") || str_has_suffix(prev, "~"))
		v += 4;		/* a period's end below its start */
	else if (starts_with_date(s) || strstr(s, "株式会社") == s)
		v -= 2;
	if ((f == FIELD_CONSIGNEES || f == FIELD_SUBCONTRACTORS ||
	    f == FIELD_PARTNER || f == FIELD_DEPARTMENT) &&
	    strstr(s, "氏名") != NULL)
		v -= 2;		/* items, not a body's name */
	return v;
}

/* Split values[0, m) among n labels of fields f[]: first[j] the first
 * value line of label j.  Returns 0, or -1 when no split fits. */
static int
split_values(char *values[], size_t m, const enum field_id f[], int n,
    size_t first[])
{
	double *best = xcalloc((size_t)(n + 1) * (m + 1), sizeof(double));
	int *from = xcalloc((size_t)(n + 1) * (m + 1), sizeof(int));
	size_t widest = 0;
	int ok;

	for (size_t k = 0; k < m; k++)
		if (str_chars(values[k]) > widest)
			widest = str_chars(values[k]);
#define AT(j, k) ((size_t)(j) * (m + 1) + (k))
	for (size_t x = 0; x < (size_t)(n + 1) * (m + 1); x++)
		best[x] = NEG;
	best[AT(0, 0)] = 0;
	for (int j = 1; j <= n; j++)
		for (size_t k = (size_t)j; k <= m; k++)
			for (size_t s = k; s-- > (size_t)(j - 1) && k - s <=
			    MAX_RUN; ) {
				double v = best[AT(j - 1, s)];

				if (v <= NEG / 2)
					continue;
				v += fit(f[j - 1], values[s]);
				for (size_t t = s + 1; t < k; t++)
					v += continues(f[j - 1], values[t - 1],
					    values[t], widest);
				if (v > best[AT(j, k)]) {
					best[AT(j, k)] = v;
					from[AT(j, k)] = (int)s;
				}
			}
	ok = best[AT(n, m)] > NEG / 2;
	for (int j = n, k = (int)m; ok && j > 0; j--) {
		first[j - 1] = (size_t)from[AT(j, k)];
		k = from[AT(j, k)];
	}
#undef AT
	free(best);
	free(from);
	return ok ? 0 : -1;
}

/* The value lines after a run, from line i: up to a page's end, a blank
 * line or another run; their texts into values[] (at most max). */
static size_t
value_lines(const struct doc *d, size_t i, char *values[], size_t max,
    size_t *next)
{
	size_t m = 0;

	for (; i < d->n && m < max; i++) {
		const char *s = d->lines[i].text;
		int k1, k2;

		if (*str_skip_spaces(s) == '\0' || page_mark(s) ||
		    strchr(s, '\t') != NULL ||
		    str_has_prefix(str_skip_spaces(s), "※"))
			break;	/* (a note under the sheet ends its cells) */
		if (m > 0 && i + 1 < d->n && label_like(s, &k1) && k1 &&
		    label_like(d->lines[i + 1].text, &k2) && k2)
			break;	/* the next sheet's labels */
		values[m++] = bare(s);
	}
	*next = i;
	return m;
}

/* Join value lines [from, to): a line going on mid-word is glued, a
 * line of its own (対象者：…) set on a new line. */
static char *
joined_value(char *values[], size_t from, size_t to)
{
	struct buf b = BUF_INIT;

	for (size_t k = from; k < to; k++) {
		if (k > from && ((strstr(values[k], "：") != NULL &&
		    !str_brackets_open(b.data)) ||
		    str_has_suffix(values[k - 1], "。")))
			buf_putc(&b, '\n');	/* (not "（株式会社スルガ配" /
						   "送センター：…") */
		buf_puts(&b, values[k]);
	}
	return b.data != NULL ? buf_detach(&b) : xstrdup("");
}

/* Pair the run of n labels (at lines at[] of d) with the m value lines
 * values[] into out; 0, or -1 when they do not fit. */
static int
pair_run(const struct doc *d, char *labels[], const size_t at[], int n,
    char *values[], size_t m, struct doc *out, size_t *cap)
{
	enum field_id f[MAX_LABELS];
	size_t first[MAX_LABELS];

	if (m < (size_t)n || m > (size_t)n * MAX_RUN)
		return -1;
	for (int j = 0; j < n; j++)
		f[j] = label_field(labels[j]);
	if (split_values(values, m, f, n, first) != 0)
		return -1;
	for (int j = 0; j < n; j++)
		if (fit(f[j], values[first[j]]) < 0 &&
		    (f[j] == FIELD_DATE || f[j] == FIELD_PERIOD ||
		    f[j] == FIELD_BASIS))
			return -1;	/* a period without a date: no such sheet */
	for (int j = 0; j < n; j++) {
		char *v = joined_value(values, first[j], j + 1 < n ?
		    first[j + 1] : m);
		struct buf row = BUF_INIT;

		buf_printf(&row, "%s\t%s", labels[j], v);
		free(v);
		doc_push(out, cap, &d->lines[at[j]], buf_detach(&row));
	}
	return 0;
}

/* Is value line s the number k alone ("1", "２")? */
static int
is_row_number(const char *s, long long k)
{
	size_t used;
	long long v = norm_parse_number(s, strlen(s), &used);

	return v == k && used == strlen(s);
}

/*
 * A list's head given cell by cell (番号 / 業務名 / 所管課 / …) over its
 * rows given the same way, each row opened by its number alone ("1",
 * then its cells wrapped over lines, "2" …): each row's lines split
 * among the other labels as a sheet's are, into the head's line
 * "番号<TAB>業務名<TAB>…" and a line per row.  0, or -1 when the values
 * are no such rows.
 */
static int
pair_records(const struct doc *d, char *labels[], const size_t at[], int n,
    char *values[], size_t m, struct doc *out, size_t *cap)
{
	enum field_id f[MAX_LABELS];
	size_t starts[MAX_LABELS * MAX_RUN], rows = 0;
	struct buf head = BUF_INIT;

	if (n < 3 || !numbers_rows(labels[0]) || m == 0 ||
	    !is_row_number(values[0], 1))
		return -1;
	for (size_t k = 0; k < m; k++)
		if (is_row_number(values[k], (long long)rows + 1))
			starts[rows++] = k;
	for (int j = 1; j < n; j++)
		f[j - 1] = label_field(labels[j]);
	for (size_t r = 0; r < rows; r++) {	/* every row must fit */
		size_t from = starts[r] + 1, to = r + 1 < rows ?
		    starts[r + 1] : m, first[MAX_LABELS];

		if (to - from < (size_t)(n - 1) || to - from >
		    (size_t)(n - 1) * MAX_RUN ||
		    split_values(values + from, to - from, f, n - 1,
		    first) != 0)
			return -1;
	}
	for (int j = 0; j < n; j++)
		buf_printf(&head, "%s%s", j ? "\t" : "", labels[j]);
	doc_push(out, cap, &d->lines[at[0]], buf_detach(&head));
	for (size_t r = 0; r < rows; r++) {
		size_t from = starts[r] + 1, to = r + 1 < rows ?
		    starts[r + 1] : m, first[MAX_LABELS];
		struct buf row = BUF_INIT;

		split_values(values + from, to - from, f, n - 1, first);
		buf_puts(&row, values[starts[r]]);
		for (int j = 0; j < n - 1; j++) {
			char *v = joined_value(values + from, first[j],
			    j + 1 < n - 1 ? first[j + 1] : to - from);

			buf_printf(&row, "\t%s", v);
			free(v);
		}
		doc_push(out, cap, &d->lines[at[n - 1]], buf_detach(&row));
	}
	return 0;
}

size_t
label_runs_pair(struct doc *d)
{
	struct doc out = { NULL, 0 };
	size_t cap = 0, runs = 0;

	for (size_t i = 0; i < d->n; ) {
		char *labels[MAX_LABELS], *values[MAX_LABELS * MAX_RUN];
		size_t at[MAX_LABELS], vfrom, vto, m = 0;
		int n = label_run(d, i, labels, at, &vfrom);

		if (n > 0)
			m = value_lines(d, vfrom, values, MAX_LABELS * MAX_RUN,
			    &vto);
		if (n > 0 && (pair_records(d, labels, at, n, values, m, &out,
		    &cap) == 0 || pair_run(d, labels, at, n, values, m, &out,
		    &cap) == 0)) {
			runs++;
			i = vto;
		} else {
			doc_push(&out, &cap, &d->lines[i],
			    xstrdup(d->lines[i].text));
			i++;
		}
		while (n > 0)
			free(labels[--n]);
		while (m > 0)
			free(values[--m]);
	}
	if (runs == 0) {
		doc_free(&out);
		return 0;
	}
	doc_free(d);
	*d = out;
	return runs;
}
