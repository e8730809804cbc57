import { api, buildUrl, seg } from '../../shared/api/client';
import { ApiError, apiErrorFromBody, networkError } from '../../shared/api/errors';
import type { EntryMarks, EntryView } from '../../shared/api/judging-types';
import { sessions } from '../../shared/api/session';

/** Uploads can take minutes on a phone: no short timeout, progress reported. */
function xhrUpload(
  path: string,
  form: FormData,
  token: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(networkError(new Error('network')));
    xhr.ontimeout = () => reject(networkError(new DOMException('timeout', 'TimeoutError')));
    xhr.send(form);
  });
}

export interface HandInInput {
  text: string | null;
  link: string | null;
  file: File | null;
}

export const handInApi = {
  /** The entrant's entry, or null when they have not handed one in. */
  myEntry: async (roundId: string): Promise<EntryView | null> => {
    try {
      return await api.get<EntryView>(`/rounds/${seg(roundId)}/my-entry`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && (e.code === 'not_found' || !e.code)) return null;
      throw e;
    }
  },

  /**
   * A hand-in replaces the whole entry. Without a file it is JSON; with one, multipart with
   * the text and link fields before the file (the server reads them first).
   */
  handIn: async (roundId: string, input: HandInInput, onProgress: (fraction: number) => void = () => undefined): Promise<EntryView> => {
    const path = `/rounds/${seg(roundId)}/entries`;
    const body = { ...(input.text ? { text: input.text } : {}), ...(input.link ? { link: input.link } : {}) };
    if (!input.file) return api.post<EntryView>(path, body);
    const form = () => {
      const f = new FormData();
      if (input.text) f.append('text', input.text);
      if (input.link) f.append('link', input.link);
      f.append('file', input.file!, input.file!.name);
      return f;
    };
    let res = await xhrUpload(path, form(), sessions.get()?.accessToken, onProgress);
    if (res.status === 401 && sessions.get()) {
      // An expired access token: any call through the client refreshes it, then upload again.
      await api.get('/me').catch(() => undefined);
      res = await xhrUpload(path, form(), sessions.get()?.accessToken, onProgress);
    }
    if (res.status < 200 || res.status >= 300) throw apiErrorFromBody(res.status, res.body);
    return res.body as EntryView;
  },

  /** Counted marks and comments (no judges' names), once results are published. */
  marks: (entryId: string) => api.get<EntryMarks>(`/entries/${seg(entryId)}/scores`),
  fileUrl: (entryId: string) => `/entries/${seg(entryId)}/file`,
};
