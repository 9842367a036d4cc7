/*
 * numbering.h — marks that number headings and list items.
 *
 * Every function takes a NUL-terminated UTF-8 string and returns a
 * length in bytes (0 when there is none); nothing is allocated.
 */
#ifndef PICORPUS_NUMBERING_H
#define PICORPUS_NUMBERING_H

#include <stddef.h>

/* Is s at an ASCII or full-width digit?  *bytes receives its length. */
int	numbering_digit_at(const char *s, int *bytes);
/* The bytes of the (at most three) digits s starts with. */
size_t	numbering_digits_len(const char *s);
/* The length of the first of marks (NULL-terminated) s starts with. */
size_t	numbering_prefix(const char *s, const char *const *marks);
/*
 * The mark s starts with, without the space after it ("（２）", "１．",
 * "一、"); *needs_space says whether it is one only when white space
 * follows ("ア　…", "第１　…", "2 …").
 */
size_t	numbering_mark_len(const char *s, int *needs_space);
/* The mark s starts with and the white space after it, when text
 * follows: where the item's text begins. */
size_t	numbering_len(const char *s);

/* Which kana mark s starts with (0 for ア, 1 for イ…), or -1; and the
 * mark of index i (NULL past the last). */
int	numbering_kana_index(const char *s);
const char *numbering_kana(int i);

#endif
