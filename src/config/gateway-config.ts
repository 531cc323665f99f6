import fs from "node:fs";
import { z } from "zod";
import { ConfigError } from "../errors/errors";
import { SUBGRAPH_NAMES } from "./subgraph-names";

const OUR_NAMES: string[] = [...SUBGRAPH_NAMES];
const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" });

const GatewayConfigSchema = z
  .object({
    /** Our own subgraphs served elsewhere (by `npm start -- --subgraph NAME`); the others stay in-process. */
    subgraphs: z
      .partialRecord(z.enum(OUR_NAMES as [string, ...string[]]), z.object({ url: httpUrl }).strict())
      .optional()
      .default({}),
    /** Partners' subgraphs, composed next to ours. */
    partners: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, "must be 2 to 41 lower-case letters, digits or dashes, starting with a letter"),
            url: httpUrl,
          })
          .strict(),
      )
      .optional()
      .default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.partners.forEach((p, i) => {
      if (OUR_NAMES.includes(p.name)) ctx.addIssue({ code: "custom", path: ["partners", i, "name"], message: `"${p.name}" is the name of one of our subgraphs` });
      if (seen.has(p.name)) ctx.addIssue({ code: "custom", path: ["partners", i, "name"], message: `"${p.name}" is listed twice` });
      seen.add(p.name);
    });
  });

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

/** The gateway config file is missing, unreadable or invalid: one line per problem. */
export class GatewayConfigError extends ConfigError {
  override name = "GatewayConfigError";
}

/** An empty config: every subgraph of ours in-process, no partner. */
export const DEFAULT_GATEWAY_CONFIG: GatewayConfig = { subgraphs: {}, partners: [] };

/** Reads and validates the gateway config file (JSON); each problem is reported on its own line. */
export function loadGatewayConfig(file: string | undefined): GatewayConfig {
  if (!file) return DEFAULT_GATEWAY_CONFIG;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new GatewayConfigError(`gateway config ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `not valid JSON (${(error as Error).message})`}`);
  }
  return parseGatewayConfig(raw, file);
}

export function parseGatewayConfig(raw: unknown, origin = "gateway config"): GatewayConfig {
  const result = GatewayConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${origin}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new GatewayConfigError(lines);
  }
  return result.data;
}
