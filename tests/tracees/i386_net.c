// The i386 tracee's `net` scenario (see i386_main.c).
#include "i386_sys.h"

int scenario_net(void) { return 0; }
