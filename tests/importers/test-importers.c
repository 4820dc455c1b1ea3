/* test-importers.c — list-file parsers on our own fixtures
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-importer.h"
#include "test-importers-util.h"

/* ------------------------------------------------------------------------- */

static void
test_format_names (void)
{
  ClrListFormat format;
  const char *names[] = { "csl-csv", "csl-json", "ofac-csv", "ofac-xml", "dpl" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (clr_list_format_from_string (names[i], &format));
      g_assert_cmpstr (clr_list_format_to_string (format), ==, names[i]);
    }
  g_assert_true (clr_list_format_from_string ("auto", &format));
  g_assert_cmpint (format, ==, CLR_LIST_FORMAT_AUTO);
  g_assert_false (clr_list_format_from_string ("xlsx", &format));
}

static void
test_detect (void)
{
  const struct { const char *file; ClrListFormat format; } cases[] = {
    { "csl/consolidated.csv", CLR_LIST_FORMAT_CSL_CSV },
    { "csl/csl-2019.csv", CLR_LIST_FORMAT_CSL_CSV },
    { "csl/consolidated.json", CLR_LIST_FORMAT_CSL_JSON },
    { "csl/uvl-legacy.csv", CLR_LIST_FORMAT_CSL_CSV },
    { "ofac/sdn/sdn.csv", CLR_LIST_FORMAT_OFAC_CSV },
    { "ofac/nonsdn/cons_prim.csv", CLR_LIST_FORMAT_OFAC_CSV },
    { "ofac/xml/sdn.xml", CLR_LIST_FORMAT_OFAC_XML },
    { "dpl/dpl.txt", CLR_LIST_FORMAT_BIS_DPL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      ClrListFormat format = CLR_LIST_FORMAT_AUTO;

      g_assert_true (clr_importer_detect (path, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (clr_list_format_to_string (format), ==,
                       clr_list_format_to_string (cases[i].format));
    }
}

/* ------------------------------------------------------------------------- */

static void
test_csl_csv (void)
{
  g_autofree char *path = fixture ("csl/consolidated.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_CSL_CSV);
  g_assert_cmpstr (info->source, ==, "csl");
  /* 11 data rows: one exact repeat and one repeat that differs only in its
   * URL are skipped. */
  g_assert_cmpuint (info->records, ==, 9);
  g_assert_cmpuint (entries->len, ==, 9);
  g_assert_null (info->publication_date);
  g_assert_cmpuint (strlen (info->sha256), ==, 64);
  assert_sha256_of_file (info->sha256, path);
  g_assert_cmpuint (info->files->len, ==, 1);

  /* Affiliate: the name is kept as published, the affiliate becomes an alias. */
  e = find_entry (entries, "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  "
                           "Huawei Marine Networks Co., Ltd.");
  g_assert_cmpstr (e->list_code, ==, "EL");
  g_assert_cmpstr (e->list_name, ==, "Entity List");
  g_assert_cmpstr (e->agency, ==, "BIS");
  g_assert_cmpstr (e->entry_id, ==, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
  g_assert_null (e->entity_type);
  g_assert_cmpint (e->source_line, ==, 3);
  assert_strv (e->aliases, "Huawei Marine", "HMN Technologies", "HMN Tech",
               "Huawei Marine Networks Co., Ltd.", NULL);
  g_assert_cmpuint (e->addresses->len, ==, 2);
  assert_address (e, 0, "No. 62, Second Ave., TEDA, Tianjin, 300457, CN", "CN");
  assert_strv (e->countries, "CN", NULL);
  g_assert_cmpstr (e->federal_register, ==, "84 FR 22961, 85 FR 51603");
  g_assert_cmpstr (e->license_requirement, ==, "For all items subject to the EAR.");
  g_assert_cmpstr (e->license_policy, ==, "Presumption of denial.");
  g_assert_cmpstr (e->start_date, ==, "2019-05-21");
  g_assert_null (e->end_date);
  g_assert_cmpstr (e->remarks, ==, "Listed with its parent,\nsee the FR notice.");
  g_assert_cmpstr (e->source_url, ==, "http://bit.ly/1L47xrV");

  /* Acronym in parentheses: both the bare name and the acronym are aliases;
   * the impossible date is kept as text with a warning. */
  e = find_entry (entries, "Semiconductor Manufacturing International Corporation (SMIC)");
  assert_strv (e->aliases, "SMIC", "Semiconductor Manufacturing International Corporation", NULL);
  g_assert_cmpstr (e->start_date, ==, "3017-08-22");
  g_assert_cmpuint (e->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (e->warnings, 0), "3017-08-22"));
  assert_warning (info, "consolidated.csv:5:", "3017-08-22");

  /* Trailing city. */
  e = find_entry (entries, "48th Central Scientific Research Institute, Kirov");
  assert_strv (e->aliases, "48th Central Scientific Research Institute", NULL);
  g_assert_cmpstr (e->start_date, ==, "2020-08-27");
  g_assert_cmpstr (e->end_date, ==, "2025-02-30");
  assert_warning (info, "consolidated.csv:6:", "2025-02-30");

  /* OFAC row inside the CSL. */
  e = find_entry (entries, "'ABBAS, Rim");
  g_assert_cmpstr (e->list_code, ==, "SDN");
  g_assert_cmpstr (e->agency, ==, "OFAC");
  g_assert_cmpstr (e->entry_id, ==, "21944");
  g_assert_cmpstr (e->entity_type, ==, "individual");
  g_assert_cmpstr (e->title, ==, "Employee");
  assert_strv (e->aliases, "ABBAS, Reem", "AL-ABBAS, Rim", NULL);
  assert_strv (e->programs, "SDGT", "IRAN", NULL);
  assert_address (e, 0, "Moscow, RU", "RU");
  assert_address (e, 1, "12 Main St, Dubai, , , AE", "AE");
  assert_strv (e->countries, "RU", "AE", "SY", "IQ", NULL);
  assert_strv (e->ids, "SY, 123456, Passport", "Male, Gender", NULL);
  g_assert_cmpstr (e->source_url, ==, "http://bit.ly/1MLgpye");
  assert_warning (info, "consolidated.csv:8:", "repeats the one on line 7");

  /* Same id, same list, only the URL differs: the repeat is skipped. */
  e = find_entry (entries, "BANK OF EXAMPLE");
  g_assert_cmpstr (e->list_code, ==, "CAP");
  g_assert_cmpint (e->source_line, ==, 9);
  assert_warning (info, "consolidated.csv:10:", "repeats the one on line 9");

  /* Leading space of DPL names is not part of the name. */
  e = find_entry (entries, "I. ASH");
  g_assert_cmpstr (e->list_code, ==, "DPL");
  g_assert_cmpstr (e->end_date, ==, "2056-06-29");

  e = find_entry (entries, "China Telecom Corporation Limited");
  g_assert_cmpstr (e->list_code, ==, "NS-CMIC");

  /* A list the table does not know keeps the code the source states. */
  e = find_entry (entries, "Example Party");
  g_assert_cmpstr (e->list_code, ==, "EWL");
  g_assert_cmpstr (e->list_name, ==, "Example Watch List");
  g_assert_cmpstr (e->agency, ==, "Commerce Department");
  assert_warning (info, "consolidated.csv:13:", "EWL");

  /* Windows-1252 byte 0x96 (en dash) in a UTF-8 file. */
  e = find_entry (entries, "Caf\u2013 Trading");
  g_assert_cmpstr (e->list_code, ==, "UVL");
  assert_address (e, 0, "Komitas 26/114, Yerevan, Armenia, AM", "AM");
  assert_warning (info, "consolidated.csv:14:", "Windows-1252");

  assert_warning (info, "consolidated.csv:2:", "repeated header");
  /* Names as published: 9 primary names + 3 + 2 + 2 alt_names. */
  g_assert_cmpuint (info->names, ==, 16);
}

/* A place in parentheses is not a name: no alias "Hong Kong" (which would
 * match every "… (Hong Kong) Limited"), and no alias of the name without it
 * (the parent's name, not this entry's). */
static void
test_csl_qualifier_aliases (void)
{
  g_autofree char *path = fixture ("csl/qualifier-aliases.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpuint (entries->len, ==, 2);
  e = find_entry (entries, "AccoTest Technology Co., Ltd. (Hong Kong)");
  g_assert_cmpuint (e->aliases->len, ==, 0);
  e = find_entry (entries, "ACM Research (Shanghai)");
  g_assert_cmpuint (e->aliases->len, ==, 0);
}

static void
test_csl_csv_2019 (void)
{
  g_autofree char *path = fixture ("csl/csl-2019.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_CSL_CSV, info);
  ClrEntry *e;

  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpuint (info->warnings->len, ==, 0);

  e = find_entry (entries, "ADRIAN MANUEL HERNANDEZ");
  g_assert_null (e->entry_id);
  g_assert_cmpstr (e->list_code, ==, "DPL");
  g_assert_cmpint (e->source_line, ==, 2);
  /* No ISO code at the end: the address has no country. */
  assert_address (e, 0, "3037 S. 69TH DRIVE, PHONEIX, AZ, 85043", NULL);

  e = find_entry (entries, "18th Central Scientific Research Institute (18th TsNII) (Kursk)");
  g_assert_cmpstr (e->list_code, ==, "ISN");
  g_assert_cmpstr (e->agency, ==, "State");
  g_assert_null (e->entry_id);

  /* The last record has no final newline. */
  e = find_entry (entries, "200G PSA HOLDINGS LLC");
  g_assert_cmpstr (e->entity_type, ==, "entity");
  /* No "_id" column: an OFAC row is keyed by its entity number (ent_num). */
  g_assert_cmpstr (e->entry_id, ==, "20264");
  assert_strv (e->ids, "US, 80-0890696, Tax ID No.", NULL);
  g_assert_cmpint (e->source_line, ==, 4);
}

/* A UTF-8 byte-order mark does not hide the first column. */
static void
test_csl_bom (void)
{
  g_autofree char *path = fixture ("csl/bom.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpuint (entries->len, ==, 1);
  e = find_entry (entries, "Example BOM Co., Ltd.");
  g_assert_cmpstr (e->entry_id, ==, "42");
  g_assert_cmpstr (e->list_code, ==, "EL");
  assert_strv (e->aliases, "EBC", NULL);
  assert_sha256_of_file (info->sha256, path);
}

/* The older BIS per-list layout (COUNTRY,NAME,ADDRESS; one row per name and
 * address, fewer columns on some rows, a Windows-1252 byte). */
static void
test_uvl_legacy (void)
{
  g_autofree char *path = fixture ("csl/uvl-legacy.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_CSL_CSV);
  g_assert_cmpstr (info->source, ==, "bis-uvl");
  g_assert_cmpuint (entries->len, ==, 4);

  e = find_entry (entries, "Example Plant Co.");
  g_assert_cmpstr (e->list_code, ==, "UVL");
  g_assert_null (e->entry_id);
  assert_address (e, 0, "Room 1, Building A, Beijing, China", "CN");

  /* Two rows, one party; an address that already names the country. */
  e = find_entry (entries, "Brilliance Example Ltd");
  g_assert_cmpuint (e->addresses->len, ==, 2);
  assert_address (e, 1, "Rm 1203, 38 Pitt Street, Yau Ma Tei, Hong Kong", "HK");

  e = find_entry (entries, "Training Example Academy");
  assert_strv (e->aliases, "TEA", "Academy of Examples", NULL);
  assert_address (e, 0, "Street 20, Moscow, Russia", "RU");

  e = find_entry (entries, "Advent Example Limited");
  assert_address (e, 0, "Room 1303, 53\u201359 Wuhu Street, Kowloon, Hong Kong", "HK");
  assert_warning (info, "uvl-legacy.csv:6:", "Windows-1252");
}

static void
test_csl_json (void)
{
  g_autofree char *path = fixture ("csl/consolidated.json");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_CSL_JSON);
  g_assert_cmpstr (info->source, ==, "csl");
  g_assert_cmpuint (entries->len, ==, 2);
  assert_sha256_of_file (info->sha256, path);

  e = find_entry (entries, "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  "
                           "Huawei Marine Networks Co., Ltd.");
  g_assert_cmpstr (e->entry_id, ==, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
  g_assert_cmpstr (e->list_code, ==, "EL");
  assert_strv (e->aliases, "Huawei Marine", "HMN Technologies", "Huawei Marine Networks Co., Ltd.", NULL);
  assert_address (e, 0, "No. 62, Second Ave., TEDA, Tianjin, 300457, CN", "CN");
  g_assert_cmpstr (e->remarks, ==, "Line one \"quoted\" {braces} [brackets]\nline two");
  g_assert_null (e->end_date);
  g_assert_cmpint (e->source_line, ==, 9);

  e = find_entry (entries, "'ABBAS, Rim");
  g_assert_cmpstr (e->entry_id, ==, "21944");
  g_assert_cmpstr (e->entity_type, ==, "individual");
  assert_strv (e->programs, "SDGT", "IRAN", NULL);
  assert_strv (e->countries, "RU", "SY", "IQ", NULL);
  assert_strv (e->ids, "Passport, 123456, SY", NULL);
  g_assert_cmpstr (e->start_date, ==, "2025-02-30");
  g_assert_cmpuint (e->warnings->len, ==, 1);
  assert_warning (info, "consolidated.json:", "2025-02-30");
  g_assert_cmpuint (info->names, ==, 6);
}

/* ------------------------------------------------------------------------- */

static void
test_ofac_csv_sdn (void)
{
  g_autofree char *path = fixture ("ofac/sdn/sdn.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  g_autoptr(GChecksum) set = g_checksum_new (G_CHECKSUM_SHA256);
  const char *files[] = { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" };
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_OFAC_CSV);
  g_assert_cmpstr (info->source, ==, "ofac-sdn");
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpuint (info->files->len, ==, 4);

  /* The set's hash is over the files' hashes in a fixed order. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_build_filename ("ofac", "sdn", files[i], NULL);
      g_autofree char *file = fixture (name);
      g_autofree char *hash = sha256_of_file (file);

      g_assert_true (g_str_has_suffix (g_ptr_array_index (info->files, i), files[i]));
      g_checksum_update (set, (const guchar *) hash, -1);
    }
  g_assert_cmpstr (info->sha256, ==, g_checksum_get_string (set));

  e = find_entry (entries, "BANCO NACIONAL DE CUBA");
  g_assert_cmpstr (e->list_code, ==, "SDN");
  g_assert_cmpstr (e->agency, ==, "OFAC");
  g_assert_cmpstr (e->entry_id, ==, "306");
  g_assert_cmpstr (e->entity_type, ==, "entity");
  g_assert_null (e->title);   /* "-0- " is no value */
  assert_strv (e->aliases, "NATIONAL BANK OF CUBA", "BNC", NULL);
  assert_address (e, 0, "Zweierstrasse 35, Zurich CH-8022, Switzerland", "CH");
  assert_address (e, 1, "Avenida de Concha Espina 8, Madrid E-28036, Spain", "ES");
  g_assert_cmpstr (e->remarks, ==, "a.k.a. 'BNC'.");

  e = find_entry (entries, "HAMAS");
  assert_strv (e->programs, "SDGT", "FTO", "SDT", NULL);
  assert_strv (e->aliases, "HAMAS MOVEMENT", "HARAKAT AL-MUQAWAMA AL-ISLAMIYA",
               "ISLAMIC RESISTANCE MOVEMENT", "STUDENTS OF AYYASH", NULL);
  assert_address (e, 0, "Gaza, Region: Gaza", "PS");

  /* Remarks continued in sdn_comments.csv, with an alias in the continuation;
   * nationality and citizenship from the remarks. */
  e = find_entry (entries, "AL-'ABD, Yusuf");
  g_assert_cmpstr (e->entity_type, ==, "individual");
  g_assert_cmpstr (e->title, ==, "Commander");
  g_assert_true (g_str_has_suffix (e->remarks, "cut at the field limit; a.k.a. 'ABU YUSUF'."));
  assert_strv (e->aliases, "AL-ABD, Yousef", "ABU YUSUF", NULL);
  assert_strv (e->countries, "SY", "IQ", NULL);

  e = find_entry (entries, "ATLANTIC STAR");
  g_assert_cmpstr (e->entity_type, ==, "vessel");
  assert_strv (e->ids, "Call Sign, ELVQ8", NULL);
  g_assert_cmpuint (e->addresses->len, ==, 0);

  /* add.csv row 8000 has no sdn.csv row. */
  assert_warning (info, "add.csv:5:", "1 row refers to an ent_num");
  /* 4 primary names + 3 alt.csv rows. */
  g_assert_cmpuint (info->names, ==, 7);
}

static void
test_ofac_csv_nonsdn (void)
{
  g_autofree char *path = fixture ("ofac/nonsdn/cons_prim.csv");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_OFAC_CSV, info);
  ClrEntry *e;

  g_assert_cmpstr (info->source, ==, "ofac-nonsdn");
  g_assert_cmpuint (entries->len, ==, 3);
  /* cons_comments.csv is empty, but part of the set. */
  g_assert_cmpuint (info->files->len, ==, 4);
  g_assert_cmpuint (info->warnings->len, ==, 0);

  e = find_entry (entries, "ZAHHAR, Mahmoud Khaled");
  g_assert_cmpstr (e->list_code, ==, "PLC");
  assert_strv (e->aliases, "ZAHAR, Mahmoud", NULL);
  assert_strv (e->countries, "PS", NULL);

  e = find_entry (entries, "VTB BANK PUBLIC JOINT STOCK COMPANY");
  g_assert_cmpstr (e->list_code, ==, "SSI");
  assert_address (e, 0, "29, Bolshaya Morskaya str., St. Petersburg 190000, Russia", "RU");

  e = find_entry (entries, "HUAWEI TECHNOLOGIES CO., LTD.");
  g_assert_cmpstr (e->list_code, ==, "NS-CMIC");
  g_assert_null (e->remarks);
  assert_strv (e->aliases, "HUAWEI", NULL);
  assert_strv (e->countries, "CN", NULL);
}

static void
test_ofac_xml (void)
{
  g_autofree char *path = fixture ("ofac/xml/sdn.xml");
  g_autofree char *cons = fixture ("ofac/xml/consolidated.xml");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(ClrImportInfo) cons_info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  g_autoptr(GPtrArray) cons_entries = import_ok (cons, CLR_LIST_FORMAT_AUTO, cons_info);
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_OFAC_XML);
  g_assert_cmpstr (info->source, ==, "ofac-sdn");
  g_assert_cmpstr (info->publication_date, ==, "2014-07-16");
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (info->warnings->len, ==, 0);
  assert_sha256_of_file (info->sha256, path);

  e = find_entry (entries, "BANCO NACIONAL DE CUBA");
  g_assert_cmpstr (e->entry_id, ==, "306");
  g_assert_cmpstr (e->list_code, ==, "SDN");
  g_assert_cmpstr (e->entity_type, ==, "entity");
  assert_strv (e->aliases, "BNC", NULL);
  assert_address (e, 0, "Federico Boyd Avenue & 51 Street, Panama City, Panama", "PA");
  g_assert_cmpint (e->source_line, ==, 7);

  e = find_entry (entries, "JIM'ALE, Ahmed Nur Ali");
  g_assert_cmpstr (e->entity_type, ==, "individual");
  assert_strv (e->programs, "SDGT", "SOMALIA", NULL);
  assert_strv (e->aliases, "JUMALI, Ahmed Ali", "SHEIKH AHMED", NULL);
  assert_strv (e->ids, "Passport, A0181988, Somalia", NULL);
  assert_strv (e->countries, "SO", "DJ", NULL);

  g_assert_cmpstr (cons_info->source, ==, "ofac-nonsdn");
  g_assert_cmpstr (cons_info->publication_date, ==, "2018-04-06");
  e = find_entry (cons_entries, "HANIYA, Ismail Abdul Salah");
  g_assert_cmpstr (e->list_code, ==, "PLC");
}

static void
test_dpl (void)
{
  g_autofree char *path = fixture ("dpl/dpl.txt");
  g_autoptr(ClrImportInfo) info = clr_import_info_new ();
  g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
  ClrEntry *e;

  g_assert_cmpint (info->format, ==, CLR_LIST_FORMAT_BIS_DPL);
  g_assert_cmpstr (info->source, ==, "bis-dpl");
  /* Last_Update is not a publication date. */
  g_assert_null (info->publication_date);
  /* 5 rows, 3 parties: rows of one party are merged, even when apart. */
  g_assert_cmpuint (entries->len, ==, 3);
  assert_sha256_of_file (info->sha256, path);

  e = find_entry (entries, "I. ASH");
  g_assert_cmpstr (e->list_code, ==, "DPL");
  g_assert_cmpstr (e->agency, ==, "BIS");
  g_assert_null (e->entry_id);
  g_assert_cmpstr (e->start_date, ==, "2003-06-19");
  g_assert_cmpstr (e->end_date, ==, "2056-06-29");
  g_assert_cmpuint (e->addresses->len, ==, 2);
  assert_address (e, 0, "FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US", "US");
  assert_address (e, 1, "605 TRAIL LAKE DRIVE, RICHARDSON, TX, 75081, US", "US");
  g_assert_cmpstr (e->federal_register, ==, "68 F.R. 38290 6/27/03; 67 F.R. 56530 9/4/02");

  e = find_entry (entries, "ABC TRADING LTD");
  g_assert_cmpuint (e->addresses->len, ==, 2);
  assert_strv (e->countries, "HK", "CN", NULL);
  g_assert_cmpstr (e->start_date, ==, "2018-03-01");
  g_assert_cmpuint (e->warnings->len, ==, 1);
  assert_warning (info, "dpl.txt:4:", "3017-08-22");

  e = find_entry (entries, "AARON ABRAHAM VILLA");
  assert_address (e, 0, "3415 RIVERA AVENUE, EL PASO, TX, 79905", NULL);
}

/* The same file through a stream (no path: DPL groups in memory, OFAC reads
 * no siblings) gives the same entries. */
static void
test_stream (void)
{
  const char *files[] = { "dpl/dpl.txt", "csl/consolidated.json", "ofac/xml/sdn.xml", "csl/consolidated.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture (files[i]);
      g_autoptr(ClrImportInfo) info = clr_import_info_new ();
      g_autoptr(ClrImportInfo) stream_info = clr_import_info_new ();
      g_autoptr(GPtrArray) entries = import_ok (path, CLR_LIST_FORMAT_AUTO, info);
      g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_entry_unref);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));

      g_assert_no_error (error);
      g_assert_true (clr_importer_run_stream (stream, files[i], CLR_LIST_FORMAT_AUTO,
                                              collect_entry, streamed, stream_info, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (stream_info->sha256, ==, info->sha256);
      g_assert_cmpuint (streamed->len, ==, entries->len);
      /* Same entries; a streamed DPL comes out in first-row order. */
      assert_same_entries (entries, streamed);
    }
}

/* ------------------------------------------------------------------------- */

typedef struct
{
  guint64 last_done;
  guint64 last_total;
  guint   calls;
  gboolean monotonic;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  if (done < p->last_done)
    p->monotonic = FALSE;
  p->last_done = done;
  p->last_total = total;
  p->calls++;
}

static void
test_progress (void)
{
  g_autofree char *path = fixture ("csl/consolidated.csv");
  g_autoptr(GError) error = NULL;
  Progress p = { 0, 0, 0, TRUE };
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (clr_importer_run (path, CLR_LIST_FORMAT_AUTO, NULL, NULL, on_progress, &p,
                                   NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, >, 0);
  g_assert_true (p.monotonic);
  g_assert_cmpuint (p.last_done, ==, (guint64) st.st_size);
  g_assert_cmpuint (p.last_total, ==, (guint64) st.st_size);
}

static gboolean
cancel_after_first (ClrEntry  *entry,
                    gpointer   user_data,
                    GError   **error)
{
  g_cancellable_cancel (user_data);
  return TRUE;
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = clr_test_tmpdir ("clearance-importers");
  GString *big = g_string_new ("\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t"
                               "\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t"
                               "\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n");

  /* Enough rows to span several read buffers. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (big, "\"PARTY %u\"\t\"%u MAIN STREET\"\t\"TOWN\"\t\"\"\t\"US\"\t\"\"\t"
                                 "\"01/01/2020\"\t\"01/01/2030\"\t\"Y\"\t\"2020-01-02\"\t\"ADDED\"\t\"85 FR %u\"\n",
                            i, i, i);
  path = g_build_filename (dir, "dpl.txt", NULL);
  g_assert_true (g_file_set_contents (path, big->str, (gssize) big->len, NULL));
  g_string_free (big, TRUE);

  g_assert_false (clr_importer_run (path, CLR_LIST_FORMAT_BIS_DPL, cancel_after_first, cancellable,
                                    NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  clr_test_rmtree (dir);
}

static gboolean
refuse (ClrEntry  *entry,
        gpointer   user_data,
        GError   **error)
{
  guint *count = user_data;

  if (++(*count) < 2)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

static void
test_callback_error (void)
{
  g_autofree char *path = fixture ("ofac/sdn/sdn.csv");
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_false (clr_importer_run (path, CLR_LIST_FORMAT_AUTO, refuse, &count, NULL, NULL,
                                    NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (count, ==, 2);
}

/* ------------------------------------------------------------------------- */

typedef struct
{
  const char    *file;
  ClrListFormat  format;
  gint           code;
  const char    *where;    /* "file:line:" that must start the message */
  const char    *reason;   /* a word of the reason */
} ErrorCase;

static void
test_errors (void)
{
  const ErrorCase cases[] = {
    { "csl-truncated.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "csl-truncated.csv:5:", "truncated" },
    { "csl-columns.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "csl-columns.csv:3:", "6 fields" },
    { "csl-duplicate-id.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "csl-duplicate-id.csv:3:", "line 2" },
    { "csl-no-source.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "csl-no-source.csv:2:", "source" },
    { "csl-header-only.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "csl-header-only.csv:", "no entries" },
    { "empty.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "empty.csv:", "empty" },
    { "blank.txt", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "blank.txt:", "empty" },
    { "empty.csv", CLR_LIST_FORMAT_CSL_CSV, CLR_ENGINE_ERROR_PARSE, "empty.csv:", "empty" },
    { "empty.csv", CLR_LIST_FORMAT_BIS_DPL, CLR_ENGINE_ERROR_PARSE, "empty.csv:", "empty" },
    { "unknown.txt", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_UNSUPPORTED, "unknown.txt:1:", "unrecognised" },
    { "unknown.txt", CLR_LIST_FORMAT_CSL_CSV, CLR_ENGINE_ERROR_UNSUPPORTED, "unknown.txt:1:", "source" },
    { "json-truncated.json", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "json-truncated.json:3:", "truncated" },
    { "json-no-results.json", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_UNSUPPORTED, "json-no-results.json:", "results" },
    { "json-bad-record.json", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "json-bad-record.json:3:", "JSON" },
    { "xml-broken.xml", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "xml-broken.xml:9:", "XML" },
    { "xml-wrong-root.xml", CLR_LIST_FORMAT_OFAC_XML, CLR_ENGINE_ERROR_UNSUPPORTED, "xml-wrong-root.xml:2:", "sdnList" },
    { "xml-truncated.xml", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "xml-truncated.xml:", "XML" },
    { "dpl-columns.txt", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "dpl-columns.txt:3:", "11 fields" },
    { "dpl-truncated.txt", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "dpl-truncated.txt:3:", "truncated" },
    { "sdn-columns.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "sdn-columns.csv:2:", "3 fields" },
    { "sdn-entnum.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "sdn-entnum.csv:2:", "ent_num" },
    { "sdn-after-eof.csv", CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "sdn-after-eof.csv:2:", "0x1A" },
    /* A forced format that does not fit the file. */
    { "sdn-entnum.csv", CLR_LIST_FORMAT_OFAC_XML, CLR_ENGINE_ERROR_PARSE, "sdn-entnum.csv:1:", "XML" },
    { "csl-columns.csv", CLR_LIST_FORMAT_CSL_JSON, CLR_ENGINE_ERROR_PARSE, "csl-columns.csv:1:", "expected" },
    { "csl-columns.csv", CLR_LIST_FORMAT_BIS_DPL, CLR_ENGINE_ERROR_UNSUPPORTED, "csl-columns.csv:1:", "Name" },
    { "csl-columns.csv", CLR_LIST_FORMAT_OFAC_CSV, CLR_ENGINE_ERROR_PARSE, "csl-columns.csv:1:", "fields" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_build_filename ("errors", cases[i].file, NULL);
      g_autofree char *path = fixture (name);

      g_test_message ("%s as %s", cases[i].file,
                      clr_list_format_to_string (cases[i].format) ?: "auto");
      assert_import_error (path, cases[i].format, cases[i].code, cases[i].where, cases[i].reason);
    }
}

/* Names longer than 4096 bytes are rejected, naming the line; a 64 KiB name
 * is no problem for memory either. */
static void
test_long_names (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-importers");
  const gsize sizes[] = { 4097, 64 * 1024 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *csv = g_build_filename (dir, "long.csv", NULL);
      g_autofree char *dpl = g_build_filename (dir, "dpl.txt", NULL);
      g_autofree char *sdn = g_build_filename (dir, "sdn.csv", NULL);
      g_autofree char *name = g_strnfill (sizes[i], 'A');
      g_autofree char *csv_text = g_strdup_printf (
          "source,entity_number,name\n"
          "Entity List (EL) - Bureau of Industry and Security,,Short Name\n"
          "Entity List (EL) - Bureau of Industry and Security,,%s\n", name);
      g_autofree char *dpl_text = g_strdup_printf (
          "\"Name\"\t\"Street_Address\"\n\"%s\"\t\"x\"\n", name);
      g_autofree char *sdn_text = g_strdup_printf (
          "1,\"OK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
          "2,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. '%s'\"\r\n", name);

      g_assert_true (g_file_set_contents (csv, csv_text, -1, NULL));
      g_assert_true (g_file_set_contents (dpl, dpl_text, -1, NULL));
      g_assert_true (g_file_set_contents (sdn, sdn_text, -1, NULL));
      assert_import_error (csv, CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "long.csv:3:", "4096");
      assert_import_error (dpl, CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "dpl.txt:2:", "4096");
      assert_import_error (sdn, CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_PARSE, "sdn.csv:2:", "alias");
    }

  clr_test_rmtree (dir);
}

static void
test_binary_junk (void)
{
  g_autofree char *dir = clr_test_tmpdir ("clearance-importers");
  g_autofree char *path = g_build_filename (dir, "junk.csv", NULL);
  g_autofree char *gz = g_build_filename (dir, "consolidated.csv.gz", NULL);
  guint8 junk[4096];
  const guint8 gzip_header[] = { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03 };

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) ((i * 7919u + 13u) % 251u);
  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));
  assert_import_error (path, CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_UNSUPPORTED, "junk.csv:", "binary");
  /* Forcing a format does not make junk importable. */
  assert_import_error (path, CLR_LIST_FORMAT_OFAC_CSV, CLR_ENGINE_ERROR_PARSE, "junk.csv:", "");

  g_assert_true (g_file_set_contents (gz, (const char *) gzip_header, sizeof gzip_header, NULL));
  assert_import_error (gz, CLR_LIST_FORMAT_AUTO, CLR_ENGINE_ERROR_UNSUPPORTED,
                       "consolidated.csv.gz:", "compressed");

  clr_test_rmtree (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (clr_importer_run ("/nonexistent/sdn.csv", CLR_LIST_FORMAT_AUTO, NULL, NULL,
                                    NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/sdn.csv"));
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/importers/format-names", test_format_names),
  CLR_TEST_FUNC ("/importers/detect", test_detect),
  CLR_TEST_FUNC ("/importers/csl-csv", test_csl_csv),
  CLR_TEST_FUNC ("/importers/csl-csv-2019", test_csl_csv_2019),
  CLR_TEST_FUNC ("/importers/csl-qualifier-aliases", test_csl_qualifier_aliases),
  CLR_TEST_FUNC ("/importers/csl-bom", test_csl_bom),
  CLR_TEST_FUNC ("/importers/uvl-legacy", test_uvl_legacy),
  CLR_TEST_FUNC ("/importers/csl-json", test_csl_json),
  CLR_TEST_FUNC ("/importers/ofac-csv-sdn", test_ofac_csv_sdn),
  CLR_TEST_FUNC ("/importers/ofac-csv-nonsdn", test_ofac_csv_nonsdn),
  CLR_TEST_FUNC ("/importers/ofac-xml", test_ofac_xml),
  CLR_TEST_FUNC ("/importers/dpl", test_dpl),
  CLR_TEST_FUNC ("/importers/stream", test_stream),
  CLR_TEST_FUNC ("/importers/progress", test_progress),
  CLR_TEST_FUNC ("/importers/cancel", test_cancel),
  CLR_TEST_FUNC ("/importers/callback-error", test_callback_error),
  CLR_TEST_FUNC ("/importers/errors", test_errors),
  CLR_TEST_FUNC ("/importers/long-names", test_long_names),
  CLR_TEST_FUNC ("/importers/binary-junk", test_binary_junk),
  CLR_TEST_FUNC ("/importers/missing-file", test_missing_file),
};

CLR_TEST_MAIN_FUNCS (tests)
