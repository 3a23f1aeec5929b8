/**
 * Every screen's frame: its title as the page's one <h1> (and the document title), focused when the screen opens so
 * screen-reader and keyboard users start at the top of the new content.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Screen({ title, children, lead }: { title: string; children: ReactNode; lead?: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation('web');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    h1.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={h1} tabIndex={-1} id="screen-title">
        {title}
      </h1>
      {lead}
      {children}
    </>
  );
}

/** A message people must notice now (errors after an action): announced by screen readers. */
export function Alert({ children, kind = 'error' }: { children: ReactNode; kind?: 'error' | 'warning' | 'success' }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** "Loading…", announced politely. */
export function Loading() {
  const { t } = useTranslation('web');
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}
