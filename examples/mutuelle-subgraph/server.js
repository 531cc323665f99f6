#!/usr/bin/env node
// An example partner subgraph: a mutuelle publishes the health centres it runs, by département,
// and the territoire-santé gateway composes it next to its own subgraphs. It shares nothing with
// our code but the Department key (its INSEE code). Run: node server.js --port 4201
"use strict";
const { parseArgs } = require("node:util");
const { ApolloServer } = require("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone");
const { buildSubgraphSchema } = require("@apollo/subgraph");
const { parse } = require("graphql");

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  "A health centre run by the mutuelle."
  type MutuelleHealthCentre {
    "Name of the centre."
    name: String!
    "INSEE code of the commune it is in."
    communeCode: String!
    "How it works with the local hospital, when it does."
    cooperation: String
  }

  "A département, extended by the mutuelle's subgraph."
  type Department @key(fields: "code") {
    "INSEE département code."
    code: ID!
    "Health centres the mutuelle runs in the département (from the mutuelle's own subgraph). Null if that subgraph is down."
    mutuelleHealthCentres: [MutuelleHealthCentre!]
  }

  type Query {
    "Every health centre the mutuelle runs."
    mutuelleHealthCentres: [MutuelleHealthCentre!]!
  }
`);

// The mutuelle's own data. Here: the MGEN centre in Moulins named in the 2025 reports.
const CENTRES = [
  { department: "03", name: "Centre de santé MGEN de Moulins", communeCode: "03190", cooperation: "City–hospital cooperation" },
];

const resolvers = {
  Query: { mutuelleHealthCentres: () => CENTRES },
  Department: {
    __resolveReference: (ref) => ({ code: ref.code }),
    mutuelleHealthCentres: (department) => CENTRES.filter((c) => c.department === department.code),
  },
};

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4201" } } });
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }) });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: "127.0.0.1" } });
  process.stdout.write(`mutuelle subgraph ready at ${url}\n`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  process.stderr.write(`mutuelle subgraph failed: ${error.message}\n`);
  process.exit(1);
});
