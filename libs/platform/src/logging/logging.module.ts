import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

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

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Named wildcard: path-to-regexp 8 rejects a bare '*'.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        // The autosave hot path skips the per-request logger (its AsyncLocalStorage and child
        // logger were a quarter of api CPU under surge); its errors are still logged by the filter.
        // Nest prefixes these paths with the global prefix itself.
        exclude: [{ path: 'attempts/:id/answers/:questionId', method: RequestMethod.PUT }],
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          // createHttpApp's first hook has already validated or generated the id and put it in
          // this header, so log lines and the response carry the same one.
          genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? randomUUID()),
          // Successful requests log at debug so the hot path costs nothing at the default level.
          customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          quietReqLogger: true,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
