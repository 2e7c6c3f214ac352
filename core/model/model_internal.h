/*
 * model_internal.h - shared by the parts of the model loader
 * (model.c: the file and its "model" section; model_inputs.c: "inputs";
 * model_nodes.c: "indices" and plugin preparation).
 */
#ifndef CHISO_MODEL_INTERNAL_H
#define CHISO_MODEL_INTERNAL_H

#include "model/model.h"
#include "read/schema.h"

typedef struct model_loader {
	chiso_model *m;
	schema_ctx sc;
	plugin_registry *reg;
	size_t nodes_cap;
	double *sums;      /* per node: its leaves' points added up the tree
	                      as evaluation adds them (nodes_cap entries) */
	size_t indicators; /* read so far, against LIMIT_INDICATORS */
} model_loader;

/* Frees in's choice_folds. */
void model_input_free_folds(model_input *in);

/* Reads the "inputs" mapping into m->inputs. Returns 0 or -1. */
int model_load_inputs(model_loader *ld, const doc_node *inputs);

/* Reads the "indices" list into m->nodes, checks points, prepares every
 * indicator's plugin. Returns 0 or -1. */
int model_load_tree(model_loader *ld, const doc_node *indices);

/* Reads "views" (after the tree: views name its nodes). Returns 0/-1. */
int model_load_views(model_loader *ld, const doc_node *views);

/* Reads "classes". Returns 0 or -1. */
int model_load_classes(model_loader *ld, const doc_node *classes);

/* Builds the hash that model_input_slot() uses, from the ids of
 * m->inputs. Returns 0, or -1 with the slot of the first id seen twice
 * in *dup. */
int model_index_inputs(chiso_model *m, size_t *dup);

/* Releases the plugin states of every prepared leaf. */
void model_release_states(chiso_model *m);

#endif
