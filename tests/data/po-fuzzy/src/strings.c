/* A fixture for check-po-complete.py: two messages, both fuzzy in po/xx.po. */
const char *one = _("Entity List");
const char *two = _("License exception");
