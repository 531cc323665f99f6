import fs from "node:fs";
import { CONTOUR_FILES, communeOutlines } from "./contour-files";
import { deriveDepartmentTopology } from "./department-outlines";

/**
 * Regenerates `departements-2026.topojson` (the départements' outlines) from the bundled commune
 * contours, after a new commune file is bundled: `npm run maps:outlines`. A test checks that the
 * committed file is what this derives from the bundled communes.
 */
function main(): void {
  const derived = deriveDepartmentTopology(communeOutlines());
  fs.writeFileSync(CONTOUR_FILES.departments, `${JSON.stringify(derived)}\n`);
  const count = derived.objects.departements.geometries.length;
  process.stdout.write(`wrote ${CONTOUR_FILES.departments}: ${count} départements, ${derived.arcs.length} arcs, ${fs.statSync(CONTOUR_FILES.departments).size} bytes\n`);
}

main();
