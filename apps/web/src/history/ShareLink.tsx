import { useState } from 'react';
import { gameLink } from './gameLinks';

/** Copies the game's link; where the clipboard is refused (plain HTTP on a LAN), shows it selected to copy by hand. */
export function ShareLink({ id, label = 'Copy link' }: { id: string; label?: string }) {
  const link = gameLink(id);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setState('manual');
      return;
    }
    clipboard.writeText(link).then(
      () => setState('copied'),
      () => setState('manual'),
    );
  };
  return (
    <div className="share-link stack">
      <button type="button" className="secondary" onClick={copy}>
        {state === 'copied' ? 'Link copied' : label}
      </button>
      {state === 'manual' && (
        <input aria-label="Link to this game" readOnly value={link} onFocus={(event) => event.target.select()} autoFocus data-testid="game-link" />
      )}
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'The link to this game is copied.' : ''}
      </span>
    </div>
  );
}
