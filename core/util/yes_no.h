/*
 * yes_no.h - the words a person writes for yes and no, in English and
 * Vietnamese, one list for every data format (YAML, JSON, CSV, xlsx)
 * and the plugin kit's case files.
 */
#ifndef CHISO_YES_NO_H
#define CHISO_YES_NO_H

#include <stddef.h>

/*
 * 1 for a yes word (true, yes; có, đúng), 0 for a no word (false, no;
 * không, sai), -1 for anything else; any case, Vietnamese with all
 * its diacritics or none ("Có", "co", "KHÔNG", "khong", "Đúng",
 * "dung"; composed or decomposed).
 * s[0..len) is UTF-8. *vietnamese (when not NULL) is set to 1 for a
 * Vietnamese word, else 0.
 */
int yes_no_word(const char *s, size_t len, int *vietnamese);

#endif
