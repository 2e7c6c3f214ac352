/*
 * data_file.h - one data file read into a batch, record by record: each
 * unit's identity (code, name, level, parent, period), its stage, and
 * every value checked against the model's input (type, choices, bounds,
 * bounds between inputs). A unit whose values are wrong is added as
 * invalid with its problems ("FILE:LINE:COL: unit CODE: field NAME:
 * reason"); the other units still evaluate.
 *
 * No text read may hold a control character (C0, DEL, C1): the identity
 * fields are one line, and text values, evidence and comments may hold
 * only tabs and line breaks (LF, CR) besides; anything else makes the unit
 * invalid ("field unit.name: contains a control character (U+001B);
 * remove it"). Messages quote codes and values with their control
 * characters and bidi controls escaped as "<U+XXXX>" (util/escape.h).
 */
#ifndef CHISO_DATA_FILE_H
#define CHISO_DATA_FILE_H

#include "eval/batch.h"
#include "read/schema.h"
#include "util/diag.h"
#include "util/strbuf.h"

/*
 * Reading one file record by record, for the reader of each format (YAML,
 * JSON, JSON Lines in data.c; CSV in csv_input.c): open, feed each unit
 * record as a doc mapping {unit, stage, values} (or a whole document),
 * close. A unit whose values are wrong becomes invalid with its
 * problems; a record without a unit code, or data_file_fail(), makes the
 * file bad: close then removes every unit of the file from the batch.
 *
 * Ownership: data_file_open() returns a reader freed by data_file_close().
 */
typedef struct data_file data_file;

data_file *data_file_open(batch *b, const char *path, diag *d);

/* Treat records as a results document's (computed keys allowed, fields
 * the model lacks only warned about). */
void data_file_results_doc(data_file *df, int on);

/* The file name and diag for messages. Borrowed, valid until close. */
const schema_ctx *data_file_schema(const data_file *df);

/* The limits df is read within (its batch's). Borrowed. */
const doc_limits *data_file_limits(const data_file *df);

/*
 * How a reader names a place of its file: writes into sb what follows
 * "FILE:" for line > 0 and col (a worksheet: "Sheet1!D7"). Without one,
 * places are "FILE:LINE:COL". Used by every message of df, and kept with
 * each unit (unit_rec.place) for the messages of evaluation.
 */
typedef void (*data_file_place_fn)(void *arg, strbuf *sb, unsigned line,
                                   unsigned col);

/* Sets df's place formatter (arg borrowed until close). */
void data_file_set_place(data_file *df, data_file_place_fn fn, void *arg);

/* Reports an error of the file at line:col named as df's places are
 * ("FILE: " alone for line 0). */
void data_file_error(data_file *df, unsigned line, unsigned col,
                     const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Reads one record. Returns 0, or -1 when the record is malformed beyond
 * a unit problem (the file is then bad). */
int data_file_record(data_file *df, const doc_node *rec);

/* Adds a problem "FILE:LINE:COL: unit CODE: message" (escaped) to the
 * unit the last data_file_record() read and marks it invalid (no-op when
 * that record added no unit). */
void data_file_problem(data_file *df, unsigned line, unsigned col,
                       const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Says that the file (a table: CSV, a workbook) has no column for input
 * slot: when the input is required, a warning at line (the header) and
 * no warning per unit for it (eval/missing.h). */
void data_file_column_absent(data_file *df, size_t slot, unsigned line);

/* Marks the file bad (its units will be removed at close). */
void data_file_fail(data_file *df);

/* Frees df. Returns 0 when the file was read, -1 when it was bad (its
 * units removed, errors in d). */
int data_file_close(data_file *df);

/* Reads a whole document: one unit record, or {units: [...]}, or a
 * results document (whose units carry their values). Returns 0, or -1
 * when the file is bad (marked so). */
int data_file_document(data_file *df, const doc_node *root);

/* The keys the top level of a data file with a units list may hold
 * (results_doc: a results document's). Borrowed (static). */
const char *const *data_file_top_keys(int results_doc);

/* Checks a results document's "format" value (this chiso reads 1).
 * Returns 0, or -1 with the error reported. */
int data_file_check_format(data_file *df, const doc_node *f);

/* Names of the stages, indexed by stage number: "self", "appraised",
 * "final". */
extern const char *const data_stage_words[];

#endif
