/*
 * model_prepare.h - the context in which a plugin prepares one indicator
 * of a model being loaded (chiso_prepare_ctx of plugin.h, opaque to
 * plugins). model_nodes.c fills it and calls the plugin's prepare with
 * the registry's host table; the services of that table (eval/host.c)
 * read and update it.
 */
#ifndef CHISO_MODEL_PREPARE_H
#define CHISO_MODEL_PREPARE_H

#include "model/model.h"
#include "read/schema.h"

/* One indicator being prepared. */
struct chiso_prepare_ctx {
	chiso_model *m;
	size_t node;            /* index in m->nodes */
	const schema_ctx *sc;   /* where errors go */
	const doc_node *params; /* the params map */
	const doc_node *empty;  /* an empty map for indicators without params */
	int errors;
	model_dep *deps; /* bound inputs, in bind order; owned */
	size_t ndeps, cap;
};

#endif
