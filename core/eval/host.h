/*
 * host.h - the host side of the plugin ABI: the services table handed to
 * plugins in every phase, the unit view that compute reads values
 * through, and the batch view of the second phase. The prepare phase
 * runs while a model loads (model/), which calls prepare with the table
 * its plugin registry was given (plugin_registry_new(&host_api)); its
 * context is model/model_prepare.h.
 *
 * chiso_param handles are doc_node pointers of the model's doc.
 */
#ifndef CHISO_HOST_H
#define CHISO_HOST_H

#include "chiso/plugin.h"
#include "eval/batch.h"
#include "model/model.h"
#include "model/model_prepare.h"

/* The table every plugin receives. */
extern const chiso_host_api host_api;

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
	/* ABI 1.3: the unit in its batch (unit_info), the indicator being
	 * computed (log), and the call's scratch memory (alloc; owned,
	 * freed by host_call_end). */
	const batch *b;
	size_t u;
	const model_node *node;
	unsigned char *scratch;
	size_t scratch_used;
};

/* Frees the scratch memory of one compute call (view is the call's
 * copy of the unit view). */
void host_call_end(chiso_unit *view);

/* Forgets how many messages each indicator has logged (host->log), and
 * frees the counts: before a model is freed (the counts are kept by
 * indicator address). */
void host_log_reset(void);

/* One indicator's outcomes across a run, for the second phase. */
struct chiso_batch {
	batch *b;
	size_t leaf; /* position among the model's leaves */
};

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
