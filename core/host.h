/*
 * host.h - the host side of the plugin ABI: the services table handed to
 * plugins, the prepare context of one indicator, and the unit view that
 * compute reads values through.
 *
 * chiso_param handles are doc_node pointers of the model's doc.
 */
#ifndef CHISO_HOST_H
#define CHISO_HOST_H

#include "batch.h"
#include "chiso/plugin.h"
#include "model.h"
#include "schema.h"

/* The table every plugin receives. */
extern const chiso_host_api host_api;

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

/* One unit as compute sees it. */
struct chiso_unit {
	const unit_value *values;
	const char *pool;
	const model_input *inputs;
	size_t ninputs;
	/* ABI 1.2: its child units in the children results, if any. */
	const struct rs_set *cset;
	const size_t *children; /* unit indices in cset */
	size_t nchildren;
	const double *const *child_inputs; /* [handle][child unit index] */
};

/* One indicator's outcomes across a run, for the second phase. */
struct chiso_batch {
	batch *b;
	size_t leaf; /* position among the model's leaves */
};

/* Records an outcome set by finish (batch_set), checked like compute's.
 * Defined in eval.c. */
void eval_batch_set(chiso_batch *cb, size_t u, int status, double fraction,
                    const char *note);

/* Converts between the opaque ABI handle and the doc node. */
static inline const doc_node *host_param_node(const chiso_param *p)
{
	return (const doc_node *)(const void *)p;
}

static inline const chiso_param *host_param_handle(const doc_node *n)
{
	return (const chiso_param *)(const void *)n;
}

#endif
