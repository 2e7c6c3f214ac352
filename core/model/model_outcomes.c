/*
 * model_outcomes.c - the "views" and "classes" sections: aggregates over
 * nodes (the DTI pillars) and recognition levels (đạt chuyển đổi số).
 */
#include "model/model_internal.h"

#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

static const char *const view_keys[] = {"id", "name", "nodes", "description",
                                        NULL};
static const char *const class_keys[] = {
        "id",        "name",         "description", "min_value",
        "mandatory", "extended_min", NULL};
static const char *const mandatory_words[] = {"all", NULL};

/* Is node a an ancestor of node b (or b itself)? */
static int covers(const chiso_model *m, size_t a, size_t b)
{
	int i = (int)b;

	while (i >= 0) {
		if ((size_t)i == a)
			return 1;
		i = m->nodes[i].parent;
	}
	return 0;
}

/* View ids share the node ids' space (rank --by takes both). */
static int check_new_id(model_loader *ld, const doc_node *n, const char *id,
                        const char *what)
{
	chiso_model *m = ld->m;
	size_t i;

	if (strcmp(id, "total") == 0) {
		schema_error(
		        &ld->sc, n,
		        _("%s id 'total' is reserved (rank --by total ranks "
		          "the unit's value); use another"),
		        _(what));
		return -1;
	}
	if (schema_check_chars(id, "._-ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0) {
		schema_error(&ld->sc, n,
		             _("%s id '%s' must use only letters, digits, '.', "
		               "'_' and '-'"),
		             _(what), id);
		return -1;
	}
	if (model_node_index(m, id) >= 0) {
		schema_error(&ld->sc, n,
		             _("%s id '%s' is already the id of a node; use "
		               "another"),
		             _(what), id);
		return -1;
	}
	for (i = 0; i < m->nviews; i++)
		if (m->views[i].id && strcmp(m->views[i].id, id) == 0) {
			schema_error(&ld->sc, n,
			             _("view id '%s' is used twice"), id);
			return -1;
		}
	return 0;
}

/* One view's node list: existing ids, no node inside another. */
static int view_nodes(model_loader *ld, model_view *v, const doc_node *list)
{
	chiso_model *m = ld->m;
	size_t k, j;
	int rc = 0;

	if (schema_expect(&ld->sc, list, DOC_SEQ, N_("view nodes")) < 0)
		return -1;
	if (list->count == 0) {
		schema_error(&ld->sc, list,
		             _("view nodes is empty; list node ids, e.g. "
		               "[\"1\", \"2\", \"7\"]"));
		return -1;
	}
	v->nodes = xcalloc(list->count, sizeof(size_t));
	for (k = 0; k < list->count; k++) {
		const char *id = schema_string(&ld->sc, list->items[k],
		                               N_("a node id"), 0);
		int ni = id ? model_node_index(m, id) : -1;

		if (!id) {
			rc = -1;
			continue;
		}
		if (ni < 0) {
			schema_error(
			        &ld->sc, list->items[k],
			        _("view '%s' names node '%s', which the model "
			          "does not have"),
			        v->id, id);
			rc = -1;
			continue;
		}
		for (j = 0; j < v->nnodes; j++)
			if (covers(m, v->nodes[j], (size_t)ni) ||
			    covers(m, (size_t)ni, v->nodes[j])) {
				schema_error(
				        &ld->sc, list->items[k],
				        _("view '%s' would count node '%s' "
				          "twice (it overlaps '%s')"),
				        v->id, id, m->nodes[v->nodes[j]].id);
				rc = -1;
				break;
			}
		if (j == v->nnodes)
			v->nodes[v->nnodes++] = (size_t)ni;
	}
	return rc;
}

/* One view. */
static int load_view(model_loader *ld, model_view *v, const doc_node *spec)
{
	const doc_node *n;
	int rc = 0;

	v->line = spec->line;
	v->col = spec->col;
	if (schema_check_keys(&ld->sc, spec, view_keys, N_("a view")) < 0)
		rc = -1;
	if (spec->kind != DOC_MAP)
		return -1;
	n = schema_require(&ld->sc, spec, "id", N_("a view"));
	v->id = n ? schema_string(&ld->sc, n, N_("view id"), 0) : NULL;
	if (!v->id || check_new_id(ld, n, v->id, N_("view")) < 0)
		return -1;
	n = schema_require(&ld->sc, spec, "name", N_("a view"));
	v->name = n ? schema_string(&ld->sc, n, N_("view name"), 0) : NULL;
	if (!v->name) {
		v->name = v->id;
		rc = -1;
	}
	n = doc_get(spec, "description");
	if (n &&
	    !(v->description = schema_string(&ld->sc, n, "description", 0)))
		rc = -1;
	n = schema_require(&ld->sc, spec, "nodes", N_("a view"));
	if (!n || view_nodes(ld, v, n) < 0)
		rc = -1;
	return rc;
}

int model_load_views(model_loader *ld, const doc_node *views)
{
	chiso_model *m = ld->m;
	size_t k;
	int rc = 0;

	if (schema_expect(&ld->sc, views, DOC_SEQ, "views") < 0)
		return -1;
	m->views = xcalloc(views->count ? views->count : 1, sizeof(*m->views));
	for (k = 0; k < views->count; k++) {
		/* Views before k are the ones a new id must not repeat. */
		m->nviews = k;
		if (load_view(ld, &m->views[k], views->items[k]) < 0)
			rc = -1;
		m->nviews = k + 1;
	}
	return rc;
}

/* A share in [0, 1], e.g. min_value: 0.8 or extended_min: 0.3. */
static int read_share(model_loader *ld, const doc_node *n, const char *what,
                      double *out)
{
	if (schema_number(&ld->sc, n, what, out) < 0)
		return -1;
	if (*out < 0 || *out > 1) {
		schema_error(&ld->sc, n,
		             _("%s must be between 0 and 1 (a share: 0.3 for "
		               "30%%)"),
		             what);
		return -1;
	}
	return 0;
}

/* One class and its conditions. */
static int load_class(model_loader *ld, model_class *c, const doc_node *spec)
{
	const doc_node *n;
	int rc = 0;

	c->line = spec->line;
	c->col = spec->col;
	if (schema_check_keys(&ld->sc, spec, class_keys, N_("a class")) < 0)
		rc = -1;
	if (spec->kind != DOC_MAP)
		return -1;
	n = schema_require(&ld->sc, spec, "id", N_("a class"));
	c->id = n ? schema_string(&ld->sc, n, N_("class id"), 0) : NULL;
	if (!c->id)
		return -1;
	if (schema_check_chars(c->id, "._-ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0) {
		schema_error(
		        &ld->sc, n,
		        _("class id '%s' must use only letters, digits, '.', "
		          "'_' and '-', e.g. dat"),
		        c->id);
		rc = -1;
	}
	n = schema_require(&ld->sc, spec, "name", N_("a class"));
	c->name = n ? schema_string(&ld->sc, n, N_("class name"), 0) : NULL;
	if (!c->name) {
		c->name = c->id;
		rc = -1;
	}
	n = doc_get(spec, "description");
	if (n &&
	    !(c->description = schema_string(&ld->sc, n, "description", 0)))
		rc = -1;
	n = doc_get(spec, "min_value");
	if (n) {
		c->has_min_value = 1;
		if (read_share(ld, n, "min_value", &c->min_value) < 0)
			rc = -1;
	}
	n = doc_get(spec, "mandatory");
	if (n) {
		if (schema_enum(&ld->sc, n, "mandatory", mandatory_words) < 0)
			rc = -1;
		else
			c->mandatory_all = 1;
	}
	n = doc_get(spec, "extended_min");
	if (n) {
		c->has_extended_min = 1;
		if (read_share(ld, n, "extended_min", &c->extended_min) < 0)
			rc = -1;
	}
	if (rc == 0 && !c->has_min_value && !c->mandatory_all &&
	    !c->has_extended_min) {
		schema_error(&ld->sc, spec,
		             _("class '%s' has no condition; give min_value, "
		               "mandatory: all or extended_min"),
		             c->id);
		rc = -1;
	}
	return rc;
}

int model_load_classes(model_loader *ld, const doc_node *classes)
{
	chiso_model *m = ld->m;
	size_t k, j;
	int rc = 0;

	if (schema_expect(&ld->sc, classes, DOC_SEQ, "classes") < 0)
		return -1;
	m->classes = xcalloc(classes->count ? classes->count : 1,
	                     sizeof(*m->classes));
	m->nclasses = classes->count;
	for (k = 0; k < classes->count; k++) {
		if (load_class(ld, &m->classes[k], classes->items[k]) < 0)
			rc = -1;
		if (!m->classes[k].id)
			continue;
		for (j = 0; j < k; j++)
			if (m->classes[j].id &&
			    strcmp(m->classes[j].id, m->classes[k].id) == 0) {
				schema_error(&ld->sc, classes->items[k],
				             _("class id '%s' is used twice"),
				             m->classes[k].id);
				rc = -1;
			}
	}
	return rc;
}
