/*
 * model_diff_json.c - the JSON report: both models' identity, the
 * summary, the changes of each section as one-line objects (an added or
 * removed item with what it is) and the main indices.
 */
#include "config.h"

#include "modeldoc/model_diff_internal.h"

#include "util/jsonw.h"

#include <string.h>

/* A value: null, text, number or boolean. */
static void json_value(jsonw *w, const char *key, const md_value *v)
{
	jsonw_key(w, key);
	switch (v->type) {
	case MDV_TEXT:
		jsonw_string(w, v->text);
		break;
	case MDV_NUMBER:
		jsonw_number(w, v->number);
		break;
	case MDV_BOOL:
		jsonw_bool(w, v->number != 0);
		break;
	default:
		jsonw_null(w);
	}
}

/* The params of node i of m as flow text. */
static void json_params(jsonw *w, const char *key, const chiso_model *m, int i)
{
	strbuf sb = STRBUF_INIT;

	md_flow(&sb, m->nodes[i].params);
	jsonw_kstring(w, key, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* What an added or removed node is. */
static void json_node(jsonw *w, const chiso_model *m, int i)
{
	const model_node *n = &m->nodes[i];

	jsonw_kstring(w, "name", n->name);
	jsonw_kstring(w, "node", n->is_leaf ? "indicator" : "group");
	jsonw_kstring(w, "parent", md_node_id(m, n->parent));
	jsonw_knumber(w, "points", n->points);
	if (n->is_leaf) {
		jsonw_kstring(w, "method", n->method);
		json_params(w, "params", m, i);
	}
}

/* What an added or removed item is. */
static void json_item(jsonw *w, md_section s, const chiso_model *m, int i)
{
	strbuf sb = STRBUF_INIT;
	size_t k;

	switch (s) {
	case MD_NODE:
		json_node(w, m, i);
		break;
	case MD_INPUT:
		jsonw_kstring(w, "type", model_type_name(m->inputs[i].type));
		jsonw_kstring(w, "label", m->inputs[i].label);
		md_input_summary(m, i, &sb);
		jsonw_kstring(w, "spec", strbuf_str(&sb));
		break;
	case MD_VIEW:
		jsonw_kstring(w, "name", m->views[i].name);
		jsonw_key(w, "nodes");
		jsonw_array(w, 1);
		for (k = 0; k < m->views[i].nnodes; k++)
			jsonw_string(w, m->nodes[m->views[i].nodes[k]].id);
		jsonw_end(w);
		break;
	case MD_CLASS:
		jsonw_kstring(w, "name", m->classes[i].name);
		md_conditions_text(&m->classes[i], &sb);
		jsonw_kstring(w, "conditions", strbuf_str(&sb));
		break;
	default:
		break;
	}
	strbuf_release(&sb);
}

/* One change as a one-line object. */
static void json_change(const model_diff *d, const md_change *c, jsonw *w)
{
	const char *id = md_change_id(d, c);
	int i;
	const chiso_model *m = md_item_of(d, c, &i);

	jsonw_object(w, 1);
	jsonw_kstring(w, "kind", md_kind_name(c->kind));
	if (c->section != MD_MODEL)
		jsonw_kstring(w, "id", *id ? id : NULL);
	if (c->field)
		jsonw_kstring(w, "field", c->field);
	if (c->kind == MD_ADDED || c->kind == MD_REMOVED) {
		json_item(w, c->section, m, i);
		jsonw_end(w);
		return;
	}
	if (c->section == MD_NODE && i >= 0) {
		jsonw_kstring(w, "name", m->nodes[i].name);
		jsonw_kstring(w, "node",
		              m->nodes[i].is_leaf ? "indicator" : "group");
	}
	json_value(w, "before", &c->before);
	json_value(w, "after", &c->after);
	if (c->kind == MD_METHOD) {
		json_params(w, "params_before", d->a, c->a);
		json_params(w, "params_after", d->b, c->b);
	}
	jsonw_end(w);
}

/* One model's identity. */
static void json_side(jsonw *w, const char *key, const chiso_model *m)
{
	jsonw_key(w, key);
	jsonw_object(w, 0);
	jsonw_kstring(w, "file", m->path);
	jsonw_kstring(w, "id", m->id);
	jsonw_kstring(w, "version", m->version);
	jsonw_kstring(w, "title", m->title);
	jsonw_kstring(w, "sha256", m->sha256);
	jsonw_knumber(w, "points", m->total_points);
	jsonw_end(w);
}

/* The main indices: id, name, points on each side (null: not a main
 * index there), and A's id when it differs. */
static void json_indices(const model_diff *d, jsonw *w)
{
	size_t k;

	jsonw_key(w, "main_indices");
	jsonw_array(w, 0);
	for (k = 0; k < d->nindices; k++) {
		const md_index *r = &d->indices[k];
		const model_node *x = r->a >= 0 ? &d->a->nodes[r->a] : NULL;
		const model_node *y = r->b >= 0 ? &d->b->nodes[r->b] : NULL;

		jsonw_object(w, 1);
		jsonw_kstring(w, "id", y ? y->id : x->id);
		if (x && y && strcmp(x->id, y->id) != 0)
			jsonw_kstring(w, "id_a", x->id);
		jsonw_kstring(w, "name", y ? y->name : x->name);
		jsonw_key(w, "points_a");
		if (x)
			jsonw_number(w, x->points);
		else
			jsonw_null(w);
		jsonw_key(w, "points_b");
		if (y)
			jsonw_number(w, y->points);
		else
			jsonw_null(w);
		jsonw_end(w);
	}
	jsonw_end(w);
}

/* The JSON report. */
void md_write_json(const model_diff *d, FILE *f)
{
	static const char *const keys[MD_NSECTIONS] = {
	        "changes", "inputs", "views", "classes", "model"};
	strbuf sb = STRBUF_INIT;
	jsonw w;
	size_t s, k;

	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_kstring(&w, "generator", PACKAGE_STRING);
	json_side(&w, "a", d->a);
	json_side(&w, "b", d->b);
	jsonw_kbool(&w, "identical", d->identical);
	jsonw_kbool(&w, "same_content", d->nchanges == 0);
	md_summary(d, &sb);
	jsonw_kstring(&w, "summary", strbuf_str(&sb));
	for (s = 0; s < MD_NSECTIONS; s++) {
		jsonw_key(&w, keys[s]);
		jsonw_array(&w, 0);
		for (k = 0; k < d->nchanges; k++)
			if (d->changes[k].section == s)
				json_change(d, &d->changes[k], &w);
		jsonw_end(&w);
	}
	json_indices(d, &w);
	jsonw_end(&w);
	jsonw_finish(&w);
	strbuf_release(&sb);
}
