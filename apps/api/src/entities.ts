import { IDENTITY_ENTITIES } from '@lc/identity';
import { AuditLog } from '@lc/platform';

/** Every entity of the platform: the api, the worker, the CLI and the tests share this list. */
export const ALL_ENTITIES = [AuditLog, ...IDENTITY_ENTITIES];
