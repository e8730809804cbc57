/** One message to one person: an e-mail address or a phone number in its 0-form. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

export type Channel = 'email' | 'sms';

/** The one interface every way of sending has (SMTP, an SMS gateway, the development log). */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void> | void;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
export const SMS_SENDER = Symbol('SMS_SENDER');
