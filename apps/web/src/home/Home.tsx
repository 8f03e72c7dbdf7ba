import { DEFAULT_TURN_SECONDS, Visibility, parseName, parseTableCode } from '@deckhand/protocol';
import { GAMES, findGame, type OptionValue } from '@deckhand/rules';
import type { Client } from 'colyseus.js';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { savedName } from '../net/identity';
import { tablePartsOf } from '../games/registry';
import { PublicTables } from './PublicTables';
import { SeatCountOptions } from '../SeatCountOptions';

// Below the fold and needing the history schemas: its own chunk, fetched after the page is drawn.
const RecentGames = lazy(() => import('../history/RecentGames').then((module) => ({ default: module.RecentGames })));

export interface CreateSettings {
  readonly gameId: string;
  readonly options: Record<string, OptionValue>;
  readonly visibility: Visibility;
  readonly seatCount: number;
}

interface HomeProps {
  readonly client: Client;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onCreate: (name: string, settings: CreateSettings) => void;
  readonly onJoin: (name: string, code: string) => void;
}

/** Name, create a table, join by code, the public tables and how to play. */
export function Home({ client, busy, error, onCreate, onJoin }: HomeProps) {
  const [name, setName] = useState(savedName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [gameId, setGameId] = useState(GAMES[0]?.id ?? '');
  const game = findGame(gameId);
  const [seatCount, setSeatCount] = useState(game?.minSeats === game?.maxSeats ? (game?.minSeats ?? 4) : 4);
  const [options, setOptions] = useState<Record<string, OptionValue>>({});
  const [visibility, setVisibility] = useState<Visibility>(Visibility.Private);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const checkedName = (): string | null => {
    const parsed = parseName(name);
    setNameError(parsed.ok ? null : parsed.error.message);
    return parsed.ok ? parsed.value : null;
  };

  const chooseGame = (id: string) => {
    setGameId(id);
    setOptions({});
    const next = findGame(id);
    if (next) setSeatCount(Math.min(next.maxSeats, Math.max(next.minSeats, next.minSeats === next.maxSeats ? next.minSeats : 4)));
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    const valid = checkedName();
    if (!valid || !game) return;
    onCreate(valid, { gameId, options, visibility, seatCount });
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    const valid = checkedName();
    const parsed = parseTableCode(code);
    setCodeError(parsed ? null : 'A table code is 5 letters and digits, like BCD42.');
    if (valid && parsed) onJoin(valid, parsed);
  };
  const joinListed = (listed: string) => {
    const valid = checkedName();
    if (valid) onJoin(valid, listed);
  };

  const defaults = game?.defaultOptions(seatCount) as Record<string, OptionValue> | undefined;

  return (
    <main className="page stack">
      <section className="panel" aria-labelledby="name-title">
        <h1 id="name-title" style={{ fontSize: '1.35rem' }}>
          Card games with friends
        </h1>
        <p className="muted">No sign-up: pick a name, open a table and share the link.</p>
        <label htmlFor="player-name">Your name</label>
        <input
          id="player-name"
          value={name}
          maxLength={40}
          autoComplete="nickname"
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'name-error' : undefined}
        />
        {nameError && (
          <p className="notice error" id="name-error" role="alert" style={{ marginTop: '0.5rem' }}>
            {nameError}
          </p>
        )}
        {error && (
          <p className="notice error" role="alert" style={{ marginTop: '0.5rem' }} data-testid="home-error">
            {error}
          </p>
        )}
      </section>

      <div className="grid-2">
        <form className="panel stack" onSubmit={create} aria-labelledby="create-title">
          <h2 id="create-title">Create a table</h2>
          <fieldset className="game-choice" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="visually-hidden">Game</legend>
            {GAMES.map((candidate) => (
              <label key={candidate.id}>
                <input type="radio" name="game" value={candidate.id} checked={candidate.id === gameId} onChange={() => chooseGame(candidate.id)} />
                <span>
                  <strong>{candidate.name}</strong>
                  <br />
                  <span className="muted">{candidate.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {game && game.minSeats !== game.maxSeats && (
            <div>
              <label htmlFor="create-seats">Players</label>
              <select id="create-seats" value={seatCount} onChange={(event) => setSeatCount(Number(event.target.value))}>
                <SeatCountOptions game={game} />
              </select>
            </div>
          )}
          <div className="option-list">
            {game?.options.map((spec) => {
              const current = options[spec.key] ?? defaults?.[spec.key];
              const index = spec.choices.findIndex((choice) => choice.value === current);
              return (
                <div key={spec.key}>
                  <label htmlFor={`create-${spec.key}`}>{spec.label}</label>
                  <select
                    id={`create-${spec.key}`}
                    value={index < 0 ? '0' : String(index)}
                    onChange={(event) => {
                      const choice = spec.choices[Number(event.target.value)];
                      if (choice) setOptions((prev) => ({ ...prev, [spec.key]: choice.value }));
                    }}
                  >
                    {spec.choices.map((choice, i) => (
                      <option key={String(choice.value)} value={String(i)}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                  <p className="muted" style={{ fontSize: '0.85rem' }}>
                    {spec.description}
                  </p>
                </div>
              );
            })}
          </div>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600 }}>Who can find it</legend>
            <div className="row">
              <label style={{ fontWeight: 400 }}>
                <input type="radio" name="visibility" checked={visibility === Visibility.Private} onChange={() => setVisibility(Visibility.Private)} style={{ minHeight: 0 }} />{' '}
                Private (link or code)
              </label>
              <label style={{ fontWeight: 400 }}>
                <input type="radio" name="visibility" checked={visibility === Visibility.Public} onChange={() => setVisibility(Visibility.Public)} style={{ minHeight: 0 }} />{' '}
                Public (listed here)
              </label>
            </div>
          </fieldset>
          <button type="submit" disabled={busy || !game}>
            {busy ? 'Opening…' : 'Create table'}
          </button>
          <p className="muted" style={{ fontSize: '0.85rem' }}>
            Turn timer starts at {DEFAULT_TURN_SECONDS} s; change it in the table lobby.
          </p>
        </form>

        <div className="stack">
          <form className="panel stack" onSubmit={join} aria-labelledby="join-title">
            <h2 id="join-title">Join by code</h2>
            <div className="row">
              <label className="visually-hidden" htmlFor="join-code">
                Table code
              </label>
              <input
                id="join-code"
                className="code grow"
                value={code}
                placeholder="BCD42"
                autoCapitalize="characters"
                autoComplete="off"
                maxLength={8}
                onChange={(event) => setCode(event.target.value)}
                aria-invalid={codeError ? true : undefined}
              />
              <button type="submit" disabled={busy}>
                Join
              </button>
            </div>
            {codeError && (
              <p className="notice error" role="alert">
                {codeError}
              </p>
            )}
          </form>
          <PublicTables client={client} onJoin={joinListed} />
          <Suspense fallback={null}>
            <RecentGames />
          </Suspense>
          <section className="panel" aria-labelledby="how-title">
            <h2 id="how-title">How to play</h2>
            {GAMES.map((candidate) => (
              <details className="how" key={candidate.id}>
                <summary>{candidate.name}</summary>
                <ul>
                  {(tablePartsOf(candidate.id)?.howToPlay ?? [candidate.description]).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            ))}
          </section>
        </div>
      </div>
    </main>
  );
}
