/*
 * extract.c — the extractor's driver (see extract.h): builds the tree,
 * detects the layout family, finds the municipality, hands the document
 * to the family's reader, and gives each case its id and body.  Lines
 * are compared in their "key" form (NFKC, no white space: 件 名, 件名
 * and width variants alike); values are taken from the display text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "extract_int.h"
#include "normalize.h"
#include "rows.h"

int
is_blank(const struct node *k)
{
	return k->key[0] == '\0';
}

/* Index of the next non-blank line at or after i, or n. */
size_t
next_nonblank(const struct ctx *x, size_t i)
{
	while (i < x->n && is_blank(x->k[i]))
		i++;
	return i;
}

/* Digits of a number at s (ASCII after NFKC); NULL when none. */
char *
digits_at(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n ? xstrndup(s, n) : NULL;
}

/* The text after the first TAB of line i, trimmed; NULL when none. */
char *
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

char *
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

int
is_consultation_header(const char *key, char **number)
{
	char *num;

	if (!str_has_prefix(key, "諮問第"))
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
int
is_subject_line(const struct node *k)
{
	return str_has_prefix(k->key, "件名") &&
	    strlen(k->key) > strlen("件名");
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

/* Is there a three-byte kanji (or ヶ, ケ) at s? */
static int
is_kanji_at(const char *s)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, 3, &cp) != 3)
		return 0;
	return (cp >= 0x4e00 && cp <= 0x9fff) || cp == 0x30f6 || cp == 0x30b1;
}

/*
 * Names such as 世田谷区 followed by a word that only a municipality
 * takes (区長, 個人情報保護条例, 情報公開・…審議会, 情報セキュリティ).
 */
static const char *const municipality_followers[] = {
	"長", "個人情報", "情報公開", "情報セキュリティ", "は", "議会", "知事",
	"管理者", NULL
};

/* The ends of names of bodies: a municipality or prefecture (short
 * names), or a body several of them set up (広域連合, 一部事務組合). */
static const struct {
	const char	*suffix;
	int		 max_chars;	/* characters before the suffix */
} body_suffixes[] = {
	{ "区", 3 }, { "市", 4 }, { "町", 4 }, { "村", 4 }, { "県", 3 },
	{ "都", 2 }, { "府", 2 }, { "広域連合", 14 }, { "組合", 14 },
	{ "企業団", 10 },
};

#define NSUFFIXES (sizeof(body_suffixes) / sizeof(body_suffixes[0]))

/* Is the character at s a digit (1, １, 一 …)? */
static int
is_numeral_at(const char *s)
{
	static const char *const kanji[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十", "〇", NULL };

	if (*s >= '0' && *s <= '9')
		return 1;
	if ((unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbc &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
		return 1;
	for (int i = 0; kanji[i]; i++)
		if (str_has_prefix(s, kanji[i]))
			return 1;
	return 0;
}

/* A kanji that ends the word before a name: 第3回|練馬区, 7年度|…
 * (回, 年, 日 … after a number; 第 always). */
static int
ends_other_word(const char *key, const char *s)
{
	static const char *const ends[] = { "回", "度", "年", "月", "日", "号",
	    "条", "項", NULL };

	if (str_has_prefix(s, "第"))
		return 1;
	for (int i = 0; ends[i]; i++)
		if (str_has_prefix(s, ends[i]))
			return s > key && (is_numeral_at(s - 1) ||
			    (s - 3 >= key && is_numeral_at(s - 3)));
	return 0;
}

/* Is the character at s (3 bytes) a kana, and no particle? */
static int
is_name_kana_at(const char *s)
{
	static const char *const particles[] = { "は", "が", "を", "に", "で",
	    "と", "も", "へ", "や", "の", NULL };
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, 3, &cp) != 3 ||
	    !((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa)))
		return 0;
	for (int i = 0; particles[i]; i++)
		if (str_has_prefix(s, particles[i]))
			return 0;
	return 1;
}

/* The start of the name that ends at end (before its suffix), back over
 * at most max characters: kanji, "の" between kanji (伊豆の国市), and
 * for bodies' long names kana too (ふじみ衛生組合).  Returns end when
 * there is none. */
static const char *
name_start(const char *key, const char *end, int max, int kana)
{
	const char *start = end;
	int n = 0;

	while (n < max && start - 3 >= key) {
		const char *c = start - 3;

		if (is_kanji_at(c) && !ends_other_word(key, c))
			;
		else if (str_has_prefix(c, "の") && c - 3 >= key &&
		    is_kanji_at(c - 3) && start < end && is_kanji_at(start))
			;
		else if (kana && is_name_kana_at(c))
			;
		else
			break;
		start = c;
		n++;
	}
	return start;
}

static void
count_municipalities(const char *key, struct strlist *names)
{
	for (const char *p = key; *p; p++)
		for (size_t s = 0; s < NSUFFIXES; s++) {
			const char *suffix = body_suffixes[s].suffix, *after,
			    *start;

			if (*p != suffix[0] || !str_has_prefix(p, suffix))
				continue;
			after = p + strlen(suffix);
			for (int f = 0; municipality_followers[f]; f++) {
				const char *w = after;

				while (*w == ' ' || str_has_prefix(w,
				    "\xe3\x80\x80"))
					w += *w == ' ' ? 1 : 3;
				if (!str_has_prefix(w,
				    municipality_followers[f]))
					continue;
				start = name_start(key, p,
				    body_suffixes[s].max_chars,
				    body_suffixes[s].max_chars > 4);
				if (start < p && !str_has_prefix(start, "の"))
					strlist_pushn(names, start,
					    (size_t)(after - start));
				break;
			}
		}
}

static void
find_municipality(struct ctx *x)
{
	struct strlist names = STRLIST_INIT;
	size_t best = 0, bestn = 0;

	for (size_t i = 0; i < x->n; i++) {
		const char *tab = strchr(x->k[i]->text, '\t');
		char *label, *value;

		if (x->k[i]->kind != NODE_ROW || tab == NULL) {
			/* spaces kept: a label before the name is no part
			   of it (根拠　観音寺市…) */
			char *nf = norm_nfkc(x->k[i]->text,
			    strlen(x->k[i]->text));

			count_municipalities(nf, &names);
			free(nf);
			continue;
		}
		/* a row's label and value apart: 根拠規定 | 枚方市… */
		label = xstrndup(x->k[i]->text, (size_t)(tab - x->k[i]->text));
		value = strip_ws(label);
		count_municipalities(value, &names);
		free(value);
		free(label);
		value = strip_ws(tab + 1);
		count_municipalities(value, &names);
		free(value);
	}
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

/* ---- generic ---- */

/* A first line as a title: cut to TITLE_MAX bytes (at a character),
 * "…" marking the cut, so that a document of one long line does not
 * make a title of megabytes. */
#define TITLE_MAX 300

static void
set_title(struct field *f, const char *line, int lineno)
{
	struct buf b = BUF_INIT;

	if (strlen(line) <= TITLE_MAX) {
		field_set(f, line, lineno);
		return;
	}
	buf_put(&b, line, str_cut_at(line, TITLE_MAX));
	buf_puts(&b, "…");
	field_set(f, b.data, lineno);
	buf_free(&b);
}

static size_t
extract_generic(struct ctx *x, struct case_list *out)
{
	size_t t = next_nonblank(x, 0);
	struct pcase *c;

	if (t >= x->n)
		return 0;
	c = new_case(x, "その他", 0, x->n);
	set_title(&c->title, x->k[t]->key, x->k[t]->line);
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
	if (dot != NULL && strcasecmp(dot, ".pdf") == 0)
		dot = NULL;	/* a.pdf beside its older a.txt: other ids */
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

/*
 * Append a line without the option lists of form fields ("[再委託しない]
 * <選択肢> 1) 再委託する 2) 再委託しない" keeps "[再委託しない]"): the
 * options not chosen are the same in every form and would make every
 * assessment report match 再委託.
 */
static void
put_without_choices(struct buf *b, const char *line)
{
	static const char *const marks[] = { "<選択肢>", "＜選択肢＞", NULL };
	const char *p = line, *m, *end;

	for (;;) {
		m = NULL;
		for (int i = 0; marks[i]; i++) {
			const char *f = strstr(p, marks[i]);

			if (f != NULL && (m == NULL || f < m))
				m = f;
		}
		if (m == NULL)
			break;
		buf_put(b, p, (size_t)(m - p));
		end = strchr(m, '\t');
		p = end ? end : m + strlen(m);
	}
	buf_puts(b, p);
}

char *
case_body(const struct doc *d, int line_start, int line_end)
{
	struct buf body = BUF_INIT;

	for (size_t i = 0; i < d->n; i++) {
		int ln = d->lines[i].lineno;

		if (ln >= line_start && ln <= line_end) {
			put_without_choices(&body, d->lines[i].text);
			buf_putc(&body, '\n');
		}
	}
	return buf_detach(&body);
}

/* The body of a case (its lines, for full-text search) and its id. */
/* A partner is the other party of a 結合 or 提供 (SPEC §4.2): a
 * collection's source or a use's owner named as 相手方 is none. */
static void
drop_partners_of_internal(struct pcase *c)
{
	for (size_t i = 0; i < c->nprocs; i++) {
		struct procedure *p = &c->procs[i];

		if (p->type == PROC_RECORD || p->type == PROC_OTHER_USE ||
		    p->type == PROC_INDIRECT)
			field_set(&p->partner, NULL, 0);
	}
}

static void
finish_case(const struct ctx *x, const struct doc *d, struct pcase *c,
    size_t ordinal)
{
	struct buf id = BUF_INIT;
	char *stem = path_stem_id(x->src->path, hash_bytes(x->src->path,
	    strlen(x->src->path)));

	buf_printf(&id, "%s-%zu", stem, ordinal);
	c->id = buf_detach(&id);
	free(stem);
	c->body = case_body(d, c->line_start, c->line_end);
	drop_partners_of_internal(c);
}

/*
 * Set up x for document d, or tear it down.  With lines (the context of
 * the same document's lines as they are, which the family readers take),
 * the tree is built from d's lines with every label/value pairing made a
 * row (rows.h), as the layout-independent reader takes them.
 */
static void
ctx_open(struct ctx *x, const struct doc *d, const struct ctx *lines)
{
	memset(x, 0, sizeof(*x));
	if (lines != NULL) {
		rows_normalise(d, &x->rows);
		tree_build_from(&x->rows, &lines->tree, &x->tree);
	} else
		tree_build(d, &x->tree);
	x->k = x->tree.nodes;
	x->n = x->tree.n;
}

static void
ctx_close(struct ctx *x)
{
	tree_free(&x->tree);
	doc_free(&x->rows);
	free(x->municipality);
}

enum layout
detect_layout(const struct doc *d)
{
	struct ctx x;
	enum layout l;

	ctx_open(&x, d, NULL);
	l = detect(&x);
	ctx_close(&x);
	return l;
}

/* Did the reading find structure, or only a document's first line? */
static int
found_structure(const struct case_list *l, size_t from)
{
	for (size_t i = from; i < l->n; i++) {
		const struct pcase *c = l->v[i];

		if (c->nprocs > 0 || c->number.value != NULL ||
		    c->department.value != NULL || c->legal_basis.n > 0)
			return 1;
	}
	return 0;
}

/* Numbered sections (1 委託先, (2) 対象者数) whose label names a
 * procedure's field: the consultation family's form. */
static size_t
field_sections(const struct ctx *x)
{
	size_t n = 0;

	for (size_t i = 0; i < x->n; i++) {
		enum field_id f;

		if (x->k[i]->kind != NODE_HEADING || x->k[i]->form != NUM_ARABIC)
			continue;
		f = label_field(x->k[i]->label);
		n += (f >= FIELD_PARTNER && f <= FIELD_SUBJECTS) || f == FIELD_WORK;
	}
	return n;
}

/* Did the reading find every case's cover: its department or basis? */
static int
read_cover(const struct case_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->department.value == NULL &&
		    l->v[i]->legal_basis.n == 0)
			return 0;
	return 1;
}

static size_t
procedures_of(const struct case_list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		n += l->v[i]->nprocs;
	return n;
}

/*
 * Did a family reading leave unstated what the labelled reading would
 * look for: a case's department or legal basis, or a consultation's
 * contractor or items?
 */
static int
has_gaps(const struct case_list *family, enum layout l)
{
	for (size_t i = 0; i < family->n; i++) {
		const struct pcase *c = family->v[i];

		if (c->department.value == NULL || c->legal_basis.n == 0)
			return 1;
		for (size_t j = 0; j < c->nprocs && l == LAYOUT_CONSULTATION;
		    j++)
			if (c->procs[j].type == PROC_OUTSOURCE &&
			    (c->procs[j].consignees.n == 0 ||
			    c->procs[j].data_items.n == 0))
				return 1;
	}
	return 0;
}

/*
 * Is the document in the form its family reader was made for?  Then that
 * reader, tuned to the form, is trusted over the general one: an
 * assessment report whose 委託事項 rows it read, a sheet (a 件名<TAB>
 * cover whose department or basis it read), a consultation whose numbered sections are labelled with
 * fields; and it found as many cases as the document's structure
 * shows.  Anything else is read by the layout-independent reader.
 */
static int
family_confirmed(const struct ctx *x, enum layout l,
    const struct case_list *family, const struct case_list *labelled)
{
	if (family->n == 0 || (labelled != NULL && family->n < labelled->n) ||
	    family->n < count_case_headers(x))
		return 0;	/* it missed cases the structure shows */
	if (labelled != NULL && family->n == labelled->n &&
	    procedures_of(labelled) > procedures_of(family))
		return 0;	/* or procedures the sections show */
	for (size_t i = 0; i < family->n; i++)
		if (family->v[i]->title.value == NULL)
			return 0;	/* it did not find what a case is */
	switch (l) {
	case LAYOUT_ASSESSMENT:
		return procedures_of(family) > 0;
	case LAYOUT_SHEET:
		return read_cover(family);
	case LAYOUT_CONSULTATION:
		return field_sections(x) >= 2;
	default:
		return 0;
	}
}

static void
fill_field(struct field *to, const struct field *from)
{
	if (to->value == NULL && from->value != NULL)
		field_set(to, from->value, from->line);
}

static void
fill_list(struct strlist *to, int *to_line, const struct strlist *from,
    int from_line)
{
	if (to->n > 0 || from->n == 0)
		return;
	for (size_t i = 0; i < from->n; i++)
		strlist_push(to, from->v[i]);
	*to_line = from_line;
}

/*
 * What the family reading left unstated and the labelled reading of the
 * same cases found: a department in a letter's "（担当 …）", items in an
 * annex.  Only gaps are filled, case by case and procedure by procedure
 * when both readings agree on how many there are.
 */
static void
fill_gaps(struct case_list *family, const struct case_list *labelled,
    enum layout layout)
{
	if (family->n != labelled->n)
		return;
	for (size_t i = 0; i < family->n; i++) {
		struct pcase *c = family->v[i];
		const struct pcase *l = labelled->v[i];

		fill_field(&c->department, &l->department);
		fill_field(&c->date, &l->date);
		fill_list(&c->legal_basis, &c->legal_basis_line,
		    &l->legal_basis, l->legal_basis_line);
		if (c->subjects_count < 0 && l->subjects_count >= 0) {
			c->subjects_count = l->subjects_count;
			c->subjects_line = l->subjects_line;
		}
		if (c->nprocs != l->nprocs || layout != LAYOUT_CONSULTATION)
			continue;	/* the other forms' procedures are read
					   whole by their readers */
		for (size_t j = 0; j < c->nprocs; j++) {
			struct procedure *p = &c->procs[j];
			const struct procedure *q = &l->procs[j];

			if (p->type != q->type)
				continue;
			fill_list(&p->data_items, &p->data_items_line,
			    &q->data_items, q->data_items_line);
			fill_list(&p->consignees, &p->consignees_line,
			    &q->consignees, q->consignees_line);
			fill_field(&p->partner, &q->partner);
			fill_field(&p->period_start, &q->period_start);
			fill_field(&p->period_end, &q->period_end);
		}
	}
}

/*
 * Every value a reader set without saying by what: "rule the sheet
 * reader" (the family readers know their forms' places, not labels).
 */
static void
mark_readers(struct pcase *c, const char *reader)
{
	struct field *fields[] = { &c->municipality, &c->kind, &c->number,
	    &c->title, &c->date, &c->department };
	char rule[64];

	snprintf(rule, sizeof(rule), "rule the %s reader", reader);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (fields[i]->value != NULL && fields[i]->from == NULL)
			field_from(fields[i], rule);
	list_from(&c->legal_basis_from, &c->legal_basis, rule);
	if (c->subjects_count >= 0 && c->subjects_from == NULL)
		c->subjects_from = xstrdup(rule);
	for (size_t j = 0; j < c->nprocs; j++) {
		struct procedure *p = &c->procs[j];
		struct field *pf[] = { &p->title, &p->partner,
		    &p->period_start, &p->period_end };

		for (size_t i = 0; i < sizeof(pf) / sizeof(pf[0]); i++)
			if (pf[i]->value != NULL && pf[i]->from == NULL)
				field_from(pf[i], rule);
		list_from(&p->consignees_from, &p->consignees, rule);
		list_from(&p->subcontractors_from, &p->subcontractors, rule);
		list_from(&p->data_items_from, &p->data_items, rule);
	}
}

/* The family reader of layout l over x; appends to out. */
static size_t
read_family(struct ctx *x, enum layout l, struct case_list *out)
{
	switch (l) {
	case LAYOUT_ASSESSMENT:
		return extract_assessment(x, out);
	case LAYOUT_CONSULTATION:
		return extract_consultations(x, out);
	case LAYOUT_SHEET:
		return extract_sheets(x, out);
	default:
		return 0;
	}
}

/*
 * Read d twice: by the reader of the layout family it looks like (the
 * seeds' forms, tuned to them) and by the layout-independent reader
 * (extract_labelled.c) over its rows; keep the reading that says more.
 * When neither finds structure the document is still one case.
 */
size_t
extract_cases(const struct source *src, const struct doc *d,
    struct segmenter *seg, struct case_list *out, struct diag *dg)
{
	struct ctx x, y;
	struct case_list family = { NULL, 0 }, labelled = { NULL, 0 }, *pick;
	size_t first = out->n;
	enum layout layout;

	ctx_open(&x, d, NULL);
	x.seg = seg;
	x.src = src;
	x.dg = dg;
	find_municipality(&x);
	layout = detect(&x);
	read_family(&x, layout, &family);
	/* the labelled reading, unless the family reader recognised its
	   form and left nothing for it to find */
	memset(&y, 0, sizeof(y));
	if (!family_confirmed(&x, layout, &family, NULL) ||
	    has_gaps(&family, layout)) {
		ctx_open(&y, d, &x);
		y.seg = seg;
		y.src = src;
		y.dg = dg;
		y.municipality = x.municipality ? xstrdup(x.municipality) :
		    NULL;
		y.municipality_line = x.municipality_line;
		extract_labelled(&y, &labelled);
		pick = family_confirmed(&x, layout, &family, &labelled) ?
		    &family : &labelled;
		if (pick == &family)
			fill_gaps(&family, &labelled, layout);
	} else
		pick = &family;
	if (getenv("PICORPUS_DEBUG_FACTS"))
		fprintf(stderr, "reader %s: %s %s\n", src->path,
		    layout_name(layout), pick == &family ? "family" : "labelled");
	if (getenv("PICORPUS_READER"))
		pick = strcmp(getenv("PICORPUS_READER"), "family") == 0 ?
		    &family : &labelled;
	if (pick->n == 0 && next_nonblank(&x, 0) < x.n)
		extract_generic(&x, pick);
	for (size_t i = 0; i < pick->n; i++) {
		mark_readers(pick->v[i], pick == &family ?
		    layout_name(layout) : "labelled");
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = pick->v[i];
	}
	pick->n = 0;
	for (size_t i = first; i < out->n; i++)
		finish_case(&x, d, out->v[i], i - first + 1);
	if (out->n == first)
		diag_report(dg, src->path, 0, "no case found (empty text)");
	else if (!found_structure(out, first))
		diag_report(dg, src->path, 0, "no structured case recognised; "
		    "indexed as one document");
	case_list_free(&family);
	case_list_free(&labelled);
	ctx_close(&y);
	ctx_close(&x);
	return out->n - first;
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
