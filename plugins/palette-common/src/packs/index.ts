export * from './semver';
export * from './jsonSchema';
export * from './types';
