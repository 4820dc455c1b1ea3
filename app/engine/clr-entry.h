/* clr-entry.h — one record of a restricted-party list, as published
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;     /* the address as published, country included */
  char *country;  /* ISO 3166-1 alpha-2, upper case, or NULL when unknown */
} ClrAddress;

/* ClrEntry is a plain reference-counted record (a boxed type), shared by the
 * importers (which produce it), the store (which persists it as JSON) and the
 * matcher (which indexes its names). Every string is UTF-8 or NULL; every
 * GPtrArray owns its elements and is never NULL. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  char      *list_code;            /* short code: "EL", "SDN", "DPL", "UVL", "MEU", "NS-CMIC" … */
  char      *list_name;            /* full name as the source spells it */
  char      *agency;               /* "BIS", "OFAC", "State", or the custom source's owner */
  char      *entry_id;             /* CSL _id, OFAC ent_num, or a stable key derived from content */
  char      *entity_type;          /* "entity", "individual", "vessel", "aircraft", or NULL */
  char      *name;                 /* primary name as published */
  char      *title;
  GPtrArray *aliases;              /* char *: every other name (a.k.a., f.k.a., n.k.a.) */
  GPtrArray *addresses;            /* ClrAddress * */
  GPtrArray *countries;            /* char *: distinct ISO-2 codes of addresses, nationalities … */
  GPtrArray *programs;             /* char * */
  GPtrArray *ids;                  /* char *: "type, number, country" */
  char      *federal_register;     /* Federal Register citation(s) */
  char      *license_requirement;  /* Entity List / MEU: as published */
  char      *license_policy;       /* Entity List / MEU: as published */
  char      *start_date;           /* YYYY-MM-DD when valid, else the text as published */
  char      *end_date;
  char      *source_url;           /* the list's or entry's official URL */
  char      *remarks;
  GPtrArray *warnings;             /* char *: data problems found while importing this entry */
  gint64     source_line;          /* line (or record number) in the file it came from; 0 if unknown */
} ClrEntry;

#define CLR_TYPE_ENTRY (clr_entry_get_type ())

GType       clr_entry_get_type      (void) G_GNUC_CONST;
ClrEntry   *clr_entry_new           (void);
ClrEntry   *clr_entry_ref           (ClrEntry    *self);
void        clr_entry_unref         (ClrEntry    *self);

void        clr_entry_add_alias     (ClrEntry    *self,
                                     const char  *alias);
void        clr_entry_add_address   (ClrEntry    *self,
                                     const char  *text,
                                     const char  *country);
void        clr_entry_add_country   (ClrEntry    *self,
                                     const char  *country);
void        clr_entry_add_program   (ClrEntry    *self,
                                     const char  *program);
void        clr_entry_add_id        (ClrEntry    *self,
                                     const char  *id);
void        clr_entry_add_warning   (ClrEntry    *self,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (2, 3);

/* The key that identifies an entry across versions of its source: the entry id
 * when the source publishes one, else list code + normalised primary name. */
char       *clr_entry_dup_key       (const ClrEntry *self);
/* The entry id as a hit and a review item name it: the published id, else
 * clr_entry_dup_key(). */
char       *clr_entry_dup_hit_key   (const ClrEntry *self);
/* SHA-256 (hex) over every published field, in a canonical order: two entries
 * with the same hash say exactly the same thing. */
char       *clr_entry_content_hash  (const ClrEntry *self);
/* Names of the fields that differ between two versions of an entry
 * ("name", "aliases", "addresses", …), NULL-terminated; never NULL. */
GStrv       clr_entry_diff_fields   (const ClrEntry *a,
                                     const ClrEntry *b);

JsonNode   *clr_entry_to_json       (const ClrEntry *self);
ClrEntry   *clr_entry_from_json     (JsonNode       *node,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrEntry, clr_entry_unref)

G_END_DECLS
