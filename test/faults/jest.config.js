/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS config file, like the root jest.config.js */
// The fault suite (npm run test:faults): its own config, so the default `npm test` never runs it
// (files end in .fault.ts, which the root testRegex does not match). One file, run in band: it
// starts its own PostgreSQL, Redis, api ×2 and worker and breaks them on purpose.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.json');

module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: 'test/faults/.*\\.fault\\.ts$',
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { diagnostics: false, tsconfig: { ...compilerOptions, isolatedModules: true, allowJs: true } }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
