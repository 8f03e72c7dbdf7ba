import type { FinishedGame } from '@deckhand/protocol';
import { findGame } from '@deckhand/rules';
import { useEffect, useState } from 'react';
import { LinkFailure } from '../LinkFailure';
import { playedOn } from './gameWords';
import { fetchFinishedGame } from './historyApi';
import { ReplayViewer } from './ReplayViewer';
import { ShareLink } from './ShareLink';

type Loading = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'ready'; record: FinishedGame };

/**
 * `/g/ID`: a finished game anyone with the link may replay. Loaded on its
 * own (a separate chunk), so a first visit to a table never downloads it.
 */
export function ReplayScreen({ id, onHome }: { id: string; onHome: () => void }) {
  const [loading, setLoading] = useState<Loading>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading({ kind: 'loading' });
    void fetchFinishedGame(id).then((answer) => {
      if (!live) return;
      setLoading(answer.ok ? { kind: 'ready', record: answer.value } : { kind: 'failed', text: answer.text });
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (loading.kind === 'failed') {
    return <LinkFailure title="This game cannot be opened" text={loading.text} onRetry={() => setAttempt((n) => n + 1)} onHome={onHome} />;
  }
  if (loading.kind === 'loading') {
    return (
      <main className="page">
        <p className="muted" role="status">
          Loading the game…
        </p>
      </main>
    );
  }
  const { record } = loading;
  const name = findGame(record.gameId)?.name ?? record.gameId;
  return (
    <main className="page replay-page stack">
      <div className="row replay-title">
        <div className="grow">
          <h1>{name} replay</h1>
          <p className="muted">
            {playedOn(record.finishedAt)} · {record.players.map((player) => player.name).join(', ')}
          </p>
        </div>
        <ShareLink id={record.id} />
      </div>
      <ReplayViewer record={record} />
    </main>
  );
}
