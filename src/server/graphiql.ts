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
  query: string;
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
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const examples = ${escapeForScript(examples)};
    const fetcher = GraphiQL.createFetcher({ url: ${escapeForScript(endpoint)} });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        headerEditorEnabled: true,
        shouldPersistHeaders: false,
        // Reads need no key; writes take {"Authorization": "Bearer <key>"} in the Headers tab.
        defaultHeaders: "{}",
        defaultTabs: examples.map((e) => ({ query: e.query })),
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
