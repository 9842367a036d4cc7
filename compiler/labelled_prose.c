/*
 * labelled_prose.c — procedures stated in sentences (see labelled.h):
 * "…の一部を株式会社〇〇に再委託する", "取り扱わせる個人情報は、A、B
 * に限る", "令和7年10月1日から…まで", "業務の名称は「…」".
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

/* Does a sentence of [from, to) use one of verbs, not denied ("…に提供
 * しない")? */
static int
says_verb(const struct ctx *x, size_t from, size_t to,
    const char *const verbs[])
{
	for (size_t i = from; i < to && i < x->n; i++)
		for (int v = 0; verbs[v]; v++)
			for (const char *p = strstr(x->k[i]->key, verbs[v]);
			    p != NULL; p = strstr(p + 1, verbs[v]))
				if (!str_has_prefix(p + strlen(verbs[v]), "しない") &&
				    !str_has_prefix(p + strlen(verbs[v]), "せず"))
					return 1;
	return 0;
}

int
states_in_prose(const struct ctx *x, size_t from, size_t to, int type)
{
	static const char *const verbs[] = { "に委託", "へ委託", "に提供",
	    "と結合", "に接続", NULL };
	static const char *const collects[] = { "収集する", "収集は",
	    "取得する", "取得し", "交付を請求", "聴き取", NULL };
	static const char *const uses[] = { "利用する", "利用し", NULL };
	static const char *const records[] = { "記録する", "記録し", NULL };
	static const char *const links[] = { "結合する", "結合し", "接続する",
	    "接続し", NULL };

	return says_verb(x, from, to, verbs) || (type == PROC_LINK &&
	    says_verb(x, from, to, links)) || (type == PROC_INDIRECT &&
	    says_verb(x, from, to, collects)) || (type == PROC_OTHER_USE &&
	    says_verb(x, from, to, uses)) || (type == PROC_RECORD &&
	    says_verb(x, from, to, records));
}

int
says_entrusting(const struct ctx *x, size_t from, size_t to)
{
	static const char *const entrusts[] = { "に委託", "へ委託", NULL };

	return says_verb(x, from, to, entrusts);
}

int
type_in_prose(const struct ctx *x, size_t from, size_t to)
{
	static const char *const subcontracts[] = { "に再委託", "へ再委託",
	    NULL };
	static const char *const entrusts[] = { "に委託", "へ委託", NULL };
	static const char *const provides[] = { "に提供", "へ提供", NULL };
	static const char *const links[] = { "と結合", "とを結合", "に接続",
	    NULL };

	if (says_verb(x, from, to, subcontracts))
		return PROC_SUBCONTRACT;
	if (says_verb(x, from, to, entrusts))
		return PROC_OUTSOURCE;
	if (says_verb(x, from, to, provides))
		return PROC_PROVISION;
	if (says_verb(x, from, to, links))
		return PROC_LINK;
	return -1;
}

/* The first of the strings ends in s, or the end of s (UTF-8 safe,
 * unlike strcspn() on multibyte characters). */
static const char *
first_of(const char *s, const char *const *ends)
{
	const char *first = s + strlen(s);

	for (int i = 0; ends[i]; i++) {
		const char *f = strstr(s, ends[i]);

		if (f != NULL && f < first)
			first = f;
	}
	return first;
}

/* The organisation named after one of marks inside value, up to a
 * closing bracket or the end of its clause, into out; 1 when one was. */
static int
named_after(const char *value, const char *const marks[],
    struct strlist *out)
{
	static const char *const ends[] = { ")", "）", "、", "。", "\n",
	    NULL };

	for (int m = 0; marks[m]; m++) {
		const char *p = strstr(value, marks[m]), *e;
		char *name, *clean;

		if (p == NULL)
			continue;
		p += strlen(marks[m]);
		e = first_of(p, ends);
		name = xstrndup(p, (size_t)(e - p));
		clean = clean_organisation(name);
		if (*clean)
			strlist_push_unique(out, clean);
		free(name);
		free(clean);
		return 1;
	}
	return 0;
}

/* "（再委託先：X）" or "再委託先はX" inside a value. */
void
subcontractor_in_value(const char *value, struct strlist *out)
{
	static const char *const marks[] = { "再委託先:", "再委託先：",
	    "再委託先は", NULL };

	named_after(value, marks, out);
}

int
origin_in_value(const char *value, struct strlist *out)
{
	static const char *const marks[] = { "委託元:", "委託元：", "委託元は",
	    NULL };

	return named_after(value, marks, out);
}

/* "…に委託し、A、B及びCを取り扱わせる", "この業務では、A、Bを取り扱わ
 * せる", "再委託先には、A及びBを取り扱わせる": the items handed over in
 * the sentence that entrusts them. */
static void
items_handed_in_prose(const char *text, struct strlist *out)
{
	static const char *const leads[] = { "に委託し、", "へ委託し、",
	    "では、", "には、", NULL };

	for (int l = 0; leads[l]; l++)
		for (const char *p = strstr(text, leads[l]); p != NULL;
		    p = strstr(p + 1, leads[l])) {
			const char *v = p + strlen(leads[l]);
			const char *e = strstr(v, "を取り扱わせ");
			struct strlist items = STRLIST_INIT;
			char *list;

			if (e == NULL || e - v > 3 * 150 ||
			    memmem(v, (size_t)(e - v), "。", 3) != NULL)
				continue;
			list = xstrndup(v, (size_t)(e - v));
			split_last_and(list);
			parse_items(list, &items);
			free(list);
			drop_leading_modifier(&items);
			for (size_t i = 0; i < items.n && items.n >= 2; i++)
				strlist_push_unique(out, items.v[i]);
			strlist_free(&items);
			if (out->n > 0)
				return;
		}
}

/*
 * "A、B、C及びDの四項目を…": a list whose count is stated after it.  The
 * count says where the list begins: the last N items before "のN項目".
 */
static void
counted_items_in_prose(const char *text, struct strlist *out)
{
	for (const char *p = strstr(text, "の"); p != NULL;
	    p = strstr(p + 1, "の")) {
		long long n = items_count_at(p, 0);
		const char *start = p;
		struct strlist all = STRLIST_INIT;
		char *list;
		int commas = 0;

		if (n < 2 || n > 40 ||
		    (p - text >= 3 && memcmp(p - 3, "次", 3) == 0))
			continue;	/* "次の9項目": the list follows */
		/* back over n items, at most to the sentence's start */
		while (start > text && commas < n) {
			start--;
			while (start > text && (*start & 0xc0) == 0x80)
				start--;
			if (str_has_prefix(start, "。"))
				break;
			commas += str_has_prefix(start, "、");
		}
		if (str_has_prefix(start, "。") || str_has_prefix(start, "、"))
			start += 3;
		list = xstrndup(start, (size_t)(p - start));
		parse_items(list, &all);
		for (size_t i = all.n > (size_t)n ? all.n - (size_t)n : 0;
		    i < all.n; i++)
			strlist_push_unique(out, all.v[i]);
		strlist_free(&all);
		free(list);
		return;
	}
}

char *
joined_text(const struct ctx *x, size_t from, size_t to)
{
	struct buf b = BUF_INIT;

	for (size_t i = from; i < to && i < x->n; i++)
		if (x->k[i]->kind != NODE_HEADING ||
		    strstr(x->k[i]->key, "。") != NULL ||
		    strlen(x->k[i]->key) > 3 * 40)	/* a paragraph */
			buf_puts(&b, x->k[i]->key);
	return buf_detach(&b);
}

/* Does the date at text + at follow "開始は" (a start stated alone:
 * "収集の開始は令和7年10月1日を予定")? */
static int
opens_period(const char *text, size_t at)
{
	static const char *const leads[] = { "開始は", "開始日は",
	    "開始時期は", NULL };

	if (at >= 3 && memcmp(text + at - 3, "、", 3) == 0)
		at -= 3;	/* "開始は、令和7年7月1日" */
	for (int l = 0; leads[l]; l++) {
		size_t n = strlen(leads[l]);

		if (at >= n && memcmp(text + at - n, leads[l], n) == 0)
			return 1;
	}
	return 0;
}

/* "終期は、…令和12年3月31日までとしている": the end of a period said in
 * a sentence of its own, into end (ISO), if any. */
static void
end_stated(const char *text, char end[11])
{
	for (const char *p = strstr(text, "終期は"); p != NULL;
	    p = strstr(p + 1, "終期は")) {
		const char *stop = strstr(p, "。");
		size_t n = stop ? (size_t)(stop - p) : strlen(p);
		struct norm_date d;

		if (norm_find_date(p, n, &d, NULL, NULL) == 0 &&
		    norm_format_iso(&d, end) == 0)
			return;
	}
}

/* Where text says its own period ("委託の期間は", "委託期間は"), not a
 * 再委託's, or NULL. */
static const char *
own_period(const char *text)
{
	static const char *const says[] = { "委託の期間は", "委託期間は",
	    NULL };

	for (int i = 0; says[i]; i++)
		for (const char *p = strstr(text, says[i]); p != NULL;
		    p = strstr(p + 3, says[i]))
			if (p - text < 3 || memcmp(p - 3, "再", 3) != 0)
				return p;
	return NULL;
}

/* "令和7年10月1日から令和10年9月30日まで" in running text. */
static void
period_in_prose(const char *text, int line, struct procedure *p)
{
	struct norm_date d;
	size_t len = strlen(text), start, end, at = 0;
	char from[11], to[11];
	const char *fix = strstr(text, "正しくは");
	const char *own = p->type == PROC_OUTSOURCE ? own_period(text) : NULL;

	if (own != NULL && own != text) {
		/* "委託の期間は…から…まで", not a 再委託's said before it */
		period_in_prose(own, line, p);
		if (p->period_start.value != NULL)
			return;
	}
	if (fix != NULL && fix != text) {
		/* "…から……失礼いたしました。正しくは…から…まで" */
		period_in_prose(fix, line, p);
		if (p->period_start.value != NULL)
			return;
	}
	while (at < len && norm_find_date(text + at, len - at, &d, &start,
	    &end) == 0) {
		if (!str_has_prefix(text + at + end, "から") &&
		    opens_period(text, at + start)) {
			char iso[11];

			if (norm_format_iso(&d, iso) == 0) {
				field_set(&p->period_start, iso, line);
				field_from(&p->period_start,
				    "rule 開始は… in prose");
			}
			return;
		}
		if (str_has_prefix(text + at + end, "から")) {
			/* the sentence's own end, not the next one's date */
			const char *stop = strstr(text + at + end, "。");
			char *sentence = xstrndup(text + at + start, stop ?
			    (size_t)(stop - (text + at + start)) :
			    strlen(text + at + start));

			parse_period(sentence, from, to);
			free(sentence);
			if (to[0] == '\0')
				end_stated(text, to);	/* 結合の終期は、…まで */
			if (from[0])
				field_set(&p->period_start, from, line);
			if (to[0])
				field_set(&p->period_end, to, line);
			field_from(&p->period_start, "rule …から…まで in prose");
			field_from(&p->period_end, "rule …から…まで in prose");
			return;
		}
		at += end;
	}
}

/* "「要介護認定調査票等電子化業務」を…": a work named in quotes. */
static void
quoted_work(const char *text, int line, struct procedure *p)
{
	for (const char *q = strstr(text, "「"); q != NULL;
	    q = strstr(q + 3, "「")) {
		const char *e = strstr(q + 3, "」");
		char *name;

		if (e == NULL || e - q > 3 * 40 || (q - text >= 6 &&
		    memcmp(q - 6, "以下", 6) == 0))
			continue;	/* "（以下「本業務」という。）": a term */
		name = xstrndup(q + 3, (size_t)(e - q - 3));
		if (str_has_suffix(name, "業務") ||
		    str_has_suffix(name, "業務委託")) {
			field_set(&p->title, name, line);
			field_from(&p->title, "rule 「…業務」 in prose");
			free(name);
			return;
		}
		free(name);
	}
}

/* "目的外利用でございまして": a kind of procedure said right after an
 * ordinal (new string), or NULL. */
static char *
ordinal_kind(const char *q)
{
	static const char *const ends[] = { "で", "、", "。", NULL };
	const char *e = first_of(q, ends);
	char *word;

	if (e == q || e - q > 3 * 10)
		return NULL;
	word = xstrndup(q, (size_t)(e - q));
	if (type_from_words(word) == PROC_OTHER ||
	    type_from_words(word) == PROC_ASSESSMENT) {
		free(word);
		return NULL;
	}
	return word;
}

/*
 * "一つ目の「…本人外収集」です", "２点目は「…業務委託」": a procedure
 * named in quotes after an ordinal, in a sentence.  Returns the quoted
 * name (new string) or NULL.
 */
char *
ordinal_work(const char *key, int kinds)
{
	static const char *const ordinals[] = { "つ目", "点目", "件目",
	    NULL };

	for (int o = 0; ordinals[o]; o++)
		for (const char *p = strstr(key, ordinals[o]); p != NULL;
		    p = strstr(p + 1, ordinals[o])) {
			const char *q = p + strlen(ordinals[o]), *e;

			if (str_has_prefix(q, "の") || str_has_prefix(q, "は") ||
			    str_has_prefix(q, "が"))
				q += 3;
			if (!str_has_prefix(q, "「")) {
				char *kind = kinds ? ordinal_kind(q) : NULL;

				if (kind != NULL)
					return kind;	/* 二つ目は外部提供です */
				continue;
			}
			if ((e = memmem(q, strnlen(q, 3 * 61), "」",
			    strlen("」"))) == NULL)
				continue;
			q += strlen("「");
			return xstrndup(q, (size_t)(e - q));
		}
	return NULL;
}

/* "業務の名称は「市営住宅家賃等納付案内業務」": a work named in prose. */
static void
quoted_work_name(const char *text, int line, struct procedure *p)
{
	static const char *const leads[] = { "名称は「", "業務名は「",
	    "件名は「", "業務は「", "名称は、「", "業務名は、「", "件名は、「",
	    NULL };

	char *name;

	for (int l = 0; leads[l]; l++) {
		const char *q = strstr(text, leads[l]), *e;

		if (q == NULL)
			continue;
		q += strlen(leads[l]);
		if ((e = strstr(q, "」")) == NULL || e - q > 3 * 60)
			continue;
		name = xstrndup(q, (size_t)(e - q));
		field_set(&p->title, name, line);
		field_from(&p->title, "rule 名称は「…」 in prose");
		free(name);
		return;
	}
	if ((name = ordinal_work(text, 0)) != NULL) {
		field_set(&p->title, name, line);
		field_from(&p->title, "rule 一つ目の「…」 in prose");
		free(name);
		return;
	}
	quoted_work(text, line, p);
}

/* "…を株式会社〇〇に提供する", "株式会社〇〇が運用するサーバに接続":
 * the partner of a 結合 or 提供 stated in sentences. */
static void
partner_in_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	static const char *const verbs[] = { "に提供", "へ提供", "と結合",
	    "が運用", "が管理", "が運営", NULL };
	static const char *const roles[] = { "提供先", "結合先",
	    "結合の相手方", "提供の相手方", "接続先", NULL };
	static const char *const objects[] = { "を提供", NULL };
	struct strlist names = STRLIST_INIT;
	size_t line = 0;

	if (x->seg == NULL)
		return;
	line = (size_t)organisations_named_as(x, roles, from, to, &names);
	if (names.n == 0)
		organisations_before_verbs(x, verbs, from, to, &names, &line);
	if (names.n == 0)
		organisations_given_to(x, objects, from, to, &names, &line);
	if (names.n > 0) {
		field_set(&p->partner, names.v[0], (int)line);
		field_from(&p->partner, "rule …に提供 / …が運用 in prose");
	}
	strlist_free(&names);
}

/*
 * A question and its answer as one statement, in place: "…個人情報は何
 * か。答対象者の氏名、…です" reads "…個人情報は対象者の氏名、…です",
 * as a 問答 sheet states its facts.
 */
static void
answers_as_statements(char *text)
{
	static const char *const asks[] = { "は何か。答", "は何ですか。答",
	    "はいつからいつまでか。答", "はどこか。答", "は何か。回答",
	    "はいつからいつまでか。回答", "はどこか。回答", NULL };

	for (int a = 0; asks[a]; a++)
		for (char *p = strstr(text, asks[a]); p != NULL;
		    p = strstr(p + 3, asks[a])) {
			size_t n = strlen(asks[a]) - strlen("は");

			memmove(p + strlen("は"), p + strlen("は") + n,
			    strlen(p + strlen("は") + n) + 1);
		}
}

/*
 * A procedure stated in sentences only (minutes, a letter): "…を株式会社
 * 〇〇に委託しようとするもの", "閲覧できる情報は、A、B及びCに限られ",
 * "令和7年10月1日から…まで".
 */
void
procedure_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	char *text;

	if (from >= to || from >= x->n)
		return;
	text = joined_text(x, from, to);
	answers_as_statements(text);
	if (p->data_items.n == 0)
		items_listed_after(x, from, to, p);
	/* a work the sentences name beats the cover's subject */
	quoted_work_name(text, x->k[from]->line, p);
	if (p->data_items.n == 0) {
		items_in_prose(text, &p->data_items);
		if (p->data_items.n == 0)
			items_handed_in_prose(text, &p->data_items);
		if (p->data_items.n == 0)
			counted_items_in_prose(text, &p->data_items);
		set_line(&p->data_items_line, &p->data_items, x->k[from]->line);
		list_from(&p->data_items_from, &p->data_items,
		    "rule 個人情報は、… in prose");
	}
	if (p->period_start.value == NULL)
		period_in_prose(text, x->k[from]->line, p);
	if (p->partner.value == NULL &&
	    (p->type == PROC_LINK || p->type == PROC_PROVISION))
		partner_in_prose(x, from, to, p);
	free(text);
}

void
annex_facts_of(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		char *name = annex_named_in(x->k[i]->key), *text;
		size_t h, end;

		if (name == NULL)
			continue;
		h = annex_heading(x, name, to - 1);
		free(name);
		if (h >= x->n)
			continue;
		end = annex_end(x, h);
		if (p->data_items.n == 0)
			items_listed_after(x, h + 1, end, p);
		if (p->period_start.value == NULL) {
			text = joined_text(x, h + 1, end);
			period_in_prose(text, x->k[h]->line, p);
			free(text);
		}
		return;
	}
}

/* The sentences of text that speak of 再委託, joined.  New string. */
static char *
subcontract_sentences(const char *text)
{
	struct buf b = BUF_INIT;
	const char *s = text;

	while (*s) {
		const char *e = strstr(s, "。");
		size_t n = e ? (size_t)(e - s) + 3 : strlen(s);
		char *sentence = xstrndup(s, n);

		if (strstr(sentence, "再委託"))
			buf_puts(&b, sentence);
		free(sentence);
		s += n;
	}
	return buf_detach(&b);
}

/* 再委託 stated in prose: "…の一部を株式会社〇〇に再委託する". */
void
subcontract_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p)
{
	char *text;
	struct procedure tmp;
	char start[11], end[11], *said;
	const char *period;

	if (from >= to || from >= x->n)
		return;
	text = joined_text(x, from, to);
	said = subcontract_sentences(text);
	memset(&tmp, 0, sizeof(tmp));
	if (p->subcontractors.n == 0) {
		/* "…に再委託する", or in a 再委託's own section "…に委託" */
		if (subcontractors_in_prose(x, from, to, &p->subcontractors) ==
		    0)
			organisations_in_prose(x, &tmp, from, to);
		for (size_t i = 0; i < tmp.consignees.n; i++)
			strlist_push_unique(&p->subcontractors,
			    tmp.consignees.v[i]);
		strlist_free(&tmp.consignees);
		free(tmp.consignees_from);
		if (p->subcontractors.n > 0)
			p->subcontractors_line = x->k[from]->line;
	}
	/* the sentences that speak of the 再委託 first: the 委託's own may
	   share the section */
	if (p->data_items.n == 0)
		items_in_prose(said, &p->data_items);
	if (p->data_items.n == 0)
		items_handed_in_prose(said, &p->data_items);
	if (p->data_items.n == 0)
		items_in_prose(text, &p->data_items);
	if (p->period_start.value == NULL &&
	    ((period = strstr(said, "期間は")) != NULL ||
	    (period = strstr(text, "期間は")) != NULL)) {
		parse_period(period, start, end);
		if (start[0])
			field_set(&p->period_start, start, x->k[from]->line);
		if (end[0])
			field_set(&p->period_end, end, x->k[from]->line);
	}
	free(said);
	free(text);
}

/*
 * A 委託 stated in sentences that also hands part of the work on:
 * "…を委託先から株式会社〇〇へ再委託する", "再委託する業務は「…」",
 * "再委託先で取り扱う項目は、A、B", "再委託の期間は、…から…まで" —
 * a 再委託 after procedure pi of c, read from the sentences that speak
 * of it.
 */
void
subcontract_in_sentences(const struct ctx *x, size_t from, size_t to,
    struct pcase *c, size_t pi)
{
	struct strlist subs = STRLIST_INIT;
	int line = subcontractors_in_prose(x, from, to, &subs);
	struct procedure *q;
	char *text, *said;

	if (subs.n == 0) {
		strlist_free(&subs);
		return;
	}
	q = case_add_procedure(c, PROC_SUBCONTRACT);
	q->line = line;
	for (size_t i = 0; i < c->procs[pi].consignees.n; i++)
		strlist_push_unique(&q->consignees, c->procs[pi].consignees.v[i]);
	q->consignees_line = c->procs[pi].consignees_line;
	q->subcontractors = subs;
	q->subcontractors_line = line;
	list_from(&q->subcontractors_from, &q->subcontractors,
	    "rule …へ再委託 in prose");
	text = joined_text(x, from, to);
	said = subcontract_sentences(text);
	quoted_work_name(said, line, q);
	items_in_prose(said, &q->data_items);
	if (q->data_items.n == 0)
		counted_items_in_prose(said, &q->data_items);
	set_line(&q->data_items_line, &q->data_items, line);
	list_from(&q->data_items_from, &q->data_items,
	    "rule 再委託…項目は in prose");
	period_in_prose(said, line, q);
	free(said);
	free(text);
}
