export * from './types';
export * from './variables';
export * from './api';
export * from './versionRules';
