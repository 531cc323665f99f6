import { execFileSync } from "node:child_process";
import path from "node:path";
import { useSeededApi } from "../support/suite";
import { startHttpApp, type RunningHttpApp } from "../support/http-app";
import { EXPORTS } from "../../src/exports/export-catalogue";
import { getFile } from "./export-client";

const ctx = useSeededApi();
let http: RunningHttpApp;
beforeAll(async () => {
  http = await startHttpApp(ctx.database.db);
});
afterAll(async () => {
  await http?.stop();
});

describe("/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const answer = await getFile(http.base, "/openapi.json");
    expect(answer.status).toBe(200);
    const result = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, "validate-openapi.mjs")], { input: answer.text }).toString());
    expect(result).toEqual({ valid: true, errors: null, version: "3.1" });
  });

  it("describes every export in every format, the maps and health, with each export's parameters", async () => {
    const doc = JSON.parse((await getFile(http.base, "/openapi.json")).text);
    for (const e of EXPORTS) {
      const file = doc.paths[`/exports/${e.name}.{format}`].get;
      expect(file.parameters.find((p: { name: string }) => p.name === "format").schema.enum).toEqual(["csv", "json", "geojson"]);
      expect(file.parameters.map((p: { name: string }) => p.name)).toEqual(["format", "columns", "decimal", ...e.params.map((p) => p.name)]);
      expect(doc.paths[`/exports/${e.name}.datapackage.json`]).toBeDefined();
    }
    for (const route of ["/exports", "/maps/departements.svg", "/maps/departements.png", "/healthz", "/readyz"]) expect(doc.paths[route]).toBeDefined();
  });

  it("describes only routes that answer: each documented path, with its example parameters, answers 200", async () => {
    const doc = JSON.parse((await getFile(http.base, "/openapi.json")).text);
    for (const [template, item] of Object.entries<any>(doc.paths)) {
      // A document's id depends on what was registered: tests/exports/document-exports.test.ts calls that route.
      if (template === "/exports/documents/{file}") continue;
      const examples = (item.get.parameters ?? []).filter((p: any) => p.in === "query" && p.example && !["columns", "specialty"].includes(p.name));
      const formats = template.includes("{format}") ? ["csv"] : [""];
      for (const format of formats) {
        const url = template.replace("{format}", format);
        expect({ url, status: (await getFile(http.base, url)).status }).toEqual({ url, status: 200 });
        for (const p of examples) {
          const withExample = `${url}?${p.name}=${encodeURIComponent(p.example)}`;
          expect({ withExample, status: (await getFile(http.base, withExample)).status }).toEqual({ withExample, status: 200 });
        }
      }
    }
  });
});
