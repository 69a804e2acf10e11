export * from './types';
export * from './variables';
