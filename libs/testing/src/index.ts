export * from './recording-logger';
export * from './wait-for';
