import { Inject, Injectable, Logger, OnModuleDestroy, Provider } from '@nestjs/common';
import { AppConfig } from '@lc/platform';
import { LogSender } from './log-sender';
import { type Channel, EMAIL_SENDER, type MessageSender, type OutgoingMessage, SMS_SENDER } from './message-sender';
import { SmsGatewaySender } from './sms-gateway-sender';
import { SmtpSender } from './smtp-sender';

/** The senders chosen by configuration (EMAIL_SENDER, SMS_SENDER; validated at start-up). */
export const SENDER_PROVIDERS: Provider[] = [
  {
    provide: EMAIL_SENDER,
    inject: [AppConfig],
    useFactory: (c: AppConfig): MessageSender => (c.emailSender === 'smtp' ? new SmtpSender(c.smtpUrl!, c.mailFrom) : new LogSender('email')),
  },
  {
    provide: SMS_SENDER,
    inject: [AppConfig],
    useFactory: (c: AppConfig): MessageSender => (c.smsSender === 'http' ? new SmsGatewaySender(c.smsGatewayUrl!, c.smsGatewayToken!) : new LogSender('sms')),
  },
];

/** Sends by channel. Failures are logged, not thrown: callers answer the same whether or not a message left. */
@Injectable()
export class Messages implements OnModuleDestroy {
  private readonly log = new Logger(Messages.name);

  constructor(
    @Inject(EMAIL_SENDER) private readonly email: MessageSender,
    @Inject(SMS_SENDER) private readonly sms: MessageSender,
  ) {}

  async send(channel: Channel, message: OutgoingMessage): Promise<boolean> {
    try {
      await (channel === 'email' ? this.email : this.sms).send(message);
      return true;
    } catch (e) {
      this.log.warn(`${channel} message not sent: ${(e as Error).message}`);
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.email.close?.();
    await this.sms.close?.();
  }
}
