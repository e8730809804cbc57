/**
 * Writes of a table by a library that does not own it, still to be moved behind the owner
 * (issue 17, item 4). The test fails on a write not listed here and on a line whose write
 * has gone, so this list only shrinks. Each reason says where the write should go.
 */
export const OWED_MOVES: Record<string, string> = {
  "identity writes attempt (attempts's): libs/identity/src/personal-data/account-deletion.service.ts": 'erasure: attempts should erase its own rows on AccountErased',
  "identity writes attempt_event (attempts's): libs/identity/src/personal-data/account-deletion.service.ts": 'erasure: attempts should erase its own rows on AccountErased',
  "identity writes judged_entry (judging's): libs/identity/src/personal-data/account-deletion.service.ts": 'erasure: judging should erase its own rows on AccountErased',
  "identity writes registration (contests's): libs/identity/src/personal-data/account-deletion.service.ts": 'erasure: contests should erase its own rows on AccountErased',
  "identity writes result_entry (judging's): libs/identity/src/personal-data/account-deletion.service.ts": 'erasure: judging should erase its own rows on AccountErased',
  "identity writes attempt (attempts's): libs/identity/src/personal-data/retention.ts": 'retention purge: each owner should purge its rows when the retention job asks (an event)',
  "identity writes attempt_event (attempts's): libs/identity/src/personal-data/retention.ts": 'retention purge: each owner should purge its rows when the retention job asks (an event)',
  "identity writes audit_log (platform's): libs/identity/src/personal-data/retention.ts": 'retention purge: AuditService (platform) should own the audit purge',
};
