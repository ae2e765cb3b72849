/* rst-manuscript.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-analysis.h"
#include "rst-writing.h"

G_BEGIN_DECLS

/* What a paragraph is for the page: every exporter maps these to its own
 * named styles ("Rostrum Heading", "Rostrum Body", …).
 */
typedef enum
{
  RST_BLOCK_HEADING,
  RST_BLOCK_DELIVERY_MARK,
  RST_BLOCK_SALUTATION,
  RST_BLOCK_BODY,
  RST_BLOCK_CLOSING,
} RstBlockKind;

typedef enum
{
  RST_RUN_PLAIN       = 0,
  RST_RUN_BOLD        = 1 << 0,
  RST_RUN_ITALIC      = 1 << 1,
  /* An unfilled template slot; the run text keeps its "{{…}}". */
  RST_RUN_PLACEHOLDER = 1 << 2,
  /* The ordinal marker of a priority ("First", "2."): the reading copy
   * sets it in bold so that the speaker sees the structure.
   */
  RST_RUN_ORDINAL     = 1 << 3,
} RstRunFlags;

/* A stretch of a block's text with the same flags; byte offsets into
 * RstBlock.text, end exclusive. The runs of a block cover its text.
 */
typedef struct
{
  guint       start;
  guint       end;
  RstRunFlags flags;
} RstRun;

/* One paragraph of the statement body with the Markdown markup resolved:
 * text without "**"/"*", white space collapsed to single spaces; only a
 * heading keeps its line breaks as '\n'.
 */
typedef struct
{
  RstBlockKind  kind;
  char         *text;
  RstRun       *runs;
  guint         n_runs;
  /* The paragraph's byte range in rst_analysis_get_text(). */
  gsize         source_start;
  gsize         source_end;
} RstBlock;

/* Page settings in PostScript points (1/72 in). */
typedef struct
{
  double  width;
  double  height;
  double  margin_top;
  double  margin_right;
  double  margin_bottom;
  double  margin_left;
  /* The council profile's face: the one of Latin text, in every format. */
  char   *font;
  /* What the PDF and the reading copy set the statement in, best first:
   * the council's face and the language's ones, in the order the
   * language needs them (see rst_manuscript_new()).
   */
  char  **families;
  /* The language's own face where office formats give it a slot of its
   * own (DOCX w:eastAsia and w:cs, ODT style:font-name-asian and
   * -complex); NULL for a western language.
   */
  char   *script_font;
  double  font_size;
  double  line_spacing;
} RstPageSetup;

/* A statement prepared for the exporters: its body as styled blocks, the
 * page settings of the council and the document details every format
 * carries. Built once, read by the layout and the DOCX/ODT/text writers.
 */
typedef struct
{
  RstPageSetup  page;
  GPtrArray    *blocks;         /* RstBlock*, in reading order */
  char         *title;
  char         *author;         /* the delegation, or NULL */
  char         *subject;        /* council and session, or NULL */
  char         *language;       /* BCP 47, "en" when unknown */
  char         *delegation;     /* or NULL */
  /* The delivery mark of the details, else of the council profile in the
   * statement's language, else the language's own, when the body has
   * none; NULL then or when the details switch it off.
   */
  char         *delivery_mark;
  /* "Council of IOM · 114th Session · General debate · 28 November 2023",
   * in the statement's language, or NULL when the details say none of it.
   */
  char         *session_line;
  /* The rules of the statement's language: sentence ends, ordinals. */
  const RstRules *rules;
  /* How the statement's language is written: direction, locale, faces. */
  const RstWriting *writing;
  /* When the document was made, for its metadata: SOURCE_DATE_EPOCH
   * when the build asks for one, else the statement's date, else NULL.
   * Never the time of the export, so that exporting twice gives the
   * same bytes.
   */
  GDateTime    *created;
} RstManuscript;

RstManuscript  *rst_manuscript_new                   (RstAnalysis         *analysis);
void            rst_manuscript_free                  (RstManuscript       *self);
char           *rst_manuscript_dup_placeholder_label (const RstBlock      *block,
                                                      const RstRun        *run);
const char     *rst_block_kind_get_style_name        (RstBlockKind         kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstManuscript, rst_manuscript_free)

/* The named character style a run takes in DOCX and ODT, or NULL. */
const char    *rst_run_flags_get_style_name (RstRunFlags flags);

G_END_DECLS
