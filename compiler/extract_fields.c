/*
 * extract_fields.c — helpers every layout family uses: new cases, dates,
 * titles, departments, label/value rows through labels.tsv, counts,
 * citations, and organisations named in running text (MeCab).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "extract_int.h"
#include "normalize.h"

/* ---- shared field helpers ---- */

struct pcase *
new_case(struct ctx *x, const char *kind, size_t first, size_t last)
{
	struct pcase *c = case_new();

	c->source = xstrdup(x->src->path);
	field_set(&c->municipality, x->municipality, x->municipality_line);
	field_from(&c->municipality, "rule the name most often with 長, "
	    "議会 or 個人情報");
	field_set(&c->kind, kind, x->k[first]->line);
	c->line_start = x->k[first]->line;
	c->line_end = x->k[last > first ? last - 1 : first]->line;
	for (size_t i = first; i < last && i < x->n; i++) {
		/* (a page unfolded column by column goes back up) */
		if (x->k[i]->line > 0 && x->k[i]->line < c->line_start)
			c->line_start = x->k[i]->line;
		if (x->k[i]->line > c->line_end)
			c->line_end = x->k[i]->line;
	}
	return c;
}

/* Set f to the first full date found in lines [from, to). */
int
date_in_lines(const struct ctx *x, size_t from, size_t to, struct field *f)
{
	char iso[11];

	for (size_t i = from; i < to && i < x->n; i++)
		if (norm_date_iso(x->k[i]->key, strlen(x->k[i]->key), iso) == 0) {
			field_set(f, iso, x->k[i]->line);
			return 1;
		}
	return 0;
}

/* A trailing （…） that notes a change or status, not a subject. */
static int
is_status_note(const char *inner)
{
	static const char *const words[] = { "変更", "追加", "新規", "廃止",
	    "削除", "更新", "修正", "継続", "予定", NULL };

	for (int i = 0; words[i]; i++)
		if (strstr(inner, words[i]) != NULL)
			return 1;
	return 0;
}

/* Last occurrence of needle in s, or NULL. */
static char *
last_of(char *s, const char *needle)
{
	char *found = NULL, *p = s;

	while ((p = strstr(p, needle)) != NULL)
		found = p++;
	return found;
}

/*
 * Title text with white space removed and a trailing parenthesis cut:
 * any parenthesis when drop_any, else only a status note.
 */
char *
clean_title(const char *raw, int drop_any_paren)
{
	char *t = strip_ws(raw), *open, *o2;
	size_t n, close;

	if (str_is_enclosed(t, "【", "】")) {
		n = strlen(t) - 2 * strlen("【");	/* "【…の委託】": a heading */
		memmove(t, t + strlen("【"), n);
		t[n] = '\0';
	}
	if (str_has_suffix(t, "】") && (open = last_of(t, "【")) != NULL &&
	    open > t)
		*open = '\0';	/* "…業務【税務課】": an aside, its office */
	n = strlen(t);
	if (str_has_suffix(t, ")"))
		close = 1;
	else if (str_has_suffix(t, "）"))
		close = strlen("）");
	else
		return t;
	open = last_of(t, "(");
	o2 = last_of(t, "（");
	if (o2 != NULL && (open == NULL || o2 > open))
		open = o2;
	if (open == NULL || open == t)
		return t;
	t[n - close] = '\0';
	if (drop_any_paren || is_status_note(open))
		*open = '\0';
	else
		memcpy(t + n - close, close == 1 ? ")" : "）", close);
	return t;
}

/* Procedure type from words in a title or heading. */
enum proc_type
type_from_words(const char *s)
{
	if (strstr(s, "再委託"))
		return PROC_SUBCONTRACT;
	if (strstr(s, "結合"))
		return PROC_LINK;
	if (strstr(s, "電子計算機への記録") || strstr(s, "電子計算機記録") ||
	    strstr(s, "機能追加") ||
	    strstr(s, "新規開発") || strstr(s, "記録項目"))
		return PROC_RECORD;
	if (strstr(s, "目的外"))
		return PROC_OTHER_USE;
	if (strstr(s, "外部提供") || strstr(s, "提供について"))
		return PROC_PROVISION;
	if (strstr(s, "本人外収集") || strstr(s, "本人以外") ||
	    (strstr(s, "からの") && str_has_suffix(s, "収集")))
		return PROC_INDIRECT;	/* 医療機関からの…結果の収集 */
	if (strstr(s, "委託"))
		return PROC_OUTSOURCE;
	if (strstr(s, "評価"))
		return PROC_ASSESSMENT;
	return PROC_OTHER;
}

/* "（担当部課：X）" or "担当部課 X" anywhere in [from, to). */
void
department_in_lines(const struct ctx *x, size_t from, size_t to,
    struct field *f)
{
	static const char *const labels[] = { "担当部課:", "担当部課：",
	    "担当課:", "担当課：", NULL };

	for (size_t i = from; i < to && i < x->n; i++)
		for (int l = 0; labels[l]; l++) {
			const char *p = strstr(x->k[i]->key, labels[l]);
			char *v;
			size_t n;

			if (p == NULL)
				continue;
			v = xstrdup(p + strlen(labels[l]));
			n = strlen(v);
			if (n > 0 && v[n - 1] == ')')
				v[n - 1] = '\0';
			field_set(f, v, x->k[i]->line);
			free(v);
			return;
		}
}

/* ---- label/value rows ---- */

/* Split line i into label and value at its first TAB; 0 when no TAB. */
int
row_at(const struct ctx *x, size_t i, char **label, char **value)
{
	const char *text = x->k[i]->text, *tab = strchr(text, '\t');

	if (tab == NULL)
		return 0;
	*label = xstrndup(text, (size_t)(tab - text));
	*value = tab_value(x, i);
	return 1;
}

/* "label 委託先": what a value read under a row label says of it. */
char *
label_origin(const char *label)
{
	struct buf b = BUF_INIT;
	char *key = strip_ws(label);

	buf_printf(&b, "label %s", key);
	free(key);
	return buf_detach(&b);
}

/* Set f from a label row, unless something set it before. */
static void
set_by_label(struct field *f, const char *value, int line, const char *from)
{
	if (f->value != NULL)
		return;
	field_set(f, value, line);
	field_from(f, from);
}

/* Does a period's label name its end (委託終了, 終期, 満了日)? */
static int
names_period_end(const char *label)
{
	return strstr(label, "終了") != NULL || strstr(label, "終期") != NULL ||
	    strstr(label, "満了") != NULL;
}

static void
fill_period(struct procedure *p, const char *value, int line,
    const char *from)
{
	char start[11], end[11];
	char *flat = strip_ws(value);	/* "…令" / "和8年4月1日から": wrapped */

	parse_period(flat, start, end);
	free(flat);
	if (start[0] && !end[0] && names_period_end(from)) {
		set_by_label(&p->period_end, start, line, from);
		return;	/* "委託終了 2026/03/31": one date, the end */
	}
	if (start[0])
		set_by_label(&p->period_start, start, line, from);
	if (end[0])
		set_by_label(&p->period_end, end, line, from);
}

static void
fill_partner(struct procedure *p, const char *value, int line,
    const char *from)
{
	struct strlist orgs = STRLIST_INIT;

	parse_organisations(value, NULL, &orgs);
	if (orgs.n > 0)
		set_by_label(&p->partner, orgs.v[0], line, from);
	strlist_free(&orgs);
}

/* Record the line a list was first read from. */
void
set_line(int *at, const struct strlist *l, int line)
{
	if (*at == 0 && l->n > 0)
		*at = line;
}

/* Fill p from one row; the case gets the counts. */
void
apply_row(struct pcase *c, struct procedure *p, const char *label,
    const char *value, int line)
{
	apply_field(c, p, label_field(label), label, value, line);
}

/* Does the text of s before p end with suffix? */
static int
str_has_suffix_at(const char *s, const char *p, const char *suffix)
{
	size_t n = strlen(suffix);

	return (size_t)(p - s) >= n && memcmp(p - n, suffix, n) == 0;
}

/*
 * Where a contractor's cell goes on with its subcontractor after a mark
 * ("（再委託先）", "再委託先："): the mark, its length in *len; NULL when
 * there is none (or the cell is parted by 【role】 marks, read as such).
 */
static const char *
subcontract_mark(const char *value, size_t *len)
{
	static const char *const marks[] = { "（再委託先）", "(再委託先)",
	    "［再委託先］", "再委託先：", "再委託先:", NULL };

	if (strstr(value, "【") != NULL)
		return NULL;
	for (int i = 0; marks[i]; i++) {
		const char *m = strstr(value, marks[i]);

		if (m != NULL && m > value) {
			*len = strlen(marks[i]);
			return m;
		}
	}
	return NULL;
}

static char	*phrase_before(const char *s, size_t n);
static int	 names_a_body(const char *s);

/* Is a cell a clause ("…を株式会社〇〇に委託する。") rather than a
 * list of names?  (labelled.h's is_sentence() asks whether a value is
 * running text at all.) */
static int
is_clause(const char *value)
{
	return strstr(value, "。") != NULL || str_has_suffix(value, "する") ||
	    str_has_suffix(value, "している");
}

/*
 * The bodies a sentence names before one of verbs ("…で選定した株式会社
 * 〇〇に委託する", "株式会社Aから株式会社Bへの再委託を認める"), appended
 * to out.  Returns how many it found.
 */
/* "社会福祉法人A及び株式会社Bの二者": the bodies a phrase that names a
 * body joins, each pushed to out (the phrase whole when it joins none). */
static void
push_joined_bodies(const char *phrase, struct strlist *out)
{
	static const char *const counts[] = { "の二者", "の両者", "の2者",
	    "の2社", "の二社", "の各社", NULL };
	char *all = xstrdup(phrase), *and;
	const char *p = all;

	for (int c = 0; counts[c]; c++)
		if (str_has_suffix(all, counts[c]))
			all[strlen(all) - strlen(counts[c])] = '\0';
	while ((and = strstr(p, "及び")) != NULL) {
		char *left = xstrndup(p, (size_t)(and - p));

		if (!is_organisation_like(left) || !names_a_body(left) ||
		    !names_a_body(and + strlen("及び"))) {
			free(left);
			break;	/* "AとBの共同企業体及び…": one body */
		}
		strlist_push_unique(out, left);
		free(left);
		p = and + strlen("及び");
	}
	strlist_push_unique(out, p);
	free(all);
}

static size_t
bodies_before_verbs(const char *value, const char *const *verbs,
    struct strlist *out)
{
	size_t had = out->n;

	for (int v = 0; verbs[v]; v++)
		for (const char *q = strstr(value, verbs[v]); q != NULL;
		    q = strstr(q + 1, verbs[v])) {
			char *name = phrase_before(value, (size_t)(q - value));
			char *clean = clean_organisation(name);

			if (is_organisation_like(clean) && names_a_body(clean))
				push_joined_bodies(clean, out);
			free(clean);
			free(name);
		}
	return out->n - had;
}

/* Contractors told in a sentence: those before "に委託" (role 委託先) or
 * "に再委託"; 0 when value is no such sentence. */
size_t
contractors_in_sentence(const char *value, int subcontract,
    struct strlist *out)
{
	static const char *const entrusts[] = { "に委託", "へ委託", NULL };
	static const char *const subcontracts[] = { "に再委託", "へ再委託",
	    "への再委託", NULL };

	if (!is_clause(value))
		return 0;
	return bodies_before_verbs(value, subcontract ? subcontracts :
	    entrusts, out);
}

int
told_in_sentences(const char *value, enum field_id field)
{
	struct strlist found = STRLIST_INIT;
	char *flat;
	const char *now;
	size_t n;

	if (strstr(value, "。") == NULL ||
	    (field != FIELD_ITEMS && field != FIELD_CONSIGNEES))
		return 0;
	flat = strip_ws(value);
	now = value_after_change(flat);
	if (field == FIELD_ITEMS)
		items_in_prose(now, &found);
	else
		contractors_in_sentence(now, 0, &found);
	free(flat);
	n = found.n;
	strlist_free(&found);
	return n > 0;
}

void
read_contractors(struct procedure *p, const char *value, const char *role,
    int line, const char *from)
{
	const char *mark;
	size_t marked;

	if (contractors_in_sentence(value, 0, &p->consignees) > 0) {
		contractors_in_sentence(value, 1, &p->subcontractors);
		set_line(&p->subcontractors_line, &p->subcontractors, line);
		list_from(&p->subcontractors_from, &p->subcontractors, from);
	} else if ((mark = subcontract_mark(value, &marked)) != NULL) {
		/* "株式会社A（再委託先）有限会社B", "A（再委託先：B）": A's,
		   then B's */
		size_t open = str_has_suffix_at(value, mark, "（") ? 3 :
		    str_has_suffix_at(value, mark, "(") ? 1 : 0;
		char *own = xstrndup(value, (size_t)(mark - open - value));
		char *theirs = xstrdup(mark + marked);
		size_t n = strlen(theirs);

		if (open == 3 && n >= 3 && strcmp(theirs + n - 3, "）") == 0)
			theirs[n - 3] = '\0';
		else if (open == 1 && n >= 1 && theirs[n - 1] == ')')
			theirs[n - 1] = '\0';
		parse_organisations(own, role, &p->consignees);
		parse_organisations(theirs, NULL, &p->subcontractors);
		set_line(&p->subcontractors_line, &p->subcontractors, line);
		list_from(&p->subcontractors_from, &p->subcontractors, from);
		free(own);
		free(theirs);
	} else
		parse_organisations(value, role, &p->consignees);
	set_line(&p->consignees_line, &p->consignees, line);
	list_from(&p->consignees_from, &p->consignees, from);
}

void
apply_field(struct pcase *c, struct procedure *p, enum field_id field,
    const char *label, const char *value, int line)
{
	char *from = label_origin(label);
	size_t had;

	if (field >= FIELD_PARTNER && field <= FIELD_ITEMS)
		value = value_after_change(value);	/* "現行…、改正後は…" */
	switch (field) {
	case FIELD_PARTNER:
		fill_partner(p, value, line, from);
		break;
	case FIELD_CONSIGNEES:
		read_contractors(p, value, "委託先", line, from);
		break;
	case FIELD_SUBCONTRACTORS:
		if (contractors_in_sentence(value, 1, &p->subcontractors) > 0)
			;	/* "…から株式会社〇〇への再委託を認める" */
		else if (strstr(value, "【") != NULL)
			parse_organisations(value, "委託先", &p->consignees);
		parse_organisations(value, "再委託先", &p->subcontractors);
		set_line(&p->consignees_line, &p->consignees, line);
		set_line(&p->subcontractors_line, &p->subcontractors, line);
		list_from(&p->consignees_from, &p->consignees, from);
		list_from(&p->subcontractors_from, &p->subcontractors, from);
		break;
	case FIELD_PERIOD:
		fill_period(p, value, line, from);
		break;
	case FIELD_ITEMS:
		had = p->data_items.n;
		if (strstr(value, "。") != NULL)	/* "…項目は、A及びBとなる。" */
			items_in_prose(value, &p->data_items);
		if (p->data_items.n == had)
			parse_items(value, &p->data_items);
		set_line(&p->data_items_line, &p->data_items, line);
		list_from(&p->data_items_from, &p->data_items, from);
		break;
	case FIELD_SUBJECTS:
		if (c->subjects_count < 0 &&
		    (c->subjects_count = norm_parse_count(value,
		    strlen(value))) >= 0) {
			c->subjects_line = line;
			c->subjects_from = xstrdup(from);
		}
		break;
	default:
		break;
	}
	free(from);
}

/* Apply every label/value row of lines [from, to) to p. */
void
apply_rows(const struct ctx *x, struct pcase *c, struct procedure *p,
    size_t from, size_t to)
{
	char *label, *value;

	for (size_t i = from; i < to && i < x->n; i++) {
		if (!row_at(x, i, &label, &value))
			continue;
		apply_row(c, p, label, value, x->k[i]->line);
		free(label);
		free(value);
	}
}

/* "対象者数<TAB>約28,000人" rows of a cover. */
void
cover_subjects(const struct ctx *x, struct pcase *c, size_t from, size_t to)
{
	char *label, *value;

	for (size_t i = from; i < to && c->subjects_count < 0; i++) {
		if (!row_at(x, i, &label, &value))
			continue;
		if (label_field(label) == FIELD_SUBJECTS &&
		    (c->subjects_count = norm_parse_count(value,
		    strlen(value))) >= 0)
			c->subjects_line = x->k[i]->line;
		free(label);
		free(value);
	}
}

/*
 * A count of people in a line: "約18万人", "（約１８万人）" or a line that
 * is only a count ("約12,000人").  -1 when there is none.
 */
long long
people_count(const char *key)
{
	const char *p = strstr(key, "約"), *q;

	if (p == NULL) {
		p = key;
		while (*p == '(')
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
	} else
		p += strlen("約");
	for (q = p; isdigit((unsigned char)*q) || *q == ',' || *q == '.' ||
	    str_has_prefix(q, "万") || str_has_prefix(q, "千") ||
	    str_has_prefix(q, "百") || norm_kanji_digits_len(q, 1) > 0; )
		/* (約六千四百人) */
		q += (unsigned char)*q < 0x80 ? 1 : 3;
	if (q == p || !(str_has_prefix(q, "人") || str_has_prefix(q, "名")))
		return -1;
	/* Without 約 (or a bracket before it) the count must be the whole
	   line, so that "職員2人で対応" is not taken for the subjects. */
	if (strstr(key, "約") == NULL && (p == key || p[-1] != '(') &&
	    strlen(q) > strlen("人)"))
		return -1;
	return norm_parse_count(p, (size_t)(q - p) + 3);
}

/* The first count of people in the sections of a consultation. */
void
consultation_subjects(const struct ctx *x, struct pcase *c, size_t from,
    size_t to)
{
	for (size_t i = from; i < to && c->subjects_count < 0; i++)
		if ((c->subjects_count = people_count(x->k[i]->key)) >= 0)
			c->subjects_line = x->k[i]->line;
}

/* 対象者数 written as a paragraph: the count on the same or next line. */
void
subjects_in_lines(const struct ctx *x, size_t from, size_t to,
    struct pcase *c)
{
	for (size_t i = from; i < to && c->subjects_count < 0; i++) {
		const char *text = x->k[i]->text;
		const char *p = strstr(text, "対象者数");
		const char *nl;

		if (p == NULL)
			continue;
		p += strlen("対象者数");
		nl = strchr(p, '\n');
		if (nl != NULL && (*p == '\n' || *p == '\0' || *p == ' '))
			p = nl + 1;
		c->subjects_count = norm_parse_count(p, strcspn(p, "\n"));
		if (c->subjects_count >= 0)
			c->subjects_line = x->k[i]->line;
	}
}

/* Citations in lines [from, to) whose key contains marker. */
void
cite_lines(const struct ctx *x, size_t from, size_t to, const char *marker,
    const char *default_law, const char *only_law, struct pcase *c)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (marker == NULL || strstr(x->k[i]->key, marker) != NULL) {
			cite_scan(x->k[i]->text, default_law, only_law,
			    &c->legal_basis);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    x->k[i]->line);
		}
}

/* The lines under a "要綱の根拠" / "条例の根拠" heading of a cover. */
void
cover_basis(const struct ctx *x, size_t from, size_t to, struct pcase *c)
{
	for (size_t i = from; i < to; i++) {
		const char *k = x->k[i]->key, *end = strstr(k, "の根拠");
		char *law;

		if (end == NULL || strlen(k) > 40)
			continue;
		law = xstrndup(k, (size_t)(end - k));
		for (size_t j = i + 1; j < to; j++) {
			if (strstr(x->k[j]->key, "担当") != NULL ||
			    strstr(x->k[j]->key, "事業の概要") != NULL)
				break;
			cite_scan(x->k[j]->text, law, NULL, &c->legal_basis);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    x->k[j]->line);
		}
		free(law);
		return;
	}
}

/*
 * Does a line read like an organisation name (or 未定)?  Used to tell
 * where a list of names under a heading ends and prose begins.
 */
int
is_organisation_like(const char *s)
{
	static const char *const marks[] = { "未定", "株式会社", "有限会社",
	    "合同会社", "法人", "会社", "協会", "協議会", "連合会", "組合",
	    "機構", "センター", "事業所", "事業者", "医師会", "大学", "病院",
	    "研究所", "(株)", "(有)", "財団", "社団", "公社", "ホールディングス",
	    NULL };

	if (strlen(s) > 3 * 60 || str_has_suffix(s, "。"))
		return 0;
	for (int i = 0; marks[i]; i++)
		if (strstr(s, marks[i]) != NULL)
			return 1;
	return 0;
}

/* ---- names in running text (MeCab) ---- */

/* The run of nouns that ends exactly at the end of the text. */
struct noun_run {
	const char	*text;
	size_t		 start, end;	/* the current run */
	int		 open;		/* is a run going on */
};

static int
collect_noun(void *arg, const struct word *w)
{
	struct noun_run *r = arg;
	int noun = strcmp(w->pos, "名詞") == 0 ||
	    strcmp(w->pos, "接頭詞") == 0;

	if (noun) {
		if (!r->open)
			r->start = w->start;
		r->end = w->start + w->len;
	}
	r->open = noun;
	return 0;
}

/* The end of the last of marks in s[0, n), or start when none is
 * later. */
static size_t
last_mark_end(const char *s, size_t n, const char *const *marks,
    size_t start)
{
	for (int m = 0; marks[m]; m++) {
		size_t ml = strlen(marks[m]);

		for (size_t i = 0; i + ml <= n; i++)
			if (memcmp(s + i, marks[m], ml) == 0 && i + ml > start)
				start = i + ml;
	}
	return start;
}

/* The text after the last を, 、, 。, から, は, が or opening bracket in s[0, n);
 * from an entity word (株式会社 …) on when one follows the last を, 、, 。
 * or bracket. */
static char *
phrase_before(const char *s, size_t n)
{
	static const char *const strong[] = { "を", "、", "。", "「", "（",
	    " ", "から", NULL };
	static const char *const weak[] = { "は", "が", NULL };
	static const char *const entities[] = { "株式会社", "有限会社",
	    "合同会社", "合資会社", "一般社団法人", "一般財団法人",
	    "公益社団法人", "公益財団法人", "社会福祉法人",
	    "特定非営利活動法人", "医療法人", "学校法人", NULL };
	size_t start = last_mark_end(s, n, strong, 0);
	const char *first = NULL;

	/* "…は、株式会社かがウェブ": a name that opens with its entity
	   word runs from there, particles in it (か"が") or not */
	for (int e = 0; entities[e]; e++) {
		const char *hit = memmem(s + start, n - start, entities[e],
		    strlen(entities[e]));

		if (hit != NULL && (first == NULL || hit < first))
			first = hit;
	}
	if (first != NULL)
		return xstrndup(first, n - (size_t)(first - s));
	start = last_mark_end(s, n, weak, start);
	return xstrndup(s + start, n - start);
}

/* Does a name carry a legal entity's word (株式会社, 法人 …)? */
static int
names_entity(const char *s)
{
	static const char *const words[] = { "株式会社", "有限会社", "合同会社",
	    "法人", "(株)", "（株）", "組合", NULL };

	for (int i = 0; words[i]; i++)
		if (strstr(s, words[i]) != NULL)
			return 1;
	return 0;
}

char *
node_keys(const struct ctx *x, size_t i, size_t n)
{
	struct buf b = BUF_INIT;

	for (size_t j = i; j < i + n && j < x->n; j++)
		buf_puts(&b, x->k[j]->key);
	return b.data ? buf_detach(&b) : xstrdup("");
}

/*
 * The organisation a contract names by a short term: "株式会社上州ビジネス
 * サポート（以下「乙」という。）" for 乙 (a line's key with the next one,
 * the definition may wrap).  New string, or NULL.
 */
static char *
defined_name(const struct ctx *x, const char *term)
{
	char *want, *found = NULL;

	if (strlen(term) > 3 * 4 || *term == '\0')
		return NULL;
	want = xmalloc(strlen(term) + 32);
	sprintf(want, "(以下「%s」という", term);
	for (size_t i = 0; i < x->n && found == NULL; i++) {
		char *both;
		const char *at;

		if (strstr(x->k[i]->key, "(以下「") == NULL)
			continue;	/* (the cheap test, on every line) */
		both = node_keys(x, i, 2);
		if ((at = strstr(both, want)) != NULL) {
			char *name = phrase_before(both, (size_t)(at - both));

			if (is_organisation_like(name) && names_entity(name))
				found = name;
			else
				free(name);
		}
		free(both);
	}
	free(want);
	return found;
}

/*
 * "…を株式会社〇〇に委託する": the noun phrase right before に委託 when
 * it reads like an organisation.  Appends to out.
 */
/* "民間事業者", "別の事業者": a kind of party, not one named. */
static int
is_generic_party(const char *name)
{
	static const char *const kinds[] = { "事業者", "業者", "民間事業者",
	    "外部事業者", "専門事業者", "委託先", "受託者", "第三者", "外部",
	    "民間", NULL };
	char *k = strip_ws(name);
	int yes = 0;

	for (int i = 0; kinds[i] && !yes; i++)
		yes = strcmp(k, kinds[i]) == 0;
	free(k);
	return yes;
}

static void
organisation_before(const struct ctx *x, const char *text, size_t at,
    struct strlist *out)
{
	size_t from, end = at;
	struct noun_run r = { text, 0, 0, 0 };
	char *name = NULL;

	/* "株式会社Ａ（静岡市葵区）に委託": the name before its note */
	if (end >= 3 && (memcmp(text + end - 3, "）", 3) == 0 ||
	    text[end - 1] == ')')) {
		size_t open = end;

		while (open > 0 && memcmp(text + open - (open >= 3 ? 3 : open),
		    "（", 3) != 0 && text[open - 1] != '(' && end - open < 3 * 30)
			open--;
		if (open > 3 && end - open < 3 * 30)
			end = open - (text[open - 1] == '(' ? 1 : 3);
	}
	at = end;
	from = at > 3 * 40 ? at - 3 * 40 : 0;

	while (from > 0 && (text[from] & 0xc0) == 0x80)
		from++;		/* start on a character boundary */
	/* The nouns MeCab finds right before に委託, if they name a body; */
	if (segmenter_words(x->seg, text + from, at - from, collect_noun,
	    &r) == 0 && r.open && r.end == at - from)
		name = xstrndup(text + from + r.start, r.end - r.start);
	if (name == NULL || !is_organisation_like(name) ||
	    !names_entity(name)) {
		/* else the phrase since the last を, 、, 。 … (names that
		   MeCab cuts, such as 株式会社としま総合サービス, or
		   株式会社するがコンタクトセンター of which MeCab's nouns
		   are the last word only). */
		char *phrase = phrase_before(text + from, at - from);

		if (name == NULL || !is_organisation_like(name) ||
		    (names_entity(phrase) && is_organisation_like(phrase) &&
		    str_has_suffix(phrase, name))) {
			free(name);
			name = phrase;
		} else
			free(phrase);
	}
	if (name != NULL && !is_organisation_like(name)) {
		char *defined = defined_name(x, name);	/* 乙 → 株式会社… */

		if (defined != NULL) {
			free(name);
			name = defined;
		}
	}
	if (name != NULL && is_organisation_like(name) &&
	    strcmp(name, "未定") != 0 && !is_generic_party(name)) {
		char *clean = clean_organisation(name);

		push_joined_bodies(clean, out);
		free(clean);
	}
	free(name);
}

/* "委託先は、入札の結果、株式会社〇〇に決定": does the sentence before
 * at speak of the contractor? */
static int
names_contractor_before(const char *text, const char *at)
{
	const char *sentence = at;

	/* back to the sentence's start, at most 120 characters */
	while (sentence > text && at - sentence < 3 * 120 &&
	    !(sentence - text >= 3 && memcmp(sentence - 3, "。", 3) == 0))
		sentence--;
	for (const char *p = strstr(sentence, "委託先"); p != NULL && p < at;
	    p = strstr(p + 1, "委託先"))
		if (!str_has_prefix(p, "委託先に") &&
		    !str_has_prefix(p, "委託先の"))
			return 1;
	return 0;
}

static char	*paragraph_at(const struct ctx *x, size_t i, size_t to);

/* Does the sentence go on from at to "…を委託し"? */
static int
entrusts_after(const char *text, const char *at)
{
	const char *end = strstr(at, "。"), *w = strstr(at, "を委託");

	while (end != NULL && (str_has_prefix(end + 3, "）") ||
	    str_has_prefix(end + 3, ")")))
		end = strstr(end + 3, "。");	/* "（以下「本業務」という。）" */
	(void)text;
	return w != NULL && (end == NULL || w < end) && w - at < 3 * 80;
}

/* Does line i carry on the sentence of the line above it (a text line
 * after one that does not end in 。)? */
static int
continues_sentence(const struct ctx *x, size_t i, size_t from)
{
	return i > from && x->k[i]->kind == NODE_TEXT &&
	    x->k[i - 1]->kind == NODE_TEXT &&
	    !str_has_suffix(x->k[i - 1]->key, "。");
}

/* Where the name before verb at p ends: right before it. */
static const char *
right_before(const char *text, const char *p)
{
	(void)text;
	return p;
}

/* Where "Xに" ends before p, in the same clause as p ("…協議会に名簿の
 * 情報を提供": the に after 協議会), or NULL. */
static const char *
recipient_before(const char *text, const char *p)
{
	for (const char *q = p; q > text && p - q < 3 * 30; ) {
		q--;
		while (q > text && (*q & 0xc0) == 0x80)
			q--;
		if (str_has_prefix(q, "、") || str_has_prefix(q, "。"))
			return NULL;
		if (str_has_prefix(q, "に"))
			return q;
	}
	return NULL;
}

/* The organisations named where name_end says, before each of verbs in
 * the sentences of [from, to), appended to out; *line set to the first
 * one's when 0. */
static void
organisations_by(const struct ctx *x, const char *const *verbs,
    size_t from, size_t to, struct strlist *out, size_t *line,
    const char *(*name_end)(const char *text, const char *verb))
{
	for (size_t i = from; i < to && i < x->n; i++) {
		char *text;
		size_t had = out->n;

		if (continues_sentence(x, i, from))
			continue;	/* read with the line it goes on from */
		text = paragraph_at(x, i, to);
		for (int v = 0; verbs[v]; v++)
			for (const char *q = strstr(text, verbs[v]); q != NULL;
			    q = strstr(q + 1, verbs[v])) {
				const char *end = name_end(text, q);

				if (end != NULL)
					organisation_before(x, text,
					    (size_t)(end - text), out);
			}
		free(text);
		if (out->n > had && *line == 0)
			*line = (size_t)x->k[i]->line;
	}
}

void
organisations_before_verbs(const struct ctx *x, const char *const *verbs,
    size_t from, size_t to, struct strlist *out, size_t *line)
{
	organisations_by(x, verbs, from, to, out, line, right_before);
}

void
organisations_given_to(const struct ctx *x, const char *const *verbs,
    size_t from, size_t to, struct strlist *out, size_t *line)
{
	organisations_by(x, verbs, from, to, out, line, recipient_before);
}

/*
 * Phrases that name the contractor before them only where the sentence
 * says so: "甲は、乙に対し、…業務を委託し" (the one addressed), "委託先は、
 * 入札の結果、株式会社〇〇に決定".
 */
static const struct {
	const char	*verb;
	int		(*holds)(const char *text, const char *at);
} guarded[] = {
	{ "に対し", entrusts_after },
	{ "に決定", names_contractor_before },
};

/* A body's name: a legal form or a body's word in it, and no clause
 * ("…による見積合わせの結果"). */
static int
names_a_body(const char *s)
{
	static const char *const forms[] = { "会社", "法人", "協議会", "組合",
	    "協会", "連合会", "センター", "事業団", "公社", "機構", "(株)",
	    "（株）", "役所", "事務所", NULL };
	static const char *const clauses[] = { "による", "により", "結果",
	    "を有する", "において", "から", NULL };
	int body = 0;

	for (int f = 0; forms[f] && !body; f++)
		body = strstr(s, forms[f]) != NULL;
	for (int c = 0; clauses[c] && body; c++)
		body = strstr(s, clauses[c]) == NULL;
	return body;
}

/* "…により選定した株式会社〇〇": the name after a clause that leads to
 * it, from its legal form on; s itself when no clause leads. */
static const char *
after_clause(const char *s)
{
	static const char *const forms[] = { "株式会社", "有限会社", "合同会社",
	    "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
	    "社会福祉法人", "特定非営利活動法人", "医療法人", "学校法人", NULL };
	const char *at = NULL;

	if (names_a_body(s))
		return s;
	for (int f = 0; forms[f]; f++) {
		const char *hit = strstr(s, forms[f]);

		if (hit != NULL && (at == NULL || hit < at))
			at = hit;
	}
	return at != NULL ? at : s;
}

/* "コールセンターの専業事業者": a trade described, not a body named (no
 * 株式会社, 法人 … in it)? */
static int
describes_a_trade(const char *name)
{
	static const char *const forms[] = { "会社", "法人", "組合", "(株)",
	    "（株）", NULL };

	if (!str_has_suffix(name, "事業者") && !str_has_suffix(name, "業者"))
		return 0;
	for (int f = 0; forms[f]; f++)
		if (strstr(name, forms[f]) != NULL)
			return 0;
	return 1;
}

/* The organisation a sentence names as role at p (after "委託先は、"):
 * up to the copula or the clause's end; NULL when it names none. */
static char *
named_as(const char *p)
{
	static const char *const ends[] = { "です", "である", "であり", "で、",
	    "とし", "。", "、", "に決定", "に決ま", "となり", "を選定", NULL };
	const char *end = NULL;
	char *raw, *name;

	for (int e = 0; ends[e]; e++) {
		const char *hit = strstr(p, ends[e]);

		if (hit != NULL && (end == NULL || hit < end))
			end = hit;
	}
	if (end == NULL || end == p || end - p > 3 * 50)
		return NULL;
	raw = xstrndup(p, (size_t)(end - p));
	if (strstr(raw, "を") != NULL) {
		free(raw);	/* "受託者は、…作業を…に再委託し": a clause */
		return NULL;
	}
	name = clean_organisation(after_clause(raw));
	free(raw);
	if (!is_organisation_like(name) || !names_a_body(name) ||
	    describes_a_trade(name)) {
		free(name);
		return NULL;
	}
	return name;
}

int
organisations_named_as(const struct ctx *x, const char *const roles[],
    size_t from, size_t to, struct strlist *out)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		char *text;
		int line = 0;

		if (continues_sentence(x, i, from))
			continue;
		text = paragraph_at(x, i, to);
		for (int r = 0; roles[r] && line == 0; r++)
			for (const char *q = strstr(text, roles[r]); q != NULL &&
			    line == 0; q = strstr(q + 1, roles[r])) {
				const char *v = q + strlen(roles[r]);
				char *name;

				if (!str_has_prefix(v, "は") || (q >= text + 3 &&
				    strncmp(q - 3, "再", 3) == 0 &&
				    !str_has_prefix(roles[r], "再")))
					continue;	/* 再委託先は: not the role */
				v += strlen("は");
				if (str_has_prefix(v, "、"))
					v += strlen("、");
				if ((name = named_as(v)) != NULL) {
					strlist_push_unique(out, name);
					free(name);
					line = x->k[i]->line;
				}
			}
		free(text);
		if (line > 0)
			return line;
	}
	return 0;
}

void
organisations_in_prose(const struct ctx *x, struct procedure *p,
    size_t from, size_t to)
{
	static const char *const verbs[] = { "に委託", "へ委託",
	    "を委託先と", "を委託先に", "を受託者と", "を受託者に",
	    "を受託事業者と", "を受託事業者に", NULL };
	static const char *const roles[] = { "委託先", "受託者", "受託事業者",
	    NULL };
	size_t line = 0;

	if (x->seg == NULL || p->consignees.n > 0)
		return;
	/* "委託先は株式会社〇〇です": the contractor the text names as such */
	if ((line = (size_t)organisations_named_as(x, roles, from, to,
	    &p->consignees)) > 0) {
		p->consignees_line = (int)line;
		list_from(&p->consignees_from, &p->consignees,
		    "rule 委託先は… in prose");
		return;
	}
	organisations_before_verbs(x, verbs, from, to, &p->consignees, &line);
	for (size_t i = from; i < to && i < x->n && p->consignees.n == 0;
	    i++) {
		char *text;

		if (continues_sentence(x, i, from))
			continue;	/* read with the line it goes on from */
		text = paragraph_at(x, i, to);
		for (size_t g = 0; g < sizeof(guarded) / sizeof(guarded[0]);
		    g++)
			for (const char *q = strstr(text, guarded[g].verb);
			    q != NULL && p->consignees.n == 0;
			    q = strstr(q + 1, guarded[g].verb))
				if (guarded[g].holds(text, q))
					organisation_before(x, text,
					    (size_t)(q - text), &p->consignees);
		free(text);
		if (p->consignees.n > 0 && line == 0)
			line = (size_t)x->k[i]->line;
	}
	if (p->consignees.n > 0)
		p->consignees_line = (int)line;
	list_from(&p->consignees_from, &p->consignees,
	    "rule …に委託 in prose");
}

/* "委託先から株式会社〇〇へ再委託する", "再委託先は〇〇です": the
 * subcontractors sentences of [from, to) name.  Returns the line of the first, or 0. */
int
subcontractors_in_prose(const struct ctx *x, size_t from, size_t to,
    struct strlist *out)
{
	static const char *const verbs[] = { "に再委託", "へ再委託",
	    "への再委託", NULL };
	static const char *const roles[] = { "再委託先", NULL };
	size_t line = 0;

	/* "再委託先は有限会社〇〇です" */
	if ((line = (size_t)organisations_named_as(x, roles, from, to, out)) >
	    0)
		return (int)line;
	if (x->seg != NULL)
		organisations_before_verbs(x, verbs, from, to, out, &line);
	return (int)line;
}

/*
 * Line i's text and, where a sentence runs on over the lines below
 * (a line that does not end in 。 followed by text), those lines too,
 * without their indentation: "…を株式会社とうかつドキュメント" /
 * "サービスに委託" reads as one.  New string.
 */
static char *
paragraph_at(const struct ctx *x, size_t i, size_t to)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, x->k[i]->text);
	for (size_t j = i + 1; j < to && j < x->n && j < i + 4; j++) {
		const char *t = x->k[j]->text;

		if (x->k[i]->kind != NODE_TEXT || x->k[j]->kind != NODE_TEXT ||
		    str_has_suffix(x->k[j - 1]->key, "。"))
			break;
		t = str_skip_spaces(t);
		buf_puts(&b, t);
	}
	return buf_detach(&b);
}
