/*
 * fields.c — label dictionary and value parsers (see fields.h).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "fields.h"
#include "normalize.h"

extern const char labels_tsv[];

struct label {
	enum field_id	 field;
	char		*text;	/* NFKC, no white space */
	size_t		 len;	/* strlen(text) */
	int		 suffix; /* "*text": a label that ends with text */
};

static struct label	*labels;
static size_t		 nlabels;
static pthread_once_t	 labels_once = PTHREAD_ONCE_INIT;

static const struct { const char *name; enum field_id id; } field_names[] = {
	{ "ignore", FIELD_IGNORE }, { "partner", FIELD_PARTNER },
	{ "consignees", FIELD_CONSIGNEES },
	{ "subcontractors", FIELD_SUBCONTRACTORS },
	{ "period", FIELD_PERIOD }, { "items", FIELD_ITEMS },
	{ "subjects", FIELD_SUBJECTS }, { "subject", FIELD_SUBJECT },
	{ "work", FIELD_WORK }, { "department", FIELD_DEPARTMENT },
	{ "basis", FIELD_BASIS }, { "date", FIELD_DATE },
};

#define NFIELD_NAMES (sizeof(field_names) / sizeof(field_names[0]))

static enum field_id
field_from_name(const char *s, size_t n)
{
	for (size_t i = 0; i < NFIELD_NAMES; i++)
		if (strlen(field_names[i].name) == n &&
		    strncmp(field_names[i].name, s, n) == 0)
			return field_names[i].id;
	return FIELD_NONE;
}

const char *
field_name(enum field_id f)
{
	for (size_t i = 0; i < NFIELD_NAMES; i++)
		if (field_names[i].id == f)
			return field_names[i].name;
	return "none";
}

static void
load_labels(void)
{
	const char *s = labels_tsv, *nl, *tab;

	for (; *s; s = *nl ? nl + 1 : nl) {
		enum field_id f;
		char *nf;

		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		tab = memchr(s, '\t', (size_t)(nl - s));
		if (*s == '#' || tab == NULL)
			continue;
		if ((f = field_from_name(s, (size_t)(tab - s))) == FIELD_NONE)
			continue;
		labels = xrealloc(labels, (nlabels + 1) * sizeof(*labels));
		labels[nlabels].suffix = tab[1] == '*';
		if (labels[nlabels].suffix)
			tab++;
		nf = norm_nfkc(tab + 1, (size_t)(nl - tab - 1));
		labels[nlabels].field = f;
		labels[nlabels].text = norm_strip_space(nf, strlen(nf));
		labels[nlabels].len = strlen(labels[nlabels].text);
		nlabels++;
		free(nf);
	}
}

/* What may follow a whole label: nothing, or a note in brackets. */
static int
label_ends(const char *rest)
{
	static const char *const ok[] = { "(", "（", "【", "《", "<", "※",
	    "[", ":", "：", "】", "」", "》", "≫", "〕", NULL };

	if (*rest == '\0')
		return 1;
	for (int i = 0; ok[i]; i++)
		if (strncmp(rest, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}

/* Length of key without a trailing note in brackets ("委託先(参考)"). */
static size_t
without_note(const char *key)
{
	size_t n = strlen(key);
	const char *open;

	if (n > 0 && key[n - 1] == ')')
		open = strrchr(key, '(');
	else if (str_has_suffix(key, "】"))
		open = strstr(key, "【");
	else
		return n;
	return open != NULL && open > key ? (size_t)(open - key) : n;
}

/* The field of the longest label k starts with (or, for "*" patterns,
 * ends with); FIELD_NONE when none. */
static enum field_id
match_label(const char *k)
{
	enum field_id best = FIELD_NONE, best_suffix = FIELD_NONE;
	size_t bestlen = 0, best_suffix_len = 0, base = without_note(k);

	for (size_t i = 0; i < nlabels; i++) {
		size_t n = labels[i].len;

		if (labels[i].suffix) {
			if (n > best_suffix_len && n <= base &&
			    strncmp(k + base - n, labels[i].text, n) == 0) {
				best_suffix = labels[i].field;
				best_suffix_len = n;
			}
		} else if (n > bestlen && strncmp(k, labels[i].text, n) == 0 &&
		    label_ends(k + n)) {
			best = labels[i].field;
			bestlen = n;
		}
	}
	return best != FIELD_NONE ? best : best_suffix;
}

/* "変更前の受託者", "前回の委託期間", "旧委託先", "現行の委託先": a label
 * of what was, before the change the document is about. */
static int
names_the_former(const char *key)
{
	static const char *const before[] = { "変更前", "前回", "従前", "旧",
	    "現行の", NULL };

	for (int i = 0; before[i]; i++)
		if (str_has_prefix(key, before[i]))
			return 1;
	return 0;
}

/* "(4)(参考)既存の主な記録項目": a label, past its number, of what is
 * given for reference only? */
static int
given_for_reference(const char *key)
{
	const char *ref = strstr(key, "(参考)");

	return ref != NULL && ref <= skip_numbering(key);
}

/* "実施機関・所管": two labels joined by ・, the field of the one that
 * has one (the last), or FIELD_NONE. */
static enum field_id
joined_label_field(const char *key)
{
	const char *dot = strstr(key, "・");
	enum field_id f = FIELD_NONE;
	char *first;

	if (dot == NULL || dot == key || strlen(key) > 3 * 16)
		return FIELD_NONE;
	if ((f = joined_label_field(dot + strlen("・"))) == FIELD_NONE)
		f = match_label(dot + strlen("・"));
	if (f == FIELD_NONE) {
		first = xstrndup(key, (size_t)(dot - key));
		f = match_label(first);
		free(first);
	}
	return f == FIELD_IGNORE ? FIELD_NONE : f;
}

enum field_id
label_field(const char *label)
{
	char *nf = norm_nfkc(label, strlen(label));
	char *key = norm_strip_space(nf, strlen(nf));
	enum field_id f;

	pthread_once(&labels_once, load_labels);
	f = match_label(skip_numbering(key));
	if (f == FIELD_NONE)
		f = joined_label_field(skip_numbering(key));
	if (f != FIELD_NONE && (names_the_former(skip_numbering(key)) ||
	    given_for_reference(key)))
		f = FIELD_IGNORE;	/* 変更前の受託者: no longer the one */
	if (f == FIELD_ITEMS && (strstr(key, "ない") != NULL ||
	    strstr(key, "除く") != NULL))
		f = FIELD_IGNORE;	/* 取り扱わせない個人情報: not the items */
	free(nf);
	free(key);
	return f;
}

int
label_is_prefix(const char *key)
{
	size_t n = strlen(key);

	pthread_once(&labels_once, load_labels);
	if (n == 0)
		return 0;
	for (size_t i = 0; i < nlabels; i++)
		if (!labels[i].suffix && labels[i].len > n &&
		    strncmp(labels[i].text, key, n) == 0)
			return 1;
	return 0;
}

int
label_joins(const char *head, const char *key)
{
	size_t n = strlen(head);

	size_t k = strlen(key), base = without_note(key);

	pthread_once(&labels_once, load_labels);
	for (size_t i = 0; i < nlabels && n > 0 && n < k; i++) {
		size_t len = labels[i].len;

		if (!labels[i].suffix && len > n &&
		    strncmp(labels[i].text, head, n) == 0 &&
		    strncmp(key, labels[i].text, len) == 0 &&
		    label_ends(key + len))
			return 1;
		/* "*わせる個人情報": the tear inside the words it ends with */
		if (labels[i].suffix && len <= base && base - len < n &&
		    strncmp(key + base - len, labels[i].text, len) == 0)
			return 1;
	}
	return 0;
}

const char *
skip_numbering(const char *key)
{
	const char *p = key;

	for (;;) {
		if (*p == '-' || *p == '.' || *p == ')' || *p == '(' ||
		    isdigit((unsigned char)*p))
			p++;
		else if (strncmp(p, "・", strlen("・")) == 0)
			p += strlen("・");
		else
			break;
	}
	return p;
}

/* ---- small string helpers ---- */

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)	/* U+3000 */
		return trim(s + 3);
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
			*--e = '\0';
		else if (e - s >= 3 && strncmp(e - 3, "\xe3\x80\x80", 3) == 0)
			*(e -= 3) = '\0';	/* U+3000 */
		else
			break;
	}
	return s;
}

/* Remove a trailing (…) or （…）, repeatedly. */
static void
strip_trailing_parens(char *s)
{
	size_t n;
	char *open;

	for (;;) {
		s = s + 0;
		n = strlen(s);
		while (n > 0 && s[n - 1] == ' ')
			s[--n] = '\0';
		if (n > 0 && s[n - 1] == ')')
			open = strrchr(s, '(');
		else if (n >= 3 && strcmp(s + n - 3, "）") == 0) {
			char *p = s, *last = NULL;

			while ((p = strstr(p, "（")) != NULL)
				last = p++;
			open = last;
		} else
			return;
		if (open == NULL || open == s)
			return;
		*open = '\0';
	}
}

/* Cut s at the first occurrence of mark. */
static void
cut_at(char *s, const char *mark)
{
	char *p = strstr(s, mark);

	if (p != NULL)
		*p = '\0';
}

/* A spoken sentence's end after a name ("でございます", "です"), cut
 * (in place). */
static void
drop_copula(char *t)
{
	static const char *const ends[] = { "でございます", "となります",
	    "です", NULL };
	size_t n = strlen(t);

	for (int i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);

		if (n > k && strcmp(t + n - k, ends[i]) == 0) {
			t[n - k] = '\0';
			return;
		}
	}
}

/* s past a short note in brackets that opens it ("（元請）株式会社A",
 * "(予定)B"): the name after it. */
static char *
after_leading_note(char *s)
{
	const char *close = str_has_prefix(s, "（") ? strstr(s, "）") :
	    *s == '(' ? strchr(s, ')') : NULL;
	size_t n;

	if (close == NULL || close - s > 3 * 8)
		return s;
	n = str_has_prefix(close, "）") ? 3 : 1;
	return close[n] != '\0' ? (char *)close + n : s;
}

char *
clean_organisation(const char *name)
{
	char *s = xstrdup(name), *t, *out;
	const char *lead;

	cut_at(s, "※");
	t = trim(s);
	if ((lead = strstr(t, "…")) != NULL)
		t = (char *)lead + strlen("…");
	drop_copula(t);		/* "…ネットワークでございます" (minutes) */
	strip_trailing_parens(t);
	t = after_leading_note(t);	/* "（元請）株式会社…" */
	out = norm_strip_space(t, strlen(t));	/* "S c o p o", "名 称" */
	free(s);
	return out;
}

/*
 * Split text into pieces at 、 ， ； (／ when there are several), line
 * breaks and numbered-group starts
 * (" 2 " after text), outside parentheses; with at_breaks, at a space
 * between Japanese words too (a PDF cell's lines joined).
 */
static int
count_slashes(const char *text)
{
	int n = 0;

	for (const char *p = strstr(text, "／"); p != NULL;
	    p = strstr(p + 3, "／"))
		n++;
	return n;
}

/*
 * Is the space at p (in text) a line break between two items, as a PDF
 * cell's lines are joined ("…、電話番号 個人番号、…"): after a 、 on its
 * line (a list, not "1 個人の範囲 区民"), Japanese words on both sides,
 * no bracket opening after it?
 */
static int
breaks_words(const char *text, const char *p)
{
	const char *b = p;
	uint32_t before = 0, after = 0;

	while (b > text && ((unsigned char)b[-1] & 0xc0) == 0x80)
		b--;
	if (b > text)
		b--;
	while (b > text && ((unsigned char)*b & 0xc0) == 0x80)
		b--;
	for (const char *q = p; ; q--) {	/* in a list: a 、 before it */
		if (q == text || q[-1] == '\n')
			return 0;
		if (q - text >= 3 && strncmp(q - 3, "、", 3) == 0)
			break;
	}
	if (b == p || utf8_next((const unsigned char *)b,
	    (size_t)(p - b), &before) <= 0 ||
	    utf8_next((const unsigned char *)p + 1, strlen(p + 1),
	    &after) <= 0)
		return 0;
	return before >= 0x3040 && after >= 0x3040 && after != 0xff08 &&
	    before != 0xff08 && after != 0x3001 && before != 0x3001;
}

static void
split_list(const char *text, int at_breaks, struct strlist *pieces)
{
	struct buf cur = BUF_INIT;
	int depth = 0;
	/* "氏名／住所／電話番号": slashes between items, not one
	   "課税／非課税の別" */
	int slashes = count_slashes(text) >= 2;

	for (const char *p = text; *p; p++) {
		int open = *p == '(' || strncmp(p, "（", 3) == 0;
		int close = *p == ')' || strncmp(p, "）", 3) == 0;

		depth += open - (close && depth > 0);
		if (depth == 0 && (strncmp(p, "、", 3) == 0 || *p == '\n' ||
		    strncmp(p, "，", 3) == 0 || strncmp(p, "；", 3) == 0 ||
		    (slashes && strncmp(p, "／", 3) == 0))) {
			strlist_push(pieces, cur.data ? cur.data : "");
			buf_truncate(&cur, 0);
			p += *p == '\n' ? 0 : 2;
			continue;
		}
		if (depth == 0 && *p == ' ' && at_breaks &&
		    breaks_words(text, p)) {
			strlist_push(pieces, cur.data ? cur.data : "");
			buf_truncate(&cur, 0);
			continue;	/* "電話番号 個人番号": a line break */
		}
		if (depth == 0 && *p == ' ' && isdigit((unsigned char)p[1])) {
			const char *q = p + 1;

			while (isdigit((unsigned char)*q))
				q++;
			if (*q == ' ' || strncmp(q, "\xe3\x80\x80", 3) == 0) {
				strlist_push(pieces, cur.data ? cur.data : "");
				buf_truncate(&cur, 0);
				continue;
			}
		}
		buf_putc(&cur, *p);
	}
	strlist_push(pieces, cur.data ? cur.data : "");
	buf_free(&cur);
}

/* Drop "N " numbering at the start of a piece; returns the rest. */
static char *
drop_number(char *s)
{
	char *p = trim(s);

	if (isdigit((unsigned char)*p)) {
		char *q = p;

		while (isdigit((unsigned char)*q))
			q++;
		if (*q == ' ' || *q == '.' || *q == ')')
			return trim(q + 1);
	}
	return p;
}

/* Drop a leading work name ("印字封入封かん業務 ") before the names. */
static char *
drop_work_name(char *s)
{
	char *sp = strchr(s, ' ');

	if (sp != NULL && sp - s >= 6 && strncmp(sp - 6, "業務", 6) == 0)
		return trim(sp + 1);
	return s;
}

int
is_dash(const char *s)
{
	static const char *const dashes[] = { "―", "－", "-", "—", "‐", "ー",
	    "−", NULL };

	for (int i = 0; dashes[i]; i++)
		if (str_has_prefix(s, dashes[i]) && (s[strlen(dashes[i])] ==
		    '\0' || str_has_prefix(s + strlen(dashes[i]), "（") ||
		    s[strlen(dashes[i])] == '('))
			return 1;
	return 0;
}

/* "なし", "（未入力）", "該当なし": a form's answer that names nothing. */
static int
names_nothing(const char *s)
{
	static const char *const nothing[] = { "なし", "無し", "該当なし",
	    "未入力", "（未入力）", "(未入力)", "未記入", "（未記入）",
	    "(未記入)", "再委託しない", "再委託なし", "しない", NULL };

	for (int i = 0; nothing[i]; i++)
		if (strcmp(s, nothing[i]) == 0)
			return 1;
	return is_dash(s);
}

/* "再委託する（北陸…株式会社）", "有（株式会社A）": a choice and the party
 * it names in brackets: the party (in place); else s. */
static char *
chosen_party(char *s)
{
	static const char *const choices[] = { "再委託する", "委託する", "有",
	    "あり", NULL };

	for (int i = 0; choices[i]; i++) {
		const char *p;
		size_t open, n;

		if (!str_has_prefix(s, choices[i]))
			continue;
		p = s + strlen(choices[i]);
		if ((open = str_has_prefix(p, "（") ? 3 : *p == '(' ? 1 : 0) ==
		    0)
			continue;
		p += open;
		n = strlen(p);
		if (n >= 3 && strcmp(p + n - 3, "）") == 0)
			n -= 3;
		else if (n >= 1 && p[n - 1] == ')')
			n--;
		memmove(s, p, n);
		s[n] = '\0';
		return s;
	}
	return s;
}

/* The part of value under 【role】 (up to the next 【), or NULL. */
static char *
role_part(const char *value, const char *role)
{
	struct buf mark = BUF_INIT;
	const char *p, *end;
	char *out = NULL;

	buf_printf(&mark, "【%s】", role);
	if ((p = strstr(value, mark.data)) != NULL) {
		p += mark.len;
		end = strstr(p, "【");
		out = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	buf_free(&mark);
	return out;
}

void
parse_organisations(const char *value, const char *role,
    struct strlist *out)
{
	struct strlist pieces = STRLIST_INIT;
	char *part = NULL;

	if (role != NULL && strstr(value, "【") != NULL) {
		if ((part = role_part(value, role)) == NULL)
			return;
		value = part;
	}
	split_list(value, 0, &pieces);	/* (株式会社 ＡＢＣ) */
	for (size_t i = 0; i < pieces.n; i++) {
		char *name = clean_organisation(drop_work_name(
		    drop_number(chosen_party(pieces.v[i]))));

		if (*name != '\0' && !names_nothing(pieces.v[i]) &&
		    !names_nothing(name) && strstr(name, "のとおり") == NULL)
			strlist_push_unique(out, name);
		free(name);
	}
	strlist_free(&pieces);
	free(part);
}

/* Is a piece a reference or heading rather than an item? */
static int
is_not_item(const char *s)
{
	return *s == '\0' || names_nothing(s) || strstr(s, "のとおり") != NULL ||
	    str_has_prefix(s, "資料") || strstr(s, "添付資料") != NULL ||
	    str_has_prefix(s, "付表の") || str_has_prefix(s, "別表の") ||
	    str_has_prefix(s, "別紙の") ||	/* a pointer, not an item */
	    strstr(s, "別添資料") != NULL || strstr(s, "参考資料") != NULL ||
	    strstr(s, "範囲") != NULL || strlen(s) > 3 * 250;
}

/* Delete bytes [at, at + n) of s. */
static void
delete_bytes(char *s, size_t at, size_t n)
{
	memmove(s + at, s + at + n, strlen(s + at + n) + 1);
}

/* "メールアドレス （任意）" → "メールアドレス（任意）". */
static void
remove_space_before_paren(char *s)
{
	for (size_t i = 0; s[i]; i++)
		while (s[i] == ' ' && (s[i + 1] == '(' ||
		    strncmp(s + i + 1, "（", 3) == 0))
			delete_bytes(s, i, 1);
}

/* "レセプトデータ（ ）" → "レセプトデータ". */
static void
remove_empty_parens(char *s)
{
	static const char *const empty[] = { "（ ）", "（）", "( )", "()",
	    NULL };
	char *p;

	for (int i = 0; empty[i]; i++)
		while ((p = strstr(s, empty[i])) != NULL)
			delete_bytes(s, (size_t)(p - s), strlen(empty[i]));
}

/*
 * "職業・職歴", "婚姻歴・離婚歴": short nouns joined by ・ are separate
 * items; "加害者の氏名・住所" (a shared qualifier) and longer phrases stay
 * whole.
 */
static int
is_short_coordination(const char *item)
{
	const char *p = item, *dot;

	if (strstr(item, "・") == NULL || strstr(item, "の") != NULL ||
	    strchr(item, '(') != NULL || strstr(item, "（") != NULL)
		return 0;
	for (;;) {
		dot = strstr(p, "・");
		if ((size_t)((dot ? dot : p + strlen(p)) - p) > 4 * 3)
			return 0;	/* a part longer than 4 characters */
		if (dot == NULL)
			return 1;
		p = dot + strlen("・");
	}
}

/* Split an item at ・ (see is_short_coordination). */
static void
split_dots(const char *item, struct strlist *out)
{
	const char *p = item, *dot;

	while ((dot = strstr(p, "・")) != NULL) {
		if (dot > p)
			strlist_pushn_unique(out, p, (size_t)(dot - p));
		p = dot + strlen("・");
	}
	if (*p != '\0')
		strlist_push_unique(out, p);
}

/* Is the line s (n bytes) items one space apart and no list mark
 * outside brackets ("申込者の氏名 住所 電話番号 収集日", a cell's lines
 * a PDF joined with spaces), Japanese on both sides of every space? */
static int
is_spaced_line(const char *s, size_t n)
{
	size_t pieces = 1;
	int depth = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '(' || str_has_prefix(s + i, "（"))
			depth++;
		else if ((s[i] == ')' || str_has_prefix(s + i, "）")) &&
		    depth > 0)
			depth--;
		else if (depth == 0 && (str_has_prefix(s + i, "、") ||
		    str_has_prefix(s + i, "，") || s[i] == ','))
			return 0;
		else if (s[i] == ' ') {
			if (i == 0 || i + 1 >= n ||
			    (unsigned char)s[i - 1] < 0x80 ||
			    (unsigned char)s[i + 1] < 0x80)
				return 0;
			pieces += depth == 0;
		}
	}
	return pieces >= 3;
}

/* text with the spaces of its spaced lines (is_spaced_line, outside
 * brackets) made 、, or NULL when it has none. */
static char *
spaced_list(const char *text)
{
	struct buf b = BUF_INIT;
	int any = 0;

	for (const char *p = text; *p; ) {
		size_t n = strcspn(p, "\n");
		int spaced = is_spaced_line(p, n), depth = 0;

		any |= spaced;
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '(' || str_has_prefix(p + i, "（"))
				depth++;
			else if ((p[i] == ')' || str_has_prefix(p + i, "）")) &&
			    depth > 0)
				depth--;
			if (spaced && p[i] == ' ' && depth == 0)
				buf_puts(&b, "、");
			else
				buf_putc(&b, p[i]);
		}
		p += n;
		if (*p == '\n')
			buf_putc(&b, *p++);
	}
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* The text inside the brackets that follow prefix p in item, or NULL:
 * "その他（家屋番号、所在地番）" → "家屋番号、所在地番". */
static char *
bracketed_after(const char *item, size_t p)
{
	const char *open = item + p, *close;
	size_t n = strlen(item);

	if (str_has_prefix(open, "（") && n >= 3 &&
	    strcmp(item + n - 3, "）") == 0)
		close = item + n - 3, open += 3;
	else if (*open == '(' && n > 0 && item[n - 1] == ')')
		close = item + n - 1, open += 1;
	else
		return NULL;
	return close > open ? xstrndup(open, (size_t)(close - open)) : NULL;
}

static void	add_items(const char *text, struct strlist *out);

/* "その他（　家屋番号、所在地番　）": a form's "other" box with the items
 * written in; adds those.  Returns 1 when item was one. */
static int
other_filled_in(const char *item, struct strlist *out)
{
	char *inner;

	if (!str_has_prefix(item, "その他") ||
	    (inner = bracketed_after(item, strlen("その他"))) == NULL)
		return 0;
	add_items(trim(inner), out);
	free(inner);
	return 1;
}

/* "対象者（町内の家屋所有者）", "人数（約1,900人）※…": a form's sub-label
 * (of another field, or of none) with its value in brackets, not an
 * item. */
static int
labels_other_field(const char *item)
{
	static const char *const sublabels[] = { "対象者", "人数", "件数",
	    "記録媒体", "保存期間", NULL };
	const char *open = strchr(item, '('), *wide = strstr(item, "（");
	char *label;
	enum field_id f;
	int named = 0;

	if (wide != NULL && (open == NULL || wide < open))
		open = wide;
	if (open == NULL || open == item)
		return 0;
	label = xstrndup(item, (size_t)(open - item));
	f = label_field(label);
	for (int i = 0; sublabels[i] && !named; i++)
		named = strcmp(label, sublabels[i]) == 0;
	free(label);
	return named || (f > FIELD_IGNORE && f != FIELD_ITEMS);
}

/* Bytes of an item's mark in brackets at s ("（１）", "(2)", "（ア）"),
 * or 0. */
static size_t
bracket_mark_len(const char *s)
{
	size_t open = str_has_prefix(s, "（") ? 3 : *s == '(' ? 1 : 0, n = 0;
	const unsigned char *p = (const unsigned char *)s + open;

	if (open == 0)
		return 0;
	if (isdigit(*p)) {
		while (isdigit(p[n]))
			n++;
	} else if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 &&
	    p[2] <= 0x99) {
		while (p[n] == 0xef && p[n + 1] == 0xbc && p[n + 2] >= 0x90 &&
		    p[n + 2] <= 0x99)
			n += 3;	/* １２ */
	} else if (p[0] == 0xe3 && (p[1] == 0x82 || p[1] == 0x83))
		n = 3;		/* ア, イ */
	if (n == 0)
		return 0;
	if (str_has_prefix((const char *)p + n, "）"))
		return open + n + 3;
	return p[n] == ')' ? open + n + 1 : 0;
}

/*
 * "（１）氏名（２）住所（３）生年月日" (the first mark maybe gone): items
 * run on one line, each after its mark — a line each (a new string);
 * NULL when text has fewer than two such marks.
 */
static char *
marked_run(const char *text)
{
	const char *s = str_skip_spaces(text);
	struct buf b = BUF_INIT;
	int marks = 0, second = 0;

	if (strstr(s, "範囲") != NULL || strstr(s, "のとおり") != NULL)
		return NULL;	/* "1 個人の範囲 (1) … 2 記録項目 (1) …のとおり":
				   an outline, not a run of items */
	while (*s) {
		size_t m = bracket_mark_len(s);

		if (m > 0) {
			if (b.len > 0)
				buf_putc(&b, '\n');
			if (marks == 0 && b.len > 0)	/* "氏名（イ）…": the
							   first mark gone */
				second = strstr(s, "イ") == s + m - 6 ||
				    strstr(s, "２") == s + m - 6 ||
				    (s[m - 2] == '2' && m == 3);
			s += m;
			marks++;
			continue;
		}
		buf_putc(&b, *s++);
	}
	if (marks < 2 && !second) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static void
add_items(const char *text, struct strlist *out)
{
	struct strlist pieces = STRLIST_INIT;
	char *run = marked_run(text);
	char *listed;

	if (run != NULL) {
		add_items(run, out);
		free(run);
		return;
	}
	listed = spaced_list(text);

	split_list(listed ? listed : text, 1, &pieces);
	free(listed);
	for (size_t i = 0; i < pieces.n; i++) {
		char *item = drop_number(pieces.v[i]);

		if (is_not_item(item))
			continue;
		item = drop_work_name(item);
		if (other_filled_in(item, out) || labels_other_field(item))
			continue;
		remove_space_before_paren(item);
		remove_empty_parens(item);
		cut_at(item, " ");
		item = trim(item);
		if (str_has_suffix(item, "業務"))
			continue;	/* a work name between lists */
		if (is_short_coordination(item)) {
			split_dots(item, out);	/* 職業・職歴 */
			continue;
		}
		if (!is_not_item(item))
			strlist_push_unique(out, item);
	}
	strlist_free(&pieces);
}

/* "…《委託先に提供する項目》氏名、…", "【児童】氏名…【保護者】…": the
 * lists under each group's head (a 範囲's list aside); 0 when value
 * holds no such head (opens with none, unless anywhere). */
static int
grouped_items(const char *value, const char *open_mark,
    const char *close_mark, int anywhere, struct strlist *out)
{
	const char *p = value, *open, *close, *next;
	int any = 0;

	if (!anywhere && !str_has_prefix(str_skip_spaces(value), open_mark))
		return 0;
	while ((open = strstr(p, open_mark)) != NULL &&
	    (close = strstr(open, close_mark)) != NULL) {
		char *head = xstrndup(open, (size_t)(close - open));
		char *body;

		close += strlen(close_mark);
		next = strstr(close, open_mark);
		body = xstrndup(close, next ? (size_t)(next - close) :
		    strlen(close));
		if (strstr(head, "範囲") == NULL)
			add_items(body, out);
		free(head);
		free(body);
		any = 1;
		p = close;
	}
	return any;
}

void
parse_items(const char *value, struct strlist *out)
{
	if (!grouped_items(value, "《", "》", 1, out) &&
	    !grouped_items(value, "【", "】", 0, out))
		add_items(value, out);
}

/* "の９項目" (or "の３点" when points) at p: the count, else -1. */
long long
items_count_at(const char *p, int points)
{
	size_t used;
	long long n;

	if (!str_has_prefix(p, "の"))
		return -1;
	n = norm_parse_number(p + 3, strnlen(p + 3, 12), &used);
	if (n > 0 && (str_has_prefix(p + 3 + used, "項目") ||
	    (points && str_has_prefix(p + 3 + used, "点"))))
		return n;
	return -1;
}

/* "A、B、Cの７項目…": the count after a list, and what follows it,
 * go (in place). */
static void
drop_count_suffix(char *list)
{
	for (char *no = strstr(list, "の"); no != NULL;
	    no = strstr(no + 1, "の"))
		if (items_count_at(no, 1) > 0) {
			*no = '\0';	/* "…の9項目で、対象は…": the list ends */
			return;
		}
}

/* "A、B及びC": the last two items of a list in prose are joined by
 * 及び; a 、 in its place (in place: both are three bytes). */
void
split_last_and(char *list)
{
	char *comma = NULL, *and = NULL;

	for (char *p = strstr(list, "、"); p != NULL; p = strstr(p + 3, "、"))
		comma = p;
	if (comma == NULL)
		return;		/* "A及びB" alone may be one item */
	for (char *p = strstr(comma, "及び"); p != NULL;
	    p = strstr(p + 3, "及び"))
		and = p;
	if (and != NULL && strchr(and, '(') == NULL &&
	    strstr(and, "（") == NULL) {
		memcpy(and, "、", 3);
		memmove(and + 3, and + 6, strlen(and + 6) + 1);
	}
}

/* "取り扱わせる個人情報は、A、B及びCに限る": items stated in prose. */
void
drop_leading_modifier(struct strlist *items)
{
	if (items->n < 2 || !str_has_suffix(items->v[0], "の"))
		return;
	free(items->v[0]);
	memmove(items->v, items->v + 1, (items->n - 1) * sizeof(*items->v));
	items->n--;
}

void
items_in_prose(const char *text, struct strlist *out)
{
	static const char *const leads[] = { "個人情報は、", "個人情報は",
	    "項目は、", "項目は", "情報は、", "情報のうち、", NULL };
	static const char *const ends[] = { "に限る", "に限り", "に限られ",
	    "とする", "である", "であり", "です", "でございます", "となります",
	    "になります", "となる。", "を、", "。", NULL };

	for (int l = 0; leads[l]; l++)
		for (const char *p = strstr(text, leads[l]); p != NULL;
		    p = strstr(p + 1, leads[l])) {
			const char *v = p + strlen(leads[l]), *e = NULL;
			struct strlist items = STRLIST_INIT;
			char *list;

			for (int k = 0; ends[k]; k++) {
				const char *f = memmem(v, strnlen(v, 3 * 121),
				    ends[k], strlen(ends[k]));

				if (f != NULL && (e == NULL || f < e))
					e = f;
			}
			if (e == NULL || e - v > 3 * 120)
				continue;
			list = xstrndup(v, (size_t)(e - v));
			drop_count_suffix(list);
			split_last_and(list);
			parse_items(list, &items);
			free(list);
			drop_leading_modifier(&items);
			if (items.n >= 2) {	/* a list, not a phrase */
				for (size_t i = 0; i < items.n; i++)
					strlist_push_unique(out, items.v[i]);
				strlist_free(&items);
				return;
			}
			strlist_free(&items);
		}
}

const char *
value_after_change(const char *value)
{
	static const char *const before[] = { "現行", "変更前", "改正前",
	    "従前", "従来", NULL };
	static const char *const after[] = { "改正後", "変更後", "見直し後",
	    NULL };
	const char *old = NULL, *now = NULL;
	size_t len = 0;

	for (int b = 0; before[b]; b++) {
		const char *hit = strstr(value, before[b]);

		if (hit != NULL && (old == NULL || hit < old))
			old = hit;
	}
	for (int a = 0; after[a] && old != NULL; a++)
		for (const char *hit = strstr(old, after[a]); hit != NULL;
		    hit = strstr(hit + 1, after[a]))
			if (now == NULL || hit > now) {
				now = hit;
				len = strlen(after[a]);
			}
	if (now == NULL)
		return value;
	now += len;
	while (str_has_prefix(now, "は") || str_has_prefix(now, "、") ||
	    str_has_prefix(now, "：") || *now == ':' || *now == ' ')
		now += (unsigned char)*now < 0x80 ? 1 : 3;
	return *now != '\0' ? now : value;
}

void
parse_period(const char *value, char start[11], char end[11])
{
	struct norm_date d;
	size_t s, e, len = strlen(value);

	start[0] = end[0] = '\0';
	if (norm_find_date(value, len, &d, &s, &e) != 0)
		return;
	if (memmem(value, s, "から", strlen("から")) != NULL) {
		norm_format_iso(&d, end);	/* "契約締結日から…まで" */
		return;
	}
	norm_format_iso(&d, start);
	if (norm_find_date(value + e, len - e, &d, NULL, NULL) == 0)
		norm_format_iso(&d, end);
}

/* The text between [ and ] at p (trimmed), or NULL when empty. */
static char *
bracket_text(const char *p, const char **after)
{
	const char *close = strchr(p, ']');
	char *inner, *t, *out;

	*after = close ? close + 1 : p + strlen(p);
	if (close == NULL)
		return NULL;
	inner = xstrndup(p + 1, (size_t)(close - p - 1));
	t = trim(inner);
	out = *t ? xstrdup(t) : NULL;
	free(inner);
	return out;
}

/* Checked boxes: "[○] label" (the label up to the next box). */
static char *
checked_labels(const char *value)
{
	struct buf b = BUF_INIT;
	const char *p = value, *after, *next;

	while ((p = strchr(p, '[')) != NULL) {
		char *mark = bracket_text(p, &after);

		if (mark != NULL && (strcmp(mark, "○") == 0 ||
		    strcmp(mark, "〇") == 0 || strcmp(mark, "✓") == 0)) {
			char *label;

			next = strchr(after, '[');
			label = xstrndup(after, next ? (size_t)(next - after) :
			    strlen(after));
			buf_printf(&b, "%s%s", b.len ? "、" : "", trim(label));
			free(label);
		}
		free(mark);
		p = after;
	}
	if (b.len == 0) {	/* none, or only empty labels */
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

char *
read_selection(const char *value)
{
	const char *p = strchr(value, '['), *after;
	char *chosen;

	if (p == NULL)
		return NULL;
	if (strstr(value, "<選択肢>") == NULL &&
	    strstr(value, "＜選択肢＞") == NULL)
		return checked_labels(value);
	chosen = bracket_text(p, &after);
	return chosen;
}
