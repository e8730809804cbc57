import { Logger } from '@nestjs/common';
import { maskMiddle } from '../pii/pii';
import type { Channel, MessageSender, OutgoingMessage } from './message-sender';

/** Development and demos: the message goes to the log (the recipient masked), nothing leaves the machine. */
export class LogSender implements MessageSender {
  private readonly log = new Logger('Messages');
  constructor(private readonly channel: Channel) {}

  send(m: OutgoingMessage): Promise<void> {
    this.log.log(`[${this.channel} to ${maskMiddle(m.to)}] ${m.subject}: ${m.text}`);
    return Promise.resolve();
  }
}
