import type { GatewayConfig } from "../../src/config/gateway-config";
import type { Database } from "../../src/db/database";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";
import { type RunningServer, startServer } from "../../src/server/start-server";

export interface RemoteSubgraphs {
  /** A gateway config naming where each of our subgraphs answers. */
  config: GatewayConfig;
  servers: RunningServer[];
  stop: () => Promise<void>;
}

/**
 * Our three subgraphs each behind an HTTP server of its own (`npm start -- --subgraph NAME`, here
 * in this process on loopback ports): a gateway given `config` reaches them over HTTP through
 * its query plan, as when they run on other machines.
 */
export async function startRemoteSubgraphs(db: Database): Promise<RemoteSubgraphs> {
  const servers = await Promise.all(
    ALL_SUBGRAPHS.map((s) => startServer({ db, mode: { kind: "subgraph", name: s.name }, port: 0, host: "127.0.0.1", reportError: () => {} })),
  );
  return {
    config: { subgraphs: Object.fromEntries(servers.map((server, i) => [ALL_SUBGRAPHS[i].name, { url: server.url }])), partners: [] },
    servers,
    stop: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
