/**
 * The organization's incident reports (issue 7), in the order they were started: date, agency, status — never identifying data (the
 * list API sends only facets) — each a link to its report page. Drafts show as drafts. 100 at a time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { Link } from '../router.tsx';

interface Item {
  id: string;
  status: 'draft' | 'submitted';
  facets: { date?: string; agency?: string; duplicateOf?: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

const PAGE = 100;

export default function IncidentList() {
  const { t } = useTranslation('web');
  const [offset, setOffset] = useState(0);
  const load = useLoad(() => api<{ incidents: Item[] }>('GET', `/api/incidents?limit=${PAGE}&offset=${offset}`), [offset]);
  const label = (r: Item) =>
    r.facets ? t('incidents.list.open', { date: r.facets.date ?? '', agency: r.facets.agency ?? '' }) : t('incidents.list.draft', { date: r.updatedAt.slice(0, 10) });
  return (
    <Screen title={t('incidents.list.heading')}>
      <p>
        <Link href="/incidents/new">{t('incidents.form.title')}</Link> · <Link href="/incidents/patterns">{t('incidents.patterns.title')}</Link> ·{' '}
        <Link href="/incidents/duplicates">{t('incidents.patterns.duplicatesLink')}</Link>
      </p>
      {load.loading && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && load.data.incidents.length === 0 && <p>{t('incidents.list.none')}</p>}
      {load.data && load.data.incidents.length > 0 && (
        <ul className="incident-list">
          {load.data.incidents.map((r) => (
            <li key={r.id}>
              <Link href={`/incidents/${r.id}`}>{label(r)}</Link> — {t(`incidents.detail.status.${r.status}`)}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {offset > 0 && <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('incidents.list.previous')}</button>}
        {load.data && load.data.incidents.length === PAGE && <button type="button" onClick={() => setOffset(offset + PAGE)}>{t('incidents.list.next')}</button>}
      </div>
    </Screen>
  );
}
