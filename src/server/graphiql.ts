import path from "node:path";
import express, { type Router } from "express";

/** Files GraphiQL needs, served from the installed packages: nothing comes from a CDN. */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: packageFile("react", "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": { file: packageFile("react-dom", "umd/react-dom.production.min.js"), type: "text/javascript" },
  "graphiql.js": { file: packageFile("graphiql", "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: packageFile("graphiql", "graphiql.min.css"), type: "text/css" },
};

export interface ExampleQuery {
  title: string;
  /** One or two sentences for the Examples panel, for readers who do not write GraphQL. */
  description: string;
  query: string;
  /** JSON text for the Variables pane. */
  variables?: string;
}

export interface GraphiQLPageOptions {
  endpoint: string;
  /** Tabs open on first visit; the first is the active one. */
  examples: ExampleQuery[];
}

const escapeForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function graphiqlPage({ endpoint, examples }: GraphiQLPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>territoire-santé · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>
    body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }
    .ts-examples { display: flex; flex-direction: column; gap: 10px; }
    .ts-example { text-align: left; padding: 8px 10px; border: 1px solid hsla(var(--color-neutral), var(--alpha-background-heavy));
      border-radius: 6px; background: none; color: inherit; cursor: pointer; font: inherit; }
    .ts-example:hover { background: hsla(var(--color-neutral), var(--alpha-background-light)); }
    .ts-example strong { display: block; margin-bottom: 4px; }
    .ts-example span { color: hsla(var(--color-neutral), var(--alpha-secondary)); font-size: 0.9em; }
  </style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const examples = ${escapeForScript(examples)};
    const h = React.createElement;
    const fetcher = GraphiQL.createFetcher({ url: ${escapeForScript(endpoint)} });

    // The Examples panel: GraphiQL keeps the user's tabs between visits, so the examples stay
    // reachable here. Picking one shows its tab, or opens a new tab with it.
    function ExamplesPanel() {
      const editor = GraphiQL.React.useEditorContext({ nonNull: true });
      const open = (example) => {
        const index = editor.tabs.findIndex((tab) => tab.query === example.query);
        if (index >= 0) editor.changeTab(index);
        else editor.addTab();
        // GraphiQL switches tabs on its next render: fill a new tab then. A tab switched to by
        // code keeps the previous tab's operation name (GraphiQL 3), which the server would
        // reject: every example holds one operation, so no name is needed.
        setTimeout(() => {
          if (index < 0) {
            editor.queryEditor && editor.queryEditor.setValue(example.query);
            editor.variableEditor && editor.variableEditor.setValue(example.variables || "");
          }
          editor.setOperationName(null);
        }, 0);
      };
      return h("div", null,
        h("div", { className: "graphiql-doc-explorer-title" }, "Examples"),
        h("p", null, 'Ready-made queries: pick one, then press ▶. Reads need no key; writes take {"Authorization": "Bearer <key>"} in the Headers pane.'),
        h("p", null, "Files (CSV for Excel, GeoJSON for QGIS) with their sources: ", h("a", { href: "/exports" }, "/exports"), ", described at ", h("a", { href: "/openapi.json" }, "/openapi.json"), "."),
        h("div", { className: "ts-examples" }, examples.map((example) =>
          h("button", { key: example.title, className: "ts-example", type: "button", onClick: () => open(example) },
            h("strong", null, example.title), h("span", null, example.description)))));
    }
    const examplesPlugin = {
      title: "Examples",
      icon: () => h("svg", { viewBox: "0 0 24 24", width: 24, height: 24, fill: "none", stroke: "currentColor", strokeWidth: 1.5 },
        h("path", { d: "M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z" }), h("path", { d: "M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5" })),
      content: ExamplesPanel,
    };

    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      h(GraphiQL, {
        fetcher,
        plugins: [examplesPlugin],
        defaultEditorToolsVisibility: true,
        headerEditorEnabled: true,
        shouldPersistHeaders: false,
        // Reads need no key; writes take {"Authorization": "Bearer <key>"} in the Headers pane.
        defaultHeaders: "{}",
        defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables })),
      }),
    );
  </script>
</body>
</html>`;
}

/** Serves the GraphiQL assets under /graphiql/assets. */
export function graphiqlAssets(): Router {
  const router = express.Router();
  router.get("/graphiql/assets/:name", (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      res.status(404).type("text/plain").send("not found");
      return;
    }
    res.type(asset.type).setHeader("Cache-Control", "public, max-age=86400");
    res.sendFile(asset.file);
  });
  return router;
}
