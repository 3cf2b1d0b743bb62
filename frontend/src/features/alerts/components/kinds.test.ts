import { describe, expect, it } from 'vitest';
import { deliveryLabel, routingSummary, supportsTemplates } from './kinds';

describe('routingSummary', () => {
  it('names the events in the API’s order', () => {
    expect(routingSummary({ allMonitors: true, monitorIds: [], events: ['UP', 'DOWN'] })).toBe('All monitors · down, up');
    expect(routingSummary({ allMonitors: true, monitorIds: [], events: ['INCIDENT_UPDATE', 'DEGRADED', 'CERTIFICATE_EXPIRING', 'UP', 'DOWN'] })).toBe(
      'All monitors · down, up, degraded, certificate expiring, incident updates',
    );
    expect(routingSummary({ allMonitors: false, monitorIds: ['m1'], tags: ['db'], events: ['CERTIFICATE_EXPIRING'] })).toBe('1 monitor, tag db · certificate expiring');
  });

  it('says when nothing is routed', () => {
    expect(routingSummary({ allMonitors: true, monitorIds: [], events: [] })).toBe('Not routed');
    expect(routingSummary({ allMonitors: false, monitorIds: [], tags: [], events: ['DEGRADED'] })).toBe('Not routed');
  });
});

describe('deliveryLabel', () => {
  it('prefers the message type, then the event', () => {
    expect(deliveryLabel({ event: 'DOWN', type: 'monitor.settled' })).toEqual({ label: 'Settled', tone: 'badge badge--success' });
    expect(deliveryLabel({ event: 'DEGRADED', type: 'monitor.degraded' })).toEqual({ label: 'Degraded', tone: 'badge badge--warning' });
    expect(deliveryLabel({ event: 'TEST', type: 'test' }).label).toBe('Test');
    expect(deliveryLabel({ event: 'INCIDENT', type: 'incident.reopened' })).toEqual({ label: 'Incident update', tone: 'badge' });
    expect(deliveryLabel({ event: 'SOMETHING', type: 'something.new' }).label).toBe('something.new');
  });
});

describe('supportsTemplates', () => {
  it('is every kind but the webhook', () => {
    expect(supportsTemplates('EMAIL')).toBe(true);
    expect(supportsTemplates('SLACK')).toBe(true);
    expect(supportsTemplates('WEBHOOK')).toBe(false);
  });
});
