/*
 * citation.h — find legal citations in text and normalize them as SPEC
 * §4.2 says: the short law name the document uses (条例, 要綱, 番号法,
 * 法) followed by 第N条[のN][第N項][第N号] or 別表第N[第N項], digits in
 * ASCII: "個人情報保護条例第12条、第17条第4項及び第18条" →
 * 条例第12条, 条例第17条第4項, 条例第18条.
 */
#ifndef PICORPUS_CITATION_H
#define PICORPUS_CITATION_H

#include "buf.h"

/*
 * Append to out (without duplicates) every citation in text.  Articles
 * with no law name before them take default_law (e.g. "要綱" under a
 * 要綱の根拠 heading); when default_law is NULL they are skipped.  When
 * only_law is non-NULL, citations of other laws are skipped.  Returns
 * the number of citations appended.
 */
int	cite_scan(const char *text, const char *default_law,
	    const char *only_law, struct strlist *out);

#endif
