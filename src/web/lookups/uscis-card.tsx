/**
 * What the API knows about a USCIS/consular form or office kind (GET /api/lookups/uscis): the remedies it leads to,
 * whom to name, where to file, the delays courts weighed, the warnings SPEC attaches, and — since Writ holds no office
 * directory or processing times — a link to USCIS's processing-times page. It shows what the API says; it decides nothing.
 */
import { useTranslation } from 'react-i18next';
import { Citations } from '../components/citations.tsx';
import { TableWrap } from '../components/table-wrap.tsx';
import type { EngineMessage } from '../interview/plan-questions.ts';
import { useMessages } from '../use-messages.ts';

interface Cite {
  cite: string;
  url: string;
  spec: string;
}
interface Flag {
  id: string;
  kinds: string[];
  message: EngineMessage;
  citations: Cite[];
}
interface RuleText {
  id: string;
  message: EngineMessage;
  citations: Cite[];
}
interface Path {
  id: string;
  text: EngineMessage;
  remedies: string[];
  nextForm: string | null;
  defendants: RuleText | null;
  venue: RuleText | null;
  flags: Flag[];
  citations: Cite[];
}
interface Duration {
  id: string;
  context: EngineMessage;
  delay: EngineMessage;
  result: EngineMessage;
  cases: string[];
}
interface Form {
  id: string;
  name: EngineMessage;
  agencyName: EngineMessage;
  paths: Path[];
  durations: Duration[];
}
interface Office {
  kind: string;
  name: EngineMessage;
  agencyName: EngineMessage;
  defendants: RuleText[];
  venues: RuleText[];
  flags: Flag[];
}
export interface UscisAnswer {
  forms: Form[];
  office: Office | null;
  processingTimes: { name: string; url: string; message: EngineMessage };
}

const asCitations = (list: Cite[]) => list.map((c) => ({ cite: c.cite, url: c.url, title: '', verified_on: '' }));

function Flags({ list }: { list: Flag[] }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  if (!list.length) return null;
  return (
    <ul className="warnings" aria-label={t('uscis:ui.warnings')}>
      {list.map((f) => (
        <li key={f.id}>
          <strong>{f.kinds.map((k) => t(`uscis:flagKinds.${k}`)).join(', ')}:</strong> {msg(f.message)}
          <Citations list={asCitations(f.citations)} />
        </li>
      ))}
    </ul>
  );
}

function Rules({ title, list }: { title: string; list: RuleText[] }) {
  const { msg } = useMessages();
  if (!list.length) return null;
  return (
    <>
      <h4>{title}</h4>
      {list.map((r) => (
        <div key={r.id}>
          <p>{msg(r.message)}</p>
          <Citations list={asCitations(r.citations)} />
        </div>
      ))}
    </>
  );
}

function FormBlock({ form }: { form: Form }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  return (
    <div className="uscis-form">
      <h3>{t('uscis:ui.form', { form: form.id === 'visa' ? 'Visa' : form.id, name: msg(form.name) })}</h3>
      <p>{t('uscis:ui.handledBy', { agency: msg(form.agencyName) })}</p>
      {form.paths.map((p) => (
        <section key={p.id} className="uscis-path">
          <p>{msg(p.text)}</p>
          <p>
            {p.remedies.length
              ? t('uscis:ui.remedies', { remedies: p.remedies.map((r) => t(`terms.${r}.term`)).join('; ') })
              : p.nextForm
                ? t('uscis:ui.fileFirst', { form: p.nextForm })
                : t('uscis:ui.noRemedy')}
          </p>
          <Citations list={asCitations(p.citations)} />
          <Rules title={t('uscis:ui.defendants')} list={p.defendants ? [p.defendants] : []} />
          <Rules title={t('uscis:ui.venue')} list={p.venue ? [p.venue] : []} />
          <Flags list={p.flags} />
        </section>
      ))}
      {form.durations.length > 0 && (
        <TableWrap label={t('uscis:ui.durationsCaption')}>
          <table className="uscis-durations">
            <caption>{t('uscis:ui.durationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('uscis:ui.context')}</th>
                <th scope="col">{t('uscis:ui.delay')}</th>
                <th scope="col">{t('uscis:ui.result')}</th>
                <th scope="col">{t('uscis:ui.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {form.durations.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{msg(d.context)}</th>
                  <td>{msg(d.delay)}</td>
                  <td>{msg(d.result)}</td>
                  <td>{d.cases.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {form.durations.length > 0 && <p className="hint">{t('uscis:lookup.durationsNote')}</p>}
    </div>
  );
}

export function UscisCard({ v }: { v: UscisAnswer }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  return (
    <>
      {v.forms.map((f) => (
        <FormBlock key={f.id} form={f} />
      ))}
      {v.office && (
        <div className="uscis-office">
          <h3>{t('uscis:ui.office', { office: msg(v.office.name), agency: msg(v.office.agencyName) })}</h3>
          <Rules title={t('uscis:ui.defendants')} list={v.office.defendants} />
          <Rules title={t('uscis:ui.venue')} list={v.office.venues} />
          <Flags list={v.office.flags} />
        </div>
      )}
      <p className="uscis-times">
        {msg(v.processingTimes.message)}{' '}
        <a href={v.processingTimes.url} target="_blank" rel="noreferrer">
          {t('uscis:ui.processingTimesLink')} <span className="visually-hidden">{t('uscis:ui.opensNew')}</span>
        </a>
      </p>
    </>
  );
}
