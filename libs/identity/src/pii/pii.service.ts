import { Injectable } from '@nestjs/common';
import { AppConfig } from '@lc/platform';
import { decrypt, encrypt, keyedHash, maskMiddle } from './pii';

export interface SealedValue {
  hash: string;
  encrypted: string;
  masked: string;
}

@Injectable()
export class PiiService {
  constructor(private readonly config: AppConfig) {}

  seal(purpose: 'nid' | 'phone', value: string): SealedValue {
    return { hash: this.hash(purpose, value), encrypted: encrypt(this.config.piiKey, value), masked: maskMiddle(value) };
  }

  hash(purpose: 'nid' | 'phone' | 'login' | 'login-client' | 'reset', value: string): string {
    return keyedHash(this.config.piiKey, purpose, value);
  }

  open(sealed: string): string {
    return decrypt(this.config.piiKey, sealed);
  }
}
