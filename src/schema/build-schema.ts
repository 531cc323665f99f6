import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";
import { CONFIG_VARIABLES } from "../config/config";
import { validateArguments } from "../validation/validate-args";
import { leanResolvers } from "./lean-resolvers";
import type { SubgraphDefinition } from "./subgraph";

/** Federation 2 link prepended to every subgraph's SDL. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag"])\n\n';

/**
 * Description of the Query type: the first text GraphiQL's documentation shows, so it carries a
 * glossary of the French terms. Every subgraph gives the same text, so that composition sees one.
 */
export const QUERY_DESCRIPTION = [
  "Entry points of territoire-santé: French territories and access to health care, every figure with its source and vintage.",
  "",
  "Glossary:",
  "- région, département, commune: the French territorial levels, identified by INSEE codes.",
  "- INSEE (Institut national de la statistique): the national statistics office; its Code officiel géographique (COG) lists the territories.",
  "- EPCI (établissement public de coopération intercommunale): a grouping of communes (communauté de communes, d'agglomération, urbaine, métropole), identified by its SIREN (the national business-register number).",
  "- zone rouge: one of the 151 EPCI the Ministère de la Santé designated in 2025 as the worst off for access to a doctor.",
  "- APL (accessibilité potentielle localisée): consultations of a GP available per inhabitant and per year, computed by DREES (Direction de la recherche, des études, de l'évaluation et des statistiques, the health ministry's statistics office).",
  "- PDSA (permanence des soins ambulatoires): the rota of GPs for evenings, nights and weekends. SAS (service d'accès aux soins): a phone service giving an appointment within 48 hours.",
  "- ARS (agence régionale de santé): the State's health agency in each région. CPAM (caisse primaire d'assurance maladie) and CNAM (Caisse nationale de l'assurance maladie): the public health insurance, locally and nationally. CNOM (Conseil national de l'Ordre des médecins): the doctors' professional body.",
  "- mutuelle: a non-profit complementary health insurer. médecin traitant: the GP a patient has declared as their regular doctor.",
].join("\n");

/** Description of the Mutation type, the same in every subgraph that has one. */
export const MUTATION_DESCRIPTION =
  "Changes partners make: their initiatives, zones rouges' needs, volunteer doctors and mission days. Every mutation needs an API key " +
  '(HTTP header "Authorization: Bearer <key>") whose role allows it; reads need none.';

/**
 * The options every schema of ours is built with, in one place: lean resolver calls check them
 * (src/schema/lean-resolvers.ts refuses those it cannot honour). No global middlewares and no
 * field-level @Authorized: every object type is declared with `simpleResolvers: true`, so a
 * plain field keeps no resolver and graphql-jit reads it inline; adding either would need those
 * flags reconsidered (type-graphql skips them on simple fields).
 */
const SCHEMA_OPTIONS = {
  // Federation directives (@key…) are not declared in this schema: the subgraph build adds them.
  skipCheck: true,
  validateFn: validateArguments,
} satisfies Partial<BuildSchemaOptions>;

export interface SchemaBuildOptions {
  /**
   * Call resolver methods directly where type-graphql's handler changes nothing
   * (src/schema/lean-resolvers.ts). Default: LEAN_RESOLVERS (on); off keeps the handler on every
   * call (the CI runs a whole suite so, to prove both give the same answers).
   */
  leanResolvers?: boolean;
}

/** LEAN_RESOLVERS of the environment, read through its configuration entry (`on` unless set to `off`). */
function leanFromEnvironment(): boolean {
  return CONFIG_VARIABLES.leanResolvers.read(process.env[CONFIG_VARIABLES.leanResolvers.name]) === "on";
}

/** The plain type-graphql schema of a subgraph (federation directives kept as SDL annotations). */
export async function buildTypeGraphQLSchema(definition: SubgraphDefinition, options: SchemaBuildOptions = {}): Promise<GraphQLSchema> {
  const buildOptions = { ...SCHEMA_OPTIONS, resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes };
  const schema = await buildSchema(buildOptions);
  if (options.leanResolvers ?? leanFromEnvironment()) leanResolvers(schema, definition.resolvers, buildOptions);
  // type-graphql has no option for the root type's description; the built type is ours to complete.
  const query = schema.getQueryType();
  if (query) query.description = QUERY_DESCRIPTION;
  const mutation = schema.getMutationType();
  if (mutation && !mutation.description) mutation.description = MUTATION_DESCRIPTION;
  return schema;
}

/** A Federation 2 subgraph: `_service`, `_entities` and `__resolveReference` for its entities. */
export async function buildFederatedSubgraph(definition: SubgraphDefinition, options: SchemaBuildOptions = {}): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphQLSchema = await buildTypeGraphQLSchema(definition, options);
  const sdl = FEDERATION_LINK + printSchemaWithDirectives(typeGraphQLSchema);
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return { schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }), sdl };
}
