import { Suit } from '@deckhand/rules';
import { Client } from 'colyseus.js';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { SuitIcon } from './cards/SuitIcon';
import { Home, type CreateSettings } from './home/Home';
import { ensureGuest, GuestError } from './net/identity';
import { joinFailureText } from './net/joinFailure';
import type { TableSession } from './net/TableSession';
import { navigate, useRoute } from './router';
import { LinkFailure } from './LinkFailure';
import { NO_TABLE_TEXT } from './net/tableLink';
import { NO_GAME_TEXT } from './history/gameLinks';

// The replay viewer is its own chunk: a first visit to the home page or a table never downloads it.
// The table screen too: the home page shows first, and a table link fetches the table's chunk at once.
const TableScreen = lazy(() => import('./TableScreen').then((module) => ({ default: module.TableScreen })));
const ReplayScreen = lazy(() => import('./history/ReplayScreen').then((module) => ({ default: module.ReplayScreen })));

// One origin everywhere: Vite proxies to the game server in development, and
// the game server serves this app in production.
const client = new Client(location.origin);

/** The table session (and the schema classes it decodes with) loads with a table, not with the home page. */
const loadSession = () => import('./net/TableSession').then((module) => module.TableSession);

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<TableSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = useCallback(async (name: string, settings: CreateSettings) => {
    setBusy(true);
    setError(null);
    try {
      const guest = await ensureGuest(name);
      const TableSession = await loadSession();
      const created = new TableSession(client, guest);
      try {
        await created.create({ ...settings });
      } catch (error) {
        if (joinFailureText(error).code !== 'BAD_TOKEN') throw error;
        // A token from before a server restart (new secret): get a fresh one and try once more.
        const retry = new TableSession(client, await ensureGuest(name, { fresh: true }));
        await retry.create({ ...settings });
        setSession(retry);
        navigate(`/t/${retry.code}`);
        return;
      }
      setSession(created);
      navigate(`/t/${created.code}`);
    } catch (error) {
      setError(error instanceof GuestError ? error.message : joinFailureText(error).text);
    } finally {
      setBusy(false);
    }
  }, []);

  const join = useCallback(async (name: string, code: string) => {
    setError(null);
    try {
      await ensureGuest(name);
      navigate(`/t/${code}`);
    } catch (error) {
      setError(error instanceof GuestError ? error.message : joinFailureText(error).text);
    }
  }, []);

  // Going back (browser history or the logo) from a table leaves it, so the seat is not held for nobody.
  const previousRoute = useRef(route);
  useEffect(() => {
    const before = previousRoute.current;
    previousRoute.current = route;
    if (before.screen !== 'table' || (route.screen === 'table' && route.code === before.code)) return;
    if (session?.code === before.code) {
      void session.leave();
      setSession(null);
    }
  }, [route, session]);

  const leave = useCallback(() => {
    void session?.leave();
    setSession(null);
    navigate('/');
  }, [session]);

  return (
    <>
      <header className="topbar">
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          <SuitIcon suit={Suit.Spades} /> Deckhand
        </a>
      </header>
      {route.screen === 'home' ? (
        <Home client={client} busy={busy} error={error} onCreate={(n, s) => void create(n, s)} onJoin={(n, c) => void join(n, c)} />
      ) : route.screen === 'badLink' ? (
        <LinkFailure text={NO_TABLE_TEXT} onRetry={() => location.reload()} onHome={() => navigate('/', true)} />
      ) : route.screen === 'badGameLink' ? (
        <LinkFailure title="This game cannot be opened" text={NO_GAME_TEXT} onRetry={() => location.reload()} onHome={() => navigate('/', true)} />
      ) : route.screen === 'replay' ? (
        <Suspense fallback={<main className="page"><p className="muted" role="status">Loading the replay…</p></main>}>
          <ReplayScreen key={route.id} id={route.id} onHome={() => navigate('/')} />
        </Suspense>
      ) : (
        <Suspense fallback={<main className="page"><p className="muted" role="status">Opening the table…</p></main>}>
          <TableScreen
            key={route.code}
            client={client}
            code={route.code}
            session={session?.code === route.code ? session : null}
            onSession={setSession}
            onLeave={leave}
          />
        </Suspense>
      )}
    </>
  );
}
