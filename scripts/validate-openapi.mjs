// Validates an OpenAPI document (path in argv) against the OpenAPI 3 schema and its $refs;
// run by openapi.spec.ts as a child process (the validator is an ES module, Jest 29 loads CommonJS).
import { validate } from '@readme/openapi-parser';
import process from 'node:process';

const result = await validate(process.argv[2]);
process.stdout.write(JSON.stringify(result));
process.exit(result.valid ? 0 : 1);
