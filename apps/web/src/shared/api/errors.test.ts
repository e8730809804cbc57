import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromBody, BY_CODE, CLIENT_ERROR_CODES, classifySaveError, describeError, detailId, fieldProblems, networkError } from './errors';
import openapi from './openapi.json';

describe('API errors', () => {
  it('reads the server error body', () => {
    const e = apiErrorFromBody(409, { statusCode: 409, error: 'Conflict', message: 'This phone number already has an account', code: 'phone_taken' });
    expect(e).toMatchObject({ status: 409, code: 'phone_taken' });
    expect(describeError(e)).toBe('Số điện thoại này đã có tài khoản. Vui lòng đăng nhập.');
  });

  it('falls back on the status and on network failures', () => {
    expect(describeError(apiErrorFromBody(503, null))).toContain('Máy chủ');
    expect(describeError(networkError(new TypeError('Failed to fetch')))).toContain('Không có kết nối');
    expect(describeError(apiErrorFromBody(429, {}, '30'))).toContain('30 giây');
    expect(describeError(new Error('x'))).toContain('tải lại trang');
  });

  it('maps validation details to fields', () => {
    const e = apiErrorFromBody(400, {
      code: 'validation_failed',
      details: [{ field: 'phone', problems: ['bad'] }, { field: 'phone', problems: ['worse'] }, 'junk'],
    });
    expect(fieldProblems(e)).toEqual({ phone: ['bad', 'worse'] });
    expect(fieldProblems(new Error('x'))).toEqual({});
  });

  it('finds the in-progress attempt id in a 409', () => {
    expect(detailId(apiErrorFromBody(409, { details: { attemptId: 'a1' } }), 'attemptId')).toBe('a1');
    expect(detailId(apiErrorFromBody(409, { details: { attempt: { id: 'a2' } } }), 'attemptId', 'attempt')).toBe('a2');
    expect(detailId(apiErrorFromBody(409, { details: [] }), 'attemptId')).toBeUndefined();
  });
});

describe('classifySaveError', () => {
  it('retries what the network or an overloaded server lost', () => {
    expect(classifySaveError(new ApiError(0, 'network', 'x'))).toBe('retry');
    expect(classifySaveError(new ApiError(503, undefined, 'x'))).toBe('retry');
    expect(classifySaveError(new ApiError(429, undefined, 'x'))).toBe('retry');
  });
  it('drops stale answers and stops on a finished attempt', () => {
    expect(classifySaveError(new ApiError(409, 'stale_answer', 'x'))).toBe('stale');
    expect(classifySaveError(new ApiError(409, 'deadline_passed', 'x'))).toBe('closed');
    expect(classifySaveError(new ApiError(409, 'attempt_closed', 'x'))).toBe('closed');
    expect(classifySaveError(new ApiError(400, 'validation_failed', 'x'))).toBe('rejected');
  });
});

describe('error codes', () => {
  it('has a text for exactly the codes the server can send (openapi.json), and the client its own', () => {
    const server = [...openapi.components.schemas.ErrorResponse.properties.code.enum].sort();
    const client: readonly string[] = CLIENT_ERROR_CODES;
    const mapped = Object.keys(BY_CODE)
      .filter((c) => !client.includes(c))
      .sort();
    expect(mapped).toEqual(server);
    for (const text of Object.values(BY_CODE)) expect(text).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/);
  });
});
