/*
 * chiso/plugin.h - the chiso plugin ABI, version 1.4.
 *
 * History (fields are only ever appended):
 *   1.0  the first ABI.
 *   1.1  chiso_outcome.hint/hint_size: what input value would earn more;
 *        chiso_host_api.input_id: the id of a bound input.
 *   1.2  a second phase for methods that need every unit before scoring
 *        any (chiso_plugin.finish, chiso_batch and the batch_* services:
 *        a value relative to the best unit); results of child units
 *        (the child_* services: a district indicator computed from its
 *        communes' results); compute may return CHISO_STATUS_MISSING.
 *   1.3  inputs by id, the unit being scored, missing_hint, log,
 *        scratch memory (alloc), the va_list variants; the descriptor's
 *        describe (the rule in words).
 *   1.4  chiso_host_api.language: the language of the run ("vi" or
 *        "en"), for notes, hints and messages written in it.
 *
 * This header is a published contract. It is versioned and append-only:
 * fields are only ever added at the end of a struct, and a change that
 * would break a compiled plugin bumps CHISO_ABI_MAJOR.
 *
 * A plugin is a shared object that computes one scoring method (for
 * example "ratio" or "bands") for the indicators of a model. It exports
 * exactly one symbol, the function chiso_plugin_entry(), which returns a
 * pointer to a static const descriptor. Write both with
 * CHISO_PLUGIN_DEFINE():
 *
 *     #include <chiso/plugin.h>
 *
 *     static int prepare(const chiso_host_api *host,
 *                        chiso_prepare_ctx *ctx, void **state);
 *     static void compute(const chiso_host_api *host, const void *state,
 *                         const chiso_unit *unit, chiso_outcome *out);
 *     static void release(const chiso_host_api *host, void *state);
 *
 *     CHISO_PLUGIN_DEFINE(.name = "mymethod", .version = "1.0",
 *                         .summary = "one line saying what it scores",
 *                         .params_doc = "input: ...\n",
 *                         .prepare = prepare, .compute = compute,
 *                         .release = release)
 *
 * Lifecycle
 *   prepare  once per indicator that names the method, when the model
 *            loads. It validates that indicator's params (reporting
 *            problems through host->error, which places them at the
 *            params' line in the model file), binds the inputs it reads
 *            (host->bind_input returns a slot) and stores what compute
 *            needs in *state. Returns 0, or -1 after reporting at least
 *            one error; on -1 the host ignores *state, so free what you
 *            allocated before returning.
 *   compute  once per indicator per unit. Reads bound inputs through the
 *            host by slot and fills *out: status, fraction in [0, 1],
 *            optionally the raw value, and a short note. It must not
 *            allocate (since 1.3 host->alloc gives scratch memory for
 *            the call), block or keep pointers past its return.
 *   finish   (optional, ABI 1.2) once per indicator per run, after compute
 *            has run for every unit: reads the raw values compute gave
 *            (host->batch_get) and sets each unit's final status,
 *            fraction and note (host->batch_set). For methods whose
 *            score depends on the other units (relative to the best);
 *            host->batch_group gives each unit's group (its parent).
 *   release  once per successful prepare, when the model is freed.
 *
 * Ownership (stated once, for every function below)
 *   - Everything the host hands the plugin (params nodes, strings, the
 *     unit, the host table, the note buffer) is borrowed: valid until the
 *     callback that received it returns. Copy what you need to keep.
 *   - *state belongs to the plugin: allocate it in prepare, free it in
 *     release, with the plugin's own allocator. The host never frees it.
 *   - The descriptor and every string it points to must stay valid while
 *     the plugin is loaded (use string literals). The host never dlcloses
 *     a plugin while it holds a model prepared with it.
 *   - Error text goes through host->error (prepare) or into out->note
 *     with out->status = CHISO_STATUS_ERROR (compute); never a global.
 *
 * Threads
 *   prepare and release are called from one thread at a time. compute
 *   may be called concurrently for different units with the same state:
 *   treat state as read-only in compute. The compute-time services
 *   (get_number, get_bool, get_choice, get_text) are safe to call from
 *   several threads at once.
 *
 * Missing inputs
 *   Unless an input is bound with CHISO_BIND_OPTIONAL, the host checks
 *   it before compute and applies the model's "missing" policy itself;
 *   compute then only sees units where every required input is present.
 *   Since 1.3, host->missing_hint adds what to enter to chiso's note.
 *
 * Compatibility rules the host applies when loading
 *   magic equal to CHISO_PLUGIN_MAGIC; abi_version major equal to the
 *   host's; abi_version minor not newer than the host's; struct_size at
 *   least the 1.0 layout; name, version, summary, prepare and compute
 *   not NULL; name equal to the file name without ".so". A member
 *   appended to the descriptor (finish, describe) is read only from a
 *   descriptor whose abi_version and struct_size both cover it.
 */
#ifndef CHISO_PLUGIN_H
#define CHISO_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "CHSO" read as a little-endian 32-bit word. */
#define CHISO_PLUGIN_MAGIC 0x4f534843u

#define CHISO_ABI_MAJOR 1
#define CHISO_ABI_MINOR 4
/* Packs a version as major << 16 | minor (sudo's packing). */
#define CHISO_ABI_VERSION(major, minor)                                        \
	((((uint32_t)(major)) << 16) | ((uint32_t)(minor)&0xffffu))
#define CHISO_ABI_CURRENT     CHISO_ABI_VERSION(CHISO_ABI_MAJOR, CHISO_ABI_MINOR)
#define CHISO_ABI_MAJOR_OF(v) ((uint32_t)(v) >> 16)
#define CHISO_ABI_MINOR_OF(v) ((uint32_t)(v)&0xffffu)

/* Size of the note buffer the host gives compute, terminating NUL
 * included. Longer notes are truncated by snprintf, never overflowed. */
#define CHISO_NOTE_MAX 256

/* Status of one indicator for one unit. */
typedef enum chiso_status {
	CHISO_STATUS_OK = 0,     /* computed; fraction is meaningful */
	CHISO_STATUS_NA = 1,     /* does not apply: drops out of the
	                             parents' available points */
	CHISO_STATUS_ERROR = 2,  /* could not compute; note says why */
	CHISO_STATUS_MISSING = 3 /* a required input was missing (the
	                            model's "missing" applies); set by the
	                            host, or since ABI 1.2 by compute when
	                            the data it needs is absent */
} chiso_status;

/* Size of the buffer the host gives describe (ABI 1.3), NUL included. */
#define CHISO_DESCRIBE_MAX 1024

/* Bytes of scratch memory host->alloc hands out per compute call (ABI
 * 1.3); the host frees them all when compute returns. */
#define CHISO_SCRATCH_MAX 65536

/* Messages host->log shows per indicator (ABI 1.3); the next one says
 * that the rest are not shown. Counted per process (an isolated worker
 * counts its own). */
#define CHISO_LOG_MAX 20

/* Longest text host->missing_hint takes (ABI 1.3), in bytes. */
#define CHISO_MISSING_HINT_MAX 160

/* Levels of host->log (ABI 1.3). */
enum chiso_log_level {
	CHISO_LOG_INFO = 0,
	CHISO_LOG_WARNING = 1,
	CHISO_LOG_ERROR = 2
};

/* Types of model inputs, as bit flags so that bind_input can accept a
 * set of them. */
enum chiso_input_type {
	CHISO_INPUT_INTEGER = 1u << 0,
	CHISO_INPUT_NUMBER = 1u << 1,
	CHISO_INPUT_BOOLEAN = 1u << 2,
	CHISO_INPUT_CHOICE = 1u << 3,
	CHISO_INPUT_TEXT = 1u << 4
};
#define CHISO_INPUT_NUMERIC (CHISO_INPUT_INTEGER | CHISO_INPUT_NUMBER)

/* Flags for bind_input. */
enum chiso_bind_flags {
	/* The plugin handles a missing value itself (get_* returns
	 * CHISO_VALUE_ABSENT); the host does not apply "missing". */
	CHISO_BIND_OPTIONAL = 1u << 0
};

/* Kinds of params nodes (the YAML under an indicator's "params"). */
typedef enum chiso_param_kind {
	CHISO_PARAM_SCALAR = 1,
	CHISO_PARAM_MAP = 2,
	CHISO_PARAM_LIST = 3
} chiso_param_kind;

/* Results of the get_* value readers. */
enum chiso_value_presence { CHISO_VALUE_ABSENT = 0, CHISO_VALUE_PRESENT = 1 };

/* Opaque handles; the host owns all of them. */
typedef struct chiso_param chiso_param;             /* a params node */
typedef struct chiso_prepare_ctx chiso_prepare_ctx; /* one indicator */
typedef struct chiso_unit chiso_unit;               /* one unit's data */
typedef struct chiso_batch chiso_batch;             /* ABI 1.2: one indicator's
                                           outcomes across a run */

/*
 * What compute fills in. The host zeroes it, sets struct_size, points
 * note at a buffer of note_size bytes holding "" and status to
 * CHISO_STATUS_OK before each call. Fields are appended only; a plugin
 * must not write past the fields its header version declares.
 */
typedef struct chiso_outcome {
	uint32_t struct_size; /* set by the host */
	int status;           /* chiso_status; CHISO_STATUS_MISSING
	                         only since ABI 1.2 (before, the host's) */
	double fraction;      /* share of the indicator's points, [0, 1] */
	double raw;           /* the measured value behind the fraction */
	int has_raw;          /* 1 when raw is meaningful */
	char *note;           /* host buffer; explain the score briefly */
	size_t note_size;     /* CHISO_NOTE_MAX for ABI 1.0 */
	/* ABI 1.1: */
	char *hint;       /* host buffer holding "": when the indicator
	                     earns less than its full points, what input
	                     value would earn more, e.g. "steering_meetings
	                     >= 4 for full points"; leave "" when there is
	                     nothing to say. chiso gaps shows it. */
	size_t hint_size; /* CHISO_NOTE_MAX */
} chiso_outcome;

/*
 * ABI 1.3: what input_info tells about a bound input. The caller sets
 * struct_size to sizeof(chiso_input_info); the host fills only the
 * fields that fit (fields are appended only).
 */
typedef struct chiso_input_info {
	uint32_t struct_size; /* set by the caller */
	unsigned type;        /* one chiso_input_type flag */
	double min, max;      /* the model's bounds; NAN when there is none
	                         or the bound is another input's value */
	const char *id;       /* never NULL */
	const char *label;    /* the model's label (the id when none) */
	const char *unit;     /* "%", "người"; NULL when none */
} chiso_input_info;

/*
 * ABI 1.3: the unit being computed, as unit_info tells it. The caller
 * sets struct_size; the host fills the fields that fit. Strings are
 * borrowed, valid until compute returns, NULL when the data does not
 * give them.
 */
typedef struct chiso_unit_info {
	uint32_t struct_size; /* set by the caller */
	const char *code;     /* "YB.YBI" */
	const char *name;     /* "Huyện Yên Bình" */
	const char *level;    /* "province", "district", "commune" */
	const char *parent;   /* the parent unit's code */
	const char *period;   /* "2022" */
	const char *stage;    /* "self", "appraised" */
} chiso_unit_info;

/*
 * Services the host offers, as an append-only table of function
 * pointers: plugins never link against host symbols. The table starts
 * with the host's abi_version and struct_size (sizeof its table); a
 * plugin checks a member added after 1.0 with CHISO_HOST_HAS(host,
 * member) before calling it, so that it also runs (without it) on an
 * older host.
 */
typedef struct chiso_host_api {
	uint32_t abi_version; /* the host's CHISO_ABI_CURRENT */
	uint32_t struct_size; /* sizeof the host's table */

	/* --- prepare-time services ---------------------------------- */

	/* The indicator's params map (never NULL, always a map: the host
	 * refuses params that are not a mapping before calling prepare; an
	 * empty map when the model gives none). Borrowed, valid until
	 * prepare returns. */
	const chiso_param *(*params)(chiso_prepare_ctx *ctx);

	/* The value under key in a map node, or NULL when node is not a map
	 * or has no such key. Borrowed like its argument. */
	const chiso_param *(*param_get)(const chiso_param *map,
	                                const char *key);

	/* The kind of a node (chiso_param_kind). */
	int (*param_kind)(const chiso_param *node);

	/* Number of items of a list, or entries of a map; 0 for scalars. */
	size_t (*param_count)(const chiso_param *node);

	/* The i-th item of a list, or the i-th value of a map, or NULL when
	 * out of range. Borrowed like its argument. */
	const chiso_param *(*param_at)(const chiso_param *node, size_t i);

	/* The i-th key of a map, or NULL. Borrowed like its argument. */
	const char *(*param_key_at)(const chiso_param *node, size_t i);

	/* The text of a scalar node (NUL-terminated, UTF-8), or NULL for a
	 * map or list. Borrowed like its argument. */
	const char *(*param_string)(const chiso_param *node);

	/* Reads a scalar as a finite number into *out. On failure reports
	 * "<what> must be a number" at the node and returns -1. */
	int (*param_number)(chiso_prepare_ctx *ctx, const chiso_param *node,
	                    const char *what, double *out);

	/* Reads a scalar true/false into *out (1 or 0). On failure reports
	 * at the node and returns -1. */
	int (*param_bool)(chiso_prepare_ctx *ctx, const chiso_param *node,
	                  const char *what, int *out);

	/* Reports every key of map that is not in the NULL-terminated list
	 * allowed, with a suggestion for near misses; also reports a node
	 * that is not a map. Returns 0 when all keys are known, else -1. */
	int (*param_check_keys)(chiso_prepare_ctx *ctx, const chiso_param *map,
	                        const char *const *allowed);

	/* Reports an error at node's position in the model file; when node
	 * is NULL, at the indicator's params map (at the indicator itself
	 * when it has no params). printf-style; the text should say how to
	 * fix the problem. prepare must then return -1. */
	void (*error)(chiso_prepare_ctx *ctx, const chiso_param *node,
	              const char *fmt, ...)
#if defined(__GNUC__)
	        __attribute__((format(printf, 3, 4)))
#endif
	        ;

	/* Reports a warning at node's position; loading goes on. */
	void (*warn)(chiso_prepare_ctx *ctx, const chiso_param *node,
	             const char *fmt, ...)
#if defined(__GNUC__)
	        __attribute__((format(printf, 3, 4)))
#endif
	        ;

	/* Binds the input named by the scalar node (an id of the model's
	 * "inputs"), accepting only the types in types_mask
	 * (chiso_input_type flags), with chiso_bind_flags. Returns the
	 * slot (>= 0) to read in compute, or -1 after reporting why (unknown
	 * input, with a suggestion, or wrong type). Binding records the
	 * dependency shown in results. */
	int (*bind_input)(chiso_prepare_ctx *ctx, const chiso_param *name,
	                  unsigned types_mask, unsigned flags);

	/* The chiso_input_type of a bound slot. */
	unsigned (*input_type)(chiso_prepare_ctx *ctx, int slot);

	/* The number of choices of a bound choice input, and the i-th
	 * choice (borrowed, valid while the model is loaded). */
	size_t (*input_choice_count)(chiso_prepare_ctx *ctx, int slot);
	const char *(*input_choice)(chiso_prepare_ctx *ctx, int slot, size_t i);

	/* The indicator's maximum points, and its id (borrowed, valid while
	 * the model is loaded). */
	double (*indicator_points)(chiso_prepare_ctx *ctx);
	const char *(*indicator_id)(chiso_prepare_ctx *ctx);

	/* --- compute-time services ---------------------------------- */

	/* Reads a bound numeric slot (integer, number; boolean as 0/1;
	 * choice as its index) into *out. Returns CHISO_VALUE_PRESENT, or
	 * CHISO_VALUE_ABSENT when the unit has no value (*out untouched). */
	int (*get_number)(const chiso_unit *unit, int slot, double *out);

	/* Reads a boolean slot into *out (1 or 0). Returns as get_number. */
	int (*get_bool)(const chiso_unit *unit, int slot, int *out);

	/* Reads a choice slot as the index of the choice in the input's
	 * "choices" list. Returns as get_number. */
	int (*get_choice)(const chiso_unit *unit, int slot, size_t *index);

	/* The text of a text slot (or the name of a choice), or NULL when
	 * absent. Borrowed, valid until compute returns. */
	const char *(*get_text)(const chiso_unit *unit, int slot);

	/* --- ABI 1.1 ------------------------------------------------ */

	/* The id of a bound slot's input (for notes and hints). Borrowed,
	 * valid while the model is loaded: a plugin may keep the pointer
	 * in its state. */
	const char *(*input_id)(chiso_prepare_ctx *ctx, int slot);

	/* --- ABI 1.2: the second phase (finish) ---------------------- */

	/* Number of units in the batch (every unit evaluated in the run,
	 * valid or not; only those compute scored have a raw value). */
	size_t (*batch_count)(const chiso_batch *b);

	/* The raw value compute gave unit i (status ok and has_raw):
	 * CHISO_VALUE_PRESENT with *raw set, else CHISO_VALUE_ABSENT. */
	int (*batch_get)(const chiso_batch *b, size_t i, double *raw);

	/* Unit i's group: its parent's code ("" when none). Borrowed,
	 * valid until finish returns. */
	const char *(*batch_group)(const chiso_batch *b, size_t i);

	/* Sets unit i's final outcome (status ok, na or error; fraction in
	 * [0, 1]; note copied, at most CHISO_NOTE_MAX bytes). Ignored for
	 * units compute did not score ok. The host checks the values as it
	 * checks compute's. */
	void (*batch_set)(chiso_batch *b, size_t i, int status, double fraction,
	                  const char *note);

	/* --- ABI 1.2: results of child units (prepare) ---------------- */

	/* Binds a node id of the child units' model (the results given with
	 * "chiso evaluate --children"): returns a handle (>= 0) for
	 * child_node, or -1 after reporting (no children results given, or
	 * no such node). */
	int (*bind_child_node)(chiso_prepare_ctx *ctx, const chiso_param *id);

	/* Binds an input id of the child units' data (for weights); returns
	 * a handle for child_input, or -1 after reporting. */
	int (*bind_child_input)(chiso_prepare_ctx *ctx, const chiso_param *id);

	/* The id of the child units' model, or NULL when none was given.
	 * Borrowed, valid while the model is loaded. */
	const char *(*child_model_id)(chiso_prepare_ctx *ctx);

	/* --- ABI 1.2: results of child units (compute) ---------------- */

	/* Number of scored child units of the unit (the units of the
	 * children results whose parent is this unit's code). */
	size_t (*child_count)(const chiso_unit *unit);

	/* Child i's result on a bound node: its chiso_status (>= 0) with
	 * *value (earned / available), *points and *max set; or -1 when i is
	 * out of range. Any pointer may be NULL. */
	int (*child_node)(const chiso_unit *unit, size_t i, int handle,
	                  double *value, double *points, double *max);

	/* Child i's value of a bound input as a number: CHISO_VALUE_PRESENT
	 * or CHISO_VALUE_ABSENT. */
	int (*child_input)(const chiso_unit *unit, size_t i, int handle,
	                   double *out);

	/* Child i's code (borrowed, valid until compute returns). */
	const char *(*child_code)(const chiso_unit *unit, size_t i);

	/* --- ABI 1.3 ------------------------------------------------ */

	/* Binds the input with this id, as bind_input does, for an id that
	 * is not a params scalar: a map key ("weights: {epay_share: 0.4}")
	 * or a default the plugin chooses. Problems are reported at node
	 * (the params map when NULL). Returns the slot, or -1 after
	 * reporting. id is only read during the call. */
	int (*bind_input_id)(chiso_prepare_ctx *ctx, const char *id,
	                     const chiso_param *node, unsigned types_mask,
	                     unsigned flags);

	/* Fills *info (up to info->struct_size) for a bound slot: type,
	 * bounds, id, label, unit. Returns 0, or -1 for a slot that is not
	 * an input. The strings are borrowed, valid while the model is
	 * loaded (state may keep them). */
	int (*input_info)(chiso_prepare_ctx *ctx, int slot,
	                  chiso_input_info *info);

	/* Fills *info (up to info->struct_size) with the unit compute is
	 * scoring (compute only). Returns 0. */
	int (*unit_info)(const chiso_unit *unit, chiso_unit_info *info);

	/* Sets what the "missing" note says to enter when a required input
	 * of this indicator is missing, e.g. "enter the number of
	 * households with fibre". chiso writes "missing input X; TEXT".
	 * text is copied; more than CHISO_MISSING_HINT_MAX bytes or text
	 * that is not UTF-8 is reported as an error. Prepare only. */
	void (*missing_hint)(chiso_prepare_ctx *ctx, const char *text);

	/* Writes a message to chiso's stderr as "chiso: plugin NAME,
	 * indicator ID: LEVEL: TEXT" (control characters escaped), also
	 * from an isolated worker. Give ctx in prepare (unit NULL), unit in
	 * compute (ctx NULL). At most CHISO_LOG_MAX messages per indicator
	 * are shown. level is a chiso_log_level. */
	void (*log)(chiso_prepare_ctx *ctx, const chiso_unit *unit, int level,
	            const char *fmt, ...)
#if defined(__GNUC__)
	        __attribute__((format(printf, 4, 5)))
#endif
	        ;

	/* n bytes of scratch memory for this compute call, aligned for any
	 * type, or NULL once the call has used CHISO_SCRATCH_MAX bytes.
	 * Owned by the host, freed when compute returns: never free it,
	 * never keep it. Compute only. */
	void *(*alloc)(const chiso_unit *unit, size_t n);

	/* va_list variants of error, warn and log. */
	void (*verror)(chiso_prepare_ctx *ctx, const chiso_param *node,
	               const char *fmt, va_list ap)
#if defined(__GNUC__)
	        __attribute__((format(printf, 3, 0)))
#endif
	        ;
	void (*vwarn)(chiso_prepare_ctx *ctx, const chiso_param *node,
	              const char *fmt, va_list ap)
#if defined(__GNUC__)
	        __attribute__((format(printf, 3, 0)))
#endif
	        ;
	void (*vlog)(chiso_prepare_ctx *ctx, const chiso_unit *unit, int level,
	             const char *fmt, va_list ap)
#if defined(__GNUC__)
	        __attribute__((format(printf, 4, 0)))
#endif
	        ;

	/* ABI 1.4 (check with CHISO_HOST_HAS): the language the run speaks
	 * to its readers, "vi" (Vietnamese) or "en" (English); a static
	 * string, never NULL. Write notes, hints, missing_hint texts, errors
	 * and logs in it when the plugin has that language, else in English
	 * (docs/plugin-api.md says how a plugin ships its translations).
	 * Call it in prepare and keep the choice in state: compute then
	 * picks its words without asking. Prepare only. */
	const char *(*language)(chiso_prepare_ctx *ctx);
} chiso_host_api;

/* 1 when the host's table has member (added in a later minor ABI) and
 * it is set: use before calling any member added after 1.0, e.g.
 * CHISO_HOST_HAS(host, unit_info). */
#define CHISO_HOST_HAS(host, member)                                           \
	((host)->struct_size >=                                                \
	         offsetof(chiso_host_api, member) + sizeof((host)->member) &&  \
	 (host)->member != NULL)

/* 1 when the outcome compute fills has member (ABI 1.1: hint). */
#define CHISO_OUTCOME_HAS(out, member)                                         \
	((out)->struct_size >=                                                 \
	 offsetof(chiso_outcome, member) + sizeof((out)->member))

/* prepare: see "Lifecycle" above. */
typedef int (*chiso_prepare_fn)(const chiso_host_api *host,
                                chiso_prepare_ctx *ctx, void **state);
/* compute: see "Lifecycle" above. */
typedef void (*chiso_compute_fn)(const chiso_host_api *host, const void *state,
                                 const chiso_unit *unit, chiso_outcome *out);
/* release: see "Lifecycle" above; state may be NULL. */
typedef void (*chiso_release_fn)(const chiso_host_api *host, void *state);
/* finish (ABI 1.2): see "Lifecycle" above. */
typedef void (*chiso_finish_fn)(const chiso_host_api *host, const void *state,
                                chiso_batch *batch);
/* describe (ABI 1.3): writes how the indicator prepared into state is
 * scored, in words, into buf (size bytes, CHISO_DESCRIBE_MAX; UTF-8,
 * one paragraph, no markup) in language lang ("vi" or "en"; write the
 * other one, or English, when the plugin has one language only).
 * Returns 0, or -1 to let chiso doc print the method and its params. */
typedef int (*chiso_describe_fn)(const chiso_host_api *host, const void *state,
                                 const char *lang, char *buf, size_t size);

/*
 * The descriptor a plugin returns. Starts with magic, abi_version and
 * struct_size; fields are only ever appended.
 */
typedef struct chiso_plugin {
	uint32_t magic;           /* CHISO_PLUGIN_MAGIC */
	uint32_t abi_version;     /* CHISO_ABI_CURRENT when built */
	uint32_t struct_size;     /* sizeof(chiso_plugin) when built */
	const char *name;         /* method name, [a-z0-9_]+, = file name */
	const char *version;      /* the plugin's own version, e.g. "1.2" */
	const char *summary;      /* one line: what the method scores */
	const char *params_doc;   /* the params it takes, one per line, as
	                           "key: meaning"; may be NULL */
	chiso_prepare_fn prepare; /* required */
	chiso_compute_fn compute; /* required */
	chiso_release_fn release; /* optional */
	/* ABI 1.0 ends here; 1.1 added nothing to the descriptor. */
	chiso_finish_fn finish;     /* ABI 1.2, optional: the second phase */
	chiso_describe_fn describe; /* ABI 1.3, optional: the rule in words
	                               for chiso doc */
} chiso_plugin;

/* Size of the 1.3 descriptor: the host reads describe only from a
 * descriptor this big. */
#define CHISO_PLUGIN_SIZE_1_3                                                  \
	(offsetof(chiso_plugin, describe) + sizeof(chiso_describe_fn))

/* Size of the 1.2 descriptor: the host reads finish only from a
 * descriptor this big. */
#define CHISO_PLUGIN_SIZE_1_2                                                  \
	(offsetof(chiso_plugin, finish) + sizeof(chiso_finish_fn))

/* Size of the 1.0 descriptor: the least a host accepts. */
#define CHISO_PLUGIN_SIZE_1_0                                                  \
	(offsetof(chiso_plugin, release) + sizeof(chiso_release_fn))

#if defined(__GNUC__)
#define CHISO_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define CHISO_PLUGIN_EXPORT
#endif

/* The one symbol a plugin exports. */
typedef const chiso_plugin *(*chiso_plugin_entry_fn)(void);
#define CHISO_PLUGIN_ENTRY_SYMBOL "chiso_plugin_entry"

/*
 * Defines the descriptor and the entry function. Arguments are
 * designated initializers of chiso_plugin (.name, .version, .summary,
 * .params_doc, .prepare, .compute, .release, .finish for a method with a
 * second phase, .describe); magic, abi_version and struct_size are
 * filled in.
 *
 * From C++ the same macro works with C++20 designated initializers
 * (g++ -std=c++20, or g++ >= 8's -std=gnu++17 extension), which must
 * come in the order of the struct: name, version, summary, params_doc,
 * prepare, compute, release, finish, describe. The entry is declared
 * extern "C", so that its symbol is chiso_plugin_entry, not a mangled
 * name.
 */
#ifdef __cplusplus
#define CHISO_PLUGIN_ENTRY_LINKAGE extern "C"
#else
#define CHISO_PLUGIN_ENTRY_LINKAGE
#endif
/* g++ (12) warns with -Wextra of every member a designated initializer
 * leaves out, which C allows silently: quiet it for the descriptor. */
#if defined(__cplusplus) && defined(__GNUC__)
#define CHISO_PLUGIN_DIAG_PUSH_                                                \
	_Pragma("GCC diagnostic push") _Pragma(                                \
	        "GCC diagnostic ignored \"-Wmissing-field-initializers\"")
#define CHISO_PLUGIN_DIAG_POP_ _Pragma("GCC diagnostic pop")
#else
#define CHISO_PLUGIN_DIAG_PUSH_
#define CHISO_PLUGIN_DIAG_POP_
#endif

#define CHISO_PLUGIN_DEFINE(...)                                               \
	CHISO_PLUGIN_DIAG_PUSH_                                                \
	static const chiso_plugin chiso_plugin_descriptor_ = {                 \
	        .magic = CHISO_PLUGIN_MAGIC,                                   \
	        .abi_version = CHISO_ABI_CURRENT,                              \
	        .struct_size = (uint32_t)sizeof(chiso_plugin),                 \
	        __VA_ARGS__};                                                  \
	CHISO_PLUGIN_DIAG_POP_                                                 \
	CHISO_PLUGIN_ENTRY_LINKAGE CHISO_PLUGIN_EXPORT const chiso_plugin *    \
	chiso_plugin_entry(void);                                              \
	CHISO_PLUGIN_ENTRY_LINKAGE CHISO_PLUGIN_EXPORT const chiso_plugin *    \
	chiso_plugin_entry(void)                                               \
	{                                                                      \
		return &chiso_plugin_descriptor_;                              \
	}

#ifdef __cplusplus
}
#endif

#endif /* CHISO_PLUGIN_H */
