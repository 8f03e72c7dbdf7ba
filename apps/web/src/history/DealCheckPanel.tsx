import type { FinishedGame } from '@deckhand/protocol';
import { useState } from 'react';
import { checkDeal, type DealCheck } from './checkDeal';
import { sawDealHash } from './dealHashes';

const Mark = ({ ok }: { ok: boolean }) => <strong className={ok ? 'check-pass' : 'check-fail'}>{ok ? '✓ match' : '✗ differ'}</strong>;

/**
 * "Check this deal": the browser hashes the revealed seed and replays every
 * move itself, then says what it compared and whether each part held.
 */
export function DealCheckPanel({ record }: { record: FinishedGame }) {
  const [check, setCheck] = useState<DealCheck | 'running' | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const run = () => {
    setCheck('running');
    setTrouble(null);
    void checkDeal(record).then(setCheck, (error: unknown) => {
      // WebCrypto is missing on a page served over plain HTTP from another machine: say so rather than pass or fail.
      setCheck(null);
      setTrouble(`This browser could not run the check (${error instanceof Error ? error.message : String(error)}). Open the page over HTTPS or on localhost.`);
    });
  };
  return (
    <section className="panel stack" aria-labelledby="check-title">
      <h2 id="check-title">Check this deal</h2>
      <p className="muted">
        The seed that shuffled every hand was kept secret during the game; only its SHA-256 hash was shown at the deal. This
        check runs in your browser: it hashes the revealed seed, and deals and plays every move again with the game&apos;s rules.
      </p>
      <button type="button" onClick={run} disabled={check === 'running'}>
        {check === 'running' ? 'Checking…' : 'Check this deal'}
      </button>
      {trouble && (
        <p className="notice error" role="alert">
          {trouble}
        </p>
      )}
      {check !== null && check !== 'running' && (
        <div className={`notice ${check.ok ? 'check-result pass' : 'check-result error'}`} role="status" data-testid="deal-check" data-result={check.ok ? 'pass' : 'fail'}>
          <p>
            <strong>{check.ok ? 'Pass: this deal is what was promised.' : 'Fail: this game does not check out.'}</strong>
          </p>
          <dl className="check-list">
            <dt>Seed (revealed at game over)</dt>
            <dd className="seed">{record.seed}</dd>
            <dt>SHA-256 of the seed, computed here</dt>
            <dd className="seed">{check.hash.computed}</dd>
            <dt>Hash published at the deal</dt>
            <dd className="seed">
              {check.hash.published} <Mark ok={check.hash.ok} />
            </dd>
            <dt>Seen on this device during the game</dt>
            <dd data-testid="seen-at-deal">
              {sawDealHash(check.hash.published)
                ? 'yes: this browser was at the table when this hash was published'
                : 'not here (this browser did not watch this deal): compare with the hash shown at the table'}
            </dd>
            <dt>
              Moves replayed with the rules: {check.replay.accepted} of {check.replay.total}
            </dt>
            <dd>
              scores {check.replay.scores.join(', ') || '(none)'}; the game ended with {check.replay.stored.join(', ')}{' '}
              <Mark ok={check.replay.ok} />
            </dd>
          </dl>
          {check.replay.problem && <p>{check.replay.problem}</p>}
        </div>
      )}
    </section>
  );
}
