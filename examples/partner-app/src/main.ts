import { execute } from "./client";
import { EpciPage, ZonesRougesOfRegion } from "./operations";

/**
 * The partner app in one run: the hero query for a région, then two pages of EPCI, every call by
 * `documentId`. Prints one JSON object with the answers (tests compare them with the same
 * queries sent as text). API_URL and API_KEY say where and as whom.
 */
async function main(): Promise<void> {
  const options = { url: process.env.API_URL ?? "http://localhost:4000/graphql", key: process.env.API_KEY };
  const hero = await execute(options, ZonesRougesOfRegion, { region: "76" });
  // Typed: `region` may be null (an unknown code), each zone has its initiatives.
  const zones = hero.data?.region?.zonesRouges ?? [];
  const first = await execute(options, EpciPage, { first: 5 }, "GET");
  const cursor = first.data?.epcis?.pageInfo.endCursor ?? null;
  const second = await execute(options, EpciPage, { first: 5, after: cursor });
  process.stdout.write(
    `${JSON.stringify({
      hero,
      zones: zones.length,
      initiatives: zones.reduce((n, z) => n + z.initiatives.length, 0),
      pages: [first, second],
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`partner app: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
