// Ranking rules ("thể lệ"), ranking, audit and explanations
export * from './ranking/rules';
export * from './ranking/attempt-row';
export * from './ranking/prediction';
export type { RoundContext, Separator } from './ranking/compare';
export { predictionDistance } from './ranking/compare';
export * from './ranking/rank-round';
export * from './ranking/audit';
export * from './ranking/explain';
export * from './ranking/diff';
// Jury scoring for judged rounds
export * from './jury/rubric';
export * from './jury/penalties';
export * from './jury/aggregate';
export * from './jury/visibility';
export * from './jury/rank-entries';
// Prizes, advancement, unit prizes
export { competitionRanks } from './awards/by-rank';
export * from './awards/prize-plan';
export * from './awards/allocate-prizes';
export * from './awards/advancement';
export * from './awards/unit-prizes';
// Result and winner columns for the exports (the CSV / XLSX writers are platform's `sheets/`)
export * from './exports/result-columns';
// PDF decision and certificates
export * from './certificates/fonts';
export type { Issuer, Signer } from './certificates/pdf-common';
export { pdfToBuffer, writePdf, placeAndDate } from './certificates/pdf-common';
export * from './certificates/decision-pdf';
export * from './certificates/certificate-pdf';
// Nest modules and entities (the pure core above does not depend on them)
export { JudgingModule, JudgingWorkerModule } from './judging.module';
export { RESULT_ENTITIES } from './results/entities';
export { ResultsCoreModule } from './results/results.module';
export { CloseRound } from './results/close/close-round';
export { ResultExportWriter } from './results/exports/export-writer';
export { JUDGED_ENTRY_ENTITIES } from './judged-entries/entities';
export { JudgedEntriesModule } from './judged-entries/judged-entries.module';
export * from './judged-entries/entry/judged-entry-personal-data';
export * from './results/read/result-personal-data';
export * from './judged-entries/judged-standings';
