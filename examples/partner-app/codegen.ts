import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Types for every operation written with `graphql(...)` under src/, from the API's published
 * schema, and the manifest of those operations (src/gql/persisted-documents.json) to register
 * for the app's key: the app then sends `documentId`, never the text.
 */
const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**/*"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // The id is the SHA-256 of the document's text, as the API computes it (docs/partners.md).
        persistedDocuments: { mode: "replaceDocumentWithHash", hashAlgorithm: "sha256" },
      },
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};
export default config;
