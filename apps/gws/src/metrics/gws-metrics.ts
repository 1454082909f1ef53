import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric of a GWS node, on a registry of its own (several apps may share a process in tests). Gauges that
 * mirror live state are filled at scrape time by `collectors`.
 */
export class GwsMetrics {
  readonly registry = new Registry();

  readonly operations = new Counter({
    name: 'gws_operations_total',
    help: 'Operations received (POST with operationName), by resource, operation and GWS statusCode answered',
    labelNames: ['resource', 'operation', 'statusCode'] as const,
    registers: [this.registry],
  });

  readonly eventDelivery = new Histogram({
    name: 'gws_event_delivery_seconds',
    help: 'From the T-Server event timestamp to the notification handed to the CometD sessions of the user',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly notificationsSent = new Counter({
    name: 'gws_notifications_total',
    help: 'Notifications delivered to local CometD sessions, by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly voiceSessions = new Gauge({
    name: 'gws_voice_sessions',
    help: 'Contact-center sessions (agents at a place) served by this node',
    registers: [this.registry],
  });

  readonly cometdSessions = new Gauge({
    name: 'gws_cometd_sessions',
    help: 'Bayeux (CometD) sessions connected to this node',
    registers: [this.registry],
  });

  readonly cometdUsers = new Gauge({
    name: 'gws_cometd_users',
    help: 'Users with at least one CometD session on this node',
    registers: [this.registry],
  });

  readonly standbySessions = new Gauge({
    name: 'gws_standby_sessions',
    help: "Other nodes' contact-center sessions this node stands by for (shadows fed by ModeMonitor registrations)",
    registers: [this.registry],
  });

  readonly standbyPromotions = new Counter({
    name: 'gws_standby_promotions_total',
    help: 'Sessions taken over from a standby shadow, by whether its window still covered the gap (overrun)',
    labelNames: ['overrun'] as const,
    registers: [this.registry],
  });

  readonly standbyAnnounced = new Counter({
    name: 'gws_standby_announced_total',
    help: 'Held notifications a takeover announced: what the dead holder had not logged',
    registers: [this.registry],
  });

  readonly linkUp = new Gauge({
    name: 'gws_platform_link_up',
    help: '1 when the link to the platform server is up (registered), else 0',
    labelNames: ['server'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gws_' });
  }

  /** A notification handed to local CometD sessions; `eventAt`: its T-Server event's time (epoch ms), if any. */
  notificationDelivered(topic: string, eventAt: number | undefined): void {
    this.notificationsSent.inc({ topic });
    if (eventAt !== undefined) this.eventDelivery.observe(Math.max(0, Date.now() - eventAt) / 1000);
  }
}
