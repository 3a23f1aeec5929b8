/** The case history: every revision of the facts (who, when, which answer changed), newest first. */
import { useTranslation } from 'react-i18next';
import { api, type User } from '../api.ts';
import { getCase, listRevisions } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatInstant } from '../format.ts';
import { answeredPaths } from '../interview/facts-paths.ts';
import { useFieldText } from '../interview/use-field-text.ts';

/** The facts paths whose answers differ between two revisions. */
export function changedPaths(before: unknown, after: unknown): string[] {
  const a = new Map(answeredPaths(before).map(([p, v]) => [p, JSON.stringify(v)]));
  const b = new Map(answeredPaths(after).map(([p, v]) => [p, JSON.stringify(v)]));
  const out: string[] = [];
  for (const p of new Set([...a.keys(), ...b.keys()])) if (a.get(p) !== b.get(p)) out.push(p);
  return out;
}

export default function History({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const text = useFieldText();
  const load = useLoad(async () => {
    const [kase, revisions, users] = await Promise.all([
      getCase(caseId),
      listRevisions(caseId),
      api<{ users: User[] }>('GET', '/api/users').then((r) => r.users, () => [] as User[]),
    ]);
    return { kase, revisions, users: new Map(users.map((u) => [u.id, u.displayName])) };
  }, [caseId]);
  return (
    <Screen title={t('history.title')}>
      {load.data && <CaseNav caseId={caseId} current="history" title={load.data.kase.title} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && (
        <ol className="history" reversed>
          {[...load.data.revisions].reverse().map((r) => {
            const prev = load.data!.revisions.find((x) => x.revision === r.revision - 1);
            const changed = changedPaths(prev?.facts ?? {}, r.facts).filter((p) => p !== 'version');
            return (
              <li key={r.revision}>
                <p>
                  <strong>{t('history.revision', { n: r.revision })}</strong> — {formatInstant(r.createdAt)} —{' '}
                  {t('history.by', { who: load.data!.users.get(r.authorId) ?? r.authorId.slice(0, 8) })}
                </p>
                {changed.length > 0 && (
                  <ul>
                    {changed.map((p) => (
                      <li key={p}>{text.label(p)}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Screen>
  );
}
