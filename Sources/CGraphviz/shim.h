#ifndef PATHGAP_CGRAPHVIZ_SHIM_H
#define PATHGAP_CGRAPHVIZ_SHIM_H

// The installed headers, never copies: whatever `libgraphviz-dev` (or a newer Graphviz) provides.
#include <stddef.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#if defined(__has_include)
#if __has_include(<graphviz/graphviz_version.h>)
#include <graphviz/graphviz_version.h>
#endif
#endif

// Graphviz 2.43 declares `gvRenderData(..., unsigned int *length)`; Graphviz 13 made it `size_t *`, and newer
// releases define GRAPHVIZ_VERSION_MAJOR (2.43 does not). Swift calls this helper, which always takes `size_t *`.
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
#define PATHGAP_GV_RENDER_DATA_SIZE_T 1
#else
#define PATHGAP_GV_RENDER_DATA_SIZE_T 0
#endif

/// Renders a laid-out graph into a buffer the caller frees with `gvFreeRenderData`, whatever the length type.
static inline int pathgap_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#if PATHGAP_GV_RENDER_DATA_SIZE_T
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int shortLength = 0;
    int status = gvRenderData(gvc, g, format, result, &shortLength);
    *length = (size_t)shortLength;
    return status;
#endif
}

/// The names of the plugins of one kind ("device", "layout", …); the caller frees each name and the array with
/// `free`. Graphviz 2.43 takes an unused fourth argument that later releases dropped.
static inline char **pathgap_gvPluginList(GVC_t *gvc, const char *kind, int *count) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
    return gvPluginList(gvc, kind, count);
#else
    return gvPluginList(gvc, kind, count, NULL);
#endif
}

// cgraph's accessors below are macros, which Swift cannot call.

/// The creation sequence number of a graph, node or edge (the order objects were read in).
static inline unsigned long long pathgap_agseq(void *object) { return (unsigned long long)AGSEQ(object); }

/// The tail node of an edge.
static inline Agnode_t *pathgap_agtail(Agedge_t *edge) { return agtail(edge); }

/// The head node of an edge.
static inline Agnode_t *pathgap_aghead(Agedge_t *edge) { return aghead(edge); }

/// Marks the start of a new operation in cgraph's kept error log (an empty warning), so that `aglasterr` never
/// returns the message of an earlier call. `agerr` is variadic, which Swift cannot call.
static inline void pathgap_agerr_mark(void) {
    agerr(AGWARN, "%s", "");
    agreseterrors();
}

#endif
