#ifndef PATHGAP_CGRAPHVIZ_SHIM_H
#define PATHGAP_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#endif
