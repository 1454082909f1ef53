import { GwsMetrics } from './gws-metrics';

describe('GwsMetrics.notificationDelivered', () => {
  it('counts by topic and observes the delivery time', async () => {
    const metrics = new GwsMetrics();
    metrics.notificationDelivered('/v2/me/calls', Date.now());
    metrics.notificationDelivered('/v2/me/calls', undefined);
    metrics.notificationDelivered('/v2/me/devices', Date.now());
    let text = await metrics.registry.metrics();
    expect(text).toContain('gws_notifications_total{topic="/v2/me/calls"} 2\n');
    expect(text).toContain('gws_notifications_total{topic="/v2/me/devices"} 1\n');
    expect(text).toContain('gws_event_delivery_seconds_count 2\n');
    metrics.notificationDelivered('/v2/me/calls', undefined);
    text = await metrics.registry.metrics();
    expect(text).toContain('gws_notifications_total{topic="/v2/me/calls"} 3\n');
    expect(text).toContain('gws_event_delivery_seconds_count 2\n');
  });
});
