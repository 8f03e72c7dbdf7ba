import type { RecentGame } from '@deckhand/protocol';
import { findGame } from '@deckhand/rules';
import { useEffect, useState } from 'react';
import { tablePartsOf } from '../games/registry';
import { savedGuest } from '../net/identity';
import { navigate } from '../router';
import { gamePath } from './gameLinks';
import { playedOn, resultOf } from './gameWords';
import { fetchRecentGames } from './historyApi';

type Listing = { kind: 'loading' } | { kind: 'none' } | { kind: 'failed'; text: string } | { kind: 'games'; games: readonly RecentGame[] };

/**
 * The home page's "Recent games": the finished games of this device's guest
 * identity (no sign-up: the token saved when the player first picked a
 * name), newest first, each opening its replay.
 */
export function RecentGames() {
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  useEffect(() => {
    const guest = savedGuest();
    if (!guest) {
      setListing({ kind: 'none' });
      return;
    }
    let live = true;
    void fetchRecentGames(guest.token).then((answer) => {
      if (live) setListing(answer.ok ? { kind: 'games', games: answer.value } : { kind: 'failed', text: answer.text });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="recent-title" data-testid="recent-games">
      <h2 id="recent-title">Recent games</h2>
      {listing.kind === 'loading' && <p className="muted">Loading…</p>}
      {listing.kind === 'failed' && <p className="muted">{listing.text}</p>}
      {(listing.kind === 'none' || (listing.kind === 'games' && listing.games.length === 0)) && (
        <p className="muted">Games you finish on this device show up here, to replay and share.</p>
      )}
      {listing.kind === 'games' && listing.games.length > 0 && (
        <ul className="table-list recent-list">
          {listing.games.map((game) => (
            <RecentGameLine key={game.id} game={game} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecentGameLine({ game }: { game: RecentGame }) {
  const rules = findGame(game.gameId);
  const parts = tablePartsOf(game.gameId);
  const others = game.players.filter((player) => player.seat !== game.seat).map((player) => player.name);
  const result = rules ? resultOf(rules, game.scores, game.seat, parts?.lowerIsBetter ?? false) : '';
  const href = gamePath(game.id);
  return (
    <li>
      <div className="grow">
        <strong>{rules?.name ?? game.gameId}</strong> <span className="muted">· {playedOn(game.finishedAt)}</span>
        <br />
        <span className="muted">with {others.join(', ') || 'nobody'}</span>
        <br />
        <span data-testid="recent-result">
          {result} · {game.scores[game.seat] ?? 0} points
        </span>
      </div>
      <a
        className="button-link"
        href={href}
        aria-label={`Replay ${rules?.name ?? game.gameId} of ${playedOn(game.finishedAt)}`}
        onClick={(event) => {
          event.preventDefault();
          navigate(href);
        }}
      >
        Replay
      </a>
    </li>
  );
}
