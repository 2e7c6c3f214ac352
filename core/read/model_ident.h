/*
 * model_ident.h - who a model file is, without loading it: its
 * model.id, model.version and the SHA-256 of its bytes, the three things
 * a results document records of the model that made it. For the
 * commands that are given a model beside results (chiso sensitivity) and
 * must check that the results were made with it; the model's plugins
 * are not needed, nor loaded.
 *
 * Ownership: the strings of a model_ident are its own;
 * model_ident_free() frees them.
 */
#ifndef CHISO_MODEL_IDENT_H
#define CHISO_MODEL_IDENT_H

#include "util/diag.h"

typedef struct model_ident {
	char *path;      /* as given */
	char *id;        /* model.id, "" when the file gives none */
	char *version;   /* model.version, "" when none */
	char sha256[65]; /* 64 lower-case hex digits */
} model_ident;

/*
 * Reads the model file at path (the limits of a model file) into mi: its
 * hash and its header's id and version. A file that is not a model is
 * refused: a results document ("this is a results document, not a
 * model; ..."), a data file, or a document without model.id. Returns 0,
 * or -1 with "PATH[:LINE:COL]: message" in d (mi then holds nothing to
 * free).
 */
int model_ident_read(const char *path, model_ident *mi, diag *d);

/* Frees mi's strings. */
void model_ident_free(model_ident *mi);

#endif
