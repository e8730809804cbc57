// `npm run openapi:write` / `openapi:check`: only apps/api/src/openapi/openapi.spec.ts, which
// needs no database, so without the suite's global setup (a scratch PostgreSQL database).
// (staff-coverage.spec.ts beside it runs with the rest in `npm test`, so a screen still to
// come never fails openapi:write.)
const { projects, testTimeout } = require('./jest.config.js');
const { displayName: _unit, ...unit } = projects.find((p) => p.displayName === 'unit');

module.exports = { ...unit, testRegex: 'apps/api/src/openapi/openapi\\.spec\\.ts$', testTimeout };
