/* clr-list-table.c — data tables: country names → ISO-2 and the name patterns
 * of the Entity List (the list catalogue is clr-list-catalog.c)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "clr-importer-private.h"
#include "clr-normalize.h"

/* Country names OFAC (and others) use that differ from the English names ICU
 * gives for ISO 3166 codes. */
static const struct { const char *name; const char *code; } country_extras[] = {
  { "Bahamas, The", "BS" },
  { "Burma", "MM" },
  { "Congo, Democratic Republic of the", "CD" },
  { "Congo, Republic of the", "CG" },
  { "Cote d Ivoire", "CI" },
  { "Cote d'Ivoire", "CI" },
  { "Czech Republic", "CZ" },
  { "Gambia, The", "GM" },
  { "The Gambia", "GM" },
  { "Hong Kong", "HK" },
  { "Korea, North", "KP" },
  { "North Korea", "KP" },
  { "Korea, South", "KR" },
  { "South Korea", "KR" },
  { "Laos", "LA" },
  { "Macau", "MO" },
  { "Macao", "MO" },
  { "Man, Isle of", "IM" },
  { "Micronesia, Federated States of", "FM" },
  { "Netherlands Antilles", "AN" },
  { "North Macedonia, The Republic of", "MK" },
  { "Macedonia", "MK" },
  { "Palestinian", "PS" },
  { "West Bank", "PS" },
  { "Gaza", "PS" },
  { "Region: Gaza", "PS" },
  { "Region: North Gaza", "PS" },
  { "Region: Northern Gaza", "PS" },
  { "Region: West Bank", "PS" },
  { "Region: Crimea", "UA" },
  { "Region: Russia", "RU" },
  { "Region: Northern Mali", "ML" },
  { "Russia", "RU" },
  { "Syria", "SY" },
  { "Iran", "IR" },
  { "Venezuela", "VE" },
  { "Bolivia", "BO" },
  { "Tanzania", "TZ" },
  { "Vietnam", "VN" },
  { "Moldova", "MD" },
  { "Brunei", "BN" },
  { "Taiwan", "TW" },
  { "Turkey", "TR" },
  { "Kosovo", "XK" },
  { "Virgin Islands, British", "VG" },
  { "Virgin Islands, U.S.", "VI" },
  { "Saint Kitts and Nevis", "KN" },
  { "Saint Vincent and the Grenadines", "VC" },
  { "Saint Lucia", "LC" },
  { "Antigua and Barbuda", "AG" },
  { "Bosnia and Herzegovina", "BA" },
  { "Trinidad and Tobago", "TT" },
  { "United States", "US" },
  { "United Kingdom", "GB" },
  { "Cabo Verde", "CV" },
  { "Cape Verde", "CV" },
  { "Eswatini", "SZ" },
  { "Swaziland", "SZ" },
  { "Timor-Leste", "TL" },
  { "East Timor", "TL" },
  { "Vatican City", "VA" },
  { "Holy See", "VA" },
  { "Curacao", "CW" },
  { "Sao Tome and Principe", "ST" },
  { "Serbia and Montenegro", "CS" },
  { "Yugoslavia", "YU" },
  { "Soviet Union", "SU" },
};

static char *
country_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *plain = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  /* Drop combining marks and punctuation so "Côte d’Ivoire" = "cote d ivoire". */
  for (const char *p = plain; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gpointer
build_country_table (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *const *codes = uloc_getISOCountries ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      UChar buffer[128];
      UErrorCode status = U_ZERO_ERROR;
      char locale[16];
      int32_t len;
      g_autofree char *utf8 = NULL;

      g_snprintf (locale, sizeof locale, "und_%s", codes[i]);
      len = uloc_getDisplayCountry (locale, "en", buffer, G_N_ELEMENTS (buffer), &status);
      if (U_FAILURE (status) || len <= 0)
        continue;
      utf8 = g_utf16_to_utf8 ((const gunichar2 *) buffer, len, NULL, NULL, NULL);
      if (utf8 != NULL)
        g_hash_table_insert (table, country_key (utf8), g_strdup (codes[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (country_extras); i++)
    g_hash_table_insert (table, country_key (country_extras[i].name),
                         g_strdup (country_extras[i].code));

  return table;
}

const char *
clr_country_code_for_name (const char *name)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *key = NULL;
  GHashTable *table;

  if (name == NULL || *name == '\0')
    return NULL;

  table = g_once (&once, build_country_table, NULL);
  key = country_key (name);
  return g_hash_table_lookup (table, key);
}

/* ------------------------------------------------------------------------- */

/* Labels the Entity List puts between a parent and the listed affiliate:
 * "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity: Huawei Marine". */
static const char *const affiliate_labels[] = {
  "Affiliated Entity:",
  "Affiliated Entity -",
  "Subordinate Institution -",
  "Subordinate Institution:",
  "Subsidiary:",
  "Subsidiary -",
};

/* Legal forms that may follow a comma in a name; anything else after the last
 * comma of an Entity List name is a city or region ("…, Kirov"). */
static const char *const comma_legal_forms[] = {
  "ltd", "limited", "inc", "incorporated", "llc", "co", "corp", "corporation", "company",
  "gmbh", "ag", "sa", "s a", "plc", "jsc", "ojsc", "pjsc", "cjsc", "ooo", "oao", "zao",
  "bv", "b v", "nv", "srl", "spa", "sl", "lda", "oy", "ab", "as", "sdn bhd", "bhd", "pte ltd",
  "pvt ltd", "pte", "pvt", "fze", "fzco", "fzc", "fz llc", "llp", "lp", "kg", "kft", "sro",
  "s r o", "co ltd", "ltda", "sas", "sarl", "de cv", "sa de cv", "s a de c v", "cv",
  "and", "et al", "jr", "sr",
};

static gboolean
is_legal_form (const char *text)
{
  g_autofree char *key = country_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (comma_legal_forms); i++)
    if (strcmp (key, comma_legal_forms[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @text has a word that is not a qualifier (a place, a legal form,
 * a generic business word or a stop word; data/matching): only such a text
 * is a name of its own. */
static gboolean
is_distinctive (const char *text)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (clr_normalizer_get_default (), text,
                                                         CLR_NORMALIZE_NONE, NULL, NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      ClrNormToken *t = g_ptr_array_index (tokens, i);

      if ((t->klass & (CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_STOP | CLR_TOKEN_GENERIC | CLR_TOKEN_LOCATION)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_derived_alias (ClrEntry   *entry,
                   const char *alias)
{
  if (is_distinctive (alias))
    clr_entry_add_alias (entry, alias);
}

/* "Name (ACR)" → adds "Name" and "ACR". Returns the name without the group
 * (or a copy of @name). "Name (Hong Kong)" adds nothing: a place (or any
 * qualifier) in parentheses is not a name, and the name without it is the
 * parent's, not this entry's. Derived aliases have a distinctive word. */
static char *
strip_trailing_parens (ClrEntry   *entry,
                       const char *name)
{
  g_autofree char *copy = g_strstrip (g_strdup (name));
  gsize len = strlen (copy);
  const char *open;
  int depth = 0;

  if (len < 4 || copy[len - 1] != ')')
    return g_steal_pointer (&copy);

  /* Find the matching '(' of the final ')'. */
  open = NULL;
  for (gssize i = (gssize) len - 1; i >= 0; i--)
    {
      if (copy[i] == ')')
        depth++;
      else if (copy[i] == '(' && --depth == 0)
        {
          open = copy + i;
          break;
        }
    }

  if (open != NULL && open > copy)
    {
      g_autofree char *inner = g_strstrip (g_strndup (open + 1, len - (gsize) (open - copy) - 2));
      g_autofree char *outer = g_strstrip (g_strndup (copy, (gsize) (open - copy)));

      if (*inner != '\0' && strlen (outer) >= 2 && is_distinctive (inner))
        {
          clr_entry_add_alias (entry, inner);
          add_derived_alias (entry, outer);
          return g_steal_pointer (&outer);
        }
    }

  return g_steal_pointer (&copy);
}

/* "48th Central Scientific Research Institute, Kirov" → adds the name
 * without the trailing place (at most two trailing parts). */
static void
strip_trailing_place (ClrEntry   *entry,
                      const char *name)
{
  g_autofree char *copy = g_strdup (name);

  for (int round = 0; round < 2; round++)
    {
      char *comma = strrchr (copy, ',');
      const char *tail;
      guint words = 0;
      gboolean capitalised = TRUE;

      if (comma == NULL || comma == copy)
        return;
      tail = comma + 1;
      while (*tail == ' ')
        tail++;
      if (*tail == '\0' || is_legal_form (tail))
        return;

      for (const char *p = tail; *p; p++)
        {
          if (g_ascii_isdigit (*p) || *p == '(' || *p == '.')
            return;
          if ((p == tail || p[-1] == ' ') && *p != ' ')
            {
              words++;
              if (!g_ascii_isupper (*p))
                capitalised = FALSE;
            }
        }
      if (words == 0 || words > 3 || !capitalised)
        return;

      *comma = '\0';
      g_strchomp (copy);
      if (strlen (copy) < 4)
        return;
      add_derived_alias (entry, copy);
    }
}

static void
derive_from_party (ClrEntry   *entry,
                   const char *party)
{
  g_autofree char *bare = strip_trailing_parens (entry, party);

  strip_trailing_place (entry, bare);
}

void
clr_import_derive_aliases (ClrEntry *entry)
{
  const char *name = entry->name;

  if (name == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (affiliate_labels); i++)
    {
      const char *label = strstr (name, affiliate_labels[i]);

      if (label != NULL)
        {
          g_autofree char *parent = g_strndup (name, (gsize) (label - name));
          g_autofree char *child = g_strstrip (g_strdup (label + strlen (affiliate_labels[i])));
          gsize plen;

          g_strstrip (parent);
          plen = strlen (parent);
          if (plen > 0 && parent[plen - 1] == '.')
            parent[plen - 1] = '\0';

          if (*child != '\0')
            {
              add_derived_alias (entry, child);
              derive_from_party (entry, child);
            }
          return;
        }
    }

  derive_from_party (entry, name);
}
