/* test-family.c — list families: the family key of listed names
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "clr-family.h"
#include "clr-test.h"

static char *
key (const char *name)
{
  return clr_family_key (clr_normalizer_get_default (), name);
}

static void
assert_same (const char *a,
             const char *b)
{
  g_autofree char *ka = key (a);
  g_autofree char *kb = key (b);

  if (g_strcmp0 (ka, kb) != 0 || *ka == '\0')
    g_error ("“%s” (%s) and “%s” (%s) should be one family", a, ka, b, kb);
}

static void
assert_different (const char *a,
                  const char *b)
{
  g_autofree char *ka = key (a);
  g_autofree char *kb = key (b);

  if (g_strcmp0 (ka, kb) == 0)
    g_error ("“%s” and “%s” should be different families (both %s)", a, b, ka);
}

/* The entity and its bracketed subsidiaries and branches share a key. */
static void
test_subsidiaries (void)
{
  assert_same ("Huawei Technologies Co., Ltd.", "Huawei Technologies (Yangon) Co., Ltd.,");
  assert_same ("Huawei Technologies Co., Ltd. (Huawei)", "Huawei Technologies (Yangon) Co., Ltd.");
  assert_same ("Huawei Technologies Co., Ltd. (Huawei)", "Huawei Technologies (Bolivia) S.R.L.");
  assert_same ("Huawei Technologies Co., Ltd. (Huawei)", "Huawei Technologies (UK) Co., Ltd.");
  /* a compound name field belongs to its first party's family */
  assert_same ("Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Huawei Marine Networks Co., Ltd.",
               "Huawei Technologies Co., Ltd.");
  /* places and qualifiers of several words, by the normaliser's tables */
  assert_same ("AccoTest Technology Co., Ltd. (Hong Kong)", "AccoTest Technology Company Limited");
  assert_same ("ACM Research (Shanghai), Inc.", "ACM Research Inc");
}

static void
test_different (void)
{
  /* distinctive words outside brackets make another family */
  assert_different ("Huawei Technologies Co., Ltd.", "Huawei Marine Networks Co., Ltd.");
  assert_different ("Huawei Technologies Co., Ltd.", "Beijing Huawei Longshine Information Technology Co., Ltd.");
  assert_different ("Nanjing University", "Nanjing University of Aeronautics and Astronautics");
  /* a bracket of several distinctive words is part of the name */
  assert_different ("Alpha Trading LLC (Blue Ocean Shipping)", "Alpha Trading LLC (Red Sea Freight)");
  {
    g_autofree char *k = key ("Huawei Technologies (Yangon) Co., Ltd.");
    g_autofree char *empty = key ("");

    g_assert_cmpstr (empty, ==, "");
    g_assert_null (strstr (k, "yangon"));
    g_assert_null (strstr (k, "ltd"));
    g_assert_nonnull (strstr (k, "huawei"));
  }
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/family/subsidiaries", test_subsidiaries),
  CLR_TEST_FUNC ("/family/different", test_different),
};

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  CLR_TEST_ADD_FUNCS (tests);
  return g_test_run ();
}
