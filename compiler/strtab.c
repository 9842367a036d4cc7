/*
 * strtab.c — string interning with open addressing (strtab.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ingest.h"
#include "strtab.h"

static size_t
slot_of(const struct strtab *t, const char *s, size_t len, int *found)
{
	size_t i = (size_t)hash_bytes(s, len) & (t->nslot - 1);

	*found = 0;
	while (t->slot[i] != 0) {
		const char *o = t->str[t->slot[i] - 1];

		if (strncmp(o, s, len) == 0 && o[len] == '\0') {
			*found = 1;
			break;
		}
		i = (i + 1) & (t->nslot - 1);
	}
	return i;
}

static void
grow(struct strtab *t)
{
	size_t n = t->nslot ? t->nslot * 2 : 256;
	int found;

	free(t->slot);
	t->slot = xcalloc(n, sizeof(*t->slot));
	t->nslot = n;
	for (size_t id = 0; id < t->n; id++)
		t->slot[slot_of(t, t->str[id], strlen(t->str[id]), &found)] =
		    (uint32_t)id + 1;
}

uint32_t
strtab_intern(struct strtab *t, const char *s, size_t len)
{
	size_t i;
	int found;

	if (2 * (t->n + 1) > t->nslot)
		grow(t);
	i = slot_of(t, s, len, &found);
	if (found)
		return t->slot[i] - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->str = xrealloc(t->str, t->cap * sizeof(*t->str));
	}
	t->str[t->n] = xstrndup(s, len);
	t->slot[i] = (uint32_t)++t->n;
	return (uint32_t)t->n - 1;
}

int64_t
strtab_find(const struct strtab *t, const char *s, size_t len)
{
	size_t i;
	int found;

	if (t->nslot == 0)
		return -1;
	i = slot_of(t, s, len, &found);
	return found ? (int64_t)t->slot[i] - 1 : -1;
}

const char *
strtab_str(const struct strtab *t, uint32_t id)
{
	return id < t->n ? t->str[id] : NULL;
}

void
strtab_free(struct strtab *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->str[i]);
	free(t->str);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}
