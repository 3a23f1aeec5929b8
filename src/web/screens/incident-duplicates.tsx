/**
 * Possible duplicates among the submitted incident reports (issue 7): each candidate group from
 * GET /api/incidents/duplicates, with why its reports match and the reports side by side (stacked on a phone), and a
 * merge that confirms they are one event (POST /api/incidents/merge: they count once; every report is kept). The API
 * has no "not the same event" record, so a false match is simply left unmerged (said on the page).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { Link } from '../router.tsx';
import type { IncidentView } from '../incidents/detail-rows.ts';
import { DetailsList } from '../incidents/details-list.tsx';

interface Duplicates {
  pairs: Array<{ a: string; b: string; score: number; reasons: Array<{ code: string; text?: string }> }>;
  groups: Array<{ ids: string[] }>;
}

function Group({ n, ids, pairs, onMerged }: { n: number; ids: string[]; pairs: Duplicates['pairs']; onMerged: () => void }) {
  const { t } = useTranslation('web');
  const reports = useLoad(() => Promise.all(ids.map((id) => api<IncidentView>('GET', `/api/incidents/${encodeURIComponent(id)}`))), [ids.join(',')]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const inGroup = pairs.filter((p) => ids.includes(p.a) && ids.includes(p.b));
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', '/api/incidents/merge', { ids });
      onMerged();
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    } finally {
      setBusy(false);
    }
  };
  const headingId = `duplicate-group-${n}`;
  return (
    <section aria-labelledby={headingId} className="duplicate-group">
      <h2 id={headingId}>{t('incidents.duplicates.group', { n })}</h2>
      {inGroup.map((p) => (
        <div key={`${p.a}-${p.b}`}>
          <p>{t('incidents.duplicates.why', { score: p.score })}</p>
          <ul>{p.reasons.map((r, i) => <li key={i}>{r.text ?? r.code}</li>)}</ul>
        </div>
      ))}
      {reports.loading && <Loading />}
      {reports.error && <ApiErrorAlert error={reports.error} />}
      {reports.data && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', gap: '1rem' }}>
          {reports.data.map((r, i) => (
            <article key={r.id} aria-labelledby={`${headingId}-r${i}`}>
              <h3 id={`${headingId}-r${i}`}>
                <Link href={`/incidents/${r.id}`}>{t('incidents.duplicates.report', { n: i + 1 })}</Link>
              </h3>
              <DetailsList report={r} />
            </article>
          ))}
        </div>
      )}
      {failure && <ApiErrorAlert error={failure} />}
      <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>{t('incidents.duplicates.merge')}</button>
    </section>
  );
}

export default function IncidentDuplicates() {
  const { t } = useTranslation('web');
  const [reload, setReload] = useState(0);
  const [merged, setMerged] = useState(false);
  const load = useLoad(() => api<Duplicates>('GET', '/api/incidents/duplicates'), [reload]);
  return (
    <Screen title={t('incidents.duplicates.title')} lead={t('incidents.duplicates.lead')}>
      <p>
        <Link href="/incidents/patterns">{t('incidents.patterns.title')}</Link>
      </p>
      <div aria-live="polite">{merged && <Alert kind="success">{t('incidents.duplicates.merged')}</Alert>}</div>
      {load.loading && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && load.data.groups.length === 0 && <p>{t('incidents.duplicates.none')}</p>}
      {load.data && load.data.groups.length > 0 && <p className="hint">{t('incidents.duplicates.notSame')}</p>}
      {load.data?.groups.map((g, i) => (
        <Group
          key={g.ids.join(',')}
          n={i + 1}
          ids={g.ids}
          pairs={load.data!.pairs}
          onMerged={() => {
            setMerged(true);
            setReload((x) => x + 1);
          }}
        />
      ))}
    </Screen>
  );
}
