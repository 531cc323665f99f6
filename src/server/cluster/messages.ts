/**
 * What the cluster's primary and its workers tell each other over the IPC channel. Each type is
 * prefixed so that prom-client's own messages (`prom-client:…`) on the same channel never match.
 */
export const WRITE = "territoire-sante:write";
export const METRICS_REQUEST = "territoire-sante:metrics-request";
export const METRICS_ANSWER = "territoire-sante:metrics-answer";

export type ClusterMessage =
  /** A worker committed a write: the others drop their cached reads and answers. */
  | { type: typeof WRITE }
  /** A worker serves GET /metrics and asks the primary for every worker's series. */
  | { type: typeof METRICS_REQUEST; id: number }
  | { type: typeof METRICS_ANSWER; id: number; text?: string; error?: string };

export function isClusterMessage<T extends ClusterMessage["type"]>(message: unknown, type: T): message is Extract<ClusterMessage, { type: T }> {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === type;
}
