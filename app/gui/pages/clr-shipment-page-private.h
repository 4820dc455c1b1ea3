/* clr-shipment-page-private.h — ClrShipmentPage internals the GUI tests drive
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-shipment-page.h"

G_BEGIN_DECLS

/* The print operation of the Print action (shipment.print): the evidence report
 * of the result on screen, paginated in ::begin-print and drawn page by page in
 * ::draw-page. Run it: the page counts as printing until the operation's ::done,
 * and until then Print is disabled and another call fails with G_IO_ERROR_BUSY.
 * Without a result it fails with G_IO_ERROR_NOT_INITIALIZED. (transfer full) */
GtkPrintOperation *clr_shipment_page_create_print_operation (ClrShipmentPage  *self,
                                                             GError          **error);
/* TRUE from create_print_operation () until that operation is done. */
gboolean           clr_shipment_page_get_printing           (ClrShipmentPage  *self);

G_END_DECLS
