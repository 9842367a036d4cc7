/*
 * labelled_lists.c — lists of names and items as the labelled reader
 * takes them (see labelled.h): a value cleaned of what is not in its list
 * (bullets, numbering, lines that introduce it, notes, sub-labels of whom
 * it is about), items kept in an annex the value refers to (別表のとおり),
 * and items listed after a sentence (…次のとおり).
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

/* A line of a list: short, no sentence, no label, no note ("(…)"; an
 * item numbered "(1)" is one). */
static int
is_list_line(const struct node *k)
{
	const char *key = k->key;

	return k->kind != NODE_ROW && strlen(key) <= 3 * 100 &&
	    !(k->kind == NODE_HEADING && k->form == NUM_LEVEL) &&
	    strstr(key, "。") == NULL && strchr(key, ':') == NULL &&
	    !str_has_prefix(key, "※") && !(str_has_prefix(key, "(") &&
	    numbering_len(key) == 0);
}

/* A line that introduces a list rather than being part of it. */
static int
is_list_intro(const char *line)
{
	static const char *const ends[] = { "次の項目", "次のとおり",
	    "以下のとおり", "下記のとおり", "とおり", "次のもの", NULL };
	char *bare = strip_ws(line);
	size_t n = strlen(bare);
	int yes = 0;

	if (n >= 3 && strcmp(bare + n - 3, "。") == 0)
		bare[n - 3] = '\0';
	for (int i = 0; ends[i] && !yes; i++)
		yes = str_has_suffix(bare, ends[i]);
	free(bare);
	return yes;
}

static const char *
skip_bullet(const char *s)
{
	static const char *const marks[] = { "●", "・", "○", "■", "□", "◆",
	    "◇", "☑", "-", "*", "＊", NULL };

	for (;;) {
		int moved = 0;

		while (*s == ' ' || str_has_prefix(s, "\xe3\x80\x80"))
			s += *s == ' ' ? 1 : 3, moved = 1;
		for (int i = 0; marks[i]; i++)
			if (str_has_prefix(s, marks[i])) {
				s += strlen(marks[i]);
				moved = 1;
				break;
			}
		if (!moved)
			return s;
	}
}

/* Where "項目" or "個人情報" first occurs in s before a comma or the
 * sentence's end, or NULL. */
static const char *
first_of_nouns(const char *s)
{
	const char *stop = s + strlen(s), *a, *b;

	if ((a = strstr(s, "、")) != NULL && a < stop)
		stop = a;
	if ((a = strstr(s, "。")) != NULL && a < stop)
		stop = a;
	a = strstr(s, "項目");
	b = strstr(s, "個人情報");
	if (a == NULL || a >= stop)
		a = NULL;
	if (b == NULL || b >= stop)
		b = NULL;
	return a == NULL ? b : b == NULL || a < b ? a : b;
}

/*
 * "…個人情報は、次のとおりです。" followed by one item a line: the
 * lines after the sentence, up to the next sentence or heading.
 */
/* "…は次のとおり", "次の９項目に限る", "以下のとおり": a sentence that
 * says a list follows. */
static int
introduces_list(const char *key)
{
	const char *p;
	size_t used;

	static const char *const intros[] = { "は次のとおり", "は、次のとおり",
	    "は以下のとおり", "は、以下のとおり", "は下記のとおり",
	    "は、下記のとおり", "次の項目", "次に掲げる", NULL };

	/* "項目は、次のとおり", not "下記のとおり報告します" */
	for (int i = 0; intros[i]; i++)
		if (strstr(key, intros[i]))
			return 1;
	for (p = strstr(key, "次の"); p != NULL; p = strstr(p + 1, "次の")) {
		const char *q = p + strlen("次の"), *noun;

		if (norm_parse_number(q, strnlen(q, 12), &used) > 0 &&
		    str_has_prefix(q + used, "項目"))
			return 1;
		/* "次の記録項目を追加した", "次の個人情報を提供する" */
		noun = first_of_nouns(q);
		if (noun != NULL && noun - q <= 3 * 6)
			return 1;
	}
	return 0;
}

void
items_listed_after(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		const char *k = x->k[i]->key;
		struct buf list = BUF_INIT;

		if (!(strstr(k, "情報") || strstr(k, "項目")) ||
		    !introduces_list(k))
			continue;
		for (size_t j = i + 1; j < to && j < x->n; j++) {
			if (x->k[j]->kind == NODE_BLANK && list.len == 0)
				continue;
			if (!is_list_line(x->k[j]))
				break;
			buf_printf(&list, "%s%s", list.len ? "\n" : "",
			    skip_bullet(x->k[j]->text));
		}
		if (list.len > 0) {
			char *clean = clean_list(list.data, FIELD_ITEMS);

			parse_items(clean, &p->data_items);
			set_line(&p->data_items_line, &p->data_items,
			    x->k[i]->line);
			list_from(&p->data_items_from, &p->data_items,
			    "rule the list after 次のとおり");
			free(clean);
		}
		buf_free(&list);
		if (p->data_items.n > 0)
			return;
	}
}

static const char *const annex_words[] = { "別表", "別紙", "付表", "別添",
    "別記", NULL };

/* Does a value point to an annex: "別表のとおり", "付表1に掲げる…"? */
int
refers_to_annex(const char *v)
{
	static const char *const verbs[] = { "とおり", "に掲げる", "に記載",
	    "を参照", "参照", NULL };
	int name = 0, verb = 0;

	for (int i = 0; annex_words[i]; i++)
		name |= strstr(v, annex_words[i]) != NULL;
	for (int i = 0; verbs[i]; i++)
		verb |= strstr(v, verbs[i]) != NULL;
	return name && verb;
}


/* The column of a table's head that holds the items: 項目, 個人情報 …,
 * else the first that is no number; -1 when none. */
static int
items_column(const struct strlist *head)
{
	static const char *const words[] = { "項目", "個人情報", "情報",
	    NULL };

	for (int w = 0; words[w]; w++)
		for (size_t c = 0; c < head->n; c++)
			if (strstr(head->v[c], words[w]) != NULL &&
			    strstr(head->v[c], "備考") == NULL)
				return (int)c;
	for (size_t c = 0; c < head->n; c++)
		if (!is_number_header(head->v[c]))
			return (int)c;
	return -1;
}

/*
 * An annex given as a table ("番号 | 項目 | 備考" and its rows) from
 * node i on: the items column's cells, one a line, into list.  0 when
 * no table starts there.
 */
static int
annex_table(const struct ctx *x, size_t i, struct buf *list)
{
	struct strlist head = STRLIST_INIT;
	int col;

	while (i < x->n && x->k[i]->kind == NODE_BLANK)
		i++;
	if (i >= x->n || x->k[i]->kind != NODE_ROW)
		return 0;
	row_cells(x->k[i]->text, &head);
	col = items_column(&head);
	strlist_free(&head);
	if (col < 0)
		return 0;
	for (i++; i < x->n && x->k[i]->kind == NODE_ROW; i++) {
		struct strlist cells = STRLIST_INIT;

		row_cells(x->k[i]->text, &cells);
		if ((size_t)col < cells.n && cells.v[col][0] != '\0')
			buf_printf(list, "%s%s", list->len ? "\n" : "",
			    cells.v[col]);
		strlist_free(&cells);
	}
	return list->len > 0;
}

/* Is key (no white space) a table's head of column names ("番号項目",
 * "No.項目備考"), not an item? */
static int
names_columns(const char *key)
{
	static const char *const words[] = { "番号", "No.", "No", "項目",
	    "備考", "区分", "内容", NULL };
	const char *p = key;
	int n = 0;

	while (*p) {
		int hit = 0;

		for (int w = 0; words[w] && !hit; w++)
			if (str_has_prefix(p, words[w])) {
				p += strlen(words[w]);
				hit = 1;
			}
		if (!hit)
			return 0;
		n++;
	}
	return n >= 2;
}

/*
 * Items kept in an annex the value points to ("別表のとおり", "別紙１
 * のとおり"): the lines under the annex's own heading further on.
 */
/* "別紙1" of key at ref (its word at ref, then digits, 第, kanji
 * numbers): its length. */
static size_t
annex_name_len(const char *ref, size_t word)
{
	size_t len = word;

	while (isdigit((unsigned char)ref[len]) ||
	    str_has_prefix(ref + len, "第") ||
	    norm_kanji_digits_len(ref + len, 1) > 0)
		len += isdigit((unsigned char)ref[len]) ? 1 : 3;
	return len;
}

size_t
annex_heading(const struct ctx *x, const char *name, size_t after)
{
	size_t first = x->n;

	for (size_t i = after + 1; i < x->n; i++) {
		const char *k = x->k[i]->key;

		/* the annex's own heading: its name, then no digit (付表1
		   is not 付表12), not a reference to it; a line that is its
		   name alone before one that goes on (a list of the papers
		   attached: "別添1　…協定書(案)") */
		if (str_has_prefix(k, name) &&
		    !isdigit((unsigned char)k[strlen(name)]) &&
		    !refers_to_annex(k)) {
			if (k[strlen(name)] == '\0')
				return i;
			if (first == x->n)
				first = i;
		}
	}
	return first;
}

size_t
annex_end(const struct ctx *x, size_t heading)
{
	for (size_t i = heading + 1; i < x->n; i++)
		for (int w = 0; annex_words[w]; w++) {
			const char *k = x->k[i]->key;
			size_t n = strlen(annex_words[w]);

			if (str_has_prefix(k, annex_words[w]) &&
			    annex_name_len(k, n) > n && !refers_to_annex(k))
				return i;
		}
	return x->n;
}

char *
annex_named_in(const char *key)
{
	for (int w = 0; annex_words[w]; w++) {
		const char *ref = strstr(key, annex_words[w]);
		size_t n = strlen(annex_words[w]), len;

		if (ref != NULL && (len = annex_name_len(ref, n)) > n)
			return xstrndup(ref, len);
	}
	return NULL;
}

/* The items an annex lists from line i (its heading) on, into list: its
 * table's items column, else its list lines. */
static void
annex_list(const struct ctx *x, size_t i, struct buf *list)
{
	if (annex_table(x, i + 1, list))
		return;		/* a table: its items column */
	for (size_t j = i + 1; j < x->n && j < i + 60; j++) {
		const char *k = x->k[j]->key;
		const char *t = x->k[j]->text;

		if (*k == '\0' || !is_list_line(x->k[j]) ||
		    (list->len == 0 && names_columns(k))) {
			if (list->len > 0)
				break;
			continue;	/* a title, (対象者：…), 番号　項目 */
		}
		t = skip_bullet(t);
		t += numbering_len(t);
		buf_printf(list, "%s%s", list->len ? "\n" : "", t);
	}
}

void
annex_items_of(const struct ctx *x, const char *value, struct procedure *p,
    size_t after)
{
	char *nf = norm_nfkc(value, strlen(value));

	for (int n = 0; annex_words[n] && p->data_items.n == 0; n++) {
		const char *ref = strstr(nf, annex_words[n]);
		struct buf list = BUF_INIT;
		char *name;
		size_t i;

		if (ref == NULL)
			continue;
		name = norm_strip_space(ref, annex_name_len(ref,
		    strlen(annex_words[n])));
		if ((i = annex_heading(x, name, after)) < x->n)
			annex_list(x, i, &list);
		if (list.len > 0) {
			char *clean = clean_list(list.data, FIELD_ITEMS);

			parse_items(clean, &p->data_items);
			free(clean);
			set_line(&p->data_items_line, &p->data_items,
			    x->k[i]->line);
		}
		buf_free(&list);
		free(name);
	}
	free(nf);
}

/* "項目：被保険者番号、…", "対象者：申請者": a sub-label of the list's
 * own words before a colon; its length with the colon, or 0. */
static size_t
colon_sublabel_len(const char *s, char **label)
{
	static const char *const words[] = { "項目", "対象", "範囲", "媒体",
	    "件数", NULL };
	const char *c = strstr(s, "：");
	size_t n = c ? 3 : 1;

	if (c == NULL || (strchr(s, ':') != NULL && strchr(s, ':') < c))
		c = strchr(s, ':');
	if (c == NULL || c == s || c - s > 3 * 6)
		return 0;
	if (*c == ':')
		n = 1;
	for (int w = 0; words[w]; w++)
		if (memmem(s, (size_t)(c - s), words[w], strlen(words[w]))) {
			*label = xstrndup(s, (size_t)(c - s));
			return (size_t)(c - s) + n;
		}
	return 0;
}

/* A bracketed sub-label at the start of s: "（対象者）", "【項目】". */
static size_t
sublabel_len(const char *s, char **label)
{
	static const char *const pairs[][2] = { { "(", ")" }, { "（", "）" },
	    { "【", "】" }, { "[", "]" }, { "〔", "〕" }, { "《", "》" } };

	*label = NULL;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *close;

		if (!str_has_prefix(s, pairs[i][0]) ||
		    (close = strstr(s, pairs[i][1])) == NULL ||
		    close - s > 3 * 12 + 3)
			continue;
		*label = xstrndup(s + strlen(pairs[i][0]), (size_t)(close - s) -
		    strlen(pairs[i][0]));
		return (size_t)(close - s) + strlen(pairs[i][1]);
	}
	return colon_sublabel_len(s, label);
}

/*
 * "区民課（住民基本台帳）：氏名、住所", "介護保険課：要介護状態区分": the
 * holder a line of items comes from, before a colon; its length with the
 * colon, or 0.  A holder is an office or a ledger (…課, …システム, a name
 * with its note in brackets), or any short name before a list.
 */
static size_t
holder_len(const char *s)
{
	static const char *const ends[] = { "課", "係", "室", "局", "センター",
	    "システム", "台帳", "）", ")", NULL };
	const char *c = strstr(s, "：");
	size_t before;
	int holder = 0;

	if (c == NULL || c == s || c - s > 3 * 24)
		return 0;
	before = (size_t)(c - s);
	if (memmem(s, before, "、", 3) != NULL || c[3] == '\0')
		return 0;
	for (int e = 0; ends[e] && !holder; e++)
		holder = before > strlen(ends[e]) && memcmp(c - strlen(ends[e]),
		    ends[e], strlen(ends[e])) == 0;
	return holder || strstr(c + 3, "、") != NULL ? before + 3 : 0;
}

/* "－", "―", "なし", "無", "該当なし": a cell that names nobody. */
static int
is_none_mark(const char *s)
{
	static const char *const marks[] = { "－", "―", "-", "ー", "なし", "無",
	    "該当なし", "無し", "―――", NULL };

	return cell_is_one_of(s, marks);
}

/* A line that is only a note in brackets: "（プライバシーマーク…）". */
static int
is_note_line(const char *s)
{
	size_t n = strlen(s);

	return (s[0] == '(' && n > 1 && s[n - 1] == ')' &&
	    strchr(s + 1, '(') == NULL) || (str_has_prefix(s, "（") &&
	    str_has_suffix(s, "）") && strstr(s + 3, "（") == NULL);
}

/* "児童に関する項目", "[^1]: …": a list's group heading or footnote. */
static int
is_list_furniture(const char *line)
{
	char *bare = strip_ws(line);
	int yes = str_has_suffix(bare, "に関する項目") ||
	    str_has_suffix(bare, "に係る項目") || str_has_prefix(bare, "[^") ||
	    str_is_enclosed(bare, "【", "】");	/* 【保護者】: a group's name */

	free(bare);
	return yes;
}

/*
 * A list value cleaned of what is not in the list: bullets and
 * numbering, lines that introduce it (…次の項目), notes (※…), sentences,
 * sub-labels that say whom it is about (（対象者）…) — one that says
 * 項目 is dropped and its line kept — and a line that is only a note in
 * brackets goes with the line before it.  New string.
 */
/*
 * "（対象者）被保険者 （項目）氏名、住所": sub-labels of a list's own
 * words run on one line (a table cell read from a PDF) — each on a line
 * of its own; so is each piece of "氏名、住所 / 生年月日", a cell's line
 * breaks as a spreadsheet's export shows them.  New string.
 */
static char *
split_sublabels(const char *value)
{
	static const char *const marks[] = { "（項目）", "(項目)", "（対象者）",
	    "(対象者)", "（対象）", "(対象)", "（範囲）", "(範囲)", NULL };
	struct buf b = BUF_INIT;

	for (const char *p = value; *p; ) {
		int at_mark = 0;

		if (str_has_prefix(p, " / ")) {
			buf_putc(&b, '\n');	/* a cell's line break, as a
						   sheet's export shows it */
			p += 3;
			continue;
		}
		for (int m = 0; marks[m] && !at_mark; m++)
			at_mark = str_has_prefix(p, marks[m]);
		if (at_mark && b.len > 0 && b.data[b.len - 1] != '\n') {
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				buf_truncate(&b, b.len - 1);
			buf_putc(&b, '\n');
		}
		buf_putc(&b, *p++);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

char *
clean_list(const char *value, enum field_id f)
{
	struct buf out = BUF_INIT;
	char *split = split_sublabels(value);
	const char *p = split;
	size_t lines = 1;

	for (const char *q = split; *q; q++)
		lines += *q == '\n';
	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *label;
		const char *s;
		size_t len = n;

		while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		s = skip_bullet(line);
		size_t sl;

		s += numbering_len(s);
		sl = sublabel_len(s, &label);
		if (label != NULL && f == FIELD_ITEMS &&
		    strstr(label, "項目") == NULL) {
			if (strstr(label, "対象") || strstr(label, "範囲") ||
			    strstr(label, "媒体") || strstr(label, "件数"))
				s = "";
		} else if (label != NULL && f == FIELD_ITEMS && s[sl] != '\0' &&
		    !str_has_prefix(s, "《"))
			s += sl;	/* "（項目）世帯番号、…" (《項目》 stays) */
		else if (label == NULL && f == FIELD_ITEMS)
			s += holder_len(s);	/* 区民課：氏名、… */
		if (is_none_mark(s)) {
			free(line);	/* "－", "なし": nobody */
			free(label);
			p += n + (p[n] == '\n');
			continue;
		}
		if (f == FIELD_CONSIGNEES && out.len > 0 &&
		    !is_organisation_like(s) && !(s[0] == '(' ||
		    str_has_prefix(s, "（"))) {
			free(line);
			free(label);
			break;	/* the names have ended ("再委託", "なし") */
		}
		if (lines > 1 && (*s == '\0' || str_has_prefix(s, "※") ||
		    is_list_intro(s) || (f == FIELD_ITEMS &&
		    (str_has_suffix(s, "。") || is_list_furniture(s))))) {
			free(line);
			free(label);
			p += n + (p[n] == '\n');
			continue;
		}
		if (out.len > 0 && is_note_line(s) && f == FIELD_ITEMS &&
		    strstr(s, "。") != NULL) {
			free(line);	/* "（氏名は利用しない。）": a remark on
					   the list, not a note of its item */
			free(label);
			p += n + (p[n] == '\n');
			continue;
		}
		if (out.len > 0 && !is_note_line(s))
			buf_putc(&out, '\n');
		buf_puts(&out, s);
		free(line);
		free(label);
		p += n + (p[n] == '\n');
	}
	free(split);
	return buf_detach(&out);
}
