// `npm run openapi:write` / `openapi:check`: only apps/api/src/openapi/openapi.spec.ts, which
// needs no database, so without the suite's global setup (a scratch PostgreSQL database).
const base = require('./jest.config.js');

module.exports = { ...base, globalSetup: undefined, globalTeardown: undefined, testRegex: 'apps/api/src/openapi/.*\\.spec\\.ts$' };
