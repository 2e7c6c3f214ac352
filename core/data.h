/*
 * data.h - reading units' data files (YAML or JSON) into a batch,
 * checking every value against the model's inputs.
 *
 * Accepted shapes: one unit ({unit, stage, values}); many units
 * ({units: [{unit, stage, values}, ...]}); and a results document written
 * by "chiso evaluate --format json", whose units carry their values, so
 * that last year's results can be re-scored under this year's model.
 *
 * A file that cannot be read, parsed, or whose shape is wrong (unknown
 * top-level key, a unit without a code) is an error of the file: nothing
 * of it is added. A unit whose values are wrong is added as invalid with
 * its problems ("FILE:LINE:COL: unit CODE: field NAME: reason"); the
 * other units still evaluate.
 */
#ifndef CHISO_DATA_H
#define CHISO_DATA_H

#include "batch.h"
#include "diag.h"
#include "schema.h"

/*
 * Reading one file record by record, for readers of other formats (CSV,
 * JSON Lines): open, feed each unit record as a doc mapping {unit, stage,
 * values}, close. A unit whose values are wrong becomes invalid with its
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

/* Reads one record. Returns 0, or -1 when the record is malformed beyond
 * a unit problem (the file is then bad). */
int data_file_record(data_file *df, const doc_node *rec);

/* Adds a problem "FILE:LINE:COL: unit CODE: message" to the unit the
 * last data_file_record() read and marks it invalid (no-op when that
 * record added no unit). */
void data_file_problem(data_file *df, unsigned line, unsigned col,
                       const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Marks the file bad (its units will be removed at close). */
void data_file_fail(data_file *df);

/* Frees df. Returns 0 when the file was read, -1 when it was bad (its
 * units removed, errors in d). */
int data_file_close(data_file *df);

/*
 * Reads the file at path into b: YAML; JSON (validated whole, then read
 * one unit at a time); JSON Lines (".jsonl", one unit record per line,
 * read as a stream); or CSV (".csv", see csv_input.h). Returns 0 when the
 * file was read (some units may be invalid), -1 when the file itself is
 * bad (errors in d; nothing of it added).
 */
int data_load_file(batch *b, const char *path, diag *d);

/* Same, from text in memory. */
int data_load_buffer(batch *b, const char *path, const char *buf, size_t len,
                     diag *d);

/* Marks as invalid every unit that repeats the code, period and stage of
 * an earlier one. Call once after all files are read. */
void data_check_duplicates(batch *b);

/* Adds each invalid unit's problems to d as errors. */
void data_report_problems(const batch *b, diag *d);

/* Names of the stages, indexed by stage number: "self", "appraised",
 * "final". */
extern const char *const data_stage_words[];

#endif
