#ifndef PATHGAP_CGRAPHVIZ_SHIM_H
#define PATHGAP_CGRAPHVIZ_SHIM_H

// The installed headers, never copies: whatever `libgraphviz-dev` (or a newer Graphviz) provides.
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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

// MARK: Messages
//
// Graphviz reports errors and warnings through `agerr`. The wrapper installs an error function (`agseterrf`) and
// reports every level to it (`agseterr(AGWARN)`), so that each message reaches Swift and none is printed. cgraph
// calls the function in pieces: "Warning" or "Error", then ": ", then the formatted text (continuation lines,
// AGPREV, come without the first two).
//
// Up to Graphviz 2.46.0, cgraph formats a message for the error function into a static buffer of 1024 bytes and,
// when the message is longer, grows the buffer and formats again from the same, already consumed `va_list`: a
// message of 1024 bytes or more that has arguments (a long port name: "node a, port ... unrecognized") reads
// garbage and crashes the process. 2.46.1 sizes each message first. On 2.x releases (whose headers define
// GRAPHVIZ_VERSION_MAJOR as 2, or not at all) the wrapper grows that buffer ahead of every operation, beyond any
// message the operation can produce, with a message that has no arguments (which formats safely twice) sent to a
// function that drops it; on the 2.x releases that no longer need it this only costs the allocation.
#if !defined(GRAPHVIZ_VERSION_MAJOR) || GRAPHVIZ_VERSION_MAJOR < 3
#define PATHGAP_AGERR_FIXED_BUFFER 1
#else
#define PATHGAP_AGERR_FIXED_BUFFER 0
#endif

/// An error function that drops what it is given.
static inline int pathgap_agerr_discard(char *text) {
    (void)text;
    return 0;
}

/// Makes sure cgraph can hand messages of up to `capacity` bytes to the error function `errf` (see above): on 2.x
/// releases, grows cgraph's message buffer with a blank message of that length that `errf` never
/// sees. Returns 0 when done (or not needed), -1 when there was no memory for the blank message.
static inline int pathgap_agerr_reserve(size_t capacity, agusererrf errf) {
#if PATHGAP_AGERR_FIXED_BUFFER
    char *blank = (char *)malloc(capacity + 1);
    if (blank == NULL) return -1;
    memset(blank, ' ', capacity);
    blank[capacity] = '\0';
    agseterrf(pathgap_agerr_discard);
    agerr(AGPREV, blank);  // no conversions: formatting it twice from one va_list is safe
    agseterrf(errf);
    free(blank);
#else
    (void)capacity;
    (void)errf;
#endif
    return 0;
}

// MARK: Deterministic reading
//
// cgraph keeps subgraphs ordered by id, and its default id discipline gives a named object the address of its
// interned name as its id: with the default allocator the order of clusters (and so the layout) depended on where
// malloc had put the names, and two renders of the same text in one process could differ. The id discipline below
// maps no name itself: cgraph then gives every object a fresh anonymous id and keeps the name in its own internal
// name map (which `agnameof` reads first), so ids, and the order of subgraphs, follow the order of the text.
//
// (An earlier version kept the default ids and allocated from a bump arena in increasing address order instead.
// cgraph's `agdictobjmem` frees some of its dictionary holders with plain `free` rather than through the memory
// discipline, depending on global state, so memory from any allocator other than malloc could be handed to `free`:
// `digraph{{{s->b:n:s}}}` aborted with "free(): invalid pointer". Every allocation now goes through malloc.)

/// Never maps a name, so that cgraph records it in its internal map; hands out increasing odd ids for anonymous
/// objects (even ids are reserved for the default discipline's name addresses, which are never used here).
static inline long pathgap_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    static IDTYPE counter = 1;
    (void)state;
    (void)objtype;
    (void)createflag;
    if (str != NULL) return 0;
    *id = counter;
    counter += 2;
    return 1;
}

static inline void *pathgap_id_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)disc;
    return graph;
}

static inline long pathgap_id_alloc(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
    return 0;
}

static inline void pathgap_id_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
}

static inline char *pathgap_id_print(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
    return NULL;
}

static inline void pathgap_id_close(void *state) { (void)state; }

static inline void pathgap_id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

/// A NUL-terminated text being read.
typedef struct {
    const char *data;
    size_t length;
    size_t position;
} pathgap_reader_t;

/// Reads the next line (as cgraph's own memory reader does), at most `size` bytes.
static inline int pathgap_io_read(void *channel, char *buffer, int size) {
    pathgap_reader_t *reader = (pathgap_reader_t *)channel;
    if (size <= 0 || reader->position >= reader->length) return 0;
    int count = 0;
    char c;
    do {
        c = reader->data[reader->position + (size_t)count];
        buffer[count++] = c;
    } while (c != '\0' && c != '\n' && count < size && reader->position + (size_t)count < reader->length);
    reader->position += (size_t)count;
    return count;
}

#if !defined(GRAPHVIZ_VERSION_MAJOR)
// Graphviz 2.43's DOT lexer is global and keeps what it had buffered after a graph's closing brace for the next
// read (it stops at the end of the first graph so that files holding several graphs can be read one by one): the
// rest of the last line of one text would be read as the start of the next, shifting its line numbers (or worse).
// `aglexbad` (exported by libcgraph, not declared in its headers) flushes that buffer.
extern void aglexbad(void);
#define PATHGAP_FLUSH_LEXER() aglexbad()
#else
#define PATHGAP_FLUSH_LEXER() ((void)0)
#endif

/// Like `agmemread`, but with ids in the order of the text (see above) and a fresh lexer (empty buffer, line 1).
/// The graph must be released with `pathgap_agclose`.
static inline Agraph_t *pathgap_agmemread(const char *text) {
    static Agiddisc_t ids = {pathgap_id_open, pathgap_id_map, pathgap_id_alloc, pathgap_id_free, pathgap_id_print,
                             pathgap_id_close, pathgap_id_register};
    static Agiodisc_t io;
    static Agdisc_t discipline;
    io.afread = pathgap_io_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    discipline.mem = &AgMemDisc;
    discipline.id = &ids;
    discipline.io = &io;
    pathgap_reader_t reader = {text, strlen(text), 0};
    PATHGAP_FLUSH_LEXER();
    agreadline(1);  // restart line numbers at 1 for every text
    return agread(&reader, &discipline);
}

// cgraph 2.43 closes the shared internal name map without freeing its entries (`aginternalmapclose`) when it
// closes the first subgraph, and closes the root graph's before it forgets the root's own name: the entries of every
// object still open then would leak (about 100 bytes a name). They are deleted first, object by object. `aginternalmapdelete` is exported by libcgraph but not declared in its headers.
extern int aginternalmapdelete(Agraph_t *graph, int objtype, IDTYPE id);

/// Deletes the internal name map entries of a graph's subgraphs, at any depth (not the graph's own), with an explicit
/// stack of the subgraphs still to visit (DOT nesting can be deep).
static inline void pathgap_forget_subgraph_names(Agraph_t *root) {
    size_t capacity = 64, count = 0;
    Agraph_t **stack = (Agraph_t **)malloc(capacity * sizeof(Agraph_t *));
    if (stack == NULL) return;
    for (Agraph_t *sub = agfstsubg(root); sub != NULL; sub = agnxtsubg(sub)) {
        if (count == capacity) {
            Agraph_t **grown = (Agraph_t **)realloc(stack, 2 * capacity * sizeof(Agraph_t *));
            if (grown == NULL) break;
            stack = grown;
            capacity *= 2;
        }
        stack[count++] = sub;
    }
    while (count > 0) {
        Agraph_t *graph = stack[--count];
        aginternalmapdelete(root, AGRAPH, AGID(graph));
        for (Agraph_t *sub = agfstsubg(graph); sub != NULL; sub = agnxtsubg(sub)) {
            if (count == capacity) {
                Agraph_t **grown = (Agraph_t **)realloc(stack, 2 * capacity * sizeof(Agraph_t *));
                if (grown == NULL) break;
                stack = grown;
                capacity *= 2;
            }
            stack[count++] = sub;
        }
    }
    free(stack);
}

/// Closes a graph read by `pathgap_agmemread`, first deleting the internal name map entries cgraph would lose
/// (see above).
static inline int pathgap_agclose(Agraph_t *graph) {
    if (agfstsubg(graph) != NULL) {
        for (Agnode_t *node = agfstnode(graph); node != NULL; node = agnxtnode(graph, node)) {
            for (Agedge_t *edge = agfstout(graph, node); edge != NULL; edge = agnxtout(graph, edge)) {
                aginternalmapdelete(graph, AGEDGE, AGID(edge));
            }
            aginternalmapdelete(graph, AGNODE, AGID(node));
        }
        pathgap_forget_subgraph_names(graph);
    }
    aginternalmapdelete(graph, AGRAPH, AGID(graph));
    return agclose(graph);
}

#endif
