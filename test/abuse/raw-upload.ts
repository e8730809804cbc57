import { connect, type Socket } from 'node:net';
import type { Res } from '../harness';

/** A multipart body cut in three: text fields and the file part's head, the file's bytes, the closing boundary. */
export function multipartParts(fields: Record<string, string>, file: { name: string; bytes: Buffer }, boundary = `----lc${Date.now().toString(36)}`) {
  const fieldText = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const head = Buffer.from(
    `${fieldText}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  return { boundary, head, file: file.bytes, tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8') };
}

/**
 * An HTTP upload over a raw socket, written piece by piece when the test says so: a slow
 * client, or one that holds its upload open across a deadline.
 */
export class RawUpload {
  private readonly socket: Socket;
  private received = Buffer.alloc(0);
  private trickle?: NodeJS.Timeout;
  /** The server's answer (the socket closing without one rejects). */
  readonly response: Promise<Res>;
  /** Resolves when the connection is closed (by either side). */
  readonly closed: Promise<void>;

  constructor(baseUrl: string, path: string, token: string, contentType: string, contentLength: number) {
    const u = new URL(baseUrl);
    this.socket = connect({ host: u.hostname, port: Number(u.port) });
    this.socket.on('error', () => undefined); // a server that cuts us off is what some tests expect
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.response = new Promise((resolve, reject) => {
      const tryParse = () => {
        const end = this.received.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = this.received.subarray(0, end).toString('latin1').split('\r\n');
        const headers = new Headers();
        for (const line of head.slice(1)) {
          const i = line.indexOf(':');
          headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
        }
        const length = Number(headers.get('content-length') ?? 0);
        if (this.received.length < end + 4 + length) return;
        const text = this.received.subarray(end + 4, end + 4 + length).toString('utf8');
        let body: unknown = text;
        if ((headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
        resolve({ status: Number(head[0].split(' ')[1]), body, headers });
      };
      this.socket.on('data', (c: Buffer) => {
        this.received = Buffer.concat([this.received, c]);
        tryParse();
      });
      this.socket.once('close', () =>
        reject(new Error(`connection closed without a full answer: ${JSON.stringify(this.received.toString('latin1').slice(0, 200))}`)),
      );
    });
    this.response.catch(() => undefined);
    this.socket.write(
      `POST /api/v1${path} HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${contentLength}\r\n\r\n`,
    );
  }

  /** Starts an upload of `parts`: the fields, the file's head and `fileHead` bytes of the file are sent now. */
  static start(baseUrl: string, path: string, token: string, parts: ReturnType<typeof multipartParts>, fileHead: number): RawUpload {
    const length = parts.head.length + parts.file.length + parts.tail.length;
    const up = new RawUpload(baseUrl, path, token, `multipart/form-data; boundary=${parts.boundary}`, length);
    up.write(Buffer.concat([parts.head, parts.file.subarray(0, fileHead)]));
    return up;
  }

  write(bytes: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Keeps a slow upload alive: one byte of `bytes` every `everyMs`; returns how many were sent when stopped. */
  startTrickle(bytes: Buffer, everyMs: number): () => number {
    let sent = 0;
    this.trickle = setInterval(() => {
      if (sent < bytes.length) this.write(bytes.subarray(sent, ++sent));
    }, everyMs);
    return () => {
      clearInterval(this.trickle);
      return sent;
    };
  }

  destroy(): void {
    clearInterval(this.trickle);
    this.socket.destroy();
  }
}
