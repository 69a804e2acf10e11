export * from './phases';
export * from './request';
export * from './cloudAccounts';
export * from './labels';
export * from './api';
export * from './import';
