import type { MessageSender, OutgoingMessage } from './message-sender';

const TIMEOUT_MS = 10_000;

/** `0912345678` → `+84912345678`: gateways want the international form. */
export const internationalPhone = (phone: string) => (phone.startsWith('0') ? `+84${phone.slice(1)}` : phone);

/**
 * SMS through an HTTP gateway. The wire format (documented in README, "Messages"):
 * `POST SMS_GATEWAY_URL`, `Authorization: Bearer SMS_GATEWAY_TOKEN`, JSON
 * `{ "to": "+84912345678", "text": "…" }`; any 2xx is accepted, anything else is an error.
 * A provider with another format sits behind a small relay speaking this one.
 */
export class SmsGatewaySender implements MessageSender {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: internationalPhone(m.to), text: m.text }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
