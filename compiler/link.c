/*
 * link.c — similar precedents with reasons (see link.h).
 *
 * Data: every distinct feature (kind + folded key) is interned once in
 * a hash table and has an id; a case holds its structured feature ids as
 * it is added, and its body lines as (line hash, feature ids of the line)
 * until linker_run() knows which lines are boilerplate.  linker_run()
 * then (1) counts in how many cases each line occurs, (2) gives each case
 * its sorted feature set without boilerplate lines, (3) counts document
 * frequencies, weights and posting lists, (4) for each case accumulates
 * partial dot products over the postings of its rarer features, scores
 * the best candidates exactly and keeps the top.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ingest.h"
#include "link.h"
#include "normalize.h"
#include "strtab.h"

/* Features whose posting list is longer are not used to find candidates
 * (they still count in the exact score). */
#define POSTINGS_CAP	400
/* Candidates scored exactly per case (link.h). */
#define CANDIDATES	LINK_CANDIDATES
/* Features of a case (its heaviest) whose postings give candidates. */
#define SEED_FEATURES	32
/* A body line in at least this many cases (and 5% of them) is boilerplate. */
#define BOILERPLATE_MIN	3
/*
 * Weight left to a word of one municipality's house style: used by two or
 * more of its documents and by no other municipality's.  (Within one
 * municipality's corpus every word is such, and the scaling is uniform.)
 */
#define HOUSE_STYLE	0.25

enum fkind {
	F_CONSIGNEE,	/* 委託先 / 再委託先 organisation */
	F_PARTNER,	/* 結合・提供の相手方 */
	F_ITEM,		/* data item */
	F_BASIS,	/* legal-basis citation */
	F_LINE,		/* connection kind */
	F_TYPE,		/* procedure type */
	F_TITLE,	/* content word of the case's or a procedure's title */
	F_WORD,		/* content word (or compound) of the body */
	F__MAX
};

/* How much a shared feature of each kind says, before rarity. */
static const double kind_factor[F__MAX] = {
	3.0, 3.0, 1.0, 1.5, 1.5, 0.5, 2.0, 1.0
};

struct feature {
	enum fkind	 kind;
	const char	*key;		/* folded: what is compared (in keys) */
	char		*display;	/* as first seen: what reasons say */
	uint32_t	 df;		/* cases having it */
	uint32_t	 town;		/* municipality of its first case */
	uint32_t	 doc;		/* document of its first case */
	unsigned	 towns : 1;	/* a case of another municipality has it */
	unsigned	 docs : 1;	/* another document of the same has it */
	double		 w;		/* kind_factor × log(N / df) */
	uint32_t	*post;		/* cases having it, ascending, or NULL
					   when too common to find candidates */
	double		*postw;		/* its weight in each of those */
};

struct idlist {
	uint32_t	*v;
	size_t		 n, cap;
};

struct lline {
	uint64_t	 hash;		/* of the folded, space-free line */
	size_t		 first, n;	/* its features in lcase.line_feats */
};

struct lcase {
	char		*id;
	uint32_t	 town;		/* municipality, interned (0 = none) */
	uint32_t	 doc;		/* source document, interned */
	struct idlist	 fixed;		/* structured features */
	struct lline	*lines;
	size_t		 nlines, caplines;
	struct idlist	 line_feats;
	struct idlist	 feats;		/* final: sorted, unique */
	struct idlist	 tf;		/* times each of feats occurs */
	double		*wv;		/* weight of each of feats here:
					   w × (1 + log tf) */
	double		 norm;		/* sqrt of Σ wv² */
	struct link	*links;
	size_t		 nlinks;
};

struct scored;
struct scratch;

struct linker {
	struct feature	*f;
	size_t		 nf, capf;
	struct strtab	 keys;		/* "kind byte + key" of each feature */
	struct strtab	 names;		/* municipalities and sources */
	struct lcase	*c;
	size_t		 nc, capc;
	int		 prepared;	/* linker_prepare() done */
	struct scratch	*scratch;	/* linker_link()'s */
};

/* What linking one case needs for itself: nc entries each, acc zeroed.
 * One per thread. */
struct scratch {
	double		*acc;
	uint32_t	*touched;
	struct scored	*cand;
};

/* ---- small helpers ---- */

static void
idlist_push(struct idlist *l, uint32_t v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = v;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort v[0..n) and drop repeats; returns the new length. */
static size_t
unique_u64(uint64_t *v, size_t n)
{
	size_t j = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (j == 0 || v[i] != v[j - 1])
			v[j++] = v[i];
	return j;
}

/* Sort ids, then keep each once with its count in tf. */
static void
count_repeats(struct idlist *ids, struct idlist *tf)
{
	size_t j = 0;

	if (ids->n > 1)
		qsort(ids->v, ids->n, sizeof(*ids->v), cmp_u32);
	for (size_t i = 0; i < ids->n; i++) {
		if (j > 0 && ids->v[i] == ids->v[j - 1]) {
			tf->v[j - 1]++;
			continue;
		}
		ids->v[j++] = ids->v[i];
		idlist_push(tf, 1);
	}
	ids->n = j;
}

/* Number of UTF-8 characters of s[0..n). */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			k++;
	return k;
}

/* ---- interning ---- */

/*
 * The id of feature (kind, key), made on first sight with display.  The
 * string table holds "kind byte + key"; ids are the same as its ids.
 */
static uint32_t
intern(struct linker *l, enum fkind kind, const char *key,
    const char *display)
{
	char small[128], *k = small;	/* no allocation for most words */
	size_t n = strlen(key) + 1;
	struct feature *f;
	uint32_t id;

	if (n > sizeof(small))
		k = xmalloc(n);
	k[0] = (char)('A' + (int)kind);
	memcpy(k + 1, key, n - 1);
	id = strtab_intern(&l->keys, k, n);
	if (k != small)
		free(k);
	if (id < l->nf)
		return id;
	if (l->nf == l->capf) {
		l->capf = l->capf ? l->capf * 2 : 256;
		l->f = xrealloc(l->f, l->capf * sizeof(*l->f));
	}
	f = &l->f[l->nf];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->key = strtab_str(&l->keys, id) + 1;
	f->display = xstrdup(display);
	return (uint32_t)l->nf++;
}

/* ---- features of a case ---- */

/*
 * A case's features as text, before they are interned: made without
 * touching the linker, so in any thread (link.h).
 */
struct link_features {
	char		*id, *town, *doc;
	struct buf	 strs;		/* per feature: kind byte, key, NUL,
					   display, NUL */
	size_t		*at;		/* where each feature starts in strs */
	size_t		 n, cap;
	size_t		 nfixed;	/* the first nfixed: structured, titles */
	struct fline {
		uint64_t	 hash;	/* of the folded, space-free line */
		size_t		 first, n;	/* its features */
	}		*lines;
	size_t		 nlines, caplines;
};

static void
record(struct link_features *cf, enum fkind kind, const char *key,
    const char *display)
{
	if (cf->n == cf->cap) {
		cf->cap = cf->cap ? cf->cap * 2 : 64;
		cf->at = xrealloc(cf->at, cf->cap * sizeof(*cf->at));
	}
	cf->at[cf->n++] = cf->strs.len;
	buf_putc(&cf->strs, 'A' + (int)kind);
	buf_put(&cf->strs, key, strlen(key) + 1);
	buf_put(&cf->strs, display, strlen(display) + 1);
}

/* Legal-entity words that do not tell organisations apart. */
static const char *const entity_words[] = {
	"株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
	"一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
	"社会福祉法人", "特定非営利活動法人", "地方独立行政法人",
	"独立行政法人", "医療法人", "学校法人", "(株)", "(有)", NULL
};

/* Consignee values that name no organisation. */
static const char *const not_orgs[] = {
	"未定", "なし", "無し", "該当なし", "選定中", "検討中", "調整中",
	"未決定", NULL
};

/* An organisation name, folded, without entity words and spaces. */
static char *
org_key(const char *name)
{
	char *f = norm_fold(name, strlen(name)), *k, *p;

	for (int i = 0; entity_words[i]; i++) {
		size_t n = strlen(entity_words[i]);

		while ((p = strstr(f, entity_words[i])) != NULL)
			memmove(p, p + n, strlen(p + n) + 1);
	}
	k = norm_strip_space(f, strlen(f));
	free(f);
	for (int i = 0; not_orgs[i]; i++)
		if (str_has_prefix(k, not_orgs[i]))
			*k = '\0';
	return k;
}

/* Add feature (kind, key of text) to list; org names use org_key(). */
static void
add_feature(struct link_features *cf, enum fkind kind, const char *text)
{
	char *key;

	if (text == NULL || *text == '\0')
		return;
	if (kind == F_CONSIGNEE || kind == F_PARTNER)
		key = org_key(text);
	else {
		char *f = norm_fold(text, strlen(text));

		key = norm_strip_space(f, strlen(f));
		free(f);
	}
	if (*key != '\0')
		record(cf, kind, key, text);
	free(key);
}

static void
add_all(struct link_features *cf, enum fkind kind,
    const struct strlist *names)
{
	for (size_t i = 0; i < names->n; i++)
		add_feature(cf, kind, names->v[i]);
}

static void
structured_features(struct link_features *cf, const struct pcase *c)
{
	for (size_t i = 0; i < c->nprocs; i++) {
		const struct procedure *p = &c->procs[i];

		add_all(cf, F_CONSIGNEE, &p->consignees);
		add_all(cf, F_CONSIGNEE, &p->subcontractors);
		add_feature(cf, F_PARTNER, p->partner.value);
		add_all(cf, F_ITEM, &p->data_items);
		add_feature(cf, F_TYPE, proc_type_name(p->type));
	}
	add_all(cf, F_BASIS, &c->legal_basis);
}

/* Connection kinds, by a folded substring and the name reasons use. */
static const char *const line_kinds[][2] = {
	{ "lgwan", "LGWAN" }, { "専用回線", "専用回線" },
	{ "インターネット", "インターネット" }, { "vpn", "VPN" },
	{ NULL, NULL }
};

/* Nouns of a run whose starts are kept (for its two- and three-noun
 * parts: 特定健康診査情報 gives 健康診査, 特定健康診査 …). */
#define RUN_MAX	16

/* MeCab words of one line: nouns, and runs of nouns as compounds. */
struct words_ctx {
	struct link_features *cf;
	enum fkind	 kind;		/* F_TITLE or F_WORD */
	const char	*meta;		/* folded municipality and department:
					   words in it say who wrote the case,
					   not what it is about */
	const char	*text;
	size_t		 run_start, run_end;	/* current noun run */
	int		 run_n;
	size_t		 at[RUN_MAX];	/* where its first nouns start */
	size_t		 len[RUN_MAX];	/* and their bytes */
};

static int
is_noun(const struct word *w)
{
	return strcmp(w->pos, "名詞") == 0 && strcmp(w->pos1, "非自立") != 0 &&
	    strcmp(w->pos1, "代名詞") != 0;
}

/* A noun that means something alone: not a number or suffix, 2+ chars. */
static int
is_content_noun(const struct word *w, const char *text)
{
	return is_noun(w) && strcmp(w->pos1, "数") != 0 &&
	    strcmp(w->pos1, "接尾") != 0 &&
	    utf8_chars(text + w->start, w->len) >= 2;
}

/*
 * Is s a word worth comparing: letters only (kanji, kana, Latin; ー and
 * ・ inside), no digits or symbols (PDF rules, "3号", "(①" are noise)?
 */
static int
is_word_text(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	int letters = 0;

	while (*p && (n = utf8proc_iterate(p, -1, &cp)) > 0) {
		utf8proc_category_t cat = utf8proc_category(cp);

		if (cp == 0x30fc || cp == 0x30fb)	/* ー ・ */
			;
		else if (cat >= UTF8PROC_CATEGORY_LU &&
		    cat <= UTF8PROC_CATEGORY_LO)
			letters++;
		else
			return 0;
		p += n;
	}
	return letters > 0;
}

/*
 * Does folded word w name who wrote the case: the municipality, its stem
 * or a compound holding it (新宿区, 新宿, 新宿区健康づくり課), or a unit of
 * its department (健康づくり課)?  meta is "municipality\ndepartment",
 * folded.
 */
static int
names_the_author(const char *w, const char *meta)
{
	static const char *const units[] = { "課", "部", "係", "室", "担当",
	    "センター", NULL };
	const char *nl = strchr(meta, '\n'), *dept = nl ? nl + 1 : "";
	size_t n = strlen(w);

	if (n == 0)
		return 0;
	if (nl != NULL && (size_t)(nl - meta) >= n &&
	    strncmp(meta, w, n) == 0)
		return 1;
	if (nl != NULL && nl > meta && memmem(w, n, meta,
	    (size_t)(nl - meta)) != NULL)
		return 1;
	if (strstr(dept, w) == NULL)
		return 0;
	for (int i = 0; units[i]; i++)
		if (str_has_suffix(w, units[i]))
			return 1;
	return 0;
}

static void
add_word(struct words_ctx *x, size_t start, size_t len)
{
	char *s = xstrndup(x->text + start, len), *f;

	if (is_word_text(s)) {	/* letters only: folding is the whole key */
		f = norm_fold(s, len);
		if (*f != '\0' && !names_the_author(f, x->meta))
			record(x->cf, x->kind, f, s);
		free(f);
	}
	free(s);
}

static void
flush_run(struct words_ctx *x)
{
	int n = x->run_n < RUN_MAX ? x->run_n : RUN_MAX;

	if (x->run_n >= 2)
		add_word(x, x->run_start, x->run_end - x->run_start);
	for (int i = 0; x->run_n <= RUN_MAX && i < n; i++)	/* parts */
		for (int k = 2; k <= 3 && i + k <= n &&	/* not from 券, 等 … */
		    utf8_chars(x->text + x->at[i], x->len[i]) >= 2; k++) {
			size_t end = i + k < n ? x->at[i + k] : x->run_end;

			if (k < n)
				add_word(x, x->at[i], end - x->at[i]);
		}
	x->run_n = 0;
}

static int
on_word(void *arg, const struct word *w)
{
	struct words_ctx *x = arg;

	if (!is_noun(w)) {
		flush_run(x);
		return 0;
	}
	if (is_content_noun(w, x->text))
		add_word(x, w->start, w->len);
	if (x->run_n > 0 && w->start == x->run_end) {
		if (x->run_n < RUN_MAX) {
			x->at[x->run_n] = w->start;
			x->len[x->run_n] = w->len;
		}
		x->run_end = w->start + w->len;
		x->run_n++;
	} else {
		flush_run(x);
		x->run_start = x->at[0] = w->start;
		x->len[0] = w->len;
		x->run_end = w->start + w->len;
		x->run_n = 1;
	}
	return 0;
}

/* The features of one line of text (words, connection kinds). */
static void
line_features(struct link_features *cf, enum fkind kind, const char *meta,
    const char *line, size_t len, struct segmenter *seg)
{
	struct words_ctx x = { cf, kind, meta, line, 0, 0, 0, { 0 }, { 0 } };
	char *folded = norm_fold(line, len);

	for (int i = 0; line_kinds[i][0]; i++)
		if (strstr(folded, line_kinds[i][0]) != NULL)
			record(cf, F_LINE, line_kinds[i][1], line_kinds[i][1]);
	free(folded);
	if (seg != NULL && segmenter_words(seg, line, len, on_word, &x) == 0)
		flush_run(&x);
}

/*
 * Record a body line: its hash, and the features of its text — for a
 * "label<TAB>value" row only of the value, as the labels are the form's
 * and say nothing of the case.
 */
static void
add_line(struct link_features *cf, const char *meta, const char *line,
    size_t len, struct segmenter *seg)
{
	char *f = norm_fold(line, len), *k = norm_strip_space(f, strlen(f));
	const char *tab = memchr(line, '\t', len);
	struct fline *ln;

	if (*k != '\0') {
		if (cf->nlines == cf->caplines) {
			cf->caplines = cf->caplines ? cf->caplines * 2 : 32;
			cf->lines = xrealloc(cf->lines, cf->caplines *
			    sizeof(*cf->lines));
		}
		ln = &cf->lines[cf->nlines++];
		/* 32 bits: in how many cases a line occurs is all it is for,
		 * and two lines sharing a hash among a million is harmless */
		ln->hash = hash_bytes(k, strlen(k)) & 0xffffffffu;
		ln->first = cf->n;
		if (tab != NULL) {
			len -= (size_t)(tab + 1 - line);
			line = tab + 1;
		}
		line_features(cf, F_WORD, meta, line, len, seg);
		ln->n = cf->n - ln->first;
	}
	free(f);
	free(k);
}

struct linker *
linker_new(void)
{
	return xcalloc(1, sizeof(struct linker));
}

/* A new, empty case at the end. */
static struct lcase *
new_case(struct linker *l, const char *id, const char *municipality,
    const char *source)
{
	struct lcase *lc;

	if (l->nc == l->capc) {
		l->capc = l->capc ? l->capc * 2 : 64;
		l->c = xrealloc(l->c, l->capc * sizeof(*l->c));
	}
	lc = &l->c[l->nc++];
	memset(lc, 0, sizeof(*lc));
	lc->id = xstrdup(id ? id : "");
	if (municipality == NULL)
		municipality = "";
	if (source == NULL)
		source = "";
	lc->town = strtab_intern(&l->names, municipality,
	    strlen(municipality));
	lc->doc = strtab_intern(&l->names, source, strlen(source));
	return lc;
}

struct link_features *
link_features_new(const struct pcase *c, struct segmenter *seg)
{
	struct link_features *cf = xcalloc(1, sizeof(*cf));
	const char *p, *nl;
	char *meta;
	struct buf m = BUF_INIT;

	cf->id = xstrdup(c->id ? c->id : "");
	cf->town = xstrdup(c->municipality.value ? c->municipality.value : "");
	cf->doc = xstrdup(c->source ? c->source : "");
	structured_features(cf, c);
	buf_printf(&m, "%s\n%s", cf->town, c->department.value ?
	    c->department.value : "");
	meta = norm_fold(m.data, m.len);
	buf_free(&m);
	if (c->title.value != NULL)
		line_features(cf, F_TITLE, meta, c->title.value,
		    strlen(c->title.value), seg);
	for (size_t i = 0; i < c->nprocs; i++)
		if (c->procs[i].title.value != NULL)
			line_features(cf, F_TITLE, meta,
			    c->procs[i].title.value,
			    strlen(c->procs[i].title.value), seg);
	cf->nfixed = cf->n;
	for (p = c->body ? c->body : ""; *p; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		add_line(cf, meta, p, (size_t)(nl - p), seg);
	}
	free(meta);
	return cf;
}

void
link_features_free(struct link_features *cf)
{
	if (cf == NULL)
		return;
	free(cf->id);
	free(cf->town);
	free(cf->doc);
	buf_free(&cf->strs);
	free(cf->at);
	free(cf->lines);
	free(cf);
}

/* The id of recorded feature k. */
static uint32_t
intern_recorded(struct linker *l, const struct link_features *cf, size_t k)
{
	const char *s = cf->strs.data + cf->at[k], *key = s + 1;

	return intern(l, (enum fkind)(s[0] - 'A'), key, key + strlen(key) + 1);
}

void
linker_add_features(struct linker *l, const struct link_features *cf)
{
	struct lcase *lc = new_case(l, cf->id, cf->town, cf->doc);

	for (size_t k = 0; k < cf->nfixed; k++)
		idlist_push(&lc->fixed, intern_recorded(l, cf, k));
	lc->caplines = lc->nlines = cf->nlines;
	lc->lines = xcalloc(cf->nlines + 1, sizeof(*lc->lines));
	for (size_t j = 0; j < cf->nlines; j++) {
		struct lline *ln = &lc->lines[j];

		ln->hash = cf->lines[j].hash;
		ln->first = lc->line_feats.n;
		for (size_t k = 0; k < cf->lines[j].n; k++)
			idlist_push(&lc->line_feats, intern_recorded(l, cf,
			    cf->lines[j].first + k));
		ln->n = cf->lines[j].n;
	}
}

void
linker_add(struct linker *l, const struct pcase *c, struct segmenter *seg)
{
	struct link_features *cf = link_features_new(c, seg);

	linker_add_features(l, cf);
	link_features_free(cf);
}

/* ---- stored input (link.h) ---- */

size_t
linker_nfeatures(const struct linker *l)
{
	return l->nf;
}

void
linker_feature(const struct linker *l, size_t k, int *kind,
    const char **key, const char **display)
{
	*kind = (int)l->f[k].kind;
	*key = l->f[k].key;
	*display = l->f[k].display;
}

int
linker_add_feature(struct linker *l, int kind, const char *key,
    const char *display)
{
	size_t had = l->nf;

	if (kind < 0 || kind >= F__MAX || l->nc > 0)
		return -1;
	return intern(l, (enum fkind)kind, key, display) == had ? 0 : -1;
}

/* A count, then ids sorted, each as the difference from the one before
 * (order within a list does not matter: count_repeats() sorts). */
static void
put_ids(struct buf *out, const uint32_t *v, size_t n)
{
	uint32_t *sorted = xmalloc((n + 1) * sizeof(*sorted)), prev = 0;

	if (n > 0)
		memcpy(sorted, v, n * sizeof(*sorted));
	if (n > 1)
		qsort(sorted, n, sizeof(*sorted), cmp_u32);
	buf_put_varint(out, n);
	for (size_t i = 0; i < n; i++) {
		buf_put_varint(out, sorted[i] - prev);
		prev = sorted[i];
	}
	free(sorted);
}

/*
 * Format: varints — the number of structured features and their ids;
 * the number of body lines, and for each its hash (32 bits) and its
 * feature ids (put_ids()).
 */
void
linker_case_input(const struct linker *l, size_t i, struct buf *out)
{
	const struct lcase *c = &l->c[i];

	put_ids(out, c->fixed.v, c->fixed.n);
	buf_put_varint(out, c->nlines);
	for (size_t j = 0; j < c->nlines; j++) {
		buf_put_varint(out, c->lines[j].hash);
		put_ids(out, c->line_feats.v + c->lines[j].first,
		    c->lines[j].n);
	}
}

/* Read a count and that many feature ids (< nf) into list. */
static int
get_ids(const struct linker *l, const unsigned char **p,
    const unsigned char *end, struct idlist *list)
{
	uint64_t n, v, id = 0;

	if (varint_get(p, end, &n) == -1 || n > (uint64_t)(end - *p))
		return -1;
	for (uint64_t k = 0; k < n; k++) {
		if (varint_get(p, end, &v) == -1 || (id += v) >= l->nf)
			return -1;
		idlist_push(list, (uint32_t)id);
	}
	return 0;
}

static int
read_input(struct linker *l, struct lcase *lc, const unsigned char *p,
    const unsigned char *end)
{
	uint64_t nlines;

	if (get_ids(l, &p, end, &lc->fixed) == -1 ||
	    varint_get(&p, end, &nlines) == -1 ||
	    nlines > (uint64_t)(end - p))
		return -1;
	lc->caplines = lc->nlines = (size_t)nlines;
	lc->lines = xcalloc(nlines + 1, sizeof(*lc->lines));
	for (size_t j = 0; j < nlines; j++) {
		struct lline *ln = &lc->lines[j];

		if (varint_get(&p, end, &ln->hash) == -1)
			return -1;
		ln->first = lc->line_feats.n;
		if (get_ids(l, &p, end, &lc->line_feats) == -1)
			return -1;
		ln->n = lc->line_feats.n - ln->first;
	}
	return p == end ? 0 : -1;
}

int
linker_add_input(struct linker *l, const char *id, const char *municipality,
    const char *source, const void *data, size_t len)
{
	struct lcase *lc = new_case(l, id, municipality, source);

	if (read_input(l, lc, data, (const unsigned char *)data + len) == 0)
		return 0;
	free(lc->id);
	free(lc->fixed.v);
	free(lc->lines);
	free(lc->line_feats.v);
	l->nc--;
	return -1;
}

/* ---- linking ---- */

/*
 * In how many cases does each line hash occur?  An open-addressing table
 * (hash → count): linear in the number of lines, where sorting them all
 * made this stage grow faster than the corpus.
 */
struct line_count {
	uint64_t	*hash;		/* 0 = empty slot */
	uint32_t	*count;
	size_t		 cap;		/* a power of two */
};

static size_t
line_slot(const struct line_count *lc, uint64_t h)
{
	size_t i = (size_t)h & (lc->cap - 1);

	while (lc->hash[i] != 0 && lc->hash[i] != h)
		i = (i + 1) & (lc->cap - 1);
	return i;
}

static void
count_lines(const struct linker *l, struct line_count *lc)
{
	size_t total = 0, max = 0;
	uint64_t *one;

	for (size_t i = 0; i < l->nc; i++) {
		total += l->c[i].nlines;
		if (l->c[i].nlines > max)
			max = l->c[i].nlines;
	}
	for (lc->cap = 1024; lc->cap < 2 * total; lc->cap *= 2)
		;
	lc->hash = xcalloc(lc->cap, sizeof(*lc->hash));
	lc->count = xcalloc(lc->cap, sizeof(*lc->count));
	one = xmalloc((max + 1) * sizeof(*one));
	for (size_t i = 0; i < l->nc; i++) {	/* each line once per case */
		size_t n = l->c[i].nlines;

		for (size_t j = 0; j < n; j++)
			one[j] = l->c[i].lines[j].hash | 1;	/* never 0 */
		n = unique_u64(one, n);
		for (size_t j = 0; j < n; j++) {
			size_t s = line_slot(lc, one[j]);

			lc->hash[s] = one[j];
			lc->count[s]++;
		}
	}
	free(one);
}

static uint32_t
line_cases(const struct line_count *lc, uint64_t h)
{
	size_t s = line_slot(lc, h | 1);

	return lc->hash[s] != 0 ? lc->count[s] : 0;
}

/* Each case's final features: structured plus non-boilerplate lines. */
static void
final_features(struct linker *l)
{
	struct line_count counts;
	uint32_t limit = (uint32_t)(l->nc / 20);

	if (limit < BOILERPLATE_MIN)
		limit = BOILERPLATE_MIN;
	count_lines(l, &counts);
	for (size_t i = 0; i < l->nc; i++) {
		struct lcase *c = &l->c[i];

		for (size_t j = 0; j < c->fixed.n; j++)
			idlist_push(&c->feats, c->fixed.v[j]);
		for (size_t j = 0; j < c->nlines; j++) {
			if (line_cases(&counts, c->lines[j].hash) >= limit)
				continue;
			for (size_t k = 0; k < c->lines[j].n; k++)
				idlist_push(&c->feats,
				    c->line_feats.v[c->lines[j].first + k]);
		}
		count_repeats(&c->feats, &c->tf);
		free(c->lines);
		c->lines = NULL;
		free(c->line_feats.v);
		memset(&c->line_feats, 0, sizeof(c->line_feats));
		free(c->fixed.v);
		memset(&c->fixed, 0, sizeof(c->fixed));
	}
	free(counts.hash);
	free(counts.count);
}

/* Count case c as having f, noting who else has it. */
static void
count_case(struct feature *f, const struct lcase *c)
{
	if (f->df++ == 0) {
		f->town = c->town;
		f->doc = c->doc;
	} else if (c->town != f->town)
		f->towns = 1;
	else if (c->doc != f->doc)
		f->docs = 1;
}

/* Document frequencies, weights, posting lists and case norms. */
static void
weigh_features(struct linker *l)
{
	size_t *fill = xcalloc(l->nf ? l->nf : 1, sizeof(*fill));

	for (size_t i = 0; i < l->nc; i++)
		for (size_t j = 0; j < l->c[i].feats.n; j++)
			count_case(&l->f[l->c[i].feats.v[j]], &l->c[i]);
	for (size_t k = 0; k < l->nf; k++) {
		struct feature *f = &l->f[k];

		f->w = f->df ? kind_factor[f->kind] * log((double)l->nc /
		    f->df) : 0.0;
		if ((f->kind == F_WORD || f->kind == F_TITLE) && !f->towns &&
		    f->docs)
			f->w *= HOUSE_STYLE;
		if (f->df >= 2 && f->df <= POSTINGS_CAP) {
			f->post = xmalloc(f->df * sizeof(*f->post));
			f->postw = xmalloc(f->df * sizeof(*f->postw));
		}
	}
	for (size_t i = 0; i < l->nc; i++) {
		struct lcase *c = &l->c[i];
		double sum = 0.0;

		c->wv = xmalloc((c->feats.n + 1) * sizeof(*c->wv));
		for (size_t j = 0; j < c->feats.n; j++) {
			uint32_t id = c->feats.v[j];
			struct feature *f = &l->f[id];

			c->wv[j] = f->w * (1.0 + log((double)c->tf.v[j]));
			sum += c->wv[j] * c->wv[j];
			if (f->post != NULL) {
				f->post[fill[id]] = (uint32_t)i;
				f->postw[fill[id]++] = c->wv[j];
			}
		}
		c->norm = sqrt(sum);
	}
	free(fill);
}

/* Σ of products of weights over the features a and b share. */
static double
dot(const struct lcase *a, const struct lcase *b)
{
	size_t i = 0, j = 0;
	double sum = 0.0;

	while (i < a->feats.n && j < b->feats.n) {
		if (a->feats.v[i] < b->feats.v[j])
			i++;
		else if (a->feats.v[i] > b->feats.v[j])
			j++;
		else
			sum += a->wv[i++] * b->wv[j++];
	}
	return sum;
}

static double
cosine(const struct lcase *a, const struct lcase *b)
{
	double d = a->norm * b->norm;

	return d > 0.0 ? dot(a, b) / d : 0.0;
}

/* ---- reasons ---- */

/* A feature two cases share and what it adds to their dot product. */
struct share {
	uint32_t	 id;
	double		 part;
};

/* Features shared by a and b, of one kind, strongest first. */
struct shared {
	struct share	*v;
	size_t		 n;
	double		 weight;	/* their share of the dot product */
};

/* Strongest first; among equals the longer (more specific) name. */
static int
cmp_strength(const void *a, const void *b, void *linker)
{
	const struct linker *l = linker;
	const struct share *x = a, *y = b;
	const char *kx = l->f[x->id].key, *ky = l->f[y->id].key;
	size_t nx = strlen(kx), ny = strlen(ky);

	if (x->part != y->part)
		return x->part > y->part ? -1 : 1;
	if (nx != ny)
		return nx > ny ? -1 : 1;
	return strcmp(kx, ky);
}

static void
collect_shared(const struct linker *l, const struct lcase *a,
    const struct lcase *b, struct shared s[F__MAX])
{
	size_t i = 0, j = 0;

	for (int k = 0; k < F__MAX; k++) {
		s[k].v = xmalloc((a->feats.n + 1) * sizeof(*s[k].v));
		s[k].n = 0;
		s[k].weight = 0.0;
	}
	while (i < a->feats.n && j < b->feats.n) {
		if (a->feats.v[i] < b->feats.v[j])
			i++;
		else if (a->feats.v[i] > b->feats.v[j])
			j++;
		else {
			const struct feature *f = &l->f[a->feats.v[i]];
			struct share *sh = &s[f->kind].v[s[f->kind].n++];

			sh->id = a->feats.v[i];
			sh->part = a->wv[i++] * b->wv[j++];
			s[f->kind].weight += sh->part;
		}
	}
	for (int k = 0; k < F__MAX; k++)
		if (s[k].n > 1)
			qsort_r(s[k].v, s[k].n, sizeof(*s[k].v), cmp_strength,
			    (void *)l);
}

/* Is feature i's key inside the key of another feature of s? */
static int
inside_another(const struct linker *l, const struct shared *s, size_t i)
{
	for (size_t k = 0; k < s->n; k++)
		if (k != i && strstr(l->f[s->v[k].id].key,
		    l->f[s->v[i].id].key) != NULL)
			return 1;
	return 0;
}

/*
 * "a, b, c …": the displays of up to max features, joined by sep; a name
 * inside another shared one (健康 in 特定健康診査) is left out.
 */
static void
put_names(struct buf *b, const struct linker *l, const struct shared *s,
    size_t max, const char *sep)
{
	size_t shown = 0, i;

	for (i = 0; i < s->n && shown < max; i++) {
		if (inside_another(l, s, i))
			continue;
		if (shown++ > 0)
			buf_puts(b, sep);
		buf_puts(b, l->f[s->v[i].id].display);
	}
	if (i < s->n)
		buf_puts(b, " …");
}

/* How a reason names the shared features of each kind (fkind order). */
static const struct {
	const char	*label;		/* printf format: %zu is the count */
	size_t		 max;		/* names shown, then " …" */
	const char	*sep;
} reason_form[F__MAX] = {
	{ "委託先 ", 3, "、" }, { "相手方 ", 3, "、" },
	{ "情報項目 %zu件共通: ", 5, ", " }, { "同じ根拠 ", 3, "、" },
	{ "回線 ", 4, "・" }, { "手続 ", 4, "・" }, { "件名の語 ", 3, ", " },
	{ "共通語 ", 3, ", " }
};

/* The reason for one kind of shared feature. */
static void
reason_of_kind(struct buf *b, const struct linker *l, enum fkind k,
    const struct shared *s)
{
	buf_printf(b, reason_form[k].label, s->n);	/* a format */
	put_names(b, l, s, reason_form[k].max, reason_form[k].sep);
}

/* Reasons for the link a–b, the strongest kind first. */
static void
make_reasons(const struct linker *l, const struct lcase *a,
    const struct lcase *b, struct strlist *out)
{
	struct shared s[F__MAX];
	int order[F__MAX], n = 0;

	collect_shared(l, a, b, s);
	for (int k = 0; k < F__MAX; k++)
		if (s[k].n > 0 && s[k].weight > 0.0)
			order[n++] = k;
	for (int i = 1; i < n; i++)	/* insertion sort by weight */
		for (int j = i; j > 0 && s[order[j]].weight >
		    s[order[j - 1]].weight; j--) {
			int t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (int i = 0; i < n; i++) {
		struct buf r = BUF_INIT;

		reason_of_kind(&r, l, (enum fkind)order[i], &s[order[i]]);
		strlist_push(out, r.data);
		buf_free(&r);
	}
	for (int k = 0; k < F__MAX; k++)
		free(s[k].v);
}

/* ---- choosing links ---- */

struct scored {
	uint32_t	 other;
	double		 score;
	const char	*id;		/* the other case's id: ties go by it,
					   whatever order cases were added in */
};

static int
cmp_scored(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Seeds heaviest first; among equals by key, whatever the feature ids. */
struct seed_order {
	const struct linker	*l;
	const struct lcase	*c;
};

static int
cmp_seed(const void *a, const void *b, void *order)
{
	const struct seed_order *o = order;
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	double x = o->c->wv[i], y = o->c->wv[j];

	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(strtab_str(&o->l->keys, o->c->feats.v[i]),
	    strtab_str(&o->l->keys, o->c->feats.v[j]));
}

/*
 * The features of case c that seed its candidates: those with posting
 * lists, the SEED_FEATURES heaviest of them (indexes into c->feats).
 * Bounds the work per case whatever the corpus size.
 */
static size_t
seed_features(const struct linker *l, const struct lcase *c, uint32_t *out)
{
	struct seed_order order = { l, c };
	size_t n = 0;

	for (size_t j = 0; j < c->feats.n; j++)
		if (l->f[c->feats.v[j]].post != NULL)
			out[n++] = (uint32_t)j;
	if (n > SEED_FEATURES) {
		qsort_r(out, n, sizeof(*out), cmp_seed, &order);
		n = SEED_FEATURES;
	}
	return n;
}

/* Keep the best CANDIDATES of out[0..n) in front (a min-heap of them). */
static void
heap_down(struct scored *h, size_t n, size_t i)
{
	for (;;) {
		size_t a = 2 * i + 1, b = a + 1, m = i;
		struct scored t;

		if (a < n && cmp_scored(&h[a], &h[m]) > 0)
			m = a;
		if (b < n && cmp_scored(&h[b], &h[m]) > 0)
			m = b;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static size_t
best_candidates(struct scored *v, size_t n)
{
	if (n <= CANDIDATES)
		return n;
	for (size_t i = CANDIDATES / 2; i-- > 0;)
		heap_down(v, CANDIDATES, i);
	for (size_t i = CANDIDATES; i < n; i++)
		if (cmp_scored(&v[i], &v[0]) < 0) {
			v[0] = v[i];
			heap_down(v, CANDIDATES, 0);
		}
	return CANDIDATES;
}

/*
 * Candidates of case i: partial dot products over the postings of its
 * seed features (acc, touched are scratch of nc entries, acc zeroed).
 */
static size_t
gather_candidates(const struct linker *l, size_t i, double *acc,
    uint32_t *touched, struct scored *out)
{
	const struct lcase *c = &l->c[i];
	uint32_t seeds[SEED_FEATURES + 1], *all;
	size_t nt = 0, n = 0, ns;

	all = xmalloc((c->feats.n + 1) * sizeof(*all));
	ns = seed_features(l, c, all);
	memcpy(seeds, all, ns * sizeof(*seeds));
	free(all);
	for (size_t s = 0; s < ns; s++) {
		size_t j = seeds[s];
		const struct feature *f = &l->f[c->feats.v[j]];

		for (size_t p = 0; p < f->df; p++) {
			uint32_t o = f->post[p];

			if (o == i)
				continue;
			if (acc[o] == 0.0)
				touched[nt++] = o;
			acc[o] += c->wv[j] * f->postw[p] + 1e-12;
		}
	}
	for (size_t t = 0; t < nt; t++) {
		out[n].other = touched[t];
		out[n].id = l->c[touched[t]].id;
		out[n++].score = acc[touched[t]];
		acc[touched[t]] = 0.0;
	}
	return n;
}

static void
free_links(struct lcase *c)
{
	for (size_t k = 0; k < c->nlinks; k++)
		strlist_free(&c->links[k].reasons);
	free(c->links);
	c->links = NULL;
	c->nlinks = 0;
}

static struct scratch *
scratch_new(size_t nc)
{
	struct scratch *x = xmalloc(sizeof(*x));

	x->acc = xcalloc(nc + 1, sizeof(*x->acc));
	x->touched = xmalloc((nc + 1) * sizeof(*x->touched));
	x->cand = xmalloc((nc + 1) * sizeof(*x->cand));
	return x;
}

static void
scratch_free(struct scratch *x)
{
	if (x == NULL)
		return;
	free(x->acc);
	free(x->touched);
	free(x->cand);
	free(x);
}

void
linker_prepare(struct linker *l)
{
	if (l->prepared)
		return;
	final_features(l);
	weigh_features(l);
	l->scratch = scratch_new(l->nc);
	l->prepared = 1;
}

/* Link case i with scratch x (any thread: reads the linker, writes only
 * case i and x). */
static void
link_case(struct linker *l, size_t i, size_t top, struct scratch *x,
    struct link_cand *out, size_t *nout)
{
	struct lcase *c = &l->c[i];
	struct scored *cand = x->cand;
	size_t n, keep = 0;

	n = gather_candidates(l, i, x->acc, x->touched, cand);
	n = best_candidates(cand, n);
	for (size_t k = 0; k < n; k++)
		cand[k].score = cosine(c, &l->c[cand[k].other]);
	qsort(cand, n, sizeof(*cand), cmp_scored);
	free_links(c);
	c->links = xcalloc(top ? top : 1, sizeof(*c->links));
	for (size_t k = 0; k < n && keep < top; k++) {
		struct link *lk = &c->links[keep];

		if (cand[k].score <= 0.0)
			break;
		lk->other = cand[k].other;
		lk->score = cand[k].score;
		make_reasons(l, c, &l->c[cand[k].other], &lk->reasons);
		keep++;
	}
	c->nlinks = keep;
	for (size_t k = 0; out != NULL && k < n; k++) {
		out[k].other = cand[k].other;
		out[k].score = cand[k].score;
	}
	if (nout != NULL)
		*nout = out != NULL ? n : 0;
}

void
linker_link(struct linker *l, size_t i, size_t top, struct link_cand *out,
    size_t *nout)
{
	linker_prepare(l);
	link_case(l, i, top, l->scratch, out, nout);
}

struct run_part {
	struct linker	*l;
	size_t		 top, first, step;
	struct scratch	*x;
	pthread_t	 thread;
};

static void *
run_part(void *arg)
{
	struct run_part *r = arg;

	for (size_t i = r->first; i < r->l->nc; i += r->step)
		link_case(r->l, i, r->top, r->x, NULL, NULL);
	return NULL;
}

void
linker_run(struct linker *l, size_t top, unsigned threads)
{
	struct run_part part[LINK_MAX_THREADS];
	unsigned started = 1;

	linker_prepare(l);
	if (threads < 1)
		threads = 1;
	if (threads > LINK_MAX_THREADS)
		threads = LINK_MAX_THREADS;
	for (unsigned t = 0; t < threads; t++) {
		part[t].l = l;
		part[t].top = top;
		part[t].first = t;
		part[t].step = threads;
		part[t].x = t == 0 ? l->scratch : scratch_new(l->nc);
	}
	for (unsigned t = 1; t < threads; t++, started++)
		if (pthread_create(&part[t].thread, NULL, run_part,
		    &part[t]) != 0)
			break;
	if (started < threads) {	/* no thread: this one does the rest */
		for (unsigned t = started; t < threads; t++)
			run_part(&part[t]);
	}
	run_part(&part[0]);
	for (unsigned t = 1; t < started; t++)
		pthread_join(part[t].thread, NULL);
	for (unsigned t = 1; t < threads; t++)
		scratch_free(part[t].x);
}

double
linker_pair(const struct linker *l, size_t a, size_t b,
    struct strlist *reasons)
{
	double score = cosine(&l->c[a], &l->c[b]);

	if (reasons != NULL && score > 0.0)
		make_reasons(l, &l->c[a], &l->c[b], reasons);
	return score;
}

size_t
linker_ncases(const struct linker *l)
{
	return l->nc;
}

const char *
linker_case_id(const struct linker *l, size_t i)
{
	return i < l->nc ? l->c[i].id : NULL;
}

const struct link *
linker_related(const struct linker *l, size_t i, size_t *n)
{
	*n = i < l->nc ? l->c[i].nlinks : 0;
	return i < l->nc ? l->c[i].links : NULL;
}

void
linker_free(struct linker *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->nc; i++) {
		struct lcase *c = &l->c[i];

		free(c->id);
		free(c->fixed.v);
		free(c->lines);
		free(c->line_feats.v);
		free(c->feats.v);
		free(c->tf.v);
		free(c->wv);
		free_links(c);
	}
	for (size_t k = 0; k < l->nf; k++) {
		free(l->f[k].display);
		free(l->f[k].post);
		free(l->f[k].postw);
	}
	free(l->f);
	scratch_free(l->scratch);
	strtab_free(&l->keys);
	strtab_free(&l->names);
	free(l->c);
	free(l);
}
