import { createTransport, type Transporter } from 'nodemailer';
import type { MessageSender, OutgoingMessage } from './message-sender';

/** E-mail through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.gov.vn:465`). */
export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(m: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text });
  }

  close(): void {
    this.transport.close();
  }
}
