// Two tiers: *.spec.ts are pure unit tests beside the code; *.e2e-spec.ts talk to real
// PostgreSQL, Redis and HTTP/Socket.IO. Both run in one `npm test`.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(apps|libs|test|scripts)/.*\\.(e2e-)?spec\\.ts$',
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { diagnostics: false, tsconfig: { ...compilerOptions, isolatedModules: true, allowJs: true } }] },
  // Node 20 can require() these ESM-only packages; Jest 29 cannot, so it compiles them to CJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
