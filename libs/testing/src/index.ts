export * from './recording-logger';
export * from './status-turns';
export * from './wait-for';
export * from './redis-server';
