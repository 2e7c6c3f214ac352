/*
 * read_limits.h - the limits chiso holds every file it reads to, and the
 * messages past them.
 *
 * Every limit is stated in docs/model-format.md ("Limits") and tested at
 * the limit and one past it (tests/cli/limits.sh; the nodes of a data
 * file through the same reader code as those of a model file, whose
 * smaller limit is cheaper to reach). A message past a limit
 * names the limit, its value, and how to raise it when it can be raised
 * (an option), or that it is fixed.
 */
#ifndef CHISO_READ_LIMITS_H
#define CHISO_READ_LIMITS_H

#include "util/diag.h"

#include <stddef.h>

/* Fixed limits of every file. */
#define LIMIT_DEPTH         64          /* nested mappings and lists */
#define LIMIT_SCALAR_BYTES  (64 * 1024) /* one value, one CSV cell */
#define LIMIT_MODEL_FILE_MB 16          /* a model file */
#define LIMIT_MODEL_NODES   500000      /* nodes of a model file */
#define LIMIT_DATA_NODES    20000000    /* nodes of a YAML data file */
#define LIMIT_INDICATORS    10000       /* indicators of one model */
#define LIMIT_INPUTS        10000       /* inputs of one model */
/* (Each input is a column of a CSV data file, and spreadsheets stop at
 * 16,384 columns; real sets have a few hundred inputs.) */

/* Defaults of the limits an option raises. */
#define LIMIT_DATA_FILE_MB  1024   /* a data or results file: --max-file-mb */
#define LIMIT_UNITS         100000 /* units of one run: --max-units */
#define LIMIT_OPTION_MB_MAX (64 * 1024) /* the most --max-file-mb takes */

/* Limits a reader enforces. */
typedef struct doc_limits {
	size_t max_file_bytes;
	unsigned max_depth;
	size_t max_nodes;
	size_t max_scalar_bytes;
	const char *what;        /* "a model file", "a data file" */
	const char *file_option; /* raises max_file_bytes; NULL: fixed */
} doc_limits;

/* Limits for model files and for data (and results) files, as built in.
 * A command that offers --max-file-mb copies doc_limits_data and changes
 * the copy (see limits_set_file_mb). */
extern const doc_limits doc_limits_model;
extern const doc_limits doc_limits_data;

/* Sets lim's file size limit to mb MiB. */
void limits_set_file_mb(doc_limits *lim, size_t mb);

/* "file too large" at path: size bytes (0 for a stream read past the
 * limit: "more than LIMIT bytes"), the limit, and how to raise it. */
void limits_file_error(diag *d, const char *path, unsigned long long size,
                       const doc_limits *lim);

/* 0 when len is within lim's file size, else -1 after
 * limits_file_error(). */
int limits_check_file(diag *d, const char *path, size_t len,
                      const doc_limits *lim);

/* The texts of the other messages, for the readers to place at a
 * line and column: "nesting deeper than 64 levels (a fixed limit)",
 * "too many nodes: ...", "value too long: N bytes ...". Each writes into
 * buf of size bytes and returns buf. */
const char *limits_depth_text(char *buf, size_t size, const doc_limits *lim);
const char *limits_nodes_text(char *buf, size_t size, const doc_limits *lim);
const char *limits_scalar_text(char *buf, size_t size, size_t len,
                               const doc_limits *lim);

#endif
