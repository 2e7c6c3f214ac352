/*
 * results_value.c - an input value written as the results document
 * holds it (shared by the values of a unit and the corrections of an
 * appraisal).
 */
#include "results/results_value.h"

void results_value_write(jsonw *w, const batch *b, const model_input *in,
                         const unit_value *v)
{
	int wrapped = v->evidence || v->comment;

	if (wrapped) {
		jsonw_object(w, 1);
		jsonw_key(w, "value");
	}
	if (!v->present)
		jsonw_null(w);
	else if (in->type & CHISO_INPUT_NUMERIC)
		jsonw_number(w, v->num);
	else if (in->type == CHISO_INPUT_BOOLEAN)
		jsonw_bool(w, v->num != 0);
	else
		jsonw_string(w, batch_str(b, v->text));
	if (wrapped) {
		if (v->evidence)
			jsonw_kstring(w, "evidence", batch_str(b, v->evidence));
		if (v->comment)
			jsonw_kstring(w, "comment", batch_str(b, v->comment));
		jsonw_end(w);
	}
}
