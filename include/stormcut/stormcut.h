/* stormcut.h: the public API of the Stormcut model library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stormcut-types.h"
#include "stormcut-grammar.h"
#include "stormcut-model.h"
#include "stormcut-store.h"
#include "stormcut-check.h"
#include "stormcut-xml.h"
#include "stormcut-contextmap.h"
#include "stormcut-services.h"
#include "stormcut-fp.h"
#include "stormcut-cost.h"
#include "stormcut-diagnosis.h"
