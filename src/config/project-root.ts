import fs from "node:fs";
import path from "node:path";

/**
 * The repository root, found by walking up from this file: the same answer whether the code
 * runs compiled from `dist/` or as TypeScript under Jest, and whatever the working directory.
 */
export const PROJECT_ROOT: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();
