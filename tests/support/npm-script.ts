import { execFile } from "node:child_process";
import { ROOT } from "./processes";

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run --silent SCRIPT -- ARGS` from the project root, as a user types it, in its own
 * process. Resolves with the exit code and both outputs whatever the code.
 */
export function runNpmScript(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    execFile("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A stack trace line: what a user must never be shown for a mistake of theirs. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;
