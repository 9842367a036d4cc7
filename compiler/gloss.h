/*
 * gloss.h — English glosses of a bilingual form, set aside so that the
 * rows pass reads the Japanese alone ("件名 Title" is 件名, "■氏名 Name"
 * is ■氏名).  Pure functions; strings returned are the caller's.
 */
#ifndef PICORPUS_GLOSS_H
#define PICORPUS_GLOSS_H

#include "parse.h"

/* Does d gloss its Japanese in English on three lines or more? */
int	gloss_is_bilingual(const struct doc *d);
/* s without its English glosses (a line all in English becomes "").
   New string. */
char	*gloss_strip(const char *s);

#endif
