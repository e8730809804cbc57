import type { User } from './user.entity';

/** The name an erased account shows wherever its results remain (boards, rankings, exports). */
export const DELETED_USER_NAME = 'Người dùng đã xoá';

/**
 * What an erased account keeps: the row (results point at it), nothing that identifies a person.
 * The password hash is not a valid argon2 hash, so nothing verifies against it even if revived.
 */
export function anonymisedUser(tokenVersion: number, now: Date): Partial<User> {
  return {
    deletedAt: now,
    tokenVersion: tokenVersion + 1,
    fullName: DELETED_USER_NAME,
    email: null,
    phoneHash: null,
    phoneEncrypted: null,
    phoneMasked: null,
    nationalIdHash: null,
    nationalIdEncrypted: null,
    nationalIdMasked: null,
    dateOfBirth: null,
    guardianName: null,
    passwordHash: '!deleted',
  };
}
