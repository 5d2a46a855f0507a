export * from './common.js';
export * from './evidence.js';
export * from './condition.js';
export * from './questions.js';
export * from './criteria.js';
export * from './model.js';
export * from './answers.js';
