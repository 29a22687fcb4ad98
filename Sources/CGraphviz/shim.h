#ifndef PATHGAP_CGRAPHVIZ_SHIM_H
#define PATHGAP_CGRAPHVIZ_SHIM_H

// The installed headers, never copies: whatever `libgraphviz-dev` (or a newer Graphviz) provides.
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
// cgraph gives a named subgraph the address of its interned name as its id, and keeps subgraphs ordered by id, so
// with the default allocator the order of clusters (and so the layout) depends on where malloc happened to put the
// names: two renders of the same text in one process could differ. `pathgap_agmemread` reads with a memory
// discipline that hands out memory from one reserved region in increasing address order (a bump arena freed in
// one piece by pathgap_agclose), so the order of ids follows the order of the text and output is byte-identical.

/// A bump arena: one reserved region, used from the start, released when the graph closes.
typedef struct {
    char *base;
    size_t size;
    size_t used;
} pathgap_arena_t;

/// Reserved address space per graph (committed only as pages are touched).
#define PATHGAP_ARENA_RESERVE ((size_t)1 << 32)

static inline void *pathgap_mem_open(Agdisc_t *disc) {
    (void)disc;
    pathgap_arena_t *arena = (pathgap_arena_t *)calloc(1, sizeof(pathgap_arena_t));
    if (arena == NULL) return NULL;
    void *base = mmap(NULL, PATHGAP_ARENA_RESERVE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON | MAP_NORESERVE,
                      -1, 0);
    if (base != MAP_FAILED) {
        arena->base = (char *)base;
        arena->size = PATHGAP_ARENA_RESERVE;
    }
    return arena;
}

static inline int pathgap_arena_owns(pathgap_arena_t *arena, void *ptr) {
    return arena != NULL && arena->base != NULL && (char *)ptr >= arena->base
        && (char *)ptr < arena->base + arena->size;
}

static inline void *pathgap_mem_alloc(void *state, size_t request) {
    pathgap_arena_t *arena = (pathgap_arena_t *)state;
    size_t rounded = (request + 15) & ~(size_t)15;
    if (arena != NULL && arena->base != NULL && rounded >= request && arena->size - arena->used >= rounded) {
        void *result = arena->base + arena->used;  // fresh pages are zero, and arena memory is never reused
        arena->used += rounded;
        return result;
    }
    return calloc(1, request);  // the arena is full or missing: still correct, only the order is no longer fixed
}

static inline void *pathgap_mem_resize(void *state, void *ptr, size_t old, size_t request) {
    if (ptr == NULL) return pathgap_mem_alloc(state, request);
    if (request <= old) return ptr;
    void *result = pathgap_mem_alloc(state, request);
    if (result == NULL) return NULL;
    memcpy(result, ptr, old);
    if (!pathgap_arena_owns((pathgap_arena_t *)state, ptr)) free(ptr);
    return result;
}

static inline void pathgap_mem_free(void *state, void *ptr) {
    if (ptr != NULL && !pathgap_arena_owns((pathgap_arena_t *)state, ptr)) free(ptr);
}

/// Releases an arena once its graph is closed.
static inline void pathgap_arena_release(pathgap_arena_t *arena) {
    if (arena == NULL) return;
    if (arena->base != NULL) munmap(arena->base, arena->size);
    free(arena);
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

/// Like `agmemread`, but with the deterministic arena allocator and a fresh lexer (empty buffer, line 1). The graph
/// must be released with `pathgap_agclose`.
static inline Agraph_t *pathgap_agmemread(const char *text) {
    // No `close`: with one, agclose skips its normal teardown ("free entire heap") and leaks what cgraph and cdt
    // allocate with plain malloc (dictionaries, lexer strings); pathgap_agclose releases the arena afterwards.
    static Agmemdisc_t memory = {pathgap_mem_open, pathgap_mem_alloc, pathgap_mem_resize, pathgap_mem_free, NULL};
    static Agiodisc_t io;
    static Agdisc_t discipline;
    io.afread = pathgap_io_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    discipline.mem = &memory;
    discipline.id = &AgIdDisc;
    discipline.io = &io;
    pathgap_reader_t reader = {text, strlen(text), 0};
    PATHGAP_FLUSH_LEXER();
    agreadline(1);  // restart line numbers at 1 for every text
    return agread(&reader, &discipline);
}

/// Closes a graph read by `pathgap_agmemread` (cgraph's full teardown), then releases its arena.
static inline int pathgap_agclose(Agraph_t *graph) {
    pathgap_arena_t *arena = (pathgap_arena_t *)graph->clos->state.mem;
    int status = agclose(graph);
    pathgap_arena_release(arena);
    return status;
}

#endif
