import { Global, Module } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { ROOT_LOGGER } from './logging.tokens';
import { PinoNestLogger } from './pino-nest-logger';

/** Paths pino blanks out in every line: secrets and personal data never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.nationalId',
  '*.phone',
  '*.email',
  'password',
  'nationalId',
  'phone',
];

/** The root pino logger, built once; Nest's own logs reach it through PinoNestLogger. */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Logger => pino({ level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }),
    },
    PinoNestLogger,
  ],
  exports: [ROOT_LOGGER, PinoNestLogger],
})
export class LoggingModule {}
