// Written by `npm run embed:build` from operations.ts: do not edit (tests/embed/embed-build.test.ts checks it).
import type { OperationName } from "./operations";

/** Each operation's trusted-document id, as the components send it (`documentId`). */
export const DOCUMENT_IDS: Record<OperationName, string> = {
  zonesRouges: "sha256:3270d99e2859cf32c100a11bac3380d828c98f68f81646f12322aff57fe84a8a",
  commune: "sha256:79eda5767bd5be5226ad087d661a853b9282ee63bea752591b15fb05f8388b34",
  epci: "sha256:982bf3d17f25e3fed8f1b07bd53af5482e2d97a793e7456903304e2549f5caff",
  departement: "sha256:b330f1fd5f589519087fd891cfadb6f03951835b7a57f26b5f1086b576c5facf",
};
