export * from './select';
export * from './hover';
export * from './data-error';
export * from './path-change';
export * from './warning';
export * from './selection-change';
