/*
 * labelled_case.c — the labelled reader's cases (see labelled.h): where
 * a file's cases begin (諮問第N号 … headers, agenda items, headings of
 * their level, records of a table of cases), and each case's own fields:
 * kind, number, title, date, department, legal basis, count of persons.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "citation.h"
#include "labelled.h"
#include "normalize.h"
#include "rows.h"

/* ---- cases ---- */

size_t
count_case_headers(const struct ctx *x)
{
	struct strlist seen = STRLIST_INIT;
	size_t n;

	for (size_t i = 0; i < x->n; i++) {
		char *number;
		const char *w = case_header(x->k[i]->key, &number);
		struct buf b = BUF_INIT;

		if (w == NULL)
			continue;
		buf_printf(&b, "%s%s", w, number);
		strlist_push_unique(&seen, b.data);
		buf_free(&b);
		free(number);
	}
	n = seen.n;
	strlist_free(&seen);
	return n;
}

static const char *const header_words[] = { "諮問", "答申", "報告", "付議",
    NULL };

/* "2議題(1)…": key past a section's own number before one of words
 * (an agenda item taken up under a numbered heading); key else. */
static const char *
section_number_before(const char *key, const char *const words[])
{
	const char *p = key;

	while (isdigit((unsigned char)*p))
		p++;
	if (p == key)
		return key;
	if (*p == '.')
		p++;
	return str_has_any_prefix(p, words) ? p : key;
}

/* "議題1", "案件2", "資料2": an agenda item's (or a paper's) own number
 * before its header. */
static const char *
after_agenda_number(const char *key)
{
	static const char *const words[] = { "議題", "案件", "議案", "資料",
	    NULL };

	if (*key == '(' && isdigit((unsigned char)key[1])) {
		/* "(1)諮問第8号…", "(2)報告事項…": an agenda's numbered item
		   whose word says what it is */
		const char *p = key + 1;

		while (isdigit((unsigned char)*p))
			p++;
		if (*p == ')')
			for (int w = 0; header_words[w]; w++) {
				const char *q = p + 1 + strlen(header_words[w]);

				if (str_has_prefix(p + 1, header_words[w]) &&
				    ((str_has_prefix(q, "第") &&
				    isdigit((unsigned char)q[3])) ||
				    (str_has_prefix(q, "事項") &&
				    !str_has_prefix(q + strlen("事項"),
				    "その"))))
					return p + 1;	/* not "(2)諮問の根拠",
							   nor "(3)諮問事項その1",
							   a part of one */
			}
	}
	if (isdigit((unsigned char)*key)) {
		/* "1 諮問第2号 …", "2. 報告第1号 …": an agenda's numbered
		   item that is a case's header */
		const char *p = key;

		while (isdigit((unsigned char)*p))
			p++;
		if (*p == '.')
			p++;
		for (int w = 0; header_words[w]; w++) {
			const char *q = p + strlen(header_words[w]);

			if (str_has_prefix(p, header_words[w]) &&
			    str_has_prefix(q, "第") &&
			    isdigit((unsigned char)q[3]))
				return p;
		}
	}
	const char *start = section_number_before(key, words);
	int bracket = str_has_prefix(start, "【") ? 3 : *start == '[' ? 1 : 0;

	for (int i = 0; words[i]; i++)
		if (str_has_prefix(start + bracket, words[i])) {
			const char *p = start + bracket + strlen(words[i]);
			int dai = str_has_prefix(p, "第");
			int paren = !dai && *p == '(' && bracket == 0;

			p += dai ? strlen("第") : paren ? 1 : 0;
			if (!isdigit((unsigned char)*p))
				continue;
			while (isdigit((unsigned char)*p))
				p++;
			if ((dai && !str_has_prefix(p, "号")) ||
			    (paren && (*p != ')' || strstr(p, "(2)") != NULL)))
				continue;	/* (not "議題(1)…(2)…", a list) */
			p += dai ? strlen("号") : paren ? 1 : 0;
					/* 議案第52号, 議題(1) */
			if (bracket == 0)
				return p;
			if (str_has_prefix(p, bracket == 3 ? "】" : "]"))
				return p + bracket;	/* 【案件1】 */
		}
	return key;
}

/* "報告事項1　…について": a numbered matter of a kind, as a page's
 * heading names it; returns the text after its number, or NULL. */
static const char *
after_matter_number(const char *key)
{
	static const char *const words[] = { "報告事項", "諮問事項", "付議事項",
	    "審議事項", NULL };

	for (int i = 0; words[i]; i++)
		if (str_has_prefix(key, words[i]) &&
		    isdigit((unsigned char)key[strlen(words[i])])) {
			const char *p = key + strlen(words[i]);

			while (isdigit((unsigned char)*p))
				p++;
			return p;
		}
	return NULL;
}

static int	ends_title(const char *key);

/* A heading "報告事項1　…について" that names a matter, a case of its
 * own (not "付議事項１　業務委託", a procedure of one), or such a line. */
static int
names_matter(const struct node *k)
{
	const char *rest = after_matter_number(k->key);

	/* (a PDF's text marks no heading: a line of its own) */
	return (k->kind == NODE_HEADING || k->kind == NODE_TEXT) &&
	    rest != NULL && ends_title(rest) && strstr(rest, "。") == NULL &&
	    strlen(rest) < 3 * 80;
}

/* Is the line of matter i one of a list of them (links to earlier
 * reports), lines one after another, not a heading over its text? */
static int
in_list_of_matters(const struct ctx *x, size_t i)
{
	if (x->k[i]->kind == NODE_HEADING)
		return 0;
	return (i > 0 && after_matter_number(x->k[i - 1]->key) != NULL) ||
	    (i + 1 < x->n && after_matter_number(x->k[i + 1]->key) != NULL);
}

/* "議題3…": a line that starts an agenda item. */
static int
is_agenda_item(const char *key)
{
	return after_agenda_number(key) != key && !str_has_prefix(key, "資料") &&
	    strlen(key) < 3 * 80 && strstr(key, "。") == NULL;
}

/* The kind word (諮問, 報告 …) an agenda line names, or NULL. */
static const char *
kind_word(const char *key)
{
	const char *rest = after_agenda_number(key);

	for (int w = 0; header_words[w]; w++)
		if (str_has_prefix(rest, header_words[w]) ||
		    (str_has_prefix(key, header_words[w]) &&
		    str_has_prefix(key + strlen(header_words[w]), "事項")))
			return header_words[w];	/* 報告事項1　… */
	return NULL;
}

/* "諮問書(諮問第45号)": the header inside the brackets after a letter's
 * name; else key. */
static const char *
inside_letter_name(const char *key)
{
	for (int w = 0; header_words[w]; w++) {
		const char *p = key;

		if (!str_has_prefix(p, header_words[w]))
			continue;
		p += strlen(header_words[w]);
		if (str_has_prefix(p, "書"))
			p += strlen("書");
		if (*p == '(' && strchr(p, ')') != NULL &&
		    strchr(p, ')')[1] == '\0')
			return p + 1;
	}
	return key;
}

/* "豊総市第418号諮問第27号": a letter's reference number run into the
 * header on its line (two right-aligned lines a PDF joined); the key
 * after it, or key. */
static const char *
after_letter_number(const char *key)
{
	const char *dai = strstr(key, "第"), *p;

	if (dai == NULL || dai == key || dai - key > 3 * 8)
		return key;
	p = dai + strlen("第");
	while (isdigit((unsigned char)*p))
		p++;
	if (p == dai + strlen("第") || !str_has_prefix(p, "号"))
		return key;
	p += strlen("号");
	for (int w = 0; header_words[w]; w++)
		if (str_has_prefix(p, header_words[w]) &&
		    str_has_prefix(p + strlen(header_words[w]), "第"))
			return p;
	return key;
}

/* "■諮問第１８号": key after a leading mark before a numbered header. */
static const char *
after_mark(const char *key)
{
	static const char *const marks[] = { "■", "□", "●", "○", "◆", "◇",
	    "◎", "▼", "▽", "・", "Q.", "Q", NULL };	/* (Q: an FAQ's) */

	for (int i = 0; marks[i]; i++) {
		const char *p = key + strlen(marks[i]);

		if (!str_has_prefix(key, marks[i]))
			continue;
		for (int w = 0; header_words[w]; w++)
			if (str_has_prefix(p, header_words[w]) &&
			    str_has_prefix(p + strlen(header_words[w]), "第"))
				return p;	/* (not "■付議事項２", a part) */
	}
	return key;
}

/* "出雲市諮問第二十七号": the header after the name of the body that
 * numbers it (a 市, 町, 村, 区 or 県 of at most six characters); else
 * key. */
static const char *
after_body_name(const char *key)
{
	static const char *const ends[] = { "市", "町", "村", "区", "県",
	    NULL };

	for (int w = 0; header_words[w]; w++) {
		const char *p = strstr(key, header_words[w]);

		if (p == NULL || p == key || p - key > 3 * 6 ||
		    !str_has_prefix(p + strlen(header_words[w]), "第"))
			continue;
		for (int e = 0; ends[e]; e++)
			if ((size_t)(p - key) >= strlen(ends[e]) &&
			    strncmp(p - strlen(ends[e]), ends[e],
			    strlen(ends[e])) == 0)
				return p;
	}
	return key;
}

/* "1住民健診予約受付…について" after 報告: a number without 第…号 and
 * the title it heads; the number (new string), or NULL. */
static char *
bare_number_title(const char *p)
{
	static const char *const units[] = { "件", "号", "回", "名", "年",
	    "月", "日", "の", "から", "まで", "~", "〜", "・", "、", "及び",
	    "-", NULL };
	char *num = digits_at(p);
	const char *t;

	if (num == NULL)
		return NULL;
	t = p + strlen(num);
	for (int u = 0; units[u]; u++)
		if (str_has_prefix(t, units[u])) {
			free(num);
			return NULL;
		}
	if (strlen(t) < 3 * 4 || strstr(t, "。") != NULL ||
	    isdigit((unsigned char)*t)) {
		free(num);
		return NULL;
	}
	return num;
}

/* "事項1" after 報告 or 諮問, alone on its line: the item's number (new
 * string), or NULL.  With words after it ("諮問事項1　外部結合") it
 * may name a procedure of one 諮問. */
static char *
agenda_item_number(const char *p)
{
	char *num;

	if (!str_has_prefix(p, "事項") ||
	    (num = digits_at(p + strlen("事項"))) == NULL)
		return NULL;
	if (p[strlen("事項") + strlen(num)] == '\0')
		return num;
	free(num);
	return NULL;
}

/* Is key an agenda's item ("報告事項1"), whose number only counts the
 * meeting's items and is not the case's? */
int
numbers_agenda_item(const char *key)
{
	for (int w = 0; header_words[w]; w++)
		if (str_has_prefix(key, header_words[w]) &&
		    str_has_prefix(key + strlen(header_words[w]), "事項") &&
		    isdigit((unsigned char)key[strlen(header_words[w]) +
		    strlen("事項")]))
			return 1;
	return 0;
}

/* Past the header at the start of key ("議題1諮問第48号", "報告1",
 * "諮問書(諮問第45号)"): where its title begins; key when it has none. */
static const char *
header_end(const char *key)
{
	char *n = NULL;
	const char *w, *p;

	if ((w = case_header(key, &n)) == NULL)
		return key;
	free(n);
	p = strstr(key, w) + strlen(w);
	if (str_has_prefix(p, "事項第"))
		p += strlen("事項");
	if (str_has_prefix(p, "第"))
		p += strlen("第");
	for (;;) {
		if (isdigit((unsigned char)*p))
			p++;
		else if ((unsigned char)p[0] == 0xef &&
		    (unsigned char)p[1] == 0xbc &&
		    (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99)
			p += 3;	/* ０-９ */
		else
			break;
	}
	if (str_has_prefix(p, "号"))
		p += strlen("号");
	if (*p == ')' || str_has_prefix(p, "）"))
		p += *p == ')' ? 1 : 3;
	return p;
}

/* "四十一号": the number kanji digits give before 号, in ASCII digits
 * (new string), or NULL. */
static char *
kanji_number_before_go(const char *p)
{
	size_t n = norm_kanji_digits_len(p, 6), used;
	long long v;
	char buf[24];

	if (n == 0 || !str_has_prefix(p + n, "号"))
		return NULL;
	v = norm_parse_number(p, n, &used);
	if (v <= 0 || used != n)
		return NULL;
	snprintf(buf, sizeof(buf), "%lld", v);
	return xstrdup(buf);
}

/* "諮問第48号…" at the start of a key (after "議題1"): the word and the
 * number. */
const char *
case_header(const char *key, char **number)
{
	static const char *const labels[] = { "諮問番号", "報告番号",
	    "付議番号", "案件番号", NULL };
	int labelled = -1;

	for (int i = 0; labels[i]; i++)
		if (str_has_prefix(key, labels[i])) {
			key += strlen(labels[i]);	/* 諮問番号　諮問第3号 */
			labelled = i;
		} else if (str_has_prefix(key, "【") &&
		    str_has_prefix(key + strlen("【"), labels[i]) &&
		    str_has_prefix(key + strlen("【") + strlen(labels[i]),
		    "】")) {
			key += strlen("【") + strlen(labels[i]) + strlen("】");
			labelled = i;	/* 【諮問番号】　諮問第12号 */
		}
	if (*key == ':')
		key++;
	if (labelled >= 0 && labelled < 3 && str_has_prefix(key, "第")) {
		char *num = digits_at(key + strlen("第"));

		if (num != NULL && str_has_prefix(key + strlen("第") +
		    strlen(num), "号")) {
			*number = num;	/* 報告番号　第12号: a 報告's */
			return header_words[labelled == 0 ? 0 :
			    labelled == 1 ? 2 : 3];	/* 諮問, 報告, 付議 */
		}
		free(num);
	}
	key = after_mark(key);
	key = after_body_name(key);
	key = after_letter_number(key);
	key = after_agenda_number(key);
	key = inside_letter_name(key);
	if (*key == '(' && strchr(key, ')') != NULL &&
	    strchr(key, ')')[1] == '\0')
		key++;	/* "（報告第29号）" on a line of its own */
	for (int w = 0; header_words[w]; w++) {
		const char *p = key;
		char *num;

		if (!str_has_prefix(p, header_words[w]))
			continue;
		p += strlen(header_words[w]);
		if (str_has_prefix(p, "事項第"))
			p += strlen("事項");	/* 付議事項第5号 */
		if ((num = agenda_item_number(p)) != NULL) {
			*number = num;	/* 報告事項1 (alone, or its title) */
			return header_words[w];
		}
		if (!str_has_prefix(p, "第")) {
			if ((num = bare_number_title(p)) != NULL) {
				*number = num;	/* 報告1 住民健診…について */
				return header_words[w];
			}
			continue;
		}
		p += strlen("第");
		if ((num = digits_at(p)) == NULL) {
			if ((num = kanji_number_before_go(p)) == NULL)
				continue;
			*number = num;	/* 諮問第四十一号 */
			return header_words[w];
		}
		if (!str_has_prefix(p + strlen(num), "号")) {
			free(num);
			continue;
		}
		*number = num;
		return header_words[w];
	}
	return NULL;
}

static void
add_span(struct spans *sp, size_t from, char *number, int record)
{
	sp->v = xrealloc(sp->v, (sp->n + 1) * sizeof(*sp->v));
	memset(&sp->v[sp->n], 0, sizeof(sp->v[sp->n]));
	sp->v[sp->n].from = from;
	sp->v[sp->n].number = number;
	sp->v[sp->n].record = record;
	sp->n++;
}

/* Does the section of heading h hold a 件名 fact? */
static int
section_has_subject(const struct ctx *x, const struct facts *fs, size_t h)
{
	size_t end = node_span_end(x->k[h]);

	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_SUBJECT && fs->v[i].at > h &&
		    fs->v[i].at < end)
			return 1;
	return 0;
}

#define PAPER_LINES	24	/* lines of a paper's title over its facts */

/* Is there a procedure's fact (a contractor, items, a period) among the
 * nodes [from, to)? */
static int
states_procedure(const struct facts *fs, size_t from, size_t to)
{
	for (size_t f = 0; f < fs->n; f++)
		if (fs->v[f].at >= from && fs->v[f].at < to &&
		    is_procedure_field(fs->v[f].field))
			return 1;
	return 0;
}

/*
 * "報告事項（番号なし）", "【諮問】", "報告書": a line that is only a kind
 * word (and a note in brackets), over a 件名 in the next lines — a case without a
 * number.  Returns the word, or NULL.
 */
static const char *
bare_kind_header(const struct ctx *x, const struct facts *fs, size_t i)
{
	const char *key = x->k[i]->key, *word = NULL, *p;

	if (str_has_prefix(key, "資料") && isdigit((unsigned char)key[6])) {
		key += strlen("資料");	/* "資料３　報告事項": a bundle's paper */
		while (isdigit((unsigned char)*key))
			key++;
	}
	if (str_has_prefix(key, "【") || str_has_prefix(key, "<"))
		key += str_has_prefix(key, "【") ? 3 : 1;
	for (int w = 0; header_words[w] && word == NULL; w++)
		if (str_has_prefix(key, header_words[w]))
			word = header_words[w];
	if (word == NULL)
		return NULL;
	p = key + strlen(word);
	if (str_has_prefix(p, "事項"))
		p += strlen("事項");
	else if (str_has_prefix(p, "書")) {
		size_t j = i + 1;	/* "報告書": a form's own title, */

		while (j < x->n && x->k[j]->kind == NODE_BLANK)
			j++;
		for (size_t f = 0; f < fs->n; f++)
			if (fs->v[f].field == FIELD_SUBJECT && fs->v[f].at == j &&
			    strcmp(p, "書") == 0)
				return word;	/* its 件名 right under it */
		return NULL;
	}
	if (str_has_prefix(p, "】") || *p == '>')
		p += *p == '>' ? 1 : 3;
	if (*p == '(' && strchr(p, ')') != NULL && strchr(p, ')')[1] == '\0')
		p = strchr(p, ')') + 1;
	if (*p != '\0')
		return NULL;
	for (size_t f = 0; f < fs->n; f++)
		if (fs->v[f].field == FIELD_SUBJECT && fs->v[f].at > i &&
		    fs->v[f].at <= i + 3)
			return word;
	for (size_t j = i + 1; j < x->n; j++) {
		char *n = NULL;
		int titled;

		if (x->k[j]->kind == NODE_BLANK)
			continue;
		titled = x->k[j]->kind == NODE_TEXT &&
		    ends_title(x->k[j]->key) && case_header(x->k[j]->key,
		    &n) == NULL && states_procedure(fs, j, j + PAPER_LINES);
		free(n);
		return titled ? word : NULL;	/* its title on the next
						   line, over a procedure's
						   facts */
	}
	return NULL;
}

/* Is rest nothing, or a date and the kind word said on it
 * ("令和7年9月29日諮問")? */
static int
only_a_date(const char *rest)
{
	char iso[11];

	return *rest == '\0' || (strlen(rest) < 3 * 16 &&
	    norm_date_iso(rest, strlen(rest), iso) == 0);
}

/* Does row k's first cell start with a case's header ("報告第7号
 * 令和7年10月2日報告 | …について"): a row of a table of cases? */
static int
heads_row(const struct node *k)
{
	const char *tab = strchr(k->text, '\t');
	char *first, *key, *n = NULL;
	int yes;

	if (k->kind != NODE_ROW || tab == NULL)
		return 0;
	first = xstrndup(k->text, (size_t)(tab - k->text));
	key = strip_ws(first);
	yes = case_header(key, &n) != NULL && only_a_date(header_end(key));
	free(n);
	free(key);
	free(first);
	return yes;
}

/* Is a header's line (not a heading) a link to a paper about the case
 * ("資料1 諮問第3号説明資料（PDF：312KB）"), not the case: a paper's
 * number before it, or a file's size after it? */
static int
names_a_paper(const char *key)
{
	const char *p = key;

	if (str_has_prefix(p, "資料")) {
		p += strlen("資料");
		if (isdigit((unsigned char)*p) && *header_end(key) != '\0')
			return 1;	/* (not "資料２　諮問第２号", a head) */
	}
	return strstr(key, "(PDF") != NULL || strstr(key, "（PDF") != NULL ||
	    strstr(key, "KB)") != NULL || strstr(key, "KB）") != NULL;
}

static int	ends_title(const char *key);

/* "諮問第6号　…の取扱いについて": a line that is a case's header and its
 * title, nothing else; cases listed so are cases whatever their word
 * (諮問第6号 …, 報告第2号 … on a page of a meeting's results). */
static int
is_titled_header(const char *key)
{
	return after_agenda_number(key) == key && *header_end(key) != '\0' &&
	    strstr(key, "。") == NULL && ends_title(key);
}

/* Case starts at numbered headers (and headings of their level). */
static void
header_cases(const struct ctx *x, const struct facts *fs, struct spans *sp)
{
	char *number, *cur = NULL;
	const char *bare;
	int level = 0, titled = 0;

	for (size_t i = 0; i < x->n; i++) {
		const char *w = case_header(x->k[i]->key, &number);

		if (w != NULL && x->k[i]->kind != NODE_HEADING &&
		    (names_a_paper(x->k[i]->key) ||
		    strstr(header_end(x->k[i]->key), "。") != NULL)) {
			free(number);	/* "資料1 諮問第3号説明資料（PDF…）",
					   "諮問第2号について御説明いたします。…" */
			continue;
		}
		if (w == NULL && (bare = bare_kind_header(x, fs, i)) != NULL) {
			add_span(sp, i, NULL, -1);
			sp->v[sp->n - 1].word = bare;
			free(cur);
			cur = NULL;
			continue;
		}
		if (w == NULL && (is_agenda_item(x->k[i]->key) ||
		    (names_matter(x->k[i]) && !in_list_of_matters(x, i)))) {
			/* "議題3　報告事項　…": an item without a number */
			add_span(sp, i, NULL, -1);
			sp->v[sp->n - 1].word = kind_word(x->k[i]->key);
			free(cur);
			cur = NULL;
			continue;
		}
		if (w == NULL) {
			if (level > 0 && x->k[i]->kind == NODE_HEADING &&
			    x->k[i]->form == NUM_LEVEL &&
			    x->k[i]->number == level &&
			    section_has_subject(x, fs, i)) {
				add_span(sp, i, NULL, -1);
				free(cur);
				cur = NULL;
			}
			continue;
		}
		if (sp->word == NULL)
			sp->word = w;
		if (strcmp(sp->word, "答申") == 0 && strcmp(w, "諮問") == 0) {
			free(number);	/* the 諮問 a 答申 answers, restated */
			continue;
		}
		/* the headers of the first word delimit cases; an agenda item
		   (議題3 報告第2号) is one whatever its word */
		if ((w != sp->word && after_agenda_number(x->k[i]->key) ==
		    x->k[i]->key && *header_end(x->k[i]->key) != '\0' &&
		    !heads_row(x->k[i]) && !(titled &&
		    is_titled_header(x->k[i]->key)) && !(level > 0 &&
		    x->k[i]->kind == NODE_HEADING &&
		    x->k[i]->form == NUM_LEVEL &&
		    x->k[i]->number == level)) ||
		    (cur != NULL && strcmp(cur, number) == 0)) {
			/* (a header alone on its line, or a page heading
			   of the cases' level, starts a case whatever its
			   word: 報告第2号 … 諮問第11号) */
			free(number);
			continue;
		}
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->form == NUM_LEVEL)
			level = x->k[i]->number;
		free(cur);
		cur = xstrdup(number);
		if (sp->n == 0)
			titled = is_titled_header(x->k[i]->key);
		add_span(sp, i, number, -1);
		sp->v[sp->n - 1].word = w;
	}
	free(cur);
}

/* Does the section of heading h hold a fact of a case (its date, legal
 * basis or department), not only a procedure's? */
static int
section_has_case_fact(const struct ctx *x, const struct facts *fs, size_t h)
{
	size_t end = node_span_end(x->k[h]);

	for (size_t i = 0; i < fs->n; i++)
		if ((fs->v[i].field == FIELD_DATE ||
		    fs->v[i].field == FIELD_BASIS ||
		    fs->v[i].field == FIELD_DEPARTMENT) &&
		    fs->v[i].at > h && fs->v[i].at < end)
			return 1;
	return 0;
}

/* Does key name a case by its header anywhere ("1 諮問第30号 …")? */
static int
has_case_header(const char *key)
{
	for (int w = 0; header_words[w]; w++)
		for (const char *p = strstr(key, header_words[w]); p != NULL;
		    p = strstr(p + strlen(header_words[w]), header_words[w])) {
			char *n = NULL;
			int yes = case_header(p, &n) != NULL;

			free(n);
			if (yes)
				return 1;
		}
	return 0;
}

/* Is node k a heading whose words are a case's title ("【案件1】…に
 * ついて", "<h3>…の件</h3>"), with no header naming its case (those
 * are header_cases')? */
static int
is_titled_heading(const struct node *k)
{
	const char *t = k->label != NULL ? k->label : k->key;

	return k->kind == NODE_HEADING && strstr(t, "。") == NULL &&
	    strlen(t) < 3 * 80 && ends_title(t) && !has_case_header(k->key);
}

/* Are headings a and b of one level: the same form, and for HTML or
 * Markdown headings the same <hN>? */
static int
same_heading_level(const struct node *a, const struct node *b)
{
	return a->form == b->form &&
	    (a->form != NUM_LEVEL || a->number == b->number);
}

/* Headings of node h's level that are titles: how many, and whether
 * each holds a case's facts. */
static size_t
count_titled_siblings(const struct ctx *x, const struct facts *fs,
    size_t h, int *all_cases)
{
	size_t n = 0;

	*all_cases = 1;
	for (size_t i = 0; i < x->n; i++)
		if (is_titled_heading(x->k[i]) &&
		    same_heading_level(x->k[i], x->k[h])) {
			n++;
			if (!section_has_case_fact(x, fs, i))
				*all_cases = 0;
		}
	return n;
}

/*
 * Headings of one level, each a title (…について) over its own case's
 * facts (a date, a legal basis, a department): a page of committee
 * results with a section per case, when no header names them.
 */
static void
titled_heading_cases(const struct ctx *x, const struct facts *fs,
    struct spans *sp)
{
	for (size_t h = 0; h < x->n; h++) {
		int all_cases;

		if (!is_titled_heading(x->k[h]) ||
		    count_titled_siblings(x, fs, h, &all_cases) < 2 ||
		    !all_cases)
			continue;
		for (size_t i = h; i < x->n; i++) {
			const struct node *k = x->k[i];

			if (!is_titled_heading(k) || !same_heading_level(k,
			    x->k[h]))
				continue;
			add_span(sp, i, NULL, -1);
		}
		return;
	}
}

/* Cases of titled headings, when there are more of them than headers
 * found (a 諮問第3号 named only in a page's list of papers). */
static void
prefer_titled_headings(const struct ctx *x, const struct facts *fs,
    struct spans *sp)
{
	struct spans titled;

	memset(&titled, 0, sizeof(titled));
	titled_heading_cases(x, fs, &titled);
	if (titled.n > sp->n) {
		spans_free(sp);
		*sp = titled;
		return;
	}
	spans_free(&titled);
}

/* Where the last case ends: a heading above the cases' level. */
static size_t
last_case_end(const struct ctx *x, const struct spans *sp)
{
	const struct node *first = x->k[sp->v[0].from];

	if (first->kind != NODE_HEADING || first->form != NUM_LEVEL)
		return x->n;
	for (size_t i = sp->v[sp->n - 1].from + 1; i < x->n; i++)
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->form == NUM_LEVEL &&
		    x->k[i]->number < first->number)
			return i;
	return x->n;
}

/*
 * "それでは、諮問第32号「…」を議題とします": a case named in running text
 * (minutes, an 答申), with its title in the quotes after its number.
 * Returns the header word and sets *number and *title, or NULL.
 */
static const char *
mentioned_case(const char *key, char **number, char **title)
{
	for (int w = 0; header_words[w]; w++)
		for (const char *p = strstr(key, header_words[w]); p != NULL;
		    p = strstr(p + strlen(header_words[w]), header_words[w])) {
			const char *q, *e;

			if (case_header(p, number) == NULL)
				continue;
			q = header_end(p);
			if (str_has_prefix(q, "は、"))
				q += strlen("は、");	/* 諮問第5号は、「…」 */
			else if (str_has_prefix(q, "は"))
				q += strlen("は");
			e = memmem(q, strnlen(q, 3 * 81), "」", strlen("」"));
			if (!str_has_prefix(q, "「") || e == NULL ||
			    e - q > 3 * 80) {
				free(*number);
				*number = NULL;
				continue;
			}
			q += strlen("「");
			*title = xstrndup(q, (size_t)(e - q));
			return header_words[w];
		}
	return NULL;
}

static void	mention_cases(const struct ctx *x, struct spans *sp);

/*
 * Headers that only name their cases, line after line ("（１）諮問第５号
 * について", "（２）諮問第６号について"): an agenda, not the cases.
 */
static int
is_bare_index(const struct ctx *x, const struct spans *sp)
{
	for (size_t c = 0; c < sp->n; c++) {
		const char *rest = header_end(after_agenda_number(
		    x->k[sp->v[c].from]->key));

		if (sp->v[c].record >= 0 || (*rest != '\0' &&
		    strcmp(rest, "について") != 0) || (c > 0 &&
		    sp->v[c].from > sp->v[c - 1].from + 2))
			return 0;
	}
	return 1;
}

/* The cases an agenda names, from where the text tells each ("諮問第5号
 * は、「…」です"), when it tells them all. */
static void
prefer_mentions(const struct ctx *x, struct spans *sp)
{
	struct spans told;

	memset(&told, 0, sizeof(told));
	mention_cases(x, &told);
	if (told.n == sp->n) {
		spans_free(sp);
		sp->v = told.v;
		sp->n = told.n;
		sp->word = told.word;
		return;
	}
	spans_free(&told);
}

/* The first node at or after from whose text names case word+number
 * (…諮問第１８号について説明します; not "資料1 諮問第18号説明資料", a
 * paper handed out), or x->n. */
static size_t
next_mention(const struct ctx *x, size_t from, const char *word,
    const char *number)
{
	for (size_t i = from; i < x->n; i++)
		for (const char *p = names_a_paper(x->k[i]->key) ? NULL :
		    strstr(x->k[i]->key, word); p != NULL;
		    p = strstr(p + strlen(word), word)) {
			char *n = NULL;
			int same = case_header(p, &n) != NULL &&
			    strcmp(n, number) == 0;

			free(n);
			if (same)
				return i;
		}
	return x->n;
}

/* The next line from `from` on naming the matter that key opens with
 * ("報告事項1…": "次に…報告事項1について"), or x->n. */
static size_t
next_matter(const struct ctx *x, size_t from, const char *key)
{
	const char *end = after_matter_number(key);
	char *token = xstrndup(key, (size_t)(end - key));
	size_t i;

	for (i = from; i < x->n; i++) {
		const char *p = strstr(x->k[i]->key, token);

		if (p != NULL && !isdigit((unsigned char)p[strlen(token)]))
			break;
	}
	free(token);
	return i;
}

/* The next line from `from` on that takes up agenda item n by its
 * number ("■議題（２）報告事項"), or x->n. */
static size_t
next_agenda_item(const struct ctx *x, size_t from, int n)
{
	static const char *const words[] = { "議題", "議事", "案件", NULL };
	char token[32];
	size_t i;

	for (i = from; i < x->n; i++)
		for (int w = 0; words[w]; w++) {
			snprintf(token, sizeof(token), "%s(%d)", words[w], n);
			if (strstr(x->k[i]->key, token) != NULL)
				return i;
		}
	return i;
}

/*
 * Headers close together that each name a case with its title (minutes:
 * "（１）諮問第18号　…について", its （担当課 …） line, "（２）諮問第19号
 * …"), and whose numbers the text names again below, in order: an
 * agenda.  Each case then runs from where the text takes it up, keeping
 * the agenda entry as its lead (title, department).
 */
static void
tell_agenda_cases(const struct ctx *x, struct spans *sp)
{
	size_t *at = xcalloc(sp->n, sizeof(*at)), from;

	for (size_t c = 0; c < sp->n; c++) {
		const struct span *s = &sp->v[c];

		if (s->record >= 0 || s->word == NULL || (s->number == NULL &&
		    after_matter_number(after_agenda_number(
		    x->k[s->from]->key)) == NULL &&
		    x->k[s->from]->form != NUM_PAREN) ||
		    (c > 0 && s->from > sp->v[c - 1].from + 3))
			goto out;
	}
	from = sp->v[sp->n - 1].from + 1;
	for (size_t c = 0; c < sp->n; c++) {
		const struct node *k = x->k[sp->v[c].from];

		at[c] = sp->v[c].number != NULL ? next_mention(x, from,
		    sp->v[c].word, sp->v[c].number) :
		    after_matter_number(after_agenda_number(k->key)) != NULL ?
		    next_matter(x, from, after_agenda_number(k->key)) :
		    next_agenda_item(x, from, k->number);
		if (at[c] >= x->n || (c > 0 && at[c] <= at[c - 1]))
			goto out;
	}
	for (size_t c = 0; c < sp->n; c++) {
		struct span *s = &sp->v[c];
		const char *rest = header_end(after_agenda_number(
		    x->k[s->from]->key));

		s->lead_from = s->from;
		s->lead_to = c + 1 < sp->n ? sp->v[c + 1].from :
		    s->from + (s->from - sp->v[c - 1].lead_from);
		if (*rest != '\0' && s->title == NULL) {
			s->title = xstrdup(rest);
			s->title_line = x->k[s->from]->line;
		}
	}
	for (size_t c = 0; c < sp->n; c++)
		sp->v[c].from = at[c];
out:
	free(at);
}

/* Cases named in running text, each from its first mention. */
static void
mention_cases(const struct ctx *x, struct spans *sp)
{
	struct strlist seen = STRLIST_INIT;

	for (size_t i = 0; i < x->n; i++) {
		char *number = NULL, *title = NULL, *both;
		const char *w = mentioned_case(x->k[i]->key, &number, &title);

		if (w == NULL && i + 1 < x->n && x->k[i + 1]->kind == NODE_TEXT &&
		    strstr(x->k[i]->key, "「") != NULL) {
			/* the quote wraps onto the next line (a PDF's) */
			both = node_keys(x, i, 2);
			w = mentioned_case(both, &number, &title);
			free(both);
		}

		if (w == NULL)
			continue;
		if (strlist_contains(&seen, number)) {
			free(number);
			free(title);
			continue;
		}
		strlist_push(&seen, number);
		add_span(sp, i, number, -1);
		sp->v[sp->n - 1].word = w;
		sp->v[sp->n - 1].title = title;
		sp->v[sp->n - 1].title_line = x->k[i]->line;
		if (sp->word == NULL)
			sp->word = w;
	}
	strlist_free(&seen);
}

/* The end of the section of the nearest heading at or above line i. */
static size_t
section_end(const struct ctx *x, size_t i)
{
	for (size_t h = i + 1; h-- > 0;)
		if (x->k[h]->kind == NODE_HEADING)
			return node_span_end(x->k[h]);
	return x->n;
}

static size_t	before_reference(const struct ctx *x, size_t from, size_t to);

static int
is_indented(const char *text)
{
	return *text == ' ' || *text == '\t' ||
	    str_has_prefix(text, "\xe3\x80\x80");
}

/* Does a line after node `after` start with the header key names
 * ("議案第52号", after NFKC)? */
static int
header_below(const struct ctx *x, size_t after, const char *key)
{
	char *nf = norm_nfkc(key, strlen(key));
	int found = 0;

	for (size_t i = after + 1; i < x->n && !found; i++)
		found = x->k[i]->kind != NODE_ROW && *nf != '\0' &&
		    str_has_prefix(x->k[i]->key, nf) &&
		    after_agenda_number(nf) != nf;
	if (!found)
		for (size_t i = after + 1; i < x->n && !found; i++) {
			char *n = NULL;

			found = x->k[i]->kind != NODE_ROW &&
			    str_has_prefix(x->k[i]->key, nf) &&
			    case_header(nf, &n) != NULL;
			free(n);
		}
	free(nf);
	return found;
}

/* The header of node i as "議案第52号" (NFKC key up to its number's
 * end), or NULL.  New string. */
static char *
header_key(const struct ctx *x, size_t i)
{
	const char *k = x->k[i]->key, *rest = after_agenda_number(k);
	char *n = NULL;

	if (rest == k && case_header(k, &n) != NULL)
		rest = header_end(k);
	free(n);
	return rest == k ? NULL : xstrndup(k, (size_t)(rest - k));
}

/*
 * Cases started by rows of a table (an agenda's 議事日程) whose headers
 * head sections further down: the sections are the cases, the rows
 * only list them.
 */
static void
drop_index_rows(const struct ctx *x, struct spans *sp)
{
	size_t kept = 0;

	for (size_t c = 0; c < sp->n; c++) {
		char *key = x->k[sp->v[c].from]->kind == NODE_ROW ?
		    header_key(x, sp->v[c].from) : NULL;
		int later = 0;

		for (size_t d = c + 1; d < sp->n && key != NULL && !later; d++) {
			char *other;

			if (x->k[sp->v[d].from]->kind == NODE_ROW)
				continue;
			other = header_key(x, sp->v[d].from);
			later = other != NULL && strcmp(other, key) == 0;
			free(other);
		}
		free(key);
		if (later)
			free(sp->v[c].number);
		else
			sp->v[kept++] = sp->v[c];
	}
	sp->n = kept;
}

/*
 * Headers listed line after line (an agenda's "（１）付議事項第５号 …",
 * "（２）付議事項第６号 …") whose numbers head sections further down: the
 * sections are the cases, the list only names them.
 */
static void
drop_index_lines(struct spans *sp)
{
	char *drop = xcalloc(sp->n + 1, 1);
	size_t kept = 0;

	for (size_t c = 0; c < sp->n; c++) {
		int later = 0;

		for (size_t d = c + 1; d < sp->n && !later; d++)
			later = sp->v[c].number != NULL &&
			    sp->v[d].number != NULL &&
			    sp->v[c].word == sp->v[d].word &&
			    strcmp(sp->v[c].number, sp->v[d].number) == 0;
		drop[c] = later && ((c + 1 < sp->n &&
		    sp->v[c + 1].from <= sp->v[c].from + 2) ||
		    (c > 0 && sp->v[c - 1].from + 2 >= sp->v[c].from));
	}
	for (size_t c = 0; c < sp->n; c++) {
		if (drop[c])
			free(sp->v[c].number);
		else
			sp->v[kept++] = sp->v[c];
	}
	sp->n = kept;
	free(drop);
}

/* The 件名 fact of record r, or NULL. */
static const struct fact *
record_subject(const struct facts *fs, size_t r)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].record == (int)r &&
		    fs->v[i].field == FIELD_SUBJECT)
			return &fs->v[i];
	return NULL;
}

/* Is record r's 件名 the 件名 of a sheet after its table ("件名 | …" in
 * each case's own table: the list is an index of them)? */
static int
subject_recurs(const struct facts *fs, size_t r)
{
	const struct fact *f = record_subject(fs, r);
	char *t;
	int found = 0;

	if (f == NULL)
		return 0;
	t = strip_ws(f->value);
	for (size_t i = 0; i < fs->n && !found && *t != '\0'; i++)
		if (fs->v[i].record < 0 && fs->v[i].field == FIELD_SUBJECT &&
		    fs->v[i].at >= fs->rec[r].end) {
			char *u = strip_ws(fs->v[i].value);

			found = strcmp(t, u) == 0;
			free(u);
		}
	free(t);
	return found;
}

/* A row's first cell when it is a case's header ("諮問第12号" under
 * 区分), or NULL.  New string. */
static char *
header_cell(const char *row)
{
	const char *tab = strchr(row, '\t');
	char *cell, *nf, *number = NULL;
	int header;

	if (tab == NULL)
		return NULL;
	cell = xstrndup(row, (size_t)(tab - row));
	nf = norm_nfkc(cell, strlen(cell));
	header = case_header(nf, &number) != NULL && number != NULL;
	free(number);
	free(nf);
	if (!header) {
		free(cell);
		return NULL;
	}
	return cell;
}

/*
 * A table of cases whose numbers head sections further down (an
 * agenda: 議事日程 then "## 議案第52号 …"): an index of the sections,
 * which are the cases.
 */
static int
rows_are_an_index(const struct ctx *x, const struct facts *fs)
{
	size_t rows = 0, below = 0;

	for (size_t r = 0; r < fs->nrec; r++) {
		char *key;

		if (!fs->rec[r].is_case)
			continue;
		key = fs->rec[r].key != NULL ? xstrdup(fs->rec[r].key) :
		    header_cell(x->k[fs->rec[r].at]->text);
		if (key != NULL || record_subject(fs, r) != NULL)
			rows++;
		if ((key != NULL && header_below(x, fs->rec[r].end - 1, key)) ||
		    subject_recurs(fs, r))
			below++;
		free(key);
	}
	return rows >= 2 && below * 2 >= rows;
}

void
find_cases(const struct ctx *x, const struct facts *fs, struct spans *sp)
{
	memset(sp, 0, sizeof(*sp));
	for (size_t r = 0; r < fs->nrec; r++)
		if (fs->rec[r].is_case)
			add_span(sp, fs->rec[r].at, NULL, (int)r);
	if (sp->n > 0 && rows_are_an_index(x, fs)) {
		sp->n = 0;	/* an agenda whose items have sections below */
		sp->word = NULL;
	}
	if (sp->n == 0) {
		header_cases(x, fs, sp);
		drop_index_rows(x, sp);
		drop_index_lines(sp);
		prefer_titled_headings(x, fs, sp);
	}
	if (sp->n > 1 && is_bare_index(x, sp))
		prefer_mentions(x, sp);	/* an agenda, the cases told below */
	else if (sp->n > 1)
		tell_agenda_cases(x, sp);
	if (sp->n == 0)
		mention_cases(x, sp);
	if (sp->n == 0) {
		add_span(sp, 0, NULL, -1);
		sp->v[0].to = before_reference(x, 0, x->n);
		return;
	}
	sp->head_end = sp->v[0].from;
	for (size_t c = 0; c + 1 < sp->n; c++)
		sp->v[c].to = sp->v[c + 1].from;
	sp->v[sp->n - 1].to = sp->v[sp->n - 1].record >= 0 ?
	    sp->v[sp->n - 1].from + 1 : last_case_end(x, sp);
	for (size_t c = 0; c < sp->n; c++)	/* (a case an agenda names
						   runs on over the speakers
						   who take it up) */
		if (sp->v[c].title != NULL && sp->v[c].lead_to == 0 &&
		    section_end(x, sp->v[c].from) < sp->v[c].to)
			sp->v[c].to = section_end(x, sp->v[c].from);
	if (sp->n == 1 && sp->v[0].record < 0) {
		sp->v[0].from = 0;	/* one case: the letter is its own */
		sp->head_end = 0;
	}
	for (size_t c = 0; c < sp->n; c++)
		if (sp->v[c].record < 0)
			sp->v[c].to = before_reference(x, sp->v[c].from,
			    sp->v[c].to);
}

/* Does node i's key recur in (i, to): a list naming a section below? */
static int
key_recurs(const struct ctx *x, size_t i, size_t to)
{
	for (size_t j = i + 1; j < to && j < x->n; j++)
		if (strcmp(x->k[j]->key, x->k[i]->key) == 0)
			return 1;
	return 0;
}

/*
 * Where a case's own text ends: at "参考　現行契約の概要" or "（参考）…",
 * material given for reference (an earlier contract, the committee's
 * members) whose facts are not the case's; "参考：対応言語数 12" is a
 * note of the line above, not such a heading.
 */
/* Does key state a figure ("(参考)受付件数は年間約6,500件"): a note of
 * the line above, not the title of material given for reference? */
static int
states_a_figure(const char *key)
{
	const char *wa = strstr(key, "は");

	return wa != NULL && strpbrk(wa, "0123456789") != NULL;
}

static size_t
before_reference(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from + 1; i < to; i++) {
		const char *k = x->k[i]->key;

		/* at the margin: "　参考　…" in a list of attachments is
		   not where the text ends */
		if ((str_has_prefix(k, "参考") || str_has_prefix(k, "(参考)")) &&
		    !str_has_prefix(k, "参考:") && !states_a_figure(k) &&
		    strlen(k) <= 3 * 40 && strstr(k, "。") == NULL &&
		    x->k[i]->kind != NODE_ROW && !is_indented(x->k[i]->text) &&
		    !key_recurs(x, i, to))
			return i;	/* (one that recurs below lists it) */
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->label != NULL &&
		    (strcmp(x->k[i]->label, "参考") == 0 ||
		    strcmp(x->k[i]->label, "参考資料") == 0 ||
		    strcmp(x->k[i]->label, "参考事項") == 0))
			return i;	/* "４　参考": a numbered section of it */
	}
	return to;
}

void
spans_free(struct spans *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		free(sp->v[i].number);
		free(sp->v[i].title);
	}
	free(sp->v);
}

/* ---- kind, number, title, date ---- */

struct marker {
	const char	*word;
	const char	*kind;
};

static const char *
kind_in_lines(const struct ctx *x, size_t from, size_t to)
{
	static const struct marker strong[] = {
		{ "答申第", "その他" }, { "(答申)", "その他" },
		{ "評価書番号", "評価書" }, { "特定個人情報保護評価書", "評価書" },
		{ "全項目評価書", "評価書" }, { "基礎項目評価書", "評価書" },
		{ "重点項目評価書", "評価書" }, { NULL, NULL } };
	static const struct marker weak[] = {
		{ "付議", "付議" }, { "諮問第", "諮問" }, { "諮問します", "諮問" },
		{ "諮問書", "諮問" }, { "(諮問)", "諮問" }, { "諮問事項", "諮問" },
		{ "報告第", "報告" }, { "報告します", "報告" }, { "(報告)", "報告" },
		{ "報告書", "報告" }, { "報告資料", "報告" }, { "報告事項", "報告" },
		{ "の報告", "報告" }, { "【報告】", "報告" }, { "諮問", "諮問" },
		{ "報告", "報告" }, { NULL, NULL } };

	for (size_t i = from; i < to && i < from + 30; i++)
		for (int m = 0; strong[m].word; m++)
			if (strstr(x->k[i]->key, strong[m].word))
				return strong[m].kind;
	for (int m = 0; weak[m].word; m++)
		for (size_t i = from; i < to && i < from + 30; i++)
			if (strstr(x->k[i]->key, weak[m].word))
				return weak[m].kind;
	return NULL;
}

static const char *skip_ws_prefix(const char *s);

/* "区分", "種別": a label whose value says what kind a case is. */
static int
is_kind_label(const char *label)
{
	static const char *const labels[] = { "区分", "種別", "種類",
	    "案件区分", "案件の区分", "案件種別", NULL };
	char *k = strip_ws(label);
	int yes = 0;

	for (int i = 0; labels[i] && !yes; i++)
		yes = strcmp(k, labels[i]) == 0;
	free(k);
	return yes;
}

/*
 * The kind word a "区分　諮問（諮問第３号）" fact of [from, to) starts
 * with, or NULL; *number the header's number written in it, if any
 * (new string, else NULL), *line the fact's source line.
 */
static const char *
kind_fact(const struct facts *fs, size_t from, size_t to, char **number,
    int *line)
{
	*number = NULL;
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		char *v;
		const char *w = NULL;

		if (!fact_in(f, from, to, -1) || !is_kind_label(f->label))
			continue;
		v = norm_nfkc(f->value, strlen(f->value));
		for (int h = 0; header_words[h] && w == NULL; h++)
			if (str_has_prefix(skip_ws_prefix(v), header_words[h]))
				w = header_words[h];
		for (const char *p = w ? strstr(v, w) : NULL; p != NULL &&
		    *number == NULL; p = strstr(p + strlen(w), w))
			if (case_header(p, number) == NULL)
				*number = NULL;
		free(v);
		*line = f->line;
		if (w != NULL)
			return w;
	}
	return NULL;
}


const char *
case_kind(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs)
{
	const char *k;
	size_t at = s->record >= 0 ? fs->rec[s->record].at : s->from;

	char *number;
	int line;

	if (s->word != NULL)
		return strcmp(s->word, "答申") == 0 ? "その他" : s->word;
	if (s->record < 0 && (k = kind_fact(fs, s->from, s->to,
	    &number, &line)) != NULL) {
		free(number);
		return strcmp(k, "答申") == 0 ? "その他" : k;
	}
	for (size_t i = 0; i < fs->n && s->record >= 0; i++) {
		char *n = NULL, *key;
		const char *w;

		if (fs->v[i].record != s->record)
			continue;
		key = strip_ws(fs->v[i].value);
		w = case_header(key, &n);
		free(n);
		free(key);
		for (int h = 0; w == NULL && header_words[h]; h++)
			if (is_number_header(fs->v[i].label) &&
			    strstr(fs->v[i].label, header_words[h]))
				w = header_words[h];	/* 諮問番号 | 第42号 */
		if (w != NULL)
			return strcmp(w, "答申") == 0 ? "その他" : w;
	}
	if ((k = kind_in_lines(x, at, s->record >= 0 ? at + 1 : s->to)) != NULL)
		return k;
	if ((k = kind_in_lines(x, 0, sp->head_end)) != NULL)
		return k;
	if ((k = kind_in_lines(x, 0, x->n)) != NULL)
		return k;
	return "その他";
}

static int
ends_title(const char *key)
{
	static const char *const ends[] = { "について", "の件", "に関する報告",
	    "に関する諮問", "報告書", "諮問書", "届出書", "に諮問します",
	    "に報告します", NULL };
	char *bare = clean_title(key, 1);
	int yes = 0;

	for (int i = 0; ends[i] && !yes; i++)
		yes = str_has_suffix(bare, ends[i]);
	free(bare);
	return yes;
}

/*
 * Could line k be a case's title: no row, no numbered section ("3
 * 再委託について" heads a part), no sentence, no list of clauses.
 */
/* "…について（諮問）": a subject line that ends with its kind. */
static int
is_kind_marked(const char *key)
{
	static const char *const kinds[] = { "(諮問)", "(報告)", "(付議)",
	    "(答申)", "（諮問）", "（報告）", "（付議）", "（答申）", NULL };

	for (int i = 0; kinds[i]; i++)
		if (str_has_suffix(key, kinds[i]))
			return 1;
	return 0;
}

static int
is_title_shaped(const struct node *k)
{
	const char *key = k->key;
	const char *comma = strstr(key, "、");

	return k->kind != NODE_ROW && strlen(key) <= 3 * 70 &&
	    strstr(key, "。") == NULL && !(k->kind == NODE_HEADING &&
	    k->form != NUM_LEVEL && k->form != NUM_BRACKET) &&
	    (comma == NULL || strstr(comma + 3, "、") == NULL);
}

/* A title written as a line of its own (…について（報告）). */
/* A letter's subject line in [from, to), marked with its kind:
 * "…について（諮問）"; NULL when none.  New string. */
static int	is_letter_head(const struct node *k);

/*
 * Subject line i, with the start of it that a wide heading wrapped onto
 * the line above ("…委託先実地調査の結" / "果について（報告）", a PDF's
 * big type, a blank between): new string; *line is the first's.
 */
/* Do lines a and b start at the same column (set under each other)? */
static int
same_indent(const char *a, const char *b)
{
	int ca = str_indent(a);

	return ca == str_indent(b) && ca > 0;
}

static char *
with_torn_start(const struct ctx *x, size_t i, size_t from, int *line)
{
	size_t p = i;

	*line = x->k[i]->line;
	while (p > from && p + 2 > i && x->k[p - 1]->kind == NODE_BLANK)
		p--;
	/* (a short tail, or a line set right under the start at its
	   indent: "…移行に伴う個人" / "情報の取扱いについて（諮問）") */
	if (p > from && p + 3 > i && (strlen(x->k[i]->key) <= 3 * 12 ||
	    (p == i && strlen(x->k[i]->key) <= 3 * 24 &&
	    same_indent(x->k[i - 1]->text, x->k[i]->text)))) {
		const struct node *k = x->k[p - 1];

		if ((k->kind == NODE_TEXT || k->kind == NODE_HEADING) &&
		    strlen(k->key) >= 3 * 10 && strlen(k->key) <= 3 * 40 &&
		    strstr(k->key, "。") == NULL && !ends_title(k->key) &&
		    !is_letter_head(k) && is_title_shaped(k)) {
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s%s", k->key, x->k[i]->key);
			*line = k->line;
			return buf_detach(&b);
		}
	}
	return xstrdup(x->k[i]->key);
}

static char *
kind_marked_line(const struct ctx *x, size_t from, size_t to, int *line)
{
	for (size_t i = from; i < to && i < x->n && i < from + 200; i++)
		if (x->k[i]->kind == NODE_TEXT && is_title_shaped(x->k[i]) &&
		    is_kind_marked(x->k[i]->key) && ends_title(x->k[i]->key))
			return with_torn_start(x, i, from, line);
	return NULL;
}

/* "諮問事項", "付議事項": a label of what is asked, not of the case. */
static int
names_matters(const char *label)
{
	char *k = strip_ws(label);
	int yes = strcmp(k, "諮問事項") == 0 || strcmp(k, "付議事項") == 0 ||
	    strcmp(k, "報告事項") == 0;

	free(k);
	return yes;
}

/* A line of a letter's head that is no subject: a date, its number
 * (広保医第1807号), the addressee (…様) or the sender (…長, （担当…）). */
static int
is_letter_head(const struct node *k)
{
	const char *key = k->key;
	char iso[11];
	size_t n = strlen(key);

	return norm_date_iso(key, n, iso) == 0 || str_has_suffix(key, "号") ||
	    str_has_suffix(key, "様") || str_has_suffix(key, "長") ||
	    str_has_prefix(key, "(") || str_has_prefix(key, "（");
}

/*
 * A letter's subject: the line just before its first sentence (its
 * body), after its number, date, addressee and sender, when nothing else
 * marks it ("…に関する定例報告（令和８年度第３四半期分）").  NULL when
 * there is none.  New string.
 */
static char *
subject_before_body(const struct ctx *x, size_t from, size_t to, int *line)
{
	size_t body = from, subject = SIZE_MAX;

	for (; body < to && body < x->n && body < from + 20; body++)
		if (x->k[body]->kind == NODE_TEXT &&
		    strstr(x->k[body]->key, "。") != NULL)
			break;
	if (body >= to || body >= x->n || body >= from + 20)
		return NULL;
	for (size_t i = body; i-- > from; )
		if (x->k[i]->kind != NODE_BLANK) {
			subject = i;
			break;
		}
	if (subject == SIZE_MAX || !is_title_shaped(x->k[subject]) ||
	    is_letter_head(x->k[subject]) || x->k[subject]->kind == NODE_ROW ||
	    strlen(x->k[subject]->key) < 3 * 6)
		return NULL;
	for (size_t i = from; i < subject; i++)
		if (x->k[i]->kind == NODE_HEADING)
			return NULL;	/* not a letter's head above it */
	*line = x->k[subject]->line;
	return xstrdup(x->k[subject]->key);
}

static char *
title_line(const struct ctx *x, size_t from, size_t to, int *line)
{
	char *marked;

	if (to > x->n)
		to = x->n;
	if ((marked = kind_marked_line(x, from, to, line)) != NULL)
		return marked;
	/* a page's own headings first (<h1>, #), then any line */
	for (int level = 1; level <= 2; level++)
		for (size_t i = from; i < to && i < from + 200; i++)
			if (x->k[i]->kind == NODE_HEADING &&
			    x->k[i]->form == NUM_LEVEL &&
			    x->k[i]->number == level &&
			    is_title_shaped(x->k[i]) && ends_title(x->k[i]->key)) {
				*line = x->k[i]->line;
				return xstrdup(x->k[i]->key);
			}
	for (size_t i = from; i < to && i < from + 60; i++) {
		const char *k = x->k[i]->key;
		size_t j = next_nonblank(x, i + 1);

		if (!is_title_shaped(x->k[i]))
			continue;
		if (ends_title(k)) {
			*line = x->k[i]->line;
			return xstrdup(k);
		}
		/* broken over two lines: "…取扱いについ" / "て" (a PDF's
		   heading may set a blank line between) */
		if (j < to && j <= i + 2 && strlen(x->k[j]->key) < 3 * 8 &&
		    x->k[j]->kind == NODE_TEXT) {
			struct buf b = BUF_INIT;

			buf_printf(&b, "%s%s", k, x->k[j]->key);
			if (ends_title(b.data) && strstr(b.data, "。") == NULL) {
				*line = x->k[i]->line;
				return buf_detach(&b);
			}
			buf_free(&b);
		}
	}
	return subject_before_body(x, from, to, line);
}

/* The line after "記", if it reads as a title. */
static char *
title_after_memo(const struct ctx *x, size_t from, size_t to, int *line)
{
	for (size_t i = from; i < to; i++) {
		size_t j;
		const char *k;

		if (strcmp(x->k[i]->key, "記") != 0)
			continue;
		j = next_nonblank(x, i + 1);
		k = j < x->n ? x->k[j]->key : "";
		if (str_is_enclosed(k, "【", "】"))
			return NULL;	/* "【事業の概要】": a section's */
		return title_line(x, i + 1, j + 2, line);
	}
	return NULL;
}

/* Is there a heading naming a procedure among nodes [from, to)? */
static int
procedure_heading_before(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (x->k[i]->kind == NODE_HEADING && x->k[i]->label != NULL &&
		    heading_type(x->k[i]) >= 0)
			return 1;
	return 0;
}

/* A value that is running text, not a name: it ends a sentence or runs
 * over clauses. */
int
is_sentence(const char *v)
{
	const char *comma = strstr(v, "、");

	return strstr(v, "。") != NULL || strlen(v) > 3 * 90 ||
	    (comma != NULL && strstr(comma + 3, "、") != NULL &&
	    strlen(v) > 3 * 50);
}

/*
 * The case's 件名: a subject fact before any fact of a procedure (a 件名
 * inside a 委託の内容 block names the procedure, not the case).
 */
const struct fact *
cover_subject(const struct ctx *x, const struct facts *fs,
    const struct span *s)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (!fact_in(f, s->from, s->to, s->record))
			continue;
		if (f->field == FIELD_SUBJECT && is_sentence(f->value))
			continue;	/* "諮問事項: …を受けて…について、…。" */
		if (f->field == FIELD_SUBJECT)
			return s->record < 0 && procedure_heading_before(x,
			    s->from, f->at) ? NULL : f;
		if (s->record < 0 && f->field != FIELD_WORK &&
		    is_procedure_field(f->field))
			return NULL;
	}
	return NULL;
}

/* Does the case's title line name a form (…届出書, …申請書) rather
 * than a matter? */
static int
names_form(const struct ctx *x, const struct span *s)
{
	static const char *const forms[] = { "届出書", "申請書", "報告書",
	    "通知書", NULL };
	int line, yes = 0;
	char *t = title_line(x, s->from, s->to, &line);

	for (int i = 0; t != NULL && forms[i] && !yes; i++)
		yes = str_has_suffix(t, forms[i]);
	free(t);
	return yes;
}

/* With no 件名 of the case, a work's 件名 (委託の件名: a form of one
 * entrustment names the case by it), or NULL. */
static const struct fact *
work_subject(const struct facts *fs, const struct span *s)
{
	const struct fact *named = NULL;
	size_t works = 0;

	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		char *k;

		if (f->field != FIELD_WORK || !fact_in(f, s->from, s->to,
		    s->record))
			continue;
		k = strip_ws(f->label);
		if (str_has_suffix(k, "件名") && named == NULL)
			named = f;
		works += str_has_suffix(k, "件名");
		free(k);
	}
	return works == 1 ? named : NULL;	/* one entrustment's form */
}

/* A title without "議題1", "諮問第9号", "報告事項" before it. */
static const char *
title_without_header(const char *raw)
{
	static const char *const kinds[] = { "報告事項", "諮問事項", "付議事項",
	    "審議事項", NULL };
	const char *t = raw, *m;
	char *n = NULL;

	t = after_agenda_number(t);
	if ((m = after_matter_number(t)) != NULL)
		t = m;		/* 報告事項1　…について */
	if (case_header(t, &n) != NULL)
		t = header_end(t);
	free(n);
	for (int k = 0; kinds[k]; k++)
		if (str_has_prefix(t, kinds[k]))
			t += strlen(kinds[k]);
	return *t ? t : raw;
}

/* The title in the cell after the header that starts the case's row
 * ("報告第7号 | 市営住宅…の委託について"), or NULL.  New string. */
static char *
header_row_title(const struct ctx *x, const struct span *s, int *line)
{
	const struct node *k = x->k[s->from];
	const char *cell, *end;

	if (s->record >= 0 || !heads_row(k))
		return NULL;
	cell = strchr(k->text, '\t') + 1;
	end = strchr(cell, '\t');
	if (end == NULL)
		end = cell + strlen(cell);
	while (cell < end && (*cell == ' ' || *cell == '\n'))
		cell++;
	while (end > cell && (end[-1] == ' ' || end[-1] == '\n'))
		end--;
	if (end - cell < 3 * 4 || memchr(cell, '\n', (size_t)(end - cell)))
		return NULL;	/* not one line of a title */
	*line = k->line;
	return xstrndup(cell, (size_t)(end - cell));
}

/* "■諮問第１８号" then "「住民税申告書等の…の" / "委託について」": the
 * title quoted on the lines right under a header alone on its line
 * (new string), or NULL. */
static char *
quoted_under_header(const struct ctx *x, const struct span *s, int *line)
{
	size_t h = s->from, q = h + 1;
	char *joined, *title = NULL;
	const char *close;

	if (s->number == NULL || q >= s->to || q >= x->n ||
	    *header_end(x->k[h]->key) != '\0' ||
	    !str_has_prefix(x->k[q]->key, "「"))
		return NULL;
	joined = node_keys(x, q, q + 3 <= s->to ? 3 : s->to - q);
	if ((close = strstr(joined, "」")) != NULL && close - joined <= 3 * 80) {
		title = xstrndup(joined + 3, (size_t)(close - joined - 3));
		*line = x->k[q]->line;
	}
	free(joined);
	return title;
}

void
case_title(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c)
{
	const struct fact *f = cover_subject(x, fs, s), *w;
	char *raw = NULL, *title, *origin = NULL;
	const char *by;
	int line = 0;
	size_t h = s->from;

	if (f != NULL && names_matters(f->label) &&
	    (raw = kind_marked_line(x, s->from, s->to, &line)) != NULL)
		f = NULL;	/* 諮問事項 lists what is asked; the letter's
				   "…について（諮問）" names the case */
	if (f != NULL && raw == NULL && s->word != NULL &&
	    strcmp(s->word, "答申") == 0 &&
	    (raw = kind_marked_line(x, s->from, s->to, &line)) != NULL)
		f = NULL;	/* a 答申's 件名 quotes the 諮問 it answers */
	if (raw == NULL && (raw = header_row_title(x, s, &line)) != NULL)
		by = "rule the case's row: 諮問第N号 | 件名";
	else if (raw != NULL)
		by = "rule a subject line marked （諮問）";
	else if (s->title != NULL) {
		raw = xstrdup(s->title);
		line = s->title_line;
		by = "rule 諮問第N号「…」 in running text";
	} else if (f == NULL && s->record < 0 &&
	    (w = work_subject(fs, s)) != NULL && names_form(x, s)) {
		raw = title_value(w->value);	/* 委託の件名 of a 届出書 */
		line = w->line;
		by = origin = label_origin(w->label);
	} else if (f != NULL) {
		raw = title_value(f->value);
		line = f->line;
		by = origin = label_origin(f->label);
	} else if ((raw = quoted_under_header(x, s, &line)) != NULL)
		by = "rule 「…」 under the header";
	else if ((raw = title_after_memo(x, s->from, s->to, &line)) != NULL)
		by = "rule the line after 記";
	else if ((raw = title_line(x, s->from, s->to, &line)) != NULL)
		by = "rule a line ending in について";
	else {
		by = "rule the case's heading";
		if (x->k[h]->kind == NODE_HEADING || s->number != NULL) {
			char *n = NULL;
			const char *k = x->k[h]->key;

			if (case_header(k, &n) != NULL)
				k = header_end(k);
			free(n);
			if (*k != '\0')
				raw = xstrdup(k);
			line = x->k[h]->line;
		}
		if (raw == NULL) {
			size_t t = next_nonblank(x, s->from);

			if (t >= s->to)
				return;
			raw = xstrdup(x->k[t]->key);
			line = x->k[t]->line;
			by = "rule the first line";
		}
	}
	title = clean_title(title_without_header(raw), 1);
	if (strlen(title) > 300)
		title[str_cut_at(title, 300)] = '\0';
	field_set(&c->title, title, line);
	field_from(&c->title, by);
	free(raw);
	free(title);
	free(origin);
}

/* s after its leading white space. */
static const char *
skip_ws_prefix(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

/* "諮問番号 | 第31号", "評価書番号 | 3": the number a label naming a
 * case's number gives, or NULL. */
static char *
label_case_number(const char *label, const char *value)
{
	char *k = strip_ws(label);
	int names_case = 0;

	for (int h = 0; header_words[h]; h++)
		names_case |= strstr(k, header_words[h]) != NULL;
	names_case |= strcmp(k, "評価書番号") == 0 || strcmp(k, "議案番号") == 0;
	free(k);
	value = skip_ws_prefix(value);
	if (!names_case)
		return NULL;
	if (str_has_prefix(value, "第"))
		value += strlen("第");
	return digits_at(value);
}

/* The case's number from a record's number cell or a 評価書番号. */
void
case_number(const struct ctx *x, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (size_t i = 0; i < fs->n && s->record >= 0; i++) {
		char *n = NULL, *key;

		if (fs->v[i].record != s->record ||
		    !is_number_header(fs->v[i].label))
			continue;
		key = strip_ws(fs->v[i].value);
		{
			char *nf = norm_nfkc(key, strlen(key));

			if (case_header(nf, &n) == NULL)
				n = digits_at(nf + (str_has_prefix(nf, "第") ?
				    3 : 0));
			free(nf);
		}
		if (n != NULL) {
			char *by = label_origin(fs->v[i].label);

			field_set(&c->number, n, fs->v[i].line);
			field_from(&c->number, by);
			free(by);
		}
		free(n);
		free(key);
		return;
	}
	for (size_t i = 0; i < fs->n && s->record < 0; i++) {
		const struct fact *f = &fs->v[i];
		char *n = NULL, *key;

		if (!fact_in(f, s->from, s->to, -1) ||
		    !is_number_header(f->label))
			continue;
		key = norm_nfkc(f->value, strlen(f->value));
		if (case_header(skip_ws_prefix(key), &n) != NULL ||
		    (n = label_case_number(f->label, key)) != NULL) {
			char *by = label_origin(f->label);

			field_set(&c->number, n, f->line);	/* 諮問番号 | 諮問第8号 */
			field_from(&c->number, by);
			free(by);
		}
		free(n);
		free(key);
		if (c->number.value != NULL)
			return;
	}
	if (s->record < 0) {
		char *num;
		int line;

		if (kind_fact(fs, s->from, s->to, &num, &line) != NULL &&
		    num != NULL) {
			field_set(&c->number, num, line);
			field_from(&c->number, "label 区分");
		}
		free(num);
		if (c->number.value != NULL)
			return;
	}
	for (size_t i = s->from; i < s->to && s->record < 0; i++) {
		const char *k = x->k[i]->key;
		size_t v;
		char *num;

		if (!str_has_prefix(k, "評価書番号"))
			continue;
		k += strlen("評価書番号");
		if (*k == ':')
			k++;
		v = i;
		if (*k == '\0' && (v = next_nonblank(x, i + 1)) < s->to)
			k = x->k[v]->key;
		if ((num = digits_at(k)) != NULL) {
			field_set(&c->number, num, x->k[v]->line);
			field_from(&c->number, "label 評価書番号");
			free(num);
		}
		return;
	}
}

/* Set f to the date of a value; 0 when it holds none. */
static int
date_in_text(const char *value, int line, struct field *f, const char *by)
{
	char iso[11];

	if (norm_date_iso(value, strlen(value), iso) != 0)
		return 0;
	field_set(f, iso, line);
	field_from(f, by);
	return 1;
}

/* A date line of the letter: the line is (nearly) only a date. */
static int
date_line(const struct ctx *x, size_t i, struct field *f)
{
	const char *k = x->k[i]->key;
	char iso[11];

	if (strlen(k) > 3 * 14 || strstr(k, "開催") || strstr(k, "更新") ||
	    strstr(k, "から") || strstr(k, "まで") || strstr(k, "～"))
		return 0;
	if (norm_date_iso(k, strlen(k), iso) != 0)
		return 0;
	field_set(f, iso, x->k[i]->line);
	field_from(f, "rule a line that is a date");
	return 1;
}

/* Minutes bear the date of their meeting: "開催日時　令和7年8月22日（金）
 * 午後2時…", the fallback when no other line is the document's date. */
static void
meeting_date(const struct ctx *x, size_t from, size_t to, struct field *f)
{
	for (size_t i = from; i < to && i < x->n && i < from + 30; i++) {
		const char *k = x->k[i]->key;

		if (str_has_prefix(k, "開催日") || str_has_prefix(k, "日時"))
			if (date_in_text(k, x->k[i]->line, f,
			    "rule the meeting's date (開催日時)"))
				return;
	}
}

void
case_date(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_DATE &&
		    fact_in(&fs->v[i], s->from, s->to, s->record)) {
			char *by = label_origin(fs->v[i].label);
			int found = date_in_text(fs->v[i].value, fs->v[i].line,
			    &c->date, by);

			free(by);
			if (found)
				return;
		}
	if (s->record < 0 && heads_row(x->k[s->from])) {
		/* "諮問第42号 / 令和7年9月29日諮問 | …": the row's own date */
		char *cell = xstrndup(x->k[s->from]->text,
		    (size_t)(strchr(x->k[s->from]->text, '\t') -
		    x->k[s->from]->text));
		int found = date_in_text(cell, x->k[s->from]->line, &c->date,
		    "rule the date in the case's row");

		free(cell);
		if (found)
			return;
	}
	if (s->record >= 0) {
		/* a list of cases: the date the list bears is each one's */
		const struct fact *f = first_fact(fs, FIELD_DATE, 0,
		    sp->head_end, -1);

		if (f != NULL) {
			char *by = label_origin(f->label);

			date_in_text(f->value, f->line, &c->date, by);
			free(by);
			return;
		}	/* else the date its head bears, as a letter's */
	}
	for (size_t i = s->from, seen = 0; i < s->to && seen < 14 &&
	    s->record < 0; i++) {
		if (x->k[i]->kind == NODE_BLANK)
			continue;
		if (date_line(x, i, &c->date))
			return;
		seen++;
	}
	for (size_t i = 0, seen = 0; i < sp->head_end && seen < 14; i++) {
		if (x->k[i]->kind == NODE_BLANK)
			continue;
		if (date_line(x, i, &c->date))
			return;
		seen++;
	}
	if (s->record < 0)	/* (a list's rows were not all met that day) */
		meeting_date(x, sp->head_end > 0 ? 0 : s->from, s->to,
		    &c->date);
}

/* ---- department, basis, count ---- */

/*
 * A department's name from a value: its first line, or its first two
 * when a cell broke "健康部" / "健康づくり課" apart.
 */
static char *
department_lines(const char *v)
{
	char *first = first_line(v), *second;
	const char *nl = strchr(v, '\n');
	struct buf b = BUF_INIT;

	if (nl == NULL || !(str_has_suffix(first, "部") ||
	    str_has_suffix(first, "局")))
		return first;
	second = first_line(nl + 1);
	if (str_has_suffix(second, "課") || str_has_suffix(second, "室") ||
	    str_has_suffix(second, "係") || str_has_suffix(second, "担当")) {
		buf_printf(&b, "%s%s", first, second);
		free(first);
		first = buf_detach(&b);
	}
	free(second);
	return first;
}

/* Does v end as a department's name does? */
static int
is_department_name(const char *v)
{
	static const char *const ends[] = { "課", "室", "部", "係", "担当",
	    "グループ", "センター", "館", NULL };

	for (int i = 0; *v && ends[i]; i++)
		if (str_has_suffix(v, ends[i]))
			return 1;
	return 0;
}

/*
 * "（担当　X課）", "（事務担当 X）", "（所管課：X）", "(担当)X": a
 * department in brackets after a word of charge (担当, 所管).
 */
static int
department_in_text(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	static const char *const words[] = { "担当部課", "担当課", "所管課",
	    "担当", "所管", NULL };

	for (size_t i = from; i < to && i < x->n; i++) {
		const char *k = x->k[i]->key;

		for (const char *open = strchr(k, '('); open != NULL;
		    open = strchr(open + 1, '(')) {
			const char *close = strchr(open, ')'), *p = NULL;
			char *v;

			for (int w = 0; words[w] && p == NULL; w++) {
				const char *hit = strstr(open, words[w]);

				if (hit != NULL && (close == NULL || hit < close) &&
				    hit - open <= 3 * 4 + 1)
					p = hit + strlen(words[w]);
			}
			if (p == NULL)
				continue;
			if (*p == ':' || *p == ')')
				p++;
			close = strchr(p, ')');
			v = xstrndup(p, close ? (size_t)(close - p) : strlen(p));
			if (is_department_name(v)) {
				field_set(f, v, x->k[i]->line);
				field_from(f, "rule （担当 …） in the letter");
				free(v);
				return 1;
			}
			free(v);
		}
	}
	return 0;
}

/* Does key name a letter's sender: its head (長野市長), a board
 * (徳島県教育委員会) or the body itself (長野市)? */
static int
is_sender(const char *key)
{
	static const char *const ends[] = { "長", "委員会", "市", "区", "町",
	    "村", "県", "都", "府", "道", "広域連合", "組合", NULL };

	for (int i = 0; ends[i]; i++)
		if (str_has_suffix(key, ends[i]))
			return 1;
	return 0;
}

/* A letter's sender and below it the department in brackets ("長野市長"
 * / "（保健福祉部保健所健康課）"), in [from, to); 1 when found. */
static int
department_under_sender(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	for (size_t i = from + 1; i < to && i < x->n && i < from + 40; i++) {
		const char *k = x->k[i]->key, *prev = x->k[i - 1]->key;
		size_t n = strlen(k);
		char *v;

		if (n < 6 || *k != '(' || k[n - 1] != ')' ||
		    !is_sender(prev) || strlen(prev) > 3 * 20)
			continue;
		v = xstrndup(k + 1, n - 2);
		if (is_department_name(v) && strchr(v, '(') == NULL) {
			field_set(f, v, x->k[i]->line);
			field_from(f, "rule （…課） under the sender");
			free(v);
			return 1;
		}
		free(v);
	}
	return 0;
}


/*
 * v (owned, freed here) into f as the department when ok and it names
 * one: ends with 課 or 室 (or 担当, when tanto).  by says how it was
 * found.  Returns whether it was taken.
 */
static int
take_department(char *v, int ok, int tanto, int line, const char *by,
    struct field *f)
{
	ok = ok && (str_has_suffix(v, "課") || str_has_suffix(v, "室") ||
	    (tanto && str_has_suffix(v, "担当")));
	if (ok) {
		field_set(f, v, line);
		field_from(f, by);
	}
	free(v);
	return ok;
}

/* Minutes: "事務局（健康増進課）：保健福祉部健康増進課です。", a
 * speaker naming the department they speak for; 1 when one does. */
static int
department_introduced(const char *k, int line, struct field *f)
{
	const char *colon = strchr(k, ':'), *end;
	char *v;

	if (colon == NULL || colon - k > 3 * 20)
		return 0;
	colon++;
	if ((end = strstr(colon, "です")) == NULL || end - colon > 3 * 30)
		return 0;
	v = xstrndup(colon, (size_t)(end - colon));
	return take_department(v, strchr(v, ':') == NULL, 1, line,
	    "rule a speaker's …課です in minutes", f);
}

/* "〔説明要旨〕（福祉保健部高齢福祉推進課）": who gave the account, in
 * brackets after a section's mark; sets f, 1 when found. */
static int
department_of_account(const char *k, int line, struct field *f)
{
	const char *open = strstr(k, "説明"), *p, *close;
	char *v;

	if (open == NULL || (p = strstr(open, "(")) == NULL ||
	    (close = strchr(p, ')')) == NULL || close[1] != '\0' ||
	    close - p > 3 * 20)
		return 0;
	v = xstrndup(p + 1, (size_t)(close - p - 1));
	return take_department(v, 1, 0, line,
	    "rule （…課） after 説明 in minutes", f);
}

/* A turn of minutes at node i: the speaker (a row's label, or the
 * words after ○ before a wide gap) and what is said; 0 when none. */
static int
speaker_turn(const struct ctx *x, size_t i, char **speaker, char **said)
{
	const char *t = x->k[i]->text, *gap;

	if (x->k[i]->kind == NODE_ROW)
		return row_at(x, i, speaker, said);
	if (x->k[i]->kind != NODE_TEXT)
		return 0;
	t = str_skip_spaces(t);
	if (!str_has_prefix(t, "○") && !str_has_prefix(t, "◯"))
		return 0;
	t += strlen("○");
	if ((gap = strstr(t, "\xe3\x80\x80")) == NULL &&
	    (gap = strstr(t, "  ")) == NULL)
		return 0;
	if (gap == t || gap - t > 3 * 20)
		return 0;
	*speaker = xstrndup(t, (size_t)(gap - t));
	*said = xstrdup(str_skip_spaces(gap));
	return 1;
}

/* Minutes in speakers' turns: "○学校教育課長　学校教育課でございます。
 * …": the department a head names as the one speaking; sets f. */
static int
department_speaking(const struct ctx *x, size_t i, struct field *f)
{
	char *label, *value, *v;
	const char *end;
	int ok;

	if (!speaker_turn(x, i, &label, &value))
		return 0;
	v = strip_ws(value);
	ok = strstr(label, "長") != NULL &&
	    ((end = strstr(v, "でございます")) != NULL ||
	    (end = strstr(v, "です")) != NULL) && end - v <= 3 * 20;
	free(label);
	if (ok) {
		char *name = xstrndup(v, (size_t)(end - v));

		free(v);
		free(value);
		return take_department(name, 1, 0, x->k[i]->line,
		    "rule a head speaking for …課 in minutes", f);
	}
	free(v);
	free(value);
	return 0;
}

/* Minutes: "財務部納税課から資料1に基づき説明があった". */
static int
department_explaining(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	for (size_t i = from; i < to && i < from + 12; i++) {
		const char *k = x->k[i]->key, *at = strstr(k, "から");
		char *v;

		if (department_introduced(k, x->k[i]->line, f) ||
		    department_of_account(k, x->k[i]->line, f) ||
		    department_speaking(x, i, f))
			return 1;

		if (at == NULL || at - k > 3 * 30 || strstr(k, "説明") == NULL)
			continue;
		for (const char *p = strstr(k, "、"); p != NULL && p < at;
		    p = strstr(p + 3, "、"))
			k = p + 3;	/* the clause's own words */
		v = xstrndup(k, (size_t)(at - k));
		if (strcmp(v, "担当課") == 0 || strcmp(v, "所管課") == 0) {
			free(v);	/* "担当課から説明を": no name */
			continue;
		}
		if (take_department(v, 1, 1, x->k[i]->line,
		    "rule …課から説明 in minutes", f))
			return 1;
	}
	return 0;
}

/* "本件は、健康福祉局…障害政策課が所管する…事務について": the
 * department a sentence puts in charge. */
static void
department_in_charge(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		const char *at = strstr(x->k[i]->key, "が所管"), *k, *start;
		char *v, *joined;

		if (at == NULL)
			continue;
		/* with the line it goes on from (a PDF's wrap) */
		joined = i > from && x->k[i - 1]->kind == NODE_TEXT &&
		    !str_has_suffix(x->k[i - 1]->key, "。") ?
		    node_keys(x, i - 1, 2) : node_keys(x, i, 1);
		k = start = joined;
		at = strstr(k, "が所管");
		for (const char *p = strstr(k, "、"); p != NULL && p < at;
		    p = strstr(p + 3, "、"))
			start = p + 3;
		for (const char *p = strstr(k, "。"); p != NULL && p < at;
		    p = strstr(p + 3, "。"))
			if (p + 3 > start)
				start = p + 3;
		v = xstrndup(start, (size_t)(at - start));
		free(joined);
		if (is_department_name(v) && strlen(v) <= 3 * 30) {
			field_set(f, v, x->k[i]->line);
			field_from(f, "rule …課が所管 in a sentence");
			free(v);
			return;
		}
		free(v);
	}
}

/* "本件を所管する課は、建設部建築指導課とし、…": a department's name
 * stated in a sentence, in place of the sentence (*v replaced). */
static void
sentence_department(char **v)
{
	static const char *const ends[] = { "とし", "であ", "です", "が", "。",
	    "、", NULL };
	const char *p = strstr(*v, "は、"), *end = NULL;
	char *name;

	if (p == NULL || (strstr(*v, "。") == NULL && strstr(p, "とし") == NULL))
		return;
	p += strlen("は、");
	for (int e = 0; ends[e]; e++) {
		const char *hit = strstr(p, ends[e]);

		if (hit != NULL && (end == NULL || hit < end))
			end = hit;
	}
	if (end == NULL)
		return;
	name = xstrndup(p, (size_t)(end - p));
	if (is_department_name(name) && strlen(name) <= 3 * 30) {
		free(*v);
		*v = name;
	} else
		free(name);
}

/* Is node i's key a date ("令和８年１月２０日")? */
static int
is_date_line(const struct ctx *x, size_t i)
{
	char iso[11];

	return i < x->n && norm_date_iso(x->k[i]->key, strlen(x->k[i]->key),
	    iso) == 0;
}

/* "役所本庁舎5階第一会議室": a room, where a meeting is held. */
static int
names_a_place(const char *s)
{
	static const char *const words[] = { "会議室", "階", "庁舎", "役所",
	    "役場", "ホール", NULL };

	for (int i = 0; words[i]; i++)
		if (strstr(s, words[i]) != NULL)
			return 1;
	return 0;
}

/*
 * "令和８年１月２０日" then "高鍋町総務課": a letter signed by a
 * department of its body, under its date; the department.
 */
static int
department_signing(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	static const char *const bodies[] = { "市", "町", "村", "区", NULL };

	for (size_t i = from + 1; i < to && i < x->n && i < from + 15; i++) {
		const char *k = x->k[i]->key, *rest = NULL;

		if (!is_date_line(x, i - 1) || strlen(k) > 3 * 20 ||
		    strstr(k, "、") != NULL)
			continue;
		for (int b = 0; bodies[b] && rest == NULL; b++) {
			const char *p = strstr(k, bodies[b]);

			if (p != NULL && p - k <= 3 * 5 && p > k)
				rest = p + strlen(bodies[b]);
		}
		if (rest != NULL && *rest != '\0' && !names_a_place(rest) &&
		    (str_has_suffix(rest, "課") || str_has_suffix(rest, "室"))) {
			field_set(f, rest, x->k[i]->line);
			field_from(f, "rule a department signing under the date");
			return 1;
		}
	}
	return 0;
}

/* "所管課：健康増進課": the name after a department's label, in place
 * of *v. */
static void
drop_department_label(char **v)
{
	const char *colon = strstr(*v, "：");
	size_t n = 3;
	char *label, *rest;

	if (colon == NULL && (colon = strchr(*v, ':')) != NULL)
		n = 1;
	if (colon == NULL)
		return;
	label = xstrndup(*v, (size_t)(colon - *v));
	if (label_field(label) == FIELD_DEPARTMENT) {
		rest = xstrdup(skip_ws_prefix(colon + n));
		free(*v);
		*v = rest;
	}
	free(label);
}

/* "鳥栖市長（こども育成部こども育成課）": the department in the brackets
 * after an agency that is none, in place of *v. */
static void
department_in_brackets(char **v)
{
	const char *open = strstr(*v, "（"), *close;
	char *inner, *head;

	if (open == NULL || open == *v ||
	    (close = strstr(open, "）")) == NULL || close[3] != '\0')
		return;
	head = xstrndup(*v, (size_t)(open - *v));
	inner = xstrndup(open + 3, (size_t)(close - open - 3));
	drop_department_label(&inner);	/* （所管課：…課） */
	if (!is_department_name(head) && is_department_name(inner)) {
		free(*v);
		*v = inner;
		inner = NULL;
	}
	free(inner);
	free(head);
}

/* Is fact ft an agency without its department ("実施機関　釧路市長"),
 * not a department's name? */
static int
names_agency_only(const struct fact *ft)
{
	char *label = strip_ws(ft->label), *v = first_line(ft->value);
	int yes;

	department_in_brackets(&v);
	yes = str_has_suffix(label, "実施機関") && (str_has_suffix(v, "長") ||
	    !is_department_name(v));
	free(label);
	free(v);
	return yes;
}

/* The first department fact of [from, to) (or record rec) that names a
 * department, or NULL. */
static const struct fact *
department_fact(const struct facts *fs, size_t from, size_t to, int rec)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_DEPARTMENT &&
		    fact_in(&fs->v[i], from, to, rec) &&
		    !names_agency_only(&fs->v[i]))
			return &fs->v[i];
	return NULL;
}

/* Do the department facts of span s name two departments or more (each
 * contract of a list its own 担当課)? */
static int
departments_differ(const struct facts *fs, const struct span *s)
{
	const char *first = NULL;

	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (f->field != FIELD_DEPARTMENT ||
		    !fact_in(f, s->from, s->to, -1))
			continue;
		if (first == NULL)
			first = f->value;
		else if (strcmp(first, f->value) != 0)
			return 1;
	}
	return 0;
}

void
case_department(const struct ctx *x, const struct spans *sp,
    const struct span *s, const struct facts *fs, struct pcase *c)
{
	const struct fact *f = NULL;

	if (s->lead_to > s->lead_from)
		f = department_fact(fs, s->lead_from, s->lead_to,
		    -1);	/* the agenda's （担当課 …） */
	if (f == NULL)
		f = department_fact(fs, s->from, s->to, s->record);
	if (f != NULL && s->record < 0 && f->record >= 0 &&
	    department_in_text(x, s->from, s->to, &c->department))
		return;	/* the letter's （事務担当 …）, not a listed row's */
	if (f != NULL && s->record < 0 && departments_differ(fs, s) &&
	    department_under_sender(x, s->from, s->to, &c->department))
		return;	/* the sender's （総務部総務課）, not one of the
			   contracts' 担当課 it lists */
	if (f == NULL && s->record < 0 && sp->head_end > 0)
		f = department_fact(fs, 0, sp->head_end, -1);
	if (f != NULL) {
		char *v = department_lines(f->value), *paren, *by;

		sentence_department(&v);
		department_in_brackets(&v);
		/* "保育課（電話 …）": a note after the name */
		if ((paren = strstr(v, "(")) != NULL && paren > v)
			*paren = '\0';
		if ((paren = strstr(v, "（")) != NULL && paren > v)
			*paren = '\0';
		field_set(&c->department, v, f->line);
		by = label_origin(f->label);
		field_from(&c->department, by);
		free(by);
		free(v);
		return;
	}
	if (s->record >= 0)
		return;
	if (!department_signing(x, sp->head_end > 0 ? 0 : s->from,
	    sp->head_end > 0 ? sp->head_end : s->to, &c->department) &&
	    !department_in_text(x, s->from, s->to, &c->department) &&
	    !department_in_text(x, 0, sp->head_end, &c->department) &&
	    !department_under_sender(x, sp->head_end > 0 ? 0 : s->from,
	    sp->head_end > 0 ? sp->head_end : s->to, &c->department) &&
	    !department_explaining(x, s->from, s->to, &c->department))
		department_in_charge(x, s->from, s->to, &c->department);
}

/* The law a basis label implies: 要綱の根拠 → 要綱. */
static const char *
law_of_label(const char *label)
{
	if (strstr(label, "要綱"))
		return "要綱";
	if (strstr(label, "条例"))
		return "条例";
	if (strstr(label, "法令"))
		return "番号法";
	return NULL;
}

/* Is node i a row of an answer ("答　…", "回答　…", "A　…"): sentences,
 * a 問答 sheet's, not a label's value? */
static int
is_answer_row(const struct ctx *x, size_t i)
{
	static const char *const marks[] = { "答", "回答", "A", NULL };
	char *raw, *value, *label;
	int yes = 0;

	if (x->k[i]->kind != NODE_ROW || !row_at(x, i, &raw, &value))
		return 0;
	label = strip_ws(raw);
	for (int m = 0; marks[m] && !yes; m++)
		yes = strcmp(label, marks[m]) == 0;
	free(label);
	free(raw);
	free(value);
	return yes;
}

/* "…条例第6条の規定に基づき": citations of a letter's paragraphs. */
static void
basis_in_prose(const struct ctx *x, size_t from, size_t to, struct pcase *c)
{
	struct buf para = BUF_INIT;
	int line = 0, found = 0;

	for (size_t i = from; i <= to && i <= x->n; i++) {
		int ends = i == to || i == x->n || (x->k[i]->kind != NODE_TEXT &&
		    !is_answer_row(x, i));

		if (!ends) {
			if (para.len == 0)
				line = x->k[i]->line;
			buf_puts(&para, x->k[i]->key);
			continue;
		}
		if (para.len > 0) {
			const char *rule = strstr(para.data, "の規定");

			if (rule != NULL) {
				found = 1;
				para.data[rule - para.data] = '\0';
				cite_scan(para.data, NULL, NULL,
				    &c->legal_basis);
				set_line(&c->legal_basis_line, &c->legal_basis,
				    line);
				list_from(&c->legal_basis_from, &c->legal_basis,
				    "rule …の規定に基づき");
			}
		}
		buf_truncate(&para, 0);
		if (found)
			break;
	}
	buf_free(&para);
}

/* "根拠は、条例第６条第１号及び第２号でございます": the basis a sentence
 * states (minutes, a letter's explanation). */
static void
basis_stated(const struct ctx *x, size_t from, size_t to, struct pcase *c)
{
	for (size_t i = from; i < to && i < x->n; i++)
		for (const char *p = strstr(x->k[i]->key, "根拠は"); p != NULL;
		    p = strstr(p + 1, "根拠は")) {
			const char *end = strstr(p, "。");
			char *sentence = end != NULL ?
			    xstrndup(p, (size_t)(end - p)) : xstrdup(p);

			cite_scan(sentence, NULL, NULL, &c->legal_basis);
			free(sentence);
			if (c->legal_basis.n > 0) {
				set_line(&c->legal_basis_line,
				    &c->legal_basis, x->k[i]->line);
				list_from(&c->legal_basis_from,
				    &c->legal_basis, "rule 根拠は… in a sentence");
				return;
			}
		}
}

/* A value without its lines of notes ("※…は本件の対象外"). New string. */
static char *
without_notes(const char *value)
{
	struct buf b = BUF_INIT;

	for (const char *p = value; *p; ) {
		size_t n = strcspn(p, "\n");
		const char *t = p;

		t = str_skip_spaces(t);
		if (!str_has_prefix(t, "※")) {
			if (b.len > 0)
				buf_putc(&b, '\n');
			buf_put(&b, p, n);
		}
		p += n + (p[n] == '\n');
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

/*
 * Is fact i the basis of a provision in an assessment (提供先１ then
 * ①法令上の根拠): the basis on which that partner receives, not the
 * basis of the case's use of numbers?
 */
static int
is_partners_basis(const struct pcase *c, const struct facts *fs, size_t i)
{
	return c->kind.value != NULL && strcmp(c->kind.value, "評価書") == 0 &&
	    i > 0 && fs->v[i - 1].field == FIELD_PARTNER &&
	    fs->v[i].line - fs->v[i - 1].line <= 2;
}

void
case_basis(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c)
{
	for (int pass = 0; pass < 2 && c->legal_basis.n == 0; pass++) {
		size_t from = pass ? 0 : s->from, to = pass ? sp->head_end : s->to;
		int rec = pass ? -1 : s->record;

		for (size_t i = 0; i < fs->n; i++) {
			const struct fact *f = &fs->v[i];
			char *by, *value;

			if (f->field != FIELD_BASIS || !fact_in(f, from, to, rec) ||
			    is_partners_basis(c, fs, i))
				continue;
			value = without_notes(f->value);
			cite_scan(value, law_of_label(f->label), NULL,
			    &c->legal_basis);
			free(value);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    f->line);
			by = label_origin(f->label);
			list_from(&c->legal_basis_from, &c->legal_basis, by);
			free(by);
		}
	}
	/* and the letter's "…の規定に基づき" */
	if (s->record < 0)
		basis_in_prose(x, s->from, s->to, c);
	if (c->legal_basis.n == 0)
		basis_in_prose(x, 0, sp->head_end + (sp->n > 0 &&
		    sp->v[0].lead_to > 0), c);	/* minutes: the line that takes
						   up the first case may say
						   it for all (いずれも…) */
	if (c->legal_basis.n == 0 && s->record < 0)
		basis_stated(x, s->from, s->to, c);
}

void
case_count(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c)
{
	const struct fact *f = first_fact(fs, FIELD_SUBJECTS, s->from, s->to,
	    s->record);

	if (f != NULL && (strstr(f->value, "以上") || strstr(f->value, "未満")))
		f = NULL;	/* "［10万人以上30万人未満］": a range, no count */
	if (f != NULL) {
		long long n = people_count(f->value);
		char *k = strip_ws(f->value);

		if (n < 0)
			n = people_count(k);
		if (n < 0)
			n = norm_parse_count(k, strlen(k));
		free(k);
		if (n >= 0) {
			c->subjects_count = n;
			c->subjects_line = f->line;
			c->subjects_from = label_origin(f->label);
			return;
		}
	}
	if (s->record < 0)
		consultation_subjects(x, c, s->from, s->to);
	if (c->subjects_count >= 0)
		c->subjects_from = xstrdup("rule 約N人 in the text");
}
