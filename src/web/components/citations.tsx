/** Citations as links (or plain cites when the spec gives no link), each with what the source is. */
import { useTranslation } from 'react-i18next';
import type { Citation } from '../case-api.ts';

export function Citations({ list }: { list: Citation[] }) {
  const { t } = useTranslation('web');
  if (!list.length) return null;
  return (
    <ul className="citations" aria-label={t('analysis.citations')}>
      {list.map((c, i) => (
        <li key={`${c.cite}-${i}`}>
          {c.url ? (
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.cite}
            </a>
          ) : (
            <cite>{c.cite}</cite>
          )}
          {c.title && c.title !== c.cite ? <span className="hint"> — {c.title}</span> : null}
        </li>
      ))}
    </ul>
  );
}
