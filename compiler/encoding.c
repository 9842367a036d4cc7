/*
 * encoding.c — detect and decode a document's bytes (see encoding.h).
 *
 * Order of checks: a UTF-8 BOM is stripped; text that is empty or only
 * ASCII white space is "empty"; NUL bytes or more than 1% C0 control
 * bytes (other than \t \n \r \f) mean a binary file; strictly valid
 * UTF-8 is taken as is; otherwise the bytes are decoded strictly as
 * CP932 and as EUC-JP with iconv and, when both succeed, the decoding
 * whose characters look more like Japanese prose wins (ties go to CP932).
 * Line endings are normalized to \n in every case.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"

#define REASON_EMPTY	"empty file"
#define REASON_NUL	"binary file (NUL bytes)"
#define REASON_CONTROL	"binary file (control characters)"
#define REASON_UNDECODABLE \
	"undecodable text (not UTF-8, CP932 or EUC-JP)"

const char *
encoding_name(enum encoding enc)
{
	switch (enc) {
	case ENC_UTF8:
		return "UTF-8";
	case ENC_UTF8_BOM:
		return "UTF-8 (BOM)";
	case ENC_CP932:
		return "CP932";
	case ENC_EUCJP:
		return "EUC-JP";
	case ENC_PDF:
		return "PDF";
	default:
		return "unknown";
	}
}

static int
is_blank(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(" \t\n\r\f\v", p[i]) == NULL || p[i] == '\0')
			return 0;
	return 1;
}

/* Classify raw bytes as binary; returns the reason or NULL. */
static const char *
binary_reason(const unsigned char *p, size_t n)
{
	size_t ctrl = 0;

	if (memchr(p, '\0', n) != NULL)
		return REASON_NUL;
	for (size_t i = 0; i < n; i++)
		if ((p[i] < 0x20 && strchr("\t\n\r\f", p[i]) == NULL) ||
		    p[i] == 0x7f)
			ctrl++;
	if (ctrl > 0 && ctrl * 100 > n)
		return REASON_CONTROL;
	return NULL;
}

/* Strictly: no overlong forms, surrogates or values above U+10FFFF. */
size_t
utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2, c = p[0] & 0x1f, min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3, c = p[0] & 0x0f, min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4, c = p[0] & 0x07, min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int
utf8_valid(const unsigned char *p, size_t n)
{
	uint32_t cp;
	size_t k;

	for (size_t i = 0; i < n; i += k)
		if ((k = utf8_next(p + i, n - i, &cp)) == 0)
			return 0;
	return 1;
}

/*
 * The horizontal character of a vertical presentation form at p (︑ ︒
 * ︵ ︶ ﹁ …, U+FE10-FE19 and U+FE30-FE48, as vertically set text is
 * exported), UTF-8 in out; its length, or 0 when p holds none.  The
 * mapping is NFKC's, but to the full-width brackets Japanese text uses.
 */
static size_t
horizontal_form(const unsigned char *p, size_t n, const char **out)
{
	static const char *const fe10[] = { "，", "、", "。", "：", "；", "！",
	    "？", "〖", "〗", "…" };
	static const char *const fe30[] = { "‥", "—", "–", "_", "_", "（",
	    "）", "｛", "｝", "〔", "〕", "【", "】", "《", "》", "〈", "〉",
	    "「", "」", "『", "』", "﹅", "﹆", "［", "］" };
	unsigned c;

	if (n < 3 || p[0] != 0xef || (p[1] != 0xb8 && p[1] != 0xb9))
		return 0;
	c = 0xfe00 + ((p[1] & 0x01) << 6) + (p[2] & 0x3f);
	if (c >= 0xfe10 && c <= 0xfe19)
		*out = fe10[c - 0xfe10];
	else if (c >= 0xfe30 && c <= 0xfe48 && c != 0xfe45 && c != 0xfe46)
		*out = fe30[c - 0xfe30];
	else
		return 0;
	return 3;
}

/* Copy UTF-8 text into a new string, turning CRLF and CR into LF and
 * vertical presentation forms into the characters they stand for. */
static char *
normalize_newlines(const char *p, size_t n, size_t *out_len)
{
	char *out = xmalloc(n + 1);
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		const char *h;

		if (horizontal_form((const unsigned char *)p + i, n - i,
		    &h) > 0 && strlen(h) <= 3) {
			memcpy(out + j, h, strlen(h));
			j += strlen(h);
			i += 2;
			continue;
		}
		if (p[i] != '\r') {
			out[j++] = p[i];
			continue;
		}
		out[j++] = '\n';
		if (i + 1 < n && p[i + 1] == '\n')
			i++;
	}
	out[j] = '\0';
	*out_len = j;
	return out;
}

/*
 * Decode bytes strictly from the named charset to UTF-8 with iconv.
 * Returns a new buffer (not NUL-terminated) or NULL when any sequence is
 * invalid or incomplete.
 */
static char *
iconv_strict(const char *from, const unsigned char *p, size_t n,
    size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = 3 * n + 16, inleft = n, outleft = cap;
	char *in = (char *)p, *out, *o;

	if (cd == (iconv_t)-1)
		return NULL;
	o = out = xmalloc(cap);
	while (inleft > 0 &&
	    iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		size_t used = (size_t)(o - out);

		if (errno != E2BIG) {
			free(out);
			iconv_close(cd);
			return NULL;
		}
		cap *= 2;
		out = xrealloc(out, cap);
		o = out + used;
		outleft = cap - used;
	}
	iconv_close(cd);
	*out_len = (size_t)(o - out);
	return out;
}

/* How typical of Japanese text one code point is. */
static int
char_score(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    (c >= 0x20 && c < 0x7f))
		return 1;			/* ASCII */
	if (c >= 0x3041 && c <= 0x30fe)
		return 3;			/* hiragana, katakana */
	if (c >= 0x3000 && c <= 0x303f)
		return 2;			/* CJK punctuation */
	if (c >= 0x4e00 && c <= 0x9fff)
		return 2;			/* unified kanji */
	if (c >= 0xff01 && c <= 0xff5e)
		return 1;			/* full-width ASCII */
	if (c >= 0xff61 && c <= 0xff9f)
		return -2;			/* half-width katakana */
	if (c >= 0xf900 && c <= 0xfaff)
		return -2;			/* compatibility kanji */
	if ((c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000)
		return -4;			/* private use */
	if (c < 0xa0)
		return -4;			/* C0 and C1 controls */
	return 0;				/* symbols, Greek, ... */
}

/* Sum of char_score() over valid UTF-8 produced by iconv. */
static long
plausibility(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	long score = 0;
	uint32_t cp;
	size_t k;

	for (size_t i = 0; i < n; i += k) {
		if ((k = utf8_next(p + i, n - i, &cp)) == 0)
			return -1000000;
		score += char_score(cp);
	}
	return score;
}

/* Try CP932 and EUC-JP; returns the raw UTF-8 or NULL. */
static char *
decode_legacy(const unsigned char *p, size_t n, size_t *len,
    enum encoding *enc)
{
	size_t sl = 0, el = 0;
	char *sjis = iconv_strict("CP932", p, n, &sl);
	char *euc = iconv_strict("EUC-JP", p, n, &el);

	if (sjis != NULL && euc != NULL) {
		if (plausibility(euc, el) > plausibility(sjis, sl)) {
			free(sjis);
			sjis = NULL;
		} else {
			free(euc);
			euc = NULL;
		}
	}
	if (sjis != NULL) {
		*enc = ENC_CP932;
		*len = sl;
		return sjis;
	}
	*enc = euc != NULL ? ENC_EUCJP : ENC_UNKNOWN;
	*len = el;
	return euc;
}

static int
fail(char **out, size_t *out_len, enum encoding *enc, const char **reason,
    const char *why)
{
	*out = NULL;
	*out_len = 0;
	*enc = ENC_UNKNOWN;
	*reason = why;
	return -1;
}

int
decode_text(const unsigned char *bytes, size_t len, char **out,
    size_t *out_len, enum encoding *enc, const char **reason)
{
	enum encoding found = ENC_UTF8;
	const char *why;
	char *raw;
	size_t rawlen;

	*reason = NULL;
	if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0) {
		found = ENC_UTF8_BOM;
		bytes += 3;
		len -= 3;
	}
	if (is_blank(bytes, len))
		return fail(out, out_len, enc, reason, REASON_EMPTY);
	if ((why = binary_reason(bytes, len)) != NULL)
		return fail(out, out_len, enc, reason, why);
	if (utf8_valid(bytes, len)) {
		*out = normalize_newlines((const char *)bytes, len, out_len);
		*enc = found;
		return 0;
	}
	if (found == ENC_UTF8_BOM ||
	    (raw = decode_legacy(bytes, len, &rawlen, &found)) == NULL)
		return fail(out, out_len, enc, reason, REASON_UNDECODABLE);
	*out = normalize_newlines(raw, rawlen, out_len);
	*enc = found;
	free(raw);
	return 0;
}
