/** A link that cannot open (a bad table code, an unknown game): the same clear message first, with Try again and Home. */
/** A link that leads to no table, or a join that failed: what happened, then Try again and Home. */
export function LinkFailure(props: { text: string; onRetry: () => void; onHome: () => void; title?: string }) {
  const { text, onRetry, onHome, title = 'This table cannot be opened' } = props;
  return (
    <main className="page stack">
      <h1 style={{ fontSize: '1.3rem' }}>{title}</h1>
      <p className="notice error" role="alert" data-testid="join-error">
        {text}
      </p>
      <div className="row">
        <button type="button" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="secondary" onClick={onHome}>
          Home
        </button>
      </div>
    </main>
  );
}
