import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Tests that start the real server as a child process run the compiled code: build it once
 * before the suite (incremental, a few seconds when little changed).
 */
export default function globalSetup(): void {
  const root = path.join(__dirname, "../..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
}
