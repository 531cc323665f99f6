import fs from "node:fs";
import { CONTOUR_FILES, communeOutlines, departmentOutlines, epciOutlines } from "../../src/maps/geometry/contour-files";
import { departmentOfCommune, deriveDepartmentTopology } from "../../src/maps/geometry/department-outlines";
import { documentedProjector, FRAME_IDS, FRAMES, frameOfDepartment, projector } from "../../src/maps/geometry/frames";
import { planarOutlines } from "../../src/maps/geometry/planar-outlines";
import { formatDate, formatNumber, ofDate } from "../../src/maps/locale";

describe("the maps' outlines", () => {
  it("bundles the 1,255 EPCI and the 34,868 communes with a polygon (SOURCES.md §19–20)", () => {
    expect(epciOutlines().size).toBe(1255);
    expect(communeOutlines().size).toBe(34868);
    expect(departmentOutlines().size).toBe(101);
  });

  it("commits the départements' outlines that npm run maps:outlines derives from the bundled communes", () => {
    const committed = JSON.parse(fs.readFileSync(CONTOUR_FILES.departments, "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(deriveDepartmentTopology(communeOutlines()))));
  });

  it("places every commune in the part of France its code says (mainland, or its overseas département's inset)", () => {
    const communes = communeOutlines();
    for (const outline of planarOutlines(communes, communes.keys())) {
      if (outline.frame !== frameOfDepartment(departmentOfCommune(outline.code))) expect({ commune: outline.code, frame: outline.frame }).toBeUndefined();
    }
  });

  it("projects with the EPSG definitions: Lambert-93's origin (3°E, 46.5°N) is (700 000, 6 600 000); each UTM zone's is (500 000, 0 or 10 000 000)", () => {
    const [x, y] = projector("metropole")([3, 46.5]);
    expect(x).toBeCloseTo(700_000, 3);
    expect(y).toBeCloseTo(6_600_000, 3);
    expect(projector("971")([-63, 0]).map((v) => Math.round(v))).toEqual([500_000, 0]); // zone 20N
    expect(projector("973")([-51, 0]).map((v) => Math.round(v))).toEqual([500_000, 0]); // zone 22N
    expect(projector("974")([57, 0]).map((v) => Math.round(v))).toEqual([500_000, 10_000_000]); // zone 40S
    expect(projector("976")([45, 0]).map((v) => Math.round(v))).toEqual([500_000, 10_000_000]); // zone 38S
  });
});

describe("the projection's fast path", () => {
  it("gives the coordinates proj4's documented converter gives, to the millimetre, across each frame", () => {
    for (const frame of FRAME_IDS) {
      const [west, south, east, north] = FRAMES[frame].bounds;
      const [fast, documented] = [projector(frame), documentedProjector(frame)];
      for (let i = 0; i <= 10; i++) {
        for (let j = 0; j <= 10; j++) {
          const point = [west + ((east - west) * i) / 10, south + ((north - south) * j) / 10];
          const [a, b] = [fast(point), documented(point)];
          expect({ frame, point, dx: Math.abs(a[0] - b[0]) < 0.001, dy: Math.abs(a[1] - b[1]) < 0.001 }).toEqual({ frame, point, dx: true, dy: true });
        }
      }
    }
  });
});

describe("French by default", () => {
  it("writes numbers and dates as French does, and as English does with lang=en", () => {
    expect(formatNumber(1234.5, "fr", 1)).toBe("1\u00a0234,5");
    expect(formatNumber(1234.5, "en", 1)).toBe("1,234.5");
    expect(formatNumber(2.8367, "fr", 2)).toBe("2,84");
    expect(formatDate("2025-06-27", "fr")).toBe("27 juin 2025");
    expect(formatDate("2025-01-01", "fr")).toBe("1er janvier 2025");
    expect(formatDate("2025-06-27", "en")).toBe("27 June 2025");
    expect(formatDate("2024-09", "fr")).toBe("septembre 2024");
    expect(formatDate("2023", "fr")).toBe("2023");
    expect(formatDate("COG 2026", "fr")).toBe("COG 2026");
    expect(ofDate("2025-06-27", "fr")).toBe("du 27 juin 2025");
    expect(ofDate("2024-04", "fr")).toBe("d'avril 2024");
    expect(ofDate("2023", "fr")).toBe("de 2023");
    expect(ofDate("2023", "en")).toBe("of 2023");
  });
});
