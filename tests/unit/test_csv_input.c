/*
 * test_csv_input.c - unit tests for core/eval/csv_input.c: CSV batches as a
 * spreadsheet exports them (',' or ';', RFC 4180 quotes, BOM, CRLF,
 * decimal commas, yes/no words, comment and blank rows), every value
 * problem at "FILE:ROW:COL: unit CODE: ...", file errors that add
 * nothing, Vietnamese text kept byte for byte, and the template.
 */
#include "fixtures.h"
#include "cutest.h"
#include "eval/csv_input.h"
#include "eval/data.h"
#include "eval/eval.h"
#include "results/results_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODEL                                                                  \
	"model:\n"                                                             \
	"  id: t\n"                                                            \
	"  version: \"1\"\n"                                                   \
	"  title: T\n"                                                         \
	"  level: district\n"                                                  \
	"inputs:\n"                                                            \
	"  total: {type: integer, min: 0, label: \"T\xe1\xbb\x95ng "           \
	"s\xe1\xbb\x91, "                                                      \
	"c\xe1\xba\xa3 n\xc4\x83m\", unit: \"ng\xc6\xb0\xe1\xbb\x9di\"}\n"     \
	"  part: {type: integer, min: 0, max: total}\n"                        \
	"  rate: {type: number, min: 0, max: 100, unit: \"%\"}\n"              \
	"  flag: {type: boolean, label: \"C\xc3\xb3 k\xe1\xba\xbf "            \
	"ho\xe1\xba\xa1"                                                       \
	"ch\"}\n"                                                              \
	"  pick: {type: choice, choices: [head, deputy, none]}\n"              \
	"  ref: {type: text, label: 'S\xe1\xbb\x91 \"b\xc3\xa1o "              \
	"c\xc3\xa1o\"'}\n"                                                     \
	"indices:\n"                                                           \
	"  - id: \"1\"\n"                                                      \
	"    name: One\n"                                                      \
	"    points: 10\n"                                                     \
	"    children:\n"                                                      \
	"      - {id: \"1.1\", name: A, points: 4, method: ratio, params: "    \
	"{numerator: part, denominator: total}}\n"                             \
	"      - {id: \"1.2\", name: B, points: 3, method: boolean, params: "  \
	"{input: flag}}\n"                                                     \
	"      - {id: \"1.3\", name: C, points: 3, method: choice, params: "   \
	"{input: pick, scores: {head: 1, deputy: 0.5, none: 0}}}\n"

enum { TOTAL, PART, RATE, FLAG, PICK, REF, NINPUTS };

/* One model, registry and batch per test. */
struct fx {
	plugin_registry *reg;
	chiso_model *m;
	batch b;
	diag d;
};

static int fx_open(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	f->reg = fixture_registry();
	f->m = fixture_model(f->reg, MODEL, &f->d);
	if (!f->m) {
		fixture_diag_dump(&f->d);
		plugin_registry_free(f->reg);
		diag_free(&f->d);
		return -1;
	}
	batch_init(&f->b, f->m);
	return 0;
}

static void fx_close(struct fx *f)
{
	batch_free(&f->b);
	model_free(f->m);
	plugin_registry_free(f->reg);
	diag_free(&f->d);
}

/* Loads CSV text (len bytes, or strlen when len is 0) as "u.csv". */
static int load(struct fx *f, const char *text, size_t len)
{
	return data_load_buffer(&f->b, "u.csv", text, len ? len : strlen(text),
	                        &f->d);
}

/* The value row of unit u. */
static const unit_value *row(struct fx *f, size_t u)
{
	return batch_values(&f->b, u);
}

/* The unit with this code (fails the test when absent). */
static size_t unit(struct fx *f, const char *code)
{
	int u = fixture_unit(&f->b, code);

	if (u < 0) {
		fprintf(stderr, "\nno unit %s\n", code);
		CU_FAIL_FATAL("unit missing");
	}
	return (size_t)u;
}

/* A problem of unit u equal to text. */
static int problem_is(const batch *b, size_t u, const char *text)
{
	size_t p;

	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		if (strcmp(batch_str(b, b->problems[p - 1].text), text) == 0)
			return 1;
	fprintf(stderr, "\nno problem '%s'; unit %zu has:\n", text, u);
	for (p = b->units[u].first_problem; p; p = b->problems[p - 1].next)
		fprintf(stderr, "  %s\n",
		        batch_str(b, b->problems[p - 1].text));
	return 0;
}

/* 1 when d holds an entry starting with text (place and message). */
static int diag_starts(const diag *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (strncmp(d->items[i].text, text, strlen(text)) == 0)
			return 1;
	fprintf(stderr, "\nno message starting '%s'; have:\n", text);
	fixture_diag_dump(d);
	return 0;
}

/* Every column, identity and values; positions are row and column. */
static void test_basic(void)
{
	struct fx f;
	const unit_rec *ur;
	const unit_value *v;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(
	        load(&f,
	             "code,name,level,parent,period,stage,total,part,rate,"
	             "flag,pick,ref\n"
	             "A,X\xc3\xa3 A,district,P,2022,self,170,100,55.5,yes,"
	             "deputy,R-1\n"
	             "B,,,,,,10,5,,,,\n",
	             0),
	        0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	ur = &f.b.units[0];
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->code), "A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->name), "X\xc3\xa3 A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->level), "district");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->parent), "P");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->period), "2022");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->stage), "self");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->file), "u.csv");
	CU_ASSERT_EQUAL(ur->line, 2);
	CU_ASSERT_EQUAL(ur->col, 1);
	CU_ASSERT_EQUAL(ur->invalid, 0);
	v = row(&f, 0);
	CU_ASSERT(v[TOTAL].present);
	CU_ASSERT_DOUBLE_EQUAL(v[TOTAL].num, 170.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(v[PART].num, 100.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(v[RATE].num, 55.5, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(v[FLAG].num, 1.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(v[PICK].num, 1.0, 0.0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, v[REF].text), "R-1");
	/* empty cells: empty identity, default stage, missing values */
	ur = &f.b.units[1];
	CU_ASSERT_EQUAL(ur->line, 3);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->name), "");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, ur->stage), "final");
	CU_ASSERT_EQUAL(ur->invalid, 0);
	v = row(&f, 1);
	CU_ASSERT(v[TOTAL].present);
	CU_ASSERT(!v[RATE].present);
	CU_ASSERT(!v[FLAG].present);
	CU_ASSERT(!v[PICK].present);
	CU_ASSERT(!v[REF].present);
	/* a value problem names the row, the column and the unit */
	CU_ASSERT_EQUAL(load(&f,
	                     "code,total,pick\n"
	                     "Q,\"170\",heda\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT(f.b.units[2].invalid);
	CU_ASSERT(problem_is(&f.b, 2,
	                     "u.csv:2:3: unit Q: field pick: 'heda' is not a "
	                     "choice; did you mean 'head'? (choices: head, "
	                     "deputy, none)"));
	/* a quoted number is still a number: spreadsheets quote at will */
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 2)[TOTAL].num, 170.0, 0.0);
	fx_close(&f);
}

/* ';' from the header row; decimal commas with ';' only. */
static void test_separators(void)
{
	struct fx f;
	size_t a, b;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "code;name;rate;total;ref\n"
	                     "A;Huy\xe1\xbb\x87n A, t\xe1\xbb\x89nh B;83,99;"
	                     "12;a,b\n"
	                     "B;\"x;y\";1.5;3,0;\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	a = unit(&f, "A");
	b = unit(&f, "B");
	CU_ASSERT_EQUAL(f.b.units[a].invalid, 0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[a].name),
	                       "Huy\xe1\xbb\x87n A, t\xe1\xbb\x89nh B");
	CU_ASSERT_DOUBLE_EQUAL(row(&f, a)[RATE].num, 83.99, 0.0);
	/* text keeps its comma */
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, a)[REF].text), "a,b");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[b].name), "x;y");
	CU_ASSERT_DOUBLE_EQUAL(row(&f, b)[RATE].num, 1.5, 0.0);
	CU_ASSERT(problem_is(&f.b, b,
	                     "u.csv:3:4: unit B: field total: expected a "
	                     "whole number, not '3.0'"));
	/* with ',' a decimal comma must be quoted, and is then refused */
	CU_ASSERT_EQUAL(load(&f, "code,rate\nC,\"83,99\"\n", 0), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	CU_ASSERT(problem_is(&f.b, 2,
	                     "u.csv:2:2: unit C: field rate: expected a "
	                     "number, not '83,99' (write decimals with a "
	                     "point: 83.99)"));
	/* a tie is ',' */
	CU_ASSERT_EQUAL(load(&f, "code;ref,rate\nD;x\n", 0), -1);
	CU_ASSERT(diag_starts(&f.d, "u.csv:1:1: unknown column 'code;ref'"));
	CU_ASSERT_EQUAL(f.b.nunits, 3);
	diag_free(&f.d);
	/* comment rows and quoted cells do not count */
	CU_ASSERT_EQUAL(load(&f,
	                     "# a, b, c, d\n"
	                     "code;ref;\"pick\"\n"
	                     "E;\"a,b,c\";head\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 4);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, 3)[REF].text), "a,b,c");
	fx_close(&f);
}

/* Quoted cells: separators, doubled quotes and line breaks inside. */
static void test_quotes(void)
{
	struct fx f;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "code,name,ref,total\n"
	                     "A,\"Huy\xe1\xbb\x87n A, t\xe1\xbb\x89nh "
	                     "\"\"B\"\"\",\"line 1\nline 2\",1\n"
	                     "B,\"x;y\",\"a\"\"b\",2\n"
	                     "C,\"\",\"\"\"\",3\n"
	                     "D,d,\"r\r\n\",x\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 4);
	u = unit(&f, "A");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[u].name),
	                       "Huy\xe1\xbb\x87n A, t\xe1\xbb\x89nh \"B\"");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text),
	                       "line 1\nline 2");
	CU_ASSERT_DOUBLE_EQUAL(row(&f, u)[TOTAL].num, 1.0, 0.0);
	u = unit(&f, "B");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[u].name), "x;y");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "a\"b");
	u = unit(&f, "C");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[u].name), "");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "\"");
	/* rows count records, not lines: D is row 5, on line 6 */
	u = unit(&f, "D");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "r\r\n");
	CU_ASSERT(problem_is(&f.b, u,
	                     "u.csv:5:4: unit D: field total: expected a "
	                     "whole number, not 'x'"));
	fx_close(&f);
}

/* A BOM is skipped; CRLF, LF and blank rows; row numbers count blank
 * rows, as a spreadsheet shows them. */
static void test_bom_crlf(void)
{
	struct fx f;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "\xef\xbb\xbf"
	                     "code,total,ref\r\n"
	                     "A,1,r\r\n"
	                     "\r\n"
	                     "B,x,s\r\n"
	                     "C,3,t",
	                     0),
	                0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	u = unit(&f, "A");
	CU_ASSERT_EQUAL(f.b.units[u].line, 2);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, u)[TOTAL].num, 1.0, 0.0);
	/* no CR left on the last cell */
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "r");
	u = unit(&f, "B");
	CU_ASSERT(problem_is(&f.b, u,
	                     "u.csv:4:2: unit B: field total: expected a "
	                     "whole number, not 'x'"));
	/* the last row needs no line end */
	u = unit(&f, "C");
	CU_ASSERT_EQUAL(f.b.units[u].line, 5);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "t");
	/* the same with LF only, and CR only */
	CU_ASSERT_EQUAL(load(&f, "code,total\nD,1\n\nE,x\n", 0), 0);
	CU_ASSERT(problem_is(&f.b, unit(&f, "E"),
	                     "u.csv:4:2: unit E: field total: expected a "
	                     "whole number, not 'x'"));
	CU_ASSERT_EQUAL(load(&f, "code,total\rF,1\r\rG,x\r", 0), 0);
	CU_ASSERT(problem_is(&f.b, unit(&f, "G"),
	                     "u.csv:4:2: unit G: field total: expected a "
	                     "whole number, not 'x'"));
	CU_ASSERT_EQUAL(f.b.nunits, 7);
	fx_close(&f);
}

/* Yes/no words in English and Vietnamese, any case, NFC or NFD. */
static void test_booleans(void)
{
	static const char *const yes[] = {"1",
	                                  "x",
	                                  "X",
	                                  "true",
	                                  "TRUE",
	                                  "yes",
	                                  "Yes",
	                                  "c\xc3\xb3",
	                                  "C\xc3\xb3",
	                                  "C\xc3\x93",
	                                  "Co\xcc\x81",
	                                  "CO\xcc\x81",
	                                  "co",
	                                  "\xc4\x91\xc3\xbang",
	                                  "\xc4\x90\xc3\x9aNG",
	                                  "\xc4\x91u\xcc\x81ng",
	                                  NULL};
	static const char *const no[] = {"0",
	                                 "false",
	                                 "False",
	                                 "no",
	                                 "NO",
	                                 "kh\xc3\xb4ng",
	                                 "Kh\xc3\xb4ng",
	                                 "KH\xc3\x94NG",
	                                 "kho\xcc\x82ng",
	                                 "KHO\xcc\x82NG",
	                                 "khong",
	                                 "sai",
	                                 "Sai",
	                                 NULL};
	struct fx f;
	strbuf sb = STRBUF_INIT;
	size_t i, n = 0;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	strbuf_puts(&sb, "code,flag\n");
	for (i = 0; yes[i]; i++, n++)
		strbuf_printf(&sb, "Y%zu,%s\n", i, yes[i]);
	for (i = 0; no[i]; i++, n++)
		strbuf_printf(&sb, "N%zu,%s\n", i, no[i]);
	strbuf_puts(&sb, "M,maybe\nC,c\nU,\"u\xcc\x81\"\n");
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, n + 3);
	for (i = 0; i < n; i++) {
		const unit_value *v = row(&f, i);

		if (f.b.units[i].invalid || !v[FLAG].present ||
		    v[FLAG].num != (i < 16 ? 1.0 : 0.0))
			fprintf(stderr, "\nrow %zu (%s) misread\n", i + 2,
			        batch_str(&f.b, f.b.units[i].code));
		CU_ASSERT_EQUAL(f.b.units[i].invalid, 0);
		CU_ASSERT(v[FLAG].present);
		CU_ASSERT_DOUBLE_EQUAL(v[FLAG].num, i < 16 ? 1.0 : 0.0, 0.0);
	}
	CU_ASSERT(problem_is(&f.b, unit(&f, "M"),
	                     "u.csv:31:2: unit M: field flag: expected true "
	                     "or false, not 'maybe'"));
	CU_ASSERT(problem_is(&f.b, unit(&f, "C"),
	                     "u.csv:32:2: unit C: field flag: expected true "
	                     "or false, not 'c'"));
	CU_ASSERT(f.b.units[unit(&f, "U")].invalid);
	strbuf_release(&sb);
	fx_close(&f);
}

/* Comment rows (quotes in them are fine), all-empty and blank rows are
 * skipped; short rows miss values; cells are trimmed. */
static void test_comments_and_empty(void)
{
	struct fx f;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "# a comment, with \"quotes\n"
	                     "code,total,part,ref\n"
	                     "# M\xc3\xa3 \xc4\x91\xc6\xa1n v\xe1\xbb\x8b "
	                     "(code),\"T, t\",P,R\n"
	                     ",,,\n"
	                     "A,,5\n"
	                     "  \n"
	                     "B, 9 ,\" 8 \", \" r \"\n"
	                     "  # indented comment \"x\n"
	                     "\"# quoted comment, ok\",,\n"
	                     "C,x\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	/* never silent: the empty cell is named at its row and column, and
	 * the required inputs without a column once, at the header */
	CU_ASSERT(fixture_diag_has(&f.d, "u.csv:5:2: warning: unit A: field "
	                                 "total: empty: indicator 1.1 scores "
	                                 "0 (the model's missing: zero)"));
	CU_ASSERT(fixture_diag_has(&f.d, "u.csv:2:1: warning: no column "
	                                 "'flag'"));
	CU_ASSERT(fixture_diag_has(&f.d, "u.csv:2:1: warning: no column "
	                                 "'pick'"));
	CU_ASSERT(!fixture_diag_has(&f.d, "field flag: missing"));
	/* C is invalid (total 'x'): refused, not warned of */
	CU_ASSERT(!fixture_diag_has(&f.d, "unit C: field part: missing"));
	CU_ASSERT_EQUAL(f.b.missing_units, 2);
	CU_ASSERT_EQUAL(f.b.missing_values, 3 + 2);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	u = unit(&f, "A");
	CU_ASSERT_EQUAL(f.b.units[u].line, 5);
	CU_ASSERT_EQUAL(f.b.units[u].invalid, 0);
	CU_ASSERT(!row(&f, u)[TOTAL].present);
	CU_ASSERT(row(&f, u)[PART].present);
	CU_ASSERT(!row(&f, u)[REF].present);
	u = unit(&f, "B");
	CU_ASSERT_EQUAL(f.b.units[u].invalid, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, u)[TOTAL].num, 9.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, u)[PART].num, 8.0, 0.0);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "r");
	CU_ASSERT(problem_is(&f.b, unit(&f, "C"),
	                     "u.csv:10:2: unit C: field total: expected a "
	                     "whole number, not 'x'"));
	/* a header and no rows: no units, not an error of the file */
	CU_ASSERT_EQUAL(load(&f, "code,total\n# nothing yet\n", 0), 0);
	CU_ASSERT_EQUAL(f.b.nunits, 3);
	/* text cells are never YAML's null words */
	CU_ASSERT_EQUAL(load(&f, "code,ref,total\nN,null,~\n", 0), 0);
	u = unit(&f, "N");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), "null");
	CU_ASSERT(!row(&f, u)[TOTAL].present);
	fx_close(&f);
}

/* Header errors: at the header cell; nothing of the file is added. */
static void test_header_errors(void)
{
	struct fx f;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(
	        load(&f,
	             "code,totl,name,S\xe1\xbb\x91 li\xe1\xbb\x87u\nA,1,b,1\n",
	             0),
	        -1);
	CU_ASSERT_EQUAL(f.b.nunits, 0);
	CU_ASSERT(diag_starts(&f.d, "u.csv:1:2: unknown column 'totl'; did "
	                            "you mean 'total'? (columns: code, name, "
	                            "level, parent, period, stage and the "
	                            "input ids of model t"));
	CU_ASSERT(diag_starts(&f.d,
	                      "u.csv:1:4: unknown column "
	                      "'S\xe1\xbb\x91 li\xe1\xbb\x87u' (columns:"));
	CU_ASSERT_EQUAL(f.d.errors, 2);
	diag_free(&f.d);
	CU_ASSERT_EQUAL(
	        load(&f, "# first a comment\nCode,NAME,total,name\n", 0), -1);
	CU_ASSERT(diag_starts(&f.d, "u.csv:2:4: column 'name' appears twice "
	                            "(first in column 2)"));
	diag_free(&f.d);
	CU_ASSERT_EQUAL(load(&f, "name,total\nA,1\n", 0), -1);
	CU_ASSERT(diag_starts(&f.d, "u.csv:1:1: the header has no 'code' "
	                            "column"));
	diag_free(&f.d);
	/* names are trimmed and matched in any case */
	CU_ASSERT_EQUAL(load(&f, " CODE ,\" Total \",PaRt\nA,2,1\n", 0), 0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[TOTAL].num, 2.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[PART].num, 1.0, 0.0);
	/* a file error after good rows takes them all back */
	CU_ASSERT_EQUAL(load(&f, "code,total\nB,1\nC,2\nD,\"3\n", 0), -1);
	CU_ASSERT_EQUAL(f.b.nunits, 1);
	CU_ASSERT(diag_starts(&f.d, "u.csv:4:2: a quoted cell is never "
	                            "closed"));
	fx_close(&f);
}

/* Cells past the header, or under an empty header cell. */
static void test_extra_cells(void)
{
	struct fx f;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "code,total\n"
	                     "A,1,,\n"
	                     "B,2,3\n"
	                     "C,3,, x ,y\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	/* empty cells past the header are fine (spreadsheets write them) */
	CU_ASSERT_EQUAL(f.b.units[unit(&f, "A")].invalid, 0);
	u = unit(&f, "B");
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, u), 1);
	CU_ASSERT(problem_is(&f.b, u,
	                     "u.csv:3:3: unit B: a value in column 3, past "
	                     "the header's 2 columns"));
	CU_ASSERT(problem_is(&f.b, unit(&f, "C"),
	                     "u.csv:4:4: unit C: a value in column 4, past "
	                     "the header's 2 columns"));
	CU_ASSERT_EQUAL(load(&f, "code,,total\nD,,1\nE,z,1\n", 0), 0);
	CU_ASSERT_EQUAL(f.b.units[unit(&f, "D")].invalid, 0);
	CU_ASSERT(problem_is(&f.b, unit(&f, "E"),
	                     "u.csv:3:2: unit E: a value in column 2, whose "
	                     "header cell is empty"));
	fx_close(&f);
}

/* A row without a code is a unit "(row N)", invalid. */
static void test_empty_code(void)
{
	struct fx f;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	CU_ASSERT_EQUAL(load(&f,
	                     "name,code,total\n"
	                     "X\xc3\xa3 kh\xc3\xb4ng m\xc3\xa3,,1\n"
	                     "B,B,2\n"
	                     "C,  ,x\n",
	                     0),
	                0);
	CU_ASSERT_EQUAL(f.d.errors, 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 3);
	u = unit(&f, "(row 2)");
	CU_ASSERT(f.b.units[u].invalid);
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, u), 1);
	CU_ASSERT(problem_is(&f.b, u,
	                     "u.csv:2:2: unit (row 2): the code cell is "
	                     "empty"));
	CU_ASSERT_EQUAL(f.b.units[unit(&f, "B")].invalid, 0);
	u = unit(&f, "(row 4)");
	CU_ASSERT_EQUAL(fixture_problem_count(&f.b, u), 2);
	CU_ASSERT(problem_is(&f.b, u,
	                     "u.csv:4:3: unit (row 4): field total: expected "
	                     "a whole number, not 'x'"));
	fx_close(&f);
}

/* Writes the results of b to memory. Caller frees. */
static char *results_text(const batch *b)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	results_json_write(b, f);
	fclose(f);
	return buf;
}

/* Vietnamese text, NFC and NFD, reaches the results byte for byte. */
static void test_vietnamese(void)
{
	/* "Huyện Mù Cang Chải" precomposed, then decomposed */
	static const char nfc[] = "Huy\xe1\xbb\x87n M\xc3\xb9 Cang Ch\xe1\xba"
	                          "\xa3i";
	static const char nfd[] = "Huye\xcc\xa3\xcc\x82n Mu\xcc\x80 Cang "
	                          "Cha\xcc\x89i";
	static const char ref_nfc[] = "B\xc3\xa1o c\xc3\xa1o s\xe1\xbb\x91 "
	                              "01/B\xc4\x90-UBND";
	static const char ref_nfd[] = "Ba\xcc\x81o ca\xcc\x81o so\xcc\x82"
	                              "\xcc\x81 01/B\xc4\x90-UBND";
	struct fx f;
	strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	char *out;
	size_t u;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	strbuf_printf(&sb,
	              "code;name;ref;total;part;flag\n"
	              "N1;%s;%s;10;5;c\xc3\xb3\n"
	              "N2;\"%s\";\"%s\";10;5;kho\xcc\x82ng\n",
	              nfc, ref_nfc, nfd, ref_nfd);
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), 0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	u = unit(&f, "N1");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[u].name), nfc);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), ref_nfc);
	u = unit(&f, "N2");
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, f.b.units[u].name), nfd);
	CU_ASSERT_STRING_EQUAL(batch_str(&f.b, row(&f, u)[REF].text), ref_nfd);
	eval_batch(&f.b);
	out = results_text(&f.b);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	strbuf_printf(&want, "\"code\": \"N1\", \"name\": \"%s\"", nfc);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, strbuf_str(&want)));
	strbuf_reset(&want);
	strbuf_printf(&want, "\"code\": \"N2\", \"name\": \"%s\"", nfd);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, strbuf_str(&want)));
	strbuf_reset(&want);
	strbuf_printf(&want, "\"ref\": \"%s\"", ref_nfc);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, strbuf_str(&want)));
	strbuf_reset(&want);
	strbuf_printf(&want, "\"ref\": \"%s\"", ref_nfd);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, strbuf_str(&want)));
	/* both yes/no words read: 1.2 scored 3 and 0 */
	CU_ASSERT_EQUAL(f.b.units[0].invalid + f.b.units[1].invalid, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[FLAG].num, 1.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[FLAG].num, 0.0, 0.0);
	free(out);
	strbuf_release(&want);
	strbuf_release(&sb);
	fx_close(&f);
}

/* Errors of the file: bad quotes, bytes, sizes; each at row:col. */
static void test_file_errors(void)
{
#define TEXT(s) s, sizeof(s) - 1
	static const struct {
		const char *text;
		size_t len;
		const char *want;
	} cases[] = {
	        {TEXT("code,name\nA,ok\nB,Huy\xe1n\n"),
	         "u.csv:3:2: invalid UTF-8 byte 0xE1; the file must be "
	         "UTF-8"},
	        {TEXT("code,na\xc3me\n"),
	         "u.csv:1:2: invalid UTF-8 byte 0xC3; the file must be "
	         "UTF-8"},
	        {TEXT("code,name\nA,Huy\xe1\xbb\x87n \"A\"\n"),
	         "u.csv:2:2: a quote inside a cell that does not start with "
	         "one"},
	        {TEXT("code,name,ref\nA,\"x\",\"Huy\xe1\xbb\x87n \"A\"\"\n"),
	         "u.csv:2:3: text after the closing quote of a quoted cell"},
	        {TEXT("code,name\nA,\"open\nB,b\nC,c\n"),
	         "u.csv:2:2: a quoted cell is never closed: no closing quote "
	         "before the end of the file"},
	        {TEXT("code,name\nA,a\0b\n"),
	         "u.csv:2:2: the cell holds a NUL byte"},
	        {TEXT("\xff\xfe"
	              "c\0o\0d\0e\0"),
	         "u.csv: the file is UTF-16; it must be UTF-8"},
	        {TEXT(""), "u.csv: the file is empty"},
	        {TEXT("\xef\xbb\xbf"), "u.csv: the file is empty"},
	        {TEXT("# only a comment\n\n,,\n"), "u.csv: no header row"},
	};
	struct fx f;
	size_t i;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_EQUAL(load(&f, cases[i].text, cases[i].len), -1);
		CU_ASSERT(diag_starts(&f.d, cases[i].want));
		CU_ASSERT_EQUAL(f.d.errors, 1);
		CU_ASSERT_EQUAL(f.b.nunits, 0);
		diag_free(&f.d);
	}
#undef TEXT
	fx_close(&f);
}

/* A cell over the value limit, quoted or not, stops the file. */
static void test_long_cell(void)
{
	size_t max = doc_limits_data.max_scalar_bytes;
	struct fx f;
	strbuf sb = STRBUF_INIT;
	size_t i;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	strbuf_puts(&sb, "code,ref\nA,");
	for (i = 0; i < max; i++)
		strbuf_putc(&sb, 'a');
	strbuf_puts(&sb, "\n");
	/* exactly at the limit: read */
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT_EQUAL(strlen(batch_str(&f.b, row(&f, 0)[REF].text)), max);
	strbuf_reset(&sb);
	strbuf_puts(&sb, "code,ref\nB,b\nC,\"");
	for (i = 0; i < 3 * max; i++)
		strbuf_putc(&sb, i % 100 == 99 ? '\n' : 'a');
	strbuf_puts(&sb, "\"\n");
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), -1);
	CU_ASSERT(diag_starts(&f.d, "u.csv:3:2: value too long: 65600 bytes, "
	                            "the limit is 65536 bytes (64 KiB) per "
	                            "value"));
	CU_ASSERT_EQUAL(f.b.nunits, 1);
	strbuf_release(&sb);
	fx_close(&f);
}

/* Writes the CSV template of f's model to memory. Caller frees. */
static char *template_text(struct fx *f, char sep, int labels, int bom)
{
	csvw_opts o = {sep, bom, 1};
	char *buf = NULL;
	size_t len;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		return NULL;
	csv_template_write(f->m, out, labels, &o);
	fclose(out);
	return buf;
}

/* The template: header, labels row, quoting, BOM; it reads back. */
static void test_template(void)
{
	struct fx f;
	strbuf sb = STRBUF_INIT;
	char *t;

	CU_ASSERT_FATAL(fx_open(&f) == 0);
	t = template_text(&f, ',', 0, 0);
	CU_ASSERT_STRING_EQUAL(t, "code,name,level,parent,period,stage,total,"
	                          "part,rate,flag,pick,ref\r\n");
	free(t);
	t = template_text(&f, ',', 1, 1);
	CU_ASSERT_STRING_EQUAL(
	        t, "\xef\xbb\xbf"
	           "code,name,level,parent,period,stage,total,part,rate,flag,"
	           "pick,ref\r\n"
	           "# M\xc3\xa3 \xc4\x91\xc6\xa1n v\xe1\xbb\x8b (code),"
	           "T\xc3\xaan \xc4\x91\xc6\xa1n v\xe1\xbb\x8b,"
	           "C\xe1\xba\xa5p,"
	           "\xc4\x90\xc6\xa1n v\xe1\xbb\x8b c\xe1\xba\xa5p tr\xc3\xaan,"
	           "K\xe1\xbb\xb3 \xc4\x91\xc3\xa1nh gi\xc3\xa1,"
	           "Giai \xc4\x91o\xe1\xba\xa1n: self | appraised | final,"
	           "\"T\xe1\xbb\x95ng s\xe1\xbb\x91, c\xe1\xba\xa3 n\xc4\x83m "
	           "(ng\xc6\xb0\xe1\xbb\x9di)\",part,rate (%),"
	           "C\xc3\xb3 k\xe1\xba\xbf ho\xe1\xba\xa1"
	           "ch,pick,"
	           "\"S\xe1\xbb\x91 \"\"b\xc3\xa1o c\xc3\xa1o\"\"\"\r\n");
	/* read back with a row appended */
	strbuf_puts(&sb, t);
	strbuf_puts(&sb, "A,\"Huy\xe1\xbb\x87n A, t\xe1\xbb\x89nh B\","
	                 "district,P,2023,final,10,5,\"83.5\",c\xc3\xb3,head,"
	                 "R\r\n");
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), 0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 1);
	CU_ASSERT_EQUAL(f.b.units[0].invalid, 0);
	CU_ASSERT_EQUAL(f.b.units[0].line, 3);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[RATE].num, 83.5, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 0)[FLAG].num, 1.0, 0.0);
	free(t);
	/* ';': a label with ',' needs no quotes, one with ';' does */
	t = template_text(&f, ';', 1, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(t, "code;name;level;parent;period;stage;"
	                                 "total;part;rate;flag;pick;ref\r\n"));
	CU_ASSERT_PTR_NOT_NULL(
	        strstr(t, ";T\xe1\xbb\x95ng s\xe1\xbb\x91, c\xe1\xba\xa3 "
	                  "n\xc4\x83m (ng\xc6\xb0\xe1\xbb\x9di);part;"));
	CU_ASSERT_EQUAL(strncmp(t, "code;", 5), 0);
	strbuf_reset(&sb);
	strbuf_puts(&sb, t);
	strbuf_puts(&sb, "B;;;;;;10;5;83,5;KH\xc3\x94NG;none;\n");
	CU_ASSERT_EQUAL(load(&f, strbuf_str(&sb), 0), 0);
	CU_ASSERT_EQUAL(fixture_diag_others(&f.d), 0);
	CU_ASSERT_EQUAL_FATAL(f.b.nunits, 2);
	CU_ASSERT_EQUAL(f.b.units[1].invalid, 0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[RATE].num, 83.5, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(row(&f, 1)[FLAG].num, 0.0, 0.0);
	free(t);
	strbuf_release(&sb);
	fx_close(&f);
}

static CU_TestInfo tests[] = {
        {"basic", test_basic},
        {"separators, decimal comma", test_separators},
        {"quotes", test_quotes},
        {"BOM, CRLF, blank rows", test_bom_crlf},
        {"booleans", test_booleans},
        {"comments, empty cells", test_comments_and_empty},
        {"header errors", test_header_errors},
        {"extra cells", test_extra_cells},
        {"empty code", test_empty_code},
        {"Vietnamese text round trip", test_vietnamese},
        {"file errors", test_file_errors},
        {"long cell", test_long_cell},
        {"template", test_template},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("csv_input", tests)
