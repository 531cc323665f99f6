import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ImportRejectedError } from "../../seeds/importers/import-result";

/**
 * A temporary folder for one test file's input files, removed in afterAll.
 * `file(name, text)` writes a file there and returns its path.
 */
export function useImportFiles(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  return { dir, file };
}

/** The error of an import that must be rejected (fails the test unless it is an ImportRejectedError). */
export async function rejectionOf(run: Promise<unknown>): Promise<ImportRejectedError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRejectedError);
  return error as ImportRejectedError;
}
