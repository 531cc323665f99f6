// The import graph's rules, checked by `npm run lint:deps` (and CI): no cycle, no import that points up the
// layer order, no import across subgraph folders where one subgraph would depend on another's internals.
// docs/architecture.md explains the order and the folders.

/**
 * Folders of src/, from the top (entry points) to the bottom. A module may import its own layer or any layer
 * below it, never one above. Folders on one line are one layer.
 */
const LAYERS = [
  ["server"], // HTTP: Express app, routes, security middleware, process entry point
  ["cache", "observability"], // around the request: response cache, logs, metrics, traces
  ["schema", "gateway"], // schema building, subgraph definitions, federation gateway
  ["resolvers", "maps", "exports"], // GraphQL resolvers, the REST map renderer and the export builders: thin adapters over services
  ["services"], // the domain: reads, writes, authorization checks
  ["context"], // the per-request context (loaders, caller, SQL log) services receive
  ["auth"], // API keys, callers, roles
  ["loaders"], // DataLoaders: one batched query per relation
  ["db"], // data source, SQL dialect, row mapping, where-clause builders, migrations
  ["entities"], // TypeORM entities and GraphQL read types
  ["validation"], // argument validation, code formats
  ["config"], // configuration and its defaults
  ["errors"], // error classes and codes
];

const folders = (names) => `^src/(${names.join("|")})/`;

const upwardRules = LAYERS.slice(1).map((layer, i) => ({
  name: `layer-${layer.join("-")}`,
  comment: `${layer.join(", ")} must not import from the layers above it (${LAYERS.slice(0, i + 1).flat().join(", ")}).`,
  severity: "error",
  from: { path: folders(layer) },
  to: { path: folders(LAYERS.slice(0, i + 1).flat()) },
}));

/** Layer folders split by subgraph. */
const SPLIT = "(entities|loaders|services|resolvers)";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Import cycles, type-only imports included: a cycle is a design smell even when it compiles.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upwardRules,
    {
      name: "territories-stand-alone",
      comment: "The territories subgraph owns régions, départements, EPCI and communes: it knows nothing of the subgraphs that extend them.",
      severity: "error",
      from: { path: `^src/${SPLIT}/territories/` },
      to: { path: `^src/${SPLIT}/(care-offer|initiatives)/` },
    },
    {
      name: "care-offer-not-initiatives",
      comment: "care-offer and initiatives extend the territories independently of each other.",
      severity: "error",
      from: { path: `^src/${SPLIT}/care-offer/` },
      to: { path: `^src/${SPLIT}/initiatives/` },
    },
    {
      name: "initiatives-not-care-offer",
      comment: "care-offer and initiatives extend the territories independently of each other.",
      severity: "error",
      from: { path: `^src/${SPLIT}/initiatives/` },
      to: { path: `^src/${SPLIT}/care-offer/` },
    },
    {
      name: "shared-serves-all",
      comment: "shared/ holds what several subgraphs use; it depends on none of them.",
      severity: "error",
      from: { path: `^src/${SPLIT}/shared/` },
      to: { path: `^src/${SPLIT}/(territories|care-offer|initiatives)/` },
    },
    {
      name: "src-not-tools",
      comment: "The application does not import its tests or benchmarks.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|bench)/" },
    },
    {
      name: "embed-stands-alone",
      comment: "src/embed/ is browser code, bundled on its own by esbuild (npm run embed:build): it imports nothing of the server.",
      severity: "error",
      from: { path: "^src/embed/" },
      to: { path: "^src/", pathNot: "^src/embed/" },
    },
    {
      name: "embed-only-from-its-build",
      comment: "The server serves the built embed (embed/<version>/), it does not import its sources: only the build reads them (its operations, for their manifest).",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(embed/|server/embed/embed-build\\.ts$)" },
      to: { path: "^src/embed/" },
    },
    {
      name: "seeds-only-from-entry-points",
      comment: "Only the server's entry point (seeding an empty database at start) and the CLIs may load the seeds.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/server/main\\.ts$" },
      to: { path: "^seeds/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(src|seeds|bench)/",
    // Type-only imports are edges too (a type-only cycle still couples the modules).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
