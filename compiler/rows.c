/*
 * rows.c — every label/value pairing as "label<TAB>value" (see rows.h).
 *
 * The pass reads each line as [indent] [numbering] [mark] label
 * [separator] [value], where the separator is a colon, a 【】 pair, or a
 * gap of two columns or more (two spaces, a full-width space).  Where the
 * value is missing it is gathered from the lines below; where the value
 * sits in a column, lines starting in that column continue it.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "csv.h"
#include "fields.h"
#include "gloss.h"
#include "label_runs.h"
#include "centred_rows.h"
#include "normalize.h"
#include "numbering.h"
#include "rows.h"
#include "sheet.h"
#include "spaced_table.h"

#define LABEL_MAX_COLS	40	/* a label is at most 20 wide characters */
#define LABEL_MAX_BYTES	(3 * 60 + 24)	/* with a note, and its padding */
#define GATHER_MAX	40	/* value lines gathered below a label */
#define FORM_GAP	4	/* columns between a form's label and value
				   (a heading's subject is one space away) */

/* ---- columns ---- */

static int
is_space_at(const char *s)
{
	return *s == ' ' || *s == '\t' || str_has_prefix(s, "\xe3\x80\x80");
}

/* Is there white space right before p (in s)? */
static int
space_before(const char *s, const char *p)
{
	return (p > s && (p[-1] == ' ' || p[-1] == '\t')) ||
	    (p - s >= 3 && str_has_prefix(p - 3, "\xe3\x80\x80"));
}

static int
space_bytes(const char *s)
{
	return *s == ' ' || *s == '\t' ? 1 : 3;
}

/* Skip white space at s, adding its columns to *col. */
static const char *
skip_space(const char *s, int *col)
{
	while (is_space_at(s)) {
		*col += *s == ' ' ? 1 : 2;
		s += space_bytes(s);
	}
	return s;
}

/* s after its leading white space. */
static const char *
skip_space_c(const char *s)
{
	int col = 0;

	return skip_space(s, &col);
}

/*
 * The end of the first word of s: the first run of white space at
 * least two columns wide (a single ASCII space joins Latin words).
 * *gap receives the bytes of that run (0 at the end of the line).
 */
static const char *
word_end(const char *s, size_t *gap)
{
	for (const char *p = s; *p; ) {
		if (is_space_at(p)) {
			const char *q = p;
			int cols = 0;

			q = skip_space(q, &cols);
			if (cols >= 2 || *p != ' ') {
				*gap = (size_t)(q - p);
				return p;
			}
			p = q;
		} else {
			int c;

			p += norm_char_at(p, &c);
		}
	}
	*gap = 0;
	return s + strlen(s);
}

/* Columns of the white space s[0, n). */
static int
gap_width(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n; i += (size_t)space_bytes(s + i))
		w += s[i] == ' ' ? 1 : 2;
	return w;
}

/* ---- labels ---- */

/* A label's text: NFKC, no white space, no trailing colon. */
static char *
label_key(const char *s, size_t n)
{
	char *nf = norm_nfkc(s, n), *k = norm_strip_space(nf, strlen(nf));
	size_t len = strlen(k);

	free(nf);
	while (len > 0 && k[len - 1] == ':')
		k[--len] = '\0';
	return k;
}

static int	known_label(const char *key);

/*
 * "福岡市長(所管課": a bracket opened and not closed after words that
 * are no label: the label is inside the bracket, not this.
 */
static int
label_inside_bracket(const char *key)
{
	const char *open = strrchr(key, '(');
	char *before;
	int yes;

	if (open == NULL || open == key || strchr(open, ')') != NULL)
		return 0;
	before = xstrndup(key, (size_t)(open - key));
	yes = !known_label(before);
	free(before);
	return yes;
}

/* Does s hold a 、 or , outside brackets (a list, not a label)? */
static int
lists_outside_brackets(const char *s)
{
	int depth = 0;

	for (const char *p = s; *p; p++) {
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		if (depth <= 0 && (*p == ',' || str_has_prefix(p, "、")))
			return 1;
	}
	return 0;
}

/* Could key be a label at all: short (a note in brackets aside), no
 * sentence, no list. */
static int
label_shaped(const char *key)
{
	const char *note = strchr(key, '(');
	size_t n = note && note > key ? (size_t)(note - key) : strlen(key);

	return key[0] != '\0' && norm_width(key, n) <= LABEL_MAX_COLS &&
	    strlen(key) <= 3 * 60 &&
	    strstr(key, "。") == NULL && !lists_outside_brackets(key);
}

static int
known_label(const char *key)
{
	enum field_id f;

	if (!label_shaped(key))
		return 0;
	f = label_field(key);
	return f != FIELD_NONE;
}

/*
 * Could the whole of s be a label, judged without normalising it: short
 * before any note in brackets, no sentence's end.  (Most lines of a
 * document are prose; this spares them the label dictionary.)
 */
static int
may_be_label(const char *s)
{
	const char *note = strstr(s, "（"), *open = strchr(s, '(');

	if (open != NULL && (note == NULL || open < note))
		note = open;
	return strlen(s) <= LABEL_MAX_BYTES && strstr(s, "。") == NULL &&
	    norm_width(s, note ? (size_t)(note - s) : strlen(s)) <=
	    LABEL_MAX_COLS + 8;
}

/* ---- one line, read ---- */

enum sep {
	SEP_NONE = 0,	/* not a label line */
	SEP_COLON,	/* label：value */
	SEP_BRACKET,	/* 【label】value */
	SEP_GAP,	/* label　　value */
	SEP_ALONE	/* label, the value below */
};

struct reading {
	enum sep	 sep;
	char		*label;		/* as written, trimmed (owned) */
	const char	*value;		/* into the line; "" when alone */
	int		 value_col;	/* column where the value starts */
	int		 label_col;	/* column where the label starts */
	int		 numbered;	/* a numbering mark before the label */
	int		 trim_close;	/* the value ends in a closing （…） */
	int		 leader;	/* label and value joined by dots */
	int		 one_space;	/* label and value parted by one space
					   (a PDF's, its gap collapsed) */
};

static void
reading_free(struct reading *r)
{
	free(r->label);
	memset(r, 0, sizeof(*r));
}

static const char *
skip_marks(const char *s, int *col)
{
	static const char *const marks[] = { "■", "□", "●", "○", "◆", "◇",
	    "◎", "▼", "▽", "・", "〇", NULL };
	size_t n;

	while ((n = numbering_prefix(s, marks)) > 0) {
		*col += 2;
		s = skip_space(s + n, col);
	}
	return s;
}

/* Trimmed copy of s[0, n) (trailing white space and colons dropped). */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == ':'))
		n--;
	while (n >= 3 && (memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0 ||
	    memcmp(s + n - 3, "：", 3) == 0))
		n -= 3;
	return xstrndup(s, n);
}

/* Is the whole of s inside full-width brackets: "（…）"? */
static int
enclosed(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > 6 && str_has_prefix(s, "（") &&
	    memcmp(s + n - 3, "）", 3) == 0 && strstr(s + 3, "（") == NULL;
}

/* "label：value" with the colon within the label's reach. */
static int
read_colon(const char *s, int col, struct reading *r)
{
	const char *c = NULL;
	int w = 0, cc;
	char *key;

	for (const char *p = s; *p && w <= LABEL_MAX_COLS + 8; ) {
		if (*p == ':' || str_has_prefix(p, "：") ||
		    str_has_prefix(p, "＝") || *p == '=') {
			c = p;	/* (an export's "項目名 ＝ 値", "件名=…") */
			break;
		}
		p += norm_char_at(p, &cc);
		w += cc;
	}
	if (c == NULL || c == s)
		return 0;
	key = label_key(s, (size_t)(c - s));
	if (!known_label(key) || label_inside_bracket(key) ||
	    (c > s && numbering_digit_at(c - 1, &cc) &&
	    numbering_digit_at(c + (*c == ':' || *c == '=' ? 1 : 3), &cc))) {
		free(key);
		return 0;
	}
	free(key);
	r->label = trimmed(s, (size_t)(c - s));
	r->value = c + (*c == ':' || *c == '=' ? 1 : 3);
	r->value_col = col + norm_width(s, (size_t)(r->value - s));
	r->value = skip_space(r->value, &r->value_col);
	r->sep = *r->value ? SEP_COLON : SEP_ALONE;
	return 1;
}

/* "【label】value", "「label」value", "≪label≫value", "〔label〕value". */
static int
read_bracket(const char *s, int col, struct reading *r)
{
	static const char *const pairs[][2] = { { "【", "】" }, { "「", "」" },
	    { "≪", "≫" }, { "〔", "〕" } };
	const char *close = NULL;
	char *key;

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]) &&
	    close == NULL; i++)
		if (str_has_prefix(s, pairs[i][0]))
			close = strstr(s, pairs[i][1]);
	if (close == NULL)
		return 0;
	key = label_key(s + 3, (size_t)(close - s - 3));
	if (!known_label(key)) {
		free(key);
		return 0;
	}
	free(key);
	r->label = trimmed(s + 3, (size_t)(close - s - 3));
	r->value = close + 3;
	r->value_col = col + norm_width(s, (size_t)(r->value - s));
	r->value = skip_space(r->value, &r->value_col);
	if (*r->value == ':' || str_has_prefix(r->value, "："))
		r->value = skip_space(r->value + (*r->value == ':' ? 1 : 3),
		    &r->value_col);
	r->sep = *r->value ? SEP_BRACKET : SEP_ALONE;
	return 1;
}

/*
 * "label　　value": the first word is a known label, or the value starts
 * in a column that the document's form uses (form_col).
 */
/*
 * "件　　名　　学校…", "所　管　課　…": a known label written one
 * character at a time with spaces between; moves *end and *gap past its
 * last character. Returns whether s starts with one.
 */
static int
spaced_label_end(const char *s, const char **end, size_t *gap)
{
	const char *p = s, *best = NULL;
	size_t best_gap = 0;
	struct buf key = BUF_INIT;

	for (int chars = 0; chars < 8; chars++) {
		int cols, n = norm_char_at(p, &cols);
		const char *e;
		size_t g;
		char *k;

		e = word_end(p, &g);
		if (e != p + n || g == 0)
			break;		/* a word of more than one letter */
		buf_put(&key, p, (size_t)n);
		k = label_key(key.data, key.len);
		if (chars > 0 && known_label(k)) {
			best = e;
			best_gap = g;
		}
		free(k);
		p = e + g;
	}
	buf_free(&key);
	if (best == NULL)
		return 0;
	*end = best;
	*gap = best_gap;
	return 1;
}

/* Bytes of a run of leader dots at s ("……", "‥‥", "・・・", "．．．",
 * "..."), 0 when none; *cols its width, the dots drawn full width as
 * Japanese fonts do. */
static size_t
leader_len(const char *s, int *cols)
{
	static const struct {
		const char	*dot;
		int		 min;	/* dots that make a leader */
	} leaders[] = { { "…", 2 }, { "‥", 2 }, { "・", 3 }, { "．", 3 },
	    { "･", 3 }, { ".", 4 } };

	*cols = 0;
	for (size_t l = 0; l < sizeof(leaders) / sizeof(leaders[0]); l++) {
		size_t dl = strlen(leaders[l].dot), n = 0;

		while (str_has_prefix(s + n * dl, leaders[l].dot))
			n++;
		if ((int)n >= leaders[l].min) {
			*cols = (int)n * (dl == 1 ? 1 : 2);
			return n * dl;
		}
	}
	return 0;
}

/* "事務の名称………………国民健康保険療養費支給事務": a label, dots that
 * lead the eye to its value. */
static int
read_leader(const char *s, int col, struct reading *r)
{
	int w = 0, cc, lw;
	size_t n;
	const char *p = s;
	char *key;

	while (*p && (n = leader_len(p, &lw)) == 0 && w <= LABEL_MAX_COLS) {
		p += norm_char_at(p, &cc);
		w += cc;
	}
	if (*p == '\0' || p == s || w > LABEL_MAX_COLS)
		return 0;
	key = label_key(s, (size_t)(p - s));
	if (!label_shaped(key)) {
		free(key);
		return 0;
	}
	free(key);
	r->label = trimmed(s, (size_t)(p - s));
	r->value = p + n;
	r->value_col = col + norm_width(s, (size_t)(p - s)) + lw;
	r->value = skip_space(r->value, &r->value_col);
	r->sep = *r->value ? SEP_COLON : SEP_ALONE;
	r->leader = 1;
	return 1;
}

/*
 * "③委託先名 株式会社いなば情報システム": a numbered known label and its
 * value one space apart, as a PDF's text gives a form's columns.
 */
static int
read_one_space(const char *s, int col, struct reading *r)
{
	const char *sp = strchr(s, ' ');
	char *key;
	int c;

	if (sp == NULL || sp == s || sp[1] == ' ' || sp[1] == '\0' ||
	    norm_width(s, (size_t)(sp - s)) > LABEL_MAX_COLS)
		return 0;
	key = label_key(s, (size_t)(sp - s));
	if (!known_label(key) || label_inside_bracket(key) ||
	    str_brackets_open(key)) {
		free(key);
		return 0;
	}
	free(key);
	r->label = trimmed(s, (size_t)(sp - s));
	r->value = sp + 1;
	r->value_col = col + norm_width(s, (size_t)(sp + 1 - s));
	r->sep = SEP_GAP;
	r->one_space = 1;
	(void)c;
	return 1;
}

/* Is s only a form's mark after a label ("※" of a national form's
 * fields that must be filled in)? */
static int
is_form_mark(const char *s)
{
	if (!str_has_prefix(s, "※"))
		return 0;
	s = skip_space_c(s + strlen("※"));
	return *s == '\0';
}

static int
read_gap(const char *s, int col, int form_col, struct reading *r)
{
	size_t gap;
	const char *end = word_end(s, &gap);
	char *key;
	int vcol;

	if (gap == 0)
		return 0;
	spaced_label_end(s, &end, &gap);
	key = label_key(s, (size_t)(end - s));
	vcol = col + norm_width(s, (size_t)(end + gap - s));
	if (!label_shaped(key) || (!known_label(key) &&
	    (form_col < 0 || abs(vcol - form_col) > 1 ||
	    gap_width(end, gap) < FORM_GAP))) {
		free(key);
		return 0;
	}
	free(key);
	r->label = trimmed(s, (size_t)(end - s));
	r->value = end + gap;
	r->value_col = vcol;
	r->sep = SEP_GAP;
	if (is_form_mark(r->value)) {
		r->value = "";	/* "委託の有無　※": the value below */
		r->sep = SEP_ALONE;
	}
	return 1;
}

/* The whole rest of the line is a known label ("担当部課"). */
static int
read_alone(const char *s, struct reading *r)
{
	size_t gap;
	char *key;
	int ok;

	if (!may_be_label(s))
		return 0;	/* a sentence, not a label */
	word_end(s, &gap);
	if (gap > 0)
		return 0;	/* "別表　…の項目": a heading, not a label */
	key = label_key(s, strlen(s));
	ok = known_label(key);

	free(key);
	if (!ok)
		return 0;
	r->label = trimmed(s, strlen(s));
	r->value = "";
	r->sep = SEP_ALONE;
	return 1;
}

/*
 * Read line s.  form_col is the value column the document's form uses
 * (or -1).  Lines with a TAB are rows already and read as nothing.
 */
/*
 * "委 ④再委託の有無": one letter of a label written down a column beside
 * the rows ("再委託" in three lines), then a numbered row.  Skips the
 * letter and the space after it.
 */
static const char *
past_stray_letter(const char *s, int *col)
{
	int cols, n = norm_char_at(s, &cols);
	int c2 = *col + cols;
	const char *p;

	if (cols != 2 || !is_space_at(s + n))
		return s;
	p = skip_space(s + n, &c2);
	if (numbering_len(p) == 0 || is_space_at(s) ||
	    numbering_digit_at(s, &n))
		return s;
	*col = c2;
	return p;
}

/* The closing "]" of an export's item code that s opens with, set
 * apart by a space ("[Ⅱ-4-1] 件名 ＝ …"), or NULL. */
static const char *
item_code_end(const char *s)
{
	const char *close;

	if (*s != '[' || (close = strchr(s, ']')) == NULL || close - s > 40 ||
	    !is_space_at(close + 1))
		return NULL;
	return close;
}

/*
 * "[Ⅱ-4-委託事項1] 委託事項名 ＝ …": an export's item code in square
 * brackets before the label, set apart by a space; skipped.
 */
static const char *
past_item_code(const char *s, int *col)
{
	const char *close;
	int c2 = *col;

	if ((close = item_code_end(s)) == NULL)
		return s;
	c2 += norm_width(s, (size_t)(close + 1 - s));
	close = skip_space(close + 1, &c2);
	if (*close == '\0')
		return s;
	*col = c2;
	return close;
}

static void
read_line(const char *s, int form_col, struct reading *r)
{
	int col = 0;
	size_t num;

	memset(r, 0, sizeof(*r));
	if (strchr(s, '\t') != NULL)
		return;
	s = skip_space(s, &col);
	if (enclosed(s)) {
		/* "（担当　国民健康保険課）": the brackets hold the pair */
		char *inner = xstrndup(s + 3, strlen(s) - 6);

		read_line(inner, -1, r);
		if (r->sep != SEP_NONE && r->sep != SEP_ALONE) {
			r->value = s + 3 + (r->value - inner);
			r->value_col += col + 2;
			r->label_col += col + 2;
			/* the value ends before the closing bracket */
			r->trim_close = 1;
		} else
			reading_free(r);
		free(inner);
		return;
	}
	s = past_stray_letter(s, &col);
	s = past_item_code(s, &col);
	if ((num = numbering_len(s)) > 0) {
		col += norm_width(s, num);
		s += num;
		r->numbered = 1;
	}
	s = skip_marks(s, &col);
	r->label_col = col;
	/* a numbered line with an unknown first word is a heading with
	   its subject ("（１）目的外利用　就学援助…"), not a row */
	if (read_leader(s, col, r) || read_bracket(s, col, r) ||
	    read_colon(s, col, r) || read_gap(s, col, form_col, r) ||
	    read_one_space(s, col, r))
		return;
	if (!r->numbered)
		read_alone(s, r);
}

/* ---- the document's form column ---- */

/*
 * The value column most lines of a `pdftotext -layout` form share: the
 * column after a short first word and a wide gap, when at least three
 * lines agree.  -1 when there is none.
 */
static int
form_column(const struct doc *d)
{
	enum { MAXCOL = 160 };
	int count[MAXCOL] = { 0 }, best = -1;

	for (size_t i = 0; i < d->n; i++) {
		const char *s = d->lines[i].text, *end;
		int col = 0;
		size_t gap, num;
		char *key;

		if (strchr(s, '\t') != NULL)
			continue;
		s = skip_space(s, &col);
		if ((num = numbering_len(s)) > 0)
			col += norm_width(s, num), s += num;
		end = word_end(s, &gap);
		if (gap != 0)
			spaced_label_end(s, &end, &gap);
		if (gap == 0 || norm_width(s, (size_t)(end - s)) > 24 ||
		    gap_width(end, gap) < FORM_GAP)
			continue;
		key = label_key(s, (size_t)(end - s));
		col += norm_width(s, (size_t)(end + gap - s));
		if (label_shaped(key) && col < MAXCOL)
			count[col]++;
		free(key);
	}
	for (int c = 0; c < MAXCOL; c++)
		if (count[c] >= 3 && (best < 0 || count[c] > count[best]))
			best = c;
	return best;
}

/* The widest line (in columns): where a page or column wraps text. */
static int
wrap_width(const struct doc *d)
{
	int w = 0;

	for (size_t i = 0; i < d->n; i++) {
		int lw = norm_width(d->lines[i].text, strlen(d->lines[i].text));

		if (lw > w && lw <= 200)
			w = lw;
	}
	return w;
}

/* ---- gathering values ---- */

struct pass {
	const struct doc	*in;
	struct doc		*out;
	size_t			 cap;
	int			 form_col;
	int			 wrap;	/* widest line */
	signed char		*is_label;	/* per line: -1 not asked yet,
						   else is_label_line() */
	signed char		*wraps_label;	/* per line: the same for
						   starts_wrapped_label() */
};

/* Width of line i without the white space that pads it to a wall. */
static int
line_width(const struct pass *ps, size_t i)
{
	const char *s = ps->in->lines[i].text;
	size_t n = strlen(s);

	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	return norm_width(s, n);
}

/*
 * Was line i cut at the width of its text, so that the next line goes
 * on with the same word?  It reaches the right edge of its block (the
 * widest of the lines around it, block_max) and is long by the page's
 * measure; a sentence's end is never a cut.
 */
static int
is_wrapped(const struct pass *ps, size_t i, int block_max)
{
	const char *s = ps->in->lines[i].text;
	int w = line_width(ps, i);

	if (ps->wrap < 30 || *s == '\0' || str_has_suffix(s, "。"))
		return 0;
	return w >= block_max - 4 && w * 10 >= ps->wrap * 6;
}

/* The widest of lines [from, to). */
static int
block_width(const struct pass *ps, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to && i < ps->in->n; i++)
		if (line_width(ps, i) > w)
			w = line_width(ps, i);
	return w;
}

static int
is_blank_line(const char *s)
{
	int col = 0;

	return *skip_space(s, &col) == '\0';
}

/* A piece after a dash set as a bullet ("‐ 申請者の氏名", "- 住所": a dash
 * then a space, an outline's sub-point), else the piece. */
static const char *
after_dash_bullet(const char *s)
{
	static const char *const dashes[] = { "‐", "-", "－", "–", "—", "•",
	    NULL };

	for (int i = 0; dashes[i]; i++) {
		const char *p = s + strlen(dashes[i]);

		if (str_has_prefix(s, dashes[i]) && (*p == ' ' ||
		    str_has_prefix(p, "\xe3\x80\x80"))) {
			int col = 0;

			return skip_space(p, &col);
		}
	}
	return s;
}

/* ":   value", "：value": a definition list's value line. */
static int
is_definition(const char *s)
{
	return (*s == ':' && (s[1] == ' ' || s[1] == '\t')) ||
	    str_has_prefix(s, "：");
}

/* Append a value piece, glued when the last piece was wrapped. */
static void
put_piece(struct buf *v, const char *piece, int glue)
{
	int col = 0;

	piece = skip_space(piece, &col);
	if (is_definition(piece))	/* ":   value" of a definition list */
		piece = skip_space(piece + (*piece == ':' ? 1 : 3), &col);
	piece = after_dash_bullet(piece);	/* "‐ 申請者の氏名" */
	if (str_has_prefix(piece, "※"))
		glue = 0;	/* a note starts a line, wrapped or not */
	if (v->len > 0 && !glue)
		buf_putc(v, '\n');
	buf_puts(v, piece);
	for (;;) {
		if (v->len > 0 && (v->data[v->len - 1] == ' ' ||
		    v->data[v->len - 1] == '\t'))
			buf_truncate(v, v->len - 1);
		else if (v->len >= 3 && memcmp(v->data + v->len - 3,
		    "\xe3\x80\x80", 3) == 0)
			buf_truncate(v, v->len - 3);
		else
			break;
	}
}

/* "取り扱わせる個人情報の": a label cut after hiragana goes on. */
static int
ends_in_particle(const char *key)
{
	size_t n = strlen(key);

	/* a label ends in a noun: one cut after hiragana ("…の",
	   "委託に伴い取り") or a comma goes on */
	return (n >= 3 && (unsigned char)key[n - 3] == 0xe3 &&
	    (((unsigned char)key[n - 2] == 0x81 &&
	    (unsigned char)key[n - 1] >= 0x81) ||
	    ((unsigned char)key[n - 2] == 0x82 &&
	    (unsigned char)key[n - 1] <= 0x96))) ||
	    str_has_suffix(key, "、") || str_has_suffix(key, "・");
}

/* "及び人数": a label piece that joins the one above. */
static int
starts_as_conjunction(const char *key)
{
	return str_has_prefix(key, "及び") || str_has_prefix(key, "並びに") ||
	    str_has_prefix(key, "又は") || str_has_prefix(key, "若しくは");
}

/* "わせる個人情報の" under "委託に伴い取り扱": a piece that starts with
 * okurigana goes on a word (no label starts so; "その他" aside). */
static int
starts_mid_word(const char *piece)
{
	return str_starts_hiragana(piece) && !str_has_prefix(piece, "その");
}

/* "の別）、通知日", "）、…": a value's line that goes on the one above
 * (a particle or a closing mark first; not "あり", a value of its own). */
static int
starts_with_particle(const char *s)
{
	static const char *const heads[] = { "の", "を", "に", "は", "が",
	    "と", "で", "へ", "や", "）", "、", NULL };

	return str_has_any_prefix(s, heads);
}

/*
 * Does text[0, n) at the label's column go on with label: the label is
 * not complete yet (a bracket open, no known label) or the two make a
 * known label?  "委託先" then "委託内容" are two labels.
 */
static int
label_goes_on(const char *label, const char *text, size_t n)
{
	char *key = label_key(label, strlen(label));
	struct buf joined = BUF_INIT;
	char *jkey, *piece;
	int yes;

	buf_puts(&joined, label);
	buf_put(&joined, text, n);
	jkey = label_key(joined.data, joined.len);
	piece = label_key(text, n);
	if (str_has_prefix(text, "【")) {
		free(piece);	/* "【担当課名】": a label of its own */
		free(key);
		free(jkey);
		buf_free(&joined);
		return 0;
	}
	yes = str_brackets_open(key) || ((ends_in_particle(key) ||
	    starts_as_conjunction(piece)) && known_label(jkey)) ||
	    starts_mid_word(piece) ||
	    (!known_label(piece) && (known_label(jkey) ||
	    (norm_width(text, n) <= 6 && !known_label(key))));
	free(piece);
	free(key);
	free(jkey);
	buf_free(&joined);
	return yes;
}

/* Does line i start with text in the value column (a continuation)?
 * Text at the label's column before it continues the label. */
/* Does text make a known label of label_so_far, which is none? */
static int
completes_label(const char *label_so_far, const char *text)
{
	char *so_far = label_key(label_so_far, strlen(label_so_far));
	struct buf joined = BUF_INIT;
	char *jkey;
	int yes;

	buf_printf(&joined, "%s%s", label_so_far, text);
	jkey = label_key(joined.data, joined.len);
	yes = !known_label(so_far) && known_label(jkey);
	free(so_far);
	free(jkey);
	buf_free(&joined);
	return yes;
}

/* Does line i pair a label with its value by a colon or an equals sign
 * ("申請者　　：…", "取扱項目=…")? */
static int
colon_pair(const struct pass *ps, size_t i)
{
	const char *s = str_skip_spaces(ps->in->lines[i].text);
	const char *colon = strstr(s, "：");

	if (colon == NULL)
		colon = strchr(s, ':');
	if (colon == NULL)
		colon = strstr(s, "＝");	/* 取扱項目＝…, INI key=value */
	if (colon == NULL)
		colon = strchr(s, '=');
	return colon != NULL && colon > s && colon - s <= 3 * 16 &&
	    memmem(s, (size_t)(colon - s), "。", 3) == NULL &&
	    memmem(s, (size_t)(colon - s), "、", 3) == NULL;
}

/* Does line i pair its own label, of a field other than label's, by a
 * colon ("委託先：株式会社…" under "委託の有無　有")? */
static int
pairs_another_field(const struct pass *ps, size_t i, const char *label)
{
	const char *s = str_skip_spaces(ps->in->lines[i].text);
	const char *colon = strstr(s, "：");
	char *sub;
	enum field_id f;

	if (colon == NULL || colon == s || colon - s > 3 * 16 ||
	    !colon_pair(ps, i))
		return 0;
	sub = xstrndup(s, (size_t)(colon - s));
	f = label_field(sub);
	free(sub);
	return f > FIELD_IGNORE && f != label_field(label);
}

static int
continues_column(const struct pass *ps, size_t i, int vcol, int lcol,
    const char *label_so_far, struct buf *label_more, const char **piece)
{
	const char *s = ps->in->lines[i].text, *end;
	int col = 0;
	size_t gap;

	if (strchr(s, '\t') != NULL)
		return 0;
	s = skip_space(s, &col);
	if (*s == '\0')
		return 0;
	if (abs(col - vcol) <= 1 && pairs_another_field(ps, i, label_so_far))
		return 0;	/* "委託先：…" under "委託の有無　有" */
	if (abs(col - vcol) <= 1) {
		*piece = s;
		return 1;
	}
	if (abs(col - lcol) > 2 || numbering_len(s) > 0 || numbering_digits_len(s) > 0 ||
	    colon_pair(ps, i))
		return 0;	/* not under the label (its number aside), or
				   the next numbered label ("２場所", its
				   letters closed up), or a pair of its own
				   ("申請者　：…") */
	end = word_end(s, &gap);
	if (gap == 0 && norm_width(s, strlen(s)) <= LABEL_MAX_COLS &&
	    *label_so_far && (str_has_prefix(s, "の") ||
	    completes_label(label_so_far, s))) {
		/* "の保有課等": the label goes on below its value's end */
		buf_puts(label_more, s);
		*piece = end;
		return 1;
	}
	if (gap == 0 || norm_width(s, (size_t)(end - s)) > LABEL_MAX_COLS ||
	    abs(col + norm_width(s, (size_t)(end + gap - s)) - vcol) > 1 ||
	    (!label_goes_on(label_so_far, s, (size_t)(end - s)) &&
	    !starts_with_particle(end + gap)))
		return 0;	/* (a value that goes on mid-word, "の別）、
				   通知日", is of the label above: 結合される
				   情報 / 項目) */
	buf_put(label_more, s, (size_t)(end - s));	/* "目" of a wrapped label */
	*piece = end + gap;
	return 1;
}

/* Lines continuing a value that started in column vcol; returns the
 * first line not taken. */
/*
 * After "件名 介護保険…外部結合に" (a label and its value one space
 * apart, as a PDF gives a cell's text): the lines the value wrapped onto,
 * at the margin ("ついて"), up to a blank line or a line that is a
 * pair or a mark of its own.  Returns the line after them.
 */
static size_t
gather_run_on(const struct pass *ps, size_t i, struct buf *v)
{
	for (; i < ps->in->n; i++) {
		const char *s = ps->in->lines[i].text;
		struct reading r;
		int col = 0, own;

		if (is_blank_line(s) || strchr(s, '\t') != NULL ||
		    *s == ' ' || numbering_len(s) > 0 ||
		    skip_marks(s, &col) != s)
			break;
		read_line(s, ps->form_col, &r);
		own = r.sep != SEP_NONE && r.sep != SEP_ALONE;
		reading_free(&r);
		if (own)
			break;
		put_piece(v, s, 1);
	}
	return i;
}

static int	is_label_line(const struct pass *ps, size_t i);
static int	colon_pair(const struct pass *ps, size_t i);

/* Does t open with a bracket ("[委託１]", "【件名】", "＜委託２＞"): a
 * section or a label of its own, not a value's next words? */
static int
opens_bracket(const char *t)
{
	static const char *const open[] = { "[", "［", "【", "〔", "＜", "<",
	    "《", "〈", "(", "（", NULL };

	return str_has_any_prefix(t, open);
}

/*
 * After a value on a line cut at the text's width (a page set to a fixed
 * measure, 24 characters a line): the lines it runs on to, whatever their
 * indent, while each line before them was cut too and none is a pair,
 * a numbered or marked line of its own.  Returns the line after them.
 */
/* How many runs of two spaces or more (ASCII or full-width) t holds. */
static int
gaps_in(const char *t)
{
	int n = 0, run = 0;

	for (; *t; ) {
		int sp = *t == ' ' ? 1 : str_has_prefix(t, "\xe3\x80\x80") ? 3 : 0;

		if (sp == 0) {
			n += run >= 2;
			run = 0;
			t++;
			continue;
		}
		run++;
		t += sp;
	}
	return n;
}

/* Was line i cut at the measure: wide, and dense (no padding inside but
 * the gap after its label, no closed bracket at its end as a form's
 * field has)? */
static int
cut_at_measure(const struct pass *ps, size_t i)
{
	int col = 0;
	const char *t = skip_space(ps->in->lines[i].text, &col);

	size_t from = i >= 8 ? i - 8 : 0;
	int near = block_width(ps, from, i + 9), at_measure = 0;

	/* (the measure of its column: a page's lines around it, several
	   of which reach it) */
	for (size_t j = from; j < i + 9 && j < ps->in->n; j++)
		at_measure += line_width(ps, j) >= near - 4;
	return near >= 30 && at_measure >= 3 &&
	    line_width(ps, i) >= near - 4 &&
	    !str_has_suffix(t, "。") && gaps_in(t) <= 1 &&
	    !str_has_suffix(t, "）") && !str_has_suffix(t, ")");
}

static size_t
gather_wrapped(const struct pass *ps, size_t i, struct buf *v)
{
	for (; i < ps->in->n && cut_at_measure(ps, i - 1); i++) {
		const char *s = ps->in->lines[i].text, *t;
		int col = 0;

		t = skip_space(s, &col);
		if (*t == '\0' || strchr(s, '\t') != NULL ||
		    ps->in->lines[i].heading || numbering_len(t) > 0 ||
		    numbering_digits_len(t) > 0 || skip_marks(t, &col) != t ||
		    is_label_line(ps, i) || colon_pair(ps, i) ||
		    opens_bracket(t))
			break;
		put_piece(v, t, 1);
	}
	return i;
}

static size_t
gather_column(const struct pass *ps, size_t i, int vcol, int lcol,
    struct buf *label, struct buf *v)
{
	const char *piece;
	size_t end = i;
	int bmax;

	struct buf so_far = BUF_INIT;

	buf_puts(&so_far, label->data ? label->data : "");
	for (; end < ps->in->n; end++) {
		struct buf more = BUF_INIT;
		int yes = continues_column(ps, end, vcol, lcol, so_far.data,
		    &more, &piece);

		buf_puts(&so_far, more.data ? more.data : "");
		buf_free(&more);
		if (!yes)
			break;
	}
	buf_free(&so_far);
	bmax = block_width(ps, i - 1, end);
	for (; i < end; i++) {
		struct buf more = BUF_INIT;

		continues_column(ps, i, vcol, lcol, label->data ? label->data :
		    "", &more, &piece);
		buf_puts(label, more.data ? more.data : "");
		buf_free(&more);
		if (*piece == '\0')
			continue;
		put_piece(v, piece, is_wrapped(ps, i - 1, bmax) &&
		    *piece != '(' && !str_has_prefix(piece, "（") &&
		    !str_has_prefix(piece, "《") && !str_has_prefix(piece, "・"));
	}
	return end;
}

/* Does line i pair a label with a value (asked once per line)? */
static int
is_label_line(const struct pass *ps, size_t i)
{
	struct reading r;

	if (ps->is_label[i] < 0) {
		read_line(ps->in->lines[i].text, ps->form_col, &r);
		ps->is_label[i] = r.sep != SEP_NONE;
		reading_free(&r);
	}
	return ps->is_label[i];
}

static char	*wrapped_label(const struct pass *ps, size_t i);

static int
starts_wrapped_label(const struct pass *ps, size_t i)
{
	if (ps->wraps_label[i] < 0) {
		char *l = wrapped_label(ps, i);

		ps->wraps_label[i] = l != NULL;
		free(l);
	}
	return ps->wraps_label[i];
}

/* Columns of white space before the text of s. */
static int
indent_of(const char *s)
{
	int col = 0;

	skip_space(s, &col);
	return col;
}

/* Does s hold a 、 outside brackets ("氏名、住所", not "口座情報（金融機関
 * 名、口座番号）")? */
static int
comma_outside_brackets(const char *s)
{
	int depth = 0;

	for (; *s; s++) {
		if (*s == '(' || str_has_prefix(s, "（"))
			depth++;
		else if ((*s == ')' || str_has_prefix(s, "）")) && depth > 0)
			depth--;
		else if (depth == 0 && str_has_prefix(s, "、"))
			return 1;
	}
	return 0;
}

/* A list written on one line with 、, or under 《…》/【…】 heads. */
static int
is_comma_list(const char *s)
{
	int col = 0;

	s = skip_space(s, &col);
	return comma_outside_brackets(s) || str_has_prefix(s, "《") ||
	    str_has_prefix(s, "【") || str_has_prefix(s, "（") ||
	    str_has_prefix(s, "(");
}

/* A value that cannot end here: "令和7年12月1日から", "…及び". */
static int
ends_unfinished(const char *v)
{
	static const char *const ends[] = { "から", "及び", "並びに", "又は",
	    "、", "・", "の", "を", "に", NULL };	/* (a particle: cut) */

	for (int i = 0; ends[i]; i++)
		if (str_has_suffix(v, ends[i]))
			return 1;
	return 0;
}

/* A field that holds a list: its value may run over many lines. */
static int
is_list_field(enum field_id f)
{
	return f == FIELD_ITEMS || f == FIELD_CONSIGNEES ||
	    f == FIELD_SUBCONTRACTORS || f == FIELD_BASIS;
}

/*
 * The value of a label alone on line i, from the lines below: one
 * logical line (wrapped pieces glued) for a single value, lines up to a
 * blank or the next label for a list.  Returns the first line not taken.
 */
/* The mark at the start of s without its digits ("その", "（）"), or
 * NULL when s opens with none.  New string. */
static char *
mark_shape(const char *s)
{
	int col = 0, c;
	size_t n;
	struct buf b = BUF_INIT;

	s = skip_space(s, &col);
	n = str_has_prefix(s, "その") ? strlen("その") : numbering_len(s);
	if (n == 0)
		return NULL;
	for (const char *p = s; p < s + n; ) {
		int bytes = numbering_digit_at(p, &c) ? c :
		    (int)norm_kanji_digits_len(p, 1);

		if (bytes == 0) {
			bytes = norm_char_at(p, &c);
			if (!(bytes == 1 && *p == ' ') &&
			    !str_has_prefix(p, "\xe3\x80\x80"))
				buf_put(&b, p, (size_t)bytes);
		}
		p += bytes;
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

/* Does line s carry on a series of marked lines the value opened
 * ("その１　…" then "その２　…")? */
static int
continues_series(const char *value, const char *s)
{
	char *a = mark_shape(value), *b = mark_shape(s);
	int yes = a != NULL && b != NULL && strcmp(a, b) == 0;

	free(a);
	free(b);
	return yes;
}

static size_t
gather_below(const struct pass *ps, size_t i, enum field_id f, int indent,
    struct buf *v)
{
	size_t first = i, blanks = 0, end = i;
	int bmax, col = 0, value_indent = -1;

	while (end < ps->in->n && end < first + GATHER_MAX &&
	    (end == first || !is_blank_line(ps->in->lines[end].text)) &&
	    strchr(ps->in->lines[end].text, '\t') == NULL)
		end++;
	bmax = block_width(ps, first, end);
	for (; i < ps->in->n && i < first + GATHER_MAX; i++) {
		const char *s = ps->in->lines[i].text;
		int glue = i > first && is_wrapped(ps, i - 1, bmax);

		if (is_blank_line(s)) {
			if (v->len > 0 || ++blanks > 1)
				break;
			continue;
		}
		if (strchr(s, '\t') != NULL || ps->in->lines[i].heading ||
		    is_label_line(ps, i) || starts_wrapped_label(ps, i))
			break;
		int series = v->len > 0 && !glue && continues_series(v->data, s);

		if (v->len > 0 && !glue && !is_list_field(f) &&
		    !ends_unfinished(v->data) && !series)
			break;
		if (indent_of(s) < indent || (v->len > 0 &&
		    value_indent > indent && indent_of(s) <= indent &&
		    !glue && !ends_unfinished(v->data)))
			break;	/* back out of the label's block, or back at
				   the label's indent below values set in
				   (not a paragraph's lines after its first,
				   set in by one: 字下げ) */
		if (v->len == 0)
			value_indent = indent_of(s);
		if (v->len > 0 && !glue && !series &&
		    numbering_len(skip_space(s, &col)) > 0 &&
		    (f != FIELD_ITEMS || norm_width(s, strlen(s)) > 60))
			break;	/* a numbered heading, not a list line */
		if (v->len > 0 && !glue && is_comma_list(v->data) &&
		    !is_comma_list(s) && !str_has_suffix(v->data, "、"))
			break;	/* "氏名、住所…" then "委託理由": a label
				   (not the list's last item, after its 、) */
		put_piece(v, s, glue);
	}
	return i;
}

/*
 * "利用する個人情報の項目" / "（だれの、どのような項" / "目か）": a note in
 * brackets under a label alone on its line (or a label whose note is
 * left open), set over lines as a PDF's narrow label cell wraps it, goes
 * with the label.  Appends it to label and returns the line after it (i
 * when none).
 */
static size_t
label_note_below(const struct pass *ps, size_t i, struct buf *label)
{
	struct buf note = BUF_INIT;
	size_t j = i;

	const char *first = i < ps->in->n ?
	    str_skip_spaces(ps->in->lines[i].text) : "";

	if (i >= ps->in->n || (!str_has_prefix(first, "（") &&
	    *first != '(' && !str_brackets_open(label->data)))
		return i;
	if (str_brackets_open(label->data))
		buf_puts(&note, label->data);	/* its note wrapped already */
	for (; j < ps->in->n && j < i + 3; j++) {
		const char *s = str_skip_spaces(ps->in->lines[j].text);

		if (*s == '\0' || strchr(s, '\t') != NULL ||
		    norm_width(s, strlen(s)) > LABEL_MAX_COLS)
			break;
		buf_puts(&note, s);
		if (!str_brackets_open(note.data))
			break;
	}
	if (j < ps->in->n && note.len > 0 && !str_brackets_open(note.data) &&
	    norm_width(note.data, note.len) <= 2 * 40) {
		if (str_brackets_open(label->data))
			buf_truncate(label, 0);
		buf_puts(label, note.data);
		buf_free(&note);
		return j + 1;
	}
	buf_free(&note);
	return i;
}

/* ---- output ---- */

static void
emit(struct pass *ps, const struct doc_line *dl, const char *text)
{
	if (ps->out->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 256;
		ps->out->lines = xrealloc(ps->out->lines, ps->cap *
		    sizeof(*ps->out->lines));
	}
	ps->out->lines[ps->out->n].text = xstrdup(text);
	ps->out->lines[ps->out->n].lineno = dl->lineno;
	ps->out->lines[ps->out->n].heading = dl->heading;
	ps->out->n++;
}

static void
emit_row(struct pass *ps, const struct doc_line *dl, const char *label,
    const char *value)
{
	struct buf row = BUF_INIT;

	buf_printf(&row, "%s\t%s", label, value);
	emit(ps, dl, row.data);
	buf_free(&row);
}

/* "| a | b |" → "a<TAB>b"; a rule "|---|---|" → NULL. */
static char *
pipe_row(const char *s)
{
	int col = 0;
	const char *p = skip_space(s, &col), *end;
	struct buf b = BUF_INIT;

	if (*p != '|')
		return NULL;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end - p < 2 || end[-1] != '|')
		return NULL;
	if (strspn(p, "|-: ") == (size_t)(end - p))
		return xstrdup("");
	for (p++; p < end; ) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		char *cell = trimmed(skip_space(p, &col), (size_t)(bar -
		    skip_space(p, &col)));

		if (b.len > 0 || p > s + 1)
			buf_putc(&b, '\t');
		buf_puts(&b, cell);
		free(cell);
		p = bar + 1;
	}
	if (b.len > 0 && b.data[0] == '\t')
		memmove(b.data, b.data + 1, b.len--);
	return buf_detach(&b);
}

static int
unclosed_label(const struct reading *r)
{
	char *key = label_key(r->label, strlen(r->label));
	int yes = str_brackets_open(key);

	free(key);
	return yes;
}

/* Is line i a term that the next line defines (":   value")? */
static int
defines_term(const struct pass *ps, size_t i)
{
	int col = 0;
	const char *s = skip_space(ps->in->lines[i].text, &col);

	return i + 1 < ps->in->n && *s != '\0' && may_be_label(s) &&
	    strchr(s, '\t') == NULL &&
	    is_definition(skip_space(ps->in->lines[i + 1].text, &col));
}

/* A label broken over two lines: join the next line to it. */
static char *
wrapped_label(const struct pass *ps, size_t i)
{
	const char *s = ps->in->lines[i].text, *next;
	char *key, *joined_key;
	struct buf joined = BUF_INIT;
	int col = 0, ok;

	if (i + 1 >= ps->in->n || strchr(s, '\t') != NULL ||
	    !may_be_label(skip_space(s, &col)) ||
	    numbering_len(skip_space(s, &col)) > 0)
		return NULL;
	next = ps->in->lines[i + 1].text;
	key = label_key(s, strlen(s));
	if (!label_shaped(key) || is_blank_line(next) ||
	    norm_width(next, strlen(next)) > LABEL_MAX_COLS || strchr(next, '\t') != NULL ||
	    !(str_brackets_open(key) || label_is_prefix(key))) {
		free(key);
		return NULL;
	}
	buf_puts(&joined, skip_space(s, &col));
	buf_puts(&joined, skip_space(next, &col));
	joined_key = label_key(joined.data, joined.len);
	ok = known_label(joined_key) && !str_brackets_open(joined_key);
	free(key);
	free(joined_key);
	if (!ok) {
		buf_free(&joined);
		return NULL;
	}
	return buf_detach(&joined);
}

/* Can value be a value of field f: a period holds a date. */
static int
value_fits(enum field_id f, const char *value)
{
	struct norm_date d;
	size_t start, end;

	if (f == FIELD_PERIOD || f == FIELD_DATE)
		return norm_find_date(value, strlen(value), &d, &start,
		    &end) == 0;
	return 1;
}

/* ---- a row of labels over a row of values ---- */

/* "評価書番号", "諮問番号": a label of a document's number. */
static int
is_number_label(const char *key)
{
	return str_has_suffix(key, "番号") && strlen(key) <= 3 * 8 &&
	    strcmp(key, "個人番号") != 0;
}

#define HEAD_CELLS	6	/* labels side by side on one line, at most */

/* A line's cells: text separated by gaps of two columns or more, with
 * the column each starts at.  Returns the count (0 past HEAD_CELLS). */
static int
line_cells(const char *s, char *cell[], int start[])
{
	int col = 0, n = 0;

	s = skip_space(s, &col);
	while (*s) {
		size_t gap;
		const char *end = word_end(s, &gap);

		if (n == HEAD_CELLS) {
			while (n > 0)
				free(cell[--n]);
			return 0;
		}
		start[n] = col;
		cell[n++] = trimmed(s, (size_t)(end - s));
		col += norm_width(s, (size_t)(end + gap - s));
		s = end + gap;
	}
	return n;
}

static void
free_cells(char *cell[], int n)
{
	while (n > 0)
		free(cell[--n]);
}

/* Is a cell a mark of a matrix: ○ (taken), － or × (not)? */
static int
is_mark_cell(const char *c)
{
	static const char *const marks[] = { "○", "〇", "◯", "●", "◎", "✓",
	    "✔", "レ", "－", "-", "―", "—", "‐", "×", "✕", "ー", NULL };

	for (int i = 0; marks[i]; i++)
		if (strcmp(c, marks[i]) == 0)
			return 1;
	return 0;
}

/* How many of a line's last cells are marks (0 when all are). */
static int
trailing_marks(char *cell[], int n)
{
	int k = 0;

	while (k < n && is_mark_cell(cell[n - 1 - k]))
		k++;
	return k < n ? k : 0;
}

/* The rows of a mark matrix from line j with k marks each: the line
 * after them (blank lines between them aside). */
static size_t
matrix_rows_end(const struct pass *ps, size_t j, int k, int *rows)
{
	size_t end = j;

	*rows = 0;
	for (size_t i = j; i < ps->in->n; i++) {
		char *cell[HEAD_CELLS];
		int col[HEAD_CELLS], n;

		if (is_blank_line(ps->in->lines[i].text))
			continue;
		if (strchr(ps->in->lines[i].text, '\t') != NULL)
			break;
		n = line_cells(ps->in->lines[i].text, cell, col);
		if (n < 2 || trailing_marks(cell, n) != k) {
			free_cells(cell, n);
			break;
		}
		free_cells(cell, n);
		(*rows)++;
		end = i + 1;
	}
	return end;
}

/* Emit a matrix row: its item (the cells before the marks, a number
 * cell aside) then its k marks, TAB between. */
static void
emit_matrix_row(struct pass *ps, size_t i, int k)
{
	char *cell[HEAD_CELLS];
	int col[HEAD_CELLS], n = line_cells(ps->in->lines[i].text, cell, col);
	struct buf row = BUF_INIT;

	for (int c = 0; c < n - k; c++)
		if (!(c == 0 && n - k > 1 && numbering_digits_len(cell[c]) ==
		    strlen(cell[c])))
			buf_puts(&row, cell[c]);	/* (not its number) */
	for (int c = n - k; c < n; c++)
		buf_printf(&row, "\t%s", cell[c]);
	emit(ps, &ps->in->lines[i], row.data);
	buf_free(&row);
	free_cells(cell, n);
}

/*
 * A matrix of marks set with spaces: a head of column names (手続Ａ
 * 手続Ｂ, a second line under it naming their kinds: 外部結合 業務委託),
 * over rows of an item and a mark per column (○ taken, － not).  Emits
 * the head as one TAB row (項目, each column's names joined) and each
 * row as item<TAB>marks; returns the line after the rows, or i.
 */
static size_t
mark_matrix(struct pass *ps, size_t i)
{
	char *h1[HEAD_CELLS], *h2[HEAD_CELLS];
	int c1[HEAD_CELLS], c2[HEAD_CELLS], n1, n2 = 0, k = 0, rows = 0;
	size_t j = i + 1, body, end;
	struct buf head = BUF_INIT;

	if (strchr(ps->in->lines[i].text, '\t') != NULL)
		return i;
	if ((n1 = line_cells(ps->in->lines[i].text, h1, c1)) < 3) {
		free_cells(h1, n1);
		return i;
	}
	if (trailing_marks(h1, n1) > 0 || is_blank_line(ps->in->lines[j <
	    ps->in->n ? j : i].text) || j >= ps->in->n)
		n2 = 0;
	else {
		n2 = line_cells(ps->in->lines[j].text, h2, c2);
		if (trailing_marks(h2, n2) > 0 || n2 > n1) {
			free_cells(h2, n2);
			n2 = 0;
		} else
			j++;
	}
	for (body = j; body < ps->in->n &&
	    is_blank_line(ps->in->lines[body].text); body++)
		;
	if (body < ps->in->n && strchr(ps->in->lines[body].text, '\t') ==
	    NULL) {
		char *cell[HEAD_CELLS];
		int col[HEAD_CELLS], n = line_cells(ps->in->lines[body].text,
		    cell, col);

		k = trailing_marks(cell, n);
		free_cells(cell, n);
	}
	end = k >= 2 && k < n1 ? matrix_rows_end(ps, body, k, &rows) : body;
	if (k < 2 || k >= n1 || rows < 3 || (n2 > 0 && n2 < k)) {
		free_cells(h1, n1);
		free_cells(h2, n2);
		return i;
	}
	buf_puts(&head, n1 - k - 1 >= 0 ? h1[n1 - k - 1] : "項目");
	for (int c = 0; c < k; c++)
		buf_printf(&head, "\t%s%s%s", h1[n1 - k + c], n2 ? " " : "",
		    n2 ? h2[n2 - k + c] : "");
	emit(ps, &ps->in->lines[i], head.data);
	for (size_t r = body; r < end; r++)
		if (!is_blank_line(ps->in->lines[r].text))
			emit_matrix_row(ps, r, k);
	buf_free(&head);
	free_cells(h1, n1);
	free_cells(h2, n2);
	return end;
}

/* Join cells [keep - 1, n) into one, a full-width space between (the
 * last value's words a single wide space apart); the new count. */
static int
join_last_cells(char *cell[], int n, int keep)
{
	struct buf b = BUF_INIT;

	for (int c = keep - 1; c < n; c++) {
		if (c > keep - 1)
			buf_puts(&b, "\xe3\x80\x80");
		buf_puts(&b, cell[c]);
		free(cell[c]);
	}
	cell[keep - 1] = buf_detach(&b);
	return keep;
}

/* Does line v hold as many cells as a head of n: a table's next row
 * ("番号　項目" over "１　被保険者番号", "２　申請区分" …), not a value? */
static int
more_rows_below(const struct pass *ps, size_t v, int n)
{
	char *cell[HEAD_CELLS];
	int col[HEAD_CELLS], k;

	if (v >= ps->in->n || strchr(ps->in->lines[v].text, '\t') != NULL)
		return 0;
	k = line_cells(ps->in->lines[v].text, cell, col);
	free_cells(cell, k);
	return k == n && n >= 2;
}

/*
 * "評価書番号      評価書名" over "３      後期高齢者…評価書": two or
 * more known labels side by side, and under them as many values, each
 * starting near its label's column.  Emits label<TAB>value per column
 * and returns the line after the values, or i when line i is no such
 * head.
 */
/* Line i's text, trimmed, when it is the whole of a known label or a
 * number's label ("評価書番号"); NULL otherwise.  New string. */
static char *
label_line(const struct pass *ps, size_t i, int number)
{
	char *t, *k;
	int ok;

	if (i >= ps->in->n || strchr(ps->in->lines[i].text, '\t') != NULL)
		return NULL;
	t = trimmed(ps->in->lines[i].text, strlen(ps->in->lines[i].text));
	k = label_key(t, strlen(t));
	ok = *t != '\0' && (number ? is_number_label(k) : known_label(k));
	free(k);
	if (!ok) {
		free(t);
		return NULL;
	}
	return t;
}

/*
 * "評価書番号" / "評価書名" / "６" / "国民健康保険に関する事務　重点項目
 * 評価書", one a line (a PDF's two-by-two head as plain text gives it):
 * a number's label and another, then the number and the other's value.
 * Returns the line after the values, or i.
 */
static size_t
number_label_stack(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	char *first = label_line(ps, i, 1), *second = NULL, *num = NULL;
	int ok = first != NULL && (second = label_line(ps, i + 1, 0)) != NULL &&
	    i + 3 < ps->in->n;

	if (ok) {
		num = trimmed(ps->in->lines[i + 2].text,
		    strlen(ps->in->lines[i + 2].text));
		ok = *num != '\0' && numbering_digits_len(num) == strlen(num) &&
		    !is_blank_line(ps->in->lines[i + 3].text) &&
		    strchr(ps->in->lines[i + 3].text, '\t') == NULL;
	}
	if (ok) {
		emit_row(ps, dl, first, num);
		emit_row(ps, &ps->in->lines[i + 1], second,
		    skip_space_c(ps->in->lines[i + 3].text));
	}
	free(first);
	free(second);
	free(num);
	return ok ? i + 4 : i;
}

/*
 * "評価書番号 評価書名" over "３ 後期高齢者医療制度関係事務 重点項目評価書"
 * set with single spaces (a PDF's): a number's label and another over
 * a number and the rest of the line.  Returns the line after the
 * values, or i.
 */
static size_t
number_label_pair(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *t, *sp, *v, *vsp;
	char *first, *second, *k1, *k2, *num;
	size_t next = i + 1;
	int ok, col = 0;

	t = skip_space(dl->text, &col);
	if (strchr(t, ' ') == NULL)
		return number_label_stack(ps, i);
	if ((sp = strchr(t, ' ')) == NULL || strchr(sp + 1, ' ') != NULL)
		return i;
	while (next < ps->in->n && next < i + 3 &&
	    is_blank_line(ps->in->lines[next].text))
		next++;
	if (next >= ps->in->n || strchr(ps->in->lines[next].text, '\t'))
		return i;
	v = skip_space(ps->in->lines[next].text, &col);
	if (numbering_digits_len(v) == 0 || (vsp = strchr(v, ' ')) == NULL ||
	    numbering_digits_len(v) != (size_t)(vsp - v))
		return i;
	first = trimmed(t, (size_t)(sp - t));
	second = trimmed(sp + 1, strlen(sp + 1));
	k1 = label_key(first, strlen(first));
	k2 = label_key(second, strlen(second));
	ok = is_number_label(k1) && known_label(k2);
	if (ok) {
		num = trimmed(v, (size_t)(vsp - v));
		emit_row(ps, dl, first, num);
		emit_row(ps, dl, second, skip_space_c(vsp));
		free(num);
	}
	free(first);
	free(second);
	free(k1);
	free(k2);
	return ok ? next + 1 : i;
}

/* A number's label and another over a number and the rest ("評価書番号
 * 評価書名" over "１２  児童扶養手当に関する事務　基礎項目評価書"),
 * however the two are centred in their cells? */
static int
number_over_name(char *head[], char *val[], int nv)
{
	char *k0 = label_key(head[0], strlen(head[0]));
	char *k1 = label_key(head[1], strlen(head[1]));
	int ok = is_number_label(k0) && known_label(k1) && nv >= 2 &&
	    numbering_digits_len(val[0]) == strlen(val[0]) && *val[0] != '\0';

	free(k0);
	free(k1);
	return ok;
}

static size_t
labels_over_values(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	char *head[HEAD_CELLS], *val[HEAD_CELLS];
	int hcol[HEAD_CELLS], vcol[HEAD_CELLS], nh, nv = 0, ok = 1;
	size_t v = i + 1;

	if (strchr(dl->text, '\t') != NULL)
		return i;
	if ((nh = line_cells(dl->text, head, hcol)) < 2) {
		free_cells(head, nh);
		return number_label_pair(ps, i);
	}
	for (int c = 0; c < nh && ok; c++) {
		char *k = label_key(head[c], strlen(head[c]));

		ok = known_label(k) || is_number_label(k);
		free(k);
	}
	while (ok && v < ps->in->n && is_blank_line(ps->in->lines[v].text) &&
	    v < i + 2)
		v++;
	if (ok && v < ps->in->n && strchr(ps->in->lines[v].text, '\t') ==
	    NULL)
		nv = line_cells(ps->in->lines[v].text, val, vcol);
	if (ok && nv > nh && nh > 0 && vcol[nh - 1] >= hcol[nh - 1] - 2)
		nv = join_last_cells(val, nv, nh);	/* "…事務　重点項目
							   評価書": one value */
	ok = ok && nv == nh && !more_rows_below(ps, v + 1, nh);
	for (int c = 0; c < nh && ok; c++)	/* under its label */
		ok = vcol[c] < (c + 1 < nh ? hcol[c + 1] : INT_MAX) &&
		    (c == 0 || vcol[c] >= vcol[c - 1]) &&
		    abs(vcol[c] - hcol[c]) <= 2 * FORM_GAP + 4;
	if (!ok && nh == 2 && nv >= 2 && number_over_name(head, val, nv) &&
	    !more_rows_below(ps, v + 1, nh)) {
		nv = join_last_cells(val, nv, 2);	/* "評価書番号  評価書名"
							   over "１２  児童…事務
							   基礎項目評価書",
							   centred */
		ok = 1;
	}
	for (int c = 0; c < nh && ok; c++)
		emit_row(ps, dl, head[c], val[c]);
	free_cells(head, nh);
	if (nv > 0)
		free_cells(val, nv);
	return ok ? v + 1 : i;
}

/* ---- records of pairs on one line ---- */

#define SLASH	"／"

/* A piece of a record line that is "label：value" (a colon near its
 * start)? */
static int
is_pair_piece(const char *s, size_t n)
{
	const char *c = strstr(s, "：");

	if (c == NULL || (size_t)(c - s) >= n)
		c = memchr(s, ':', n);
	return c != NULL && c > s && (size_t)(c - s) <= 3 * 24 &&
	    (size_t)(c - s) < n;
}

/* A pair piece as a row: its label (numbering dropped) and value. */
static void
pair_piece_row(struct pass *ps, const struct doc_line *dl, const char *s)
{
	const char *c = strstr(s, "："), *colon = strchr(s, ':');
	char *label;

	if (c == NULL || (colon != NULL && colon < c))
		c = colon;
	s += numbering_len(s);
	if (c <= s) {
		emit(ps, dl, s);
		return;
	}
	label = trimmed(s, (size_t)(c - s));
	emit_row(ps, dl, label, skip_space_c(c + (*c == ':' ? 1 : 3)));
	free(label);
}

/*
 * "【委託事項1】委託事項名：…／①委託内容：…／③委託先名：…": a record of
 * pairs on one line, parted by full-width slashes (an export's "one
 * line, one record").  A leading 【…】 becomes a line of its own (a
 * heading), each pair a row, any other piece a line of text.  Returns
 * 1 when line i was such a record.
 */
static int
slashed_pairs(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *s = skip_space_c(dl->text), *close;
	size_t pairs = 0;
	int spaced = 1;

	if (strstr(s, SLASH) == NULL || strchr(s, '\t') != NULL)
		return 0;
	for (const char *p = s; *p; ) {
		const char *end = strstr(p, SLASH);
		size_t n = end ? (size_t)(end - p) : strlen(p);

		pairs += is_pair_piece(p, n);
		if (end != NULL && !(space_before(s, end) &&
		    is_space_at(end + strlen(SLASH))))
			spaced = 0;
		p += n + (end ? strlen(SLASH) : 0);
	}
	/* (one pair will do where the slashes stand apart: "諮問第9号　／
	   諮問日：…"; "項目：氏名／住所" is one pair, a list in it) */
	if (pairs < 2 && !(pairs == 1 && spaced))
		return 0;
	if (str_has_prefix(s, "【") && (close = strstr(s, "】")) != NULL &&
	    close - s <= 3 * 16) {
		char *head = xstrndup(s, (size_t)(close - s) + strlen("】"));

		emit(ps, dl, head);
		free(head);
		s = close + strlen("】");
	}
	for (const char *p = s; *p; ) {
		const char *end = strstr(p, SLASH);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *piece = trimmed(p, n);
		struct reading r;

		read_line(piece, ps->form_col, &r);
		if (r.sep == SEP_COLON)
			emit_row(ps, dl, r.label, r.value);
		else if (is_pair_piece(piece, strlen(piece)))
			pair_piece_row(ps, dl, piece);	/* any label */
		else if (*piece)
			emit(ps, dl, piece);
		reading_free(&r);
		free(piece);
		p += n + (end ? strlen(SLASH) : 0);
	}
	return 1;
}

/* In value, white space then a known label and a colon ("… 報告日："):
 * where that label starts, or NULL. */
static const char *
next_pair_at(const char *value)
{
	for (const char *p = value; *p; ) {
		const char *start, *c;
		char *key;
		int known;

		if (!is_space_at(p)) {
			p++;
			continue;
		}
		start = skip_space_c(p);
		c = strstr(start, "：");
		if (c == NULL || c == start || c - start > 3 * 12) {
			p = start;
			continue;
		}
		key = label_key(start, (size_t)(c - start));
		known = known_label(key) && !is_space_at(start);
		free(key);
		if (known && memchr(start, ' ', (size_t)(c - start)) == NULL)
			return start;
		p = start;
	}
	return NULL;
}

/*
 * "所管：衛生部データヘルス推進課 報告日：令和７年６月２０日": pairs side
 * by side on one line (a Markdown paragraph run together, a PDF's row),
 * a row each.  Returns 1 when line i was such a line.
 */
static int
pairs_side_by_side(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *s = dl->text, *next;
	struct reading r;

	if (strchr(s, '\t') != NULL)
		return 0;
	read_line(s, -1, &r);
	if (r.sep != SEP_COLON || r.numbered ||
	    (next = next_pair_at(r.value)) == NULL) {
		reading_free(&r);
		return 0;
	}
	for (;;) {
		char *v = trimmed(r.value, next ? (size_t)(next - r.value) :
		    strlen(r.value));

		emit_row(ps, dl, r.label, v);
		free(v);
		reading_free(&r);
		if (next == NULL)
			return 1;
		read_line(next, -1, &r);
		if (r.sep != SEP_COLON) {
			emit(ps, dl, next);
			reading_free(&r);
			return 1;
		}
		next = next_pair_at(r.value);
	}
}

/* Rewrite line i (and what it absorbs); returns the next line to read. */
/*
 * Dots lead to a value only roughly where the next lines continue it
 * (their count is the writer's guess): the column of line i when it is
 * text indented within two characters of col, else col.
 */
static int
leader_value_col(const struct pass *ps, size_t i, int col)
{
	int at = 0;
	const char *s;

	if (i >= ps->in->n || strchr(ps->in->lines[i].text, '\t') != NULL)
		return col;
	s = skip_space(ps->in->lines[i].text, &at);
	return *s != '\0' && at > 0 && abs(at - col) <= 4 ? at : col;
}

/*
 * "委託事項<TAB>委託事項1：…\n委託先：…\n再委託の有無：…": a cell
 * that holds rows of its own (an HTML table's cell of "label：value"
 * lines).  They are emitted as rows after their outer label, which
 * stays as a line of its own.  Returns 1 when line i was such a row.
 */
static int
nested_rows(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *tab = strchr(dl->text, '\t'), *p;
	char *label;
	size_t inner = 0;

	if (tab == NULL || strchr(tab + 1, '\t') != NULL ||
	    strchr(tab + 1, '\n') == NULL)
		return 0;
	for (p = tab + 1; *p; ) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		struct reading r;

		memset(&r, 0, sizeof(r));
		if (read_colon(line, 0, &r) && r.sep == SEP_COLON)
			inner++;
		reading_free(&r);
		free(line);
		p += n + (p[n] == '\n');
	}
	if (inner < 3)
		return 0;	/* (two notes, 受託者：… 再受託者：…, are a value) */
	label = trimmed(dl->text, (size_t)(tab - dl->text));
	emit(ps, dl, label);
	free(label);
	for (p = tab + 1; *p; ) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		struct reading r;

		memset(&r, 0, sizeof(r));
		if (read_colon(line, 0, &r) && r.sep == SEP_COLON)
			emit_row(ps, dl, r.label, r.value);
		else if (!is_blank_line(line))
			emit(ps, dl, line);
		reading_free(&r);
		free(line);
		p += n + (p[n] == '\n');
	}
	return 1;
}

/* ---- a sheet of one pair a row: 区分 | 項目 | 細目 | 内容 ---- */

#define LONG_COLS	12

/* The TAB cells of s, trimmed, into c (at most LONG_COLS + 1); their
 * number. */
static int
long_cells(const char *s, char **c)
{
	int n = 0;

	for (const char *p = s; n <= LONG_COLS; ) {
		const char *tab = strchr(p, '\t');
		size_t len = tab ? (size_t)(tab - p) : strlen(p);

		c[n++] = trimmed(p, len);
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	return n;
}

static void
free_tab_cells(char **c, int n)
{
	for (int i = 0; i < n; i++)
		free(c[i]);
}

/* What the columns of a long sheet hold, found from its head. */
struct long_head {
	int	 width;		/* cells of the head, and of every row */
	int	 label;		/* the label column (項目); the columns
				   before it group the rows (区分, 手続番号) */
	int	 sub;		/* a sub-label column (細目), or -1 */
	int	 value;		/* the value column (内容, 値, 変更後); any
				   after it are remarks (備考) */
	char	*heads[LONG_COLS + 1];	/* the head's cells */
};

static int
is_one_of(const char *cell, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(cell, words[i]) == 0)
			return 1;
	return 0;
}

/*
 * Is the row of cells c (n) the head of a sheet of pairs: a label column
 * after one group column or more (or over the group column too: a
 * colspan), a value column after it?  Fills h.
 */
static int
read_long_head(char **c, int n, struct long_head *h)
{
	static const char *const values[] = { "内容", "値", "記載内容",
	    "記入内容", "記載事項", "変更後", "変更後の内容", NULL };
	static const char *const labels[] = { "項目", "項目名", "事項",
	    "中項目", NULL };
	static const char *const former[] = { "変更前", "変更前の内容",
	    "現行", NULL };

	if (n < 3 || n > LONG_COLS)
		return 0;
	memset(h, 0, sizeof(*h));
	h->label = h->value = h->sub = -1;
	for (int i = 0; i < n && h->label < 0; i++)
		if (is_one_of(c[i], labels))
			h->label = i;
	if (h->label == 0 && *c[1] == '\0')
		h->label = 1;	/* 項目 spans the group column */
	if (h->label < 1)
		return 0;
	for (int i = h->label + 1; i < n && h->value < 0; i++)
		if (is_one_of(c[i], values))
			h->value = i;
	if (h->value < 0)
		return 0;
	for (int i = h->label + 1; i < h->value; i++)
		if (!is_one_of(c[i], former) && h->sub < 0)
			h->sub = i;
	h->width = n;
	for (int i = 0; i < n; i++)
		h->heads[i] = c[i];
	return 1;
}

/*
 * A row of a long sheet whose label spans the group column too (件名 |
 * | …, a colspan): a pair of the whole sheet, under no group.  Moves the
 * label to the label column; the group is left behind.
 */
static void
span_label_over_group(char **c, const struct long_head *h, char **group)
{
	int g = h->label - 1;

	if (g < 0 || *c[g] == '\0' || *c[h->label] != '\0' ||
	    *c[h->value] == '\0')
		return;
	free(c[h->label]);
	c[h->label] = c[g];
	c[g] = xstrdup("");
	for (int j = 0; j < h->label; j++) {
		free(group[j]);
		group[j] = NULL;
	}
}

/*
 * The line that opens group cell v of column j: the cell, or, for a
 * bare number under a head named a number (手続番号 | 2), the head's
 * word and the number ("手続2").
 */
static char *
group_line(const struct long_head *h, int j, const char *v)
{
	const char *head = h->heads[j];
	struct buf b = BUF_INIT;

	if (v[strspn(v, "0123456789")] == '\0' &&
	    str_has_suffix(head, "番号") && strlen(head) > strlen("番号"))
		buf_put(&b, head, strlen(head) - strlen("番号"));
	buf_puts(&b, v);
	return buf_detach(&b);
}

/*
 * The group cells of row c that open a new group: each goes out as a
 * line of its own (a part: 手続１), and the groups right of it start
 * again.  Returns how many did.
 */
static int
open_groups(struct pass *ps, const struct doc_line *dl, char **c,
    const struct long_head *h, char **group)
{
	int opened = 0;

	for (int j = 0; j < h->label; j++) {
		char *line;

		if (*c[j] == '\0' || (group[j] != NULL &&
		    strcmp(c[j], group[j]) == 0))
			continue;
		for (int k = j; k < h->label; k++) {
			free(group[k]);
			group[k] = NULL;
		}
		group[j] = xstrdup(c[j]);
		line = group_line(h, j, c[j]);
		emit(ps, dl, line);
		free(line);
		opened++;
	}
	return opened;
}

/* Is sub-label s one that names part of a value, not of the label
 * (委託期間 | 開始, 委託先 | 名称)? */
static int
is_value_part(const char *s)
{
	static const char *const parts[] = { "開始", "終了", "名称", NULL };

	return is_one_of(s, parts);
}

/* The label of row c: its label, and its sub-label unless that names a
 * part of the value (委託先 | 所在地 → 委託先所在地). */
static char *
long_label(char **c, const struct long_head *h)
{
	struct buf l = BUF_INIT;

	buf_puts(&l, c[h->label]);
	if (h->sub >= 0 && *c[h->sub] && !is_value_part(c[h->sub]))
		buf_puts(&l, c[h->sub]);
	return buf_detach(&l);
}

/* Add row c's value to the value of its label so far. */
static void
add_long_value(struct buf *value, char **c, const struct long_head *h)
{
	const char *v = c[h->value];

	if (value->len > 0 && *v)
		buf_puts(value, h->sub >= 0 && strcmp(c[h->sub], "終了") == 0 ?
		    "～" : str_has_suffix(value->data, "。") ? "\n" : "、");
	buf_puts(value, v);
}

/*
 * A sheet whose rows are each one pair of a group ("区分 | 項目 | 細目 |
 * 内容": 基本事項 | 件名 | | …, 手続１ | 取り扱う個人情報 | | 氏名; an
 * open-data file's 案件番号 | 手続番号 | 項目名 | 値 | 備考; a change
 * form's 区分 | 項目 | 変更前 | 変更後, read after the change):
 * each new group a line of its own (a part: 手続１), each label a row,
 * a label's rows in a run one value (items one a row, joined by 、;
 * 開始 and 終了 rows one period), a label with its sub-label one label
 * (委託先 | 所在地 → 委託先所在地).  Returns the line after the sheet,
 * or i when line i heads none.
 */
static size_t
long_table(struct pass *ps, size_t i)
{
	char *c[LONG_COLS + 1], *group[LONG_COLS] = { NULL }, *label = NULL;
	struct buf value = BUF_INIT;
	struct long_head h;
	const struct doc_line *at = NULL;
	int n = long_cells(ps->in->lines[i].text, c);
	size_t j;

	if (!read_long_head(c, n, &h)) {
		free_tab_cells(c, n);
		return i;
	}
	for (j = i + 1; j < ps->in->n; j++) {
		const struct doc_line *dl = &ps->in->lines[j];
		int opened;

		if (strchr(dl->text, '\t') == NULL && !is_blank_line(dl->text))
			break;
		n = long_cells(dl->text, c);
		while (n > h.value && n < h.width)
			c[n++] = xstrdup("");	/* empty remarks left out */
		if (n != h.width) {
			free_tab_cells(c, n);
			if (is_blank_line(dl->text))
				continue;
			break;
		}
		if (*c[h.label] == '\0' && *c[h.value] == '\0') {
			free_tab_cells(c, n);
			continue;	/* a blank row between groups */
		}
		span_label_over_group(c, &h, group);
		opened = 0;	/* a group cell new: the label before ends */
		for (int g = 0; g < h.label; g++)
			opened |= *c[g] && (group[g] == NULL ||
			    strcmp(c[g], group[g]) != 0);
		if (label != NULL && (opened || *c[h.label] == '\0' ||
		    strcmp(c[h.label], label) || (h.sub >= 0 && *c[h.sub] &&
		    strcmp(c[h.sub], "終了") && strcmp(c[h.sub], "名称")))) {
			emit_row(ps, at, label, value.data ? value.data : "");
			free(label);
			label = NULL;
			buf_truncate(&value, 0);
		}
		open_groups(ps, dl, c, &h, group);
		if (*c[h.label] == '\0') {
			free_tab_cells(c, n);
			continue;
		}
		if (label == NULL) {
			label = long_label(c, &h);
			at = dl;
		}
		if (value.len > 0 && *c[h.value] &&
		    strstr(value.data, c[h.value]) != NULL) {
			free_tab_cells(c, n);
			continue;	/* a row typed twice */
		}
		add_long_value(&value, c, &h);
		free_tab_cells(c, n);
	}
	if (label != NULL)
		emit_row(ps, at, label, value.data ? value.data : "");
	free(label);
	for (int g = 0; g < LONG_COLS; g++)
		free(group[g]);
	free_tab_cells(h.heads, h.width);
	buf_free(&value);
	return j;
}

/*
 * "[Ⅱ-4-委託事項1] 委託事項名 ＝ …": an item code whose last part is a
 * word and its number opens that part; the part goes out as a line of
 * its own ("委託事項1") before the line, so that its items (coded
 * "[Ⅱ-4-委託事項1-①]") fall under it.
 */
static void
part_of_item_code(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *s = skip_space_c(dl->text), *close, *last, *d;
	char *part;

	if ((close = item_code_end(s)) == NULL)
		return;
	for (last = close; last > s && last[-1] != '-' && last[-1] != '['; )
		last--;
	for (d = close; d > last && isdigit((unsigned char)d[-1]); d--)
		;
	if (d == close || d == last || !(*last & 0x80))
		return;	/* no number, or no word before it */
	part = xstrndup(last, (size_t)(close - last));
	emit(ps, dl, part);
	free(part);
}



static int	opens_with_header(const char *v);

static const char *next_matter(const char *v);

/*
 * "４　議　題　　（１）諮問第２号 …": a head over a list of matters,
 * each a line of its own (also when a PDF's cell ran them together:
 * "…について（２）諮問第３号 …").
 */
static void
emit_matters(struct pass *ps, const struct doc_line *dl, const char *label,
    const char *value)
{
	const char *v = value, *p;

	emit(ps, dl, label);
	while ((p = next_matter(v)) != NULL) {
		char *one = xstrndup(v, (size_t)(p - v));

		emit(ps, dl, one);
		free(one);
		v = p;
	}
	emit(ps, dl, v);
}

/* A row of two cells, a head over its matters ("４　議　題<TAB>（１）
 * 諮問第２号 …"): emitted as emit_matters() does; 1 when it was one. */
static int
matters_row(struct pass *ps, const struct doc_line *dl)
{
	const char *tab = strchr(dl->text, '\t');
	char *label;
	int yes;

	if (tab == NULL || strchr(tab + 1, '\t') != NULL ||
	    numbering_len(str_skip_spaces(tab + 1)) == 0 ||
	    !opens_with_header(tab + 1))
		return 0;	/* (not "資料2<TAB>諮問第42号説明資料") */
	label = xstrndup(dl->text, (size_t)(tab - dl->text));
	yes = label_field(label) == FIELD_NONE;
	if (yes)
		emit_matters(ps, dl, label, tab + 1);
	free(label);
	return yes;
}

/* The next "（２）諮問第３号" in v after its first character, or NULL. */
static const char *
next_matter(const char *v)
{
	for (const char *p = strstr(v + 1, "（"); p != NULL;
	    p = strstr(p + 3, "（")) {
		size_t n = numbering_len(p);

		if (n > 0 && opens_with_header(p))
			return p;
	}
	return NULL;
}

/* Does a value open with a numbered case header ("（１）諮問第２号 …")? */
static int
opens_with_header(const char *v)
{
	static const char *const words[] = { "諮問第", "報告第", "付議第",
	    "答申第", "議案第", NULL };
	const char *p = str_skip_spaces(v);

	p += numbering_len(p);
	p = str_skip_spaces(p);
	for (int i = 0; words[i]; i++)
		if (str_has_prefix(p, words[i]))
			return 1;
	return 0;
}
/*
 * A row whose label cell opens with a mark ("①委託先<TAB>株式会社…", "ア
 * 結合の相手方<TAB>…", as a PDF's table prints "①　委託先："): the row
 * without the mark, when the rest is a known label; else s.  Not a bare
 * number cell ("1<TAB>…": a list's No).
 */
static const char *
unmarked_label_cell(const char *s)
{
	const char *tab = strchr(s, '\t'), *label;
	int needs_space;
	size_t n;
	char *key;
	enum field_id f;

	if (tab == NULL || (n = numbering_mark_len(s, &needs_space)) == 0 ||
	    s + n >= tab)
		return s;
	label = str_skip_spaces(s + n);
	if (needs_space && label == s + n)
		return s;	/* "ア" of "アクセス記録" */
	key = xstrndup(label, (size_t)(tab - label));
	f = label_field(key);
	free(key);
	return f > FIELD_IGNORE ? label : s;
}

/*
 * "00:01:02　置賜総合支庁_地域保健福祉課": a transcript's turn, its time
 * and who speaks (no sentence), as a row "00:01:02<TAB>…"; NULL when s
 * is no such line.
 */
static char *
timed_turn(const char *s)
{
	const char *p = skip_space_c(s), *t = p, *who;
	int parts = 0;

	while (isdigit((unsigned char)*t) && parts < 3) {
		while (isdigit((unsigned char)*t))
			t++;
		parts++;
		if (*t != ':' || !isdigit((unsigned char)t[1]))
			break;
		t++;
	}
	who = skip_space_c(t);
	if (parts < 2 || t - p > 8 || who == t || *who == '\0' ||
	    strlen(who) > 3 * 30 || strstr(who, "。") != NULL ||
	    strchr(who, '\t') != NULL)
		return NULL;
	{
		struct buf b = BUF_INIT;

		buf_put(&b, p, (size_t)(t - p));
		buf_putc(&b, '\t');
		buf_puts(&b, who);
		return buf_detach(&b);
	}
}

/* The first word of s (up to a space) and where the rest starts. */
static char *
first_word(const char *s, const char **rest)
{
	const char *sp = s;

	while (*sp && *sp != ' ' && *sp != '\t' &&
	    !str_has_prefix(sp, "\xe3\x80\x80"))
		sp++;
	*rest = str_skip_spaces(sp);
	return xstrndup(s, (size_t)(sp - s));
}

/* Lines from j on that go on in column col or right of it (a value's
 * lines under its first), each a piece of value.  Returns the line
 * after them. */
static size_t
gather_indented(const struct pass *ps, size_t j, int col, struct buf *value)
{
	for (; j < ps->in->n; j++) {
		const char *text = ps->in->lines[j].text;
		const char *s = str_skip_spaces(text);

		if (*s == '\0' || strchr(text, '\t') != NULL ||
		    norm_width(text, (size_t)(s - text)) + 1 < col)
			break;
		put_piece(value, s, str_has_suffix(value->data, "、"));
	}
	return j;
}

/*
 * A label cell wrapped inside a row of a two-column table, as a PDF's
 * text layer gives it: "（４） 取り扱わせる個人 世帯主の氏名、…、" then
 * "情報 罹災証明書の交付状況、…" — the first words of the two lines are
 * one known label (neither is one alone), one space apart from the rest,
 * which is one value with any lines indented under it.  Emits the
 * row and returns the line after the pair; i when line i is no such
 * row.
 */
static size_t
torn_label_row(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	const char *s = str_skip_spaces(dl->text), *v1, *v2, *next;
	char *a = NULL, *b = NULL, *key = NULL, *both = NULL;
	struct buf label = BUF_INIT, value = BUF_INIT;
	size_t out = i;

	if (i + 1 >= ps->in->n || strchr(dl->text, '\t') != NULL)
		return i;
	s = str_skip_spaces(s + numbering_len(s));
	next = str_skip_spaces(ps->in->lines[i + 1].text);
	if (*next == '\0' || numbering_len(next) > 0 ||
	    strchr(next, '\t') != NULL)
		return i;
	a = first_word(s, &v1);
	key = label_key(a, strlen(a));
	if (*v1 == '\0' || norm_width(a, strlen(a)) < 6 ||
	    norm_width(s + strlen(a), (size_t)(v1 - s) - strlen(a)) > 2 ||
	    known_label(key))
		goto out;	/* (a label in a column of its own, wider apart
				   from its value, is gather_column()'s) */
	b = first_word(next, &v2);
	buf_puts(&label, a);
	buf_puts(&label, b);
	both = label_key(label.data, label.len);
	if (*v2 == '\0' || !label_joins(key, both))
		goto out;
	put_piece(&value, v1, 0);
	put_piece(&value, v2, str_has_suffix(v1, "、"));
	out = gather_indented(ps, i + 2, norm_width(ps->in->lines[i + 1].text,
	    (size_t)(v2 - ps->in->lines[i + 1].text)), &value);
	emit_row(ps, dl, label.data, value.data);
out:
	free(a);
	free(b);
	free(key);
	free(both);
	buf_free(&label);
	buf_free(&value);
	return out;
}

static size_t
normalise_line(struct pass *ps, size_t i)
{
	const struct doc_line *dl = &ps->in->lines[i];
	struct reading r;
	struct buf label = BUF_INIT, value = BUF_INIT;
	char *joined, *cells;
	size_t next = i + 1;

	if (matters_row(ps, dl))
		return next;
	if ((cells = timed_turn(dl->text)) != NULL) {
		emit(ps, dl, cells);
		free(cells);
		return next;
	}
	if ((cells = pipe_row(dl->text)) != NULL) {
		if (*cells)
			emit(ps, dl, cells);
		free(cells);
		return next;
	}
	if ((next = mark_matrix(ps, i)) > i)
		return next;
	if ((next = labels_over_values(ps, i)) > i)
		return next;
	if ((next = long_table(ps, i)) > i)
		return next;
	if ((next = torn_label_row(ps, i)) > i)
		return next;
	part_of_item_code(ps, i);
	if (slashed_pairs(ps, i) || pairs_side_by_side(ps, i))
		return i + 1;
	if (nested_rows(ps, i))
		return i + 1;
	next = i + 1;
	read_line(dl->text, ps->form_col, &r);
	if (r.sep == SEP_NONE && defines_term(ps, i)) {
		/* "term" then ":   value": the markup pairs them */
		int col = 0;

		r.label = trimmed(skip_space(dl->text, &col),
		    strlen(skip_space(dl->text, &col)));
		r.value = "";
		r.sep = SEP_ALONE;
	}
	if ((r.sep == SEP_NONE || (r.sep == SEP_ALONE && unclosed_label(&r))) &&
	    dl->heading == 0 && (joined = wrapped_label(ps, i)) != NULL) {
		reading_free(&r);
		read_alone(joined, &r);
		free(joined);
		next = i + 2;
	}
	if (r.sep == SEP_NONE || (dl->heading > 0 &&
	    label_field(r.label) <= FIELD_IGNORE)) {
		reading_free(&r);
		emit(ps, dl, unmarked_label_cell(dl->text));
		return next;
	}
	if (label_field(r.label) == FIELD_NONE &&
	    numbering_len(str_skip_spaces(r.value)) > 0 &&
	    opens_with_header(r.value)) {
		emit_matters(ps, dl, r.label, r.value);
		reading_free(&r);
		return next;
	}
	buf_puts(&label, r.label);
	if (r.trim_close) {
		char *v = xstrdup(r.value);
		size_t n = strlen(v);

		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			n--;
		v[n >= 3 ? n - 3 : 0] = '\0';
		put_piece(&value, v, 0);
		free(v);
		emit_row(ps, dl, label.data, value.data);
		reading_free(&r);
		buf_free(&label);
		buf_free(&value);
		return next;
	}
	if (r.sep == SEP_ALONE)
		next = label_note_below(ps, next, &label);
	if (r.sep == SEP_ALONE)
		next = gather_below(ps, next, label_field(r.label),
		    indent_of(dl->text), &value);
	else {
		put_piece(&value, r.value, 0);
		if (r.leader)
			r.value_col = leader_value_col(ps, next, r.value_col);
		next = gather_column(ps, next, r.value_col, r.label_col, &label,
		    &value);
		if (r.one_space && !r.numbered && next == i + 1)
			next = gather_run_on(ps, next, &value);
		else if (next == i + 1)
			next = gather_wrapped(ps, next, &value);
	}
	if (r.sep == SEP_ALONE && (value.len == 0 ||
	    !value_fits(label_field(r.label), value.data))) {
		/* a label with nothing (fit) under it: "認定期間" in a list
		   of items, not a period's label */
		emit(ps, dl, dl->text);
		next = i + 1;
	} else
		emit_row(ps, dl, label.data, value.data);
	reading_free(&r);
	buf_free(&label);
	buf_free(&value);
	return next;
}

/* ---- tables drawn with characters, and CSV ---- */

/*
 * Bytes of a box-drawing character at s (U+2500-U+257F: walls, rules and
 * corners, UTF-8 E2 94 80 - E2 95 BF), or 0.
 */
static size_t
box_char(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (str_has_prefix(s, "―") || str_has_prefix(s, "－") ||
	    str_has_prefix(s, "｜"))
		return 3;	/* a table drawn with full-width bars */
	return u[0] == 0xe2 && (u[1] == 0x94 || u[1] == 0x95) &&
	    u[2] >= 0x80 && u[2] <= 0xbf ? 3 : 0;
}

/*
 * A table drawn with box characters ("┃①委託先　│株式会社…"): walls
 * become white space of their width, so that the label and value
 * columns line up as text printed with -layout does; a line of rules
 * only ("┠──┼──") becomes an empty line, ending the row above.  NULL
 * when the line draws nothing.
 */
static char *
unbox(const char *s)
{
	struct buf b = BUF_INIT;
	int drawn = 0, text = 0;

	if (strstr(s, "\xe2\x94") == NULL && strstr(s, "\xe2\x95") == NULL)
		return NULL;	/* the common case: nothing drawn */

	for (const char *p = s; *p; ) {
		size_t n = box_char(p);

		if (n > 0) {
			buf_puts(&b, "\xe3\x80\x80");
			drawn = 1;
			p += n;
		} else {
			text |= !is_space_at(p);
			buf_putc(&b, *p++);
		}
	}
	if (!drawn) {
		buf_free(&b);
		return NULL;
	}
	if (!text)
		buf_truncate(&b, 0);
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);	/* the padding before the wall */
	while (b.len >= 3 && memcmp(b.data + b.len - 3, "\xe3\x80\x80", 3) == 0)
		buf_truncate(&b, b.len - 3);
	return buf_detach(&b);
}

/*
 * A line of comma-separated values opening with a quote (prose has
 * commas, exports quote): its fields joined by TAB ("\"No\",\"担当課\""
 * → "No<TAB>担当課"), quotes undone (csv.h).  NULL when the line is not
 * such a record.  (A whole CSV file was read as rows by doc_parse().)
 */
static char *
csv_row(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p = s;

	if (*s != '"')
		return NULL;
	csv_record(&p, s + strlen(s), &b);
	if (b.data == NULL || strchr(b.data, '\t') == NULL) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/*
 * TABs that align text rather than part cells: a line that starts with
 * one, holds two in a row, or whose first cell is only a numbering mark
 * ("１．<TAB>委託先"), in a document where at least two lines show
 * that use.  Such a line has its TABs expanded to spaces (to the next
 * multiple of eight columns); NULL when its TABs are cells.
 */
/* Is s up to end only a numbering mark with punctuation ("１．",
 * "（２）", "③"), not a bare number (a list table's No column)? */
static int
punctuated_mark(const char *s, const char *end)
{
	int needs_space;
	size_t n = numbering_mark_len(s, &needs_space);

	return n > 0 && !needs_space && s + n == end;
}

/* Is line i of in a row of a sheet: four cells or more, as many as the
 * line before or after it has (its empty cells are cells, "\t\t")? */
static int
in_sheet(const struct doc *in, size_t i)
{
	size_t n = str_count(in->lines[i].text, '\t');

	return n >= 3 && ((i > 0 &&
	    str_count(in->lines[i - 1].text, '\t') == n) ||
	    (i + 1 < in->n && str_count(in->lines[i + 1].text, '\t') == n));
}

/* A run of TABs with text after it, or a numbering mark as first cell:
 * TABs that align. */
static int
aligns_with_tabs(const char *s)
{
	const char *run = strstr(s, "\t\t"), *tab = strchr(s, '\t');

	if (run != NULL && run[strspn(run, "\t")] != '\0')
		return 1;
	return tab != NULL && tab > s && punctuated_mark(s, tab);
}

static char *
detab(const char *s)
{
	const char *tab = strchr(s, '\t');
	struct buf b = BUF_INIT;
	int col = 0;

	if (tab == NULL || !(tab == s || aligns_with_tabs(s)))
		return NULL;
	for (const char *p = s; *p; ) {
		if (*p == '\t') {
			do
				buf_putc(&b, ' ');
			while (++col % 8 != 0);
			p++;
		} else {
			int c, n = norm_char_at(p, &c);

			buf_put(&b, p, (size_t)n);
			col += c;
			p += n;
		}
	}
	return buf_detach(&b);
}

/* The lines with drawn tables undrawn and CSV records as TAB rows. */
/* ---- drawn tables of three columns or more ---- */

static int
is_wall(const char *s)
{
	return str_has_prefix(s, "│") || str_has_prefix(s, "┃") ||
	    str_has_prefix(s, "║") || str_has_prefix(s, "｜") || *s == '|';
}

/* The cells of a drawn line between its walls (trimmed); their count. */
static size_t	drawn_cells_padded(const char *s, struct strlist *cells,
		    int *padded);

static size_t
drawn_cells(const char *s, struct strlist *cells)
{
	return drawn_cells_padded(s, cells, NULL);
}

static int	is_rule_line(const char *s);

/* Columns of white space that end s[0, n) (U+3000 two). */
static int
trailing_pad(const char *s, size_t n)
{
	int cols = 0;

	for (;;)
		if (n >= 1 && s[n - 1] == ' ') {
			n--;
			cols++;
		} else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0) {
			n -= 3;
			cols += 2;
		} else
			return cols;
}

/* As drawn_cells(); padded[j] (when not NULL, up to 64 cells) is how
 * many columns of white space the cell's text leaves before its right
 * wall. */
static size_t
drawn_cells_padded(const char *s, struct strlist *cells, int *padded)
{
	const char *p = s, *start = NULL;

	for (; *p; ) {
		if (is_wall(p)) {
			if (start != NULL) {
				char *c = trimmed(start, (size_t)(p - start));
				int col = 0;
				const char *t = skip_space(c, &col);

				if (padded != NULL && cells->n < 64)
					padded[cells->n] = trailing_pad(start,
					    (size_t)(p - start));
				strlist_push(cells, t);
				free(c);
			}
			p += *p == '|' ? 1 : 3;
			start = p;
		} else
			p += (*p & 0xc0) == 0xc0 ? ((*p & 0xf0) == 0xf0 ? 4 :
			    (*p & 0xe0) == 0xe0 ? 3 : 2) : 1;
	}
	if (start != NULL && cells->n > 0) {
		/* "｜評価実施機関名｜帯広市長": the last cell has no wall */
		char *c = trimmed(start, strlen(start));
		int col = 0;

		if (*skip_space(c, &col) != '\0' && !is_rule_line(c) &&
		    strstr(c, "+-") == NULL && strstr(c, "+=") == NULL) {
			if (padded != NULL && cells->n < 64)
				padded[cells->n] = 0;
			strlist_push(cells, skip_space(c, &col));
		}
		free(c);
	}
	return cells->n;
}

/*
 * A line of rules only: "├──┼──┤", or in ASCII "+----+====+" (a '+'
 * where rules cross, so that a Markdown table's "|---|" is not one): a
 * drawn table's row boundary.
 */
static int
is_rule_line(const char *s)
{
	int drawn = 0, ascii = 0, cross = 0;

	for (const char *p = s; *p; ) {
		size_t n = box_char(p);

		if (n > 0) {
			drawn = 1;
			p += n;
		} else if (*p == '+' || *p == '-' || *p == '=') {
			ascii = 1;
			cross |= *p == '+';
			p++;
		} else if (is_space_at(p))
			p += space_bytes(p);
		else
			return 0;
	}
	return drawn || (ascii && cross);
}

/* "変更後" / "変更前" (新 / 旧): the columns of a table of changes. */
static int
change_column(const char *cell, int after)
{
	char *k = label_key(cell, strlen(cell));
	int yes = after ? (strstr(k, "変更後") != NULL || strcmp(k, "新") == 0 ||
	    strstr(k, "(新)") != NULL) : (strstr(k, "変更前") != NULL ||
	    strcmp(k, "旧") == 0 || strstr(k, "(旧)") != NULL);

	free(k);
	return yes;
}

/*
 * Write a drawn table's row (its cells glued over its lines) as one TAB
 * line at line at.  A table of changes (項目 | 変更後 | 変更前) gives
 * each row its label and the value after the change (before it where the
 * cell says 同左); *new_col and *old_col find those columns in the head.
 */
static void
emit_drawn_row(struct doc *out, size_t at, struct strlist *row, int *new_col,
    int *old_col)
{
	struct buf b = BUF_INIT;

	if (row->n == 0)
		return;
	if (*new_col < 0)
		for (size_t j = 0; j < row->n; j++) {
			if (change_column(row->v[j], 1))
				*new_col = (int)j;
			if (change_column(row->v[j], 0))
				*old_col = (int)j;
		}
	if (*new_col > 0 && *old_col > 0 && (size_t)*new_col < row->n &&
	    (size_t)*old_col < row->n) {
		const char *v = row->v[*new_col];

		if (change_column(v, 1))
			v = NULL;	/* the head row */
		else if (strcmp(v, "同左") == 0 || strcmp(v, "同上") == 0 ||
		    *v == '\0')
			v = row->v[*old_col];
		if (v != NULL)
			buf_printf(&b, "%s\t%s", row->v[0], v);
	} else
		for (size_t j = 0; j < row->n; j++)
			buf_printf(&b, "%s%s", j ? "\t" : "", row->v[j]);
	free(out->lines[at].text);
	out->lines[at].text = buf_detach(&b);
	strlist_free(row);
}

/*
 * Does a drawn line whose first cell holds first start a row of its own,
 * or go on with the row whose first cell is so_far?  A label wrapped in
 * its cell ("取り扱う個人" / "情報の項目") goes on; a new name
 * ("草津市" under "守山市", no rule between) starts a row.
 */
/* "の項目", "目": the tail of a word a cell wrapped, not a label of its
 * own (a particle first, or one character). */
static int
is_word_tail(const char *cell)
{
	char *k = label_key(cell, strlen(cell));
	int yes = str_has_prefix(k, "の") || str_has_prefix(k, "を") ||
	    starts_as_conjunction(k) || (strlen(k) == 3 &&
	    (unsigned char)k[0] >= 0xe3);

	free(k);
	return yes;
}

static int
starts_drawn_row(const char *so_far, const char *first)
{
	struct buf joined = BUF_INIT;
	char *k, *jk;
	int starts;

	if (*so_far == '\0' || *first == '\0')
		return 0;
	buf_printf(&joined, "%s%s", so_far, first);
	k = label_key(so_far, strlen(so_far));
	jk = label_key(joined.data, joined.len);
	starts = !(str_brackets_open(k) || ends_in_particle(k) ||
	    (!known_label(k) && known_label(jk)) ||
	    is_word_tail(first));	/* "委託する個人情報" / "の項目" */
	free(k);
	free(jk);
	buf_free(&joined);
	return starts;
}

/*
 * A drawn table of three columns or more, lines [from, to): each row
 * (the lines between two rule lines, or from a line that starts a new
 * row) becomes one TAB line at its first line, each cell its lines glued
 * (they wrap at the cell's width); the lines it took become empty.
 */
/*
 * Do rules part the rows of the drawn table [from, to): a rule below
 * every row, not only around the head?  Then a row is all the lines
 * between two rules, whatever its first cell says.
 */
static size_t	inner_rules(const struct doc *in, size_t from, size_t to);

static int
rules_part_rows(const struct doc *in, size_t from, size_t to)
{
	return inner_rules(in, from, to) >= 2;
}

/* Rule lines between the first and the last line of text of [from, to). */
static size_t
inner_rules(const struct doc *in, size_t from, size_t to)
{
	size_t rules = 0, first = to, last = from;

	for (size_t i = from; i < to; i++)
		if (!is_rule_line(in->lines[i].text)) {
			if (first == to)
				first = i;
			last = i;
		}
	for (size_t i = first; i < last; i++)
		rules += is_rule_line(in->lines[i].text);
	return rules;
}

/* The white space each column of lines [from, to) keeps before its
 * right wall at least ("| 氏名 |": one), its cells' margin; 0 when
 * no line of the column comes near its wall. */
static void
cell_margins(const struct doc *in, size_t from, size_t to, int margin[64])
{
	for (int j = 0; j < 64; j++)
		margin[j] = INT_MAX;
	for (size_t i = from; i < to; i++) {
		struct strlist cells = STRLIST_INIT;
		int pad[64];

		if (is_rule_line(in->lines[i].text))
			continue;
		drawn_cells_padded(in->lines[i].text, &cells, pad);
		for (size_t j = 0; j < cells.n && j < 64; j++)
			if (*cells.v[j] && pad[j] < margin[j])
				margin[j] = pad[j];
		strlist_free(&cells);
	}
	for (int j = 0; j < 64; j++)
		if (margin[j] > 2)
			margin[j] = 0;	/* no line fills the cell */
}

static void
drawn_table(const struct doc *in, size_t from, size_t to, struct doc *out)
{
	struct strlist row = STRLIST_INIT;
	size_t first = from;
	int new_col = -1, old_col = -1, ruled = rules_part_rows(in, from, to);
	int padded[64] = { 0 }, was_padded[64] = { 0 }, pairs = 1;
	int margin[64];

	for (size_t i = from; i < to && pairs; i++) {
		struct strlist cells = STRLIST_INIT;

		pairs = is_rule_line(in->lines[i].text) ||
		    drawn_cells(in->lines[i].text, &cells) == 2;
		strlist_free(&cells);
	}
	cell_margins(in, from, to, margin);

	for (size_t i = from; i < to; i++) {
		struct strlist cells = STRLIST_INIT;

		out->lines[i].text = xstrdup("");
		if (is_rule_line(in->lines[i].text)) {
			emit_drawn_row(out, first, &row, &new_col, &old_col);
			first = i + 1;
			continue;
		}
		drawn_cells_padded(in->lines[i].text, &cells, padded);
		/* (a label | value table: a new label starts a row, ruled
		   or not — "⑦再委託の有無" then "再委託先の名称") */
		if ((!ruled || pairs) && row.n > 0 && cells.n > 0 &&
		    starts_drawn_row(row.v[0], cells.v[0])) {
			emit_drawn_row(out, first, &row, &new_col, &old_col);
			first = i;
		}
		for (size_t j = 0; j < cells.n; j++) {
			if (j >= row.n)
				strlist_push(&row, "");
			if (*cells.v[j]) {
				struct buf b = BUF_INIT;
				/* a line that stopped short of its wall ended
				   there: the next one is a line of its own */
				int own = ruled && j < 64 && *row.v[j] &&
				    was_padded[j] && !str_has_suffix(row.v[j],
				    "、");

				buf_printf(&b, "%s%s%s", row.v[j], own ? "\n" :
				    "", cells.v[j]);
				free(row.v[j]);
				row.v[j] = buf_detach(&b);
			}
			/* (an empty line of the cell says nothing; a
			   full-width letter may not fit a column short) */
			if (j < 64 && *cells.v[j])
				was_padded[j] = padded[j] > margin[j] + 1;
		}
		strlist_free(&cells);
	}
	if (first < to)
		emit_drawn_row(out, first, &row, &new_col, &old_col);
	strlist_free(&row);
}

/* Lines [i, *end) of a drawn table of three columns or more, or of
 * two whose rules part every row? */
/* Do lines [i, j) (walled on the left) all stop without a wall on the
 * right: "｜評価実施機関名｜帯広市長", a grid of label | value rows? */
static int
open_right(const struct doc *in, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++) {
		const char *t = in->lines[k].text;
		size_t n = strlen(t);

		while (n > 0 && t[n - 1] == ' ')
			n--;
		while (n >= 3 && memcmp(t + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		if (n >= 3 && is_wall(t + n - 3))
			return 0;
	}
	return 1;
}

static int
drawn_table_at(const struct doc *in, size_t i, size_t *end)
{
	size_t j = i, wide = 0, pairs = 0, lines = 0;

	if (*skip_space_c(in->lines[i].text) == '|' &&
	    !is_rule_line(in->lines[i].text))
		return 0;	/* "| a | b |" without +---+ rules: Markdown */

	while (j < in->n && (is_rule_line(in->lines[j].text) ||
	    is_wall(skip_space_c(in->lines[j].text)))) {
		struct strlist cells = STRLIST_INIT;

		if (!is_rule_line(in->lines[j].text)) {
			size_t n = drawn_cells(in->lines[j].text, &cells);

			wide += n >= 3;
			pairs += n == 2;
			lines++;
		}
		strlist_free(&cells);
		j++;
	}
	*end = j;
	/* (a label | value table whose rules part every row: each row's
	   cells are read whole, wrapped words and all) */
	return wide >= 2 || (pairs == lines && pairs >= 2 &&
	    (inner_rules(in, i, j) >= 1 || open_right(in, i, j)));
}

/* "差出人: …", "件名：…": a line of an e-mail's header. */
static int
is_mail_header_line(const char *s)
{
	static const char *const fields[] = { "差出人", "送信者", "送信日時",
	    "宛先", "CC", "Cc", "BCC", "件名", "添付ファイル", "添付", "From",
	    "To", "Date", "Subject", "Sent", "重要度", NULL };

	for (int f = 0; fields[f]; f++)
		if (str_has_prefix(s, fields[f])) {
			const char *p = s + strlen(fields[f]);

			while (*p == ' ')
				p++;
			if (*p == ':' || str_has_prefix(p, "："))
				return 1;
		}
	return 0;
}

/*
 * The end of an e-mail's header at the top of a document (three lines
 * or more of "差出人:", "件名:" …), or 0: its 件名 and 日時 are the
 * mail's, and the letter pasted below has its own.
 */
static size_t
mail_header_end(const struct doc *in)
{
	size_t i = 0, fields = 0;

	while (i < in->n && is_blank_line(in->lines[i].text))
		i++;
	for (; i < in->n && is_mail_header_line(in->lines[i].text); i++)
		fields++;
	return fields >= 3 ? i : 0;
}

/*
 * In a mail, the earlier message it answers: from "-----Original
 * Message-----" on, and lines quoted with ">" — superseded text whose
 * facts are not the mail's.  Their lines are made empty in sheet.
 */
static void
drop_quoted_mail(const struct doc *in, char **sheet)
{
	int original = 0;

	for (size_t i = 0; i < in->n; i++) {
		const char *s = in->lines[i].text;

		s += strspn(s, " ");
		original |= strstr(s, "Original Message") != NULL &&
		    str_has_prefix(s, "-----");
		if ((original || *s == '>') && sheet[i] == NULL)
			sheet[i] = xstrdup("");
	}
}

/*
 * "委託事項<TAB>• 委託事項1：… • 委託先：…": a cell's list of pairs (an
 * HTML <ul> in a table, as a PDF's text runs it on) with each bullet on
 * a line of its own.  NULL unless three bullets or more after a TAB
 * hold "label：value".
 */
static char *
bullets_as_lines(const char *s)
{
	const char *tab = strchr(s, '\t');
	struct buf b = BUF_INIT;

	size_t pairs = 0;

	if (tab == NULL || strstr(tab, "•") == NULL)
		return NULL;
	/* only a list of "label：value" pairs (rows of their own) */
	for (const char *p = strstr(tab, "•"); p != NULL;
	    p = strstr(p + 1, "•")) {
		const char *next = strstr(p + 1, "•"), *colon = strstr(p, "：");

		pairs += colon != NULL && (next == NULL || colon < next);
	}
	if (pairs < 3)
		return NULL;
	buf_put(&b, s, (size_t)(tab - s) + 1);
	for (const char *p = tab + 1; *p; ) {
		if (str_has_prefix(p, "•")) {
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				buf_truncate(&b, b.len - 1);
			if (b.len > 0 && b.data[b.len - 1] != '\t')
				buf_putc(&b, '\n');
			p += strlen("•");
			while (*p == ' ')
				p++;
			continue;
		}
		buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}

/* Are lines [from, to) of out free of a spreadsheet's rows? */
/* One character, not a digit or a mark: a letter of a spaced label. */
static size_t
lone_letter(const char *s, size_t n)
{
	int bytes;

	if (n == 0 || (unsigned char)*s < 0x80 || numbering_digit_at(s, &bytes) ||
	    str_has_prefix(s, "■") || str_has_prefix(s, "□") ||
	    str_has_prefix(s, "・") || str_has_prefix(s, "※"))
		return 0;
	return (size_t)norm_char_at(s, &bytes) == n ? n : 0;
}

/*
 * "件\t名 高齢者…", "保\t有\t課 区民部税務課", "名\t称\t乳幼児…": a
 * label set letter by letter whose wide gaps a PDF's text gave as TABs.
 * Returns the line with the letters joined by full-width spaces (件　名
 * 高齢者…, 名　称<TAB>乳幼児…), or NULL.
 */
static char *
letters_untabbed(const char *s)
{
	struct buf b = BUF_INIT;
	size_t letters = 0, n;
	int bytes, n_cols;

	s += strspn(s, " ");
	while ((n = strcspn(s, "\t")) > 0 && s[n] == '\t' &&
	    lone_letter(s, n)) {
		buf_put(&b, s, n);
		buf_puts(&b, "\xe3\x80\x80");
		s += n + 1;
		letters++;
	}
	if (letters == 0 || strchr(s, '\t') != NULL ||
	    (unsigned char)*s < 0x80 || numbering_digit_at(s, &bytes)) {
		buf_free(&b);
		return NULL;
	}
	bytes = norm_char_at(s, &n_cols);
	if (s[bytes] != ' ' && s[bytes] != '\0') {
		if (letters < 2) {
			buf_free(&b);
			return NULL;
		}
		/* "名\t称\t乳幼児…": every letter a cell, the value the
		   last: the label's letters, then the value's cell */
		buf_truncate(&b, b.len - 3);
		buf_putc(&b, '\t');
	}
	buf_puts(&b, s);
	return buf_detach(&b);
}

static int
no_sheet_in(const struct doc *out, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (out->lines[i].text != NULL)
			return 0;
	return 1;
}

/* A bilingual form's lines without their English glosses, as a new
 * doc sharing nothing with d. */
static void	merge_rows(struct doc *d, size_t from, size_t to);

/* The number of TAB-parted cells of s. */
static size_t
tab_cells(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == '\t';
	return n;
}

/*
 * Between two rules, rows of the same cells that are one row of a ruled
 * table whose cells wrapped ("⑧　提供する保有個 | 生徒の氏名" / "人情報の
 * 項目 | 生徒の氏名カナ …", as a PDF's text gives it): joined on the
 * first line, a label's pieces glued, a value's a line each; the other
 * lines left empty.
 */
static void
join_ruled_rows(struct doc *d)
{
	for (size_t i = 0; i + 3 < d->n; i++) {
		size_t j = i + 1, cells;

		if (!is_rule_line(d->lines[i].text) ||
		    strchr(d->lines[j].text, '\t') == NULL)
			continue;
		cells = tab_cells(d->lines[j].text);
		while (j < d->n && strchr(d->lines[j].text, '\t') != NULL &&
		    tab_cells(d->lines[j].text) == cells)
			j++;
		if (j >= d->n || !is_rule_line(d->lines[j].text) ||
		    j - i < 3 || cells != 2)
			continue;
		merge_rows(d, i + 1, j);
		i = j - 1;
	}
}

/* Is cell [c, c + n) only an item's number ("1.", "２．", "(3)", "④")? */
static int
is_number_cell(const char *c, size_t n)
{
	char *cell = xstrndup(c, n);
	int needs_space, yes;
	size_t m = numbering_mark_len(cell, &needs_space);

	yes = m > 0 && m == n;
	free(cell);
	return yes;
}

/* Where the last cell of t begins after a number cell ("…\t1.\t利用児童
 * の氏名": at "1."), or NULL. */
static const char *
numbered_last_cell(const char *t)
{
	const char *last = strrchr(t, '\t'), *num;

	if (last == NULL || last[1] == '\0')
		return NULL;
	for (num = last; num > t && num[-1] != '\t'; num--)
		;
	return is_number_cell(num, (size_t)(last - num)) ? num : NULL;
}

/*
 * A list in a cell, numbered, as a word processor saves its table as
 * text: "…\t取り扱わせる個人情報\t1.\t利用児童の氏名" then "2.\t利用児童
 * の住所", "3.\t…" on lines of their own: the items one cell of the
 * first row, a line each; the lines they were on left empty.
 */
static void
join_numbered_cells(struct doc *d)
{
	for (size_t i = 0; i + 1 < d->n; i++) {
		const char *num = numbered_last_cell(d->lines[i].text);
		struct buf row = BUF_INIT;
		size_t j = i + 1;

		if (num == NULL || num == d->lines[i].text ||
		    tab_cells(d->lines[j].text) != 2 ||
		    numbered_last_cell(d->lines[j].text) != d->lines[j].text)
			continue;
		buf_put(&row, d->lines[i].text, (size_t)(num -
		    d->lines[i].text));
		buf_puts(&row, strchr(num, '\t') + 1);
		for (; j < d->n && tab_cells(d->lines[j].text) == 2 &&
		    numbered_last_cell(d->lines[j].text) == d->lines[j].text;
		    j++) {
			buf_putc(&row, '\n');
			buf_puts(&row, strchr(d->lines[j].text, '\t') + 1);
			free(d->lines[j].text);
			d->lines[j].text = xstrdup("");
		}
		free(d->lines[i].text);
		d->lines[i].text = buf_detach(&row);
		i = j - 1;
	}
}

/* A cell that keeps the value before the change: "変更なし", "同左". */
static int
keeps_old(const char *cell)
{
	char *k = label_key(cell, strlen(cell));
	int yes = *k == '\0' || strcmp(k, "変更なし") == 0 ||
	    strcmp(k, "同左") == 0 || strcmp(k, "同上") == 0 ||
	    strcmp(k, "変更無し") == 0;

	free(k);
	return yes;
}

/*
 * A table of changes set with TABs ("項目 | 変更前 | 変更後"): each row
 * below its head becomes its label and the value after the change (the
 * one before where the cell says 変更なし); the head goes.  Rows of
 * other widths end the table.
 */
static void
read_changes(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct strlist head = STRLIST_INIT;
		int new_col = -1, old_col = -1;
		size_t w = tab_cells(d->lines[i].text);

		if (w < 3 || w > 4)
			continue;
		strlist_split(&head, d->lines[i].text, '\t');
		for (size_t j = 1; j < head.n; j++) {
			if (change_column(head.v[j], 1))
				new_col = (int)j;
			else if (change_column(head.v[j], 0))
				old_col = (int)j;
		}
		strlist_free(&head);
		if (new_col < 0 || old_col < 0)
			continue;
		free(d->lines[i].text);
		d->lines[i].text = xstrdup("");
		for (i++; i < d->n && tab_cells(d->lines[i].text) == w; i++) {
			struct strlist cells = STRLIST_INIT;
			struct buf b = BUF_INIT;
			const char *v;

			strlist_split(&cells, d->lines[i].text, '\t');
			v = keeps_old(cells.v[new_col]) ? cells.v[old_col] :
			    cells.v[new_col];
			buf_printf(&b, "%s\t%s", cells.v[0], v);
			free(d->lines[i].text);
			d->lines[i].text = buf_detach(&b);
			strlist_free(&cells);
		}
		i--;
	}
}

/* Does a cell stop where its list cannot end ("…氏名、", "…及び"), or
 * a period before its end ("…から" over "…まで"): a word processor's
 * cell wrapped onto the line below, next? */
static int
cut_short(const char *cell, const char *next)
{
	static const char *const ends[] = { "、", "・", "及び", "並びに",
	    NULL };
	size_t n = strlen(cell);

	while (n > 0 && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	{
		char *c = xstrndup(cell, n);
		int yes = str_has_any_suffix(c, ends) ||
		    (str_has_suffix(c, "から") && strstr(next, "まで") != NULL);

		free(c);
		return yes;
	}
}

/*
 * A row whose last cell was cut short, the rest of it on the next line
 * without a TAB (a table saved as text by a word processor: "提供する
 * 個人情報<TAB>…、出席番号、児童生徒の氏名、" then "学習履歴（…）"): the
 * line joined to the cell; it is left empty.
 */
static void
join_wrapped_cells(struct doc *d)
{
	for (size_t i = 0; i + 1 < d->n; i++)
		for (size_t j = i + 1; j < d->n; j++) {
			const char *t = d->lines[i].text;
			const char *last = strrchr(t, '\t');
			const char *next = str_skip_spaces(d->lines[j].text);
			struct buf b = BUF_INIT;

			if (last == NULL || !cut_short(last + 1, next) ||
			    *next == '\0' || strchr(next, '\t') != NULL ||
			    str_has_prefix(next, "※") ||
			    str_has_prefix(next, "【") || numbering_len(next) > 0)
				break;
			buf_puts(&b, t);
			buf_puts(&b, next);
			free(d->lines[i].text);
			d->lines[i].text = buf_detach(&b);
			free(d->lines[j].text);
			d->lines[j].text = xstrdup("");
		}
}

/* Join the two-cell rows [from, to) of d into line from. */
static void
merge_rows(struct doc *d, size_t from, size_t to)
{
	struct buf label = BUF_INIT, value = BUF_INIT;

	for (size_t k = from; k < to; k++) {
		char *t = d->lines[k].text, *tab = strchr(t, '\t');

		buf_put(&label, t, (size_t)(tab - t));
		if (tab[1] != '\0') {
			if (value.len > 0)
				buf_putc(&value, '\n');
			buf_puts(&value, tab + 1);
		}
		free(d->lines[k].text);
		d->lines[k].text = xstrdup("");
	}
	buf_putc(&label, '\t');
	buf_put(&label, value.data ? value.data : "", value.len);
	free(d->lines[from].text);
	d->lines[from].text = buf_detach(&label);
	buf_free(&value);
}

/* "[Q3] 手続の件名 ＊必須": a form's mark of a required field after its
 * label, dropped (with the white space before it) in place. */
static void
drop_required_mark(char *t)
{
	static const char *const marks[] = { "＊必須", "*必須", "※必須",
	    "（必須）", "(必須)", "【必須】", "［必須］", "[必須]", NULL };
	size_t n = strlen(t);

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\r'))
		n--;
	for (int i = 0; marks[i]; i++) {
		size_t m = strlen(marks[i]);

		if (n > m && strncmp(t + n - m, marks[i], m) == 0) {
			n -= m;
			while (n > 0 && (t[n - 1] == ' ' || (n >= 3 &&
			    strncmp(t + n - 3, "\xe3\x80\x80", 3) == 0)))
				n -= t[n - 1] == ' ' ? 1 : 3;
			t[n] = '\0';
			return;
		}
	}
}

/* ---- items run together on one line ---- */

enum run_kind { RUN_NONE, RUN_KANA, RUN_PAREN };

/* Is s a kana mark set apart by a space ("イ　", "イ ")? */
static int
spaced_kana(const char *s, const char *mark)
{
	const char *after = s + strlen(mark);

	return str_has_prefix(s, mark) && (*after == ' ' || *after == '\t' ||
	    str_has_prefix(after, "\xe3\x80\x80"));
}

/* Is there a space (not a TAB: cells are no run) right before p in s? */
static int
spaced_before(const char *s, const char *p)
{
	return (p > s && p[-1] == ' ') ||
	    (p - s >= 3 && str_has_prefix(p - 3, "\xe3\x80\x80"));
}

/* The number in brackets s opens with ("（２）", "(2)"), its bytes in
 * *len; 0 when none. */
static int
paren_number(const char *s, size_t *len)
{
	size_t o = str_has_prefix(s, "（") ? 3 : *s == '(' ? 1 : 0, n = o;
	int v = 0, b;

	if (o == 0)
		return 0;
	while (numbering_digit_at(s + n, &b) && v < 100) {
		v = v * 10 + (b == 1 ? s[n] - '0' :
		    (unsigned char)s[n + 2] - 0x90);
		n += (size_t)b;
	}
	if (n == o || !(s[n] == ')' || str_has_prefix(s + n, "）")))
		return 0;
	*len = n + (s[n] == ')' ? 1 : 3);
	return v;
}

/* Does item k (1-based) of a run of kind start at p? */
static int
run_mark_at(const char *p, enum run_kind kind, int k)
{
	size_t len;

	if (kind == RUN_KANA)
		return numbering_kana(k - 1) != NULL &&
		    spaced_kana(p, numbering_kana(k - 1));
	return kind == RUN_PAREN && paren_number(p, &len) == k;
}

/* The run whose first item ("ア　…", "（１）…") opens s or follows white
 * space in it ("委託の概要 （１）…"): its kind (RUN_NONE for none) and
 * *first, where it starts. */
static enum run_kind
run_opened(const char *s, const char **first)
{
	int c;

	for (const char *p = s; *p; p += norm_char_at(p, &c)) {
		if (p > s && !spaced_before(s, p))
			continue;
		*first = p;
		if (run_mark_at(p, RUN_KANA, 1))
			return RUN_KANA;
		if (run_mark_at(p, RUN_PAREN, 1))
			return RUN_PAREN;
	}
	return RUN_NONE;
}

/*
 * Where item k + 1 of a run starts in s (after item k): its mark after
 * white space ("…クラウド イ　結合する…", "…業務 （２）委託先…"), or NULL.
 */
static const char *
next_run_item(const char *s, enum run_kind kind, int k)
{
	int c;

	for (const char *p = s; *p; p += norm_char_at(p, &c))
		if (p > s && spaced_before(s, p) && run_mark_at(p, kind, k + 1))
			return p;
	return NULL;
}

/*
 * Items marked ア, イ, ウ… or （１）, （２）… run together on one line (a
 * Markdown source's lines joined in their paragraph, as typeset): each
 * a line of its own, from the line that opens with the first.  d is
 * rewritten.
 */
static void
split_run_items(struct doc *d)
{
	struct doc out = { NULL, 0 };
	size_t cap = 0;

	for (size_t i = 0; i < d->n; i++) {
		const char *s = skip_space_c(d->lines[i].text), *next, *first;
		enum run_kind kind = run_opened(s, &first);

		if (kind == RUN_NONE || *s == '|' ||	/* (a pipe table's row) */
		    next_run_item(first, kind, 1) == NULL) {
			doc_push(&out, &cap, &d->lines[i], d->lines[i].text);
			continue;
		}
		if (first > s)	/* the head the run follows */
			doc_push(&out, &cap, &d->lines[i], trimmed(s,
			    (size_t)(first - s)));
		s = first;
		for (int k = 1; s != NULL; s = next, k++) {
			next = next_run_item(s, kind, k);
			doc_push(&out, &cap, &d->lines[i], next == NULL ?
			    xstrdup(s) : trimmed(s, (size_t)(next - s)));
		}
		free(d->lines[i].text);
	}
	free(d->lines);
	*d = out;
}

/* The lines of d as the pairing reads them: English glosses of a
 * bilingual form dropped, letters of a spaced label a PDF parted with
 * TABs joined, a ruled table's wrapped rows joined. */
/* Line s as a section's number and its text set apart by one TAB
 * ("8.2<TAB>記録する個人情報の項目", a Word list exported as text): the
 * text (in s), or NULL. */
static const char *
tab_numbered(const char *s)
{
	const char *p = str_skip_spaces(s), *tab = strchr(p, '\t');

	if (tab == NULL || tab == p || strchr(tab + 1, '\t') != NULL ||
	    *str_skip_spaces(tab + 1) == '\0')
		return NULL;
	for (const char *q = p; q < tab; q++)
		if (!isdigit((unsigned char)*q) && *q != '.')
			return NULL;
	return isdigit((unsigned char)*p) ? tab + 1 : NULL;
}

/* Does line i head the lines under it: a number TAB a label of
 * labels.tsv, its value on the next line (no TAB there)? */
static int
heads_value_below(const struct doc *d, size_t i)
{
	const char *t = tab_numbered(d->lines[i].text);
	char *k;
	int yes;

	if (t == NULL || i + 1 >= d->n ||
	    strchr(d->lines[i + 1].text, '\t') != NULL)
		return 0;
	k = norm_strip_space(t, strlen(t));
	yes = label_field(k) != FIELD_NONE;
	free(k);
	return yes;
}

/*
 * A Word document's numbered list exported as text ("1<TAB>諮問番号" /
 * "諮問第３号", "8.2<TAB>記録する個人情報の項目" / its items): when three
 * lines or more so head the value under them, each line numbered so
 * becomes "8.2　記録する…", a numbered heading, not a row of two cells.
 */
static void
numbered_tab_headings(struct doc *d)
{
	size_t heads = 0;

	for (size_t i = 0; i < d->n && heads < 3; i++)
		heads += heads_value_below(d, i);
	if (heads < 3)
		return;
	for (size_t i = 0; i < d->n; i++) {
		char *t = d->lines[i].text, *tab;

		if (tab_numbered(t) == NULL || (i + 1 < d->n &&
		    strchr(d->lines[i + 1].text, '\t') != NULL))
			continue;
		tab = strchr(t, '\t');
		d->lines[i].text = xmalloc(strlen(t) + 3);
		memcpy(d->lines[i].text, t, (size_t)(tab - t));
		strcpy(d->lines[i].text + (tab - t), "\xe3\x80\x80");
		strcat(d->lines[i].text, tab + 1);
		free(t);
	}
}

static void
prepared(const struct doc *d, struct doc *out)
{
	int bilingual = gloss_is_bilingual(d);

	memset(out, 0, sizeof(*out));
	out->lines = xcalloc(d->n ? d->n : 1, sizeof(*out->lines));
	for (size_t i = 0; i < d->n; i++) {
		char *t = bilingual ? gloss_strip(d->lines[i].text) :
		    xstrdup(d->lines[i].text);
		char *joined;

		drop_required_mark(t);
		joined = letters_untabbed(t);
		out->lines[i] = d->lines[i];
		out->lines[i].text = joined ? joined : t;
		if (joined)
			free(t);
	}
	out->n = d->n;
	split_run_items(out);
	numbered_tab_headings(out);
	columns_unfold(out);
	label_runs_pair(out);
	centred_rows_pair(out);
	join_ruled_rows(out);
	join_numbered_cells(out);
	join_wrapped_cells(out);
	read_changes(out);
}

static void
untable(const struct doc *in, struct doc *out)
{
	size_t aligned = 0, table_end = 0;
	char **sheet = xcalloc(in->n + 1, sizeof(*sheet));

	memset(out, 0, sizeof(*out));
	out->lines = xcalloc(in->n ? in->n : 1, sizeof(*out->lines));
	for (size_t i = 0; i < in->n; i++)
		out->lines[i] = in->lines[i], out->lines[i].text = NULL;
	sheet_rewrite(in, sheet);
	header_rows_merge(in, sheet);
	for (size_t i = 0, end = mail_header_end(in); i < end; i++)
		if (sheet[i] == NULL)
			sheet[i] = xstrdup("");	/* the mail's, not the letter's */
	if (mail_header_end(in) > 0)
		drop_quoted_mail(in, sheet);
	for (size_t i = 0; i < in->n; i++) {
		if (sheet[i] == NULL)
			aligned += aligns_with_tabs(in->lines[i].text) &&
			    !in_sheet(in, i);
		else
			out->lines[i].text = sheet[i];	/* a spreadsheet's */
	}
	free(sheet);
	for (size_t i = 0; i < in->n; i++) {
		char *t;
		size_t end;

		if (i >= table_end && (is_rule_line(in->lines[i].text) ||
		    is_wall(skip_space_c(in->lines[i].text))) &&
		    drawn_table_at(in, i, &end)) {
			drawn_table(in, i, end, out);
			table_end = end;
		} else if (i >= table_end && out->lines[i].text == NULL &&
		    spaced_table_at(in, i, &end) && no_sheet_in(out, i, end)) {
			spaced_table(in, i, end, out);
			table_end = end;
		}
		if (out->lines[i].text != NULL)
			continue;
		t = unbox(in->lines[i].text);

		if (t == NULL)
			t = csv_row(in->lines[i].text);
		if (t == NULL)
			t = bullets_as_lines(in->lines[i].text);
		if (t == NULL && aligned >= 2 && !in_sheet(in, i))
			t = detab(in->lines[i].text);
		out->lines[i] = in->lines[i];
		out->lines[i].text = t ? t : xstrdup(in->lines[i].text);
	}
	out->n = in->n;
}

void
rows_normalise(const struct doc *in_doc, struct doc *out)
{
	struct doc in_lines, read;
	const struct doc *in = &in_lines;
	struct pass ps = { NULL, out, 0, -1, 0, NULL, NULL };

	prepared(in_doc, &read);
	untable(&read, &in_lines);
	doc_free(&read);
	ps.in = in;
	memset(out, 0, sizeof(*out));
	ps.form_col = form_column(in);
	ps.wrap = wrap_width(in);
	ps.is_label = xmalloc(in->n + 1);
	ps.wraps_label = xmalloc(in->n + 1);
	memset(ps.is_label, -1, in->n + 1);
	memset(ps.wraps_label, -1, in->n + 1);
	for (size_t i = 0; i < in->n; )
		i = normalise_line(&ps, i);
	free(ps.is_label);
	free(ps.wraps_label);
	doc_free(&in_lines);
}
