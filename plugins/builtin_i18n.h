/*
 * builtin_i18n.h - the built-in plugins' words in the run's language
 * (plugin ABI 1.4, host->language). Their Vietnamese is in chiso's own
 * catalog (po/vi.po, text domain PACKAGE), which chiso has bound before
 * it loads a plugin; a third-party plugin ships its own translations
 * (docs/plugin-api.md, "Notes in the run's language").
 *
 *   T_(vi, "text")  the text in Vietnamese when vi is non-zero, else as
 *                   written. vi is the plugin's choice, made once in
 *                   prepare with cpu_is_vi() and kept in its state, so
 *                   compute picks words without a look-up.
 *   TP_("text")     the same in prepare, with host and ctx in scope
 *                   (error messages).
 *   TN_("text")     the text as written, marked for the catalog: the
 *                   descriptor's summary and params_doc, which chiso
 *                   shows in the run's language (chiso plugins, doc).
 *
 * po/Makevars extracts both marks. The strings returned are the
 * catalog's or the literal: valid while the process runs.
 */
#ifndef CHISO_BUILTIN_I18N_H
#define CHISO_BUILTIN_I18N_H

#include "config.h"

#include <chiso/plugin_util.h>

#if ENABLE_NLS
#include <libintl.h>
#define T_(vi, s) ((vi) ? dgettext(PACKAGE, s) : (s))
#else
#define T_(vi, s) ((void)(vi), (s))
#endif
#define TP_(s) T_(cpu_is_vi(host, ctx), s)
#define TN_(s) s

#endif
