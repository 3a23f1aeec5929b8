// isTokenUseStale: when an API token's use is written (the store test checks the writes themselves).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTokenUseStale, TOKEN_USE_WRITE_INTERVAL_MS } from './accounts.ts';

test('a token use is written when never used, a full minute after the stored use, or when the stored use is in the future', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  assert.equal(TOKEN_USE_WRITE_INTERVAL_MS, 60_000);
  assert.equal(isTokenUseStale(null, now), true);
  assert.equal(isTokenUseStale(ago(0), now), false);
  assert.equal(isTokenUseStale(ago(59_999), now), false);
  assert.equal(isTokenUseStale(ago(60_000), now), true);
  assert.equal(isTokenUseStale(ago(-5_000), now), true, 'a clock that went back does not freeze the stored time');
});
