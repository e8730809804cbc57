import { api } from './api/client';

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Downloads a file from an authenticated endpoint (a plain link cannot carry the token). */
export async function downloadFile(path: string, query: Record<string, string>, fallbackName: string): Promise<void> {
  await saveResponse(await api.raw(path, { query, timeoutMs: 120_000, headers: { Accept: '*/*' } }), fallbackName);
}

/** The same for a file answered to a POST (an audited export that carries a reason). */
export async function downloadPosted(path: string, body: unknown, fallbackName: string): Promise<void> {
  await saveResponse(await api.raw(path, { method: 'POST', body, timeoutMs: 120_000, headers: { Accept: '*/*' } }), fallbackName);
}

async function saveResponse(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
