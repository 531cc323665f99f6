// @apollo/gateway's usage reporting runs cloud resource detectors that query metadata
// addresses (169.254.169.254…): tests make no traffic outside this machine.
process.env.APOLLO_TELEMETRY_DISABLED ??= "true";

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // The browser tests need Chromium, which `npm run test:browser` installs where missing: `npm test` installs nothing.
  // The file tests need GDAL and Python, which `npm run test:files` installs where missing.
  testPathIgnorePatterns: [
    "/node_modules/",
    ...(process.env.TEST_BROWSER === "1" ? [] : ["<rootDir>/tests/browser/"]),
    ...(process.env.TEST_FILES === "1" ? [] : ["<rootDir>/tests/files/"]),
    // The partner kit installs its own dependencies: `npm run test:kit`.
    ...(process.env.TEST_KIT === "1" ? [] : ["<rootDir>/tests/kit/"]),
    // Several processes each (node:cluster workers, Hive Gateway over subgraph processes): `npm run test:scale-out`.
    ...(process.env.TEST_SCALE_OUT === "1" ? [] : ["<rootDir>/tests/scale-out/"]),
    // The overload test offers 20,000 requests in 10 s: `npm run test:overload` runs it alone.
    ...(process.env.TEST_OVERLOAD === "1" ? [] : ["<rootDir>/tests/overload/"]),
  ],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
  testTimeout: 60000,
  // Each test file opens its own database (a copy of the run's template: a SQLite file or a PostgreSQL database).
  // Three workers on two cores: many files wait on child processes and sockets; with two, the run used 1.6
  // of the 2 cores. Three workers and the scale-out tests apart took the run from 5 min 07 s to 3 min 38 s.
  maxWorkers: 3,
};
