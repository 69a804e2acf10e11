export * from './policies';
export * from './evaluation';
export * from './approvals';
export * from './api';
