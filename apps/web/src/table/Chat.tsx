import { Limits } from '@deckhand/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../net/SessionContext';
import { useValue } from '../store/valueStore';

/** Quick reactions; sent as one-emoji chat lines and shown over the sender's seat. */
export const EMOTES = ['👍', '😂', '😮', '😢', '🎉', '🤔'] as const;

export function Chat() {
  const session = useSession();
  const lines = useValue(session.chat);
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    session.send({ type: 'chat', text: trimmed });
    setText('');
  };

  return (
    <section className="chat" aria-label="Chat">
      <h3>Chat</h3>
      <ol ref={list} aria-live="polite" tabIndex={0} aria-label="Chat messages">
        {lines.length === 0 && <li className="muted">No messages yet.</li>}
        {lines.map((line) => (
          <li key={line.id}>
            <strong>{line.name}:</strong> {line.text}
          </li>
        ))}
      </ol>
      <div className="emotes" role="group" aria-label="Quick emotes">
        {EMOTES.map((emote) => (
          <button key={emote} type="button" aria-label={`Send ${emote}`} onClick={() => session.send({ type: 'chat', text: emote })}>
            {emote}
          </button>
        ))}
      </div>
      <form onSubmit={submit}>
        <label className="visually-hidden" htmlFor="chat-input">
          Message
        </label>
        <input
          id="chat-input"
          value={text}
          maxLength={Limits.chatMax}
          onChange={(event) => setText(event.target.value)}
          placeholder="Say something…"
          autoComplete="off"
        />
        <button type="submit" className="small">
          Send
        </button>
      </form>
    </section>
  );
}

/** The emote each seat sent in the last two seconds (local time), for a pop-up over the seat. */
export function useRecentEmotes(): ReadonlyMap<number, string> {
  const session = useSession();
  const lines = useValue(session.chat);
  const [recent, setRecent] = useState<ReadonlyMap<number, string>>(() => new Map());
  const last = lines[lines.length - 1];
  useEffect(() => {
    if (!last || last.seat === null || !(EMOTES as readonly string[]).includes(last.text)) return;
    const { seat, text } = last;
    setRecent((prev) => new Map(prev).set(seat, text));
    // No cleanup: a newer line must not cancel the removal of this one.
    setTimeout(() => {
      setRecent((prev) => {
        if (prev.get(seat) !== text) return prev;
        const next = new Map(prev);
        next.delete(seat);
        return next;
      });
    }, 2000);
  }, [last]);
  return recent;
}
