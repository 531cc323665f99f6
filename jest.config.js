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
// The overload test is heavy (2,000 requests/s for 10 s): `npm run test:overload`.
  testPathIgnorePatterns: [
    "/node_modules/",
    ...(process.env.TEST_BROWSER === "1" ? [] : ["<rootDir>/tests/browser/"]),
    ...(process.env.TEST_FILES === "1" ? [] : ["<rootDir>/tests/files/"]),
    // The partner kit installs its own dependencies: `npm run test:kit`.
    ...(process.env.TEST_KIT === "1" ? [] : ["<rootDir>/tests/kit/"]),
    // The overload test offers 20,000 requests in 10 s: `npm run test:overload` runs it alone.
    ...(process.env.TEST_OVERLOAD === "1" ? [] : ["<rootDir>/tests/overload/"]),
  ],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
  testTimeout: 60000,
  // Each test file opens its own database (a temporary SQLite file or a PostgreSQL schema).
  maxWorkers: 2,
};
