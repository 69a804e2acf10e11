export * from './types';
export * from './variables';
export * from './api';
