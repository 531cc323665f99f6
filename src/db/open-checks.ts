import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { ConfigError } from "../errors/errors";

/**
 * Start-up problems with the database DATABASE_URL names, each as one line naming the variable
 * and its value (`main` prints a ConfigError without a stack), found before anything is opened
 * for writing: the database file is never modified by a start that fails.
 */

/** The nearest folder of `dir` that exists (mkdir -p creates the rest under it). */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

const accessible = (file: string, mode: number): boolean => {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
};

/**
 * An SQLite file the server can use, or a ConfigError saying why not: a directory, a file it
 * cannot read or write, a folder where SQLite cannot create its `-wal` and `-shm` files, a file
 * that is not an SQLite database (opened read-only to find out: nothing is written to it).
 */
export function checkSqliteFile(file: string): void {
  if (file === ":memory:") return;
  const named = `DATABASE_URL "sqlite:${file}"`;
  const dir = path.dirname(file);
  if (!fs.existsSync(file)) {
    const ancestor = existingAncestor(dir);
    if (!fs.statSync(ancestor).isDirectory()) throw new ConfigError(`${named}: ${ancestor} is a file, not a folder: the database cannot be created there`);
    if (!accessible(ancestor, fs.constants.W_OK | fs.constants.X_OK)) {
      throw new ConfigError(`${named}: the folder ${ancestor} cannot be written, so the database cannot be created there`);
    }
    return;
  }
  if (fs.statSync(file).isDirectory()) throw new ConfigError(`${named} names a folder, not an SQLite database file`);
  if (!accessible(file, fs.constants.R_OK | fs.constants.W_OK)) throw new ConfigError(`${named}: the file cannot be read and written (check its owner and permissions)`);
  if (!accessible(dir, fs.constants.W_OK | fs.constants.X_OK)) {
    throw new ConfigError(`${named}: the folder ${dir} cannot be written (SQLite keeps its -wal and -shm files next to the database)`);
  }
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    // Reads the header and the schema: a file of another kind fails here (SQLITE_NOTADB).
    probe.pragma("schema_version");
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === "SQLITE_NOTADB") throw new ConfigError(`${named}: the file is not an SQLite database (${message ?? code})`);
    throw new ConfigError(`${named}: the file cannot be opened as an SQLite database (${code ?? "error"}: ${message ?? String(error)})`);
  } finally {
    probe?.close();
  }
}

/** A PostgreSQL URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

/** SQLSTATEs and driver errors that mean "this DATABASE_URL does not lead to a database" (as opposed to a failed migration). */
const CONNECTION_PROBLEM = /^(08|28|3D)|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|timeout|terminated/i;

/** PostgreSQL not reached at start, as one line naming DATABASE_URL (password hidden); undefined for any other error. */
export function postgresOpenProblem(url: string, error: unknown): ConfigError | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""}`.trim();
  if (!CONNECTION_PROBLEM.test(text)) return undefined;
  return new ConfigError(`DATABASE_URL "${redactedUrl(url)}": PostgreSQL cannot be reached or refuses the connection (${text})`);
}
