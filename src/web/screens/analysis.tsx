/**
 * The analysis, as the engine returns it: for someone detained a "get a lawyer now" block first; then the court,
 * what to do next, case warnings, and each remedy with its viability, element by element (the facts behind each
 * finding, citations as links), bars, the TRAC factors as a table, warnings and the questions that would settle
 * each unknown. The screen only presents; every finding comes from the engine.
 */
import { useTranslation } from 'react-i18next';
import factsSchema from 'virtual:writ/facts-schema';
import { getAnalysis, getCase, type Analysis, type RemedyResult } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Citations } from '../components/citations.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { TermNote } from '../components/term.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatDay, formatInstant } from '../format.ts';
import { isTermId } from '../glossary.ts';
import { getAt, type FactsObject } from '../interview/facts-paths.ts';
import { fieldSpec } from '../interview/field-spec.ts';
import type { EngineMessage } from '../interview/plan-questions.ts';
import { useFieldText } from '../interview/use-field-text.ts';
import { casePath, Link } from '../router.tsx';
import { useMessages } from '../use-messages.ts';
import { TableWrap } from '../components/table-wrap.tsx';

const VIABILITY_ORDER = { viable: 0, weak: 1, unknown: 2, barred: 3 } as const;
const SHOWN_ELSEWHERE = new Set(['common:notLegalAdvice', 'common:detainedGetLawyer']);

export default function AnalysisScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const load = useLoad(async () => {
    const [kase, analysis] = await Promise.all([getCase(caseId), getAnalysis(caseId)]);
    return { kase, analysis, facts: ((kase.facts as FactsObject | null) ?? { version: 1 }) as FactsObject };
  }, [caseId]);
  return (
    <Screen title={t('analysis.title')}>
      {load.data && <CaseNav caseId={caseId} current="analysis" title={load.data.kase.title} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && <AnalysisBody caseId={caseId} analysis={load.data.analysis} facts={load.data.facts} />}
    </Screen>
  );
}

function Messages({ list, className }: { list: EngineMessage[]; className?: string }) {
  const { msg } = useMessages();
  if (!list.length) return null;
  return (
    <ul className={className}>
      {list.map((m, i) => (
        <li key={i}>{msg(m)}</li>
      ))}
    </ul>
  );
}

function FactsBehind({ paths, facts }: { paths: string[]; facts: FactsObject }) {
  const { t } = useTranslation('web');
  const text = useFieldText();
  if (!paths.length) return null;
  return (
    <div className="facts-behind">
      <span>{t('analysis.factsBehind')}</span>
      <ul>
        {paths.map((p) => {
          const v = getAt(facts, p);
          return (
            <li key={p}>
              {text.label(p)}: <strong>{v === undefined ? t('analysis.notAnswered') : text.value(fieldSpec(factsSchema, p), v)}</strong>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function AnalysisBody({ caseId, analysis, facts }: { caseId: string; analysis: Analysis; facts: FactsObject }) {
  const { t } = useTranslation('web');
  const { msg, loc } = useMessages();
  const detained = getAt(facts, 'person.custody') === 'detained';
  const remedies = [...analysis.remedies].sort((a, b) => VIABILITY_ORDER[a.viability] - VIABILITY_ORDER[b.viability]);
  const openQuestions = new Set(analysis.remedies.flatMap((r) => r.questions.map((q) => q.path)));
  const viable = remedies.filter((r) => r.viability === 'viable');
  const upcoming = analysis.remedies
    .flatMap((r) => r.deadlines.map((d) => ({ ...d, remedy: r })))
    .filter((d) => d.due && d.passed !== true)
    .sort((a, b) => String(a.due).localeCompare(String(b.due)));
  const venue = analysis.confinementVenue ?? analysis.venue;

  return (
    <div className="analysis">
      {detained && (
        <aside className="urgent" aria-labelledby="lawyer-now">
          <h2 id="lawyer-now">{t('analysis.getLawyerTitle')}</h2>
          <p>{t('common:detainedGetLawyer')}</p>
          <p>{t('analysis.getLawyerBody')}</p>
        </aside>
      )}
      {/* The footer already says "not legal advice", and the block above already says "get a lawyer now". */}
      <Messages list={analysis.notices.filter((n) => !SHOWN_ELSEWHERE.has(n.code))} className="notices" />

      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t('analysis.nextTitle')}</h2>
        <ol className="next-steps">
          {detained && <li>{t('analysis.nextLawyer')}</li>}
          {upcoming[0] && (
            <li>
              {t('analysis.nextDeadline', { what: msg(upcoming[0].message), date: formatDue(upcoming[0].due!) })}
            </li>
          )}
          {viable.length > 0 && (
            <li>
              {t('analysis.nextPacket', { remedies: viable.map((r) => loc(r.title)).join('; ') })}{' '}
              <Link href={casePath(caseId, 'packet')}>{t('caseNav.packet')}</Link>
            </li>
          )}
          {openQuestions.size > 0 && (
            <li>
              {t('analysis.nextQuestions', { count: openQuestions.size })}{' '}
              <Link href={casePath(caseId, 'interview')}>{t('caseNav.interview')}</Link>
            </li>
          )}
          <li>{t('analysis.nextVerify')}</li>
        </ol>
      </section>

      <section aria-labelledby="court-title">
        <h2 id="court-title">{t('analysis.courtTitle')}</h2>
        <p>
          {venue.districtName ? t('analysis.court', { court: venue.districtName }) : t('analysis.noCourt')}
          {analysis.circuit ? ` ${t('analysis.circuit', { circuit: analysis.circuit })}` : ''}
        </p>
        <Messages list={venue.reasons} />
        <p className="hint">{t('analysis.analysisDate', { date: formatDay(analysis.analysisDate) })}</p>
      </section>

      {analysis.warnings.length > 0 && (
        <section aria-labelledby="case-warnings" className="warning-box">
          <h2 id="case-warnings">{t('analysis.warningsTitle')}</h2>
          <Messages list={analysis.warnings} />
        </section>
      )}

      <h2>{t('analysis.remediesTitle')}</h2>
      {remedies.map((r) => (
        <RemedyCard key={r.remedy} r={r} caseId={caseId} facts={facts} />
      ))}
    </div>
  );
}

function formatDue(due: string): string {
  return due.length > 10 ? formatInstant(due) : formatDay(due);
}

function RemedyCard({ r, caseId, facts }: { r: RemedyResult; caseId: string; facts: FactsObject }) {
  const { t } = useTranslation('web');
  const { msg, loc } = useMessages();
  const text = useFieldText();
  const hid = `remedy-${r.remedy}`;
  return (
    <section className={`remedy viability-${r.viability}`} aria-labelledby={hid}>
      <h3 id={hid}>
        {loc(r.title)} <span className={`badge badge-${r.viability}`}>{t(`viability.${r.viability}`)}</span>
      </h3>
      {isTermId(r.remedy) && <TermNote id={r.remedy} />}
      <Messages list={r.summary} className="summary" />
      {r.warnings.length > 0 && (
        <div className="warning-box" role="note">
          <strong>{t('analysis.warnings')}</strong>
          <Messages list={r.warnings} />
        </div>
      )}
      <details>
        <summary>{t('analysis.elements', { count: r.elements.length })}</summary>
        <ol className="elements">
          {r.elements.map((e) => (
            <li key={e.id} className={`element finding-${e.finding}`}>
              <p>
                <strong>{loc(e.label)}</strong> — <span className={`finding finding-${e.finding}`}>{t(`finding.${e.finding}`)}</span>
              </p>
              <Messages list={e.reasons} />
              <FactsBehind paths={e.facts} facts={facts} />
              <Citations list={e.citations} />
            </li>
          ))}
        </ol>
      </details>
      {r.bars.length > 0 && (
        <details>
          <summary>{t('analysis.bars', { count: r.bars.length })}</summary>
          <ul className="bars">
            {r.bars.map((b) => (
              <li key={b.id}>
                <p>
                  <strong>{loc(b.label)}</strong> — {t(`barTriggered.${String(b.triggered)}`)}
                </p>
                <Messages list={b.reasons} />
                <FactsBehind paths={b.facts} facts={facts} />
                <Citations list={b.citations} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {r.trac && r.trac.length > 0 && (
        <TableWrap label={t('analysis.tracCaption')}>
          <table className="trac">
            <caption>
              {t('analysis.tracCaption')} <TermNote id="TRAC" />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.tracFactor')}</th>
                <th scope="col">{t('analysis.tracFavors')}</th>
                <th scope="col">{t('analysis.tracWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {r.trac.map((f) => (
                <tr key={f.factor}>
                  <th scope="row">{t(`trac.${f.factor}`, { defaultValue: f.factor })}</th>
                  <td>{t(`favors.${f.favors}`)}</td>
                  <td>
                    <Messages list={f.reasons} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {r.deadlines.length > 0 && (
        <div>
          <h4>{t('analysis.deadlines')}</h4>
          <ul>
            {r.deadlines.map((d) => (
              <li key={d.id}>
                {msg(d.message)}: <strong>{d.due ? formatDue(d.due) : t('analysis.noDate')}</strong>
                {d.passed ? ` (${t('analysis.passed')})` : ''}
                <Messages list={d.warnings} className="warnings" />
                <Citations list={d.citations} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.questions.length > 0 && (
        <div>
          <h4>{t('analysis.questions')}</h4>
          <ul>
            {r.questions.map((q) => (
              <li key={q.path}>
                {text.label(q.path)} — <span className="hint">{msg(q.message)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link href={casePath(caseId, 'interview')}>{t('analysis.answerQuestions')}</Link>
          </p>
        </div>
      )}
      <Citations list={r.citations} />
    </section>
  );
}
