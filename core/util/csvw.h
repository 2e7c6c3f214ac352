/*
 * csvw.h - writing CSV for spreadsheets (RFC 4180): fields quoted only
 * when they hold the separator, a quote or a line break; quotes doubled.
 * Records end with CRLF, as Excel writes them.
 */
#ifndef CHISO_CSVW_H
#define CHISO_CSVW_H

#include <stdio.h>

/* Writes one field, preceded by sep unless it is the record's first. */
void csvw_field(FILE *f, const char *s, char sep, int first);

/* Ends the record. */
void csvw_end(FILE *f);

#endif
