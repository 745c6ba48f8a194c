import { describe, expect, it } from 'vitest';
import { maskAddress } from './dead-letters.js';
import { eventMatches } from './webhooks.js';

describe('webhook subscriptions match events', () => {
  it('by exact name, by module wildcard, or all', () => {
    expect(eventMatches(['dossier.received'], 'dossier.received')).toBe(true);
    expect(eventMatches(['dossier.received'], 'dossier.returned')).toBe(false);
    expect(eventMatches(['dossier.*'], 'dossier.returned')).toBe(true);
    expect(eventMatches(['payment.*'], 'dossier.returned')).toBe(false);
    expect(eventMatches(['*'], 'anything.atAll')).toBe(true);
  });
});

describe('dead letters show addresses masked', () => {
  it('an e-mail keeps two letters and the domain; a phone its last three digits; a URL stays whole', () => {
    expect(maskAddress('email', 'an.nguyen@example.com')).toBe('an***@example.com');
    expect(maskAddress('sms', '0905000001')).toBe('*******001');
    expect(maskAddress('webhook', 'https://partner.example/hooks')).toBe('https://partner.example/hooks');
  });
});
