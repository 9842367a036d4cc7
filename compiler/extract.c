/*
 * extract.c — layout detection, case/procedure segmentation and the
 * first fields (see extract.h).  Lines are compared in a "key" form:
 * NFKC with all white space removed, so 件 名, 件名 and ｹﾝﾒｲ-style
 * width variants look alike; values are taken from the display text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "extract.h"
#include "fields.h"
#include "normalize.h"
#include "tree.h"

/*
 * What the extractors share: the document tree, its nodes in line order
 * (x->k[i]: key in comparison form, display text, source line), and what
 * is known of the file.
 */
struct ctx {
	const struct source	*src;
	struct tree		 tree;
	struct node		**k;		/* = tree.nodes */
	size_t			 n;
	struct diag		*dg;
	char			*municipality;
	int			 municipality_line;
	struct segmenter	*seg;		/* MeCab, or NULL */
	size_t			 case_from;	/* lines of the case being read */
	size_t			 case_to;
};

static int
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
has_suffix(const char *s, const char *p)
{
	size_t n = strlen(s), m = strlen(p);

	return n >= m && strcmp(s + n - m, p) == 0;
}

static int
is_blank(const struct node *k)
{
	return k->key[0] == '\0';
}

/* Index of the next non-blank line at or after i, or n. */
static size_t
next_nonblank(const struct ctx *x, size_t i)
{
	while (i < x->n && is_blank(x->k[i]))
		i++;
	return i;
}

/* Digits of a number at s (ASCII after NFKC); NULL when none. */
static char *
digits_at(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n ? xstrndup(s, n) : NULL;
}

/* The text after the first TAB of line i, trimmed; NULL when none. */
static char *
tab_value(const struct ctx *x, size_t i)
{
	const char *t = strchr(x->k[i]->text, '\t');
	char *v;
	size_t n;

	if (t == NULL)
		return NULL;
	t++;
	while (*t == ' ' || *t == '\t')
		t++;
	v = xstrdup(t);
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\n'))
		v[--n] = '\0';
	return v;
}

static char *
strip_ws(const char *s)
{
	return norm_strip_space(s, strlen(s));
}

/* ---- layout ---- */

static int
any_key_has(const struct ctx *x, size_t limit, const char *needle)
{
	for (size_t i = 0; i < x->n && i < limit; i++)
		if (strstr(x->k[i]->key, needle) != NULL)
			return 1;
	return 0;
}

static int
is_consultation_header(const char *key, char **number)
{
	char *num;

	if (!has_prefix(key, "諮問第"))
		return 0;
	num = digits_at(key + strlen("諮問第"));
	if (num == NULL || strcmp(key + strlen("諮問第") + strlen(num), "号")
	    != 0) {
		free(num);
		return 0;
	}
	if (number != NULL)
		*number = num;
	else
		free(num);
	return 1;
}

/* 件名 followed by a value on the same line: the start of a cover/sheet. */
static int
is_subject_line(const struct node *k)
{
	return has_prefix(k->key, "件名") && strlen(k->key) > strlen("件名");
}

static enum layout
detect(const struct ctx *x)
{
	if (any_key_has(x, 40, "特定個人情報保護評価書") ||
	    any_key_has(x, 40, "評価書番号"))
		return LAYOUT_ASSESSMENT;
	for (size_t i = 0; i < x->n; i++)
		if (is_consultation_header(x->k[i]->key, NULL))
			return LAYOUT_CONSULTATION;
	for (size_t i = 0; i < x->n; i++)
		if (is_subject_line(x->k[i]))
			return LAYOUT_SHEET;
	return LAYOUT_GENERIC;
}

const char *
layout_name(enum layout l)
{
	static const char *const names[] = { "generic", "sheet",
	    "consultation", "assessment" };

	return names[l];
}

/* ---- municipality ---- */

static int
is_kanji_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned cp;

	if ((u[0] & 0xf0) != 0xe0 || (u[1] & 0xc0) != 0x80 ||
	    (u[2] & 0xc0) != 0x80)
		return 0;
	cp = ((u[0] & 0x0fu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
	return (cp >= 0x4e00 && cp <= 0x9fff) || cp == 0x30f6 || cp == 0x30b1;
}

/*
 * Names such as 世田谷区 followed by a word that only a municipality
 * takes (区長, 個人情報保護条例, 情報公開・…審議会, 情報セキュリティ).
 */
static const char *const municipality_followers[] = {
	"長", "個人情報", "情報公開", "情報セキュリティ", "は", "議会", NULL
};

static void
count_municipalities(const char *key, struct strlist *names)
{
	static const char *const suffixes[] = { "区", "市", "町", "村", NULL };

	for (const char *p = key; *p; p++) {
		for (int s = 0; suffixes[s]; s++) {
			const char *after = p + strlen(suffixes[s]);
			const char *start = p;
			int nk = 0;

			if (!has_prefix(p, suffixes[s]))
				continue;
			for (int f = 0; municipality_followers[f]; f++) {
				if (!has_prefix(after, municipality_followers[f]))
					continue;
				while (nk < 4 && start - 3 >= key &&
				    is_kanji_at(start - 3))
					start -= 3, nk++;
				if (nk >= 1 && nk <= 3)
					strlist_pushn(names, start,
					    (size_t)(after - start));
				break;
			}
		}
	}
}

static void
find_municipality(struct ctx *x)
{
	struct strlist names = STRLIST_INIT;
	size_t best = 0, bestn = 0;

	for (size_t i = 0; i < x->n; i++)
		count_municipalities(x->k[i]->key, &names);
	for (size_t i = 0; i < names.n; i++) {
		size_t c = 0;

		for (size_t j = 0; j < names.n; j++)
			c += strcmp(names.v[i], names.v[j]) == 0;
		if (c > bestn)
			bestn = c, best = i;
	}
	if (bestn > 0) {
		x->municipality = xstrdup(names.v[best]);
		for (size_t i = 0; i < x->n; i++)
			if (strstr(x->k[i]->key, x->municipality)) {
				x->municipality_line = x->k[i]->line;
				break;
			}
	}
	strlist_free(&names);
}

/* ---- shared field helpers ---- */

static struct pcase *
new_case(struct ctx *x, const char *kind, size_t first, size_t last)
{
	struct pcase *c = case_new();

	c->source = xstrdup(x->src->path);
	field_set(&c->municipality, x->municipality, x->municipality_line);
	field_set(&c->kind, kind, x->k[first]->line);
	c->line_start = x->k[first]->line;
	c->line_end = x->k[last > first ? last - 1 : first]->line;
	return c;
}

/* Set f to the first full date found in lines [from, to). */
static int
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
static char *
clean_title(const char *raw, int drop_any_paren)
{
	char *t = strip_ws(raw), *open, *o2;
	size_t n = strlen(t), close;

	if (has_suffix(t, ")"))
		close = 1;
	else if (has_suffix(t, "）"))
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
static enum proc_type
type_from_words(const char *s)
{
	if (strstr(s, "再委託"))
		return PROC_SUBCONTRACT;
	if (strstr(s, "結合"))
		return PROC_LINK;
	if (strstr(s, "電子計算機への記録") || strstr(s, "機能追加") ||
	    strstr(s, "新規開発") || strstr(s, "記録項目"))
		return PROC_RECORD;
	if (strstr(s, "目的外"))
		return PROC_OTHER_USE;
	if (strstr(s, "外部提供") || strstr(s, "提供について"))
		return PROC_PROVISION;
	if (strstr(s, "本人外収集") || strstr(s, "本人以外"))
		return PROC_INDIRECT;
	if (strstr(s, "委託"))
		return PROC_OUTSOURCE;
	if (strstr(s, "評価"))
		return PROC_ASSESSMENT;
	return PROC_OTHER;
}

/* "（担当部課：X）" or "担当部課 X" anywhere in [from, to). */
static void
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
static int
row_at(const struct ctx *x, size_t i, char **label, char **value)
{
	const char *text = x->k[i]->text, *tab = strchr(text, '\t');

	if (tab == NULL)
		return 0;
	*label = xstrndup(text, (size_t)(tab - text));
	*value = tab_value(x, i);
	return 1;
}

static void
fill_period(struct procedure *p, const char *value, int line)
{
	char start[11], end[11];

	parse_period(value, start, end);
	if (start[0] && p->period_start.value == NULL)
		field_set(&p->period_start, start, line);
	if (end[0] && p->period_end.value == NULL)
		field_set(&p->period_end, end, line);
}

static void
fill_partner(struct procedure *p, const char *value, int line)
{
	struct strlist orgs = STRLIST_INIT;

	parse_organisations(value, NULL, &orgs);
	if (orgs.n > 0 && p->partner.value == NULL)
		field_set(&p->partner, orgs.v[0], line);
	strlist_free(&orgs);
}

/* Record the line a list was first read from. */
static void
set_line(int *at, const struct strlist *l, int line)
{
	if (*at == 0 && l->n > 0)
		*at = line;
}

/* Fill p from one row; the case gets the counts. */
static void
apply_row(struct pcase *c, struct procedure *p, const char *label,
    const char *value, int line)
{
	switch (label_field(label)) {
	case FIELD_PARTNER:
		fill_partner(p, value, line);
		break;
	case FIELD_CONSIGNEES:
		parse_organisations(value, "委託先", &p->consignees);
		set_line(&p->consignees_line, &p->consignees, line);
		break;
	case FIELD_SUBCONTRACTORS:
		if (strstr(value, "【") != NULL)
			parse_organisations(value, "委託先", &p->consignees);
		parse_organisations(value, "再委託先", &p->subcontractors);
		set_line(&p->consignees_line, &p->consignees, line);
		set_line(&p->subcontractors_line, &p->subcontractors, line);
		break;
	case FIELD_PERIOD:
		fill_period(p, value, line);
		break;
	case FIELD_ITEMS:
		parse_items(value, &p->data_items);
		set_line(&p->data_items_line, &p->data_items, line);
		break;
	case FIELD_SUBJECTS:
		if (c->subjects_count < 0 &&
		    (c->subjects_count = norm_parse_count(value,
		    strlen(value))) >= 0)
			c->subjects_line = line;
		break;
	default:
		break;
	}
}

/* Apply every label/value row of lines [from, to) to p. */
static void
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
static void
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
static long long
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
	    has_prefix(q, "万") || has_prefix(q, "千"); )
		q += (unsigned char)*q < 0x80 ? 1 : 3;
	if (q == p || !(has_prefix(q, "人") || has_prefix(q, "名")))
		return -1;
	if (p == key || (p > key && p[-1] != '(' && strstr(key, "約") == NULL))
		if (strlen(q) > strlen("人)"))
			return -1;	/* not a line of its own */
	return norm_parse_count(p, (size_t)(q - p) + 3);
}

/* The first count of people in the sections of a consultation. */
static void
consultation_subjects(const struct ctx *x, struct pcase *c, size_t from,
    size_t to)
{
	for (size_t i = from; i < to && c->subjects_count < 0; i++)
		if ((c->subjects_count = people_count(x->k[i]->key)) >= 0)
			c->subjects_line = x->k[i]->line;
}

/* 対象者数 written as a paragraph: the count on the same or next line. */
static void
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
static void
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
static void
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
static int
is_organisation_like(const char *s)
{
	static const char *const marks[] = { "未定", "株式会社", "有限会社",
	    "合同会社", "法人", "会社", "協会", "連合会", "組合", "機構",
	    "センター", "事業所", "事業者", "医師会", "大学", "病院",
	    "研究所", "(株)", "(有)", "財団", "社団", "公社", "ホールディングス",
	    NULL };

	if (strlen(s) > 3 * 60 || has_suffix(s, "。"))
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

/* The text after the last を, 、, 。, は, が or opening bracket in s[0, n). */
static char *
phrase_before(const char *s, size_t n)
{
	static const char *const marks[] = { "を", "、", "。", "は", "が",
	    "「", "（", " ", NULL };
	size_t start = 0;

	for (int m = 0; marks[m]; m++) {
		size_t ml = strlen(marks[m]);

		for (size_t i = 0; i + ml <= n; i++)
			if (memcmp(s + i, marks[m], ml) == 0 && i + ml > start)
				start = i + ml;
	}
	return xstrndup(s + start, n - start);
}

/*
 * "…を株式会社〇〇に委託する": the noun phrase right before に委託 when
 * it reads like an organisation.  Appends to out.
 */
static void
organisation_before(const struct ctx *x, const char *text, size_t at,
    struct strlist *out)
{
	size_t from = at > 3 * 40 ? at - 3 * 40 : 0;
	struct noun_run r = { text, 0, 0, 0 };
	char *name = NULL;

	while (from > 0 && (text[from] & 0xc0) == 0x80)
		from++;		/* start on a character boundary */
	/* The nouns MeCab finds right before に委託, if they name a body; */
	if (segmenter_words(x->seg, text + from, at - from, collect_noun,
	    &r) == 0 && r.open && r.end == at - from)
		name = xstrndup(text + from + r.start, r.end - r.start);
	if (name == NULL || !is_organisation_like(name)) {
		/* else the phrase since the last を, 、, 。 … (names that
		   MeCab cuts, such as 株式会社としま総合サービス). */
		free(name);
		name = phrase_before(text + from, at - from);
	}
	if (name != NULL && is_organisation_like(name) &&
	    strcmp(name, "未定") != 0) {
		char *clean = clean_organisation(name);

		strlist_push_unique(out, clean);
		free(clean);
	}
	free(name);
}

static void
organisations_in_prose(const struct ctx *x, struct procedure *p,
    size_t from, size_t to)
{
	static const char *const verbs[] = { "に委託", "へ委託", "に再委託",
	    NULL };

	if (x->seg == NULL || p->consignees.n > 0)
		return;
	for (size_t i = from; i < to && i < x->n; i++) {
		const char *text = x->k[i]->text;

		for (int v = 0; verbs[v]; v++)
			for (const char *q = strstr(text, verbs[v]); q != NULL;
			    q = strstr(q + 1, verbs[v]))
				organisation_before(x, text, (size_t)(q - text),
				    &p->consignees);
		set_line(&p->consignees_line, &p->consignees,
		    x->k[i]->line);
	}
}

/* ---- sheet layout ---- */

static const char *
sheet_kind(const struct ctx *x, size_t cover, size_t end)
{
	size_t from = cover > 6 ? cover - 6 : 0;

	for (size_t i = from; i < end; i++)
		if (strstr(x->k[i]->key, "【報告】"))
			return "報告";
	for (size_t i = from; i <= cover; i++) {
		if (strstr(x->k[i]->key, "付議"))
			return "付議";
		if (strstr(x->k[i]->key, "諮問"))
			return "諮問";
		if (strstr(x->k[i]->key, "報告"))
			return "報告";
	}
	return "その他";
}

/* Value of a 件名 line: after the TAB, or after "件名" and spaces. */
static char *
subject_value(const struct ctx *x, size_t i)
{
	char *v = tab_value(x, i);
	const char *t;

	if (v != NULL)
		return v;
	t = x->k[i]->text;
	t = strstr(t, "名");
	return xstrdup(t ? t + strlen("名") : x->k[i]->text);
}

static void
add_sheet(struct ctx *x, struct pcase *c, size_t at, size_t end)
{
	char *raw = subject_value(x, at), *title = clean_title(raw, 0);
	enum proc_type t = type_from_words(title);
	struct procedure *p;

	if (t == PROC_OTHER || t == PROC_OUTSOURCE) {
		for (size_t i = at + 1; i < end; i++)
			if (has_prefix(x->k[i]->key, "結合の相手方"))
				t = PROC_LINK;
			else if (has_prefix(x->k[i]->key, "記録される情報項目") &&
			    t == PROC_OTHER)
				t = PROC_RECORD;
	}
	p = case_add_procedure(c, t);
	p->line = x->k[at]->line;
	field_set(&p->title, title, p->line);
	apply_rows(x, c, p, at + 1, end);
	if (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT)
		organisations_in_prose(x, p, at + 1, end);
	free(raw);
	free(title);
}

static size_t
extract_sheet_case(struct ctx *x, size_t cover, size_t end,
    struct case_list *out)
{
	size_t first_sheet = end;
	struct pcase *c;
	char *raw, *title;

	for (size_t i = cover + 1; i < end; i++)
		if (is_subject_line(x->k[i])) {
			first_sheet = i;
			break;
		}
	c = new_case(x, sheet_kind(x, cover, first_sheet), cover, end);
	raw = subject_value(x, cover);
	title = clean_title(raw, 1);
	field_set(&c->title, title, x->k[cover]->line);
	free(raw);
	free(title);
	department_in_lines(x, cover, first_sheet, &c->department);
	cover_basis(x, cover, first_sheet, c);
	cover_subjects(x, c, cover, first_sheet);
	subjects_in_lines(x, cover, first_sheet, c);
	for (size_t i = first_sheet; i < end; i++) {
		size_t j = i + 1;

		if (!is_subject_line(x->k[i]))
			continue;
		while (j < end && !is_subject_line(x->k[j]))
			j++;
		add_sheet(x, c, i, j);
		i = j - 1;
	}
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = c;
	return 1;
}

/*
 * Is line i a new agenda item's cover rather than a sheet: a heading
 * such as "…付議事項" or "諮問・報告事項" stands just above it?
 */
static int
follows_agenda_header(const struct ctx *x, size_t i)
{
	static const char *const heads[] = { "付議事項", "報告事項", "諮問事項",
	    "審議事項", NULL };
	int seen = 0;

	while (i-- > 0 && seen < 3) {
		if (is_blank(x->k[i]))
			continue;
		for (int h = 0; heads[h]; h++)
			if (strstr(x->k[i]->key, heads[h]) != NULL)
				return 1;
		seen++;
	}
	return 0;
}

/*
 * A cover is a 件名 row with a TAB, the first of the file or one under an
 * agenda heading; its sheets follow until the next cover.
 */
static size_t
extract_sheets(struct ctx *x, struct case_list *out)
{
	size_t added = 0, cover = x->n;

	for (size_t i = 0; i <= x->n; i++) {
		int is_cover = i < x->n && is_subject_line(x->k[i]) &&
		    strchr(x->k[i]->text, '\t') != NULL &&
		    (cover == x->n || follows_agenda_header(x, i));

		if (i < x->n && !is_cover)
			continue;
		if (cover < x->n)
			added += extract_sheet_case(x, cover, i, out);
		cover = i;
	}
	return added;
}

/* ---- consultation layout ---- */

/* The line after the "記" line, or the first non-blank one. */
static size_t
title_after_ki(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strcmp(x->k[i]->key, "記") == 0)
			return next_nonblank(x, i + 1);
	return to;
}

/*
 * A title broken over lines by the PDF: join the lines from t on until
 * one ends the title (…について, …の件) or a subtitle in brackets or a
 * blank line follows.
 */
static char *
title_lines(const struct ctx *x, size_t t, size_t end)
{
	struct buf b = BUF_INIT;

	for (size_t i = t; i < end && i < t + 4; i++) {
		const char *k = x->k[i]->key;

		if (i > t && (*k == '\0' || *k == '(' ||
		    is_consultation_header(k, NULL)))
			break;
		buf_puts(&b, x->k[i]->text);
		if (has_suffix(k, "について") || has_suffix(k, "件") ||
		    has_suffix(k, "。") || has_suffix(k, ")"))
			break;
	}
	return buf_detach(&b);
}

/* A line that names a department: short and ending in 課/部/室/担当. */
static int
is_department(const char *key)
{
	return strlen(key) < 200 && !isdigit((unsigned char)key[0]) &&
	    (has_suffix(key, "課") || has_suffix(key, "室") ||
	    has_suffix(key, "担当") || has_suffix(key, "部"));
}

static void
consultation_department(const struct ctx *x, size_t from, size_t to,
    struct pcase *c)
{
	int seen_header = 0;

	for (size_t i = from + 1; i < to; i++) {
		if (is_consultation_header(x->k[i]->key, NULL))
			seen_header = 1;
		else if (seen_header && is_department(x->k[i]->key)) {
			struct buf all = BUF_INIT;
			size_t j = i;

			/* several departments, one per line, joined with 、 */
			for (; j < to && is_department(x->k[j]->key);
			    j = next_nonblank(x, j + 1))
				buf_printf(&all, "%s%s", all.len ? "、" : "",
				    x->k[j]->key);
			field_set(&c->department, all.data, x->k[i]->line);
			buf_free(&all);
			return;
		}
	}
}

/* Is line i a heading numbered in form f (第1, 1, (1) …)? */
static int
is_heading(const struct ctx *x, size_t i, enum number_form f)
{
	return x->k[i]->kind == NODE_HEADING && x->k[i]->form == f;
}

/* Where the section of heading i ends, within [.., to). */
static size_t
section_end(const struct ctx *x, size_t i, size_t to)
{
	size_t end = node_span_end(x->k[i]);

	return end < to ? end : to;
}

/* The value under a numbered heading such as "1 委託の件名". */
static char *
section_value(const struct ctx *x, size_t from, size_t to, const char *label)
{
	for (size_t i = from; i < to; i++) {
		size_t v;

		if (!is_heading(x, i, NUM_ARABIC) ||
		    strcmp(x->k[i]->label, label) != 0)
			continue;
		v = next_nonblank(x, i + 1);
		if (v < section_end(x, i, to))
			return strip_ws(x->k[v]->text);
	}
	return NULL;
}

/*
 * "（１）スキャナ読取り　　株式会社としまシステムサービス": the name after
 * a wide gap (two or more spaces) on a sub-heading line, if it reads like
 * an organisation.
 */
static char *
name_after_gap(const char *text)
{
	const char *p = text, *gap = NULL;

	for (; *p; p++) {
		int sp = *p == ' ' ? 1 : has_prefix(p, "\xe3\x80\x80") ? 3 : 0;
		int sp2;

		if (sp == 0)
			continue;
		sp2 = p[sp] == ' ' ? 1 : has_prefix(p + sp, "\xe3\x80\x80") ? 3 : 0;
		if (sp2 > 0)
			gap = p;
	}
	if (gap == NULL)
		return NULL;
	while (*gap == ' ' || has_prefix(gap, "\xe3\x80\x80"))
		gap += *gap == ' ' ? 1 : 3;
	return is_organisation_like(gap) ? xstrdup(gap) : NULL;
}

/* The last non-empty cell of a pipe-table row, or NULL for a rule. */
static char *
pipe_row_value(const char *text)
{
	const char *end = text + strlen(text), *bar;
	char *cell, *t;

	if (strspn(text, "|-: ") == strlen(text))
		return NULL;
	while (end > text && (end[-1] == ' ' || end[-1] == '|'))
		end--;
	for (bar = end; bar > text && bar[-1] != '|'; bar--)
		;
	cell = xstrndup(bar, (size_t)(end - bar));
	t = strip_ws(cell);
	free(cell);
	return t;
}

static int
ends_sentence(const char *key)
{
	return has_suffix(key, "。");
}

/* A line that starts with a bullet or stray numbering mark. */
static int
is_bullet(const char *s)
{
	static const char *const marks[] = { "・", "．", ".", "-", "●", "○",
	    "◆", "◇", "■", "□", "※", NULL };

	for (int i = 0; marks[i]; i++)
		if (has_prefix(s, marks[i]))
			return 1;
	return 0;
}

/* "…業務" or "…業務（新規）": the name of a work, heading a list. */
static int
is_work_heading(const char *s)
{
	const char *last = NULL, *p = s;

	while ((p = strstr(p, "業務")) != NULL)
		last = p++;
	if (last == NULL)
		return 0;
	last += strlen("業務");
	return *last == '\0' || ((*last == '(' || has_prefix(last, "（")) &&
	    (has_suffix(last, ")") || has_suffix(last, "）")) &&
	    strstr(last, "、") == NULL);
}

/* Drop a short "従来の項目：" style label before a list. */
static const char *
after_list_label(const char *key)
{
	const char *colon = strstr(key, "：");

	if (colon == NULL)
		colon = strstr(key, ":");
	if (colon == NULL || colon - key > 3 * 12 || colon == key)
		return key;
	for (const char *p = key; p < colon; p++)
		if (has_prefix(p, "、"))
			return key;
	return colon + (*colon == ':' ? 1 : strlen("："));
}

/* Keep a value line of a section?  Item lists are picky. */
static int
keep_value_line(enum field_id f, const char *key, const char *prev_key)
{
	if (strcmp(key, "なし") == 0)
		return 0;
	if (f != FIELD_ITEMS)
		return f == FIELD_PERIOD || !ends_sentence(key);
	if (ends_sentence(key))
		return 0;
	if (is_bullet(key) && strstr(key, "、") == NULL)
		return 0;	/* a bullet heading, not a list */
	if (is_work_heading(key))
		return 0;
	if (after_list_label(key) != key)
		return 1;	/* "新たな項目：…" */
	return strstr(key, "、") != NULL ||
	    (prev_key != NULL && has_suffix(prev_key, "もの"));
}

/*
 * The paragraph starting at line i of a section: consecutive non-blank
 * lines joined without a break (PDF wraps lines inside list items), or
 * the last cell of a table row.  Returns the line after it.
 */
static size_t
section_paragraph(const struct ctx *x, size_t i, size_t to, struct buf *para)
{
	const char *k = x->k[i]->key;
	char *cell;

	buf_truncate(para, 0);
	if (strchr(x->k[i]->text, '\t') != NULL ||
	    *(k + (*k == '-')) == '|') {
		cell = strchr(x->k[i]->text, '\t') ?
		    xstrdup(strrchr(x->k[i]->text, '\t') + 1) :
		    pipe_row_value(x->k[i]->text);
		if (cell != NULL) {
			char *key = strip_ws(cell);

			buf_puts(para, key);
			free(key);
		}
		free(cell);
		return i + 1;
	}
	for (; i < to && *x->k[i]->key != '\0'; i++) {
		char *line;

		k = x->k[i]->key;
		if (para->len > 0 && (x->k[i]->kind == NODE_HEADING ||
		    is_bullet(k) || strchr(x->k[i]->text, '\t') != NULL))
			break;
		line = strip_ws(x->k[i]->text);	/* display form */
		buf_puts(para, line);
		free(line);
		if (has_suffix(k, "。") || has_suffix(k, "もの") ||
		    strcmp(k, "なし") == 0)
			return i + 1;
	}
	return i;
}

/* Gather an item list section: paragraphs that hold lists. */
static void
section_items(const struct ctx *x, size_t h, size_t to, struct buf *value)
{
	struct buf para = BUF_INIT;
	char *prev = NULL;
	size_t i = h + 1;

	while (i < to) {
		const char *k = x->k[i]->key;

		if (is_heading(x, i, NUM_PAREN) && strstr(k, "件数") != NULL)
			break;		/* (2) 件数: the counts, not items */
		if (*k == '\0' || x->k[i]->kind == NODE_HEADING) {
			i++;
			continue;
		}
		i = section_paragraph(x, i, to, &para);
		if (para.len == 0)
			continue;
		if (keep_value_line(FIELD_ITEMS, para.data, prev)) {
			buf_puts(value, after_list_label(para.data));
			buf_putc(value, '\n');
		}
		free(prev);
		prev = xstrdup(para.data);
	}
	free(prev);
	buf_free(&para);
}

/* Gather the value of the section whose heading is line h. */
static void
section_value_text(const struct ctx *x, size_t h, size_t to, enum field_id f,
    struct buf *value)
{
	const char *prev = NULL;

	if (f == FIELD_ITEMS) {
		section_items(x, h, to, value);
		return;
	}
	for (size_t i = h + 1; i < to; i++) {
		const char *k = x->k[i]->key, *text = x->k[i]->text;
		char *cell = NULL;

		if (*k == '\0')
			continue;
		if (is_heading(x, i, NUM_PAREN)) {
			if (strstr(k, "件数") != NULL)
				break;
			if ((f == FIELD_CONSIGNEES || f == FIELD_PARTNER) &&
			    (cell = name_after_gap(text)) != NULL) {
				buf_printf(value, "%s\n", cell);
				free(cell);
			}
			continue;
		}
		if (*(k + (*k == '-')) == '|' &&
		    (cell = pipe_row_value(text)) == NULL)
			continue;
		if ((f == FIELD_CONSIGNEES || f == FIELD_PARTNER) &&
		    !is_organisation_like(cell ? cell : k)) {
			free(cell);
			break;	/* the list of names has ended */
		}
		if (keep_value_line(f, k, prev)) {
			buf_puts(value, cell ? cell : text);
			buf_putc(value, '\n');
		}
		free(cell);
		prev = k;
	}
}

/*
 * An item list kept in an annex of the case: "別紙「個人情報の項目及び
 * 件数」のとおり" refers to a heading of that name further on, under
 * which "項目<TAB>…" rows hold the lists.
 */
static void
annex_items(const struct ctx *x, const struct buf *ref, struct procedure *p)
{
	const char *open = strstr(ref->data, "別紙「"), *close;
	char *name, *label, *value;
	size_t i;

	if (open == NULL || (close = strstr(open, "」")) == NULL)
		return;
	open += strlen("別紙「");
	name = norm_strip_space(open, (size_t)(close - open));
	for (i = x->case_from; i < x->case_to; i++)
		if (strcmp(x->k[i]->key, name) == 0)
			break;
	for (i++; i < x->case_to; i++) {
		if (!row_at(x, i, &label, &value))
			continue;
		if (label_field(label) == FIELD_ITEMS) {
			parse_items(value, &p->data_items);
			set_line(&p->data_items_line, &p->data_items,
			    x->k[i]->line);
		}
		free(label);
		free(value);
	}
	free(name);
}

/* Fill p from the numbered sections of lines [from, to). */
static void
consultation_sections(const struct ctx *x, struct pcase *c,
    struct procedure *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const char *label;
		enum field_id f;
		struct buf value = BUF_INIT;

		size_t end;

		if (!is_heading(x, i, NUM_ARABIC))
			continue;
		label = x->k[i]->label;
		if ((f = label_field(label)) <= FIELD_IGNORE)
			continue;
		end = section_end(x, i, to);
		section_value_text(x, i, end, f, &value);
		if (f == FIELD_ITEMS && value.len == 0) {
			struct buf ref = BUF_INIT;

			section_value_text(x, i, end, FIELD_PERIOD, &ref);
			if (ref.len > 0)
				annex_items(x, &ref, p);
			buf_free(&ref);
		}
		if (value.len > 0)
			apply_row(c, p, label, value.data, x->k[i]->line);
		buf_free(&value);
	}
}

static void
add_consultation_procedure(struct ctx *x, struct pcase *c, size_t at,
    size_t end, const char *heading)
{
	char *name = section_value(x, at, end, "委託の件名");
	enum proc_type t = type_from_words(heading);
	struct procedure *p;

	if (t == PROC_OTHER && name != NULL)
		t = PROC_OUTSOURCE;
	p = case_add_procedure(c, t);
	p->line = x->k[at]->line;
	if (name != NULL && (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT))
		field_set(&p->title, name, p->line);
	else if (heading != c->title.value)
		field_set(&p->title, heading, p->line);
	consultation_sections(x, c, p, at, end);
	if (t == PROC_OUTSOURCE || t == PROC_SUBCONTRACT)
		organisations_in_prose(x, p, at, end);
	free(name);
}

static void
consultation_procedures(struct ctx *x, struct pcase *c, size_t from,
    size_t to)
{
	size_t groups = 0;

	/* "第1 …について" groups: a procedure each */
	for (size_t i = from; i < to; i++) {
		size_t end;

		if (!is_heading(x, i, NUM_DAI))
			continue;
		end = section_end(x, i, to);
		add_consultation_procedure(x, c, i, end, x->k[i]->label);
		groups++;
		i = end - 1;
	}
	if (groups == 0 && c->title.value != NULL)
		add_consultation_procedure(x, c, from, to, c->title.value);
}

static struct pcase *
consultation_case(struct ctx *x, size_t start, size_t end, char *number)
{
	struct pcase *c = new_case(x, "諮問", start, end);
	size_t t = title_after_ki(x, start, end);

	x->case_from = start;
	x->case_to = end;
	field_set(&c->number, number, x->k[start]->line);
	date_in_lines(x, start + 1, next_nonblank(x, start + 1) + 1, &c->date);
	if (t < end) {
		char *joined = title_lines(x, t, end);
		char *title = clean_title(joined, 1);

		field_set(&c->title, title, x->k[t]->line);
		free(title);
		free(joined);
	}
	consultation_department(x, start, end, c);
	consultation_subjects(x, c, t < end ? t : start, end);
	cite_lines(x, start, t < end ? t : end, "規定に基づき", NULL, NULL, c);
	consultation_procedures(x, c, start, end);
	return c;
}

static int
is_other_report(const char *key)
{
	return strcmp(key, "その他報告資料") == 0 ||
	    strcmp(key, "その他の報告資料") == 0;
}

static struct pcase *
report_case(struct ctx *x, size_t start, size_t end)
{
	struct pcase *c = new_case(x, "報告", start, end);
	size_t t = next_nonblank(x, start + 1), d;

	if (t < end) {
		char *title = clean_title(x->k[t]->text, 0);

		field_set(&c->title, title, x->k[t]->line);
		free(title);
	}
	d = next_nonblank(x, t + 1);
	if (d < end && date_in_lines(x, d, d + 1, &c->date)) {
		size_t dep = next_nonblank(x, d + 1);

		if (dep < end && is_department(x->k[dep]->key))
			field_set(&c->department, x->k[dep]->key,
			    x->k[dep]->line);
	}
	return c;
}

/* Case starts: a 諮問第N号 with a new N, or その他報告資料. */
static int
case_start(const struct ctx *x, size_t i, const char *current, char **number)
{
	*number = NULL;
	if (is_other_report(x->k[i]->key))
		return 1;
	if (!is_consultation_header(x->k[i]->key, number))
		return 0;
	if (current != NULL && strcmp(current, *number) == 0) {
		free(*number);
		*number = NULL;
		return 0;
	}
	return 1;
}

static size_t
extract_consultations(struct ctx *x, struct case_list *out)
{
	size_t start = x->n, added = 0;
	char *number = NULL, *cur = NULL;

	for (size_t i = 0; i <= x->n; i++) {
		if (i < x->n && !case_start(x, i, cur, &number))
			continue;
		if (start < x->n) {
			struct pcase *c = cur ? consultation_case(x, start, i,
			    cur) : report_case(x, start, i);

			out->v = xrealloc(out->v, (out->n + 1) *
			    sizeof(*out->v));
			out->v[out->n++] = c;
			added++;
		}
		free(cur);
		cur = number;
		number = NULL;
		start = i;
	}
	free(cur);
	return added;
}

/* ---- assessment layout ---- */

static void
assessment_header(struct ctx *x, struct pcase *c)
{
	for (size_t i = 0; i < x->n; i++) {
		const char *k = x->k[i]->key;

		if (has_prefix(k, "評価書番号") && c->title.value == NULL) {
			size_t v = next_nonblank(x, i + 1);
			char *num, *title;

			if (v >= x->n)
				continue;
			num = digits_at(x->k[v]->key);
			title = tab_value(x, v);
			field_set(&c->number, num, x->k[v]->line);
			if (title != NULL)
				field_set(&c->title, title, x->k[v]->line);
			free(num);
			free(title);
		} else if (strcmp(k, "公表日") == 0 && c->date.value == NULL) {
			size_t v = next_nonblank(x, i + 1);

			date_in_lines(x, v, v + 1, &c->date);
		} else if (has_prefix(k, "1部署") &&	/* ①部署 after NFKC */
		    c->department.value == NULL) {
			field_set(&c->department, k + strlen("1部署"),
			    x->k[i]->line);
		}
	}
}

/* A 委託事項N row with a title; *title receives it. */
static int
is_entrustment(const struct ctx *x, size_t i, char **title)
{
	const char *k = x->k[i]->key;

	*title = NULL;
	if (!has_prefix(k, "委託事項") ||
	    !isdigit((unsigned char)k[strlen("委託事項")]))
		return 0;
	if ((*title = tab_value(x, i)) != NULL && **title != '\0')
		return 1;
	free(*title);
	*title = NULL;
	return 0;
}

/* Where a 委託事項 block ends: the next one, or the next section. */
static size_t
entrustment_end(const struct ctx *x, size_t from)
{
	char *t;

	for (size_t i = from + 1; i < x->n; i++) {
		const char *k = x->k[i]->key;

		if (has_prefix(k, "委託事項") || has_prefix(k, "(別添") ||
		    (isdigit((unsigned char)k[0]) && k[1] == '.'))
			return i;
		if (is_entrustment(x, i, &t)) {
			free(t);
			return i;
		}
	}
	return x->n;
}

static int
says_subcontracted(const struct ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strstr(x->k[i]->key, "再委託の有無") != NULL)
			return strstr(x->k[i]->key, "[再委託する]") != NULL;
	return 0;
}

static void
assessment_procedures(struct ctx *x, struct pcase *c)
{
	char *title;

	for (size_t i = 0; i < x->n; i++) {
		size_t end;
		struct procedure *p, *sub;
		int line = x->k[i]->line;

		if (!is_entrustment(x, i, &title))
			continue;
		end = entrustment_end(x, i);
		p = case_add_procedure(c, PROC_OUTSOURCE);
		p->line = line;
		field_set(&p->title, title, line);
		apply_rows(x, c, p, i + 1, end);
		if (says_subcontracted(x, i, end)) {
			sub = case_add_procedure(c, PROC_SUBCONTRACT);
			p = &c->procs[c->nprocs - 2];	/* after realloc */
			sub->line = line;
			field_set(&sub->title, title, line);
			for (size_t j = 0; j < p->consignees.n; j++)
				strlist_push(&sub->consignees, p->consignees.v[j]);
			sub->consignees_line = p->consignees_line;
		}
		free(title);
		i = end - 1;
	}
}

static size_t
extract_assessment(struct ctx *x, struct case_list *out)
{
	struct pcase *c = new_case(x, "評価書", 0, x->n);

	assessment_header(x, c);
	for (size_t i = 0; i < x->n; i++)
		if (has_prefix(skip_numbering(x->k[i]->key), "法令上の根拠")) {
			cite_scan(x->k[i]->text, NULL, "番号法",
			    &c->legal_basis);
			set_line(&c->legal_basis_line, &c->legal_basis,
			    x->k[i]->line);
		}
	assessment_procedures(x, c);
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = c;
	return 1;
}

/* ---- generic ---- */

static size_t
extract_generic(struct ctx *x, struct case_list *out)
{
	size_t t = next_nonblank(x, 0);
	struct pcase *c;

	if (t >= x->n)
		return 0;
	c = new_case(x, "その他", 0, x->n);
	field_set(&c->title, x->k[t]->key, x->k[t]->line);
	date_in_lines(x, t, x->n < t + 10 ? x->n : t + 10, &c->date);
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	out->v[out->n++] = c;
	return 1;
}

/* ---- ids and bodies ---- */

static char *
path_stem_id(const char *path, uint64_t hash)
{
	const char *base = strrchr(path, '/'), *dot;
	struct buf b = BUF_INIT;
	int ascii = 1;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	for (const char *p = path; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-' ||
		    *p == '.' || *p == '/'))
			ascii = 0;
	if (ascii && (dot == NULL || dot > base)) {
		for (const char *p = path; *p && p != dot; p++)
			buf_putc(&b, *p == '/' || *p == '.' ? '_' : *p);
	} else
		buf_printf(&b, "d%012llx", (unsigned long long)(hash &
		    0xffffffffffffull));
	return buf_detach(&b);
}

static void
finish_case(const struct ctx *x, struct pcase *c, size_t ordinal)
{
	struct buf id = BUF_INIT, body = BUF_INIT;
	char *stem = path_stem_id(x->src->path, hash_bytes(x->src->path,
	    strlen(x->src->path)));

	buf_printf(&id, "%s-%zu", stem, ordinal);
	c->id = buf_detach(&id);
	free(stem);
	for (size_t i = 0; i < x->n; i++) {
		int ln = x->k[i]->line;

		if (ln >= c->line_start && ln <= c->line_end) {
			buf_puts(&body, x->k[i]->text);
			buf_putc(&body, '\n');
		}
	}
	c->body = buf_detach(&body);
}

/* Set up x for document d (its tree built), or tear it down. */
static void
ctx_open(struct ctx *x, const struct doc *d)
{
	memset(x, 0, sizeof(*x));
	tree_build(d, &x->tree);
	x->k = x->tree.nodes;
	x->n = x->tree.n;
}

static void
ctx_close(struct ctx *x)
{
	tree_free(&x->tree);
	free(x->municipality);
}

enum layout
detect_layout(const struct doc *d)
{
	struct ctx x;
	enum layout l;

	ctx_open(&x, d);
	l = detect(&x);
	ctx_close(&x);
	return l;
}

size_t
extract_cases(const struct source *src, const struct doc *d,
    struct segmenter *seg, struct case_list *out, struct diag *dg)
{
	struct ctx x;
	size_t first = out->n, added = 0;

	ctx_open(&x, d);
	x.seg = seg;
	x.src = src;
	x.dg = dg;
	find_municipality(&x);
	switch (detect(&x)) {
	case LAYOUT_ASSESSMENT:
		added = extract_assessment(&x, out);
		break;
	case LAYOUT_CONSULTATION:
		added = extract_consultations(&x, out);
		break;
	case LAYOUT_SHEET:
		added = extract_sheets(&x, out);
		break;
	default:
		added = extract_generic(&x, out);
	}
	for (size_t i = first; i < out->n; i++)
		finish_case(&x, out->v[i], i - first + 1);
	if (added == 0)
		diag_report(dg, src->path, 0, "no case found (empty text)");
	ctx_close(&x);
	return added;
}

void
case_list_free(struct case_list *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		case_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
