import fs from "node:fs";
import path from "node:path";
import { ErrorCode, HTTP_STATUS } from "../../src/errors/errors";

/**
 * The error codes a client can receive are the members of ErrorCode (src/errors/errors.ts), each
 * with its HTTP status. No module of src/ writes a code of its own: an `extensions.code` or an
 * error's `code` is always taken from the enum.
 */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith(".ts") ? [file] : [];
  });
}

const SRC = path.join(__dirname, "../../src");

describe("error codes", () => {
  it("each has an HTTP status", () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it("are never written as text outside the enum: every `code` set in src/ is an ErrorCode member or not an error code", () => {
    const written: string[] = [];
    for (const file of sources(SRC)) {
      if (file.endsWith(path.join("errors", "errors.ts"))) continue;
      for (const match of fs.readFileSync(file, "utf8").matchAll(/\bcode:\s*["'`]([A-Z][A-Z_]+)["'`]/g)) written.push(`${path.relative(SRC, file)}: ${match[1]}`);
    }
    // Territory codes ("FR" for France) share the property name; an error code has an underscore or is a known member.
    const errorLike = written.filter((w) => /_/.test(w.split(": ")[1]) || (Object.values(ErrorCode) as string[]).includes(w.split(": ")[1]));
    expect(errorLike.filter((w) => !(Object.values(ErrorCode) as string[]).includes(w.split(": ")[1]))).toEqual([]);
  });
});
