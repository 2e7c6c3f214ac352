/*
 * template.c - blank data files.
 */
#include "publish/template.h"

#include "util/i18n.h"
#include "util/jsonw.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <string.h>

/* Describes a bound: "0" or "officials_total". */
static void bound_text(strbuf *sb, const chiso_model *m, const char *word,
                       const input_bound *b)
{
	char num[NUMFMT_MAX];

	if (b->kind == BOUND_NUMBER)
		strbuf_printf(sb, ", %s %s", word,
		              numfmt_exact(b->number, num));
	else if (b->kind == BOUND_INPUT)
		strbuf_printf(sb, ", %s %s", word, m->inputs[b->slot].id);
}

/* "integer, min 0, max officials_total; used by 1.1, 2.3" */
static void input_help(strbuf *sb, const chiso_model *m, const model_input *in)
{
	size_t k;

	if (in->type == CHISO_INPUT_CHOICE) {
		strbuf_puts(sb, _("choice:"));
		for (k = 0; k < in->nchoices; k++)
			strbuf_printf(sb, "%s%s", k ? " | " : " ",
			              in->choices[k]);
	} else if (in->type == CHISO_INPUT_BOOLEAN) {
		strbuf_puts(sb, _("true or false"));
	} else {
		strbuf_puts(sb, model_type_label(in->type));
	}
	bound_text(sb, m, _("min"), &in->min);
	bound_text(sb, m, _("max"), &in->max);
	if (in->nused == 0) {
		strbuf_puts(sb, _("; not used by any indicator"));
		return;
	}
	strbuf_puts(sb, _("; used by"));
	for (k = 0; k < in->nused; k++)
		strbuf_printf(sb, "%s%s", k ? ", " : " ",
		              m->nodes[in->used_by[k]].id);
}

/* The label line: "Tổng số cán bộ (người)". */
static void label_text(strbuf *sb, const model_input *in)
{
	strbuf_puts(sb, in->label);
	if (in->unit)
		strbuf_printf(sb, " (%s)", in->unit);
}

/* Writes s as a one-line YAML comment body (newlines become spaces). */
static void put_comment(FILE *f, const char *indent, const char *s)
{
	fprintf(f, "%s# ", indent);
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	fputc('\n', f);
}

/* A double-quoted YAML scalar. */
static void put_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

void template_write_yaml(const chiso_model *m, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	size_t i;

	fprintf(f, _("# Data file for model %s, version %s\n"), m->id,
	        m->version);
	put_comment(f, "", m->title);
	fprintf(f, _("# Model file %s (sha256 %s)\n"), m->path, m->sha256);
	/* TRANSLATORS: comments of a YAML data file; keep every line
	 * starting "# " and the YAML examples as they are. */
	fputs(_("#\n# Fill in the unit and its values, then run:\n"
	        "#   chiso evaluate MODEL THIS_FILE\n"
	        "# A value is written plainly (officials_total: 170) or with "
	        "its evidence:\n"
	        "#   officials_total: { value: 170, evidence: \"Báo cáo số "
	        "...\" }\n"
	        "# Leave ~ where the value is not known (it then counts as "
	        "missing).\n"),
	      f);
	fprintf(f, "unit:\n  code: \"\"      # %s\n  name: \"\"\n",
	        _("required: the unit's code"));
	fputs("  level: ", f);
	put_quoted(f, m->level ? m->level : "");
	fprintf(f,
	        "\n  parent: \"\"    # %s\n"
	        "  period: \"\"    # %s\n"
	        "stage: final     # %s\n"
	        "values:\n",
	        _("the code of the unit above it"),
	        _("the year assessed, e.g. \"2023\""),
	        _("self | appraised | final"));
	for (i = 0; i < m->ninputs; i++) {
		const model_input *in = &m->inputs[i];

		strbuf_reset(&sb);
		label_text(&sb, in);
		put_comment(f, "  ", strbuf_str(&sb));
		strbuf_reset(&sb);
		input_help(&sb, m, in);
		put_comment(f, "  ", strbuf_str(&sb));
		fprintf(f, "  %s: ~\n", in->id);
	}
	strbuf_release(&sb);
}

void template_write_json(const chiso_model *m, FILE *f)
{
	strbuf sb = STRBUF_INIT;
	jsonw w;
	size_t i;

	jsonw_init(&w, f);
	jsonw_object(&w, 0);
	jsonw_key(&w, "unit");
	jsonw_object(&w, 0);
	jsonw_kstring(&w, "code", "");
	jsonw_kstring(&w, "name", "");
	jsonw_kstring(&w, "level", m->level ? m->level : "");
	jsonw_kstring(&w, "parent", "");
	jsonw_kstring(&w, "period", "");
	jsonw_end(&w);
	jsonw_kstring(&w, "stage", "final");
	jsonw_key(&w, "values");
	jsonw_object(&w, 0);
	for (i = 0; i < m->ninputs; i++) {
		const model_input *in = &m->inputs[i];

		strbuf_reset(&sb);
		label_text(&sb, in);
		strbuf_puts(&sb, "; ");
		input_help(&sb, m, in);
		jsonw_key(&w, in->id);
		jsonw_object(&w, 1);
		jsonw_key(&w, "value");
		jsonw_null(&w);
		jsonw_kstring(&w, "comment", strbuf_str(&sb));
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	strbuf_release(&sb);
}
