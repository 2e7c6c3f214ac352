/*
 * data_file.c - one data file read record by record into a batch: each
 * unit's identity and stage, every value checked against the model's
 * input, bounds between inputs; a whole document's shape (one unit, a
 * list, a results document).
 */
#include "eval/data.h"
#include "eval/data_file.h"

#include "eval/data_evidence.h"
#include "eval/evidence_files.h"
#include "eval/missing.h"
#include "util/escape.h"
#include "util/i18n.h"
#include "util/nfc.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/yes_no.h"

#include <stdlib.h>
#include <string.h>

const char *const data_stage_words[] = {"self", "appraised", "final", NULL};

static const char *const single_keys[] = {"unit", "stage", "values", "evidence",
                                          NULL};
static const char *const multi_keys[] = {"units", NULL};
static const char *const results_keys[] = {"format",   "model",   "generator",
                                           "language", "plugins", "basis",
                                           "units",    NULL};
static const char *const record_keys[] = {"unit", "stage", "values", "evidence",
                                          NULL};
static const char *const results_record_keys[] = {
        "unit",         "stage", "status",  "points",   "max",
        "value",        "nodes", "values",  "problems", "class",
        "class_failed", "views", "derived", "missing",  "corrections",
        "evidence",     NULL};
static const char *const unit_map_keys[] = {"code",   "name",   "level",
                                            "parent", "period", NULL};
static const char *const value_keys[] = {"value", "evidence", "comment", NULL};

/* Fractions in percent inputs warned about one by one in a file. */
#define FRACTIONS_SHOWN 10

/* "did you mean" for at most this many unknown fields of a file (each
 * costs a pass over every input; as many as the problems printed). */
#define SUGGEST_MAX 200

/* A set of names (copies), open-addressed: size a power of two, at most
 * half full. */
struct name_set {
	char **slots;
	size_t size, count;
};

/* State of one file being read. */
struct reader {
	batch *b;
	schema_ctx sc;
	int results_doc;          /* a results document: unknown fields warn */
	struct name_set warned;   /* unknown fields already warned about */
	size_t suggested;         /* unknown fields given a "did you mean" */
	size_t u;                 /* the unit being read */
	const char *code;         /* its code, for messages */
	const doc_node **at;      /* per input slot: its value's node in the
	                           record being read (for positions) */
	int over_units;           /* past the batch's max_units: said once */
	missing_list missing;     /* required values lacking, to warn of */
	strbuf places;            /* their places named, NUL-separated (a
	                             reader's place formatter may not outlive
	                             the reading) */
	size_t fractions;         /* fractions in percent inputs seen */
	unsigned char *absent;    /* per input slot: the file has no column */
	data_file_place_fn place; /* names places; NULL: LINE:COL */
	void *place_arg;
};

/* Writes the place line:col of the file into sb: "FILE:LINE:COL", or
 * as the reader names it; "FILE" alone for line 0. */
static void put_place(const struct reader *r, strbuf *sb, unsigned line,
                      unsigned col)
{
	strbuf_puts(sb, r->sc.file);
	if (line == 0)
		return;
	strbuf_putc(sb, ':');
	if (r->place)
		r->place(r->place_arg, sb, line, col);
	else
		strbuf_printf(sb, "%u:%u", line, col);
}

/* A warning at line:col of the file, its place named as the reader names
 * places ("FILE:LINE:COL: warning: msg"). */
static void warn_at(const struct reader *r, diag *d, unsigned line,
                    unsigned col, const char *msg)
{
	strbuf place = STRBUF_INIT;

	put_place(r, &place, line, col);
	diag_at(d, DIAG_WARNING, strbuf_str(&place), 0, 0, "%s", msg);
	strbuf_release(&place);
}

/* When a file was read: counts the missing values of its units (from
 * first on) and warns of those noted, as many as the run still shows,
 * skipping units found invalid after their record was read. */
static void warn_missing(struct reader *r, size_t first, diag *d)
{
	batch *b = r->b;
	strbuf sb = STRBUF_INIT;
	size_t k;

	missing_count(b, first);
	for (k = 0; k < r->missing.n; k++) {
		const missing_seen *s = &r->missing.items[k];

		if (b->units[s->u].invalid ||
		    b->missing_shown >= BATCH_MISSING_SHOWN)
			continue;
		strbuf_reset(&sb);
		missing_describe(b, s, &sb);
		diag_at(d, DIAG_WARNING, r->places.data + s->place, 0, 0, "%s",
		        strbuf_str(&sb));
		b->missing_shown++;
	}
	r->missing.n = 0;
	strbuf_reset(&r->places);
	strbuf_release(&sb);
}

/* Adds a problem to the current unit and marks it invalid: text in
 * English (stored in the results), shown in the run's language (printed).
 * The message quotes the unit's code and values: its control characters
 * and bidi controls are stored escaped (util/escape.h). */
static void unit_problem2(struct reader *r, const doc_node *at,
                          const char *field, const char *text,
                          const char *shown)
{
	strbuf en = STRBUF_INIT, loc = STRBUF_INIT, safe = STRBUF_INIT,
	       safe_loc = STRBUF_INIT;

	put_place(r, &en, at ? at->line : 0, at ? at->col : 0);
	strbuf_puts(&loc, strbuf_str(&en));
	strbuf_printf(&en, ": unit %s: ", r->code);
	strbuf_printf(&loc, _(": unit %s: "), r->code);
	if (field) {
		strbuf_printf(&en, "field %s: ", field);
		strbuf_printf(&loc, _("field %s: "), field);
	}
	strbuf_puts(&en, text);
	strbuf_puts(&loc, shown);
	escape_append(&safe, strbuf_str(&en), 0);
	escape_append(&safe_loc, strbuf_str(&loc), 0);
	batch_problem_add2(r->b, r->u, strbuf_str(&safe),
	                   strbuf_str(&safe_loc));
	r->b->units[r->u].invalid = 1;
	strbuf_release(&en);
	strbuf_release(&loc);
	strbuf_release(&safe);
	strbuf_release(&safe_loc);
}

/* unit_problem2 of a message formatted from fmt, an English message
 * marked with N_(), and from its translation. */
static void unit_problem(struct reader *r, const doc_node *at,
                         const char *field, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void unit_problem(struct reader *r, const doc_node *at,
                         const char *field, const char *fmt, ...)
{
	strbuf text = STRBUF_INIT, shown = STRBUF_INIT;
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	strbuf_vprintf(&text, fmt, ap);
	strbuf_vprintf(&shown, _(fmt), aq);
	va_end(aq);
	va_end(ap);
	unit_problem2(r, at, field, strbuf_str(&text), strbuf_str(&shown));
	strbuf_release(&text);
	strbuf_release(&shown);
}

/*
 * Refuses a control character in the text of scalar n, the value of
 * field: codes, names and the other identity fields are one line (lines
 * 0); text values, evidence and comments may hold tabs and line breaks,
 * LF or CR LF (lines 1). A bidi control is allowed (outputs show it escaped).
 * Returns 0, or -1 after a problem that makes the unit invalid.
 */
static int refuse_controls(struct reader *r, const doc_node *n,
                           const char *field, int lines)
{
	size_t at;
	unsigned cp;

	if (!escape_find_control(n->text, n->len, lines, &at, &cp))
		return 0;
	unit_problem(r, n, field,
	             N_("contains a control character (U+%04X); remove it"),
	             cp);
	return -1;
}

/* Unknown keys of a map inside a unit are problems of that unit, each at
 * the key itself. Returns the number of unknown keys. */
static int unit_keys(struct reader *r, const doc_node *map,
                     const char *const *allowed, const char *what,
                     const char *field)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < map->count; i++) {
		strbuf sb = STRBUF_INIT, tr = STRBUF_INIT;

		if (schema_unknown_key(&sb, map->keys[i]->text, allowed,
		                       what)) {
			schema_unknown_key_tr(&tr, map->keys[i]->text, allowed,
			                      what);
			unit_problem2(r, map->keys[i], field, strbuf_str(&sb),
			              strbuf_str(&tr));
			bad++;
		}
		strbuf_release(&sb);
		strbuf_release(&tr);
	}
	return bad;
}

/* 1 when in is measured in percent (its unit is "%"). */
static int is_percent(const model_input *in)
{
	return in->unit && strcmp(in->unit, "%") == 0;
}

/* The bytes of a no-break space (U+00A0, U+202F: what spreadsheets
 * write between thousands) at p, or 0. */
static size_t nbsp_at(const char *p)
{
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xAF)
		return 3;
	return 0;
}

/* Copies the digits of s into out (of size bytes) when s is a whole
 * number grouped by thousands with sep (' ' for spaces and no-break
 * spaces): "1.234.567", "1,234", "12 345". Returns 1 then, else 0. */
static int grouped_digits(const char *s, char sep, char *out, size_t size)
{
	const char *p = s;
	size_t n = 0, run = 0, groups = 0;

	if (*p == '-')
		out[n++] = *p++;
	while (*p) {
		size_t w = sep == ' ' ? (*p == ' ' ? 1 : nbsp_at(p))
		                      : (size_t)(*p == sep);

		if (w) {
			if (run == 0 || (groups && run != 3) || run > 3)
				return 0;
			groups++;
			run = 0;
			p += w;
			continue;
		}
		if (*p < '0' || *p > '9' || n + 1 >= size)
			return 0;
		out[n++] = *p++;
		run++;
	}
	out[n] = '\0';
	return groups > 0 && run == 3;
}

/* A problem of two texts, stored (English) and shown, then released. */
static void problem_pair(struct reader *r, const doc_node *n, const char *field,
                         strbuf *text, strbuf *shown)
{
	unit_problem2(r, n, field, strbuf_str(text), strbuf_str(shown));
	strbuf_release(text);
	strbuf_release(shown);
}

/* A number out of range: numfmt's text after it, in English and in the
 * run's language. */
static void range_problem(struct reader *r, const doc_node *n,
                          const char *field, int rc)
{
	strbuf text = STRBUF_INIT, shown = STRBUF_INIT;

	strbuf_printf(&text, "%s %s", n->text, numfmt_range_text(rc));
	strbuf_printf(&shown, "%s %s", n->text, _(numfmt_range_text(rc)));
	problem_pair(r, n, field, &text, &shown);
}

/* Says why a plain scalar is not a valid number for in, with advice
 * that is right for it (a whole number, a percent, a decimal). */
static void bad_number(struct reader *r, const model_input *in,
                       const doc_node *n, int integer)
{
	double x;
	int rc = numfmt_parse(n->text, &x), parsed = rc == 0;
	const char *p = n->text;
	char digits[NUMFMT_MAX];
	int digits_only;

	if (*p == '-' || *p == '+')
		p++;
	digits_only = *p != '\0' && strspn(p, "0123456789") == strlen(p);
	if (integer && digits_only)
		unit_problem(r, n, in->id,
		             N_("%s is too large to hold exactly (the limit is "
		                "9007199254740992)"),
		             n->text);
	else if (integer && parsed)
		unit_problem(r, n, in->id,
		             N_("expected a whole number, not '%s'"), n->text);
	else if (grouped_digits(n->text, '.', digits, sizeof(digits)) ||
	         grouped_digits(n->text, ',', digits, sizeof(digits)) ||
	         grouped_digits(n->text, ' ', digits, sizeof(digits)))
		unit_problem(
		        r, n, in->id,
		        integer ? N_("expected a whole number, not '%s': "
		                     "it holds thousands separators; write "
		                     "%s")
		                : N_("expected a number, not '%s': it holds "
		                     "thousands separators; write %s"),
		        n->text, digits);
	else if (strchr(n->text, '%'))
		unit_problem(
		        r, n, in->id,
		        integer ? N_("expected a whole number, not '%s': a "
		                     "percent sign is read only in an input "
		                     "whose unit is %%, and this one's is "
		                     "%s; write the number alone")
		                : N_("expected a number, not '%s': a percent "
		                     "sign is read only in an input whose "
		                     "unit is %%, and this one's is %s; write "
		                     "the number alone"),
		        n->text, in->unit ? in->unit : "not given");
	else if (!integer && strchr(n->text, ',') && !strchr(n->text, '.'))
		unit_problem(
		        r, n, in->id,
		        N_("expected a number, not '%s' (write decimals with "
		           "a point: 83.99)"),
		        n->text);
	else if (numfmt_range_text(rc))
		range_problem(r, n, in->id, rc);
	else
		unit_problem(r, n, in->id,
		             integer ? N_("expected a whole number, not '%s'")
		                     : N_("expected a number, not '%s'"),
		             n->text);
}

/* Reads "85%" or "85 %" in a percent input as 85 into *out. Returns 0,
 * or -1 when the text is not a number followed by a percent sign. */
static int read_percent(const model_input *in, const doc_node *n, double *out)
{
	char num[NUMFMT_MAX];
	size_t len = n->len;

	if (!is_percent(in) || len < 2 || n->text[len - 1] != '%' ||
	    len > sizeof(num))
		return -1;
	len--;
	while (len > 0 && n->text[len - 1] == ' ')
		len--;
	memcpy(num, n->text, len);
	num[len] = '\0';
	return numfmt_parse(num, out) == 0 ? 0 : -1;
}

/* A fraction written in a percent input: 0.85 for 85 %. Said, not
 * changed: 0.85 % can be meant (at most a few times per file). */
static void check_fraction(struct reader *r, const model_input *in,
                           const doc_node *n, double x)
{
	char a[NUMFMT_MAX], pct[NUMFMT_MAX];
	strbuf sb = STRBUF_INIT;

	if (!is_percent(in) || !(x > 0 && x <= 1))
		return;
	if (r->fractions++ >= FRACTIONS_SHOWN)
		return;
	strbuf_printf(&sb,
	              _("unit %s: field %s: %s in an input measured in %% (%s) "
	                "looks like a fraction; if it means %s %%, write %s"),
	              r->code, in->id, numfmt_exact(x, a), in->label,
	              numfmt_exact(x * 100, pct), pct);
	warn_at(r, r->sc.d, n->line, n->col, strbuf_str(&sb));
	strbuf_release(&sb);
}

/*
 * The choice of input in that the text n names: a choice's name exactly,
 * else its name or its label (choice_labels) without regard to case and
 * diacritics ("Cấp phó", "cap pho", "Deputy"). Returns its position, or
 * in->nchoices when none.
 */
static size_t match_choice(const model_input *in, const doc_node *n)
{
	size_t i, k, total = 2 * in->nchoices;
	char *f;

	for (i = 0; i < in->nchoices; i++)
		if (strcmp(in->choices[i], n->text) == 0)
			return i;
	if (!in->choice_folds)
		return in->nchoices;
	f = nfc_fold(n->text, n->len);
	if (!f)
		return in->nchoices;
	for (k = 0; k < total; k++)
		if (in->choice_folds[k] && strcmp(in->choice_folds[k], f) == 0)
			break;
	free(f);
	return k < total ? k / 2 : in->nchoices;
}

/* "'X' is not a choice; did you mean 'Y'? (choices: ...)": the
 * suggestion is the closest name or label, compared folded. */
static void not_a_choice(struct reader *r, const model_input *in,
                         const doc_node *n)
{
	size_t total = 2 * in->nchoices, m = 0, k;
	const char **cands = xcalloc(total, sizeof(*cands));
	const char **shown = xcalloc(total, sizeof(*shown));
	const char *near = NULL, *label;
	char *f = in->choice_folds ? nfc_fold(n->text, n->len) : NULL;
	strbuf list = STRBUF_INIT;

	for (k = 0; f && k < total; k++) {
		if (!in->choice_folds[k])
			continue;
		cands[m] = in->choice_folds[k];
		shown[m++] =
		        k % 2 ? in->choice_labels[k / 2] : in->choices[k / 2];
	}
	if (f) {
		near = suggest_closest(f, cands, m);
		for (k = 0; near && k < m; k++)
			if (cands[k] == near)
				near = shown[k];
	} else {
		near = suggest_closest(n->text, in->choices, in->nchoices);
	}
	for (k = 0; k < in->nchoices; k++) {
		label = in->choice_labels ? in->choice_labels[k] : NULL;
		strbuf_printf(&list, "%s%s%s%s%s", k ? ", " : "",
		              in->choices[k], label ? " (" : "",
		              label ? label : "", label ? ")" : "");
	}
	if (near)
		unit_problem(r, n, in->id,
		             N_("'%s' is not a choice; did you mean '%s'? "
		                "(choices: %s)"),
		             n->text, near, strbuf_str(&list));
	else
		unit_problem(r, n, in->id,
		             N_("'%s' is not a choice (choices: %s)"), n->text,
		             strbuf_str(&list));
	strbuf_release(&list);
	free(f);
	free(cands);
	free(shown);
}

/* Reads a scalar of the value into v per the input's type. */
static void read_typed(struct reader *r, const model_input *in,
                       const doc_node *n, unit_value *v)
{
	batch *b = r->b;
	size_t i;

	if (n->kind != DOC_SCALAR) {
		strbuf text = STRBUF_INIT, shown = STRBUF_INIT;

		strbuf_printf(&text, "expected a value, not %s",
		              doc_kind_name(n->kind));
		strbuf_printf(&shown, _("expected a value, not %s"),
		              _(doc_kind_name(n->kind)));
		problem_pair(r, n, in->id, &text, &shown);
		return;
	}
	switch (in->type) {
	case CHISO_INPUT_INTEGER:
	case CHISO_INPUT_NUMBER:
		if (n->quoted) {
			unit_problem(
			        r, n, in->id,
			        N_("expected a number, not the quoted text "
			           "\"%s\"; remove the quotes"),
			        n->text);
			return;
		}
		if (in->type == CHISO_INPUT_INTEGER &&
		    numfmt_parse_int(n->text, &v->num) < 0) {
			bad_number(r, in, n, 1);
			return;
		}
		if (in->type == CHISO_INPUT_NUMBER &&
		    numfmt_parse(n->text, &v->num) < 0 &&
		    read_percent(in, n, &v->num) < 0) {
			bad_number(r, in, n, 0);
			return;
		}
		check_fraction(r, in, n, v->num);
		break;
	case CHISO_INPUT_BOOLEAN: {
		int flag, vi;

		/* Vietnamese words quoted too: JSON has no other way to
		 * write them; a quoted true is a mistake worth saying. */
		flag = yes_no_word(n->text, n->len, &vi);
		if (flag < 0 || (n->quoted && !vi)) {
			if (n->quoted)
				unit_problem(
				        r, n, in->id,
				        N_("expected true or false, not the "
				           "quoted text \"%s\"; remove the "
				           "quotes"),
				        n->text);
			else
				unit_problem(
				        r, n, in->id,
				        N_("expected true or false, not '%s'"),
				        n->text);
			return;
		}
		v->num = flag;
		break;
	}
	case CHISO_INPUT_CHOICE:
		i = match_choice(in, n);
		if (i == in->nchoices) {
			not_a_choice(r, in, n);
			return;
		}
		v->num = (double)i;
		v->text = batch_intern_str(b, in->choices[i]);
		break;
	case CHISO_INPUT_TEXT:
		if (refuse_controls(r, n, in->id, 1) < 0)
			return;
		v->text = batch_intern(b, n->text, n->len);
		break;
	}
	v->present = 1;
}

/* The evidence or comment (key) of a value map n of input in, into the
 * pool; 0 when it has none or holds a control character. */
static size_t value_note(struct reader *r, const model_input *in,
                         const doc_node *n, const char *key)
{
	const doc_node *e = doc_get(n, key);
	strbuf field = STRBUF_INIT;
	int bad;

	if (!e || e->kind != DOC_SCALAR || schema_is_null(e))
		return 0;
	strbuf_printf(&field, "%s.%s", in->id, key);
	bad = refuse_controls(r, e, strbuf_str(&field), 1);
	strbuf_release(&field);
	return bad < 0 ? 0 : batch_intern(r->b, e->text, e->len);
}

/* A value: a scalar, or {value, evidence, comment}. */
static void read_value(struct reader *r, const model_input *in,
                       const doc_node *n, unit_value *v)
{
	const doc_node *val = n;

	if (n->kind == DOC_MAP) {
		if (unit_keys(r, n, value_keys, "a value", in->id) > 0)
			return;
		val = doc_get(n, "value");
		v->evidence = value_note(r, in, n, "evidence");
		v->comment = value_note(r, in, n, "comment");
		if (!val)
			return; /* evidence only: the value is missing */
	}
	if (schema_is_null(val))
		return;
	read_typed(r, in, val, v);
}

/* FNV-1a over the name's bytes. */
static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Puts the copy name into slots (size a power of two, room left). */
static void name_set_put(char **slots, size_t size, char *name)
{
	size_t h = name_hash(name) & (size - 1);

	while (slots[h])
		h = (h + 1) & (size - 1);
	slots[h] = name;
}

/* Adds a copy of name to set; returns 1 when it was not there yet. */
static int name_set_add(struct name_set *set, const char *name)
{
	size_t h, i;

	if (set->size) {
		h = name_hash(name) & (set->size - 1);
		for (; set->slots[h]; h = (h + 1) & (set->size - 1))
			if (strcmp(set->slots[h], name) == 0)
				return 0;
	}
	if (2 * (set->count + 1) > set->size) {
		size_t size = set->size ? 2 * set->size : 16;
		char **slots = xcalloc(size, sizeof(*slots));

		for (i = 0; i < set->size; i++)
			if (set->slots[i])
				name_set_put(slots, size, set->slots[i]);
		free(set->slots);
		set->slots = slots;
		set->size = size;
	}
	name_set_put(set->slots, set->size, xstrdup(name));
	set->count++;
	return 1;
}

/* Frees the names and the table. */
static void name_set_free(struct name_set *set)
{
	size_t i;

	for (i = 0; i < set->size; i++)
		free(set->slots[i]);
	free(set->slots);
	memset(set, 0, sizeof(*set));
}

/* Warns once per file about a field the model does not know. */
static void warn_unknown(struct reader *r, const doc_node *key, diag *d)
{
	if (!name_set_add(&r->warned, key->text))
		return;
	diag_at(d, DIAG_WARNING, r->sc.file, key->line, key->col,
	        _("field '%s' is not an input of model %s %s; ignored"),
	        key->text, r->b->model->id, r->b->model->version);
}

/* An unknown field: a problem, with a suggestion. */
static void unknown_field(struct reader *r, const doc_node *key)
{
	const chiso_model *m = r->b->model;
	const char *near = r->suggested++ < SUGGEST_MAX
	                           ? model_suggest_input(m, key->text)
	                           : NULL;

	if (near)
		unit_problem(r, key, key->text,
		             N_("not an input of model %s; did you mean '%s'?"),
		             m->id, near);
	else
		unit_problem(
		        r, key, key->text,
		        N_("not an input of model %s (see 'chiso template')"),
		        m->id);
}

/* The bound of in as a number for this unit; 0 when it has none. */
static int bound_value(const input_bound *bd, const unit_value *row,
                       double *out)
{
	if (bd->kind == BOUND_NUMBER) {
		*out = bd->number;
		return 1;
	}
	if (bd->kind == BOUND_INPUT && row[bd->slot].present) {
		*out = row[bd->slot].num;
		return 1;
	}
	return 0;
}

int data_bound_problem(const chiso_model *m, const unit_value *row, size_t i,
                       int upper, strbuf *why)
{
	const model_input *in = &m->inputs[i];
	const input_bound *bd = upper ? &in->max : &in->min;
	char a[NUMFMT_MAX], c[NUMFMT_MAX];
	double lim;

	if (!row[i].present || !(in->type & CHISO_INPUT_NUMERIC) ||
	    !bound_value(bd, row, &lim) ||
	    (upper ? row[i].num <= lim : row[i].num >= lim))
		return 0;
	strbuf_printf(
	        why, "%s is %s its %s %s%s%s", numfmt_exact(row[i].num, a),
	        upper ? "above" : "below", upper ? "maximum" : "minimum",
	        bd->kind == BOUND_INPUT ? m->inputs[bd->slot].id : "",
	        bd->kind == BOUND_INPUT ? " = " : "", numfmt_exact(lim, c));
	return 1;
}

void data_bound_shown(const chiso_model *m, const unit_value *row, size_t i,
                      int upper, strbuf *shown)
{
	const model_input *in = &m->inputs[i];
	const input_bound *bd = upper ? &in->max : &in->min;
	char a[NUMFMT_MAX], c[NUMFMT_MAX];
	double lim = 0;

	bound_value(bd, row, &lim);
	numfmt_exact(row[i].num, a);
	numfmt_exact(lim, c);
	if (bd->kind == BOUND_INPUT)
		strbuf_printf(shown,
		              upper ? _("%s is above its maximum %s = %s")
		                    : _("%s is below its minimum %s = %s"),
		              a, m->inputs[bd->slot].id, c);
	else
		strbuf_printf(shown,
		              upper ? _("%s is above its maximum %s")
		                    : _("%s is below its minimum %s"),
		              a, c);
}

/* Checks min/max, numbers and cross-field, after all values are read. */
static void check_bounds(struct reader *r)
{
	const chiso_model *m = r->b->model;
	unit_value *row = batch_values(r->b, r->u);
	strbuf why = STRBUF_INIT, shown = STRBUF_INIT;
	size_t i;
	int upper;

	for (i = 0; i < m->ninputs; i++) {
		for (upper = 0; upper <= 1; upper++) {
			const doc_node *at = r->at[i];

			strbuf_reset(&why);
			strbuf_reset(&shown);
			if (!data_bound_problem(m, row, i, upper, &why))
				continue;
			if (at && at->kind == DOC_MAP && doc_get(at, "value"))
				at = doc_get(at, "value");
			data_bound_shown(m, row, i, upper, &shown);
			unit_problem2(r, at, m->inputs[i].id, strbuf_str(&why),
			              strbuf_str(&shown));
		}
	}
	strbuf_release(&why);
	strbuf_release(&shown);
}

/* The "values" map of a unit. */
static void read_values(struct reader *r, const doc_node *values, diag *d)
{
	const chiso_model *m = r->b->model;
	size_t i;

	if (!values || schema_is_null(values))
		return;
	if (values->kind != DOC_MAP) {
		strbuf text = STRBUF_INIT, shown = STRBUF_INIT;

		strbuf_printf(&text, "values must be a mapping, not %s",
		              doc_kind_name(values->kind));
		strbuf_printf(&shown, _("values must be a mapping, not %s"),
		              _(doc_kind_name(values->kind)));
		problem_pair(r, values, NULL, &text, &shown);
		return;
	}
	if (!r->at)
		r->at = xcalloc(m->ninputs + 1, sizeof(*r->at));
	for (i = 0; i < values->count; i++) {
		const doc_node *key = values->keys[i];
		int slot = model_input_slot(m, key->text);

		if (slot < 0) {
			if (r->results_doc)
				warn_unknown(r, key, d);
			else
				unknown_field(r, key);
			continue;
		}
		r->at[slot] = values->items[i];
		read_value(r, &m->inputs[slot], values->items[i],
		           &batch_values(r->b, r->u)[slot]);
	}
	check_bounds(r);
}

/* Reads an optional text field of the unit map into the pool; one line
 * with no control character (else a problem of the unit). */
static size_t unit_text(struct reader *r, const doc_node *map, const char *key)
{
	const doc_node *n = doc_get(map, key);
	strbuf field = STRBUF_INIT;

	if (!n || schema_is_null(n))
		return 0;
	if (n->kind != DOC_SCALAR) {
		unit_problem(r, n, NULL, N_("unit.%s must be a text value"),
		             key);
		return 0;
	}
	strbuf_printf(&field, "unit.%s", key);
	refuse_controls(r, n, strbuf_str(&field), 0);
	strbuf_release(&field);
	return batch_intern(r->b, n->text, n->len);
}

/* The "unit" map. Returns -1 when the unit cannot be identified. */
static int read_identity(struct reader *r, const doc_node *rec)
{
	const doc_node *um =
	        schema_require(&r->sc, rec, "unit", N_("a unit record"));
	const doc_node *code;
	unit_rec *ur;
	const char *level;

	if (!um || schema_expect(&r->sc, um, DOC_MAP, "unit") < 0)
		return -1;
	code = schema_require(&r->sc, um, "code", "unit");
	if (!code || !schema_string(&r->sc, code, "unit.code", 0))
		return -1;
	if (r->b->nunits >= r->b->max_units) {
		if (!r->over_units && r->place) {
			strbuf sb = STRBUF_INIT;

			put_place(r, &sb, rec->line, rec->col);
			diag_error(r->sc.d, NULL, 0, 0,
			           _("%s: too many units: the limit is %zu per "
			             "run; raise it with --max-units N, or "
			             "evaluate the files in parts"),
			           strbuf_str(&sb), r->b->max_units);
			strbuf_release(&sb);
		} else if (!r->over_units) {
			schema_error(
			        &r->sc, rec,
			        _("too many units: the limit is %zu per run; "
			          "raise it with --max-units N, or evaluate "
			          "the files in parts"),
			        r->b->max_units);
		}
		r->over_units = 1;
		return -1;
	}
	r->u = batch_add_unit(r->b);
	r->code = code->text;
	ur = &r->b->units[r->u];
	ur->code = batch_intern(r->b, code->text, code->len);
	ur->file = batch_intern_str(r->b, r->sc.file);
	ur->line = rec->line;
	ur->col = rec->col;
	{
		strbuf sb = STRBUF_INIT;

		if (r->place && rec->line)
			put_place(r, &sb, rec->line, rec->col);
		else
			strbuf_printf(&sb, "%s:%u:%u", r->sc.file, rec->line,
			              rec->col);
		r->b->units[r->u].place = batch_intern(r->b, sb.data, sb.len);
		strbuf_release(&sb);
		ur = &r->b->units[r->u];
	}
	ur->stage = batch_intern_str(r->b, "final");
	unit_keys(r, um, unit_map_keys, "unit", NULL);
	refuse_controls(r, code, "unit.code", 0);
	ur = &r->b->units[r->u];
	ur->name = unit_text(r, um, "name");
	ur->level = unit_text(r, um, "level");
	ur->parent = unit_text(r, um, "parent");
	ur->period = unit_text(r, um, "period");
	level = batch_str(r->b, r->b->units[r->u].level);
	if (*level && r->b->model->level &&
	    strcmp(level, r->b->model->level) != 0)
		unit_problem(
		        r, doc_get(um, "level"), NULL,
		        N_("unit level is '%s' but model %s assesses '%s'"),
		        level, r->b->model->id, r->b->model->level);
	return 0;
}

/* The stage of a record: self, appraised or final. */
static void read_stage(struct reader *r, const doc_node *rec)
{
	const doc_node *n = doc_get(rec, "stage");
	size_t i;

	if (!n || schema_is_null(n))
		return;
	for (i = 0; data_stage_words[i]; i++)
		if (n->kind == DOC_SCALAR &&
		    strcmp(n->text, data_stage_words[i]) == 0) {
			r->b->units[r->u].stage =
			        batch_intern_str(r->b, data_stage_words[i]);
			return;
		}
	unit_problem(r, n, NULL,
	             N_("stage must be self, appraised or final, not '%s'"),
	             n->kind == DOC_SCALAR ? n->text : "a mapping or list");
}

/* Notes the required values the unit just read lacks, each with its
 * place named now. */
static void note_missing(struct reader *r)
{
	size_t k = r->missing.n;

	missing_note_unit(&r->missing, r->b, r->u, r->at, r->absent);
	for (; k < r->missing.n; k++) {
		missing_seen *s = &r->missing.items[k];

		s->place = r->places.len;
		put_place(r, &r->places, s->line, s->col);
		strbuf_putc(&r->places, '\0');
	}
}

/* The record's "evidence" (eval/data_evidence.h), its places named as
 * the reader names them. Returns -1 when the file is bad. */
static int read_evidence(struct reader *r, const doc_node *rec)
{
	data_evidence_src src = {r->sc.file, r->sc.d, r->place, r->place_arg,
	                         r->results_doc};

	return data_evidence_read(&src, r->b, r->u, rec);
}

/* One unit record. Returns -1 when it is malformed beyond a unit problem. */
static int read_record(struct reader *r, const doc_node *rec, diag *d)
{
	const char *const *keys =
	        r->results_doc ? results_record_keys : record_keys;

	if (schema_expect(&r->sc, rec, DOC_MAP, N_("a unit record")) < 0)
		return -1;
	if (r->at)
		memset(r->at, 0, r->b->model->ninputs * sizeof(*r->at));
	if (read_identity(r, rec) < 0)
		return -1;
	unit_keys(r, rec, keys, "a unit record", NULL);
	read_stage(r, rec);
	read_values(r, doc_get(rec, "values"), d);
	note_missing(r);
	return read_evidence(r, rec);
}

/* Checks a results document's "format" value. */
static int check_format(struct reader *r, const doc_node *f)
{
	if (f->kind != DOC_SCALAR || strcmp(f->text, "1") != 0) {
		schema_error(&r->sc, f,
		             _("results format %s is not supported: this chiso "
		               "reads format 1"),
		             f->kind == DOC_SCALAR ? f->text : "?");
		return -1;
	}
	return 0;
}

/* Dispatches on the shape of a whole document (YAML, small JSON). */
static int read_doc(struct reader *r, const doc_node *root, diag *d)
{
	const doc_node *units;
	size_t i;
	int rc = 0;

	if (schema_expect(&r->sc, root, DOC_MAP, N_("a data file")) < 0)
		return -1;
	units = doc_get(root, "units");
	if (!units) {
		if (schema_check_keys(&r->sc, root, single_keys,
		                      N_("a data file")) < 0)
			return -1;
		return read_record(r, root, d);
	}
	r->results_doc = doc_get(root, "generator") || doc_get(root, "model");
	if (r->results_doc && doc_get(root, "format") &&
	    check_format(r, doc_get(root, "format")) < 0)
		return -1;
	if (schema_check_keys(&r->sc, root,
	                      r->results_doc ? results_keys : multi_keys,
	                      N_("a data file")) < 0)
		return -1;
	if (schema_expect(&r->sc, units, DOC_SEQ, "units") < 0)
		return -1;
	for (i = 0; i < units->count; i++)
		if (read_record(r, units->items[i], d) < 0)
			rc = -1;
	return rc;
}

/* --- data_file: one input file, read one record at a time ------------ */

struct data_file {
	struct reader r;
	diag *d;
	size_t units_before, problems_before, errors_before;
	int failed;
};

data_file *data_file_open(batch *b, const char *path, diag *d)
{
	data_file *df = xcalloc(1, sizeof(*df));

	df->r.b = b;
	df->r.sc.d = d;
	df->r.sc.file = xstrdup(path);
	df->d = d;
	df->units_before = b->nunits;
	df->problems_before = b->nproblems;
	df->errors_before = d->errors;
	return df;
}

void data_file_results_doc(data_file *df, int on)
{
	df->r.results_doc = on;
}

const schema_ctx *data_file_schema(const data_file *df)
{
	return &df->r.sc;
}

const doc_limits *data_file_limits(const data_file *df)
{
	return &df->r.b->limits;
}

int data_file_record(data_file *df, const doc_node *rec)
{
	if (read_record(&df->r, rec, df->d) < 0) {
		df->failed = 1;
		return -1;
	}
	return 0;
}

void data_file_problem(data_file *df, unsigned line, unsigned col,
                       const char *fmt, ...)
{
	batch *b = df->r.b;
	size_t u;
	strbuf sb = STRBUF_INIT, safe = STRBUF_INIT, loc = STRBUF_INIT,
	       safe_loc = STRBUF_INIT;
	va_list ap, aq;

	if (b->nunits <= df->units_before)
		return;
	u = b->nunits - 1;
	put_place(&df->r, &sb, line, col);
	strbuf_puts(&loc, strbuf_str(&sb));
	strbuf_printf(&sb, ": unit %s: ", batch_str(b, b->units[u].code));
	strbuf_printf(&loc, _(": unit %s: "), batch_str(b, b->units[u].code));
	va_start(ap, fmt);
	va_copy(aq, ap);
	strbuf_vprintf(&sb, fmt, ap);
	strbuf_vprintf(&loc, _(fmt), aq);
	va_end(aq);
	va_end(ap);
	escape_append(&safe, strbuf_str(&sb), 0);
	escape_append(&safe_loc, strbuf_str(&loc), 0);
	batch_problem_add2(b, u, strbuf_str(&safe), strbuf_str(&safe_loc));
	b->units[u].invalid = 1;
	strbuf_release(&sb);
	strbuf_release(&safe);
	strbuf_release(&loc);
	strbuf_release(&safe_loc);
}

void data_file_column_absent(data_file *df, size_t slot, unsigned line)
{
	struct reader *r = &df->r;
	const chiso_model *m = r->b->model;
	strbuf sb = STRBUF_INIT;

	if (!m->inputs[slot].required)
		return;
	if (!r->absent)
		r->absent = xcalloc(m->ninputs + 1, 1);
	r->absent[slot] = 1;
	missing_describe_column(r->b, slot, &sb);
	warn_at(r, df->d, line, 1, strbuf_str(&sb));
	strbuf_release(&sb);
}

void data_file_set_place(data_file *df, data_file_place_fn fn, void *arg)
{
	df->r.place = fn;
	df->r.place_arg = arg;
}

void data_file_error(data_file *df, unsigned line, unsigned col,
                     const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	if (!df->r.place) {
		diag_vat(df->d, DIAG_ERROR, df->r.sc.file, line, col, fmt, ap);
	} else {
		put_place(&df->r, &sb, line, col);
		strbuf_puts(&sb, ": ");
		strbuf_vprintf(&sb, fmt, ap);
		diag_error(df->d, NULL, 0, 0, "%s", strbuf_str(&sb));
	}
	va_end(ap);
	strbuf_release(&sb);
}

void data_file_fail(data_file *df)
{
	df->failed = 1;
}

int data_file_close(data_file *df)
{
	struct reader *r = &df->r;
	int rc = 0;

	if (df->failed || df->d->errors > df->errors_before) {
		evidence_files_drop(r->b, df->units_before);
		r->b->nunits = df->units_before;
		r->b->nproblems = df->problems_before;
		rc = -1;
	} else {
		warn_missing(r, df->units_before, df->d);
		if (r->fractions > FRACTIONS_SHOWN)
			diag_at(df->d, DIAG_WARNING, r->sc.file, 0, 0,
			        _("%zu values in (0, 1] in inputs measured in "
			          "%% in all (the first %d named above): write "
			          "percents as 85, not 0.85"),
			        r->fractions, FRACTIONS_SHOWN);
	}
	missing_list_free(&r->missing);
	strbuf_release(&r->places);
	free(r->absent);
	name_set_free(&r->warned);
	free(r->at);
	free((char *)r->sc.file);
	free(df);
	return rc;
}

int data_file_document(data_file *df, const doc_node *root)
{
	if (read_doc(&df->r, root, df->d) < 0) {
		df->failed = 1;
		return -1;
	}
	return 0;
}

const char *const *data_file_top_keys(int results_doc)
{
	return results_doc ? results_keys : multi_keys;
}

int data_file_check_format(data_file *df, const doc_node *f)
{
	return check_format(&df->r, f);
}
