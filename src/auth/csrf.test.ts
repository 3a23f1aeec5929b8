import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csrfTokenMatches, isSafeMethod, isSameOrigin, newCsrfSecret } from './csrf.ts';

test('the CSRF token must equal the session secret', () => {
  const s = newCsrfSecret();
  assert.match(s, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(newCsrfSecret(), s);
  assert.equal(csrfTokenMatches(s, s), true);
  assert.equal(csrfTokenMatches(s, s.slice(1)), false);
  assert.equal(csrfTokenMatches(s, newCsrfSecret()), false);
  assert.equal(csrfTokenMatches(s, undefined), false);
  assert.equal(csrfTokenMatches(s, ''), false);
});

test('origin check: own origin passes, any other origin or a cross-site fetch fails', () => {
  const allowedOrigins = ['http://127.0.0.1:8080'];
  assert.equal(isSameOrigin({ origin: 'http://127.0.0.1:8080', secFetchSite: 'same-origin', allowedOrigins }), true);
  assert.equal(isSameOrigin({ origin: 'https://evil.example', secFetchSite: undefined, allowedOrigins }), false);
  assert.equal(isSameOrigin({ origin: 'null', secFetchSite: undefined, allowedOrigins }), false);
  assert.equal(isSameOrigin({ origin: undefined, secFetchSite: 'cross-site', allowedOrigins }), false);
  assert.equal(isSameOrigin({ origin: undefined, secFetchSite: 'same-site', allowedOrigins }), false);
  assert.equal(isSameOrigin({ origin: undefined, secFetchSite: undefined, allowedOrigins }), true, 'curl, the CLI');
});

test('safe methods', () => {
  assert.equal(isSafeMethod('GET'), true);
  assert.equal(isSafeMethod('POST'), false);
  assert.equal(isSafeMethod('DELETE'), false);
});
