export * from './directory.model';
export * from './directory.schema';
export * from './directory.error';
export * from './directory-loader';
export * from './directory-index';
export * from './demo-directory';
