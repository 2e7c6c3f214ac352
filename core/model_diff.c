/*
 * model_diff.c - the differences between two versions of a model:
 * matching (by id, then by name), the comparisons, and the table,
 * Markdown and JSON reports.
 */
#include "config.h"

#include "model_diff.h"

#include "jsonw.h"
#include "numfmt.h"
#include "strbuf.h"
#include "texttable.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Params wider than this (display columns) show only what differs. */
#define BRIEF_WIDTH 40
/* Caps of the table's name and before/after columns. */
#define NAME_COLS  32
#define VALUE_COLS 48

/* --- values ---------------------------------------------------------- */

/* Nothing (null). */
static md_value v_none(void)
{
	md_value v = {MDV_NONE, NULL, 0};

	return v;
}

/* A copy of s, or nothing for NULL. */
static md_value v_text(const char *s)
{
	md_value v = {MDV_TEXT, NULL, 0};

	if (!s)
		return v_none();
	v.text = xstrdup(s);
	return v;
}

/* The text of sb, which is left empty. */
static md_value v_buf(strbuf *sb)
{
	md_value v = {MDV_TEXT, NULL, 0};

	v.text = strbuf_detach(sb);
	return v;
}

/* A number. */
static md_value v_number(double x)
{
	md_value v = {MDV_NUMBER, NULL, 0};

	v.number = x;
	return v;
}

/* A yes/no. */
static md_value v_bool(int b)
{
	md_value v = {MDV_BOOL, NULL, 0};

	v.number = b ? 1 : 0;
	return v;
}

/* 1 when two optional texts are equal (both NULL too). */
static int same_text(const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	return strcmp(x, y) == 0;
}

/* --- params: structural equality and flow rendering -------------------- */

enum scalar_class { SC_TEXT, SC_NUMBER, SC_BOOL, SC_NULL };

/* What a scalar means: a quoted one is a text; a plain one may be null,
 * a yes/no or a number (in *x). */
static enum scalar_class classify(const char *s, int quoted, double *x)
{
	*x = 0;
	if (quoted)
		return SC_TEXT;
	if (!*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)
		return SC_NULL;
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0) {
		*x = 1;
		return SC_BOOL;
	}
	if (strcasecmp(s, "false") == 0 || strcasecmp(s, "no") == 0)
		return SC_BOOL;
	if (numfmt_parse(s, x) == 0)
		return SC_NUMBER;
	*x = 0;
	return SC_TEXT;
}

/* 1 when two scalars mean the same: 1.0 equals 1, "x" equals x. */
static int scalar_equal(const doc_node *x, const doc_node *y)
{
	double p, q;
	enum scalar_class cx = classify(x->text, x->quoted, &p);
	enum scalar_class cy = classify(y->text, y->quoted, &q);

	if (cx != cy)
		return 0;
	if (cx == SC_TEXT)
		return strcmp(x->text, y->text) == 0;
	return p == q;
}

/* 1 when two trees mean the same; mapping keys in any order. */
static int tree_equal(const doc_node *x, const doc_node *y)
{
	size_t k;

	if (x->kind != y->kind || x->count != y->count)
		return 0;
	if (x->kind == DOC_SCALAR)
		return scalar_equal(x, y);
	for (k = 0; k < x->count; k++) {
		const doc_node *v = x->kind == DOC_SEQ
		                            ? y->items[k]
		                            : doc_get(y, x->keys[k]->text);

		if (!v || !tree_equal(x->items[k], v))
			return 0;
	}
	return 1;
}

static const doc_node empty_map = {DOC_MAP, 0, 0, 0, NULL, 0, 0, NULL, NULL};

int md_params_equal(const doc_node *x, const doc_node *y)
{
	return tree_equal(x ? x : &empty_map, y ? y : &empty_map);
}

/* 1 when byte c may appear in a plain flow scalar. */
static int plain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80 || strchr("_./+-%() ", c);
}

/* 1 when s can be written plain and reads back as the same text. */
static int plain_ok(const char *s)
{
	size_t len = strlen(s), k;
	double x;

	if (!len || s[0] == ' ' || s[0] == '-' || s[len - 1] == ' ')
		return 0;
	for (k = 0; k < len; k++)
		if (!plain_char((unsigned char)s[k]))
			return 0;
	return classify(s, 0, &x) == SC_TEXT;
}

/* Appends text s as a flow scalar: plain when safe, else quoted. */
static void flow_text(strbuf *sb, const char *s)
{
	const unsigned char *p;

	if (plain_ok(s)) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_printf(sb, "\\%c", *p);
		else if (*p == '\n')
			strbuf_puts(sb, "\\n");
		else if (*p == '\t')
			strbuf_puts(sb, "\\t");
		else if (*p < 0x20)
			strbuf_printf(sb, "\\x%02X", *p);
		else
			strbuf_putc(sb, (char)*p);
	}
	strbuf_putc(sb, '"');
}

/* Appends a scalar in its normal form (numbers shortest, 1.0 as 1). */
static void flow_scalar(strbuf *sb, const doc_node *n)
{
	char buf[NUMFMT_MAX];
	double x;

	switch (classify(n->text, n->quoted, &x)) {
	case SC_NULL:
		strbuf_puts(sb, "null");
		break;
	case SC_BOOL:
		strbuf_puts(sb, x ? "true" : "false");
		break;
	case SC_NUMBER:
		strbuf_puts(sb, numfmt_exact(x, buf));
		break;
	default:
		flow_text(sb, n->text);
	}
}

void md_flow(strbuf *sb, const doc_node *n)
{
	int map;
	size_t k;

	if (!n) {
		strbuf_puts(sb, "{}");
		return;
	}
	if (n->kind == DOC_SCALAR) {
		flow_scalar(sb, n);
		return;
	}
	map = n->kind == DOC_MAP;
	strbuf_putc(sb, map ? '{' : '[');
	for (k = 0; k < n->count; k++) {
		if (k)
			strbuf_puts(sb, ", ");
		if (map) {
			flow_text(sb, n->keys[k]->text);
			strbuf_puts(sb, ": ");
		}
		md_flow(sb, n->items[k]);
	}
	strbuf_putc(sb, map ? '}' : ']');
}

/* 1 when entry k of map x has an equal value in map y. */
static int entry_same(const doc_node *x, size_t k, const doc_node *y)
{
	const doc_node *v = doc_get(y, x->keys[k]->text);

	return v && tree_equal(x->items[k], v);
}

/* Map x with only the entries that differ from y's: `{…, target: 0.6}`
 * ("…" standing for the entries that are the same). */
static void flow_brief(strbuf *sb, const doc_node *x, const doc_node *y)
{
	size_t k, shown = 0;
	int omitted = 0;

	for (k = 0; k < x->count; k++)
		omitted |= entry_same(x, k, y);
	strbuf_puts(sb, omitted ? "{\xe2\x80\xa6" : "{");
	for (k = 0; k < x->count; k++) {
		if (entry_same(x, k, y))
			continue;
		strbuf_puts(sb, shown || omitted ? ", " : "");
		flow_text(sb, x->keys[k]->text);
		strbuf_puts(sb, ": ");
		md_flow(sb, x->items[k]);
		shown++;
	}
	strbuf_putc(sb, '}');
}

/* Params x (compared with y) for people: whole when short, else only
 * the entries that differ. */
static void params_text(strbuf *sb, const doc_node *x, const doc_node *y)
{
	strbuf t = STRBUF_INIT, u = STRBUF_INIT;

	md_flow(&t, x);
	md_flow(&u, y);
	if (!x || !y || x->kind != DOC_MAP || y->kind != DOC_MAP ||
	    (utf8_width(strbuf_str(&t)) <= BRIEF_WIDTH &&
	     utf8_width(strbuf_str(&u)) <= BRIEF_WIDTH))
		strbuf_puts(sb, strbuf_str(&t));
	else
		flow_brief(sb, x, y);
	strbuf_release(&t);
	strbuf_release(&u);
}

/* --- building -------------------------------------------------------- */

/* State while building: the diff, its capacity, B's sibling positions. */
struct build {
	model_diff *d;
	size_t cap;
	size_t *pos_b; /* position of each node of B among its siblings */
};

/* Appends a change; before and after are handed over. */
static void add(struct build *bd, md_section s, md_kind k, int a, int b,
                const char *field, md_value before, md_value after)
{
	model_diff *d = bd->d;
	md_change *c;

	if (d->nchanges == bd->cap) {
		bd->cap = bd->cap ? 2 * bd->cap : 16;
		d->changes =
		        xrealloc(d->changes, bd->cap * sizeof(*d->changes));
	}
	c = &d->changes[d->nchanges++];
	c->section = s;
	c->kind = k;
	c->a = a;
	c->b = b;
	c->field = field;
	c->before = before;
	c->after = after;
}

/* The id of node i of m, or NULL for -1. */
static const char *node_id(const chiso_model *m, int i)
{
	return i < 0 ? NULL : m->nodes[i].id;
}

static const chiso_model *sort_model;

/* Orders node indices by id (qsort). */
static int cmp_node_ids(const void *x, const void *y)
{
	return strcmp(sort_model->nodes[*(const int *)x].id,
	              sort_model->nodes[*(const int *)y].id);
}

/* Compares an id with a node index (bsearch). */
static int find_node_id(const void *key, const void *elem)
{
	return strcmp(key, sort_model->nodes[*(const int *)elem].id);
}

/* Pairs the nodes of A and B that have the same id. */
static void match_ids(model_diff *d)
{
	size_t n = d->b->nnodes, k;
	int *order = xcalloc(n + 1, sizeof(int));

	for (k = 0; k < n; k++)
		order[k] = (int)k;
	sort_model = d->b;
	qsort(order, n, sizeof(int), cmp_node_ids);
	for (k = 0; k < d->a->nnodes; k++) {
		const int *hit = bsearch(d->a->nodes[k].id, order, n,
		                         sizeof(int), find_node_id);

		if (hit) {
			d->map_ab[k] = *hit;
			d->map_ba[*hit] = (int)k;
		}
	}
	sort_model = NULL;
	free(order);
}

/* A node still without a partner: its trimmed name, shape and index. */
struct named {
	const char *s;
	size_t len;
	int leaf, i;
};

/* Orders by name, then shape. */
static int cmp_named_key(const struct named *x, const struct named *y)
{
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->s, y->s, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->leaf - y->leaf;
}

/* Orders by name, shape, then model order (qsort). */
static int cmp_named(const void *x, const void *y)
{
	const struct named *p = x, *q = y;
	int c = cmp_named_key(p, q);

	return c ? c : p->i - q->i;
}

/* 1 for the blanks trimmed from names. */
static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Lists the nodes of m that map leaves unmatched (-1) and whose
 * trimmed names are not empty, into out; returns how many. */
static size_t unmatched(const chiso_model *m, const int *map, struct named *out)
{
	size_t k, n = 0;

	for (k = 0; k < m->nnodes; k++) {
		const char *s = m->nodes[k].name;
		size_t len;

		if (map[k] >= 0)
			continue;
		while (blank(*s))
			s++;
		len = strlen(s);
		while (len && blank(s[len - 1]))
			len--;
		if (!len)
			continue;
		out[n].s = s;
		out[n].len = len;
		out[n].leaf = m->nodes[k].is_leaf;
		out[n].i = (int)k;
		n++;
	}
	return n;
}

/* Pairs nodes of A only and of B only that have the same trimmed name
 * and shape, in model order: their ids changed. */
static void match_names(model_diff *d)
{
	struct named *x = xcalloc(d->a->nnodes + 1, sizeof(*x));
	struct named *y = xcalloc(d->b->nnodes + 1, sizeof(*y));
	size_t nx = unmatched(d->a, d->map_ab, x);
	size_t ny = unmatched(d->b, d->map_ba, y), i = 0, j = 0;

	qsort(x, nx, sizeof(*x), cmp_named);
	qsort(y, ny, sizeof(*y), cmp_named);
	while (i < nx && j < ny) {
		int c = cmp_named_key(&x[i], &y[j]);

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			d->map_ab[x[i].i] = y[j].i;
			d->map_ba[y[j].i] = x[i].i;
			i++;
			j++;
		}
	}
	free(x);
	free(y);
}

/* The children of node i of m, or its main indices for i = -1. */
static const size_t *kids(const chiso_model *m, int i, size_t *n)
{
	if (i < 0) {
		*n = m->nroots;
		return m->roots;
	}
	*n = m->nodes[i].nchildren;
	return m->nodes[i].children;
}

/* The position of every node of m among its siblings. Caller frees. */
static size_t *sibling_positions(const chiso_model *m)
{
	size_t *pos = xcalloc(m->nnodes + 1, sizeof(size_t)), k, j;

	for (k = 0; k < m->nroots; k++)
		pos[m->roots[k]] = k;
	for (k = 0; k < m->nnodes; k++)
		for (j = 0; j < m->nodes[k].nchildren; j++)
			pos[m->nodes[k].children[j]] = j;
	return pos;
}

/* The items two lists share, in one list's order: their index in B
 * (to compare the orders) and their ids in that list (to show). */
struct common {
	int *key;
	const char **id;
	size_t n;
};

/* Makes c room for n items. */
static void common_init(struct common *c, size_t n)
{
	c->key = xcalloc(n + 1, sizeof(int));
	c->id = xcalloc(n + 1, sizeof(char *));
	c->n = 0;
}

/* Frees c's arrays. */
static void common_free(struct common *c)
{
	free(c->key);
	free(c->id);
}

/* Appends ids[pre..n-post), with "…" for the items left out. */
static void order_text(strbuf *sb, const struct common *c, size_t pre,
                       size_t post)
{
	size_t k;

	if (pre)
		strbuf_puts(sb, "\xe2\x80\xa6, ");
	for (k = pre; k < c->n - post; k++)
		strbuf_printf(sb, "%s%s", k > pre ? ", " : "", c->id[k]);
	if (post)
		strbuf_puts(sb, ", \xe2\x80\xa6");
}

/* Reports when the shared items x (in A's order) and y (in B's order)
 * are not in the same order, showing the part between the longest
 * common start and end. */
static void add_order(struct build *bd, md_section s, int a, int b,
                      const char *field, const struct common *x,
                      const struct common *y)
{
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;
	size_t n = x->n, pre = 0, post = 0;

	while (pre < n && x->key[pre] == y->key[pre])
		pre++;
	if (pre == n)
		return;
	while (post < n - pre && x->key[n - 1 - post] == y->key[n - 1 - post])
		post++;
	order_text(&p, x, pre, post);
	order_text(&q, y, pre, post);
	add(bd, s, MD_ORDER, a, b, field, v_buf(&p), v_buf(&q));
}

/* Collects the children of `in` (of model m; -1: the main indices)
 * whose partner (through map) is a child of `other_parent` in the other
 * model; keys are B's node indices (from_a: the partner's). */
static void common_kids(const chiso_model *m, const int *map, int in,
                        const chiso_model *other, int other_parent, int from_a,
                        struct common *out)
{
	size_t n, k;
	const size_t *c = kids(m, in, &n);

	common_init(out, n);
	for (k = 0; k < n; k++) {
		int j = map[c[k]];

		if (j < 0 || other->nodes[j].parent != other_parent)
			continue;
		out->key[out->n] = from_a ? j : (int)c[k];
		out->id[out->n++] = m->nodes[c[k]].id;
	}
}

/* Reports when the children that groups ia (of A) and ib (of B) share
 * come in another order; -1, -1 for the main indices. */
static void compare_kids_order(struct build *bd, int ia, int ib)
{
	const model_diff *d = bd->d;
	struct common x, y;

	common_kids(d->a, d->map_ab, ia, d->b, ib, 1, &x);
	common_kids(d->b, d->map_ba, ib, d->a, ia, 0, &y);
	add_order(bd, MD_NODE, ia, ib, NULL, &x, &y);
	common_free(&x);
	common_free(&y);
}

/* A node's parent id, or nothing for a main index. */
static md_value parent_value(const chiso_model *m, int i)
{
	return v_text(node_id(m, m->nodes[i].parent));
}

/* 1 when matched nodes ia (of A) and ib (of B) have other parents. */
static int moved(const model_diff *d, int ia, int ib)
{
	int pa = d->a->nodes[ia].parent, pb = d->b->nodes[ib].parent;

	if (pa < 0 || pb < 0)
		return (pa < 0) != (pb < 0);
	return d->map_ab[pa] != pb;
}

/* Shape, method and params of matched nodes. */
static void compare_rule(struct build *bd, int ia, int ib)
{
	const model_node *x = &bd->d->a->nodes[ia], *y = &bd->d->b->nodes[ib];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	if (x->is_leaf != y->is_leaf) {
		add(bd, MD_NODE, MD_SHAPE, ia, ib, NULL,
		    v_text(x->is_leaf ? "indicator" : "group"),
		    v_text(y->is_leaf ? "indicator" : "group"));
	} else if (x->is_leaf && strcmp(x->method, y->method) != 0) {
		add(bd, MD_NODE, MD_METHOD, ia, ib, NULL, v_text(x->method),
		    v_text(y->method));
	} else if (x->is_leaf && !md_params_equal(x->params, y->params)) {
		md_flow(&p, x->params);
		md_flow(&q, y->params);
		add(bd, MD_NODE, MD_PARAMS, ia, ib, NULL, v_buf(&p), v_buf(&q));
	}
}

/* One optional text field of matched nodes. */
static void compare_text(struct build *bd, int ia, int ib, const char *field,
                         const char *x, const char *y)
{
	if (!same_text(x, y))
		add(bd, MD_NODE, MD_TEXT, ia, ib, field, v_text(x), v_text(y));
}

/* Every field of matched nodes ia (of A) and ib (of B). */
static void compare_node(struct build *bd, int ia, int ib)
{
	const model_node *x = &bd->d->a->nodes[ia], *y = &bd->d->b->nodes[ib];

	if (strcmp(x->id, y->id) != 0)
		add(bd, MD_NODE, MD_ID, ia, ib, NULL, v_text(x->id),
		    v_text(y->id));
	if (strcmp(x->name, y->name) != 0)
		add(bd, MD_NODE, MD_RENAMED, ia, ib, NULL, v_text(x->name),
		    v_text(y->name));
	if (moved(bd->d, ia, ib))
		add(bd, MD_NODE, MD_MOVED, ia, ib, NULL,
		    parent_value(bd->d->a, ia), parent_value(bd->d->b, ib));
	if (x->points != y->points)
		add(bd, MD_NODE, MD_POINTS, ia, ib, NULL, v_number(x->points),
		    v_number(y->points));
	compare_rule(bd, ia, ib);
	if (!same_text(x->kind, y->kind))
		add(bd, MD_NODE, MD_KIND, ia, ib, NULL, v_text(x->kind),
		    v_text(y->kind));
	if (!x->provisional != !y->provisional)
		add(bd, MD_NODE, MD_PROVISIONAL, ia, ib, NULL,
		    v_bool(x->provisional), v_bool(y->provisional));
	compare_text(bd, ia, ib, "evidence", x->evidence, y->evidence);
	compare_text(bd, ia, ib, "source", x->source, y->source);
	compare_text(bd, ia, ib, "note", x->note, y->note);
	compare_text(bd, ia, ib, "description", x->description, y->description);
}

/* Every node: B's in order (added or compared), then A's only, then
 * the order of the main indices. */
static void compare_nodes(struct build *bd)
{
	const model_diff *d = bd->d;
	size_t k;

	for (k = 0; k < d->b->nnodes; k++) {
		int ia = d->map_ba[k];

		if (ia < 0) {
			add(bd, MD_NODE, MD_ADDED, -1, (int)k, NULL, v_none(),
			    v_none());
			continue;
		}
		compare_node(bd, ia, (int)k);
		if (!d->a->nodes[ia].is_leaf && !d->b->nodes[k].is_leaf)
			compare_kids_order(bd, ia, (int)k);
	}
	for (k = 0; k < d->a->nnodes; k++)
		if (d->map_ab[k] < 0)
			add(bd, MD_NODE, MD_REMOVED, (int)k, -1, NULL, v_none(),
			    v_none());
	compare_kids_order(bd, -1, -1);
}

/* --- inputs, views, classes: lists matched by id -------------------- */

/* How to walk one kind of list of a model. */
struct listing {
	md_section section;
	size_t (*count)(const chiso_model *m);
	const char *(*id)(const chiso_model *m, size_t i);
	int (*find)(const chiso_model *m, const char *id);
	void (*fields)(struct build *bd, int i, int j);
};

/* Collects the items of m also in other, in m's order; keys are B's
 * indices (from_a: found in other). */
static void common_items(const struct listing *l, const chiso_model *m,
                         const chiso_model *other, int from_a,
                         struct common *out)
{
	size_t k;

	common_init(out, l->count(m));
	for (k = 0; k < l->count(m); k++) {
		int j = l->find(other, l->id(m, k));

		if (j < 0)
			continue;
		out->key[out->n] = from_a ? j : (int)k;
		out->id[out->n++] = l->id(m, k);
	}
}

/* Added, changed, removed items and a change of their order. */
static void compare_list(struct build *bd, const struct listing *l)
{
	const chiso_model *a = bd->d->a, *b = bd->d->b;
	struct common x, y;
	size_t k;

	for (k = 0; k < l->count(b); k++) {
		int i = l->find(a, l->id(b, k));

		if (i < 0)
			add(bd, l->section, MD_ADDED, -1, (int)k, NULL,
			    v_none(), v_none());
		else
			l->fields(bd, i, (int)k);
	}
	for (k = 0; k < l->count(a); k++)
		if (l->find(b, l->id(a, k)) < 0)
			add(bd, l->section, MD_REMOVED, (int)k, -1, NULL,
			    v_none(), v_none());
	common_items(l, a, b, 1, &x);
	common_items(l, b, a, 0, &y);
	add_order(bd, l->section, -1, -1, "order", &x, &y);
	common_free(&x);
	common_free(&y);
}

/* An optional text field of an input, view or class. */
static void field_text(struct build *bd, md_section s, int i, int j,
                       const char *field, const char *x, const char *y)
{
	if (!same_text(x, y))
		add(bd, s, MD_CHANGED, i, j, field, v_text(x), v_text(y));
}

/* A bound as a value: nothing, a number or an input id. */
static md_value bound_value(const chiso_model *m, const input_bound *b)
{
	if (b->kind == BOUND_NUMBER)
		return v_number(b->number);
	if (b->kind == BOUND_INPUT)
		return v_text(m->inputs[b->slot].id);
	return v_none();
}

/* 1 when two bounds are the same number or name the same input. */
static int same_bound(const model_diff *d, const input_bound *x,
                      const input_bound *y)
{
	if (x->kind != y->kind)
		return 0;
	if (x->kind == BOUND_NUMBER)
		return x->number == y->number;
	if (x->kind == BOUND_INPUT)
		return strcmp(d->a->inputs[x->slot].id,
		              d->b->inputs[y->slot].id) == 0;
	return 1;
}

/* Appends an input's choices as a flow list: `[head, deputy, none]`. */
static void choices_text(const model_input *in, strbuf *sb)
{
	size_t k;

	strbuf_putc(sb, '[');
	for (k = 0; k < in->nchoices; k++) {
		strbuf_puts(sb, k ? ", " : "");
		flow_text(sb, in->choices[k]);
	}
	strbuf_putc(sb, ']');
}

/* 1 when two inputs have the same choices in the same order. */
static int same_choices(const model_input *x, const model_input *y)
{
	size_t k;

	if (x->nchoices != y->nchoices)
		return 0;
	for (k = 0; k < x->nchoices; k++)
		if (strcmp(x->choices[k], y->choices[k]) != 0)
			return 0;
	return 1;
}

/* The fields of inputs i (of A) and j (of B). */
static void input_fields(struct build *bd, int i, int j)
{
	const model_diff *d = bd->d;
	const model_input *x = &d->a->inputs[i], *y = &d->b->inputs[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	if (x->type != y->type)
		add(bd, MD_INPUT, MD_CHANGED, i, j, "type",
		    v_text(model_type_name(x->type)),
		    v_text(model_type_name(y->type)));
	field_text(bd, MD_INPUT, i, j, "label", x->label, y->label);
	field_text(bd, MD_INPUT, i, j, "unit", x->unit, y->unit);
	if (!same_bound(d, &x->min, &y->min))
		add(bd, MD_INPUT, MD_CHANGED, i, j, "min",
		    bound_value(d->a, &x->min), bound_value(d->b, &y->min));
	if (!same_bound(d, &x->max, &y->max))
		add(bd, MD_INPUT, MD_CHANGED, i, j, "max",
		    bound_value(d->a, &x->max), bound_value(d->b, &y->max));
	if (!same_choices(x, y)) {
		choices_text(x, &p);
		choices_text(y, &q);
		add(bd, MD_INPUT, MD_CHANGED, i, j, "choices", v_buf(&p),
		    v_buf(&q));
	}
	field_text(bd, MD_INPUT, i, j, "description", x->description,
	           y->description);
}

/* Appends the node ids of a view: "1, 2, 3". */
static void view_nodes_text(const chiso_model *m, const model_view *v,
                            strbuf *sb)
{
	size_t k;

	for (k = 0; k < v->nnodes; k++)
		strbuf_printf(sb, "%s%s", k ? ", " : "",
		              m->nodes[v->nodes[k]].id);
}

/* 1 when two views sum the same nodes (matched as the tree's nodes
 * are, so an id that changed is the same node). */
static int same_view_nodes(const model_diff *d, const model_view *x,
                           const model_view *y)
{
	size_t k, j;

	if (x->nnodes != y->nnodes)
		return 0;
	for (k = 0; k < x->nnodes; k++) {
		int want = d->map_ab[x->nodes[k]];

		for (j = 0; j < y->nnodes && (int)y->nodes[j] != want; j++)
			;
		if (want < 0 || j == y->nnodes)
			return 0;
	}
	return 1;
}

/* The fields of views i (of A) and j (of B). */
static void view_fields(struct build *bd, int i, int j)
{
	const model_diff *d = bd->d;
	const model_view *x = &d->a->views[i], *y = &d->b->views[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	field_text(bd, MD_VIEW, i, j, "name", x->name, y->name);
	if (!same_view_nodes(d, x, y)) {
		view_nodes_text(d->a, x, &p);
		view_nodes_text(d->b, y, &q);
		add(bd, MD_VIEW, MD_CHANGED, i, j, "nodes", v_buf(&p),
		    v_buf(&q));
	}
	field_text(bd, MD_VIEW, i, j, "description", x->description,
	           y->description);
}

/* Appends a class's conditions: "min_value 0.9, mandatory all". */
static void conditions_text(const model_class *c, strbuf *sb)
{
	char buf[NUMFMT_MAX];

	if (c->has_min_value)
		strbuf_printf(sb, "min_value %s",
		              numfmt_exact(c->min_value, buf));
	if (c->mandatory_all)
		strbuf_printf(sb, "%smandatory all", sb->len ? ", " : "");
	if (c->has_extended_min)
		strbuf_printf(sb, "%sextended_min %s", sb->len ? ", " : "",
		              numfmt_exact(c->extended_min, buf));
}

/* 1 when two classes have the same conditions. */
static int same_conditions(const model_class *x, const model_class *y)
{
	return x->has_min_value == y->has_min_value &&
	       (!x->has_min_value || x->min_value == y->min_value) &&
	       !x->mandatory_all == !y->mandatory_all &&
	       x->has_extended_min == y->has_extended_min &&
	       (!x->has_extended_min || x->extended_min == y->extended_min);
}

/* The fields of classes i (of A) and j (of B). */
static void class_fields(struct build *bd, int i, int j)
{
	const model_class *x = &bd->d->a->classes[i];
	const model_class *y = &bd->d->b->classes[j];
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;

	field_text(bd, MD_CLASS, i, j, "name", x->name, y->name);
	if (!same_conditions(x, y)) {
		conditions_text(x, &p);
		conditions_text(y, &q);
		add(bd, MD_CLASS, MD_CHANGED, i, j, "conditions", v_buf(&p),
		    v_buf(&q));
	}
	field_text(bd, MD_CLASS, i, j, "description", x->description,
	           y->description);
}

/* The number of inputs of m. */
static size_t inputs_count(const chiso_model *m)
{
	return m->ninputs;
}

/* The id of input i of m. */
static const char *input_id(const chiso_model *m, size_t i)
{
	return m->inputs[i].id;
}

/* The number of views of m. */
static size_t views_count(const chiso_model *m)
{
	return m->nviews;
}

/* The id of view i of m. */
static const char *view_id(const chiso_model *m, size_t i)
{
	return m->views[i].id;
}

/* The number of classes of m. */
static size_t classes_count(const chiso_model *m)
{
	return m->nclasses;
}

/* The id of class i of m. */
static const char *class_id(const chiso_model *m, size_t i)
{
	return m->classes[i].id;
}

/* The class with this id, or -1. */
static int class_index(const chiso_model *m, const char *id)
{
	size_t k;

	for (k = 0; k < m->nclasses; k++)
		if (strcmp(m->classes[k].id, id) == 0)
			return (int)k;
	return -1;
}

static const struct listing inputs_listing = {MD_INPUT, inputs_count, input_id,
                                              model_input_slot, input_fields};
static const struct listing views_listing = {MD_VIEW, views_count, view_id,
                                             model_view_index, view_fields};
static const struct listing classes_listing = {
        MD_CLASS, classes_count, class_id, class_index, class_fields};

/* The name of a missing-data policy. */
static const char *missing_name(missing_policy p)
{
	static const char *const names[] = {"zero", "exclude", "error"};

	return (unsigned)p < 3 ? names[p] : "?";
}

/* What model.isolate asks, in words: "every method", "none", or the
 * isolated methods in the order of their first indicator. Into sb. */
static void isolate_text(const chiso_model *m, strbuf *sb)
{
	size_t k, j, n = 0;

	strbuf_reset(sb);
	for (k = 0; k < m->nleaves; k++)
		n += m->nodes[m->leaves[k]].isolated;
	if (n == 0 || n == m->nleaves) {
		strbuf_puts(sb, n ? "every method" : "none");
		return;
	}
	for (k = 0; k < m->nleaves; k++) {
		const model_node *node = &m->nodes[m->leaves[k]];

		if (!node->isolated)
			continue;
		for (j = 0; j < k; j++)
			if (m->nodes[m->leaves[j]].isolated &&
			    strcmp(m->nodes[m->leaves[j]].method,
			           node->method) == 0)
				break;
		if (j == k)
			strbuf_printf(sb, "%s%s", sb->len ? ", " : "",
			              node->method);
	}
}

/* The model section: identity, texts, precision, missing policy,
 * isolation. */
static void compare_settings(struct build *bd)
{
	const chiso_model *x = bd->d->a, *y = bd->d->b;
	strbuf ix = STRBUF_INIT, iy = STRBUF_INIT;

	field_text(bd, MD_MODEL, -1, -1, "id", x->id, y->id);
	field_text(bd, MD_MODEL, -1, -1, "version", x->version, y->version);
	field_text(bd, MD_MODEL, -1, -1, "title", x->title, y->title);
	field_text(bd, MD_MODEL, -1, -1, "issuer", x->issuer, y->issuer);
	field_text(bd, MD_MODEL, -1, -1, "basis", x->basis, y->basis);
	field_text(bd, MD_MODEL, -1, -1, "level", x->level, y->level);
	if (x->precision != y->precision)
		add(bd, MD_MODEL, MD_CHANGED, -1, -1, "precision",
		    v_number(x->precision), v_number(y->precision));
	if (x->missing != y->missing)
		add(bd, MD_MODEL, MD_CHANGED, -1, -1, "missing",
		    v_text(missing_name(x->missing)),
		    v_text(missing_name(y->missing)));
	field_text(bd, MD_MODEL, -1, -1, "description", x->description,
	           y->description);
	isolate_text(x, &ix);
	isolate_text(y, &iy);
	field_text(bd, MD_MODEL, -1, -1, "isolate", strbuf_str(&ix),
	           strbuf_str(&iy));
	strbuf_release(&ix);
	strbuf_release(&iy);
}

/* The rows of the main indices table: B's, then those of A only. */
static void main_indices(model_diff *d)
{
	const chiso_model *a = d->a, *b = d->b;
	size_t k, n = 0;

	d->indices = xcalloc(a->nroots + b->nroots + 1, sizeof(md_index));
	for (k = 0; k < b->nroots; k++) {
		int ia = d->map_ba[b->roots[k]];

		d->indices[n].b = (int)b->roots[k];
		d->indices[n].a = ia >= 0 && a->nodes[ia].parent < 0 ? ia : -1;
		n++;
	}
	for (k = 0; k < a->nroots; k++) {
		int ib = d->map_ab[a->roots[k]];

		if (ib >= 0 && b->nodes[ib].parent < 0)
			continue;
		d->indices[n].a = (int)a->roots[k];
		d->indices[n].b = -1;
		n++;
	}
	d->nindices = n;
}

void model_diff_build(model_diff *d, const chiso_model *a, const chiso_model *b)
{
	struct build bd = {d, 0, NULL};
	size_t k;

	memset(d, 0, sizeof(*d));
	d->a = a;
	d->b = b;
	d->identical = strcmp(a->sha256, b->sha256) == 0;
	d->map_ab = xcalloc(a->nnodes + 1, sizeof(int));
	d->map_ba = xcalloc(b->nnodes + 1, sizeof(int));
	for (k = 0; k < a->nnodes; k++)
		d->map_ab[k] = d->identical ? (int)k : -1;
	for (k = 0; k < b->nnodes; k++)
		d->map_ba[k] = d->identical ? (int)k : -1;
	if (!d->identical) {
		match_ids(d);
		match_names(d);
		bd.pos_b = sibling_positions(b);
		compare_nodes(&bd);
		compare_list(&bd, &inputs_listing);
		compare_list(&bd, &views_listing);
		compare_list(&bd, &classes_listing);
		compare_settings(&bd);
		free(bd.pos_b);
	}
	main_indices(d);
}

void model_diff_free(model_diff *d)
{
	size_t k;

	for (k = 0; k < d->nchanges; k++) {
		free(d->changes[k].before.text);
		free(d->changes[k].after.text);
	}
	free(d->changes);
	free(d->indices);
	free(d->map_ab);
	free(d->map_ba);
	memset(d, 0, sizeof(*d));
}

size_t model_diff_count(const model_diff *d, md_section section, md_kind kind)
{
	size_t k, n = 0;

	for (k = 0; k < d->nchanges; k++)
		n += d->changes[k].section == section &&
		     d->changes[k].kind == kind;
	return n;
}

const char *md_kind_name(md_kind kind)
{
	static const char *const names[MD_NKINDS] = {
	        "added",  "removed", "id",     "renamed", "moved",
	        "points", "method",  "params", "kind",    "provisional",
	        "shape",  "order",   "text",   "changed"};

	return (unsigned)kind < MD_NKINDS ? names[kind] : "?";
}

const char *md_section_name(md_section section)
{
	static const char *const names[MD_NSECTIONS] = {"node", "input", "view",
	                                                "class", "model"};

	return (unsigned)section < MD_NSECTIONS ? names[section] : "?";
}

/* --- report text ------------------------------------------------------ */

/* Labels of changes, in the order the summary counts them. */
static const char *const labels[] = {"added",
                                     "removed",
                                     "id changed",
                                     "renamed",
                                     "moved",
                                     "re-pointed",
                                     "rule changed",
                                     "params changed",
                                     "kind changed",
                                     "provisional changed",
                                     "became a group",
                                     "became an indicator",
                                     "evidence changed",
                                     "source changed",
                                     "note changed",
                                     "description changed",
                                     "changed",
                                     "reordered"};
#define NLABELS (sizeof(labels) / sizeof(labels[0]))

/* The label of a change in the reports. */
static const char *change_label(const md_change *c)
{
	static const char *const fixed[MD_NKINDS] = {
	        "added",        "removed",
	        "id changed",   "renamed",
	        "moved",        "re-pointed",
	        "rule changed", "params changed",
	        "kind changed", "provisional changed",
	        NULL,           "reordered",
	        NULL,           "changed"};
	static const char *const fields[] = {"evidence", "source", "note",
	                                     "description"};
	static const char *const texts[] = {"evidence changed",
	                                    "source changed", "note changed",
	                                    "description changed"};
	size_t k;

	if (c->kind == MD_SHAPE)
		return strcmp(c->after.text, "group") == 0
		               ? "became a group"
		               : "became an indicator";
	if (c->kind != MD_TEXT)
		return fixed[c->kind];
	for (k = 0; k < 4; k++)
		if (strcmp(fields[k], c->field) == 0)
			return texts[k];
	return "changed";
}

/* "N changes: 2 added, 1 removed; inputs: 1 added" or "no differences...". */
static void summary(const model_diff *d, strbuf *sb)
{
	static const char *const prefix[MD_NSECTIONS] = {
	        "", "inputs: ", "views: ", "classes: ", "model: "};
	size_t s, l, k, n, items, sections = 0;

	if (d->identical) {
		strbuf_puts(sb, "No differences: the files are identical");
		return;
	}
	if (!d->nchanges) {
		strbuf_puts(sb, "No differences: the files differ only in "
		                "formatting or comments");
		return;
	}
	strbuf_printf(sb, "%zu change%s:", d->nchanges,
	              d->nchanges == 1 ? "" : "s");
	for (s = 0; s < MD_NSECTIONS; s++) {
		items = 0;
		for (l = 0; l < NLABELS; l++) {
			n = 0;
			for (k = 0; k < d->nchanges; k++)
				n += d->changes[k].section == s &&
				     strcmp(change_label(&d->changes[k]),
				            labels[l]) == 0;
			if (!n)
				continue;
			if (items)
				strbuf_puts(sb, ", ");
			else
				strbuf_printf(sb, "%s%s", sections ? "; " : " ",
				              prefix[s]);
			strbuf_printf(sb, "%zu %s", n, labels[l]);
			items++;
		}
		sections += items > 0;
	}
}

/* Appends a bound after its label (", min 0"), or nothing. */
static void bound_text(strbuf *sb, const char *label, const chiso_model *m,
                       const input_bound *b)
{
	char buf[NUMFMT_MAX];

	if (b->kind == BOUND_NUMBER)
		strbuf_printf(sb, "%s%s", label, numfmt_exact(b->number, buf));
	else if (b->kind == BOUND_INPUT)
		strbuf_printf(sb, "%s%s", label, m->inputs[b->slot].id);
}

/* Appends what a node is: "5 points in 2, ratio {...}". */
static void node_summary(const chiso_model *m, int i, strbuf *sb)
{
	const model_node *n = &m->nodes[i];
	char buf[NUMFMT_MAX];

	strbuf_printf(sb, "%s points", numfmt_exact(n->points, buf));
	if (n->parent >= 0)
		strbuf_printf(sb, " in %s", m->nodes[n->parent].id);
	else
		strbuf_puts(sb, ", main index");
	if (n->is_leaf) {
		strbuf_printf(sb, ", %s ", n->method);
		md_flow(sb, n->params);
	} else {
		strbuf_printf(sb, ", group of %zu", n->nchildren);
	}
}

/* Appends what an input is: "integer, min 0, unit người, label ...". */
static void input_summary(const chiso_model *m, int i, strbuf *sb)
{
	const model_input *in = &m->inputs[i];

	strbuf_puts(sb, model_type_name(in->type));
	bound_text(sb, ", min ", m, &in->min);
	bound_text(sb, ", max ", m, &in->max);
	if (in->nchoices) {
		strbuf_puts(sb, ", choices ");
		choices_text(in, sb);
	}
	if (in->unit)
		strbuf_printf(sb, ", unit %s", in->unit);
	if (strcmp(in->label, in->id) != 0)
		strbuf_printf(sb, ", label \"%s\"", in->label);
}

/* Appends what an added or removed item is. */
static void item_summary(md_section s, const chiso_model *m, int i, strbuf *sb)
{
	switch (s) {
	case MD_NODE:
		node_summary(m, i, sb);
		break;
	case MD_INPUT:
		input_summary(m, i, sb);
		break;
	case MD_VIEW:
		strbuf_printf(sb, "%s: ", m->views[i].name);
		view_nodes_text(m, &m->views[i], sb);
		break;
	case MD_CLASS:
		strbuf_printf(sb, "%s: ", m->classes[i].name);
		conditions_text(&m->classes[i], sb);
		break;
	default:
		break;
	}
}

/* Appends what shape node i has: "indicator, ratio {...}" or "group of
 * 2: 3.1, 3.2". */
static void shape_text(const chiso_model *m, int i, strbuf *sb)
{
	const model_node *n = &m->nodes[i];
	size_t k;

	if (n->is_leaf) {
		strbuf_printf(sb, "indicator, %s ", n->method);
		md_flow(sb, n->params);
		return;
	}
	strbuf_printf(sb, "group of %zu:", n->nchildren);
	for (k = 0; k < n->nchildren; k++)
		strbuf_printf(sb, "%s %s", k ? "," : "",
		              m->nodes[n->children[k]].id);
}

/* Appends a value for people: a text, a number, yes/no or "(none)". */
static void value_text(strbuf *sb, const md_value *v)
{
	char buf[NUMFMT_MAX];

	switch (v->type) {
	case MDV_TEXT:
		strbuf_puts(sb, v->text);
		break;
	case MDV_NUMBER:
		strbuf_puts(sb, numfmt_exact(v->number, buf));
		break;
	case MDV_BOOL:
		strbuf_puts(sb, v->number ? "yes" : "no");
		break;
	default:
		strbuf_puts(sb, "(none)");
	}
}

/* Appends the before (side 0) or after (side 1) text of change c. */
static void side_text(const model_diff *d, const md_change *c, int side,
                      strbuf *sb)
{
	const chiso_model *m = side ? d->b : d->a, *o = side ? d->a : d->b;
	int i = side ? c->b : c->a, j = side ? c->a : c->b;
	const md_value *v = side ? &c->after : &c->before;

	switch (c->kind) {
	case MD_ADDED:
	case MD_REMOVED:
		if (i >= 0)
			item_summary(c->section, m, i, sb);
		return;
	case MD_MOVED:
		if (v->type == MDV_NONE) {
			strbuf_puts(sb, "(main index)");
			return;
		}
		break;
	case MD_METHOD:
		strbuf_printf(sb, "%s ", v->text);
		md_flow(sb, m->nodes[i].params);
		return;
	case MD_PARAMS:
		params_text(sb, m->nodes[i].params, o->nodes[j].params);
		return;
	case MD_SHAPE:
		shape_text(m, i, sb);
		return;
	default:
		break;
	}
	value_text(sb, v);
}

/* The model and index of the item of change c: B's, else A's. */
static const chiso_model *item_of(const model_diff *d, const md_change *c,
                                  int *i)
{
	*i = c->b >= 0 ? c->b : c->a;
	return c->b >= 0 ? d->b : d->a;
}

/* The id shown for change c ("" for a whole list). */
static const char *change_id(const model_diff *d, const md_change *c)
{
	int i;
	const chiso_model *m = item_of(d, c, &i);

	if (i < 0)
		return "";
	switch (c->section) {
	case MD_NODE:
		return m->nodes[i].id;
	case MD_INPUT:
		return m->inputs[i].id;
	case MD_VIEW:
		return m->views[i].id;
	case MD_CLASS:
		return m->classes[i].id;
	default:
		return "";
	}
}

/* The third column: a node's name, else the field that changed. */
static const char *change_name(const model_diff *d, const md_change *c)
{
	int i;
	const chiso_model *m = item_of(d, c, &i);

	if (c->section != MD_NODE)
		return c->field ? c->field : "";
	return i < 0 ? "(main indices)" : m->nodes[i].name;
}

/* Appends s on one line (line breaks and tabs as spaces), with '|'
 * escaped for Markdown when md. */
static void one_line(strbuf *sb, const char *s, int md)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			strbuf_putc(sb, ' ');
		else if (md && *s == '|')
			strbuf_puts(sb, "\\|");
		else
			strbuf_putc(sb, *s);
	}
}

enum { COL_CHANGE, COL_ID, COL_NAME, COL_BEFORE, COL_AFTER, NCOLS };

/* Fills the five cells of change c. */
static void change_cells(const model_diff *d, const md_change *c, int md,
                         strbuf *cells)
{
	strbuf t = STRBUF_INIT;
	size_t k;

	for (k = 0; k < NCOLS; k++)
		strbuf_reset(&cells[k]);
	one_line(&cells[COL_CHANGE], change_label(c), md);
	one_line(&cells[COL_ID], change_id(d, c), md);
	one_line(&cells[COL_NAME], change_name(d, c), md);
	side_text(d, c, 0, &t);
	one_line(&cells[COL_BEFORE], strbuf_str(&t), md);
	strbuf_reset(&t);
	side_text(d, c, 1, &t);
	one_line(&cells[COL_AFTER], strbuf_str(&t), md);
	strbuf_release(&t);
}

static const char *const section_titles[MD_NSECTIONS] = {
        "Indicators and groups", "Inputs", "Views", "Classes", "Model"};
static const char *const head_node[NCOLS] = {"Change", "ID", "Name", "Before",
                                             "After"};
static const char *const head_other[NCOLS] = {"Change", "ID", "Field", "Before",
                                              "After"};

/* The number of changes in section s. */
static size_t section_count(const model_diff *d, md_section s)
{
	size_t k, n = 0;

	for (k = 0; k < d->nchanges; k++)
		n += d->changes[k].section == s;
	return n;
}

/* The first column shown: the model section has no change or id. */
static size_t first_col(md_section s)
{
	return s == MD_MODEL ? COL_NAME : 0;
}

/* A change in points, "+5", "-2.5" or "0"; "" when have is 0. buf has
 * NUMFMT_MAX + 1 bytes. */
static const char *change_text(double x, int have, char *buf)
{
	buf[0] = '\0';
	if (!have)
		return buf;
	numfmt_trim(x, 10, buf + 1);
	if (buf[1] == '-' || strcmp(buf + 1, "0") == 0)
		return buf + 1;
	buf[0] = '+';
	return buf;
}

enum { IX_ID, IX_NAME, IX_A, IX_B, IX_CHANGE, NIX };

/* The cells of main index row r, or of the total for NULL. */
static void index_cells(const model_diff *d, const md_index *r,
                        const char **cells, char (*buf)[NUMFMT_MAX + 1])
{
	double pa = d->a->total_points, pb = d->b->total_points;
	int ha = 1, hb = 1;

	cells[IX_ID] = "Total";
	cells[IX_NAME] = "";
	if (r) {
		const model_node *n =
		        r->b >= 0 ? &d->b->nodes[r->b] : &d->a->nodes[r->a];

		cells[IX_ID] = n->id;
		cells[IX_NAME] = n->name;
		ha = r->a >= 0;
		hb = r->b >= 0;
		pa = ha ? d->a->nodes[r->a].points : 0;
		pb = hb ? d->b->nodes[r->b].points : 0;
	}
	cells[IX_A] = ha ? numfmt_exact(pa, buf[0]) : "";
	cells[IX_B] = hb ? numfmt_exact(pb, buf[1]) : "";
	cells[IX_CHANGE] = change_text(pb - pa, ha && hb, buf[2]);
}

static const char *const head_index[NIX] = {"ID", "Name", "Points A",
                                            "Points B", "Change"};

/* "diff-test 2023 · Title · sha256 0123456789ab · 100 points". */
static void side_line(const chiso_model *m, strbuf *sb)
{
	char buf[NUMFMT_MAX];

	strbuf_printf(
	        sb,
	        "%s %s \xc2\xb7 %s \xc2\xb7 sha256 %.12s \xc2\xb7 %s points",
	        m->id, m->version, m->title, m->sha256,
	        numfmt_exact(m->total_points, buf));
}

/* --- table ------------------------------------------------------------ */

/* One section's aligned table, under its title. */
static void table_section(const model_diff *d, md_section s, FILE *f)
{
	size_t first = first_col(s), nc = NCOLS - first, k, i;
	const char *row[NCOLS];
	strbuf cells[NCOLS];
	texttable *t;

	if (!section_count(d, s))
		return;
	memset(cells, 0, sizeof(cells));
	t = texttable_new(nc);
	if (s == MD_NODE)
		texttable_max(t, COL_NAME, NAME_COLS);
	texttable_max(t, COL_BEFORE - first, VALUE_COLS);
	texttable_max(t, COL_AFTER - first, VALUE_COLS);
	texttable_row(t, (s == MD_NODE ? head_node : head_other) + first);
	for (k = 0; k < d->nchanges; k++) {
		if (d->changes[k].section != s)
			continue;
		change_cells(d, &d->changes[k], 0, cells);
		for (i = 0; i < nc; i++)
			row[i] = strbuf_str(&cells[first + i]);
		texttable_row(t, row);
	}
	fprintf(f, "%s:\n", section_titles[s]);
	texttable_print(t, f);
	fputc('\n', f);
	for (i = 0; i < NCOLS; i++)
		strbuf_release(&cells[i]);
	texttable_free(t);
}

/* The main indices with their points on each side, and the total. */
static void table_indices(const model_diff *d, FILE *f)
{
	const char *cells[NIX];
	char buf[3][NUMFMT_MAX + 1];
	texttable *t = texttable_new(NIX);
	size_t k;

	texttable_max(t, IX_NAME, NAME_COLS);
	texttable_right(t, IX_A);
	texttable_right(t, IX_B);
	texttable_right(t, IX_CHANGE);
	texttable_row(t, head_index);
	for (k = 0; k < d->nindices; k++) {
		index_cells(d, &d->indices[k], cells, buf);
		texttable_row(t, cells);
	}
	index_cells(d, NULL, cells, buf);
	texttable_row(t, cells);
	fputs("Main indices:\n", f);
	texttable_print(t, f);
	fputc('\n', f);
	texttable_free(t);
}

/* The aligned report. */
static void write_table(const model_diff *d, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	size_t s;

	fprintf(f, "Model diff: %s \xe2\x86\x92 %s\n", d->a->path, d->b->path);
	strbuf_puts(&sb, "A: ");
	side_line(d->a, &sb);
	strbuf_puts(&sb, "\nB: ");
	side_line(d->b, &sb);
	fprintf(f, "%s\n\n", strbuf_str(&sb));
	if (!d->identical && d->nchanges) {
		for (s = 0; s < MD_NSECTIONS; s++)
			table_section(d, (md_section)s, f);
		table_indices(d, f);
	}
	strbuf_reset(&sb);
	summary(d, &sb);
	fprintf(f, "%s\n", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* --- Markdown ----------------------------------------------------------- */

/* One table row: "| a | b |". */
static void md_row(FILE *f, const char *const *cells, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		fprintf(f, "| %s ", cells[k]);
	fputs("|\n", f);
}

/* A row of the identity table, the texts made safe for a cell. */
static void md_identity_row(FILE *f, const char *what, const char *x,
                            const char *y)
{
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;
	const char *cells[3];

	one_line(&p, x, 1);
	one_line(&q, y, 1);
	cells[0] = what;
	cells[1] = strbuf_str(&p);
	cells[2] = strbuf_str(&q);
	md_row(f, cells, 3);
	strbuf_release(&p);
	strbuf_release(&q);
}

/* The two models side by side. */
static void md_identity(const model_diff *d, FILE *f)
{
	char x[NUMFMT_MAX + 16], y[NUMFMT_MAX + 16];

	fputs("| | A | B |\n|---|---|---|\n", f);
	md_identity_row(f, "File", d->a->path, d->b->path);
	md_identity_row(f, "Id", d->a->id, d->b->id);
	md_identity_row(f, "Version", d->a->version, d->b->version);
	md_identity_row(f, "Title", d->a->title, d->b->title);
	snprintf(x, sizeof(x), "`%.12s`", d->a->sha256);
	snprintf(y, sizeof(y), "`%.12s`", d->b->sha256);
	md_identity_row(f, "SHA-256", x, y);
	numfmt_exact(d->a->total_points, x);
	numfmt_exact(d->b->total_points, y);
	md_identity_row(f, "Points", x, y);
}

/* One section as a Markdown table under a heading. */
static void md_section_table(const model_diff *d, md_section s, FILE *f)
{
	size_t first = first_col(s), nc = NCOLS - first, k, i;
	const char *row[NCOLS];
	strbuf cells[NCOLS];

	if (!section_count(d, s))
		return;
	memset(cells, 0, sizeof(cells));
	fprintf(f, "\n## %s\n\n", section_titles[s]);
	md_row(f, (s == MD_NODE ? head_node : head_other) + first, nc);
	for (i = 0; i < nc; i++)
		fputs("|---", f);
	fputs("|\n", f);
	for (k = 0; k < d->nchanges; k++) {
		if (d->changes[k].section != s)
			continue;
		change_cells(d, &d->changes[k], 1, cells);
		for (i = 0; i < nc; i++)
			row[i] = strbuf_str(&cells[first + i]);
		md_row(f, row, nc);
	}
	for (i = 0; i < NCOLS; i++)
		strbuf_release(&cells[i]);
}

/* The main indices as a Markdown table. */
static void md_indices(const model_diff *d, FILE *f)
{
	const char *cells[NIX];
	char buf[3][NUMFMT_MAX + 1];
	strbuf name = STRBUF_INIT;
	size_t k;

	fputs("\n## Main indices\n\n", f);
	md_row(f, head_index, NIX);
	fputs("|---|---|---:|---:|---:|\n", f);
	for (k = 0; k <= d->nindices; k++) {
		index_cells(d, k < d->nindices ? &d->indices[k] : NULL, cells,
		            buf);
		strbuf_reset(&name);
		one_line(&name, cells[IX_NAME], 1);
		cells[IX_NAME] = strbuf_str(&name);
		md_row(f, cells, NIX);
	}
	strbuf_release(&name);
}

/* The Markdown report. */
static void write_md(const model_diff *d, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	size_t s;

	fprintf(f, "# Model diff: %s \xe2\x86\x92 %s\n\n", d->a->path,
	        d->b->path);
	md_identity(d, f);
	if (!d->identical && d->nchanges) {
		for (s = 0; s < MD_NSECTIONS; s++)
			md_section_table(d, (md_section)s, f);
		md_indices(d, f);
	}
	summary(d, &sb);
	fprintf(f, "\n%s\n", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* --- JSON --------------------------------------------------------------- */

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
	jsonw_kstring(w, "parent", node_id(m, n->parent));
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
		input_summary(m, i, &sb);
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
		conditions_text(&m->classes[i], &sb);
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
	const char *id = change_id(d, c);
	int i;
	const chiso_model *m = item_of(d, c, &i);

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
static void write_json(const model_diff *d, FILE *f)
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
	summary(d, &sb);
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

void model_diff_write(const model_diff *d, model_diff_format fmt, FILE *f)
{
	switch (fmt) {
	case MODEL_DIFF_MD:
		write_md(d, f);
		break;
	case MODEL_DIFF_JSON:
		write_json(d, f);
		break;
	default:
		write_table(d, f);
	}
}
