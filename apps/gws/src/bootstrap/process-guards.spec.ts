import { EventEmitter } from 'node:events';
import { installProcessGuards } from './process-guards';

describe('installProcessGuards', () => {
  it('logs an uncaught error and an unhandled rejection instead of letting them end the process', () => {
    const lines: { fields: object; message: string }[] = [];
    const target = new EventEmitter();
    installProcessGuards({ error: (fields, message) => lines.push({ fields, message }) }, target);
    const error = new RangeError('Invalid string length');
    target.emit('uncaughtException', error, 'uncaughtException');
    target.emit('unhandledRejection', new Error('late'));
    expect(lines).toEqual([
      { fields: { err: error, origin: 'uncaughtException' }, message: 'uncaught error: the process goes on' },
      { fields: { err: new Error('late') }, message: 'unhandled promise rejection: the process goes on' },
    ]);
  });
});
