export * from './cost';
export * from './compliance';
