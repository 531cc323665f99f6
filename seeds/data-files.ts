import path from "node:path";
import { PROJECT_ROOT } from "../src/config/project-root";

/** A bundled data file (copied byte for byte from ../shared/data; see seeds/README.md). */
export function dataFile(name: string): string {
  return path.join(PROJECT_ROOT, "seeds", "data", name);
}
