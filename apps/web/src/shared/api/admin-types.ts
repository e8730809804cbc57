/**
 * Names for the admin console's API shapes (organisations, staff accounts, staff import) and
 * a round's judges: aliases of the generated OpenAPI schemas (schema.d.ts), never copies.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type StaffRole = Schemas['CreateStaffUserDto']['role'];
export type OrganisationLevel = Schemas['OrganisationView']['level'];
export type Organisation = Schemas['OrganisationView'];
export type StaffUser = Schemas['StaffUserView'];
export type PasswordReset = Schemas['PasswordResetView'];
export type StaffImportCreated = Schemas['StaffImportCreated'];
export type StaffColumn = Schemas['StaffImportProblem']['field'];
export type StaffImportProblem = Schemas['StaffImportProblem'];
/** Also the details of a 400 import_invalid (created then empty). */
export type StaffImportReport = Schemas['StaffImportReport'];
export type RoundJudge = Schemas['RoundJudgeResponse'];
