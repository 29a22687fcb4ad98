#ifndef PATHGAP_CYAML_SHIM_H
#define PATHGAP_CYAML_SHIM_H

// libyaml's parser as installed by Debian's libyaml-dev (yaml.h, libyaml.so): the native readers pull its event
// stream (YAMLEventReader) instead of building a node tree.
#include <yaml.h>

#endif
