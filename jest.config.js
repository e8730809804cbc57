// Three tiers, one jest project each, all run by `npm test`:
//   unit         *.spec.ts beside the code: pure functions, no PostgreSQL or Redis (`npm run test:unit`);
//   integration  *.int-spec.ts: one feature's services through a Nest testing module against real
//                PostgreSQL/Redis, no HTTP (`npm run test:int`);
//   e2e          *.e2e-spec.ts: the built app over HTTP/Socket.IO, real PostgreSQL/Redis/Chromium.
// The services tiers share one scratch database and Redis prefix per run (test/global-setup.ts
// sets up once however many projects ask for it).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { diagnostics: false, tsconfig: { ...compilerOptions, isolatedModules: true, allowJs: true } }] },
  // Node 20 can require() these ESM-only packages; Jest 29 cannot, so it compiles them to CJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};
const services = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testRegex: '(apps|libs|test|scripts|load-tests)/.*\\.spec\\.ts$' },
    { ...shared, ...services, displayName: 'integration', testRegex: '(apps|libs|test)/.*\\.int-spec\\.ts$' },
    { ...shared, ...services, displayName: 'e2e', testRegex: '(apps|libs|test|scripts)/.*\\.e2e-spec\\.ts$' },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
