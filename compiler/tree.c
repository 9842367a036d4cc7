/*
 * tree.c — classify document lines and nest headings (see tree.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tree.h"

/* Units that make "12条", "13,300件" or "2019年" a quantity, not a number. */
static int
starts_with_unit(const char *p)
{
	static const char *const units[] = { ",", "/", "年", "月", "日", "件",
	    "人", "歳", "項", "条", "号", "%", "～", "~", "-", ")", "時", "分",
	    "か", "カ", "ヶ", "万", "千", "円", "名", "の", "次", "期",
	    "点", "割", "倍", "本", "個", "枚", "部", "ページ", NULL };

	for (int i = 0; units[i]; i++)
		if (str_has_prefix(p, units[i]))
			return 1;
	return 0;
}

/* Digits at *p: their value, advancing *p; -1 when none. */
static int
read_digits(const char **p)
{
	int v = 0, n = 0;

	while (isdigit((unsigned char)**p) && n < 6) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n ? v : -1;
}

/* A heading label: some text, not a sentence, not a list. */
static int
is_heading_label(const char *p)
{
	size_t n = strlen(p);

	return n >= 3 * 2 && n < 3 * 40 && strstr(p, "。") == NULL &&
	    strstr(p, "、") == NULL;
}

static const char *const circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

static int
circled_number(const char *text)
{
	for (int i = 0; i < 20; i++)
		if (strncmp(text, circled + 3 * i, 3) == 0)
			return i + 1;
	return 0;
}

/* ア イ ウ … (or イ ロ ハ …) as a numbering mark: one katakana then a
 * space. */
static int
kana_number(const char *text, size_t *len)
{
	static const char *const kana[] = { "ア", "イ", "ウ", "エ", "オ", "カ",
	    "キ", "ク", "ケ", "コ", NULL };
	static const char *const iroha[] = { "イ", "ロ", "ハ", "ニ", "ホ",
	    "ヘ", "ト", NULL };

	for (int i = 0; kana[i]; i++)
		if (str_has_prefix(text, kana[i])) {
			*len = strlen(kana[i]);
			return i + 1;
		}
	for (int i = 1; iroha[i]; i++)
		if (str_has_prefix(text, iroha[i])) {
			*len = strlen(iroha[i]);
			return i + 1;	/* (イ, its first, reads as ア's second) */
		}
	return 0;
}

static const char *
skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || str_has_prefix(s, "\xe3\x80\x80"))
		s += *s == ' ' || *s == '\t' ? 1 : 3;
	return s;
}

static enum number_form
form_of_text(const char *text, int *number)
{
	size_t klen = 0;
	int k;

	text = skip_ws(text);
	if (*text == '-')
		text = skip_ws(text + 1);
	if ((k = circled_number(text)) > 0) {
		*number = k;
		return NUM_CIRCLED;
	}
	if ((k = kana_number(text, &klen)) > 0 &&
	    skip_ws(text + klen) != text + klen) {
		*number = k;
		return NUM_KANA;
	}
	return NUM_NONE;
}

/* "変更事項1" up to end: a short word and its number; the number, or
 * -1. */
static int
word_then_number(const char *p, const char *end)
{
	const char *d = end;
	int v;

	while (d > p && isdigit((unsigned char)d[-1]))
		d--;
	if (d == end || d == p || d - p > 3 * 8)
		return -1;
	for (const char *q = p; q < d; q++)
		if (isdigit((unsigned char)*q) || *q == ' ')
			return -1;
	v = read_digits(&d);
	return d == end ? v : -1;
}

/*
 * "-1.", "−1", ".1 " after a section's number (4-1. 件名, 4.1 委託先):
 * the part's number, *p moved past it and its dot; else -1, *p kept.
 */
static int
sub_number(const char **p)
{
	static const char *const dashes[] = { "-", "−", "‐", "‑", NULL };
	const char *q = *p;
	int v, dot = 0;

	if (*q == '.' && isdigit((unsigned char)q[1]))
		q++, dot = 1;
	for (int d = 0; dashes[d] && !dot; d++)
		if (str_has_prefix(q, dashes[d])) {
			q += strlen(dashes[d]);
			dot = 1;
		}
	if (!dot || (v = read_digits(&q)) < 0)
		return -1;
	if (*q == '.')
		q++;
	if (isdigit((unsigned char)*q) || *q == '-' || *q == '.')
		return -1;	/* 2025.4.1, 3-2-1: a date, an address */
	*p = q;
	return v;
}

/* Does the raw text's leading run of digits and dots end in white
 * space ("3.1.1 件名", not "2025.4.1に")? */
static int
spaced_after_outline(const char *text)
{
	const char *t = skip_ws(text);

	while (isdigit((unsigned char)*t) || *t == '.' ||
	    str_has_prefix(t, "．") || ((unsigned char)t[0] == 0xef &&
	    (unsigned char)t[1] == 0xbc && (unsigned char)t[2] >= 0x90 &&
	    (unsigned char)t[2] <= 0x99))
		t += (unsigned char)*t < 0x80 ? 1 : 3;
	return *t == ' ' || *t == '\t' || str_has_prefix(t, "\xe3\x80\x80");
}

/*
 * ".1.1" after the 3 of "3.1.1 件名": the third level of a decimal
 * outline, its number set apart from its words; -1 when p holds none.
 */
static int
outline_number(const char **p, const char *text)
{
	const char *q = *p;
	int v;

	if (*q != '.' || !isdigit((unsigned char)q[1]))
		return -1;
	q++;
	if (read_digits(&q) < 0 || *q != '.' || !isdigit((unsigned char)q[1]))
		return -1;
	q++;
	if ((v = read_digits(&q)) < 0 || (*q == '.' &&
	    isdigit((unsigned char)q[1])) || !spaced_after_outline(text))
		return -1;
	if (*q == '.')
		q++;
	*p = q;
	return v;
}

/* The closing bracket of a heading's opening one at p, or NULL; *open
 * the opening one's length. */
static const char *
bracket_close(const char *p, size_t *open)
{
	static const char *const pairs[][2] = { { "【", "】" }, { "《", "》" },
	    { "「", "」" }, { "≪", "≫" }, { "〔", "〕" }, { "<", ">" },
	    { "〈", "〉" }, { "[", "]" } };

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (str_has_prefix(p, pairs[i][0])) {
			*open = strlen(pairs[i][0]);
			return pairs[i][1];
		}
	return NULL;
}

/* "委託その1", "提供先2": a word that names a part of a document, not
 * a paper (資料2, 別紙1) or a case (報告1), before its number. */
static int
names_a_part(const char *key)
{
	static const char *const papers[] = { "資料", "別紙", "別表", "別添",
	    "様式", "参考", "表", "図", "付表", "議題", "案件", "報告", "諮問",
	    "答申", "付議", "No", "NO", "no", "第", "その", "ページ", "P",
	    "p", "頁", NULL };

	if (!(*key & 0x80))
		return 0;	/* a Latin word: "ISO27001" */
	for (int i = 0; papers[i]; i++)
		if (str_has_prefix(key, papers[i]))
			return 0;
	return 1;
}

/*
 * Is the raw text's leading bracketed word ("＜委託１＞", "【目的外利用】")
 * followed by white space, a short word set apart from what follows
 * (its title), not a label glued to its value ("【件名】…")?
 */
static int
spaced_after_bracket(const char *text)
{
	static const char *const closes[] = { "】", "》", "」", "≫", "〕", ">",
	    "＞", "〉", NULL };
	const char *t = skip_ws(text), *close = NULL;

	for (int i = 0; closes[i]; i++) {
		const char *c = strstr(t, closes[i]);

		if (c != NULL && (close == NULL || c < close))
			close = c + strlen(closes[i]);
	}
	return close != NULL && close - t <= 3 * 14 && skip_ws(close) != close;
}

/* Does key hold a numbered choice ("1)委託する2)委託しない")? */
static int
has_choices(const char *key)
{
	for (const char *p = strchr(key, ')'); p != NULL; p = strchr(p + 1, ')'))
		if (p > key && isdigit((unsigned char)p[-1]))
			return 1;
	return 0;
}

/* "相教学第1027号" after a year's digit: the rest of a letter's number,
 * which ends in 第N号. */
static int
is_document_number(const char *p)
{
	const char *dai = strstr(p, "第");
	const char *q;

	if (dai == NULL)
		return 0;
	q = dai + strlen("第");
	return read_digits(&q) >= 0 && strcmp(q, "号") == 0;
}

/* Does the raw text have white space right after its leading number? */
static int
spaced_after_number(const char *text)
{
	const char *t = skip_ws(text);
	int digits = 0;

	for (;;) {
		if (isdigit((unsigned char)*t))
			t++, digits++;
		else if ((unsigned char)t[0] == 0xef && (unsigned char)t[1] ==
		    0xbc && (unsigned char)t[2] >= 0x90 &&
		    (unsigned char)t[2] <= 0x99)
			t += 3, digits++;	/* ０-９ */
		else
			break;
	}
	return digits > 0 && skip_ws(t) != t;
}

/* The value of the Roman numeral of letters [p, p + n): 1 to 12, or
 * -1. */
static int
roman_value(const char *p, size_t n)
{
	static const char *const numerals[] = { "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII", "IX", "X", "XI", "XII", NULL };

	for (int i = 0; numerals[i]; i++)
		if (strlen(numerals[i]) == n && strncmp(p, numerals[i], n) == 0)
			return i + 1;
	return -1;
}

/*
 * Outlines numbered in Latin letters (keys after NFKC: "Ⅳ" is "IV"):
 * "IV. 諮問事項" or "Ⅳ 諮問事項", "A. 業務委託", "(a) 使用者の氏名".  A
 * letter mark is followed by a dot or, in the text, by white space, and
 * its label is not Latin (IT, ID, AI are words).
 */
static enum number_form
latin_form(const char *key, const char *text, int *number, size_t *label_at)
{
	const char *p = key, *t = skip_ws(text);
	size_t n = strspn(key, "IVX");
	int v;

	if (n > 0 && (v = roman_value(key, n)) > 0) {
		p = key + n;
		if (*p == '.')
			p++;
		else if (!str_has_prefix(t, "\xe2\x85") &&	/* Ⅰ… */
		    skip_ws(t + n) == t + n)
			return NUM_NONE;
		if (isalnum((unsigned char)*p) || !is_heading_label(p))
			return NUM_NONE;
		*number = v;
		*label_at = (size_t)(p - key);
		return NUM_ROMAN;
	}
	if (isupper((unsigned char)key[0]) && key[1] == '.' &&
	    !isalnum((unsigned char)key[2]) && is_heading_label(key + 2)) {
		*number = key[0] - 'A' + 1;
		*label_at = 2;
		return NUM_ALPHA;
	}
	if (key[0] == '(' && islower((unsigned char)key[1]) && key[2] == ')' &&
	    !isalnum((unsigned char)key[3]) && key[3] != '\0') {
		*number = key[1] - 'a' + 1;
		*label_at = 3;
		return NUM_PAREN_ALPHA;
	}
	(void)p;
	return NUM_NONE;
}

/* "一　目的外利用", "十二　委託期間": a 漢数字 number set apart from its
 * label by white space (一般, 二重 are words). */
static enum number_form
kanji_form(const char *key, const char *text, int *number, size_t *label_at)
{
	const char *t = skip_ws(text);
	size_t n = norm_kanji_digits_len(t, 3), used;
	long long v;

	if (n == 0 || skip_ws(t + n) == t + n)
		return NUM_NONE;
	v = norm_parse_number(t, n, &used);
	if (v <= 0 || v > 99 || used != n || strncmp(key, t, n) != 0 ||
	    !is_heading_label(key + n))
		return NUM_NONE;
	*number = (int)v;
	*label_at = n;
	return NUM_ARABIC;
}

/*
 * The number of "第一　外部結合" at p (after 第): kanji digits set apart
 * from their words in the raw text ("第三者" and "第一回" are words);
 * 0 when none.
 */
static int
kanji_dai(const char *p, const char *text)
{
	size_t n = norm_kanji_digits_len(p, 3), used;
	const char *t = skip_ws(text);
	long long v;

	if (n == 0 || !str_has_prefix(t, "第"))
		return 0;
	t += strlen("第");
	if (strncmp(t, p, n) != 0 || !(t[n] == ' ' || t[n] == '\t' ||
	    str_has_prefix(t + n, "\xe3\x80\x80")))
		return 0;
	v = norm_parse_number(p, n, &used);
	return v > 0 && v < 100 && used == n ? (int)v : 0;
}

/* "所属長の役職名:子育て支援課長": a short label, a colon and a value. */
static int
holds_pair(const char *label)
{
	const char *c = strchr(label, ':');

	return c != NULL && c > label && c - label <= 3 * 30 && c[1] != '\0';
}

enum number_form
number_form_of(const char *key, const char *text, int *number,
    size_t *label_at)
{
	const char *p = key;
	enum number_form f;
	int v, sub, dotted = 0;
	const char *closing;
	size_t open;

	*number = 0;
	*label_at = 0;
	if ((f = form_of_text(text, number)) != NUM_NONE) {
		/* label: key after the mark (① is "1" after NFKC) */
		p = key + (*p == '-');
		if (f == NUM_CIRCLED)
			while (isdigit((unsigned char)*p))
				p++;
		else
			p += 3;
		*label_at = (size_t)(p - key);
		if (f == NUM_CIRCLED && holds_pair(p))
			return NUM_NONE;	/* ②役職名：課長: a pair, no head */
		return is_heading_label(p) || f == NUM_CIRCLED ? f : NUM_NONE;
	}
	if ((f = latin_form(key, text, number, label_at)) != NUM_NONE ||
	    (f = kanji_form(key, text, number, label_at)) != NUM_NONE)
		return f;
	if (*p == '-')
		p++;
	if (str_has_prefix(p, "第") && (v = kanji_dai(p + strlen("第"),
	    text)) > 0) {
		size_t n = norm_kanji_digits_len(p + strlen("第"), 3);

		*number = v;	/* 第一　外部結合 */
		*label_at = (size_t)(p + strlen("第") + n - key);
		return is_heading_label(key + *label_at) ? NUM_DAI : NUM_NONE;
	}
	if (str_has_prefix(p, "第")) {
		p += strlen("第");
		if ((v = read_digits(&p)) < 0 || (starts_with_unit(p) &&
		    !spaced_after_number(skip_ws(text) + strlen("第"))) ||
		    str_has_prefix(p, "回") || !is_heading_label(p))
			return NUM_NONE;
		*number = v;
		*label_at = (size_t)(p - key);
		return NUM_DAI;
	}
	if (*p == '[') {
		const char *q = p + 1;

		if ((v = read_digits(&q)) >= 0 && *q == ']' &&
		    is_heading_label(q + 1)) {
			*number = v;	/* [1] 件名, as 【1】 */
			*label_at = (size_t)(q + 1 - key);
			return NUM_BRACKET_NUMBER;
		}
		if (strchr(p, ']') == NULL || strchr(p, ']')[1] != '\0')
			return NUM_NONE;	/* (else "[委託1]", read below) */
	}
	if (*p == '(') {
		const char *q = p + 1;
		size_t n;

		if ((v = read_digits(&q)) >= 0 && *q == ')') {
			*number = v;
			*label_at = (size_t)(q + 1 - key);
			return NUM_PAREN;
		}
		if ((n = norm_kanji_digits_len(p + 1, 3)) > 0 &&
		    p[1 + n] == ')') {
			size_t used;
			long long k = norm_parse_number(p + 1, n, &used);

			if (k > 0 && used == n) {
				*number = (int)k;	/* （一）業務委託 */
				*label_at = (size_t)(p + 2 + n - key);
				return NUM_PAREN;
			}
		}
		if (kana_number(p + 1, label_at) > 0 &&
		    p[1 + *label_at] == ')') {
			*number = kana_number(p + 1, label_at);
			*label_at = (size_t)(p + 2 + 3 - key);
			return NUM_PAREN_KANA;
		}
		return NUM_NONE;
	}
	if (str_has_prefix(p, "■") || str_has_prefix(p, "□") ||
	    str_has_prefix(p, "◆") || str_has_prefix(p, "●")) {
		if ((str_has_prefix(p, "■") || str_has_prefix(p, "□")) &&
		    (strstr(p + 3, "□") != NULL || strstr(p + 3, "■") != NULL))
			return NUM_NONE;	/* ■業務委託 □再委託: boxes */
		*label_at = (size_t)(p + 3 - key);
		return is_heading_label(p + 3) ? NUM_MARK : NUM_NONE;
	}
	if ((v = word_then_number(p, p + strlen(p))) >= 0 && names_a_part(p)) {
		*number = v;	/* 委託その1 alone on its line */
		*label_at = (size_t)(p - key);
		return NUM_WORD_NUMBER;
	}
	if ((closing = bracket_close(p, &open)) != NULL) {
		const char *close = strstr(p + open, closing), *q = p + open;
		const char *after = close != NULL ? close + strlen(closing) : NULL;

		if ((v = read_digits(&q)) >= 0 && close == q &&
		    is_heading_label(after)) {
			*number = v;	/* 【1】事務の現状と課題 */
			*label_at = (size_t)(after - key);
			return NUM_BRACKET_NUMBER;
		}
		if (close == p + open + 1 && p[open] >= 'A' && p[open] <= 'Z' &&
		    is_heading_label(after)) {
			*number = p[open] - 'A' + 1;	/* 〔Ａ〕電子計算機への記録 */
			*label_at = (size_t)(after - key);
			return NUM_BRACKET_NUMBER;
		}
		if (close != NULL && (v = word_then_number(p + open, close)) >= 0
		    && is_heading_label(after)) {
			*number = v;	/* 【変更事項1】本人以外からの収集 */
			*label_at = (size_t)(after - key);
			return NUM_BRACKET_NUMBER;
		}
		if (close != NULL && *after == '\0') {
			*label_at = (size_t)(p + open - key);
			return NUM_BRACKET;
		}
		if (close != NULL && spaced_after_bracket(text) &&
		    is_heading_label(after) && !has_choices(after)) {
			*label_at = (size_t)(after - key);
			return NUM_BRACKET;	/* ＜委託２＞　督促はがき発送業務 */
		}
		return NUM_NONE;
	}
	if ((v = read_digits(&p)) < 0)
		return NUM_NONE;
	if (v < 100 && (sub = outline_number(&p, text)) >= 0 &&
	    is_heading_label(p)) {
		*number = sub;	/* 3.1.1 件名: a part of section 3.1 */
		*label_at = (size_t)(p - key);
		return NUM_SUBSUBNUMBER;
	}
	if (v < 100 && (sub = sub_number(&p)) >= 0 && is_heading_label(p)) {
		*number = sub;	/* 4-1. 件名: a part of section 4 */
		*label_at = (size_t)(p - key);
		return NUM_SUBNUMBER;
	}
	if (!spaced_after_number(text) && is_document_number(p))
		return NUM_NONE;	/* 6相教学第1027号: a letter's number */
	if (*p == ')' && v < 100 && skip_ws(text) - text < 8 &&
	    is_heading_label(p + 1) && !str_has_suffix(p + 1, "する") &&
	    !str_has_suffix(p + 1, "ない")) {
		*number = v;	/* "1) 件名" (not a choice, "1) 実施する",
				   often set far right): as (1) */
		*label_at = (size_t)(p + 1 - key);
		return NUM_PAREN;
	}
	if (*p == '.' && !isdigit((unsigned char)p[1]))
		p++, dotted = 1;	/* "1.件名": a number, not "1件" */
	/* "３  個人情報…": a number set apart from its words is one, not
	   a quantity ("3個") */
	if ((!dotted && !spaced_after_number(text) && starts_with_unit(p)) ||
	    *p == '.' || !is_heading_label(p))
		return NUM_NONE;
	*number = v;
	*label_at = (size_t)(p - key);
	return NUM_ARABIC;
}

static void
append_child(struct node *parent, struct node *n)
{
	n->parent = parent;
	if (parent->last_child != NULL)
		parent->last_child->next = n;
	else
		parent->first_child = n;
	parent->last_child = n;
}

/*
 * Depth of each numbering form in the conventional order of official
 * documents (公用文): 第1 › 1 › (1) › ア › (ア) › ① › ■ marks;
 * bracketed headings (【報告】, 《事業の概要》) sit under a ■ heading and
 * are closed by any numbered or marked one; ● and ○ lines are bullets
 * under all of them.
 */
static int
form_rank(enum number_form f)
{
	static const int rank[NUM__MAX] = {
		[NUM_NONE] = 990, [NUM_DAI] = 10, [NUM_ARABIC] = 20,
		[NUM_SUBNUMBER] = 25, [NUM_PAREN] = 30, [NUM_KANA] = 40,
		[NUM_PAREN_KANA] = 50, [NUM_CIRCLED] = 60, [NUM_MARK] = 70,
		[NUM_BRACKET] = 80, [NUM_LEVEL] = 0, [NUM_BRACKET_NUMBER] = 10,
		[NUM_ROMAN] = 15, [NUM_ALPHA] = 17, [NUM_PAREN_ALPHA] = 35,
		[NUM_SUBSUBNUMBER] = 27, [NUM_WORD_NUMBER] = 28,
	};

	return rank[f];
}

/* Rank of a heading node: HTML/Markdown levels rank above 第1. */
static int
node_rank(const struct node *n)
{
	if (n->form == NUM_MARK && (str_has_prefix(n->key, "●") ||
	    str_has_prefix(n->key, "○")))
		return 90;	/* ● is a bullet under the ■ and 【】 headings */
	return n->form == NUM_LEVEL ? n->number - 10 : form_rank(n->form);
}

/*
 * The parent for a heading of form f: the innermost open heading of a
 * higher rank (open headings of the same or a deeper rank are closed).
 */
static struct node *
heading_parent(struct node *open, const struct node *n)
{
	while (open->kind == NODE_HEADING && node_rank(open) >= node_rank(n))
		open = open->parent;
	return open;
}

/* The key of text: NFKC, no white space (new string). */
static char *
key_of(const char *text)
{
	char *nf = norm_nfkc(text, strlen(text));
	char *key = norm_strip_space(nf, strlen(nf));

	free(nf);
	return key;
}

static struct node *
make_node(const struct doc_line *dl, size_t index, const char *known_key)
{
	struct node *n = xcalloc(1, sizeof(*n));
	size_t label_at;

	n->line = dl->lineno;
	n->index = index;
	n->text = xstrdup(dl->text);
	n->key = known_key ? xstrdup(known_key) : key_of(dl->text);
	if (n->key[0] == '\0')
		n->kind = NODE_BLANK;
	else if (strchr(n->text, '\t') != NULL)
		n->kind = NODE_ROW;
	else if ((n->form = number_form_of(n->key, n->text, &n->number,
	    &label_at)) != NUM_NONE) {
		/* numbered, whether or not marked up as a heading ("## 1 …") */
		n->kind = NODE_HEADING;
		n->label = n->key + label_at;
	} else if (dl->heading > 0) {
		n->kind = NODE_HEADING;
		n->form = NUM_LEVEL;
		n->number = dl->heading;
		n->label = n->key;
	} else
		n->kind = NODE_TEXT;
	return n;
}

/*
 * The key another tree already made of the same text on the same source
 * line, or NULL; *j walks that tree's nodes in step with d's lines.
 */
static const char *
key_made(const struct tree *other, size_t *j, const struct doc_line *dl)
{
	if (other == NULL)
		return NULL;
	while (*j < other->n && other->nodes[*j]->line < dl->lineno)
		(*j)++;
	for (size_t k = *j; k < other->n && other->nodes[k]->line ==
	    dl->lineno; k++)
		if (strcmp(other->nodes[k]->text, dl->text) == 0)
			return other->nodes[k]->key;
	return NULL;
}

void
tree_build(const struct doc *d, struct tree *t)
{
	tree_build_from(d, NULL, t);
}

void
tree_build_from(const struct doc *d, const struct tree *other,
    struct tree *t)
{
	struct node *open;
	size_t j = 0;

	memset(t, 0, sizeof(*t));
	t->root.kind = NODE_DOCUMENT;
	t->nodes = xcalloc(d->n ? d->n : 1, sizeof(*t->nodes));
	t->n = d->n;
	open = &t->root;
	for (size_t i = 0; i < d->n; i++) {
		struct node *n = make_node(&d->lines[i], i,
		    key_made(other, &j, &d->lines[i]));

		t->nodes[i] = n;
		if (n->kind == NODE_HEADING) {
			append_child(heading_parent(open, n), n);
			open = n;
		} else
			append_child(open, n);
	}
}

void
tree_free(struct tree *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->nodes[i]->text);
		free(t->nodes[i]->key);
		free(t->nodes[i]);
	}
	free(t->nodes);
	memset(t, 0, sizeof(*t));
}

size_t
node_span_end(const struct node *n)
{
	while (n->last_child != NULL)
		n = n->last_child;
	return n->index + 1;
}

void
tree_iter_init(struct tree_iter *it, const struct node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = ITER_DONE;
}

enum iter_event
tree_iter_next(struct tree_iter *it, const struct node **n)
{
	const struct node *c = it->cur;

	if (c == NULL) {			/* first call */
		it->cur = it->root;
		it->ev = ITER_ENTER;
	} else if (it->ev == ITER_ENTER && c->first_child != NULL) {
		it->cur = c->first_child;	/* go down */
		it->ev = ITER_ENTER;
	} else if (c == it->root) {
		it->ev = it->ev == ITER_ENTER ? ITER_EXIT : ITER_DONE;
	} else if (c->next != NULL) {
		if (it->ev == ITER_ENTER && c->first_child == NULL)
			it->ev = ITER_EXIT;	/* leaf: exit it first */
		else {
			it->cur = c->next;
			it->ev = ITER_ENTER;
		}
	} else if (it->ev == ITER_ENTER) {
		it->ev = ITER_EXIT;		/* last leaf */
	} else {
		it->cur = c->parent;		/* go up */
		it->ev = ITER_EXIT;
	}
	*n = it->ev == ITER_DONE ? NULL : it->cur;
	return it->ev;
}
