import type { ExampleQuery } from "./graphiql";

/** Queries GraphiQL opens with, one tab each; the first is the hero query of the partner contract. */
export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: "Territories of a région",
    query: `# Welcome to territoire-santé: French territorial health data.
# Reads need no API key. Writes need one: add {"Authorization": "Bearer <key>"} in the Headers tab.
# Press the ▶ button to run. Other tabs hold more examples.

# A région, its départements and the EPCI (intercommunalités) of one of them.
{
  region(code: "76") {
    name
    population
    departments { code name population }
  }
  department(code: "46") {
    name
    epcis { siren name kind population }
  }
}
`,
  },
  {
    title: "Search a territory",
    query: `# Accent- and case-insensitive search across régions, départements, EPCI and communes.
{
  searchTerritories(text: "pont de cheruy") {
    __typename
    ... on Commune { code name population postalCodes epci { name } department { name } }
    ... on Epci { siren name }
    ... on Department { code name }
    ... on Region { code name }
  }
}
`,
  },
];
