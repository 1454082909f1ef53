/** What GWS, the simulator and the gateway agree on unless configured otherwise (docs/sip-gateway.md). */
export const GATEWAY_DEFAULTS = {
  /** The domain browsers register in (`sip:5001@gw.open-gws.test`), also the digest realm. */
  sipDomain: 'gw.open-gws.test',
  /** Agent DNs, the only ones the gateway registers (POSIX ERE and JavaScript alike). */
  dnPattern: '^5[0-9]{3}$',
  /** The Redis key prefix of the shared DN map, as GWS's REDIS_PREFIX. */
  dnMapPrefix: 'gws:',
  /**
   * Seconds between usrloc timer runs and before a closed WebSocket is destroyed: together with the WebSocket close
   * they bound how soon a closed browser shows as unregistered (docs/sip-gateway.md has the measured figures).
   */
  usrlocTimerSeconds: 1,
  wsRemoveDelaySeconds: 1,
} as const;
