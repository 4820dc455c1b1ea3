/* test-csv-out.c — CSV cells: RFC 4180 quoting and OWASP neutralising
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-csv-out.h"
#include "clr-test.h"

static char *
text_cell (const char *value)
{
  GString *out = g_string_new (NULL);

  clr_csv_append_text (out, value);
  return g_string_free (out, FALSE);
}

static char *
number_cell (const char *value)
{
  GString *out = g_string_new (NULL);

  clr_csv_append_number (out, value);
  return g_string_free (out, FALSE);
}

static void
test_text (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "Huawei", "Huawei" },
    { "Huawei, Ltd.", "\"Huawei, Ltd.\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    /* OWASP CSV injection: the six characters a spreadsheet starts a formula with */
    { "=1+1", "\"'=1+1\"" },
    { "+1", "\"'+1\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1:A9)", "\"'@SUM(A1:A9)\"" },
    { "\tcmd", "\"'\tcmd\"" },
    { "\rcmd", "\"'\rcmd\"" },
    { "=HYPERLINK(\"http://x/\",\"y\")", "\"'=HYPERLINK(\"\"http://x/\"\",\"\"y\"\")\"" },
    /* only the first character counts */
    { "a=b", "a=b" },
    { " =1", " =1" },
    { "'=1", "'=1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = text_cell (cases[i].in);

      g_assert_cmpstr (cell, ==, cases[i].out);
    }
}

static void
test_numbers (void)
{
  g_autofree char *negative = number_cell ("-0.5");
  g_autofree char *score = number_cell ("1.000");
  g_autofree char *empty = number_cell (NULL);

  /* Numbers Clearance prints itself keep their sign. */
  g_assert_cmpstr (negative, ==, "-0.5");
  g_assert_cmpstr (score, ==, "1.000");
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (clr_csv_needs_neutralising ("-0.5"));
  g_assert_false (clr_csv_needs_neutralising ("0.5"));
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/csv-out/text", test_text),
  CLR_TEST_FUNC ("/csv-out/numbers", test_numbers),
};

CLR_TEST_MAIN_FUNCS (tests)
