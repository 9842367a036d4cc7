/*
 * extract_labelled.c — the layout-independent reader: cases and
 * procedures from a document's structure, fields from its labelled facts,
 * whatever the form.  It reads the tree of rows_normalise()d lines, where
 * every label/value pairing is a "label<TAB>value" row.
 *
 * 1. Facts: every row, every numbered heading whose label is known with
 *    the lines under it, and every record of a table (a list table whose
 *    header row names fields: one record per row; a table whose header
 *    row is 委託事項1, 委託事项2 …: one record per column) become
 *    (field, label, value, line) facts through compiler/labels.tsv.
 * 2. Cases: one per file, or one per 諮問第N号 (答申第N号, 報告第N号 …:
 *    the first such word of the file) with a new number, or per heading
 *    of the same level as those headers whose section has a 件名, or per
 *    record of a table with a 件名 column.  Lines before the first case
 *    (a page's head, a covering letter) are read by every case.
 * 3. Procedures: table records; else sections whose heading names a
 *    procedure (業務委託の内容, 再委託について, 外部提供 …) and that hold a
 *    fact; else sheets, each starting at a 件名 row after the cover's;
 *    else, when the case states procedure facts, one procedure.  A
 *    再委託 chosen on a form ([再委託する]) or stated in prose (…に再委託
 *    する) is a procedure of its own.
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

static int	in_spans(const struct proc_spans *ps, size_t i);
static void	sibling_sections(const struct ctx *, size_t, size_t,
		    struct proc_spans *);


/* ---- procedures ---- */

/* "再委託：なし", "再委託:無": a label and its choice, none. */
static int
says_no_after_colon(const char *label)
{
	static const char *const no[] = { "なし", "無し", "無", "しない",
	    "行わない", "該当なし", NULL };
	const char *colon = strstr(label, "：");
	const char *v = colon != NULL ? colon + 3 : strchr(label, ':');

	if (v == NULL)
		return 0;
	if (*v == ':')
		v++;
	for (int i = 0; no[i]; i++)
		if (str_has_prefix(v, no[i]))
			return 1;
	return 0;
}

/* The type a section heading names, or -1 when it names none. */
int
section_type(const char *label)
{
	static const char *const not_procedures[] = { "理由", "選定", "必要",
	    "経過", "措置", "禁止", "予定", "方法", "目的", "効果", "根拠",
	    "結論", "意見", "判断", "経緯", "概要の", "審議", "対策", "リスク",
	    "留意", "条件", "事項の", "有無", "範囲", "申請書", "届出書",
	    "通知書", "報告書", "諮問書", "答申書", NULL };
	static const char *const words[] = { "委託", "結合", "目的外",
	    "提供", "本人外", "本人以外", "記録", NULL };
	int any = 0;

	if (strlen(label) > 3 * 40 || fact_field(label) > FIELD_IGNORE)
		return -1;	/* "追加する記録項目": a field, not a procedure */
	if (says_no_after_colon(label))
		return -1;	/* "再委託：なし": a choice, none made */
	for (int i = 0; not_procedures[i]; i++)
		if (strstr(label, not_procedures[i]) &&
		    !(strcmp(not_procedures[i], "目的") == 0 &&
		    strstr(label, "目的外")))
			return -1;
	for (int i = 0; words[i]; i++)
		any |= strstr(label, words[i]) != NULL;
	any |= type_from_words(label) == PROC_INDIRECT;	/* …からの…の収集 */
	if (!any || (strstr(label, "委託先") && !strstr(label, "再委託")))
		return -1;
	if (strstr(label, "外部への提供") || strstr(label, "提供"))
		return strstr(label, "委託") && !strstr(label, "提供の") ?
		    (int)type_from_words(label) : PROC_PROVISION;
	/* a word of one ("記録媒体") that names no procedure */
	return type_from_words(label) == PROC_OTHER ? -1 :
	    (int)type_from_words(label);
}

/*
 * The procedure heading k names: by its label, or by its bracketed word
 * before the title ("＜委託２（再委託）＞　督促はがき発送業務"); -1 if none.
 */
int
heading_type(const struct node *k)
{
	static const char *const kinds[] = { "(諮問)", "(報告)", "(付議)",
	    "(答申)", NULL };
	int t;

	for (int i = 0; kinds[i]; i++)
		if (str_has_suffix(k->label, kinds[i]))
			return -1;	/* the case's own title, marked */
	t = section_type(k->label);

	if (t < 0 && (k->form == NUM_BRACKET || k->form == NUM_BRACKET_NUMBER)
	    && k->label > k->key) {
		char *word = xstrndup(k->key, (size_t)(k->label - k->key));

		t = section_type(word);
		free(word);
	}
	return t;
}

/* A procedure fact (not a case's). */
int
is_procedure_field(enum field_id f)
{
	return f == FIELD_PARTNER || f == FIELD_CONSIGNEES ||
	    f == FIELD_SUBCONTRACTORS || f == FIELD_PERIOD ||
	    f == FIELD_ITEMS || f == FIELD_WORK;
}

static void
add_proc_span(struct proc_spans *ps, size_t from, size_t to, int type,
    int record, const char *heading)
{
	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof(*ps->v));
	ps->v[ps->n].from = from;
	ps->v[ps->n].to = to;
	ps->v[ps->n].type = type;
	ps->v[ps->n].record = record;
	ps->v[ps->n].heading = heading;
	ps->v[ps->n].title_at = 0;
	ps->v[ps->n].prose = 0;
	ps->v[ps->n].title = NULL;
	ps->v[ps->n].detail_from = ps->v[ps->n].detail_to = 0;
	ps->n++;
}

/* A procedure told in sentences only: a span whose title (owned, or
 * NULL) its list or paragraph gave it. */
static void
add_prose_span(struct proc_spans *ps, size_t from, size_t to, int type,
    const char *heading, char *title)
{
	add_proc_span(ps, from, to, type, -1, heading);
	ps->v[ps->n - 1].prose = 1;
	ps->v[ps->n - 1].title = title;
}

static int
span_has_fact(const struct facts *fs, size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++)
		if (is_procedure_field(fs->v[i].field) && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to)
			return 1;
	return 0;
}

int
span_says(const struct ctx *x, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (strstr(x->k[i]->key, word))
			return 1;
	return 0;
}

/* Does a span of ps start inside (from, to)? */
static int
holds_span(const struct proc_spans *ps, size_t from, size_t to)
{
	for (size_t j = 0; j < ps->n; j++)
		if (ps->v[j].from > from && ps->v[j].from < to)
			return 1;
	return 0;
}

/* Does a span start at node i? */
static int
starts_span(const struct proc_spans *ps, size_t i)
{
	for (size_t j = 0; j < ps->n; j++)
		if (ps->v[j].from == i)
			return 1;
	return 0;
}

/* Is any span a 再委託 section? */
static int
has_subcontract_span(const struct proc_spans *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].type == PROC_SUBCONTRACT)
			return 1;
	return 0;
}

/* Are all spans found 再委託 sections? */
static int
only_subcontracts(const struct proc_spans *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].type != PROC_SUBCONTRACT)
			return 0;
	return 1;
}

/* Procedure facts of [from, to) outside every span of ps? */
static int
facts_outside(const struct facts *fs, const struct proc_spans *ps,
    size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int in = 0;

		if (!is_procedure_field(f->field) || f->record >= 0 ||
		    f->at < from || f->at >= to)
			continue;
		for (size_t j = 0; j < ps->n && !in; j++)
			in = f->at >= ps->v[j].from && f->at < ps->v[j].to;
		if (!in)
			return 1;
	}
	return 0;
}

/*
 * Sections whose heading names a procedure and whose sentences hand
 * something over ("…に委託します"): where no section states one in
 * labels, or (beside) sections of sentences only next to those that do.
 */
/* "Q2. 外部結合の相手方を教えてください。": a question, not a section
 * of its own procedure. */
static int
asks(const char *label)
{
	static const char *const ends[] = { "ください", "ください。", "か。",
	    "か", "?", "？", NULL };

	return str_has_any_suffix(label, ends);
}

/* "（外部結合及び目的外利用）": a heading over two procedures, not one. */
static int
names_two_kinds(const char *label)
{
	static const char *const ands[] = { "及び", "並びに", "・", NULL };

	for (int a = 0; ands[a]; a++) {
		const char *p = strstr(label, ands[a]);
		char *head;
		int two;

		if (p == NULL)
			continue;
		head = xstrndup(label, (size_t)(p - label));
		two = type_from_words(head) != PROC_OTHER &&
		    type_from_words(p + strlen(ands[a])) != PROC_OTHER &&
		    type_from_words(head) != type_from_words(p +
		    strlen(ands[a]));
		free(head);
		if (two)
			return 1;
	}
	return 0;
}

static void
prose_sections(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, struct proc_spans *ps, int beside)
{
	size_t first = ps->n;

	for (size_t i = from; i < to; i++) {
		const struct node *k = x->k[i];
		size_t end;
		int t;

		if (k->kind != NODE_HEADING || k->label == NULL ||
		    (t = heading_type(k)) < 0 || t == PROC_OTHER ||
		    t == PROC_SUBCONTRACT || starts_span(ps, i) ||
		    in_spans(ps, i) || names_two_kinds(k->label) ||
		    asks(k->label))
			continue;
		end = node_span_end(k);
		if (end > to)
			end = to;
		if (states_in_prose(x, i + 1, end, beside ? -1 : t) && (!beside ||
		    (!span_has_fact(fs, i + 1, end) &&
		    !holds_span(ps, i, end)))) {
			add_prose_span(ps, i, end, t, k->label, NULL);
		}
	}
	/* in document order, before the 再委託 sections found already */
	if (ps->n > first && first > 0) {
		struct proc_span *tmp = xcalloc(ps->n, sizeof(*tmp));

		memcpy(tmp, ps->v + first, (ps->n - first) * sizeof(*tmp));
		memcpy(tmp + (ps->n - first), ps->v, first * sizeof(*tmp));
		memcpy(ps->v, tmp, ps->n * sizeof(*tmp));
		free(tmp);
	}
}

/* Where a procedure's own text begins: after its heading, or at the
 * row or sentence that states it. */
static size_t
body_from(const struct ctx *x, const struct proc_span *ps)
{
	/* (a numbered paragraph's title and sentences are one node) */
	return x->k[ps->from]->kind == NODE_HEADING && ps->title == NULL ?
	    ps->from + 1 : ps->from;
}

/*
 * "（１）問診票データ作成業務の委託　本市は、…": the title of a numbered
 * paragraph, before the first wide space, when it names a procedure;
 * else NULL.  New string.
 */
static char *
paragraph_title(const struct node *k, const struct node *next)
{
	const char *t = k->text, *gap;
	char *title;
	size_t n;

	t = str_skip_spaces(t);
	if ((n = numbering_len(t)) == 0)
		return NULL;
	t += n;
	if ((gap = strstr(t, "\xe3\x80\x80")) == NULL &&
	    (gap = strstr(t, "  ")) == NULL)
		return NULL;
	if (gap == t || gap - t > 3 * 40 || (strstr(gap, "。") == NULL &&
	    (next == NULL || next->kind != NODE_TEXT)))
		return NULL;	/* a paragraph: sentences follow its title */
	title = xstrndup(t, (size_t)(gap - t));
	if (strstr(title, "。") == NULL && section_type(title) >= 0 &&
	    section_type(title) != PROC_OTHER)
		return title;
	free(title);
	return NULL;
}

/*
 * Procedures told in numbered paragraphs whose first words are their
 * titles ("（１）…業務の委託　本市は、…に委託する。", "（２）医療機関から
 * の…の収集　…"): each from its paragraph to the next such one, the
 * last to the end of its block of lines.
 */
static void
paragraph_procedures(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to && i < x->n; i++) {
		char *title;

		if ((x->k[i]->kind != NODE_TEXT &&
		    x->k[i]->kind != NODE_HEADING) ||
		    (title = paragraph_title(x->k[i], i + 1 < x->n ?
		    x->k[i + 1] : NULL)) == NULL)
			continue;
		if (ps->n > first)
			ps->v[ps->n - 1].to = i;
		add_prose_span(ps, i, i + 1, section_type(title), NULL, title);
	}
	if (ps->n > first) {
		size_t i = ps->v[ps->n - 1].from + 1;

		while (i < to && x->k[i]->kind == NODE_TEXT)
			i++;
		ps->v[ps->n - 1].to = i;
	}
}

/* The lines of the paragraph at i: to the next blank, heading or
 * numbered line (or to). */
static size_t
paragraph_end(const struct ctx *x, size_t i, size_t to)
{
	size_t j = i + 1;

	while (j < to && j < x->n && x->k[j]->kind == NODE_TEXT &&
	    numbering_len(str_skip_spaces(x->k[j]->text)) == 0)
		j++;
	return j;
}

/*
 * "…業務を株式会社〇〇に委託し、": the work a sentence entrusts, when it
 * opens the text (new string), else NULL.
 */
static char *
entrusted_work(const char *text)
{
	const char *wo = strstr(text, "を"), *verb = strstr(text, "に委託");
	char *work;

	if (verb == NULL)
		verb = strstr(text, "へ委託");
	if (wo == NULL || verb == NULL || wo > verb || wo - text > 3 * 60 ||
	    verb - wo > 3 * 40)
		return NULL;
	work = xstrndup(text, (size_t)(wo - text));
	if (strstr(work, "、") == NULL && strstr(work, "。") == NULL &&
	    (str_has_suffix(work, "業務") || str_has_suffix(work, "事務") ||
	    str_has_suffix(work, "作業")))
		return work;
	free(work);
	return NULL;
}

/* Does a paragraph say it is left out ("個人情報を取り扱わせないため、
 * 本報告の対象としない")? */
static int
leaves_out(const char *text)
{
	return strstr(text, "対象としない") != NULL ||
	    strstr(text, "対象外") != NULL ||
	    strstr(text, "取り扱わせないため") != NULL;
}

/*
 * Numbered paragraphs each entrusting a work in a sentence ("１．…業務
 * を株式会社〇〇に委託し、氏名、住所…を取り扱わせるものである。委託期
 * 間は…"): each a 委託 told in its sentences, titled by its work.
 */
static void
entrusting_paragraphs(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	for (size_t i = from; i < to && i < x->n; ) {
		const char *t = str_skip_spaces(x->k[i]->text);
		size_t n = numbering_len(t), j;
		struct buf text = BUF_INIT;
		char *work;

		if (x->k[i]->kind != NODE_TEXT || n == 0) {
			i++;
			continue;
		}
		j = paragraph_end(x, i, to);
		buf_puts(&text, str_skip_spaces(t + n));
		for (size_t k = i + 1; k < j; k++)
			buf_puts(&text, str_skip_spaces(x->k[k]->text));
		if ((work = entrusted_work(text.data)) != NULL &&
		    !leaves_out(text.data)) {
			add_prose_span(ps, i, j, PROC_OUTSOURCE, NULL, work);
		} else
			free(work);
		buf_free(&text);
		i = j;
	}
}

/* A section told in sentences ("１　報告する委託") whose numbered
 * paragraphs each entrust a work: a procedure per paragraph. */
static void
split_entrusting(const struct ctx *x, struct proc_spans *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		struct proc_spans paras = { NULL, 0 };

		if (!ps->v[i].prose || ps->v[i].record >= 0 ||
		    ps->v[i].type != PROC_OUTSOURCE)
			continue;
		entrusting_paragraphs(x, ps->v[i].from, ps->v[i].to, &paras);
		if (paras.n < 2) {
			for (size_t k = 0; k < paras.n; k++)
				free(paras.v[k].title);
			free(paras.v);
			continue;
		}
		free(ps->v[i].title);
		ps->v = xrealloc(ps->v, (ps->n + paras.n - 1) *
		    sizeof(*ps->v));
		memmove(ps->v + i + paras.n, ps->v + i + 1,
		    (ps->n - i - 1) * sizeof(*ps->v));
		memcpy(ps->v + i, paras.v, paras.n * sizeof(*ps->v));
		ps->n += paras.n - 1;
		i += paras.n - 1;
		free(paras.v);
	}
}

static int	ends_procedure_noun(const char *word);

/* The procedure a paragraph names in quotes as what it describes
 * ("「口座振替データ伝送に係る外部結合」として"): its name (new string) and
 * *type, or NULL. */
static char *
quoted_procedure(const char *key, int *type)
{
	const char *open = strstr(key, "「"), *close;
	char *name;

	if (open == NULL || open - key > 3 * 40 ||
	    memmem(key, (size_t)(open - key), "。", 3) != NULL ||
	    (close = strstr(open, "」")) == NULL || close - open > 3 * 40 ||
	    !str_has_prefix(close + 3, "として"))
		return NULL;
	name = xstrndup(open + 3, (size_t)(close - open - 3));
	*type = ends_procedure_noun(name) ? section_type(name) : -1;
	if (*type < 0 || *type == PROC_OTHER || *type == PROC_ASSESSMENT) {
		free(name);
		return NULL;
	}
	return name;
}

/*
 * Paragraphs each naming the procedure they describe in quotes, outside
 * the spans found ("「…外部結合」として、…を結合し…", "また、「…の目的外
 * 利用」として、…を利用する"): each a procedure told in its sentences,
 * when two or more are.
 */
static void
quoted_procedures(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to && i < x->n; i++) {
		int type;
		char *name;

		if (x->k[i]->kind == NODE_HEADING && ps->n > first &&
		    ps->v[ps->n - 1].to > i)
			ps->v[ps->n - 1].to = i;	/* a section ends it */
		struct proc_spans before = { ps->v, first };

		if (x->k[i]->kind != NODE_TEXT || in_spans(&before, i) ||
		    (name = quoted_procedure(x->k[i]->key, &type)) == NULL)
			continue;
		if (ps->n > first && ps->v[ps->n - 1].to > i)
			ps->v[ps->n - 1].to = i;
		add_prose_span(ps, i, to, type, NULL, name);
	}
	if (ps->n - first < 2) {
		for (size_t k = first; k < ps->n; k++)
			free(ps->v[k].title);
		ps->n = first;
	}
}

/* The procedure a paragraph names in the bracket it ends with
 * ("…利用すること（目的外利用）。"), or -1. */
static int
closing_type(const char *key)
{
	size_t n = strlen(key);
	const char *open;
	char *word;
	int t;

	if (n >= 3 && strcmp(key + n - 3, "。") == 0)
		n -= 3;
	if (n < 2 || key[n - 1] != ')')
		return -1;
	for (open = key + n - 1; open > key && *open != '('; open--)
		;
	if (*open != '(' || key + n - 1 - open > 3 * 10)
		return -1;
	word = xstrndup(open + 1, (size_t)(key + n - 2 - open));
	t = section_type(word);
	free(word);
	return t == PROC_OTHER ? -1 : t;
}

/*
 * Numbered paragraphs (諮問事項 written as sentences) each ending with
 * the kind of procedure it asks in brackets: "１　…を…利用すること（目
 * 的外利用）。" — each a procedure told in its sentences, when every
 * numbered paragraph of the run says its kind.
 */
static void
typed_paragraphs(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to && i < x->n; ) {
		const char *t = x->k[i]->text, *tab = strchr(t, '\t');
		struct buf key = BUF_INIT;
		size_t j = i + 1;
		int type;

		if (x->k[i]->kind == NODE_ROW && tab != NULL)
			t = tab + 1;	/* 諮問事項 | １　…: its first one */
		t = str_skip_spaces(t);
		if (x->k[i]->kind == NODE_BLANK || numbering_len(t) == 0) {
			i++;
			continue;
		}
		buf_puts(&key, x->k[i]->key);
		for (; j < to && j < x->n && x->k[j]->kind == NODE_TEXT; j++) {
			const char *u = x->k[j]->text;

			u = str_skip_spaces(u);
			if (numbering_len(u) > 0)
				break;
			buf_puts(&key, x->k[j]->key);
		}
		if ((type = closing_type(key.data)) >= 0) {
			add_prose_span(ps, i, j, type, NULL, NULL);
		}
		buf_free(&key);
		i = j;
	}
	if (ps->n - first == 1 && first == 0)
		ps->n = first;	/* one is a remark, not a list of them */
}

/* "・外部提供：選定した対象者の名簿（…）を、…に提供する。": a bullet
 * whose label is a kind of procedure, told in the sentence after it;
 * the kind, or -1. */
static int
kind_bullet(const struct node *k)
{
	const char *t = k->text, *colon;
	char *word;
	int type;

	if (k->kind != NODE_TEXT)
		return -1;
	while (*t == ' ' || str_has_prefix(t, "\xe3\x80\x80") ||
	    str_has_prefix(t, "・") || str_has_prefix(t, "○") ||
	    str_has_prefix(t, "●"))
		t += *t == ' ' ? 1 : 3;
	if ((colon = strstr(t, "：")) == NULL || colon == t ||
	    colon - t > 3 * 8 || str_has_prefix(colon + 3, "なし") ||
	    strlen(colon + 3) < 3 * 12)
		return -1;	/* (a sentence follows, not a name) */
	word = xstrndup(t, (size_t)(colon - t));
	type = section_type(word);
	free(word);
	return type == PROC_OTHER ? -1 : type;
}

/* Does line k go on the bullet above (no bullet, no heading, no blank)? */
static int
goes_on_bullet(const struct node *k)
{
	const char *t = k->text;

	t = str_skip_spaces(t);
	return k->kind == NODE_TEXT && !str_has_prefix(t, "・") &&
	    !str_has_prefix(t, "〔") && !str_has_prefix(t, "■");
}

/*
 * Minutes' bullets naming each procedure by its kind ("・目的外利用：…",
 * "・外部提供：…"): each a procedure told in its sentences, up to the
 * next bullet.
 */
static void
kind_bullets(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		size_t j = i + 1;
		int type = kind_bullet(x->k[i]);

		if (type < 0)
			continue;
		while (j < to && j < x->n && goes_on_bullet(x->k[j]))
			j++;
		add_prose_span(ps, i, j, type, NULL, NULL);
		i = j - 1;
	}
}

/* "外部結合", "・業務委託": a line that is only a kind of procedure (a
 * list's item over its labelled facts); the kind, or -1. */
/* Does word end in the noun of a procedure (…委託, …結合, …の収集),
 * not of its part (委託の内容, 委託の理由)? */
static int
ends_procedure_noun(const char *word)
{
	static const char *const nouns[] = { "委託", "結合", "提供", "利用",
	    "収集", "記録", "追加", NULL };

	return str_has_any_suffix(word, nouns);
}

static int
kind_line(const struct node *k)
{
	const char *t = str_skip_spaces(k->text);
	char *word;
	int type;

	if (k->kind != NODE_TEXT && k->kind != NODE_HEADING)
		return -1;
	while (str_has_prefix(t, "・") || str_has_prefix(t, "○") ||
	    str_has_prefix(t, "●") || str_has_prefix(t, "■") ||
	    str_has_prefix(t, "◆") || *t == '-' || *t == '*')
		t += *t == '-' || *t == '*' ? 1 : 3;
	if (str_has_prefix(t, "その")) {
		t += strlen("その");	/* その2　電子計算機への記録 */
		while (isdigit((unsigned char)*t))
			t++;
	}
	t = str_skip_spaces(t + numbering_len(t));
	if (strstr(t, "\xe3\x80\x80") != NULL || strstr(t, "  ") != NULL ||
	    strchr(t, '\t') != NULL)
		return -1;	/* words set apart: a row, a head of columns */
	word = strip_ws(t);
	type = *word == '\0' || strlen(word) > 3 * 14 ||
	    !ends_procedure_noun(word) ||
	    strstr(word, "。") != NULL || strstr(word, "：") != NULL ||
	    strchr(word, ':') != NULL ? -1 : section_type(word);
	free(word);	/* (not "再委託：なし", a choice) */
	return type == PROC_OTHER || type == PROC_ASSESSMENT ? -1 : type;
}

/*
 * Lines naming only a kind of procedure, each over labelled facts of
 * one ("外部結合" then 名称：…, 結合の相手方：…; "業務委託" then …): each
 * a procedure up to the next such line.
 */
static void
kind_lines(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, struct proc_spans *ps)
{
	size_t first = ps->n;

	for (size_t i = from; i < to && i < x->n; i++) {
		int type = kind_line(x->k[i]);

		if (type < 0)
			continue;
		if (ps->n > first)
			ps->v[ps->n - 1].to = i;
		add_proc_span(ps, i, to, type, -1, NULL);
	}
	for (size_t i = first; i < ps->n; i++)
		if (!span_has_fact(fs, ps->v[i].from + 1, ps->v[i].to)) {
			ps->n = first;	/* a word in a list, not a heading */
			return;
		}
}

/*
 * Procedures enumerated in sentences (minutes, a letter): "一つ目の
 * 「A」", "二つ目は「B」" — each from its sentence to the next, when at
 * least two are named and each name says what kind it is.
 */
static void
ordinal_procedures(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	struct strlist names = STRLIST_INIT;
	size_t first = ps->n;

	for (size_t i = from; i < to && i < x->n; i++) {
		char *name = ordinal_work(x->k[i]->key, 1);
		int t = name ? (int)type_from_words(name) : PROC_OTHER;

		if (name == NULL || t == PROC_OTHER || t == PROC_ASSESSMENT ||
		    strlist_contains(&names, name)) {
			free(name);
			continue;
		}
		strlist_push(&names, name);
		free(name);
		if (ps->n > first)
			ps->v[ps->n - 1].to = i;
		add_prose_span(ps, i, to, t, NULL, NULL);
	}
	if (names.n < 2)
		ps->n = first;
	strlist_free(&names);
}

/*
 * A row whose label names a procedure and whose value states it in
 * sentences ("(3) 再委託について<TAB>…を株式会社〇〇に再委託する"): a
 * procedure of that row.
 */
static void
row_sections(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	for (size_t i = from; i < to && i < x->n; i++) {
		char *label, *value;
		int t;

		if (x->k[i]->kind != NODE_ROW || !row_at(x, i, &label, &value))
			continue;
		t = section_type(skip_numbering(label));
		if (t == PROC_SUBCONTRACT && fact_field(label) <= FIELD_IGNORE &&
		    strstr(value, "に再委託") != NULL &&
		    !in_spans(ps, i)) {
			add_prose_span(ps, i, i + 1, t, NULL, NULL);
		}
		free(label);
		free(value);
	}
}

/* The first cell of row i when it names a procedure that groups rows
 * ("委託 | 業務名 | …"); NULL otherwise.  Free it. */
static char *
group_cell(const struct ctx *x, size_t i, int *type)
{
	char *label, *value, *group = NULL;
	char *tab;

	if (i >= x->n || x->k[i]->kind != NODE_ROW ||
	    !row_at(x, i, &label, &value))
		return NULL;
	tab = strchr(value, '\t');
	if (tab != NULL && (*type = section_type(label)) >= 0 &&
	    fact_field(label) <= FIELD_IGNORE) {
		*tab = '\0';
		if (fact_field(value) > FIELD_IGNORE)
			group = xstrdup(label);
	}
	free(label);
	free(value);
	return group;
}

/* Spans of type t holding nodes [from, to): a section whose rows group
 * the same procedure more precisely goes. */
static void
drop_holders(struct proc_spans *ps, size_t from, size_t to, int t)
{
	size_t kept = 0;

	for (size_t j = 0; j < ps->n; j++)
		if (!(ps->v[j].type == t && ps->v[j].from <= from &&
		    ps->v[j].to >= to))
			ps->v[kept++] = ps->v[j];
	ps->n = kept;
}

/* Runs of rows grouped under a procedure's name: a procedure each. */
static void
group_sections(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	for (size_t i = from; i < to; ) {
		int type;
		char *group = group_cell(x, i, &type);
		size_t end = i + 1;

		if (group == NULL) {
			free(group);
			i++;
			continue;
		}
		for (;;) {
			int t;
			char *next = group_cell(x, end, &t);
			int same = next != NULL && strcmp(next, group) == 0;

			free(next);
			if (!same || end >= to)
				break;
			end++;
		}
		if (end - i >= 2) {
			drop_holders(ps, i, end, type);
			add_proc_span(ps, i, end, type, -1, NULL);
		}
		free(group);
		i = end;
	}
}

/* Is node i inside one of the spans of ps? */
static int
in_spans(const struct proc_spans *ps, size_t i)
{
	for (size_t j = 0; j < ps->n; j++)
		if (i >= ps->v[j].from && i < ps->v[j].to)
			return 1;
	return 0;
}

/* Does a section say it is not done: "再委託は認めない", "なし"? */
static int
says_none(const struct ctx *x, size_t from, size_t to)
{
	static const char *const noes[] = { "認めない", "行わない", "しない",
	    "禁止", "なし", "無し", "予定はない", "ありません", NULL };
	size_t i = x->k[from]->kind == NODE_ROW ? from :
	    next_nonblank(x, from + 1), n;
	const char *k, *stop;

	if (i >= to || i >= x->n)
		return 0;
	k = x->k[i]->kind == NODE_ROW ? strchr(x->k[i]->text, '\t') :
	    x->k[i]->key;
	if (k == NULL)
		return 0;
	/* its first sentence: "本件の委託については、再委託を行わない。…" */
	n = (stop = strstr(k, "。")) != NULL ? (size_t)(stop - k) : strlen(k);
	if (n > 3 * 40)
		return 0;
	for (int w = 0; noes[w]; w++)
		if (memmem(k, n, noes[w], strlen(noes[w])) != NULL)
			return 1;
	return 0;
}

/*
 * A heading that holds sections of procedures of more than one kind is
 * the case's title ("…回線結合等について" over "2. 回線結合", "3. 記録",
 * "4. 業務委託"), not a procedure: its span goes.  (A 委託 section
 * holding its 再委託 stays: that is one procedure and its part.)
 */
static void
drop_containers(struct proc_spans *ps)
{
	size_t kept = 0;

	for (size_t i = 0; i < ps->n; i++) {
		int inner = 0, all = 0, same = 0;

		for (size_t j = 0; j < ps->n; j++) {
			int in = j != i && ps->v[j].from > ps->v[i].from &&
			    ps->v[j].to <= ps->v[i].to;

			inner += in && ps->v[j].type != PROC_SUBCONTRACT;
			all += in;
			same += in && ps->v[j].type == ps->v[i].type;
		}
		/* (a 再委託 alone inside a 委託 is part of it; beside a
		   委託 of the container's kind, both are its parts) */
		if (inner < 2 && !(all >= 2 && same >= 1))
			ps->v[kept++] = ps->v[i];
	}
	ps->n = kept;
}

/* Sections whose heading names a procedure and that state one. */
static void
section_procedures(const struct ctx *x, const struct facts *fs,
    size_t from, size_t to, struct proc_spans *ps)
{
	for (size_t i = from; i < to; i++) {
		const struct node *k = x->k[i];
		size_t end;
		int t;

		if (k->kind != NODE_HEADING || k->label == NULL ||
		    (t = heading_type(k)) < 0)
			continue;
		end = node_span_end(k);
		if (end > to)
			end = to;
		if (t == PROC_SUBCONTRACT && says_none(x, i, end))
			continue;	/* "(6) 再委託 / 再委託は認めない。" */
		if (span_has_fact(fs, i + 1, end) ||
		    (t == PROC_SUBCONTRACT && span_says(x, i + 1, end,
		    "再委託"))) {
			add_proc_span(ps, i, end, t, -1, k->label);
			/* nested sections are read on their own */
		}
	}
	row_sections(x, from, to, ps);
	group_sections(x, from, to, ps);
	drop_containers(ps);
	if (only_subcontracts(ps) && !facts_outside(fs, ps, from, to))
		prose_sections(x, fs, from, to, ps, 0);
	else if (ps->n > 0)
		prose_sections(x, fs, from, to, ps, 1);	/* beside them */
	if (ps->n > 0)
		sibling_sections(x, from, to, ps);
}

static int
by_start(const void *a, const void *b)
{
	const struct proc_span *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

static int	by_start(const void *, const void *);

/* Does a heading's label name a work ("…作成業務【税務課】"), not a
 * topic ("事務の現状と課題")? */
static int
names_work(const char *label)
{
	static const char *const works[] = { "業務", "事務", "作業",
	    "サービス", NULL };
	char *t = clean_title(label, 0);
	int yes = 0;

	for (int i = 0; works[i] && !yes; i++)
		yes = str_has_suffix(t, works[i]);
	free(t);
	return yes;
}

/*
 * Headings beside those of the procedures found, numbered alike under
 * the same head, that name no kind but state one in their sentences
 * ("（１）…作成業務【税務課】 / …を株式会社〇〇に委託した。" beside "（４）
 * 名簿の外部提供"): procedures of the same list, typed by their verbs.
 */
static void
sibling_sections(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t found = ps->n;

	for (size_t i = from; i < to; i++) {
		const struct node *k = x->k[i];
		size_t end;
		int t, sibling = 0;

		if (k->kind != NODE_HEADING || k->label == NULL ||
		    heading_type(k) >= 0 || in_spans(ps, i))
			continue;
		for (size_t j = 0; j < found && !sibling; j++) {
			const struct node *h = x->k[ps->v[j].from];

			sibling = h->kind == NODE_HEADING && h != k &&
			    h->parent == k->parent && h->form == k->form;
		}
		end = node_span_end(k);
		if (end > to)
			end = to;
		if (!sibling || !names_work(k->label) ||
		    holds_span(ps, i, end) ||
		    (t = type_in_prose(x, i + 1, end)) < 0)
			continue;
		add_prose_span(ps, i, end, t, k->label, NULL);
	}
	if (ps->n > found)
		qsort(ps->v, ps->n, sizeof(*ps->v), by_start);
}

/* Sections naming a procedure that state one and lie outside every
 * span of ps ("【変更事項2】事務の委託" after a sheet of its own): added. */
static void
sections_beside(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, struct proc_spans *ps)
{
	struct proc_spans more = { NULL, 0 };

	section_procedures(x, fs, from, to, &more);
	for (size_t i = 0; i < more.n; i++) {
		int overlaps = 0;

		for (size_t j = 0; j < ps->n && !overlaps; j++)
			overlaps = more.v[i].from < ps->v[j].to &&
			    ps->v[j].from < more.v[i].to;
		if (!overlaps && more.v[i].type != PROC_SUBCONTRACT &&
		    !says_none(x, more.v[i].from, more.v[i].to))
			add_proc_span(ps, more.v[i].from, more.v[i].to,
			    more.v[i].type, -1, more.v[i].heading);
	}
	free(more.v);
	qsort(ps->v, ps->n, sizeof(*ps->v), by_start);
}

/*
 * Facts of [from, to) in none of the spans of ps that say who or when
 * (a contractor, partner or period): a procedure of their own.  Items
 * alone outside every procedure describe a file, not a handing over.
 */
static int
uncovered_facts(const struct facts *fs, const struct proc_spans *ps,
    size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int covered = 0;

		if ((f->field != FIELD_CONSIGNEES && f->field != FIELD_PARTNER &&
		    f->field != FIELD_PERIOD &&
		    f->field != FIELD_SUBCONTRACTORS) || f->record >= 0 ||
		    f->at < from || f->at >= to)
			continue;
		for (size_t j = 0; j < ps->n && !covered; j++)
			covered = f->at >= ps->v[j].from && f->at < ps->v[j].to;
		if (!covered)
			return 1;
	}
	return 0;
}

/* A procedure of the facts outside the sections, read first. */
static void
implicit_first(struct proc_spans *ps, size_t from, size_t to)
{
	add_proc_span(ps, from, to, -1, -1, NULL);
	memmove(ps->v + 1, ps->v, (ps->n - 1) * sizeof(*ps->v));
	ps->v[0].from = from;
	ps->v[0].to = to;
	ps->v[0].type = -1;
	ps->v[0].record = -1;
	ps->v[0].heading = NULL;
	ps->v[0].title_at = 0;
	ps->v[0].prose = 0;
	ps->v[0].title = NULL;
}

/* The key of a block's first line past an opening 【 or ［. */
static const char *
block_key(const struct node *k)
{
	static const char *const marks[] = { "■", "□", "◆", "◇", "●", "○",
	    "▼", "▽", NULL };
	const char *p = k->key;

	for (int m = 0; marks[m]; m++)
		if (str_has_prefix(p, marks[m])) {
			p += strlen(marks[m]);	/* "■ No.1" */
			break;
		}
	if (str_has_prefix(p, "【"))
		p += strlen("【");
	else if (*p == '[')
		p++;
	return p;
}

/* The words a block's first line opens with, and the type of each ("【手続
 * 1】" blocks say their type in a row: kind_procedures reads them). */
static const struct {
	const char	*word;
	int		 type;
	int		 bracketed;	/* only as "【…N】" alone */
} block_words[] = {
	{ "委託事項", PROC_OUTSOURCE, 0 },
	{ "再委託", PROC_SUBCONTRACT, 1 },
	{ "委託", PROC_OUTSOURCE, 1 },
	{ "No.", -1, 0 },	/* "■ No.1" over a contract's rows: its
				   facts say which */
};

/*
 * "委託事項1 …", "委託事項２：…", "【委託事項1】", "【再委託その２】":
 * a line that starts an entrustment.  Its word's entry, and
 * where the text after the block's number begins in *rest; -1 when the
 * line starts none.
 */
static int
block_start(const struct node *k, const char **rest)
{
	const char *p = block_key(k);

	for (size_t w = 0; w < sizeof(block_words) / sizeof(block_words[0]);
	    w++) {
		const char *q = p;

		if (!str_has_prefix(q, block_words[w].word))
			continue;
		q += strlen(block_words[w].word);
		if (str_has_prefix(q, "その"))
			q += strlen("その");
		if (!isdigit((unsigned char)*q))
			return -1;
		while (isdigit((unsigned char)*q))
			q++;
		if (*q == '~' || str_has_prefix(q, "〜") ||
		    str_starts_hiragana(q))
			return -1;	/* "委託事項2~5": a group's heading;
					   "委託事項1に同じ。": a reference */
		if (block_words[w].bracketed && !(p != k->key &&
		    (strcmp(q, "】") == 0 || strcmp(q, "]") == 0)))
			return -1;
		*rest = q;
		return (int)w;
	}
	return -1;
}

static int
is_block_start(const struct node *k)
{
	const char *rest;

	return block_start(k, &rest) >= 0;
}

/*
 * Entrustments listed as blocks (委託事項1 … 委託事項2 …, 【再委託その1】
 * …): each block is a procedure up to the next one, the last one up to
 * the end of the section that holds them.
 */
static void
block_procedures(const struct ctx *x, size_t from, size_t to,
    struct proc_spans *ps)
{
	size_t first = ps->n, end = to;

	for (size_t i = from; i < to && i < end; i++) {
		const char *rest;
		int w = block_start(x->k[i], &rest);

		if (w < 0)
			continue;
		if (ps->n > first)
			ps->v[ps->n - 1].to = i;
		/* the blocks end with the section of the first: a later one
		   may sit under a numbered row of the one before it */
		if (ps->n == first && x->k[i]->parent != NULL &&
		    x->k[i]->parent->kind == NODE_HEADING)
			end = node_span_end(x->k[i]->parent);
		add_proc_span(ps, i, end < to ? end : to, block_words[w].type,
		    -1, NULL);
		ps->v[ps->n - 1].title_at = i;
	}
}

/* Is node k a line of its own that may name a block ("委託事項1" over
 * "国民健康保険システム運用保守業務"): plain text, short, no sentence? */
static int
names_block(const struct node *k)
{
	return k->kind == NODE_TEXT && !is_block_start(k) &&
	    strlen(k->key) <= 3 * 40 && strstr(k->key, "。") == NULL;
}

/* The title a block's first line gives ("委託事項1　…の業務"), or the
 * line under it when the first line is the number alone. */
static void
block_title(const struct ctx *x, size_t at, struct procedure *p)
{
	const struct node *k = x->k[at];
	const char *t;
	char *title;
	size_t next;

	if (block_start(k, &t) < 0)
		return;
	if (str_has_prefix(t, "】"))
		t += strlen("】");
	else if (*t == ']')
		t++;
	if (*t == ':')
		t++;
	if (*t == '\0' && (next = next_nonblank(x, at + 1)) < x->n &&
	    names_block(x->k[next])) {
		k = x->k[next];
		t = k->key;
	}
	title = clean_title(t, 0);
	if (*title) {
		field_set(&p->title, title, k->line);
		field_from(&p->title, "label 委託事項N");
	}
	free(title);
}

/* Facts of who and what (contractors, partners, items) in [from, to)? */
static int
span_has_names(const struct facts *fs, size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++)
		if ((fs->v[i].field == FIELD_CONSIGNEES ||
		    fs->v[i].field == FIELD_PARTNER ||
		    fs->v[i].field == FIELD_ITEMS) && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to)
			return 1;
	return 0;
}

/* Sheets: each 件名 row after the cover's (when the case has a cover
 * 件名) starts a procedure. */
/* The node of the first 件名 fact in [from, to), or from. */
static size_t
subject_at(const struct facts *fs, size_t from, size_t to)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].field == FIELD_SUBJECT && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to)
			return fs->v[i].at;
	return from;
}

static void
sheet_procedures(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, int has_cover, struct proc_spans *ps)
{
	size_t starts[256], n = 0;

	for (size_t i = 0; i < fs->n && n < 256; i++)
		if (fs->v[i].field == FIELD_SUBJECT && fs->v[i].record < 0 &&
		    fs->v[i].at >= from && fs->v[i].at < to &&
		    !is_sentence(fs->v[i].value)) {
			starts[n] = fs->v[i].at;
			/* "区分 | ☑目的外利用" right above the 件名 is the
			   sheet's */
			if (i > 0 && names_kind_column(fs->v[i - 1].label) &&
			    fs->v[i - 1].record < 0 &&
			    fs->v[i - 1].at + 1 == fs->v[i].at &&
			    fs->v[i - 1].at >= from)
				starts[n] = fs->v[i - 1].at;
			n++;
		}
	if (has_cover && n > 1 && span_has_names(fs, starts[0], starts[1]))
		has_cover = 0;	/* the first 件名 heads a form of its own */
	for (size_t s = has_cover ? 1 : 0; s < n; s++) {
		size_t end = s + 1 < n ? starts[s + 1] : to;
		const struct node *up = x->k[starts[s]]->parent;

		const char *named = NULL;

		/* a sheet under a heading naming its procedure ends where
		   a section naming another begins: "【変更事項1】本人以外か
		   らの収集" … "【変更事項2】事務の委託" */
		if (up != NULL && up->kind == NODE_HEADING && up->label != NULL &&
		    heading_type(up) >= 0) {
			named = up->label;
			for (size_t i = node_span_end(up); i < end; i++)
				if (x->k[i]->kind == NODE_HEADING &&
				    x->k[i]->label != NULL &&
				    heading_type(x->k[i]) >= 0) {
					end = i;
					break;
				}
		}
		if (!span_has_fact(fs, starts[s], end))
			continue;
		add_proc_span(ps, starts[s], end, -1, -1, named);
		ps->v[ps->n - 1].title_at = subject_at(fs, starts[s], end);
	}
}

/* The value of the first fact read at node at. */
static const char *
fact_value_at(const struct facts *fs, size_t at)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].at == at)
			return fs->v[i].value;
	return NULL;
}

/*
 * The type a form's checked box names: "■オンライン結合による提供",
 * "☑委託", "[○]外部提供"; -1 when none does.
 */
static int
checked_type(const char *value)
{
	static const char *const marks[] = { "■", "☑", "[○]", "［○］", "●",
	    NULL };

	for (int m = 0; marks[m]; m++)
		for (const char *p = strstr(value, marks[m]); p != NULL;
		    p = strstr(p + 1, marks[m])) {
			const char *q = p + strlen(marks[m]);
			size_t n = 0;
			char *option;
			enum proc_type t;

			while (q[n] && q[n] != '\n' && !str_has_prefix(q + n,
			    "□") && !str_has_prefix(q + n, "\xe3\x80\x80") &&
			    n < 3 * 20)
				n += (q[n] & 0xc0) == 0xc0 ? 3 : 1;
			option = xstrndup(q, n);
			t = type_from_words(option);
			free(option);
			if (t != PROC_OTHER && t != PROC_ASSESSMENT)
				return (int)t;
		}
	return -1;
}


/* "業務委託・再委託", "委託及び再委託": a kind cell naming a 委託 and its
 * 再委託 in one row. */
static int
names_both_entrustments(const char *v)
{
	const char *sub = strstr(v, "再委託");

	for (const char *p = strstr(v, "委託"); p != NULL;
	    p = strstr(p + 3, "委託"))
		if (sub != NULL && !(p >= v + 3 && p - 3 == sub) &&
		    p != sub + 3)
			return 1;
	return 0;
}

/* The type of a procedure from its facts' labels and title. */
/* Is node at inside a procedure section nested in span ps (a fact
 * there is that one's)? */
static int
in_nested_span(const struct proc_spans *all, const struct proc_span *ps,
    size_t at)
{
	for (size_t j = 0; j < all->n && ps->record < 0; j++)
		if (&all->v[j] != ps && all->v[j].record < 0 &&
		    all->v[j].from > ps->from && at >= all->v[j].from &&
		    at < all->v[j].to)
			return 1;
	return 0;
}

/* Does span i of all hold a procedure's fact of its own, outside the
 * spans nested in it? */
static int
has_own_facts(const struct facts *fs, const struct proc_spans *all,
    size_t i)
{
	const struct proc_span *p = &all->v[i];

	for (size_t k = 0; k < fs->n; k++)
		if (is_procedure_field(fs->v[k].field) &&
		    fs->v[k].record < 0 && fs->v[k].at >= p->from &&
		    fs->v[k].at < p->to && !in_nested_span(all, p, fs->v[k].at))
			return 1;
	return 0;
}

/* A span over the case's text holding a procedure's section of its own
 * type and no fact beside it ("報告第2号 …の外部提供について" over "２
 * 外部提供の内容" and its table): the section is the procedure. */
static void
drop_empty_containers(const struct facts *fs, struct proc_spans *ps)
{
	size_t kept = 0;
	char *drop = xcalloc(ps->n + 1, 1);

	for (size_t i = 0; i < ps->n; i++)
		for (size_t j = 0; j < ps->n && !drop[i]; j++)
			drop[i] = j != i && ps->v[i].record < 0 &&
			    ps->v[j].record < 0 &&
			    ps->v[j].from > ps->v[i].from &&
			    ps->v[j].to <= ps->v[i].to &&
			    ps->v[j].type == ps->v[i].type &&
			    ps->v[i].type >= 0 && !has_own_facts(fs, ps, i);
	for (size_t i = 0; i < ps->n; i++)
		if (!drop[i])
			ps->v[kept++] = ps->v[i];
	ps->n = kept;
	free(drop);
}

static int
type_of_facts(const struct facts *fs, const struct proc_span *p,
    const struct proc_spans *all, const char *title)
{
	int t = title ? (int)type_from_words(title) : PROC_OTHER;

	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		int checked;

		if (!(p->record >= 0 ? f->record == p->record :
		    f->record < 0 && f->at >= p->from && f->at < p->to) ||
		    in_nested_span(all, p, f->at))
			continue;
		if ((f->field == FIELD_NONE || names_kind_column(f->label)) &&
		    !strstr(f->label, "再委託") &&
		    (checked = checked_type(f->value)) >= 0)
			return checked;	/* the form says which */
		if (names_kind_column(f->label) &&
		    names_both_entrustments(f->value))
			return PROC_OUTSOURCE;	/* 業務委託・再委託: the 委託,
						   its 再委託 beside it */
		if (names_kind_column(f->label) &&
		    (checked = type_from_words(f->value)) != PROC_OTHER &&
		    checked != PROC_ASSESSMENT)
			return checked;	/* 区分: 外部結合 */
	}

	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (!(p->record >= 0 ? f->record == p->record :
		    f->record < 0 && f->at >= p->from && f->at < p->to) ||
		    in_nested_span(all, p, f->at))
			continue;
		if (f->field == FIELD_PARTNER && strstr(f->label, "結合"))
			return PROC_LINK;
		if (f->field == FIELD_PARTNER && strstr(f->label, "提供") &&
		    (t == PROC_OTHER || t == PROC_OUTSOURCE))
			return PROC_PROVISION;
		if (f->field == FIELD_CONSIGNEES && (t == PROC_OTHER ||
		    t == PROC_ASSESSMENT))
			t = PROC_OUTSOURCE;	/* a report's 委託事項 */
		if (f->field == FIELD_ITEMS && strstr(f->label, "記録") &&
		    t == PROC_OTHER)
			t = PROC_RECORD;
	}
	return t;
}

/* Does a 件名 cell only repeat its case's title (a list's rowspan)? */
static int
repeats_case_title(const struct pcase *c, const char *value)
{
	char *t = title_value(value), *ct = clean_title(t, 0);
	int same = c->title.value == NULL || strcmp(ct, c->title.value) == 0;

	free(t);
	free(ct);
	return same;
}

/* Does a fact choose 再委託 on a form ("[再委託する]", "有")? */
static int
chooses_subcontract(const struct fact *f)
{
	char *k;
	int yes;

	if (f->field == FIELD_NONE && names_kind_column(f->label) &&
	    names_both_entrustments(f->value))
		return 1;	/* 区分 | 業務委託・再委託 */
	if (strstr(f->label, "再委託") == NULL)
		return 0;
	if (f->field == FIELD_SUBCONTRACTORS && names_subcontract_column(f->label))
		return 1;	/* 再委託 | 株式会社〇〇 */
	k = strip_ws(f->value);
	if (strstr(k, "<選択肢>") != NULL)
		*strstr(k, "<選択肢>") = '\0';	/* the form's own choices */
	yes = strstr(k, "再委託する") != NULL && strstr(k, "再委託しない") ==
	    NULL;
	yes |= (strcmp(k, "有") == 0 || strcmp(k, "あり") == 0 ||
	    str_has_prefix(k, "有(") || str_has_prefix(k, "あり("));
	free(k);
	return yes;
}

/* Facts of a 再委託 within a 委託's block ("再委託先の名称", "再委託の
 *期間", "再委託する業務"): the 再委託 procedure's, when it has one. */
#define MAX_SUB_FACTS 32

struct sub_facts {
	size_t	v[MAX_SUB_FACTS];	/* indices into the facts */
	size_t	n;
	int	one_row;	/* 業務委託・再委託 in one row: its items and
				   period are both's */
};

static int
of_subcontract(const struct fact *f)
{
	char *k = strip_ws(f->label), *nf = norm_nfkc(k, strlen(k));
	int yes = str_has_prefix(skip_numbering(nf), "再委託") &&
	    (f->field == FIELD_WORK || f->field == FIELD_ITEMS ||
	    f->field == FIELD_PERIOD || f->field == FIELD_SUBCONTRACTORS);

	free(k);
	free(nf);
	return yes;
}

/* A field's from: the label it was read under. */
static void
set_origin(struct field *f, const char *label)
{
	char *by = label_origin(label);

	field_from(f, by);
	free(by);
}

/* A list's from: the label it was read under. */
static void
set_origin_list(char **at, const struct strlist *l, const char *label)
{
	char *by = label_origin(label);

	list_from(at, l, by);
	free(by);
}

/* "相手方": a column of whoever gets the data, whatever the procedure
 * (a 委託's contractor, a 提供's partner). */
static int
is_bare_party(const char *label)
{
	char *k = strip_ws(label);
	int yes = strcmp(k, "相手方") == 0 || strcmp(k, "相手先") == 0;

	free(k);
	return yes;
}

/* Is a 再委託 told apart from its 委託: a 再委託先 with items or a
 * period of its own (再委託先が取り扱う個人情報, 再委託期間)? */
static int
told_apart(const struct facts *fs, const struct sub_facts *sf)
{
	int named = 0, own = 0;

	for (size_t i = 0; i < sf->n; i++) {
		enum field_id f = fs->v[sf->v[i]].field;

		named |= f == FIELD_SUBCONTRACTORS;
		own |= f == FIELD_ITEMS || f == FIELD_PERIOD;
	}
	return named && own;
}

/* Fill p from the facts of its span (or record). */

static void
fill_procedure(const struct ctx *x, const struct facts *fs,
    const struct proc_span *ps, const struct proc_spans *all,
    struct pcase *c, size_t pi, int *subcontract, struct sub_facts *sub_facts)
{
	struct procedure *p = &c->procs[pi];
	int title_from_work = 0;

	*subcontract = 0;
	sub_facts->n = 0;
	sub_facts->one_row = 0;
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (ps->record >= 0 ? f->record != ps->record &&
		    !(f->record < 0 && f->at >= ps->detail_from &&
		    f->at < ps->detail_to) :
		    f->record >= 0 || f->at < ps->from || f->at >= ps->to)
			continue;
		if (in_nested_span(all, ps, f->at))
			continue;	/* a nested procedure section's */
		if (chooses_subcontract(f))
			*subcontract = 1;
		if (f->field == FIELD_NONE && names_kind_column(f->label) &&
		    names_both_entrustments(f->value))
			sub_facts->one_row = 1;
		if (p->type != PROC_SUBCONTRACT && of_subcontract(f) &&
		    sub_facts->n < MAX_SUB_FACTS) {
			sub_facts->v[sub_facts->n++] = i;	/* 再委託の期間 … */
			if (f->field != FIELD_SUBCONTRACTORS)
				continue;
		}
		if (f->field == FIELD_WORK && (p->title.value == NULL ||
		    !title_from_work)) {
			char *t = title_value(f->value), *ct = clean_title(t, 0);

			field_set(&p->title, ct, f->line);
			set_origin(&p->title, f->label);
			free(t);
			free(ct);
			title_from_work = 1;
		} else if (f->field == FIELD_SUBJECT && (ps->title_at == f->at ||
		    (p->title.value == NULL && ps->record < 0 &&
		    f->at > ps->from) || (ps->record >= 0 &&
		    !fs->rec[ps->record].is_case && ((p->title.value == NULL &&
		    (fs->rec[ps->record].key == NULL || first_fact(fs,
		    FIELD_WORK, 0, 0, ps->record) == NULL)) ||
		    !repeats_case_title(c, f->value))))) {
			/* (a row of a case's list of procedures: its 件名) */
			char *t = title_value(f->value), *ct = clean_title(t, 0);

			field_set(&p->title, ct, f->line);
			set_origin(&p->title, f->label);
			/* a sheet's own 件名 is its title, and so is a row's
			   of a list of procedures, unless it repeats the
			   case's */
			title_from_work |= ps->title_at == f->at ||
			    (ps->record >= 0 && !repeats_case_title(c,
			    f->value));
			free(t);
			free(ct);
		} else if (f->field == FIELD_SUBCONTRACTORS ||
		    (f->field == FIELD_NONE && strstr(f->label, "再委託"))) {
			if (f->field == FIELD_SUBCONTRACTORS) {
				char *v = clean_list(f->value, FIELD_CONSIGNEES);

				/* (its label may be a bare 再委託) */
				apply_field(c, p, FIELD_SUBCONTRACTORS, f->label,
				    v, f->line);
				free(v);
			}
			subcontractor_in_value(f->value, &p->subcontractors);
			set_line(&p->subcontractors_line, &p->subcontractors,
			    f->line);
		} else if (f->field == FIELD_ITEMS && refers_to_annex(f->value)) {
			annex_items_of(x, f->value, p, f->at);
		} else if (f->field == FIELD_SUBJECTS) {
			continue;	/* the case's */
		} else if (f->field == FIELD_PARTNER && (strstr(f->label,
		    "委託") || strstr(f->label, "契約") ||
		    is_bare_party(f->label)) &&
		    (p->type == PROC_OUTSOURCE ||
		    p->type == PROC_SUBCONTRACT)) {
			/* 相手方（委託先・結合先）, 契約の相手方 of a 委託: its
			   contractor */
			char *v = clean_list(f->value, FIELD_CONSIGNEES);

			if (p->type == PROC_SUBCONTRACT &&
			    origin_in_value(f->value, &p->consignees)) {
				/* X（委託元：Y）: X works for Y */
				parse_organisations(v, NULL,
				    &p->subcontractors);
				set_line(&p->subcontractors_line,
				    &p->subcontractors, f->line);
				set_line(&p->consignees_line, &p->consignees,
				    f->line);
				set_origin_list(&p->consignees_from,
				    &p->consignees, f->label);
			} else {
				char *by = label_origin(f->label);

				read_contractors(p, v, NULL, f->line, by);
				free(by);
			}
			free(v);
		} else if (f->field == FIELD_ITEMS ||
		    f->field == FIELD_CONSIGNEES) {
			char *v = told_in_sentences(f->value, f->field) ?
			    strip_ws(f->value) : clean_list(f->value, f->field);

			apply_row(c, p, f->label, v, f->line);
			free(v);
			p = &c->procs[pi];
			if (f->field == FIELD_CONSIGNEES &&
			    p->type == PROC_SUBCONTRACT) {
				/* 委託先 | X（再委託先：Y） in a 再委託's row */
				subcontractor_in_value(f->value,
				    &p->subcontractors);
				set_line(&p->subcontractors_line,
				    &p->subcontractors, f->line);
			}
		} else
			apply_row(c, p, f->label, f->value, f->line);
		p = &c->procs[pi];
	}
	if (told_apart(fs, sub_facts))
		*subcontract = 1;
	if (ps->record < 0 && (p->type == PROC_OUTSOURCE ||
	    p->type == PROC_SUBCONTRACT) && p->consignees.n == 0 &&
	    p->type != PROC_SUBCONTRACT)
		organisations_in_prose(x, p, ps->from, ps->to);
	if (ps->record < 0 && p->type == PROC_SUBCONTRACT)
		subcontract_from_prose(x, body_from(x, ps), ps->to, p);
	else if (ps->prose)
		procedure_from_prose(x, body_from(x, ps), ps->to,
		    &c->procs[pi]);
	else if (ps->record < 0 && c->procs[pi].data_items.n == 0)
		/* a table of its facts, its items listed below it */
		items_listed_after(x, body_from(x, ps), ps->to, &c->procs[pi]);
	if (c->procs[pi].data_items.n == 0 ||
	    c->procs[pi].period_start.value == NULL)
		annex_facts_of(x, ps->from, ps->to, &c->procs[pi]);
}

/* Text after a leading "諮問第31号" and the space after it. */
static const char *
after_case_header(const char *t)
{
	char *nf = norm_nfkc(t, strlen(t)), *num;
	const char *w = case_header(nf, &num), *p = t;

	free(nf);
	if (w == NULL)
		return t;
	free(num);
	if ((p = strstr(t, "号")) == NULL)
		return t;
	p += strlen("号");
	p = str_skip_spaces(p);
	return p;
}

/* "提供先ごとの内容（１）社会福祉協議会への…": the text after a part's
 * number in brackets, where the heading goes on after it. */
static const char *
after_part_number(const char *t)
{
	for (const char *p = strstr(t, "（"); p != NULL && p - t < 3 * 20;
	    p = strstr(p + 3, "（")) {
		const char *q = p + 3;

		while ((unsigned char)q[0] == 0xef && (unsigned char)q[1] == 0xbc &&
		    (unsigned char)q[2] >= 0x90 && (unsigned char)q[2] <= 0x99)
			q += 3;		/* ０-９ */
		while (isdigit((unsigned char)*q))
			q++;
		if (q > p + 3 && str_has_prefix(q, "）") && q[3] != '\0' &&
		    p > t)
			return q + 3;
	}
	return t;
}

/*
 * Under a heading that only numbers a part ("委託その1"), the title is
 * what its first "…内容" row says, when that is a name (短い, no
 * sentence): "(1) 委託内容　受給者台帳システムの運用・保守".
 */
static void
content_title(const struct ctx *x, const struct proc_span *sp,
    struct procedure *p)
{
	for (size_t i = sp->from + 1; i < sp->to && i < x->n; i++) {
		char *label, *value, *key;
		int named;

		if (!row_at(x, i, &label, &value))
			continue;
		key = strip_ws(skip_numbering(label));
		named = str_has_suffix(key, "内容") && !is_sentence(value) &&
		    strlen(value) < 3 * 40 && *value != '\0';
		if (named) {
			field_set(&p->title, value, x->k[i]->line);
			field_from(&p->title, "rule the part's …内容 row");
		}
		free(key);
		free(label);
		free(value);
		if (named)
			return;
	}
}

/*
 * A procedure's title from its section heading: "（２）外部提供　食物
 * アレルギー…への提供" names the type, then the subject after a gap.
 * Only such a heading gives one when named is set, or p is a 再委託
 * (a heading "(6) 再委託" is no title).
 */
static void
heading_title(const struct node *h, struct procedure *p, int named)
{
	const char *t = h->text, *gap;
	char *title;
	int names_type = 0;

	t = str_skip_spaces(t);
	t += numbering_len(t);
	t = after_case_header(t);
	t = after_part_number(t);
	gap = strstr(t, "\xe3\x80\x80");
	if (gap == NULL)
		gap = strstr(t, "  ");
	if (gap != NULL && gap > t) {
		char *first = xstrndup(t, (size_t)(gap - t));

		names_type = section_type(first) >= 0;
		free(first);
		while (names_type && (*gap == ' ' || str_has_prefix(gap,
		    "\xe3\x80\x80")))
			gap += *gap == ' ' ? 1 : 3;
		if (names_type && !str_has_prefix(gap, "【"))
			t = gap;	/* "業務委託　…業務": the kind, its title;
					   not "…の外部提供　【防災係】" */
	}
	if ((named || p->type == PROC_SUBCONTRACT) && !names_type)
		return;	/* "(6) 再委託": a part of the 委託, no title */
	title = clean_title(t, 0);
	if (*title) {
		field_set(&p->title, title, h->line);
		field_from(&p->title, "rule the section's heading");
	}
	free(title);
}

/*
 * A 再委託 beside procedure p: its consignees, its own subcontractors,
 * and what the 再委託's own labels say (its work, items, period).
 */
/* What a row of a 委託 and its 再委託 says of both: its items and
 * period, for the 再委託 (which states none of its own). */
static void
share_row(const struct procedure *p, struct procedure *sub)
{
	if (sub->data_items.n == 0) {
		for (size_t j = 0; j < p->data_items.n; j++)
			strlist_push(&sub->data_items, p->data_items.v[j]);
		sub->data_items_line = p->data_items_line;
	}
	if (sub->period_start.value == NULL && p->period_start.value != NULL) {
		field_set(&sub->period_start, p->period_start.value,
		    p->period_start.line);
		field_from(&sub->period_start, p->period_start.from);
	}
	if (sub->period_end.value == NULL && p->period_end.value != NULL) {
		field_set(&sub->period_end, p->period_end.value,
		    p->period_end.line);
		field_from(&sub->period_end, p->period_end.from);
	}
}

static void
add_subcontract(struct pcase *c, size_t pi, const struct facts *fs,
    const struct sub_facts *sf)
{
	struct procedure *sub = case_add_procedure(c, PROC_SUBCONTRACT);
	struct procedure *p = &c->procs[pi];

	sub->line = p->line;
	for (size_t i = 0; i < sf->n; i++) {
		const struct fact *f = &fs->v[sf->v[i]];

		if (f->field == FIELD_WORK && sub->title.value == NULL) {
			char *t = title_value(f->value);

			field_set(&sub->title, t, f->line);
			set_origin(&sub->title, f->label);
			free(t);
		} else if (f->field != FIELD_SUBCONTRACTORS) {
			char *v = f->field == FIELD_ITEMS ?
			    clean_list(f->value, f->field) : xstrdup(f->value);

			apply_row(c, sub, f->label, v, f->line);
			free(v);
		}
	}
	if (sub->title.value == NULL) {
		field_set(&sub->title, p->title.value, p->title.line);
		field_from(&sub->title, p->title.from);
	}
	for (size_t j = 0; j < p->consignees.n; j++)
		strlist_push(&sub->consignees, p->consignees.v[j]);
	sub->consignees_line = p->consignees_line;
	for (size_t j = 0; j < p->subcontractors.n; j++)
		strlist_push(&sub->subcontractors, p->subcontractors.v[j]);
	sub->subcontractors_line = p->subcontractors_line;
	if (sf->one_row)
		share_row(p, sub);
}

/* ---- a table of items marked per procedure ---- */

/* s without white space at either end (new string), or NULL when
 * nothing is left. */
static char *
cell_trim(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || str_has_prefix(s, "\xe3\x80\x80"))
		s += *s == ' ' || *s == '\t' ? 1 : 3;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)))
		n -= s[n - 1] == ' ' || s[n - 1] == '\t' ? 1 : 3;
	return n > 0 ? xstrndup(s, n) : NULL;
}

/* Does a cell mark its row as one of the column's: ○, ●, ✓, 有 …? */
int
is_mark_cell(const char *cell)
{
	static const char *const marks[] = { "○", "◯", "〇", "●", "◎",
	    "✓", "✔", "レ", "有", "あり", NULL };

	return cell_is_one_of(cell, marks);
}

/*
 * The head of a table of items marked per procedure ("No. | 項目 |
 * (1)外部結合 | (2)業務委託"): the item column (*item) and each
 * column's procedure type (type[], -1 for others).  Returns whether
 * at least two columns name a procedure.
 */
static int
matrix_head(const struct strlist *cells, int *item, int type[])
{
	int procs = 0;
	char **cell = cells->v;

	*item = -1;
	for (int j = 0; j < (int)cells->n; j++) {
		const char *key = skip_numbering(cell[j]);
		int t = section_type(key);

		type[j] = t >= 0 && t != PROC_OTHER && t != PROC_ASSESSMENT ?
		    t : -1;
		procs += type[j] >= 0;
		if (type[j] < 0 && *item < 0 && (strstr(cell[j], "項目") ||
		    fact_field(cell[j]) == FIELD_ITEMS))
			*item = j;
	}
	return *item >= 0 && procs >= 2;
}

/* The k-th procedure of type t in c (k from 0), or NULL. */
static struct procedure *
nth_of_type(struct pcase *c, int t, int k)
{
	for (size_t i = 0; i < c->nprocs; i++)
		if ((int)c->procs[i].type == t && k-- == 0)
			return &c->procs[i];
	return NULL;
}

/* Set p's items to those of column col marked in rows [from, to). */
static void
items_of_column(const struct ctx *x, size_t from, size_t to, int item,
    int col, struct procedure *p)
{
	struct strlist items = STRLIST_INIT;

	for (size_t i = from; i < to; i++) {
		struct strlist cells = STRLIST_INIT;
		char *name;

		row_cells(x->k[i]->text, &cells);
		if ((int)cells.n > col && (int)cells.n > item &&
		    is_mark_cell(cells.v[col]) &&
		    (name = cell_trim(cells.v[item])) != NULL) {
			strlist_push(&items, name);
			free(name);
		}
		strlist_free(&cells);
	}
	if (items.n > 0) {
		strlist_free(&p->data_items);
		p->data_items = items;
		free(p->data_items_from);
		p->data_items_from = NULL;
		list_from(&p->data_items_from, &p->data_items,
		    "rule a table of items marked per procedure");
		p->data_items_line = x->k[from]->line;
	} else
		strlist_free(&items);
}

/*
 * "項目 | (1)外部結合 | (2)業務委託" over rows marked ○ or －: each
 * procedure's items are the rows marked in its column.
 */
static void
marked_items(const struct ctx *x, const struct span *s, struct pcase *c)
{
	for (size_t i = s->from; i < s->to && i < x->n; i++) {
		struct strlist cells = STRLIST_INIT;
		int *type, item, seen[PROC__MAX] = { 0 };
		size_t end = i + 1;

		if (x->k[i]->kind != NODE_ROW)
			continue;
		row_cells(x->k[i]->text, &cells);
		type = xcalloc(cells.n, sizeof(*type));
		if (matrix_head(&cells, &item, type)) {
			while (end < s->to && end < x->n &&
			    x->k[end]->kind == NODE_ROW)
				end++;
			for (int j = 0; j < (int)cells.n; j++) {
				struct procedure *p;

				if (type[j] >= 0 && (p = nth_of_type(c, type[j],
				    seen[type[j]]++)) != NULL)
					items_of_column(x, i + 1, end, item, j,
					    p);
			}
			i = end - 1;
		}
		free(type);
		strlist_free(&cells);
	}
}

/*
 * Items stated in a section of their own ("【3】受託者が取り扱う個人情報"),
 * outside every procedure's section: the items of the one procedure
 * that is not a 再委託, when it states none itself.
 */
static void
adopt_stray_items(const struct facts *fs, const struct span *s,
    const struct proc_spans *ps, struct pcase *c)
{
	size_t owner = c->nprocs, mains = 0;

	for (size_t i = 0; i < c->nprocs; i++)
		if (c->procs[i].type != PROC_SUBCONTRACT) {
			mains++;
			owner = i;
		}
	if (mains != 1 || c->procs[owner].data_items.n > 0)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		char *v;

		if (f->field != FIELD_ITEMS || f->record >= 0 ||
		    f->at < s->from || f->at >= s->to || in_spans(ps, f->at))
			continue;
		v = clean_list(f->value, f->field);
		apply_row(c, &c->procs[owner], f->label, v, f->line);
		free(v);
	}
}

/* A 再委託 inherits the consignees of the 委託 before it. */
static void
inherit_consignees(struct pcase *c)
{
	for (size_t i = 1; i < c->nprocs; i++) {
		struct procedure *p = &c->procs[i];

		if (p->type != PROC_SUBCONTRACT || p->consignees.n > 0)
			continue;
		for (size_t j = i; j-- > 0; )
			if (c->procs[j].type == PROC_OUTSOURCE &&
			    c->procs[j].consignees.n > 0) {
				for (size_t m = 0; m < c->procs[j].consignees.n;
				    m++)
					strlist_push(&p->consignees,
					    c->procs[j].consignees.v[m]);
				p->consignees_line = c->procs[j].consignees_line;
				break;
			}
	}
}

static int
has_facts(const struct procedure *p)
{
	return p->consignees.n > 0 || p->subcontractors.n > 0 ||
	    p->data_items.n > 0 || p->partner.value != NULL ||
	    p->period_start.value != NULL || p->period_end.value != NULL ||
	    p->title.value != NULL;
}

/* The type a 手続の種類 fact chooses (☑業務委託, or 外部結合 written
 * alone), or -1. */
static int
kind_fact_type(const struct fact *f)
{
	int t;

	if (!names_kind_column(f->label))
		return -1;
	if ((t = checked_type(f->value)) >= 0)
		return t;
	t = (int)type_from_words(f->value);
	return t == PROC_OTHER || t == PROC_ASSESSMENT ? -1 : t;
}

/*
 * Where the block of the kind fact at node at begins: back over the
 * lines above it that name the procedure (手続の件名 | …) and over its
 * bracketed title (【手続１】), not past floor.
 */
static size_t
block_head(const struct ctx *x, const struct facts *fs, size_t at,
    size_t floor)
{
	size_t head = at;

	while (head > floor) {
		const struct node *k = x->k[head - 1];
		const struct fact *f = NULL;

		for (size_t i = 0; i < fs->n && f == NULL; i++)
			if (fs->v[i].at == head - 1 && fs->v[i].record < 0)
				f = &fs->v[i];
		if (f != NULL && (f->field == FIELD_WORK ||
		    f->field == FIELD_SUBJECT))
			head--;	/* 手続の件名 | … above 手続の種類 */
		else if (f == NULL && k->kind != NODE_ROW &&
		    str_has_prefix(k->key, "【") && str_has_suffix(k->key, "】"))
			return head - 1;	/* 【手続１】 */
		else
			break;
	}
	return head;
}

/*
 * Forms that each say which procedure they are ("手続の種類 | ☑業務委託"
 * … "手続の種類 | ☑再委託"): each such fact starts a procedure of its
 * type, up to the next one.  Two or more, else none.
 */
static void
kind_procedures(const struct ctx *x, const struct facts *fs, size_t from,
    size_t to, struct proc_spans *ps)
{
	size_t starts[64], n = 0;
	int types[64];

	for (size_t i = 0; i < fs->n && n < 64; i++) {
		const struct fact *f = &fs->v[i];

		if (f->record < 0 && f->at >= from && f->at < to &&
		    (types[n] = kind_fact_type(f)) >= 0 &&
		    (n == 0 || f->at > starts[n - 1])) {
			starts[n] = block_head(x, fs, f->at, n > 0 ?
			    starts[n - 1] + 1 : from);
			n++;
		}
	}
	for (size_t k = 0; n >= 2 && k < n; k++)
		add_proc_span(ps, starts[k], k + 1 < n ? starts[k + 1] : to,
		    types[k], -1, NULL);
}

/*
 * The procedures of a list of procedures whose No cites case record
 * rec's ("第31号 | 業務委託 | …", then rows of a blank No under it):
 * one span each.  Returns how many.
 */
static size_t
keyed_procedures(const struct facts *fs, int rec, struct proc_spans *ps)
{
	const char *key = fs->rec[rec].key;
	size_t n = 0;

	if (key == NULL || *key == '\0')
		return 0;
	for (size_t r = rec + 1; r < fs->nrec && !fs->rec[r].is_case; r++)
		if (fs->rec[r].key != NULL && strcmp(fs->rec[r].key, key) == 0 &&
		    fs->rec[r].end == fs->rec[rec].end) {	/* one table */
			/* rows of one case (a rowspan): its own row is its
			   first procedure */
			add_proc_span(ps, fs->rec[rec].at, fs->rec[rec].end, -1,
			    rec, NULL);
			n++;
			break;
		}
	for (size_t r = 0; r < fs->nrec; r++)
		if ((int)r != rec && !fs->rec[r].is_case &&
		    fs->rec[r].key != NULL && strcmp(fs->rec[r].key, key) == 0) {
			add_proc_span(ps, fs->rec[r].at, fs->rec[r].end, -1,
			    (int)r, NULL);
			n++;
		}
	return n;
}

/* Mark each record (a row of a list table) that says what a procedure
 * says — its work, parties, items, period or kind — not only dates and
 * departments (a change log: 版 | 日付 | 内容 | 担当).  One pass. */
static void
mark_procedure_records(struct facts *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];

		if (f->record >= 0 && (size_t)f->record < fs->nrec &&
		    (is_procedure_field(f->field) ||
		    f->field == FIELD_SUBJECT || kind_fact_type(f) >= 0))
			fs->rec[f->record].tells = 1;
	}
}

/*
 * A row of a list table of procedures whose work a section of the case
 * tells in full further on ("| 1 | 住民税課税資料データ入力業務 | … |",
 * then "### No.1　住民税課税資料データ入力業務" and its facts): the
 * section, for the row's procedure to read as well.
 */
static void
detail_sections(const struct ctx *x, const struct facts *fs,
    const struct span *s, struct proc_spans *ps)
{
	for (size_t k = 0; k < ps->n; k++) {
		struct proc_span *sp = &ps->v[k];
		const struct fact *work;
		char *want;

		if (sp->record < 0 || ((work = first_fact(fs, FIELD_WORK, 0, 0,
		    sp->record)) == NULL && (work = first_fact(fs,
		    FIELD_SUBJECT, 0, 0, sp->record)) == NULL))
			continue;
		want = strip_ws(work->value);
		for (size_t i = s->from; i < s->to && i < x->n; i++)
			if (x->k[i]->kind == NODE_HEADING &&
			    strlen(want) >= 3 * 4 &&
			    strstr(x->k[i]->key, want) != NULL &&
			    (i < fs->rec[sp->record].at ||
			    i >= fs->rec[sp->record].end)) {
				sp->detail_from = i + 1;
				sp->detail_to = node_span_end(x->k[i]);
				break;
			}
		free(want);
	}
}

/* Where the paragraph of prose at node i ends (before to): as
 * paragraph_end(), or at a line indented as a new paragraph. */
static size_t
indented_paragraph_end(const struct ctx *x, size_t i, size_t to)
{
	size_t end = paragraph_end(x, i, to), j = i + 1;

	while (j < end && !str_has_prefix(x->k[j]->text, "　"))
		j++;
	return j;
}

/* Does the paragraph [from, to) hand a work on now ("…に委託する",
 * "…に再委託することを予定している"), not tell of one done before
 * ("…に委託していた")?  Its type, or -1. */
static int
entrusts_in_paragraph(const struct ctx *x, size_t from, size_t to)
{
	static const char *const verbs[] = { "委託する", "委託し、",
	    "委託しよう", NULL };
	char *text = joined_text(x, from, to);
	int t = -1;

	for (const char *p = strstr(text, "委託"); p != NULL && t < 0;
	    p = strstr(p + 1, "委託")) {
		int sub = p >= text + 3 && str_has_prefix(p - 3, "再");
		const char *to_whom = p - (sub ? 3 : 0);

		if (!str_has_any_prefix(p, verbs) || to_whom < text + 3 ||
		    !(str_has_prefix(to_whom - 3, "に") ||
		    str_has_prefix(to_whom - 3, "へ")))
			continue;
		t = sub ? PROC_SUBCONTRACT : PROC_OUTSOURCE;
	}
	if (t >= 0) {	/* to a body it names, not "外部の事業者に委託し" */
		struct strlist bodies = STRLIST_INIT;

		if (contractors_in_sentence(text, t == PROC_SUBCONTRACT,
		    &bodies) == 0)
			t = -1;
		strlist_free(&bodies);
	}
	free(text);
	return t;
}

/*
 * A case whose paragraphs each hand a work of its own on ("まず、…を A
 * に委託する。" "次に、…を B に委託する。" "また、B は…を C に再委託
 * する。"): a procedure per such paragraph and those after it up to the
 * next, when two or more do.
 */
static void
told_by_paragraphs(const struct ctx *x, const struct span *s,
    struct proc_spans *ps)
{
	size_t first = ps->n, entrusts = 0;

	for (size_t i = s->from; i < s->to && i < x->n; ) {
		size_t end;
		int t;

		if (x->k[i]->kind != NODE_TEXT) {
			i++;
			continue;
		}
		end = indented_paragraph_end(x, i, s->to);
		if ((t = entrusts_in_paragraph(x, i, end)) >= 0) {
			if (ps->n > first)
				ps->v[ps->n - 1].to = i;
			/* the paragraphs after it tell more of it */
			add_prose_span(ps, i, s->to, t, NULL, NULL);
			entrusts += t == PROC_OUTSOURCE;
		}
		i = end;
	}
	if (ps->n - first < 2 || entrusts == 0)
		ps->n = first;	/* one work, told over the whole case */
}

/*
 * A case told in sentences only under a title that names no kind of
 * procedure ("…の導入に伴う個人情報の取扱いについて"): the procedures its
 * verbs state ("…の運用は、株式会社〇〇に委託します。…同社から株式会社
 * △△に再委託されます"), each over the case's text.
 */
static void
told_by_verbs(const struct ctx *x, const struct span *s,
    struct proc_spans *ps)
{
	int t = type_in_prose(x, s->from, s->to);

	if (t == PROC_SUBCONTRACT && says_entrusting(x, s->from, s->to))
		add_prose_span(ps, s->from, s->to, PROC_OUTSOURCE, NULL, NULL);
	if (t >= 0)
		add_prose_span(ps, s->from, s->to, t, NULL, NULL);
}

/* The kind of procedure the heading over a table's row names ("２　目的
 * 外利用（庁内での利用）" over 利用課 | 利用する情報 | …); PROC_OTHER
 * when none does. */
static int
type_of_table_section(const struct ctx *x, size_t row)
{
	for (const struct node *k = row < x->n ? x->k[row]->parent : NULL;
	    k != NULL; k = k->parent) {
		int t;

		if (k->kind == NODE_HEADING && k->label != NULL &&
		    (t = heading_type(k)) >= 0 && t != PROC_OTHER)
			return t;
	}
	return PROC_OTHER;
}

/* The procedure a fact's label names by its first word ("結合の相手方",
 * "委託する個人情報", "提供先"), for facts of a procedure; -1 else. */
static int
label_kind(const struct fact *f)
{
	static const struct {
		const char	*word;
		int		 type;
	} words[] = {
		{ "結合", PROC_LINK }, { "委託", PROC_OUTSOURCE },
		{ "受託", PROC_OUTSOURCE }, { "提供", PROC_PROVISION },
	};
	char *k;
	int t = -1;

	if (!is_procedure_field(f->field))
		return -1;
	k = strip_ws(f->label);
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if (str_has_prefix(skip_numbering(k), words[w].word))
			t = words[w].type;
	free(k);
	return t;
}

/*
 * One run of label rows that tells two procedures one after the other
 * ("結合の相手方 … 結合する個人情報 … 結合の期間" then "委託先 … 委託する
 * 個人情報 … 委託期間"): a span for each run of labels of one kind.
 */
static void
split_by_label_kind(const struct facts *fs, struct proc_spans *ps)
{
	size_t from = ps->v[0].from, to = ps->v[0].to, starts[8];
	int types[8], n = 0, last = -1;

	for (size_t i = 0; i < fs->n && n < 8; i++) {
		const struct fact *f = &fs->v[i];
		int t;

		if (f->record >= 0 || f->at < from || f->at >= to ||
		    (t = label_kind(f)) < 0 || t == last)
			continue;
		for (int j = 0; j < n; j++)
			if (types[j] == t)
				return;	/* kinds interleaved: one table */
		starts[n] = f->at;
		types[n++] = t;
		last = t;
	}
	if (n < 2)
		return;
	ps->v[0].to = starts[1];
	ps->v[0].type = types[0];
	for (int j = 1; j < n; j++)
		add_proc_span(ps, starts[j], j + 1 < n ? starts[j + 1] : to,
		    types[j], -1, NULL);
}

/* Does a title name a 委託 of its own ("…業務の委託について"), not only a
 * 再委託 ("…に係る再委託の承認について")? */
static int
title_names_entrustment(const char *title)
{
	for (const char *p = strstr(title, "委託"); p != NULL;
	    p = strstr(p + 1, "委託"))
		if (p - title < 3 || memcmp(p - 3, "再", 3) != 0)
			return 1;
	return 0;
}

static void
case_procedures(const struct ctx *x, const struct facts *fs,
    const struct span *s, struct pcase *c)
{
	struct proc_spans ps = { NULL, 0 };

	if (s->record >= 0 && !keyed_procedures(fs, s->record, &ps))
		add_proc_span(&ps, s->from, s->to, -1, s->record, NULL);
	for (size_t r = 0; r < fs->nrec && s->record < 0; r++)
		if (!fs->rec[r].is_case && fs->rec[r].at >= s->from &&
		    fs->rec[r].at < s->to && fs->rec[r].tells)
			add_proc_span(&ps, fs->rec[r].at, fs->rec[r].end, -1,
			    (int)r, NULL);
	detail_sections(x, fs, s, &ps);
	if (ps.n == 0 && s->record < 0)
		block_procedures(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0) {
		sheet_procedures(x, fs, s->from, s->to,
		    cover_subject(x, fs, s) != NULL, &ps);
		if (ps.n > 0)
			sections_beside(x, fs, s->from, s->to, &ps);
	}
	if (ps.n == 0 && s->record < 0)
		kind_procedures(x, fs, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0) {
		section_procedures(x, fs, s->from, s->to, &ps);
		if (ps.n > 0 && uncovered_facts(fs, &ps, s->from, s->to))
			implicit_first(&ps, s->from, s->to);
	}
	if (ps.n == 0 && s->record < 0)
		listed_procedures(x, fs, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		typed_paragraphs(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		kind_bullets(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		paragraph_procedures(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		ordinal_procedures(x, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		kind_lines(x, fs, s->from, s->to, &ps);
	if (ps.n == 0 && s->record < 0)
		entrusting_paragraphs(x, s->from, s->to, &ps);
	split_entrusting(x, &ps);
	if (s->record < 0)
		quoted_procedures(x, s->from, s->to, &ps);
	if (ps.n == 0 && span_has_fact(fs, s->from, s->to))
		add_proc_span(&ps, s->from, s->to, -1, -1, NULL);
	if (ps.n == 0 && s->record < 0)
		told_by_paragraphs(x, s, &ps);
	if (ps.n == 0 && s->record < 0 && c->title.value != NULL &&
	    type_from_words(c->title.value) != PROC_OTHER &&
	    type_from_words(c->title.value) != PROC_ASSESSMENT) {
		/* no labelled fact: the title names it, sentences state it */
		add_proc_span(&ps, s->from, s->to,
		    (int)type_from_words(c->title.value), -1, NULL);
		ps.v[0].prose = 1;
	}
	if (ps.n == 0 && s->record < 0)
		told_by_verbs(x, s, &ps);
	if (ps.n == 1 && s->record < 0 && ps.v[0].record < 0)
		split_by_label_kind(fs, &ps);
	if (ps.n > 0 && s->record < 0 && only_subcontracts(&ps) &&
	    c->title.value != NULL && title_names_entrustment(c->title.value)) {
		/* a 再委託 is of a 委託: the case's, stated in sentences */
		implicit_first(&ps, s->from, s->to);
		ps.v[0].type = PROC_OUTSOURCE;
		ps.v[0].prose = 1;
	}
	drop_empty_containers(fs, &ps);
	for (size_t i = 0; i < ps.n && getenv("PICORPUS_DEBUG_FACTS"); i++)
		fprintf(stderr, "span %s: lines %d-%d type %d record %d\n",
		    x->src->path, x->k[ps.v[i].from]->line,
		    x->k[ps.v[i].to - 1]->line, ps.v[i].type, ps.v[i].record);
	for (size_t i = 0; i < ps.n; i++) {
		struct proc_span *sp = &ps.v[i];
		struct sub_facts sub_facts;
		struct procedure *p;
		size_t pi;
		int sub;

		if (sp->type < 0 && sp->record >= 0 && sp->heading == NULL &&
		    sp->title_at == 0 && type_of_facts(fs, sp, &ps, NULL) ==
		    PROC_OTHER)	/* a row whose facts say no kind: its
				   table's heading may */
			sp->type = type_of_table_section(x, sp->from);
		if (sp->type < 0 || (sp->type == PROC_OTHER && sp->record >= 0 &&
		    sp->heading == NULL && sp->title_at == 0))
			sp->type = type_of_facts(fs, sp, &ps, sp->heading ?
			    sp->heading : sp->title_at ? fact_value_at(fs,
			    sp->title_at) : c->title.value);
		if (sp->type == PROC_OTHER && sp->record >= 0)
			sp->type = type_of_facts(fs, sp, &ps, c->title.value);
		pi = c->nprocs;
		p = case_add_procedure(c, (enum proc_type)sp->type);
		p->line = x->k[sp->from < x->n ? sp->from : x->n - 1]->line;
		if (sp->title_at > 0 && is_block_start(x->k[sp->title_at]))
			block_title(x, sp->title_at, &c->procs[pi]);
		fill_procedure(x, fs, sp, &ps, c, pi, &sub, &sub_facts);
		p = &c->procs[pi];
		if (sp->title != NULL) {
			field_set(&p->title, sp->title, p->line);
			field_from(&p->title, "rule a list of the procedures");
		}
		if (p->title.value == NULL && ps.n == 1 && sp->heading != NULL)
			heading_title(x->k[sp->from], p, 1);
		if (p->title.value == NULL && ps.n == 1) {
			field_set(&p->title, c->title.value, c->title.line);
			field_from(&p->title, "rule the case's title");
		}
		else if (p->title.value == NULL && sp->heading != NULL &&
		    x->k[sp->from]->form == NUM_WORD_NUMBER)
			content_title(x, sp, p);	/* "委託その1": no title */
		else if (p->title.value == NULL && sp->heading != NULL)
			heading_title(x->k[sp->from], p, 0);
		if (p->title.value == NULL && sp->prose &&
		    p->type != PROC_SUBCONTRACT) {
			/* told in sentences, no name of its own */
			field_set(&p->title, c->title.value, c->title.line);
			field_from(&p->title, "rule the case's title");
		}
		if (sub && p->type == PROC_OUTSOURCE)
			add_subcontract(c, pi, fs, &sub_facts);
		else if (sp->prose && p->type == PROC_OUTSOURCE &&
		    !has_subcontract_span(&ps))
			subcontract_in_sentences(x, body_from(x, sp), sp->to, c,
			    pi);
		if (!has_facts(&c->procs[pi]) && c->procs[pi].type == PROC_OTHER)
			case_drop_last_procedure(c);	/* nothing stated: not
							   a procedure */
	}
	if (s->record < 0) {
		adopt_stray_items(fs, s, &ps, c);
		marked_items(x, s, c);
	}
	inherit_consignees(c);
	for (size_t i = 0; i < ps.n; i++)
		free(ps.v[i].title);
	free(ps.v);
}

/* ---- driver ---- */

/* An agenda's other business (a fee rule, the choice of textbooks): a
 * case with no procedure whose title names nothing of personal data. */
static int
is_other_business(const struct pcase *c)
{
	static const char *const words[] = { "個人情報", "個人番号", "諮問",
	    "委託", "結合", "提供", "収集", "記録", "評価", "保護", "漏えい",
	    "開示", "利用", NULL };

	if (c->nprocs > 0 || c->title.value == NULL)
		return 0;
	for (int w = 0; words[w]; w++)
		if (strstr(c->title.value, words[w]) != NULL)
			return 0;
	return 1;
}

/* Drop the other business among the cases from `first` on, when one
 * case at least is left.  Returns how many went. */
static size_t
drop_other_business(struct case_list *out, size_t first)
{
	size_t kept = first, other = 0;

	for (size_t i = first; i < out->n; i++)
		other += is_other_business(out->v[i]);
	if (other == 0 || other == out->n - first)
		return 0;
	for (size_t i = first; i < out->n; i++) {
		if (is_other_business(out->v[i]))
			case_free(out->v[i]);
		else
			out->v[kept++] = out->v[i];
	}
	other = out->n - kept;
	out->n = kept;
	return other;
}

static struct pcase *
read_case(struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs)
{
	size_t last = s->to > s->from ? s->to : s->from + 1;
	struct pcase *c;

	if (last > x->n)
		last = x->n;
	c = new_case(x, case_kind(x, sp, s, fs), s->from, last);
	if (s->record >= 0)
		c->line_start = x->k[fs->rec[s->record].at]->line;
	if (s->number != NULL && !numbers_agenda_item(x->k[s->from]->key)) {
		field_set(&c->number, s->number, x->k[s->from]->line);
		field_from(&c->number, "rule 諮問第N号 header");
	}
	case_title(x, s, fs, c);
	if (c->number.value == NULL)
		case_number(x, s, fs, c);
	case_date(x, sp, s, fs, c);
	case_department(x, sp, s, fs, c);
	case_basis(x, sp, s, fs, c);
	case_count(x, s, fs, c);
	case_procedures(x, fs, s, c);
	return c;
}

size_t
extract_labelled(struct ctx *x, struct case_list *out)
{
	struct facts fs = { NULL, 0, NULL, 0 };
	struct spans sp;
	size_t added = 0;

	if (next_nonblank(x, 0) >= x->n)
		return 0;
	read_facts(x, &fs);
	mark_procedure_records(&fs);
	if (getenv("PICORPUS_DEBUG_FACTS"))
		for (size_t i = 0; i < fs.n; i++)
			fprintf(stderr, "fact %s:%d %s [%s] = %s (rec %d)\n",
			    x->src->path, fs.v[i].line, field_name(fs.v[i].field),
			    fs.v[i].label, fs.v[i].value, fs.v[i].record);
	find_cases(x, &fs, &sp);
	for (size_t i = 0; i < sp.n && getenv("PICORPUS_DEBUG_FACTS"); i++)
		fprintf(stderr, "case %s: nodes %zu-%zu number %s\n",
		    x->src->path, sp.v[i].from, sp.v[i].to,
		    sp.v[i].number ? sp.v[i].number : "-");
	for (size_t i = 0; i < sp.n; i++) {
		struct pcase *c = read_case(x, &sp, &sp.v[i], &fs);

		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = c;
		added++;
	}
	added -= drop_other_business(out, out->n - added);
	spans_free(&sp);
	facts_free(&fs);
	return added;
}
