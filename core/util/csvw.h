/*
 * csvw.h - writing CSV for spreadsheets (RFC 4180): fields quoted only
 * when they hold the separator, a quote or a line break; quotes doubled.
 * Records end with CRLF, as Excel writes them.
 *
 * A spreadsheet runs a cell that starts with =, +, - or @ as a formula
 * (TAB and CR first can hide one): =HYPERLINK(...) in a unit's name
 * would be a live link, and worse. So a text cell starting with one of these is
 * written with a leading ' (OWASP's advice against CSV injection), which
 * the spreadsheet shows as text and does not display; numbers are
 * written as they are ("-0.5000", a rank change "-2"). Text cells have
 * their control characters other than TAB, LF and CR shown as
 * "<U+XXXX>" (util/escape.h). The guard can be turned off for pipelines
 * that read the CSV as data.
 */
#ifndef CHISO_CSVW_H
#define CHISO_CSVW_H

#include <stdio.h>

/* A CSV being written: its stream, separator, guard and position. */
typedef struct csvw {
	FILE *f;
	char sep;  /* ',' or ';' */
	int guard; /* 1: text cells that could run as formulas get a ' */
	int first; /* 1: the next field starts a record */
} csvw;

/* How a command writes CSV: separator, BOM, formula guard. */
typedef struct csvw_opts {
	char sep;  /* ',' or ';' (then numbers have a decimal comma) */
	int bom;   /* 1: start with a UTF-8 BOM (for Excel) */
	int guard; /* 1: defuse text cells that could run as formulas */
} csvw_opts;
#define CSVW_OPTS_DEFAULT                                                      \
	{                                                                      \
		',', 0, 1                                                      \
	}

/* Starts writing CSV to f as o says: the BOM first when o->bom. */
void csvw_start(csvw *w, FILE *f, const csvw_opts *o);

/* Starts writing CSV to f with separator sep; guard 1 defuses formulas
 * (the default of every command), 0 writes text as it is. */
void csvw_init(csvw *w, FILE *f, char sep, int guard);

/* Writes a text cell: control characters escaped, a leading ' when the
 * guard is on and s starts with =, +, -, @, TAB or CR, quoted when
 * needed. */
void csvw_text(csvw *w, const char *s);

/* Writes a number cell ("", "12", "-0.5000", "+2", "1e-07") as it is,
 * with a decimal comma ("-0,5000") when the separator is ';', as
 * Vietnamese or European Excel, which lists with ';', reads numbers
 * (and as chiso's CSV reader reads them with ';'); anything else is written as text (csvw_text), so a cell mistaken for
 * a number is still guarded. */
void csvw_number(csvw *w, const char *s);

/* Ends the record (CRLF). */
void csvw_end(csvw *w);

#endif
