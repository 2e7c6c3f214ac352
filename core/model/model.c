/*
 * model.c - look-ups in a loaded model: inputs by id (hashed), nodes and
 * views by id, and the names of input types.
 */
#include "model/model_internal.h"

#include "util/i18n.h"
#include "util/suggest.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a over the id's bytes. */
static size_t hash_id(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Builds the id hash of the inputs (size a power of two, load <= 1/2);
 * returns -1 at the first id already in it (the later slot in *dup). */
int model_index_inputs(chiso_model *m, size_t *dup)
{
	size_t size = 16, i;

	while (size < m->ninputs * 2)
		size *= 2;
	free(m->input_hash);
	free(m->child_inputs);
	m->child_inputs = NULL;
	m->input_hash = xcalloc(size, sizeof(int));
	m->input_hash_size = size;
	for (i = 0; i < m->ninputs; i++) {
		size_t h = hash_id(m->inputs[i].id) & (size - 1);

		while (m->input_hash[h] != 0) {
			if (strcmp(m->inputs[m->input_hash[h] - 1].id,
			           m->inputs[i].id) == 0) {
				*dup = i;
				return -1;
			}
			h = (h + 1) & (size - 1);
		}
		m->input_hash[h] = (int)i + 1;
	}
	return 0;
}

/* Hash look-up; -1 for every id before the inputs are indexed. */
int model_input_slot(const chiso_model *m, const char *id)
{
	size_t h;

	if (!m->input_hash)
		return -1;
	h = hash_id(id) & (m->input_hash_size - 1);
	while (m->input_hash[h] != 0) {
		int slot = m->input_hash[h] - 1;

		if (strcmp(m->inputs[slot].id, id) == 0)
			return slot;
		h = (h + 1) & (m->input_hash_size - 1);
	}
	return -1;
}

/* suggest_closest over the input ids. */
const char *model_suggest_input(const chiso_model *m, const char *id)
{
	const char **ids = xcalloc(m->ninputs + 1, sizeof(*ids));
	const char *near;
	size_t i;

	for (i = 0; i < m->ninputs; i++)
		ids[i] = m->inputs[i].id;
	near = suggest_closest(id, ids, m->ninputs);
	free(ids);
	return near;
}

/* Linear search by id. */
int model_node_index(const chiso_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nnodes; i++)
		if (strcmp(m->nodes[i].id, id) == 0)
			return (int)i;
	return -1;
}

int model_isolates_any(const chiso_model *m)
{
	size_t k;

	for (k = 0; k < m->nleaves; k++)
		if (m->nodes[m->leaves[k]].isolated)
			return 1;
	return 0;
}

/* Linear search by id. */
int model_view_index(const chiso_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nviews; i++)
		if (strcmp(m->views[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Names of input types for messages and outputs. */
const char *model_type_name(unsigned type)
{
	switch (type) {
	case CHISO_INPUT_INTEGER:
		return N_("integer");
	case CHISO_INPUT_NUMBER:
		return N_("number");
	case CHISO_INPUT_BOOLEAN:
		return N_("boolean");
	case CHISO_INPUT_CHOICE:
		return N_("choice");
	case CHISO_INPUT_TEXT:
		return N_("text");
	}
	return N_("unknown");
}

const char *model_type_label(unsigned type)
{
	return _(model_type_name(type));
}
