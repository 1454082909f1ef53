export * from './gateway-defaults';
export * from './template';
export * from './checks';
export * from './kamailio-config';
export * from './rtpengine-config';
export * from './turnserver-config';
export * from './nginx-wss-config';
export * from './asterisk/asterisk-config';
