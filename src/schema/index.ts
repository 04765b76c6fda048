export * from './common';
export * from './text';
export * from './dates';
export * from './quantity';
export * from './sources';
export * from './dataset';
export * from './parse';
export * from './sections';
