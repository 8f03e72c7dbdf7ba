import { useEffect, useState } from 'react';
import { useSession } from '../net/SessionContext';
import { useValue } from '../store/valueStore';

const NOTICE_MS = 4000;

/** The latest short message (the server's refusal, a dimmed card's reason) for a few seconds. */
export function useNoticeText(): string | null {
  const session = useSession();
  const notice = useValue(session.notice);
  const [visible, setVisible] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return undefined;
    setVisible(notice.id);
    const timer = setTimeout(() => setVisible((id) => (id === notice.id ? null : id)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return notice && visible === notice.id ? notice.text : null;
}

export function NoticeLine() {
  const text = useNoticeText();
  if (!text) return null;
  return (
    <p className="notice error" role="alert" style={{ margin: '0.75rem auto 0', maxWidth: 928 }} data-testid="notice">
      {text}
    </p>
  );
}
