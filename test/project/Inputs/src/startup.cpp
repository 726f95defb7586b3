// Includes the registry too, so that its finding comes from two files.
#include "registry.h"

int startup_entries() { return static_cast<int>(registry().size()); }
