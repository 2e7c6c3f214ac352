/*
 * model_diff_internal.h - shared by the parts of `chiso diff`.
 *
 * Computing the changes: model_diff.c pairs the nodes of A and B and
 * runs the comparisons, model_diff_nodes.c compares the tree,
 * model_diff_lists.c the inputs, views, classes and the model section,
 * each appending to the change list through model_diff_changes.c;
 * model_diff_params.c compares and prints params.
 *
 * Writing them: model_diff_describe.c says in words what a change is
 * about and what it was before and after; model_diff_text.c writes the
 * aligned table and the Markdown report, model_diff_json.c the JSON one.
 *
 * Ownership: as in model_diff.h. Text appended to a strbuf belongs to
 * the strbuf's owner; functions that return a pointer say where it
 * lives.
 */
#ifndef CHISO_MODEL_DIFF_INTERNAL_H
#define CHISO_MODEL_DIFF_INTERNAL_H

#include "modeldoc/model_diff.h"

/* --- model_diff_changes.c: the change list being built ---------------- */

/* State while building: the diff and the capacity of its changes. */
struct md_build {
	model_diff *d;
	size_t cap;
};

/* Values for a side of a change: nothing, a copy of s (nothing for
 * NULL), the text of sb (which is left empty), a number, a yes/no. The
 * value owns its text until it is handed to md_add(). */
md_value mdv_none(void);
md_value mdv_text(const char *s);
md_value mdv_buf(strbuf *sb);
md_value mdv_number(double x);
md_value mdv_bool(int b);

/* 1 when two optional texts are equal (both NULL too). */
int md_same_text(const char *x, const char *y);

/* Appends a change; the diff takes over before and after. field is
 * static (or NULL). */
void md_add(struct md_build *bd, md_section s, md_kind k, int a, int b,
            const char *field, md_value before, md_value after);

/* The items two lists share, in one list's order: their index in B (to
 * compare the orders) and their ids in that list (to show; borrowed
 * from the models). md_common_init() makes room for n items,
 * md_common_free() frees the arrays. */
struct md_common {
	int *key;
	const char **id;
	size_t n;
};
void md_common_init(struct md_common *c, size_t n);
void md_common_free(struct md_common *c);

/* Appends an MD_ORDER change when the shared items x (in A's order) and
 * y (in B's order) are not in the same order. */
void md_add_order(struct md_build *bd, md_section s, int a, int b,
                  const char *field, const struct md_common *x,
                  const struct md_common *y);

/* --- model_diff_nodes.c: the tree -------------------------------------- */

/* The id of node i of m, or NULL for -1. Borrowed from m. */
const char *md_node_id(const chiso_model *m, int i);

/* Appends the changes of the nodes, matched through d->map_ab and
 * d->map_ba: B's in order (added or compared), then A's only, then the
 * order of the main indices. */
void md_compare_nodes(struct md_build *bd);

/* --- model_diff_lists.c: inputs, views, classes, the model section ----- */

/* Appends the changes of the inputs, then the views, then the classes
 * (each matched by id). */
void md_compare_lists(struct md_build *bd);

/* Appends the changes of the model section. */
void md_compare_settings(struct md_build *bd);

/* Append an input's choices as a flow list (`[head, deputy, none]`),
 * the node ids of a view ("1, 2, 3"), a class's conditions
 * ("min_value 0.9, mandatory all"). */
void md_choices_text(const model_input *in, strbuf *sb);
void md_view_nodes_text(const chiso_model *m, const model_view *v, strbuf *sb);
void md_conditions_text(const model_class *c, strbuf *sb);

/* --- model_diff_params.c ----------------------------------------------- */

/* Appends text s as a flow scalar: plain when safe, else quoted. */
void md_flow_text(strbuf *sb, const char *s);

/* Appends params x (compared with y) for people: whole when short, else
 * only the entries that differ. */
void md_params_brief(strbuf *sb, const doc_node *x, const doc_node *y);

/* --- model_diff_describe.c: a change in words ------------------------- */

/* The label of a change in the reports ("renamed", "became a group").
 * Static. */
const char *md_change_label(const md_change *c);

/* Appends "N changes: 2 added, 1 removed; inputs: 1 added" or "No
 * differences: ...". */
void md_summary(const model_diff *d, strbuf *sb);

/* Appends what input i of m is: "integer, min 0, unit người, ...". */
void md_input_summary(const chiso_model *m, int i, strbuf *sb);

/* Appends the before (side 0) or after (side 1) text of change c. */
void md_side_text(const model_diff *d, const md_change *c, int side,
                  strbuf *sb);

/* The model of the item of change c (B's, else A's) and its index in
 * *i. Borrowed from d. */
const chiso_model *md_item_of(const model_diff *d, const md_change *c, int *i);

/* The id shown for change c ("" for a whole list). Static or borrowed
 * from d's models. */
const char *md_change_id(const model_diff *d, const md_change *c);

/* --- the writers -------------------------------------------------------- */

/* model_diff_text.c: the aligned table and the Markdown report. */
void md_write_table(const model_diff *d, FILE *f);
void md_write_markdown(const model_diff *d, FILE *f);

/* model_diff_json.c: the JSON report. */
void md_write_json(const model_diff *d, FILE *f);

#endif
