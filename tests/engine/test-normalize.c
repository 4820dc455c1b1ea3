/* test-normalize.c — names to comparable tokens
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-normalize.h"
#include "clr-test.h"

static char *
norm (const char *text)
{
  return clr_normalizer_normalize (clr_normalizer_get_default (), text, CLR_NORMALIZE_NONE);
}

static void
assert_norm (const char *text,
             const char *expected)
{
  g_autofree char *got = norm (text);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_fold (void)
{
  ClrNormalizer *n = clr_normalizer_get_default ();
  g_autofree char *a = clr_normalizer_fold (n, "Nestlé Société Générale");
  g_autofree char *b = clr_normalizer_fold (n, "ŁÓDŹ Straße ØRSTED");
  g_autofree char *c = clr_normalizer_fold (n, "ＡＢＣ　Ｃｏ．");   /* full-width */
  g_autofree char *d = clr_normalizer_fold (n, "Bad \xff\xfe bytes");

  g_assert_cmpstr (a, ==, "nestle societe generale");
  g_assert_cmpstr (b, ==, "lodz strasse orsted");
  g_assert_cmpstr (c, ==, "abc co.");
  /* Invalid UTF-8 never fails a screening: the valid text survives. */
  g_assert_nonnull (strstr (d, "bad"));
  g_assert_nonnull (strstr (d, "bytes"));
}

static void
test_legal_forms (void)
{
  /* One canonical form whatever the spelling. */
  assert_norm ("Huawei Technologies Co., Ltd.", "huawei tech co ltd");
  assert_norm ("HUAWEI TECHNOLOGIES COMPANY LIMITED", "huawei tech co ltd");
  assert_norm ("Huawei Technologies Co Ltd", "huawei tech co ltd");
  assert_norm ("Huawei Jishu Youxian Gongsi", "huawei tech co ltd");
  assert_norm ("Gazprom Telekom, OOO", "gazprom telecom llc");
  assert_norm ("Gazprom Telekom LLC", "gazprom telecom llc");
  assert_norm ("Obshchestvo s Ogranichennoy Otvetstvennostyu Gazprom Telekom", "llc gazprom telecom");
  assert_norm ("Cemex S.A.B. de C.V.", "cemex jsc");
  assert_norm ("Grupo Bimbo SA de CV", "grp bimbo jsc");
  assert_norm ("Lukoil PJSC", "lukoil jsc");
  assert_norm ("AO Kaspersky Lab", "jsc kaspersky lab");
  assert_norm ("ZAO Gaztelekom", "jsc gaztelekom");
  assert_norm ("Siemens AG", "siemen jsc");  /* plurals fold: the same on both sides */
  assert_norm ("Robert Bosch GmbH", "robert bosch llc");
  assert_norm ("Mahan Travel Sdn Bhd", "mahan travel ltd");
  assert_norm ("Sophgo Technologies Pte. Ltd.", "sophgo tech ltd");
  /* Naser is a spelling of Nasir (given-names.json). */
  assert_norm ("Al Naser FZE", "al nasir fze");
  assert_norm ("Al Naser FZCO", "al nasir fze");
  assert_norm ("Nokia Oyj", "nokia jsc");
  assert_norm ("Leonardo S.p.A.", "leonardo jsc");
  assert_norm ("Comercial Lda", "comercial lda");
}

static void
test_abbreviations (void)
{
  g_autofree char *a = norm ("GUANGZHOU HAIGE COMM GRP");
  g_autofree char *b = norm ("Guangzhou Haige Communications Group");
  g_autofree char *c = norm ("CNOOC ENERGY TECH & SRVCES LTD");
  g_autofree char *d = norm ("CNOOC Energy Technology and Services Limited");
  g_autofree char *e = norm ("LUKOIL OIL COMP");
  g_autofree char *f = norm ("Lukoil Oil Company");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
  g_assert_cmpstr (e, ==, f);
  assert_norm ("Intl Mfg Corp", "intl mfg corp");
  assert_norm ("International Manufacturing Corporation", "intl mfg corp");
  assert_norm ("Harbin Inst. of Tech.", "harbin inst of tech");
  assert_norm ("Northwestern Polytechnical Univ", "northwestern polytechnical univ");
  /* Ordinals and plurals fold; numbers stay. */
  assert_norm ("CETC 29th Research Institute", "cetc 29 res inst");
  assert_norm ("11420 CORP.", "11420 corp");
}

static void
test_scripts (void)
{
  /* Han → pinyin, syllables joined, business words translated. */
  assert_norm ("华为技术有限公司", "huawei tech co ltd");
  assert_norm ("華為技術有限公司", "huawei tech co ltd");
  assert_norm ("大华技术", "dahua tech");
  /* Cyrillic by BGN/PCGN, legal form recognised, quotes dropped. */
  assert_norm ("ООО «Газпром телеком»", "llc gazprom telecom");
  assert_norm ("Дерипаска Олег", "deripaska oleg");
  assert_norm ("Концерн Калашников", "concern kalashnikov");
}

static void
test_tokens (void)
{
  ClrNormalizer *n = clr_normalizer_get_default ();
  g_autofree char *person = clr_normalizer_normalize (n, "DERIPASKA, Oleg Vladimirovich", CLR_NORMALIZE_INDIVIDUAL);
  g_autofree char *company = clr_normalizer_normalize (n, "DERIPASKA, Oleg Vladimirovich", CLR_NORMALIZE_NONE);

  g_assert_cmpstr (person, ==, "oleg vladimirovich deripaska");
  g_assert_cmpstr (company, ==, "deripaska oleg vladimirovich");
  /* Separated initials and apostrophes. */
  assert_norm ("A-B-C Company", "abc co");
  assert_norm ("O'Brien & Sons", "obrien and sons");
  assert_norm ("PAEKSO'L TRADING", "paeksol trdg");
  assert_norm ("", "");
  assert_norm ("   ,.;  ", "");
}

static void
test_classify (void)
{
  ClrNormalizer *n = clr_normalizer_get_default ();

  g_assert_cmpint (clr_normalizer_classify (n, "ltd"), ==, CLR_TOKEN_LEGAL_FORM);
  g_assert_cmpint (clr_normalizer_classify (n, "llc"), ==, CLR_TOKEN_LEGAL_FORM);
  g_assert_cmpint (clr_normalizer_classify (n, "the"), ==, CLR_TOKEN_STOP);
  g_assert_cmpint (clr_normalizer_classify (n, "trdg"), ==, CLR_TOKEN_GENERIC);
  g_assert_cmpint (clr_normalizer_classify (n, "tech"), ==, CLR_TOKEN_GENERIC);
  g_assert_cmpint (clr_normalizer_classify (n, "beijing"), ==, CLR_TOKEN_LOCATION);
  g_assert_cmpint (clr_normalizer_classify (n, "11420"), ==, CLR_TOKEN_NUMBER);
  g_assert_cmpint (clr_normalizer_classify (n, "huawei"), ==, CLR_TOKEN_NORMAL);
  /* Places of every country and their plural-folded forms; ranks and honorifics. */
  g_assert_cmpint (clr_normalizer_classify (n, "yangon"), ==, CLR_TOKEN_LOCATION);
  g_assert_cmpint (clr_normalizer_classify (n, "moskva"), ==, CLR_TOKEN_LOCATION);
  g_assert_cmpint (clr_normalizer_classify (n, "esfahan"), ==, CLR_TOKEN_LOCATION);
  {
    g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (n, "Philippines", CLR_NORMALIZE_NONE, NULL, NULL);
    g_autofree char *hk = clr_normalizer_normalize (n, "New Zealand", CLR_NORMALIZE_NONE);

    g_assert_cmpuint (tokens->len, ==, 1);
    g_assert_cmpint (((ClrNormToken *) tokens->pdata[0])->klass, ==, CLR_TOKEN_LOCATION);
    g_assert_cmpint (clr_normalizer_classify (n, hk), ==, CLR_TOKEN_LOCATION);
  }
  g_assert_cmpint (clr_normalizer_classify (n, "univ"), ==, CLR_TOKEN_GENERIC);
  g_assert_cmpint (clr_normalizer_classify (n, "capt"), ==, CLR_TOKEN_STOP);
  g_assert_cmpint (clr_normalizer_classify (n, "sheikh"), ==, CLR_TOKEN_STOP);
}

static void
test_variants (void)
{
  g_auto(GStrv) smic = clr_normalizer_name_variants ("Semiconductor Manufacturing International Corporation (SMIC)");
  g_auto(GStrv) plain = clr_normalizer_name_variants ("Huawei Technologies Co., Ltd.");
  g_auto(GStrv) unclosed = clr_normalizer_name_variants ("Acme (Holdings");

  g_assert_cmpuint (g_strv_length (smic), ==, 3);
  g_assert_cmpstr (smic[0], ==, "Semiconductor Manufacturing International Corporation");
  g_assert_cmpstr (smic[1], ==, "SMIC");
  g_assert_cmpstr (smic[2], ==, "Semiconductor Manufacturing International Corporation (SMIC)");
  g_assert_cmpuint (g_strv_length (plain), ==, 1);
  g_assert_cmpstr (plain[0], ==, "Huawei Technologies Co., Ltd.");
  g_assert_true (g_strv_contains ((const char * const *) unclosed, "Holdings"));
}

static void
test_name_parts (void)
{
  ClrNormalizer *n = clr_normalizer_get_default ();
  g_auto(GStrv) affiliate = clr_normalizer_name_parts (n, "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Nanchang Huawei Communication Technology");
  g_auto(GStrv) successor = clr_normalizer_name_parts (n, "PMC Wagner; and any successor, sub-unit, or subsidiary thereof");
  g_auto(GStrv) fka = clr_normalizer_name_parts (n, "LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)");
  g_auto(GStrv) plain = clr_normalizer_name_parts (n, "Huawei Technologies Co., Ltd.");

  g_assert_cmpuint (g_strv_length (affiliate), ==, 2);
  g_assert_cmpstr (affiliate[0], ==, "Huawei Technologies Co., Ltd. (Huawei).");
  g_assert_cmpstr (affiliate[1], ==, "Nanchang Huawei Communication Technology");
  g_assert_cmpuint (g_strv_length (successor), ==, 1);
  g_assert_cmpstr (successor[0], ==, "PMC Wagner");
  g_assert_cmpuint (g_strv_length (fka), ==, 2);
  g_assert_cmpstr (fka[0], ==, "LTS Holding Limited (");
  g_assert_cmpstr (fka[1], ==, "IPP-International Petroleum Products Ltd.)");
  g_assert_cmpuint (g_strv_length (plain), ==, 0);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_bad_tables (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clearance-norm-XXXXXX", &error);
  g_autoptr(ClrNormalizer) n = NULL;
  const char *names[] = { "legal-forms.json", "abbreviations.json", "stopwords.json",
                          "generic-words.json", "places.json", "name-parts.json", "given-names.json" };

  g_assert_no_error (error);
  write_file (dir, "legal-forms.json", "{\"forms\": [{\"canonical\": \"co\", \"spellings\": [\"company\", 7]}]}");
  write_file (dir, "abbreviations.json", "{\"words\": {}}");
  write_file (dir, "stopwords.json", "{\"words\": []}");
  write_file (dir, "generic-words.json", "{\"words\": []}");
  write_file (dir, "places.json", "{\"words\": []}");
  write_file (dir, "name-parts.json", "{\"separators\": [\"a.k.a.\"], \"family_separators\": []}");
  write_file (dir, "given-names.json", "{\"names\": {\"yusuf\": [\"yousef\"]}}");

  /* The error names the file and the field. */
  n = clr_normalizer_new_from_dir (dir, &error);
  g_assert_null (n);
  g_assert_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "legal-forms.json"));
  g_assert_nonnull (strstr (error->message, "forms[0].spellings"));
  g_clear_error (&error);

  /* Fixed, the tables load and are used. */
  write_file (dir, "legal-forms.json", "{\"forms\": [{\"canonical\": \"co\", \"spellings\": [\"company\"]}]}");
  n = clr_normalizer_new_from_dir (dir, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = clr_normalizer_normalize (n, "Acme Company", CLR_NORMALIZE_NONE);
    g_assert_cmpstr (text, ==, "acme co");
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/normalize/fold", test_fold),
  CLR_TEST_FUNC ("/normalize/legal-forms", test_legal_forms),
  CLR_TEST_FUNC ("/normalize/abbreviations", test_abbreviations),
  CLR_TEST_FUNC ("/normalize/scripts", test_scripts),
  CLR_TEST_FUNC ("/normalize/tokens", test_tokens),
  CLR_TEST_FUNC ("/normalize/classify", test_classify),
  CLR_TEST_FUNC ("/normalize/variants", test_variants),
  CLR_TEST_FUNC ("/normalize/name-parts", test_name_parts),
  CLR_TEST_FUNC ("/normalize/bad-tables", test_bad_tables),
};

CLR_TEST_MAIN_FUNCS (tests)
