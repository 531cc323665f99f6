// Loaded first: the entities are type-graphql classes, whose decorators need it.
import "reflect-metadata";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { composeSupergraph, CompositionError, type SubgraphSdl } from "./compose";
import { fetchSubgraphSdl, SubgraphUnreachableError } from "./create-gateway";
import { GatewayConfigError, loadGatewayConfig } from "../config/gateway-config";
import { buildLocalSubgraphs } from "./local-subgraphs";
import { DEFAULT_SUBGRAPH_URLS } from "./subgraph-urls";


/**
 * `npm run supergraph [-- --out FILE --gateway-config FILE]`: composes our subgraphs (and the
 * config's partners) and writes the supergraph SDL that Apollo Router loads with `--supergraph`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string", default: "supergraph.graphql" }, "gateway-config": { type: "string" } } });
  const config = loadGatewayConfig(values["gateway-config"] ?? process.env.GATEWAY_CONFIG);
  const subgraphs: SubgraphSdl[] = (await buildLocalSubgraphs()).map((s) => ({
    name: s.name,
    url: config.subgraphs[s.name]?.url ?? DEFAULT_SUBGRAPH_URLS[s.name],
    sdl: s.sdl,
  }));
  for (const partner of config.partners) {
    subgraphs.push({ name: partner.name, url: partner.url, sdl: await fetchSubgraphSdl(partner.name, partner.url) });
  }
  const { supergraphSdl, hints } = composeSupergraph(subgraphs);
  fs.writeFileSync(values.out, supergraphSdl);
  process.stdout.write(`wrote ${values.out}: ${subgraphs.map((s) => `${s.name} → ${s.url}`).join(", ")}\n`);
  for (const hint of hints) process.stdout.write(`hint: ${hint}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof CompositionError || error instanceof GatewayConfigError || error instanceof SubgraphUnreachableError;
  process.stderr.write(`supergraph failed: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
