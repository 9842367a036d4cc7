/*
 * strtab.h — a string table: each distinct string gets a dense id
 * (0, 1, 2 … in order of first sight) and is stored once.
 *
 * Ownership: the table owns copies of its strings; strtab_free() frees
 * them and accepts a zeroed table.  Aborts on out-of-memory.
 */
#ifndef PICORPUS_STRTAB_H
#define PICORPUS_STRTAB_H

#include <stddef.h>
#include <stdint.h>

struct strtab {
	char		**str;		/* by id */
	size_t		  n;		/* strings held */
	size_t		  cap;		/* entries of str */
	uint32_t	 *slot;		/* hash table: id + 1, 0 = empty */
	size_t		  nslot;	/* a power of two */
};

#define STRTAB_INIT { NULL, 0, 0, NULL, 0 }

/* The id of s[0..len), added on first sight. */
uint32_t	 strtab_intern(struct strtab *t, const char *s, size_t len);
/* The id of s[0..len), or -1 when absent. */
int64_t		 strtab_find(const struct strtab *t, const char *s, size_t len);
/* The string of id (NUL-terminated; valid until the table is freed). */
const char	*strtab_str(const struct strtab *t, uint32_t id);
void		 strtab_free(struct strtab *t);

#endif
