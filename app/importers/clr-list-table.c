/* clr-list-table.c — data tables: which list a source string or OFAC program
 * means, country names → ISO-2, and the name patterns of the Entity List
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

/* Every list the importers know. Codes are what users see ("list": "EL"). */
static const ClrListInfo lists[] = {
  { "SDN", "Specially Designated Nationals and Blocked Persons List", "OFAC",
    "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists", FALSE, "ofac-sdn" },
  { "SSI", "Sectoral Sanctions Identifications List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "FSE", "Foreign Sanctions Evaders List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "PLC", "Palestinian Legislative Council List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "CAP", "Correspondent Account or Payable-Through Account Sanctions (CAPTA) List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "NS-MBS", "Non-SDN Menu-Based Sanctions List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "NS-CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "NS-ISA", "Non-SDN Iran Sanctions Act List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "EO13599", "Executive Order 13599 List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "NONSDN", "Non-SDN Consolidated Sanctions List", "OFAC",
    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists", FALSE, "ofac-nonsdn" },
  { "EL", "Entity List", "BIS",
    "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list", TRUE, NULL },
  { "UVL", "Unverified List", "BIS",
    "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list", TRUE, NULL },
  { "MEU", "Military End User List", "BIS",
    "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern", TRUE, NULL },
  { "DPL", "Denied Persons List", "BIS",
    "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list", FALSE, "bis-dpl" },
  { "DTC", "ITAR Debarred List", "State",
    "https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page&sys_id=c22d1833dbb8d300d0a370131f9619f0", FALSE, NULL },
  { "ISN", "Nonproliferation Sanctions", "State",
    "https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/", FALSE, NULL },
};

/* The code in parentheses of a CSL `source` value, when it differs from the
 * code we use. */
static const struct { const char *csl; const char *code; } csl_codes[] = {
  { "CMIC", "NS-CMIC" },
  { "NS-MBS List", "NS-MBS" },
  { "MBS", "NS-MBS" },
};

/* OFAC non-SDN programs → the list they put an entry on. The first row whose
 * program the entry carries wins; a trailing '*' matches a prefix. */
static const struct { const char *program; const char *code; } nonsdn_programs[] = {
  { "NS-PLC", "PLC" },
  { "CMIC-EO13959", "NS-CMIC" },
  { "FSE-*", "FSE" },
  { "MBS", "NS-MBS" },
  { "CAATSA - RUSSIA", "NS-MBS" },
  { "NS-ISA", "NS-ISA" },
  { "561-Related", "CAP" },
  { "561List", "CAP" },
  { "UKRAINE-EO13662", "SSI" },
  { "RUSSIA-EO14024", "CAP" },
  { "IRAN", "EO13599" },
};

/* Agencies as CSL `source` values spell them. */
static const struct { const char *text; const char *agency; } agencies[] = {
  { "Bureau of Industry and Security", "BIS" },
  { "Treasury Department", "OFAC" },
  { "State Department", "State" },
};

char **
clr_list_codes_for_source (const char *source_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (source_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].source, source_id) == 0)
      g_strv_builder_add (builder, lists[i].code);

  return g_strv_builder_end (builder);
}

const ClrListInfo *
clr_list_info_for_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].code, code) == 0)
      return &lists[i];
  return NULL;
}

const ClrListInfo *
clr_list_info_for_csl_source (const char  *source,
                              ClrListInfo *scratch,
                              GPtrArray   *strings)
{
  const char *open, *close, *dash;
  g_autofree char *code = NULL;
  const ClrListInfo *known;
  char *name, *agency = NULL;

  if (source == NULL || *source == '\0')
    return NULL;

  open = strrchr (source, '(');
  close = open ? strchr (open, ')') : NULL;
  if (open == NULL || close == NULL)
    return NULL;

  code = g_strstrip (g_strndup (open + 1, (gsize) (close - open - 1)));
  for (guint i = 0; i < G_N_ELEMENTS (csl_codes); i++)
    if (strcmp (csl_codes[i].csl, code) == 0)
      {
        g_free (code);
        code = g_strdup (csl_codes[i].code);
        break;
      }

  known = clr_list_info_for_code (code);
  if (known != NULL)
    return known;

  /* A list this table does not know yet: keep what the source says. */
  name = g_strstrip (g_strndup (source, (gsize) (open - source)));
  dash = strstr (close, " - ");
  if (dash != NULL)
    {
      agency = g_strstrip (g_strdup (dash + 3));
      for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
        if (strcmp (agencies[i].text, agency) == 0)
          {
            g_free (agency);
            agency = g_strdup (agencies[i].agency);
            break;
          }
      g_ptr_array_add (strings, agency);
    }
  g_ptr_array_add (strings, name);
  g_ptr_array_add (strings, g_strdup (code));

  memset (scratch, 0, sizeof *scratch);
  scratch->code = g_ptr_array_index (strings, strings->len - 1);
  scratch->name = name;
  scratch->agency = agency;
  return scratch;
}

const ClrListInfo *
clr_list_info_for_ofac_programs (GPtrArray *programs,
                                 gboolean   sdn)
{
  if (sdn)
    return clr_list_info_for_code ("SDN");

  for (guint r = 0; r < G_N_ELEMENTS (nonsdn_programs); r++)
    {
      const char *want = nonsdn_programs[r].program;
      gsize wlen = strlen (want);
      gboolean prefix = wlen > 0 && want[wlen - 1] == '*';

      for (guint i = 0; i < programs->len; i++)
        {
          const char *p = g_ptr_array_index (programs, i);

          if (prefix ? strncmp (p, want, wlen - 1) == 0 : strcmp (p, want) == 0)
            return clr_list_info_for_code (nonsdn_programs[r].code);
        }
    }

  return clr_list_info_for_code ("NONSDN");
}

/* ------------------------------------------------------------------------- */

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
