export * from './personal-data.module';
export * from './personal-data-export';
export * from './retention/retention';
