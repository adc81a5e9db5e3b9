// fuzz_registry.h — the seed registry (corpus/) the extraction fuzz targets resolve outlets and
// speakers through, loaded once per process as the indexer loads it once per run.
#pragma once

#include "core/extract/registry.h"

namespace broadsheet::fuzz {

inline const Registry& seed_registry() {
    static const Registry loaded = Registry::load(BROADSHEET_FUZZ_REGISTRY_DIR);
    return loaded;
}

}  // namespace broadsheet::fuzz
